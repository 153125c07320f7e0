/**
 * node-redis 2 and 3 and ioredis take a callback as the last argument. A write that gives its key no TTL and
 * sends the EXPIRE from its own callback (`client.hmset(key, fields, () => client.expire(key, 600))`) is still
 * two commands, so `redis-expire` reports it; a callback is no TTL argument of a SET. A SET with `EX`, an
 * EXPIRE of another key, and an EXPIRE in the callback of another call stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-expire!'));

describe('SET or HSET, then EXPIRE from the write callback', () => {
  it('reports a hash write and a lock whose EXPIRE runs in the write callback', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      'const client = redis.createClient();',
      '',
      'function savePrices(gameId, prices, done) {',
      "  client.hmset('prices:' + gameId, prices, function (err) {",
      "    if (!err) client.expire('prices:' + gameId, 600);",
      '    done(err);',
      '  });',
      '}',
      '',
      'function lock(name, done) {',
      "  client.set('lock:' + name, process.pid, (err) => {",
      "    client.expire('lock:' + name, 30, done);",
      '  });',
      '}',
    );
    assert.deepEqual(findings('prices.js', code), ['5:hmset redis-expire!', '12:set redis-expire!']);
  });

  it('traps: a SET with EX, another key, and an EXPIRE in the callback of another call (setTimeout)', () => {
    const code = sourceLines(
      "const Redis = require('ioredis');",
      'const redis = new Redis(process.env.REDIS_URL);',
      '',
      'function touch(name, done) {',
      "  redis.set('seen:' + name, '1', 'EX', 60, (err) => redis.expire('seen:' + name, 120, done));",
      "  redis.set('a:' + name, '1', () => redis.expire('b:' + name, 30));",
      "  redis.hset('h:' + name, 'f', 'v', () => redis.expire('h:' + name, 30));",
      "  redis.hset('g:' + name, 'f', 'v');",
      "  setTimeout(() => redis.expire('g:' + name, 30), 10);",
      '}',
    );
    assert.deepEqual(findings('touch.js', code), ['7:hset redis-expire!'], 'only the hash write whose own callback expires it');
  });
});
