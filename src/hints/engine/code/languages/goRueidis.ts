/**
 * rueidis (`github.com/redis/rueidis`, before 2023 `github.com/rueian/rueidis`) and its fork valkey-go
 * (`github.com/valkey-io/valkey-go`, package `valkey`), one API under two names: their clients as Redis clients
 * of the flavor `rueidis`, the commands their builders make, and the options the TLS and AUTH rules read. As
 * rueidis.go, url.go and the generated builders (internal/cmds) define them:
 * - `NewClient(ClientOption{...})` makes a `Client`; `DedicatedClient` (what `Dedicated` hands out), `CoreClient`
 *   and `CommandClient` are the interfaces it shares with it.
 * - `client.B()` is a command builder whose first method names the command (`B().Keys()` starts "KEYS",
 *   `B().Flushall()` "FLUSHALL", `B().Arbitrary("CMD", ...)` any); `Do(ctx, cmd)` sends one command and waits
 *   for its reply, `DoMulti(ctx, cmds...)` sends many together, `DoCache` answers from a client-side cache.
 * - `ClientOption`: a `TLSConfig` makes the dial TLS, unless `DialFn` or `DialCtxFn` dial as the code says;
 *   `Password` goes in AUTH. `ParseURL` and `MustParseURL` set a `TLSConfig` for `rediss://` and `valkeys://`,
 *   the password from the user information, and, since v1.0.53, `InsecureSkipVerify` from `skip_verify`
 *   (empty, or true for `strconv.ParseBool`).
 * - rueidiscompat's (valkeycompat's) `NewAdapter(client)` has go-redis's methods (`adapter.Keys(ctx, "*")`):
 *   it is read as a go-redis client. rueidisotel's (valkeyotel's) `NewClient(option)` and `WithClient(client)`
 *   give a client that sends as the one it wraps.
 */
import { KeyedRedisCall, OptionContext, OptionOccurrence } from '../../model';
import { REDIS_COUNTER_COMMANDS, REDIS_COLLECTION_WRITE_COMMANDS } from '../../services';
import { normalizeName } from '../../types';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { namedValue } from '../names';
import { contextFrom, positionalOption } from '../options';
import { chainStart } from '../receiverChains';
import { tokensNamed } from '../tokenIndex';
import { addRedisCall, RedisCallSite, sentCommand } from '../redis';
import { EXPIRE_COMMANDS, functionScope, written } from '../redisTtl';
import { keepUrlOptions, literalUrlCall, urlOption } from '../redisUrls';
import { assignedOption, memberAssignmentsOf } from '../requests';
import { builtUrlCall } from './goUrls';
import { Value } from '../values';
import type { GoClientLibrary, GoImport } from './goLibrary';
import { assignedTlsConfigFields } from './goRedis';
import { optionsTlsFieldsSetApart } from './goTlsFieldsSetApart';

/** The flavor, and the service its package stands for in `goPackages`. */
export const RUEIDIS = 'rueidis';
/** The go-redis-like adapter's package: what its `NewAdapter` gives is a go-redis client. */
const RUEIDIS_COMPAT = 'rueidiscompat';
/** The OpenTelemetry package: its `NewClient(option)` and `WithClient(client)` give a client that sends as the one it wraps. */
const RUEIDIS_OTEL = 'rueidisotel';

const IMPORT_PATH = /^github\.com\/(?:(?:redis|rueian)\/rueidis(?:\/(rueidiscompat|rueidisotel))?|valkey-io\/valkey-go(?:\/(valkeycompat|valkeyotel))?)$/;
const SUBPACKAGE_SERVICES: Record<string, string> = { rueidiscompat: RUEIDIS_COMPAT, valkeycompat: RUEIDIS_COMPAT, rueidisotel: RUEIDIS_OTEL, valkeyotel: RUEIDIS_OTEL };

/** What importing rueidis, valkey-go or their adapter and OpenTelemetry packages brings in. */
function rueidisImport(path: string): GoImport | undefined {
  const match = IMPORT_PATH.exec(path);
  const subpackage = match?.[1] ?? match?.[2];
  if (!match) {
    return undefined;
  }
  return subpackage ? { service: SUBPACKAGE_SERVICES[subpackage], name: subpackage } : { service: RUEIDIS, name: path.endsWith('valkey-go') ? 'valkey' : 'rueidis' };
}

