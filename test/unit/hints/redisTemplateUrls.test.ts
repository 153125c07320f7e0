/**
 * JavaScript and TypeScript Redis URLs built with a template literal (`` `redis://${host}:${port}` ``), as a
 * node-redis `url` option or an ioredis argument: a scheme written before any interpolation tells whether the
 * client uses TLS, and a password in the user information is one the code does not show.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis URLs written as template literals', () => {
  it('reports a password sent to a redis:// template: a node-redis url option with a password, and user information of both clients', () => {
    const found = hintsIn(
      'src/infrastructure/redis.provider.ts',
      sourceLines(
        "import { createClient } from 'redis';",
        "import Redis from 'ioredis';",
        "import { ConfigService } from '@nestjs/config';",
        '',
        'export const redisFactory = async (config: ConfigService) => {',
        "  const host = config.get<string>('REDIS_HOST');",
        "  const client = createClient({ url: `redis://${host}:${config.get('REDIS_PORT')}`, password: config.get('REDIS_PASSWORD') });",
        '  await client.connect();',
        '  return client;',
        '};',
        '',
        "export const sessions = createClient({ url: `redis://default:${process.env.REDIS_PASSWORD}@${process.env.REDIS_HOST}:6379` });",
        'export const queue = new Redis(`redis://:${process.env.REDIS_PASSWORD}@${process.env.REDIS_HOST}:6379/1`);',
      ),
    );
    assert.ok(found.includes('7:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('12:') && hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('13:') && hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    // The password inside the URL is an expression, not a literal secret.
    assert.ok(!found.some((hint) => hint.endsWith('redis-password!')), found.join('\n'));
  });

  it('stays silent for rediss://, a scheme the code fills in, the local host, TLS set apart, no password, and a query it hides', () => {
    const found = hintsIn(
      'src/cache.ts',
      sourceLines(
        "import { createClient } from 'redis';",
        "import Redis from 'ioredis';",
        'const { REDIS_HOST: host, REDIS_PORT: port, REDIS_PASSWORD: password } = process.env;',
        '',
        'export const secure = createClient({ url: `rediss://${host}:${port}`, password });',
        'export const schemed = createClient({ url: `${process.env.REDIS_SCHEME}://${host}:${port}`, password });',
        'export const local = createClient({ url: `redis://localhost:${port}`, password });',
        'export const socketTls = createClient({ url: `redis://${host}:${port}`, password, socket: { tls: true } });',
        'export const open = new Redis(`redis://${host}:${port}`);',
        'export const userOnly = createClient({ url: `redis://${process.env.REDIS_USER}@${host}` });',
        'export const query = createClient({ url: `redis://${host}:6379/0?${process.env.REDIS_QUERY}`, password });',
        'export const tlsIoredis = new Redis(`rediss://:${password}@${host}:6380`);',
      ),
    );
    assert.ok(!found.some((hint) => hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
    assert.ok(found.includes('5:password redis-password'), found.join('\n'));
  });

  it('reads a URL built with + as a template: a password sent to redis://, in an option or in the user information', () => {
    const found = hintsIn(
      'src/lib/redis.js',
      sourceLines(
        "const { createClient } = require('redis');",
        "const Redis = require('ioredis');",
        'const { REDIS_HOST: host, REDIS_PASSWORD: password } = process.env;',
        '',
        "exports.cache = createClient({ url: 'redis://' + host + ':6379', password });",
        "exports.queue = new Redis('redis://:' + password + '@' + host + ':6379/1');",
      ),
    );
    assert.ok(found.includes('5:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(found.includes('6:password redis-auth-without-tls!'), found.join('\n'));
  });

  it('stays silent for a + URL with rediss://, a fallback that may change it, the local host, or no password', () => {
    const found = hintsIn(
      'src/lib/redis.js',
      sourceLines(
        "const { createClient } = require('redis');",
        "const Redis = require('ioredis');",
        'const { REDIS_HOST: host, REDIS_PASSWORD: password, REDIS_URL } = process.env;',
        '',
        "exports.secure = createClient({ url: 'rediss://' + host + ':6380', password });",
        "exports.fallback = createClient({ url: 'redis://' + host + ':6379' || REDIS_URL, password });",
        "exports.local = createClient({ url: 'redis://localhost:' + 6379, password });",
        "exports.open = new Redis('redis://' + host + ':6379');",
        "exports.tlsIoredis = new Redis('rediss://:' + password + '@' + host + ':6380');",
      ),
    );
    assert.ok(!found.some((hint) => hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
  });

  it('reads a URL a const name holds, built with a template or +, where the client takes it; not a rediss:// one', () => {
    const found = hintsIn(
      'src/lib/cache.js',
      sourceLines(
        "const { createClient } = require('redis');",
        "const Redis = require('ioredis');",
        'const { REDIS_HOST: host, REDIS_PASSWORD: password } = process.env;',
        'const plainUrl = `redis://${host}:6379`;',
        "const joinedUrl = 'redis://:' + password + '@' + host + ':6379';",
        "const secureUrl = 'rediss://' + host + ':6380';",
        'exports.sessions = createClient({ url: plainUrl, password });',
        'exports.queue = new Redis(joinedUrl);',
        'exports.secure = createClient({ url: secureUrl, password });',
        'exports.secureQueue = new Redis(secureUrl, { password });',
      ),
    );
    assert.ok(found.includes('7:password redis-auth-without-tls!'), found.join('\n'));
    // The password sits in the URL the const holds: reported there.
    assert.ok(found.includes('5:password redis-auth-without-tls!'), found.join('\n'));
    assert.ok(!found.some((hint) => /^(?:9|10):.*redis-auth-without-tls!$/.test(hint)), found.join('\n'));
  });
});
