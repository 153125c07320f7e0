/**
 * node-redis 3 as services wrote it before promises: a client made where the library is required
 * (`const redis = require('redis').createClient(url)`), commands that take a callback after their arguments
 * (`redis.lrange(key, 0, -1, (err, items) => ...)`), and commands promisified one by one
 * (`const zrange = promisify(redis.zrange.bind(redis))`). A project module's member called where it is
 * required, a page of a list and a callback passed by name stay as they were.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('node-redis 3 callback-style services', () => {
  it("reads a client library's factory called where the library is required as the client it makes", () => {
    const code = sourceLines(
      "const redis = require('redis').createClient(process.env.REDIS_URL);",
      "const cache = require('ioredis').createClient();",
      "const settings = require('./settings').load();",
      '',
      'function purge(prefix, done) {',
      '  redis.keys(`${prefix}*`, done);',
      '}',
      '',
      'function flush() {',
      '  return cache.flushall();',
      '}',
      '',
      'function channels() {',
      '  return settings.keys();',
      '}',
      '',
      'module.exports = { purge, flush, channels };',
    );
    const found = hintsIn('cache.js', code);
    for (const hint of ['6:keys redis-keys!', '10:flushall redis-flush!']) {
      assert.ok(found.includes(hint), `${hint} in ${found.join(', ')}`);
    }
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('14:')),
      [],
      "a settings object a project module's function loads is no client",
    );
  });

  it('keeps `require(lib)` alone an import of the library, and its factory called later a client', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      'const client = redis.createClient(6379, process.env.CACHE_HOST);',
      '',
      'function purge(prefix, done) {',
      '  client.keys(`${prefix}*`, done);',
      '}',
      '',
      'module.exports = { purge };',
    );
    assert.ok(hintsIn('cache.js', code).includes('5:keys redis-keys!'));
  });

  it('reads LRANGE and ZRANGE from 0 to -1 with a callback after the indexes as the whole list or sorted set', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      'const client = redis.createClient(process.env.REDIS_URL);',
      '',
      'function history(deal, callback) {',
      '  client.lrange(`history-${deal}`, 0, -1, (err, entries) => callback(err, entries));',
      '  client.zrange(`deals-${deal}`, 0, -1, function (err, ids) {',
      '    callback(err, ids);',
      '  });',
      '  client.lrange(`audit-${deal}`, 0, -1, async (err) => callback(err));',
      '  client.lrange(`recent-${deal}`, 0, 19, (err, entries) => callback(err, entries));',
      '}',
      '',
      'module.exports = { history };',
    );
    const ranges = hintsIn('history.js', code).filter((hint) => hint.endsWith(' redis-collection-read'));
    assert.deepEqual(ranges, ['5:lrange redis-collection-read', '6:zrange redis-collection-read', '9:lrange redis-collection-read']);
  });

  it('reads a promisified ZRANGE from 0 to -1 as the whole sorted set, and a page of it as nothing', () => {
    const code = sourceLines(
      "const { promisify } = require('util');",
      "const redis = require('redis');",
      'const client = redis.createClient(process.env.REDIS_URL);',
      'const zrange = promisify(client.zrange.bind(client));',
      'const lrange = promisify(client.lrange).bind(client);',
      '',
      'async function tasksOf(deal) {',
      '  const all = await zrange(`tasks-${deal}`, 0, -1);',
      '  const latest = await lrange(`log-${deal}`, 0, 9);',
      '  return { all, latest };',
      '}',
      '',
      'module.exports = { tasksOf };',
    );
    const ranges = hintsIn('tasks.js', code).filter((hint) => hint.endsWith(' redis-collection-read'));
    assert.deepEqual(ranges, ['8:zrange redis-collection-read']);
  });
});
