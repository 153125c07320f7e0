/**
 * Go SQL connections to RDS and Aurora (`code/sqlConnections.ts`): `database/sql`'s `Open` with a PostgreSQL or MySQL
 * driver's name, sqlx's `Open`, `Connect`, `ConnectContext` and `Must` forms, pgx `Connect` and pgxpool `New`, and
 * pgx's and pgxpool's `ParseConfig` (the DSN of a later `ConnectConfig` / `NewWithConfig`, itself no connection): the
 * connection hover, and the findings for a connection opened per Lambda invocation, a literal password and TLS
 * verification turned off in the DSN. Silent: SQLite, a lazily kept pool, a project package that shares a name.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

function findings(fileName: string, code: string): string[] {
  return sql(fileName, code).filter((hint) => hint.endsWith('!'));
}

describe('Go SQL connections to RDS', () => {
  it('reports sql.Open and pgxpool.New per invocation in a Lambda handler, not a lazily kept pool or SQLite', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"database/sql"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t_ "github.com/go-sql-driver/mysql"',
      '\t"github.com/jackc/pgx/v5/pgxpool"',
      '\t_ "github.com/mattn/go-sqlite3"',
      ')',
      '',
      'var reports *sql.DB',
      '',
      'type Request struct{ Account string }',
      '',
      'func handle(ctx context.Context, req Request) (int, error) {',
      '\tdb, err := sql.Open("mysql", "billing:Hunter2hunter@tcp(billing.cluster-x.eu-west-1.rds.amazonaws.com:3306)/billing?tls=skip-verify")',
      '\tif err != nil {',
      '\t\treturn 0, err',
      '\t}',
      '\tdefer db.Close()',
      '\tif reports == nil {',
      '\t\treports, err = sql.Open("mysql", os.Getenv("REPORTS_DSN"))',
      '\t}',
      '\tscratch, _ := sql.Open("sqlite3", "/tmp/scratch.db")',
      '\tdefer scratch.Close()',
      '\tpool, err := pgxpool.New(ctx, os.Getenv("LEDGER_URL"))',
      '\tdefer pool.Close()',
      '\treturn 1, nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handle)',
      '}',
    );
    assert.deepEqual(findings('cmd/billing/main.go', code), [
      '19:Open rds-sql-connection-per-invocation!',
      '19:"billing:Hunter2hunter@tcp(billing.cluster-x.eu-west-1.rds.amazonaws.com:3306)/billing?tls=skip-verify" rds-sql-password!',
      '19:"billing:Hunter2hunter@tcp(billing.cluster-x.eu-west-1.rds.amazonaws.com:3306)/billing?tls=skip-verify" rds-sql-tls-verification-off!',
      '29:New rds-sql-connection-per-invocation!',
    ]);
    const connections = sql('cmd/billing/main.go', code).filter((hint) => / rds-sql-connection$/.test(hint));
    assert.deepEqual(connections, ['19:Open rds-sql-connection', '25:Open rds-sql-connection', '29:New rds-sql-connection']);
  });

  it('reads sqlx.Connect, ConnectContext and MustOpen as sql.Open, in a repository package and a Lambda handler, not SQLite or a local sqlx', () => {
    const store = sourceLines(
      'package database',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/jmoiron/sqlx"',
      '\t_ "github.com/lib/pq"',
      '\t_ "github.com/mattn/go-sqlite3"',
      ')',
      '',
      'func Connect(url string) *sqlx.DB {',
      '\tdb, err := sqlx.Connect("postgres", url)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\treturn db',
      '}',
      '',
      'func Scratch() *sqlx.DB {',
      '\treturn sqlx.MustConnect("sqlite3", ":memory:")',
      '}',
      '',
      'func Reports(ctx context.Context) *sqlx.DB {',
      '\tdb, _ := sqlx.ConnectContext(ctx, "postgres", "postgres://reports:Hunter2hunter@reports.cluster-x.eu-west-1.rds.amazonaws.com/reports")',
      '\treturn db',
      '}',
    );
    assert.deepEqual(sql('internal/database/db.go', store), [
      '12:Connect rds-sql-connection',
      '24:ConnectContext rds-sql-connection',
      '24:"postgres://reports:Hunter2hunter@reports.cluster-x.eu-west-1.rds.amazonaws.com/reports" rds-sql-password',
      '24:"postgres://reports:Hunter2hunter@reports.cluster-x.eu-west-1.rds.amazonaws.com/reports" rds-sql-password!',
    ]);
    const handler = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t_ "github.com/go-sql-driver/mysql"',
      '\tdb "github.com/jmoiron/sqlx"',
      ')',
      '',
      'func handle(ctx context.Context) error {',
      '\tconn := db.MustOpen("mysql", os.Getenv("ORDERS_DSN"))',
      '\tdefer conn.Close()',
      '\treturn nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handle)',
      '}',
    );
    assert.deepEqual(findings('cmd/orders/main.go', handler), ['13:MustOpen rds-sql-connection-per-invocation!']);
    // A package of the project that happens to be named sqlx is not the library.
    const own = sourceLines('package main', '', 'import "example.com/shop/sqlx"', '', 'func main() {', '\tsqlx.Connect("postgres", "x")', '}');
    assert.deepEqual(sql('cmd/shop/main.go', own), []);
  });

  it('reads the DSN pgxpool.ParseConfig and pgx.ParseConfig parse, but no connection per invocation there', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/jackc/pgx/v5"',
      '\t"github.com/jackc/pgx/v5/pgxpool"',
      ')',
      '',
      'var pool *pgxpool.Pool',
      '',
      'func handle(ctx context.Context) error {',
      '\tif pool == nil {',
      '\t\tcfg, err := pgxpool.ParseConfig(os.Getenv("LEDGER_URL"))',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t\tcfg.MaxConns = 4',
      '\t\tpool, err = pgxpool.NewWithConfig(ctx, cfg)',
      '\t\treturn err',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func audit(ctx context.Context) (*pgx.Conn, error) {',
      '\tcfg, err := pgx.ParseConfig("postgres://audit:Hunter2hunter@audit.cluster-x.eu-west-1.rds.amazonaws.com:5432/audit?sslmode=disable")',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\treturn pgx.ConnectConfig(ctx, cfg)',
      '}',
      '',
      'func local() (*pgx.ConnConfig, error) {',
      '\treturn pgx.ParseConfig("postgres://dev:dev@localhost:5432/dev")',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handle)',
      '}',
    );
    const dsn = '"postgres://audit:Hunter2hunter@audit.cluster-x.eu-west-1.rds.amazonaws.com:5432/audit?sslmode=disable"';
    assert.deepEqual(findings('cmd/ledger/main.go', code), [`28:${dsn} rds-sql-password!`, `28:${dsn} rds-sql-tls-disabled!`]);
    const connections = sql('cmd/ledger/main.go', code).filter((hint) => / rds-sql-connection$/.test(hint));
    assert.deepEqual(connections, ['16:ParseConfig rds-sql-connection', '28:ParseConfig rds-sql-connection', '36:ParseConfig rds-sql-connection']);
  });
});
