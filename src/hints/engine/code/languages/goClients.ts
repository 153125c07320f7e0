/**
 * The Go clients the engine knows, by import path and type: the AWS SDK for Go v2 and v1 (its service
 * packages, their `*iface` interface packages and `rdsutils`), go-redis (`github.com/redis/go-redis/v9`,
 * `github.com/go-redis/redis/v8`), redigo (`goRedigo.ts`), rueidis and valkey-go (`goRueidis.ts`) and
 * guregu/dynamo (`goGuregu.ts`), and the DAX clients (`daxClients.ts`), each one `GoClientLibrary` (`goLibrary.ts`).
 * Also the method spellings that only v1 has: `ScanWithContext`, `ScanPages`, `ScanRequest`.
 */
import { RDS_DATA_GO_PACKAGE } from '../../rdsDataApi';
import { DAX_GO_FACTORIES, DAX_GO_PACKAGE, DAX_GO_TYPES } from '../../daxClients';
import { ClientKind, operationOfMethod } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { Value } from '../values';
import { GLIDE_LIBRARY } from './goGlide';
import { GoClientLibrary, GoImport } from './goLibrary';
import { REDIGO_LIBRARY } from './goRedigo';
import { goRedisFactoryCall } from './goRedis';
import { GUREGU_LIBRARY } from './goGuregu';
import { RUEIDIS_LIBRARY } from './goRueidis';

const SDK_V2 = /^github\.com\/aws\/aws-sdk-go-v2\/(?:service\/(dynamodb|rds|elasticache)|feature\/rds\/(auth))$/;
const SDK_V1 = /^github\.com\/aws\/aws-sdk-go\/service\/(dynamodb|rds|elasticache)(?:\/(dynamodbiface|rdsiface|elasticacheiface|rdsutils))?$/;

/** Client type names per service: v2's `Client`, v1's struct (`DynamoDB`) and its interface (`DynamoDBAPI`). */
const SDK_CLIENT_TYPES: Record<string, readonly string[]> = {
  dynamodb: ['Client', 'DynamoDB', 'DynamoDBAPI'],
  rds: ['Client', 'RDS', 'RDSAPI'],
  elasticache: ['Client', 'ElastiCache', 'ElastiCacheAPI'],
  // The RDS Data API's v2 client (`rdsdata.NewFromConfig(cfg)`), whose service is the client kind.
  'rds-data': ['Client'],
};

/** The AWS SDK for Go v2 and v1: service packages, v1's `*iface` interface packages and `rdsutils`, v2's `feature/rds/auth`. */
const AWS_SDK: GoClientLibrary = {
  services: [...Object.keys(SDK_CLIENT_TYPES), 'rds-auth'],
  importOf: (path) => {
    if (path === RDS_DATA_GO_PACKAGE) {
      return { service: 'rds-data', name: 'rdsdata' };
    }
    const v2 = SDK_V2.exec(path);
    if (v2) {
      return v2[2] ? { service: 'rds-auth', name: 'auth' } : { service: v2[1], name: v2[1] };
    }
    const v1 = SDK_V1.exec(path);
    // `dynamodbiface` declares the client's interface type; `rdsutils` has BuildAuthToken.
    return v1 ? { service: v1[2] === 'rdsutils' ? 'rds-auth' : v1[1], name: v1[2] ?? v1[1] } : undefined;
  },
  clientType: (type, service) => (SDK_CLIENT_TYPES[service]?.includes(type) ? { t: 'client', kind: service as ClientKind } : undefined),
  factoryResult: (name, service) => ((name === 'NewFromConfig' || name === 'New') && service in SDK_CLIENT_TYPES ? { t: 'client', kind: service as ClientKind } : undefined),
};

/** The DAX client packages (`daxClients.ts`), whose `*dax.Dax` is a DynamoDB client. */
const DAX: GoClientLibrary = {
  services: ['dax'],
  importOf: (path) => (DAX_GO_PACKAGE.test(path) ? { service: 'dax', name: 'dax' } : undefined),
  clientType: (type) => (DAX_GO_TYPES.includes(type) ? { t: 'client', kind: 'dynamodb' } : undefined),
  factoryResult: (name) => (DAX_GO_FACTORIES.has(name) ? { t: 'client', kind: 'dynamodb' } : undefined),
};

