/**
 * JavaScript: a promise made by hand that resolves with a client (`new Promise((resolve) => { const c = new Redis(...);
 * resolve(c); })`) is that client once awaited, as an async function's result is: its commands get their hovers.
 * Silent: a promise that resolves with something else, or with two different values.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const CACHE = sourceLines(
  "const Redis = require('ioredis');",
  '',
  'const getConnection = () => (',
  '  new Promise((resolve, reject) => {',
  '    const client = new Redis({ host: process.env.REDIS_HOST, port: 6379 });',
  "    client.on('error', reject);",
  '    resolve(client);',
  '  })',
  ');',
  '',
  'module.exports.sessions = async () => {',
  '  const client = await getConnection();',
  "  return client.keys('session:*');", // 13
  '};',
);

describe('JavaScript: promises made by hand that resolve with a client', () => {
  it('reads what the promise resolves with as the awaited client', () => {
    assert.ok(hintsIn('lib/cache.js', CACHE).includes('13:keys redis-keys!'));
  });

  it('keeps quiet where the promise resolves with something else or with two different values', () => {
    const other = CACHE.replace('    resolve(client);', '    resolve({ ready: true });');
    assert.deepEqual(hintsIn('lib/cache.js', other).filter((hint) => hint.startsWith('13:')), []);
    const two = CACHE.replace('    resolve(client);', "    if (process.env.OTHER) { resolve(new Map()); }\n    resolve(client);");
    assert.deepEqual(hintsIn('lib/cache.js', two).filter((hint) => hint.startsWith('14:')), []);
  });
});
