/**
 * JavaScript and TypeScript: a command given a whole array (a `.map(...)` of a page, the keys a SCAN page
 * returned) inside a loop that repeats until a condition (a cursor loop, a loop over an API's pages) is one
 * command per page, not one per key, so it gets no round-trip finding. The same command per element of a
 * list, and a single key taken by index in such a loop, keep it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const loopFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-loop-round-trips!'));

describe('Redis commands given a whole page in a cursor or page loop', () => {
  it('ioredis: SADD of a mapped page in a do/while over API pages, UNLINK of a SCAN page, keys from Object.keys', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function sync(fetchPage: (offset: number) => Promise<{ rows: { id: string }[] }>): Promise<void> {',
      '  let rows: { id: string }[] = [];',
      '  do {',
      "    const offset = await redis.scard('seen');",
      '    rows = (await fetchPage(offset)).rows;',
      "    await redis.sadd('seen', rows.map((row) => row.id));",
      '  } while (rows.length);',
      '}',
      'export async function clear(prefix: string): Promise<void> {',
      "  let cursor = '0';",
      '  do {',
      "    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);",
      '    cursor = next;',
      '    if (keys.length) {',
      '      await redis.unlink([...keys]);',
      '    }',
      "  } while (cursor !== '0');",
      '}',
      'export async function expireAll(load: () => Promise<Record<string, number>>): Promise<void> {',
      '  let more = true;',
      '  while (more) {',
      '    const stale = await load();',
      '    const ids = Object.keys(stale);',
      '    await redis.del(ids);',
      '    more = ids.length > 0;',
      '  }',
      '}',
    );
    assert.deepEqual(loopFindings('pages.ts', code), []);
  });

  it('node-redis: DEL of the keys a `{ cursor, keys }` SCAN reply holds, in a while loop', () => {
    const code = sourceLines(
      "import { createClient } from 'redis';",
      'const client = createClient({ url: process.env.REDIS_URL });',
      'export async function purge(pattern: string): Promise<void> {',
      '  let cursor = 0;',
      '  while (true) {',
      '    const { cursor: next, keys } = await client.scan(cursor, { MATCH: pattern, COUNT: 200 });',
      '    if (keys.length) {',
      '      await client.del(keys);',
      '    }',
      '    if (next === 0) {',
      '      break;',
      '    }',
      '    cursor = next;',
      '  }',
      '}',
    );
    assert.deepEqual(loopFindings('purge.ts', code), []);
  });

  it('keeps the finding for an array per element, a key by index in a do/while loop, and one key drawn each round', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function tag(users: { id: string; roles: string[] }[]): Promise<void> {',
      '  for (const user of users) {',
      '    await redis.sadd(`user:${user.id}:roles`, user.roles.map((role) => role.toLowerCase()));',
      '  }',
      '}',
      'export async function drop(keys: string[]): Promise<void> {',
      '  let index = 0;',
      '  do {',
      '    await redis.del(keys[index]);',
      '    index += 1;',
      '  } while (index < keys.length);',
      '}',
      'export async function late(next: () => Promise<string | undefined>): Promise<void> {',
      '  let key = await next();',
      '  while (key) {',
      '    await redis.del(key);',
      '    key = await next();',
      '  }',
      '}',
    );
    assert.deepEqual(loopFindings('per-key.ts', code), ['5:sadd redis-loop-round-trips!', '11:del redis-loop-round-trips!', '18:del redis-loop-round-trips!']);
  });
});
