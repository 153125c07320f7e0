/**
 * NestJS injection by token: a constructor parameter `@Inject('REDIS_CLIENT') private redis: any` holds the
 * client that the token's providers (`{ provide, useFactory | useValue }`) make, in the same file or, in
 * workspace mode, in another. Traps: no provider in sight, providers that disagree, a test's mock provider,
 * another token, a parameter typed with another client.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

const REDIS_MODULE = sourceLines(
  "import { Global, Module } from '@nestjs/common';",
  "import Redis from 'ioredis';",
  '',
  '@Global()',
  '@Module({',
  '  providers: [',
  '    {',
  "      provide: 'REDIS_CLIENT',",
  '      useFactory: () => new Redis(process.env.REDIS_URL),',
  '    },',
  '  ],',
  "  exports: ['REDIS_CLIENT'],",
  '})',
  'export class RedisModule {}',
);

function cacheService(token: string, type = 'any'): string {
  return sourceLines(
    "import { Inject, Injectable } from '@nestjs/common';",
    '',
    '@Injectable()',
    'export class CacheService {',
    `  constructor(@Inject(${token}) private readonly redis: ${type}) {}`,
    '',
    '  async clear(prefix: string) {',
    '    const keys = await this.redis.keys(`${prefix}:*`);',
    '    return keys.length;',
    '  }',
    '}',
  );
}

const KEYS = ['8:keys redis-keys', '8:keys redis-keys!'];

describe('NestJS parameters injected by token', () => {
  it('reads the client a provider of another file makes, and nothing without the workspace', () => {
    const files = { 'src/redis/redis.module.ts': REDIS_MODULE, 'src/cache/cache.service.ts': cacheService("'REDIS_CLIENT'") };
    assert.deepEqual(hints(files, 'src/cache/cache.service.ts'), KEYS);
    assert.deepEqual(hints(files, 'src/cache/cache.service.ts', null), []);
  });

  it('reads untyped parameters, interfaces, constant tokens and async factories that return a connected client', () => {
    const provider = sourceLines(
      "import { createClient } from 'redis';",
      "export const REDIS = Symbol('REDIS');",
      'export const redisProvider = {',
      '  provide: REDIS,',
      '  useFactory: async () => {',
      '    const client = createClient({ url: process.env.REDIS_URL });',
      '    await client.connect();',
      '    return client;',
      '  },',
      '};',
    );
    const service = cacheService('REDIS', 'CacheStore').replace("'@nestjs/common';", "'@nestjs/common';\nimport { REDIS } from './redis.provider';");
    const files = { 'src/cache/redis.provider.ts': provider, 'src/cache/cache.service.ts': service };
    assert.deepEqual(hints(files, 'src/cache/cache.service.ts'), ['9:keys redis-keys', '9:keys redis-keys!']);
    const untyped = service.replace('private readonly redis: CacheStore', 'private readonly redis');
    assert.deepEqual(hints({ ...files, 'src/cache/cache.service.ts': untyped }, 'src/cache/cache.service.ts'), ['9:keys redis-keys', '9:keys redis-keys!']);
  });

  it('reads a provider of the same file without the workspace, and a useValue client', () => {
    const file = sourceLines(
      "import Redis from 'ioredis';",
      'const client = new Redis();',
      "export const providers = [{ provide: 'CACHE', useValue: client }];",
      cacheService("'CACHE'"),
    );
    assert.deepEqual(hints({ 'src/cache.ts': file }, 'src/cache.ts', null), ['11:keys redis-keys', '11:keys redis-keys!']);
  });

  it('stays silent for another token, providers that disagree, a mock in a test file, and another declared client', () => {
    const other = { 'src/redis/redis.module.ts': REDIS_MODULE, 'src/cache/cache.service.ts': cacheService("'CACHE_STORE'") };
    assert.deepEqual(hints(other, 'src/cache/cache.service.ts'), []);
    const mocked = sourceLines("const redisMock = { keys: jest.fn() };", "export const testProviders = [{ provide: 'REDIS_CLIENT', useValue: redisMock }];");
    const memory = sourceLines("export const memoryProviders = [{ provide: 'REDIS_CLIENT', useValue: new Map() }];");
    const disagree = { 'src/redis/redis.module.ts': REDIS_MODULE, 'src/cache/cache.service.ts': cacheService("'REDIS_CLIENT'"), 'src/redis/memory.ts': memory };
    assert.deepEqual(hints(disagree, 'src/cache/cache.service.ts'), []);
    // A test's mock provider is not what the application runs with.
    const inTests = { 'src/redis/redis.module.ts': REDIS_MODULE, 'src/cache/cache.service.ts': cacheService("'REDIS_CLIENT'"), 'src/cache/cache.service.spec.ts': mocked, 'src/__mocks__/redis.ts': mocked };
    assert.deepEqual(hints(inTests, 'src/cache/cache.service.ts'), KEYS);
    const documents = cacheService("'REDIS_CLIENT'", 'DynamoDBDocumentClient').replace("'@nestjs/common';", "'@nestjs/common';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';");
    assert.deepEqual(hints({ 'src/redis/redis.module.ts': REDIS_MODULE, 'src/cache/cache.service.ts': documents }, 'src/cache/cache.service.ts'), []);
  });
});
