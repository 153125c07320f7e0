/**
 * ioredis's static `Redis.createClient(...)` makes a client as `new Redis(...)` does ("included for compatibility
 * with node-redis"), whatever the name the class is imported under; its options and commands get the Redis hovers,
 * also when another module's factory returns it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

describe('ioredis Redis.createClient', () => {
  it('reads the client and its options, required or imported under any name', () => {
    const required = sourceLines(
      "const Cache = require('ioredis');",
      "const client = Cache.createClient({ host: process.env.CACHE_HOST, password: 'letmein' });",
      "client.hgetall('rooms');",
    );
    assert.deepEqual(hintsIn('cache.js', required), [
      '2:createClient redis-tls',
      '2:password redis-password',
      '2:password redis-auth-without-tls',
      '3:hgetall redis-collection-read',
      '2:password redis-auth-without-tls!',
      "2:'letmein' redis-password!",
    ]);
    const imported = sourceLines(
      "import { Redis as Store } from 'ioredis';",
      'const client = Store.createClient({ host: process.env.CACHE_HOST, tls: {} });',
      "client.smembers('online');",
    );
    assert.deepEqual(hintsIn('cache.ts', imported), ['2:tls redis-tls', '3:smembers redis-collection-read']);
  });

  it('follows the client a factory of another module returns into a constructor function', () => {
    const files = {
      'src/redisClient.js': sourceLines(
        "const Redis = require('ioredis');",
        'module.exports.getClient = () => Redis.createClient({ host: process.env.REDIS_HOST });',
      ),
      'src/lib/Rooms.js': sourceLines(
        "const redisClient = require('../redisClient');",
        'function Rooms() {',
        '  this.client = redisClient.getClient();',
        '}',
        'Rooms.prototype.list = function (callback) {',
        "  this.client.hgetall('rooms', callback);",
        '};',
        'module.exports = new Rooms();',
      ),
    };
    assert.deepEqual(hintsOfFile(files, 'src/lib/Rooms.js'), ['6:hgetall redis-collection-read']);
  });

  it('leaves a createClient of another library and a same-named static of a project class alone', () => {
    const code = sourceLines(
      "const Redis = require('./fakeRedis');",
      "const Pool = require('generic-pool');",
      "const client = Redis.createClient({ host: 'localhost' });",
      'const pool = Pool.createPool({ create: () => client });',
      "client.hgetall('rooms');",
    );
    assert.deepEqual(hintsIn('local.js', code), []);
  });
});
