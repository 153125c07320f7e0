/**
 * What the engine knows about the Redis client libraries: the queue and NestJS libraries that carry a Redis
 * client's options, the services that hand out clients, the factories of the JavaScript and Python clients,
 * and the commands the rules talk about. Re-exported by `services.ts`, the engine's one interface to it.
 */
import { withoutPrototype } from './sourceKeyed';

/**
 * Calls of queue and NestJS libraries whose options hold the ioredis options of the connection they open
 * (Bull and BullMQ run on ioredis): `BullModule.forRoot({ redis: { password } })`, `new Queue('mail', { connection })`,
 * `RedisModule.forRoot({ config: { password } })`. Constructors by their name, module methods by `Class.method`.
 */
const NEST_MODULE_CALLS = ['forRoot', 'forRootAsync'];
const BULL_MODULE_CALLS = [...NEST_MODULE_CALLS, 'registerQueue', 'registerQueueAsync'].map((method) => `BullModule.${method}`);
const IOREDIS_OPTION_CARRIERS: Readonly<Record<string, ReadonlySet<string>>> = withoutPrototype({
  bull: new Set(['Queue', '']),
  bullmq: new Set(['Queue', 'Worker', 'QueueEvents', 'FlowProducer', 'QueueScheduler']),
  '@nestjs/bull': new Set(BULL_MODULE_CALLS),
  '@nestjs/bullmq': new Set(BULL_MODULE_CALLS),
  '@liaoliaots/nestjs-redis': new Set(['RedisModule', 'ClusterModule'].flatMap((module) => NEST_MODULE_CALLS.map((method) => `${module}.${method}`))),
  '@nestjs-modules/ioredis': new Set(NEST_MODULE_CALLS.map((method) => `RedisModule.${method}`)),
  // cache-manager's store for ioredis: `redisStore(options?: RedisOptions & Config)` opens `new Redis(options)`.
  'cache-manager-ioredis-yet': new Set(['redisStore']),
});

/**
 * The same for node-redis 4: cache-manager's `redisStore(options?: RedisClientOptions & Config)` of `cache-manager-redis-yet`
 * and `cache-manager-redis-store` 3 (as in NestJS's `CacheModule.registerAsync`), and Keyv's Redis store, "built on top of
 * @redis/client", with the URL or options of `new KeyvRedis(connect?)` and `createKeyv(connect?)` (https://keyv.org/docs/storage-adapters/redis).
 */
const NODE_REDIS_OPTION_CARRIERS: Readonly<Record<string, ReadonlySet<string>>> = withoutPrototype({
  'cache-manager-redis-yet': new Set(['redisStore']),
  'cache-manager-redis-store': new Set(['redisStore']),
  '@keyv/redis': new Set(['', 'KeyvRedis', 'createKeyv', 'createKeyvNonBlocking']),
});

/**
 * How many leading arguments of a carrier hold neither a URL nor options: the queue name of BullMQ's
 * `Queue`, `QueueEvents` and `QueueScheduler`, and the name and processor (a function or a file path) of its
 * `new Worker(name, processor, opts)` (https://api.docs.bullmq.io/classes/v5.Worker.html). Bull's
 * `new Queue(name, url, opts)` takes a URL second, so only its name is skipped.
 */
const LEADING_NON_OPTIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = withoutPrototype({
  bull: { Queue: 1, '': 1 },
  bullmq: { Queue: 1, QueueEvents: 1, QueueScheduler: 1, Worker: 2 },
});

export function leadingNonOptionArguments(module: string, path: string): number {
  return LEADING_NON_OPTIONS[module]?.[path] ?? 0;
}

/** The modules of the carriers above: a file that imports one may hand Redis options to it. */
export const REDIS_OPTION_CARRIER_MODULES: readonly string[] = [...Object.keys(IOREDIS_OPTION_CARRIERS), ...Object.keys(NODE_REDIS_OPTION_CARRIERS)];

/** The Redis client whose options a call of `path` in `module` takes, if it is one of the carriers above. */
export function redisOptionCarrier(module: string, path: string): 'ioredis' | 'node-redis' | undefined {
  if (IOREDIS_OPTION_CARRIERS[module]?.has(path)) {
    return 'ioredis';
  }
  return NODE_REDIS_OPTION_CARRIERS[module]?.has(path) ? 'node-redis' : undefined;
}

/**
 * NestJS Redis modules' injectable services that hand out the clients the module opened, by module: the
 * classes, the methods that return a client, and the client library. @liaoliaots/nestjs-redis: `getOrThrow` and
 * `getOrNil` (`getClient` before version 9) on `RedisService` and `ClusterService`, ioredis
 * (https://github.com/liaoliaots/nestjs-redis/blob/main/docs/latest/redis.md); nestjs-redis: `RedisService.getClient`,
 * ioredis; @songkeys/nestjs-redis: `RedisManager.getClient`, ioredis; @nestjs-labs/nestjs-redis:
 * `RedisService.getClient`, node-redis (each package's published `redis.service` or `redis-manager`).
 */
