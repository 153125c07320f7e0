/**
 * node-redis 2 and 3 promisified with bluebird: `promisifyAll` adds every client method again with the
 * `Async` suffix, so `client.keysAsync('*')` sends KEYS and gets the Redis hovers and findings. Only a
 * node-redis client's method whose stem is a Redis command counts.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('node-redis methods promisified with bluebird', () => {
  it('reads keysAsync, delAsync in a loop, setAsync then expireAsync and flushallAsync as the commands they send', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      "const bluebird = require('bluebird');",
      '',
      'bluebird.promisifyAll(redis.RedisClient.prototype);',
      'bluebird.promisifyAll(redis.Multi.prototype);',
      '',
      'const createRedisClient = () => {',
      '  const client = redis.createClient(6379, process.env.CACHE_HOST, { no_ready_check: true });',
      "  client.on('error', (err) => console.log(`redis error: ${err}`));",
      '  return client;',
      '};',
      '',
      'const cache = createRedisClient();',
      '',
      'module.exports.purgeSessions = async (event) => {',
      "  const keys = await cache.keysAsync(`session:${event.userId}:*`);",
      '  for (const key of keys) {',
      '    await cache.delAsync(key);',
      '  }',
      "  await cache.setAsync('purged-at', Date.now());",
      "  await cache.expireAsync('purged-at', 60);",
      '  await cache.flushallAsync();',
      "  return cache.getAsync('purged-at');",
      '};',
    );
    const found = hintsIn('handler.js', code);
    for (const hint of [
      '16:keysAsync redis-keys!',
      '18:delAsync redis-loop-round-trips!',
      '20:setAsync redis-expire!',
      '22:flushallAsync redis-flush!',
    ]) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('stays silent on Async methods of an ioredis client, of other objects, and on a stem that is no command, not on the node-redis client beside them', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { createClient } from 'redis';",
      "import bluebird from 'bluebird';",
      "import * as fs from 'fs';",
      '',
      'bluebird.promisifyAll(Redis.prototype);',
      'bluebird.promisifyAll(fs);',
      '',
      'const io = new Redis(process.env.REDIS_URL);',
      'const legacy = createClient({ url: process.env.REDIS_URL });',
      'const store = { keysAsync: async (pattern: string) => [pattern] };',
      '',
      'export async function listing(pattern: string) {',
      '  const fromIo = await (io as any).keysAsync(pattern);',
      '  const fromStore = await store.keysAsync(pattern);',
      "  const text = await (fs as any).readFileAsync('/tmp/x');",
      "  (legacy as any).onAsync('ready');",
      '  return [fromIo, fromStore, text];',
      '}',
    );
    const found = hintsIn('listing.ts', code);
    assert.ok(!found.some((hint) => /^1[4-7]:/.test(hint)), found.join('\n'));
  });
});
