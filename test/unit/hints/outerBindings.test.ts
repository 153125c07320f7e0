/**
 * Names read in a function that another scope binds more than once, and names destructured from an
 * expression. A module-level variable set in `connect()` and emptied in `close()` reads in every other
 * function as the client its assignments agree on (same-file getters of it too), a test double made in its place
 * (`mockredis.mock_redis_client()`) aside; two kinds of client, or a client and something unknown, and it reads as nothing. `const { redis } = req` reads as `req.redis`, a
 * destructured member of a known value as that member, and everything else stays unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

const hints = (file: string, code: string): string[] => hintsInWorkspace(undefined, file, code);

/** The lines that get any hint. */
function lines(found: readonly string[]): number[] {
  return [...new Set(found.map((hint) => Number(hint.split(':')[0])))].sort((x, y) => x - y);
}

describe('a variable bound outside the function that reads it', () => {
  it('reads a module-level `let` set only in a connect function, through a same-file getter too, an emptying `null` aside', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      '',
      'let redisClient;',
      '',
      'const connectRedis = async () => {',
      '  redisClient = redis.createClient({ url: process.env.REDIS_URL });',
      '  await redisClient.connect();',
      '};',
      '',
      'const getRedisClient = () => {',
      "  if (!redisClient) throw new Error('Redis is not connected');",
      '  return redisClient;',
      '};',
      '',
      'const clearBooks = async () => {',
      "  const keys = await getRedisClient().keys('books:*');",
      '  await redisClient.flushDb();',
      '  return keys;',
      '};',
      '',
      'const closeRedis = async () => {',
      '  await redisClient.quit();',
      '  redisClient = null;',
      '};',
      '',
      'module.exports = { connectRedis, getRedisClient, clearBooks, closeRedis };',
    );
    const found = hints('src/config/redis.js', code);
    assert.ok(found.includes('16:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('17:flushDb redis-flush'), found.join('\n'));
  });

  it('reads a lazy singleton in TypeScript and Python, and a client that reads its own name as its fallback', () => {
    const typescript = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'let client: Redis | null = null;',
      '',
      'export function getClient(): Redis {',
      '  client ??= new Redis(process.env.REDIS_URL!);',
      '  return client;',
      '}',
      '',
      'export async function reset(): Promise<void> {',
      '  await client?.quit();',
      '  client = null;',
      '}',
      '',
      'export async function purge(): Promise<void> {',
      "  await getClient().keys('a:*');",
      "  await client!.keys('b:*');",
      '}',
    );
    assert.deepEqual(lines(hints('src/cache.ts', typescript)), [6, 16, 17]);
    const python = sourceLines(
      'import redis',
      '',
      '_client = None',
      '',
      '',
      'def get_client():',
      '    global _client',
      '    if _client is None:',
      '        _client = redis.Redis.from_url("redis://cache")',
      '    return _client',
      '',
      '',
      'def close():',
      '    global _client',
      '    _client = None',
      '',
      '',
      'def purge():',
      '    get_client().keys("a:*")',
    );
    assert.ok(hints('app/cache.py', python).includes('19:keys redis-keys!'));
  });

  it('reads nothing where the assignments disagree: two kinds of client, or a client and something unknown', () => {
    const code = sourceLines(
      "const { createClient } = require('redis');",
      "const Redis = require('ioredis');",
      '',
      'let both;',
      'let swapped = new Redis();',
      '',
      'function useNodeRedis() {',
      '  both = createClient();',
      '}',
      '',
      'function useIoredis() {',
      '  both = new Redis();',
      '}',
      '',
      'function useFake(fake) {',
      '  swapped = fake;',
      '}',
      '',
      'async function purge() {',
      "  await both.keys('a:*');",
      "  await swapped.keys('b:*');",
      '}',
    );
    assert.deepEqual(hints('src/cache.js', code), []);
  });

  it('sets aside a test double made where the real client could not connect', () => {
    const code = sourceLines(
      'import os',
      'import redis',
      'import mockredis',
      '',
      'try:',
      '    cache = redis.from_url(os.environ["REDIS_URL"])',
      '    cache.ping()',
      'except redis.ConnectionError:',
      '    cache = mockredis.mock_redis_client()',
      '',
      'def purge():',
      '    return cache.keys("session:*")',
    );
    assert.ok(hints('cache.py', code).includes('12:keys redis-keys!'), hints('cache.py', code).join('\n'));
    // Another client, or a value the code cannot tell, still leaves the name unknown.
    const other = code.replace('mockredis.mock_redis_client()', 'make_cache()');
    assert.ok(!hints('cache.py', other).some((hint) => hint.startsWith('12:')), hints('cache.py', other).join('\n'));
  });

  it('still reads a variable in its own function as its last assignment before the use', () => {
    const code = sourceLines(
      "const Redis = require('ioredis');",
      '',
      'async function purge(options) {',
      '  let client = new Redis();',
      "  await client.keys('a:*');",
      '  client = options.client;',
      "  await client.keys('b:*');",
      '}',
    );
    assert.deepEqual(lines(hints('src/purge.js', code)), [5]);
  });
});

