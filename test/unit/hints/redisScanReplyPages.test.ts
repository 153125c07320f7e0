/**
 * A SCAN loop whose reply is held whole (`const result = await client.scan(cursor, ...)`) and whose page of keys is
 * read from it (node-redis `result.keys`, ioredis `result[1]`), directly or through a local: a DEL of that page sends
 * one batch per round, not one command per key. A key of its own deleted in the same loop still is one per round trip.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Redis: the page of a SCAN reply held whole', () => {
  it('reads a DEL of the page as one batch per round', () => {
    const code = sourceLines(
      "import { createClient } from 'redis';", // 1
      "import Redis from 'ioredis';",
      'const client = createClient();',
      'const redis = new Redis();',
      'export async function clear(pattern: string) {',
      "  let cursor = '0';",
      '  do {',
      '    const result = await client.scan(cursor, { MATCH: pattern, COUNT: 100 });',
      '    cursor = result.cursor;',
      '    const keys = result.keys;', // 10
      '    if (keys.length > 0) {',
      '      await client.del(keys);',
      '    }',
      "  } while (cursor !== '0');",
      '}',
      'export async function clearIo(pattern: string) {',
      "  let cursor = '0';",
      '  do {',
      "    const reply = await redis.scan(cursor, 'MATCH', pattern);",
      '    cursor = reply[0];', // 20
      '    await redis.unlink(reply[1]);',
      '    await client.del(pattern);',
      "  } while (cursor !== '0');",
      '}',
    );
    assert.deepEqual(hintsOfRules('cache.ts', code, ['redis-loop-round-trips']), ['22:del redis-loop-round-trips', '22:del redis-loop-round-trips!']);
  });
});
