/**
 * The Go clients the engine knows, by import path and type: the AWS SDK for Go v2 and v1 (its service
 * packages, their `*iface` interface packages and `rdsutils`), go-redis (`github.com/redis/go-redis/v9`,
 * `github.com/go-redis/redis/v8`), redigo (`goRedigo.ts`), rueidis and valkey-go (`goRueidis.ts`) and
 * guregu/dynamo (`goGuregu.ts`), and the DAX clients (`daxClients.ts`). Also the method spellings that only v1 has: `ScanWithContext`,
 * `ScanPages`, `ScanRequest`.
 */
import { RDS_DATA_GO_PACKAGE } from '../../rdsDataApi';
import { DAX_GO_FACTORIES, DAX_GO_PACKAGE, DAX_GO_TYPES } from '../../daxClients';
import { ClientKind, operationOfMethod } from '../../services';
import { Value } from '../values';
import { GLIDE_GO, glideGoImport, glideGoResult, glideGoType } from './goGlide';
import { isRedigoImport, REDIGO, redigoResult, redigoType } from './goRedigo';
import { GUREGU, gureguImport, gureguResult, gureguType } from './goGuregu';
import { isRueidisService, rueidisImport, rueidisResult, rueidisType } from './goRueidis';

/** What an import brings in: the service (`dynamodb`, `rds-auth`, `redis`) and the package's own name. */
export interface GoImport {
  service: string;
  name: string;
}

/** The DAX client packages (`daxClients.ts`), whose `*dax.Dax` is a DynamoDB client. */
const DAX = 'dax';
const SDK_V2 = /^github\.com\/aws\/aws-sdk-go-v2\/(?:service\/(dynamodb|rds|elasticache)|feature\/rds\/(auth))$/;
const SDK_V1 = /^github\.com\/aws\/aws-sdk-go\/service\/(dynamodb|rds|elasticache)(?:\/(dynamodbiface|rdsiface|elasticacheiface|rdsutils))?$/;
/** go-redis v9 lives under the redis organisation; v6 to v8 under go-redis. Every one is package `redis`. */
const GO_REDIS = /^github\.com\/(?:redis\/go-redis\/v9|go-redis\/redis(?:\/v[678])?)$/;

export function goImport(path: string): GoImport | undefined {
  if (path === RDS_DATA_GO_PACKAGE) {
    return { service: 'rds-data', name: 'rdsdata' };
  }
  const v2 = SDK_V2.exec(path);
  if (v2) {
    return v2[2] ? { service: 'rds-auth', name: 'auth' } : { service: v2[1], name: v2[1] };
  }
  const v1 = SDK_V1.exec(path);
  if (v1) {
    // `dynamodbiface` declares the client's interface type; `rdsutils` has BuildAuthToken.
    return { service: v1[2] === 'rdsutils' ? 'rds-auth' : v1[1], name: v1[2] ?? v1[1] };
  }
  if (GO_REDIS.test(path)) {
    return { service: 'redis', name: 'redis' };
  }
  if (DAX_GO_PACKAGE.test(path)) {
    return { service: DAX, name: 'dax' };
  }
  return isRedigoImport(path) ? { service: REDIGO, name: 'redis' } : (rueidisImport(path) ?? gureguImport(path) ?? glideGoImport(path));
}

/** Client type names per service: v2's `Client`, v1's struct (`DynamoDB`) and its interface (`DynamoDBAPI`). */
const SDK_CLIENT_TYPES: Record<string, readonly string[]> = {
  dynamodb: ['Client', 'DynamoDB', 'DynamoDBAPI'],
  rds: ['Client', 'RDS', 'RDSAPI'],
  elasticache: ['Client', 'ElastiCache', 'ElastiCacheAPI'],
  // The RDS Data API's v2 client (`rdsdata.NewFromConfig(cfg)`), whose service is the client kind.
  'rds-data': ['Client'],
};

/**
 * go-redis types whose commands go to the server one by one, and those that may queue them: a pipeline, and
 * `Cmdable`, the interface a client and a pipeline share, which code declares so as to take either.
 */
const REDIS_CLIENT_TYPES = new Set(['Client', 'ClusterClient', 'UniversalClient', 'Ring', 'Conn', 'Tx']);
const REDIS_PIPELINE_TYPES = new Set(['Pipeliner', 'Cmdable']);

