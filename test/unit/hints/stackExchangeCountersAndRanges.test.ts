/**
 * StackExchange.Redis counters and ranges, and a configuration string under a Redis key of its own in
 * `appsettings.json`: `HashIncrement` and `SortedSetIncrement` (HINCRBY, ZINCRBY) awaited once per element of a
 * loop cost a round trip each, as INCR does; `ListRange(key, 0)` reads the whole list (its stop defaults to -1);
 * `"Redis": "host:6379,password=..."` is read as the `Redis:Configuration` section is.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const ranking = sourceLines(
  'using StackExchange.Redis;',
  '',
  'public class Ranking(IConnectionMultiplexer redis)',
  '{',
  '    private readonly IDatabase db = redis.GetDatabase();',
  '',
  '    public async Task CountAsync(IEnumerable<Sale> sales)',
  '    {',
  '        foreach (var sale in sales)',
  '        {',
  '            await db.SortedSetIncrementAsync("sellers", sale.Seller, 1);',
  '            db.HashIncrement($"seller:{sale.Seller}", "orders");',
  '        }',
  '    }',
  '',
  '    public Task<RedisValue[]> AllAsync(string key) => db.ListRangeAsync(key, 0);',
  '    public Task<RedisValue[]> PageAsync(string key) => db.ListRangeAsync(key, 0, 9);',
  '    public Task<double> BumpAsync(string seller) => db.SortedSetIncrementAsync("sellers", seller, 1);',
  '}',
);

describe('C#: StackExchange.Redis counters in loops and whole list ranges', () => {
  it('reports HINCRBY and ZINCRBY sent once per element of a loop, and reads ListRange(key, 0) as the whole list', () => {
    assert.deepEqual(hintsIn('Ranking.cs', ranking).sort(), [
      '11:SortedSetIncrementAsync redis-loop-round-trips',
      '11:SortedSetIncrementAsync redis-loop-round-trips!',
      '12:HashIncrement redis-loop-round-trips',
      '12:HashIncrement redis-loop-round-trips!',
      '16:ListRangeAsync redis-collection-read',
    ]);
  });
});

describe('ASP.NET Core appsettings.json: a Redis configuration string under a key of its own', () => {
  it('reads its password and TLS as a Redis section would, on ElastiCache and elsewhere', () => {
    const json = sourceLines(
      '{',
      '  "Redis": "carts.x1y2z3.ng.0001.use1.cache.amazonaws.com:6379,ssl=false,password=carts-pass-1",',
      '  "RedisLocal": "localhost:6379,password=local-pass",',
      '  "RedisEnabled": "true",',
      '  "RedisInstanceName": "shop_"',
      '}',
    );
    const hints = hintsIn('appsettings.json', json);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')).sort(), ['2:carts-pass-1 redis-password!', '2:password redis-auth-without-tls!']);
    assert.ok(hints.includes('3:password redis-password'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('4:') || hint.startsWith('5:')), hints.join('\n'));
  });
});
