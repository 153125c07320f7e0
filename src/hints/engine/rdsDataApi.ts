/**
 * What the engine knows about the RDS Data API (`rds-data`): the HTTPS SQL interface of an Aurora cluster,
 * a service of its own beside the RDS control plane, with clients in every SDK. Its operations sit in the
 * catalog under `rds:` (the rules are Aurora's), and only a Data API client or request type names them: the
 * RDS control-plane client has no such methods, and DynamoDB's PartiQL `ExecuteStatement` is DynamoDB's.
 * API reference: https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/Welcome.html.
 * Re-exported by `services.ts`.
 */
import { normalizeName } from './types';

/** The Data API's operations (API names). `ExecuteSql` is deprecated and left out. */
export const RDS_DATA_OPERATIONS: readonly string[] = ['ExecuteStatement', 'BatchExecuteStatement', 'BeginTransaction', 'CommitTransaction', 'RollbackTransaction'];

/** Operation ids (`rds:ExecuteStatement`) by normalised method or type name. */
export const RDS_DATA_METHODS: ReadonlyMap<string, string> = new Map(RDS_DATA_OPERATIONS.map((operation) => [normalizeName(operation), `rds:${operation}`]));

/** JavaScript: SDK v3's package and v2's per-service module (`aws-sdk/clients/rdsdataservice`). */
export const RDS_DATA_JS_MODULES: readonly string[] = ['@aws-sdk/client-rds-data', 'aws-sdk/clients/rdsdataservice'];

/** JavaScript: v3's `RDSDataClient` and aggregated `RDSData`, v2's `RDSDataService` (`new AWS.RDSDataService()`). */
export const RDS_DATA_JS_FACTORIES: readonly string[] = ['RDSDataClient', 'RDSData', 'RDSDataService'];

/**
 * Java (SDK 2.x `software.amazon.awssdk.services.rdsdata`, 1.x `com.amazonaws.services.rdsdata`) and .NET
 * (`Amazon.RDSDataService`) client types and builders.
 */
export const RDS_DATA_TYPED_CLIENTS: readonly string[] = [
  'RdsDataClient',
  'RdsDataAsyncClient',
  'AWSRDSData',
  'AWSRDSDataAsync',
  'AWSRDSDataClient',
  'AWSRDSDataAsyncClient',
  'AWSRDSDataClientBuilder',
  'AWSRDSDataAsyncClientBuilder',
  'IAmazonRDSDataService',
  'AmazonRDSDataServiceClient',
];

/** Java packages and C# namespaces of the Data API's SDKs. */
export const RDS_DATA_NAMESPACE = /^(?:software\.amazon\.awssdk\.services\.rdsdata|com\.amazonaws\.services\.rdsdata|Amazon\.RDSDataService)\b/;

/** boto3's service name: `boto3.client("rds-data")`. */
export const RDS_DATA_BOTO3_SERVICE = 'rds-data';

/** Go: SDK v2's package, whose `rdsdata.NewFromConfig(cfg)` makes a `*rdsdata.Client`. */
export const RDS_DATA_GO_PACKAGE = 'github.com/aws/aws-sdk-go-v2/service/rdsdata';

/**
 * data-api-client (jeremydaly/data-api-client, v1 and v2), the Data API's "DocumentClient": the module's default
 * export makes a client from `{ secretArn, resourceArn, database }` (`require('data-api-client')({...})`,
 * `dataApiClient({...})`), whose `query(sql, params)` sends ExecuteStatement (BatchExecuteStatement for an array
 * of parameter sets) and whose `transaction()` begins a transaction that chains `query(...)` calls until
 * `commit()`. Its client also passes the SDK's own methods through (`executeStatement`, `beginTransaction`, ...).
 * README: https://github.com/jeremydaly/data-api-client.
 */
export const DATA_API_CLIENT_MODULE = 'data-api-client';

/** Operation ids by the wrapper client's normalised method names: its own and the SDK's it passes through. */
export const DATA_API_CLIENT_METHODS: ReadonlyMap<string, string> = new Map([...RDS_DATA_METHODS, ['query', 'rds:ExecuteStatement'], ['transaction', 'rds:BeginTransaction']]);

/** Operation ids by the methods of a transaction the wrapper began: chained statements, then the commit. */
export const DATA_API_TRANSACTION_METHODS: ReadonlyMap<string, string> = new Map([
  ['query', 'rds:ExecuteStatement'],
  ['commit', 'rds:CommitTransaction'],
]);
