/** Redis client calls and client options, and the statement around a call for rewrites. */
import { CACHE_MANAGER_COMMANDS } from './cacheManagerCaches';
import { DISTRIBUTED_CACHE_COMMANDS } from './distributedCache';
import { TOKEN_KIND } from '../lexer';
import { Literal, OptionContext, RedisCall, RedisFlavor, RedisStructure } from '../model';
import { REDIS_COMMANDS, REDIS_SENDERS } from '../services';
import { normalizeName, Span } from '../types';
import { environmentRead, withoutTypeAssertion } from './names';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { innermostLoop, isBatchLoopVariable, retriesOrPolls } from './loops';
import { leavesLoopAfter } from './loopExits';
import { lockedPerIteration, madeInLoop, overOneIndex, sameKeyEachIteration } from './perIterationClients';
import { springPipelined } from './springPipelines';
import { sendsBatchPerRound } from './batchArguments';
import { inTestCode } from './testFixtures';
import { djangoCacheCommand } from './djangoCache';
import { contextFrom, positionalOption } from './options';
import { callOpenAfter } from './typeArguments';
import { concatenatedUrl, fromUrlCertReqs, heldUrlExpression, interpolatedUrlOption, parseInterpolatedRedisUrl, parseRedisUrl, urlOption, wholeUrlOption } from './redisUrls';
import { keyedRedisCall, transactionStatementScope } from './redisTtl';
import { memberAssignmentsOf, variableContext } from './requests';
import { jedisAuthOptions } from './languages/javaJedisConstructors';
import { glideSentToken, glideSite } from './glide';
import { dropsCoroutine } from './unawaitedRedis';
import { redissonWalk } from './redissonIteration';
import { RANGE_READS, readsWholeRange } from './redisRanges';
import { springOffsetWrite } from './springSetRange';
import { legacyClientArguments } from './redisPositionalServers';
import { REDISSON_COMMANDS, REDISSON_WHOLE_RANGES } from './redissonCommands';

const { NUM } = TOKEN_KIND;

/**
 * The options of a call that makes a Redis client, written in its arguments or, in JavaScript, held by a
 * variable argument. `factory`: the function or class called, as its library names it (`from_url` for
 * an `async_from_url` alias); by default the name written before the arguments.
 */
export function redisClientOptions(a: CodeAnalyzer, open: number, flavor: RedisFlavor, factory = a.tokens.text(open - 1), leadingNonOptions = 0): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const context = contextFrom(a, open, close, 'redis-client', flavor, a.tokenSpan(open - 1));
  const kept = a.language.family === 'js' ? segments(a, open).slice(leadingNonOptions).map(([start, end]) => withoutTypeAssertion(a, start, end)) : [];
  if (leadingNonOptions > 0) {
    // Keys in a queue's name or a worker's processor (`{ password }` of a call its body makes) are not the client's.
    const from = kept.length > 0 ? a.tokens.starts[kept[0][0]] : Number.MAX_SAFE_INTEGER;
    context.options = context.options.filter((option) => option.key.start >= from);
  }
  urlOptionPasswords(a, context);
  if (a.language.family === 'js' && leadingNonOptions === 0 && kept.length === 1 && a.is(kept[0][0], '{') && a.partner[kept[0][0]] === kept[0][1] - 1) {
    // `createClient({ password })`, `new Redis({ port, password })`: nothing else in the call names where it connects.
    context.aloneInCall = true;
  }
  if (a.language.family === 'js') {
    legacyClientArguments(a, context, kept).forEach(([start, end]) => positionalArgument(a, context, start, end));
    if (kept.length === 1 && environmentRead(a, kept[0][0], kept[0][1]) !== undefined) {
      // `new Redis(process.env.REDIS_URL)`: all the call gives is a URL the environment holds.
      context.urlNotSeen = true;
    }
    context.options.push(...heldTlsObjects(a, context), ...heldConnectionObjects(a, context));
  } else if (a.language.family === 'python') {
    pythonPositionalArguments(a, context, open, flavor, factory.slice(factory.lastIndexOf('.') + 1));
  }
  a.contexts.push(context);
}

