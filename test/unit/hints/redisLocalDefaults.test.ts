/**
 * A Redis password sent without TLS crosses the network only when the client connects elsewhere: node-redis and
 * ioredis clients made with an options object alone that names no host, URL or socket connect to their library's
 * default, localhost, as a client that writes `host: '127.0.0.1'` does, and a client on a Unix socket never leaves
 * the machine. A host in the options, a cluster's or sentinels' nodes, and a queue's connection (an object the
 * queue hands to ioredis, not read as the call's only argument) keep the finding, as does a redis-py client, whose
 * URL may come positionally.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['redis-auth-without-tls'];

describe('Redis passwords on local connections', () => {
  it('finds nothing for node-redis and ioredis clients on their default host or a Unix socket', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      "const Redis = require('ioredis');",
      '',
      'const votes = redis.createClient({ password: process.env.REDIS_PASSWORD });',
      'const sessions = new Redis({ port: 6379, db: 2, password: process.env.REDIS_PASSWORD });',
      "const local = new Redis({ path: '/var/run/redis/redis.sock', password: process.env.REDIS_PASSWORD });",
      "const named = redis.createClient({ host: '127.0.0.1', password: process.env.REDIS_PASSWORD });",
      '',
      'module.exports = { votes, sessions, local, named };',
    );
    assert.deepEqual(hintsOfRules('clients.js', code, RULES), []);
  });

  it('keeps the finding where the options or the nodes name a host, and for a queue\'s connection', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      "const Redis = require('ioredis');",
      "const { Queue } = require('bullmq');",
      '',
      'const a = redis.createClient({ host: process.env.CACHE_HOST, password: process.env.REDIS_PASSWORD });',
      'const c = new Redis.Cluster([{ host: process.env.CACHE_HOST }], { redisOptions: { password: process.env.REDIS_PASSWORD } });',
      'const d = new Redis({ sentinels: [{ host: process.env.SENTINEL }], name: "main", password: process.env.REDIS_PASSWORD });',
      "const e = new Queue('mail', { connection: { password: process.env.REDIS_PASSWORD } });",
      '',
      'module.exports = { a, c, d, e };',
    );
    const lines = hintsOfRules('clients.js', code, RULES)
      .filter((hint) => hint.endsWith('!'))
      .map((hint) => hint.slice(0, hint.indexOf(':')));
    assert.deepEqual(lines, ['5', '6', '7', '8']);
  });

  it('finds nothing for a redis-py client on a Unix socket, and keeps it for one with no host written', () => {
    const code = sourceLines(
      'import os',
      'import redis',
      '',
      'local = redis.Redis(unix_socket_path="/var/run/redis/redis.sock", password=os.environ["REDIS_PASSWORD"])',
      'remote = redis.Redis(password=os.environ["REDIS_PASSWORD"])',
    );
    assert.deepEqual(hintsOfRules('cache.py', code, RULES).filter((hint) => hint.endsWith('!')), ['5:password redis-auth-without-tls!']);
  });
});
