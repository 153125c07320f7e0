/** Redis client calls, and the statement around a call for rewrites. */
import { CACHE_MANAGER_COMMANDS } from './cacheManagerCaches';
import { DISTRIBUTED_CACHE_COMMANDS } from './distributedCache';
import { RedisCall, RedisFlavor, RedisStructure } from '../model';
import { REDIS_COMMANDS, REDIS_SENDERS } from '../services';
import { normalizeName, Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { innermostLoop, isBatchLoopVariable, retriesOrPolls } from './loops';
import { leavesLoopAfter } from './loopExits';
import { lockedPerIteration, madeInLoop, overOneIndex, sameKeyEachIteration } from './perIterationClients';
import { springPipelined } from './springPipelines';
import { sendsBatchPerRound } from './batchArguments';
import { inTestCode } from './testFixtures';
import { djangoCacheCommand } from './djangoCache';
import { callOpenAfter } from './typeArguments';
import { keyedRedisCall, transactionStatementScope } from './redisTtl';
import { jedisAuthOptions } from './languages/javaJedisConstructors';
import { glideSentToken, glideSite } from './glide';
import { dropsCoroutine } from './unawaitedRedis';
import { redissonWalk } from './redissonIteration';
import { RANGE_READS, readsWholeRange } from './redisRanges';
import { springOffsetWrite } from './springSetRange';
import { REDISSON_COMMANDS, REDISSON_WHOLE_RANGES } from './redissonCommands';

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
