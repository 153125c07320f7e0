/**
 * `lambda-client-per-invocation` through a Go Lambda handler's call of a function that another file of the module
 * declares to return a client and that makes it on each call (`workspace/goSqlOpeners.ts` tells the model,
 * `code/languages/goSqlHelpers.ts` reads the call): `clients.NewRedis()` of an imported package, `newTable()` of
 * another file of the handler's package, and a function that loads the SDK's default configuration and builds its
 * client from it. Silent: a client kept in a package variable (also under `sync.Once`, or in a package map), one made
 * from the caller's config, a call from `main`, a client the handler keeps in a package variable, a method, and a
 * file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

const CLIENTS = sourceLines(
  'package clients',
  '',
  'import (',
  '\t"context"',
  '\t"os"',
  '\t"sync"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'var (',
  '\tawsCfg, _ = config.LoadDefaultConfig(context.Background())',
  '\tshared   *redis.Client',
  '\tonce     sync.Once',
  '\tcached   *dynamodb.Client',
  '\tbyAddr   = map[string]*redis.Client{}',
  ')',
  '',
  '// NewRedis makes a new client, with its own pool, on every call.',
  'func NewRedis() *redis.Client {',
  '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})',
  '}',
  '',
  'func NewDynamo() *dynamodb.Client {',
  '\treturn dynamodb.NewFromConfig(awsCfg)',
  '}',
  '',
  'func SharedRedis() *redis.Client {',
  '\tif shared == nil {',
  '\t\tshared = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})',
  '\t}',
  '\treturn shared',
  '}',
  '',
  'func CachedDynamo() *dynamodb.Client {',
  '\tonce.Do(func() {',
  '\t\tcached = dynamodb.NewFromConfig(awsCfg)',
  '\t})',
  '\treturn cached',
  '}',
  '',
  'func RedisFor(addr string) *redis.Client {',
  '\tif c, ok := byAddr[addr]; ok {',
  '\t\treturn c',
  '\t}',
  '\tc := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})',
  '\tbyAddr[addr] = c',
  '\treturn c',
  '}',
  '',
  'func FromConfig(cfg aws.Config) *dynamodb.Client {',
  '\treturn dynamodb.NewFromConfig(cfg)',
  '}',
  '',
  'func Loaded(ctx context.Context) (*dynamodb.Client, error) {',
  '\tcfg, err := config.LoadDefaultConfig(ctx)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn dynamodb.NewFromConfig(cfg), nil',
  '}',
);

const HANDLER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '',
  '\t"example.com/orders/internal/clients"',
  ')',
  '',
  'func handler(ctx context.Context, request events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
  '\trdb := clients.NewRedis()',
  '\tdefer rdb.Close()',
  '\tddb := clients.NewDynamo()',
  '\tshared := clients.SharedRedis()',
  '\tcached := clients.CachedDynamo()',
  '\tmapped := clients.RedisFor("cache:6379")',
  '\tcfg, _ := config.LoadDefaultConfig(ctx)',
  '\tpassed := clients.FromConfig(cfg)',
  '\tloaded, _ := clients.Loaded(ctx)',
  '\ttable := newTable()',
  '\t_, _, _, _, _, _, _ = ddb, shared, cached, mapped, passed, loaded, table',
  '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
  '}',
  '',
  'func main() {',
  '\t_ = clients.NewDynamo()',
  '\tlambda.Start(handler)',
  '}',
);

const TABLE = sourceLines(
  'package main',
  '',
  'import (',
  '\t"github.com/aws/aws-sdk-go/aws/session"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  ')',
  '',
  'func newTable() *dynamodb.DynamoDB {',
  '\treturn dynamodb.New(session.Must(session.NewSession()))',
  '}',
);

const FILES = { 'go.mod': sourceLines('module example.com/orders'), 'internal/clients/clients.go': CLIENTS, 'cmd/api/main.go': HANDLER, 'cmd/api/table.go': TABLE };

describe('Go clients that a function of another file makes for a Lambda handler (workspace mode)', () => {
  it('reports the handler\'s call of an imported package\'s maker and of its own package\'s, and of one that loads the shared SDK configuration itself; not a kept client, a config passed in, or main', () => {
    assert.deepEqual(perInvocation(FILES, 'cmd/api/main.go'), ['14:NewRedis lambda-client-per-invocation!', '16:NewDynamo lambda-client-per-invocation!', '22:Loaded lambda-client-per-invocation!', '23:newTable lambda-client-per-invocation!']);
    // The makers themselves are no handlers.
    assert.deepEqual(perInvocation(FILES, 'internal/clients/clients.go'), []);
    assert.deepEqual(perInvocation(FILES, 'cmd/api/table.go'), []);
  });

  it('says nothing for a client the handler keeps, a method, a local that hides the package, or a file read alone', () => {
    const handler = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/redis/go-redis/v9"',
      '',
      '\t"example.com/orders/internal/clients"',
      ')',
      '',
      'var rdb *redis.Client',
      '',
      'type factory struct{}',
      '',
      'func (f factory) NewDynamo() error { return nil }',
      '',
      'func handler(ctx context.Context, request events.SQSEvent) error {',
      '\tif rdb == nil {',
      '\t\trdb = clients.NewRedis()',
      '\t}',
      '\tclients := factory{}',
      '\treturn clients.NewDynamo()',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handler)',
      '}',
    );
    const files = { 'go.mod': sourceLines('module example.com/orders'), 'internal/clients/clients.go': CLIENTS, 'cmd/worker/main.go': handler };
    assert.deepEqual(perInvocation(files, 'cmd/worker/main.go'), []);
    assert.deepEqual(hintsOfFile(FILES, 'cmd/api/main.go', null).filter((hint) => hint.includes('lambda-client-per-invocation')), []);
  });
});
