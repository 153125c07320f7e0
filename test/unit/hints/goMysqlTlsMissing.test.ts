/**
 * rds-sql-tls-missing for Go's go-sql-driver/mysql: its DSN (`user:pw@tcp(host:3306)/db`) connects in clear unless a
 * `tls` parameter asks for TLS (https://github.com/go-sql-driver/mysql#tls). Reported where the whole DSN is written
 * and names an RDS endpoint; silent with `tls=`, for a local server, for PostgreSQL's DSNs and for a DSN built from parts.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const open = (driver: string, dsn: string): string =>
  sourceLines('package store', '', 'import (', '\t"database/sql"', '', '\t_ "github.com/go-sql-driver/mysql"', ')', '', 'func Open() (*sql.DB, error) {', `\treturn sql.Open("${driver}", ${dsn})`, '}');

const missing = (code: string): string[] => hintsIn('store.go', code).filter((hint) => hint.endsWith('rds-sql-tls-missing!'));

describe('Go: a MySQL DSN to RDS with no tls parameter', () => {
  it('reports the DSN with or without a password and other parameters', () => {
    for (const dsn of ['"app@tcp(orders.c9akciq32.eu-west-1.rds.amazonaws.com:3306)/orders"', '"app:s3cret@tcp(orders.c9akciq32.eu-west-1.rds.amazonaws.com)/orders?parseTime=true&charset=utf8mb4"']) {
      assert.deepEqual(missing(open('mysql', dsn)), ['10:Open rds-sql-tls-missing!'], dsn);
    }
  });

  it('stays silent with tls=, on a local or unknown server, for PostgreSQL and for a DSN built from parts', () => {
    for (const dsn of [
      '"app@tcp(orders.c9akciq32.eu-west-1.rds.amazonaws.com:3306)/orders?tls=rds"',
      '"app@tcp(orders.c9akciq32.eu-west-1.rds.amazonaws.com:3306)/orders?parseTime=true&tls=skip-verify"',
      '"root@tcp(127.0.0.1:3306)/orders"',
      '"app@tcp(mysql.internal:3306)/orders"',
      'os.Getenv("ORDERS_DSN")',
      '"app@tcp(" + host + ":3306)/orders"',
    ]) {
      assert.deepEqual(missing(open('mysql', dsn)), [], dsn);
    }
    assert.deepEqual(missing(open('postgres', '"postgres://app@orders.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders"')), []);
  });
});
