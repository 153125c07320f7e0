/**
 * NestJS and Express cache layers on Redis read across files (workspace mode): cache-manager's `Cache` injected with
 * `@Inject(CACHE_MANAGER)` where the project registers a Redis store and no other (`reset()` is FLUSHDB, `keys()`
 * KEYS, `del` DEL, `set` SET), and a wrapper's one-key read (`RedisService.get`) called once per element of a loop in
 * another file, through a NestJS-injected service or an instance of the imported class.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const REDIS_CACHE_MODULE = sourceLines(
  "import { Module } from '@nestjs/common';",
  "import { CacheModule } from '@nestjs/cache-manager';",
  "import { ConfigService } from '@nestjs/config';",
  "import * as redisStore from 'cache-manager-redis-store';",
  "import { CatalogCache } from './catalog.cache';",
  '',
  '@Module({',
  '  imports: [',
  '    CacheModule.registerAsync({',
  '      inject: [ConfigService],',
  '      useFactory: (config: ConfigService) => ({ store: redisStore, host: config.get("CACHE_HOST"), port: 6379, ttl: 120 }),',
  '    }),',
  '  ],',
  '  providers: [CatalogCache],',
  '  exports: [CatalogCache],',
  '})',
  'export class CatalogCacheModule {}',
);

const CATALOG_CACHE = sourceLines(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import { Cache } from 'cache-manager';",
  '',
  '@Injectable()',
  'export class CatalogCache {',
  '  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}',
  '',
  '  async remember(key: string, value: unknown): Promise<void> {',
  '    await this.cache.set(key, value, 300);',
  '  }',
  '',
  '  async forget(key: string): Promise<void> {',
  '    await this.cache.del(key);',
  '  }',
  '',
  '  async forgetAll(): Promise<void> {',
  '    const keys = await this.cache.keys();',
  '    await Promise.all(keys.map((key) => this.cache.del(key)));',
  '  }',
  '',
  '  async wipe(): Promise<void> {',
  '    await this.cache.reset();',
  '  }',
  '}',
);

describe('Cache layers on Redis across files', () => {
  it("reads cache-manager's Cache as the Redis store's commands where the workspace registers a Redis store", () => {
    const found = hintsOfFile({ 'src/catalog/catalog-cache.module.ts': REDIS_CACHE_MODULE, 'src/catalog/catalog.cache.ts': CATALOG_CACHE }, 'src/catalog/catalog.cache.ts');
    for (const hint of ['10:set redis-expire', '14:del redis-unlink', '18:keys redis-keys!', '23:reset redis-flush']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('leaves the Cache unknown beside a memory store, with no registration, or where only a test registers Redis', () => {
    const memory = sourceLines("import { Module } from '@nestjs/common';", "import { CacheModule } from '@nestjs/cache-manager';", '', '@Module({ imports: [CacheModule.register({ ttl: 5 })] })', 'export class LocalCacheModule {}');
    const testOnly = REDIS_CACHE_MODULE.replace('CatalogCacheModule', 'CatalogCacheTestModule');
    const workspaces: Record<string, string>[] = [
      { 'src/catalog/catalog-cache.module.ts': REDIS_CACHE_MODULE, 'src/local/local-cache.module.ts': memory, 'src/catalog/catalog.cache.ts': CATALOG_CACHE },
      { 'src/catalog/catalog.cache.ts': CATALOG_CACHE },
      { 'test/catalog-cache.module.ts': testOnly, 'src/catalog/catalog.cache.ts': CATALOG_CACHE },
    ];
    for (const files of workspaces) {
      assert.deepEqual(hintsOfFile(files, 'src/catalog/catalog.cache.ts'), [], Object.keys(files).join(', '));
    }
  });

  const REDIS_SERVICE = sourceLines(
    "import { Inject, Injectable } from '@nestjs/common';",
    "import Redis from 'ioredis';",
    '',
    '@Injectable()',
    'export class RedisService {',
    "  constructor(@Inject('REDIS') private readonly redis: Redis) {}",
    '',
    '  async read(key: string): Promise<string | null> {',
    '    return this.redis.get(key);',
    '  }',
    '',
    '  async write(key: string, value: string, seconds: number): Promise<void> {',
    "    await this.redis.set(key, value, 'EX', seconds);",
    '  }',
    '}',
  );

  it("reports a loop that waits on another file's one-key read helper per element, through an injected service", () => {
    const caller = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { RedisService } from '../redis/redis.service';",
      '',
      '@Injectable()',
      'export class BadgeService {',
      '  constructor(private readonly redisService: RedisService) {}',
      '',
      '  async badges(userIds: string[]): Promise<(string | null)[]> {',
      '    const found: (string | null)[] = [];',
      '    for (const id of userIds) {',
      '      found.push(await this.redisService.read(`badge:${id}`));',
      '    }',
      '    return found;',
      '  }',
      '',
      '  async refresh(userIds: string[]): Promise<void> {',
      '    for (const id of userIds) {',
      "      await this.redisService.write(`badge:${id}`, 'gold', 60);",
      '    }',
      '  }',
      '',
      '  async one(userId: string): Promise<string | null> {',
      '    return this.redisService.read(`badge:${userId}`);',
      '  }',
      '}',
    );
    const found = hintsOfFile({ 'src/redis/redis.service.ts': REDIS_SERVICE, 'src/badges/badge.service.ts': caller }, 'src/badges/badge.service.ts');
    assert.ok(found.includes('11:read redis-loop-round-trips!'), found.join('\n'));
    // A write per element computes or renders what it stores; a read outside a loop is one round trip.
    assert.deepEqual(
      found.filter((hint) => !hint.startsWith('11:')),
      [],
    );
  });

  it("stays silent on a loop over an imported helper's calls in a test, and when the helper reads in a loop of its own", () => {
    const batched = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export class Readings {',
      '  constructor(private readonly redis: Redis) {}',
      '',
      '  async all(keys: string[]): Promise<(string | null)[]> {',
      '    const pipeline = this.redis.pipeline();',
      '    keys.forEach((key) => pipeline.get(key));',
      '    return ((await pipeline.exec()) ?? []).map(([, value]) => value as string | null);',
      '  }',
      '}',
    );
    const caller = sourceLines(
      "import { Readings } from './readings';",
      '',
      'export async function report(readings: Readings, groups: string[][]): Promise<number> {',
      '  let total = 0;',
      '  for (const group of groups) {',
      '    total += (await readings.all(group)).length;',
      '  }',
      '  return total;',
      '}',
    );
    assert.deepEqual(hintsOfFile({ 'src/readings.ts': batched, 'src/report.ts': caller }, 'src/report.ts'), []);
    const spec = sourceLines(
      "import { RedisService } from '../src/redis/redis.service';",
      '',
      "it('reads each', async () => {",
      '  const service = new RedisService(fakeRedis());',
      "  for (const key of ['a', 'b']) {",
      '    expect(await service.read(key)).toBeNull();',
      '  }',
      '});',
    );
    assert.deepEqual(hintsOfFile({ 'src/redis/redis.service.ts': REDIS_SERVICE, 'test/redis.spec.ts': spec }, 'test/redis.spec.ts'), []);
  });
  it("reports a Python loop or comprehension over another module's one-key read method", () => {
    const cache = sourceLines(
      'import os',
      '',
      'import redis',
      '',
      '',
      'class SeatCache:',
      '    def __init__(self):',
      '        self.client = redis.Redis.from_url(os.environ["SEATS_REDIS_URL"])',
      '',
      '    def seat(self, seat_id):',
      '        return self.client.get(f"seat:{seat_id}")',
    );
    const views = sourceLines(
      'from seats.cache import SeatCache',
      '',
      'seats = SeatCache()',
      '',
      '',
      'def row(seat_ids):',
      '    return [seats.seat(seat_id) for seat_id in seat_ids]',
      '',
      '',
      'def first(seat_ids):',
      '    return seats.seat(seat_ids[0])',
    );
    const found = hintsOfFile({ 'seats/cache.py': cache, 'seats/views.py': views }, 'seats/views.py');
    assert.deepEqual(found, ['7:seat redis-loop-round-trips', '7:seat redis-loop-round-trips!']);
  });
});