/** A Redis client's options written as an object that a library hands to the client it opens (`brace` is its `{`). */
export function redisObjectOptions(a: CodeAnalyzer, brace: number, flavor: RedisFlavor, anchor: Span): void {
  const close = a.partner[brace];
  if (close < 0) {
    return;
  }
  const context = contextFrom(a, brace, close, 'redis-client', flavor, anchor);
  urlOptionPasswords(a, context);
  a.contexts.push(context);
}

/** Options that hold the TLS settings of ioredis (`tls`) and node-redis (`socket`). */
const TLS_CONTAINERS = new Set(['tls', 'socket']);

/**
 * The keys of an object a `tls` or `socket` option names by a variable (`const tlsOptions = { rejectUnauthorized:
 * false }`, then `tls: tlsOptions`), read as written in place, unless the code also sets one of its keys apart.
 */
function heldTlsObjects(a: CodeAnalyzer, context: OptionContext): OptionContext['options'] {
  const found: OptionContext['options'] = [];
  for (const option of context.options) {
    const [first, end] = a.tokensOf(option.value);
    if (!TLS_CONTAINERS.has(option.norm) || !a.isId(first) || end !== first + 1) {
      continue;
    }
    const name = a.tokens.text(first);
    const binding = a.scopes.lookup(name, first);
    const open = a.objectVariable(name, first);
    const setApart = binding !== undefined && memberAssignmentsOf(a, name, binding).length > 0;
    if (open >= 0 && a.partner[open] > open && !setApart) {
      found.push(...contextFrom(a, open, a.partner[open], 'redis-client', context.type, context.anchor).options);
    }
  }
  return found;
}

/**
 * Keys under which a queue or NestJS library takes the options of the client it opens: BullMQ's and
 * @nestjs/bullmq's `connection`, Bull's and @nestjs/bull's `redis`, the NestJS Redis modules' `config` and
 * `options`; and ioredis' `Cluster` the options of its connection to each node, `redisOptions` (https://redis.github.io/ioredis/interfaces/ClusterOptions.html).
 */
export const CONNECTION_HOLDERS: ReadonlySet<string> = new Set(['connection', 'redis', 'config', 'options', 'redisoptions']);

/**
 * The options of an object such a key names by a variable of the file (`const connection = { host, tls: {
 * rejectUnauthorized: false } }`, then `new Queue('mail', { connection })`), with the keys the code sets on it
 * before (`connection.tls = {...}`), read as written in place, or that a same-file helper returns
 * (`{ connection: bullConnection() }`). A variable that holds a client, or an object another file makes, adds nothing.
 */
function heldConnectionObjects(a: CodeAnalyzer, context: OptionContext): OptionContext['options'] {
  const found: OptionContext['options'] = [];
  for (const option of context.options) {
    const [first, end] = a.tokensOf(option.value);
    if (CONNECTION_HOLDERS.has(option.norm) && a.isId(first) && end === first + 1) {
      const held = variableContext(a, first, 'redis-client', context.type, context.anchor);
      found.push(...(held?.options ?? []));
      context.complete &&= held?.complete !== false;
    } else if (CONNECTION_HOLDERS.has(option.norm) && end === first + 3 && a.isId(first) && a.is(first + 1, '.') && a.isId(first + 2)) {
      const brace = memberObject(a, first);
      const held = brace === undefined ? undefined : contextFrom(a, brace, a.partner[brace], 'redis-client', context.type, context.anchor);
      found.push(...(held?.options ?? []));
      context.complete &&= held?.complete !== false;
    } else if (CONNECTION_HOLDERS.has(option.norm)) {
      const returned = optionsReturnedBy(a, context, first, end);
      found.push(...returned);
      context.complete &&= returned.length === 0;
    }
  }
  return found;
}

/**
 * The object literal a member of a same-file object holds, for `object.key` at `first` (`connection:
 * redisWorker.connection` with `const redisWorker = { connection: { host, password } }`); undefined when
 * the object is not a literal of the file, the code sets its members apart, or the key holds no literal.
 */
