/**
 * A Redis client's password and host passed through a name bound once to a literal: a Go `const` block's
 * `redisPassword = ""`, a Python module's `REDIS_PASSWORD = ""`, a JavaScript `const`. An empty password sends
 * no AUTH (no redis-auth-without-tls), a written one is a literal password, a local host is local.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis options through names bound once to literals', () => {
  it('reads an empty password of a Go const block as no password', () => {
    const found = hintsIn(
      'models/cache.go',
      sourceLines(
        'package models',
        'import (',
        '\t"time"',
        '\t"github.com/redis/go-redis/v9"',
        ')',
        'const (',
        '\tcacheHost     = "cache"',
        '\tcachePassword = ""',
        '\tcacheDB       = 0',
        ')',
        'var Cache *redis.Client',
        'func openCache() {',
        '\tCache = redis.NewClient(&redis.Options{',
        '\t\tAddr:        cacheHost + ":6379",',
        '\t\tPassword:    cachePassword,',
        '\t\tDB:          cacheDB,',
        '\t\tReadTimeout: 5 * time.Second,',
        '\t})',
        '}',
      ),
    );
    assert.ok(!found.some((hint) => hint.includes('redis-auth-without-tls!') || hint.includes('redis-password!')), found.join('\n'));
  });

  it('reads a written password of a Go const block as a literal password sent without TLS', () => {
    const found = hintsIn(
      'store/redis.go',
      sourceLines(
        'package store',
        'import "github.com/redis/go-redis/v9"',
        'const sessionSecret = "sessions-2024"',
        'type Store struct{ rdb *redis.Client }',
        'func New(addr string) *Store {',
        '\treturn &Store{rdb: redis.NewClient(&redis.Options{Addr: addr, Password: sessionSecret})}',
        '}',
      ),
    );
    assert.ok(found.includes('6:sessionSecret redis-password!'), found.join('\n'));
    assert.ok(found.includes('6:Password redis-auth-without-tls!'), found.join('\n'));
  });

  it('reads a Python module constant and a JavaScript const the same way', () => {
    const python = hintsIn(
      'app/cache.py',
      sourceLines('import redis', 'REDIS_PASSWORD = ""', 'class Cache:', '    def __init__(self, host):', '        self.client = redis.Redis(host=host, port=6379, password=REDIS_PASSWORD)'),
    );
    assert.ok(!python.some((hint) => hint.includes('redis-auth-without-tls!')), python.join('\n'));
    const js = hintsIn(
      'src/cache.js',
      sourceLines(
        "const Redis = require('ioredis');",
        "const CACHE_HOST = '127.0.0.1';",
        "const CACHE_PASSWORD = 'devpass';",
        'class CacheService {',
        '  constructor() {',
        '    this.redis = new Redis({ host: CACHE_HOST, port: 6379, password: CACHE_PASSWORD });',
        '  }',
        '}',
      ),
    );
    // The password is written in the code; the server is local, so AUTH in clear stays on this machine.
    assert.ok(js.includes('6:CACHE_PASSWORD redis-password!'), js.join('\n'));
    assert.ok(!js.some((hint) => hint.includes('redis-auth-without-tls!')), js.join('\n'));
  });

  it('keeps a password read at runtime, or a name bound twice, as a password that may be set', () => {
    const fromEnv = hintsIn(
      'cache.py',
      sourceLines('import os', 'import redis', 'REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "")', 'client = redis.Redis(host="cache.internal", password=REDIS_PASSWORD)'),
    );
    assert.ok(fromEnv.includes('4:password redis-auth-without-tls!'), fromEnv.join('\n'));
    const rebound = hintsIn(
      'cache.js',
      sourceLines(
        "const Redis = require('ioredis');",
        "let password = '';",
        'if (process.env.CACHE_SECRET) {',
        '  password = process.env.CACHE_SECRET;',
        '}',
        "module.exports = new Redis({ host: 'cache.internal', password });",
      ),
    );
    assert.ok(!rebound.some((hint) => hint.includes('redis-password!')), rebound.join('\n'));
  });
});