describe('names destructured from an expression', () => {
  const MIDDLEWARE = sourceLines(
    "const Redis = require('ioredis');",
    '',
    'const client = new Redis(process.env.REDIS_URL);',
    '',
    'module.exports = (req, res, next) => {',
    '  req.redis = client;',
    '  req.redisClient = client;',
    '  req.settings = { ttl: 60 };',
    '  next();',
    '};',
  );

  it('reads `const { redis } = req` and `const { redisClient: cache } = req` in a handler as the client middleware hangs there', () => {
    const handler = sourceLines(
      'exports.purge = async (req, res) => {',
      '  const { redis } = req;',
      '  const { redisClient: cache, settings } = req;',
      "  await redis.keys('a:*');",
      "  await cache.keys('b:*');",
      "  await settings.keys('c:*');",
      '  res.sendStatus(204);',
      '};',
    );
    const files = { 'src/middleware/redis.js': MIDDLEWARE, 'src/routes/purge.js': handler };
    assert.deepEqual(lines(hintsInWorkspace(workspaceOf(files), 'src/routes/purge.js', handler)), [4, 5]);
    assert.deepEqual(hintsInWorkspace(undefined, 'src/routes/purge.js', handler), [], 'without the workspace nothing is hung');
  });

  it('reads a member of a known value: a class’s field, a module namespace’s client, a library’s class; a default changes nothing', () => {
    const files = {
      'src/lib/clients.ts': "import Redis from 'ioredis';\n\nexport const cache = new Redis();\n",
      'src/store.ts': sourceLines(
        "import * as lib from './lib/clients';",
        "import Redis from 'ioredis';",
        "import AWS from 'aws-sdk';",
        '',
        'export class Store {',
        '  private redis = new Redis();',
        '',
        '  async purge(): Promise<void> {',
        '    const { redis } = this;',
        "    await redis.keys('a:*');",
        '    const { cache: shared = null } = lib;',
        "    await shared.keys('b:*');",
        '    const { DocumentClient } = AWS.DynamoDB;',
        "    await new DocumentClient().scan({ TableName: 't' }).promise();",
        '  }',
        '}',
      ),
    };
    const found = hintsInWorkspace(workspaceOf(files), 'src/store.ts', files['src/store.ts']);
    for (const expected of ['10:keys redis-keys!', '12:keys redis-keys!', '14:scan dynamodb-scan!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('leaves unknown what it cannot tell: a parameter, a Map, a function that is no request handler, an array pattern, an expression it cannot read to its end', () => {
    const code = sourceLines(
      "const Redis = require('ioredis');",
      'const shared = { redis: new Redis() };',
      '',
      'function purge(deps) {',
      '  const { redis } = deps;',
      "  redis.keys('a:*');",
      '  const { keys } = new Map();',
      "  keys('b:*');",
      '  const [first] = [new Redis()];',
      "  first.keys('c:*');",
      '  const { redis: other } = deps || shared;',
      "  other.keys('d:*');",
      '}',
      '',
      'function job(req) {',
      '  const { redis } = req;',
      "  return redis.keys('e:*');",
      '}',
    );
    const files = { 'src/middleware/redis.js': MIDDLEWARE, 'src/jobs/purge.js': code };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/jobs/purge.js', code), []);
  });
});
