/** The calls of SQL drivers and ORMs that make a connection pool or an engine, and those that open one connection. */
import type { Family } from '../lexer';

/**
 * The names, by the last name of the call, of the drivers' and ORMs' makers of a pool (which `sqlConnections.ts`
 * recognises as a driver's in the first place): psycopg2, psycopg_pool, mysql-connector, asyncpg and aiomysql,
 * SQLAlchemy's engines; `pg`'s and mysql2's pools, Sequelize, TypeORM; `database/sql` and GORM; JDBC pools.
 */
const POOL_MAKERS: Partial<Record<Family, ReadonlySet<string>>> = {
  python: new Set(['SimpleConnectionPool', 'ThreadedConnectionPool', 'ConnectionPool', 'AsyncConnectionPool', 'MySQLConnectionPool', 'create_pool', 'create_engine', 'create_async_engine']),
  js: new Set(['Pool', 'createPool', 'Sequelize', 'DataSource']),
  go: new Set(['Open']),
  java: new Set(['HikariDataSource', 'ComboPooledDataSource', 'BasicDataSource']),
};

/** Whether the text of a construction's name (`create_engine`, `MySQLConnectionPool`) makes a pool in this language. */
export function namesPoolMaker(family: Family, name: string): boolean {
  return POOL_MAKERS[family]?.has(name) === true;
}

/** Whether the language has pool makers this engine reads. */
export function hasPoolMakers(family: Family): boolean {
  return POOL_MAKERS[family] !== undefined;
}

/**
 * The drivers' calls that open one physical connection and no pool, by the last name of the call (again only where
 * `sqlConnections.ts` recognises the driver): `pg`'s `Client`, `mysql`'s and mysql2's `createConnection`; psycopg2,
 * psycopg, PyMySQL, MySQL Connector/Python, MariaDB, asyncpg, aiomysql and pg8000's `connect` and connection classes;
 * JDBC's `DriverManager.getConnection`. Not Go's (`sql.Open` is a pool; pgx's `Connect` has the name of pgxpool v4's,
 * which makes a pool), nor .NET's, whose drivers pool by connection string underneath.
 */
const CONNECTION_MAKERS: Partial<Record<Family, ReadonlySet<string>>> = {
  python: new Set(['connect', 'Connect', 'Connection', 'MySQLConnection', 'CMySQLConnection']),
  js: new Set(['Client', 'createConnection']),
  java: new Set(['getConnection']),
};

/** Whether the text of a construction's name (`createConnection`, `connect`) opens a single connection in this language. */
export function namesConnectionMaker(family: Family, name: string): boolean {
  return CONNECTION_MAKERS[family]?.has(name) === true;
}
