/**
 * redis-py hands the query parameters of a `from_url` URL that it does not parse itself to the connection:
 * `rediss://...?ssl_cert_reqs=none` turns certificate verification off as `ssl_cert_reqs=None` does.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));

describe('ssl_cert_reqs in a redis-py URL', () => {
  it('is read in a URL written out, an f-string, and the literal an environment URL is joined with', () => {
    const cache = sourceLines(
      'import os',
      'import redis',
      'import redis.asyncio as aioredis',
      '',
      'sessions = redis.from_url("rediss://sessions.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0?ssl_cert_reqs=none")',
      '',
      'def queue_client():',
      '    return redis.Redis.from_url(os.environ["QUEUE_URL"] + "?ssl_cert_reqs=none")',
      '',
      'async def rate_limiter(host: str):',
      '    return aioredis.from_url(f"rediss://{host}:6379/1?health_check_interval=30&ssl_cert_reqs=none")',
    );
    assert.deepEqual(findings('app/cache.py', cache), ['5:ssl_cert_reqs redis-tls!', '8:ssl_cert_reqs redis-tls!', '11:ssl_cert_reqs redis-tls!']);
  });

  it('reads nothing from a verified URL, a plain redis:// one, a parameter given twice, or a JavaScript client\'s URL', () => {
    const cache = sourceLines(
      'import os',
      'import redis',
      '',
      'verified = redis.from_url("rediss://cache.internal:6379/0?ssl_cert_reqs=required")',
      'plain = redis.from_url("redis://" + os.environ["REDIS_HOST"] + "?ssl_cert_reqs=none")',
      'twice = redis.from_url(os.environ["REDIS_URL"] + "?ssl_cert_reqs=none&ssl_cert_reqs=required")',
    );
    assert.deepEqual(findings('app/cache.py', cache), []);
    const ioredis = sourceLines("import Redis from 'ioredis';", "export const redis = new Redis('rediss://cache.internal:6379/0?ssl_cert_reqs=none');");
    assert.deepEqual(findings('src/cache.ts', ioredis).filter((hint) => hint.includes('redis-tls')), []);
  });
});
