/**
 * What an expression in application code can be, as far as the rules care, and how member access and
 * calls turn one value into another (`boto3.resource('dynamodb').Table('t')`, `DynamoDbClient.builder()
 * ....build()`, `dynamodb.NewFromConfig(cfg)`). No tokens here: the analyzer hands in names and literals.
 */
import { RedisFlavor, RedisStructure } from '../model';
import type { CdkClassShape, ExportedClient, SpringRepositoryShape, TableNameRef } from '../workspace/types';
import { goFactoryResult } from './languages/goClients';
import { ormObject } from './languages/ormObjects';
import { STACKEXCHANGE_MODULE, STACKEXCHANGE_SERVERS, stackExchangeResult, stackExchangeServersCall } from './stackExchangeRedis';
import { GLIDE_NODE_MODULE, glideResult, isGlidePythonModule } from './glide';
import { flaskCacheMember } from './flaskCaching';
import { djangoCacheBackendClass } from './djangoCache';
import { AIOREDIS_V1_FACTORIES, BOTO3_SERVICES, cdkModule, ClientKind, isIoredisModule, isIoredisStaticFactory, JS_FACTORIES, JS_MODULES, JS_REDIS_FACTORIES, PYTHON_REDIS_FACTORIES, PYTHON_REDIS_HELPERS, PYTHON_REDIS_MODULES, redisManagerClient } from '../services';
import { DAX_V2_CLASS, DAX_V2_MODULE, daxPythonClient } from '../daxClients';
import { DATA_API_CLIENT_MODULE } from '../rdsDataApi';
import { architectTablesCall, architectTablesMember } from './architectTables';
import { queueInstance } from './queueClients';

/** An argument of a call, by the call's `(` token and the argument's position. */
export interface ArgumentAt {
  open: number;
  position: number;
}

