/**
 * redis-py's `Redis.client()` (and redis.asyncio's, and aioredis 2's) gives a client of the same pool on one
 * connection, used as `async with redis.client() as conn:`; the commands sent on it are the Redis client's.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe("redis-py's single-connection client()", () => {
  it('redis.asyncio, an injected client: INCR then EXPIRE on its client()', () => {
    const code = sourceLines(
      'from redis.asyncio import Redis',
      '',
      '',
      'class Limiter:',
      '    def __init__(self, redis: Redis) -> None:',
      '        self._redis = redis',
      '',
      '    async def hit(self, key: str, seconds: int) -> int:',
      '        async with self._redis.client() as conn:',
      '            count = await conn.incr(key)',
      '            if count == 1:',
      '                await conn.expire(key, seconds)',
      '        return count',
    );
    assert.deepEqual(findingsIn('limiter.py', code), ['10:incr redis-expire!']);
  });

  it('redis-py, a module-level client: client() then KEYS', () => {
    const code = sourceLines(
      'import redis',
      '',
      'cache = redis.Redis(host="cache.internal", port=6379)',
      '',
      '',
      'def stale():',
      '    with cache.client() as conn:',
      '        return conn.keys("session:*")',
    );
    assert.deepEqual(findingsIn('cache.py', code), ['8:keys redis-keys!']);
  });

  it('trap: client() of something that is not a Redis client', () => {
    const code = sourceLines(
      'import httpx',
      '',
      '',
      'async def fetch(pool: httpx.AsyncClient) -> list:',
      '    async with pool.client() as conn:',
      '        return await conn.keys("x")',
    );
    assert.deepEqual(findingsIn('fetch.py', code), []);
  });
});