function memberObject(a: CodeAnalyzer, first: number): number | undefined {
  const name = a.tokens.text(first);
  const open = a.objectVariable(name, first);
  const binding = a.scopes.lookup(name, first);
  if (open < 0 || a.partner[open] < open || !binding || memberAssignmentsOf(a, name, binding).length > 0) {
    return undefined;
  }
  const key = a.tokens.text(first + 2);
  const close = a.partner[open];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const named = (a.isId(k) || a.isString(k)) && a.tokens.text(k) === key && a.is(k + 1, ':');
    const value = k + 2;
    if (named && a.is(value, '{') && a.partner[value] > value && (a.is(a.partner[value] + 1, ',') || a.partner[value] + 1 === close)) {
      return value;
    }
  }
  return undefined;
}

/** How many return statements of a function that builds options are read. */
const MAX_RETURNS_READ = 8;

/**
 * The options a same-file function returns, for a call of it written `start` to `end` (exclusive) in a client's
 * options (`new Redis(redisOptions())`, `{ connection: bullConnection() }`): an object literal it returns, or the
 * object a variable it returns holds, with the keys the function sets on it first (`config.tls = {...}` under an
 * `if`). Their presence counts; their absence tells nothing, as the caller leaves the options incomplete.
 */
function optionsReturnedBy(a: CodeAnalyzer, context: OptionContext, start: number, end: number): OptionContext['options'] {
  if (!a.isId(start) || !a.is(start + 1, '(') || a.partner[start + 1] !== end - 1) {
    return [];
  }
  const fn = a.lookup(a.tokens.text(start), start);
  if (fn?.t !== 'function') {
    return [];
  }
  const found: OptionContext['options'] = [];
  for (const returned of a.returnStarts(fn).slice(0, MAX_RETURNS_READ)) {
    const object = a.is(returned, '(') && a.is(returned + 1, '{') ? returned + 1 : returned;
    if (a.is(object, '{') && a.partner[object] > object) {
      found.push(...contextFrom(a, object, a.partner[object], 'redis-client', context.type, context.anchor).options);
    } else if (a.isId(object) && !a.isAccess(object + 1) && !a.is(object + 1, '(')) {
      found.push(...(variableContext(a, object, 'redis-client', context.type, context.anchor)?.options ?? []));
    }
  }
  return found;
}

/** A string token written as one argument, `start` to `end` (exclusive), read as a Redis URL: TLS, host and password. */
function urlArgument(a: CodeAnalyzer, context: OptionContext, start: number, end: number): void {
  if (end === start + 1 && a.isString(start) && a.tokens.interpolated(start)) {
    interpolatedUrlArgument(a, context, start);
    return;
  }
  if (end !== start + 1 || !a.isString(start)) {
    // A URL the code does not show (`os.environ["REDIS_URL"]`) may be `rediss://`: TLS is unknown.
    if (context.complete) {
      context.urlNotSeen = true;
    }
    context.complete = false;
    return;
  }
  const url = parseRedisUrl(a.tokens.text(start));
  if (!url) {
    return;
  }
  context.options.push(wholeUrlOption(a, start));
  if (url.password) {
    context.options.push(urlOption(a, start, 'password', url.password, url.password, { kind: 'str', value: url.password.value }));
  }
}

/**
 * An f-string URL whose scheme is written out (`f"redis://{host}:{port}"`): it says whether the client uses
 * TLS, and a password in its user information (`f"redis://:{password}@{host}"`) is one whose value the code
 * does not show. Any other interpolated URL leaves TLS unknown.
 */
function interpolatedUrlArgument(a: CodeAnalyzer, context: OptionContext, token: number): void {
  const read = parseInterpolatedRedisUrl(a.tokens.text(token));
  if (!read) {
    context.complete = false;
    return;
  }
  context.options.push(interpolatedUrlOption(a, token, read.masked));
  interpolatedPassword(a, context, token, read);
}

/** The password in the user information of an interpolated URL, a value the code does not show where it holds an interpolation. */
function interpolatedPassword(a: CodeAnalyzer, context: OptionContext, token: number, read: NonNullable<ReturnType<typeof parseInterpolatedRedisUrl>>): void {
  const password = read.url.password;
  if (password && password.value !== '') {
    const original = a.tokens.text(token).slice(password.start, password.end);
    const literal: Literal = read.unknown(password) ? { kind: 'expr', text: original } : { kind: 'str', value: original };
    context.options.push(urlOption(a, token, 'password', password, password, literal));
  }
}

