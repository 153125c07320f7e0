/**
 * Audit of real JavaScript and TypeScript projects (seventeenth round): the general analysis gaps it found.
 * A TypeScript service class whose client field has no access modifier (public by default) lends it to the
 * classes it is injected into (`this.db.documentClient.query(...)` in a NestJS service of another module).
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const DATABASE_SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import * as AWS from 'aws-sdk';",
  '',
  '@Injectable()',
  'export class DatabaseService {',
  "  documentClient = new AWS.DynamoDB.DocumentClient({ region: process.env.AWS_REGION });",
  '}',
);

const CACHE_SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import Redis from 'ioredis';",
  '',
  '@Injectable()',
  'export class CacheService {',
  '  readonly redis: Redis;',
  '  readonly localHits = new Map<string, number>();',
  '',
  '  constructor() {',
  '    this.redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");',
  '  }',
  '}',
);

describe('TypeScript, workspace mode: client fields of an injected service that have no access modifier', () => {
  it('reads a field initialised in the class body and a readonly field set in the constructor', () => {
    const areas = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { DatabaseService } from '../db/db.service';",
      "import { CacheService } from '../cache/cache.service';",
      '',
      '@Injectable()',
      'export class AreaService {',
      '  constructor(private dbService: DatabaseService, private cache: CacheService) {}',
      '',
      '  async listAreas() {',
      "    const params = { TableName: process.env.AREA_TABLE, IndexName: 'type-index', KeyConditionExpression: '#t = :t' };",
      '    const { Items } = await this.dbService.documentClient.query(params).promise();',
      '    return Items;',
      '  }',
      '',
      '  async everything() {',
      "    return this.dbService.documentClient.scan({ TableName: process.env.AREA_TABLE }).promise();",
      '  }',
      '',
      '  async forget(prefix: string) {',
      '    const stale = await this.cache.redis.keys(`${prefix}:*`);',
      '    return stale.length;',
      '  }',
      '}',
    );
    const files = { 'src/db/db.service.ts': DATABASE_SERVICE, 'src/cache/cache.service.ts': CACHE_SERVICE, 'src/area/area.service.ts': areas };
    const found = hintsInWorkspace(workspaceOf(files), 'src/area/area.service.ts', areas);
    assert.deepEqual(findingsOf(found), ['11:query dynamodb-query!', '16:scan dynamodb-scan!', '20:keys redis-keys!'], found.join('\n'));
    // Alone, the services' classes are not known here.
    assert.deepEqual(findingsOf(hintsInWorkspace(undefined, 'src/area/area.service.ts', areas)), []);
  });

  it('stays silent on a field that holds no client and on a field the service lacks', () => {
    const stats = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { CacheService } from '../cache/cache.service';",
      '',
      '@Injectable()',
      'export class StatsService {',
      '  constructor(private readonly cache: CacheService) {}',
      '',
      '  hits(prefix: string) {',
      '    this.cache.localHits.keys();',
      '    return this.cache.missing.keys(`${prefix}:*`);',
      '  }',
      '}',
    );
    const files = { 'src/cache/cache.service.ts': CACHE_SERVICE, 'src/stats/stats.service.ts': stats };
    const found = hintsInWorkspace(workspaceOf(files), 'src/stats/stats.service.ts', stats);
    assert.deepEqual(findingsOf(found), [], found.join('\n'));
  });
});
