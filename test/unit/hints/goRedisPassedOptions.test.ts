/**
 * go-redis options written as a literal and handed to a function of the project instead of a factory
 * (`redishelpers.NewRedisClient(&redis.Options{Addr: ..., Password: ...}, logger)`, which calls `redis.NewClient`
 * in another package): the literal's type says whose options they are, so its fields get the Redis hovers and a
 * literal password its finding; the function may add a `TLSConfig`, so a password without one is not reported.
 * A literal a factory, a variable or a `return` already reads is read once.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const MAIN = sourceLines(
  'package main', // 1
  'import (',
  '\t"log/slog"',
  '\t"os"',
  '\t"time"',
  '',
  '\t"inventory/internal/cachekit"',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  'func main() {', // 10
  '\tlogger := slog.New(slog.NewTextHandler(os.Stdout, nil))',
  '\tclient, err := cachekit.Connect(&redis.Options{',
  '\t\tAddr:        os.Getenv("CACHE_ADDR"),',
  '\t\tPassword:    "s3cret-cache",', // 14
  '\t\tDialTimeout: 5 * time.Second,',
  '\t}, logger)',
  '\tif err != nil {',
  '\t\tos.Exit(1)',
  '\t}',
  '\tdefer client.Close()', // 20
  '\tdirect := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR"), Password: os.Getenv("CACHE_PASSWORD")})', // 21
  '\tdefer direct.Close()',
  '\topts := &redis.Options{Addr: "localhost:6379"}', // 23
  '\tlocal := redis.NewClient(opts)',
  '\tdefer local.Close()',
  '}',
);

describe('go-redis options literals handed to a function of the project', () => {
  it('gives the fields their hovers and a literal password its finding, but no TLS finding (the factory call beside keeps its own)', () => {
    const found = hintsIn('cmd/main.go', MAIN).filter((hint) => / redis-/.test(hint));
    assert.deepEqual(found, [
      '14:Password redis-password',
      '21:Options redis-tls',
      '21:Password redis-password',
      '21:Password redis-auth-without-tls',
      '14:"s3cret-cache" redis-password!',
      '21:Password redis-auth-without-tls!',
    ]);
  });

  it('reads nothing from a type of another package named Options', () => {
    const code = sourceLines(
      'package main',
      'import "inventory/internal/redis"',
      'func main() {',
      '\tredis.Start(&redis.Options{Password: "not-a-cache"})',
      '}',
    );
    assert.deepEqual(hintsIn('cmd/other.go', code).filter((hint) => / redis-/.test(hint)), []);
  });
});
