/**
 * String literals that SQL connection options hold through a name (`code/sqlConnections.ts`): a password or a
 * connection URL passed as a local that the same function sets once to a literal, as a module's name bound once
 * to one (`PASSWORD = "..."` above a Flask route that connects, `const DATABASE_URL = "postgres://..."`), or as a
 * Java `final` field. That literal is what the code writes for the connection. Redis clients' passwords and
 * hosts are read the same way (`readRedisLocalLiterals`).
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { bindsWholeExpression, UNBOUND_VALUE } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { literalOf } from './options';
import { perFile } from './fileMemo';
import { pythonSecretConstants } from '../workspace/secretConstants';
import { tokensNamed } from './tokenIndex';

/** The string literal token a name at `token` holds, bound once to it (see `onlyBinding`), or -1. */
export function boundLiteral(a: CodeAnalyzer, token: number): number {
  if (!a.isId(token) || a.isAccess(token - 1)) {
    return -1;
  }
  const binding = onlyBinding(a, token);
  const from = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  return from >= 0 && a.isString(from) && expressionEnd(a, from) === from + 1 ? from : -1;
}

/** An environment read with a literal fallback that a name at `token` holds, bound once to it (`const password = process.env.DB_PASSWORD || 'pw'`). */
function boundFallback(a: CodeAnalyzer, token: number): Literal | undefined {
  if (a.isAccess(token - 1)) {
    return undefined;
  }
  const binding = onlyBinding(a, token);
  const from = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  const literal = from >= 0 ? literalOf(a, from, expressionEnd(a, from)).literal : undefined;
  return literal?.kind === 'expr' && literal.envFallback !== undefined ? literal : (springDefault(a, token) ?? undefined);
}