/**
 * The password in a `url` option written as a literal (`createClient({ url: 'redis://:secret@cache:6379' })`, `url="redis://..."`),
 * and a template URL whose scheme is written out (`` url: `redis://${host}:${port}` ``), read as a positional one.
 */
function urlOptionPasswords(a: CodeAnalyzer, context: OptionContext): void {
  for (const option of context.options.slice()) {
    const written = option.norm === 'url' && (option.literal.kind === 'str' || option.literal.kind === 'expr') ? a.tokensOf(option.value) : [0, 0];
    const [first, end] = heldUrlExpression(a, written[0], written[1]) ?? written;
    const token = end === first + 1 && a.isString(first) ? first : undefined;
    const concatenated = token === undefined && end > first ? concatenatedUrl(a, first, end) : undefined;
    if (concatenated) {
      const { name, norm, key, value, removal } = option;
      context.options.splice(context.options.indexOf(option), 1, { name, norm, key, value, removal, literal: concatenated.options[0].literal }, ...concatenated.options.slice(1));
      continue;
    }
    if (token !== undefined && a.tokens.interpolated(token)) {
      const read = parseInterpolatedRedisUrl(a.tokens.text(token));
      if (read) {
        const { name, norm, key, value, removal } = option;
        context.options.splice(context.options.indexOf(option), 1, { name, norm, key, value, removal, literal: interpolatedUrlOption(a, token, read.masked).literal });
        interpolatedPassword(a, context, token, read);
      }
      continue;
    }
    const password = token === undefined ? undefined : parseRedisUrl(a.tokens.text(token))?.password;
    if (token !== undefined && password) {
      context.options.push(urlOption(a, token, 'password', password, password, { kind: 'str', value: password.value }));
    }
  }
}

/**
 * redis-py's positional arguments, before the first keyword: the URL of `from_url(url, **kwargs)` (module,
 * `Redis`, `ConnectionPool` and `RedisCluster` class methods alike), and the password of the synchronous
 * `Redis(host, port, db, password, ...)` (redis/client.py; the asyncio client takes keywords only).
 */
function pythonPositionalArguments(a: CodeAnalyzer, context: OptionContext, open: number, flavor: RedisFlavor, factory: string): void {
  const passwordAt = flavor === 'redis-py' && (factory === 'Redis' || factory === 'StrictRedis') ? 3 : -1;
  const argumentsWritten = segments(a, open);
  for (let position = 0; position < argumentsWritten.length; position++) {
    const [start, end] = argumentsWritten[position];
    if (a.is(start, '*') || a.is(start, '**') || (a.isId(start) && a.is(start + 1, '='))) {
      return;
    }
    if (factory === 'from_url' && position === 0) {
      urlArgument(a, context, start, end);
      const certReqs = fromUrlCertReqs(a, start, end);
      if (certReqs) {
        context.options.push(certReqs);
      }
    } else if (position === passwordAt) {
      context.options.push(positionalOption(a, start, end, 'password'));
    }
  }
}

/**
 * One argument of a JavaScript client constructor or factory, `start` to `end` (exclusive). An options object
 * held by a variable (`new Redis(url, options)` with `const options: RedisOptions = { tls: {...} }`) is read as
 * if written there. An argument that may be a `rediss://` URL (`process.env.REDIS_URL`), or that the code does
 * not show, leaves TLS unknown; object and array literals (options, cluster nodes) and a port do not.
 */
function positionalArgument(a: CodeAnalyzer, context: OptionContext, start: number, end: number): void {
  if ((a.is(start, '{') || a.is(start, '[')) && a.skipGroup(start) === end) {
    return;
  }
  // A name that holds a URL built from parts (`const url = 'redis://' + host`) is read as if written here.
  [start, end] = heldUrlExpression(a, start, end) ?? [start, end];
  const concatenated = concatenatedUrl(a, start, end);
  if (concatenated) {
    // `'redis://' + host + ':6379'` is read as a template literal is.
    context.options.push(...concatenated.options);
  } else if (end !== start + 1) {
    context.options.push(...optionsReturnedBy(a, context, start, end));
    context.complete = false;
  } else if (a.isString(start)) {
    // A template URL whose scheme is written out (`` `redis://:${password}@${host}` ``) is read as Python's f-strings are.
    context.complete &&= !/^(?:rediss|valkeys):/i.test(a.tokens.text(start));
    urlArgument(a, context, start, end);
  } else if (a.isId(start)) {
    const held = variableContext(a, start, 'redis-client', context.type, context.anchor);
    context.options.push(...(held?.options ?? []));
    context.complete &&= held?.complete === true;
  } else {
    context.complete &&= a.tokens.kinds[start] === NUM;
  }
}