export type Value =
  /**
   * `batched`: a Redis pipeline or transaction, whose commands go to the server together. `nonBlocking`:
   * Redis commands that return a future or a publisher at once (Lettuce's async and reactive APIs, aioredis 1's clients). `table`
   * and `index`: the arguments that name the table or index a table object reads (`Table(name)`, `index(name)`).
   * `structure`: Spring Data Redis operations on one data structure (`opsForHash()`), whose methods are that structure's commands.
   * `tableName`: the table of a table object made in another module of the workspace, whose arguments this file cannot see.
   * `perCall`: what a call of another module's function makes anew each time (see `ExportedClient`).
   * `wrapper`: the methods of another module's wrapper instance that are its own (see `ExportedClient`), and
   * `heldAs` the module and name it is imported as, whose attributes (`cache.conn`) that module tells.
   * `convertsValues`: a boto3 resource's own low-level client (`resource.meta.client`), which takes plain values.
   */
  | { t: 'client'; kind: ClientKind; flavor?: RedisFlavor; batched?: boolean; nonBlocking?: boolean; structure?: RedisStructure; table?: ArgumentAt; index?: ArgumentAt; tableName?: TableNameRef; perCall?: true; wrapper?: readonly string[]; heldAs?: { module: string; path: string }; convertsValues?: true }
  /** A boto3 paginator (`client.get_paginator('scan')`): `paginate(...)` reads every page. */
  | { t: 'paginator'; operation: string }
  /** A CDK construct (`aws_rds.DatabaseInstance`): its method calls are read as options of the construct. */
  | { t: 'construct'; type: string }
  /** An instance of a CDK class or interface another file of the workspace declares: its members are constructs or such classes. */
  | { t: 'cdkClass'; shape: CdkClassShape }
  /** A Java or C# project class or interface of another file, by the clients its members hold (`workspace/classFields.ts`). */
  | { t: 'projectClass'; fields: Readonly<Record<string, ExportedClient>> }
  /**
   * An imported module or one of its members, by path (`DynamoDB.DocumentClient`). `uniqueIndexes`: of an ElectroDB
   * entity, the indexes whose key names one item at most (`electrodb.ts`); of a service, as `entity.index`.
   */
  | { t: 'ref'; module: string; path: string; uniqueIndexes?: readonly string[] }
  /** boto3 or a library with its session API; `imported`: the name a call names under an alias (`from boto3 import client as make`). */
  | { t: 'boto3'; imported?: string }
  /**
   * A boto3 service resource whose service the call does not spell (`boto3.resource(config["db"])`): only
   * DynamoDB's service resource has a `Table` sub-resource, so its `Table(name)` is a DynamoDB table.
   */
  | { t: 'boto3-resource' }
  /** A client type used as a value (`DynamoDbClient.builder()`, `new Jedis(...)`), Java and C#. */
  | { t: 'type'; kind: ClientKind; flavor?: RedisFlavor }
  | { t: 'gopkg'; service: string }
  /**
   * A same-file function or method: calling it gives what its `return`s give; reading an `accessor` (a Python
   * `@property`, a TypeScript `get`) does. `returnType`: the token where a declared return type starts (`(): Redis`).
   * `wrapped`: a Python function under a decorator that may change what it returns, never read with a call's strings.
   * `scope` is -1 for a Java or C# method declared without a body (abstract, or an interface's): its declared type is all it gives.
   */
  | { t: 'function'; scope: number; concise: number; accessor?: boolean; returnType?: number; wrapped?: boolean }
  /**
   * `this` / `self` inside a class, a Go receiver of a struct type declared in the file, or an instance of
   * a same-file Python class; `classObject`: the class itself, whose call makes an instance.
   */
  | { t: 'instance'; classScope: number; classObject?: boolean }
  | { t: 'struct'; name: string }
  /** A JavaScript object literal (`{ redis: new Redis(), ddb }`) at the `{` token `open`: its members are its properties' values. */
  | { t: 'record'; open: number }
  /** A Spring Data DynamoDB repository interface another file of the workspace declares (Java). */
  | { t: 'springRepository'; shape: SpringRepositoryShape }
  /**
   * A tuple or list a Python function returns (`return ddb, cache`), read for `a, b = f()`: the client at
   * each position, null where the element is anything else.
   */
  | { t: 'sequence'; elements: readonly (Value | null)[] };

const V2_CLIENT_DEFAULTS: Record<string, string> = { dynamodb: 'DynamoDB', rds: 'RDS', elasticache: 'ElastiCache', rdsdataservice: 'RDSDataService' };

/**
 * The AWS SDK for JavaScript v2's files that code imports as modules: a client's module, also with the file's
 * extension that Node's ES modules need (`aws-sdk/clients/dynamodb.js`), and the DocumentClient's own file
 * (`aws-sdk/lib/dynamodb/document_client`), which holds the class `aws-sdk/clients/dynamodb` has as a member.
 */
const V2_ALL_CLIENTS = /^aws-sdk\/clients\/all(?:\.js)?$/;
const V2_MODULE_FILE = /^aws-sdk\/(?:clients\/(dynamodb|rds|elasticache|rdsdataservice)|lib\/dynamodb\/(document_client))(?:\.js)?$/;

/**
 * A JavaScript module as an import names it: the module the rules know it by (`aws-sdk/clients/dynamodb`
 * for `aws-sdk/clients/dynamodb.js`), the path of what the module gives as a whole (its default import,
 * `import X = require(...)`, `const X = require(...)`), and whether that whole is all it exports
 * (`export =` of a class: v2's per-service modules), so that a namespace import (`import * as DynamoDB
 * from ...`) is that class too, as TypeScript compiles it to `require`.
 */
