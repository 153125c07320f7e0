/**
 * Go Redis URLs the code builds from parts: `"redis://" + cfg.Host + ":" + cfg.Port` or
 * `fmt.Sprintf("rediss://:%s@%s:%d", password, host, port)`, written in the call or held by a local that the
 * function assigns once (`url := "redis://" + host`, then `redis.DialURL(url, ...)`). The scheme, written
 * before any part the code fills in, tells whether the client connects with TLS; the host stays unknown.
 */
import { OptionOccurrence } from '../../model';
import { bindsWholeExpression } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd, segments } from '../braces';
import { concatenatedUrl, interpolatedUrlOption, keepUrlOptions, parseInterpolatedRedisUrl, RedisUrl, urlOption } from '../redisUrls';

/** A `fmt` verb: `%s`, `%d`, `%v`, `%5d`, `%-8s`, `%.2f`, `%[1]s`. */
const VERB = /%[-+# 0]*(?:\[\d+\])?\d*(?:\.\d+)?[a-zA-Z]/g;

/** How far a function is searched for another assignment of the local (a function longer than this is not read). */
const MAX_FUNCTION_TOKENS = 20_000;

/**
 * A URL built from parts by the tokens [start, end) (a `+` chain that starts with a string, a `fmt.Sprintf` with a
 * literal format, or a local that holds one of them): the URL and the options it gives (the whole URL, the
 * password of its user information), or undefined.
 */
export function goBuiltUrl(a: CodeAnalyzer, start: number, end: number): { url: RedisUrl; options: OptionOccurrence[] } | undefined {
  let [from, to] = [start, end];
  if (a.isId(start) && end === start + 1) {
    const held = onceAssigned(a, start);
    if (!held) {
      return undefined;
    }
    [from, to] = held;
  }
  return concatenatedUrl(a, from, to) ?? formattedUrl(a, from, to);
}

/** The expression a local of the same function was declared with (`url := ...`, `var url = ...`), when nothing assigns it again. */
function onceAssigned(a: CodeAnalyzer, use: number): [number, number] | undefined {
  const name = a.tokens.text(use);
  const binding = a.scopes.lookup(name, use);
  if (!binding || !bindsWholeExpression(binding)) {
    return undefined;
  }
  const fn = a.scopes.enclosing(use, ['function']);
  const declared = binding.token;
  // `url := ...` or `var url = ...` (a single name: `url, err := build()` is a call's result).
  const declaration = (a.is(declared + 1, ':=') || (a.idIs(declared - 1, 'var') && a.is(declared + 1, '='))) && !a.is(declared - 1, ',');
  if (fn <= 0 || a.scopes.enclosing(declared, ['function']) !== fn || !declaration || binding.expression !== declared + 2) {
    return undefined;
  }
  const [, fnEnd] = a.scopes.range(fn);
  if (fnEnd - declared > MAX_FUNCTION_TOKENS) {
    return undefined;
  }
  for (let k = declared + 1; k < fnEnd; k++) {
    // Another assignment (`url = "rediss://" + host`, `url += "?db=1"`, `url, err = build()`), or its address taken.
    const assigned = a.idIs(k, name) && !a.isAccess(k - 1) && (a.is(k + 1, '=') || a.is(k + 1, '+=') || a.is(k + 1, ':=') || a.is(k - 1, '&') || inAssignedList(a, k));
    if (assigned) {
      return undefined;
    }
  }
  return [binding.expression, expressionEnd(a, binding.expression)];
}

/** Whether the name at `k` is one of the names a statement assigns (`url, err = ...`, `err, url := ...`). */
function inAssignedList(a: CodeAnalyzer, k: number): boolean {
  let first = k;
  while (a.is(first - 1, ',') && a.isId(first - 2)) {
    first -= 2;
  }
  let j = k + 1;
  while (a.is(j, ',') && a.isId(j + 1)) {
    j += 2;
  }
  return j > first + 1 && a.startsLine(first) && (a.is(j, '=') || a.is(j, ':='));
}

/** `fmt.Sprintf("redis://%s:%d", host, port)` as tokens [from, to): its format read as a URL, each verb standing for a part the code fills in. */
function formattedUrl(a: CodeAnalyzer, from: number, to: number): { url: RedisUrl; options: OptionOccurrence[] } | undefined {
  const open = from + 3;
  const isSprintf = a.idIs(from, 'fmt') && a.is(from + 1, '.') && a.idIs(from + 2, 'Sprintf') && a.is(open, '(') && a.partner[open] === to - 1;
  const [formatStart, formatEnd] = isSprintf ? (segments(a, open)[0] ?? [-1, -1]) : [-1, -1];
  if (formatStart < 0 || formatEnd !== formatStart + 1 || !a.isString(formatStart) || !/(?:^|\n)import\b[^]*?"fmt"/.test(a.text)) {
    return undefined;
  }
  const format = a.tokens.text(formatStart);
  // Each verb becomes a braced stand-in of its own length, which the interpolated-URL reader masks: offsets stay the source's.
  const braced = format.replace(VERB, (verb) => `{${' '.repeat(verb.length - 2)}}`);
  const read = parseInterpolatedRedisUrl(braced);
  if (!read) {
    return undefined;
  }
  const options = [interpolatedUrlOption(a, formatStart, read.masked)];
  const password = read.url.password;
  if (password && password.value !== '') {
    const source = format.slice(password.start, password.end);
    options.push(urlOption(a, formatStart, 'password', password, password, read.unknown(password) ? { kind: 'expr', text: source } : { kind: 'str', value: source }));
  }
  return { url: read.url, options };
}

/**
 * A URL parser's call at the name token (`redis.ParseURL(...)`, `rueidis.ParseURL(...)`) whose URL the code builds
 * from parts: its options, kept as a literal URL's are, so that fields set on the result join them. Query
 * parameters (`skip_verify`) are not read from such a URL. Any other URL is kept with its options unknown.
 */
export function builtUrlCall(a: CodeAnalyzer, nameIndex: number, type: string): void {
  const [start, end] = a.is(nameIndex + 1, '(') ? (segments(a, nameIndex + 1)[0] ?? [-1, -1]) : [-1, -1];
  const built = start >= 0 ? goBuiltUrl(a, start, end) : undefined;
  // A URL from elsewhere (`redis.ParseURL(os.Getenv("REDIS_URL"))`) gives options unknown, kept as such so that the
  // fields set on them afterwards (`opt.Password = ...`) are read, with nothing judged of what the URL holds but
  // that its scheme decides TLS.
  keepUrlOptions(a, nameIndex, type, built?.options ?? [], built !== undefined, built === undefined && start >= 0);
}
