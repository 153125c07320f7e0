/**
 * Java classes whose simple names are too common to trust on their own (`Table`, `DynamoDB`, `Pipeline`,
 * `RedisClient`): they stand for a client only where the file imports them from their library, by name
 * or with the package's `*`. The AWS SDK for Java 1.x document API, Spring Cloud AWS's DynamoDB template, Jedis,
 * Lettuce, Spring Data Redis, Redisson and Valkey GLIDE.
 * One simple name can belong to two libraries (`RedisClient` is Lettuce's and, since Jedis 7.2, Jedis's):
 * the import says which.
 */
import { RedisFlavor, RedisStructure } from '../../model';
import { ClientKind } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { ImportedClasses } from './javaImportedClasses';
import { Value } from '../values';

interface LibraryType {
  package: string;
  kind: ClientKind;
  flavor?: RedisFlavor;
  /** A Jedis pipeline or transaction: its commands go to the server together. */
  batched?: boolean;
  /** Lettuce's async and reactive commands: each returns a future or a publisher without waiting for the reply. */
  nonBlocking?: boolean;
  /** Spring Data Redis operations on one data structure: their methods are its commands. */
  structure?: RedisStructure;
}

const DOCUMENT_API = 'com.amazonaws.services.dynamodbv2.document';
const SPRING_CLOUD_DYNAMODB = 'io.awspring.cloud.dynamodb';
const JEDIS = 'redis.clients.jedis';
const SPRING_REDIS = 'org.springframework.data.redis.core';
const SPRING_CONNECTION = 'org.springframework.data.redis.connection';
const REDISSON_API = 'org.redisson.api';

function jedis(batched = false): LibraryType {
  return { package: JEDIS, kind: 'redis', flavor: 'jedis', ...(batched ? { batched } : {}) };
}

function lettuce(pkg: string, nonBlocking = false): LibraryType {
  return { package: pkg, kind: 'redis', flavor: 'lettuce', ...(nonBlocking ? { nonBlocking } : {}) };
}

/**
 * Lettuce's command groups, which the command interfaces above extend and a service may take one by one
 * (`RedisKeyCommands<String, String> keys`, `RedisStringAsyncCommands<K, V> strings`).
 */
function lettuceCommandGroups(): Record<string, LibraryType> {
  const groups: Record<string, LibraryType> = {};
  for (const group of ['String', 'Key', 'Server', 'Hash', 'List', 'Set', 'SortedSet', 'Scripting', 'Geo', 'HLL', 'Stream']) {
    groups[`Redis${group}Commands`] = lettuce('io.lettuce.core.api.sync');
    groups[`Redis${group}AsyncCommands`] = lettuce('io.lettuce.core.api.async', true);
    groups[`Redis${group}ReactiveCommands`] = lettuce('io.lettuce.core.api.reactive', true);
  }
  return groups;
}

/** Valkey GLIDE's clients (`glide.api`), whose commands return futures, as Lettuce's async ones do. */
const glide: LibraryType = { package: 'glide.api', kind: 'redis', flavor: 'glide-sync', nonBlocking: true };

const spring: LibraryType = { package: SPRING_REDIS, kind: 'redis', flavor: 'spring-data-redis' };
const springReactive: LibraryType = { ...spring, nonBlocking: true };
/** Spring Data Redis's connections, whose methods are Redis commands (`keys`, `scan`, `exists`), and the factory that opens them. */
const springConnection: LibraryType = { package: SPRING_CONNECTION, kind: 'redis', flavor: 'spring-data-redis' };