export function jsModule(text: string): { module: string; whole: string; exportAssigned: boolean } {
  // `aws-sdk/clients/all` holds every client class, as the root module does (`import { DynamoDB } from 'aws-sdk/clients/all'`).
  if (V2_ALL_CLIENTS.test(text)) {
    return { module: 'aws-sdk', whole: '', exportAssigned: false };
  }
  const v2 = V2_MODULE_FILE.exec(text);
  if (v2) {
    return v2[2] ? { module: 'aws-sdk/clients/dynamodb', whole: 'DynamoDB.DocumentClient', exportAssigned: true } : { module: `aws-sdk/clients/${v2[1]}`, whole: V2_CLIENT_DEFAULTS[v2[1]], exportAssigned: true };
  }
  if (text === DAX_V2_MODULE) {
    return { module: text, whole: DAX_V2_CLASS, exportAssigned: true };
  }
  return { module: text, whole: text === 'ioredis' ? 'Redis' : text === 'iovalkey' ? 'Valkey' : '', exportAssigned: false };
}

/** Default exports that stand for a class, so `new DynamoDB.DocumentClient()` resolves. */
export function defaultExportPath(module: string): string {
  return jsModule(module).whole;
}

/** boto3 and the libraries with its session API: aioboto3, and botocore / aiobotocore (`get_session().create_client(...)`). */
export function isBoto3Module(module: string): boolean {
  return /^(?:boto3|aioboto3|botocore|aiobotocore)(?:\.|$)/.test(module);
}

/**
 * Calls that give back their argument: `ExitStack.enter_context(x)` and `AsyncExitStack.enter_async_context(x)`
 * return what entering `x` gives (an SDK or Redis client gives itself), `contextlib.closing(x)` enters as `x`;
 * X-Ray's `captureAWS(AWS)` and `captureAWSClient(client)` give back what they instrument, async-redis's
 * `decorate(client)` the client.
 */
export function passesThrough(value: Value): boolean {
  if (value.t !== 'ref') {
    return false;
  }
  if (value.module === 'contextlib') {
    return /(?:^|\.)(?:enter_context|enter_async_context|closing|aclosing)$/.test(value.path);
  }
  // async-redis's `decorate(client)` gives back the node-redis client with promises for callbacks.
  if (value.module === 'async-redis') {
    return /^(?:default\.)?decorate$/.test(value.path);
  }
  // AWS X-Ray's SDK for Node.js: `captureAWS(AWS)` gives back the SDK v2 module it instruments,
  // `captureAWSClient(client)` the client (https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-nodejs-awssdkclients.html).
  return /^aws-xray-sdk(?:-core)?$/.test(value.module) && /^(?:default\.)?(?:captureAWS|captureAWSClient)$/.test(value.path);
}

/** Members of clients that are clients themselves (`meta` of a boto3 resource, `Paginators` in .NET). */
export function memberOfClient(value: { kind: ClientKind; flavor?: RedisFlavor; batched?: boolean; nonBlocking?: boolean; structure?: RedisStructure }, name: string): Value {
  const backend = flaskCacheMember(value.structure, name);
  if (backend) {
    return backend;
  }
  if (name === 'meta' && value.kind.startsWith('dynamodb')) {
    return { t: 'client', kind: value.kind };
  }
  if (name === 'client' && (value.kind === 'dynamodb-resource' || value.kind === 'dynamodb-table')) {
    // `resource.meta.client`, `table.meta.client` (meta keeps the kind): the low-level client, whose requests boto3
    // still converts from plain values as the resource's own (`convertsValues`).
    return { t: 'client', kind: 'dynamodb', convertsValues: true };
  }
  if ((name === 'Value' || name === 'Multiplexer') && value.flavor === 'stackexchange-redis') {
    // `Lazy<ConnectionMultiplexer>.Value`: the connection it makes once; `db.Multiplexer` (also of a batch): the
    // connection that made the database, whose `GetServer(...)` reaches the server commands.
    return { t: 'client', kind: 'redis', flavor: value.flavor };
  }
  if (value.kind === 'dynamodb-arc-tables') {
    return architectTablesMember(name) ?? { t: 'ref', module: `member:${value.kind}:`, path: name };
  }
  if (name === 'Paginators' && value.kind === 'dynamodb') {
    return { t: 'client', kind: 'dynamodb-paginators' };
  }
  // A Redisson object's methods return values (`keys.getKeys()` is an iterable of names), never its objects.
  const mode = value.batched ? ':batched' : value.nonBlocking ? ':nonblocking' : value.flavor === 'redisson' && value.structure ? ':object' : '';
  return { t: 'ref', module: `member:${value.kind}:${value.flavor ?? ''}${mode}`, path: name };
}

