/**
 * A Go provider declares its struct and the interface of its client field in one file (`type provider struct { store
 * RedisClient }`, `RedisClient` listing go-redis commands so that a cluster or a single-node client fits) and its
 * methods in others (`p.store.Keys(...)` in store.go). The field reaches the package's other files as the client the
 * interface stands for, whether the interface is declared beside the struct or in a third file of the package. Seen
 * in an auth server's session store, whose four KEYS calls got nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const GO_MOD = sourceLines('module example.com/auth', '', 'go 1.22', '', 'require github.com/redis/go-redis/v9 v9.7.0');

const PROVIDER = sourceLines(
  'package sessions', // 1
  '',
  'import (',
  '\t"context"',
  '\t"strings"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  '// Commands is what the store sends: a cluster client and a single-node client both have it.',
  'type Commands interface {',
  '\tDel(ctx context.Context, keys ...string) *redis.IntCmd',
  '\tGet(ctx context.Context, key string) *redis.StringCmd',
  '\tKeys(ctx context.Context, pattern string) *redis.StringSliceCmd',
  '\tScan(ctx context.Context, cursor uint64, match string, count int64) *redis.ScanCmd',
  '}',
  '',
  'type store struct {',
  '\tctx    context.Context',
  '\tclient Commands `json:"-"`',
  '\tnames  Naming // a type of the package that is no client',
  '\tprefix string',
  '}',
  '',
  'type Naming struct{ Keys func(pattern string) []string }',
  '',
  'func Open(url string) (*store, error) {',
  '\tnodes := strings.Split(url, ",")',
  '\tif len(nodes) > 1 {',
  '\t\treturn &store{ctx: context.Background(), client: redis.NewClusterClient(&redis.ClusterOptions{Addrs: nodes})}, nil',
  '\t}',
  '\topt, err := redis.ParseURL(url)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn &store{ctx: context.Background(), client: redis.NewClient(opt)}, nil',
  '}',
);

const METHODS = sourceLines(
  'package sessions', // 1
  '',
  'import "fmt"',
  '',
  'func (s *store) Forget(user string) error {', // 5
  '\treturn s.client.Del(s.ctx, fmt.Sprintf("%s:%s", s.prefix, user)).Err()', // 6
  '}',
  '',
  'func (s *store) Everyone() ([]string, error) {', // 9
  '\treturn s.client.Keys(s.ctx, s.prefix+":*").Result()', // 10
  '}',
  '',
  'func (s *store) Named() []string {', // 13
  '\treturn s.names.Keys(s.prefix + ":*")', // 14: a function field of the project's own struct
  '}',
  '',
  'func (s *store) ForgetAll(users []string) {', // 17
  '\tfor _, user := range users {',
  '\t\ts.client.Del(s.ctx, s.prefix+":"+user)', // 19: the interface may hold a pipeline
  '\t}',
  '}',
);

describe('Go struct fields typed by an interface of their package', () => {
  const files = { 'go.mod': GO_MOD, 'internal/sessions/provider.go': PROVIDER, 'internal/sessions/store.go': METHODS };

  it('reads the field in the methods of another file as the go-redis client the interface stands for', () => {
    const found = hintsOfFile(files, 'internal/sessions/store.go');
    assert.ok(found.includes('10:Keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('6:Del redis-unlink'), found.join('\n'));
  });

  it('reads nothing through a field of a struct of the package, and no per-key finding through the interface', () => {
    const found = hintsOfFile(files, 'internal/sessions/store.go');
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('14:')),
      [],
    );
    assert.ok(found.includes('19:Del redis-unlink'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('19:') && hint.endsWith('!')), found.join('\n'));
  });

  it('resolves the interface when a third file of the package declares it', () => {
    const [head, rest] = [PROVIDER.slice(0, PROVIDER.indexOf('// Commands')), PROVIDER.slice(PROVIDER.indexOf('type store struct'))];
    const commands = sourceLines(
      'package sessions',
      'import (',
      '\t"context"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      PROVIDER.slice(PROVIDER.indexOf('type Commands'), PROVIDER.indexOf('type store struct')),
    );
    const split = { 'go.mod': GO_MOD, 'internal/sessions/provider.go': head + rest, 'internal/sessions/commands.go': commands, 'internal/sessions/store.go': METHODS };
    const found = hintsOfFile(split, 'internal/sessions/store.go');
    assert.ok(found.includes('10:Keys redis-keys!'), found.join('\n'));
  });

  it('gives nothing when no file of the package declares the field\'s type as an interface over a client', () => {
    const own = PROVIDER.replace(/type Commands interface \{[^}]*\}/, 'type Commands interface {\n\tKeys(ctx context.Context, pattern string) ([]string, error)\n}');
    const found = hintsOfFile({ ...files, 'internal/sessions/provider.go': own }, 'internal/sessions/store.go');
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('10:') || hint.startsWith('6:')),
      [],
    );
  });
});