/** A Spring property placeholder with a default: `${spring.datasource.password:pw}` (not a `#{...}` expression). */
const PLACEHOLDER_DEFAULT = /^\$\{[^:{}]+:(?!#\{)(.*)\}$/s;

/**
 * Java: a field that Spring sets from a property with a default and nothing else sets
 * (`@Value("${spring.datasource.password:pw}") private String password;`). The default is what the code
 * connects with wherever the property (or the environment variable Spring binds to it) is unset.
 */
function springDefault(a: CodeAnalyzer, token: number): Literal | undefined {
  const bound = springValueOf(a, token);
  const fallback = bound && PLACEHOLDER_DEFAULT.exec(bound.text)?.[1];
  return bound && fallback !== undefined ? { kind: 'expr', text: a.tokens.text(bound.field), envFallback: fallback } : undefined;
}

/**
 * Java: the `@Value("...")` text of the one field the name at `token` reads, when nothing else of the class binds it
 * (`@Value("${app.redis.password}") private String password;`), and the field's token; undefined otherwise.
 */
export function springValueOf(a: CodeAnalyzer, token: number): { text: string; field: number } | undefined {
  const owner = a.language.family === 'java' ? a.scopes.enclosing(token, ['class']) : -1;
  const members = owner > 0 ? a.scopes.memberBindings(owner, a.tokens.text(token)) : [];
  if (members.length !== 1 || a.scopes.lookup(a.tokens.text(token), token, true) !== members[0]) {
    return undefined;
  }
  const field = members[0].token;
  for (let k = field - 1; k >= 0 && k >= field - MAX_DECLARATION_TOKENS && !a.is(k, ';') && !a.is(k, '{') && !a.is(k, '}'); k--) {
    const open = a.is(k, ')') ? a.partner[k] : -1;
    if (open > 1 && a.idIs(open - 1, 'Value') && a.is(open - 2, '@')) {
      return open + 2 === k && a.isString(open + 1) ? { text: a.tokens.text(open + 1), field } : undefined;
    }
  }
  return undefined;
}

/**
 * A Java connection URL read from the environment with a literal fallback, in place or through a name bound once
 * to the read (`String url = Optional.ofNullable(System.getenv("DB_URL")).orElse("jdbc:...")`), as the `url`
 * option: a local server there tells the password's fallback is a development setup's.
 */
export function urlFallbackOption(a: CodeAnalyzer, from: number, to: number): OptionOccurrence | undefined {
  const literal = to === from + 1 && a.isId(from) ? boundFallback(a, from) : literalOf(a, from, to).literal;
  if (literal?.kind !== 'expr' || literal.envFallback === undefined) {
    return undefined;
  }
  const value = a.span(from, to - 1);
  return { name: 'url', norm: 'url', key: value, value, literal, removal: value };
}

/** An environment variable that names the server: `DB_HOST`, `POSTGRES_HOSTNAME`, `MYSQL_SERVER`. */
const HOST_VARIABLE = /(?:HOST|HOSTNAME|SERVER)$/i;

/**
 * Java: the server a connection's URL is built from (`String.format("jdbc:postgresql://%s:5432/app", host)`), read
 * in the same function from the environment with a literal fallback (`Optional.ofNullable(System.getenv("DB_HOST"))
 * .orElse("localhost")`, `System.getenv().getOrDefault("DB_HOST", "localhost")`), as the `host` option.
 */
export function javaHostFallback(a: CodeAnalyzer, at: number): OptionOccurrence | undefined {
  const fn = a.scopes.enclosing(at, ['function']);
  if (fn <= 0) {
    return undefined;
  }
  const [from, to] = a.scopes.range(fn);
  for (const k of tokensNamed(a, 'getenv')) {
    if (k < from || k >= to || !a.idIs(k - 2, 'System') || !a.isString(k + 2) || !HOST_VARIABLE.test(a.tokens.text(k + 2))) {
      continue;
    }
    // `Optional.ofNullable(System.getenv("X")).orElse("v")` or `System.getenv().getOrDefault("X", "v")`.
    const optional = a.idIs(k - 4, 'ofNullable') && a.is(k - 3, '(') ? k - 6 : -1;
    const start = optional >= 0 ? optional : k - 2;
    const call = optional >= 0 ? a.partner[k - 3] + 3 : k + 5;
    const end = a.is(call, '(') && a.partner[call] > call ? a.partner[call] + 1 : -1;
    const literal = end > 0 ? literalOf(a, start, end).literal : undefined;
    if (literal?.kind === 'expr' && literal.envFallback !== undefined) {
      const value = a.span(start, end - 1);
      return { name: 'host', norm: 'host', key: value, value, literal, removal: value };
    }
  }
  return undefined;
}

/**
 * A password passed as a local that the same function sets once to a string literal (`String password =
 * "12345678"; DriverManager.getConnection(url, user, password)`), as a module's name bound once to one
 * (`PASSWORD = "..."` above a Flask route that connects), or as a Java `final` field: that literal is the
 * password written in the code.
 */
export function withLocalPasswords(a: CodeAnalyzer, context: OptionContext): OptionContext {
  withLocalLiterals(a, context, PASSWORDS);
  withClassAttributePasswords(a, context);
  // A server held by a name bound once to an environment read with a fallback (`DB_HOST = os.getenv("DB_HOST",
  // "localhost")`): its fallback, so that a local development default is known as one.
  context.options.forEach((option, index) => {
    const [first, end] = SERVERS.has(option.norm) && option.literal.kind === 'expr' ? a.tokensOf(option.value) : [0, 0];
    const fallback = end === first + 1 && a.isId(first) ? boundFallback(a, first) : undefined;
    if (fallback) {
      context.options[index] = { name: option.name, norm: option.norm, key: option.key, value: option.value, literal: fallback, removal: option.removal };
    }
  });
  return context;
}

const SERVERS: ReadonlySet<string> = new Set(['host', 'hostname', 'server', 'url']);

/** The password attributes the file's top-level Python classes bind to a literal, by `Class.NAME` (`workspace/secretConstants.ts`). */
const classSecrets = perFile((a) => (a.language.family === 'python' ? (pythonSecretConstants(a.text) ?? {}) : {}));

/**
 * Python: a password read as an attribute of a class of the file (`password=Settings.DB_PASSWORD` under `class
 * Settings:` whose body binds `DB_PASSWORD = "..."` once): that literal, without its span (a quick fix edits the option only).
 */
function withClassAttributePasswords(a: CodeAnalyzer, context: OptionContext): void {
  context.options.forEach((option, index) => {
    const [first, end] = PASSWORDS.has(option.norm) && option.literal.kind === 'expr' ? a.tokensOf(option.value) : [0, 0];
    if (end !== first + 3 || !a.isId(first) || a.isAccess(first - 1) || !a.is(first + 1, '.') || a.scopes.classNamed(a.tokens.text(first)) <= 0) {
      return;
    }
    const key = `${a.tokens.text(first)}.${a.tokens.text(first + 2)}`;
    const secrets = classSecrets(a);
    const binding = onlyBinding(a, first);
    // The name read is the module's class, not a local or parameter that shadows it.
    if (Object.hasOwn(secrets, key) && binding !== undefined && a.scopes.enclosing(binding.token, ['function']) <= 0) {
      context.options[index] = { name: option.name, norm: option.norm, key: option.key, value: option.value, literal: { kind: 'str', value: secrets[key].value }, removal: option.removal };
    }
  });
}

const PASSWORDS: ReadonlySet<string> = new Set(['password', 'passwd']);

/** The options named by `norms` that a context takes through a name bound once to a string literal, as that literal. */
export function withLocalLiterals(a: CodeAnalyzer, context: OptionContext, norms: ReadonlySet<string>): OptionContext {
  context.options.forEach((option, index) => {
    if (!norms.has(option.norm) || option.literal.kind !== 'expr') {
      return;
    }
    const [first, end] = a.tokensOf(option.value);
    if (end !== first + 1 || !a.isId(first)) {
      return;
    }
    const fallback = boundFallback(a, first);
    if (fallback) {
      context.options[index] = { name: option.name, norm: option.norm, key: option.key, value: option.value, literal: fallback, removal: option.removal };
      return;
    }
    const from = boundLiteral(a, first);
    if (from >= 0) {
      const literal = literalOf(a, from, from + 1).literal;
      if (literal.kind === 'str') {
        // Options are read-only views of their tokens: a plain copy holds the literal.
        context.options[index] = { name: option.name, norm: option.norm, key: option.key, value: option.value, literal, removal: option.removal };
      }
    }
  });
  return context;
}

const REDIS_LITERALS: ReadonlySet<string> = new Set(['password', 'host', 'addr']);

/**
 * A Redis client's password and host passed through a name bound once to a literal (`const redisPassword = ""`
 * in a Go `const` block, a module's `REDIS_HOST = "localhost"`): the literal, so that an empty password sends
 * no AUTH, a written one is seen, and a local server is known as local.
 */
export function readRedisLocalLiterals(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  for (const context of contexts) {
    if (context.kind === 'redis-client') {
      withLocalLiterals(a, context, REDIS_LITERALS);
    }
  }
}

/**
 * The one binding a name at `token` reads (or `name` read there, inside a template's text): a local the same
 * function (or the module, for a use at module level) binds, the last before the use, or a name of an outer scope (a module's `DB_PASSWORD = "..."`, a constant)
 * bound once and never again.
 */
export function onlyBinding(a: CodeAnalyzer, token: number, name = a.tokens.text(token)): ReturnType<CodeAnalyzer['scopes']['lookup']> {
  const outer = a.scopes.outerBindings(name, token);
  if (outer) {
    return outer.length === 1 ? outer[0] : undefined;
  }
  const binding = a.scopes.lookup(name, token);
  const fn = a.scopes.enclosing(token, ['function']);
  // The same function, or both at module level: the last binding before the use is the one it reads.
  if (binding !== undefined && binding !== UNBOUND_VALUE && Math.max(a.scopes.enclosing(binding.token, ['function']), 0) === Math.max(fn, 0)) {
    return binding;
  }
  // Java: a `final` field of the class, which only its declaration sets (`private static final String DB_PASSWORD = "...";`).
  const owner = a.language.family === 'java' ? a.scopes.enclosing(token, ['class']) : -1;
  const members = owner > 0 ? a.scopes.memberBindings(owner, name) : [];
  return members.length === 1 && declaredFinal(a, members[0].token) ? members[0] : undefined;
}

/** Modifiers and a type read back from a Java field's name to its declaration's start. */
const MAX_DECLARATION_TOKENS = 8;

/** Whether a Java field declared at `token` is `final`: a modifier of its declaration, on the same line. */
function declaredFinal(a: CodeAnalyzer, token: number): boolean {
  for (let k = token - 1; k >= 0 && k >= token - MAX_DECLARATION_TOKENS && !a.is(k, ';') && !a.is(k, '{') && !a.is(k, '}'); k--) {
    if (a.idIs(k, 'final')) {
      return true;
    }
  }
  return false;
}

