/**
 * A module's own singleton (`export const redisConnection = new RedisConnection()`, `module.exports = new
 * Cache()`): the members of its class that hold or give a client reach the files that import it. Traps: no
 * workspace, a member that holds no client, a singleton whose binding is reassigned, a test double.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const CONNECTION = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'class RedisConnection {',
  '  private redis: Redis;',
  "  private tag = 'redis';",
  '',
  '  connect() {',
  '    this.redis = new Redis({ host: process.env.REDIS_HOST });',
  '  }',
  '',
  '  get command() {',
  '    return this.redis;',
  '  }',
  '}',
  '',
  'export const redisConnection = new RedisConnection();',
);

const REPOSITORY = sourceLines(
  "import { redisConnection } from '../common/redis-access';",
  '',
  'export async function dropRecent(pattern: string) {',
  '  redisConnection.connect();',
  '  const keys = await redisConnection.command.keys(pattern);',
  "  await redisConnection.tag.keys('x');",
  '  return keys;',
  '}',
);

describe('workspace: the client members of a module\'s exported singleton', () => {
  it('reads a getter of an exported instance in the importing file, and nothing without the workspace', () => {
    const files = { 'src/common/redis-access.ts': CONNECTION, 'src/repository/feed.repository.ts': REPOSITORY };
    assert.deepEqual(hints(files, 'src/repository/feed.repository.ts'), ['5:keys redis-keys', '5:keys redis-keys!']);
    assert.deepEqual(hints(files, 'src/repository/feed.repository.ts', null), []);
  });

  it('reads a CommonJS singleton whose constructor sets the client', () => {
    const cache = sourceLines("const Redis = require('ioredis');", 'class Cache {', '  constructor() {', '    this.client = new Redis(process.env.REDIS_URL);', '  }', '}', 'module.exports = new Cache();');
    const user = sourceLines("const cache = require('./cache');", 'exports.clear = async () => {', "  const keys = await cache.client.keys('session:*');", '  return keys.length;', '};');
    assert.deepEqual(hints({ 'lib/cache.js': cache, 'lib/sessions.js': user }, 'lib/sessions.js'), ['3:keys redis-keys', '3:keys redis-keys!']);
  });

  it('stays silent for a singleton bound with let and reassigned, and for one under __mocks__', () => {
    const reassigned = CONNECTION.replace('export const redisConnection = new RedisConnection();', 'export let redisConnection = new RedisConnection();\nexport function reset() {\n  redisConnection = new RedisConnection();\n}');
    assert.deepEqual(hints({ 'src/common/redis-access.ts': reassigned, 'src/repository/feed.repository.ts': REPOSITORY }, 'src/repository/feed.repository.ts'), []);
    const mocked = REPOSITORY.replace("'../common/redis-access'", "'../__mocks__/redis-access'");
    assert.deepEqual(hints({ 'src/__mocks__/redis-access.ts': CONNECTION, 'src/repository/feed.repository.ts': mocked }, 'src/repository/feed.repository.ts'), []);
  });
});
