/**
 * `rds-sql-connection-per-invocation` through same-file helpers (`code/sqlHelpers.ts`): a Lambda handler that
 * calls a function of its own file that opens a connection on each call (`getConnection()`, `self._connect()`,
 * `this.openDb()`), or a function that calls one, a few calls deep. Silent: a helper that keeps its connection
 * (a lazy module-level pool), one whose connection takes its parameters, a handler that keeps what the helper
 * returns, and a helper only code outside handlers calls.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function perInvocation(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

describe('SQL connections a Lambda handler opens through a helper of its own file', () => {
  it('reports a Java handler whose work method calls a private getConnection(), two calls deep', () => {
    const code = sourceLines(
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import java.sql.SQLException;',
      '',
      'public class ReportHandler implements RequestHandler<ReportRequest, ReportResponse> {',
      '    public ReportResponse handleRequest(ReportRequest request, Context context) {',
      '        try {',
      '            return run(request);',
      '        } catch (SQLException e) {',
      '            throw new IllegalStateException(e);',
      '        }',
      '    }',
      '',
      '    private ReportResponse run(ReportRequest request) throws SQLException {',
      '        try (Connection connection = openConnection()) {',
      '            return ReportResponse.from(connection, reportingConnection(), request.getName());',
      '        }',
      '    }',
      '',
      '    @Bean',
      '    Connection reportingConnection() throws SQLException {',
      '        return DriverManager.getConnection(System.getenv("REPORTS_JDBC_URL"));',
      '    }',
      '',
      '    private Connection openConnection() throws SQLException, ClassNotFoundException {',
      '        String url = System.getenv("REPORTS_JDBC_URL");',
      '        return DriverManager.getConnection(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));',
      '    }',
      '}',
    );
    assert.deepEqual(perInvocation('ReportHandler.java', code), ['10:run rds-sql-connection-per-invocation!']);
  });

  it('reports Python and JavaScript handlers that call a connect helper, not a lazily kept one or one given the host', () => {
    const python = sourceLines(
      'import os',
      'import pymysql',
      '',
      '_cached = None',
      '',
      'def get_connection():',
      '    return pymysql.connect(host=os.environ["DB_HOST"], user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"], database="shop")',
      '',
      'def shared_connection():',
      '    global _cached',
      '    if _cached is None:',
      '        _cached = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=os.environ["DB_PASSWORD"])',
      '    return _cached',
      '',
      'def tenant_connection(host):',
      '    return pymysql.connect(host=host, user="app", password=os.environ["DB_PASSWORD"], database="tenant")',
      '',
      'def handler(event, context):',
      '    conn = get_connection()',
      '    shared = shared_connection()',
      '    tenant = tenant_connection(event["host"])',
      '    with conn.cursor() as cur:',
      '        cur.execute("SELECT id FROM orders WHERE id = %s", (event["id"],))',
      '        return cur.fetchone()',
    );
    assert.deepEqual(perInvocation('orders/app.py', python), ['19:get_connection rds-sql-connection-per-invocation!']);
    const javascript = sourceLines(
      "const { Client, Pool } = require('pg');",
      '',
      'let pool;',
      '',
      'async function getClient() {',
      '  const client = new Client({ host: process.env.PGHOST, user: process.env.PGUSER, password: process.env.PGPASSWORD });',
      '  await client.connect();',
      '  return client;',
      '}',
      '',
      'function getPool() {',
      '  if (!pool) {',
      '    pool = new Pool({ host: process.env.PGHOST, max: 1 });',
      '  }',
      '  return pool;',
      '}',
      '',
      'let kept;',
      '',
      'exports.handler = async (event) => {',
      '  const client = await getClient();',
      '  kept ??= await getClient();',
      '  const rows = await getPool().query("SELECT 1");',
      '  try {',
      "    return (await client.query('SELECT name FROM users WHERE id = $1', [event.id])).rows;",
      '  } finally {',
      '    await client.end();',
      '  }',
      '};',
    );
    assert.deepEqual(perInvocation('src/users.js', javascript), ['21:getClient rds-sql-connection-per-invocation!']);
  });

  it('says nothing for a helper no handler calls, a cached helper, a method of another object or a shadowing local', () => {
    const code = sourceLines(
      'import os',
      'from functools import lru_cache',
      'import psycopg2',
      '',
      'def connect():',
      '    return psycopg2.connect(host=os.environ["DB_HOST"], dbname="app", user="app", password=os.environ["DB_PASSWORD"])',
      '',
      'def migrate():',
      '    conn = connect()',
      '    conn.cursor().execute("CREATE TABLE IF NOT EXISTS t (id int)")',
      '',
      '@lru_cache(maxsize=1)',
      'def cached_connection():',
      '    return psycopg2.connect(host=os.environ["DB_HOST"], dbname="app", user="app", password=os.environ["DB_PASSWORD"])',
      '',
      'def handler(event, context):',
      '    cached = cached_connection()',
      '    connect = event.get("connect")',
      '    pool = context.pool.connect()',
      '    return connect()',
    );
    assert.deepEqual(perInvocation('jobs/migrate.py', code), []);
  });

  it('reads the options object a function of the file returns, not one of a function with two returns', () => {
    const code = sourceLines(
      "const mysql = require('mysql2/promise');",
      "const { Signer } = require('@aws-sdk/rds-signer');",
      '',
      'async function connectionConfig() {',
      '  const signer = new Signer({ hostname: process.env.DB_HOST, port: 3306, username: "api" });',
      '  const token = await signer.getAuthToken();',
      '  return {',
      '    host: process.env.DB_HOST,',
      '    user: "api",',
      '    password: token,',
      '    ssl: { rejectUnauthorized: false },',
      '  };',
      '}',
      '',
      'function replicaConfig(useTls) {',
      '  if (useTls) {',
      '    return { host: process.env.REPLICA_HOST, ssl: { rejectUnauthorized: false } };',
      '  }',
      '  return { host: process.env.REPLICA_HOST };',
      '}',
      '',
      'exports.handler = async (event) => {',
      '  const config = await connectionConfig();',
      '  const connection = await mysql.createConnection(config);',
      '  const replica = await mysql.createConnection(replicaConfig(true));',
      '  const settings = replicaConfig(false);',
      '  const other = await mysql.createConnection(settings);',
      "  const [rows] = await connection.query('SELECT id FROM orgs');",
      '  return rows;',
      '};',
    );
    const findings = hintsIn('src/orgs.js', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '11:rejectUnauthorized rds-sql-tls-verification-off!',
      '24:createConnection rds-sql-connection-per-invocation!',
      '25:createConnection rds-sql-connection-per-invocation!',
      '27:createConnection rds-sql-connection-per-invocation!',
    ]);
  });
});