const CLIENT_METHOD_RESULTS: Record<string, Record<string, ClientKind>> = {
  'dynamodb-resource': { Table: 'dynamodb-table', create_table: 'dynamodb-table' },
  // `with table.batch_writer() as batch:` (also `overwrite_by_pkeys=[...]`): the writer that queues the block's writes.
  'dynamodb-table': { batch_writer: 'dynamodb-batch-writer' },
  'dynamodb-enhanced': { table: 'dynamodb-enhanced-table' },
  'dynamodb-enhanced-table': { index: 'dynamodb-enhanced-index' },
  rds: { utilities: 'rds-signer' },
  'dynamodb-v1-document': { getTable: 'dynamodb-v1-table' },
  'dynamodb-v1-table': { getIndex: 'dynamodb-v1-index' },
  // .NET `context.GetTargetTable<T>()`: the document-model `Table` the context maps `T` to.
  'dynamodb-context': { GetTargetTable: 'dynamodb-document-table' },
  'dynamodb-guregu': { Table: 'dynamodb-guregu-table' },
  // data-api-client: `transaction()` begins one, whose `query(...)` and `rollback(...)` chain on it until `commit()`.
  'rds-data-api-client': { transaction: 'rds-data-api-transaction' },
  'rds-data-api-transaction': { query: 'rds-data-api-transaction', rollback: 'rds-data-api-transaction' },
};

/**
 * Java Redis objects whose methods give the same client back: a Jedis pool's `getResource()`, Lettuce's
 * `connect()` and `sync()` (blocking commands), Spring Data Redis's `opsForValue()` and the other typed operations.
 */
const JAVA_REDIS_HANDLES = new Set(['getResource', 'sync', 'getConnection', 'opsForValue']);

/** Spring Data Redis's operations on one data structure, by the template method that gives them. */
const SPRING_STRUCTURE_HANDLES: Record<string, RedisStructure> = { opsForHash: 'hash', opsForList: 'list', opsForSet: 'set', opsForZSet: 'zset' };
/**
 * Spring Data Redis objects that lead to a connection whose methods are Redis commands: the template's
 * connection factory, and a connection's command groups (`connection.keyCommands().scan(options)`).
 */
const SPRING_CONNECTION_HANDLES = new Set([
  'getConnectionFactory', 'getRequiredConnectionFactory', 'keyCommands', 'stringCommands', 'serverCommands', 'hashCommands', 'listCommands', 'setCommands', 'zSetCommands',
]);
/**
 * Lettuce's `async()` and `reactive()`: the same Redis commands, returning a `RedisFuture` or a Reactor
 * publisher at once instead of waiting for the reply (StatefulRedisConnection javadoc).
 */
const LETTUCE_NON_BLOCKING_HANDLES = new Set(['async', 'reactive']);
/** Redisson's objects whose methods are key-level commands, by the client method that gives them (each takes the key's name). */
const REDISSON_HANDLES: Record<string, RedisStructure> = {
  getKeys: 'keys',
  // The counters hold one string value too: `get` is GET and `set` SET.
  getBucket: 'bucket',
  getAtomicLong: 'bucket',
  getAtomicDouble: 'bucket',
  // A map and a set can be read whole in one reply (`redissonCommands.ts`).
  getMap: 'redisson-map',
  getMapCache: 'redisson-map',
  getLocalCachedMap: 'redisson-map',
  getSet: 'redisson-set',
  getSetCache: 'redisson-set',
  // A list and the queues built on it; a scored sorted set (`redissonCommands.ts`).
  ...Object.fromEntries(['getList', 'getQueue', 'getDeque', 'getBlockingQueue', 'getBlockingDeque'].map((method) => [method, 'redisson-list' as const])),
  getScoredSortedSet: 'redisson-zset',
  ...Object.fromEntries(
    ['getSortedSet', 'getHyperLogLog', 'getBitSet', 'getLock', 'getFairLock', 'getReadWriteLock', 'getSemaphore', 'getCountDownLatch'].map((method) => [method, 'object' as const]),
  ),
};

