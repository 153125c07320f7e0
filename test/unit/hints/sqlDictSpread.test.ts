/**
 * A SQL driver called with a dict spread (`pymysql.connect(**DB_CONFIG)`) opens a connection with that dict's options
 * when the dict is the file's own (or another module's): only a spread of the enclosing function's parameter
 * (`def connect(**kwargs): return pymysql.connect(**kwargs)`, `psycopg2.connect(**config)`) passes the caller's on.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('SQL connections given a spread dict', () => {
  it("reads a module dict spread into the driver's call: its connection, and the options the dict writes", () => {
    const code = sourceLines(
      'import pymysql',
      '',
      'DB_CONFIG = {',
      '    "host": "orders.cluster-c1a2b3.us-east-1.rds.amazonaws.com",',
      '    "user": "admin",',
      '    "password": "Orders-2024!",',
      '    "database": "orders",',
      '}',
      '',
      '',
      'def connection():',
      '    return pymysql.connect(**DB_CONFIG)',
    );
    assert.deepEqual(hintsIn('db.py', code), ['6:"password" rds-sql-password', '12:connect rds-sql-connection', '6:"Orders-2024!" rds-sql-password!']);
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