/** `pkg.Type` as a client, where `pkg` brings in `service`. */
export function goClientType(service: string, type: string): Value | undefined {
  if (service === 'redis') {
    if (REDIS_PIPELINE_TYPES.has(type)) {
      return { t: 'client', kind: 'redis', flavor: 'go-redis', batched: true };
    }
    return REDIS_CLIENT_TYPES.has(type) ? { t: 'client', kind: 'redis', flavor: 'go-redis' } : undefined;
  }
  if (service === REDIGO) {
    return redigoType(type);
  }
  if (isRueidisService(service)) {
    return rueidisType(service, type);
  }
  if (service === GUREGU) {
    return gureguType(type);
  }
  if (service === DAX) {
    return DAX_GO_TYPES.includes(type) ? { t: 'client', kind: 'dynamodb' } : undefined;
  }
  if (service === GLIDE_GO) {
    return glideGoType(type);
  }
  return SDK_CLIENT_TYPES[service]?.includes(type) ? { t: 'client', kind: service as ClientKind } : undefined;
}

const REDIS_FACTORIES = new Set(['NewClient', 'NewClusterClient', 'NewUniversalClient', 'NewFailoverClient', 'NewFailoverClusterClient', 'NewRing']);
/** The options struct each factory takes, whose fields are the client's options. */
export const REDIS_OPTION_TYPES = new Set(['Options', 'ClusterOptions', 'UniversalOptions', 'FailoverOptions', 'RingOptions']);

/** What `pkg.Name(...)` makes: an SDK client (`dynamodb.New(sess)`, `dynamodb.NewFromConfig(cfg)`) or a go-redis client. */
export function goFactoryResult(service: string, name: string): Value | undefined {
  if (service === 'redis') {
    return REDIS_FACTORIES.has(name) ? { t: 'client', kind: 'redis', flavor: 'go-redis' } : undefined;
  }
  if (service === REDIGO) {
    return redigoResult(name);
  }
  if (isRueidisService(service)) {
    return rueidisResult(service, name);
  }
  if (service === GUREGU) {
    return gureguResult(name);
  }
  if (service === DAX) {
    return DAX_GO_FACTORIES.has(name) ? { t: 'client', kind: 'dynamodb' } : undefined;
  }
  if (service === GLIDE_GO) {
    return glideGoResult(name);
  }
  return (name === 'NewFromConfig' || name === 'New') && service in SDK_CLIENT_TYPES ? { t: 'client', kind: service as ClientKind } : undefined;
}

export function isGoRedisFactory(name: string): boolean {
  return REDIS_FACTORIES.has(name);
}

/** How a v1 method spelling performs its operation. */
export interface GoV1Method {
  operation: string;
  /** Sends the request now (not `ScanRequest`, which builds one to `Send()` later, nor a `Pages` method). */
  call: boolean;
  /** Reads every page. */
  paginated: boolean;
}

const V1_SUFFIX = /^(.+?)(Pages)?(Request)?(WithContext)?$/;

/**
 * `ScanWithContext` sends a Scan as `Scan` does. `ScanPages(input, fn)` and `QueryPages` call `fn` for each
 * page until it returns false or the pages run out (AWS SDK for Go v1 API reference, DynamoDB.ScanPages:
 * https://docs.aws.amazon.com/sdk-for-go/api/service/dynamodb/#DynamoDB.ScanPages), so they page through
 * the whole result. `ScanRequest` builds a request that is sent later: a hover, not a call.
 */
export function goV1Method(kind: ClientKind, method: string): GoV1Method | undefined {
  const match = V1_SUFFIX.exec(method);
  if (!match || (!match[2] && !match[3] && !match[4]) || (match[2] && match[3])) {
    return undefined;
  }
  const operation = operationOfMethod(kind, match[1]);
  if (!operation || operation.endsWith(':GenerateDbAuthToken')) {
    return undefined;
  }
  if (match[2]) {
    const readsPages = operation === 'dynamodb:Scan' || operation === 'dynamodb:Query';
    // BatchGetItemPages pages through unprocessed keys: a hover, and no pagination question.
    return readsPages || operation === 'dynamodb:BatchGetItem' ? { operation, call: false, paginated: readsPages } : undefined;
  }
  return { operation, call: !match[3], paginated: false };
}
