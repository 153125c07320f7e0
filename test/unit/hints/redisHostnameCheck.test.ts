/**
 * redis-py's `ssl_check_hostname=False`: TLS on, but a certificate issued for any other host is accepted, as
 * Redisson's endpoint identification turned off is. Silent: the check left on, or a value the code computes.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const tlsFindings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('redis-tls!'));

describe('redis-py ssl_check_hostname', () => {
  it('reports the host name check turned off on the sync and asyncio clients and a connection pool', () => {
    const code = sourceLines(
      'import os',
      'import redis',
      'import redis.asyncio as aioredis',
      '',
      'presence = redis.StrictRedis(host=os.environ["REDIS_HOST"], port=6379, ssl=True, ssl_check_hostname=False)',
      'sessions = aioredis.Redis(host=os.environ["REDIS_HOST"], ssl=True, ssl_check_hostname=False, decode_responses=True)',
      'pool = redis.ConnectionPool(host=os.environ["REDIS_HOST"], connection_class=redis.SSLConnection, ssl_check_hostname=False)',
    );
    assert.deepEqual(tlsFindings('presence.py', code), ['5:ssl_check_hostname redis-tls!', '6:ssl_check_hostname redis-tls!', '7:ssl_check_hostname redis-tls!']);
  });

  it('stays silent where the check is on or its value is computed', () => {
    const code = sourceLines(
      'import os',
      'import redis',
      '',
      'CHECK = os.environ.get("REDIS_CHECK_HOSTNAME") == "1"',
      'checked = redis.Redis(host=os.environ["REDIS_HOST"], ssl=True, ssl_check_hostname=True)',
      'configured = redis.Redis(host=os.environ["REDIS_HOST"], ssl=True, ssl_check_hostname=CHECK)',
    );
    assert.deepEqual(tlsFindings('cache.py', code), []);
  });
});