const CLIENT: Value = { t: 'client', kind: 'redis', flavor: RUEIDIS };
const CLIENT_TYPES = new Set(['Client', 'DedicatedClient', 'CoreClient', 'CommandClient']);
const ADAPTER: Value = { t: 'client', kind: 'redis', flavor: 'go-redis' };
/** The adapter's `Pipeliner` (what `Pipeline()` returns and `Pipelined` hands its function) queues commands. */
const ADAPTER_PIPELINE: Value = { t: 'client', kind: 'redis', flavor: 'go-redis', batched: true };

/** `rueidis.Client`, `rueidiscompat.Cmdable` as a declared type. */
function rueidisType(service: string, type: string): Value | undefined {
  if (service !== RUEIDIS_COMPAT) {
    return service === RUEIDIS && CLIENT_TYPES.has(type) ? CLIENT : undefined;
  }
  return type === 'Cmdable' || type === 'CoreCmdable' ? ADAPTER : type === 'Pipeliner' ? ADAPTER_PIPELINE : undefined;
}

/** What a package function gives: `NewClient` (and the OpenTelemetry `WithClient`) a client, `NewAdapter` the adapter. */
function rueidisResult(service: string, name: string): Value | undefined {
  if (service === RUEIDIS_COMPAT) {
    return name === 'NewAdapter' ? ADAPTER : undefined;
  }
  return name === 'NewClient' || (service === RUEIDIS_OTEL && name === 'WithClient') ? CLIENT : undefined;
}

/** Senders that write one command and wait for its reply. */
const WAITING_SENDERS = new Set(['Do', 'DoStream']);
const WAITS: RedisCallSite['client'] = { flavor: RUEIDIS };
/**
 * A command sent with others (`DoMulti`, `DoMultiCache`, a slice built for them), answered from the client-side
 * cache (`DoCache`: a hit sends nothing), kept to send later, or given a batch of keys: no round trip per key
 * that the code shows.
 */
const NOT_WAITED: RedisCallSite['client'] = { flavor: RUEIDIS, batched: true };

/** A method call on a rueidis client (the name token at `nameIndex`): `client.B().Keys()` builds a command. */
function rueidisMethodCall(a: CodeAnalyzer, nameIndex: number, receiverStart: number): void {
  const builder = nameIndex + 4;
  const isBuilder = a.idIs(nameIndex, 'B') && a.is(nameIndex + 1, '(') && a.is(nameIndex + 2, ')') && a.is(nameIndex + 3, '.') && a.isId(builder) && a.is(builder + 1, '(');
  const command = isBuilder ? builtCommand(a, builder) : undefined;
  if (!command) {
    return;
  }
  const chain = builderChain(a, builder, command);
  // `B().Unlink().Key(keys...)`: one command for a batch of keys, the shape a SCAN loop should have.
  const client = chain.spread ? NOT_WAITED : WAITS;
  const count = a.redisCalls.length;
  const sender = waitingSender(a, a.parent[receiverStart]) ?? heldCommandSender(a, receiverStart, chain.end);
  if (sender !== undefined) {
    // Anchored on the sender, so that a loop, a goroutine or a retry around it is read as around the command.
    const senderStart = chainStart(a, sender - 3);
    addRedisCall(a, { index: sender - 1, command, name: a.tokenSpan(builder), client, receiverStart: senderStart, sent: true });
  } else {
    addRedisCall(a, { index: builder, command, name: a.tokenSpan(builder), client: NOT_WAITED, receiverStart, sent: true });
  }
  if (a.redisCalls.length > count && chain.keyed) {
    a.redisCalls[count].keyed = chain.keyed;
  }
}

/** `client.Do(` around a command (`open` is its `(`): that `(`, when the method sends one command and waits. */
function waitingSender(a: CodeAnalyzer, open: number): number | undefined {
  const name = open > 2 && a.is(open, '(') && a.is(open - 2, '.') ? a.id(open - 1) : undefined;
  return name !== undefined && WAITING_SENDERS.has(name) ? open : undefined;
}

/**
 * `cmd := client.B().Get().Key(k).Build()` (the chain ends before `end`), then `client.Do(ctx, cmd)` as the next use
 * of `cmd`: the `(` of that `Do`. A command appended or handed on first is sent some other way.
 */
function heldCommandSender(a: CodeAnalyzer, receiverStart: number, end: number): number | undefined {
  const assigned = a.is(receiverStart - 1, ':=') || a.is(receiverStart - 1, '=');
  const statementEnds = end >= a.tokens.length || a.is(end, ';') || (a.startsLine(end) && !a.is(end, '.'));
  if (!assigned || !statementEnds || !a.isId(receiverStart - 2)) {
    return undefined;
  }
  const uses = tokensNamed(a, a.tokens.text(receiverStart - 2));
  let low = 0;
  let high = uses.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (uses[middle] < end) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const use = uses[low];
  const open = use === undefined ? -1 : a.parent[use];
  const wholeArgument = use !== undefined && a.is(use - 1, ',') && (a.is(use + 1, ')') || a.is(use + 1, ','));
  return wholeArgument && a.scopes.lookup(a.tokens.text(use), use) === a.scopes.lookup(a.tokens.text(receiverStart - 2), receiverStart - 2) ? waitingSender(a, open) : undefined;
}