/**
 * go-redis v9 lives under the redis organisation; v6 to v8 under go-redis, and so did v9's betas (`v9.0.0-beta.2`
 * is `github.com/go-redis/redis/v9`, which projects still pin). Every one is package `redis`.
 */
const GO_REDIS_PATH = /^github\.com\/(?:redis\/go-redis\/v9|go-redis\/redis(?:\/v[6-9])?)$/;

/**
 * go-redis types whose commands go to the server one by one, and those that may queue them: a pipeline, and
 * `Cmdable`, the interface a client and a pipeline share, which code declares so as to take either.
 */
const REDIS_CLIENT_TYPES = new Set(['Client', 'ClusterClient', 'UniversalClient', 'Ring', 'Conn', 'Tx']);
const REDIS_PIPELINE_TYPES = new Set(['Pipeliner', 'Cmdable']);
const REDIS_FACTORIES = new Set(['NewClient', 'NewClusterClient', 'NewUniversalClient', 'NewFailoverClient', 'NewFailoverClusterClient', 'NewRing']);
/** The options struct each factory takes, whose fields are the client's options. */
export const REDIS_OPTION_TYPES = new Set(['Options', 'ClusterOptions', 'UniversalOptions', 'FailoverOptions', 'RingOptions']);

const GO_REDIS: GoClientLibrary = {
  services: ['redis'],
  importOf: (path) => (GO_REDIS_PATH.test(path) ? { service: 'redis', name: 'redis' } : undefined),
  clientType: (type) => {
    if (REDIS_PIPELINE_TYPES.has(type)) {
      return { t: 'client', kind: 'redis', flavor: 'go-redis', batched: true };
    }
    return REDIS_CLIENT_TYPES.has(type) ? { t: 'client', kind: 'redis', flavor: 'go-redis' } : undefined;
  },
  factoryResult: (name) => (REDIS_FACTORIES.has(name) ? { t: 'client', kind: 'redis', flavor: 'go-redis' } : undefined),
  packageCall: (a, nameIndex) => goRedisFactoryCall(a, nameIndex),
};

/**
 * The libraries by service, made on first use: the library modules import readers that import this module,
 * so while it loads some of their objects may not be defined yet.
 */
let libraries: { all: readonly GoClientLibrary[]; byService: ReadonlyMap<string, GoClientLibrary> } | undefined;

function known(): NonNullable<typeof libraries> {
  if (!libraries) {
    const all = [AWS_SDK, GO_REDIS, DAX, REDIGO_LIBRARY, RUEIDIS_LIBRARY, GUREGU_LIBRARY, GLIDE_LIBRARY];
    libraries = { all, byService: new Map(all.flatMap((library) => library.services.map((service) => [service, library] as const))) };
  }
  return libraries;
}

export function goImport(path: string): GoImport | undefined {
  for (const library of known().all) {
    const imported = library.importOf(path);
    if (imported) {
      return imported;
    }
  }
  return undefined;
}

/** `pkg.Type` as a client, where `pkg` brings in `service`. */
export function goClientType(service: string, type: string): Value | undefined {
  return known().byService.get(service)?.clientType(type, service);
}

/** What `pkg.Name(...)` makes: an SDK client (`dynamodb.New(sess)`, `dynamodb.NewFromConfig(cfg)`), a Redis client or connection. */
export function goFactoryResult(service: string, name: string): Value | undefined {
  return known().byService.get(service)?.factoryResult(name, service);
}

/** `pkg.Name(...)` on a package of `service`: read by its library when it reads its package calls; false otherwise. */
export function goPackageCall(a: CodeAnalyzer, service: string, nameIndex: number): boolean {
  const read = known().byService.get(service)?.packageCall;
  read?.(a, nameIndex);
  return read !== undefined;
}

/** A method call on a client whose library reads it itself (redigo, rueidis, guregu/dynamo); false for the others. */
export function goLibraryClientCall(a: CodeAnalyzer, nameIndex: number, client: Value | undefined, receiverStart: number): boolean {
  return client?.t === 'client' && known().all.some((library) => library.clientCall?.(a, nameIndex, client, receiverStart) === true);
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
