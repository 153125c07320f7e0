/**
 * TypeORM's query-result cache in Redis: the `options` of `cache: { type: 'redis' | 'ioredis', options }`
 * are the options of the Redis client TypeORM opens, so their password and TLS get the Redis client rules;
 * the database's own password, a cache kept in the database, and files without TypeORM say nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('TypeORM query cache in Redis', () => {
  it('reports a cache password sent without TLS from a NestJS TypeOrmModule factory, and never the database password', () => {
    const code = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { ConfigService } from '@nestjs/config';",
      "import { TypeOrmModule } from '@nestjs/typeorm';",
      '',
      '@Module({',
      '  imports: [',
      '    TypeOrmModule.forRootAsync({',
      '      inject: [ConfigService],',
      '      useFactory: (config: ConfigService) => ({',
      "        type: 'postgres',",
      "        host: config.getOrThrow<string>('DB_HOST'),",
      "        password: config.getOrThrow<string>('DB_PASSWORD'),",
      '        cache: {',
      "          type: 'redis',",
      '          options: {',
      "            socket: { host: config.getOrThrow<string>('REDIS_HOST'), port: 6379 },",
      "            password: config.getOrThrow<string>('REDIS_PASSWORD'),",
      '          },',
      '        },',
      '      }),',
      '    }),',
      '  ],',
      '})',
      'export class DatabaseModule {}',
    );
    const found = hintsIn('database.module.ts', code);
    assert.ok(found.includes('17:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('17:password redis-password'), found.join('\n'));
    // The database's password has the SQL hover only (`sqlOrmJs.ts`), no Redis rule.
    assert.ok(!found.some((hint) => hint.startsWith('12:') && hint.includes(' redis-')), found.join('\n'));
    assert.ok(found.includes('12:password rds-sql-password'), found.join('\n'));
  });

  it('stays silent on an ioredis cache with TLS, a cache kept in the database, and a cache object outside TypeORM', () => {
    const withTls = sourceLines(
      "import { DataSource } from 'typeorm';",
      '',
      'export const dataSource = new DataSource({',
      "  type: 'mysql',",
      '  host: process.env.DB_HOST,',
      '  password: process.env.DB_PASSWORD,',
      '  cache: {',
      "    type: 'ioredis',",
      '    options: { host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD, tls: {} },',
      '  },',
      '});',
      '',
      'export const reporting = new DataSource({',
      "  type: 'mysql',",
      '  password: process.env.DB_PASSWORD,',
      "  cache: { type: 'database', tableName: 'query_cache', options: { password: process.env.DB_PASSWORD } },",
      '});',
    );
    const found = hintsIn('dataSource.ts', withTls);
    assert.ok(!found.some((hint) => hint.includes('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('16:')), found.join('\n'));

    const elsewhere = sourceLines(
      "import express from 'express';",
      '',
      'export const settings = {',
      "  cache: { type: 'redis', options: { password: process.env.REDIS_PASSWORD } },",
      '};',
      'export const app = express();',
    );
    assert.deepEqual(hintsIn('settings.ts', elsewhere), []);
  });
});
