/**
 * Redis calls whose server-load findings do not apply: a retry loop that leaves once the command succeeds
 * sends one command, not one per element, and a test or its set-up resets and seeds a disposable server.
 * The same calls outside those places keep their findings.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNoFindingOnLines(found: string[], ...lineNumbers: number[]): void {
  for (const line of lineNumbers) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`) && hint.endsWith('!')), `no finding on line ${line} in\n${found.join('\n')}`);
  }
}

describe('Redis calls in retry loops and in tests', () => {
  describe('retry loops', () => {
    it('Java: a command followed by return in its loop body is retried, not sent per element', () => {
      const found = hintsIn(
        'RetryingCache.java',
        sourceLines(
          'import org.springframework.data.redis.core.StringRedisTemplate;',
          'class RetryingCache {',
          '  private final StringRedisTemplate template;',
          '  RetryingCache(StringRedisTemplate template) { this.template = template; }',
          '  boolean store(String key, String value) {',
          '    for (int attempt = 1; attempt <= 3; attempt++) {',
          '      try {',
          '        template.opsForValue().set(key, value);',
          '        return true;',
          '      } catch (RuntimeException e) {',
          '        pause(attempt);',
          '      }',
          '    }',
          '    return false;',
          '  }',
          '  void storeAll(java.util.List<String> keys) {',
          '    for (String key : keys) {',
          '      template.opsForValue().set(key, "1");',
          '    }',
          '  }',
          '  void pause(int attempt) {}',
          '}',
        ),
      );
      assertNoFindingOnLines(found, 8);
      assertHas(found, '18:set redis-loop-round-trips!');
    });

    it('Python: a command followed by break, and a loop that sends one per key', () => {
      const found = hintsIn(
        'retrying.py',
        sourceLines(
          'import redis',
          'r = redis.Redis(host="cache")',
          'def store(key, value):',
          '    for attempt in range(3):',
          '        try:',
          '            r.set(key, value)',
          '            break',
          '        except redis.ConnectionError:',
          '            continue',
          'def store_all(keys):',
          '    for key in keys:',
          '        r.set(key, "1")',
          '        r.expire(key, 60)',
        ),
      );
      assertNoFindingOnLines(found, 6);
      assertHas(found, '12:set redis-loop-round-trips!');
    });

    it('Python: a run of commands before the return that ends a retry, but not one under an if or past a continue', () => {
      const found = hintsIn(
        'invalidate.py',
        sourceLines(
          'import redis',
          'r = redis.Redis(host="cache")',
          'def save(order, db):',
          '    for attempt in range(3):',
          '        try:',
          '            db.commit(order)',
          '            r.delete("cache:orders")',
          '            r.delete(f"cache:order:{order.id}")',
          '            return order.id',
          '        except ConnectionError:',
          '            continue',
          'def drop(keys):',
          '    for key in keys:',
          '        r.delete(key)',
          '        if key.startswith("last"):',
          '            return key',
          'def skip(keys):',
          '    for key in keys:',
          '        r.unlink(key)',
          '        if not key:',
          '            continue',
          '        break',
        ),
      );
      assertNoFindingOnLines(found, 7, 8);
      assertHas(found, '14:delete redis-loop-round-trips!');
      assertHas(found, '19:unlink redis-loop-round-trips!');
    });

    it('TypeScript: a command whose block leaves the loop a few statements later, but not a switch break or past a continue', () => {
      const found = hintsIn(
        'sessions.ts',
        sourceLines(
          "import Redis from 'ioredis';",
          'const redis = new Redis(process.env.REDIS_URL);',
          'export async function revoke(keys: string[], owner: string, kinds: string[]) {',
          '  let found = false;',
          '  for (const key of keys) {',
          '    if ((await redis.get(key)) === owner) {',
          '      await redis.unlink(key);',
          '      found = true;',
          '      break;',
          '    }',
          '  }',
          '  for (const kind of kinds) {',
          '    switch (kind) {',
          "      case 'session':",
          '        await redis.unlink(`session:${kind}`);',
          '        break;',
          '    }',
          '  }',
          '  for (const key of keys) {',
          '    await redis.unlink(key);',
          '    if (!found) continue;',
          '    return;',
          '  }',
          '}',
        ),
      );
      assertNoFindingOnLines(found, 7);
      assertHas(found, '15:unlink redis-loop-round-trips!', '20:unlink redis-loop-round-trips!');
    });

    it('a command whose value its function returns from the loop runs once (JavaScript, Python); one per element keeps its finding', () => {
      const js = hintsIn(
        'devices.js',
        sourceLines(
          "const Redis = require('ioredis');",
          'const redis = new Redis(process.env.REDIS_URL);',
          'async function clientIdOf(userId) {',
          "  let cursor = '0';",
          '  do {',
          "    const [next, keys] = await redis.scan(cursor, 'MATCH', `ws:${userId}:*`, 'COUNT', 100);",
          '    if (keys.length > 0) {',
          '      return await redis.get(keys[0]);',
          '    }',
          '    cursor = next;',
          "  } while (cursor !== '0');",
          '  return null;',
          '}',
          'async function codesOf(keys) {',
          '  const codes = [];',
          '  for (const key of keys) {',
          '    codes.push(await redis.get(key));',
          '  }',
          '  return codes;',
          '}',
          'module.exports = { clientIdOf, codesOf };',
        ),
      );
      assertNoFindingOnLines(js, 8);
      assertHas(js, '17:get redis-loop-round-trips!');
      const py = hintsIn(
        'sessions.py',
        sourceLines(
          'import redis',
          'r = redis.Redis(host="cache", ssl=True)',
          'def first_session(keys):',
          '    for key in keys:',
          '        if key.startswith("s:"):',
          '            return r.get(key)',
          '    return None',
          'def sessions(keys):',
          '    out = []',
          '    for key in keys:',
          '        out.append(r.get(key))',
          '    return out',
        ),
      );
      assertNoFindingOnLines(py, 6);
      assertHas(py, '11:get redis-loop-round-trips!');
    });

    it('a return that ends a callback run per element, or the function after a braceless loop, leaves no loop', () => {
      const java = hintsIn(
        'Sessions.java',
        sourceLines(
          'import redis.clients.jedis.Jedis;',
          'import java.util.List;',
          'public class Sessions {',
          '    private final Jedis jedis = new Jedis("cache", 6379);',
          '    public void revokeAll(List<String> keys) {',
          '        keys.forEach(key -> {',
          '            jedis.del(key);',
          '            return;',
          '        });',
          '    }',
          '}',
        ),
      );
      assertHas(java, '7:del redis-loop-round-trips!');
      const cs = hintsIn(
        'Cleanup.cs',
        sourceLines(
          'using StackExchange.Redis;',
          'public static class Cleanup',
          '{',
          '    public static async Task<bool> ClearAsync(IDatabase cache, RedisKey[] keys)',
          '    {',
          '        foreach (RedisKey key in keys)',
          '            await cache.KeyDeleteAsync(key);',
          '        return true;',
          '    }',
          '}',
        ),
      );
      assertHas(cs, '7:KeyDeleteAsync redis-loop-round-trips!');
    });

    it('C#: an optimistic transaction retried until its condition holds, and a loop that reads one key per element', () => {
      const found = hintsIn(
        'VersionedStore.cs',
        sourceLines(
          'using StackExchange.Redis;',
          'public class VersionedStore',
          '{',
          '    private readonly IDatabase _db;',
          '    public VersionedStore(IConnectionMultiplexer mux) { _db = mux.GetDatabase(); }',
          '    public void Bump(string key)',
          '    {',
          '        while (true)',
          '        {',
          '            string current = _db.StringGet(key);',
          '            var txn = _db.CreateTransaction();',
          '            txn.AddCondition(Condition.StringEqual(key, current));',
          '            txn.StringSetAsync(key, (int.Parse(current ?? "0") + 1).ToString());',
          '            if (txn.Execute()) return;',
          '        }',
          '    }',
          '    public int Sum(string[] keys)',
          '    {',
          '        var total = 0;',
          '        foreach (var key in keys)',
          '        {',
          '            total += (int)_db.StringGet(key);',
          '        }',
          '        return total;',
          '    }',
          '}',
        ),
      );
      assertNoFindingOnLines(found, 10);
      assertHas(found, '22:StringGet redis-loop-round-trips!');
    });

    it('Python: a WATCH retried in a loop, and a while loop that pops and reads keys', () => {
      const found = hintsIn(
        'counters.py',
        sourceLines(
          'import redis',
          'r = redis.Redis(host="cache")',
          'def bump(key):',
          '    while True:',
          '        r.watch(key)',
          '        current = int(r.get(key) or 0)',
          '        pipe = r.pipeline()',
          '        pipe.multi()',
          '        pipe.set(key, current + 1)',
          '        try:',
          '            pipe.execute()',
          '            return',
          '        except redis.WatchError:',
          '            continue',
          'def drain(queue):',
          '    while True:',
          '        key = queue.pop()',
          '        if key is None:',
          '            return',
          '        print(r.get(key))',
        ),
      );
      assertNoFindingOnLines(found, 6);
      assertHas(found, '20:get redis-loop-round-trips!');
    });
  });

  describe('tests and their set-up', () => {
    it('Java: FLUSHALL in @BeforeEach and seeding in a @Test, but not in a plain method', () => {
      const found = hintsIn(
        'SessionStoreIT.java',
        sourceLines(
          'import org.junit.jupiter.api.BeforeEach;',
          'import org.junit.jupiter.api.Test;',
          'import redis.clients.jedis.Jedis;',
          'import redis.clients.jedis.JedisPool;',
          'class SessionStoreIT {',
          '  private final JedisPool pool = new JedisPool("localhost", 6379);',
          '  @BeforeEach',
          '  void reset() {',
          '    try (Jedis jedis = pool.getResource()) { jedis.flushAll(); }',
          '  }',
          '  @Test @Timeout(5)',
          '  void seeds() {',
          '    try (Jedis jedis = pool.getResource()) {',
          '      for (int i = 0; i < 10; i++) { jedis.set("s" + i, "v"); }',
          '      jedis.keys("s*");',
          '    }',
          '  }',
          '  void wipe() {',
          '    try (Jedis jedis = pool.getResource()) { jedis.flushAll(); }',
          '  }',
          '}',
        ),
      );
      assertHas(found, '9:flushAll redis-flush', '19:flushAll redis-flush!');
      assertNoFindingOnLines(found, 9, 14, 15);
    });

    it('TypeScript: callbacks of beforeEach and it, but not an exported helper', () => {
      const found = hintsIn(
        'sessions.spec.ts',
        sourceLines(
          "import Redis from 'ioredis';",
          'const redis = new Redis();',
          'beforeEach(async () => {',
          '  await redis.flushall();',
          '});',
          "it('lists sessions', async () => {",
          "  for (const id of ['a', 'b']) { await redis.set(`s:${id}`, '1'); }",
          "  expect(await redis.keys('s:*')).toHaveLength(2);",
          '});',
          'export async function wipe() {',
          '  await redis.flushall();',
          '}',
        ),
      );
      assertHas(found, '4:flushall redis-flush', '11:flushall redis-flush!');
      assertNoFindingOnLines(found, 4, 7, 8);
    });

    it('Python: a pytest fixture and a test_ function, but not another function', () => {
      const found = hintsIn(
        'test_sessions.py',
        sourceLines(
          'import pytest',
          'import redis',
          '@pytest.fixture',
          'def client():',
          '    r = redis.Redis()',
          '    r.flushall()',
          '    yield r',
          'def test_counts(client):',
          '    assert client.keys("k*") == []',
          'def wipe():',
          '    redis.Redis().flushall()',
          'class SessionTests:',
          '    def setUp(self):',
          '        redis.Redis().flushall()',
        ),
      );
      assertHas(found, '6:flushall redis-flush', '11:flushall redis-flush!');
      assertNoFindingOnLines(found, 6, 14);
    });

    it('Go: a Test function, and a helper of a _test.go file (only `go test` builds it), but not the same helper elsewhere', () => {
      const code = sourceLines(
          'package sessions',
          'import (',
          '\t"context"',
          '\t"testing"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func TestKeys(t *testing.T) {',
          '\trdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})',
          '\trdb.FlushAll(context.Background())',
          '}',
          'func wipe(rdb *redis.Client) {',
          '\trdb.FlushAll(context.Background())',
          '}',
        );
      const found = hintsIn('sessions_test.go', code);
      assertHas(found, '9:FlushAll redis-flush', '12:FlushAll redis-flush');
      assertNoFindingOnLines(found, 9, 12);
      assertHas(hintsIn('sessions.go', code), '12:FlushAll redis-flush!');
    });

    it('Go: Ginkgo set-ups and specs, with a client a closure of the suite makes, but not a plain function (outside a _test.go file)', () => {
      const found = hintsIn(
        'cache_suite.go',
        sourceLines(
          'package cache_test',
          'import (',
          '\t"context"',
          '\t. "github.com/onsi/ginkgo/v2"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'var _ = Describe("cache", func() {',
          '\tctx := context.TODO()',
          '\tvar rdb *redis.Client',
          '\tconnect := func() *redis.Client { return redis.NewClient(&redis.Options{Addr: "localhost:6379"}) }',
          '\tBeforeEach(func() {',
          '\t\trdb = connect()',
          '\t\trdb.FlushAll(ctx)',
          '\t})',
          '\tIt("expires keys", func() {',
          '\t\trdb.FlushDB(ctx)',
          '\t})',
          '})',
          'func reset(rdb *redis.Client) {',
          '\trdb.FlushAll(context.Background())',
          '}',
        ),
      );
      assertHas(found, '13:FlushAll redis-flush', '20:FlushAll redis-flush!');
      assertNoFindingOnLines(found, 13, 16);
    });

    it('C#: an xUnit [Fact], but not a plain method', () => {
      const found = hintsIn(
        'SessionTests.cs',
        sourceLines(
          'using StackExchange.Redis;',
          'using Xunit;',
          'public class SessionTests',
          '{',
          '    private readonly IConnectionMultiplexer _mux = ConnectionMultiplexer.Connect("localhost");',
          '    [Fact]',
          '    public void Wipes() { _mux.GetServer("localhost", 6379).FlushAllDatabases(); }',
          '    public void Wipe() { _mux.GetServer("localhost", 6379).FlushAllDatabases(); }',
          '}',
        ),
      );
      assertHas(found, '8:FlushAllDatabases redis-flush!');
      assertNoFindingOnLines(found, 7);
    });
  });
});
