/**
 * A Redis command sent on a client that an async getter hands out, written in parentheses and awaited as a
 * whole: `await (await getClient()).del(key)` waits for its reply as `await client.del(key)` does, so in a
 * loop it costs one round trip per key (node-redis v4 adapters whose getter connects the client it makes).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('Redis commands on a client in parentheses that a getter hands out', () => {
  const adapter = (...body: string[]): string =>
    sourceLines(
      "import { createClient } from 'redis';",
      '',
      'const client = async () => {',
      '  const c = createClient({ url: process.env.REDIS_URL });',
      '  await c.connect();',
      '  return c;',
      '};',
      '',
      ...body,
    );

  it('reports an awaited command per key in an indexed loop and in a for-of loop', () => {
    const code = adapter(
      'export const clearWorkshop = async (workshop: string) => {',
      '  const keys = await (await client()).keys(`${workshop}:*`);',
      '  for (let i = 0; i < keys.length; i++) {',
      '    await (await client()).del(keys[i]);',
      '  }',
      '};',
      '',
      'export const seenAll = async (ids: string[]) => {',
      '  for (const id of ids) {',
      '    if (!(await (await client()).exists(`seen:${id}`))) return false;',
      '  }',
      '  return true;',
      '};',
    );
    assert.deepEqual(findingsIn('src/workshop/redisAdapter.ts', code), ['10:keys redis-keys!', '12:del redis-loop-round-trips!', '18:exists redis-loop-round-trips!']);
  });

  it('says nothing for commands started together, a batch spread, or a call the loop leaves after', () => {
    const code = adapter(
      'export const clearAll = async (keys: string[]) => {',
      '  await Promise.all(keys.map((key) => (client()).then((c) => c.del(key))));',
      '  await (await client()).del(...keys);',
      '};',
      '',
      'export const firstCached = async (ids: string[]) => {',
      '  for (const id of ids) {',
      '    const hit = await (await client()).get(`user:${id}`);',
      '    return hit;',
      '  }',
      '  return null;',
      '};',
      '',
      'export const touchAll = async (ids: string[]) => {',
      '  for (const id of ids) {',
      '    (await client()).expire(`user:${id}`, 60);',
      '  }',
      '};',
    );
    assert.deepEqual(findingsIn('src/workshop/redisAdapter.ts', code), []);
  });
});
