/**
 * A connection URL chosen by a condition (`URL = "mysql://app:pw@..." if "DB_HOST" in env else "sqlite://"`, or a
 * JavaScript ternary): each branch that is one string is a URL the code may connect with, so a password written in
 * it is a literal password; a branch naming localhost is a developer's and stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const passwords = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => / rds-sql-password!$/.test(hint));

describe('SQL connection URLs chosen by a condition', () => {
  it('reports the password of a Python module constant whose URL a conditional expression picks, held or in place', () => {
    const code = sourceLines(
      'from os import environ as env',
      'from sqlalchemy import create_engine',
      '',
      "URL = f'mysql+pymysql://app:orders-pw-7@{env[\"DB_HOST\"]}/orders' if 'DB_HOST' in env else 'sqlite:///:memory:'",
      'engine = create_engine(URL)',
      "other = create_engine('postgresql://app:orders-pw-7@db.internal.example.com/app' if env.get('PROD') else 'sqlite://')",
    );
    assert.deepEqual(passwords('app/session.py', code), [
      '4:f\'mysql+pymysql://app:orders-pw-7@{env["DB_HOST"]}/orders\' rds-sql-password!',
      "6:'postgresql://app:orders-pw-7@db.internal.example.com/app' rds-sql-password!",
    ]);
  });

  it('reports a JavaScript ternary URL, and says nothing where the branch with a password names localhost', () => {
    const code = sourceLines(
      "const { Pool } = require('pg');",
      'const url = process.env.DB_HOST ? `postgres://app:orders-pw-7@${process.env.DB_HOST}/app` : process.env.LOCAL_URL;',
      'const pool = new Pool({ connectionString: url });',
      "const local = new Pool({ connectionString: process.env.CI ? 'postgres://app:pw@localhost:5432/app' : process.env.DATABASE_URL });",
    );
    assert.deepEqual(passwords('src/db.js', code), ['2:`postgres://app:orders-pw-7@${process.env.DB_HOST}/app` rds-sql-password!']);
  });

  it('says nothing of a condition whose branches hold no literal password', () => {
    const code = sourceLines(
      'import os',
      'from sqlalchemy import create_engine',
      '',
      "URL = os.environ['DATABASE_URL'] if os.environ.get('PROD') else 'sqlite:///local.db'",
      'engine = create_engine(URL)',
    );
    assert.deepEqual(passwords('app/db.py', code), []);
  });
});
