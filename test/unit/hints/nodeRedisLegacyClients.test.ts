/**
 * node-redis 2 and 3 as older Express apps and Lambdas write them: a client given its server by position
 * (`createClient(port, host, options)`, also ioredis's `new Redis(port, host, options)`), the older `auth_pass`, a
 * connect-redis 3 store that opens its own client from `host`, `port` and `pass`, a URL a constant holds, and an
 * object of promisified commands exported by a module that imports the client from another.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

describe('node-redis 2 and 3 clients', () => {
  it('reads the host given by position, and tells a remote one from localhost and a Compose service', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      'const remote = redis.createClient(process.env.REDIS_PORT, process.env.REDIS_HOST, { password: process.env.REDIS_PASSWORD });',
      "const local = redis.createClient(6379, 'localhost', { password: process.env.REDIS_PASSWORD });",
      "const compose = redis.createClient(6379, 'cache');",
      'const older = redis.createClient(6379, process.env.REDIS_HOST, { auth_pass: process.env.REDIS_PASSWORD }, (err) => console.log(err));',
      'const secured = redis.createClient(6379, process.env.REDIS_HOST, { password: process.env.PW, tls: { servername: process.env.REDIS_HOST } });',
    );
    assert.deepEqual(hintsIn('cache.js', code), [
      '2:createClient redis-tls',
      '2:password redis-password',
      '2:password redis-auth-without-tls',
      '3:password redis-password',
      '5:createClient redis-tls',
      '5:auth_pass redis-password',
      '5:auth_pass redis-auth-without-tls',
      '6:password redis-password',
      '6:tls redis-tls',
      '2:password redis-auth-without-tls!',
      '5:auth_pass redis-auth-without-tls!',
    ]);
  });

  it('reads ioredis given a port and host, and leaves a cluster node list alone', () => {
    const code = sourceLines(
      "const Redis = require('ioredis');",
      'const one = new Redis(Number(process.env.REDIS_PORT), process.env.REDIS_HOST, { password: process.env.PW });',
      'const many = new Redis.Cluster([{ host: process.env.NODE_HOST, port: 6379 }], clusterOptions);',
    );
    assert.deepEqual(hintsIn('cache.js', code), ['2:Redis redis-tls', '2:password redis-password', '2:password redis-auth-without-tls', '2:password redis-auth-without-tls!']);
  });

  it('reads the client a connect-redis 3 store opens, and not a store given a client', () => {
    const code = sourceLines(
      "const session = require('express-session');",
      "const RedisStore = require('connect-redis')(session);",
      "const connectRedis = require('connect-redis');",
      'const Store = connectRedis(session);',
      'const own = new RedisStore({ host: process.env.SESSION_HOST, port: 6379, pass: process.env.SESSION_PASS });',
      "const local = new Store({ host: 'localhost', pass: 'devpass' });",
      "const given = new Store({ client: sharedClient, host: process.env.SESSION_HOST, pass: 'x' });",
    );
    assert.deepEqual(hintsIn('session.js', code), [
      '5:RedisStore redis-tls',
      '5:pass redis-password',
      '5:pass redis-auth-without-tls',
      '6:pass redis-password',
      '5:pass redis-auth-without-tls!',
      "6:'devpass' redis-password!",
    ]);
  });

  it('reads a Redis URL a constant holds as if written in the call', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      "const CACHE_URL = 'redis://:s3cret@cache.example.net:6380';",
      "const LOCAL_URL = 'redis://localhost:6379';",
      'const remote = redis.createClient(CACHE_URL);',
      'const local = redis.createClient(LOCAL_URL);',
    );
    assert.deepEqual(hintsIn('cache.js', code), ['2:s3cret redis-password', '2:s3cret redis-auth-without-tls', '2:s3cret redis-auth-without-tls!', '2:s3cret redis-password!']);
  });

  it('follows promisified commands a module exports over a client it imports', () => {
    const files = {
      'lib/client.js': sourceLines("const redis = require('redis');", 'module.exports = redis.createClient(process.env.REDIS_URL);'),
      'lib/commands.js': sourceLines(
        "const { promisify } = require('util');",
        "const fs = require('fs');",
        "const store = require('./client');",
        'module.exports = {',
        '  names: promisify(store.keys).bind(store),',
        '  members: promisify(store.smembers).bind(store),',
        '  read: promisify(fs.readFile),',
        '};',
      ),
      'routes/rooms.js': sourceLines(
        "const commands = require('../lib/commands');",
        'async function rooms() {',
        "  const names = await commands.names('room:*');",
        "  const members = await commands.members('lobby');",
        "  const page = await commands.read('rooms.html');",
        '  return { names, members, page };',
        '}',
        'module.exports = rooms;',
      ),
    };
    assert.deepEqual(hintsOfFile(files, 'routes/rooms.js'), ['3:names redis-keys', '3:names redis-keys!', '4:members redis-collection-read']);
    assert.deepEqual(hintsOfFile(files, 'lib/commands.js'), []);
  });
});
