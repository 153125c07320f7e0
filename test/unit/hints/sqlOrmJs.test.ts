/**
 * SQL connections opened through Sequelize, TypeORM and knex (`code/sqlOrmJs.ts`): the `rds-sql-connection`
 * hover, and the drivers' findings on the options the libraries pass on (a literal password, a URL's password,
 * `rejectUnauthorized: false`, PostgreSQL's `ssl: false` to an RDS host, a connection a Lambda handler opens on
 * each invocation), and option objects typed with the libraries' or the drivers' own types (`PoolConfig` of
 * `pg`, `PoolOptions` of `mysql2`) in a module of their own. Silent: SQLite and other engines RDS does not run, a local test database, a wrapper that
 * only passes its parameters on, a shadowed name, the query builder a `require('knex')(...)` made, a TypeORM
 * connection its connection manager keeps.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

function findings(fileName: string, code: string): string[] {
  return sql(fileName, code).filter((hint) => hint.endsWith('!'));
}

const AURORA = 'orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com';

describe('Sequelize connections to RDS', () => {
  it('reads the positional password, dialectOptions.ssl and the options a models index passes', () => {
    const models = sourceLines(
      "'use strict';",
      "const Sequelize = require('sequelize');",
      "const env = process.env.NODE_ENV || 'development';",
      '',
      'const sequelize = new Sequelize(process.env.DB_NAME, process.env.DB_USER, \'Spring2024!\', {',
      `  host: '${AURORA}',`,
      "  dialect: 'postgres',",
      '  logging: false,',
      '  dialectOptions: {',
      '    ssl: { require: true, rejectUnauthorized: false },', // 10
      '  },',
      '});',
      '',
      'const db = { sequelize, Sequelize, env };',
      "db.User = sequelize.define('User', { name: Sequelize.STRING });",
      'module.exports = db;',
    );
    assert.deepEqual(findings('models/index.js', models), [
      "5:'Spring2024!' rds-sql-password!",
      '10:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
    const hovers = sql('models/index.js', models).filter((hint) => !hint.endsWith('!'));
    assert.ok(hovers.includes('5:Sequelize rds-sql-connection'));
    assert.ok(hovers.includes('10:ssl rds-sql-tls-verification-off'));
    // `Sequelize.STRING` and `sequelize.define` open nothing.
    assert.ok(!hovers.some((hint) => hint.startsWith('15:')));
  });

  it('reads a URI with its password, an options object held by a name, and ssl: false handed to node-postgres', () => {
    const uri = sourceLines(
      "import { Sequelize } from 'sequelize-typescript';",
      '',
      `export const sequelize = new Sequelize('postgres://app:Hunter22@${AURORA}:5432/orders', { models: [__dirname + '/models'] });`,
    );
    assert.deepEqual(findings('src/db.ts', uri), ["3:'postgres://app:Hunter22@orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com:5432/orders' rds-sql-password!"]);
    const held = sourceLines(
      "import { Sequelize } from 'sequelize';",
      '',
      'const options = {',
      '  host: process.env.RDS_HOSTNAME,',
      "  dialect: 'postgres' as const,",
      '  dialectOptions: { ssl: false },',
      '};',
      '',
      'export const sequelize = new Sequelize(process.env.RDS_DB_NAME!, process.env.RDS_USERNAME!, process.env.RDS_PASSWORD, options);',
    );
    assert.deepEqual(findings('src/db.ts', held), ['6:ssl rds-sql-tls-disabled!']);
    // Sequelize hands only `dialectOptions` to the driver: a top-level `ssl` is no switch of node-postgres.
    assert.deepEqual(findings('src/db.ts', held.replace('dialectOptions: { ssl: false }', 'ssl: false')), []);
    // MySQL's `ssl: false` is mysql2's default, no switch.
    assert.deepEqual(findings('src/db.ts', held.replace("'postgres'", "'mysql'")), []);
  });

  it('reports a Sequelize instance a Lambda handler makes on each invocation, not one kept at module level', () => {
    const handler = sourceLines(
      "const { Sequelize, QueryTypes } = require('sequelize');",
      '',
      'exports.handler = async (event) => {',
      '  const sequelize = new Sequelize(process.env.DB_NAME, process.env.DB_USER, process.env.DB_PASSWORD, {',
      '    host: process.env.DB_HOST,',
      "    dialect: 'mysql',",
      '  });',
      "  const rows = await sequelize.query('SELECT * FROM orders WHERE id = ?', { replacements: [event.id], type: QueryTypes.SELECT });",
      '  await sequelize.close();',
      '  return rows;',
      '};',
    );
    assert.deepEqual(findings('src/handler.js', handler), ['4:Sequelize rds-sql-connection-per-invocation!']);
    const kept = sourceLines(
      "const { Sequelize, QueryTypes } = require('sequelize');",
      '',
      "const sequelize = new Sequelize(process.env.DB_NAME, process.env.DB_USER, process.env.DB_PASSWORD, { host: process.env.DB_HOST, dialect: 'mysql' });",
      '',
      'exports.handler = async (event) => {',
      "  return sequelize.query('SELECT * FROM orders WHERE id = ?', { replacements: [event.id], type: QueryTypes.SELECT });",
      '};',
    );
    assert.deepEqual(findings('src/handler.js', kept), []);
    assert.deepEqual(sql('src/handler.js', kept), ['3:Sequelize rds-sql-connection', '3:process.env.DB_PASSWORD rds-sql-password']);
  });

  it('keeps quiet on SQLite, a local test database, a wrapper and a shadowed Sequelize', () => {
    const sqlite = sourceLines("import { Sequelize } from 'sequelize';", "export const sequelize = new Sequelize({ dialect: 'sqlite', storage: 'data.db', password: 'unused1' });");
    assert.deepEqual(sql('src/db.ts', sqlite), []);
    const memory = sourceLines("import { Sequelize } from 'sequelize';", "export const sequelize = new Sequelize('sqlite::memory:', { logging: false });");
    assert.deepEqual(sql('src/db.ts', memory), []);
    const test = sourceLines(
      "import { Sequelize } from 'sequelize';",
      '',
      "describe('orders', () => {",
      "  const sequelize = new Sequelize('orders_test', 'postgres', 'postgres', { host: 'localhost', dialect: 'postgres', dialectOptions: { ssl: false } });",
      '  afterAll(() => sequelize.close());',
      '});',
    );
    assert.deepEqual(sql('test/orders.test.ts', test), []);
    const wrapper = sourceLines(
      "import { Sequelize, Options } from 'sequelize';",
      '',
      'export function connect(database: string, user: string, password: string, options: Options): Sequelize {',
      '  return new Sequelize(database, user, password, options);',
      '}',
    );
    assert.deepEqual(sql('src/db.ts', wrapper), []);
    const shadowed = sourceLines(
      "import { Sequelize } from 'sequelize';",
      '',
      'function build(Sequelize: any) {',
      "  return new Sequelize('db', 'app', 'Winter2024!', { host: 'db.internal' });",
      '}',
    );
    assert.deepEqual(sql('src/db.ts', shadowed), []);
  });

  it('reads NestJS SequelizeModule.forRoot', () => {
    const module = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { SequelizeModule } from '@nestjs/sequelize';",
      '',
      '@Module({',
      '  imports: [',
      '    SequelizeModule.forRoot({',
      "      dialect: 'mysql',",
      `      host: '${AURORA}',`,
      "      username: 'admin',",
      "      password: 'Admin12345',", // 10
      '      autoLoadModels: true,',
      '    }),',
      '  ],',
      '})',
      'export class AppModule {}',
    );
    assert.deepEqual(findings('src/app.module.ts', module), ["10:'Admin12345' rds-sql-password!"]);
    assert.ok(sql('src/app.module.ts', module).includes('6:forRoot rds-sql-connection'));
  });
});

describe('TypeORM connections to RDS', () => {
  it('reads a DataSource with ssl and extra.ssl, and a Nest TypeOrmModule.forRoot', () => {
    const source = sourceLines(
      "import 'reflect-metadata';",
      "import { DataSource } from 'typeorm';",
      '',
      'export const AppDataSource = new DataSource({',
      "  type: 'postgres',",
      `  host: '${AURORA}',`,
      '  port: 5432,',
      "  username: 'app',",
      "  password: 'Orders#2024',",
      "  entities: ['dist/**/*.entity.js'],", // 10
      '  ssl: { rejectUnauthorized: false },',
      '  extra: { max: 5 },',
      '});',
    );
    assert.deepEqual(findings('src/data-source.ts', source), ["9:'Orders#2024' rds-sql-password!", '11:rejectUnauthorized rds-sql-tls-verification-off!']);
    assert.ok(sql('src/data-source.ts', source).includes('4:DataSource rds-sql-connection'));
    const extra = source.replace('  ssl: { rejectUnauthorized: false },\n  extra: { max: 5 },', '  extra: { ssl: { rejectUnauthorized: false } },');
    assert.deepEqual(findings('src/data-source.ts', extra), ["9:'Orders#2024' rds-sql-password!", '11:rejectUnauthorized rds-sql-tls-verification-off!']);
    const off = source.replace('ssl: { rejectUnauthorized: false }', 'ssl: false');
    assert.deepEqual(findings('src/data-source.ts', off), ["9:'Orders#2024' rds-sql-password!", '11:ssl rds-sql-tls-disabled!']);
    const nest = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { TypeOrmModule } from '@nestjs/typeorm';",
      '',
      '@Module({',
      '  imports: [',
      '    TypeOrmModule.forRoot({',
      "      type: 'mysql',",
      '      url: process.env.DATABASE_URL,',
      '      ssl: { rejectUnauthorized: false },',
      '      autoLoadEntities: true,', // 10
      '    }),',
      '  ],',
      '})',
      'export class AppModule {}',
    );
    assert.deepEqual(findings('src/app.module.ts', nest), ['9:rejectUnauthorized rds-sql-tls-verification-off!']);
  });

  it('reads the object a NestJS forRootAsync factory returns, not a factory of another engine', () => {
    const module = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { ConfigModule, ConfigService } from '@nestjs/config';",
      "import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';",
      '',
      '@Module({',
      '  imports: [',
      '    TypeOrmModule.forRootAsync({',
      '      imports: [ConfigModule],',
      '      inject: [ConfigService],',
      '      useFactory: async (config: ConfigService): Promise<TypeOrmModuleOptions> => ({', // 10
      "        type: 'postgres',",
      "        host: config.get('RDS_HOSTNAME'),",
      "        password: 'Factory#2024',",
      '        ssl: false,',
      '      }),',
      '    }),',
      '  ],',
      '})',
      'export class DatabaseModule {}',
    );
    // A host read under an RDS name: node-postgres's `ssl: false` turns TLS off on the way to RDS.
    assert.deepEqual(findings('src/database.module.ts', module), ["13:'Factory#2024' rds-sql-password!", '14:ssl rds-sql-tls-disabled!']);
    assert.ok(sql('src/database.module.ts', module).includes('7:forRootAsync rds-sql-connection'));
    // `DB_HOST` may be any server: the TLS switch keeps its hover only.
    const anyHost = module.replace("config.get('RDS_HOSTNAME')", "config.get('DB_HOST')");
    assert.deepEqual(findings('src/database.module.ts', anyHost), ["13:'Factory#2024' rds-sql-password!"]);
    const block = sourceLines(
      "import { SequelizeModule } from '@nestjs/sequelize';",
      '',
      'export const database = SequelizeModule.forRootAsync({',
      '  useFactory: () => {',
      "    const storage = process.env.DB_FILE ?? 'dev.sqlite';",
      "    return { dialect: 'sqlite', storage, password: 'unused1' };",
      '  },',
      '});',
    );
    assert.deepEqual(sql('src/database.ts', block), []);
  });

  it('reports createConnection in a Lambda handler on each invocation, with a URL password', () => {
    const handler = sourceLines(
      "import { createConnection } from 'typeorm';",
      "import { Order } from './entity/Order';",
      '',
      'export const handler = async (event: { id: string }) => {',
      '  const connection = await createConnection({',
      "    type: 'postgres',",
      `    url: 'postgres://app:Orders2024@${AURORA}/orders',`,
      '    entities: [Order],',
      '  });',
      '  const order = await connection.getRepository(Order).findOneBy({ id: event.id });', // 10
      '  await connection.close();',
      '  return order;',
      '};',
    );
    assert.deepEqual(findings('src/handler.ts', handler), [
      '5:createConnection rds-sql-connection-per-invocation!',
      `7:'postgres://app:Orders2024@${AURORA}/orders' rds-sql-password!`,
    ]);
  });

  it('keeps quiet on a handler that first asks TypeORM\'s connection manager for the connection it keeps', () => {
    const handler = sourceLines(
      "import { createConnection, getConnection, getConnectionManager, Connection } from 'typeorm';",
      "import { Order } from './entity/Order';",
      '',
      'async function connect(): Promise<Connection> {',
      "  if (getConnectionManager().has('default')) {",
      '    return getConnection();',
      '  }',
      "  return createConnection({ type: 'postgres', host: process.env.RDS_HOSTNAME, entities: [Order] });",
      '}',
      '', // 10
      'export const handler = async (event: { id: string }) => {',
      '  const connection = await connect();',
      '  return connection.getRepository(Order).findOneBy({ id: event.id });',
      '};',
      '',
      'export const report = async () => {',
      '  const manager = getConnectionManager();',
      "  const connection = manager.has('reports') ? manager.get('reports') : await createConnection({ name: 'reports', type: 'mysql', host: process.env.RDS_HOSTNAME });",
      "  return connection.query('SELECT 1');",
      '};',
    );
    assert.deepEqual(findings('src/handler.ts', handler), []);
    assert.deepEqual(sql('src/handler.ts', handler), ['8:createConnection rds-sql-connection', '18:createConnection rds-sql-connection']);
  });

  it('keeps quiet on SQLite, MongoDB, the Aurora Data API driver, a local database in a test and another DataSource', () => {
    for (const type of ['sqlite', 'better-sqlite3', 'mongodb', 'aurora-postgres']) {
      const code = sourceLines("import { DataSource } from 'typeorm';", `export const ds = new DataSource({ type: '${type}', database: 'app', password: 'Secret123' });`);
      assert.deepEqual(sql('src/data-source.ts', code), [], type);
    }
    const test = sourceLines(
      "import { DataSource } from 'typeorm';",
      '',
      "describe('orders', () => {",
      "  const ds = new DataSource({ type: 'postgres', host: '127.0.0.1', username: 'test', password: 'test1234', ssl: false });",
      '  beforeAll(() => ds.initialize());',
      '});',
    );
    assert.deepEqual(sql('test/orders.spec.ts', test), []);
    // Apollo's DataSource is no database connection.
    const apollo = sourceLines("import { DataSource } from 'apollo-datasource';", 'export class Orders extends DataSource {}', "const source = new DataSource({ password: 'Secret123' });");
    assert.deepEqual(sql('src/orders.ts', apollo), []);
  });
});

