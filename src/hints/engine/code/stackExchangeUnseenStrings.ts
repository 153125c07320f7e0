/**
 * A StackExchange.Redis client made from a configuration string the code does not show: `ConnectionMultiplexer.Connect`
 * or `ConnectAsync` given a settings member (`settings.Redis!.Configuration!`, `_options.ConnectionString`), a local
 * declared `string` or set from configuration or the environment, or such a read in place
 * (`configuration.GetConnectionString("redis")`), and `ConfigurationOptions.Parse` of anything. Whether the client
 * uses TLS is then the string's `ssl=true`, as a URL's scheme decides for clients given a URL from the environment:
 * the context is the client's with nothing seen (`urlNotSeen`), on which `redis-tls` hovers
 * (`code/redisClientsWithoutTls.ts`). A `Connect` given a `ConfigurationOptions` object is read where it is made,
 * and a file that sets `Ssl`, a certificate callback or the TLS options itself is left alone: a string parsed there
 * may be given TLS afterwards.
 */
import type { CodeAnalyzer } from './analyzer';
import { bindingAt } from './names';

/** Members of a settings object that hold a configuration string. */
const STRING_MEMBER = /(?:ConnectionString|Configuration|ConnString|Endpoint|Url|Uri|Host)$/;
/** Calls that read a string from configuration or the environment. */
const SETTINGS_READS = new Set(['GetConnectionString', 'GetEnvironmentVariable']);
/** A string named for Azure Cache for Redis, which no ElastiCache hover speaks of. */
const OTHER_CLOUD = /azure/i;
/** A file that decides TLS on options it holds. */
const SETS_TLS = /\bSsl\s*=[^=]|\bCertificateValidation\b|\bSslClientAuthenticationOptions\b|\bSslHost\b/;

/** Whether the first argument of `Connect`/`Parse` in tokens [start, end) is a configuration string the code does not show. */
export function unseenConfigurationString(a: CodeAnalyzer, start: number, end: number, parse: boolean): boolean {
  if (SETS_TLS.test(a.text)) {
    return false;
  }
  if (parse) {
    return true;
  }
  const [from, to] = withoutBangs(a, start, end);
  // `settings.Azure!.ConnectionString`, `GetConnectionString("AzureRedis")`: a cache of another cloud.
  if (OTHER_CLOUD.test(a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]))) {
    return false;
  }
  if (settingsRead(a, from, to) || settingsMember(a, from, to)) {
    return true;
  }
  const binding = to === from + 1 && a.isId(from) ? bindingAt(a, from, to) : undefined;
  if (!binding) {
    return false;
  }
  const declared = binding.token;
  if (a.idIs(declared - 1, 'string') || (a.is(declared - 1, '?') && a.idIs(declared - 2, 'string'))) {
    return true;
  }
  return binding.expression >= 0 && settingsRead(a, binding.expression, statementEnd(a, binding.expression));
}

/** Tokens [start, end) without the null-forgiving `!`s that end them. */
function withoutBangs(a: CodeAnalyzer, start: number, end: number): [number, number] {
  let to = end;
  while (to > start + 1 && a.is(to - 1, '!')) {
    to--;
  }
  return [start, to];
}

/** `x.Redis!.Configuration`, `_options.ConnectionString`: a member chain whose last name holds a configuration string. */
function settingsMember(a: CodeAnalyzer, from: number, to: number): boolean {
  if (to - from < 3 || !a.isId(to - 1) || !STRING_MEMBER.test(a.tokens.text(to - 1)) || !a.is(to - 2, '.')) {
    return false;
  }
  for (let k = from; k < to; k++) {
    if (!(a.isId(k) || a.is(k, '.') || a.is(k, '!') || a.is(k, '?'))) {
      return false;
    }
  }
  return true;
}

/**
 * `configuration.GetConnectionString("redis")`, `Environment.GetEnvironmentVariable("REDIS")` or
 * `configuration["Redis:Configuration"]`, maybe followed by `!` or `?? <fallback>`.
 */
function settingsRead(a: CodeAnalyzer, from: number, to: number): boolean {
  let end = from;
  while (end < to && (a.isId(end) || a.is(end, '.'))) {
    end++;
  }
  const called = end > from && a.is(end, '(') && SETTINGS_READS.has(a.tokens.text(end - 1)) && a.is(end - 2, '.');
  const indexed = end > from && a.is(end, '[') && /configuration$|config$/i.test(a.tokens.text(end - 1));
  if (!called && !indexed) {
    return false;
  }
  const after = a.skipGroup(end);
  return after === to || a.is(after, '!') || a.is(after, '??');
}

/** The `;` or `,` that ends the expression at `from`, or the end of the tokens. */
function statementEnd(a: CodeAnalyzer, from: number): number {
  let k = from;
  while (k < a.tokens.length && !a.is(k, ';') && !a.is(k, ',')) {
    k = a.skipGroup(k);
  }
  return k;
}
