/**
 * A getter of another module that makes a node-redis client under an alias of the factory
 * (`import { createClient as createClientRedis } from 'redis'`, `const { createClient: makeRedis } =
 * require('redis')`), connects it and returns it: each call is a new connection, as with `createClient` itself
 * (`workspace/jsGetters.ts` keeps the getter, `code/handlerClients.ts` reads the alias as the factory).
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const redisHints = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => / redis-|client-per-request/.test(hint));

describe('workspace: Redis getters that call the factory under an alias', () => {
  const route = sourceLines(
    "import { NextResponse } from 'next/server';",
    "import { getRedisClient } from '../../utils/getRedisClient';",
    '',
    'export async function POST() {',
    '  const redis = await getRedisClient();',
    '  try {',
    "    const keys = await redis.keys('product:*');",
    '    if (keys.length > 0) {',
    '      await redis.del(keys);',
    '    }',
    '    return NextResponse.json({ cleared: keys.length });',
    '  } finally {',
    '    await redis.quit();',
    '  }',
    '}',
  );

  it('reads the client an ES or CommonJS alias makes on each call, and the commands sent on it', () => {
    const esGetter = sourceLines(
      "import { createClient as createClientRedis } from 'redis';",
      '',
      'export async function getRedisClient() {',
      "  const client = createClientRedis({ url: process.env['REDIS_URL'] });",
      "  client.on('error', () => {});",
      '  await client.connect();',
      '  return client;',
      '}',
    );
    // `export async function POST()` is a route handler (sixty-first session): the client it gets per call is made per request.
    const expected = ['5:getRedisClient client-per-request', '5:getRedisClient client-per-request!', '7:keys redis-keys', '7:keys redis-keys!', '9:del redis-unlink'];
    assert.deepEqual(redisHints({ 'app/utils/getRedisClient.ts': esGetter, 'app/api/clear/route.ts': route }, 'app/api/clear/route.ts'), expected);
    const cjsGetter = sourceLines(
      "const { createClient: makeRedis } = require('redis');",
      '',
      'async function getRedisClient() {',
      '  const client = makeRedis({ url: process.env.REDIS_URL });',
      '  await client.connect();',
      '  return client;',
      '}',
      '',
      'module.exports = { getRedisClient };',
    );
    assert.deepEqual(redisHints({ 'app/utils/getRedisClient.js': cjsGetter, 'app/api/clear/route.ts': route }, 'app/api/clear/route.ts'), expected);
  });

  it('says nothing of a per-call connection for a kept client, and nothing for another library aliased so', () => {
    const kept = sourceLines(
      "import { createClient as createClientRedis } from 'redis';",
      '',
      'let client: ReturnType<typeof createClientRedis> | undefined;',
      '',
      'export async function getRedisClient() {',
      '  if (!client) {',
      "    client = createClientRedis({ url: process.env['REDIS_URL'] });",
      '    await client.connect();',
      '  }',
      '  return client;',
      '}',
    );
    assert.deepEqual(redisHints({ 'app/utils/getRedisClient.ts': kept, 'app/api/clear/route.ts': route }, 'app/api/clear/route.ts'), ['7:keys redis-keys', '7:keys redis-keys!', '9:del redis-unlink']);
    const sanity = sourceLines(
      "import { createClient as createSanityClient } from '@sanity/client';",
      '',
      'export async function getRedisClient() {',
      "  const client = createSanityClient({ projectId: 'p1', dataset: 'production', useCdn: true });",
      '  return client;',
      '}',
    );
    assert.deepEqual(redisHints({ 'app/utils/getRedisClient.ts': sanity, 'app/api/clear/route.ts': route }, 'app/api/clear/route.ts'), []);
  });
});
