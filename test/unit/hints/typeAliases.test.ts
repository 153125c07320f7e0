/**
 * TypeScript type aliases of a client library's type, as NestJS providers name what they inject: `type
 * LocalRedis = Redis` in the file, and `export type RedisClient = Redis` in the provider's module, which in
 * workspace mode passes the library's type on to the files that import the alias. What stays silent: an
 * alias of something else, a name aliased twice, generic aliases, and the alias without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const PROVIDER = sourceLines(
  "import Redis from 'ioredis';",
  "import * as lib from '@aws-sdk/lib-dynamodb';",
  "import { Provider } from '@nestjs/common';",
  '',
  "export const REDIS_CLIENT = 'REDIS_CLIENT';",
  'export type RedisClient = Redis;',
  'export type Documents = lib.DynamoDBDocument | undefined;',
  'export type Settings = { host: string };',
  '',
  'export const redisProvider: Provider = {',
  '  provide: REDIS_CLIENT,',
  '  useFactory: (): RedisClient => new Redis({ host: process.env.REDIS_HOST }),',
  '};',
);

const SERVICE = sourceLines(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { REDIS_CLIENT, RedisClient, Documents, Settings } from './redis.provider';",
  '',
  '@Injectable()',
  'export class SessionsService {',
  '  constructor(',
  '    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,',
  "    @Inject('DOCS') private readonly docs: Documents,",
  "    @Inject('SETTINGS') private readonly settings: Settings,",
  '  ) {}',
  '',
  '  async purge() {',
  "    const keys = await this.redis.keys('session:*');",
  "    const rows = await this.docs.scan({ TableName: 'sessions' });",
  "    return [keys, rows, this.settings.keys('x')];",
  '  }',
  '}',
);

describe('TypeScript type aliases of client types', () => {
  it('reads an alias the provider module exports, in workspace mode, and nothing without it', () => {
    const model = workspaceOf({ 'src/redis/redis.provider.ts': PROVIDER });
    const found = hintsInWorkspace(model, 'src/redis/sessions.service.ts', SERVICE);
    assert.ok(found.includes('13:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('14:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('15:')), found.join('\n'));
    assert.ok(!hintsInWorkspace(undefined, 'src/redis/sessions.service.ts', SERVICE).some((hint) => hint.includes('redis-keys')));
  });

  it('reads an alias of the file itself, and an alias of an alias', () => {
    const found = hintsIn(
      'src/cache.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        'type Cache = Redis',
        'type SharedCache = Cache | null',
        '',
        'export class CacheJanitor {',
        '  constructor(private readonly cache: SharedCache) {}',
        "  drop = () => this.cache.flushall()",
        '}',
      ),
    );
    assert.ok(found.includes('7:flushall redis-flush!'), found.join('\n'));
  });

  it('stays silent for aliases of other types, a name aliased twice and generic aliases', () => {
    const found = hintsIn(
      'src/other.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        'type Store = Map<string, string>;',
        'namespace A { export type Twice = Redis; }',
        'namespace B { export type Twice = Store; }',
        'type Boxed<T> = Redis;',
        '',
        'export function clear(store: Store, twice: Twice, boxed: Boxed<number>) {',
        "  return [store.keys(), twice.keys('*'), boxed.keys('*')];",
        '}',
      ),
    );
    assert.deepEqual(found, []);
  });
});
