/**
 * JavaScript test support that the test framework reaches by name: a set-up or tear-down declared as a function
 * of the file and handed to `beforeEach(wipe)` / `afterAll(close)` is set-up code, so `redis-keys` and
 * `redis-flush` say nothing there (the hovers stay), as they say nothing in `beforeEach(async () => ...)`. A
 * function whose body opens by refusing to run outside tests (`if (!isTest) throw ...`, `if
 * (process.env.NODE_ENV !== 'test') throw ...`) is test support too, whatever module it is in. A function of
 * the same file that no test call is handed, a guard that throws in tests, or one that also needs another
 * condition keeps its finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findingsOn(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`) && hint.endsWith('!'));
}

describe('Redis test support reached by name or guarded for tests', () => {
  it('silences a KEYS in a wipe function handed to beforeEach and afterEach by name, not in a helper no test call gets', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { describe, beforeEach, afterEach, it } from 'vitest';",
      '',
      'const redis = new Redis(process.env.REDIS_URL!);',
      '',
      'const clearLanes = async (): Promise<void> => {',
      "  const stale = await redis.keys('lane:*');",
      '  if (stale.length) await redis.del(...stale);',
      '};',
      '',
      'async function countLanes() {',
      "  return (await redis.keys('lane:*')).length;",
      '}',
      '',
      "describe('lanes', () => {",
      '  beforeEach(clearLanes);',
      '  afterEach(clearLanes);',
      "  it('claims a lane', async () => {",
      "    await redis.set('lane:a', 'job-1');",
      '    await countLanes();',
      '  });',
      '});',
    );
    const found = hintsIn('src/lanes/lanes.test.ts', code);
    assert.deepEqual(findingsOn(found, 7), [], found.join('\n'));
    assert.ok(found.includes('7:keys redis-keys'), found.join('\n'));
    assert.deepEqual(findingsOn(found, 12), ['12:keys redis-keys!'], found.join('\n'));
  });

  it('silences FLUSHALL in a helper that throws unless it runs under tests, by a flag or by NODE_ENV', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      "const isTest = process.env.NODE_ENV === 'test';",
      'const client = new Redis(process.env.REDIS_URL!);',
      '',
      'export const resetCache = async (): Promise<void> => {',
      "  if (!isTest) throw new Error('resetCache() is for tests only');",
      '  await client.flushall();',
      '};',
      '',
      'export async function resetAll() {',
      "  if (process.env.NODE_ENV !== 'test') {",
      "    throw new Error('tests only');",
      '  }',
      '  await client.flushdb();',
      '}',
    );
    const found = hintsIn('packages/cache/src/client.ts', code);
    assert.deepEqual(findingsOn(found, 8), [], found.join('\n'));
    assert.deepEqual(findingsOn(found, 15), [], found.join('\n'));
    assert.ok(found.includes('8:flushall redis-flush'), found.join('\n'));
  });

  it('keeps FLUSHALL where the guard throws in tests or needs a second condition', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      "const isTest = process.env.NODE_ENV === 'test';",
      'const client = new Redis(process.env.REDIS_URL!);',
      '',
      'export async function purgeProduction() {',
      "  if (isTest) throw new Error('not under tests');",
      '  await client.flushall();',
      '}',
      '',
      'export async function purgeUnlessForced() {',
      "  if (process.env.NODE_ENV !== 'test' && !process.env.FORCE_PURGE) throw new Error('refused');",
      '  await client.flushall();',
      '}',
    );
    const found = hintsIn('packages/cache/src/purge.ts', code);
    assert.deepEqual(findingsOn(found, 8), ['8:flushall redis-flush!'], found.join('\n'));
    assert.deepEqual(findingsOn(found, 13), ['13:flushall redis-flush!'], found.join('\n'));
  });
});
