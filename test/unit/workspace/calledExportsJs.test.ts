/**
 * A JavaScript or TypeScript module that exports what another project module's function made when it ran: a
 * name bound to the call (`export const redis = createRedisConnection('jobs')`), a member of an exported object
 * literal that holds it (`{ cache: makeCache() }`, `{ redis }` for a module-level `const redis = ...`), or the
 * object `Object.assign(queue, { redis })` adds to a value it exports, also under a type assertion
 * (`as JobsQueue`). The files that import the name read the client the called function gives (workspace mode
 * only). Traps: no workspace, a member whose call gives no client, a `let` that a function reassigns.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const FACTORY = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'export const createRedisConnection = (scope: string): Redis => {',
  '  const redis = new Redis(process.env.REDIS_URL!, { connectionName: scope });',
  "  redis.on('error', (error) => console.error(scope, error));",
  '  return redis;',
  '};',
  '',
  "export const redisLabel = (scope: string): string => `redis:${scope}`;",
);

const QUEUE = sourceLines(
  "import { Queue } from 'bullmq';",
  "import { createRedisConnection, redisLabel } from '@acme/db';",
  '',
  "const redis = createRedisConnection('jobs');",
  "const label = redisLabel('jobs');",
  '',
  "export const queue = Object.assign(new Queue('jobs', { connection: redis }), { redis, label }) as JobsQueue;",
  "export const pubsub = { publisher: createRedisConnection('pub'), label };",
  "export const sharedRedis = createRedisConnection('shared');",
  '',
  'type JobsQueue = Queue & { redis: typeof redis; label: string };',
);

const FLAGS = sourceLines(
  "import { queue, pubsub, sharedRedis } from './queue';",
  '',
  "export const renewFlag = () => queue.redis.expire('overflow', 30);",
  "export const dropFlags = () => pubsub.publisher.keys('flag:*');",
  "export const dropAll = () => sharedRedis.flushall();",
  "export const labelKeys = () => pubsub.label.keys('x');",
);

const FILES = {
  'packages/db/src/index.ts': FACTORY,
  'apps/api/src/jobs/queue.ts': QUEUE,
  'apps/api/src/jobs/flags.ts': FLAGS,
  'apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/db': ['../../packages/db/src/index.ts'] } } }),
};

describe('workspace: JavaScript exports of a client another module\'s function makes', () => {
  it('reads a name bound to the call, an object member holding it and an Object.assign member, in the importing file', () => {
    const found = hints(FILES, 'apps/api/src/jobs/flags.ts');
    assert.ok(found.includes('3:expire redis-expire'), found.join('\n'));
    assert.ok(found.includes('4:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('5:flushall redis-flush!'), found.join('\n'));
  });

  it('reads nothing for a member whose call gives no client, and nothing without the workspace', () => {
    const found = hints(FILES, 'apps/api/src/jobs/flags.ts');
    assert.deepEqual(found.filter((hint) => hint.startsWith('6:')), [], found.join('\n'));
    assert.deepEqual(hints(FILES, 'apps/api/src/jobs/flags.ts', null), []);
  });

  it('reads nothing for a let that a function of the module binds again', () => {
    const rebound = QUEUE.replace("export const sharedRedis = createRedisConnection('shared');", "export let sharedRedis = createRedisConnection('shared');\nexport const reconnect = () => {\n  sharedRedis = createRedisConnection('again');\n};");
    const found = hints({ ...FILES, 'apps/api/src/jobs/queue.ts': rebound }, 'apps/api/src/jobs/flags.ts');
    assert.deepEqual(found.filter((hint) => hint.startsWith('5:')), [], found.join('\n'));
  });
});
