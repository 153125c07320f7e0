/**
 * The JDBC connection pools of Java services (`code/sqlConnections.ts` reads JDBC's `DriverManager`): HikariCP's
 * `new HikariDataSource(config)` and `new HikariDataSource()`, c3p0's `new ComboPooledDataSource()` and Apache
 * Commons DBCP's `new BasicDataSource()` open a pool. Its settings are the setters the same function calls on the
 * config it is given (HikariCP's `HikariConfig`) or on the data source itself (`ds.setPassword(...)`): the password
 * as the `password` option, the JDBC URL (`setJdbcUrl`, DBCP's `setUrl`) as the connection URL (its `password=`
 * and verification switches). A pool made in a Lambda handler is a pool per invocation, as a `DriverManager`
 * connection is. Setters: https://www.mchange.com/projects/c3p0/ (ComboPooledDataSource),
 * https://commons.apache.org/proper/commons-dbcp/configuration.html (BasicDataSource).
 * Spring Boot's `DataSourceBuilder.create()` builds such a pool (HikariCP when it is on the classpath) from the
 * `url`, `username` and `password` its chain or the name holding it is given, also where the name holds it after
 * calls that set neither (`var builder = DataSourceBuilder.create().type(HikariDataSource.class);`)
 * (https://docs.spring.io/spring-boot/api/java/org/springframework/boot/jdbc/DataSourceBuilder.html).
 * Kotlin makes the pool without `new` (`HikariDataSource(config)`) and writes the setters as properties, on a name
 * (`config.jdbcUrl = url`) or in an `apply` block on the pool or its config (`HikariConfig().apply { password = pw }`).
 */
import { EMBEDDED_JDBC } from '../config/values';
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { perFile } from './fileMemo';
import { Construction } from './handlerClients';
import { positionalOption } from './options';
import { dataSourceTlsOptions } from './sqlJavaPoolProperties';
import { boundLiteral, urlFallbackOption } from './sqlLiterals';
import { tokensNamed } from './tokenIndex';

/** A pool class, the import that names it (the class or its package's `*`), and the setters read, by the option each gives. */
interface JavaPool {
  imported: RegExp;
  setters: Readonly<Record<string, 'password' | 'url'>>;
}

const POOLS: Readonly<Record<string, JavaPool>> = {
  HikariDataSource: { imported: /\bimport\s+com\.zaxxer\.hikari\.(?:HikariDataSource|\*)(?:\s*;|(?![\w.]))/, setters: { setPassword: 'password', setJdbcUrl: 'url' } },
  ComboPooledDataSource: { imported: /\bimport\s+com\.mchange\.v2\.c3p0\.(?:ComboPooledDataSource|\*)(?:\s*;|(?![\w.]))/, setters: { setPassword: 'password', setJdbcUrl: 'url' } },
  BasicDataSource: { imported: /\bimport\s+org\.apache\.commons\.dbcp2?\.(?:BasicDataSource|\*)(?:\s*;|(?![\w.]))/, setters: { setPassword: 'password', setUrl: 'url' } },
  // Spring Boot 2 and later; 1.x had it in `autoconfigure.jdbc`.
  DataSourceBuilder: { imported: /\bimport\s+org\.springframework\.boot\.(?:autoconfigure\.)?jdbc\.(?:DataSourceBuilder|\*)(?:\s*;|(?![\w.]))/, setters: { url: 'url', password: 'password' } },
};

/** The pool classes the file imports, read once per file. */
const importedPools = perFile((a) => new Set(Object.keys(POOLS).filter((name) => POOLS[name].imported.test(a.text))));

/** Whether the file imports one of the pools. */
export function importsJavaPool(a: CodeAnalyzer): boolean {
  return importedPools(a).size > 0;
}

/**
 * `new HikariDataSource(...)` (or another pool) at `k` (the `new`), or `DataSourceBuilder.create()` at `k` (the
 * class), under a name nothing of the file shadows; a builder only where it is given a server's URL in sight.
 */
