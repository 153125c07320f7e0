/**
 * Java Redis clients held as Jedis's command interfaces (`JedisCommands`, Jedis 4's `KeyCommands`), also
 * when a declaration casts to one (`(JedisCommands) connection.getNativeConnection()`), and the Java
 * clients' pipeline openers (`jedis.pipelined()`, `executePipelined(...)`, Redisson's `createBatch()`),
 * with the look-alikes that must stay silent.
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

describe('Java: Jedis command interfaces and pipeline openers', () => {
  it("reads a local cast to Jedis's JedisCommands, a Jedis cast and an injected KeyCommands as Jedis clients", () => {
    const code = sourceLines(
      'import org.springframework.data.redis.core.RedisCallback;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.commands.JedisCommands;',
      'import redis.clients.jedis.commands.KeyCommands;',
      'public class Holds {',
      '    private StringRedisTemplate template;',
      '    private KeyCommands keys;',
      '    boolean hold(String key, String owner) {',
      '        return template.execute((RedisCallback<Boolean>) connection -> {',
      '            JedisCommands jedis = (JedisCommands) connection.getNativeConnection();',
      '            return jedis.set(key, owner) != null;',
      '        });',
      '    }',
      '    void flush(Object raw) {',
      '        Jedis jedis = (Jedis) raw;',
      '        jedis.flushAll();',
      '    }',
      '    Object all() {',
      '        return keys.keys("hold:*");',
      '    }',
      '}',
    );
    const found = hintsIn('Holds.java', code);
    assertHas(found, '12:set redis-expire', '17:flushAll redis-flush!', '20:keys redis-keys!');
  });

  it("reads Jedis 2's JedisCommands of redis.clients.jedis, and leaves a project's interfaces and casts of other types alone", () => {
    const legacy = sourceLines(
      'import redis.clients.jedis.JedisCommands;',
      'public class Legacy {',
      '    Object all(JedisCommands commands) {',
      '        return commands.keys("*");',
      '    }',
      '}',
    );
    assertHas(hintsIn('Legacy.java', legacy), '4:keys redis-keys!');
    const other = sourceLines(
      'import com.example.cache.JedisCommands;',
      'import com.example.cache.KeyCommands;',
      'import redis.clients.jedis.Jedis;',
      'public class Other {',
      '    Object a(KeyCommands index) {',
      '        return index.keys("*");',
      '    }',
      '    Object b(Object raw) {',
      '        JedisCommands commands = (JedisCommands) raw;',
      '        return commands.keys("*");',
      '    }',
      '    String c(Object raw, Jedis jedis) {',
      '        String text = (String) raw;',
      '        return text.trim();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Other.java', other), []);
  });

  it("hovers Jedis's pipelined(), Spring's executePipelined and Redisson's createBatch as pipelines, not a project's pipelined()", () => {
    const code = sourceLines(
      'import java.util.List;',
      'import java.util.function.Consumer;',
      'import org.redisson.api.RBatch;',
      'import org.redisson.api.RedissonClient;',
      'import org.springframework.data.redis.core.RedisCallback;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.Pipeline;',
      'public class Batches {',
      '    private StringRedisTemplate template;',
      '    private RedissonClient redisson;',
      '    private Store store;',
      '    void touch(Jedis jedis, List<String> keys) {',
      '        Pipeline pipeline = jedis.pipelined();',
      '        keys.forEach(key -> pipeline.expire(key, 60));',
      '        pipeline.sync();',
      '        template.executePipelined((RedisCallback<Object>) c -> null);',
      '        RBatch batch = redisson.createBatch();',
      '        batch.execute();',
      '        store.pipelined().accept(p -> p.sync());',
      '    }',
      '}',
      'class Store {',
      '    Consumer<Consumer<Pipeline>> pipelined() {',
      '        return null;',
      '    }',
      '}',
    );
    const found = hintsIn('Batches.java', code);
    assertHas(found, '14:pipelined redis-mget', '17:executePipelined redis-mget', '18:createBatch redis-mget');
    assertNothingOn(found, 20, 24);
  });
});
