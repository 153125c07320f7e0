/**
 * Go interfaces a project declares over go-redis commands (`type Cache interface { Get(ctx, key) *redis.StringCmd;
 * Del(ctx, keys ...string) *redis.IntCmd }`), so that a repository takes a client or a mock: a field or parameter
 * of such a type is a go-redis client, whether the interface is the file's, another file's of its package, or an
 * imported package's of the module. An interface with a method of the project's own (`Keys(ctx) ([]string, error)`)
 * says nothing about what its methods send. Seen in a URL shortener's cache-aside repository (`cache redis.Cache`,
 * the project's own `redis` package), whose SET with a TTL and DEL got no hover.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const GO_MOD = sourceLines('module example.com/links', '', 'go 1.22', '', 'require github.com/redis/go-redis/v9 v9.7.0');

// The project's own package `redis`, named as go-redis is: the interface the repository takes, and its constructor.
const CACHE_PACKAGE = sourceLines(
  'package redis', // 1
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  '// Cache is the part of the client the repositories use; mocks implement it in tests.',
  '//',
  '//go:generate mockgen -source=cache.go -destination=../../mock/cache_mock.go -package=mock',
  'type Cache interface {',
  '\tGet(ctx context.Context, key string) *redis.StringCmd',
  '\tSet(ctx context.Context, key string, value interface{}, expiration time.Duration) *redis.StatusCmd',
  '\tDel(ctx context.Context, keys ...string) *redis.IntCmd // invalidation',
  '\tClose() error',
  '}',
  '',
  'var _ Cache = (*redis.Client)(nil)',
  '',
  '// Store has a method of its own: what its Keys sends is not known.',
  'type Store interface {',
  '\tGet(ctx context.Context, key string) *redis.StringCmd',
  '\tKeys(ctx context.Context, prefix string) ([]string, error)',
  '}',
);

const REPOSITORY = sourceLines(
  'package repository', // 1
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  '',
  '\t"example.com/links/internal/redis"',
  ')',
  '',
  'type links struct {', // 10
  '\tcache redis.Cache',
  '\tstore redis.Store',
  '\tttl   time.Duration',
  '}',
  '',
  'func (l *links) remember(ctx context.Context, code, url string) error {', // 16
  '\treturn l.cache.Set(ctx, "link:"+code, url, l.ttl).Err()', // 17
  '}',
  '',
  'func (l *links) forget(ctx context.Context, code string) error {', // 20
  '\treturn l.cache.Del(ctx, "link:"+code).Err()', // 21
  '}',
  '',
  'func (l *links) codes(ctx context.Context) ([]string, error) {', // 24
  '\treturn l.store.Keys(ctx, "link:")', // 25
  '}',
  '',
  'func purge(ctx context.Context, c redis.Cache, codes []string) {', // 28
  '\tfor _, code := range codes {',
  '\t\tc.Del(ctx, "link:"+code)', // 30
  '\t}',
  '}',
);

const FILES = { 'go.mod': GO_MOD, 'internal/redis/cache.go': CACHE_PACKAGE, 'internal/repository/links.go': REPOSITORY };

describe('Go interfaces over go-redis commands', () => {
  it('reads a field of an imported package\'s interface as a go-redis client: SET with a TTL, DEL', () => {
    const found = hintsOfFile(FILES, 'internal/repository/links.go');
    assert.ok(found.includes('17:Set redis-expire'), found.join('\n'));
    assert.ok(found.includes('21:Del redis-unlink'), found.join('\n'));
  });

  it('reads nothing through an interface with a method of the project\'s own', () => {
    const found = hintsOfFile(FILES, 'internal/repository/links.go');
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('25:')),
      [],
    );
  });

  it('reads a parameter of the interface, whose commands may go through a pipeline: a hover, no per-key finding', () => {
    const found = hintsOfFile(FILES, 'internal/repository/links.go');
    assert.ok(found.includes('30:Del redis-unlink'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('30:') && hint.endsWith('!')), found.join('\n'));
  });

  it('reads the interface of the same file, and of another file of the package', () => {
    const own = sourceLines(
      'package cache', // 1
      'import (',
      '\t"context"',
      '\t"time"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Setter interface {', // 7
      '\tSet(ctx context.Context, key string, value any, ttl time.Duration) *redis.StatusCmd',
      '\tredis.StringCmdable',
      '}',
      'type Sessions struct{ rdb Setter }', // 11
      'func (s Sessions) Touch(ctx context.Context, id string) error {',
      '\treturn s.rdb.Set(ctx, "session:"+id, id, time.Hour).Err()', // 13
      '}',
    );
    const sibling = sourceLines(
      'package cache', // 1
      'import "context"',
      'type Tokens struct{ rdb Setter }',
      'func (t Tokens) Revoke(ctx context.Context, id string) {',
      '\tt.rdb.Set(ctx, "token:"+id, "revoked", 0)', // 5
      '}',
    );
    const files = { 'go.mod': GO_MOD, 'internal/cache/setter.go': own, 'internal/cache/tokens.go': sibling };
    assert.ok(hintsOfFile(files, 'internal/cache/setter.go').includes('13:Set redis-expire'));
    assert.ok(hintsOfFile(files, 'internal/cache/tokens.go').includes('5:Set redis-expire'));
  });

  it('gives nothing to an interface of the same name whose methods return the project\'s own types', () => {
    const own = sourceLines(
      'package cache', // 1
      'import (',
      '\t"context"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Cache interface {',
      '\tSet(ctx context.Context, key string, value string) error',
      '\tDel(ctx context.Context, key string) error',
      '}',
      'type wrapper struct{ rdb *redis.Client }',
      'type service struct{ cache Cache }', // 11
      'func (s service) drop(ctx context.Context, key string) error {',
      '\treturn s.cache.Del(ctx, key)', // 13
      '}',
    );
    const found = hintsOfFile({ 'go.mod': GO_MOD, 'internal/cache/cache.go': own }, 'internal/cache/cache.go');
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('13:')),
      [],
    );
  });
  it('reads a call of a function of another file of the package that returns such an interface as that client', () => {
    // A load tool's factory picks a cluster or a single-node client behind an interface of its own; its workers,
    // in another file, call the factory and send their commands through what it gives.
    const factory = sourceLines(
      'package load', // 1
      'import (',
      '\t"context"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func dial(s Settings) commands {', // 6: the result type is declared below the function
      '\tif s.Cluster {',
      '\t\treturn redis.NewClusterClient(&redis.ClusterOptions{Addrs: s.Nodes})',
      '\t}',
      '\treturn redis.NewClient(&redis.Options{Addr: s.Nodes[0]})',
      '}',
      'func dialOrFail(s Settings) (commands, error) {', // 12
      '\treturn dial(s), nil',
      '}',
      'func describe(s Settings) summary {', // 15: a struct of the project's own
      '\treturn summary{}',
      '}',
      'type commands interface {', // 18
      '\tGet(ctx context.Context, key string) *redis.StringCmd',
      '\tKeys(ctx context.Context, pattern string) *redis.StringSliceCmd',
      '\tClose() error',
      '}',
      'type summary struct{ Keys func(ctx context.Context, pattern string) []string }',
    );
    const worker = sourceLines(
      'package load', // 1
      'import "context"',
      'func sweep(ctx context.Context, s Settings) {',
      '\tc := dial(s)', // 4
      '\tdefer c.Close()',
      '\tc.Keys(ctx, "bench:*")', // 6
      '\td, _ := dialOrFail(s)',
      '\td.Keys(ctx, "bench:*")', // 8
      '\tsum := describe(s)',
      '\tsum.Keys(ctx, "bench:*")', // 10
      '}',
    );
    const files = { 'go.mod': GO_MOD, 'internal/load/dial.go': factory, 'internal/load/worker.go': worker };
    const found = hintsOfFile(files, 'internal/load/worker.go');
    assert.ok(found.includes('6:Keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('8:Keys redis-keys!'), found.join('\n'));
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('10:')),
      [],
    );
  });
  it('reads a factory whose result interface another file of the package declares, and an imported package\'s exported one', () => {
    const commands = sourceLines(
      'package sessions', // 1
      'import (',
      '\t"context"',
      '\t"time"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Store interface {',
      '\tGet(ctx context.Context, key string) *redis.StringCmd',
      '\tSet(ctx context.Context, key string, value interface{}, ttl time.Duration) *redis.StatusCmd',
      '\tKeys(ctx context.Context, pattern string) *redis.StringSliceCmd',
      '}',
    );
    const factory = sourceLines(
      'package sessions', // 1
      'import "github.com/redis/go-redis/v9"',
      'func Open(addr string) Store {',
      '\treturn redis.NewClient(&redis.Options{Addr: addr})',
      '}',
      'func openLocal() Local {', // 6: a type no file declares as an interface over commands
      '\treturn Local{}',
      '}',
    );
    const sweeper = sourceLines(
      'package sessions', // 1
      'import "context"',
      'type Local struct{}',
      'func (Local) Keys(ctx context.Context, pattern string) []string { return nil }',
      'func sweep(ctx context.Context, addr string) {',
      '\ts := Open(addr)',
      '\ts.Keys(ctx, "session:*")', // 7
      '\tl := openLocal()',
      '\tl.Keys(ctx, "session:*")', // 9
      '}',
    );
    const handler = sourceLines(
      'package api', // 1
      'import (',
      '\t"context"',
      '\t"example.com/links/internal/sessions"',
      ')',
      'func purge(ctx context.Context) {',
      '\tsessions.Open("cache:6379").Keys(ctx, "session:*")', // 7
      '}',
    );
    const files = {
      'go.mod': GO_MOD,
      'internal/sessions/store.go': commands,
      'internal/sessions/open.go': factory,
      'internal/sessions/sweep.go': sweeper,
      'internal/api/purge.go': handler,
    };
    const found = hintsOfFile(files, 'internal/sessions/sweep.go');
    assert.ok(found.includes('7:Keys redis-keys!'), found.join('\n'));
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('9:')),
      [],
    );
    const imported = hintsOfFile(files, 'internal/api/purge.go');
    assert.ok(imported.includes('7:Keys redis-keys!'), imported.join('\n'));
  });
  it('takes go-redis\'s Watch over a redis.Tx callback and Subscribe\'s PubSub as members of such an interface, in the file and in another of the package', () => {
    // Seen in a cache library over go-redis: its client interface lists Watch for its optimistic updates, so none of its commands got a hover.
    const client = sourceLines(
      'package cache', // 1
      'import (',
      '\t"context"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Client interface {', // 6
      '\tMGet(ctx context.Context, keys ...string) *redis.SliceCmd',
      '\tWatch(ctx context.Context, fn func(*redis.Tx) error, keys ...string) error',
      '\tSubscribe(ctx context.Context, channels ...string) *redis.PubSub',
      '\tFlushDBAsync(ctx context.Context) *redis.StatusCmd',
      '}',
      'type Own interface {', // 12
      '\tMGet(ctx context.Context, keys ...string) *redis.SliceCmd',
      '\tWatch(ctx context.Context, key string) error',
      '}',
      'type store struct {', // 16
      '\trdb Client',
      '\town Own',
      '}',
      'func (s store) many(ctx context.Context, keys []string) {', // 20
      '\ts.rdb.MGet(ctx, keys...)', // 21
      '\ts.own.MGet(ctx, keys...)', // 22
      '\ts.rdb.FlushDBAsync(ctx)', // 23
      '}',
    );
    const sibling = sourceLines(
      'package cache', // 1
      'import "context"',
      'func drop(ctx context.Context, c Client, keys []string) {',
      '\tc.MGet(ctx, keys...)', // 4
      '}',
    );
    const files = { 'go.mod': GO_MOD, 'internal/cache/client.go': client, 'internal/cache/drop.go': sibling };
    const own = hintsOfFile(files, 'internal/cache/client.go');
    assert.ok(own.includes('21:MGet redis-mget'), own.join('\n'));
    assert.ok(own.includes('23:FlushDBAsync redis-flush'), own.join('\n'));
    assert.deepEqual(
      own.filter((hint) => hint.startsWith('22:')),
      [],
    );
    const found = hintsOfFile(files, 'internal/cache/drop.go');
    assert.ok(found.includes('4:MGet redis-mget'), found.join('\n'));
  });
});
