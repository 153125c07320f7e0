/**
 * `redis-expire` findings: a SET or SETNX that gives its key no TTL, or an INCR that may create a counter, then an
 * EXPIRE of the same key as a second command in the same function. The shapes are those of lock helpers and cache layers in services: clients
 * made in a handler, held by a class, injected. A SET that may carry its TTL, a pipeline or MULTI, another key,
 * another function and test code stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';

const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-expire!'));

describe('SET, then EXPIRE of the same key', () => {
  it('TypeScript: a lock taken with SETNX and given its TTL after, in a class that holds its ioredis client', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export class LockService {',
      '  private readonly redis = new Redis(process.env.REDIS_URL!);',
      '',
      '  async acquire(name: string, ttlSeconds: number): Promise<boolean> {',
      '    const taken = await this.redis.setnx(`lock:${name}`, String(process.pid));',
      '    if (taken === 1) {',
      '      await this.redis.expire(`lock:${name}`, ttlSeconds);',
      '    }',
      '    return taken === 1;',
      '  }',
      '',
      '  async touch(name: string): Promise<void> {',
      "    await this.redis.set(`lock:${name}`, 'held', 'EX', 30);",
      '    await this.redis.expire(`lock:${name}`, 60);',
      '  }',
      '}',
    );
    assert.deepEqual(findings('lock.ts', code), ['7:setnx redis-expire!']);
  });

  it('JavaScript: node-redis made inside a Lambda handler, SET then EXPIRE; MULTI, another key and another function stay silent', () => {
    const code = sourceLines(
      "const { createClient } = require('redis');",
      '',
      'exports.handler = async (event) => {',
      '  const client = createClient({ url: process.env.REDIS_URL });',
      '  await client.connect();',
      '  const key = `session:${event.sessionId}`;',
      '  await client.set(key, JSON.stringify(event.session));',
      '  await client.expire(key, 3600);',
      '  await client.multi().set(`seen:${event.id}`, "1").expire(`seen:${event.id}`, 60).exec();',
      '  await client.set(`user:${event.userId}`, "x");',
      '  await client.expire(`other:${event.userId}`, 60);',
      '  return { statusCode: 200 };',
      '};',
      '',
      'async function refresh(client, key) {',
      '  await client.expire(key, 60);',
      '}',
      '',
      'async function store(client, key, value) {',
      '  await client.set(key, value);',
      '  await refresh(client, key);',
      '}',
    );
    assert.deepEqual(findings('handler.js', code), ['7:set redis-expire!']);
  });

  it('Python: redis-py SETNX then EXPIRE in a function that makes its client; a pipeline and a SET with ex= stay silent', () => {
    const code = sourceLines(
      'import redis',
      '',
      '',
      'def acquire_lock(name, ttl):',
      '    r = redis.Redis(host="cache", port=6379)',
      '    if r.setnx(f"lock:{name}", "1"):',
      '        r.expire(f"lock:{name}", ttl)',
      '        return True',
      '    return False',
      '',
      '',
      'def cache_page(r: redis.Redis, path, html):',
      '    pipe = r.pipeline()',
      '    pipe.set(f"page:{path}", html)',
      '    pipe.expire(f"page:{path}", 300)',
      '    pipe.execute()',
      '    r.set(f"etag:{path}", "v1", ex=300)',
      '    r.expire(f"etag:{path}", 600)',
    );
    assert.deepEqual(findings('locks.py', code), ['6:setnx redis-expire!']);
  });

  it('Go: go-redis SetNX with no expiration, then Expire; a Set with an expiration stays silent', () => {
    const code = sourceLines(
      'package locks',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Locker struct {',
      '\trdb *redis.Client',
      '}',
      '',
      'func (l *Locker) Acquire(ctx context.Context, key string) (bool, error) {',
      '\tok, err := l.rdb.SetNX(ctx, key, "1", 0).Result()',
      '\tif err != nil || !ok {',
      '\t\treturn false, err',
      '\t}',
      '\treturn true, l.rdb.Expire(ctx, key, 10*time.Second).Err()',
      '}',
      '',
      'func (l *Locker) Remember(ctx context.Context, key string) error {',
      '\tif err := l.rdb.Set(ctx, key, "1", time.Minute).Err(); err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn l.rdb.Expire(ctx, key, 2*time.Minute).Err()',
      '}',
    );
    assert.deepEqual(findings('locker.go', code), ['15:SetNX redis-expire!']);
  });

  it('Java: Jedis setnx then expire, and Spring setIfAbsent then expire; a setIfAbsent with a timeout stays silent', () => {
    const jedis = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      '',
      'public class JedisLock {',
      '    private final JedisPool pool;',
      '',
      '    public JedisLock(JedisPool pool) { this.pool = pool; }',
      '',
      '    public boolean tryLock(String key, int seconds) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            if (jedis.setnx(key, "locked") == 1) {',
      '                jedis.expire(key, seconds);',
      '                return true;',
      '            }',
      '            return false;',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(findings('JedisLock.java', jedis), ['11:setnx redis-expire!']);
    const spring = sourceLines(
      'import java.time.Duration;',
      'import java.util.concurrent.TimeUnit;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      '',
      'public class OrderLock {',
      '    private final StringRedisTemplate redisTemplate;',
      '',
      '    public OrderLock(StringRedisTemplate redisTemplate) { this.redisTemplate = redisTemplate; }',
      '',
      '    public boolean lock(String orderId) {',
      '        String key = "order:lock:" + orderId;',
      '        Boolean ok = redisTemplate.opsForValue().setIfAbsent(key, "1");',
      '        redisTemplate.expire(key, 30, TimeUnit.SECONDS);',
      '        return Boolean.TRUE.equals(ok);',
      '    }',
      '',
      '    public boolean lockWithTimeout(String orderId) {',
      '        String key = "order:lock2:" + orderId;',
      '        Boolean ok = redisTemplate.opsForValue().setIfAbsent(key, "1", Duration.ofSeconds(30));',
      '        redisTemplate.expire(key, 60, TimeUnit.SECONDS);',
      '        return Boolean.TRUE.equals(ok);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('OrderLock.java', spring), ['12:setIfAbsent redis-expire!']);
  });

  it('C#: StackExchange.Redis StringSet then KeyExpire; StringSet with an expiry stays silent', () => {
    const code = sourceLines(
      'using System;',
      'using System.Threading.Tasks;',
      'using StackExchange.Redis;',
      '',
      'public class SessionCache',
      '{',
      '    private readonly IDatabase _db;',
      '',
      '    public SessionCache(IConnectionMultiplexer redis) { _db = redis.GetDatabase(); }',
      '',
      '    public async Task SaveAsync(string id, string json)',
      '    {',
      '        await _db.StringSetAsync($"session:{id}", json);',
      '        await _db.KeyExpireAsync($"session:{id}", TimeSpan.FromMinutes(30));',
      '    }',
      '',
      '    public async Task SaveWithExpiryAsync(string id, string json)',
      '    {',
      '        await _db.StringSetAsync($"session2:{id}", json, TimeSpan.FromMinutes(30));',
      '        await _db.KeyExpireAsync($"session2:{id}", TimeSpan.FromMinutes(60));',
      '    }',
      '}',
    );
    assert.deepEqual(findings('SessionCache.cs', code), ['13:StringSetAsync redis-expire!']);
  });

  it('Python: a rate limiter that INCRs, then EXPIREs the first time, says the counter may never reset; a pipeline and a TTL repair stay silent', () => {
    const code = sourceLines(
      'import time',
      '',
      'from django_redis import get_redis_connection',
      '',
      '',
      'class RateLimiter:',
      '    def __init__(self, prefix="rl"):',
      '        self.conn = get_redis_connection("default")',
      '        self.prefix = prefix',
      '',
      '    def hit(self, user_id, window=60):',
      '        key = f"{self.prefix}:{user_id}:{int(time.time() // window)}"',
      '        count = self.conn.incr(key)',
      '        if count == 1:',
      '            self.conn.expire(key, window)',
      '        return count',
      '',
      '    def hit_in_transaction(self, user_id, window=60):',
      '        key = f"{self.prefix}:tx:{user_id}"',
      '        pipe = self.conn.pipeline()',
      '        pipe.incr(key)',
      '        pipe.expire(key, window)',
      '        count, _ = pipe.execute()',
      '        return count',
      '',
      '    def hit_with_repair(self, user_id, window=60):',
      '        key = f"{self.prefix}:fix:{user_id}"',
      '        count = self.conn.incr(key)',
      '        if self.conn.ttl(key) == -1:',
      '            self.conn.expire(key, window)',
      '        return count',
    );
    assert.deepEqual(findings('limits.py', code), ['13:incr redis-expire!']);
    const [finding] = analyzeText(code, realHintRules(), { kind: 'python', fileName: 'limits.py' }).findings.filter((f) => f.ruleId === 'redis-expire');
    assert.match(finding.message, /^This INCR creates the key without a TTL.*MULTI\/EXEC/);
  });

  it('HSET or HMSET of a cached record, then EXPIRE, says the hash may never expire; a transactional pipeline or another key stays silent', () => {
    const module = sourceLines(
      'import json',
      'import os',
      '',
      'import redis',
      '',
      'PROFILE_TTL = 600',
      '',
      '',
      'class ProfileCache:',
      '    def __init__(self):',
      '        self.redis = redis.Redis.from_url(os.environ["CACHE_URL"])',
      '',
      '    def put(self, user_id, profile):',
      '        key = f"profile:{user_id}"',
      '        self.redis.hset(key, mapping=profile)',
      '        self.redis.expire(key, PROFILE_TTL)',
      '',
      '    def put_legacy(self, user_id, profile):',
      '        self.redis.hmset(f"profile:{user_id}", profile)',
      '        self.redis.expire(f"profile:{user_id}", PROFILE_TTL)',
      '',
      '    def put_atomically(self, user_id, profile):',
      '        key = f"profile:{user_id}"',
      '        with self.redis.pipeline(transaction=True) as pipe:',
      '            pipe.hset(key, mapping=profile)',
      '            pipe.expire(key, PROFILE_TTL)',
      '            pipe.execute()',
      '',
      '    def touch(self, user_id, field, value):',
      '        self.redis.hset(f"profile:{user_id}", field, value)',
      '        self.redis.expire(f"seen:{user_id}", PROFILE_TTL)',
    );
    assert.deepEqual(findings('profile_cache.py', module), ['15:hset redis-expire!', '19:hmset redis-expire!']);
    const [finding] = analyzeText(module, realHintRules(), { kind: 'python', fileName: 'profile_cache.py' }).findings.filter((f) => f.ruleId === 'redis-expire');
    assert.match(finding.message, /^This write \(HSET, SADD, ZADD, LPUSH\) may create its key without a TTL.*MULTI\/EXEC/);
    const service = sourceLines(
      'package cart',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Carts struct{ rdb *redis.Client }',
      '',
      'func (c *Carts) Add(ctx context.Context, cartID, sku string, qty int) error {',
      '\tkey := "cart:" + cartID',
      '\tif err := c.rdb.HSet(ctx, key, sku, qty).Err(); err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn c.rdb.Expire(ctx, key, 24*time.Hour).Err()',
      '}',
      '',
      'func (c *Carts) AddAtomically(ctx context.Context, cartID, sku string, qty int) error {',
      '\tkey := "cart:" + cartID',
      '\t_, err := c.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {',
      '\t\tpipe.HSet(ctx, key, sku, qty)',
      '\t\tpipe.Expire(ctx, key, 24*time.Hour)',
      '\t\treturn nil',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings('carts.go', service), ['14:HSet redis-expire!']);
  });

  it('a TTL read that no EXPIRE follows (the limit window reported back) repairs nothing; one an EXPIRE follows does', () => {
    const module = sourceLines(
      'import os',
      '',
      'import redis',
      '',
      'WINDOW = int(os.environ.get("QUOTA_WINDOW", "3600"))',
      'cache = redis.Redis(host=os.environ["REDIS_HOST"])',
      '',
      '',
      'def consume_quota(user_id, limit):',
      '    key = f"quota:{user_id}"',
      '    used = cache.incr(key)',
      '    if used == 1:',
      '        cache.expire(key, WINDOW)',
      '        reset_in = WINDOW',
      '    else:',
      '        reset_in = cache.ttl(key)',
      '    return {"allowed": used <= limit, "reset_in": reset_in}',
      '',
      '',
      'def consume_quota_repaired(user_id, limit):',
      '    key = f"quota:v2:{user_id}"',
      '    used = cache.incr(key)',
      '    reset_in = cache.ttl(key)',
      '    if reset_in < 0:',
      '        cache.expire(key, WINDOW)',
      '        reset_in = WINDOW',
      '    return {"allowed": used <= limit, "reset_in": reset_in}',
    );
    assert.deepEqual(findings('quota.py', module), ['11:incr redis-expire!']);
    const limiter = sourceLines(
      'package quota',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Quota struct{ rdb *redis.Client }',
      '',
      'func (q *Quota) Use(ctx context.Context, key string) (int64, time.Duration, error) {',
      '\tn, err := q.rdb.Incr(ctx, key).Result()',
      '\tif err != nil {',
      '\t\treturn 0, 0, err',
      '\t}',
      '\tif n == 1 {',
      '\t\tq.rdb.Expire(ctx, key, time.Hour)',
      '\t}',
      '\tleft, err := q.rdb.TTL(ctx, key).Result()',
      '\treturn n, left, err',
      '}',
    );
    assert.deepEqual(findings('quota.go', limiter), ['13:Incr redis-expire!']);
  });

  it('TypeScript, Go and Java: INCR then EXPIRE in a middleware, a limiter struct and a Spring service', () => {
    const middleware = sourceLines(
      "import type { NextFunction, Request, Response } from 'express';",
      "import Redis from 'ioredis';",
      '',
      'export function rateLimit(redis: Redis, limit: number) {',
      '  return async (req: Request, res: Response, next: NextFunction) => {',
      '    const key = `rate:${req.ip}`;',
      '    const hits = await redis.incr(key);',
      '    if (hits === 1) {',
      '      await redis.expire(key, 60);',
      '    }',
      '    return hits > limit ? res.status(429).end() : next();',
      '  };',
      '}',
    );
    assert.deepEqual(findings('rateLimit.ts', middleware), ['7:incr redis-expire!']);
    const limiter = sourceLines(
      'package limit',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Limiter struct{ rdb *redis.Client }',
      '',
      'func (l *Limiter) Allow(ctx context.Context, key string, n int64) (bool, error) {',
      '\tcount, err := l.rdb.IncrBy(ctx, key, 1).Result()',
      '\tif err != nil {',
      '\t\treturn false, err',
      '\t}',
      '\tif count == 1 {',
      '\t\tl.rdb.Expire(ctx, key, time.Minute)',
      '\t}',
      '\treturn count <= n, nil',
      '}',
      '',
      'func (l *Limiter) AllowAtomically(ctx context.Context, key string, n int64) (bool, error) {',
      '\tvar incr *redis.IntCmd',
      '\t_, err := l.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {',
      '\t\tincr = pipe.Incr(ctx, key)',
      '\t\tpipe.Expire(ctx, key, time.Minute)',
      '\t\treturn nil',
      '\t})',
      '\treturn err == nil && incr.Val() <= n, err',
      '}',
    );
    assert.deepEqual(findings('limiter.go', limiter), ['13:IncrBy redis-expire!']);
    const spring = sourceLines(
      'import java.time.Duration;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'import org.springframework.stereotype.Service;',
      '',
      '@Service',
      'public class LoginAttempts {',
      '    private final StringRedisTemplate redisTemplate;',
      '',
      '    public LoginAttempts(StringRedisTemplate redisTemplate) { this.redisTemplate = redisTemplate; }',
      '',
      '    public boolean blocked(String user) {',
      '        String key = "login:fail:" + user;',
      '        Long attempts = redisTemplate.opsForValue().increment(key);',
      '        if (attempts != null && attempts == 1) {',
      '            redisTemplate.expire(key, Duration.ofMinutes(15));',
      '        }',
      '        return attempts != null && attempts > 5;',
      '    }',
      '}',
    );
    assert.deepEqual(findings('LoginAttempts.java', spring), ['13:increment redis-expire!']);
  });

  it('Java: Lettuce and RedisTemplate put in MULTI by a statement of their own queue the SET and the EXPIRE; outside MULTI they fire', () => {
    const lettuce = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.api.StatefulRedisConnection;',
      'import io.lettuce.core.api.sync.RedisCommands;',
      '',
      'public class SessionRepository {',
      '    private final StatefulRedisConnection<String, String> connection;',
      '',
      '    public SessionRepository(RedisClient client) { this.connection = client.connect(); }',
      '',
      '    public void save(String sessionId, String payload, long ttlSeconds) {',
      '        RedisCommands<String, String> commands = connection.sync();',
      '        String key = "session:" + sessionId;',
      '        commands.multi();',
      '        commands.set(key, payload);',
      '        commands.expire(key, ttlSeconds);',
      '        commands.exec();',
      '    }',
      '',
      '    public long countVisit(String page) {',
      '        RedisCommands<String, String> commands = connection.sync();',
      '        String key = "visits:" + page;',
      '        long visits = commands.incr(key);',
      '        commands.expire(key, 3600);',
      '        return visits;',
      '    }',
      '}',
    );
    assert.deepEqual(findings('SessionRepository.java', lettuce), ['22:incr redis-expire!']);
    const spring = sourceLines(
      'import java.util.concurrent.TimeUnit;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'import org.springframework.stereotype.Service;',
      'import org.springframework.transaction.annotation.Transactional;',
      '',
      '@Service',
      'public class CaptchaService {',
      '    private final StringRedisTemplate redisTemplate;',
      '',
      '    public CaptchaService(StringRedisTemplate redisTemplate) { this.redisTemplate = redisTemplate; }',
      '',
      '    @Transactional',
      '    public void store(String captchaId, String code) {',
      '        String key = "captcha:" + captchaId;',
      '        redisTemplate.multi();',
      '        redisTemplate.opsForValue().set(key, code);',
      '        redisTemplate.expire(key, 5, TimeUnit.MINUTES);',
      '        redisTemplate.exec();',
      '    }',
      '',
      '    public void storeLoose(String captchaId, String code) {',
      '        String key = "captcha:" + captchaId;',
      '        redisTemplate.opsForValue().set(key, code);',
      '        redisTemplate.expire(key, 5, TimeUnit.MINUTES);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('CaptchaService.java', spring), ['23:set redis-expire!']);
  });

  it('a MULTI whose reply is chained or kept is not the client in MULTI: the commands sent on the client still fire', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export class CartStore {',
      '  constructor(private readonly redis: Redis) {}',
      '',
      '  async save(cartId: string, json: string): Promise<void> {',
      '    await this.redis.multi().incr(`carts:saved`).exec();',
      '    await this.redis.set(`cart:${cartId}`, json);',
      '    await this.redis.expire(`cart:${cartId}`, 86400);',
      '  }',
      '}',
    );
    assert.deepEqual(findings('cartStore.ts', code), ['8:set redis-expire!']);
  });

  it('an EXPIRE in another branch of the same if/else, or after the write has returned, never follows it', () => {
    const python = sourceLines(
      'import redis',
      '',
      '',
      'class Cache:',
      '    def __init__(self, url):',
      '        self.redis = redis.Redis.from_url(url)',
      '',
      '    def put(self, key, value, ttl=None):',
      '        if ttl is None:',
      '            self.redis.set(key, value)',
      '        elif ttl == 0:',
      '            self.redis.delete(key)',
      '        else:',
      '            self.redis.set(key, value)',
      '            self.redis.expire(key, ttl)',
      '',
      '    def keep(self, key, value, permanent):',
      '        if permanent:',
      '            self.redis.set(key, value)',
      '            return',
      '        self.redis.set(key, value, ex=60)',
      '        self.redis.expire(key, 120)',
      '',
      '    def mark(self, key, value, quiet):',
      '        if quiet:',
      '            self.redis.set(key, value)',
      '        self.redis.expire(key, 60)',
    );
    assert.deepEqual(findings('cache.py', python), ['14:set redis-expire!', '26:set redis-expire!']);
    const typescript = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export class Counters {',
      '  constructor(private readonly redis: Redis) {}',
      '',
      '  async hit(key: string, first: boolean): Promise<void> {',
      '    if (first) {',
      '      await this.redis.incr(key);',
      '    } else {',
      '      await this.redis.expire(key, 60);',
      '    }',
      '  }',
      '',
      '  async store(key: string, value: string, ttl?: number): Promise<void> {',
      '    if (ttl === undefined) {',
      '      await this.redis.set(key, value);',
      '      return;',
      '    }',
      '    await this.redis.set(key, value);',
      '    await this.redis.expire(key, ttl);',
      '  }',
      '',
      '  async guarded(key: string, value: string, skip: boolean): Promise<void> {',
      '    await this.redis.set(key, value);',
      '    if (skip)',
      '      return;',
      '    await this.redis.expire(key, 30);',
      '  }',
      '}',
    );
    assert.deepEqual(findings('counters.ts', typescript), ['19:set redis-expire!', '24:set redis-expire!']);
    const go = sourceLines(
      'package cache',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Store struct{ rdb *redis.Client }',
      '',
      'func (s *Store) Put(ctx context.Context, key, value string, ttl time.Duration) error {',
      '\tif ttl == 0 {',
      '\t\treturn s.rdb.Set(ctx, key, value, 0).Err()',
      '\t} else {',
      '\t\ts.rdb.Set(ctx, key, value, 0)',
      '\t\treturn s.rdb.Expire(ctx, key, ttl).Err()',
      '\t}',
      '}',
    );
    assert.deepEqual(findings('store.go', go), ['15:Set redis-expire!']);
  });

  it('stays silent in tests, which load a server they throw away', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      "describe('sessions', () => {",
      "  it('expires', async () => {",
      '    const redis = new Redis();',
      "    await redis.set('session:1', 'x');",
      "    await redis.expire('session:1', 1);",
      '  });',
      '});',
    );
    assert.deepEqual(findings('sessions.test.ts', code), []);
  });
});
