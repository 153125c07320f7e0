/**
 * Go: a Redis client made and used for a command in one expression, then dropped (`c.conn().Get(ctx, key)`, where a
 * method of the file makes and returns a new client on each call, or `redis.NewClient(opts).Ping(ctx)`): nothing can
 * close it, so each call leaves a connection open; so does a local declared with one and used only for its commands (`redis-connection-per-call` with its unclosed message). Not a
 * client kept outside the call (a field, a package variable), one closed in the same expression, or in `main`/`init`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const CODE = sourceLines(
  'package cache', // 1
  'import (',
  '\t"context"',
  '\t"os"',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  'var shared = redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})',
  'type Store struct{ kept *redis.Client }',
  'func (s *Store) fresh() *redis.Client {',
  '\tc := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})', // 10
  '\treturn c',
  '}',
  'func (s *Store) held() *redis.Client { return s.kept }',
  'func global() *redis.Client { return shared }',
  'func made() *redis.Client { return redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")}) }', // 15
  'func (s *Store) Get(ctx context.Context, k string) (string, error) {',
  '\treturn s.fresh().Get(ctx, k).Result()',
  '}',
  'func (s *Store) Kept(ctx context.Context, k string) (string, error) {',
  '\treturn s.held().Get(ctx, k).Result()', // 20
  '}',
  'func Shared(ctx context.Context, k string) error {',
  '\tif err := global().Del(ctx, k).Err(); err != nil {',
  '\t\treturn err',
  '\t}', // 25
  '\treturn made().Del(ctx, k).Err()',
  '}',
  'func Ping(ctx context.Context) error {',
  '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")}).Ping(ctx).Err()',
  '}', // 30
  'func (s *Store) Close() error { return s.fresh().Close() }',
  'func init() { _ = made().Ping(context.Background()) }',
  'func Watch(ctx context.Context) error {',
  '\tsub := made().Subscribe(ctx, "stock")', // 34
  '\tdefer sub.Close()',
  '\t_, err := sub.Receive(ctx)',
  '\treturn err',
  '}',
  'func (s *Store) Count(ctx context.Context, k string) (int64, error) {',
  '\trdb := s.fresh()', // 40
  '\treturn rdb.Incr(ctx, k).Result()',
  '}',
  'func Build() (*Store, error) {',
  '\tc := made()',
  '\tsub := made().Subscribe(context.Background(), "stock")', // 45
  '\tdefer sub.Close()',
  '\treturn &Store{kept: c}, nil',
  '}',
);

describe('Go Redis clients made and dropped in one expression', () => {
  it('reports a client a function of the file makes per call, a construction used at once and a local used only for commands, not a kept or closed one, or a subscription that owns its connection', () => {
    const found = hintsIn('cache/store.go', CODE).filter((hint) => hint.endsWith('redis-connection-per-call!'));
    assert.deepEqual(found, ['17:fresh redis-connection-per-call!', '26:made redis-connection-per-call!', '29:NewClient redis-connection-per-call!', '40:fresh redis-connection-per-call!']);
  });

  it('reads nothing in test code', () => {
    const found = hintsIn('cache/store_test.go', CODE).filter((hint) => hint.endsWith('redis-connection-per-call!'));
    assert.deepEqual(found, []);
  });
});
