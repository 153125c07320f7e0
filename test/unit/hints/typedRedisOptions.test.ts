/**
 * Redis options declared with the client library's type (`RedisOptions` and `ClusterOptions` of ioredis,
 * `ConnectionOptions` of bullmq, `RedisClientOptions` and `RedisClusterOptions` of node-redis, Bull's
 * `BullModuleOptions` and `SharedBullAsyncConfiguration`, also through a namespace import), read
 * where they are written even when the call that opens the client is out of sight; read once when a call reads them too.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const redisHints = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes(' redis-'));

describe('Redis options typed with the client library types', () => {
  it('bullmq ConnectionOptions and ioredis RedisOptions declared in a configuration module', () => {
    const code = sourceLines(
      "import { ConnectionOptions } from 'bullmq';",
      "import type { RedisOptions } from 'ioredis';",
      'export const connection: ConnectionOptions = {',
      '  host: process.env.QUEUE_HOST,',
      '  password: process.env.QUEUE_PASSWORD,',
      '};',
      'export const cache = {',
      '  host: process.env.CACHE_HOST,',
      "  password: 'cache-literal-1',",
      '  tls: {},',
      '} satisfies RedisOptions;',
    );
    assert.deepEqual(redisHints('redis.config.ts', code), [
      '3:ConnectionOptions redis-tls',
      '5:password redis-password',
      '5:password redis-auth-without-tls',
      '9:password redis-password',
      '10:tls redis-tls',
      '5:password redis-auth-without-tls!',
      "9:'cache-literal-1' redis-password!",
    ]);
  });

  it("Bull's options returned by a typed function and by a SharedBullAsyncConfiguration factory", () => {
    const code = sourceLines(
      "import { BullModuleOptions, SharedBullAsyncConfiguration } from '@nestjs/bull';",
      "import { ConfigService } from '@nestjs/config';",
      'export const rootOptions = (config: ConfigService): BullModuleOptions => ({',
      "  redis: { host: config.get('REDIS_HOST'), password: config.get('REDIS_PASSWORD') },",
      '});',
      'export const asyncOptions: SharedBullAsyncConfiguration = {',
      '  inject: [ConfigService],',
      '  useFactory: async (config: ConfigService) => ({',
      "    redis: { host: config.get('REDIS_HOST'), password: config.get('REDIS_PASSWORD'), tls: { rejectUnauthorized: false } },",
      '  }),',
      '};',
    );
    assert.deepEqual(redisHints('bull.config.ts', code), [
      '3:BullModuleOptions redis-tls',
      '4:password redis-password',
      '4:password redis-auth-without-tls',
      '9:password redis-password',
      '9:tls redis-tls',
      '9:rejectUnauthorized redis-tls',
      '4:password redis-auth-without-tls!',
      '9:rejectUnauthorized redis-tls!',
    ]);
  });

  it('read once when the file hands the typed object to the client too', () => {
    const code = sourceLines(
      "import Redis, { RedisOptions } from 'ioredis';",
      'const options: RedisOptions = { host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD };',
      'export const redis = new Redis(options);',
    );
    assert.deepEqual(redisHints('redis.ts', code).filter((hint) => hint.endsWith('!')), ['2:password redis-auth-without-tls!']);
  });

  it('judged with the options that spread it: a typed base object spread into a TLS cluster and a plain client', () => {
    const code = sourceLines(
      "import Redis, { Cluster, RedisOptions } from 'ioredis';",
      'const baseOptions: RedisOptions = { password: process.env.REDIS_AUTH, maxRetriesPerRequest: 2 };',
      'export const make = (clustered: boolean) =>',
      '  clustered',
      "    ? new Cluster([{ host: process.env.REDIS_HOST!, port: 6379 }], { redisOptions: { ...baseOptions, tls: {} } })",
      '    : new Redis({ ...baseOptions, host: process.env.REDIS_HOST });',
    );
    // The plain client's options are the base object's and its host: its password goes without TLS.
    assert.deepEqual(redisHints('redis.ts', code).filter((hint) => hint.startsWith('2:')), ['2:password redis-password', '2:password redis-auth-without-tls', '2:password redis-auth-without-tls!']);
    const bothTls = code.replace('{ ...baseOptions, host: process.env.REDIS_HOST }', '{ ...baseOptions, host: process.env.REDIS_HOST, tls: {} }');
    assert.deepEqual(redisHints('redis.ts', bothTls).filter((hint) => hint.startsWith('2:')), ['2:password redis-password']);
  });

  it('cluster option types, through a namespace import, and each object a function typed with a union of them returns', () => {
    const code = sourceLines(
      "import type * as Redis from 'ioredis';", // 1
      "import type * as NodeRedis from 'redis';",
      "import type * as mysql from 'mysql2';",
      '',
      "const clusterOptions: Redis.ClusterOptions = { scaleReads: 'slave', redisOptions: { tls: {} } };", // 5
      'export const cacheOptions = (clustered: boolean):',
      '  | { nodes: Redis.ClusterNode[]; options: Redis.ClusterOptions }',
      '  | Redis.RedisOptions => {',
      '  if (clustered) {',
      "    return { nodes: [], options: { scaleReads: 'all' } };", // 10
      '  }',
      '  return { host: process.env.CACHE_HOST, password: process.env.CACHE_AUTH };',
      '};',
      'export function sessionOptions(clustered: boolean): NodeRedis.RedisClusterOptions | NodeRedis.RedisClientOptions | undefined {',
      '  if (clustered) {', // 15
      '    return { rootNodes: [{ url: process.env.SESSION_URL }], useReplicas: true };',
      '  }',
      '  return { url: process.env.SESSION_URL };',
      '}',
      'export const exported = clusterOptions;', // 20
      "export const db: mysql.ConnectionOptions = { host: process.env.DB_HOST, password: 'sql-literal-2' };",
      "export const mixed = (): Redis.RedisOptions | string => { if (process.env.X) { return { password: 'a-literal' }; } return 'x'; };",
    );
    assert.deepEqual(redisHints('options.ts', code).sort(), [
      '10:scaleReads redis-replica-reads',
      '12:password redis-auth-without-tls',
      '12:password redis-auth-without-tls!',
      '12:password redis-password',
      '14:RedisClientOptions redis-tls',
      '16:useReplicas redis-replica-reads',
      '5:scaleReads redis-replica-reads',
      '5:tls redis-tls',
      '8:RedisOptions redis-tls',
    ]);
  });

  it("traps: mysql2's ConnectionOptions and an untyped object", () => {
    const typed = sourceLines(
      "import { ConnectionOptions } from 'mysql2';",
      "export const db: ConnectionOptions = { host: process.env.DB_HOST, password: 'sql-literal-1' };",
      "export const plain = { host: process.env.REDIS_HOST, password: 'not-known-to-be-redis' };",
    );
    assert.deepEqual(redisHints('db.ts', typed), []);
  });
});
