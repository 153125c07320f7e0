/**
 * The Redis connection a job queue holds (BullMQ's `await queue.client`, Bull's `queue.client`), a Redis client's URL
 * or options under a TypeScript assertion (`process.env.REDIS_URL!`, `as string`), and a project module's export
 * called where it is required (`require('./redis')()`).
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

const REDIS_RULES = ['redis-expire', 'redis-unlink', 'redis-keys', 'redis-loop-round-trips', 'redis-tls'];

describe('Redis connections held by job queues', () => {
  it('reads the lock a BullMQ worker takes on its queue\'s awaited client, the queue held in a module variable', () => {
    const code = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      '',
      'let sweeper: Queue | undefined;',
      '',
      'export async function startSweeper(connection: { host: string; port: number }) {',
      "  sweeper = new Queue('sweep', { connection });",
      "  new Worker('sweep', async () => {",
      '    const conn = await sweeper!.client;',
      "    const held = await conn.set('sweep:lock', process.pid, 'PX', 30000, 'NX');",
      '    if (!held) return;',
      "    await conn.del('sweep:lock');",
      '  }, { connection });',
      '}',
    );
    assert.deepEqual(hintsOfRules('sweeper.ts', code, REDIS_RULES), ['11:del redis-unlink', '9:set redis-expire']);
  });

  it('reads a Bull queue\'s client, and a BullMQ queue typed as a parameter', () => {
    const code = sourceLines(
      "const Queue = require('bull');",
      "const mail = new Queue('mail', { redis: { host: 'localhost' } });",
      'async function purge() {',
      "  const names = await mail.client.keys('bull:mail:*');",
      '  for (const name of names) {',
      '    await mail.client.del(name);',
      '  }',
      '}',
      'module.exports = { purge };',
    );
    assert.deepEqual(hintsOfRules('purge.js', code, REDIS_RULES), ['4:keys redis-keys', '4:keys redis-keys!', '6:del redis-loop-round-trips', '6:del redis-loop-round-trips!', '6:del redis-unlink']);
    const typed = sourceLines(
      "import type { Queue } from 'bullmq';",
      'export async function stale(queue: Queue) {',
      '  const conn = await queue.client;',
      "  return conn.keys('bull:*:stalled');",
      '}',
    );
    assert.deepEqual(hintsOfRules('stale.ts', typed, REDIS_RULES), ['4:keys redis-keys', '4:keys redis-keys!']);
  });

  it('stays silent on a queue of another library, on other members, and on a client member of a plain object', () => {
    const code = sourceLines(
      "import { Queue } from './queue';",
      "import { Queue as MqQueue } from 'bullmq';",
      "const local = new Queue('jobs');",
      "const jobs = new MqQueue('jobs', { connection: { host: 'localhost' } });",
      'const holder = { client: { keys: (p: string) => [p] } };',
      'export async function run() {',
      "  await (await local.client).keys('*');",
      "  await jobs.clients.keys('*');",
      "  holder.client.keys('*');",
      "  await jobs.add('x', {});",
      '}',
    );
    assert.deepEqual(hintsOfRules('run.ts', code, REDIS_RULES), []);
  });
});

describe('Redis client arguments under a TypeScript assertion', () => {
  it('reads a URL from the environment with a non-null assertion or `as string`, and options written `as RedisOptions`', () => {
    const code = sourceLines(
      "import Redis, { RedisOptions } from 'ioredis';",
      'export const a = new Redis(process.env.REDIS_URL!);',
      'export const b = new Redis(process.env.REDIS_URL as string);',
      "export const c = process.env.NODE_ENV === 'test' ? new Redis() : new Redis(process.env.CACHE_URL!);",
      'export const d = new Redis({ host: process.env.REDIS_HOST, port: 6379 } as RedisOptions);',
    );
    const lines = hintsOfRules('clients.ts', code, ['redis-tls']).map((hint) => hint.split(':')[0]);
    assert.deepEqual([...new Set(lines)].sort(), ['2', '3', '4', '5']);
  });

  it('keeps TLS that an asserted argument turns on, and reads what a `satisfies` leaves', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'export const a = new Redis(process.env.REDIS_URL!, { tls: {} });',
      'export const b = new Redis({ host: process.env.REDIS_HOST, tls: {} } as const);',
      "export const c = new Redis('redis://localhost:6379' as string);",
    );
    // Only the `tls` options' own hovers: no client is marked as made without TLS.
    assert.deepEqual(hintsOfRules('tls.ts', code, ['redis-tls']), ['2:tls redis-tls', '3:tls redis-tls']);
  });
});

describe('a project module whose export is called where it is required', () => {
  it('reads the commands of the client `require(\'./redis\')()` returns', () => {
    const files = {
      'cache/connect.js': sourceLines(
        "const redis = require('redis');",
        'module.exports = () => redis.createClient({ url: process.env.REDIS_URL });',
      ),
      'cache/counter.js': sourceLines(
        'module.exports.reset = function (name, done) {',
        "  const client = require('./connect')();",
        '  client.set(name, 0, done);',
        '};',
      ),
    };
    assert.deepEqual(hintsOfFile(files, 'cache/counter.js').filter((hint) => hint.endsWith('redis-expire')), ['3:set redis-expire']);
    // A package's export called in place is the library's own reading (`require('data-api-client')({...})`), not a project module's.
    const required = sourceLines("const client = require('redis-factory')();", "client.set('k', 1);");
    assert.deepEqual(hintsOfFile({ 'a.js': required }, 'a.js'), []);
  });
});