/**
 * go-redis names for MULTI/EXEC, pipelines, `FLUSHDB ASYNC` / `FLUSHALL ASYNC` and `SMembersMap` (SMEMBERS, its reply as a
 * map), as the commands the rules name.
 */
const GO_REDIS_ALIASES = new Map([
  ['smembersmap', 'smembers'],
  ['pipelined', 'pipeline'],
  ['txpipeline', 'multi'],
  ['txpipelined', 'multi'],
  ['flushdbasync', 'flushdb'],
  ['flushallasync', 'flushall'],
]);

/**
 * The Java clients' methods that open a pipeline, by flavor, read as the pipeline the rules name: Jedis's
 * `jedis.pipelined()`, Spring Data Redis's `template.executePipelined(callback)` and Redisson's
 * `redisson.createBatch()` (RBatch) each queue commands and send them together.
 */
const JAVA_PIPELINE_OPENERS: Partial<Record<RedisFlavor, string>> = {
  jedis: 'pipelined',
  'spring-data-redis': 'executepipelined',
  redisson: 'createbatch',
};

/** The command a method of a client without a generic sender stands for: an alias of go-redis or a Java pipeline, else its own name. */
function aliasedCommand(flavor: RedisFlavor | undefined, method: string): string {
  if (flavor === 'go-redis') {
    return GO_REDIS_ALIASES.get(method) ?? method;
  }
  return flavor !== undefined && JAVA_PIPELINE_OPENERS[flavor] === method ? 'pipeline' : method;
}

/**
 * Spring Data Redis operations on one data structure, method to command: `opsForHash().delete(key, field)`
 * is HDEL and `keys(key)` HKEYS, never DEL or KEYS. A method not listed is that structure's own command,
 * which no key-level rule names.
 */
const STRUCTURE_COMMANDS: Record<Exclude<RedisStructure, 'cache'>, Record<string, string>> = {
  ...REDISSON_COMMANDS,
  hash: { delete: 'hdel', keys: 'hkeys', get: 'hget', put: 'hset', putall: 'hset', putifabsent: 'hsetnx', entries: 'hgetall', multiget: 'hmget', scan: 'hscan', haskey: 'hexists', increment: 'hincrby', values: 'hvals', size: 'hlen', expire: 'hexpire' },
  list: { leftpush: 'lpush', rightpush: 'rpush', leftpushall: 'lpush', rightpushall: 'rpush', leftpop: 'lpop', rightpop: 'rpop', range: 'lrange', remove: 'lrem', size: 'llen', trim: 'ltrim', index: 'lindex', set: 'lset' },
  set: { add: 'sadd', remove: 'srem', members: 'smembers', ismember: 'sismember', scan: 'sscan', size: 'scard', pop: 'spop', randommember: 'srandmember' },
  // Flask-Caching on Redis (`flaskCaching.ts`): `clear()` is KEYS `prefix*` (the default prefix too), FLUSHDB with an empty prefix.
  'flask-cache': { clear: 'flushdb' },
  'flask-cache-prefixed': { clear: 'keys' },
  // A Flask-Caching cache whose backend the file does not say, and its backend object (`cache.cache`): the cache API, no command.
  'flask-cache-any': {},
  'flask-cache-backend': {},
  // `IDistributedCache` is read by StackExchange.Redis's reader (`stackExchangeRedis.ts`), with these commands.
  'distributed-cache': DISTRIBUTED_CACHE_COMMANDS,
  // cache-manager's `Cache` on a Redis store (`cacheManagerCaches.ts`).
  'cache-manager': CACHE_MANAGER_COMMANDS,
  zset: { add: 'zadd', remove: 'zrem', range: 'zrange', reverserange: 'zrevrange', rangebyscore: 'zrangebyscore', score: 'zscore', scan: 'zscan', incrementscore: 'zincrby', size: 'zcard', zcard: 'zcard', rank: 'zrank' },
};

