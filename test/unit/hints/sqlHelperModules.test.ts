/**
 * `rds-sql-connection-per-invocation` through a Python Lambda handler's call of another module's function that
 * opens a connection on each call (`conn = get_connection()` with `db.py` holding `return psycopg2.connect(...)`),
 * in workspace mode: the module's text keeps the functions that name a SQL driver (`workspace/pythonModuleText.ts`),
 * and a module used whole counts (`import db`, `from app import db`), also for `lambda-client-per-invocation` (a
 * helper that makes an SDK client in its body). Silent: a helper that keeps its connection or client, one under
 * `@lru_cache`, one given the event's host, a helper called by a Flask route, and a name that is no module.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

const DB = sourceLines(
  'import os',
  'import psycopg2',
  'from psycopg2.extras import RealDictCursor',
  '',
  '',
  'def get_connection():',
  '    """Connects to the orders database on RDS."""',
  '    try:',
  '        conn = psycopg2.connect(',
  '            host=os.environ["DB_HOST"],',
  '            dbname=os.environ["DB_NAME"],',
  '            user=os.environ["DB_USER"],',
  '            password=os.environ["DB_PASSWORD"],',
  '            cursor_factory=RealDictCursor,',
  '        )',
  '        return conn',
  '    except psycopg2.Error as error:',
  '        print(f"connection failed: {error}")',
  '        raise',
  '',
  '',
  'def run_query(sql, params=None):',
  '    conn = get_connection()',
  '    try:',
  '        with conn.cursor() as cur:',
  '            cur.execute(sql, params or ())',
  '            return cur.fetchall()',
  '    finally:',
  '        conn.close()',
);

describe('SQL connections that a helper module opens for a Lambda handler (workspace mode)', () => {
  it('reports the handler\'s call of a helper of a module with no module-level state, by name or through the module', () => {
    const byName = sourceLines(
      'import json',
      'from db import get_connection, run_query',
      '',
      '',
      'def lambda_handler(event, context):',
      '    conn = get_connection()',
      '    with conn.cursor() as cur:',
      '        cur.execute("SELECT id, total FROM orders WHERE customer_id = %s", (event["customerId"],))',
      '        rows = cur.fetchall()',
      '    conn.close()',
      '    recent = run_query("SELECT id FROM orders ORDER BY created_at DESC LIMIT 10")',
      '    return {"statusCode": 200, "body": json.dumps({"rows": rows, "recent": recent}, default=str)}',
    );
    const whole = sourceLines(
      'import json',
      'import db',
      '',
      '',
      'def handler(event, context):',
      '    rows = db.run_query("SELECT id FROM invoices WHERE paid = false")',
      '    return {"statusCode": 200, "body": json.dumps(rows, default=str)}',
    );
    const files = { 'functions/db.py': DB, 'functions/list_orders.py': byName, 'functions/unpaid.py': whole };
    assert.deepEqual(perInvocation(files, 'functions/list_orders.py'), ['11:run_query rds-sql-connection-per-invocation!', '6:get_connection rds-sql-connection-per-invocation!']);
    assert.deepEqual(perInvocation(files, 'functions/unpaid.py'), ['6:run_query rds-sql-connection-per-invocation!']);
    // The helpers themselves are no handlers.
    assert.deepEqual(perInvocation(files, 'functions/db.py'), []);
  });

  it('reads a submodule imported from its package and a driver function imported by name', () => {
    const connection = sourceLines(
      'import os',
      'from pymysql import connect',
      'from pymysql.cursors import DictCursor',
      '',
      'def open_reports():',
      '    return connect(host=os.environ["REPORTS_HOST"], user="reports", password=os.environ["REPORTS_PASSWORD"], cursorclass=DictCursor)',
    );
    const handler = sourceLines(
      'from reports import connection',
      '',
      'def handler(event, context):',
      '    db = connection.open_reports()',
      '    with db.cursor() as cur:',
      '        cur.execute("SELECT COUNT(*) AS n FROM visits")',
      '        return cur.fetchone()',
    );
    const files = { 'reports/__init__.py': '', 'reports/connection.py': connection, 'reports/handler.py': handler };
    assert.deepEqual(perInvocation(files, 'reports/handler.py'), ['4:open_reports rds-sql-connection-per-invocation!']);
  });

  it('says nothing for a kept or cached connection, the event\'s host, a web route, or a name that is no module', () => {
    const kept = sourceLines(
      'import os',
      'from functools import lru_cache',
      'import psycopg2',
      '',
      '@lru_cache(maxsize=1)',
      'def cached_connection():',
      '    return psycopg2.connect(host=os.environ["DB_HOST"])',
      '',
      'def tenant_connection(host):',
      '    return psycopg2.connect(host=host, user="tenant")',
      '',
      'def cached_query(sql):',
      '    with cached_connection().cursor() as cur:',
      '        cur.execute(sql)',
      '        return cur.fetchall()',
    );
    const handler = sourceLines(
      'from shared.kept import cached_connection, cached_query, tenant_connection',
      'from shared import settings',
      '',
      'def handler(event, context):',
      '    conn = cached_connection()',
      '    tenant = tenant_connection(event["tenantHost"])',
      '    name = settings.database_name()',
      '    return cached_query(f"SELECT * FROM {name}.orders")',
    );
    const route = sourceLines(
      'from flask import Flask, jsonify',
      'from db import get_connection',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/orders")',
      'def orders():',
      '    conn = get_connection()',
      '    with conn.cursor() as cur:',
      '        cur.execute("SELECT id FROM orders")',
      '        return jsonify(cur.fetchall())',
    );
    const settings = sourceLines('import os', '', 'def database_name():', '    return os.environ.get("DB_NAME", "orders")');
    const files = { 'shared/kept.py': kept, 'shared/settings.py': settings, 'shared/handler.py': handler, 'db.py': DB, 'web/app.py': route };
    assert.deepEqual(perInvocation(files, 'shared/handler.py'), []);
    assert.deepEqual(perInvocation(files, 'web/app.py'), []);
    // Without the workspace the helper's body is not seen.
    assert.deepEqual(hintsOfFile({ 'functions/db.py': DB, 'functions/h.py': sourceLines('from db import get_connection', '', 'def handler(event, context):', '    return get_connection()') }, 'functions/h.py', null), []);
  });

  it('reads an SDK client that a helper of a module used whole makes on each call, not one it keeps', () => {
    const utils = sourceLines(
      'import os',
      'import boto3',
      '',
      'TABLE = os.environ["ORDERS_TABLE"]',
      '_orders = boto3.resource("dynamodb").Table(TABLE)',
      '',
      'def save_order(order):',
      '    table = boto3.resource("dynamodb").Table(TABLE)',
      '    table.put_item(Item=order)',
      '',
      'def save_shared(order):',
      '    _orders.put_item(Item=order)',
    );
    const handler = sourceLines(
      'import json',
      'import dynamo_utils',
      '',
      'def lambda_handler(event, context):',
      '    order = json.loads(event["body"])',
      '    dynamo_utils.save_order(order)',
      '    dynamo_utils.save_shared(order)',
      '    return {"statusCode": 201}',
    );
    const files = { 'orders/dynamo_utils.py': utils, 'orders/handler.py': handler };
    assert.deepEqual(
      hintsOfFile(files, 'orders/handler.py').filter((hint) => hint.endsWith('lambda-client-per-invocation!')),
      ['6:save_order lambda-client-per-invocation!'],
    );
  });
});