/** A call on a module path or a client member: what it gives back, if it is a client. */
export function callResult(value: Value, name: string, firstString: string | undefined, constructed: boolean, python: boolean): Value | undefined {
  switch (value.t) {
    case 'boto3': {
      const called = value.imported ?? name;
      if (called === 'client' || called === 'resource' || called === 'create_client') {
        if (called === 'resource' && firstString === undefined) {
          return { t: 'boto3-resource' };
        }
        const kind = firstString ? BOTO3_SERVICES[firstString] : undefined;
        return kind ? { t: 'client', kind: called === 'resource' && kind === 'dynamodb' ? 'dynamodb-resource' : kind } : undefined;
      }
      return /^(?:Session|session|get_session|AioSession)$/.test(called) ? { t: 'boto3' } : undefined;
    }
    case 'boto3-resource':
      return name === 'Table' ? { t: 'client', kind: 'dynamodb-table' } : undefined;
    case 'type':
      // `defaultClient()`: the Java SDK 1.x builders' shortcut for `standard().build()`; `fromEnvironment()`: the SDK for Kotlin's.
      return constructed || name === 'build' || name === 'Build' || name === 'create' || name === 'defaultClient' || name === 'fromEnvironment' ? clientOfType(value) : value;
    case 'ref':
      if (name === 'get_paginator' && value.module.startsWith('member:dynamodb') && (firstString === 'scan' || firstString === 'query')) {
        return { t: 'paginator', operation: firstString === 'scan' ? 'dynamodb:Scan' : 'dynamodb:Query' };
      }
      return refCall(value.module, value.path, python);
    default:
      return undefined;
  }
}

/** The client a type makes (constructed, built or created), with its Redis flavor. */
export function clientOfType(value: { kind: ClientKind; flavor?: RedisFlavor }): Value {
  return value.flavor ? { t: 'client', kind: value.kind, flavor: value.flavor } : { t: 'client', kind: value.kind };
}

/** Calls that make a table object, and which argument names the table. */
const TABLE_FACTORIES: Partial<Record<ClientKind, { method: string; position: number }>> = {
  'dynamodb-table': { method: 'Table', position: 0 },
  'dynamodb-enhanced-table': { method: 'table', position: 0 },
  'dynamodb-document-table': { method: 'LoadTable', position: 1 },
  'dynamodb-v1-table': { method: 'getTable', position: 0 },
  'dynamodb-guregu-table': { method: 'Table', position: 0 },
};

/**
 * A client made by a call, with the arguments that name its table and index: boto3 `Table(name)`, the
 * Java enhanced client's `table(name, schema)` and `index(name)` (which keeps its table's name), .NET
 * `Table.LoadTable(client, name)`.
 */
export function withTableArguments(made: Value & { t: 'client' }, method: string, open: number, owner: Value | undefined): Value {
  const factory = TABLE_FACTORIES[made.kind];
  if (factory && factory.method === method) {
    return { ...made, table: { open, position: factory.position } };
  }
  if (made.kind === 'dynamodb-enhanced-index' && method === 'index' && owner?.t === 'client' && owner.table) {
    return { ...made, table: owner.table, index: { open, position: 0 } };
  }
  return made;
}

