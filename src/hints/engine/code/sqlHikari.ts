/**
 * HikariCP, the JDBC connection pool of most Java services (`code/sqlConnections.ts` reads JDBC's
 * `DriverManager`): `new HikariDataSource(config)` and `new HikariDataSource()` open a pool. Its settings are
 * the setters the same function calls on the `HikariConfig` it is given, or on the data source itself
 * (`config.setJdbcUrl(...)`, `config.setPassword(...)`, `ds.setPassword(...)`): the password as the `password`
 * option, the JDBC URL as the connection URL (its `password=` and verification switches). A pool made in a Lambda
 * handler is a pool per invocation, as a `DriverManager` connection is.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { Construction } from './handlerClients';
import { positionalOption } from './options';
import { boundLiteral, urlFallbackOption } from './sqlLiterals';
import { tokensNamed } from './tokenIndex';

/** `import com.zaxxer.hikari.HikariDataSource;` or the package's `*`. */
const HIKARI_IMPORT = /\bimport\s+com\.zaxxer\.hikari\.(?:HikariDataSource|\*)\s*;/;

export function importsHikari(a: CodeAnalyzer): boolean {
  return HIKARI_IMPORT.test(a.text);
}

/** `new HikariDataSource(...)` at `k` (the `new`), under a name nothing of the file shadows. */
export function hikariOpenedAt(a: CodeAnalyzer, k: number): { construction: Construction; open: number } | undefined {
  if (!a.idIs(k, 'new') || !a.idIs(k + 1, 'HikariDataSource') || !a.is(k + 2, '(') || a.partner[k + 2] < 0) {
    return undefined;
  }
  if (a.scopes.lookup('HikariDataSource', k + 1) !== undefined || a.scopes.classNamed('HikariDataSource') >= 0 || !importsHikari(a)) {
    return undefined;
  }
  return { construction: { start: k, name: k + 1, end: a.partner[k + 2] + 1, service: 'rds', redis: false }, open: k + 2 };
}

/** Setters read, by the option each gives. */
const SETTERS: Readonly<Record<string, 'password' | 'url'>> = { setPassword: 'password', setJdbcUrl: 'url' };

/**
 * The settings of a pool: the setters called on the config it is given (`new HikariDataSource(config)`) or on
 * the name it is assigned to (`HikariDataSource ds = new HikariDataSource();`), in the function or initializer
 * block that makes it. `addUrl` reads a JDBC URL's password and switches.
 */
export function hikariOptions(a: CodeAnalyzer, made: Construction, open: number, context: OptionContext, addUrl: (url: number) => void): void {
  const [first] = segments(a, open);
  const held = first && first[1] === first[0] + 1 && a.isId(first[0]) ? first[0] : a.is(made.start - 1, '=') && a.isId(made.start - 2) ? made.start - 2 : -1;
  if (held < 0) {
    context.complete = false;
    return;
  }
  const name = a.tokens.text(held);
  const scope = a.scopes.enclosing(made.start, ['function', 'block']);
  const [from, to] = a.scopes.range(scope);
  for (const use of tokensNamed(a, name)) {
    if (use < from || use >= to || a.isAccess(use - 1) || !a.isAccess(use + 1) || !a.is(use + 3, '(')) {
      continue;
    }
    const setter = a.tokens.text(use + 2);
    const option = Object.hasOwn(SETTERS, setter) ? SETTERS[setter] : undefined;
    const args = option && a.partner[use + 3] > use + 3 ? segments(a, use + 3) : [];
    if (args.length !== 1) {
      continue;
    }
    const [argStart, argEnd] = args[0];
    if (option === 'password') {
      context.options.push(positionalOption(a, argStart, argEnd, 'password'));
    } else {
      const literal = argEnd === argStart + 1 ? (a.isString(argStart) ? argStart : boundLiteral(a, argStart)) : -1;
      const fallback = literal < 0 ? urlFallbackOption(a, argStart, argEnd) : undefined;
      if (literal >= 0) {
        addUrl(literal);
      } else if (fallback) {
        context.options.push(fallback);
      }
    }
  }
}
