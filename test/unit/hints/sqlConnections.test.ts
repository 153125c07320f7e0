/**
 * SQL driver connections to RDS and Aurora (`code/sqlConnections.ts`): a hover on each call of pg, postgres,
 * mysql2, psycopg2, psycopg, PyMySQL, asyncpg or MySQL Connector/Python that opens a connection or pool, and
 * the findings `rds-sql-connection-per-invocation` (a Lambda handler opens it on each invocation),
 * `rds-sql-tls-verification-off` (an explicit switch that accepts any certificate) and `rds-sql-password`
 * (a literal password). ORMs are tested in `sqlOrmJs.test.ts` and `sqlOrmPythonGo.test.ts`. Silent: a lazily kept or module-level pool, SQLite, a project's own
 * `connect()`, SQL text, environment reads, and a local database in a test.
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

describe('SQL driver connections to RDS', () => {
  it('reports a pg Pool a Lambda handler makes per invocation, with its literal password and TLS verification off', () => {
    const handler = sourceLines(
      "const { Pool } = require('pg');",
      '',
      'exports.handler = async (event, context) => {',
      '  const pool = new Pool({',
      '    host: process.env.PGHOST,',
      "    user: 'reporting',",
      "    password: 'Winter2024!',",
      '    ssl: { rejectUnauthorized: false },',
      '  });',
      "  const { rows } = await pool.query('SELECT id, total FROM invoices WHERE customer_id = $1', [event.customerId]);",
      '  await pool.end();',
      '  return rows;',
      '};',
    );
    assert.deepEqual(findings('src/invoices.js', handler), [
      '4:Pool rds-sql-connection-per-invocation!',
      "7:'Winter2024!' rds-sql-password!",
      '8:rejectUnauthorized rds-sql-tls-verification-off!',
    ]);
    const hovers = sql('src/invoices.js', handler).filter((hint) => !hint.endsWith('!'));
    assert.ok(hovers.includes('4:Pool rds-sql-connection'));
    assert.ok(hovers.includes('7:password rds-sql-password'));
    assert.ok(hovers.includes('8:ssl rds-sql-tls-verification-off'));
    // SQL text in the query is not read as anything.
    assert.ok(!hovers.some((hint) => hint.startsWith('10:')));
  });

  it('keeps quiet on a pool held by a repository class, a lazily made module pool and environment passwords', () => {
    const repository = sourceLines(
      "import mysql from 'mysql2/promise';",
      "import type { Pool } from 'mysql2/promise';",
      '',
      'export class OrderRepository {',
      '  private readonly pool: Pool;',
      '  constructor() {',
      '    this.pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, connectionLimit: 4 });',
      '  }',
      '  async byId(id: string) {',
      "    const [rows] = await this.pool.query('SELECT * FROM orders WHERE id = ?', [id]);",
      '    return rows;',
      '  }',
      '}',
    );
    assert.deepEqual(sql('src/orders/repository.ts', repository), ['7:createPool rds-sql-connection', '7:password rds-sql-password']);
    const lazy = sourceLines(
      "import pg from 'pg';",
      '',
      'let pool: pg.Pool | undefined;',
      '',
      'function getPool(): pg.Pool {',
      '  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });',
      '  return pool;',
      '}',
      '',
      'export const handler = async (event: { id: string }) => {',
      '  if (!pool) {',
      '    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });',
      '  }',
      "  return (await getPool().query('select 1')).rows;",
      '};',
    );
    assert.deepEqual(findings('src/lazy.ts', lazy), []);
    assert.deepEqual(sql('src/lazy.ts', lazy), ['6:Pool rds-sql-connection', '12:Pool rds-sql-connection']);
  });

  it('reports a pymysql connection a Python handler opens and closes on each invocation, not one made at module level', () => {
    const handler = sourceLines(
      'import os',
      'import pymysql',
      '',
      'DB_HOST = os.environ["DB_HOST"]',
      'shared = pymysql.connect(host=DB_HOST, user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"], database="shop")',
      '',
      'def lambda_handler(event, context):',
      '    conn = pymysql.connect(host=DB_HOST, user="admin", passwd="s3cr3t-admin", db="shop", connect_timeout=5)',
      '    try:',
      '        with conn.cursor() as cur:',
      '            cur.execute("SELECT COUNT(*) FROM orders")',
      '            return cur.fetchone()[0]',
      '    finally:',
      '        conn.close()',
    );
    assert.deepEqual(findings('functions/count_orders/app.py', handler), ['8:connect rds-sql-connection-per-invocation!', '8:"s3cr3t-admin" rds-sql-password!']);
  });

  it('reads the Python drivers: psycopg2, psycopg, asyncpg, mysql.connector, DSN passwords and TLS off switches', () => {
    const code = sourceLines(
      'import ssl',
      'import asyncpg',
      'import mysql.connector',
      'import psycopg',
      'from psycopg2 import connect',
      'import pymysql',
      '',
      'legacy = connect("host=orders.cluster-abc.eu-west-1.rds.amazonaws.com dbname=orders user=app password=plain sslmode=require")',
      'modern = psycopg.connect(os.environ["DATABASE_URL"], sslmode="verify-full")',
      'reports = mysql.connector.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"])',
      'strict = pymysql.connect(host=os.environ["DB_HOST"], ssl={"ca": "/opt/global-bundle.pem"})',
      'loose = pymysql.connect(host=os.environ["DB_HOST"], ssl={"cert_reqs": ssl.CERT_NONE, "check_hostname": False})',
      '',
      'async def pool():',
      '    return await asyncpg.create_pool(dsn=os.environ["DATABASE_URL"], min_size=1, max_size=2)',
    );
    assert.deepEqual(findings('app/db.py', code), [
      '8:"host=orders.cluster-abc.eu-west-1.rds.amazonaws.com dbname=orders user=app password=plain sslmode=require" rds-sql-password!',
      '12:"cert_reqs" rds-sql-tls-verification-off!',
      '12:"check_hostname" rds-sql-tls-verification-off!',
    ]);
    const connections = sql('app/db.py', code).filter((hint) => / rds-sql-connection$/.test(hint));
    assert.deepEqual(connections, ['8:connect rds-sql-connection', '9:connect rds-sql-connection', '10:connect rds-sql-connection', '11:connect rds-sql-connection', '12:connect rds-sql-connection', '15:create_pool rds-sql-connection']);
  });

  it('says nothing for SQLite (also through SQLAlchemy), a project wrapper, shadowed names, strings and comments', () => {
    const python = sourceLines(
      'import sqlite3',
      'from sqlalchemy import create_engine',
      'from .db import connect',
      '',
      'local = sqlite3.connect("cache.db")',
      'engine = create_engine("sqlite:///app.db")',
      'conn = connect()  # psycopg2.connect(password="x") in a comment',
      'text = "pymysql.connect(password=\'x\')"',
    );
    assert.deepEqual(sql('app/store.py', python), []);
    const js = sourceLines(
      "import { Pool } from 'pg';",
      '',
      '// new Pool({ password: "commented" })',
      'export function makePool(Pool: any, options: object) {',
      '  return new Pool(options);',
      '}',
      'function connect(config) {',
      '  return config;',
      '}',
      "const described = 'new Pool({ password: \"text\" })';",
    );
    assert.deepEqual(sql('src/wrappers.ts', js), []);
  });

  it('says nothing about a local database in a test, and no finding for one outside tests', () => {
    const test = sourceLines(
      "import { Pool } from 'pg';",
      '',
      "describe('orders', () => {",
      '  let pool: Pool;',
      "  beforeAll(() => { pool = new Pool({ host: 'localhost', user: 'postgres', password: 'postgres' }); });",
      "  it('reads', async () => { await pool.query('select 1'); });",
      '});',
    );
    assert.deepEqual(sql('test/orders.test.ts', test), []);
    const dev = sourceLines(
      'import pymysql',
      '',
      'def seed():',
      '    conn = pymysql.connect(host="127.0.0.1", user="root", password="root")',
      '    conn.close()',
    );
    assert.deepEqual(sql('scripts/seed.py', dev), ['4:connect rds-sql-connection']);
  });

  it('reads a placeholder a sample asks to replace as no password', () => {
    const sample = sourceLines(
      'import pymysql',
      '',
      "db = pymysql.connect(host='YOUR RDS ENDPOINT', user='YOUR USER', password='YOUR MASTER PASSWORD')",
      "other = pymysql.connect(host='db.internal', user='app', password='<password>')",
    );
    assert.deepEqual(findings('samples/connect.py', sample), []);
    // The name of the variable or parameter the password is to come from, written in its place.
    const named = sourceLines('import psycopg2', '', "DB_PASSWORD = 'POSTGRES_PASSWORD'", "conn = psycopg2.connect(host='db.internal', user='app', password=DB_PASSWORD)", "other = psycopg2.connect(host='db.internal', user='app', password='MYSQL_ROOT_PWD')");
    assert.deepEqual(findings('samples/connect.py', named), []);
    const real = sourceLines('import psycopg2', '', "conn = psycopg2.connect(host='db.internal', user='app', password='S3cret_PASSWORD!')");
    assert.deepEqual(findings('samples/connect.py', real), ["3:'S3cret_PASSWORD!' rds-sql-password!"]);
  });

  it('reads options held by a variable and names destructured from the pg module', () => {
    const code = sourceLines(
      "import pg from 'pg';",
      'const { Client } = pg;',
      '',
      'const config = {',
      '  host: process.env.DB_HOST,',
      "  password: 'from-config',",
      '};',
      '',
      'export async function handler(event) {',
      '  const client = new Client(config);',
      '  await client.connect();',
      "  const res = await client.query('SELECT now()');",
      '  await client.end();',
      '  return res.rows[0];',
      '}',
    );
    assert.deepEqual(findings('src/now.mjs', code), ["6:'from-config' rds-sql-password!", '10:Client rds-sql-connection-per-invocation!']);
  });
});

describe('SQL connections opened by another module\'s function a Lambda handler calls (workspace mode)', () => {
  const DB = sourceLines(
    'import os',
    'import psycopg2',
    '',
    '_kept = None',
    '',
    'def open_db():',
    '    return psycopg2.connect(host=os.environ["DB_HOST"], user="svc", password=os.environ["DB_PASSWORD"])',
    '',
    'def kept_db():',
    '    global _kept',
    '    if _kept is None:',
    '        _kept = psycopg2.connect(host=os.environ["DB_HOST"])',
    '    return _kept',
    '',
    'def purge(table):',
    '    conn = psycopg2.connect(host=os.environ["DB_HOST"])',
    '    try:',
    '        with conn.cursor() as cur:',
    '            cur.execute(f"DELETE FROM {table} WHERE expired")',
    '    finally:',
    '        conn.close()',
    '',
    'def tenant_db(host):',
    '    return psycopg2.connect(host=host)',
  );
  const HANDLER = sourceLines(
    'from app.db import kept_db, open_db, purge, tenant_db',
    '',
    'def handler(event, context):',
    '    conn = open_db()',
    '    shared = kept_db()',
    '    purge("sessions")',
    '    tenant = tenant_db(event["host"])',
    '    return 1',
  );

  it('reports the call of a helper that opens a connection on each call, not one that keeps it or is passed the host', () => {
    const files = { 'app/db.py': DB, 'app/handler.py': HANDLER };
    assert.deepEqual(
      hintsOfFile(files, 'app/handler.py').filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!')),
      ['4:open_db rds-sql-connection-per-invocation!', '6:purge rds-sql-connection-per-invocation!'],
    );
    // The helpers' own connections keep their hovers, and no finding: they are not handlers.
    assert.deepEqual(findings('app/db.py', DB), []);
    // A file read alone cannot see the helper's body.
    assert.deepEqual(hintsOfFile(files, 'app/handler.py', null).filter((hint) => hint.includes('rds-sql-')), []);
  });
});

describe('Java JDBC connections to RDS', () => {
  it('reports DriverManager.getConnection per invocation in handleRequest, its literal password and TLS verification off, not a kept static', () => {
    const code = sourceLines(
      'package billing;',
      '',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import java.sql.*;',
      'import java.util.Map;',
      '',
      'public class InvoiceTotals implements RequestHandler<Map<String, String>, Long> {',
      '    private static Connection reports;',
      '',
      '    @Override',
      '    public Long handleRequest(Map<String, String> event, Context context) {',
      '        String url = "jdbc:postgresql://billing.cluster-x.eu-west-1.rds.amazonaws.com:5432/billing?sslfactory=org.postgresql.ssl.NonValidatingFactory";',
      '        try (Connection db = DriverManager.getConnection(System.getenv("BILLING_URL"), "billing", "b1lling-pass")) {',
      '            if (reports == null) {',
      '                reports = DriverManager.getConnection(System.getenv("REPORTS_URL"), System.getenv("REPORTS_USER"), System.getenv("REPORTS_PASSWORD"));',
      '            }',
      '            Connection audit = DriverManager.getConnection("jdbc:postgresql://audit.cluster-x.eu-west-1.rds.amazonaws.com/audit?sslfactory=org.postgresql.ssl.NonValidatingFactory");',
      '            return 0L;',
      '        } catch (SQLException e) {',
      '            throw new IllegalStateException(e);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/main/java/billing/InvoiceTotals.java', code), [
      '14:getConnection rds-sql-connection-per-invocation!',
      '14:"b1lling-pass" rds-sql-password!',
      '18:getConnection rds-sql-connection-per-invocation!',
      '18:"jdbc:postgresql://audit.cluster-x.eu-west-1.rds.amazonaws.com/audit?sslfactory=org.postgresql.ssl.NonValidatingFactory" rds-sql-tls-verification-off!',
    ]);
  });
});

describe('Passwords held by a local the same function sets to a literal', () => {
  it('reads the literal of a once-assigned local or module constant, not a parameter or an environment read', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      '',
      'DEFAULT_PASSWORD = "from-settings"',
      '',
      'def open_reports():',
      '    password = "r3ports!"',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="reports", password=password)',
      '',
      'def open_env():',
      '    password = os.environ["DB_PASSWORD"]',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="app", password=password)',
      '',
      'def open_with(password):',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="app", password=password, database="x")',
      '',
      'def open_default():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user="app", password=DEFAULT_PASSWORD)',
    );
    assert.deepEqual(findings('app/reports.py', code), ['8:password rds-sql-password!', '18:DEFAULT_PASSWORD rds-sql-password!']);
  });

  it('reads a module constant a Flask route connects with, not one a function rebinds or one imported from another module', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2',
      'from flask import Flask',
      'from secrets_file import rds_password',
      '',
      'DB_HOST = "inventory.c1abc2def3.eu-west-1.rds.amazonaws.com"',
      'DB_PASSWORD = "Inventory#2024"',
      'FALLBACK_PASSWORD = "Fallback#2024"',
      '',
      'app = Flask(__name__)',
      '',
      'def load_settings():',
      '    global FALLBACK_PASSWORD',
      '    FALLBACK_PASSWORD = os.environ["DB_PASSWORD"]',
      '',
      '@app.route("/items")',
      'def list_items():',
      '    conn = psycopg2.connect(host=DB_HOST, dbname="inventory", user="api", password=DB_PASSWORD)',
      '    with conn.cursor() as cur:',
      '        cur.execute("SELECT id, name FROM items")',
      '        return {"items": cur.fetchall()}',
      '',
      '@app.route("/stock")',
      'def list_stock():',
      '    conn = psycopg2.connect(host=DB_HOST, dbname="inventory", user="api", password=FALLBACK_PASSWORD)',
      '    other = psycopg2.connect(host=DB_HOST, dbname="inventory", user="api", password=rds_password)',
      '    return {"ok": True}',
    );
    assert.deepEqual(findings('inventory/app.py', code), ['18:DB_PASSWORD rds-sql-password!']);
  });

  it('reads a Java static final field, not a field a constructor sets or one declared without final', () => {
    const code = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import java.sql.SQLException;',
      '',
      'public class LedgerDao {',
      '    private static final String LEDGER_PASSWORD = "Ledger#2024";',
      '    private String auditPassword = "Audit#2024";',
      '    private final String reportPassword;',
      '',
      '    public LedgerDao(String reportPassword) {',
      '        this.reportPassword = reportPassword;',
      '        auditPassword = System.getenv("AUDIT_PASSWORD");',
      '    }',
      '',
      '    Connection ledger() throws SQLException {',
      '        return DriverManager.getConnection(System.getenv("LEDGER_URL"), "ledger", LEDGER_PASSWORD);',
      '    }',
      '',
      '    Connection audit() throws SQLException {',
      '        return DriverManager.getConnection(System.getenv("AUDIT_URL"), "audit", auditPassword);',
      '    }',
      '',
      '    Connection report() throws SQLException {',
      '        return DriverManager.getConnection(System.getenv("REPORT_URL"), "report", reportPassword);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/main/java/LedgerDao.java', code), ['16:LEDGER_PASSWORD rds-sql-password!']);
  });

  it('gives a JDBC connection to an in-process database (jdbc:h2:, jdbc:sqlite:) no hover', () => {
    const code = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import java.sql.SQLException;',
      '',
      'public class Seed {',
      '    private static final String MEMORY = "jdbc:h2:mem:seed;DB_CLOSE_DELAY=-1";',
      '',
      '    Connection memory() throws SQLException {',
      '        return DriverManager.getConnection(MEMORY, "sa", "devonly");',
      '    }',
      '',
      '    Connection file() throws SQLException {',
      '        return DriverManager.getConnection("jdbc:sqlite:seed.db");',
      '    }',
      '',
      '    Connection server() throws SQLException {',
      '        return DriverManager.getConnection("jdbc:postgresql://seed.c1x2y3z4.eu-west-1.rds.amazonaws.com/seed", "seed", "Seed#2024");',
      '    }',
      '}',
    );
    const sql = hintsIn('src/main/java/Seed.java', code).filter((hint) => hint.includes('rds-sql'));
    assert.ok(sql.length > 0 && sql.every((hint) => hint.startsWith('17:')), sql.join('\n'));
  });

  it('reads a JavaScript module const, not a module let that a function assigns again', () => {
    const code = sourceLines(
      "import mysql from 'mysql2/promise';",
      '',
      "const REPORTS_PASSWORD = 'Reports#2024';",
      "let writerPassword = 'Writer#2024';",
      '',
      'export function configure(env) {',
      '  writerPassword = env.DB_PASSWORD;',
      '}',
      '',
      "export const reports = () => mysql.createPool({ host: process.env.DB_HOST, user: 'reports', password: REPORTS_PASSWORD });",
      "export const writer = () => mysql.createPool({ host: process.env.DB_HOST, user: 'writer', password: writerPassword });",
    );
    assert.deepEqual(findings('src/db.js', code), ['10:REPORTS_PASSWORD rds-sql-password!']);
  });

  it('reads a connection URL or DSN held by a name bound once to a literal, in each language, not a local server', () => {
    const python = sourceLines(
      'import psycopg2',
      '',
      'DATABASE_URL = "postgresql://app:Url#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com:5432/orders"',
      'LOCAL_URL = "postgresql://postgres:postgres@localhost:5432/orders"',
      '',
      'def get_conn():',
      '    return psycopg2.connect(DATABASE_URL)',
      '',
      'def get_local():',
      '    return psycopg2.connect(LOCAL_URL)',
    );
    assert.deepEqual(findings('app/db.py', python), ['3:"postgresql://app:Url#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com:5432/orders" rds-sql-password!']);
    const javascript = sourceLines(
      "const { Pool, Client } = require('pg');",
      "const DATABASE_URL = 'postgres://app:Js#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com/orders';",
      'let replicaUrl = process.env.REPLICA_URL;',
      'const pool = new Pool({ connectionString: DATABASE_URL });',
      'const client = new Client(DATABASE_URL);',
      'const replica = new Pool({ connectionString: replicaUrl });',
      'module.exports = { pool, client, replica };',
    );
    assert.deepEqual(findings('src/db.js', javascript), ["2:'postgres://app:Js#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com/orders' rds-sql-password!"]);
    const go = sourceLines(
      'package store',
      '',
      'import (',
      '\t"database/sql"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'const dsn = "postgres://app:Go#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com/orders?sslmode=require"',
      '',
      'func Open() (*sql.DB, error) {',
      '\treturn sql.Open("postgres", dsn)',
      '}',
    );
    assert.deepEqual(findings('store/db.go', go), ['9:"postgres://app:Go#Pass2024@orders.c1abc.us-east-1.rds.amazonaws.com/orders?sslmode=require" rds-sql-password!']);
    const java = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
      'public class OrdersDao {',
      '    private static final String URL = "jdbc:mysql://orders.c1abc.us-east-1.rds.amazonaws.com:3306/orders?user=app&password=Jv#Pass2024";',
      '    private String replicaUrl = "jdbc:mysql://replica.c1abc.us-east-1.rds.amazonaws.com:3306/orders?user=app&password=Rp#Pass2024";',
      '',
      '    Connection open() throws Exception {',
      '        return DriverManager.getConnection(URL);',
      '    }',
      '',
      '    Connection replica() throws Exception {',
      '        return DriverManager.getConnection(replicaUrl);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/main/java/OrdersDao.java', java), [
      '5:"jdbc:mysql://orders.c1abc.us-east-1.rds.amazonaws.com:3306/orders?user=app&password=Jv#Pass2024" rds-sql-password!',
    ]);
  });
});

describe('HikariCP pools to RDS', () => {
  it('reads new HikariDataSource(config) with the setters of its config: a pool per invocation, a literal password, a non-validating URL', () => {
    const code = sourceLines(
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import com.zaxxer.hikari.HikariConfig;',
      'import com.zaxxer.hikari.HikariDataSource;',
      'import java.sql.Connection;',
      '',
      'public class InvoiceHandler implements RequestHandler<String, String> {',
      '    private static final HikariDataSource SHARED = create();',
      '',
      '    private static HikariDataSource create() {',
      '        HikariConfig config = new HikariConfig();',
      '        config.setJdbcUrl(System.getenv("JDBC_URL"));',
      '        config.setPassword(System.getenv("DB_PASSWORD"));',
      '        return new HikariDataSource(config);',
      '    }',
      '',
      '    @Override',
      '    public String handleRequest(String id, Context context) {',
      '        HikariConfig config = new HikariConfig();',
      '        config.setJdbcUrl("jdbc:postgresql://invoices.c1abc.us-east-1.rds.amazonaws.com:5432/invoices?sslfactory=org.postgresql.ssl.NonValidatingFactory");',
      '        config.setPassword("Inv0ice!Pool");',
      '        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {',
      '            return c.getSchema();',
      '        } catch (Exception e) {',
      '            return null;',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/main/java/InvoiceHandler.java', code), [
      '20:"jdbc:postgresql://invoices.c1abc.us-east-1.rds.amazonaws.com:5432/invoices?sslfactory=org.postgresql.ssl.NonValidatingFactory" rds-sql-tls-verification-off!',
      '21:"Inv0ice!Pool" rds-sql-password!',
      '22:HikariDataSource rds-sql-connection-per-invocation!',
    ]);
    assert.ok(sql('src/main/java/InvoiceHandler.java', code).includes('14:HikariDataSource rds-sql-connection'));
  });

  it('says nothing for a HikariDataSource without the HikariCP import or of a class the file declares', () => {
    const code = sourceLines(
      'public class Pools {',
      '    static class HikariDataSource { HikariDataSource(Object c) { } }',
      '    Object make(Object config) { return new HikariDataSource(config); }',
      '}',
    );
    assert.deepEqual(sql('src/main/java/Pools.java', code), []);
  });
});

describe('Go database/sql drivers named by a constant', () => {
  const STORE = sourceLines(
    'package store',
    '',
    'import (',
    '\t"database/sql"',
    '\t"os"',
    '',
    '\t_ "github.com/lib/pq"',
    ')',
    '',
    'const (',
    '\tdriver  = "postgres"',
    '\tlocal   = "sqlite3"',
    '\tretries = 3',
    ')',
    '',
    'type Store struct{ db *sql.DB }',
    '',
    'func FromEnv() *Store {',
    '\tdb, err := sql.Open(driver, os.Getenv("DB_URL"))',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\treturn &Store{db: db}',
    '}',
    '',
    'func Scratch(path string) (*sql.DB, error) {',
    '\treturn sql.Open(local, path)',
    '}',
    '',
    'func Named(name, dsn string) (*sql.DB, error) {',
    '\treturn sql.Open(name, dsn)',
    '}',
  );
  const HANDLER = sourceLines(
    'package main',
    '',
    'import (',
    '\t"github.com/aws/aws-lambda-go/events"',
    '\t"github.com/aws/aws-lambda-go/lambda"',
    '',
    '\t"example.com/app/internal/store"',
    ')',
    '',
    'func handle(req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
    '\ts := store.FromEnv()',
    '\t_ = s',
    '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
    '}',
    '',
    'func main() {',
    '\tlambda.Start(handle)',
    '}',
  );

  it('reads sql.Open with a PostgreSQL driver a constant names, not SQLite\'s nor a parameter', () => {
    assert.deepEqual(sql('internal/store/store.go', STORE), ['19:Open rds-sql-connection']);
  });

  it('reports a handler that calls the constructor of another package opening such a pool on each call', () => {
    const files = { 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'internal/store/store.go': STORE, 'cmd/api/main.go': HANDLER };
    assert.deepEqual(
      hintsOfFile(files, 'cmd/api/main.go').filter((hint) => hint.endsWith('!')),
      ['11:FromEnv rds-sql-connection-per-invocation!'],
    );
  });
});

describe('Python handlers that unpack a connection\'s settings into several names', () => {
  it('reports a connection made from names unpacked from a helper, not from the event nor a loop\'s targets', () => {
    const code = sourceLines(
      'import json',
      'import psycopg2',
      'from settings import read_endpoint, read_secret',
      '',
      'def setup(event, context):',
      '    endpoint, database = read_endpoint()',
      '    creds = json.loads(read_secret())',
      '    conn = psycopg2.connect(host=endpoint, dbname=database, user=creds["user"], password=creds["password"])',
      '    conn.close()',
      '',
      'def tenant(event, context):',
      '    host, database = event["host"], event["database"]',
      '    conn = psycopg2.connect(host=host, dbname=database)',
      '    conn.close()',
      '',
      'def shards(event, context):',
      '    for host, database in event["shards"]:',
      '        conn = psycopg2.connect(host=host, dbname=database)',
      '        conn.close()',
    );
    assert.deepEqual(findings('jobs/setup.py', code), ['8:connect rds-sql-connection-per-invocation!']);
  });
});
