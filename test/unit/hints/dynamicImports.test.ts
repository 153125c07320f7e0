/**
 * ES modules' dynamic imports bind names as `require` does: `const { default: Redis } = await import('ioredis')`
 * in a Lambda's lazy connect, `const { DynamoDBClient, ScanCommand } = await import('@aws-sdk/client-dynamodb')`.
 * What stays silent: a name the import does not bind, a specifier the code computes, a parameter that shadows
 * the name, and an import whose promise is not awaited into a declaration.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('dynamic imports of the client libraries', () => {
  it('reads clients made from names a dynamic import binds, in a lazy connect and in a handler', () => {
    const found = hintsIn(
      'src/handlers/purge.mjs',
      sourceLines(
        'let redis;',
        '',
        'async function connect() {',
        "  const { default: Redis } = await import('ioredis');",
        '  redis = new Redis(process.env.REDIS_URL);',
        '}',
        '',
        'export async function handler() {',
        '  if (!redis) await connect();',
        "  const { DynamoDBClient, ScanCommand: Scan } = await import('@aws-sdk/client-dynamodb');",
        '  const ddb = new DynamoDBClient({});',
        "  const stale = await ddb.send(new Scan({ TableName: process.env.TABLE }));",
        "  await redis.keys('session:*');",
        '  return stale.Items;',
        '}',
      ),
    );
    assert.ok(found.includes('13:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('12:Scan dynamodb-scan!'), found.join('\n'));
  });

  it('stays silent for names it does not bind, computed specifiers, shadowing parameters and unawaited promises', () => {
    const found = hintsIn(
      'src/handlers/other.mjs',
      sourceLines(
        "const library = process.env.CACHE_LIBRARY ?? 'ioredis';",
        '',
        'export async function computed() {',
        '  const { default: Cache } = await import(library);',
        "  return new Cache().keys('*');",
        '}',
        '',
        'export async function local() {',
        "  const { keys } = await import('./helpers.mjs');",
        "  return keys('*');",
        '}',
        '',
        'export function shadowed(Redis) {',
        "  return new Redis().keys('*');",
        '}',
        '',
        'export function later() {',
        "  return import('ioredis').then((mod) => mod);",
        '}',
        '',
        'export async function first() {',
        "  const { default: Redis } = await import('ioredis');",
        '  return Redis;',
        '}',
      ),
    );
    assert.deepEqual(found, []);
  });
});