describe('knex connections to RDS', () => {
  it('reads knex({ client, connection }) with an object or a connection string, also require(\'knex\')(...)', () => {
    const object = sourceLines(
      "import knex from 'knex';",
      '',
      'export const db = knex({',
      "  client: 'pg',",
      '  connection: {',
      '    host: process.env.RDS_HOSTNAME,',
      '    user: process.env.RDS_USERNAME,',
      "    password: 'Reports2024',",
      '    ssl: false,',
      '  },', // 10
      '  pool: { min: 0, max: 2 },',
      '});',
      "export const users = () => db('users').select('id');",
    );
    assert.deepEqual(findings('src/db.ts', object), ["8:'Reports2024' rds-sql-password!", '9:ssl rds-sql-tls-disabled!']);
    const hovers = sql('src/db.ts', object);
    assert.ok(hovers.includes('3:knex rds-sql-connection'));
    // The query builder's own calls open nothing.
    assert.ok(!hovers.some((hint) => hint.startsWith('13:')));
    const url = sourceLines(
      "const db = require('knex')({",
      "  client: 'mysql2',",
      `  connection: 'mysql://admin:Reports2024@${AURORA}:3306/reports',`,
      '});',
      '',
      "module.exports.byId = (id) => db('reports').where({ id }).first();",
    );
    assert.deepEqual(findings('src/db.js', url), [`3:'mysql://admin:Reports2024@${AURORA}:3306/reports' rds-sql-password!`]);
    const urlHovers = sql('src/db.js', url);
    assert.ok(urlHovers.includes("1:'knex' rds-sql-connection"));
    // `db` holds the query builder `require('knex')(...)` made, not the library's factory.
    assert.ok(!urlHovers.some((hint) => hint.startsWith('6:')));
  });

  it('reports knex made in a Lambda handler on each invocation', () => {
    const handler = sourceLines(
      "const Knex = require('knex');",
      '',
      'module.exports.handler = async (event) => {',
      "  const db = Knex({ client: 'pg', connection: { host: process.env.DB_HOST, user: 'app', password: process.env.DB_PASSWORD } });",
      "  const rows = await db('orders').where({ customer_id: event.customerId });",
      '  await db.destroy();',
      '  return rows;',
      '};',
    );
    assert.deepEqual(findings('handler.js', handler), ['4:Knex rds-sql-connection-per-invocation!']);
  });

  it('reads the connection object a name holds', () => {
    const named = sourceLines(
      "const knex = require('knex');",
      '',
      'const pgConnection = {',
      '  connectionString: process.env.DATABASE_URL,',
      '  ssl: { rejectUnauthorized: false },',
      '};',
      '',
      "module.exports = knex({ client: 'pg', connection: pgConnection });",
    );
    assert.deepEqual(findings('src/db.js', named), ['5:rejectUnauthorized rds-sql-tls-verification-off!']);
    assert.ok(sql('src/db.js', named).includes('8:knex rds-sql-connection'));
  });

  it('keeps quiet on SQLite, a local connection string in a test, and a wrapper', () => {
    for (const client of ['sqlite3', 'better-sqlite3']) {
      const code = sourceLines("import knex from 'knex';", `export const db = knex({ client: '${client}', connection: { filename: './dev.sqlite3' }, useNullAsDefault: true });`);
      assert.deepEqual(sql('src/db.ts', code), [], client);
    }
    const test = sourceLines(
      "import knex from 'knex';",
      '',
      "const db = knex({ client: 'pg', connection: 'postgres://postgres:postgres@localhost:5432/test' });",
      "it('reads', async () => { await db('users').select(); });",
    );
    assert.deepEqual(sql('test/users.test.ts', test), []);
    const wrapper = sourceLines("import knex, { Knex } from 'knex';", '', 'export const makeDb = (config: Knex.Config) => knex(config);');
    assert.deepEqual(sql('src/db.ts', wrapper), []);
  });
});

