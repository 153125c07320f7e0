/**
 * @fastify/postgres and @fastify/mysql (and their former names) open a `pg` or `mysql2` pool with the options given
 * to `fastify.register`: the registration is a connection place and its options are the driver's. Then the traps:
 * another plugin registered with the same options, a `register` that is no member call, a plugin that is not
 * imported, options of a local test database.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript and TypeScript: the SQL pools Fastify plugins open with the options given to register', () => {
  it('reads @fastify/postgres imported by default, its connection string and its TLS options', () => {
    const app = sourceLines(
      "import Fastify from 'fastify';",
      "import fastifyPostgres from '@fastify/postgres';",
      '',
      'const app = Fastify();',
      'app.register(fastifyPostgres, {',
      "  connectionString: 'postgres://orders:Tr0ub4dor@orders.cluster-c1x2.eu-west-1.rds.amazonaws.com/orders',",
      '  ssl: { rejectUnauthorized: false },',
      '});',
    );
    assert.deepEqual(hintsIn('src/app.ts', app), [
      '5:register rds-sql-connection',
      '6:connectionString rds-sql-password',
      '7:ssl rds-sql-tls-verification-off',
      '7:rejectUnauthorized rds-sql-tls-verification-off',
      "6:'postgres://orders:Tr0ub4dor@orders.cluster-c1x2.eu-west-1.rds.amazonaws.com/orders' rds-sql-password!",
      '7:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
  });

  it('reads @fastify/mysql required in place, by its former name, and named, with options held by a name', () => {
    const inPlace = sourceLines(
      "const fp = require('fastify-plugin');",
      '',
      'module.exports = fp(async function (fastify, opts) {',
      "  fastify.register(require('@fastify/mysql'), {",
      '    promise: true,',
      '    connectionString: process.env.MYSQL_URL,',
      '  });',
      '});',
    );
    assert.deepEqual(hintsIn('plugins/mysql.js', inPlace), ['4:register rds-sql-connection']);
    const held = sourceLines(
      "const fastifyMysql = require('fastify-mysql');",
      '',
      'const options = {',
      '  host: process.env.DB_HOST,',
      "  user: 'inventory',",
      "  password: 'inventory-2024',",
      '};',
      '',
      'module.exports = async function (fastify) {',
      '  fastify.register(fastifyMysql, options);',
      '};',
    );
    assert.deepEqual(hintsIn('plugins/db.js', held), ['6:password rds-sql-password', '10:register rds-sql-connection', "6:'inventory-2024' rds-sql-password!"]);
    const named = sourceLines(
      "import { fastifyMysql } from '@fastify/mysql';",
      '',
      'export async function database(app) {',
      "  await app.register(fastifyMysql, { type: 'connection', uri: process.env.DATABASE_URI });",
      '}',
    );
    assert.deepEqual(hintsIn('src/database.ts', named), ['4:register rds-sql-connection']);
  });

  it('says nothing of another plugin, a plain register call, a plugin never imported, or a local test database', () => {
    const others = sourceLines(
      "import fastifyRedis from '@fastify/redis';",
      "import sessions from './sessions';",
      '',
      'export async function plugins(app, register) {',
      "  app.register(sessions, { password: 'not-a-database', ssl: false });",
      "  register(fastifyPostgres, { password: 'not-registered-by-fastify' });",
      "  app.register(fastifyPostgres, { password: 'never-imported' });",
      '}',
    );
    assert.deepEqual(
      hintsIn('src/plugins.ts', others).filter((hint) => hint.includes('rds-')),
      [],
    );
    const testApp = sourceLines(
      "const fastifyPostgres = require('@fastify/postgres');",
      '',
      "test('lists orders', async () => {",
      "  app.register(fastifyPostgres, { connectionString: 'postgres://postgres:postgres@localhost/postgres' });",
      '});',
    );
    assert.deepEqual(hintsIn('test/orders.test.js', testApp), []);
  });
});