/**
 * Spring Data Redis template and value-operations methods named apart from the command they send:
 * `hasKey(key)` is EXISTS, `opsForValue().multiGet(keys)` MGET and `multiSet(map)` MSET, and
 * `setIfAbsent(key, value)` SETNX, or SET with NX and a TTL when one is given, and `increment(key)` INCR
 * (INCRBY with a delta) (RedisTemplate and DefaultValueOperations sources); a connection's (or its
 * `serverCommands()`') `setConfig` and `getConfig` are CONFIG SET and CONFIG GET (RedisServerCommands javadoc).
 */
const SPRING_COMMANDS: Record<string, string> = { haskey: 'exists', multiget: 'mget', multiset: 'mset', setifabsent: 'setnx', increment: 'incr', setconfig: 'configset', getconfig: 'configget' };

/**
 * Spring Data Redis's Kotlin coroutine extensions of the reactive operations (`setAndAwait`, `getAndAwait`,
 * `deleteAndAwait`): the command before the suffix, whose reply the coroutine waits for.
 */
function springAwaitedCommand(client: RedisCallSite['client'], name: string): string | undefined {
  return client.flavor === 'spring-data-redis' && name.endsWith('andawait') && name.length > 'andawait'.length ? name.slice(0, -'andawait'.length) : undefined;
}

export function redisCall(a: CodeAnalyzer, index: number, held: RedisCallSite['client'], receiverStart: number): void {
  const name = normalizeName(a.tokens.text(index));
  const awaited = springAwaitedCommand(held, name);
  const client = awaited ? { ...held, nonBlocking: false } : held;
  const written = awaited ?? promisifiedCommand(name, client.flavor);
  const method = (client.flavor === 'spring-data-redis' && !client.structure ? (SPRING_COMMANDS[written] ?? springOffsetWrite(a, written, index + 1)) : undefined) ?? written;
  const open = callOpenAfter(a, index);
  if (client.structure) {
    const command =
      redissonWalk(a, index, client.structure, method, receiverStart) ??
      (client.structure === 'cache' ? djangoCacheCommand(method, a.project) : STRUCTURE_COMMANDS[client.structure][method]) ??
      `${client.structure}.${method}`;
    // Django's, Flask-Caching's and cache-manager's caches are no client a quick fix can rewrite with the client's own SCAN: their receiver is not one.
    const facade = client.structure === 'cache' || client.structure === 'cache-manager' || client.structure.startsWith('flask-cache');
    addRedisCall(a, { index, command, name: a.tokenSpan(index), client, receiverStart, ...(facade ? { sent: true } : {}), ...(REDISSON_WHOLE_RANGES.has(client.structure) ? { whole: true } : {}) });
    return;
  }
  if (method === 'auth' && client.flavor === 'jedis') {
    const context = jedisAuthOptions(a, index);
    if (context) {
      a.contexts.push(context);
    }
    return;
  }
  if (method === 'do' && client.flavor === 'go-redis') {
    goRedisDo(a, index, client, receiverStart);
    return;
  }
  if (!REDIS_SENDERS.has(method)) {
    const command = aliasedCommand(client.flavor, method);
    const site = client.flavor === 'glide' || client.flavor === 'glide-sync' ? glideSite(a, client, command, open) : client;
    addRedisCall(a, { index, command, name: a.tokenSpan(index), client: site, receiverStart });
    return;
  }
  const first = client.flavor === 'glide-sync' && a.language.family !== 'python' ? glideSentToken(a, open) : a.is(open + 1, '[') ? open + 2 : open + 1;
  if (first > 0 && a.isString(first)) {
    addRedisCall(a, { index, command: sentCommand(a, first), name: a.tokenSpan(first), client, receiverStart, sent: true });
  }
}

