/**
 * Shapes an application-code audit found missed: set-if-absent spellings of SET (Spring `setIfAbsent`,
 * go-redis `SetNX`, redis-py and ioredis `setnx`), Go values made by a composite literal of a struct the
 * file declares (`var store = &Store{}`, `repo := &Repo{db: client}`), and their look-alikes that must stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis: set-if-absent is a SET whose TTL matters', () => {
  it('hovers Spring setIfAbsent on value operations, and not a map of the same name', () => {
    const code = sourceLines(
      'import java.time.Duration;',
      'import java.util.Map;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'class Locks {',
      '    private final StringRedisTemplate redis;',
      '    private final Map<String, String> local;',
      '    boolean lock(String id) {',
      '        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent("lock:" + id, "1", Duration.ofMinutes(5)));',
      '    }',
      '    void remember(String id) {',
      '        local.putIfAbsent(id, "1");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Locks.java', code), ['8:setIfAbsent redis-expire']);
  });

  it('hovers go-redis SetNX and redis-py and ioredis setnx, and not a project method of that name', () => {
    const go = sourceLines(
      'package locks',
      'import (',
      '\t"context"',
      '\t"time"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func Take(ctx context.Context, rdb *redis.Client, id string) bool {',
      '\tok, _ := rdb.SetNX(ctx, "lock:"+id, 1, time.Minute).Result()',
      '\treturn ok',
      '}',
    );
    assert.deepEqual(hintsIn('locks.go', go), ['8:SetNX redis-expire']);
    const python = sourceLines('import redis', 'r = redis.Redis()', 'def take(lock_id):', '    return r.setnx(f"lock:{lock_id}", 1)');
    assert.deepEqual(hintsIn('locks.py', python), ['4:setnx redis-expire']);
    const js = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      'class Registry { setnx(key: string) { return key; } }',
      'const registry = new Registry();',
      'export const take = (id: string) => redis.setnx(`lock:${id}`, 1);',
      "export const keep = () => registry.setnx('a');",
    );
    assert.deepEqual(hintsIn('locks.ts', js), ['5:setnx redis-expire']);
  });
});

describe('Go: a composite literal of a struct the file declares', () => {
  it('reads the client field of a package-level value made by a literal, and not an in-memory store', () => {
    const code = sourceLines(
      'package store',
      'import (',
      '\t"context"',
      '\t"time"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Links struct {',
      '\trc *redis.Client',
      '}',
      'type memory struct {',
      '\titems map[string]string',
      '}',
      'func (m *memory) Set(ctx context.Context, k, v string, ttl time.Duration) { m.items[k] = v }',
      'var links = &Links{}',
      'var ctx = context.Background()',
      'func Init(addr string) {',
      '\tc := redis.NewClient(&redis.Options{Addr: addr})',
      '\tlinks.rc = c',
      '}',
      'func Save(k, v string) error {',
      '\treturn links.rc.Set(ctx, k, v, time.Hour).Err()',
      '}',
      'func Local(k, v string) {',
      '\tm := &memory{items: map[string]string{}}',
      '\tm.Set(ctx, k, v, 0)',
      '}',
    );
    assert.deepEqual(hintsIn('store.go', code), ['17:Options redis-tls', '21:Set redis-expire']);
  });

  it('reads the client field of a local made by a literal', () => {
    const code = sourceLines(
      'package sessions',
      'import (',
      '\t"context"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Store struct {',
      '\trc *redis.Client',
      '}',
      'func Purge(ctx context.Context, rdb *redis.Client, user string) []string {',
      '\tstore := Store{rc: rdb}',
      '\treturn store.rc.Keys(ctx, "session:"+user+":*").Val()',
      '}',
    );
    assert.deepEqual(hintsIn('sessions.go', code), ['11:Keys redis-keys', '11:Keys redis-keys!']);
  });
});
