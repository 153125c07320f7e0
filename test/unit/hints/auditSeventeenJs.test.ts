/**
 * Audit of real JavaScript and TypeScript projects (seventeenth round): the general analysis gaps it found.
 * A TypeScript service class whose client field has no access modifier (public by default) lends it to the
 * classes it is injected into (`this.db.documentClient.query(...)` in a NestJS service of another module).
 * A default import through a tsconfig path alias (`import redis from '@/utils/redis'`) is the module's default
 * export, as a relative default import already was. BullMQ: a worker's processor and a queue's name are
 * neither a URL nor options, and a `connection` read from a member of a same-file object
 * (`connection: redisWorker.connection`) is read as written in place. @fastify/redis: the options passed to
 * `register` with the plugin are those of the ioredis client it opens.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

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

const NEXT_TSCONFIG = sourceLines(
  '{',
  '  "compilerOptions": {',
  '    "strict": true,',
  '    "moduleResolution": "bundler",',
  '    "paths": { "@/*": ["./src/*"] }',
  '  }',
  '}',
);

const DEFAULT_REDIS = sourceLines("import Redis from 'ioredis';", '', 'const redis = new Redis(process.env.REDIS_URL!);', '', 'export default redis;');

const DEFAULT_FACTORY = sourceLines(
  "import { createClient } from 'redis';",
  '',
  'const client = createClient({ url: process.env.REDIS_URL });',
  '',
  'export default function getRedis() {',
  '  return client;',
  '}',
);

describe('TypeScript, workspace mode: a default import through a tsconfig path alias', () => {
  it('reads the client a module exports as its default, and the client a default-exported function returns', () => {
    const cache = sourceLines(
      "import redis from '@/utils/redis';",
      "import getRedis from '@/lib/redis-factory';",
      '',
      'export async function setCache(key: string, value: unknown, ttl = 300) {',
      "  await redis.set(key, JSON.stringify(value), 'EX', ttl);",
      '}',
      '',
      'export async function purge(prefix: string) {',
      '  return getRedis().keys(`${prefix}*`);',
      '}',
    );
    const files = { 'tsconfig.json': NEXT_TSCONFIG, 'src/utils/redis.ts': DEFAULT_REDIS, 'src/lib/redis-factory.ts': DEFAULT_FACTORY, 'src/lib/cache.ts': cache };
    const found = hintsInWorkspace(workspaceOf(files), 'src/lib/cache.ts', cache);
    assert.deepEqual(found, ['5:set redis-expire', '9:keys redis-keys', '9:keys redis-keys!'], found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'src/lib/cache.ts', cache), []);
  });

  it('stays silent on a namespace of a relative module, a module with no default export, and an alias the workspace does not hold', () => {
    const named = sourceLines("import Redis from 'ioredis';", '', 'export const redis = new Redis(process.env.REDIS_URL!);');
    const cache = sourceLines(
      "import * as relative from '../utils/redis';",
      "import named from '@/utils/named';",
      "import missing from '@/utils/missing';",
      '',
      'export async function purge(prefix: string) {',
      '  await relative.keys(`${prefix}*`);',
      '  await named.keys(`${prefix}*`);',
      '  return missing.keys(`${prefix}*`);',
      '}',
    );
    const files = { 'tsconfig.json': NEXT_TSCONFIG, 'src/utils/redis.ts': DEFAULT_REDIS, 'src/utils/named.ts': named, 'src/lib/cache.ts': cache };
    const found = hintsInWorkspace(workspaceOf(files), 'src/lib/cache.ts', cache);
    assert.deepEqual(found, [], found.join('\n'));
  });
});

describe('JavaScript and TypeScript: the options of BullMQ queues and workers', () => {
  it('reads a worker\'s options after its processor, a queue named by a variable, and a connection held by a member of a same-file object', () => {
    const code = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      "import handleExport from './jobs/export';",
      '',
      "const QUEUE = process.env.EXPORT_QUEUE || 'exports';",
      'const redisWorker = {',
      '  connection: {',
      '    host: process.env.WORKER_REDIS_HOST,',
      '    password: process.env.WORKER_REDIS_PASSWORD,',
      '    retryStrategy(times: number) {',
      '      return Math.min(times * 50, 2000);',
      '    },',
      '  },',
      '};',
      '',
      'export const exportsWorker = new Worker(QUEUE, handleExport, { concurrency: 4, connection: redisWorker.connection });',
      "export const mailWorker = new Worker('mail', async (job) => {",
      '  await deliver(job.data);',
      "}, { connection: { host: 'cache.internal', password: process.env.MAIL_REDIS_PASSWORD } });",
      'export const audit = new Queue(QUEUE, { connection: { host: process.env.AUDIT_REDIS_HOST, password: process.env.AUDIT_REDIS_PASSWORD } });',
      '',
      'async function deliver(data: unknown) {',
      '  return data;',
      '}',
    );
    const findings = hintsIn('queues.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['8:password redis-auth-without-tls!', '18:password redis-auth-without-tls!', '19:password redis-auth-without-tls!'], findings.join('\n'));
  });

  it('stays silent on keys a processor\'s body passes elsewhere, a member object with TLS or set apart, and a member that holds no literal', () => {
    const code = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      "import { sharedConnection } from './connection';",
      '',
      "const secure = { connection: { host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD, tls: {} } };",
      'const patched = { connection: { host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD } };',
      "patched.connection = { ...patched.connection, tls: { servername: process.env.REDIS_HOST } };",
      'const settings = { connection: sharedConnection };',
      '',
      "export const mail = new Worker('mail', async (job) => {",
      "  await smtpLogin({ user: job.data.user, password: 'smtp-secret-value' });",
      '}, { connection: sharedConnection });',
      "export const audit = new Queue('audit', { connection: secure.connection });",
      "export const reports = new Queue('reports', { connection: patched.connection });",
      "export const pushes = new Queue('pushes', { connection: settings.connection });",
      '',
      'async function smtpLogin(credentials: { user: string; password: string }) {',
      '  return credentials;',
      '}',
    );
    const hints = hintsIn('queues.ts', code);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), [], hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('10:')), hints.join('\n'));
  });

  it('reads typed queues and workers (`new Queue<MailJob>(...)`), and stays silent where their options verify the certificate', () => {
    const code = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      '',
      'interface MailJob {',
      '  to: string;',
      '}',
      "const mail = new Queue<MailJob>('mail', { connection: { host: process.env.REDIS_HOST, tls: { rejectUnauthorized: false } } });",
      "const sender = new Worker<MailJob, void>('mail', async (job) => send(job.data), {",
      '  connection: { host: process.env.REDIS_HOST, tls: { servername: process.env.REDIS_HOST } },',
      '});',
      '',
      'async function send(job: MailJob) {',
      '  return job;',
      '}',
      'export { mail, sender };',
    );
    const findings = hintsIn('mail.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['6:rejectUnauthorized redis-tls!'], findings.join('\n'));
  });
});

describe('JavaScript and TypeScript: the options a Fastify app registers @fastify/redis with', () => {
  it('reads them written in place or held by a variable, with the plugin imported, named or required in place', () => {
    const plugin = sourceLines(
      "'use strict';",
      "const fp = require('fastify-plugin');",
      '',
      'module.exports = fp(async function redisPlugin(fastify, opts) {',
      "  fastify.register(require('@fastify/redis'), { host: opts.redisHost, password: 'plain-text-secret' });",
      '});',
    );
    const found = hintsIn('plugins/redis.js', plugin);
    assert.deepEqual(found.filter((hint) => hint.endsWith('!')), ['5:password redis-auth-without-tls!', "5:'plain-text-secret' redis-password!"], found.join('\n'));
    const app = sourceLines(
      "import Fastify from 'fastify';",
      "import fastifyRedis from '@fastify/redis';",
      "import { fastifyRedis as namedPlugin } from '@fastify/redis';",
      '',
      'const cacheOptions = { host: process.env.CACHE_HOST, password: process.env.CACHE_PASSWORD };',
      '',
      'export async function build() {',
      '  const app = Fastify({ logger: true });',
      '  await app.register(fastifyRedis, cacheOptions);',
      "  await app.register(namedPlugin, { namespace: 'sessions', host: process.env.SESSION_HOST, password: process.env.SESSION_PASSWORD, tls: {} });",
      '  return app;',
      '}',
    );
    const hints = hintsIn('app.ts', app);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), ['5:password redis-auth-without-tls!'], hints.join('\n'));
    assert.ok(hints.includes('10:tls redis-tls'), hints.join('\n'));
  });

  it('reads the plugin imported in place with a dynamic import', () => {
    const code = sourceLines(
      "import type { FastifyInstance } from 'fastify';",
      '',
      'export async function redisPlugin(fastify: FastifyInstance) {',
      "  await fastify.register(import('@fastify/redis'), { host: process.env.CACHE_HOST, password: process.env.CACHE_PASSWORD });",
      '}',
    );
    const hints = hintsIn('plugins/redis.ts', code);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), ['4:password redis-auth-without-tls!'], hints.join('\n'));
  });

  it('stays silent on a client handed over, a URL that may be rediss://, a local host and another plugin', () => {
    const code = sourceLines(
      "import fp from 'fastify-plugin';",
      "import fastifyRedis from '@fastify/redis';",
      "import fastifyPostgres from '@fastify/postgres';",
      "import Redis from 'ioredis';",
      '',
      'const client = new Redis({ host: process.env.REDIS_HOST, tls: {} });',
      '',
      'export default fp(async (server) => {',
      '  await server.register(fastifyRedis, { client, closeClient: true, password: process.env.IGNORED });',
      '  await server.register(fastifyRedis, { url: process.env.REDIS_URL, password: process.env.REDIS_PASSWORD });',
      "  await server.register(fastifyRedis, { host: '127.0.0.1', password: process.env.REDIS_PASSWORD });",
      "  await server.register(fastifyPostgres, { host: 'db.internal', password: 'pg-secret-value' });",
      '});',
    );
    const hints = hintsIn('plugins/cache.ts', code);
    // @fastify/postgres opens a pg pool (`fastifySqlPlugins.ts`): its literal password is a SQL one, never a Redis option.
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')), ["12:'pg-secret-value' rds-sql-password!"], hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('9:') || (hint.startsWith('12:') && hint.includes('redis'))), hints.join('\n'));
  });
});
