/**
 * Redis connection URLs written as string literals (`redis://:secret@cache:6379/0`, `rediss://cache?skip_verify=true`):
 * the parts the rules read, with where each sits in the source, as options of a Redis client context.
 * Read with `indexOf` only, so any literal takes linear time.
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { bindsWholeExpression } from '../scope/scopes';
import { normalizeName, Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { bindingAt, namedValue } from './names';

/** A piece of the URL, with offsets into the string's content. */
export interface UrlPart {
  value: string;
  start: number;
  end: number;
}

export interface RedisUrl {
  /** `rediss://`: the client connects with TLS. */
  tls: boolean;
  /** The password of the user information (`redis://user:password@host`), when there is one. */
  password?: UrlPart;
  /** User information without a `:` (`redis://secret@host`): a user name for most clients, Lettuce's password. */
  userOnly?: UrlPart;
  /** Query parameters, each with its key as written and its value. */
  query: { key: UrlPart; value: UrlPart }[];
}

/** A `redis://` or `rediss://` URL (valkey-py's `valkey://` and `valkeys://` alike), or undefined for any other text. */
export function parseRedisUrl(text: string): RedisUrl | undefined {
  const schemeEnd = text.indexOf('://');
  const scheme = schemeEnd > 0 ? text.slice(0, schemeEnd).toLowerCase() : '';
  if (scheme !== 'redis' && scheme !== 'rediss' && scheme !== 'valkey' && scheme !== 'valkeys') {
    return undefined;
  }
  const authorityStart = schemeEnd + 3;
  const authorityEnd = firstOf(text, ['/', '?', '#'], authorityStart);
  const url: RedisUrl = { tls: scheme === 'rediss' || scheme === 'valkeys', query: [] };
  // As Go's url.Parse reads it: the user information runs to the last `@`, the password from its first `:`.
  const at = text.lastIndexOf('@', authorityEnd - 1);
  if (at >= authorityStart) {
    const colon = text.indexOf(':', authorityStart);
    if (colon >= 0 && colon < at) {
      url.password = { value: text.slice(colon + 1, at), start: colon + 1, end: at };
    } else if (at > authorityStart) {
      url.userOnly = { value: text.slice(authorityStart, at), start: authorityStart, end: at };
    }
  }
  const question = text.indexOf('?', authorityEnd);
  if (question >= 0) {
    url.query = queryParameters(text, question);
  }
  return url;
}