/**
 * node-redis 2 and 3 promisified with bluebird (`bluebird.promisifyAll(redis.RedisClient.prototype)`), whose
 * `promisifyAll` adds each method again under its name and the `Async` suffix: `client.keysAsync('*')` sends
 * KEYS. No Redis command ends in `async`, so the suffix tells such a method apart.
 */
function promisifiedCommand(method: string, flavor: RedisFlavor | undefined): string {
  if (flavor !== 'node-redis' || !method.endsWith('async')) {
    return method;
  }
  const command = method.slice(0, -'async'.length);
  return REDIS_COMMANDS.has(command) ? command : method;
}

/** go-redis `rdb.Do(ctx, "KEYS", "*")`: the command is the argument after the context. */
function goRedisDo(a: CodeAnalyzer, index: number, client: RedisCallSite['client'], receiverStart: number): void {
  const open = index + 1;
  const close = a.partner[open];
  let comma = open + 1;
  while (comma < close && !a.is(comma, ',')) {
    comma = a.skipGroup(comma);
  }
  if (comma < close && a.isString(comma + 1)) {
    addRedisCall(a, { index, command: sentCommand(a, comma + 1), name: a.tokenSpan(comma + 1), client, receiverStart, sent: true });
  }
}

/** The command a generic sender's string argument names: `"UNLINK"` in `call("UNLINK", key)`. */
export function sentCommand(a: CodeAnalyzer, token: number): string {
  return normalizeName(a.tokens.text(token).split(/\s+/)[0] ?? '');
}

export interface RedisCallSite {
  /** The method's name token, followed by its arguments. */
  index: number;
  /** Normalised Redis command. */
  command: string;
  /** Where hovers and findings go: the method's name, or the command string of a generic sender. */
  name: Span;
  client: { flavor?: RedisFlavor; batched?: boolean; nonBlocking?: boolean; structure?: RedisStructure };
  receiverStart: number;
  /** Sent through a generic sender (`call`, `Execute`) or a facade (Django's cache): no receiver to rewrite. */
  sent?: boolean;
  /** With `sent`: the call's arguments are the command's own (a promisified `zrange(key, 0, -1)`), not a sender's after the command's name. */
  ownArguments?: boolean;
  /** A range command that reads every element whatever its arguments (Redisson's `readAll()`). */
  whole?: boolean;
  /** Whether the code waits for the reply, where the client's flavor says more than an `await` does. */
  waits?: boolean;
}

/**
 * `await (await getClient()).del(key)`: a client a getter hands out, in parentheses, and the whole call awaited,
 * which the receiver's span starts with.
 */
function awaitsWrapped(a: CodeAnalyzer, receiverStart: number, index: number): boolean {
  return a.idIs(receiverStart, 'await') && a.is(receiverStart + 1, '(') && a.partner[receiverStart + 1] === index - 2;
}

