/**
 * A set, sorted set or list written (SADD, ZADD, LPUSH, RPUSH) then given its TTL by an EXPIRE of its own, as
 * HSET already is: the first write creates the key with no TTL. Traps: both queued in MULTI or a pipeline,
 * an EXPIRE of another key, a write in another branch.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-expire!'));

describe('a collection write, then EXPIRE of the same key', () => {
  it('TypeScript: a user-sessions set and a recent-items list, each given their TTL apart', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL);',
      'export async function addSession(userId: string, sessionId: string, ttl: number) {',
      '  const key = `user_sessions:${userId}`;',
      '  await redis.sadd(key, sessionId);',
      '  await redis.expire(key, ttl);',
      '}',
      'export async function remember(userId: string, item: string) {',
      '  await redis.lpush(`recent:${userId}`, item);',
      '  await redis.expire(`recent:${userId}`, 3600);',
      '}',
      'export async function score(board: string, player: string, points: number) {',
      '  await redis.zadd(board, points, player);',
      '  await redis.expire(board, 86400);',
      '}',
    );
    assert.deepEqual(findings('sessions.ts', code), ['5:sadd redis-expire!', '9:lpush redis-expire!', '13:zadd redis-expire!']);
  });

  it('stays silent for writes queued with their EXPIRE, another key, and a write in another branch', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL);',
      'export async function addSession(userId: string, sessionId: string, ttl: number) {',
      '  const key = `user_sessions:${userId}`;',
      '  await redis.multi().sadd(key, sessionId).expire(key, ttl).exec();',
      '  const pipe = redis.pipeline();',
      '  pipe.rpush(`log:${userId}`, sessionId);',
      '  pipe.expire(`log:${userId}`, ttl);',
      '  await pipe.exec();',
      '  await redis.sadd(key, sessionId);',
      '  await redis.expire(`seen:${userId}`, ttl);',
      '  if (ttl > 0) {',
      '    await redis.zadd(`z:${userId}`, Date.now(), sessionId);',
      '  } else {',
      '    await redis.expire(`z:${userId}`, 60);',
      '  }',
      '}',
    );
    assert.deepEqual(findings('sessions.ts', code), []);
  });
});