const REDIS_MANAGERS: Readonly<Record<string, { classes: readonly string[]; methods: readonly string[]; flavor: 'ioredis' | 'node-redis' }>> = withoutPrototype({
  '@liaoliaots/nestjs-redis': { classes: ['RedisService', 'ClusterService'], methods: ['getOrThrow', 'getOrNil', 'getClient'], flavor: 'ioredis' },
  'nestjs-redis': { classes: ['RedisService'], methods: ['getClient'], flavor: 'ioredis' },
  '@songkeys/nestjs-redis': { classes: ['RedisManager'], methods: ['getClient'], flavor: 'ioredis' },
  '@nestjs-labs/nestjs-redis': { classes: ['RedisService'], methods: ['getClient'], flavor: 'node-redis' },
});

/** Whether `path` of `module` is a NestJS Redis module's service that hands out clients (`RedisService` of '@liaoliaots/nestjs-redis'). */
export function isRedisManager(module: string, path: string): boolean {
  return REDIS_MANAGERS[module]?.classes.includes(path) === true;
}

/** The Redis client library whose client `Class.method` of such a service returns (`RedisService.getOrThrow`). */
export function redisManagerClient(module: string, path: string): 'ioredis' | 'node-redis' | undefined {
  const manager = REDIS_MANAGERS[module];
  const dot = path.indexOf('.');
  return manager && dot > 0 && manager.classes.includes(path.slice(0, dot)) && manager.methods.includes(path.slice(dot + 1)) ? manager.flavor : undefined;
}

/** Modules whose Redis clients are ioredis' (the others in JS_MODULES are node-redis'). */
export function isIoredisModule(module: string): boolean {
  return module === 'ioredis' || module === '@nestjs-modules/ioredis' || module === 'iovalkey';
}
/** The Redis client types a TypeScript annotation names (ioredis, node-redis, iovalkey). */
export const JS_REDIS_TYPES = new Set(['Redis', 'Cluster', 'RedisClientType', 'RedisClusterType', 'Valkey']);
/**
 * ioredis' (and iovalkey's) types of a pipeline or transaction: `Pipeline` (v4 and v5) and `ChainableCommander`
 * (v5, what `pipeline()` and `multi()` return). A name of either type queues commands sent together by `exec()`.
 */
export const IOREDIS_BATCH_TYPES = new Set(['Pipeline', 'ChainableCommander']);
export const JS_REDIS_FACTORIES = new Set(['Redis', 'Cluster', 'Redis.Cluster', 'createClient', 'createCluster', 'IORedis', 'Valkey', 'Valkey.Cluster']);
/**
 * ioredis's (and iovalkey's) static `Redis.createClient(...)`: "the same as `new Redis()` but is included for compatibility
 * with node-redis" (ioredis `Redis.ts`). The class is the module's default export, so the path starts with its name.
 */
export function isIoredisStaticFactory(module: string, path: string): boolean {
  return isIoredisModule(module) && /^(?:Redis|IORedis|Valkey)\.createClient$/.test(path);
}

/**
 * aioredis 1's factories (`await aioredis.create_redis_pool(url, password=..., ssl=...)`, `create_redis`): a client
 * whose command methods send the command when called and return a future, so a command nothing awaits is still
 * sent, and commands sent without awaiting each are pipelined (aioredis 1.3 docs, "Pipelining"). aioredis 2 took
 * redis-py's asyncio API instead (`aioredis.from_url`), whose commands are coroutines.
 */
export const AIOREDIS_V1_FACTORIES = new Set(['create_redis', 'create_redis_pool']);

/** Clients, and connection pools, whose options (password, TLS) the rules read. */
export const PYTHON_REDIS_FACTORIES = new Set([
  'Redis', 'StrictRedis', 'RedisCluster', 'from_url', 'Redis.from_url', 'StrictRedis.from_url', 'ConnectionPool', 'BlockingConnectionPool', 'ConnectionPool.from_url',
  ...AIOREDIS_V1_FACTORIES,
  // redis-py-cluster's cluster client of its 1.x releases (2.x names it `RedisCluster`), a subclass of redis-py's.
  'StrictRedisCluster',
  // valkey-py, Valkey's fork of redis-py (https://github.com/valkey-io/valkey-py): the same API under Valkey's names.
  'Valkey', 'StrictValkey', 'ValkeyCluster', 'Valkey.from_url', 'StrictValkey.from_url',
]);