describe('Typed ORM options objects', () => {
  it('reads an options object typed TypeOrmModuleOptions, DataSourceOptions or Knex.Config in a module of its own', () => {
    const config = sourceLines(
      "import { TypeOrmModuleOptions } from '@nestjs/typeorm';",
      '',
      'export const typeOrmConfig: TypeOrmModuleOptions = {',
      "  type: 'postgres',",
      '  host: process.env.RDS_HOSTNAME,',
      "  password: 'Nest#2024',",
      '  autoLoadEntities: true,',
      '  ssl: { rejectUnauthorized: false },',
      '};',
    );
    assert.deepEqual(findings('src/config/typeorm.config.ts', config), ["6:'Nest#2024' rds-sql-password!", '8:rejectUnauthorized rds-sql-tls-verification-off!']);
    // Options, not a connection: no connection hover.
    assert.ok(!sql('src/config/typeorm.config.ts', config).some((hint) => hint.endsWith(' rds-sql-connection')));
    const asserted = sourceLines(
      "import type { DataSourceOptions } from 'typeorm';",
      '',
      "export default { type: 'postgres', host: process.env.RDS_HOSTNAME, ssl: false } as DataSourceOptions;",
    );
    assert.deepEqual(findings('ormconfig.ts', asserted), ['3:ssl rds-sql-tls-disabled!']);
    const knexfile = sourceLines(
      "import type { Knex } from 'knex';",
      '',
      'const config: Knex.Config = {',
      "  client: 'mysql2',",
      "  connection: { host: process.env.DB_HOST, user: 'app', password: 'Knex2024!', ssl: { rejectUnauthorized: false } },",
      '};',
      'export default config;',
    );
    assert.deepEqual(findings('knexfile.ts', knexfile), ["5:'Knex2024!' rds-sql-password!", '5:rejectUnauthorized rds-sql-tls-verification-off!']);
  });

  it('reads the options a TypeOrmOptionsFactory, a typed factory function or TypeOrmModuleAsyncOptions return', () => {
    const factory = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { ConfigService } from '@nestjs/config';",
      "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';",
      '',
      '@Injectable()',
      'export class TypeOrmConfigService implements TypeOrmOptionsFactory {',
      '  constructor(private readonly config: ConfigService) {}',
      '',
      '  createTypeOrmOptions(): TypeOrmModuleOptions {',
      "    const host = this.config.get<string>('RDS_HOSTNAME');", // 10
      "    return { type: 'postgres', host, password: this.config.get('DB_PASSWORD'), ssl: { rejectUnauthorized: false } };",
      '  }',
      '}',
    );
    assert.deepEqual(findings('src/config/typeorm.service.ts', factory), ['11:rejectUnauthorized rds-sql-tls-verification-off!']);
    const fn = sourceLines(
      "import { ConfigService } from '@nestjs/config';",
      "import { TypeOrmModuleOptions } from '@nestjs/typeorm';",
      '',
      'export const typeOrmConfig = async (config: ConfigService): Promise<TypeOrmModuleOptions> => ({',
      "  type: 'mysql',",
      "  host: config.get('DB_HOST'),",
      "  password: 'Promise#2024',",
      '});',
    );
    assert.deepEqual(findings('src/config/typeorm.config.ts', fn), ["7:'Promise#2024' rds-sql-password!"]);
    const asyncOptions = sourceLines(
      "import { ConfigModule, ConfigService } from '@nestjs/config';",
      "import { TypeOrmModuleAsyncOptions } from '@nestjs/typeorm';",
      '',
      'export const typeOrmAsyncConfig: TypeOrmModuleAsyncOptions = {',
      '  imports: [ConfigModule],',
      '  inject: [ConfigService],',
      '  useFactory: (config: ConfigService) => ({',
      "    type: 'postgres',",
      "    url: config.get('DATABASE_URL'),",
      '    ssl: { rejectUnauthorized: false },', // 10
      '  }),',
      '};',
    );
    assert.deepEqual(findings('src/config/typeorm.config.ts', asyncOptions), ['10:rejectUnauthorized rds-sql-tls-verification-off!']);
    // The return at the function's own level is read; the early one of an `if` is not.
    const early = sourceLines(
      "import { TypeOrmModuleOptions } from '@nestjs/typeorm';",
      '',
      'export function options(test: boolean): TypeOrmModuleOptions {',
      "  if (test) { return { type: 'postgres', host: 'localhost', password: 'postgres' }; }",
      "  return { type: 'postgres', host: process.env.DB_HOST, password: 'Prod#Secret1' };",
      '}',
    );
    assert.deepEqual(findings('src/options.ts', early), ["5:'Prod#Secret1' rds-sql-password!"]);
    // A function of another library's return type says nothing.
    const other = sourceLines("import { Options } from 'got';", '', "export const http = (): Options => ({ password: 'Hunter2!x' });");
    assert.deepEqual(sql('src/http.ts', other), []);
  });

  it('reads the option types of pg, mysql2 and mysql, once when a call of the file takes the object', () => {
    const config = sourceLines(
      "import type { PoolConfig } from 'pg';",
      "import type { PoolOptions } from 'mysql2';",
      "import type { ConnectionConfig } from 'mysql';",
      '',
      'export const pgOptions: PoolConfig = { host: process.env.PG_HOST, password: process.env.PG_PASSWORD };',
      "export const replica: PoolOptions = { host: process.env.REPLICA_HOST, password: 'Replica#2024', ssl: { rejectUnauthorized: false } };",
      "export const legacy: ConnectionConfig = { host: process.env.LEGACY_HOST, password: 'Legacy#2024' };",
      "export const local: PoolConfig = { host: 'localhost', password: 'postgres' };",
    );
    assert.deepEqual(findings('src/config/index.ts', config), ["6:'Replica#2024' rds-sql-password!", '6:rejectUnauthorized rds-sql-tls-verification-off!', "7:'Legacy#2024' rds-sql-password!"]);
    assert.ok(sql('src/config/index.ts', config).includes('5:password rds-sql-password'));
    const used = sourceLines(
      "import { Pool, type ClientConfig } from 'pg';",
      '',
      "const options: ClientConfig = { host: process.env.PG_HOST, password: 'Orders#2024' };",
      'export const pool = new Pool(options);',
    );
    assert.deepEqual(sql('src/db.ts', used), ['3:password rds-sql-password', '4:Pool rds-sql-connection', "3:'Orders#2024' rds-sql-password!"]);
  });

  it('reads a typed object once when a call of the file takes it, and keeps quiet on local and SQLite settings', () => {
    const used = sourceLines(
      "import { DataSource, DataSourceOptions } from 'typeorm';",
      '',
      "const options: DataSourceOptions = { type: 'mysql', host: process.env.DB_HOST, password: 'Orders#2024' };",
      'export const AppDataSource = new DataSource(options);',
    );
    assert.deepEqual(findings('src/data-source.ts', used), ["3:'Orders#2024' rds-sql-password!"]);
    // A local development default (the host falls back on localhost), as the drivers' fallbacks.
    const local = sourceLines(
      "import { TypeOrmModuleOptions } from '@nestjs/typeorm';",
      '',
      'export const typeORMConfig: TypeOrmModuleOptions = {',
      "  type: 'postgres',",
      "  host: process.env.DB_HOSTNAME || 'localhost',",
      "  password: process.env.DB_PASSWORD || '1234',",
      '};',
    );
    assert.deepEqual(findings('src/configs/typeorm.config.ts', local), []);
    const sqlite = sourceLines("import { DataSourceOptions } from 'typeorm';", '', "export const options: DataSourceOptions = { type: 'better-sqlite3', database: ':memory:', password: 'x1y2z3w4' };");
    assert.deepEqual(sql('src/test-options.ts', sqlite), []);
    // An object of another type, and a type of another library, are no connection options.
    const other = sourceLines("import { Options } from 'got';", '', "export const options: Options = { password: 'Hunter2!x', timeout: { request: 1000 } };");
    assert.deepEqual(sql('src/http.ts', other), []);
  });
});

