/**
 * Configuration modules that knex, TypeORM 0.2 and sequelize-cli load by their names (`code/sqlConfigFiles.ts`):
 * the options each exports, or each environment's, read as the library's connection options; and their JSON forms,
 * `config/config.json` and `ormconfig.json` (`config/ormJson.ts`), with findings only for an RDS endpoint. Silent: a
 * local server's environment, the test environment, an engine RDS does not run, and the same shapes in a file of
 * another name or without the library's key.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

function findings(fileName: string, code: string): string[] {
  return sql(fileName, code).filter((hint) => hint.endsWith('!'));
}

const KNEXFILE = sourceLines(
  "import type { Knex } from 'knex';",
  '',
  "const shared = { client: 'postgresql', migrations: { tableName: 'knex_migrations' } };",
  '',
  'const config: { [key: string]: Knex.Config } = {',
  '  development: {',
  '    ...shared',
  "    connection: { host: 'localhost', database: 'app', user: 'app', password: 'app' },",
  '  },',
  '  test: {', // 10
  '    ...shared,',
  "    connection: { host: process.env.TEST_DB_HOST, database: 'app_test', password: 'test-only' },",
  '  },',
  '  production: {',
  '    ...shared,',
  '    connection: {',
  '      host: process.env.DB_HOST,',
  "      password: 'Autumn-2024!',",
  '      ssl: { rejectUnauthorized: false },',
  '    },', // 20
  '  },',
  '};',
  '',
  'export default config;',
);

describe('SQL configuration modules loaded by their names', () => {
  it("reads each environment of a knexfile: production's literal password and unverified TLS, not the local or test environments", () => {
    assert.deepEqual(findings('db/knexfile.ts', KNEXFILE), ["18:'Autumn-2024!' rds-sql-password!", '19:rejectUnauthorized rds-sql-tls-verification-off!']);
    const hovers = sql('db/knexfile.ts', KNEXFILE);
    assert.ok(hovers.includes('19:ssl rds-sql-tls-verification-off'));
    assert.ok(!hovers.some((hint) => hint.startsWith('8:') || hint.startsWith('12:')));
  });

  it('reads the same object in a file of another name as nothing', () => {
    assert.deepEqual(sql('db/settings.ts', KNEXFILE), []);
  });

  it('reads a knexfile that exports one configuration, and skips one for SQLite', () => {
    const single = sourceLines(
      'module.exports = {',
      "  client: 'pg',",
      "  connection: { host: process.env.DB_HOST, user: 'app', password: 'Autumn-2024!' },",
      '  pool: { min: 0, max: 7 },',
      '};',
    );
    assert.deepEqual(findings('knexfile.js', single), ["3:'Autumn-2024!' rds-sql-password!"]);
    const sqlite = sourceLines('module.exports = {', "  client: 'sqlite3',", "  connection: { filename: './dev.sqlite3', password: 'Autumn-2024!' },", '};');
    assert.deepEqual(sql('knexfile.js', sqlite), []);
  });

  it('reads environments that spread a base configuration, whose connection a name holds', () => {
    const spread = sourceLines(
      "require('dotenv').config();",
      '',
      'const pgConnection = {',
      '  connectionString: process.env.DATABASE_URL,',
      '  ssl: { rejectUnauthorized: false },',
      '};',
      '',
      "const baseConfig = { client: 'pg', connection: pgConnection, migrations: { directory: './migrations' } };",
      '',
      'module.exports = {', // 10
      '  development: { ...baseConfig },',
      '  production: { ...baseConfig, pool: { min: 2, max: 10 } },',
      '};',
    );
    assert.deepEqual(findings('backend/knexfile.js', spread), ['5:rejectUnauthorized rds-sql-tls-verification-off!']);
  });

  it("reads every connection of an ormconfig list that RDS could serve, by TypeORM's type", () => {
    const ormconfig = sourceLines(
      'module.exports = [',
      '  {',
      "    name: 'default',",
      "    type: 'mysql',",
      '    host: process.env.DB_HOST,',
      "    password: 'Autumn-2024!',",
      '  },',
      "  { name: 'reports', type: 'sqlite', database: 'reports.db', password: 'Autumn-2024!' },",
      '];',
    );
    assert.deepEqual(findings('ormconfig.js', ormconfig), ["6:'Autumn-2024!' rds-sql-password!"]);
    assert.ok(!sql('ormconfig.js', ormconfig).some((hint) => hint.startsWith('8:')));
  });

  it('reads the object a TypeScript ormconfig exports as its default, held by a name', () => {
    const ormconfig = sourceLines(
      "import { ConnectionOptions } from 'typeorm';",
      '',
      'const options = {',
      "  type: 'postgres',",
      '  url: process.env.DATABASE_URL,',
      '  ssl: { rejectUnauthorized: false },',
      '};',
      '',
      'export default options as ConnectionOptions;',
    );
    assert.deepEqual(findings('src/ormconfig.ts', ormconfig), ['6:rejectUnauthorized rds-sql-tls-verification-off!']);
  });

  it("reads sequelize-cli's config module per environment, by its dialect", () => {
    const config = sourceLines(
      "require('dotenv').config();",
      'module.exports = {',
      "  development: { username: 'root', password: null, database: 'app_dev', host: '127.0.0.1', dialect: 'mysql' },",
      '  production: {',
      "    use_env_variable: 'DATABASE_URL',",
      "    dialect: 'postgres',",
      '    dialectOptions: { ssl: { require: true, rejectUnauthorized: false } },',
      '  },',
      '};',
    );
    assert.deepEqual(findings('config/config.js', config), ['7:rejectUnauthorized rds-sql-tls-verification-off!']);
    // An application's own settings in a config module name no dialect a library reads.
    const settings = sourceLines('module.exports = {', '  port: 3000,', "  database: { host: process.env.DB_HOST, password: 'Autumn-2024!' },", "  dialect: 'en-GB',", '};');
    assert.deepEqual(sql('config/config.js', settings), []);
  });

  it('reads each database an environment lists, as a project that opens several per environment writes them', () => {
    const config = sourceLines(
      'module.exports = {',
      '  staging: [',
      "    { tag: 'default', username: 'postgres', password: 'postgres', host: '127.0.0.1', dialect: 'postgres' },",
      "    { tag: 'reports', username: 'reader', password: 'Reports-2020', host: 'reports.c1x2y3z4.us-east-1.rds.amazonaws.com', dialect: 'postgres' },",
      "    { tag: 'cache', storage: './cache.sqlite', dialect: 'sqlite' },",
      '  ],',
      "  test: [{ tag: 'default', password: 'ci-only', host: 'ci.c1x2y3z4.us-east-1.rds.amazonaws.com', dialect: 'postgres' }],",
      "  regions: ['us-east-1', 'eu-west-1'],",
      '};',
    );
    assert.deepEqual(findings('config/config.js', config), ["4:'Reports-2020' rds-sql-password!"]);
    assert.deepEqual(sql('config/config.js', config), ['4:password rds-sql-password', "4:'Reports-2020' rds-sql-password!"]);
  });

  it("reads sequelize-cli's config.json per environment, with findings for an RDS endpoint only", () => {
    const config = sourceLines(
      '{',
      '  "development": { "username": "root", "password": "dev", "host": "127.0.0.1", "dialect": "mysql" },',
      '  "test": { "username": "ci", "password": "ci", "host": "ci.c1x2y3.us-east-1.rds.amazonaws.com", "dialect": "mysql" },',
      '  "staging": { "username": "app", "password": "Staging2021", "host": "db.internal.example.com", "dialect": "mysql" },',
      '  "production": {',
      '    "username": "admin",',
      '    "password": "Summer2021!",',
      '    "host": "app.c1x2y3.us-east-1.rds.amazonaws.com",',
      '    "dialect": "mysql",',
      '    "ssl": false,', // 10
      '    "dialectOptions": { "ssl": { "rejectUnauthorized": false } }',
      '  }',
      '}',
    );
    assert.deepEqual(findings('config/config.json', config), ['7:"Summer2021!" rds-sql-password!', '11:"rejectUnauthorized" rds-sql-tls-verification-off!']);
    const hovers = sql('config/config.json', config);
    // Staging's server gets hovers; the local development server, the test environment and Sequelize's own top-level `ssl`, nothing.
    assert.ok(hovers.includes('4:"password" rds-sql-password'));
    assert.ok(!hovers.some((hint) => hint.startsWith('2:') || hint.startsWith('3:') || hint.startsWith('10:')));
    assert.deepEqual(sql('config/settings.json', config), []);
    // An environment that lists several databases: each, as its own environment would be.
    const listed = sourceLines(
      '{',
      '  "staging": [',
      '    { "password": "local", "host": "localhost", "dialect": "postgres" },',
      '    { "password": "Reports2020", "host": "reports.c1x2y3.us-east-1.rds.amazonaws.com", "dialect": "postgres" }',
      '  ],',
      '  "test": [{ "password": "ci", "host": "ci.c1x2y3.us-east-1.rds.amazonaws.com", "dialect": "postgres" }]',
      '}',
    );
    assert.deepEqual(sql('config/config.json', listed), ['4:"password" rds-sql-password', '4:"Reports2020" rds-sql-password!']);
  });

  it("reads an ormconfig.json connection, and none of an engine RDS does not run", () => {
    const rds = sourceLines('{', '  "type": "postgres",', '  "host": "app.c1x2y3.us-east-1.rds.amazonaws.com",', '  "password": "Summer2021!",', '  "ssl": { "rejectUnauthorized": false }', '}');
    assert.deepEqual(findings('ormconfig.json', rds), ['4:"Summer2021!" rds-sql-password!', '5:"rejectUnauthorized" rds-sql-tls-verification-off!']);
    const mongo = sourceLines('[', '  { "type": "mongodb", "host": "docs.example.com", "password": "Summer2021!" }', ']');
    assert.deepEqual(sql('ormconfig.json', mongo), []);
  });
});