const TYPES_BY_NAME: Record<string, LibraryType> = {
  DynamoDB: { package: DOCUMENT_API, kind: 'dynamodb-v1-document' },
  Table: { package: DOCUMENT_API, kind: 'dynamodb-v1-table' },
  Index: { package: DOCUMENT_API, kind: 'dynamodb-v1-index' },
  // Spring Cloud AWS: the template and the interface it implements, which services inject.
  DynamoDbTemplate: { package: SPRING_CLOUD_DYNAMODB, kind: 'dynamodb-template' },
  DynamoDbOperations: { package: SPRING_CLOUD_DYNAMODB, kind: 'dynamodb-template' },
  Jedis: jedis(),
  JedisPooled: jedis(),
  UnifiedJedis: jedis(),
  JedisCluster: jedis(),
  JedisPool: jedis(),
  JedisSentinelPool: jedis(),
  // Client-side sharding over several servers: ShardedJedis and its pool up to Jedis 3, JedisSharding from Jedis 4.
  ShardedJedis: jedis(),
  BinaryShardedJedis: jedis(),
  ShardedJedisPool: jedis(),
  JedisSharding: jedis(),
  Pipeline: jedis(true),
  Transaction: jedis(true),
  ShardedJedisPipeline: jedis(true),
  ShardedPipeline: jedis(true),
  // Lettuce: the client, its connections, and their synchronous (blocking), async and reactive command interfaces.
  RedisClient: lettuce('io.lettuce.core'),
  RedisClusterClient: lettuce('io.lettuce.core.cluster'),
  StatefulRedisConnection: lettuce('io.lettuce.core.api'),
  StatefulRedisClusterConnection: lettuce('io.lettuce.core.cluster.api'),
  RedisCommands: lettuce('io.lettuce.core.api.sync'),
  RedisAdvancedClusterCommands: lettuce('io.lettuce.core.cluster.api.sync'),
  RedisAsyncCommands: lettuce('io.lettuce.core.api.async', true),
  RedisAdvancedClusterAsyncCommands: lettuce('io.lettuce.core.cluster.api.async', true),
  RedisReactiveCommands: lettuce('io.lettuce.core.api.reactive', true),
  RedisAdvancedClusterReactiveCommands: lettuce('io.lettuce.core.cluster.api.reactive', true),
  ...lettuceCommandGroups(),
  RedisTemplate: spring,
  StringRedisTemplate: spring,
  // The interface RedisTemplate implements: services inject it, and a `SessionCallback` gets it as its parameter.
  RedisOperations: spring,
  ValueOperations: spring,
  HashOperations: { ...spring, structure: 'hash' },
  ListOperations: { ...spring, structure: 'list' },
  SetOperations: { ...spring, structure: 'set' },
  ZSetOperations: { ...spring, structure: 'zset' },
  // The reactive template and its operations: the same commands, each returning a Mono or Flux at once (nonBlocking, as
  // Lettuce's reactive commands); the Kotlin extensions' `setAndAwait` waits for the reply (code/redis.ts).
  ReactiveRedisTemplate: springReactive,
  ReactiveStringRedisTemplate: springReactive,
  ReactiveRedisOperations: springReactive,
  ReactiveValueOperations: springReactive,
  ReactiveHashOperations: { ...springReactive, structure: 'hash' },
  ReactiveListOperations: { ...springReactive, structure: 'list' },
  ReactiveSetOperations: { ...springReactive, structure: 'set' },
  ReactiveZSetOperations: { ...springReactive, structure: 'zset' },
  RedisConnection: springConnection,
  StringRedisConnection: springConnection,
  RedisClusterConnection: springConnection,
  RedisConnectionFactory: springConnection,
  // Redisson: the client (made by `Redisson.create(config)`), its keyspace, its string values, its maps and sets.
  Redisson: { package: 'org.redisson', kind: 'redis', flavor: 'redisson' },
  RedissonClient: { package: REDISSON_API, kind: 'redis', flavor: 'redisson' },
  RKeys: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'keys' },
  RBucket: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'bucket' },
  RAtomicLong: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'bucket' },
  RMap: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-map' },
  RMapCache: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-map' },
  RLocalCachedMap: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-map' },
  RSet: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-set' },
  RSetCache: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-set' },
  RList: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-list' },
  RQueue: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-list' },
  RDeque: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-list' },
  RBlockingQueue: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-list' },
  RBlockingDeque: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-list' },
  RScoredSortedSet: { package: REDISSON_API, kind: 'redis', flavor: 'redisson', structure: 'redisson-zset' },
  // Valkey GLIDE: every command returns a CompletableFuture; `.get()` on it waits for the reply (glide.ts).
  GlideClient: glide,
  GlideClusterClient: glide,
};

/** Callback interfaces whose one parameter is a client: Spring Data Redis's `RedisCallback` gets a `RedisConnection`. */
const CALLBACKS: Record<string, LibraryType> = { RedisCallback: spring };

