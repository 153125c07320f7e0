/**
 * Java and Kotlin: a Redis client's host that Spring sets from a property, read as the values the project's
 * configuration files write for it (`workspace/springSecrets.ts`). The host is a field bound with
 * `@Value("${spring.data.redis.host}")`, a field of a `@ConfigurationProperties(prefix = "app.cache")` class read in
 * that class (`host`, `this.host`), or a getter path on a name declared with such a class (`settings.getHost()`,
 * `props.getRedis().getHost()`, Kotlin's `settings.host`), whose class another file may declare.
 *
 * Where every profile of the project names this machine (`localhost`, `127.0.0.1`) or a plain server name (a Docker
 * Compose service), the host becomes those values, as if written: the rules that leave a local server alone
 * (`redis-auth-without-tls`, `redis-tls`'s hover) read them as they read a literal. Anything else (a remote address, an
 * environment variable, a key no file writes) leaves the host unknown, as before.
 */
import type { CodeAnalyzer } from './analyzer';
import { Literal, OptionContext } from '../model';
import { namesThisMachine } from '../redisClientTls';
import { UNBOUND_VALUE } from '../scope/scopes';
import { springValueOf } from './sqlLiterals';

/** The options that name a Redis client's server. */
const SERVER_OPTIONS: ReadonlySet<string> = new Set(['host', 'hostname', 'addr', 'address', 'url', 'uri']);
/** A `@Value` text that is one placeholder, with its default: `${spring.data.redis.host}`, `${app.host:localhost}`. */
const WHOLE_PLACEHOLDER = /^\$\{([\w.\-[\]]+)(?::([^{}]*))?\}$/;
/** A server name without dots: a Docker Compose service (`redis`, `cache-db`). */
const PLAIN_NAME = /^[a-z][\w-]*$/i;
/** A Java getter: `getHost`, `getRedis`. */
const GETTER = /^get([A-Z]\w*)$/;

export function readSpringBoundHosts(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  const project = a.project;
  if (a.language.family !== 'java' || !project?.springHostValues) {
    return;
  }
  for (const context of contexts) {
    if (context.kind !== 'redis-client') {
      continue;
    }
    context.options.forEach((option, index) => {
      const literal = option.literal;
      if (!SERVER_OPTIONS.has(option.norm) || literal.kind !== 'expr' || literal.oneOf) {
        return;
      }
      const [first, end] = a.tokensOf(option.value);
      const servers = springBoundServers(a, first, end);
      if (servers) {
        const oneOf: Literal[] = servers.map((value) => ({ kind: 'str', value }));
        // Options are read-only views of their tokens: a copy holds the values.
        context.options[index] = { name: option.name, norm: option.norm, key: option.key, value: option.value, literal: { kind: 'expr', text: literal.text, oneOf }, removal: option.removal };
      }
    });
  }
}

/**
 * The servers the expression from `first` to `end` holds where it reads a Spring property whose every value in the
 * project is this machine or a plain server name; undefined otherwise.
 */
export function springBoundServers(a: CodeAnalyzer, first: number, end: number): string[] | undefined {
  const bound = a.language.family === 'java' ? propertyOf(a, first, end) : undefined;
  const values = bound && a.project?.springHostValues?.(bound.key);
  const servers = values && [...values, ...(bound.fallback ? [bound.fallback] : [])];
  return servers && servers.length > 0 && servers.every((server) => namesThisMachine(server) || PLAIN_NAME.test(server)) ? servers : undefined;
}

/** The property key the expression from `first` to `end` reads, with a `@Value` default; undefined when it reads none. */
function propertyOf(a: CodeAnalyzer, first: number, end: number): { key: string; fallback?: string } | undefined {
  const start = a.idIs(first, 'this') && a.isAccess(first + 1) ? first + 2 : first;
  if (!a.isId(start)) {
    return undefined;
  }
  if (end === start + 1) {
    const bound = springValueOf(a, start);
    const placeholder = bound ? WHOLE_PLACEHOLDER.exec(bound.text) : null;
    if (bound) {
      return placeholder ? { key: placeholder[1], ...(placeholder[2] ? { fallback: placeholder[2].trim() } : {}) } : undefined;
    }
  }
  // The class that holds the name, or the class the name is declared with: its prefix, then the path read from it.
  const own = end === start + 1 ? ownPropertyClass(a, start) : undefined;
  const type = own ?? declaredClass(a, start);
  const prefix = type && a.project?.springPropertyPrefix?.(type);
  const path = own ? [a.tokens.text(start)] : gettersPath(a, start + 1, end);
  return prefix && path && path.length > 0 ? { key: [prefix, ...path].join('.') } : undefined;
}

/** The enclosing class's name when the name at `token` is one of its fields (nothing local shadows it). */
function ownPropertyClass(a: CodeAnalyzer, token: number): string | undefined {
  const owner = a.scopes.enclosing(token, ['class']);
  const members = owner > 0 ? a.scopes.memberBindings(owner, a.tokens.text(token)) : [];
  return members.length === 1 && a.scopes.lookup(a.tokens.text(token), token, true) === members[0] ? a.scopes.nameOfClass(owner) : undefined;
}

/** The class a name at `token` is declared with: Java's `CacheSettings settings`, Kotlin's `settings: CacheSettings`. */
function declaredClass(a: CodeAnalyzer, token: number): string | undefined {
  const name = a.tokens.text(token);
  const owner = a.scopes.enclosing(token, ['class']);
  const afterThis = a.isAccess(token - 1);
  const members = owner > 0 ? a.scopes.memberBindings(owner, name) : [];
  const binding = afterThis ? (members.length === 1 ? members[0] : undefined) : a.scopes.lookup(name, token, true);
  const at = binding && binding !== UNBOUND_VALUE ? binding.token : -1;
  if (at < 0) {
    return undefined;
  }
  if (a.is(at + 1, ':') && a.isId(at + 2) && !a.isAccess(at + 3)) {
    return a.tokens.text(at + 2);
  }
  return a.isId(at - 1) && /^[A-Z]/.test(a.tokens.text(at - 1)) ? a.tokens.text(at - 1) : undefined;
}

/** The property path of `.getRedis().getHost()` or Kotlin's `.redis.host` from `from` to `end`; undefined for anything else. */
function gettersPath(a: CodeAnalyzer, from: number, end: number): string[] | undefined {
  const path: string[] = [];
  let k = from;
  while (k < end) {
    if (!a.isAccess(k) || !a.isId(k + 1)) {
      return undefined;
    }
    const name = a.tokens.text(k + 1);
    const getter = GETTER.exec(name);
    if (getter && a.is(k + 2, '(') && a.partner[k + 2] === k + 3) {
      path.push(getter[1].charAt(0).toLowerCase() + getter[1].slice(1));
      k += 4;
    } else if (!getter && !a.is(k + 2, '(')) {
      path.push(name);
      k += 2;
    } else {
      return undefined;
    }
  }
  return k === end ? path : undefined;
}
