/**
 * MariaDB Connector/Python (`import mariadb`) as a SQL driver (`code/sqlDrivers.ts`): `mariadb.connect` and
 * `mariadb.ConnectionPool` are connections with their `password`, a literal one is reported, and a connection a
 * Lambda handler opens is one per invocation. Silent: a `connect` of a module the file does not import from the
 * driver, and a name that shadows the driver's module.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sqlHints(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('MariaDB Connector/Python connections', () => {
  it('reads mariadb.connect and mariadb.ConnectionPool, their passwords and a connection per invocation', () => {
    const code = sourceLines(
      'import os',
      'import mariadb',
      'from mariadb import ConnectionPool',
      '',
      'POOL = ConnectionPool(pool_name="web", pool_size=4, host=os.environ["DB_HOST"], user="web", password=os.environ["DB_PASSWORD"])',
      '',
      '',
      'def handler(event, context):',
      '    conn = mariadb.connect(host="shop.cluster-c1abc2def3gh.eu-west-1.rds.amazonaws.com", user="jobs", password="jobs-pass-7")',
      '    return conn', // 10
    );
    const hints = sqlHints('jobs/handler.py', code);
    for (const expected of ['5:ConnectionPool rds-sql-connection', '5:password rds-sql-password', '9:connect rds-sql-connection', '9:connect rds-sql-connection-per-invocation!', '9:"jobs-pass-7" rds-sql-password!']) {
      assert.ok(hints.includes(expected), `${expected} in\n${hints.join('\n')}`);
    }
    assert.ok(!hints.some((hint) => hint.startsWith('5:') && hint.endsWith('!')), hints.join('\n'));
  });

  it('says nothing of a connect the driver does not make or of a name that shadows the driver', () => {
    const code = sourceLines(
      'from shop.db import connect',
      '',
      '',
      'def run(mariadb):',
      '    first = connect(host="shop.cluster-c1abc2def3gh.eu-west-1.rds.amazonaws.com", password="jobs-pass-7")',
      '    second = mariadb.connect(host="shop.cluster-c1abc2def3gh.eu-west-1.rds.amazonaws.com", password="jobs-pass-7")',
      '    return first, second',
    );
    assert.deepEqual(sqlHints('jobs/run.py', code), []);
  });
});
