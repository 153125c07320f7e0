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

describe('node-redis commands promisified one by one with util.promisify', () => {
  it('reads a bound command at module level, in a function, in a class method and through util.promisify', () => {
    const code = sourceLines(
      "const { promisify } = require('util');",
      "const util = require('node:util');",
      "const redis = require('redis');",
      '',
      'const client = redis.createClient(process.env.REDIS_URL);',
      'const keysAsync = promisify(client.keys).bind(client);',
      'const delAsync = util.promisify(client.del.bind(client));',
      '',
      'async function purge(prefix) {',
      '  const keys = await keysAsync(`${prefix}:*`);',
      '  for (const key of keys) {',
      '    await delAsync(key);',
      '  }',
      '}',
      '',
      'class Reminders {',
      '  constructor() {',
      '    this.client = redis.createClient();',
      '  }',
      '  async all() {',
      '    const scanAll = promisify(this.client.keys).bind(this.client);',
      "    return scanAll('reminder:*');",
      '  }',
      '}',
      'module.exports = { purge, Reminders };',
    );
    const found = hintsIn('cache.js', code);
    for (const hint of ['10:keysAsync redis-keys!', '12:delAsync redis-loop-round-trips!', '22:scanAll redis-keys!']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('stays silent on an unbound method, a client it cannot see, other libraries, another promisify and a shadowing name', () => {
    const code = sourceLines(
      "import { promisify } from 'util';",
      "import { promisify as bluebirdPromisify } from 'bluebird';",
      "import * as fs from 'fs';",
      "import redis from 'redis';",
      '',
      'const client = redis.createClient();',
      'const unbound = promisify(client.keys);',
      'const readdir = promisify(fs.readdir).bind(fs);',
      'const viaBluebird = bluebirdPromisify(client.keys).bind(client);',
      'const keysAsync = promisify(client.keys).bind(client);',
      '',
      'export async function listing(pattern: string, other: any) {',
      '  const given = promisify(other.keys).bind(other);',
      '  await unbound(pattern);',
      "  await readdir('/tmp');",
      '  await viaBluebird(pattern);',
      '  return given(pattern);',
      '}',
      'export function shadowed(keysAsync: (p: string) => Promise<string[]>) {',
      "  return keysAsync('*');",
      '}',
      'export async function replaced() {',
      "  const keysAsync = async (p: string) => [p];",
      "  return keysAsync('*');",
      '}',
    );
    const found = hintsIn('listing.ts', code);
    assert.deepEqual(found, []);
  });
});
