/**
 * Go services hold a client two structs deep: `type Server struct { cache *cache.Cache }` in server.go, the
 * `cache` package's `type Cache struct { RDB *redis.Client }`, and handlers in other files of the package
 * (`s.cache.RDB.Set(...)`). A struct another file of the package declares tells its fields of another
 * package's struct (a pointer, as services hold them), which the reading file resolves through the model,
 * also under a module path without a dot (`module auth-service`). A struct of the standard library, a package whose struct holds no client, a
 * field the struct does not declare and a struct of a third-party module stay unknown.
 */
import * as assert from 'node:assert/strict';
import { indexGoPackage, mayContributeGo } from '../../../src/hints/engine/workspace/goPackages';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const CACHE = sourceLines(
  'package cache',
  '',
  'import "github.com/redis/go-redis/v9"',
  '',
  'type Cache struct {',
  '\tRDB *redis.Client',
  '}',
  '',
  'func New(rdb *redis.Client) *Cache {',
  '\treturn &Cache{RDB: rdb}',
  '}',
);

const CONFIG = sourceLines('package config', '', 'type Settings struct {', '\tAddr string', '}');

const SERVER = (module: string): string =>
  sourceLines(
    'package api',
    '',
    'import (',
    '\t"net/http"',
    '\t"sync"',
    '',
    `\t"${module}/internal/cache"`,
    `\t"${module}/internal/config"`,
    '\t"github.com/acme/kv"',
    ')',
    '',
    'type Server struct {',
    '\tcache    *cache.Cache',
    '\tsettings *config.Settings',
    '\tstore    *kv.Store',
    '\tclient   *http.Client',
    '\tmu       sync.Mutex',
    '\tlimits   config.Settings',
    '}',
    '',
    'func NewServer(c *cache.Cache) *Server {',
    '\treturn &Server{cache: c}',
    '}',
  );

const HANDLERS = sourceLines(
  'package api',
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  ')',
  '',
  'func (s *Server) remember(ctx context.Context, key string, body []byte) error {',
  '\treturn s.cache.RDB.Set(ctx, key, body, time.Hour).Err()',
  '}',
  '',
  'func (s *Server) sessions(ctx context.Context) ([]string, error) {',
  '\treturn s.cache.RDB.Keys(ctx, "session:*").Result()',
  '}',
  '',
  'func (s *Server) others(ctx context.Context) {',
  '\ts.store.Keys(ctx, "*")',
  '\ts.settings.Keys(ctx, "*")',
  '\ts.cache.Other.Keys(ctx, "*")',
  '\ts.client.Get("http://example.com/keys")',
  '}',
);

const files = (module: string): Record<string, string> => ({
  'go.mod': sourceLines(`module ${module}`, '', 'go 1.22'),
  'internal/cache/cache.go': CACHE,
  'internal/config/config.go': CONFIG,
  'internal/api/server.go': SERVER(module),
  'internal/api/handlers.go': HANDLERS,
});

describe('workspace: Go clients held by another package struct that a struct of another file holds', () => {
  for (const module of ['example.com/shop', 'auth-service']) {
    it(`reads s.cache.RDB where server.go declares the field and cache.go the client (module ${module})`, () => {
      assert.deepEqual(hints(files(module), 'internal/api/handlers.go').sort(), ['13:Keys redis-keys', '13:Keys redis-keys!', '9:Set redis-expire']);
    });
  }

  it('reads nothing alone, or when the cache package holds no client', () => {
    assert.deepEqual(hints(files('example.com/shop'), 'internal/api/handlers.go', null), []);
    const plain = { ...files('example.com/shop'), 'internal/cache/cache.go': sourceLines('package cache', '', 'type Cache struct {', '\tRDB map[string]string', '}') };
    assert.deepEqual(hints(plain, 'internal/api/handlers.go'), []);
  });

  it('reads a parameter of the cache type in a package whose module path has no dot', () => {
    const handler = sourceLines('package jobs', '', 'import (', '\t"context"', '', '\t"auth-service/internal/cache"', ')', '', 'func Purge(ctx context.Context, c *cache.Cache) {', '\tc.RDB.Keys(ctx, "*")', '}');
    const workspace = { ...files('auth-service'), 'internal/jobs/jobs.go': handler };
    assert.deepEqual(hints(workspace, 'internal/jobs/jobs.go').sort(), ['10:Keys redis-keys', '10:Keys redis-keys!']);
    // An import path that no module of the workspace declares is nothing.
    const std = { ...workspace, 'go.mod': sourceLines('module context') };
    assert.deepEqual(hints(std, 'internal/jobs/jobs.go'), []);
  });

  it('tells the pointer fields of other packages structs, not values or the standard library\'s', () => {
    const text = SERVER('example.com/shop');
    assert.ok(mayContributeGo('internal/api/server.go', text));
    assert.deepEqual(indexGoPackage(text)?.goPackage?.structs, {
      Server: {
        cache: { path: 'example.com/shop/internal/cache', type: 'Cache' },
        settings: { path: 'example.com/shop/internal/config', type: 'Settings' },
        store: { path: 'github.com/acme/kv', type: 'Store' },
      },
    });
    assert.equal(mayContributeGo('internal/api/util.go', sourceLines('package api', '', 'func Twice(n int) int { return 2 * n }')), false);
  });
});
