/**
 * Java Redis clients reached through callbacks and Spring's connection: a lambda passed to a same-file
 * helper whose parameter is `Function<Jedis, R>`, Spring Data Redis's `RedisCallback` (cast, or passed to
 * a template's `execute`), `RedisConnection` and its command groups, and the template methods named apart
 * from their commands (`hasKey`, `multiGet`); with the look-alikes that must stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNothingOn(found: string[], ...lines: number[]): void {
  for (const line of lines) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `line ${line} in\n${found.join('\n')}`);
  }
}

describe('Java: Redis clients through callbacks', () => {
  it("reads a lambda passed to a same-file helper's Function<Jedis, R> or Consumer<Jedis> as a Jedis client, and no other helper's", () => {
    const code = sourceLines(
      'import java.util.Set;',
      'import java.util.function.Consumer;',
      'import java.util.function.Function;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      'public class SessionIndex {',
      '    private final JedisPool pool;',
      '    private <R> R withJedis(Function<Jedis, R> action) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            return action.apply(jedis);',
      '        }',
      '    }',
      '    private void run(Consumer<? super Jedis> action) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            action.accept(jedis);',
      '        }',
      '    }',
      '    private <R> R withIndex(Function<SearchIndex, R> action) {',
      '        return action.apply(index);',
      '    }',
      '    private <R> R withName(java.util.function.BiFunction<String, Jedis, R> action) {',
      '        return null;',
      '    }',
      '    public Set<String> all() {',
      '        return withJedis(jedis -> jedis.keys("session:*"));',
      '    }',
      '    public void reset() {',
      '        this.run(j -> j.flushAll());',
      '    }',
      '    public Set<String> indexed() {',
      '        return withIndex(jedis -> jedis.keys("session:*"));',
      '    }',
      '    public Set<String> named() {',
      '        return withName((jedis, other) -> jedis.keys("session:*"));',
      '    }',
      '    public Set<String> elsewhere(Cache cache) {',
      '        return cache.withJedis(jedis -> jedis.keys("session:*"));',
      '    }',
      '}',
    );
    const found = hintsIn('SessionIndex.java', code);
    assertHas(found, '25:keys redis-keys', '25:keys redis-keys!', '28:flushAll redis-flush!');
    assertNothingOn(found, 31, 34, 37);
  });

  it('reads only helpers whose overloads of that arity all give the lambda the same client, and a pipeline as batched', () => {
    const code = sourceLines(
      'import java.util.function.*;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.Pipeline;',
      'public class Store {',
      '    <R> R call(Function<Jedis, R> action) { return null; }',
      '    <R> R call(Function<Pipeline, R> action) { return null; }',
      '    void batch(Consumer<Pipeline> action) {}',
      '    void each(Consumer<Jedis> action) {}',
      '    Object keys() {',
      '        return call(c -> c.keys("*"));',
      '    }',
      '    void load(java.util.List<String> keys) {',
      '        batch(p -> keys.forEach(key -> p.get(key)));',
      '        each(j -> keys.forEach(key -> j.get(key)));',
      '    }',
      '}',
    );
    const found = hintsIn('Store.java', code);
    assertHas(found, '14:get redis-loop-round-trips!');
    // A pipeline queues its commands: no round trip per key.
    assertNothingOn(found, 10, 13);
  });

  it("reads Spring's RedisConnection, a cast RedisCallback and execute's callback: KEYS, SCAN, EXISTS per key in a loop, and MGET", () => {
    const code = sourceLines(
      'import java.util.*;',
      'import org.springframework.data.redis.connection.RedisConnection;',
      'import org.springframework.data.redis.connection.RedisConnectionFactory;',
      'import org.springframework.data.redis.core.*;',
      'public class KeyIndex {',
      '    private final RedisTemplate<String, Object> redisTemplate;',
      '    public void matching(String pattern) {',
      '        RedisConnectionFactory factory = redisTemplate.getConnectionFactory();',
      '        RedisConnection connection = Objects.requireNonNull(factory).getConnection();',
      '        Cursor<byte[]> cursor = connection.scan(ScanOptions.scanOptions().match(pattern).build());',
      '    }',
      '    public Set<byte[]> all(String pattern) {',
      '        return redisTemplate.execute((RedisCallback<Set<byte[]>>) conn -> conn.keys(pattern.getBytes()));',
      '    }',
      '    public Cursor<byte[]> cursor(ScanOptions options) {',
      '        return redisTemplate.executeWithStickyConnection(c -> c.keyCommands().scan(options));',
      '    }',
      '    public int present(List<String> keys) {',
      '        int n = 0;',
      '        for (String key : keys) {',
      '            if (redisTemplate.hasKey(key)) {',
      '                n++;',
      '            }',
      '        }',
      '        return n;',
      '    }',
      '    public List<Object> values(List<String> keys) {',
      '        return redisTemplate.opsForValue().multiGet(keys);',
      '    }',
      '    public void touch(List<String> keys) {',
      '        redisTemplate.executePipelined((RedisCallback<Object>) connection -> {',
      '            for (String key : keys) {',
      '                connection.exists(key.getBytes());',
      '            }',
      '            return null;',
      '        });',
      '    }',
      '    public void names(Map<String, String> names) {',
      '        redisTemplate.executePipelined((RedisCallback<Object>) (RedisConnection c) -> {',
      '            for (String sku : names.keySet()) {',
      '                c.hashCommands().hSet("names".getBytes(), sku.getBytes(), names.get(sku).getBytes());',
      '            }',
      '            return null;',
      '        });',
      '    }',
      '    public boolean field(String key) {',
      '        for (String k : List.of(key)) {',
      '            return redisTemplate.opsForHash().hasKey(k, "f");',
      '        }',
      '        return false;',
      '    }',
      '}',
    );
    const found = hintsIn('KeyIndex.java', code);
    assertHas(found, '10:scan redis-scan', '13:keys redis-keys!', '16:scan redis-scan', '21:hasKey redis-loop-round-trips!', '28:multiGet redis-mget');
    // Pipelined commands share a round trip; a hash's hasKey is HEXISTS, no key-level command.
    assertNothingOn(found, 33, 41, 48);
  });

  it('leaves a same-named callback and connection of other libraries alone', () => {
    const code = sourceLines(
      'import com.example.cache.RedisCallback;',
      'import com.example.cache.RedisConnection;',
      'public class Other {',
      '    private final Cache cache;',
      '    Object a(RedisConnection connection) {',
      '        return connection.keys("*");',
      '    }',
      '    Object b() {',
      '        return cache.execute((RedisCallback<Object>) c -> c.keys("*"));',
      '    }',
      '    Object c() {',
      '        return cache.execute(c -> c.flushAll());',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Other.java', code), []);
  });
});
