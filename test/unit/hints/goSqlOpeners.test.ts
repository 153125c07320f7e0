/**
 * `rds-sql-connection-per-invocation` through a Go Lambda handler's call of a function that another file of the
 * module declares and that opens a SQL connection pool on each call (`workspace/goSqlOpeners.ts` tells the model,
 * `code/languages/goSqlHelpers.ts` reads the call): `persistence.NewDB()` of an imported package, `openPool(ctx)`
 * of another file of the handler's package. Silent: a pool kept in a package variable (also under `sync.Once`), one
 * made from the caller's DSN, a call from `main`, a method, a local that hides the package, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-connection-per-invocation!'));
}

const PERSISTENCE = sourceLines(
  'package persistence',
  '',
  'import (',
  '\t"fmt"',
  '\t"os"',
  '\t"sync"',
  '',
  '\t"gorm.io/driver/mysql"',
  '\t"gorm.io/gorm"',
  ')',
  '',
  'var (',
  '\tshared *gorm.DB',
  '\tonce   sync.Once',
  '\tcached *gorm.DB',
  ')',
  '',
  'func dsn() string {',
  '\treturn fmt.Sprintf("%s:%s@tcp(%s:3306)/tickets?parseTime=true", os.Getenv("DB_USER"), os.Getenv("DB_PASSWORD"), os.Getenv("DB_HOST"))',
  '}',
  '',
  '// NewDB opens a new pool on every call.',
  'func NewDB() (*gorm.DB, error) {',
  '\treturn gorm.Open(mysql.Open(dsn()), &gorm.Config{})',
  '}',
  '',
  '// Shared opens the pool once and hands the same one out after.',
  'func Shared() (*gorm.DB, error) {',
  '\tif shared != nil {',
  '\t\treturn shared, nil',
  '\t}',
  '\tdb, err := gorm.Open(mysql.Open(dsn()), &gorm.Config{})',
  '\tshared = db',
  '\treturn db, err',
  '}',
  '',
  'func Cached() *gorm.DB {',
  '\tonce.Do(func() {',
  '\t\tcached, _ = gorm.Open(mysql.Open(dsn()), &gorm.Config{})',
  '\t})',
  '\treturn cached',
  '}',
  '',
  'func Connect(url string) (*gorm.DB, error) {',
  '\treturn gorm.Open(mysql.Open(url), &gorm.Config{})',
  '}',
);

const HANDLER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"os"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t"example.com/tickets/internal/persistence"',
  ')',
  '',
  'func handler(ctx context.Context, request events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
  '\tdb, err := persistence.NewDB()',
  '\tif err != nil {',
  '\t\treturn events.APIGatewayProxyResponse{StatusCode: 500}, err',
  '\t}',
  '\tshared, _ := persistence.Shared()',
  '\tcached := persistence.Cached()',
  '\treports, _ := persistence.Connect(os.Getenv("REPORTS_DSN"))',
  '\tpool, _ := openPool(ctx)',
  '\t_, _, _, _ = db, shared, cached, reports',
  '\tdefer pool.Close()',
  '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
  '}',
  '',
  'func main() {',
  '\tif _, err := persistence.NewDB(); err != nil {',
  '\t\tpanic(err)',
  '\t}',
  '\tlambda.Start(handler)',
  '}',
);

const POOL = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"os"',
  '',
  '\t"github.com/jackc/pgx/v5/pgxpool"',
  ')',
  '',
  'func openPool(ctx context.Context) (*pgxpool.Pool, error) {',
  '\treturn pgxpool.New(ctx, os.Getenv("DATABASE_URL"))',
  '}',
);

const FILES = { 'go.mod': sourceLines('module example.com/tickets'), 'internal/persistence/db.go': PERSISTENCE, 'cmd/api/main.go': HANDLER, 'cmd/api/pool.go': POOL };

describe('Go SQL pools that a function of another file opens for a Lambda handler (workspace mode)', () => {
  it('reports the handler\'s call of an imported package\'s opener and of its own package\'s, not a kept pool, a DSN passed in, or main', () => {
    assert.deepEqual(perInvocation(FILES, 'cmd/api/main.go'), ['14:NewDB rds-sql-connection-per-invocation!', '21:openPool rds-sql-connection-per-invocation!']);
    // The openers themselves are no handlers.
    assert.deepEqual(perInvocation(FILES, 'internal/persistence/db.go'), []);
    assert.deepEqual(perInvocation(FILES, 'cmd/api/pool.go'), []);
  });

  it('says nothing for a method, a local that hides the package, or a file read alone', () => {
    const handler = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '',
      '\t"example.com/tickets/internal/persistence"',
      ')',
      '',
      'type store struct{}',
      '',
      'func (s store) NewDB() error { return nil }',
      '',
      'func handler(ctx context.Context, request events.SQSEvent) error {',
      '\tpersistence := store{}',
      '\treturn persistence.NewDB()',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handler)',
      '}',
    );
    const files = { 'go.mod': sourceLines('module example.com/tickets'), 'internal/persistence/db.go': PERSISTENCE, 'cmd/worker/main.go': handler };
    assert.deepEqual(perInvocation(files, 'cmd/worker/main.go'), []);
    assert.deepEqual(hintsOfFile(FILES, 'cmd/api/main.go', null).filter((hint) => hint.includes('rds-sql-')), []);
  });
});
