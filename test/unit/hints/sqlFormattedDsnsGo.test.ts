/**
 * Go DSNs that `fmt.Sprintf` builds (`code/sqlFormattedDsnsGo.ts`): a password constant formatted into the DSN a
 * driver opens, in place or through a name bound once to the call (a local, a package-level `var`), counts as a
 * literal password, reported at the constant, and go-sql-driver/mysql's `tls=skip-verify` in the format is reported
 * there. Silent: a password read at run time, a DSN to localhost, an explicit
 * argument index, an empty constant, a format that is not a literal.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function passwords(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-password!?$/.test(hint));
}

const HEADER = [
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"database/sql"',
  '\t"fmt"',
  '\t"os"',
  '',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '\t_ "github.com/go-sql-driver/mysql"',
  '\t_ "github.com/lib/pq"',
  ')',
  '',
];

describe('Go DSNs built with fmt.Sprintf', () => {
  it('reports a password constant formatted into a keyword DSN held by a local, and a MySQL DSN held by a package var', () => {
    const code = sourceLines(
      ...HEADER,
      'const (',
      '\thost     = "orders.cxyz.ap-south-1.rds.amazonaws.com"',
      '\tport     = 5432',
      '\tpassword = "S3cret!!42"',
      '\tmyPass   = "m1-pass"',
      ')',
      '',
      'var mysqlDSN = fmt.Sprintf("app:%s@tcp(%s:3306)/orders", myPass, host)',
      '',
      'func handle(ctx context.Context) error {',
      '\tinfo := fmt.Sprintf("host=%s port=%d user=app "+',
      '\t\t"password=%s dbname=orders sslmode=require", host, port, password)',
      '\tdb, err := sql.Open("postgres", info)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdefer db.Close()',
      '\tother, _ := sql.Open("mysql", mysqlDSN)',
      '\tdefer other.Close()',
      '\treturn nil',
      '}',
      '',
      'func main() { lambda.Start(handle) }',
    );
    assert.deepEqual(passwords('cmd/orders/main.go', code), [
      '17:"S3cret!!42" rds-sql-password',
      '18:"m1-pass" rds-sql-password',
      '17:"S3cret!!42" rds-sql-password!',
      '18:"m1-pass" rds-sql-password!',
    ]);
  });

  it('reads the call in place, and a password written in the format itself', () => {
    const code = sourceLines(
      ...HEADER,
      'const dbUser = "reporter"',
      '',
      'func open() (*sql.DB, error) {',
      '\treturn sql.Open("postgres", fmt.Sprintf("host=%s user=%s password=r3port dbname=r sslmode=require", os.Getenv("RDS_HOST"), dbUser))',
      '}',
    );
    assert.deepEqual(passwords('store/open.go', code), [
      '17:"host=%s user=%s password=r3port dbname=r sslmode=require" rds-sql-password',
      '17:"host=%s user=%s password=r3port dbname=r sslmode=require" rds-sql-password!',
    ]);
  });

  it("reports go-sql-driver/mysql's tls=skip-verify written in the format, not to a local server", () => {
    const code = sourceLines(
      ...HEADER,
      'type Target struct{ User, Password, Endpoint, Schema string }',
      '',
      'func admin(t Target) (*sql.DB, error) {',
      '\tdsn := fmt.Sprintf("%s:%s@tcp(%s)/%s?tls=skip-verify&allowCleartextPasswords=true",',
      '\t\tt.User, t.Password, t.Endpoint, t.Schema)',
      '\treturn sql.Open("mysql", dsn)',
      '}',
      '',
      'func verified(t Target) (*sql.DB, error) {',
      '\treturn sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)/%s?tls=true", t.User, t.Password, t.Endpoint, t.Schema))',
      '}',
      '',
      'func local(schema string) (*sql.DB, error) {',
      '\treturn sql.Open("mysql", fmt.Sprintf("root:root@tcp(localhost:3306)/%s?tls=skip-verify", schema))',
      '}',
      '',
      'func localLiteral() (*sql.DB, error) {',
      '\treturn sql.Open("mysql", "root:root@tcp(127.0.0.1:3306)/app?tls=skip-verify")',
      '}',
    );
    const found = hintsIn('grants/mysql.go', code).filter((hint) => / rds-sql-(?:password|tls-verification-off)!?$/.test(hint));
    assert.deepEqual(found, [
      '17:"%s:%s@tcp(%s)/%s?tls=skip-verify&allowCleartextPasswords=true" rds-sql-tls-verification-off',
      '17:"%s:%s@tcp(%s)/%s?tls=skip-verify&allowCleartextPasswords=true" rds-sql-tls-verification-off!',
    ]);
  });

  it('is silent on a password read at run time, localhost, an indexed verb, an empty constant and a variable format', () => {
    const code = sourceLines(
      ...HEADER,
      'const (',
      '\tdevPass   = "devonly"',
      '\tempty     = ""',
      '\tindexed   = "idx-pass"',
      ')',
      '',
      'var format = "host=%s password=%s"',
      '',
      'func open(ctx context.Context) {',
      '\ta, _ := sql.Open("postgres", fmt.Sprintf("host=%s password=%s sslmode=require", os.Getenv("DB_HOST"), os.Getenv("DB_PASSWORD")))',
      '\tb, _ := sql.Open("postgres", fmt.Sprintf("host=localhost password=%s sslmode=disable", devPass))',
      '\tc, _ := sql.Open("postgres", fmt.Sprintf("host=db.internal password=%s dbname=x", empty))',
      '\td, _ := sql.Open("postgres", fmt.Sprintf("host=%[2]s password=%[1]s", indexed, os.Getenv("DB_HOST")))',
      '\te, _ := sql.Open("postgres", fmt.Sprintf(format, os.Getenv("DB_HOST"), indexed))',
      '\t_, _, _, _, _ = a, b, c, d, e',
      '}',
    );
    assert.deepEqual(passwords('store/open.go', code), []);
  });
});
