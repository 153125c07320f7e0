/**
 * `return (await getClient()).keys(pattern)`: a parenthesised receiver after `return` (or `throw`, `yield`) starts
 * the chain, as it does after `=`; `return` is not a function called with it. A Map's `keys()` in the same shape
 * stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('A parenthesised receiver after return', () => {
  it('reads the client a getter gives in JavaScript and Python', () => {
    const ts = sourceLines(
      "import { createClient } from 'redis';", // 1
      'const raw = createClient();',
      'const getClient = async () => raw;',
      'export async function sessions() {',
      "  return (await getClient()).keys('session:*');",
      '}',
      'export function names(index: Map<string, string>) {',
      '  return (index).keys();',
      '}',
    );
    assert.deepEqual(hintsOfRules('sessions.ts', ts, ['redis-keys']), ['5:keys redis-keys', '5:keys redis-keys!']);
    const py = sourceLines(
      'import redis.asyncio as redis', // 1
      '',
      '_client = redis.from_url("redis://localhost")',
      '',
      'async def get_client() -> redis.Redis:',
      '    return _client',
      '',
      'async def sessions():',
      '    return (await get_client()).keys("session:*")',
      '',
      'def names(index):',
      '    return (index).keys()',
    );
    assert.deepEqual(hintsOfRules('sessions.py', py, ['redis-keys']), ['9:keys redis-keys', '9:keys redis-keys!']);
  });
});