/** The command a builder's first method names: its own name, or the first word of `Arbitrary("CONFIG", "SET")`. */
function builtCommand(a: CodeAnalyzer, builder: number): string | undefined {
  if (!a.idIs(builder, 'Arbitrary')) {
    return normalizeName(a.tokens.text(builder));
  }
  const [start, end] = segments(a, builder + 1)[0] ?? [-1, -1];
  const named = start >= 0 ? namedValue(a, start, end) : undefined;
  return named?.kind === 'literal' ? sentCommand(a, named.token) : undefined;
}

/** How many builder methods after the command are read for its key and TTL: more than any command takes. */
const MAX_BUILDER_STEPS = 24;
/** SET's expiration methods (`Ex`, `ExSeconds`, `Px`, `PxMilliseconds`, `Exat`, `Pxat`, `Keepttl`...). */
const SET_EXPIRATION = /^(?:Ex|Px|Keepttl)/;

/**
 * The builder methods after the command, read once: where the chain ends, whether one spreads a slice
 * (`Key(keys...)`), and what the set-then-expire check pairs: the key `Key(...)` gives, whether a SET gives it a
 * TTL (an expiration method), an INCR or HSET that may create it without one, an EXPIRE, a TTL read.
 */
function builderChain(a: CodeAnalyzer, builder: number, command: string): { end: number; spread: boolean; keyed?: KeyedRedisCall } {
  let key: string | undefined;
  let expires = false;
  let spread = false;
  const isSet = command === 'set' || command === 'setnx';
  let k = a.partner[builder + 1] + 1;
  for (let steps = 0; steps < MAX_BUILDER_STEPS && k > 0 && a.is(k, '.') && a.isId(k + 1) && a.is(k + 2, '(') && a.partner[k + 2] > k; steps++) {
    const method = a.tokens.text(k + 1);
    const close = a.partner[k + 2];
    if (method === 'Key' && key === undefined) {
      key = written(a, k + 3, close);
    }
    expires ||= isSet && SET_EXPIRATION.test(method);
    spread ||= close > k + 5 && a.tokens.isSpread(close - 3);
    k = close + 1;
  }
  const ttl =
    isSet || REDIS_COUNTER_COMMANDS.has(command) || REDIS_COLLECTION_WRITE_COMMANDS.has(command)
      ? 'none'
      : EXPIRE_COMMANDS.has(command)
        ? 'expire'
        : command === 'ttl' || command === 'pttl'
          ? 'read'
          : undefined;
  const end = Math.max(k, builder + 1);
  return key && ttl ? { end, spread, keyed: { key, scope: functionScope(a, builder), ttl: expires ? 'maybe' : ttl } } : { end, spread };
}

/** `rueidis.NewClient(...)` (or `rueidisotel.NewClient(...)`) at the name token: the options of the client it makes. */
function rueidisPackageCall(a: CodeAnalyzer, nameIndex: number): void {
  const service = a.goPackages.get(a.id(nameIndex - 2) ?? '');
  if (!a.idIs(nameIndex, 'NewClient') || (service !== RUEIDIS && service !== RUEIDIS_OTEL) || !a.is(nameIndex + 1, '(')) {
    return;
  }
  const [start, end] = segments(a, nameIndex + 1)[0] ?? [-1, -1];
  const literal = start >= 0 ? optionLiteral(a, start) : -1;
  if (literal >= 0 && a.partner[literal] + 1 === end) {
    a.contexts.push(clientContext(a, literal, nameIndex));
    return;
  }
  // `rueidis.NewClient(opt)`: the literal the variable was declared with, and the fields set on it before the call
  // (`opt.TLSConfig = &tls.Config{...}` under an `if` or not); what else may set them is not visible.
  const held = start >= 0 && a.isId(start) && end === start + 1 ? a.scopes.lookup(a.tokens.text(start), start) : undefined;
  const heldLiteral = held && held.expression >= 0 ? optionLiteral(a, held.expression) : -1;
  if (!held || heldLiteral < 0) {
    // `rueidis.NewClient(opt)` after `opt, err := rueidis.ParseURL(...)`: the URL's options are the client's.
    return;
  }
  const context = clientContext(a, heldLiteral, nameIndex);
  context.complete = false;
  const assigned = memberAssignmentsOf(a, a.tokens.text(start), held)
    .filter((eq) => eq < start)
    .map((eq) => assignedOption(a, eq));
  context.options.push(...assigned, ...assignedTlsConfigFields(a, assigned), ...optionsTlsFieldsSetApart(a, a.tokens.text(start), held, start));
  a.contexts.push(context);
}