export function javaPoolOpenedAt(a: CodeAnalyzer, k: number): { construction: Construction; open: number } | undefined {
  const builder = a.idIs(k, 'DataSourceBuilder') && !a.isAccess(k - 1) && a.isAccess(k + 1) && a.idIs(k + 2, 'create');
  // Kotlin: `HikariDataSource(config)`, a constructor called by its name.
  const bare = !builder && a.language.constructsWithoutNew === true && a.isId(k) && !a.isAccess(k - 1) && a.is(k + 1, '(');
  const name = a.idIs(k, 'new') ? a.id(k + 1) : builder ? 'DataSourceBuilder' : bare ? a.id(k) : undefined;
  const at = builder || bare ? k : k + 1;
  const open = at + (builder ? 3 : 1);
  if (name === undefined || !importedPools(a).has(name) || !a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  if (a.scopes.lookup(name, at) !== undefined || a.scopes.classNamed(name) >= 0) {
    return undefined;
  }
  if (builder && !builderGivenUrl(a, k, open)) {
    return undefined;
  }
  return { construction: { start: k, name: at, end: a.partner[open] + 1, service: 'rds', redis: false }, open };
}

/**
 * Whether a builder's chain names a server's URL, or a name holds the builder for later calls. A bare
 * `DataSourceBuilder.create().build()` takes its settings from `@ConfigurationProperties`, whose
 * `application.yml` gets the hover (`config/spring.ts`), and may be any database; `jdbc:h2:mem:` is none.
 */
function builderGivenUrl(a: CodeAnalyzer, k: number, open: number): boolean {
  if (a.is(k - 1, '=') && a.isId(k - 2) && a.is(a.partner[open] + 1, ';')) {
    return true;
  }
  let url = chainedSetters(a, open).find(([setter]) => setter === 'url');
  if (url === undefined) {
    // `var builder = DataSourceBuilder.create().type(HikariDataSource.class);` completed later by `builder.url(...)`.
    const holder = heldBuilder(a, k, open);
    url = holder >= 0 ? heldSetterCalls(a, holder, k).find(([setter]) => setter === 'url') : undefined;
  }
  return url !== undefined && !(url[2] === url[1] + 1 && a.isString(url[1]) && EMBEDDED_JDBC.test(a.tokens.text(url[1]).trim()));
}

/**
 * The name a builder is assigned to when its statement ends with the chain and neither sets the URL or the
 * password nor builds it (`var builder = DataSourceBuilder.create(loader).type(X.class);`); -1 otherwise.
 */
function heldBuilder(a: CodeAnalyzer, k: number, open: number): number {
  if (!a.is(k - 1, '=') || !a.isId(k - 2)) {
    return -1;
  }
  let end = a.partner[open] + 1;
  for (; a.isAccess(end) && a.isId(end + 1) && a.is(end + 2, '(') && a.partner[end + 2] > end + 2; end = a.partner[end + 2] + 1) {
    if (['url', 'password', 'build'].includes(a.tokens.text(end + 1))) {
      return -1;
    }
  }
  return a.is(end, ';') ? k - 2 : -1;
}

/** The calls chained after the call whose `(` is `open` (`.url(x).password(y).build()`), as [method, first token, end] of their one argument. */
function chainedSetters(a: CodeAnalyzer, open: number): [string, number, number][] {
  const found: [string, number, number][] = [];
  for (let j = a.partner[open] + 1; a.isAccess(j) && a.isId(j + 1) && a.is(j + 2, '(') && a.partner[j + 2] > j + 2; j = a.partner[j + 2] + 1) {
    const args = segments(a, j + 2);
    if (args.length === 1) {
      found.push([a.tokens.text(j + 1), args[0][0], args[0][1]]);
    }
  }
  return found;
}

/**
 * The one-argument calls made on the name at `held` in the function or block around `made`, each with the calls
 * chained after it (`builder.url(url).password(secret).build()`), as [method, first token, end] of their argument.
 */
function heldSetterCalls(a: CodeAnalyzer, held: number, made: number): [string, number, number][] {
  const found: [string, number, number][] = [];
  const [from, to] = a.scopes.range(a.scopes.enclosing(made, ['function', 'block']));
  for (const use of tokensNamed(a, a.tokens.text(held))) {
    if (use >= from && use < to && !a.isAccess(use - 1) && a.isAccess(use + 1) && a.isId(use + 2) && a.is(use + 3, '=') && !a.is(use + 4, '=') && a.language.constructsWithoutNew) {
      // Kotlin's `config.jdbcUrl = url`.
      found.push(propertySetter(a, use + 2));
      continue;
    }
    if (use < from || use >= to || a.isAccess(use - 1) || !a.isAccess(use + 1) || !a.isId(use + 2) || !a.is(use + 3, '(') || a.partner[use + 3] < use + 3) {
      continue;
    }
    const args = segments(a, use + 3);
    if (args.length === 1) {
      found.push([a.tokens.text(use + 2), args[0][0], args[0][1]]);
    }
    found.push(...chainedSetters(a, use + 3));
  }
  return found;
}

/**
 * The settings of a pool: the setters called on the config it is given (`new HikariDataSource(config)`) or on
 * the name it is assigned to (`HikariDataSource ds = new HikariDataSource();`), in the function or initializer
 * block that makes it. `addUrl` reads a JDBC URL's password and switches.
 */
export function javaPoolOptions(a: CodeAnalyzer, pool: string, made: Construction, open: number, context: OptionContext, addUrl: (url: number) => void): void {
  const setters = POOLS[pool].setters;
  const read = (setter: string, argStart: number, argEnd: number): void => {
    const option = Object.hasOwn(setters, setter) ? setters[setter] : undefined;
    if (option === 'password') {
      context.options.push(positionalOption(a, argStart, argEnd, 'password'));
    } else if (option === 'url') {
      const literal = argEnd === argStart + 1 ? (a.isString(argStart) ? argStart : boundLiteral(a, argStart)) : -1;
      const fallback = literal < 0 ? urlFallbackOption(a, argStart, argEnd) : undefined;
      if (literal >= 0) {
        addUrl(literal);
      } else if (fallback) {
        context.options.push(fallback);
      }
    }
  };
  // A builder configured in one chain: `DataSourceBuilder.create().url(url).password(password).build()`.
  const chain = chainedSetters(a, open);
  if (chain.length > 0) {
    chain.forEach(([setter, argStart, argEnd]) => read(setter, argStart, argEnd));
    if (chain.some(([setter]) => Object.hasOwn(setters, setter))) {
      return;
    }
  }
  const builder = pool === 'DataSourceBuilder';
  const [first] = builder ? [] : segments(a, open);
  // Kotlin's `HikariDataSource().apply { ... }` and `HikariDataSource(HikariConfig().apply { ... })`.
  const applied = a.language.constructsWithoutNew ? [...appliedSetters(a, a.partner[open]), ...(first && a.isId(first[0]) && a.is(first[0] + 1, '(') ? appliedSetters(a, a.partner[first[0] + 1]) : [])] : [];
  applied.forEach(([setter, argStart, argEnd]) => read(setter, argStart, argEnd));
  const held = first && first[1] === first[0] + 1 && a.isId(first[0]) ? first[0] : a.is(made.start - 1, '=') && a.isId(made.start - 2) ? made.start - 2 : -1;
  if (held < 0) {
    context.complete &&= applied.length > 0;
    return;
  }
  for (const [setter, argStart, argEnd] of heldSetterCalls(a, held, made.start)) {
    read(setter, argStart, argEnd);
  }
  context.options.push(...dataSourceTlsOptions(a, held, made.start));
}

/** Kotlin's Java setter written as a property at the name token `name` (`jdbcUrl = url`): the setter, and its value's tokens. */
function propertySetter(a: CodeAnalyzer, name: number): [string, number, number] {
  const property = a.tokens.text(name);
  return [`set${property.charAt(0).toUpperCase()}${property.slice(1)}`, name + 2, expressionEnd(a, name + 2)];
}

/** Kotlin: the properties an `apply` block set on what the call closing at `close` made (`HikariConfig().apply { password = pw }`). */
function appliedSetters(a: CodeAnalyzer, close: number): [string, number, number][] {
  const brace = close > 0 && a.isAccess(close + 1) && a.idIs(close + 2, 'apply') && a.is(close + 3, '{') ? close + 3 : -1;
  const found: [string, number, number][] = [];
  for (let k = brace + 1; brace > 0 && k < a.partner[brace]; k++) {
    if (a.parent[k] === brace && a.isId(k) && a.is(k + 1, '=') && !a.isAccess(k - 1) && !a.is(k + 2, '=')) {
      found.push(propertySetter(a, k));
    }
  }
  return found;
}
