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
      '            return ReportResponse.from(connection, request.getName());',
      '        }',
      '    }',
      '',
      '    private Connection openConnection() throws SQLException {',
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

  it('says nothing for a helper no handler calls, a method of another object, a shadowing local, or a handler that is the helper', () => {
    const code = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def connect():',
      '    return psycopg2.connect(host=os.environ["DB_HOST"], dbname="app", user="app", password=os.environ["DB_PASSWORD"])',
      '',
      'def migrate():',
      '    conn = connect()',
      '    conn.cursor().execute("CREATE TABLE IF NOT EXISTS t (id int)")',
      '',
      'def handler(event, context):',
      '    connect = event.get("connect")',
      '    pool = context.pool.connect()',
      '    return connect()',
    );
    assert.deepEqual(perInvocation('jobs/migrate.py', code), []);
  });
});
