/**
 * What the engine knows about the AWS SDKs and Redis clients: operations, the client types and
 * factories that make an expression an AWS client, and the per-SDK spellings of operations.
 */
import { HintService, normalizeName } from './types';

/** Operations the rule catalog may name, by service (API names). */
export const OPERATIONS: Record<HintService, readonly string[]> = {
  dynamodb: [
    'Scan',
    'Query',
    'GetItem',
    'PutItem',
    'UpdateItem',
    'DeleteItem',
    'BatchGetItem',
    'BatchWriteItem',
    'TransactWriteItems',
    'TransactGetItems',
    'CreateTable',
    'UpdateTable',
    'UpdateTimeToLive',
    'UpdateContinuousBackups',
  ],
  rds: [
    'CreateDBInstance',
    'ModifyDBInstance',
    'CreateDBCluster',
    'ModifyDBCluster',
    'DeleteDBInstance',
    'DeleteDBCluster',
    'CreateDBInstanceReadReplica',
    'RestoreDBInstanceFromDBSnapshot',
    'RestoreDBInstanceToPointInTime',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'CreateDBProxy',
    'GenerateDbAuthToken',
  ],
  elasticache: [
    'CreateReplicationGroup',
    'ModifyReplicationGroup',
    'CreateCacheCluster',
    'CreateServerlessCache',
    'CreateUser',
    'ModifyUser',
    'CreateUserGroup',
    'ModifyUserGroup',
  ],
};

/** What a variable holds, as far as the rules care. */
export type ClientKind =
  | 'dynamodb'
  | 'dynamodb-document'
  | 'dynamodb-resource'
  | 'dynamodb-table'
  | 'dynamodb-enhanced'
  | 'dynamodb-enhanced-table'
  /** An index of the Java enhanced client (`table.index("gsi")`): every read goes to the index. */
  | 'dynamodb-enhanced-index'
  /** Spring Cloud AWS's `DynamoDbTemplate` (Java), which sends its entities' requests through the enhanced client. */
  | 'dynamodb-template'
  /** .NET `client.Paginators`: page iterators over Scan and Query. */
  | 'dynamodb-paginators'
  /** .NET object persistence model (`DynamoDBContext`) and document model (`Table`). */
  | 'dynamodb-context'
  | 'dynamodb-document-table'
  /** Java SDK 1.x object persistence model (`DynamoDBMapper`). */
  | 'dynamodb-mapper'
  /** Java SDK 1.x document API: the `DynamoDB` entry point and its `Table`. */
  | 'dynamodb-v1-document'
  | 'dynamodb-v1-table'
  /** An index of a 1.x document API table (`table.getIndex("gsi")`): every read goes to the index. */
  | 'dynamodb-v1-index'
  | 'rds'
  | 'rds-signer'
  | 'elasticache'
  | 'redis';

export const SERVICE_OF_KIND: Record<ClientKind, HintService | 'redis'> = {
  dynamodb: 'dynamodb',
  'dynamodb-document': 'dynamodb',
  'dynamodb-resource': 'dynamodb',
  'dynamodb-table': 'dynamodb',
  'dynamodb-enhanced': 'dynamodb',
  'dynamodb-enhanced-table': 'dynamodb',
  'dynamodb-enhanced-index': 'dynamodb',
  'dynamodb-template': 'dynamodb',
  'dynamodb-paginators': 'dynamodb',
  'dynamodb-context': 'dynamodb',
  'dynamodb-document-table': 'dynamodb',
  'dynamodb-mapper': 'dynamodb',
  'dynamodb-v1-document': 'dynamodb',
  'dynamodb-v1-table': 'dynamodb',
  'dynamodb-v1-index': 'dynamodb',
  rds: 'rds',
  'rds-signer': 'rds',
  elasticache: 'elasticache',
  redis: 'redis',
};

/** Operation ids (`service:Operation`) by normalised name, for clients that use the API names. */
const API_METHODS = new Map<string, Map<string, string>>();
for (const service of Object.keys(OPERATIONS) as HintService[]) {
  API_METHODS.set(service, new Map(OPERATIONS[service].map((operation) => [normalizeName(operation), `${service}:${operation}`])));
}

