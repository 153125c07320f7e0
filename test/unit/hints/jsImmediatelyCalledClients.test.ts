/**
 * A client held through a function expression called where it is written (`const ready = (async () => { await
 * client.connect(); return client; })()`), the shape a module uses to connect a node-redis client once and share
 * the promise: `await ready` (also through a getter that awaits it) is the client. A call with arguments, a function
 * that returns in two places and one that returns something else give nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['redis-collection-read', 'redis-unlink', 'redis-keys'];

describe('JavaScript: a client an immediately called function returns', () => {
  it('reads `await ready` and a getter that awaits it as the client the function returns', () => {
    const code = sourceLines(
      "import { createClient } from 'redis';", // 1
      'const raw = createClient({ url: process.env.REDIS_URL });',
      'export const ready = (async () => {',
      '  await raw.connect();',
      '  return raw;',
      '})();',
      'const getClient = async () => {',
      '  return await ready;',
      '};',
      'export async function members(key: string) {', // 10
      '  const c = await ready;',
      '  return c.hGetAll(key);',
      '}',
      'export async function drop(key: string) {',
      '  const c = await getClient();',
      '  await c.del(key);',
      '}',
      'export const made = (function () {',
      "  const own = createClient();",
      '  return own;', // 20
      '})();',
      'export async function find() {',
      '  const c = await made;',
      "  return c.keys('user:*');",
      '}',
    );
    assert.deepEqual(hintsOfRules('cache.ts', code, RULES), ['12:hGetAll redis-collection-read', '16:del redis-unlink', '24:keys redis-keys', '24:keys redis-keys!']);
  });

  it('gives nothing for a call with arguments, two returns, or a function that returns something else', () => {
    const code = sourceLines(
      "import { createClient } from 'redis';", // 1
      'const raw = createClient();',
      'const withArgument = ((c) => c)(raw);',
      'const either = (async () => {',
      '  if (process.env.X) {',
      '    return raw;',
      '  }',
      '  return null;',
      '})();',
      'const settings = (() => ({ ttl: 60 }))();', // 10
      'export async function use(key: string) {',
      '  await (await either).hGetAll(key);',
      '  await withArgument.hGetAll(key);',
      '  await settings.hGetAll(key);',
      '}',
    );
    assert.deepEqual(hintsOfRules('cache.ts', code, RULES), []);
  });
});
