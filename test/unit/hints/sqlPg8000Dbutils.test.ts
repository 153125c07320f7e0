/**
 * pg8000 (`pg8000.connect`, `pg8000.dbapi.connect`, `pg8000.native.Connection`) and DBUtils' pools over a driver
 * (`PooledDB(creator=pymysql, ...)`, `PersistentDB(pg8000.connect, ...)`) as SQL connections (`code/sqlDrivers.ts`,
 * `code/sqlDbutils.ts`): the connection's hover, its `password` and pg8000's `ssl_context`, a context given as
 * `ssl_context` with its checks switched off, `ssl_context=None` to an RDS host, and a connection a Lambda handler
 * opens on each invocation, also through another module's function (workspace mode). Silent: `ssl_context=True`, a
 * pool whose creator is a project function, a name that shadows the driver, and a pool class of another library.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

function sqlHints(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('pg8000 connections and DBUtils pools', () => {
  it('reads pg8000\'s DB-API and native connections, with their password and ssl_context', () => {
    const code = sourceLines(
      'import os',
      'import pg8000.dbapi',
      'from pg8000.native import Connection',
      '',
      '',
      'def connect():',
      '    return pg8000.dbapi.connect(user="app", host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"], ssl_context=True)',
      '',
      '',
      'def native():', // 10
      '    return Connection("app", host=os.environ["DB_HOST"], password="orders-2024")',
    );
    const hints = sqlHints('app/db.py', code);
    for (const expected of ['7:connect rds-sql-connection', '7:password rds-sql-password', '7:ssl_context rds-sql-tls-verification-off', '11:Connection rds-sql-connection', '11:password rds-sql-password', '11:"orders-2024" rds-sql-password!']) {
      assert.ok(hints.includes(expected), `${expected} in\n${hints.join('\n')}`);
    }
    // True makes a default context, which verifies the certificate and the host name.
    assert.ok(!hints.some((hint) => hint.startsWith('7:') && hint.endsWith('!')), hints.join('\n'));
  });

  it('reports a context without checks given as ssl_context, ssl_context=None to RDS, and a connection per invocation', () => {
    const code = sourceLines(
      'import os',
      'import ssl',
      'import pg8000',
      '',
      'HOST = "reports.cluster-c1abc2def3gh.eu-west-1.rds.amazonaws.com"',
      '',
      '',
      'def handler(event, context):',
      '    tls = ssl.create_default_context()',
      '    tls.check_hostname = False', // 10
      '    tls.verify_mode = ssl.CERT_NONE',
      '    conn = pg8000.connect(user="reporter", host=HOST, password=os.environ["DB_PASSWORD"], ssl_context=tls)',
      '    plain = pg8000.connect(user="reporter", host="reports.cluster-c1abc2def3gh.eu-west-1.rds.amazonaws.com", ssl_context=None)',
      '    return conn, plain',
    );
    const findings = sqlHints('reports/handler.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '10:check_hostname rds-sql-tls-verification-off!',
      '11:verify_mode rds-sql-tls-verification-off!',
      '12:connect rds-sql-connection-per-invocation!',
      '13:connect rds-sql-connection-per-invocation!',
      '13:ssl_context rds-sql-tls-disabled!',
    ]);
  });

  it('reads a DBUtils pool as its creator\'s connection, by keyword or position, in both major versions', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      'import pg8000',
      'from dbutils.pooled_db import PooledDB',
      'from DBUtils.PersistentDB import PersistentDB',
      '',
      'POOL = PooledDB(creator=pymysql, maxconnections=8, host=os.environ["DB_HOST"], user="shop", passwd="shop-pass-1", db="shop", ssl={"use": True})',
      'READS = PersistentDB(pg8000.connect, host=os.environ["READER_HOST"], user="shop", password=os.environ["READER_PASSWORD"])',
    );
    const hints = sqlHints('shop/pools.py', code);
    for (const expected of ['7:PooledDB rds-sql-connection', '7:"shop-pass-1" rds-sql-password!', '7:ssl rds-sql-tls-verification-off!', '8:PersistentDB rds-sql-connection', '8:password rds-sql-password']) {
      assert.ok(hints.includes(expected), `${expected} in\n${hints.join('\n')}`);
    }
  });

  it('stays silent on a pool whose creator is no driver, a shadowed driver name and another library\'s PooledDB', () => {
    const code = sourceLines(
      'import os',
      'import pymysql',
      'from dbutils.pooled_db import PooledDB',
      'from app.factory import make_connection',
      'from pools import PooledDB as OtherPool',
      '',
      'POOL = PooledDB(creator=make_connection, host=os.environ["DB_HOST"], password="not-a-driver-pw")',
      'SAME = OtherPool(creator=pymysql, host=os.environ["DB_HOST"], password="other-pool-pw")',
      '',
      '', // 10
      'def build(pg8000):',
      '    return pg8000.connect(host="db", password="param-pw")',
    );
    assert.deepEqual(sqlHints('app/pools.py', code), []);
  });

  it('reports a Lambda handler\'s call of another module\'s function that opens a pg8000 connection (workspace mode)', () => {
    const files = {
      'src/utils/db.py': sourceLines(
        'import os',
        'import pg8000.dbapi',
        '',
        '',
        'def connect():',
        '    return pg8000.dbapi.connect(user=os.environ["DB_USER"], host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"], ssl_context=True)',
      ),
      'src/handlers/list_refs.py': sourceLines(
        'import json',
        'from src.utils.db import connect',
        '',
        '',
        'def lambda_handler(event, context):',
        '    con = connect()',
        '    rows = con.cursor().execute("SELECT id, title FROM refs").fetchall()',
        '    return {"statusCode": 200, "body": json.dumps(rows)}',
      ),
    };
    assert.deepEqual(
      hintsOfFile(files, 'src/handlers/list_refs.py').filter((hint) => hint.endsWith('!')),
      ['6:connect rds-sql-connection-per-invocation!'],
    );
  });
});