/**
 * Python modules whose clients are redis-py's: redis-py itself, valkey-py, aioredis 2, whose asyncio API
 * moved into redis-py as `redis.asyncio` (https://github.com/aio-libs-abandoned/aioredis-py: "aioredis is now in redis-py 4.2.0rc1+"),
 * and redis-py-cluster (`rediscluster`), whose cluster client extends redis-py's and hands its options to redis-py's
 * connections (https://pypi.org/project/redis-py-cluster/; redis-py 4.1 took cluster support in as `redis.cluster`).
 */
export const PYTHON_REDIS_MODULES = /^(?:redis|valkey|aioredis|rediscluster)(?:\.|$)/;

/**
 * Functions of other Python libraries that return a redis-py client, by module: django-redis's
 * `get_redis_connection(alias)` gives the raw client behind a cache (django-redis README, "Raw client access").
 */
export const PYTHON_REDIS_HELPERS: Record<string, readonly string[]> = withoutPrototype({
  django_redis: ['get_redis_connection'],
  // Flask-Redis's `FlaskRedis(app)` hands every attribute on to the redis-py client it makes (its `__getattr__`).
  flask_redis: ['FlaskRedis'],
});

/**
 * The accessors that hand out a client the library keeps rather than make one: django-redis's
 * `get_redis_connection(alias)` returns the cache backend's client, connected once and reused
 * (https://github.com/jazzband/django-redis/issues/687), so a view that calls it makes no client per request.
 */
export const PYTHON_SHARED_REDIS_ACCESSORS: Record<string, readonly string[]> = withoutPrototype({
  django_redis: ['get_redis_connection'],
  // `cache.client.get_client()`: the same client, which the cache's django-redis `DefaultClient` keeps once made.
  'django.core.cache': ['get_client'],
});

/** INCR and INCRBY: a counter they create has no TTL. */
export const REDIS_COUNTER_COMMANDS = new Set(['incr', 'incrby']);
/** Writes of a hash, set, sorted set or list take no TTL: a key they create has none. */
export const REDIS_COLLECTION_WRITE_COMMANDS = new Set(['hset', 'hmset', 'sadd', 'zadd', 'lpush', 'rpush']);

/** Redis commands the rules talk about, by normalised method name. */
export const REDIS_COMMANDS = new Set([
  'keys',
  'scan',
  'scaniter',
  'scanstream',
  'scaniterator',
  // Whole hashes and sets, and their cursor walks (HSCAN, SSCAN, ZSCAN and the clients' iterators over them).
  'smembers',
  'hkeys',
  'hvals',
  'hscan',
  'sscan',
  'zscan',
  'hscaniter',
  'sscaniter',
  'zscaniter',
  'hscanstream',
  'sscanstream',
  'zscanstream',
  'hscaniterator',
  'sscaniterator',
  'zscaniterator',
  // A whole list or sorted set (LRANGE and ZRANGE from 0 to -1 only: `code/redisRanges.ts`).
  'lrange',
  'zrange',
  'zrevrange',
  'zrangewithscores',
  'zrevrangewithscores',
  'flushall',
  'flushdb',
  'config',
  'configset',
  'configget',
  // CONFIG RESETSTAT and CONFIG REWRITE under the clients' method names (Lettuce `configResetstat`, Jedis `configResetStat`).
  'configresetstat',
  'configrewrite',
  'multi',
  'pipeline',
  // Expiry: the EXPIRE family, its inspection and removal.
  'set',
  'setex',
  // PSETEX is SETEX in milliseconds; go-redis `SetXX(ctx, key, value, ttl)` is SET ... XX with its TTL.
  'psetex',
  'setxx',
  'setnx',
  'expire',
  'pexpire',
  'expireat',
  'pexpireat',
  'persist',
  'ttl',
  'pttl',
  'hexpire',
  // Deletion, multi-key commands and the per-key commands that cost a round trip each.
  'del',
  'delete',
  'unlink',
  'mget',
  'mset',
  // MSETNX: MSET of keys none of which exists, one slot in cluster mode as MSET.
  'msetnx',
  'get',
  'hget',
  'hset',
  'hmset',
  'hgetall',
  'hdel',
  'exists',
  'incr',
  'incrby',
  // HINCRBY and ZINCRBY: a counter in a hash or a sorted set's score, one key a command.
  'hincrby',
  'zincrby',
  'sadd',
  'sismember',
  'zadd',
  // ZREM and SREM: a member removed a command, where one command takes many.
  'zrem',
  'srem',
  'zscore',
  'geopos',
  'lpush',
  'rpush',
]);
/**
 * Generic command senders whose first argument, or the first element of the list it is, names the command: Valkey
 * GLIDE's `customCommand(["KEYS", "*"])` (Python `custom_command`) among them.
 */
export const REDIS_SENDERS = new Set(['call', 'sendcommand', 'executecommand', 'customcommand']);
