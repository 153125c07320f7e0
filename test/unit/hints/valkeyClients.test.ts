/**
 * Redis-compatible client libraries read as the client they wrap or fork: valkey-py (`valkey.Valkey`,
 * `valkey.asyncio`), aioredis 2 (redis-py's asyncio API), Flask-Redis (`FlaskRedis(app)` hands every
 * attribute to its redis-py client) and iovalkey (Valkey's fork of ioredis); `valkeys://` is a TLS URL.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function includesAll(fileName: string, code: string, expected: readonly string[]): void {
  const found = hintsIn(fileName, code);
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

describe('Valkey and other Redis-compatible client libraries', () => {
  it('reads valkey-py, its asyncio client, aioredis 2 and Flask-Redis as redis-py clients', () => {
    const code = sourceLines(
      'import aioredis',
      'import valkey',
      'from flask_redis import FlaskRedis',
      'from valkey.asyncio import Valkey',
      'vk = valkey.Valkey(host="cache", password="hunter2-secret")',
      'store = FlaskRedis()',
      'def purge():',
      '    return vk.keys("*"), store.keys("sess:*")',
      'async def apurge():',
      '    a = Valkey.from_url("valkey://cache")',
      '    b = await aioredis.from_url("redis://cache")',
      '    return await a.keys("*"), await b.keys("*")',
    );
    includesAll('cache.py', code, ['8:keys redis-keys!', '8:keys redis-keys!', '12:keys redis-keys!', '5:"hunter2-secret" redis-password!', '5:password redis-auth-without-tls!']);
    assert.equal(hintsIn('cache.py', code).filter((hint) => hint === '8:keys redis-keys!').length, 2);
    assert.equal(hintsIn('cache.py', code).filter((hint) => hint === '12:keys redis-keys!').length, 2);
  });

  it('reads iovalkey as ioredis, with its TLS options, and a valkeys:// URL as TLS', () => {
    const js = sourceLines(
      "import Valkey from 'iovalkey';",
      "const valkey = new Valkey({ host: 'cache', tls: { rejectUnauthorized: false } });",
      "export const purge = () => valkey.keys('sess:*');",
    );
    includesAll('cache.ts', js, ['2:rejectUnauthorized redis-tls!', '3:keys redis-keys!']);
    const withTls = sourceLines('import valkey', 'client = valkey.from_url("valkeys://:hunter2-secret@cache:6379/0")');
    const plain = sourceLines('import valkey', 'client = valkey.from_url("valkey://:hunter2-secret@cache:6379/0")');
    const authWithoutTls = (code: string) => hintsIn('cache.py', code).some((hint) => hint.includes('redis-auth-without-tls!'));
    assert.equal(authWithoutTls(withTls), false);
    assert.equal(authWithoutTls(plain), true);
  });

  it('stays silent for look-alike names of other libraries', () => {
    const code = sourceLines('from cache_lib import Valkey', 'v = Valkey()', 'v.keys("*")');
    assert.deepEqual(hintsIn('other.py', code), []);
  });
});
