/**
 * TypeScript type annotations read as values: a client type (`DynamoDBDocumentClient`, `Redis`, `typeof
 * AWS.DynamoDB.DocumentClient`), a CDK construct class or interface, a class, interface or alias of the file, or a
 * class of another workspace file; what `javascript.ts` binds an annotated name, parameter or field to.
 */
import { isIoredisModule, isRedisManager, JS_FACTORIES, JS_MODULES } from '../../services';
import { IOREDIS_BATCH_TYPES, JS_REDIS_TYPES } from '../../redisLibraries';
import type { CodeAnalyzer } from '../analyzer';
import { projectType } from '../projectImports';
import { cdkAnnotationType, Value } from '../values';
import { ormType } from './ormObjects';
import { MAX_ALIAS_DEPTH, typeAliasOf } from './jsTypeAliases';
import { fastifyRedisType } from '../fastifyRedis';
import { cacheStoreType } from '../cacheManagerStoreTypes';
import { queueInstance } from '../queueClients';
import { cacheManagerCacheType } from '../cacheManagerCaches';
import { frameworkType } from '../requestClients';
import { GLIDE_NODE_MODULE, glideResult } from '../glide';

/**
 * A type annotation as a value: a client type (`DynamoDBDocumentClient`, `Redis`, `RedisClientType`), a CDK
 * construct class or interface (`dynamodb.ITable` stands for a `Table`), or a class or interface of the
 * same file (`props: DatabaseStackProps`), whose members are read through it.
 */
export function typeValue(a: CodeAnalyzer, start: number, depth = 0): Value | undefined {
  if (a.idIs(start, 'typeof')) {
    return typeofImport(a, start + 1);
  }
  const name = a.id(start);
  const imported = name ? a.imports.get(name) : undefined;
  if (!imported) {
    const declared = name && !a.is(start + 1, '.') ? a.scopes.classNamed(name) : -1;
    if (declared > 0) {
      return { t: 'instance', classScope: declared };
    }
    // `type LocalRedis = Redis`: the type it names, through aliases of aliases as far as real code goes.
    const aliased = name && !a.is(start + 1, '.') && depth < MAX_ALIAS_DEPTH ? typeAliasOf(a, name) : undefined;
    return aliased === undefined ? undefined : typeValue(a, aliased, depth + 1);
  }
  const services = JS_MODULES[imported.module];
  if (!services) {
    return fastifyRedisType(imported.module, imported.path) ?? cacheStoreType(imported.module, imported.path) ?? queueInstance(imported.module, imported.path) ?? cacheManagerCacheType(a, imported.module, imported.path) ?? frameworkType(a, start, imported) ?? constructType(a, start, imported);
  }
  if (imported.module === GLIDE_NODE_MODULE) {
    return glideResult(imported.module, imported.path, false);
  }
  if (services.includes('redis')) {
    const ioredis = isIoredisModule(imported.module);
    if (ioredis && IOREDIS_BATCH_TYPES.has(imported.path)) {
      return { t: 'client', kind: 'redis', flavor: 'ioredis', batched: true };
    }
    // ioredis 4 exports its class as the whole module (`export =`): a namespace import named alone is that class
    // (`class RedisService extends IORedis` after `import * as IORedis from 'ioredis'`).
    const wholeClass = ioredis && imported.path === '' && !a.is(start + 1, '.');
    return wholeClass || JS_REDIS_TYPES.has(imported.path) ? { t: 'client', kind: 'redis', flavor: ioredis ? 'ioredis' : 'node-redis' } : undefined;
  }
  // The whole qualified name: `DynamoDB.DocumentClient` is the document client, not the `DynamoDB` it is read from.
  const kind = JS_FACTORIES[qualifiedPath(a, start, imported.path)];
  return kind ? { t: 'client', kind } : undefined;
}

/**
 * `typeof AWS.DynamoDB.DocumentClient`, `typeof Redis`: the class an SDK or Redis module exports, as
 * an export typed so holds it whatever its initializer (`export const DocumentClient: typeof AWS.DynamoDB.DocumentClient
 * = xAWS.DynamoDB.DocumentClient`, the SDK as AWS X-Ray's `captureAWS` hands it back). Other modules' names stay unknown.
 */
function typeofImport(a: CodeAnalyzer, start: number): Value | undefined {
  const name = a.id(start);
  const imported = name ? a.imports.get(name) : undefined;
  if (!imported || !JS_MODULES[imported.module]) {
    return undefined;
  }
  return { t: 'ref', module: imported.module, path: qualifiedPath(a, start, imported.path) };
}

/** The import path of a type written `Name.Member.Member` from its first name, with each member added. */
export function qualifiedPath(a: CodeAnalyzer, start: number, path: string): string {
  let k = start;
  while (a.is(k + 1, '.') && a.isId(k + 2)) {
    path = path ? `${path}.${a.tokens.text(k + 2)}` : a.tokens.text(k + 2);
    k += 2;
  }
  return path;
}

/**
 * `dynamodb.Table`, `rds.IDatabaseCluster`, `aws_dynamodb.ITable`: a construct of the class (an interface stands
 * for its class); not props or enums read as types. A class or interface of another workspace file (`tables:
 * NotesTables`): what that file declares; a NestJS Redis module's client service; an instance of a workspace class
 * whose members hand out clients (`redisService: RedisService`). A dynamoose model's type (`Model<User, UserKey>`):
 * a model (`ormObjects.ts`).
 */
function constructType(a: CodeAnalyzer, start: number, imported: { module: string; path: string }): Value | undefined {
  const path = qualifiedPath(a, start, imported.path);
  if (isRedisManager(imported.module, path)) {
    // A NestJS Redis module's service (`redisService: RedisService`): its methods hand out clients (`values.ts`).
    return { t: 'ref', module: imported.module, path };
  }
  return cdkAnnotationType(imported.module, path) ?? projectType(a, imported.module, path) ?? ormType(imported.module, path);
}
