/**
 * redigo (`github.com/gomodule/redigo/redis`, before 2018 `github.com/garyburd/redigo/redis`): its connections as
 * Redis clients of the flavor `redigo`, the commands they send by name, and the dial options the TLS and AUTH
 * rules read. As redigo's redis/conn.go, redis/pool.go and redis/redis.go define them:
 * - `Dial`, `DialContext`, `DialURL`, `DialURLContext`, `DialTimeout` and `NewConn` make a connection (`Conn`),
 *   and so do a `Pool`'s `Get()` and `GetContext(ctx)`; `NewPool` makes a pool, as `&redis.Pool{...}` does.
 * - `Do(name, args...)` writes the command and waits for its reply; `Send` only writes it to the connection's
 *   buffer, sent with the next `Flush` or `Do` (a pipeline); `DoContext(ctx, name, ...)`, `DoWithTimeout(t, name, ...)`
 *   and the package's `redis.DoContext(conn, ctx, name, ...)` are `Do` with a deadline.
 * - Dial options: `DialPassword` sends AUTH on connect; `DialUseTLS(true)` dials TLS, and `DialURL` ignores it,
 *   taking TLS from the scheme (`rediss://`, `valkeys://`) and the password from the user information;
 *   `DialTLSSkipVerify(true)` is the `InsecureSkipVerify` of the config redigo builds, ignored when
 *   `DialTLSConfig` gives a config of its own; both have no effect without TLS.
 */
