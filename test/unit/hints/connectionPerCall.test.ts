/**
 * `redis-connection-per-call`: a Redis client a function opens and closes around its own work, so a new connection
 * on every call: C# `using` of `ConnectionMultiplexer.Connect`, Python `with redis.Redis(...)`, Java try-with-resources
 * of `new Jedis(...)`, Go `redis.NewClient` closed by `defer` in the same function. Silent: a pool's connection
 * (`pool.getResource()`, `connection_pool=pool`), a client kept in a field or at module level, the program's `main`
 * (and a JavaScript script's body, a function expression the module calls once where it writes it), and tests.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

const RULE = 'redis-connection-per-call!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Redis: a connection opened and closed on every call', () => {
  it('reports C# multiplexers disposed by the method that connects them, not shared ones', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public class RedisService',
      '{',
      '    private static readonly Lazy<ConnectionMultiplexer> Shared = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect("cache:6379"));',
      '    public RedisKey[] GetAllKeys(string prefix)',
      '    {',
      '        using (var redis = ConnectionMultiplexer.Connect(_configuration.GetConnectionString("Redis")))',
      '        {',
      '            return redis.GetServers().Single().Keys(pattern: prefix + "*").ToArray();',
      '        }',
      '    }',
      '    public async Task SetAsync(string key, string value)',
      '    {',
      '        await using var redis = await ConnectionMultiplexer.ConnectAsync("cache:6379");',
      '        await redis.GetDatabase().StringSetAsync(key, value);',
      '    }',
      '    public Task<RedisValue> GetAsync(string key) => Shared.Value.GetDatabase().StringGetAsync(key);',
      '    public static void Main(string[] args)',
      '    {',
      '        using var redis = ConnectionMultiplexer.Connect("cache:6379");',
      '        redis.GetDatabase().Ping();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('RedisService.cs', code), [`7:ConnectionMultiplexer ${RULE}`, `14:ConnectionMultiplexer ${RULE}`]);
  });

  it('reports Python clients of a with statement in a function, not a shared pool or module-level code', () => {
    const code = sourceLines(
      'import redis',
      'pool = redis.ConnectionPool(host="cache", port=6379)',
      'shared = redis.Redis(host="cache", port=6379)',
      'def get_profile(user_id):',
      '    with redis.Redis(host="cache", port=6379, ssl=True) as r:',
      '        return r.get(f"profile:{user_id}")',
      'async def touch(key):',
      '    async with redis.asyncio.from_url("rediss://cache:6379") as r:',
      '        await r.expire(key, 60)',
      'def pooled(key):',
      '    with redis.Redis(connection_pool=pool) as r:',
      '        return r.get(key)',
      'def main():',
      '    with redis.Redis(host="cache") as r:',
      '        r.ping()',
      'with redis.Redis(host="cache") as r:',
      '    r.ping()',
    );
    assert.deepEqual(reported('cache.py', code), [`5:Redis ${RULE}`, `8:from_url ${RULE}`]);
  });

  it('reports a Jedis made in try-with-resources, not one a pool lends', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      'public class ProfileCache {',
      '    private final JedisPool pool = new JedisPool("cache", 6379);',
      '    public String direct(String id) {',
      '        try (Jedis jedis = new Jedis("cache", 6379)) {',
      '            return jedis.get("profile:" + id);',
      '        }',
      '    }',
      '    public String pooled(String id) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            return jedis.get("profile:" + id);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('ProfileCache.java', code), [`6:Jedis ${RULE}`]);
  });

  it('reports a go-redis client closed by defer in the function that makes it, not main or a kept client', () => {
    const code = sourceLines(
      'package cache',
      '',
      'import "github.com/redis/go-redis/v9"',
      '',
      'var shared = redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '',
      'func Profile(ctx context.Context, id string) (string, error) {',
      '\trdb := redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '\tdefer rdb.Close()',
      '\treturn rdb.Get(ctx, "profile:"+id).Result()',
      '}',
      '',
      'func main() {',
      '\trdb := redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '\tdefer rdb.Close()',
      '\trdb.Ping(context.Background())',
      '}',
      '',
      'func Kept(ctx context.Context) {',
      '\tdefer shared.Close()',
      '}',
    );
    assert.deepEqual(reported('cache.go', code), [`8:NewClient ${RULE}`]);
  });

  it('reports clients a function makes in a local and closes itself, in every language', () => {
    const express = sourceLines(
      "import { createClient } from 'redis';",
      "import Redis from 'ioredis';",
      'const shared = new Redis(process.env.CACHE_URL);',
      "app.get('/profile/:id', async (req, res) => {",
      '  const client = createClient({ url: process.env.CACHE_URL });',
      '  await client.connect();',
      '  res.json(await client.get(`profile:${req.params.id}`));',
      '  await client.quit();',
      '});',
      'export async function touch(key: string) {',
      '  const redis = new Redis(process.env.CACHE_URL);',
      '  await redis.expire(key, 60);',
      '  redis.disconnect();',
      '}',
      'export async function shutdown() {',
      '  await shared.quit();',
      '}',
      'async function main() {',
      '  const client = createClient();',
      '  await client.connect();',
      '  await client.flushAll();',
      '  await client.quit();',
      '}',
    );
    // The route handler's client is `client-per-request`'s finding: one per construction.
    assert.deepEqual(reported('routes.ts', express), [`11:Redis ${RULE}`]);
    assert.deepEqual(
      hintsIn('routes.ts', express).filter((hint) => hint.endsWith('client-per-request!')),
      ['5:createClient client-per-request!'],
    );
    const python = sourceLines(
      'import redis',
      'def get_profile(user_id):',
      '    r = redis.Redis(host="cache", port=6379)',
      '    value = r.get(f"profile:{user_id}")',
      '    r.close()',
      '    return value',
    );
    assert.deepEqual(reported('profiles.py', python), [`3:Redis ${RULE}`]);
    const java = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'public class Profiles {',
      '    public String get(String id) {',
      '        Jedis jedis = new Jedis("cache", 6379);',
      '        String value = jedis.get("profile:" + id);',
      '        jedis.close();',
      '        return value;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('Profiles.java', java), [`4:Jedis ${RULE}`]);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      'public class Profiles',
      '{',
      '    public string Get(string id)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect("cache:6379");',
      '        var value = redis.GetDatabase().StringGet("profile:" + id);',
      '        redis.Close();',
      '        return value;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('Profiles.cs', csharp), [`6:ConnectionMultiplexer ${RULE}`]);
  });

  it('reports a C# multiplexer a method connects in a local and never disposes, not one whose database it keeps', () => {
    const code = sourceLines(
      'using StackExchange.Redis;', // 1
      'public class CartStore',
      '{',
      '    private IDatabase _db;',
      '    public CartStore(string endpoint)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);',
      '        _db = redis.GetDatabase();',
      '    }',
      '    public string Load(string endpoint, string user)', // 10
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);', // 12
      '        var db = redis.GetDatabase();',
      '        return db.StringGet("cart:" + user);',
      '    }',
      '    public static void Save(string endpoint, string user, string cart)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);', // 18
      '        redis.GetDatabase().StringSet("cart:" + user, cart);',
      '    }',
      '    public void Rebind(string endpoint)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);',
      '        _db = redis.GetDatabase();',
      '    }',
      '    public IDatabase Open(string endpoint)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);',
      '        var db = redis.GetDatabase();',
      '        return db;',
      '    }',
      '    public void Listen(string endpoint)',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect(endpoint);',
      '        redis.GetSubscriber().Subscribe("carts", (channel, message) => { });',
      '    }',
      '    static CartStore()',
      '    {',
      '        var redis = ConnectionMultiplexer.Connect("cache:6379");',
      '        redis.GetDatabase().Ping();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('CartStore.cs', code), [`12:ConnectionMultiplexer ${RULE}`, `18:ConnectionMultiplexer ${RULE}`]);
  });

  it('leaves a Lambda handler’s client to lambda-client-per-invocation', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'export const handler = async (event) => {',
      '  const redis = new Redis(process.env.CACHE_URL);',
      '  const value = await redis.get(event.key);',
      '  await redis.quit();',
      '  return value;',
      '};',
    );
    assert.deepEqual(
      hintsIn('handler.mjs', code).filter((hint) => hint.endsWith('!')),
      ['3:Redis lambda-client-per-invocation!'],
    );
  });

  it('reports a shared client that a handler connects and then closes on every call (audit app-22)', () => {
    const handler = sourceLines(
      "import { createClient } from 'redis';",
      "import mongoose from 'mongoose';",
      '',
      'const cache = createClient({ url: process.env.CACHE_URL });',
      '',
      'export const handler = async (event: { path: string }) => {',
      '  await cache.connect();',
      '  const hit = await cache.get(event.path);',
      '  if (hit) {',
      '    await cache.disconnect();',
      '    return { statusCode: 200, body: hit };',
      '  }',
      '  await cache.disconnect();',
      '  return { statusCode: 404, body: "" };',
      '};',
      '',
      'export async function reconnect() {',
      '  await cache.disconnect();',
      '  await cache.connect();',
      '}',
      '',
      'export async function ensureOpen() {',
      '  if (!cache.isOpen) {',
      '    await cache.connect();',
      '  }',
      '}',
      '',
      'export async function importUsers() {',
      '  await mongoose.connect(process.env.MONGO_URL as string);',
      '  await mongoose.disconnect();',
      '}',
    );
    assert.deepEqual(reported('handler.ts', handler), [`7:connect ${RULE}`]);
    const lazy = sourceLines(
      "const Redis = require('ioredis');",
      "const redis = new Redis(process.env.CACHE_URL, { lazyConnect: true });",
      "router.get('/stats', async (req, res) => {",
      '  try {',
      '    await redis.connect();',
      "    res.json({ hits: await redis.get('hits') });",
      '  } finally {',
      '    redis.disconnect();',
      '  }',
      '});',
    );
    assert.deepEqual(reported('stats.js', lazy), [`5:connect ${RULE}`]);
    const spec = sourceLines(
      "import { createClient } from 'redis';",
      'const client = createClient();',
      "describe('cache', () => {",
      "  it('round-trips', async () => {",
      '    await client.connect();',
      "    await client.set('k', 'v');",
      '    await client.quit();',
      '  });',
      '});',
    );
    assert.deepEqual(reported('cache.spec.ts', spec), []);
  });

  it('reports a client field that a method connects and then closes, not the module hooks that open and close it once', () => {
    const service = sourceLines(
      "import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';",
      "import { Pool } from 'pg';",
      "import { createClient, RedisClientType } from 'redis';",
      '',
      '@Injectable()',
      'export class ProfileCache implements OnModuleInit, OnModuleDestroy {',
      '  private readonly client: RedisClientType = createClient({ url: process.env.CACHE_URL });',
      '  private readonly db = new Pool();',
      '',
      '  async onModuleInit() {',
      '    await this.client.connect();',
      '  }',
      '',
      '  async lookup(id: string) {',
      '    await this.client.connect();',
      '    const value = await this.client.get(`profile:${id}`);',
      '    await this.client.disconnect();',
      '    return value;',
      '  }',
      '',
      '  async report() {',
      '    const conn = await this.db.connect();',
      '    conn.release();',
      '    await this.db.end();',
      '  }',
      '',
      '  async onModuleDestroy() {',
      '    await this.client.quit();',
      '  }',
      '}',
    );
    assert.deepEqual(reported('profile.cache.ts', service), [`15:connect ${RULE}`]);
  });

  it("reports a node-redis client a function connects and never closes (made in place or by a same-file factory), with its own message, not one it returns, stores or closes", () => {
    const code = sourceLines(
      "import { createClient } from 'redis';",
      'export async function getPost(id) {',
      '  const client = createClient({ url: process.env.REDIS_URL });',
      "  client.on('error', console.error);",
      '  await client.connect();',
      '  return client.get(`post:${id}`);',
      '}',
      'export async function connected() {',
      '  const client = createClient({ url: process.env.REDIS_URL });',
      '  await client.connect();',
      '  return client;',
      '}',
      'export class Store {',
      '  async open() {',
      '    const client = createClient();',
      '    await client.connect();',
      '    this.client = client;',
      '  }',
      '}',
      'const makeClient = () => {',
      '  return createClient({ url: process.env.REDIS_URL });',
      '};',
      'export async function remove(key) {',
      '  const client = await makeClient();',
      '  if (!client.isOpen) await client.connect();',
      '  await client.del(key);',
      '}',
      'export async function drop(key) {',
      '  const client = makeClient();',
      '  await client.connect();',
      '  await client.del(key);',
      '  await client.quit();',
      '}',
      'export async function once(key) {',
      '  const client = createClient();',
      '  await client.connect();',
      '  const value = await client.get(key);',
      '  await client.quit();',
      '  return value;',
      '}',
    );
    assert.deepEqual(reported('posts.mjs', code), [`3:createClient ${RULE}`, `24:makeClient ${RULE}`, `29:makeClient ${RULE}`, `35:createClient ${RULE}`]);
    const analysis = analyzeText(code, realHintRules(), { kind: 'javascript', fileName: 'posts.mjs' });
    const messages = analysis.findings.filter((finding) => finding.ruleId === 'redis-connection-per-call').map((finding) => finding.message);
    assert.match(messages[0], /never closed/);
    assert.match(messages[1], /never closed/);
    assert.match(messages[2], /opened and closed/);
    assert.match(messages[3], /opened and closed/);
  });

  it('reports a Python generator that yields its client only where FastAPI enters it per request, not a lifespan or a container resource', () => {
    const code = sourceLines(
      'from contextlib import asynccontextmanager',
      'import redis.asyncio as aioredis',
      'from fastapi import Depends, FastAPI',
      '',
      '@asynccontextmanager',
      'async def lifespan(app: FastAPI):',
      '    client = aioredis.from_url("rediss://cache:6379")',
      '    app.state.cache = client',
      '    yield',
      '    await client.aclose()',
      '',
      'async def session_cache(url: str):',
      '    client = aioredis.from_url(url)',
      '    try:',
      '        yield client',
      '    finally:',
      '        await client.aclose()',
      '',
      'async def request_cache():',
      '    async with aioredis.from_url("rediss://cache:6379") as client:',
      '        yield client',
      '',
      'async def open_briefly():',
      '    client = aioredis.from_url("rediss://cache:6379")',
      '    await client.ping()',
      '    await client.aclose()',
      '',
      'app = FastAPI(lifespan=lifespan)',
      '',
      '@app.get("/ping")',
      'async def ping(cache=Depends(request_cache)):',
      '    return await cache.ping()',
    );
    assert.deepEqual(reported('app.py', code), [`20:from_url ${RULE}`, `24:from_url ${RULE}`]);
  });

  it("reports a generator resource of one module that another module's routes give to Depends (workspace mode)", () => {
    const files = {
      'app/core/redis.py': sourceLines(
        'import redis.asyncio as redis',
        '',
        'async def get_redis(url: str):',
        '    client = redis.from_url(url)',
        '    try:',
        '        yield client',
        '    finally:',
        '        await client.close()',
      ),
      'app/routes/items.py': sourceLines('from fastapi import APIRouter, Depends', 'from app.core.redis import get_redis', '', 'router = APIRouter()', '', '@router.get("/items")', 'async def items(cache=Depends(get_redis)):', '    return await cache.get("items")'),
      'app/core/containers.py': sourceLines('from dependency_injector import containers, providers', 'from app.core.redis import get_redis', '', 'class Container(containers.DeclarativeContainer):', '    redis = providers.Resource(get_redis, url="rediss://cache:6379")'),
    };
    assert.deepEqual(hintsOfFile(files, 'app/core/redis.py').filter((hint) => hint.endsWith(RULE)), [`4:from_url ${RULE}`]);
    const containerOnly = { 'app/core/redis.py': files['app/core/redis.py'], 'app/core/containers.py': files['app/core/containers.py'] };
    assert.deepEqual(hintsOfFile(containerOnly, 'app/core/redis.py').filter((hint) => hint.endsWith(RULE)), []);
  });

  it("stays silent in a script's body that the module calls once, not in a function it exports or one called inside another", () => {
    const code = sourceLines(
      "const { createClient } = require('redis');",
      '',
      '(async () => {',
      '  const redis = createClient({ url: process.env.REDIS_URI });',
      '  await redis.connect();',
      "  await redis.set('multiplier:views', '0.35');",
      '  await redis.disconnect();',
      '})();',
      '',
      '(async function seed() {',
      '  const redis = createClient({ url: process.env.REDIS_URI });',
      '  await redis.connect();',
      "  await redis.set('seeded', '1');",
      '  await redis.quit();',
      '})().catch(console.error);',
      '',
      'async function warm(key) {',
      '  const redis = createClient({ url: process.env.REDIS_URI });',
      '  await redis.connect();',
      "  await redis.set(key, '1');",
      '  await redis.quit();',
      '}',
      '',
      'function warmAll(keys) {',
      '  return (async () => {',
      '    const redis = createClient({ url: process.env.REDIS_URI });',
      '    await redis.connect();',
      '    await redis.del(keys);',
      '    await redis.quit();',
      '  })();',
      '}',
      '',
      'module.exports = { warm, warmAll };',
    );
    assert.deepEqual(reported('seed.js', code), [`18:createClient ${RULE}`, `26:createClient ${RULE}`]);
  });

  it('leaves a subscriber alone: its connection serves the subscription while the function listens', () => {
    const code = sourceLines(
      'import json',
      'import redis.asyncio as aioredis',
      'from .config import settings',
      '',
      'async def relay_status(sockets):',
      '    listener = aioredis.from_url(settings.redis_url)',
      '    channel = listener.pubsub()',
      '    await channel.subscribe("status")',
      '    try:',
      '        async for message in channel.listen():',
      '            await sockets.broadcast(json.loads(message["data"]))',
      '    finally:',
      '        await listener.aclose()',
      '',
      'async def last_status(key):',
      '    client = aioredis.from_url(settings.redis_url)',
      '    try:',
      '        return await client.get(key)',
      '    finally:',
      '        await client.aclose()',
    );
    assert.deepEqual(reported('relay.py', code), [`16:from_url ${RULE}`]);
  });

  it('stays silent in tests', () => {
    const code = sourceLines(
      'import redis',
      'def test_roundtrip():',
      '    with redis.Redis(host="localhost") as r:',
      '        r.set("k", "v")',
    );
    assert.deepEqual(reported('test_cache.py', code), []);
  });
});