/** The `{` of `rueidis.ClientOption{...}` (or `&rueidis.ClientOption{...}`) written from `from`, or -1. */
function optionLiteral(a: CodeAnalyzer, from: number): number {
  const k = a.is(from, '&') ? from + 1 : from;
  const brace = k + 3;
  const isOptions = a.isId(k) && a.goPackages.get(a.tokens.text(k)) === RUEIDIS && a.is(k + 1, '.') && a.idIs(k + 2, 'ClientOption') && a.is(brace, '{');
  return isOptions && a.partner[brace] > brace ? brace : -1;
}

/**
 * The client's options from a `ClientOption` literal: its fields (and those of a `&tls.Config{...}` it holds), the
 * config a `TLSConfig` variable holds, and the one address of `InitAddress: []string{"..."}`, which tells a local
 * server. A `DialFn` or `DialCtxFn` dials as it likes, TLS or not: what the options lack is then unknown.
 */
function clientContext(a: CodeAnalyzer, brace: number, nameIndex: number): OptionContext {
  const context = contextFrom(a, brace, a.partner[brace], 'redis-client', RUEIDIS, a.tokenSpan(nameIndex));
  const added: OptionOccurrence[] = [];
  for (const option of context.options) {
    if (option.norm === 'dialfn' || option.norm === 'dialctxfn') {
      context.complete = false;
    } else if (option.norm === 'initaddress') {
      const [first, end] = a.tokensOf(option.value);
      const one = first + 4;
      if (a.is(first, '[') && a.is(first + 1, ']') && a.idIs(first + 2, 'string') && a.is(first + 3, '{') && a.partner[first + 3] === one + 1 && one + 2 === end && a.isString(one)) {
        added.push(positionalOption(a, one, one + 1, 'addr'));
      }
    }
  }
  context.options.push(...added, ...assignedTlsConfigFields(a, context.options));
  return context;
}

/** The URL parsers: both give the options a URL tells. */
export function isRueidisUrlParser(name: string): boolean {
  return name === 'ParseURL' || name === 'MustParseURL';
}

/**
 * `rueidis.ParseURL("...")` at the name token, with a literal URL (or a constant that holds one): the options it
 * gives, kept by the call's first token so that fields set on its result (`opt.TLSConfig = ...`) join them. A URL
 * the code does not show (`os.Getenv("REDIS_URL")`) may be a `rediss://` one: nothing is read.
 */
export function rueidisUrl(a: CodeAnalyzer, nameIndex: number): void {
  const parsed = literalUrlCall(a, nameIndex);
  if (!parsed) {
    // `redis.ParseURL("redis://" + addr)`, `fmt.Sprintf("rediss://%s", addr)`: the scheme the code writes.
    builtUrlCall(a, nameIndex, RUEIDIS);
    return;
  }
  const { url, token, options } = parsed;
  // `url.Values.Get` reads a parameter's first value; `skip_verify` alone, or any spelling of true, skips verification.
  const skipVerify = url.tls ? url.query.find((parameter) => parameter.key.value === 'skip_verify') : undefined;
  if (skipVerify) {
    const value = skipVerify.value.value;
    const skips = value === '' || /^(?:1|t|T|TRUE|true|True)$/.test(value);
    options.push(urlOption(a, token, 'skip_verify', skipVerify.key, skipVerify.value, skips ? { kind: 'bool', value: true } : { kind: 'str', value }));
  }
  keepUrlOptions(a, nameIndex, RUEIDIS, options);
}

/** rueidis and valkey-go with their adapter and OpenTelemetry packages, to the Go analyzer (`goLibrary.ts`). */
export const RUEIDIS_LIBRARY: GoClientLibrary = {
  services: [RUEIDIS, RUEIDIS_COMPAT, RUEIDIS_OTEL],
  importOf: rueidisImport,
  clientType: (type, service) => rueidisType(service, type),
  factoryResult: (name, service) => rueidisResult(service, name),
  packageCall: rueidisPackageCall,
  // The adapter's clients are go-redis clients (flavor go-redis), read as go-redis's.
  clientCall: (a, nameIndex, client, receiverStart) => client.flavor === RUEIDIS && (rueidisMethodCall(a, nameIndex, receiverStart), true),
};
