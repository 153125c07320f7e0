/**
 * Java Redis shapes of the fifty-third session's audit (audit53b): a Jedis (or pool, or Lettuce client) made in a
 * method and never closed, one connection left open per call; Redisson lists, queues and scored sorted sets read whole
 * with `readAll()`, and one write per element of a loop on a list or map; a Redisson map's `put` followed by its
 * `expire`; Spring Data Redis `set(key, value, offset)`, which is SETRANGE and no SET with a TTL; and a write followed
 * by a call of the class's own helper that EXPIREs the key it is given (the RedisUtil template's `expire(key, time)`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function only(hints: string[], rules: readonly string[]): string[] {
  return hints.filter((hint) => rules.some((rule) => hint.endsWith(` ${rule}`) || hint.endsWith(` ${rule}!`)));
}

describe('Java Redis clients, objects and helpers (audit53b)', () => {
  it('reports a Jedis, a pool or a Lettuce client made in a method and never closed, not one it hands on or a constructor makes', () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      'public class SessionStore {',
      '    private Jedis shared;', // 5
      '    public SessionStore(String host) {',
      '        Jedis probe = new Jedis(host, 6379);',
      '        probe.ping();',
      '    }',
      '    public String owner(String token) {', // 10
      '        Jedis jedis = new Jedis("cache.internal", 6379);',
      '        jedis.auth(System.getenv("CACHE_TOKEN"));',
      '        return jedis.get("session:" + token);',
      '    }',
      '    public long visits(String page) {', // 15
      '        JedisPool pool = new JedisPool("cache.internal", 6379);',
      '        return pool.getResource().incr("visits:" + page);',
      '    }',
      '    public String latest(String key) {',
      '        RedisClient client = RedisClient.create("redis://cache.internal:6379");', // 20
      '        return client.connect().sync().get(key);',
      '    }',
      '    public Jedis open(String host) {',
      '        Jedis jedis = new Jedis(host, 6379);',
      '        return jedis;', // 25
      '    }',
      '    public void keep(String host) {',
      '        Jedis jedis = new Jedis(host, 6379);',
      '        this.shared = jedis;',
      '    }', // 30
      '    public static void main(String[] args) {',
      '        Jedis jedis = new Jedis("localhost", 6379);',
      '        jedis.set("seed", "1");',
      '    }',
      '}', // 35
    );
    assert.deepEqual(only(hintsIn('SessionStore.java', code), ['redis-connection-per-call']).filter((hint) => hint.endsWith('!')), [
      '11:Jedis redis-connection-per-call!',
      '16:JedisPool redis-connection-per-call!',
      '20:RedisClient redis-connection-per-call!',
    ]);
  });

  it('reads a Redisson list, queue or scored sorted set whole with readAll, and one add or put per element of a loop', () => {
    const code = sourceLines(
      'import java.util.List;',
      'import java.util.concurrent.TimeUnit;',
      'import org.redisson.api.*;',
      'public class Feed {',
      '    private final RedissonClient redisson;', // 5
      '    public Feed(RedissonClient redisson) { this.redisson = redisson; }',
      '    public List<String> timeline(String user) {',
      '        RList<String> posts = redisson.getList("timeline:" + user);',
      '        return posts.readAll();',
      '    }', // 10
      '    public void fanOut(List<String> followers, String post) {',
      '        RQueue<String> outbox = redisson.getQueue("outbox");',
      '        outbox.readAll();',
      '        RScoredSortedSet<String> ranks = redisson.getScoredSortedSet("ranks");',
      '        ranks.readAll();', // 15
      '        RList<String> seen = redisson.getList("seen");',
      '        RMap<String, String> inbox = redisson.getMap("inbox");',
      '        for (String follower : followers) {',
      '            seen.add(follower);',
      '            inbox.put(follower, post);', // 20
      '            inbox.get(follower);',
      '        }',
      '        seen.get(0);',
      '        inbox.putAll(java.util.Map.of("a", post));',
      '    }', // 25
      '    public void mark(String user) {',
      '        RMap<String, String> flags = redisson.getMap("flags:" + user);',
      '        flags.put("seen", "1");',
      '        flags.expire(10, TimeUnit.MINUTES);',
      '    }', // 30
      '}',
    );
    assert.deepEqual(only(hintsIn('Feed.java', code), ['redis-collection-read', 'redis-loop-round-trips', 'redis-expire']), [
      '9:readAll redis-collection-read',
      '13:readAll redis-collection-read',
      '15:readAll redis-collection-read',
      '19:add redis-loop-round-trips',
      '20:put redis-loop-round-trips',
      '29:expire redis-expire',
      '19:add redis-loop-round-trips!',
      '20:put redis-loop-round-trips!',
      '28:put redis-expire!',
    ]);
  });

  it('reads set(key, value, offset) as SETRANGE, no SET with a TTL, and keeps the TTL forms', () => {
    const code = sourceLines(
      'import java.time.Duration;',
      'import java.util.concurrent.TimeUnit;',
      'import org.springframework.data.redis.core.RedisTemplate;',
      'import org.springframework.data.redis.core.ValueOperations;',
      'public class Codes {', // 5
      '    private final RedisTemplate<String, String> redis;',
      '    public Codes(RedisTemplate<String, String> redis) { this.redis = redis; }',
      '    public void patch(String key, String part, long offset) {',
      '        ValueOperations<String, String> ops = redis.opsForValue();',
      '        ops.set(key, part, 10L);', // 10
      '        ops.set(key, part, offset);',
      '        redis.opsForValue().set(key, part, 4);',
      '    }',
      '    public void save(String key, String code, Duration ttl, long seconds) {',
      '        redis.opsForValue().set(key, code, ttl);', // 15
      '        redis.opsForValue().set(key, code, seconds, TimeUnit.SECONDS);',
      '        redis.opsForValue().set(key, code);',
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('Codes.java', code), ['redis-expire']), ['15:set redis-expire', '16:set redis-expire', '17:set redis-expire']);
  });

  it('pairs a write with a later call of the class helper that EXPIREs the key it is given', () => {
    const code = sourceLines(
      'import java.util.Map;',
      'import java.util.concurrent.TimeUnit;',
      'import org.springframework.data.redis.core.RedisTemplate;',
      'public class CacheUtil {',
      '    private final RedisTemplate<String, Object> redisTemplate;', // 5
      '    public CacheUtil(RedisTemplate<String, Object> redisTemplate) { this.redisTemplate = redisTemplate; }',
      '    public boolean expire(String key, long time) {',
      '        if (time > 0) {',
      '            redisTemplate.expire(key, time, TimeUnit.SECONDS);',
      '        }', // 10
      '        return true;',
      '    }',
      '    public void touchAudit() {',
      '        redisTemplate.expire("audit", 60, TimeUnit.SECONDS);',
      '    }', // 15
      '    public void hmSet(String key, Map<String, Object> map, long time) {',
      '        redisTemplate.opsForHash().putAll(key, map);',
      '        if (time > 0) {',
      '            expire(key, time);',
      '        }', // 20
      '    }',
      '    public void lSet(String key, Object value, String other) {',
      '        redisTemplate.opsForList().rightPush(key, value);',
      '        expire(other, 60);',
      '        touchAudit();', // 25
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('CacheUtil.java', code), ['redis-expire']).filter((hint) => hint.endsWith('!')), ['17:putAll redis-expire!']);
  });

  it('reads a Kotlin call without a receiver inside with(client) { } or client.run { } as a command of that client', () => {
    const code = sourceLines(
      'import java.time.Duration',
      'import org.springframework.data.redis.core.StringRedisTemplate',
      'import org.springframework.data.redis.core.ValueOperations',
      'class OtpStore(private val ops: ValueOperations<String, String>, private val template: StringRedisTemplate) {',
      '    fun save(key: String, code: String) {', // 5
      '        with(ops) { setIfAbsent(key, code, Duration.ofMinutes(5)) }',
      '    }',
      '    fun purge(prefix: String) {',
      '        template.run {',
      '            keys("$prefix*")', // 10
      '        }',
      '    }',
      '    fun quiet(names: MutableList<String>) {',
      '        with(names) { add("a") }',
      '        ops.let { println(it) }', // 15
      '    }',
      '    fun set(key: String, value: String) {}',
      '}',
    );
    assert.deepEqual(only(hintsIn('OtpStore.kt', code), ['redis-expire', 'redis-keys']), ['6:setIfAbsent redis-expire', '10:keys redis-keys', '10:keys redis-keys!']);
  });

  it('reads a method that takes the servlet request and response (an interceptor, a filter, a servlet) as a request handler', () => {
    const code = sourceLines(
      'import javax.servlet.http.HttpServletRequest;',
      'import javax.servlet.http.HttpServletResponse;',
      'import redis.clients.jedis.Jedis;',
      'public class TokenFilter implements org.springframework.web.servlet.HandlerInterceptor {',
      '    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {', // 5
      '        Jedis jedis = new Jedis("cache.internal", 6379);',
      '        try { return jedis.exists(request.getHeader("token")); } finally { jedis.close(); }',
      '    }',
      '    private void audit(String line) {',
      '        Jedis jedis = new Jedis("cache.internal", 6379);', // 10
      '        try { jedis.lpush("audit", line); } finally { jedis.close(); }',
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('TokenFilter.java', code), ['client-per-request', 'redis-connection-per-call']).filter((hint) => hint.endsWith('!')), [
      '6:Jedis client-per-request!',
      '10:Jedis redis-connection-per-call!',
    ]);
  });
});