/**
 * Jedis 7.2's client classes, which supersede `Jedis` and `UnifiedJedis` (RedisClient javadoc); they share
 * their simple names with Lettuce's clients but, unlike those, take Redis commands themselves.
 */
const JEDIS_CLIENTS: Record<string, LibraryType> = { RedisClient: jedis(), RedisClusterClient: jedis(), RedisSentinelClient: jedis() };

/**
 * Jedis's command interfaces, which its clients implement and code may hold one as
 * (`JedisCommands commands = (JedisCommands) connection.getNativeConnection()`): in `redis.clients.jedis`
 * up to Jedis 2, in `redis.clients.jedis.commands` since Jedis 3, with Jedis 4's command groups beside them.
 */
const JEDIS_COMMAND_INTERFACES: [string, LibraryType][] = [
  ...['JedisCommands', 'BinaryJedisCommands', 'MultiKeyCommands', 'JedisClusterCommands'].map((name): [string, LibraryType] => [name, jedis()]),
  ...['JedisCommands', 'JedisBinaryCommands', 'BinaryJedisCommands', 'MultiKeyCommands', 'MultiKeyBinaryCommands', 'JedisClusterCommands',
    'BinaryJedisClusterCommands', 'MultiKeyJedisClusterCommands', 'AdvancedJedisCommands', 'KeyCommands', 'StringCommands', 'HashCommands',
    'ListCommands', 'SetCommands', 'SortedSetCommands', 'ServerCommands', 'KeyBinaryCommands', 'StringBinaryCommands', 'HashBinaryCommands',
    'ListBinaryCommands', 'SetBinaryCommands', 'SortedSetBinaryCommands'].map((name): [string, LibraryType] => [name, { ...jedis(), package: `${JEDIS}.commands` }]),
];

/** The simple names of the library classes whose values are clients. */
export const LIBRARY_TYPE_NAMES: readonly string[] = [
  ...new Set([...Object.keys(TYPES_BY_NAME), ...Object.keys(JEDIS_CLIENTS), ...JEDIS_COMMAND_INTERFACES.map(([name]) => name)]),
];

const LIBRARY_TYPES = new ImportedClasses<LibraryType>([
  ...Object.entries(TYPES_BY_NAME),
  ...Object.entries(JEDIS_CLIENTS),
  ...JEDIS_COMMAND_INTERFACES,
  ...Object.entries(CALLBACKS),
]);

/** Notes an `import a.b.C;` or `import a.b.*;` of one of the library classes. */
export function noteLibraryImport(a: CodeAnalyzer, path: string): void {
  LIBRARY_TYPES.note(a, path);
}

function imported(a: CodeAnalyzer, name: string): LibraryType | undefined {
  return LIBRARY_TYPES.get(a, name);
}

/** An imported library class used as a value (`new Jedis(...)`, `RedisClient.create(...)`). */
export function importedType(a: CodeAnalyzer, name: string): Value | undefined {
  const type = imported(a, name);
  return type && CALLBACKS[name] !== type ? { t: 'type', kind: type.kind, ...(type.flavor ? { flavor: type.flavor } : {}) } : undefined;
}

/** The client a lambda cast to an imported callback interface (`(RedisCallback<Long>) connection -> ...`) gets as its parameter. */
export function callbackParameterClient(a: CodeAnalyzer, name: string): Value | undefined {
  const type = imported(a, name);
  return type && CALLBACKS[name] === type ? { t: 'client', kind: type.kind, ...(type.flavor ? { flavor: type.flavor } : {}) } : undefined;
}

/** A field, parameter or local declared with an imported library class: the client it holds. */
export function declaredLibraryClient(a: CodeAnalyzer, name: string): Value | undefined {
  const type = imported(a, name);
  if (!type || CALLBACKS[name] === type) {
    return undefined;
  }
  return {
    t: 'client',
    kind: type.kind,
    ...(type.flavor ? { flavor: type.flavor } : {}),
    ...(type.batched ? { batched: true } : {}),
    ...(type.nonBlocking ? { nonBlocking: true } : {}),
    ...(type.structure ? { structure: type.structure } : {}),
  };
}