import { OptionContext, OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { namedValue } from '../names';
import { contextFrom, literalOf, occurrenceOf, positionalOption, sentAs } from '../options';
import { addRedisCall, RedisCallSite, sentCommand } from '../redis';
import { parseRedisUrl, urlOption, wholeUrlOption } from '../redisUrls';
import { Value } from '../values';
import type { GoClientLibrary } from './goLibrary';
import { tlsConfigLiteral } from './goRedis';
import { configFieldsSetApart } from './goTlsFieldsSetApart';
import { goBuiltUrl } from './goUrls';

/** The flavor, and the service its package stands for in `goPackages`. */
const REDIGO = 'redigo';

const IMPORT_PATH = /^github\.com\/(?:gomodule|garyburd)\/redigo\/redis$/;

const CONN: Value = { t: 'client', kind: 'redis', flavor: REDIGO };
/** A pool is no client (its methods send nothing): a reference whose `Get` gives one. */
const POOL: Value = { t: 'ref', module: `go:${REDIGO}`, path: 'Pool' };

/** The connection interfaces of redis.go. */
const CONN_TYPES = new Set(['Conn', 'ConnWithTimeout', 'ConnWithContext']);

/** `redis.Conn`, `*redis.Pool` as a declared type. */
function redigoType(type: string): Value | undefined {
  return CONN_TYPES.has(type) ? CONN : type === 'Pool' ? POOL : undefined;
}

/** Where each dialer takes the address or URL, and where its options start. */
interface Dialer {
  address?: number;
  url?: number;
  options: number;
}

const DIALERS = new Map<string, Dialer>([
  ['Dial', { address: 1, options: 2 }],
  ['DialContext', { address: 2, options: 3 }],
  ['DialURL', { url: 0, options: 1 }],
  ['DialURLContext', { url: 1, options: 2 }],
  // Deprecated: network, address and three timeouts, no options.
  ['DialTimeout', { address: 1, options: 5 }],
]);

/** What a package function or a pool's method gives: a connection or a pool. */
function redigoResult(path: string): Value | undefined {
  if (DIALERS.has(path) || path === 'NewConn' || path === 'Pool.Get' || path === 'Pool.GetContext') {
    return CONN;
  }
  return path === 'NewPool' ? POOL : undefined;
}

/** The `DialOption` functions of conn.go; any of them leaves a dial call's options known. */
const DIAL_OPTIONS = new Set([
  'DialTLSHandshakeTimeout', 'DialReadTimeout', 'DialWriteTimeout', 'DialConnectTimeout', 'DialKeepAlive', 'DialNetDial', 'DialContextFunc',
  'DialDatabase', 'DialPassword', 'DialUsername', 'DialClientName', 'DialTLSConfig', 'DialTLSSkipVerify', 'DialUseTLS',
]);

/** Where a connection's method takes the command's name. */
const METHOD_COMMAND_AT = new Map([
  ['Do', 0],
  ['Send', 0],
  ['DoContext', 1],
  ['DoWithTimeout', 1],
]);
/** Package functions that send a command on the connection they are given first: `redis.DoContext(conn, ctx, "GET", key)`. */
const PACKAGE_COMMAND_AT = new Map([
  ['DoContext', 2],
  ['DoWithTimeout', 2],
]);

const WAITS: RedisCallSite['client'] = { flavor: REDIGO };
/** `Send` queues the command in the connection's buffer: the reply is read later, with others. */
const QUEUED: RedisCallSite['client'] = { flavor: REDIGO, batched: true };

/** A method call on a redigo connection (the name token at `nameIndex`): the command it sends, if any. */
function redigoMethodCall(a: CodeAnalyzer, nameIndex: number, receiverStart: number): void {
  const method = a.tokens.text(nameIndex);
  const at = METHOD_COMMAND_AT.get(method);
  if (at !== undefined) {
    commandAt(a, nameIndex, at, method === 'Send' ? QUEUED : WAITS, receiverStart);
  }
}

/** A call of a function of redigo's package (`redis.Dial(...)`, `redis.DialPassword(pw)`, `redis.DoContext(...)`). */
function redigoPackageCall(a: CodeAnalyzer, nameIndex: number): void {
  const name = a.tokens.text(nameIndex);
  const dialer = DIALERS.get(name);
  if (dialer) {
    dialCall(a, nameIndex, dialer);
    return;
  }
  const at = PACKAGE_COMMAND_AT.get(name);
  if (at !== undefined) {
    commandAt(a, nameIndex, at, WAITS, nameIndex - 2);
  } else if (DIAL_OPTIONS.has(name) && !inDialCall(a, nameIndex - 2)) {
    looseOptions(a, nameIndex);
  }
}

/** The command named by the argument at `position` (a literal, or a constant that holds one), as the other clients' commands are recorded. */
function commandAt(a: CodeAnalyzer, nameIndex: number, position: number, client: RedisCallSite['client'], receiverStart: number): void {
  if (!a.is(nameIndex + 1, '(')) {
    return;
  }
  const [start, end] = segments(a, nameIndex + 1)[position] ?? [-1, -1];
  const named = start >= 0 ? namedValue(a, start, end) : undefined;
  if (named?.kind === 'literal') {
    addRedisCall(a, { index: nameIndex, command: sentCommand(a, named.token), name: a.span(start, end - 1), client, receiverStart, sent: true });
  }
}

/** `redis.DialPassword(...)` written as tokens `start` to `end` (exclusive): its name token, or -1. */
function optionCall(a: CodeAnalyzer, start: number, end: number): number {
  const name = start + 2;
  const isOption = a.isId(start) && a.goPackages.get(a.tokens.text(start)) === REDIGO && a.is(start + 1, '.') && a.isId(name) && DIAL_OPTIONS.has(a.tokens.text(name));
  return isOption && a.is(name + 1, '(') && a.partner[name + 1] === end - 1 ? name : -1;
}

/** Whether the tokens from `start` are an argument of a dial call, which reads them with its own options. */
function inDialCall(a: CodeAnalyzer, start: number): boolean {
  const open = a.parent[start];
  return open > 2 && a.is(open, '(') && a.isId(open - 1) && DIALERS.has(a.tokens.text(open - 1)) && a.is(open - 2, '.') && a.goPackages.get(a.id(open - 3) ?? '') === REDIGO;
}

/** Whether a dial uses TLS: as written, not, or not visible. */
type Tls = 'on' | 'off' | 'unknown';

/** A dial call at its name token: its address or URL and its options, as the client's. */
function dialCall(a: CodeAnalyzer, nameIndex: number, dialer: Dialer): void {
  const args = segments(a, nameIndex + 1);
  const context: OptionContext = { kind: 'redis-client', type: REDIGO, options: [], complete: true, anchor: a.tokenSpan(nameIndex) };
  const address = dialer.address === undefined ? undefined : args[dialer.address];
  if (address) {
    context.options.push(positionalOption(a, address[0], address[1], 'addr'));
  }
  const calls: number[] = [];
  for (const [start, end] of args.slice(dialer.options)) {
    const call = optionCall(a, start, end);
    if (call < 0) {
      // `opts...`, or an option held by a variable: what it sets is not visible.
      context.complete = false;
    } else {
      calls.push(call);
    }
  }
  const url = dialer.url === undefined ? undefined : args[dialer.url];
  const tls = url ? urlOptions(a, context, url[0], url[1]) : useTls(a, calls, context.complete);
  context.options.push(...dialOptions(a, calls, tls, dialer.url !== undefined));
  a.contexts.push(context);
}

/** A URL argument (a literal, or a constant that holds one): the URL and its password as options, and the TLS its scheme says. */
function urlOptions(a: CodeAnalyzer, context: OptionContext, start: number, end: number): Tls {
  const named = namedValue(a, start, end);
  const url = named?.kind === 'literal' ? parseRedisUrl(named.value) : undefined;
  if (named?.kind !== 'literal' || !url) {
    // `"redis://" + host + ":" + port`, `fmt.Sprintf("rediss://%s", addr)`: the scheme is written, the host is not.
    const built = goBuiltUrl(a, start, end);
    if (built) {
      context.options.push(...built.options);
      return built.url.tls ? 'on' : 'off';
    }
    // `os.Getenv("REDIS_URL")` may be a `rediss://` URL.
    context.complete = false;
    return 'unknown';
  }
  context.options.push(wholeUrlOption(a, named.token));
  if (url.password) {
    context.options.push(urlOption(a, named.token, 'password', url.password, url.password, { kind: 'str', value: url.password.value }));
  }
  return url.tls ? 'on' : 'off';
}

/** TLS as the last `DialUseTLS` sets it (options apply in order); without one, off when every option is visible. */
function useTls(a: CodeAnalyzer, calls: readonly number[], complete: boolean): Tls {
  for (let k = calls.length - 1; k >= 0; k--) {
    if (a.idIs(calls[k], 'DialUseTLS')) {
      const open = calls[k] + 1;
      const { literal } = literalOf(a, open + 1, a.partner[open]);
      return literal.kind === 'bool' ? (literal.value ? 'on' : 'off') : 'unknown';
    }
  }
  return complete ? 'off' : 'unknown';
}

/**
 * Options written apart from a dial call: the elements of a `[]redis.DialOption{...}` literal or the arguments of an
 * `append(opts, ...)` read together (once, at the first), any other alone. The dial that takes them is not read, so
 * they are incomplete: hovers, and a `DialTLSSkipVerify(true)` that the same options do not turn off.
 */
function looseOptions(a: CodeAnalyzer, nameIndex: number): void {
  const holder = a.parent[nameIndex - 2];
  const grouped = holder > 1 && ((a.is(holder, '{') && a.idIs(holder - 1, 'DialOption')) || (a.is(holder, '(') && a.idIs(holder - 1, 'append')));
  const calls = grouped ? segments(a, holder).map(([start, end]) => optionCall(a, start, end)).filter((call) => call >= 0) : [nameIndex];
  if (calls[0] !== nameIndex) {
    return;
  }
  const options = dialOptions(a, calls, useTls(a, calls, false), false);
  a.contexts.push({ kind: 'redis-client', type: REDIGO, options, complete: false, anchor: a.tokenSpan(nameIndex) });
}

/**
 * The options the rules read, each keyed by the option function's name: `DialPassword` as the password, `DialUseTLS`
 * as `tls` (not for a URL dial, which ignores it), `DialTLSSkipVerify` as `InsecureSkipVerify` where it can take
 * effect, `DialTLSConfig` with the fields of a `&tls.Config{...}` it is given, read when TLS may be on.
 */
function dialOptions(a: CodeAnalyzer, calls: readonly number[], tls: Tls, urlDial: boolean): OptionOccurrence[] {
  const configured = calls.some((call) => a.idIs(call, 'DialTLSConfig'));
  const options: OptionOccurrence[] = [];
  for (const call of calls) {
    const open = call + 1;
    const close = a.partner[open];
    const option = occurrenceOf(a, { key: call, valueStart: open + 1, valueEnd: close, removalStart: call - 2, removalEnd: close });
    switch (a.tokens.text(call)) {
      case 'DialPassword':
        options.push(sentAs(option, 'password'));
        break;
      case 'DialUseTLS':
        if (!urlDial) {
          options.push(sentAs(option, 'tls'));
        }
        break;
      case 'DialTLSSkipVerify':
        // Without TLS, or beside a config of the code's own, the flag changes nothing: a hover only.
        options.push(tls !== 'off' && !configured ? sentAs(option, 'insecureskipverify') : option);
        break;
      case 'DialTLSConfig':
        options.push(option);
        if (tls !== 'off') {
          options.push(...tlsConfigFields(a, open + 1, close, option));
        }
        break;
    }
  }
  return options;
}

/**
 * The fields of the `&tls.Config{...}` given to `DialTLSConfig`, written in place or held by a variable, with the
 * fields set apart on that variable before (`tlsConfig.InsecureSkipVerify = true`) in place of the literal's.
 */
function tlsConfigFields(a: CodeAnalyzer, start: number, end: number, option: OptionOccurrence): OptionOccurrence[] {
  const held = a.isId(start) && end === start + 1 ? a.scopes.lookup(a.tokens.text(start), start) : undefined;
  const apart = held ? configFieldsSetApart(a, a.tokens.text(start), held, start) : undefined;
  const brace = held ? tlsConfigLiteral(a, held.expression) : tlsConfigLiteral(a, start, end);
  const literalFields = brace >= 0 ? contextFrom(a, brace, a.partner[brace], 'redis-client', REDIGO, option.key).options : [];
  return [...(apart?.options ?? []), ...literalFields.filter((field) => !apart?.names.has(field.norm))];
}

/** redigo, to the Go analyzer (`goLibrary.ts`). */
export const REDIGO_LIBRARY: GoClientLibrary = {
  services: [REDIGO],
  importOf: (path) => (IMPORT_PATH.test(path) ? { service: REDIGO, name: 'redis' } : undefined),
  clientType: redigoType,
  factoryResult: redigoResult,
  packageCall: redigoPackageCall,
  clientCall: (a, nameIndex, client, receiverStart) => client.flavor === REDIGO && (redigoMethodCall(a, nameIndex, receiverStart), true),
};
