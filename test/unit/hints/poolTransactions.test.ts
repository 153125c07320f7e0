/**
 * `rds-sql-pool-transaction`: BEGIN sent through a connection pool (`pool.query('BEGIN')`, asyncpg's `pool.execute`, Go's `db.Exec("BEGIN")`
 * on a `*sql.DB`), whose later statements may run on other connections. A checked-out connection's transaction,
 * a single client's, a BEGIN inside one multi-statement query and Go's `BeginTx` stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['rds-sql-pool-transaction'];

describe('a transaction begun through a connection pool', () => {
  it('reports BEGIN and START TRANSACTION through a pg or mysql2 pool, made in the file or named a pool', () => {
    const code = sourceLines(
      "import { Pool } from 'pg';",
      "import mysql from 'mysql2/promise';",
      "import { getDbPool } from './db';",
      '',
      'const orders = new Pool({ host: process.env.DB_HOST });',
      'const shop = mysql.createPool({ host: process.env.DB_HOST });',
      '',
      'export async function transfer(amount: number) {',
      "  await orders.query('BEGIN');", // 9
      "  await orders.query('UPDATE accounts SET balance = balance - $1', [amount]);",
      "  await orders.query('COMMIT');",
      "  await shop.execute('START TRANSACTION');", // 12
      '  const pool = getDbPool();',
      "  await pool.query('begin isolation level serializable;');", // 14
      "  await this.pool.query('BEGIN');", // 15
      '}',
    );
    assert.deepEqual(hintsOfRules('ledger.ts', code, RULE), [
      "12:'START TRANSACTION' rds-sql-pool-transaction",
      "12:'START TRANSACTION' rds-sql-pool-transaction!",
      "14:'begin isolation level serializable;' rds-sql-pool-transaction",
      "14:'begin isolation level serializable;' rds-sql-pool-transaction!",
      "15:'BEGIN' rds-sql-pool-transaction",
      "15:'BEGIN' rds-sql-pool-transaction!",
      "9:'BEGIN' rds-sql-pool-transaction",
      "9:'BEGIN' rds-sql-pool-transaction!",
    ]);
  });

  it('stays silent on a checked-out connection, a single client, a whole script in one query and other strings', () => {
    const code = sourceLines(
      "import { Client, Pool } from 'pg';",
      '',
      'const pool = new Pool();',
      'const single = new Client();',
      '',
      'export async function transfer() {',
      '  const client = await pool.connect();',
      "  await client.query('BEGIN');",
      "  await client.query('COMMIT');",
      '  client.release();',
      "  await single.query('BEGIN');",
      "  await pool.query('BEGIN; UPDATE accounts SET balance = 0; COMMIT;');",
      "  await pool.query('SELECT begin_date FROM terms');",
      '  const poolConnection = await pool.getConnection();',
      "  await poolConnection.query('BEGIN');",
      "  logger.query('BEGIN');",
      '}',
    );
    assert.deepEqual(hintsOfRules('ledger.ts', code, RULE), []);
  });

  it('reports BEGIN through an asyncpg pool, and not through a connection acquired from it', () => {
    const code = sourceLines(
      'import asyncpg',
      '',
      '',
      'class Ledger:',
      '    async def start(self):',
      '        self.pool = await asyncpg.create_pool(dsn="postgresql://app@db/ledger")',
      '',
      '    async def transfer(self, amount):',
      '        await self.pool.execute("BEGIN")', // 9
      '        await self.pool.execute("UPDATE accounts SET balance = balance - $1", amount)',
      '        async with self.pool.acquire() as connection:',
      '            await connection.execute("BEGIN")',
      '        reports = await asyncpg.create_pool(dsn="postgresql://app@db/reports")',
      '        await reports.fetch("START TRANSACTION READ ONLY")', // 14
    );
    assert.deepEqual(hintsOfRules('ledger.py', code, RULE), [
      '14:"START TRANSACTION READ ONLY" rds-sql-pool-transaction',
      '14:"START TRANSACTION READ ONLY" rds-sql-pool-transaction!',
      '9:"BEGIN" rds-sql-pool-transaction',
      '9:"BEGIN" rds-sql-pool-transaction!',
    ]);
  });

  it('reports BEGIN through a Go *sql.DB, made by sql.Open or declared, and not through a transaction or a connection', () => {
    const code = sourceLines(
      'package ledger',
      '',
      'import (',
      '\t"context"',
      '\t"database/sql"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'func Transfer(ctx context.Context, db *sql.DB, conn *sql.Conn) error {',
      '\tif _, err := db.ExecContext(ctx, "BEGIN"); err != nil {', // 11
      '\t\treturn err',
      '\t}',
      '\tconn.ExecContext(ctx, "BEGIN")',
      '\ttx, _ := db.BeginTx(ctx, nil)',
      '\ttx.Exec("BEGIN")',
      '\tother, _ := sql.Open("postgres", "")',
      '\tother.Exec("START TRANSACTION")', // 18
      '\t_, err := db.Exec("COMMIT")',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hintsOfRules('ledger.go', code, RULE), [
      '11:"BEGIN" rds-sql-pool-transaction',
      '11:"BEGIN" rds-sql-pool-transaction!',
      '18:"START TRANSACTION" rds-sql-pool-transaction',
      '18:"START TRANSACTION" rds-sql-pool-transaction!',
    ]);
  });
});
