/** The Redis client below cache-manager's Redis store types: `RedisCache.store.client`, `RedisStore.client`. */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const REDIS_RULES = ['redis-scan', 'redis-expire', 'redis-unlink', 'redis-keys'];

describe('cache-manager Redis store types', () => {
  it('reads the ioredis client of an injected RedisCache of cache-manager-ioredis-yet', () => {
    const code = sourceLines(
      "import { Inject, Injectable } from '@nestjs/common';",
      "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
      "import { RedisCache } from 'cache-manager-ioredis-yet';",
      '',
      '@Injectable()',
      'export class SessionCache {',
      '  constructor(@Inject(CACHE_MANAGER) private readonly sessions: RedisCache) {}',
      '  async put(id: string, body: string) {',
      '    await this.sessions.store.client.setex(id, 600, body);',
      '  }',
      '  async next(cursor: string) {',
      "    return this.sessions.store.client.scan(cursor, 'MATCH', 'session:*');",
      '  }',
      '  async drop(ids: string[]) {',
      '    await this.sessions.del(ids[0]);',
      '    await this.sessions.store.client.unlink(...ids);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('session.cache.ts', code, REDIS_RULES), ['12:scan redis-scan', '16:unlink redis-unlink', '9:setex redis-expire']);
  });

  it('reads the node-redis client of cache-manager-redis-yet and a RedisStore held by itself', () => {
    const code = sourceLines(
      "import type { RedisCache, RedisStore } from 'cache-manager-redis-yet';",
      '',
      'export class Reports {',
      '  constructor(private readonly cache: RedisCache, private readonly store: RedisStore) {}',
      '  all() {',
      "    return this.cache.store.client.keys('report:*');",
      '  }',
      '  some() {',
      "    return this.store.client.keys('draft:*');",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('reports.ts', code, REDIS_RULES), ['6:keys redis-keys', '6:keys redis-keys!', '9:keys redis-keys', '9:keys redis-keys!']);
  });

  it('stays silent on a plain cache-manager Cache and on the store members that are not its client', () => {
    const code = sourceLines(
      "import type { Cache } from 'cache-manager';",
      "import type { RedisCache } from 'cache-manager-redis-yet';",
      '',
      'export class Plain {',
      '  constructor(private readonly cache: Cache, private readonly typed: RedisCache) {}',
      '  names() {',
      "    return this.cache.store.client.keys('*');",
      '  }',
      '  own() {',
      "    return this.typed.store.keys('*');",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('plain.ts', code, REDIS_RULES), []);
  });
});
