/**
 * What the engine knows about the AWS SDKs and Redis clients: operations, the client types and
 * factories that make an expression an AWS client, and the per-SDK spellings of operations.
 */
import { architectTableOperation } from './code/architectTables';
import { withoutPrototype } from './sourceKeyed';
import { DATA_API_CLIENT_METHODS, DATA_API_CLIENT_MODULE, DATA_API_TRANSACTION_METHODS, RDS_DATA_BOTO3_SERVICE, RDS_DATA_JS_FACTORIES, RDS_DATA_JS_MODULES, RDS_DATA_METHODS, RDS_DATA_NAMESPACE, RDS_DATA_OPERATIONS, RDS_DATA_TYPED_CLIENTS } from './rdsDataApi';
import { DAX_JAVA_PACKAGE, DAX_JS_FACTORIES, DAX_JS_MODULES, DAX_TYPED_CLIENTS } from './daxClients';
import { HintService, normalizeName } from './types';

export {
  leadingNonOptionArguments, REDIS_OPTION_CARRIER_MODULES, redisOptionCarrier, isRedisManager, redisManagerClient, isIoredisModule, isIoredisStaticFactory, JS_REDIS_FACTORIES,
  AIOREDIS_V1_FACTORIES, PYTHON_REDIS_FACTORIES, PYTHON_REDIS_MODULES, PYTHON_REDIS_HELPERS, REDIS_COUNTER_COMMANDS, REDIS_COLLECTION_WRITE_COMMANDS, REDIS_COMMANDS, REDIS_SENDERS,
} from './redisLibraries';
export { RDS_DATA_OPERATIONS } from './rdsDataApi';

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
    // Global tables version 2017.11.29 (Legacy): named only to say so (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables.V1.html).
    'CreateGlobalTable',
    'UpdateGlobalTable',
    // PartiQL: statements over the same tables (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html).
    'ExecuteStatement',
    'BatchExecuteStatement',
    'ExecuteTransaction',
  ],
  rds: [
    'CreateDBInstance',
    'ModifyDBInstance',
    'CreateDBCluster',
    'ModifyDBCluster',
    'DeleteDBInstance',
    'DeleteDBCluster',
    'CreateDBInstanceReadReplica',
    'PromoteReadReplica',
    'RestoreDBInstanceFromDBSnapshot',
    'RestoreDBInstanceToPointInTime',
    'RestoreDBClusterFromSnapshot',
    'RestoreDBClusterToPointInTime',
    'CreateDBProxy',
    'ModifyDBProxy',
    'StopDBInstance',
    'StopDBCluster',
    'GenerateDbAuthToken',
    // The Data API's (`rdsDataApi.ts`): named only by a Data API client or request type.
    ...RDS_DATA_OPERATIONS,
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
  /**
   * boto3's `table.batch_writer()` (`with table.batch_writer() as batch:`): its `put_item` and `delete_item` queue the
   * item and send it in a BatchWriteItem of 25, resending what comes back unprocessed, never one request each.
   */
  | 'dynamodb-batch-writer'
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
  /** guregu/dynamo (Go): the `*DB` and its `Table`, whose requests are builder chains (`languages/goGuregu.ts`). */
  | 'dynamodb-guregu'
  | 'dynamodb-guregu-table'
  /** Architect's `arc.tables()` and one table of it (`code/architectTables.ts`). */
  | 'dynamodb-arc-tables'
  | 'dynamodb-arc-table'
  | 'rds'
  | 'rds-signer'
  /** An RDS Data API client (`rdsDataApi.ts`): SQL over HTTPS to an Aurora cluster. */
  | 'rds-data'
  /** data-api-client's client and a transaction it began (`rdsDataApi.ts`): the Data API through a wrapper. */
  | 'rds-data-api-client'
  | 'rds-data-api-transaction'
  | 'elasticache'
  | 'redis';

export const SERVICE_OF_KIND: Record<ClientKind, HintService | 'redis'> = {
  dynamodb: 'dynamodb',
  'dynamodb-document': 'dynamodb',
  'dynamodb-resource': 'dynamodb',
  'dynamodb-table': 'dynamodb',
  'dynamodb-batch-writer': 'dynamodb',
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
  'dynamodb-guregu': 'dynamodb',
  'dynamodb-guregu-table': 'dynamodb',
  'dynamodb-arc-tables': 'dynamodb',
  'dynamodb-arc-table': 'dynamodb',
  rds: 'rds',
  'rds-signer': 'rds',
  'rds-data': 'rds',
  'rds-data-api-client': 'rds',
  'rds-data-api-transaction': 'rds',
  elasticache: 'elasticache',
  redis: 'redis',
};

/**
 * Operation ids (`service:Operation`) by normalised name, for clients that use the API names. The Data API's
 * operations sit under `rds:` in the catalog, but the RDS control-plane client has none of their methods
 * (DynamoDB's PartiQL `ExecuteStatement` and `BatchExecuteStatement`, of the same names, are DynamoDB's).
 */
const API_METHODS = new Map<string, Map<string, string>>();
const DATA_API_OPERATIONS = new Set(RDS_DATA_OPERATIONS);
for (const service of Object.keys(OPERATIONS) as HintService[]) {
  const clientOperations = OPERATIONS[service].filter((operation) => service !== 'rds' || !DATA_API_OPERATIONS.has(operation));
  API_METHODS.set(service, new Map(clientOperations.map((operation) => [normalizeName(operation), `${service}:${operation}`])));
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
  // lib-dynamodb's PartiQL commands, which take and return native values.
  ['executestatement', 'dynamodb:ExecuteStatement'],
  ['batchexecutestatement', 'dynamodb:BatchExecuteStatement'],
  ['executetransaction', 'dynamodb:ExecuteTransaction'],
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

/**
 * The Java enhanced client's item methods that return the whole response (`putItemWithResponse(request)`, its
 * returned attributes and consumed capacity): the same request as `putItem`, by DynamoDbTable's and DynamoDbAsyncTable's API.
 */
const ENHANCED_WITH_RESPONSE = new Map<string, string>([
  ['getitemwithresponse', 'dynamodb:GetItem'],
  ['putitemwithresponse', 'dynamodb:PutItem'],
  ['updateitemwithresponse', 'dynamodb:UpdateItem'],
  ['deleteitemwithresponse', 'dynamodb:DeleteItem'],
]);

/**
 * .NET `DynamoDBContext` (object persistence model) methods, without their `Async` suffix. `Save` sends an
 * UpdateItem of the object's attributes, conditional on its version attribute if it has one (the SDK's
 * `DynamoDBContext.SaveHelper` calls `Table.UpdateHelper`): it never replaces the item as a PutItem does.
 */
const CONTEXT_METHODS = new Map<string, string>([
  ['scan', 'dynamodb:Scan'],
  ['fromscan', 'dynamodb:Scan'],
  ['query', 'dynamodb:Query'],
  ['fromquery', 'dynamodb:Query'],
  ['load', 'dynamodb:GetItem'],
  ['save', 'dynamodb:UpdateItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['createbatchwrite', 'dynamodb:BatchWriteItem'],
  ['createbatchget', 'dynamodb:BatchGetItem'],
  ['createmultitablebatchwrite', 'dynamodb:BatchWriteItem'],
  ['createmultitablebatchget', 'dynamodb:BatchGetItem'],
  ['executebatchwrite', 'dynamodb:BatchWriteItem'],
  ['executebatchget', 'dynamodb:BatchGetItem'],
  ['createtransactwrite', 'dynamodb:TransactWriteItems'],
]);

/**
 * The batches and transactions a .NET Document Model `Table` creates (`Table.CreateBatchWrite()`,
 * `CreateTransactWrite()`, ...: https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/DynamoDBv2/TTable.html), sent
 * by the object's `Execute`/`ExecuteAsync`; the batches are the classes the context's `CreateBatchWrite` uses, and read as its are.
 */
const DOCUMENT_TABLE_BATCHES = new Map<string, string>([
  ['createbatchget', 'dynamodb:BatchGetItem'],
  ['createbatchwrite', 'dynamodb:BatchWriteItem'],
  ['createtransactget', 'dynamodb:TransactGetItems'],
  ['createtransactwrite', 'dynamodb:TransactWriteItems'],
]);

/**
 * Java SDK 1.x `DynamoDBMapper` methods (DynamoDB Developer Guide, "DynamoDBMapper class",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBMapper.Methods.html). `save` under
 * the default `SaveBehavior.UPDATE` "will not affect unmodeled attributes" and sends an UpdateItem (a PutItem
 * only for a key-only object); `CLOBBER` and `PUT` replace the item (`DynamoDBMapperConfig.SaveBehavior` javadoc),
 * which `code/mapperSaves.ts` reads where the call or its config variable names them.
 */
const MAPPER_METHODS = new Map<string, string>([
  ['scan', 'dynamodb:Scan'],
  ['scanpage', 'dynamodb:Scan'],
  ['parallelscan', 'dynamodb:Scan'],
  ['query', 'dynamodb:Query'],
  ['querypage', 'dynamodb:Query'],
  ['load', 'dynamodb:GetItem'],
  ['save', 'dynamodb:UpdateItem'],
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

/** What boto3's batch writer queues, one item a call: a put or a delete, never an update or a read. */
const BUFFERED_WRITES = new Set(['putitem', 'deleteitem']);

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
    case 'dynamodb-batch-writer':
      return BUFFERED_WRITES.has(name) ? 'dynamodb:BatchWriteItem' : undefined;
    case 'dynamodb-enhanced-index':
    case 'dynamodb-v1-index':
      return name === 'query' || name === 'scan' ? TABLE_METHODS.get(name) : undefined;
    case 'dynamodb-enhanced-table':
      // `table.createTable(b -> b.provisionedThroughput(...))` creates the mapped table.
      return TABLE_METHODS.get(name) ?? ENHANCED_WITH_RESPONSE.get(name) ?? (name === 'createtable' ? 'dynamodb:CreateTable' : undefined);
    case 'dynamodb-document-table':
      return TABLE_METHODS.get(name.replace(/async$/, '')) ?? DOCUMENT_TABLE_BATCHES.get(name);
    case 'dynamodb-enhanced':
      return ENHANCED_CLIENT_METHODS.get(name);
    case 'dynamodb-template':
      return TEMPLATE_METHODS.get(name);
    case 'dynamodb-arc-table':
      return architectTableOperation(method);
    case 'dynamodb-context':
      return CONTEXT_METHODS.get(name.replace(/async$/, ''));
    case 'dynamodb-paginators':
      return name === 'scan' ? 'dynamodb:Scan' : name === 'query' ? 'dynamodb:Query' : undefined;
    case 'rds-data':
      return RDS_DATA_METHODS.get(name) ?? RDS_DATA_METHODS.get(name.replace(/async$/, ''));
    case 'rds-data-api-client':
      return DATA_API_CLIENT_METHODS.get(name);
    case 'rds-data-api-transaction':
      return DATA_API_TRANSACTION_METHODS.get(name);
    case 'rds-signer':
      return name === 'getauthtoken' || name === 'generateauthenticationtoken' ? 'rds:GenerateDbAuthToken' : undefined;
    default:
      return undefined;
  }
}

/** The key a DynamoDB request cannot do without, normalised: what tells a request literal or keyword arguments from another library's. */
const REQUIRED_REQUEST_KEYS: Record<string, string> = withoutPrototype({
  'dynamodb:BatchGetItem': 'requestitems',
  'dynamodb:BatchWriteItem': 'requestitems',
  'dynamodb:TransactGetItems': 'transactitems',
  'dynamodb:TransactWriteItems': 'transactitems',
  'dynamodb:ExecuteStatement': 'statement',
  'dynamodb:BatchExecuteStatement': 'statements',
  'dynamodb:ExecuteTransaction': 'transactstatements',
});

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
    const operation = API_METHODS.get(service)?.get(name) ?? (service === 'rds' || service === 'rds-data' ? RDS_DATA_METHODS.get(name) : undefined);
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

export const JS_MODULES: Record<string, string[]> = withoutPrototype({
  '@aws-sdk/client-dynamodb': ['dynamodb'],
  '@aws-sdk/lib-dynamodb': ['dynamodb-document'],
  '@aws-sdk/client-rds': ['rds'],
  '@aws-sdk/rds-signer': ['rds'],
  '@aws-sdk/client-elasticache': ['elasticache'],
  'aws-sdk': ['dynamodb', 'rds', 'elasticache'],
  'aws-sdk/clients/dynamodb': ['dynamodb'],
  'aws-sdk/clients/rds': ['rds'],
  'aws-sdk/clients/elasticache': ['elasticache'],
  ...Object.fromEntries(RDS_DATA_JS_MODULES.map((module) => [module, ['rds']])),
  [DATA_API_CLIENT_MODULE]: ['rds'],
  ...DAX_JS_MODULES,
  ioredis: ['redis'],
  // NestJS's ioredis module passes on ioredis' `Redis` class: `import { InjectRedis, Redis } from '@nestjs-modules/ioredis'`.
  '@nestjs-modules/ioredis': ['redis'],
  redis: ['redis'],
  '@redis/client': ['redis'],
  // node-redis 2 and 3 with promises for callbacks (https://github.com/moaxaca/async-redis): `asyncRedis.createClient()`.
  'async-redis': ['redis'],
  // Valkey's fork of ioredis, with the same API (https://github.com/valkey-io/iovalkey): `new Valkey(...)`.
  iovalkey: ['redis'],
  // Valkey GLIDE (`glide.ts`): `GlideClient.createClient(config)`.
  '@valkey/valkey-glide': ['redis'],
});


/** Constructors and factories (last name in the chain) that produce a client, per imported module family. */
export const JS_FACTORIES: Record<string, ClientKind> = withoutPrototype({
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
  ...Object.fromEntries(RDS_DATA_JS_FACTORIES.map((name): [string, ClientKind] => [name, 'rds-data'])),
  ...DAX_JS_FACTORIES,
});

/** Java and C# client types (declarations and factories). */
export const TYPED_CLIENTS: Record<string, ClientKind> = withoutPrototype({
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
  ...Object.fromEntries(RDS_DATA_TYPED_CLIENTS.map((name): [string, ClientKind] => [name, 'rds-data'])),
  ...DAX_TYPED_CLIENTS,
});

/** Which service a Java package or C# namespace brings in. */
export function serviceOfNamespace(path: string): string | undefined {
  if (RDS_DATA_NAMESPACE.test(path)) {
    return 'rds';
  }
  if (DAX_JAVA_PACKAGE.test(path)) {
    return 'dynamodb';
  }
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

export const BOTO3_SERVICES: Record<string, ClientKind> = { dynamodb: 'dynamodb', rds: 'rds', elasticache: 'elasticache', [RDS_DATA_BOTO3_SERVICE]: 'rds-data' };

/**
 * CDK module of a JS import (`aws-cdk-lib/aws-rds`) or Python module (`aws_cdk.aws_rds`), as `aws_rds`; also the
 * paths TypeScript resolves into the package's files: early v2's `aws-cdk-lib/lib/aws-rds`, and one file of a
 * module (`aws-cdk-lib/aws-dynamodb/lib/table`, `@aws-cdk/aws-rds/lib/instance`).
 */
export function cdkModule(module: string): string | undefined {
  const match = /^(?:aws-cdk-lib\/(?:lib\/)?|@aws-cdk\/|aws_cdk\.)(aws[-_][a-z0-9]+)(?:\/lib\/[a-z0-9-]+)?$/.exec(module);
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
