/**
 * Go constructors that make their client through a method of the type they build (`s := &store{}` then
 * `s.connect(ctx)`, whose body calls `redis.NewClient`): a Lambda handler of another package that calls the
 * constructor makes a client on every invocation, as with a constructor that makes it in its own body
 * (`workspace/goSqlOpeners.ts`). Also a handler that builds such a value itself and calls the method. Silent: a method
 * that keeps the client in a package variable, one under `sync.Once`, a call in `main`, and a local of another type.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const GO_MOD = sourceLines('module example.com/visits', '', 'go 1.22');

const STORE = sourceLines(
  'package counter',
  '',
  'import (',
  '\t"context"',
  '\t"os"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'type store struct {',
  '\tconn *redis.Client',
  '}',
  '',
  'func NewStore(ctx context.Context) (*store, error) {',
  '\ts := &store{}',
  '\tif err := s.connect(ctx); err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn s, nil',
  '}',
  '',
  'func (s *store) connect(ctx context.Context) error {',
  '\tconn := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})',
  '\ts.conn = conn',
  '\treturn conn.Ping(ctx).Err()',
  '}',
);

const HANDLER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t"example.com/visits/internal/counter"',
  ')',
  '',
  'func handler(ctx context.Context, page string) error {',
  '\t_, err := counter.NewStore(ctx)', // 12
  '\treturn err',
  '}',
  '',
  'func main() {',
  '\tlambda.Start(handler)',
  '}',
);

function perInvocation(files: Record<string, string>): string[] {
  return hintsOfFile(files, 'cmd/visit/main.go').filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

describe('Go constructors that connect through a method of the value they build', () => {
  it('reports a Lambda handler of another package that calls such a constructor on each invocation', () => {
    const files = { 'go.mod': GO_MOD, 'internal/counter/store.go': STORE, 'cmd/visit/main.go': HANDLER };
    assert.deepEqual(perInvocation(files), ['12:NewStore lambda-client-per-invocation!']);
    // `store{}` and `new(store)` build the same value.
    for (const made of ['\ts := store{}', '\ts := new(store)']) {
      const variant = STORE.replace('\ts := &store{}', made).replace('\treturn s, nil', '\treturn nil, nil');
      assert.deepEqual(perInvocation({ ...files, 'internal/counter/store.go': variant }), ['12:NewStore lambda-client-per-invocation!'], made);
    }
  });

  it('stays silent where the method keeps the client in a package variable or under sync.Once, where main calls the constructor, and for a value of another type', () => {
    const files = { 'go.mod': GO_MOD, 'internal/counter/store.go': STORE, 'cmd/visit/main.go': HANDLER };
    const kept = STORE.replace('type store struct {', 'var shared *redis.Client\n\ntype store struct {').replace('\tconn := redis.NewClient(', '\tshared = redis.NewClient(').replace('\ts.conn = conn\n\treturn conn.Ping(ctx).Err()', '\ts.conn = shared\n\treturn nil');
    assert.deepEqual(perInvocation({ ...files, 'internal/counter/store.go': kept }), []);
    const once = STORE.replace('type store struct {', 'var once sync.Once\n\ntype store struct {')
      .replace('\tconn := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})\n\ts.conn = conn\n\treturn conn.Ping(ctx).Err()', '\tonce.Do(func() {\n\t\ts.conn = redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})\n\t})\n\treturn nil');
    assert.deepEqual(perInvocation({ ...files, 'internal/counter/store.go': once }), []);
    const inMain = HANDLER.replace('\t_, err := counter.NewStore(ctx)\n\treturn err', '\treturn nil').replace('\tlambda.Start(handler)', '\t_, _ = counter.NewStore(context.Background())\n\tlambda.Start(handler)');
    assert.deepEqual(perInvocation({ ...files, 'cmd/visit/main.go': inMain }), []);
    const otherType = STORE.replace('\ts := &store{}', '\ts := &options{}').replace('type store struct {', 'type options struct{}\n\nfunc (o *options) connect(ctx context.Context) error { return nil }\n\ntype store struct {').replace('func (s *store) connect(', 'func (s *store) dial(').replace('\treturn s, nil', '\treturn nil, nil');
    assert.deepEqual(perInvocation({ ...files, 'internal/counter/store.go': otherType }), []);
  });

  it('reports a handler of the same file that builds the value and calls its connecting method', () => {
    const code = STORE.replace('package counter', 'package main')
      .replace('\t"github.com/redis/go-redis/v9"', '\t"github.com/aws/aws-lambda-go/lambda"\n\t"github.com/redis/go-redis/v9"')
      .replace('func NewStore(ctx context.Context) (*store, error) {', 'func handler(ctx context.Context, page string) (*store, error) {')
      .concat('\nfunc main() {\n\tlambda.Start(handler)\n}\n');
    const found = hintsIn('main.go', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found, ['17:connect lambda-client-per-invocation!']);
  });
});
