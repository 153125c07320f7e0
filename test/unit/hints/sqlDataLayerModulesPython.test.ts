/**
 * `rds-sql-connection-per-invocation` two modules down in Python (workspace mode): a Lambda handler calls a function
 * of a service module (`orders.record(...)`) that runs its SQL on a connection a third module's opener gives on each
 * call (`conn = open_connection()` after `from .connections import open_connection`, or by the module's absolute
 * name). The finding is at the handler's call. Silent: a service function that runs its SQL on a connection its
 * module keeps, and the same files without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const CONNECTIONS = sourceLines(
  'import os',
  'import pymysql',
  '',
  'def open_connection():',
  '    return pymysql.connect(host=os.environ["DB_HOST"], user="orders", password=os.environ["DB_PASSWORD"], database="shop")',
);

const ORDERS = sourceLines(
  'from .connections import open_connection',
  '',
  'def record(order_id, total):',
  '    conn = open_connection()',
  '    with conn.cursor() as cursor:',
  '        cursor.execute("INSERT INTO orders (id, total) VALUES (%s, %s)", (order_id, total))',
  '    conn.commit()',
  '    conn.close()',
);

const REPORTS = sourceLines(
  'from shop.connections import open_connection',
  '',
  'KEPT = open_connection()',
  '',
  'def totals():',
  '    with KEPT.cursor() as cursor:',
  '        cursor.execute("SELECT SUM(total) FROM orders")',
  '        return cursor.fetchone()',
);

const HANDLER = sourceLines(
  'from shop import orders, reports',
  '',
  'def handler(event, context):',
  '    orders.record(event["id"], event["total"])',
  '    return reports.totals()',
);

function perInvocation(files: Record<string, string>, file: string, workspace?: null): string[] {
  return hintsOfFile(files, file, workspace).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

describe('SQL connections a Python service module opens through a third module (workspace mode)', () => {
  const files = { 'shop/__init__.py': '', 'shop/connections.py': CONNECTIONS, 'shop/orders.py': ORDERS, 'shop/reports.py': REPORTS, 'handler.py': HANDLER };

  it("reports the handler's call of a service function whose connection another module opens on each call", () => {
    assert.deepEqual(perInvocation(files, 'handler.py'), ['4:record rds-sql-connection-per-invocation!']);
    assert.deepEqual(perInvocation(files, 'handler.py', null), []);
  });

  it('reads the opener imported by its absolute name too', () => {
    const absolute = { ...files, 'shop/orders.py': ORDERS.replace('from .connections import', 'from shop.connections import') };
    assert.deepEqual(perInvocation(absolute, 'handler.py'), ['4:record rds-sql-connection-per-invocation!']);
  });
});
