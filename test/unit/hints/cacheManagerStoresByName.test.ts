/**
 * cache-manager's Redis stores handed over by name (`store: redisStore` beside `host`, `password`, `tls`): the
 * store opens a node-redis client with the whole object, so its password and TLS settings get the Redis rules.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const redisHints = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes(' redis-'));

describe('cache-manager Redis stores handed over by name', () => {
  it('NestJS CacheModule.register with the version 2 module: a password without TLS', () => {
    const code = sourceLines(
      "import { CacheModule } from '@nestjs/cache-manager';",
      "import * as redisStore from 'cache-manager-redis-store';",
      'export const cache = CacheModule.register({',
      '  store: redisStore,',
      '  host: process.env.CACHE_HOST,',
      '  password: process.env.CACHE_PASSWORD,',
      '  ttl: 600,',
      '});',
    );
    assert.deepEqual(redisHints('cache.ts', code), [
      '4:redisStore redis-tls',
      '6:password redis-password',
      '6:password redis-auth-without-tls',
      '6:password redis-auth-without-tls!',
    ]);
  });

  it('cache-manager caching() with a required store: TLS verification turned off', () => {
    const code = sourceLines(
      "const cacheManager = require('cache-manager');",
      "const redisStore = require('cache-manager-redis-store');",
      'module.exports = cacheManager.caching({',
      '  store: redisStore,',
      '  host: process.env.REDIS_HOST,',
      '  password: process.env.REDIS_PASSWORD,',
      '  tls: { rejectUnauthorized: false },',
      '});',
    );
    assert.deepEqual(redisHints('cache.js', code), ['6:password redis-password', '7:tls redis-tls', '7:rejectUnauthorized redis-tls', '7:rejectUnauthorized redis-tls!']);
  });

  it('traps: a memory store, a local of the same name, a store with no password', () => {
    const code = sourceLines(
      "import { CacheModule } from '@nestjs/cache-manager';",
      "import { redisStore } from 'cache-manager-redis-store';",
      "export const local = CacheModule.register({ store: redisStore, host: 'localhost', port: 6379 });",
      "export const memory = CacheModule.register({ store: 'memory', password: 'not-redis' });",
      'export function made(redisStore: unknown) {',
      "  return CacheModule.register({ store: redisStore, password: 'a-parameter-not-the-import' });",
      '}',
    );
    assert.deepEqual(redisHints('cache.ts', code), []);
  });
});
