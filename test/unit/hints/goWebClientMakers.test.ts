/**
 * `client-per-request` through a Go web handler's call of a function that another file or package of the module
 * declares to return a client and makes anew on each call (`workspace/goSqlOpeners.ts` tells the model,
 * `code/languages/goSqlHelpers.ts` reads the call, as for Lambda handlers): a gin handler calling
 * `cache.Client().Get(...)`, a `net/http` handler calling a maker of its own package. A maker that builds its options
 * from the environment, also parsed (`strconv.Atoi(os.Getenv("REDIS_DB"))`, `code/envConversions.ts`), makes the
 * same client on each call. Silent: a kept client (package variable, `sync.Once`), a maker given the caller's
 * config or parsing a parameter, a call outside a handler, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfFile, workspaceOf } from '../workspace/support';
import { realHintRules, sourceLines } from './support';

function perRequest(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('client-per-request!'));
}

const CACHE = sourceLines(
  'package cache',
  '',
  'import (',
  '\t"os"',
  '\t"strconv"',
  '\t"sync"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'var (',
  '\tshared *redis.Client',
  '\tonce   sync.Once',
  ')',
  '',
  '// Client reads its settings from the environment and connects a new pool each time.',
  'func Client() redis.Client {',
  '\taddr := os.Getenv("REDIS_ADDR")',
  '\tdb, _ := strconv.Atoi(os.Getenv("REDIS_DB"))',
  '\tclient := redis.NewClient(&redis.Options{Addr: addr, DB: db})',
  '\treturn *client',
  '}',
  '',
  'func Shared() *redis.Client {',
  '\tonce.Do(func() {',
  '\t\tshared = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})',
  '\t})',
  '\treturn shared',
  '}',
  '',
  'func ForDatabase(name string) *redis.Client {',
  '\tdb, _ := strconv.Atoi(name)',
  '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), DB: db})',
  '}',
  '',
  'func FromOptions(options *redis.Options) *redis.Client {',
  '\treturn redis.NewClient(options)',
  '}',
);

const MOVIES = sourceLines(
  'package controllers',
  '',
  'import (',
  '\t"context"',
  '\t"net/http"',
  '',
  '\t"github.com/gin-gonic/gin"',
  '\t"github.com/redis/go-redis/v9"',
  '',
  '\t"example.com/tickets/internal/cache"',
  ')',
  '',
  'func ListMovies(c *gin.Context) {',
  '\tctx := context.Background()',
  '\tcached, err := cache.Client().Get(ctx, "movies").Result()',
  '\tif err == nil {',
  '\t\tc.String(http.StatusOK, cached)',
  '\t\treturn',
  '\t}',
  '\tcache.Shared().Set(ctx, "seen", 1, 0)',
  '\tcache.ForDatabase(c.Query("db")).Del(ctx, "movies")',
  '\tcache.FromOptions(&redis.Options{Addr: "cache:6379"}).Ping(ctx)',
  '\tc.Status(http.StatusNoContent)',
  '}',
  '',
  'func Warm() {',
  '\tcache.Client().Set(context.Background(), "warm", 1, 0)',
  '}',
);

const HEALTH = sourceLines(
  'package controllers',
  '',
  'import (',
  '\t"net/http"',
  '',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  ')',
  '',
  'func Health(w http.ResponseWriter, r *http.Request) {',
  '\tout, err := ordersTable().ListTables(&dynamodb.ListTablesInput{})',
  '\tif err != nil || len(out.TableNames) == 0 {',
  '\t\tw.WriteHeader(http.StatusServiceUnavailable)',
  '\t}',
  '}',
);

const TABLE = sourceLines(
  'package controllers',
  '',
  'import (',
  '\t"github.com/aws/aws-sdk-go/aws/session"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  ')',
  '',
  'func ordersTable() *dynamodb.DynamoDB {',
  '\treturn dynamodb.New(session.Must(session.NewSession()))',
  '}',
);

const FILES = {
  'go.mod': sourceLines('module example.com/tickets', '', 'go 1.22'),
  'internal/cache/cache.go': CACHE,
  'controllers/movies.go': MOVIES,
  'controllers/health.go': HEALTH,
  'controllers/table.go': TABLE,
};

describe('Go clients that a function of another file makes for a web handler (workspace mode)', () => {
  it('reports a gin handler\'s call of a package maker that reads and parses the environment, and a net/http handler\'s call of its own package\'s maker', () => {
    assert.deepEqual(perRequest(FILES, 'controllers/movies.go'), ['15:Client client-per-request!']);
    assert.deepEqual(perRequest(FILES, 'controllers/health.go'), ['10:ordersTable client-per-request!']);
    const message = analyzeText(MOVIES, realHintRules(), { kind: documentKind(undefined, 'controllers/movies.go')!, fileName: 'controllers/movies.go', workspace: workspaceOf(FILES) })
      .findings.find((finding) => finding.ruleId === 'client-per-request')?.message;
    assert.match(message ?? '', /^This call makes a new client on every request the handler serves \(the function it calls, or the constructor of the class it instantiates, in this file or another module,/);
  });

  it('says nothing for a kept client, a maker built from a parameter or the caller\'s options, a call outside a handler, the makers, or a file read alone', () => {
    assert.deepEqual(perRequest(FILES, 'internal/cache/cache.go'), []);
    assert.deepEqual(perRequest(FILES, 'controllers/table.go'), []);
    assert.deepEqual(hintsOfFile(FILES, 'controllers/movies.go', null).filter((hint) => hint.includes('client-per-request')), []);
  });
});
