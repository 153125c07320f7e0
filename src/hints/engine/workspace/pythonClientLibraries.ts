/**
 * The Python client libraries the single-file analyzer makes clients with, as the workspace index looks for them
 * in a module's text before it reads the module: one list, so that the index's prefilters agree with the analyzer.
 * boto3 and its async and typed kin, redis-py (asyncio and cluster too), valkey-py, the DAX client (`amazondax`),
 * Valkey GLIDE (`glide`, `glide_sync`), and the SQL drivers whose connections a function opens
 * (`code/sqlConnections.ts`).
 */
import { callResult } from '../code/values';
import { isIdentifierPart, isIdentifierStart, skipSpace } from './moduleText';

const DOT = 46;

/**
 * Lower-case names each library's module contains, as a module that imports one writes it (`django_redis`, `redis.asyncio`, `glide_sync`),
 * and Flask-Caching, whose `Cache(config={'CACHE_TYPE': 'RedisCache'})` is a Redis cache (`code/flaskCaching.ts`);
 * and SQLAlchemy's engine makers by their own names, not the library's, which its models' files name too.
 */
export const PYTHON_LIBRARY_MENTIONS = ['boto', 'redis', 'valkey', 'amazondax', 'glide', 'psycopg', 'pymysql', 'asyncpg', 'aiomysql', 'mysql.connector', 'mariadb', 'pg8000', 'flask_caching', 'create_engine', 'create_async_engine'];

/** A file that names none of these makes no client and exports none: the libraries, and PynamoDB's models. */
export const PYTHON_LIBRARIES = new RegExp(`${PYTHON_LIBRARY_MENTIONS.join('|').replace(/\./g, '\\.')}|pynamodb`);

/**
 * Modules whose names a project module imports and may pass on (`from redis.asyncio import Redis`, `from glide import
 * GlideClient`): the AWS SDKs and their type stubs, the Redis and Valkey clients and the DAX client. A function or
 * class of the module that names one of them may make a client.
 */
export const PYTHON_CLIENT_LIBRARY =
  /^(?:boto3|aioboto3|botocore|aiobotocore|mypy_boto3_\w+|types_aiobotocore_\w+|redis|aioredis|valkey|amazondax|glide|glide_sync|glide_shared)(?:\.|\s|$)/;

/**
 * The names an import statement from `start` to `end` binds to a client library's client or client class (`Redis` of
 * `from redis import Redis`, `GlideClient`, `AmazonDaxClient`; not `Key` of `boto3.dynamodb.conditions` nor an
 * exception), and the alias of a library module (`dax` of `import amazondax as dax`), added to `names`; `word` is its
 * first word. A module imported under its own name (`import redis`) is named in full where it is used, and needs none.
 */
export function addLibraryNames(text: string, word: string, start: number, end: number, names: Set<string>): void {
  const at = skipSpace(text, start + word.length);
  let k = at;
  while (k < end && (isIdentifierPart(text.charCodeAt(k)) || text.charCodeAt(k) === DOT)) {
    k++;
  }
  const module = text.slice(at, k);
  if (!PYTHON_CLIENT_LIBRARY.test(module)) {
    return;
  }
  // `from m import a, b as c` (each name, then the local it binds), `import m as d`.
  let listed = false;
  let imported = '';
  let aliased = false;
  for (; k < end; k++) {
    if (!isIdentifierStart(text.charCodeAt(k))) {
      continue;
    }
    let after = k + 1;
    while (after < end && isIdentifierPart(text.charCodeAt(after))) {
      after++;
    }
    const name = text.slice(k, after);
    if (aliased) {
      addIf(names, name, word === 'import' || makesClient(module, imported));
    } else if (name === 'import') {
      listed = true;
    } else if (listed && name !== 'as' && word === 'from') {
      imported = name;
      addIf(names, name, makesClient(module, name));
    }
    aliased = name === 'as';
    k = after;
  }
}

function addIf(names: Set<string>, name: string, add: boolean): void {
  if (add) {
    names.add(name);
  }
}

/** Whether the analyzer reads the library's name as a client or as a class or function that makes one. */
function makesClient(module: string, name: string): boolean {
  return callResult({ t: 'ref', module, path: name }, name, undefined, true, true)?.t === 'client';
}