/** DocumentClient (SDK v2), DynamoDBDocument (v3) and lib-dynamodb command names. */
const DOCUMENT_METHODS = new Map<string, string>([
  ['get', 'dynamodb:GetItem'],
  ['put', 'dynamodb:PutItem'],
  ['update', 'dynamodb:UpdateItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['query', 'dynamodb:Query'],
  ['scan', 'dynamodb:Scan'],
  ['batchget', 'dynamodb:BatchGetItem'],
  ['batchwrite', 'dynamodb:BatchWriteItem'],
  ['transactget', 'dynamodb:TransactGetItems'],
  ['transactwrite', 'dynamodb:TransactWriteItems'],
]);

const RESOURCE_METHODS = new Map<string, string>([
  ['batchgetitem', 'dynamodb:BatchGetItem'],
  ['batchwriteitem', 'dynamodb:BatchWriteItem'],
  ['createtable', 'dynamodb:CreateTable'],
]);

const TABLE_METHODS = new Map<string, string>([
  ['getitem', 'dynamodb:GetItem'],
  ['putitem', 'dynamodb:PutItem'],
  ['updateitem', 'dynamodb:UpdateItem'],
  ['deleteitem', 'dynamodb:DeleteItem'],
  ['query', 'dynamodb:Query'],
  ['scan', 'dynamodb:Scan'],
]);

/** .NET `DynamoDBContext` (object persistence model) methods, without their `Async` suffix. */
const CONTEXT_METHODS = new Map<string, string>([
  ['scan', 'dynamodb:Scan'],
  ['fromscan', 'dynamodb:Scan'],
  ['query', 'dynamodb:Query'],
  ['fromquery', 'dynamodb:Query'],
  ['load', 'dynamodb:GetItem'],
  ['save', 'dynamodb:PutItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['createbatchwrite', 'dynamodb:BatchWriteItem'],
  ['createbatchget', 'dynamodb:BatchGetItem'],
  ['createtransactwrite', 'dynamodb:TransactWriteItems'],
]);

/**
 * Java SDK 1.x `DynamoDBMapper` methods (DynamoDB Developer Guide, "DynamoDBMapper class",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBMapper.Methods.html).
 */
const MAPPER_METHODS = new Map<string, string>([
  ['scan', 'dynamodb:Scan'],
  ['scanpage', 'dynamodb:Scan'],
  ['parallelscan', 'dynamodb:Scan'],
  ['query', 'dynamodb:Query'],
  ['querypage', 'dynamodb:Query'],
  ['load', 'dynamodb:GetItem'],
  ['save', 'dynamodb:PutItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['batchsave', 'dynamodb:BatchWriteItem'],
  ['batchwrite', 'dynamodb:BatchWriteItem'],
  ['batchdelete', 'dynamodb:BatchWriteItem'],
  ['batchload', 'dynamodb:BatchGetItem'],
  ['transactionwrite', 'dynamodb:TransactWriteItems'],
  ['transactionload', 'dynamodb:TransactGetItems'],
]);

/**
 * Reads that return a collection which fetches the following pages itself as it is iterated: the
 * mapper's `scan`, `query` and `parallelScan` return a `PaginatedList` ("Pages of results are fetched
 * lazily from DynamoDB as they are needed", PaginatedList javadoc), unlike `scanPage` / `queryPage`,
 * which return one page; the document API's `Table.scan` / `query` return an `ItemCollection`, where
 * "network calls can be triggered when the collection is iterated across page boundaries" (ItemCollection
 * javadoc, https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/dynamodbv2/document/ItemCollection.html).
 */
export function readsEveryPage(kind: ClientKind, method: string): boolean {
  const name = normalizeName(method);
  if (kind === 'dynamodb-mapper') {
    return name === 'scan' || name === 'query' || name === 'parallelscan';
  }
  return (kind === 'dynamodb-v1-table' || kind === 'dynamodb-v1-index') && (name === 'scan' || name === 'query');
}

/** Enhanced client (Java) batch and transaction methods. */
const ENHANCED_CLIENT_METHODS = new Map<string, string>([
  ['batchgetitem', 'dynamodb:BatchGetItem'],
  ['batchwriteitem', 'dynamodb:BatchWriteItem'],
  ['transactgetitems', 'dynamodb:TransactGetItems'],
  ['transactwriteitems', 'dynamodb:TransactWriteItems'],
]);

/**
 * Spring Cloud AWS `DynamoDbOperations` methods (Spring Cloud AWS reference, "DynamoDB Integration"): `save`,
 * `update`, `delete` and `load` of one entity, and `query`, `scan` and `scanAll`, which return the enhanced
 * client's `PageIterable`.
 */
const TEMPLATE_METHODS = new Map<string, string>([
  ['save', 'dynamodb:PutItem'],
  ['update', 'dynamodb:UpdateItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['load', 'dynamodb:GetItem'],
  ['query', 'dynamodb:Query'],
  ['scan', 'dynamodb:Scan'],
  ['scanall', 'dynamodb:Scan'],
]);

/** The operation a method call on a client of `kind` performs, if any. */
export function operationOfMethod(kind: ClientKind, method: string): string | undefined {
  const name = normalizeName(method);
  switch (kind) {
    case 'dynamodb':
    case 'rds':
    case 'elasticache':
      return API_METHODS.get(kind)?.get(name) ?? API_METHODS.get(kind)?.get(name.replace(/async$/, ''));
    case 'dynamodb-document':
      return DOCUMENT_METHODS.get(name) ?? API_METHODS.get('dynamodb')?.get(name);
    case 'dynamodb-resource':
    case 'dynamodb-v1-document':
      return RESOURCE_METHODS.get(name);
    case 'dynamodb-mapper':
      return MAPPER_METHODS.get(name);
    case 'dynamodb-v1-table':
      return TABLE_METHODS.get(name);
    case 'dynamodb-table':
      // `batch_writer()` batches puts and deletes and resends unprocessed items itself.
      return name === 'batchwriter' ? 'dynamodb:BatchWriteItem' : TABLE_METHODS.get(name);
    case 'dynamodb-enhanced-index':
    case 'dynamodb-v1-index':
      return name === 'query' || name === 'scan' ? TABLE_METHODS.get(name) : undefined;
    case 'dynamodb-enhanced-table':
      return TABLE_METHODS.get(name);
    case 'dynamodb-document-table':
      return TABLE_METHODS.get(name.replace(/async$/, ''));
    case 'dynamodb-enhanced':
      return ENHANCED_CLIENT_METHODS.get(name);
    case 'dynamodb-template':
      return TEMPLATE_METHODS.get(name);
    case 'dynamodb-context':
      return CONTEXT_METHODS.get(name.replace(/async$/, ''));
    case 'dynamodb-paginators':
      return name === 'scan' ? 'dynamodb:Scan' : name === 'query' ? 'dynamodb:Query' : undefined;
    case 'rds-signer':
      return name === 'getauthtoken' || name === 'generateauthenticationtoken' ? 'rds:GenerateDbAuthToken' : undefined;
    default:
      return undefined;
  }
}

/** The key a DynamoDB request cannot do without, normalised: what tells a request literal or keyword arguments from another library's. */
const REQUIRED_REQUEST_KEYS: Record<string, string> = {
  'dynamodb:BatchGetItem': 'requestitems',
  'dynamodb:BatchWriteItem': 'requestitems',
  'dynamodb:TransactGetItems': 'transactitems',
  'dynamodb:TransactWriteItems': 'transactitems',
};

export function requiredRequestKey(operation: string): string {
  return REQUIRED_REQUEST_KEYS[operation] ?? 'tablename';
}

/** `XCommand`, `XRequest`, `XInput` class names: the operation, given the services the file imports. */
export function operationOfTypeName(typeName: string, services: ReadonlySet<string>, suffix: RegExp): string | undefined {
  const match = suffix.exec(typeName);
  if (!match) {
    return undefined;
  }
  const name = normalizeName(typeName.slice(0, match.index));
  for (const service of services) {
    if (service === 'dynamodb-document') {
      const operation = DOCUMENT_METHODS.get(name);
      if (operation) {
        return operation;
      }
      continue;
    }
    const operation = API_METHODS.get(service)?.get(name);
    if (operation && !operation.endsWith(':GenerateDbAuthToken')) {
      return operation;
    }
  }
  return undefined;
}

/** Paginator helpers (`paginateScan`, `NewScanPaginator`, `scanPaginator`): the paginated operation. */
export function operationOfPaginator(name: string, services: ReadonlySet<string>): string | undefined {
  const normalized = normalizeName(name);
  const inner = /^paginate(.+)$/.exec(normalized)?.[1] ?? /^new(.+)paginator$/.exec(normalized)?.[1] ?? /^(.+)paginator$/.exec(normalized)?.[1];
  if (!inner || !services.has('dynamodb') && !services.has('dynamodb-document')) {
    return undefined;
  }
  return inner === 'scan' ? 'dynamodb:Scan' : inner === 'query' ? 'dynamodb:Query' : undefined;
}

/** JavaScript modules and what importing them brings into scope. */
/**
 * The types that only ever sit inside one DynamoDB operation's request, and that operation (API reference:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItem.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItem.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_KeysAndAttributes.html).
 */
export const DYNAMODB_REQUEST_PARTS: ReadonlyMap<string, string> = new Map([
  ...['TransactWriteItem', 'Put', 'Update', 'Delete', 'ConditionCheck'].map((name): [string, string] => [name, 'dynamodb:TransactWriteItems']),
  ...['TransactGetItem', 'Get'].map((name): [string, string] => [name, 'dynamodb:TransactGetItems']),
  ['KeysAndAttributes', 'dynamodb:BatchGetItem'],
]);

export const JS_MODULES: Record<string, string[]> = {
  '@aws-sdk/client-dynamodb': ['dynamodb'],
  '@aws-sdk/lib-dynamodb': ['dynamodb-document'],
  '@aws-sdk/client-rds': ['rds'],
  '@aws-sdk/rds-signer': ['rds'],
  '@aws-sdk/client-elasticache': ['elasticache'],
  'aws-sdk': ['dynamodb', 'rds', 'elasticache'],
  'aws-sdk/clients/dynamodb': ['dynamodb'],
  'aws-sdk/clients/rds': ['rds'],
  'aws-sdk/clients/elasticache': ['elasticache'],
  ioredis: ['redis'],
  // NestJS's ioredis module passes on ioredis' `Redis` class: `import { InjectRedis, Redis } from '@nestjs-modules/ioredis'`.
  '@nestjs-modules/ioredis': ['redis'],
  redis: ['redis'],
  '@redis/client': ['redis'],
  // Valkey's fork of ioredis, with the same API (https://github.com/valkey-io/iovalkey): `new Valkey(...)`.
  iovalkey: ['redis'],
};

/**
 * Calls of queue and NestJS libraries whose options hold the ioredis options of the connection they open
 * (Bull and BullMQ run on ioredis): `BullModule.forRoot({ redis: { password } })`, `new Queue('mail', { connection })`,
 * `RedisModule.forRoot({ config: { password } })`. Constructors by their name, module methods by `Class.method`.
 */
const NEST_MODULE_CALLS = ['forRoot', 'forRootAsync'];
const BULL_MODULE_CALLS = [...NEST_MODULE_CALLS, 'registerQueue', 'registerQueueAsync'].map((method) => `BullModule.${method}`);
const IOREDIS_OPTION_CARRIERS: Readonly<Record<string, ReadonlySet<string>>> = {
  bull: new Set(['Queue', '']),
  bullmq: new Set(['Queue', 'Worker', 'QueueEvents', 'FlowProducer', 'QueueScheduler']),
  '@nestjs/bull': new Set(BULL_MODULE_CALLS),
  '@nestjs/bullmq': new Set(BULL_MODULE_CALLS),
  '@liaoliaots/nestjs-redis': new Set(['RedisModule', 'ClusterModule'].flatMap((module) => NEST_MODULE_CALLS.map((method) => `${module}.${method}`))),
  '@nestjs-modules/ioredis': new Set(NEST_MODULE_CALLS.map((method) => `RedisModule.${method}`)),
  // cache-manager's store for ioredis: `redisStore(options?: RedisOptions & Config)` opens `new Redis(options)`.
  'cache-manager-ioredis-yet': new Set(['redisStore']),
};

/**
 * The same for node-redis 4: cache-manager's `redisStore(options?: RedisClientOptions & Config)` of `cache-manager-redis-yet`
 * and `cache-manager-redis-store` 3 (as in NestJS's `CacheModule.registerAsync`), and Keyv's Redis store, "built on top of
 * @redis/client", with the URL or options of `new KeyvRedis(connect?)` and `createKeyv(connect?)` (https://keyv.org/docs/storage-adapters/redis).
 */
const NODE_REDIS_OPTION_CARRIERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'cache-manager-redis-yet': new Set(['redisStore']),
  'cache-manager-redis-store': new Set(['redisStore']),
  '@keyv/redis': new Set(['', 'KeyvRedis', 'createKeyv', 'createKeyvNonBlocking']),
};

/**
 * How many leading arguments of a carrier hold neither a URL nor options: the queue name of BullMQ's
 * `Queue`, `QueueEvents` and `QueueScheduler`, and the name and processor (a function or a file path) of its
 * `new Worker(name, processor, opts)` (https://api.docs.bullmq.io/classes/v5.Worker.html). Bull's
 * `new Queue(name, url, opts)` takes a URL second, so only its name is skipped.
 */
const LEADING_NON_OPTIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  bull: { Queue: 1, '': 1 },
  bullmq: { Queue: 1, QueueEvents: 1, QueueScheduler: 1, Worker: 2 },
};

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
const REDIS_MANAGERS: Readonly<Record<string, { classes: readonly string[]; methods: readonly string[]; flavor: 'ioredis' | 'node-redis' }>> = {
  '@liaoliaots/nestjs-redis': { classes: ['RedisService', 'ClusterService'], methods: ['getOrThrow', 'getOrNil', 'getClient'], flavor: 'ioredis' },
  'nestjs-redis': { classes: ['RedisService'], methods: ['getClient'], flavor: 'ioredis' },
  '@songkeys/nestjs-redis': { classes: ['RedisManager'], methods: ['getClient'], flavor: 'ioredis' },
  '@nestjs-labs/nestjs-redis': { classes: ['RedisService'], methods: ['getClient'], flavor: 'node-redis' },
};

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

/** Constructors and factories (last name in the chain) that produce a client, per imported module family. */
export const JS_FACTORIES: Record<string, ClientKind> = {
  DynamoDBClient: 'dynamodb',
  DynamoDB: 'dynamodb',
  'DynamoDB.DocumentClient': 'dynamodb-document',
  DocumentClient: 'dynamodb-document',
  'DynamoDBDocumentClient.from': 'dynamodb-document',
  'DynamoDBDocument.from': 'dynamodb-document',
  DynamoDBDocumentClient: 'dynamodb-document',
  DynamoDBDocument: 'dynamodb-document',
  RDSClient: 'rds',
  RDS: 'rds',
  'RDS.Signer': 'rds-signer',
  Signer: 'rds-signer',
  ElastiCacheClient: 'elasticache',
  ElastiCache: 'elasticache',
};

export const JS_REDIS_FACTORIES = new Set(['Redis', 'Cluster', 'Redis.Cluster', 'createClient', 'createCluster', 'IORedis', 'Valkey', 'Valkey.Cluster']);

/** Clients, and connection pools, whose options (password, TLS) the rules read. */
export const PYTHON_REDIS_FACTORIES = new Set([
  'Redis', 'StrictRedis', 'RedisCluster', 'from_url', 'Redis.from_url', 'StrictRedis.from_url', 'ConnectionPool', 'BlockingConnectionPool', 'ConnectionPool.from_url',
  // valkey-py, Valkey's fork of redis-py (https://github.com/valkey-io/valkey-py): the same API under Valkey's names.
  'Valkey', 'StrictValkey', 'ValkeyCluster', 'Valkey.from_url', 'StrictValkey.from_url',
]);

/**
 * Python modules whose clients are redis-py's: redis-py itself, valkey-py, and aioredis 2, whose asyncio API
 * moved into redis-py as `redis.asyncio` (https://github.com/aio-libs-abandoned/aioredis-py: "aioredis is now in redis-py 4.2.0rc1+").
 */
export const PYTHON_REDIS_MODULES = /^(?:redis|valkey|aioredis)(?:\.|$)/;

/**
 * Functions of other Python libraries that return a redis-py client, by module: django-redis's
 * `get_redis_connection(alias)` gives the raw client behind a cache (django-redis README, "Raw client access").
 */
export const PYTHON_REDIS_HELPERS: Record<string, readonly string[]> = {
  django_redis: ['get_redis_connection'],
  // Flask-Redis's `FlaskRedis(app)` hands every attribute on to the redis-py client it makes (its `__getattr__`).
  flask_redis: ['FlaskRedis'],
};

/** Java and C# client types (declarations and factories). */
export const TYPED_CLIENTS: Record<string, ClientKind> = {
  DynamoDbClient: 'dynamodb',
  DynamoDbAsyncClient: 'dynamodb',
  DynamoDbEnhancedClient: 'dynamodb-enhanced',
  DynamoDbEnhancedAsyncClient: 'dynamodb-enhanced',
  DynamoDbTable: 'dynamodb-enhanced-table',
  DynamoDbAsyncTable: 'dynamodb-enhanced-table',
  DynamoDbIndex: 'dynamodb-enhanced-index',
  DynamoDbAsyncIndex: 'dynamodb-enhanced-index',
  RdsClient: 'rds',
  RdsAsyncClient: 'rds',
  RdsUtilities: 'rds-signer',
  // SDK for Java 1.x: `RdsIamAuthTokenGenerator.builder()...build().getAuthToken(request)`.
  RdsIamAuthTokenGenerator: 'rds-signer',
  ElastiCacheClient: 'elasticache',
  ElastiCacheAsyncClient: 'elasticache',
  IAmazonDynamoDB: 'dynamodb',
  DynamoDBContext: 'dynamodb-context',
  IDynamoDBContext: 'dynamodb-context',
  AmazonDynamoDBClient: 'dynamodb',
  IAmazonRDS: 'rds',
  AmazonRDSClient: 'rds',
  IAmazonElastiCache: 'elasticache',
  AmazonElastiCacheClient: 'elasticache',
  // AWS SDK for Java 1.x: interfaces, clients and the builders whose `build()` / `defaultClient()` make one.
  AmazonDynamoDB: 'dynamodb',
  AmazonDynamoDBAsync: 'dynamodb',
  AmazonDynamoDBAsyncClient: 'dynamodb',
  AmazonDynamoDBClientBuilder: 'dynamodb',
  AmazonDynamoDBAsyncClientBuilder: 'dynamodb',
  AmazonRDS: 'rds',
  AmazonRDSAsync: 'rds',
  AmazonRDSAsyncClient: 'rds',
  AmazonRDSClientBuilder: 'rds',
  AmazonRDSAsyncClientBuilder: 'rds',
  AmazonElastiCache: 'elasticache',
  AmazonElastiCacheAsync: 'elasticache',
  AmazonElastiCacheAsyncClient: 'elasticache',
  AmazonElastiCacheClientBuilder: 'elasticache',
  AmazonElastiCacheAsyncClientBuilder: 'elasticache',
  DynamoDBMapper: 'dynamodb-mapper',
  IDynamoDBMapper: 'dynamodb-mapper',
};

/** Which service a Java package or C# namespace brings in. */
export function serviceOfNamespace(path: string): string | undefined {
  const java = /software\.amazon\.awssdk\.(?:services|enhanced)\.(dynamodb|rds|elasticache)\b/.exec(path);
  if (java) {
    return java[1];
  }
  const javaV1 = /^com\.amazonaws\.services\.(dynamodbv2|rds|elasticache)\b/.exec(path);
  if (javaV1) {
    return javaV1[1] === 'dynamodbv2' ? 'dynamodb' : javaV1[1];
  }
  const csharp = /^Amazon\.(DynamoDBv2|RDS|ElastiCache)\b/.exec(path);
  if (csharp) {
    return { DynamoDBv2: 'dynamodb', RDS: 'rds', ElastiCache: 'elasticache' }[csharp[1]];
  }
  return undefined;
}

export const BOTO3_SERVICES: Record<string, ClientKind> = { dynamodb: 'dynamodb', rds: 'rds', elasticache: 'elasticache' };

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
  'flushall',
  'flushdb',
  'config',
  'configset',
  'configget',
  'multi',
  'pipeline',
  // Expiry: the EXPIRE family, its inspection and removal.
  'set',
  'setex',
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
  'get',
  'hget',
  'hset',
  'hmset',
  'hgetall',
  'hdel',
  'exists',
  'incr',
  'incrby',
  'sadd',
  'sismember',
  'zadd',
  'lpush',
  'rpush',
]);
/** Generic command senders whose first argument names the command. */
export const REDIS_SENDERS = new Set(['call', 'sendcommand', 'executecommand']);

/** CDK module of a JS import (`aws-cdk-lib/aws-rds`) or Python module (`aws_cdk.aws_rds`), as `aws_rds`. */
export function cdkModule(module: string): string | undefined {
  const match = /^(?:aws-cdk-lib\/|@aws-cdk\/|aws_cdk\.)(aws[-_][a-z0-9]+)$/.exec(module);
  return match ? match[1].replace('-', '_') : undefined;
}

/** `AWS::RDS::DBInstance` → `aws_rds.CfnDBInstance`, the CDK L1 construct made from it. */
export function cdkL1Construct(resourceType: string): string | undefined {
  // Asked for each rule's types on every file: the answers are few and fixed.
  if (l1Constructs.has(resourceType)) {
    return l1Constructs.get(resourceType);
  }
  const match = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(resourceType);
  const construct = match ? `aws_${match[1].toLowerCase()}.Cfn${match[2]}` : undefined;
  if (l1Constructs.size < 1000) {
    l1Constructs.set(resourceType, construct);
  }
  return construct;
}

const l1Constructs = new Map<string, string | undefined>();
