/**
 * Java and C# loops whose body is one statement without braces run that statement once per element, as a
 * braced body does: `foreach (var key in keys) await _db.KeyDeleteAsync(key);` is one round trip per key.
 * The statement ends at its `;` (or its block), so what follows the loop stays outside it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('loops whose body is a single statement without braces (Java, C#)', () => {
  describe('C# StackExchange.Redis services', () => {
    const header = [
      'using StackExchange.Redis;',
      '',
      'namespace Shop.Infrastructure;',
      '',
      'public class RedisCacheService : ICacheService',
      '{',
      '    private readonly IConnectionMultiplexer _connection;',
      '    private readonly IDatabase _db;',
      '',
      '    public RedisCacheService(IConnectionMultiplexer connection)',
      '    {',
      '        _connection = connection;',
      '        _db = connection.GetDatabase();',
      '    }',
      '',
    ];

    it('reports a delete per key in a foreach whose body is on the next line or the same line', () => {
      const code = sourceLines(
        ...header,
        '    public async Task ClearPrefixAsync(string prefix)',
        '    {',
        '        var server = _connection.GetServer(_connection.GetEndPoints().First());',
        '        foreach (var key in server.Keys(pattern: prefix + "*"))',
        '            await _db.KeyDeleteAsync(key);',
        '    }',
        '',
        '    public void Warm(IDictionary<string, string> entries)',
        '    {',
        '        foreach (var entry in entries) _db.StringSet(entry.Key, entry.Value, TimeSpan.FromMinutes(5));',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('RedisCacheService.cs', code), ['20:KeyDeleteAsync redis-loop-round-trips!', '25:StringSet redis-loop-round-trips!']);
    });

    it('stays silent for the statement after a one-line loop body, and for a batch built in the loop', () => {
      const code = sourceLines(
        ...header,
        '    public async Task RemoveAsync(IEnumerable<string> ids)',
        '    {',
        '        var keys = new List<RedisKey>();',
        '        foreach (var id in ids) keys.Add(new RedisKey("cart:" + id));',
        '        await _db.KeyDeleteAsync(keys.ToArray());',
        '    }',
        '',
        '    public async Task TouchAsync(string[] ids)',
        '    {',
        '        var total = 0;',
        '        for (var i = 0; i < ids.Length; i++)',
        '            total += ids[i].Length;',
        '        await _db.StringSetAsync("cart:size", total);',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('RedisCacheService.cs', code), []);
    });
  });

  describe('Java Spring Data Redis services', () => {
    const header = [
      'package shop.cart;',
      '',
      'import lombok.RequiredArgsConstructor;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'import org.springframework.stereotype.Service;',
      'import java.time.Duration;',
      'import java.util.List;',
      '',
      '@Service',
      '@RequiredArgsConstructor',
      'public class CartCacheService {',
      '    private final StringRedisTemplate redisTemplate;',
      '',
    ];

    it('reports a command per key in a for-each body without braces, in both branches of an if/else', () => {
      const code = sourceLines(
        ...header,
        '    public void evict(List<String> cartIds) {',
        '        for (String id : cartIds) redisTemplate.delete("cart:" + id);',
        '    }',
        '',
        '    public void refresh(List<String> cartIds, boolean keep) {',
        '        for (String id : cartIds)',
        '            if (keep) redisTemplate.expire("cart:" + id, Duration.ofHours(1));',
        '            else redisTemplate.delete("cart:" + id);',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('CartCacheService.java', code), [
        '15:delete redis-loop-round-trips!',
        '20:expire redis-loop-round-trips!',
        '21:delete redis-loop-round-trips!',
      ]);
    });

    it('stays silent after a do-while, an empty-bodied loop and a loop that only collects keys', () => {
      const code = sourceLines(
        ...header,
        '    public void evictAll(List<String> cartIds) {',
        '        List<String> keys = new java.util.ArrayList<>();',
        '        for (String id : cartIds) keys.add("cart:" + id);',
        '        redisTemplate.delete(keys);',
        '    }',
        '',
        '    public void bump(String cartId) {',
        '        int tries = 0;',
        '        do { tries++; } while (tries < 3);',
        '        redisTemplate.opsForValue().set("cart:" + cartId + ":tries", String.valueOf(tries), Duration.ofMinutes(5));',
        '        while (tries-- > 0);',
        '        redisTemplate.delete("cart:" + cartId);',
        '    }',
        '}',
      );
      assert.deepEqual(findingsIn('CartCacheService.java', code), []);
    });
  });
});
