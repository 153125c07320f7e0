/**
 * JavaScript and TypeScript, workspace mode: an instance of a class another module declares, reached as NestJS
 * injects it (a constructor parameter typed with the class), or made with `new`, with the clients its methods
 * return and its client fields (`this.redisService.getClient().keys(...)`, `this.dynamo.client.send(...)`). Also
 * the NestJS Redis modules' own services (`RedisService.getOrThrow()` of @liaoliaots/nestjs-redis). Then what stays
 * silent: a method that returns no client, a class of a test double module, and the same files without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const REDIS_SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import Redis from 'ioredis';",
  '',
  '@Injectable()',
  'export class RedisService {',
  '  private readonly client: Redis;',
  '',
  '  constructor() {',
  "    this.client = new Redis({ host: process.env.REDIS_HOST, port: 6379 });",
  '  }',
  '',
  '  getClient(): Redis {',
  '    return this.client;',
  '  }',
  '',
  '  prefix(): string {',
  "    return 'cache:';",
  '  }',
  '}',
);

const DYNAMO_SERVICE = sourceLines(
  "import { DynamoDB } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';",
  '',
  'export class DynamoService {',
  '  private readonly doc = DynamoDBDocument.from(new DynamoDB({}));',
  '',
  '  get client() {',
  '    return this.doc;',
  '  }',
  '',
  '  documentClient() {',
  '    return this.doc;',
  '  }',
  '}',
);

describe('JavaScript and TypeScript: instances of a class another workspace module declares', () => {
  it('reads what a method of an injected service returns, in a field and called directly', () => {
    const cache = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { RedisService } from '../redis/redis.service';",
      '',
      '@Injectable()',
      'export class CacheService {',
      '  private readonly redis = this.redisService.getClient();',
      '',
      '  constructor(private readonly redisService: RedisService) {}',
      '',
      '  async invalidate(prefix: string) {',
      '    const keys = await this.redis.keys(`${prefix}*`);',
      '    return keys.length;',
      '  }',
      '',
      '  async count(prefix: string) {',
      '    return (await this.redisService.getClient().keys(`${prefix}*`)).length;',
      '  }',
      '}',
    );
    const files = { 'src/redis/redis.service.ts': REDIS_SERVICE, 'src/cache/cache.service.ts': cache };
    const found = hintsInWorkspace(workspaceOf(files), 'src/cache/cache.service.ts', cache);
    assert.deepEqual(findingsOf(found), ['11:keys redis-keys!', '16:keys redis-keys!'], found.join('\n'));
    // Alone, the service's class is not known here.
    assert.deepEqual(findingsOf(hintsInWorkspace(undefined, 'src/cache/cache.service.ts', cache)), []);
  });

  it('reads a getter and a method of a repository\'s injected service, and an instance made with `new` in plain JavaScript', () => {
    const repository = sourceLines(
      "import { DynamoService } from '../db/dynamo.service';",
      '',
      '',
      'export class OrdersRepository {',
      '  constructor(private readonly dynamo: DynamoService) {}',
      '',
      '  async all() {',
      "    const out = await this.dynamo.documentClient().scan({ TableName: 'orders' });",
      '    return out.Items;',
      '  }',
      '',
      '  async again() {',
      "    return (await this.dynamo.client.scan({ TableName: 'orders' })).Items;",
      '  }',
      '}',
    );
    const sweeper = sourceLines(
      "const { RedisService } = require('../redis/redis.service');",
      '',
      'const service = new RedisService();',
      '',
      'async function sweep(prefix) {',
      "  return service.getClient().keys(prefix + '*');",
      '}',
      '',
      'module.exports = { sweep };',
    );
    const files = { 'src/db/dynamo.service.ts': DYNAMO_SERVICE, 'src/redis/redis.service.ts': REDIS_SERVICE, 'src/orders/orders.repository.ts': repository, 'src/jobs/sweep.js': sweeper };
    const model = workspaceOf(files);
    const found = hintsInWorkspace(model, 'src/orders/orders.repository.ts', repository);
    assert.deepEqual(findingsOf(found), ['13:scan dynamodb-scan!', '8:scan dynamodb-scan!'], found.join('\n'));
    assert.deepEqual(findingsOf(hintsInWorkspace(undefined, 'src/orders/orders.repository.ts', repository)), []);
    const swept = hintsInWorkspace(model, 'src/jobs/sweep.js', sweeper);
    assert.deepEqual(findingsOf(swept), ['6:keys redis-keys!'], swept.join('\n'));
  });

  it('stays silent on a method that returns no client, a method the class lacks, and a test double module\'s class', () => {
    const cache = sourceLines(
      "import { RedisService } from '../redis/redis.service';",
      "import { FakeRedisService } from '../../test/fakes';",
      '',
      'export class CacheService {',
      '  constructor(private readonly redisService: RedisService, private readonly fake: FakeRedisService) {}',
      '',
      '  async run() {',
      "    this.redisService.prefix().keys('*');",
      "    this.redisService.missing().keys('*');",
      "    this.redisService.keys('*');",
      "    this.fake.getClient().keys('*');",
      '  }',
      '}',
    );
    const fakes = REDIS_SERVICE.replace('class RedisService', 'class FakeRedisService');
    const files = { 'src/redis/redis.service.ts': REDIS_SERVICE, 'test/fakes.ts': fakes, 'src/cache/cache.service.ts': cache };
    const found = hintsInWorkspace(workspaceOf(files), 'src/cache/cache.service.ts', cache);
    assert.deepEqual(found, [], found.join('\n'));
  });
});

describe('TypeScript: the NestJS Redis modules\' client services', () => {
  it('reads the client @liaoliaots/nestjs-redis and nestjs-redis hand out', () => {
    const found = hintsIn(
      'cache.service.ts',
      sourceLines(
        "import { Injectable } from '@nestjs/common';",
        "import { RedisService } from '@liaoliaots/nestjs-redis';",
        '',
        '@Injectable()',
        'export class CacheService {',
        '  private readonly redis;',
        '',
        '  constructor(private readonly redisService: RedisService) {',
        '    this.redis = this.redisService.getOrThrow();',
        '  }',
        '',
        '  async purge(prefix: string) {',
        '    return this.redis.keys(`${prefix}*`);',
        '  }',
        '',
        '  async legacy(prefix: string) {',
        "    return this.redisService.getClient('sessions').keys(`${prefix}*`);",
        '  }',
        '}',
      ),
    );
    assert.deepEqual(findingsOf(found), ['13:keys redis-keys!', '17:keys redis-keys!'], found.join('\n'));
  });

  it('stays silent on another method of the service, and on a class of the same name from another library', () => {
    const found = hintsIn(
      'cache.service.ts',
      sourceLines(
        "import { RedisService } from '@liaoliaots/nestjs-redis';",
        "import { RedisService as Other } from 'some-redis-wrapper';",
        '',
        'export class CacheService {',
        '  constructor(private readonly redisService: RedisService, private readonly other: Other) {}',
        '',
        '  async purge(prefix: string) {',
        '    this.redisService.clients.keys();',
        '    return this.other.getClient().keys(`${prefix}*`);',
        '  }',
        '}',
      ),
    );
    assert.deepEqual(findingsOf(found), [], found.join('\n'));
  });
});
