/**
 * redis.asyncio commands whose statement drops the coroutine (`code/unawaitedRedis.ts`): never sent. Awaited,
 * returned, scheduled, pipelined, synchronous-client and aioredis calls are left alone.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['redis-command-not-awaited'];
const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

const handler = (imports: string, client: string): string =>
  sourceLines(
    'import asyncio',
    imports,
    'from fastapi import FastAPI',
    '',
    'app = FastAPI()',
    `r = ${client}`,
    '',
    '@app.post("/cart/{cart_id}")',
    'async def add(cart_id: str, item: str):',
    '    r.hset(f"cart:{cart_id}", item, 1)',
    '    r.expire(f"cart:{cart_id}", 3600)',
    '    await r.incr("adds")',
    '    task = asyncio.create_task(',
    '        r.publish("carts", cart_id)',
    '    )',
    '    async with r.pipeline() as pipe:',
    '        pipe.incr("a")',
    '        await pipe.execute()',
    '    return await r.hgetall(f"cart:{cart_id}")',
    '',
    'def later(key):',
    '    return r.delete(key)',
  );

describe('redis.asyncio commands never awaited', () => {
  it('reports the statements that drop a command, not the awaited, scheduled, pipelined or returned ones', () => {
    assert.deepEqual(findings(hintsOfRules('app.py', handler('import redis.asyncio as redis', 'redis.from_url("redis://localhost")'), RULE)), [
      '10:hset redis-command-not-awaited!',
      '11:expire redis-command-not-awaited!',
    ]);
    assert.deepEqual(findings(hintsOfRules('app.py', handler('from redis import asyncio as aredis', 'aredis.Redis(host="localhost")'), RULE)), [
      '10:hset redis-command-not-awaited!',
      '11:expire redis-command-not-awaited!',
    ]);
  });

  it('leaves the synchronous client alone, and aioredis, whose 1.x commands are sent at the call', () => {
    assert.deepEqual(findings(hintsOfRules('app.py', handler('import redis', 'redis.Redis(host="localhost")'), RULE)), []);
    assert.deepEqual(findings(hintsOfRules('app.py', handler('import aioredis', 'aioredis.from_url("redis://localhost")'), RULE)), []);
  });

  it('workspace mode: a client another module of the project makes with redis.asyncio, imported by a route module', () => {
    const client = sourceLines('import redis.asyncio as redis', '', 'pool = redis.ConnectionPool.from_url("redis://localhost:6379")', 'redis_client = redis.Redis(connection_pool=pool)');
    const routes = sourceLines(
      'from fastapi import APIRouter',
      'from redis_client import redis_client',
      '',
      'router = APIRouter()',
      '',
      '@router.get("/products/{product_id}")',
      'async def product(product_id: str):',
      '    redis_client.zadd("seen", {product_id: 1})',
      '    redis_client.expire("seen", 3600)',
      '    return {"ok": True}',
    );
    const files = { 'redis_client.py': client, 'routes.py': routes };
    assert.deepEqual(findings(hintsInWorkspace(workspaceOf(files), 'routes.py', routes)).filter((hint) => hint.includes('not-awaited')), [
      '8:zadd redis-command-not-awaited!',
      '9:expire redis-command-not-awaited!',
    ]);
  });
});
