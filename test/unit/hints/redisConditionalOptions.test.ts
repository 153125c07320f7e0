/**
 * Redis client options a condition picks, read one branch at a time: an options argument (in place, held by a name,
 * or returned by a helper), a spread of a condition, a host or URL between two literals, and NestJS microservices'
 * Redis transports. A hover or finding only where a branch the code can take is wrong.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const has = (found: readonly string[], hint: string): boolean => found.includes(hint);

describe('Redis options a condition picks', () => {
  it('reads each branch of an options argument written in place, held by a name, or of a node list', () => {
    const found = hintsIn(
      'cache.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        "const live = process.env.STAGE === 'live';",
        "export const feed = new Redis(live ? { host: process.env.FEED_HOST, port: 6380 } : { host: 'localhost' });",
        "export const safe = new Redis(live ? { host: process.env.FEED_HOST, tls: {} } : { host: 'localhost' });",
        "const lockOpts = live ? { host: process.env.LOCK_HOST, password: process.env.LOCK_SECRET } : { host: '127.0.0.1' };",
        'export const locks = new Redis(lockOpts);',
        "export const ring = new Redis.Cluster(live ? [{ host: process.env.RING_HOST, port: 7000 }] : [{ host: 'localhost', port: 7000 }]);",
        "export const quiet = new Redis(live ? sharedOptions : { host: 'localhost' });",
      ),
    );
    assert.ok(has(found, '3:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '4:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '6:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '5:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(has(found, '7:Cluster redis-tls'), found.join('\n'));
    // A branch the file does not show leaves the client unknown.
    assert.ok(!has(found, '8:Redis redis-tls'), found.join('\n'));
  });

  it('reads a URL argument a condition picks: the environment\'s in one branch, localhost in the other', () => {
    const found = hintsIn(
      'limiter.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        "const live = process.env.STAGE === 'live';",
        "export const limiter = new Redis(live ? process.env.LIMITER_URL! : 'redis://127.0.0.1:6379');",
        "export const dev = new Redis(live ? 'redis://localhost:6380' : 'redis://127.0.0.1:6379');",
        "export const hosted = new Redis(live ? 'redis://:Pl4inText@limits.q8w7e6.use1.cache.amazonaws.com:6379' : 'redis://127.0.0.1:6379');",
      ),
    );
    assert.ok(has(found, '3:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '4:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '5:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '5:Pl4inText redis-password!'), found.join('\n'));
    assert.ok(has(found, '5:Pl4inText redis-auth-without-tls!'), found.join('\n'));
  });

  it('reads each branch of an option whose value a condition picks between objects', () => {
    const found = hintsIn(
      'jobs.ts',
      sourceLines(
        "import { Queue } from 'bullmq';",
        "import { createClient } from 'redis';",
        "const live = process.env.STAGE === 'live';",
        "export const mail = new Queue('mail', { connection: live ? { host: process.env.QUEUE_HOST, password: process.env.QUEUE_SECRET } : { host: 'localhost' } });",
        "export const pings = createClient({ socket: live ? { host: process.env.PING_HOST, tls: true } : { host: 'localhost' }, password: process.env.PING_SECRET });",
        "export const stats = createClient({ socket: live ? { host: process.env.STATS_HOST } : { host: 'localhost' }, password: process.env.STATS_SECRET });",
      ),
    );
    assert.ok(has(found, '4:Queue redis-tls'), found.join('\n'));
    assert.ok(has(found, '4:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(!has(found, '5:createClient redis-tls'), found.join('\n'));
    assert.ok(!has(found, '5:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(has(found, '6:createClient redis-tls'), found.join('\n'));
    assert.ok(has(found, '6:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('reads the options a same-file helper returns by a condition, each return as a branch', () => {
    const found = hintsIn(
      'queue.js',
      sourceLines(
        "const Redis = require('ioredis');",
        'function queueOptions() {',
        "  if (process.env.NODE_ENV === 'production') {",
        "    return { host: process.env.QUEUE_HOST, password: 'Tr0ub4dor&3x' };",
        '  }',
        "  return { host: 'localhost' };",
        '}',
        'const jobs = new Redis(queueOptions());',
        'module.exports = jobs;',
      ),
    );
    assert.ok(has(found, '8:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, "4:'Tr0ub4dor&3x' redis-password!"), found.join('\n'));
    assert.ok(has(found, '4:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('judges a host or URL between two literals by each branch', () => {
    const found = hintsIn(
      'sessions.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        "import { createClient } from 'redis';",
        "const live = process.env.STAGE === 'live';",
        "export const compose = new Redis({ host: live ? 'sessions-redis' : 'localhost' });",
        "export const local = new Redis({ host: live ? 'localhost' : '127.0.0.1', password: process.env.SESSION_SECRET });",
        "export const mixed = new Redis({ host: live ? process.env.SESSION_HOST : 'localhost', password: process.env.SESSION_SECRET });",
        "export const aws = createClient({ url: live ? 'redis://:n0tInG1t@sess.x1y2z3.use1.cache.amazonaws.com:6379' : 'redis://localhost:6379' });",
        "export const secure = createClient({ url: live ? 'rediss://sess.x1y2z3.use1.cache.amazonaws.com:6379' : 'redis://localhost:6379', password: process.env.SESSION_SECRET });",
      ),
    );
    assert.ok(!has(found, '4:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '5:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '5:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(has(found, '6:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '6:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(has(found, '7:createClient redis-tls'), found.join('\n'));
    assert.ok(has(found, '7:n0tInG1t redis-password!'), found.join('\n'));
    assert.ok(!has(found, '8:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('lends the options of a spread condition, each branch that can be taken', () => {
    const found = hintsIn(
      'limits.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        "const live = process.env.STAGE === 'live';",
        'export const limits = new Redis({ host: process.env.LIMIT_HOST, ...(live && { tls: { rejectUnauthorized: false } }) });',
        'export const meters = new Redis({ host: process.env.METER_HOST, ...(live ? { tls: {} } : {}), password: process.env.METER_SECRET });',
      ),
    );
    assert.ok(has(found, '3:rejectUnauthorized redis-tls!'), found.join('\n'));
    // One branch turns TLS on: the client may use it.
    assert.ok(!has(found, '4:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '4:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('reads NestJS microservices Redis transports, not a transport of another library nor a local server', () => {
    const found = hintsIn(
      'app.module.ts',
      sourceLines(
        "import { Module } from '@nestjs/common';",
        "import { ClientsModule, Transport } from '@nestjs/microservices';",
        "import { broker } from './broker';",
        '@Module({',
        '  imports: [',
        '    ClientsModule.register([',
        "      { name: 'BILLING', transport: Transport.REDIS, options: { host: broker.host, port: broker.port, ...(broker.secret && { password: broker.secret }) } },",
        "      { name: 'AUDIT', transport: Transport.REDIS, options: { host: 'localhost', port: 6379, password: process.env.AUDIT_SECRET } },",
        "      { name: 'MAIL', transport: Transport.TCP, options: { host: broker.host, port: 4000 } },",
        '    ]),',
        '  ],',
        '})',
        'export class AppModule {}',
      ),
    );
    assert.ok(has(found, '7:Transport.REDIS redis-tls'), found.join('\n'));
    assert.ok(has(found, '7:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(!has(found, '8:Transport.REDIS redis-tls'), found.join('\n'));
    assert.ok(!has(found, '8:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('9:')), found.join('\n'));

    const other = hintsIn(
      'bus.ts',
      sourceLines("import { Transport } from './transports';", "export const bus = { transport: Transport.REDIS, options: { host: process.env.BUS_HOST, password: process.env.BUS_SECRET } };"),
    );
    assert.deepEqual(other, []);
  });

  it('judges a redis-py host between two literals by each branch', () => {
    const found = hintsIn(
      'worker.py',
      sourceLines(
        'import os',
        'import redis',
        'dev = redis.Redis(host="localhost" if os.environ.get("STAGE") == "dev" else "127.0.0.1", password=os.environ["SECRET"])',
        'live = redis.Redis(host=os.environ["HOST"] if os.environ.get("STAGE") == "live" else "localhost", password=os.environ["SECRET"])',
      ),
    );
    assert.ok(!has(found, '3:Redis redis-tls'), found.join('\n'));
    assert.ok(!has(found, '3:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(has(found, '4:Redis redis-tls'), found.join('\n'));
    assert.ok(has(found, '4:password redis-auth-without-tls!'), found.join('\n'));
  });
});