/** Packages whose function constructs bundle a Lambda function's code: Node.js in aws-cdk-lib, Python and Go in alpha modules. */
const BUNDLING_MODULES = /^(?:aws-cdk-lib\/aws-lambda-nodejs|@aws-cdk\/aws-lambda-(?:python|go)-alpha|aws_cdk\.aws_lambda_(?:nodejs|python_alpha|go_alpha))$/;
const BUNDLED_FUNCTIONS = /^(?:NodejsFunction|PythonFunction|GoFunction)$/;

/**
 * `new NodejsFunction(...)`, `new PythonFunction(...)`, `GoFunction(...)`: a `lambda.Function` whose code the
 * CDK bundles, from its own package (also `aws_lambda_nodejs.NodejsFunction` of aws-cdk-lib's index).
 */
export function bundledFunction(module: string, path: string): string | undefined {
  const dot = path.indexOf('.');
  const inIndex = (module === 'aws-cdk-lib' || module === 'aws_cdk') && path.slice(0, dot) === 'aws_lambda_nodejs';
  const className = inIndex ? path.slice(dot + 1) : path;
  return (inIndex || BUNDLING_MODULES.test(module)) && BUNDLED_FUNCTIONS.test(className) ? 'aws_lambda.Function' : undefined;
}

/** `aws_rds.DatabaseInstance` for a CDK construct class reached through an import (`rds.DatabaseInstance`, `aws_cdk.aws_rds.DatabaseInstance`). */
export function cdkConstructType(module: string, path: string): string | undefined {
  // A static factory (`ClusterInstance.provisioned(...)`) makes the class it belongs to.
  const classPath = path.replace(/\.[a-z][A-Za-z0-9_]*$/, '');
  if (module === 'aws-cdk-lib' || module === 'aws_cdk') {
    return /^aws_[a-z0-9]+\.[A-Z][A-Za-z0-9]*$/.test(classPath) ? classPath : undefined;
  }
  if (SST_MODULES.has(module)) {
    return classPath === 'Table' ? 'sst.Table' : undefined;
  }
  if (module === SST_PLATFORM_MODULE) {
    return classPath === 'aws.Dynamo' ? 'sst.aws.Dynamo' : undefined;
  }
  const cdk = cdkModule(module);
  return cdk && /^[A-Z][A-Za-z0-9]*$/.test(classPath) ? `${cdk}.${classPath}` : undefined;
}

/**
 * SST's CDK constructs (v2 `sst/constructs`, v1 `@serverless-stack/resources`): its `Table` takes the props
 * the rules read under its own names (`primaryIndex`, `globalIndexes`, `stream`, `timeToLiveAttribute`).
 */
const SST_MODULES = new Set(['sst/constructs', '@serverless-stack/resources']);

/**
 * The global `sst` of SST v3's `sst.config.ts` and the infra files it loads, never imported: its `sst.aws.Dynamo`
 * takes `fields`, `primaryIndex` (`hashKey`, `rangeKey`), `globalIndexes`, `localIndexes`, `stream` and `ttl`.
 */
export const SST_PLATFORM_MODULE = 'sst:platform';

/**
 * A CDK class named as a type (`dynamodb.Table`, `rds.IDatabaseCluster`, Python `aws_dynamodb.ITableV2`): a
 * construct of the class, an interface standing for its class; props and enums read as types are not.
 */
export function cdkAnnotationType(module: string, path: string): Value | undefined {
  const className = path.slice(path.lastIndexOf('.') + 1);
  if (/Props$/.test(className)) {
    return undefined;
  }
  const type = cdkConstructType(module, /^I[A-Z]/.test(className) ? `${path.slice(0, path.length - className.length)}${className.slice(1)}` : path);
  return type ? { t: 'construct', type } : undefined;
}

/** A member of a CDK class of another file: the construct, or the class, its type names. */
export function cdkClassMember(shape: CdkClassShape, name: string): Value | undefined {
  if (!Object.hasOwn(shape.members, name)) {
    return undefined;
  }
  const member = shape.members[name];
  return 'construct' in member ? { t: 'construct', type: member.construct } : { t: 'cdkClass', shape: member.shape };
}