/** The host a URL names, without user information and port (`cache.example.com` of `redis://:pw@cache.example.com:6379/0`). */
export function urlHost(url: string): string {
  const authority = url.slice(url.indexOf('://') + 3).split(/[/?#]/)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

/** The parameters of the query that starts at the `?` at `question`, to the end of the text or a `#`. */
export function queryParameters(text: string, question: number): RedisUrl['query'] {
  const query: RedisUrl['query'] = [];
  const queryEnd = firstOf(text, ['#'], question + 1);
  // The next `=` is searched again only once passed, so that parameters without one cost no rescans.
  let eq = -1;
  for (let start = question + 1; start < queryEnd; ) {
    const end = firstOf(text, ['&'], start, queryEnd);
    if (eq < start) {
      eq = text.indexOf('=', start);
      eq = eq < 0 ? text.length : eq;
    }
    if (eq > start && eq < end) {
      query.push({ key: { value: text.slice(start, eq), start, end: eq }, value: { value: text.slice(eq + 1, end), start: eq + 1, end } });
    }
    start = end + 1;
  }
  return query;
}

/**
 * A URL's `ssl_cert_reqs` parameter as the option it sets, when given once (given twice, which one counts
 * differs: redis-py takes the first). redis-py hands query parameters it does not parse itself to the
 * connection, which reads `none`, `optional` and `required` (redis/connection.py, `parse_url` and
 * `SSLConnection`); Celery also reads `CERT_NONE` and the like as the `ssl` constants (`celery`).
 */
export function certReqsOption(a: CodeAnalyzer, token: number, url: RedisUrl, celery: boolean): OptionOccurrence | undefined {
  const given = url.query.filter((parameter) => parameter.key.value === 'ssl_cert_reqs');
  if (given.length !== 1) {
    return undefined;
  }
  const { key, value } = given[0];
  const literal: Literal = celery && /^CERT_[A-Z]+$/.test(value.value) ? { kind: 'expr', text: `ssl.${value.value}` } : { kind: 'str', value: value.value };
  return urlOption(a, token, 'ssl_cert_reqs', key, value, literal);
}

/**
 * The `ssl_cert_reqs` of the URL redis-py's `from_url` is given, `start` to `end` (exclusive): in a URL written
 * out, plain or interpolated, or in the literal that a URL the code does not show is joined with
 * (`os.environ["REDIS_URL"] + "?ssl_cert_reqs=none"`), which redis-py can only hand to a `rediss://`
 * connection; none where the URL is written `redis://`.
 */
export function fromUrlCertReqs(a: CodeAnalyzer, start: number, end: number): OptionOccurrence | undefined {
  [start, end] = heldUrlExpression(a, start, end) ?? [start, end];
  if (end === start + 1 && a.isString(start)) {
    const text = a.tokens.text(start);
    const url = a.tokens.interpolated(start) ? parseInterpolatedRedisUrl(text)?.url : parseRedisUrl(text);
    return url ? certReqsOption(a, start, url, false) : undefined;
  }
  const last = end - 1;
  const tail = last - 1 > start && a.is(last - 1, '+') && a.isString(last) && !a.tokens.interpolated(last) ? a.tokens.text(last) : '';
  const question = tail.indexOf('?');
  const plainScheme = a.isString(start) && /^(?:redis|valkey):\/\//i.test(a.tokens.text(start));
  return question >= 0 && !tail.includes('://') && !plainScheme ? certReqsOption(a, last, { tls: true, query: queryParameters(tail, question) }, false) : undefined;
}

/** What stands in for each character of an interpolation (`{host}`): no URL delimiter, no scheme's letter. */
/** What stands for a value the code computes, in a string read with its values masked (one character per source character). */
export const FILLER = '\u0001';

/**
 * An interpolated string (`f"redis://{host}:{port}"`, `` `redis://${host}:${port}` ``) read as a URL, when what it says about TLS and the
 * password is written out: the scheme before any interpolation, and no interpolation in the query, where
 * an option the code does not show might be. `masked` is the text with every interpolation's characters
 * replaced (offsets kept, so that parts still point into the source); `unknown` tells a part that holds one.
 */
export function parseInterpolatedRedisUrl(text: string): { url: RedisUrl; masked: string; unknown(part: UrlPart): boolean } | undefined {
  return parseMaskedUrl(masked(text));
}

/** The text with each interpolation's characters replaced by `FILLER`. */
export function masked(text: string): string {
  let result = '';
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const char = text[k];
    if (char === '{') {
      depth++;
    }
    // A JavaScript template's `${` is all interpolation, its `$` included.
    result += depth > 0 || (char === '$' && text[k + 1] === '{') ? FILLER : char;
    if (char === '}' && depth > 0) {
      depth--;
    }
  }
  return result;
}

function parseMaskedUrl(masked: string): { url: RedisUrl; masked: string; unknown(part: UrlPart): boolean } | undefined {
  const url = parseRedisUrl(masked);
  const question = masked.indexOf('?');
  if (!url || (question >= 0 && masked.includes(FILLER, question))) {
    return undefined;
  }
  return { url, masked, unknown: (part) => part.value.includes(FILLER) };
}

/**
 * The whole interpolated URL as a `url` option: each interpolation reads as digits, a stand-in that names
 * no host a rule knows (`f"redis://{host}"` is not local), yet keeps a written host local whatever its
 * port (`f"redis://localhost:{port}"`).
 */
export function interpolatedUrlOption(a: CodeAnalyzer, token: number, masked: string): OptionOccurrence {
  const whole = { value: masked, start: 0, end: masked.length };
  return urlOption(a, token, 'url', whole, whole, { kind: 'str', value: masked.split(FILLER).join('0') });
}

/** The first index of any of `chars` at or after `from` and before `limit`, or `limit`. */
function firstOf(text: string, chars: readonly string[], from: number, limit = text.length): number {
  let first = limit;
  for (const char of chars) {
    const at = text.indexOf(char, from);
    if (at >= 0 && at < first) {
      first = at;
    }
  }
  return first;
}

/** An option read from parts of the string token `token`: its key (`skip_verify`) and its value (`true`), which may be one part (a password). */
export function urlOption(a: CodeAnalyzer, token: number, name: string, key: UrlPart, value: UrlPart, literal: Literal): OptionOccurrence {
  const base = a.tokens.textStart(token);
  const span = (part: UrlPart): Span => ({ start: base + part.start, end: base + part.end });
  return { name, norm: normalizeName(name), key: span(key), value: span(value), literal, removal: { start: base + key.start, end: base + value.end } };
}

/** The whole URL as a `url` option, which tells whether the client uses TLS and whether its host is local. */
export function wholeUrlOption(a: CodeAnalyzer, token: number): OptionOccurrence {
  const text = a.tokens.text(token);
  const whole = { value: text, start: 0, end: text.length };
  return urlOption(a, token, 'url', whole, whole, { kind: 'str', value: text });
}

/**
 * A Go URL parser's call at the name token (`redis.ParseURL("...")`, `rueidis.ParseURL("...")`) with a literal
 * URL, or a constant that holds one: the URL, its token, and the options it sets as far as every client reads
 * them (the whole URL, the password in its user information). Undefined for a URL the code does not show.
 */
export function literalUrlCall(a: CodeAnalyzer, nameIndex: number): { url: RedisUrl; token: number; options: OptionOccurrence[] } | undefined {
  const [start, end] = segments(a, nameIndex + 1)[0] ?? [-1, -1];
  const named = start >= 0 ? namedValue(a, start, end) : undefined;
  const url = named?.kind === 'literal' ? parseRedisUrl(named.value) : undefined;
  if (named?.kind !== 'literal' || !url) {
    return undefined;
  }
  const token = named.token;
  const options: OptionOccurrence[] = [wholeUrlOption(a, token)];
  if (url.password) {
    options.push(urlOption(a, token, 'Password', url.password, url.password, { kind: 'str', value: url.password.value }));
  }
  return { url, token, options };
}

/** Keeps a URL parser's options by the call's first token, so that fields set on its result join them. */
export function keepUrlOptions(a: CodeAnalyzer, nameIndex: number, type: string, options: OptionOccurrence[], complete = true, urlNotSeen = false): void {
  const context: OptionContext = { kind: 'redis-client', type, options, complete, anchor: a.tokenSpan(nameIndex), ...(urlNotSeen ? { urlNotSeen } : {}) };
  a.requestAt.set(nameIndex - 2, context);
  a.contexts.push(context);
}

/** How many operands of a `+` chain are read as one URL. */
const MAX_OPERANDS = 16;
/** How long a `+` chain is read at all: far past a real URL, and each client that names it reads it again. */
const MAX_URL_TOKENS = 128;
const FALLBACKS = new Set(['||', '??', '?', '&&', '|', '&', ':']);

/** A string read with its computed values masked by `FILLER`, and where an offset into it sits in the source. */
export interface MaskedText {
  text: string;
  /** The source offset of a text offset: inside a string's content, or at an operand's start (before it) or end (`after`). */
  sourceAt(offset: number, after: boolean): number;
}

/**
 * A `+` chain from tokens [start, end) whose first operand is a string (`'rediss://' + host + ':6379'`), read as a
 * template literal is: each operand that is not a string stands for an interpolation. Undefined for any other
 * expression, and for a fallback or condition in an operand (`host || 'localhost'`), which may change the text.
 * With `computedFirst`, the first operand may be computed too (`endpoint + ",ssl=true"`), where a string follows.
 */
export function maskedConcatenation(a: CodeAnalyzer, start: number, end: number, computedFirst = false): MaskedText | undefined {
  if ((!computedFirst && (!a.isString(start) || !a.is(start + 1, '+'))) || end - start > MAX_URL_TOKENS) {
    return undefined;
  }
  // Each piece: where it starts in the masked text, and in the source (a string's content, or the operand).
  const pieces: { at: number; source: number; sourceEnd: number; string: boolean }[] = [];
  let text = '';
  for (let k = start; k < end; ) {
    let operandEnd = k;
    while (operandEnd < end && !a.is(operandEnd, '+')) {
      if (FALLBACKS.has(a.tokens.text(operandEnd)) && !a.isString(operandEnd)) {
        return undefined;
      }
      operandEnd = a.skipGroup(operandEnd);
    }
    if (operandEnd === k || pieces.length >= MAX_OPERANDS) {
      return undefined;
    }
    const string = operandEnd === k + 1 && a.isString(k);
    const source = string ? a.tokens.textStart(k) : a.tokens.starts[k];
    const sourceEnd = string ? a.tokens.textEnd(k) : a.tokens.ends[operandEnd - 1];
    pieces.push({ at: text.length, source, sourceEnd, string });
    text += string ? masked(a.tokens.text(k)) : FILLER;
    k = operandEnd + 1;
  }
  if (pieces.length < 2 || !pieces.some((piece) => piece.string)) {
    return undefined;
  }
  const sourceAt = (offset: number, after: boolean): number => {
    let piece = pieces[0];
    for (const next of pieces) {
      if (next.at > offset || (after && next.at === offset)) {
        break;
      }
      piece = next;
    }
    return piece.string ? piece.source + offset - piece.at : after ? piece.sourceEnd : piece.source;
  };
  return { text, sourceAt };
}

/**
 * A URL built with `+` from tokens [start, end) (`'rediss://' + host + ':6379'`), its first operand a string:
 * read as a template literal is, each operand that is not a string standing for an interpolation. The
 * options it gives span the tokens they come from. Undefined for any other expression.
 */
export function concatenatedUrl(a: CodeAnalyzer, start: number, end: number): { url: RedisUrl; options: OptionOccurrence[] } | undefined {
  const chain = maskedConcatenation(a, start, end);
  const read = chain ? parseMaskedUrl(chain.text) : undefined;
  if (!chain || !read) {
    return undefined;
  }
  const { text, sourceAt } = chain;
  const span = (part: UrlPart): Span => ({ start: sourceAt(part.start, false), end: sourceAt(part.end, true) });
  const option = (name: string, part: UrlPart, literal: Literal): OptionOccurrence => {
    const at = span(part);
    return { name, norm: normalizeName(name), key: at, value: at, literal, removal: at };
  };
  const options = [option('url', { value: text, start: 0, end: text.length }, { kind: 'str', value: text.split(FILLER).join('0') })];
  const password = read.url.password;
  if (password && password.value !== '') {
    options.push(option('password', password, read.unknown(password) ? { kind: 'expr', text: a.text.slice(span(password).start, span(password).end) } : { kind: 'str', value: password.value }));
  }
  return { url: read.url, options };
}

/** A string that is a Redis or Valkey URL, with or without TLS. */
const REDIS_URL_SCHEME = /^(?:redis|valkey)s?:\/\//i;

/**
 * The expression a `const` name (tokens [start, end)) holds when it builds a URL: a template literal or a `+`
 * chain that starts with a string (`const url = 'redis://' + host`), or a Redis URL written out whole (`const
 * REDIS_URL = 'redis://:secret@host:6379'`), as [from, to); undefined otherwise.
 */
export function heldUrlExpression(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  const binding = end === start + 1 && a.isId(start) ? bindingAt(a, start, end) : undefined;
  if (!binding || !bindsWholeExpression(binding) || !a.idIs(binding.token - 1, 'const')) {
    return undefined;
  }
  const from = binding.expression;
  if (!a.isString(from) || !(a.tokens.interpolated(from) || a.is(from + 1, '+') || REDIS_URL_SCHEME.test(a.tokens.text(from)))) {
    return undefined;
  }
  const to = expressionEnd(a, from);
  return to === from + 1 || a.is(from + 1, '+') ? [from, to] : undefined;
}
