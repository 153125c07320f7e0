/**
 * DSN builders: a function or method of the file whose one `return` builds the connection string, called by the driver
 * call in place or through a name bound to the call. Its `sslmode=disable` gets the hover a DSN the call takes gets
 * (Go, JavaScript, Python), and in Go a password constant it formats in counts as written in the DSN.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-sql-tls-disabled', 'rds-sql-password'];

const IMPORTS = ['import (', '\t"database/sql"', '\t"fmt"', '\t"os"', '\t_ "github.com/lib/pq"', '\t"gorm.io/driver/postgres"', '\t"gorm.io/gorm"', ')'];

describe('Go DSN builders', () => {
  it('hovers sslmode=disable in a builder that gorm opens through a name bound to its call', () => {
    const found = hintsOfRules(
      'db.go',
      sourceLines(
        'package db', // 1
        ...IMPORTS, // 2-9
        'func connString() string {', // 10
        '\treturn fmt.Sprintf("host=%s user=%s dbname=app sslmode=disable", os.Getenv("DB_HOST"), os.Getenv("DB_USER"))', // 11
        '}',
        'func Open() (*gorm.DB, error) {', // 13
        '\tdsn := connString()',
        '\treturn gorm.Open(postgres.Open(dsn), &gorm.Config{})',
        '}',
      ),
      RULES,
    );
    assert.deepEqual(found, ['11:"host=%s user=%s dbname=app sslmode=disable" rds-sql-tls-disabled']);
  });

  it('reports sslmode=disable of a builder for a host read under an RDS name, and a password constant it formats in', () => {
    const found = hintsOfRules(
      'db.go',
      sourceLines(
        'package db', // 1
        ...IMPORTS, // 2-9
        'const dbPassword = "Ledger-2024-prod"', // 10
        'type settings struct{ host string }',
        'func (s settings) dsn() string {', // 12
        '\treturn fmt.Sprintf("host=%s password=%s dbname=ledger", s.host, dbPassword)', // 13
        '}',
        'func rdsDsn() string {', // 15
        '\treturn fmt.Sprintf("host=%s dbname=ledger sslmode=disable", os.Getenv("RDS_HOSTNAME"))', // 16
        '}',
        'func Open() (*sql.DB, *sql.DB, error) {', // 18
        '\ts := settings{host: os.Getenv("DB_HOST")}',
        '\tledger, err := sql.Open("postgres", s.dsn())',
        '\tif err != nil {',
        '\t\treturn nil, nil, err',
        '\t}',
        '\treports, err := sql.Open("postgres", rdsDsn())',
        '\treturn ledger, reports, err',
        '}',
      ),
      RULES,
    );
    assert.deepEqual(found, [
      '10:"Ledger-2024-prod" rds-sql-password',
      '10:"Ledger-2024-prod" rds-sql-password!',
      '16:"host=%s dbname=ledger sslmode=disable" rds-sql-tls-disabled',
      '16:"host=%s dbname=ledger sslmode=disable" rds-sql-tls-disabled!',
    ]);
  });

  it('leaves a function with two returns, and a builder no driver call takes, alone', () => {
    const found = hintsOfRules(
      'db.go',
      sourceLines(
        'package db', // 1
        ...IMPORTS, // 2-9
        'func connString(local bool) string {', // 10
        '\tif local {',
        '\t\treturn "host=localhost sslmode=disable"',
        '\t}',
        '\treturn fmt.Sprintf("host=%s sslmode=disable", os.Getenv("DB_HOST"))', // 14
        '}',
        'func describe() string {', // 16
        '\treturn fmt.Sprintf("host=%s sslmode=disable", os.Getenv("DB_HOST"))', // 17
        '}',
        'func Open() (*sql.DB, error) {', // 19
        '\tfmt.Println(describe())',
        '\treturn sql.Open("postgres", connString(false))',
        '}',
      ),
      RULES,
    );
    assert.deepEqual(found, []);
  });

  it('hovers sslmode=disable in a JavaScript template and a Python f-string a builder returns', () => {
    const js = hintsOfRules(
      'db.js',
      sourceLines(
        "const { Pool } = require('pg');", // 1
        'function connectionUrl() {',
        '  return `postgres://${process.env.DB_USER}@${process.env.DB_HOST}:5432/app?sslmode=disable`;', // 3
        '}',
        'module.exports = new Pool({ connectionString: connectionUrl() });',
      ),
      RULES,
    );
    assert.deepEqual(js.map((hint) => hint.replace(/^(\d+):.* (\S+)$/, '$1 $2')), ['3 rds-sql-tls-disabled']);
    const py = hintsOfRules(
      'db.py',
      sourceLines(
        'import os', // 1
        'import psycopg2',
        'def dsn():',
        '    return f"host={os.environ[\'DB_HOST\']} dbname=app sslmode=disable"', // 4
        'conn = psycopg2.connect(dsn())',
      ),
      RULES,
    );
    assert.deepEqual(py.map((hint) => hint.replace(/^(\d+):.* (\S+)$/, '$1 $2')), ['4 rds-sql-tls-disabled']);
  });
});