/** Records a call of a command the rules know, with what the checks and fixes read around it. */
export function addRedisCall(a: CodeAnalyzer, site: RedisCallSite): void {
  const { index, command, receiverStart } = site;
  const open = callOpenAfter(a, index);
  const close = open > 0 ? a.partner[open] : -1;
  if (!REDIS_COMMANDS.has(command) || close < 0 || (RANGE_READS.has(command) && site.whole !== true && ((site.sent === true && site.ownArguments !== true) || !readsWholeRange(a, open, site.client.flavor)))) {
    return;
  }
  // `go rdb.Del(ctx, k)` runs in a goroutine of its own: no loop waits for it; a retry loop sends the command once;
  // a poller's rounds follow the clock, not a list of keys.
  const retry = leavesLoopAfter(a, receiverStart, close) || retriesOrPolls(a, index);
  const goroutine = (site.client.flavor === 'go-redis' || site.client.flavor === 'redigo' || site.client.flavor === 'rueidis') && a.idIs(receiverStart - 1, 'go');
  const around = goroutine || retry ? undefined : innermostLoop(a, index);
  // A client made anew in each iteration (`Jedis node = new Jedis(host, port)` per sentinel), or an iteration under a lock of its own: nothing to batch.
  const loop = around && !madeInLoop(a, receiverStart, index, around.scope) && !lockedPerIteration(a, index, around.scope) && !sameKeyEachIteration(a, open, close, around.scope) && !overOneIndex(a, around.scope) ? around.kind : undefined;
  const call: RedisCall = {
    command,
    name: site.name,
    tokenIndex: index,
    flavor: site.client.flavor ?? 'ioredis',
    call: { start: a.tokens.starts[receiverStart], end: a.tokens.ends[close] },
    receiver: site.sent ? '' : a.text.slice(a.tokens.starts[receiverStart], a.tokens.ends[index - 2]),
    argsText: a.text.slice(a.tokens.ends[open], a.tokens.starts[close]).trim(),
    inLoop: loop !== undefined,
    inLoopStatement: loop === 'statement',
    awaited: a.idIs(receiverStart - 1, 'await') || awaitsWrapped(a, receiverStart, index) || site.waits === true,
    batched:
      site.client.batched === true ||
      (a.isId(open + 1) && close === open + 2 && isBatchLoopVariable(a, index, a.tokens.text(open + 1))) ||
      (site.client.flavor === 'spring-data-redis' && springPipelined(a, receiverStart, index)),
  };
  // aioredis 1's commands are sent when called, awaited or not: never dropped, and its KEYS has no scan_iter to become.
  if (site.client.nonBlocking && (!waitsForReply(a, close) || call.flavor === 'redis-py-async')) {
    call.nonBlocking = true;
  }
  if (inTestCode(a, index)) {
    call.inTest = true;
  }
  if (loop === 'statement' && a.language.family === 'js' && sendsBatchPerRound(a, open)) {
    call.batchPerRound = true;
  }
  if (call.flavor === 'redis-py-async' && !call.nonBlocking && !call.awaited && !call.batched && !site.sent && dropsCoroutine(a, receiverStart, close)) {
    call.neverAwaited = true;
  }
  const transactionScope = command === 'multi' && !site.sent ? transactionStatementScope(a, receiverStart, close) : undefined;
  if (transactionScope !== undefined) {
    call.opensTransactionIn = transactionScope;
  }
  // A sender's arguments follow the command's name; a promisified command's are its own (`setAsync(key, value)`).
  const keyed = site.sent && site.ownArguments !== true ? undefined : keyedRedisCall(a, command, call.flavor, open, [receiverStart, index - 1]);
  if (keyed) {
    call.keyed = keyed;
  }
  const statement = assignmentStatement(a, receiverStart, close);
  if (statement) {
    call.statement = statement;
  }
  a.redisCalls.push(call);
}

/**
 * Methods that wait for a Lettuce async or reactive command's reply: `RedisFuture.get()` and `await(timeout, unit)`
 * (RedisFuture extends java.util.concurrent.Future), Reactor's `block()`, `blockFirst()` and `blockLast()`.
 */
const REPLY_WAITS = ['get', 'await', 'block', 'blockFirst', 'blockLast'];

/** Whether the call that closes at `close` is followed at once by a wait for its reply: `async.get(k).get()`. */
function waitsForReply(a: CodeAnalyzer, close: number): boolean {
  return a.is(close + 1, '.') && a.isId(close + 2) && a.tokens.isOneOf(close + 2, REPLY_WAITS) && a.is(close + 3, '(');
}

/** `const x = await <call>;` / `x = <call>` around a call, for statement rewrites. */
export function assignmentStatement(a: CodeAnalyzer, callStart: number, callClose: number): RedisCall['statement'] {
  let k = callStart - 1;
  const awaited = a.id(k) === 'await';
  if (awaited) {
    k--;
  }
  if (!a.is(k, '=') || !a.id(k - 1)) {
    return undefined;
  }
  const variable = a.tokens.text(k - 1);
  const declarationIndex = ['const', 'let', 'var'].includes(a.id(k - 2) ?? '') ? k - 2 : k - 1;
  let end = callClose;
  if (a.is(end + 1, ';')) {
    end++;
  }
  const start = a.tokens.starts[declarationIndex];
  const line = a.lines.lineOf(start);
  if (a.lines.lineStart(line) + a.lines.indentation(line).length !== start) {
    return undefined;
  }
  return {
    span: { start, end: a.tokens.ends[end] },
    variable,
    declaration: declarationIndex === k - 2 ? a.tokens.text(declarationIndex) : '',
    indent: a.lines.indentation(line),
    awaited,
  };
}