describe('SQL options another file hands to a driver or an ORM (workspace mode)', () => {
  it('reads an exported object, the objects a function returns and the entries a Sequelize configuration holds', () => {
    const dbConfig = sourceLines(
      'export const dbConfig = {',
      '  host: process.env.PG_HOST,',
      "  password: 'Orders#2024',",
      '  ssl: { rejectUnauthorized: false },',
      '};',
      "export const unrelated = { password: 'Other#2024' };",
    );
    const pool = sourceLines("import { Pool } from 'pg';", "import { dbConfig } from './config';", '', 'export const pool = new Pool(dbConfig);');
    const files = { 'src/config.ts': dbConfig, 'src/pool.ts': pool };
    assert.deepEqual(
      hintsOfFile(files, 'src/config.ts').filter((hint) => hint.endsWith('!')),
      ["3:'Orders#2024' rds-sql-password!", '4:rejectUnauthorized rds-sql-tls-verification-off!'],
    );
    const ormConfig = sourceLines(
      'export function ormConfig() {',
      "  const live = { type: 'postgres', host: process.env.DB_HOST, password: 'Live#2024' };",
      "  const testing = { type: 'postgres', host: 'localhost', password: 'Test#2024' };",
      "  return process.env.NODE_ENV === 'test' ? testing : live;",
      '}',
      "export const sqliteConfig = () => ({ type: 'sqlite', database: 'app.db', password: 'Lite#2024' });",
    );
    const module = sourceLines(
      "import { TypeOrmModule } from '@nestjs/typeorm';",
      "import { ormConfig, sqliteConfig } from './ormconfig';",
      '',
      'export const imports = [TypeOrmModule.forRoot(ormConfig()), TypeOrmModule.forRoot(sqliteConfig())];',
    );
    assert.deepEqual(hintsOfFile({ 'src/ormconfig.ts': ormConfig, 'src/app.module.ts': module }, 'src/ormconfig.ts').filter((hint) => hint.endsWith('!')), ["2:'Live#2024' rds-sql-password!"]);
    const byEnvironment = sourceLines(
      'module.exports = {',
      "  development: { host: 'localhost', password: 'Dev#2024', dialect: 'postgres' },",
      "  production: { host: process.env.DB_HOST, password: 'Prod#2024', dialect: 'postgres' },",
      '};',
    );
    const named = sourceLines('const configs = {', "  production: { host: process.env.DB_HOST, password: 'Prod#2024', dialect: 'postgres' },", '};', 'module.exports = configs;');
    const models = sourceLines(
      "const { Sequelize } = require('sequelize');",
      "const configs = require('../config/config');",
      "const config = configs[process.env.NODE_ENV || 'development'];",
      'module.exports = new Sequelize(config.database, config.username, config.password, config);',
    );
    assert.deepEqual(hintsOfFile({ 'config/config.js': named, 'models/index.js': models }, 'config/config.js').filter((hint) => hint.endsWith('!')), ["2:'Prod#2024' rds-sql-password!"]);
    // `module.exports = {...}` read as the generated models index reads it, `require(...)[env]`; the local entry stays silent.
    const generated = sourceLines(
      "const Sequelize = require('sequelize');",
      "const config = require('../config/config')[process.env.NODE_ENV || 'development'];",
      'module.exports = new Sequelize(config.database, config.username, config.password, config);',
    );
    assert.deepEqual(hintsOfFile({ 'config/config.js': byEnvironment, 'models/index.js': generated }, 'config/config.js').filter((hint) => hint.endsWith('!')), ["3:'Prod#2024' rds-sql-password!"]);
    // The whole configuration handed on is one object, which names localhost (its development entry); sequelize-cli
    // still reads config/config.js per environment by its name, so production's password is reported once.
    const whole = generated.replace("require('../config/config')[process.env.NODE_ENV || 'development']", "require('../config/config')");
    assert.deepEqual(hintsOfFile({ 'config/config.js': byEnvironment, 'models/index.js': whole }, 'config/config.js').filter((hint) => hint.endsWith('!')), ["3:'Prod#2024' rds-sql-password!"]);
    assert.deepEqual(hintsOfFile({ 'config/settings.js': byEnvironment, 'models/index.js': whole.replace('config/config', 'config/settings') }, 'config/settings.js').filter((hint) => hint.endsWith('!')), []);
  });

  it('reads the options an imported function returns when a local holds them before the driver takes them', () => {
    const config = sourceLines(
      "import type pg from 'pg';",
      'export function migrationPoolConfig(): pg.PoolConfig {',
      "  if (process.env.STAGE === 'local') {",
      "    return { host: 'localhost', password: 'Local#2024', ssl: false };",
      '  }',
      "  return { host: process.env.PGHOST, password: 'Migrate#2024', ssl: { rejectUnauthorized: false } };",
      '}',
    );
    const runner = sourceLines(
      "import pg from 'pg';",
      "import { migrationPoolConfig } from '../src/db/config';",
      '',
      'async function migrate(): Promise<void> {',
      '  const poolConfig = migrationPoolConfig();',
      '  const pool = new pg.Pool(poolConfig);',
      '  await pool.end();',
      '}',
      'void migrate();',
    );
    const found = (all: Record<string, string>): string[] => hintsOfFile(all, 'src/db/config.ts').filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found({ 'src/db/config.ts': config, 'scripts/migrate.ts': runner }), [
      "6:'Migrate#2024' rds-sql-password!",
      '6:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
    // A call with arguments may choose other options, and a package's function is not the project's: neither is read.
    for (const [from, to] of [
      ['migrationPoolConfig();', "migrationPoolConfig('admin');"],
      ["from '../src/db/config'", "from 'pool-config'"],
    ]) {
      assert.deepEqual(found({ 'src/db/config.ts': config, 'scripts/migrate.ts': runner.replace(from, to) }), [], to);
    }
  });

  it('reads a key of the exported object that another file hands on as a member of the module (config.database)', () => {
    const config = sourceLines(
      'const port = 3000;',
      'const reporting = { dialect: \'postgres\', password: \'Report#2024\' };',
      'module.exports = {',
      '  port,',
      '  database: {',
      '    host: process.env.PGHOST,',
      "    password: 'Ledger#2024',",
      '    ssl: { rejectUnauthorized: false },',
      '  },',
      '  reporting: reporting,',
      "  seed: { host: 'localhost', password: 'Seed#2024' },",
      "  unused: { host: process.env.OTHER_HOST, password: 'Other#2024' },",
      '};',
    );
    const pool = sourceLines("const { Pool } = require('pg');", "const config = require('../config');", '', 'module.exports = new Pool(config.database);');
    const orm = sourceLines("const { Sequelize } = require('sequelize');", "const config = require('../config');", '', 'module.exports = new Sequelize(process.env.REPORTING_URL, config.reporting);');
    const seed = sourceLines("const { Client } = require('pg');", "const config = require('../config');", '', 'const client = new Client(config.seed);');
    const files = { 'config/index.js': config, 'src/pool.js': pool, 'src/orm.js': orm, 'scripts/seed.js': seed };
    const found = (all: Record<string, string>, file: string): string[] => hintsOfFile(all, file).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found(files, 'config/index.js'), ["2:'Report#2024' rds-sql-password!", "7:'Ledger#2024' rds-sql-password!", '8:rejectUnauthorized rds-sql-tls-verification-off!']);
    // `export default { ... }` read through `import settings from ...`.
    const settings = sourceLines('export default {', "  orm: { dialect: 'postgres', host: process.env.DB_HOST, password: 'Orm#2024' },", '};');
    const app = sourceLines("import { Sequelize } from 'sequelize';", "import settings from './settings';", '', 'export const sequelize = new Sequelize(process.env.DB_URL, settings.orm);');
    assert.deepEqual(found({ 'src/settings.ts': settings, 'src/db.ts': app }, 'src/settings.ts'), ["2:'Orm#2024' rds-sql-password!"]);
    // A member of a named import or of one entry of the module is not the module's export of that name.
    for (const [required, use] of [
      ["const { config } = require('../config');", 'config.database'],
      ["const config = require('../config')[process.env.NODE_ENV];", 'config.database'],
    ]) {
      const other = sourceLines("const { Pool } = require('pg');", required, '', `module.exports = new Pool(${use});`);
      assert.deepEqual(found({ 'config/index.js': config, 'src/pool.js': other }, 'config/index.js'), [], required);
    }
  });
});
