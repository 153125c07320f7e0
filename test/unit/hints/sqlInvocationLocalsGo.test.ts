/**
 * A Go Lambda handler's SQL connection built from a local the handler fills through its address
 * (`var creds dbCreds` then `json.Unmarshal([]byte(secret), &creds)`) takes what the filling calls read, and a
 * handler that takes no parameters is given nothing of the invocation (`code/invocationData.ts`): both open a
 * connection to keep, not the invocation's own. A local filled from the event stays the invocation's.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function perInvocation(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-connection-per-invocation!$/.test(hint));
}

const IMPORTS = ['package main', '', 'import (', '\t"context"', '\t"database/sql"', '\t"encoding/json"', '\t"fmt"', '\t"os"', '', '\t"github.com/aws/aws-lambda-go/lambda"', '\t_ "github.com/lib/pq"', ')', ''];

describe('Go SQL connections from locals a handler fills', () => {
  it('reports a connection whose password a secret fills into a var through json.Unmarshal', () => {
    const code = sourceLines(
      ...IMPORTS,
      'type dbCreds struct {',
      '\tPassword string `json:"password"`',
      '}',
      '',
      'func handle(ctx context.Context, ev map[string]string) error {',
      '\tsecret := fetchSecret(ctx, "orders-db")',
      '\tvar creds dbCreds',
      '\tif err := json.Unmarshal([]byte(secret), &creds); err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdsn := fmt.Sprintf("host=%s user=app password=%s", os.Getenv("DB_HOST"), creds.Password)',
      '\tdb, err := sql.Open("postgres", dsn)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdefer db.Close()',
      '\treturn db.PingContext(ctx)',
      '}',
      '',
      'func fetchSecret(ctx context.Context, id string) string { return os.Getenv(id) }',
      '',
      'func main() { lambda.Start(handle) }',
    );
    assert.deepEqual(perInvocation('cmd/orders/main.go', code), ['25:Open rds-sql-connection-per-invocation!']);
  });

  it('keeps silent when the var is filled from the event, the tenant connection of one invocation', () => {
    const code = sourceLines(
      ...IMPORTS,
      'type tenant struct {',
      '\tDSN string `json:"dsn"`',
      '}',
      '',
      'func handle(ctx context.Context, ev map[string]string) error {',
      '\tvar t tenant',
      '\tif err := json.Unmarshal([]byte(ev["tenant"]), &t); err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdb, err := sql.Open("postgres", fmt.Sprintf("%s sslmode=require", t.DSN))',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdefer db.Close()',
      '\treturn db.PingContext(ctx)',
      '}',
      '',
      'func main() { lambda.Start(handle) }',
    );
    assert.deepEqual(perInvocation('cmd/tenants/main.go', code), []);
  });

  it('reports a handler without parameters whose DSN reads a local the reader cannot follow, not one with an event', () => {
    const handler = (signature: string): string =>
      sourceLines(
        ...IMPORTS,
        'type settings struct{ Password string }',
        '',
        'func (s *settings) Load() { _ = json.Unmarshal([]byte(os.Getenv("SETTINGS")), s) }',
        '',
        `func ${signature} (string, error) {`,
        '\tvar s settings',
        '\ts.Load()',
        '\tdb, err := sql.Open("postgres", fmt.Sprintf("host=%s password=%s", os.Getenv("DB_HOST"), s.Password))',
        '\tif err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\tdefer db.Close()',
        '\treturn "ok", db.PingContext(context.Background())',
        '}',
        '',
        'func main() { lambda.Start(ping) }',
      );
    assert.deepEqual(perInvocation('cmd/ping/main.go', handler('ping()')), ['21:Open rds-sql-connection-per-invocation!']);
    assert.deepEqual(perInvocation('cmd/ping/main.go', handler('ping(ctx context.Context, ev map[string]string)')), []);
  });
});
