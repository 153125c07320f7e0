/**
 * StackExchange.Redis, the usual Redis client of .NET: `ConnectionMultiplexer.Connect(...)` and its
 * interfaces (`IConnectionMultiplexer`, `IDatabase`, `IServer`, `IBatch`, `ITransaction`), their
 * methods as Redis commands, and the connection settings the rules read (`ConfigurationOptions`, a
 * configuration string, a `CertificateValidation` callback).
 */
import { Literal, OptionOccurrence } from '../model';
import { acceptsEveryCertificate } from './certificateCallbacks';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { bindingAt, bindingEnd, namedValue } from './names';
import { initializerContext, occurrenceOf } from './options';
import { addRedisCall, sentCommand } from './redis';
import { builtConfigurationString, STRING_OPTIONS } from './stackExchangeBuiltStrings';
import { builtKeyArray } from './stackExchangeKeyArrays';
import { unseenConfigurationString } from './stackExchangeUnseenStrings';
import { DISTRIBUTED_CACHE_COMMANDS } from './distributedCache';
import { Value } from './values';

export const STACKEXCHANGE_MODULE = 'dotnet:StackExchange.Redis';
/** What `GetServers()` returns: an `IServer[]`, one server per endpoint, whose elements are read through LINQ, an index or `foreach`. */
export const STACKEXCHANGE_SERVERS = 'dotnet:StackExchange.Redis#servers';
const FLAVOR = 'stackexchange-redis';

const CLIENT: Value = { t: 'client', kind: 'redis', flavor: FLAVOR };
const BATCH: Value = { t: 'client', kind: 'redis', flavor: FLAVOR, batched: true };
const SERVERS: Value = { t: 'ref', module: STACKEXCHANGE_SERVERS, path: '' };

/** LINQ methods that give one element of the servers, and those that give some of them (still servers). */
const ELEMENT_PICKS = new Set(['First', 'FirstOrDefault', 'Single', 'SingleOrDefault', 'Last', 'LastOrDefault', 'ElementAt', 'ElementAtOrDefault']);
const SUBSETS = new Set(['Where', 'ToArray', 'ToList', 'AsEnumerable', 'OrderBy', 'OrderByDescending', 'Skip', 'Take', 'Distinct']);

/** Declared types that hold a connection, a database or a server; a batch or transaction queues its commands. */
export const CLIENT_TYPES = new Set(['ConnectionMultiplexer', 'IConnectionMultiplexer', 'IDatabase', 'IDatabaseAsync', 'IServer']);
const BATCH_TYPES = new Set(['IBatch', 'ITransaction']);

/** Static factories of `ConnectionMultiplexer`. */
const FACTORIES = new Set(['Connect', 'ConnectAsync', 'SentinelConnect', 'SentinelConnectAsync']);

/** Methods (without `Async`), by normalised name, and the Redis command each sends. */
const COMMANDS = new Map<string, string>([
  ['stringget', 'get'],
  ['stringset', 'set'],
  ['stringincrement', 'incr'],
  ['keyexpire', 'expire'],
  ['keypersist', 'persist'],
  ['keytimetolive', 'ttl'],
  // KeyDelete sends UNLINK where the server has it, DEL otherwise (IDatabase.KeyDelete docs).
  ['keydelete', 'unlink'],
  ['keyexists', 'exists'],
  ['hashget', 'hget'],
  ['hashset', 'hset'],
  ['hashgetall', 'hgetall'],
  ['hashkeys', 'hkeys'],
  ['hashvalues', 'hvals'],
  // The scans page with HSCAN, SSCAN and ZSCAN as the loop asks for more (IDatabase.HashScan docs).
  ['hashscan', 'hscan'],
  ['setmembers', 'smembers'],
  ['listrange', 'lrange'],
  ['sortedsetrangebyrank', 'zrange'],
  ['setscan', 'sscan'],
  ['sortedsetscan', 'zscan'],
  ['hashdelete', 'hdel'],
  // HashDecrement and SortedSetDecrement send HINCRBY and ZINCRBY with the negated value (IDatabase docs).
  ['hashincrement', 'hincrby'],
  ['hashdecrement', 'hincrby'],
  ['sortedsetincrement', 'zincrby'],
  ['sortedsetdecrement', 'zincrby'],
  ['setadd', 'sadd'],
  ['setcontains', 'sismember'],
  ['sortedsetadd', 'zadd'],
  ['listleftpush', 'lpush'],
  ['listrightpush', 'rpush'],
  // `IServer.Keys` pages with SCAN where the server has it (StackExchange.Redis docs, KeysScan.md).
  ['keys', 'scan'],
  ['flushalldatabases', 'flushall'],
  ['flushdatabase', 'flushdb'],
  ['configset', 'configset'],
  ['configget', 'configget'],
  ['createtransaction', 'multi'],
  ['createbatch', 'pipeline'],
]);
/** Generic senders whose first argument names the command: `db.Execute("UNLINK", key)`. */
const SENDERS = new Set(['execute', 'executeasync']);
/** Methods that run a Lua script on the server (EVAL): `db.ScriptEvaluate("return redis.call('KEYS', ARGV[1])", ...)`. */
const SCRIPT_RUNNERS = new Set(['scriptevaluate', 'scriptevaluateasync']);
/** How many tokens of a script's expression (strings joined with `+`) are read. */
const MAX_SCRIPT_TOKENS = 256;
/**
 * KEYS called from Lua (`redis.call('KEYS', ...)`, `redis.pcall("keys", ...)`), as written in a C# string (its Lua
 * quotes may be escaped); EVAL runs the script atomically, so a KEYS in it blocks the server as a KEYS sent alone does
 * (https://redis.io/docs/latest/develop/programmability/eval-intro/).
 */
