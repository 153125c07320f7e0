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

describe('queue and NestJS module options that open an ioredis connection', () => {
  it('NestJS Bull: a password in the options of BullModule.forRootAsync, without TLS', () => {
    const code = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { BullModule } from '@nestjs/bull';",
      "import { ConfigModule, ConfigService } from '@nestjs/config';",
      '',
      '@Module({',
      '  imports: [',
      '    BullModule.forRootAsync({',
      '      imports: [ConfigModule],',
      '      inject: [ConfigService],',
      '      useFactory: (config: ConfigService) => ({',
      "        redis: { host: config.get('REDIS_HOST'), port: 6379, password: config.get('REDIS_PASSWORD') },",
      '      }),',
      '    }),',
      "    BullModule.registerQueue({ name: 'mail' }),",
      '  ],',
      '})',
      'export class AppModule {}',
    );
    const hints = hintsIn('app.module.ts', code);
    assert.deepEqual(hints.filter((hint) => hint.startsWith('11:')).sort(), ['11:password redis-auth-without-tls', '11:password redis-auth-without-tls!', '11:password redis-password']);
    assert.ok(!hints.some((hint) => hint.startsWith('14:')), hints.join('\n'));
  });

  it('BullMQ: a Queue with TLS and a Worker on a shared connection; a queue of another library says nothing', () => {
    const code = sourceLines(
      "const { Queue, Worker } = require('bullmq');",
      "const PQueue = require('p-queue');",
      'const connection = { host: process.env.REDIS_HOST, port: 6379 };',
      "const queue = new Queue('emails', { connection: { host: 'cache', port: 6379, password: process.env.REDIS_PASSWORD, tls: {} } });",
      "const worker = new Worker('emails', async (job) => job.data, { connection });",
      "const local = new PQueue({ concurrency: 2, password: 'not-redis' });",
      'module.exports = { queue, worker, local };',
    );
    const hints = hintsIn('worker.js', code);
    assert.ok(hints.includes('4:password redis-password'), hints.join('\n'));
    assert.ok(hints.includes('4:tls redis-tls'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.endsWith('!')), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('6:')), hints.join('\n'));
  });

  it('BullMQ: reads the connection object a queue names by a variable of the file, with the keys set on it afterwards', () => {
    const code = sourceLines(
      "import { Queue, Worker, FlowProducer } from 'bullmq';",
      '',
      'const connection: any = {',
      '  host: process.env.QUEUE_REDIS_HOST,',
      '  password: process.env.QUEUE_REDIS_AUTH,',
      '};',
      "if (process.env.QUEUE_REDIS_TLS === 'on') {",
      '  connection.tls = { rejectUnauthorized: false };',
      '}',
      '',
      'const reportsConnection = { host: process.env.REPORTS_REDIS_HOST, tls: { rejectUnauthorized: false } };',
      '',
      "export const invoices = new Queue('invoices', { connection, defaultJobOptions: { attempts: 3 } });",
      'export const flows = new FlowProducer({ connection });',
      "export const reports = new Worker('reports', async (job) => job.data, { connection: reportsConnection, concurrency: 4 });",
    );
    const findings = hintsIn('queues.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings.sort(), ['11:rejectUnauthorized redis-tls!', '8:rejectUnauthorized redis-tls!']);
  });

  it('BullMQ: a connection variable holding a verified TLS object, a client, or an import stays silent', () => {
    const code = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      "import IORedis from 'ioredis';",
      "import { queueConnection } from './redis-options';",
      '',
      'const connection = { host: process.env.QUEUE_REDIS_HOST, password: process.env.QUEUE_REDIS_AUTH, tls: {} };',
      'const client = new IORedis(process.env.QUEUE_REDIS_URL!, { maxRetriesPerRequest: null });',
      '',
      "export const mail = new Queue('mail', { connection });",
      "export const sms = new Worker('sms', async (job) => job.data, { connection: client });",
      "export const push = new Queue('push', { connection: queueConnection });",
    );
    const findings = hintsIn('queues.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, []);
  });

  it('reads the options a same-file helper builds for a queue connection or an ioredis client', () => {
    const code = sourceLines(
      "import { Worker } from 'bullmq';",
      "import IORedis from 'ioredis';",
      '',
      'export function bullConnection() {',
      '  const settings: Record<string, unknown> = { host: process.env.JOBS_REDIS_HOST, port: 6379 };',
      '  if (process.env.JOBS_REDIS_TLS) {',
      '    settings.tls = { servername: process.env.JOBS_REDIS_HOST, rejectUnauthorized: false };',
      '  }',
      '  return settings;',
      '}',
      '',
      "const cacheOptions = () => ({ host: process.env.CACHE_HOST, tls: { rejectUnauthorized: false } });",
      '',
      "export const thumbnails = new Worker('thumbnails', async (job) => job.data, { connection: bullConnection() });",
      'export const cache = new IORedis(cacheOptions());',
    );
    const findings = hintsIn('connections.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings.sort(), ['12:rejectUnauthorized redis-tls!', '7:rejectUnauthorized redis-tls!']);
  });

  it('a helper that returns a client, verified TLS, or a password alone gives no finding: what it leaves out is unknown', () => {
    const code = sourceLines(
      "import { Queue } from 'bullmq';",
      "import IORedis from 'ioredis';",
      '',
      'const shared = new IORedis(process.env.JOBS_REDIS_URL!, { maxRetriesPerRequest: null });',
      'const sharedClient = () => shared;',
      'function verified() {',
      '  return { host: process.env.JOBS_REDIS_HOST, tls: { ca: process.env.JOBS_REDIS_CA } };',
      '}',
      'function withAuth() {',
      '  return { host: process.env.JOBS_REDIS_HOST, password: process.env.JOBS_REDIS_AUTH };',
      '}',
      '',
      "export const a = new Queue('a', { connection: sharedClient() });",
      "export const b = new Queue('b', { connection: verified() });",
      'export const c = new IORedis(withAuth());',
      "export const d = new Queue('d', { connection: withAuth() });",
    );
    const findings = hintsIn('connections.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, []);
  });

  it('ioredis Cluster: reads the node options its redisOptions names by a variable, and leaves a verified one silent', () => {
    const code = sourceLines(
      "import { Cluster } from 'ioredis';",
      '',
      'const nodes = [{ host: process.env.LEADERBOARD_HOST, port: 6379 }];',
      'const insecureNode = { password: process.env.LEADERBOARD_AUTH, tls: { rejectUnauthorized: false } };',
      'const verifiedNode = { password: process.env.LEADERBOARD_AUTH, tls: {} };',
      '',
      'export const scores = new Cluster(nodes, { dnsLookup: (address, done) => done(null, address), redisOptions: insecureNode });',
      'export const ranks = new Cluster(nodes, { redisOptions: verifiedNode });',
    );
    const findings = hintsIn('leaderboard.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['4:rejectUnauthorized redis-tls!']);
  });
});
