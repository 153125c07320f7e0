/**
 * Whole-collection reads (HGETALL, HKEYS, HVALS, SMEMBERS) and their cursor walks (HSCAN, SSCAN, ZSCAN and the iterators the
 * clients build on them) hover with the same text in every client, in the shapes real services write: a go-redis
 * repository with `HScan(...).Iterator()`, node-redis v4 `hGetAll` / `sMembers` / `hScanIterator`, ioredis
 * streams, redis-py `hscan_iter`, Jedis and StackExchange.Redis. A command of another family gets nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'redis-collection-read';
const hovered = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(` ${RULE}`));

describe('Redis hash and set reads', () => {
  it('hovers on go-redis HGetAll, SMembers and the HScan, SScan and ZScan iterators', () => {
    const code = sourceLines(
      'package cart',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Repo struct{ rdb *redis.Client }',
      '',
      'func (r *Repo) Items(ctx context.Context, id string) (map[string]string, error) {',
      '\treturn r.rdb.HGetAll(ctx, "cart:"+id).Result()',
      '}',
      '',
      'func (r *Repo) Walk(ctx context.Context, id string) error {',
      '\titer := r.rdb.HScan(ctx, "cart:"+id, 0, "", 100).Iterator()',
      '\tfor iter.Next(ctx) {',
      '\t}',
      '\tmembers := r.rdb.SScan(ctx, "tags", 0, "", 100).Iterator()',
      '\tranked := r.rdb.ZScan(ctx, "rank", 0, "", 100).Iterator()',
      '\t_, _ = members, ranked',
      '\t_, err := r.rdb.SMembers(ctx, "tags").Result()',
      '\t_, _ = r.rdb.HGet(ctx, "cart:"+id, "sku").Result()',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hovered('cart/repo.go', code), [`12:HGetAll ${RULE}`, `16:HScan ${RULE}`, `19:SScan ${RULE}`, `20:ZScan ${RULE}`, `22:SMembers ${RULE}`]);
  });

  it('hovers on node-redis v4 hGetAll, sMembers and hScanIterator, and on ioredis streams', () => {
    const node = sourceLines(
      "import { createClient } from 'redis';",
      'const client = createClient({ url: process.env.REDIS_URL });',
      'export async function cart(id) {',
      '  const items = await client.hGetAll(`cart:${id}`);',
      "  const tags = await client.sMembers('tags');",
      '  for await (const { field, value } of client.hScanIterator(`cart:${id}`)) {',
      '    items[field] = value;',
      '  }',
      '  return [items, tags, await client.get(`cart:${id}:owner`)];',
      '}',
    );
    assert.deepEqual(hovered('src/cart.js', node), [`4:hGetAll ${RULE}`, `5:sMembers ${RULE}`, `6:hScanIterator ${RULE}`]);
    const ioredis = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL);',
      'export function walk(id) {',
      '  return redis.hscanStream(`cart:${id}`, { count: 100 });',
      '}',
    );
    assert.deepEqual(hovered('src/walk.ts', ioredis), [`4:hscanStream ${RULE}`]);
  });

  it('hovers on redis-py, Jedis and StackExchange.Redis', () => {
    const python = sourceLines(
      'import redis',
      '',
      'r = redis.Redis.from_url("rediss://cache:6379")',
      '',
      'def cart(cart_id):',
      '    return dict(r.hscan_iter(f"cart:{cart_id}", count=100)), r.smembers("tags")',
    );
    assert.deepEqual(hovered('app/cart.py', python), [`6:hscan_iter ${RULE}`, `6:smembers ${RULE}`]);
    const java = sourceLines(
      'import redis.clients.jedis.JedisPooled;',
      'public class Carts {',
      '    private final JedisPooled jedis = new JedisPooled("cache", 6379);',
      '    Map<String, String> items(String id) { return jedis.hgetAll("cart:" + id); }',
      '    Set<String> tags() { return jedis.smembers("tags"); }',
      '}',
    );
    assert.deepEqual(hovered('src/Carts.java', java), [`4:hgetAll ${RULE}`, `5:smembers ${RULE}`]);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      'public class Carts',
      '{',
      '    private readonly IDatabase db;',
      '    public Carts(IConnectionMultiplexer redis) { db = redis.GetDatabase(); }',
      '    public async Task<RedisValue[]> Tags() => await db.SetMembersAsync("tags");',
      '    public IEnumerable<HashEntry> Items(string id) => db.HashScan("cart:" + id, pageSize: 100);',
      '}',
    );
    assert.deepEqual(hovered('src/Carts.cs', csharp), [`6:SetMembersAsync ${RULE}`, `7:HashScan ${RULE}`]);
  });

  it("hovers on HKEYS and HVALS: a Spring repository's opsForHash().values() and keys(), redis-py, go-redis and StackExchange.Redis, not a dict's values()", () => {
    const spring = sourceLines(
      'package com.example.catalog.cache;',
      '',
      'import java.util.List;',
      'import java.util.Set;',
      'import org.springframework.data.redis.core.RedisTemplate;',
      'import org.springframework.stereotype.Repository;',
      '',
      '@Repository',
      'public class ProductCacheRepository {',
      '    private static final String HASH_KEY = "Product";',
      '    private final RedisTemplate redisTemplate;',
      '',
      '    public ProductCacheRepository(RedisTemplate redisTemplate) {',
      '        this.redisTemplate = redisTemplate;',
      '    }',
      '',
      '    public List<Object> findAll() {',
      '        return redisTemplate.opsForHash().values(HASH_KEY);', // 18
      '    }',
      '',
      '    public Set<Object> ids() {',
      '        return redisTemplate.opsForHash().keys(HASH_KEY);', // 22
      '    }',
      '',
      '    public Object find(Long id) {',
      '        return redisTemplate.opsForHash().get(HASH_KEY, id);',
      '    }',
      '}',
    );
    assert.deepEqual(hovered('src/main/java/com/example/catalog/cache/ProductCacheRepository.java', spring), [`18:values ${RULE}`, `22:keys ${RULE}`]);
    const python = sourceLines(
      'import redis',
      '',
      '',
      'class Leaderboard:',
      '    def __init__(self, client: redis.Redis):',
      '        self.client = client',
      '',
      '    def players(self):',
      '        return self.client.hkeys("scores")', // 9
      '',
      '    def totals(self, cached: dict):',
      '        return list(cached.values()) + self.client.hvals("scores")', // 12
    );
    assert.deepEqual(hovered('app/leaderboard.py', python), [`9:hkeys ${RULE}`, `12:hvals ${RULE}`]);
    const go = sourceLines(
      'package board',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Store struct{ rdb *redis.Client }',
      '',
      'func (s *Store) Names(ctx context.Context) ([]string, error) {',
      '\treturn s.rdb.HKeys(ctx, "scores").Result()',
      '}',
    );
    assert.deepEqual(hovered('board/store.go', go), [`12:HKeys ${RULE}`]);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      'public class Board',
      '{',
      '    private readonly IDatabase db;',
      '    public Board(IConnectionMultiplexer redis) { db = redis.GetDatabase(); }',
      '    public Task<RedisValue[]> Totals() => db.HashValuesAsync("scores");',
      '}',
    );
    assert.deepEqual(hovered('src/Board.cs', csharp), [`6:HashValuesAsync ${RULE}`]);
  });

  it('hovers on LRANGE and ZRANGE from 0 to -1 (the whole list or sorted set) in every client, not on a page of them', () => {
    const go = sourceLines(
      'package feed',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Feed struct{ rdb *redis.Client }',
      '',
      'func (f *Feed) All(ctx context.Context, user string) ([]string, error) {',
      '\treturn f.rdb.LRange(ctx, "feed:"+user, 0, -1).Result()', // 12
      '}',
      '',
      'func (f *Feed) Latest(ctx context.Context, user string) ([]string, error) {',
      '\treturn f.rdb.LRange(ctx, "feed:"+user, 0, 19).Result()', // 16: a page
      '}',
      '',
      'func (f *Feed) Board(ctx context.Context) ([]string, error) {',
      '\treturn f.rdb.ZRevRange(ctx, "board", 0, -1).Result()', // 20
      '}',
    );
    assert.deepEqual(hovered('feed/feed.go', go), [`12:LRange ${RULE}`, `20:ZRevRange ${RULE}`]);
    const java = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      '',
      'public class FeedStore {',
      '    private final JedisPool pool = new JedisPool("localhost", 6379);',
      '    private final StringRedisTemplate template;',
      '',
      '    public FeedStore(StringRedisTemplate template) {',
      '        this.template = template;',
      '    }',
      '',
      '    public java.util.List<String> all(String user) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            return jedis.lrange("feed:" + user, 0L, -1L);', // 15
      '        }',
      '    }',
      '',
      '    public java.util.List<String> latest(String user) {',
      '        return template.opsForList().range("feed:" + user, 0, 9);', // 20: a page
      '    }',
      '',
      '    public java.util.Set<String> board() {',
      '        return template.opsForZSet().range("board", 0, -1);', // 24
      '    }',
      '}',
    );
    assert.deepEqual(hovered('FeedStore.java', java), [`15:lrange ${RULE}`, `24:range ${RULE}`]);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      '',
      'public class FeedStore',
      '{',
      '    private readonly IDatabase _db;',
      '    public FeedStore(IConnectionMultiplexer redis) => _db = redis.GetDatabase();',
      '    public Task<RedisValue[]> All(string user) => _db.ListRangeAsync($"feed:{user}");', // 7: defaults to 0, -1
      '    public Task<RedisValue[]> Latest(string user) => _db.ListRangeAsync($"feed:{user}", 0, 9);', // 8: a page
      '    public RedisValue[] Board() => _db.SortedSetRangeByRank("board", 0, -1);', // 9
      '}',
    );
    assert.deepEqual(hovered('FeedStore.cs', csharp), [`7:ListRangeAsync ${RULE}`, `9:SortedSetRangeByRank ${RULE}`]);
    const python = sourceLines(
      'import redis',
      '',
      'r = redis.Redis.from_url("rediss://cache:6379")',
      '',
      'def feed(user):',
      '    everything = r.lrange(f"feed:{user}", 0, -1)',
      '    latest = r.lrange(f"feed:{user}", 0, 9)', // 7: a page
      '    board = r.zrange("board", 0, -1, withscores=True)',
      '    return everything, latest, board',
    );
    assert.deepEqual(hovered('app/feed.py', python), [`6:lrange ${RULE}`, `8:zrange ${RULE}`]);
  });
});
