/** NestJS's ioredis module passes on ioredis' client type: a service injected with it is an ioredis client. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('NestJS ioredis module', () => {
  it('reads `Redis` from @nestjs-modules/ioredis as ioredis, so KEYS and SET get their hovers and findings', () => {
    const code = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { InjectRedis, Redis } from '@nestjs-modules/ioredis';",
      '',
      '@Injectable()',
      'export class OnlineService {',
      '  constructor(@InjectRedis() private readonly redis: Redis) {}',
      '',
      '  async remember(token: string, user: string) {',
      "    await this.redis.set(`online:${token}`, user, 'EX', 1800);",
      '  }',
      '',
      '  async list() {',
      "    const keys = await this.redis.keys('online:*');",
      '    return keys.length ? this.redis.mget(keys) : [];',
      '  }',
      '}',
    );
    const hints = hintsIn('online.service.ts', code);
    assert.ok(hints.includes('13:keys redis-keys!'), hints.join('\n'));
    assert.ok(hints.includes('9:set redis-expire'), hints.join('\n'));
  });

  it('leaves a project class named Redis alone', () => {
    const code = sourceLines(
      "import { Redis } from './redis';",
      '',
      'export class Cache {',
      '  constructor(private readonly redis: Redis) {}',
      "  list() { return this.redis.keys('x:*'); }",
      '}',
    );
    assert.deepEqual(hintsIn('cache.ts', code), []);
  });
});
