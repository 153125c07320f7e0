/**
 * EXPIREAT and PEXPIREAT set a key's TTL as a command of their own, as EXPIRE and PEXPIRE do: a SET without
 * a TTL or an INCR followed by one of them leaves the key without expiry if the client fails in between.
 * Sent together in MULTI/EXEC they are fine.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const expireFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-expire!'));

describe('SET or INCR followed by EXPIREAT or PEXPIREAT', () => {
  it('ioredis: INCR then PEXPIREAT and SET then EXPIREAT are reported; the same in MULTI is not', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function hit(key: string, resetAt: number): Promise<number> {',
      '  const hits = await redis.incr(key);',
      '  await redis.pexpireat(key, resetAt);',
      '  return hits;',
      '}',
      'export async function mark(key: string, at: number): Promise<void> {',
      "  await redis.set(key, '1');",
      '  await redis.expireat(key, at);',
      '}',
      'export async function hitTogether(key: string, resetAt: number): Promise<void> {',
      '  await redis.multi().incr(key).pexpireat(key, resetAt).exec();',
      '}',
    );
    assert.deepEqual(expireFindings('window.ts', code), ['4:incr redis-expire!', '9:set redis-expire!']);
  });

  it('redis-py and go-redis: a counter or value whose absolute expiry follows as a second command', () => {
    const python = sourceLines(
      'import redis',
      'r = redis.Redis(host="cache")',
      'def hit(key, reset_at):',
      '    hits = r.incr(key)',
      '    r.expireat(key, reset_at)',
      '    return hits',
    );
    assert.deepEqual(expireFindings('window.py', python), ['4:incr redis-expire!']);
    const go = sourceLines(
      'package window',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func Hit(ctx context.Context, rdb *redis.Client, key string, resetAt time.Time) (int64, error) {',
      '\thits, err := rdb.Incr(ctx, key).Result()',
      '\tif err != nil {',
      '\t\treturn 0, err',
      '\t}',
      '\trdb.ExpireAt(ctx, key, resetAt)',
      '\treturn hits, nil',
      '}',
    );
    assert.deepEqual(expireFindings('window.go', go), ['11:Incr redis-expire!']);
  });
});
