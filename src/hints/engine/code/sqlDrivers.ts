/**
 * The SQL drivers of JavaScript, TypeScript and Python by module (`sqlConnections.ts` reads their calls): the import
 * paths that open a connection or a pool, and the pool a DBUtils call makes with a driver as its creator.
 */
import type { CodeAnalyzer } from './analyzer';
import { poolCreator } from './sqlDbutils';
import { PYTHON_ORM_PATHS } from './sqlOrmPython';
import type { SqlFlavor } from './sqlConnections';
import { PRISMA_PG_ADAPTER } from './prismaAdapters';

export interface Driver {
  flavor: SqlFlavor;
  /** Import paths that open a connection or a pool: the imported name and the members read from it. */
  paths: ReadonlySet<string>;
  /** Made with `new` (`new Pool(...)`) rather than called (`mysql.createPool(...)`). */
  constructed?: true;
  /** Of a library made with `new`, the paths it also opens with a call (TypeORM's `createConnection`). */
  called?: ReadonlySet<string>;
  /** A Python ORM whose call names what it opens in its URL (`sqlOrmPython.ts`). */
  orm?: true;
  /** Takes the driver's options or an open pool (Prisma's `PrismaPg`): a connection only when given options. */
  optionsOnly?: true;
}

const MYSQL_FACTORIES = new Set(['createConnection', 'createPool', 'createPoolCluster']);

/** JavaScript and TypeScript modules by name. A default or namespace import of `pg` reads `pg.Pool`; `require('pg').Pool` binds the module's path. */
export const JS_DRIVERS: Readonly<Record<string, Driver>> = {
  pg: { flavor: 'pg', paths: new Set(['Pool', 'Client', 'default.Pool', 'default.Client', 'native.Pool', 'native.Client']), constructed: true },
  mysql2: { flavor: 'mysql2', paths: MYSQL_FACTORIES },
  'mysql2/promise': { flavor: 'mysql2', paths: MYSQL_FACTORIES },
  mysql: { flavor: 'mysql', paths: MYSQL_FACTORIES },
  // promise-mysql wraps `mysql`: the same factories and options, each returning a promise of the connection or pool.
  'promise-mysql': { flavor: 'mysql', paths: MYSQL_FACTORIES },
  // porsager's `postgres`: the module's default export is the function that opens the connection pool.
  postgres: { flavor: 'postgres-js', paths: new Set(['', 'default']) },
  sequelize: { flavor: 'sequelize', paths: new Set(['Sequelize', 'default', 'default.Sequelize']), constructed: true },
  'sequelize-typescript': { flavor: 'sequelize', paths: new Set(['Sequelize', 'default.Sequelize']), constructed: true },
  '@nestjs/sequelize': { flavor: 'sequelize', paths: new Set(['SequelizeModule.forRoot', 'SequelizeModule.forRootAsync']) },
  typeorm: { flavor: 'typeorm', paths: new Set(['DataSource', 'default.DataSource']), constructed: true, called: new Set(['createConnection', 'default.createConnection']) },
  '@nestjs/typeorm': { flavor: 'typeorm', paths: new Set(['TypeOrmModule.forRoot', 'TypeOrmModule.forRootAsync']) },
  // knex's default export (also its `knex` export) is the function that makes the query builder and its pool.
  knex: { flavor: 'knex', paths: new Set(['', 'default', 'knex', 'default.knex']) },
  'pg-promise': { flavor: 'pg', paths: new Set() },
  '@prisma/adapter-pg': PRISMA_PG_ADAPTER,
};

/** Python modules by name (`import psycopg2`, `from psycopg2 import pool`, `import mysql.connector`, `import mariadb`). */
const PYTHON_DRIVERS: Readonly<Record<string, Driver>> = {
  psycopg2: { flavor: 'psycopg2', paths: new Set(['connect', 'pool.SimpleConnectionPool', 'pool.ThreadedConnectionPool']) },
  'psycopg2.pool': { flavor: 'psycopg2', paths: new Set(['SimpleConnectionPool', 'ThreadedConnectionPool']) },
  psycopg: { flavor: 'psycopg', paths: new Set(['connect', 'Connection.connect', 'AsyncConnection.connect']) },
  psycopg_pool: { flavor: 'psycopg', paths: new Set(['ConnectionPool', 'AsyncConnectionPool']) },
  pymysql: { flavor: 'pymysql', paths: new Set(['connect', 'Connect', 'Connection', 'connections.Connection']) },
  asyncpg: { flavor: 'asyncpg', paths: new Set(['connect', 'create_pool']) },
  aiomysql: { flavor: 'aiomysql', paths: new Set(['connect', 'create_pool']) },
  // pg8000: the legacy `connect` and `Connection`, the DB-API module's, and the native interface's `Connection`.
  pg8000: { flavor: 'pg8000', paths: new Set(['connect', 'Connection', 'dbapi.connect', 'dbapi.Connection', 'native.Connection']) },
  'pg8000.dbapi': { flavor: 'pg8000', paths: new Set(['connect', 'Connection']) },
  'pg8000.native': { flavor: 'pg8000', paths: new Set(['Connection']) },
  // The connection classes `connect()` returns, made directly: `mysql.connector.MySQLConnection(**config)`.
  mysql: { flavor: 'mysql-connector', paths: new Set(['connector.connect', 'connector.MySQLConnection', 'connector.CMySQLConnection', 'connector.connection.MySQLConnection', 'connector.pooling.MySQLConnectionPool']) },
  'mysql.connector': { flavor: 'mysql-connector', paths: new Set(['connect', 'MySQLConnection', 'CMySQLConnection', 'connection.MySQLConnection', 'pooling.MySQLConnectionPool']) },
  'mysql.connector.connection': { flavor: 'mysql-connector', paths: new Set(['MySQLConnection']) },
  'mysql.connector.pooling': { flavor: 'mysql-connector', paths: new Set(['MySQLConnectionPool']) },
  // MariaDB Connector/Python (`import mariadb`): a connection and its pool class, both taking the server's keywords.
  mariadb: { flavor: 'mariadb', paths: new Set(['connect', 'ConnectionPool']) },
  ...Object.fromEntries(Object.entries(PYTHON_ORM_PATHS).map(([module, orm]) => [module, { ...orm, orm: true as const }])),
};

/** The driver of the module a name is imported from, by the file's language. */
export function driverOf(a: CodeAnalyzer, module: string): Driver | undefined {
  const table = a.language.family === 'js' ? JS_DRIVERS : a.language.family === 'python' ? PYTHON_DRIVERS : undefined;
  return table && Object.hasOwn(table, module) ? table[module] : undefined;
}

/** The driver a DBUtils pool's creator names: a driver module of the file's imports, or its connecting function. */
export function creatorDriver(a: CodeAnalyzer, open: number): Driver | undefined {
  const creator = poolCreator(a, open);
  const driver = creator ? driverOf(a, creator.module) : undefined;
  if (!creator || !driver || driver.orm) {
    return undefined;
  }
  const path = creator.path;
  return path === '' || driver.paths.has(path) || [...driver.paths].some((opens) => opens.startsWith(`${path}.`)) ? driver : undefined;
}