const LUA_KEYS = /redis\.p?call\s*\(\s*\\?['"]keys\\?['"]/gi;

/** `using StackExchange.Redis;`: the static classes the code names. */
export function noteStackExchangeImport(a: CodeAnalyzer, namespace: string): void {
  if (namespace === 'StackExchange.Redis') {
    a.addImport('ConnectionMultiplexer', STACKEXCHANGE_MODULE, 'ConnectionMultiplexer');
    a.addImport('ConfigurationOptions', STACKEXCHANGE_MODULE, 'ConfigurationOptions');
  }
}

function usesStackExchange(a: CodeAnalyzer): boolean {
  return a.imports.get('ConnectionMultiplexer')?.module === STACKEXCHANGE_MODULE;
}

/** A declared type as a client: `IDatabase _db`, `IConnectionMultiplexer redis`, `Lazy<ConnectionMultiplexer> lazy` (whose `Value` is one). */
export function stackExchangeType(a: CodeAnalyzer, start: number): Value | undefined {
  if (!usesStackExchange(a) || a.is(start + 1, '.')) {
    return undefined;
  }
  const name = a.tokens.text(start);
  if (name === 'Lazy' && a.is(start + 1, '<') && a.is(start + 3, '>')) {
    return a.isId(start + 2) && a.tokens.text(start + 2).endsWith('ConnectionMultiplexer') ? CLIENT : undefined;
  }
  if (name === 'IServer' && a.is(start + 1, '[') && a.is(start + 2, ']')) {
    return SERVERS;
  }
  if (CLIENT_TYPES.has(name)) {
    return CLIENT;
  }
  return BATCH_TYPES.has(name) ? BATCH : undefined;
}

/** What a call on `ConnectionMultiplexer` or on a client gives: a connection, a database, a server, a batch. */
export function stackExchangeResult(path: string): Value | undefined {
  const dot = path.lastIndexOf('.');
  const method = path.slice(dot + 1);
  if (path.startsWith('ConnectionMultiplexer.')) {
    return dot === 'ConnectionMultiplexer'.length && FACTORIES.has(method) ? CLIENT : undefined;
  }
  if (dot >= 0) {
    return undefined;
  }
  if (method === 'GetDatabase' || method === 'GetServer') {
    return CLIENT;
  }
  if (method === 'GetServers') {
    return SERVERS;
  }
  return method === 'CreateBatch' || method === 'CreateTransaction' ? BATCH : undefined;
}

/** A LINQ call on the servers of `GetServers()`: `.Single()`, `.First(s => !s.IsReplica)` give a server, `.Where(...)` servers. */
export function stackExchangeServersCall(path: string): Value | undefined {
  if (ELEMENT_PICKS.has(path)) {
    return CLIENT;
  }
  return SUBSETS.has(path) ? SERVERS : undefined;
}

/** The server an element of `value` is, when `value` holds the servers of `GetServers()` (`servers[0]`, `foreach (var s in servers)`). */
export function stackExchangeServer(value: Value | undefined): Value | undefined {
  return value?.t === 'ref' && value.module === STACKEXCHANGE_SERVERS && value.path === '' ? CLIENT : undefined;
}

/**
 * Whether a C# file may iterate the servers of `GetServers()` or an `IServer[]`, so that a `foreach (var s in ...)` variable is read
 * as an element of what it walks (a cheap text test, done once per file).
 */
export function mayIterateServers(a: CodeAnalyzer): boolean {
  return a.language.family === 'csharp' && (a.text.includes('GetServers') || a.text.includes('IServer[]'));
}

/** A method call on a StackExchange.Redis client, as the Redis command it sends. */
export function stackExchangeCall(a: CodeAnalyzer, index: number, client: Value & { t: 'client' }, receiverStart: number): void {
  const method = normalizeName(a.tokens.text(index));
  const open = index + 1;
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const argsText = a.text.slice(a.tokens.ends[open], a.tokens.starts[close]);
  // A synchronous method blocks until the reply comes, unless the command is sent fire-and-forget.
  const waits = !method.endsWith('async') && !argsText.includes('FireAndForget');
  // An async method's tasks started in a callback (`keys.Select(k => db.StringGetAsync(k))`) go out together.
  const sender = waits ? client : { ...client, nonBlocking: true };
  if (client.structure === 'distributed-cache') {
    // `IDistributedCache` on Redis: its own methods, each one command (`distributedCache.ts`).
    const name = method.replace(/async$/, '');
    const command = Object.hasOwn(DISTRIBUTED_CACHE_COMMANDS, name) ? DISTRIBUTED_CACHE_COMMANDS[name] : undefined;
    if (command) {
      addRedisCall(a, { index, command, name: a.tokenSpan(index), client: sender, receiverStart, waits });
    }
    return;
  }
  if (SCRIPT_RUNNERS.has(method)) {
    luaKeysCalls(a, index, open, close, client, receiverStart, waits);
    return;
  }
  if (SENDERS.has(method)) {
    if (a.isString(open + 1)) {
      addRedisCall(a, { index, command: sentCommand(a, open + 1), name: a.tokenSpan(open + 1), client: sender, receiverStart, sent: true, waits });
    }
    return;
  }
  let command = COMMANDS.get(method.replace(/async$/, ''));
  if (command === 'get' && isKeyArray(a, open, close)) {
    command = 'mget';
  }
  if (command) {
    addRedisCall(a, { index, command, name: a.tokenSpan(index), client: sender, receiverStart, waits });
  }
}

/**
 * Each KEYS a Lua script given to `ScriptEvaluate` calls, as a KEYS command at that word: the script written in the
 * call (also inside `LuaScript.Prepare(...)` or joined with `+`), or a constant or local that holds it.
 */
function luaKeysCalls(a: CodeAnalyzer, index: number, open: number, close: number, client: Value & { t: 'client' }, receiverStart: number, waits: boolean): void {
  for (let k = open + 1; k < close; k++) {
    for (const token of scriptStrings(a, k)) {
      const start = a.tokens.starts[token];
      for (const match of a.text.slice(start, a.tokens.ends[token]).matchAll(LUA_KEYS)) {
        const at = start + (match.index ?? 0) + match[0].toLowerCase().lastIndexOf('keys');
        addRedisCall(a, { index, command: 'keys', name: { start: at, end: at + 4 }, client, receiverStart, sent: true, waits });
      }
    }
  }
}

/** The string tokens a script argument's token stands for: itself, or the strings of the expression a plain name is bound to once. */
function scriptStrings(a: CodeAnalyzer, k: number): number[] {
  if (a.isString(k)) {
    return [k];
  }
  const binding = a.isId(k) && !a.isAccess(k - 1) && !a.is(k + 1, '(') && !a.is(k + 1, '.') ? bindingAt(a, k, k + 1) : undefined;
  if (!binding || binding.expression < 0 || binding.element || binding.fixed !== undefined) {
    return [];
  }
  const strings: number[] = [];
  const end = Math.min(bindingEnd(a, binding.expression), binding.expression + MAX_SCRIPT_TOKENS);
  for (let j = binding.expression; j < end; j++) {
    if (a.isString(j)) {
      strings.push(j);
    }
  }
  return strings;
}

/**
 * `StringGet(keys)` with one argument that is visibly a `RedisKey[]`: MGET. Visibly: built in place, a name
 * declared `RedisKey[]`, or the call of a same-file method declared to return one (`StringGet(ToRedisKeys(names))`).
 */
function isKeyArray(a: CodeAnalyzer, open: number, close: number): boolean {
  const first = open + 1;
  if (a.idIs(first, 'new') && a.idIs(first + 1, 'RedisKey') && a.is(first + 2, '[')) {
    return a.skipGroup(first + 2) === close || (a.is(a.skipGroup(first + 2), '{') && a.skipGroup(a.skipGroup(first + 2)) === close);
  }
  const called = a.isId(first) && a.is(first + 1, '(') && a.partner[first + 1] + 1 === close;
  if (!a.isId(first) || (first + 1 !== close && !called)) {
    return builtKeyArray(a, open, close);
  }
  const binding = a.scopes.lookup(a.tokens.text(first), first);
  const declared = binding && Boolean(binding.method) === called ? binding.token : -1;
  return (declared > 2 && a.is(declared - 1, ']') && a.is(declared - 2, '[') && a.idIs(declared - 3, 'RedisKey')) || builtKeyArray(a, open, close);
}

/**
 * Connection settings: `new ConfigurationOptions { Ssl = true, Password = ... }` (with properties set on it
 * afterwards, read as a request's are), `x.CertificateValidation += callback`, and the configuration string
 * given to `Connect` or `ConfigurationOptions.Parse`.
 */
export function stackExchangeOptions(a: CodeAnalyzer): void {
  if (a.text.includes(CACHE_REGISTRATION)) {
    cacheRegistrations(a);
  }
  if (!usesStackExchange(a)) {
    return;
  }
  for (let i = 1; i < a.tokens.length; i++) {
    if (a.idIs(i, 'ConfigurationOptions') && a.idIs(i - 1, 'new')) {
      optionsInitializer(a, i);
    } else if (a.idIs(i, 'CertificateValidation') && a.isAccess(i - 1) && a.is(i + 1, '+=')) {
      certificateCallback(a, i);
    } else if (a.is(i, '(') && a.isId(i - 1) && (FACTORIES.has(a.tokens.text(i - 1)) || a.idIs(i - 1, 'Parse')) && a.is(i - 2, '.')) {
      const owner = a.tokens.text(i - 3);
      if ((owner === 'ConnectionMultiplexer' || owner === 'ConfigurationOptions') && a.imports.get(owner)?.module === STACKEXCHANGE_MODULE) {
        configurationString(a, i);
      }
    }
  }
}

function optionsInitializer(a: CodeAnalyzer, index: number): void {
  const context = initializerContext(a, index, 'redis-client', FLAVOR);
  a.requestAt.set(index, context);
  a.contexts.push(context);
}

/**
 * The callback a callback that accepts every certificate amounts to, as the checks read it: a method group, a block
 * of statements or an anonymous method that always returns `true` (`code/certificateCallbacks.ts`) is this lambda.
 */
const ACCEPT_ALL: Literal = { kind: 'expr', text: '(sender, certificate, chain, errors) => true' };

/** `options.CertificateValidation += (sender, cert, chain, errors) => true;`: an option of its own context. */
function certificateCallback(a: CodeAnalyzer, index: number): void {
  const end = expressionEnd(a, index + 2);
  if (end <= index + 2) {
    return;
  }
  const written = occurrenceOf(a, { key: index, valueStart: index + 2, valueEnd: end, removalStart: index, removalEnd: end - 1 });
  const option = acceptsEveryCertificate(a, index + 2, end) ? { name: written.name, norm: written.norm, key: written.key, value: written.value, removal: written.removal, literal: ACCEPT_ALL } : written;
  a.contexts.push({ kind: 'redis-client', type: FLAVOR, options: [option], complete: false, anchor: a.tokenSpan(index) });
}

/** `"host:6379,ssl=true,password=..."` given as the first argument (a literal, or a constant that holds one). */
function configurationString(a: CodeAnalyzer, open: number): void {
  const close = a.partner[open];
  let end = open + 1;
  while (end < close && !(a.is(end, ',') && a.parent[end] === open)) {
    end = a.skipGroup(end);
  }
  if (close > open + 1 && !configurationValue(a, open + 1, end, open - 1) && unseenConfigurationString(a, open + 1, end, a.idIs(open - 1, 'Parse'))) {
    a.contexts.push({ kind: 'redis-client', type: FLAVOR, options: [], complete: false, urlNotSeen: true, anchor: a.tokenSpan(open - 1) });
  }
}

/**
 * The distributed cache of Microsoft.Extensions.Caching.StackExchangeRedis, registered with its options set in a
 * lambda: `services.AddStackExchangeRedisCache(options => { options.Configuration = "host:6379,password=..."; })`.
 * `RedisCacheOptions.Configuration` is the StackExchange.Redis configuration string the cache connects with
 * (https://learn.microsoft.com/en-us/dotnet/api/microsoft.extensions.caching.stackexchangeredis.rediscacheoptions.configuration);
 * only the lambda's own parameter counts, so another `Configuration` (an app's `builder.Configuration`) is never read.
 * A string the code does not show (`options.Configuration = builder.Configuration.GetConnectionString("Redis")`, a
 * local declared `string`) is read as `Connect` given one is (`code/stackExchangeUnseenStrings.ts`).
 */
const CACHE_REGISTRATION = 'AddStackExchangeRedisCache';

function cacheRegistrations(a: CodeAnalyzer): void {
  for (let i = 1; i + 3 < a.tokens.length; i++) {
    if (!a.idIs(i, CACHE_REGISTRATION) || !a.isAccess(i - 1) || !a.is(i + 1, '(')) {
      continue;
    }
    const close = a.partner[i + 1];
    // `options => ...` or `(options) => ...`, the registration's one argument.
    const parameter = a.is(i + 2, '(') && a.is(i + 4, ')') ? i + 3 : i + 2;
    const arrow = parameter === i + 3 ? i + 5 : i + 3;
    if (close < 0 || !a.isId(parameter) || !a.is(arrow, '=>')) {
      continue;
    }
    const name = a.tokens.text(parameter);
    for (let k = arrow + 1; k + 3 < close; k++) {
      if (a.idIs(k, name) && !a.isAccess(k - 1) && a.is(k + 1, '.') && a.idIs(k + 2, 'Configuration') && a.is(k + 3, '=')) {
        const end = Math.min(expressionEnd(a, k + 4), close);
        if (end > k + 4 && !configurationValue(a, k + 4, end, k + 2) && unseenConfigurationString(a, k + 4, end, false)) {
          // A string from settings, a secret or the environment: its `ssl=` decides TLS, as for `Connect(settingsString)`.
          a.contexts.push({ kind: 'redis-client', type: FLAVOR, options: [], complete: false, urlNotSeen: true, anchor: a.tokenSpan(k + 2) });
        }
      }
    }
  }
}

/**
 * A configuration string written from `start` to `end` (a literal, a constant that holds one, or one the code
 * builds), as a client's options anchored at `anchor`. False when the code does not write it.
 */
function configurationValue(a: CodeAnalyzer, start: number, end: number, anchor: number): boolean {
  const named = namedValue(a, start, end);
  if (named?.kind !== 'literal') {
    const built = builtConfigurationString(a, start, end);
    if (built) {
      a.contexts.push({ kind: 'redis-client', type: FLAVOR, ...built, anchor: a.tokenSpan(anchor) });
    }
    return built !== undefined;
  }
  const token = named.token;
  const raw = a.text.slice(a.tokens.starts[token], a.tokens.ends[token]);
  const value = a.tokens.text(token);
  const quote = raw.indexOf('"');
  // Offsets into the literal hold only when it has no escapes (its text is what the source shows).
  if (quote < 0 || raw.slice(quote + 1, quote + 1 + value.length) !== value) {
    return true;
  }
  const options = configurationStringOptions(value, a.tokens.starts[token] + quote + 1);
  a.contexts.push({ kind: 'redis-client', type: FLAVOR, options, complete: true, anchor: a.tokenSpan(anchor) });
  return true;
}

/**
 * The options a StackExchange.Redis configuration string gives (`host:6379,ssl=true,password=...`), its text
 * starting at offset `base`: each endpoint as `host`, and the keys the rules read. Also read from `appsettings.json`.
 */
export function configurationStringOptions(value: string, base: number): OptionOccurrence[] {
  const options: OptionOccurrence[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? '' : part.slice(0, eq)).trim();
    const start = base + offset + (eq < 0 ? 0 : part.indexOf(key));
    const name = STRING_OPTIONS.get(key.toLowerCase());
    if (eq < 0 && part.trim()) {
      // An endpoint: read as the host, so that a local server is told apart.
      options.push(stringOption('host', part.trim(), base + offset, part));
    } else if (name) {
      const text = part.slice(eq + 1).trim();
      const valueStart = base + offset + eq + 1 + (part.slice(eq + 1).length - part.slice(eq + 1).trimStart().length);
      const lower = text.toLowerCase();
      const literal = lower === 'true' || lower === 'false' ? { kind: 'bool' as const, value: lower === 'true' } : { kind: 'str' as const, value: text };
      const span = { start: valueStart, end: valueStart + text.length };
      options.push({ name, norm: normalizeName(name), key: { start, end: start + key.length }, value: span, literal, removal: { start, end: start + part.trim().length } });
    }
    offset += part.length + 1;
  }
  return options;
}

function stringOption(name: string, text: string, start: number, part: string): OptionOccurrence {
  const at = start + part.indexOf(text);
  const span = { start: at, end: at + text.length };
  return { name, norm: name, key: span, value: span, literal: { kind: 'str', value: text }, removal: span };
}
