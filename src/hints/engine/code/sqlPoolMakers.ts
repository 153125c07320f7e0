/** The calls of SQL drivers and ORMs that make a connection pool or an engine rather than one connection. */
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