/** The .NET document and object persistence models, imported by the C# analyzer under these module names. */
export const DOTNET_DOCUMENT_MODEL = 'dotnet:Amazon.DynamoDBv2.DocumentModel';
export const DOTNET_DATA_MODEL = 'dotnet:Amazon.DynamoDBv2.DataModel';

function refCall(module: string, path: string, python: boolean): Value | undefined {
  const cacheBackend = python ? djangoCacheBackendClass(module, path) : undefined;
  if (cacheBackend) {
    return cacheBackend;
  }
  if (module === DOTNET_DOCUMENT_MODEL) {
    // `new TableBuilder(client, "t")....Build()` makes a table as `Table.LoadTable` does.
    if (path === 'TableBuilder') {
      return { t: 'type', kind: 'dynamodb-document-table' };
    }
    return path === 'Table.LoadTable' || path === 'Table.TryLoadTable' ? { t: 'client', kind: 'dynamodb-document-table' } : undefined;
  }
  if (module === DOTNET_DATA_MODEL) {
    return path === 'DynamoDBContextBuilder' ? { t: 'type', kind: 'dynamodb-context' } : undefined;
  }
  if (module === STACKEXCHANGE_MODULE) {
    return stackExchangeResult(path);
  }
  if (module === STACKEXCHANGE_SERVERS) {
    return stackExchangeServersCall(path);
  }
  if (module.startsWith('go:')) {
    return goFactoryResult(module.slice(3), path);
  }
  if (module.startsWith('member:')) {
    const [, kind, flavor, mode] = module.split(':');
    const made = CLIENT_METHOD_RESULTS[kind]?.[path];
    if (made) {
      return { t: 'client', kind: made };
    }
    if (kind === 'redis' && flavor === 'stackexchange-redis') {
      return stackExchangeResult(path);
    }
    if (kind === 'redis' && flavor === 'lettuce' && LETTUCE_NON_BLOCKING_HANDLES.has(path)) {
      return { t: 'client', kind: 'redis', flavor: 'lettuce', nonBlocking: true };
    }
    if (kind === 'redis' && flavor === 'redisson' && mode !== 'object' && Object.hasOwn(REDISSON_HANDLES, path)) {
      return { t: 'client', kind: 'redis', flavor: 'redisson', structure: REDISSON_HANDLES[path] };
    }
    // The reactive template's operations return publishers as the template does.
    const reactive = flavor === 'spring-data-redis' && mode === 'nonblocking' ? { nonBlocking: true } : {};
    if (kind === 'redis' && flavor === 'spring-data-redis' && SPRING_STRUCTURE_HANDLES[path]) {
      return { t: 'client', kind: 'redis', flavor: 'spring-data-redis', structure: SPRING_STRUCTURE_HANDLES[path], ...reactive };
    }
    if (kind === 'redis' && flavor === 'spring-data-redis' && SPRING_CONNECTION_HANDLES.has(path)) {
      // A pipelined connection's command groups queue their commands in the same pipeline.
      return { t: 'client', kind: 'redis', flavor: 'spring-data-redis', ...(mode === 'batched' ? { batched: true } : {}) };
    }
    if (kind === 'redis' && flavor === 'redis-py' && (path === 'client.get_client' || path === '_cache.get_client' || path === 'get_client')) {
      // django-redis: the cache's `client` (its `DefaultClient`) hands out the redis-py client it holds (`cache.client.get_client()`);
      // Django's own `RedisCache`: its `_cache` (a `RedisCacheClient`) hands out a redis-py client on its connection pool
      // (`cache._cache.get_client()`, django/core/cache/backends/redis.py; `get_client()` of a name declared with that
      // type). A redis-py client itself has none of these attributes.
      return { t: 'client', kind: 'redis', flavor };
    }
    if (kind === 'redis' && (flavor === 'redis-py' || flavor === 'redis-py-async') && path === 'client') {
      // redis-py's `Redis.client()`: a client of the same pool on one connection (`async with redis.client() as conn:`).
      return { t: 'client', kind: 'redis', flavor };
    }
    if (kind === 'redis' && (['connect', 'duplicate', 'on', 'withOptions', 'WithContext', 'Conn'].includes(path) || JAVA_REDIS_HANDLES.has(path))) {
      return { t: 'client', kind: 'redis', flavor: flavor as RedisFlavor, ...reactive };
    }
    // go-redis queues a pipeline's (or a `Cmdable`'s) command and gives its `*Cmd`, whose `Scan(&v)` decodes the reply: no SCAN.
    const chainsBack = mode === 'batched' && flavor !== 'go-redis';
    if (kind === 'redis' && (['pipeline', 'pipelined', 'multi', 'Pipeline', 'TxPipeline'].includes(path) || chainsBack)) {
      // A pipeline or transaction, and every command queued on it, return it again: `multi().incr(k).expire(k, 60)`.
      return { t: 'client', kind: 'redis', flavor: flavor as RedisFlavor, batched: true };
    }
    return undefined;
  }
  if (module === DATA_API_CLIENT_MODULE && (path === '' || path === 'default')) {
    // data-api-client's default export makes its client: `require('data-api-client')({ resourceArn, ... })`.
    return { t: 'client', kind: 'rds-data-api-client' };
  }
  const managed = redisManagerClient(module, path);
  if (managed) {
    return { t: 'client', kind: 'redis', flavor: managed };
  }
  const construct = cdkConstructType(module, path);
  if (construct) {
    return { t: 'construct', type: construct };
  }
  if (python) {
    if (module === 'contextlib' && /^(?:Async)?ExitStack$/.test(path)) {
      // An exit stack stands for its class, whose enter_context gives back what it enters (passesThrough).
      return { t: 'ref', module, path };
    }
    if (isGlidePythonModule(module)) {
      return glideResult(module, path, true);
    }
    if (PYTHON_REDIS_HELPERS[module]?.includes(path)) {
      return { t: 'client', kind: 'redis', flavor: 'redis-py' };
    }
    const dax = daxPythonClient(module, path);
    if (dax) {
      return { t: 'client', kind: dax };
    }
    if (PYTHON_REDIS_MODULES.test(module)) {
      const segments = path.split('.');
      const last = segments[segments.length - 1];
      if (PYTHON_REDIS_FACTORIES.has(last) || PYTHON_REDIS_FACTORIES.has(segments.slice(-2).join('.'))) {
        const asyncio = module.includes('asyncio') || path.includes('asyncio') || module.startsWith('aioredis');
        const sentWhenCalled = module.startsWith('aioredis') && AIOREDIS_V1_FACTORIES.has(last);
        return { t: 'client', kind: 'redis', flavor: asyncio ? 'redis-py-async' : 'redis-py', ...(sentWhenCalled ? { nonBlocking: true } : {}) };
      }
    }
    return undefined;
  }
  const services = JS_MODULES[module];
  if (!services) {
    // Architect's tables object, a job queue whose connection is read through its members.
    const libraryObject = architectTablesCall(module, path) ?? queueInstance(module, path);
    if (libraryObject) {
      return libraryObject;
    }
    // A dynamoose model, an ElectroDB entity, a dynamodb-toolbox table (`ormObjects.ts`).
    return ormObject(module, path);
  }
  if (module === GLIDE_NODE_MODULE) {
    return glideResult(module, path, false);
  }
  if (services.includes('redis')) {
    const factory = JS_REDIS_FACTORIES.has(path) || (path === '' && isIoredisModule(module)) || isIoredisStaticFactory(module, path);
    return factory ? { t: 'client', kind: 'redis', flavor: isIoredisModule(module) ? 'ioredis' : 'node-redis' } : undefined;
  }
  const kind = JS_FACTORIES[path];
  return kind ? { t: 'client', kind } : undefined;
}
