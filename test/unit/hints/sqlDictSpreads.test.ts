/**
 * Python SQL drivers given their settings as `**config`, a dict the file writes with its keys: the call opens a
 * connection (a hover) and the dict's keys are its options (a literal password). A wrapper that passes on its
 * own `**kwargs`, or a dict made only of them, stays a wrapper.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('SQL connections opened with a dict of settings spread into the call', () => {
  it('reads a module-level dict and a local dict(...) as the options of the connection', () => {
    const code = sourceLines(
      'import psycopg2',
      'import pymysql',
      'DB = {"host": "orders.cluster-abc.eu-west-1.rds.amazonaws.com", "user": "app", "password": "Sup3rSecret!", "dbname": "orders"}',
      'def orders():',
      '    return psycopg2.connect(**DB)',
      'def reports():',
      '    cfg = dict(host="reports.internal", user="app", password="Other-Secret-1")',
      '    return pymysql.connect(**cfg)',
    );
    assert.deepEqual(sql('db.py', code), [
      '3:"password" rds-sql-password',
      '5:connect rds-sql-connection',
      '7:password rds-sql-password',
      '8:connect rds-sql-connection',
      '3:"Sup3rSecret!" rds-sql-password!',
      '7:"Other-Secret-1" rds-sql-password!',
    ]);
  });

  it('keeps a local server quiet, and a wrapper that passes on its own keyword arguments silent', () => {
    const code = sourceLines(
      'import pymysql',
      'LOCAL = {"host": "127.0.0.1", "user": "root", "password": "example"}',
      'conn = pymysql.connect(**LOCAL)',
      'def connect(**kwargs):',
      '    return pymysql.connect(**kwargs)',
      'def merged(**overrides):',
      '    settings = {**overrides}',
      '    return pymysql.connect(**settings)',
    );
    assert.deepEqual(sql('db.py', code), ['3:connect rds-sql-connection']);
  });

  it("leaves a spread of the function's own parameter, or of a name nothing binds, to the callers", () => {
    const code = sourceLines(
      'import psycopg2',
      'import pymysql',
      '',
      '',
      'def open_mysql(**kwargs):',
      '    return pymysql.connect(**kwargs)',
      '',
      '',
      'def open_postgres(config):',
      '    return psycopg2.connect(**config)',
      '',
      '',
      'def from_globals():',
      '    return psycopg2.connect(**SETTINGS)',
    );
    assert.deepEqual(hintsIn('db.py', code), []);
  });
});
