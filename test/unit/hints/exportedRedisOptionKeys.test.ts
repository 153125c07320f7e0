/**
 * Redis options under a key of the object a config module exports whole (workspace mode): `module.exports = {
 * redis: {...} }` handed on as `new Redis(config.redis)`, and `export default { config: { redis: {...} } }` as
 * `new Redis(cacheConfig.config.redis)`. The object's keys are read as the client's where they are written. A
^ * client made with other arguments beside them (`new Redis(url, config.redis)`) may get TLS from its URL, so
 * nothing is judged missing there; a key no client is made with gets nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

const CJS_CONFIG = sourceLines(
  'module.exports = {',
  '  port: process.env.PORT,',
  '  redis: {',
  '    host: process.env.REDIS_HOST,',
  '    password: process.env.REDIS_PASSWORD,',
  '  },',
  '  mail: {',
  '    password: process.env.SMTP_PASSWORD,',
  '  },',
  '};',
);

const TS_CONFIG = sourceLines(
  "import { RedisOptions } from 'ioredis';",
  '',
  'interface CacheConfig {',
  '  config: { redis: RedisOptions };',
  '  driver: string;',
  '}',
  '',
  'export default {',
  '  config: {',
  '    redis: {',
  '      host: process.env.REDIS_HOST,',
  '      password: process.env.REDIS_PASS || undefined,',
  '      tls: { rejectUnauthorized: false },',
  '    },',
  '  },',
  "  driver: 'redis',",
  '} as CacheConfig;',
);

describe('Redis options under a key of the object a config module exports', () => {
  it('reads config.redis of a required module as the options of the client made with it', () => {
    const cache = sourceLines("const Redis = require('ioredis');", "const config = require('../config');", '', 'module.exports = new Redis(config.redis);');
    assert.deepEqual(hints({ 'src/config/index.js': CJS_CONFIG, 'src/lib/cache.js': cache }, 'src/config/index.js'), [
      '3:redis redis-tls',
      '5:password redis-auth-without-tls',
      '5:password redis-auth-without-tls!',
      '5:password redis-password',
    ]);
  });

  it('reads two keys deep into a default export, past a type assertion', () => {
    const cache = sourceLines("import Redis from 'ioredis';", "import cacheConfig from '../config/cache';", '', 'export const client = new Redis(cacheConfig.config.redis);');
    assert.deepEqual(hints({ 'src/config/cache.ts': TS_CONFIG, 'src/shared/cache.ts': cache }, 'src/config/cache.ts'), [
      '12:password redis-password',
      '13:rejectUnauthorized redis-tls',
      '13:rejectUnauthorized redis-tls!',
      '13:tls redis-tls',
    ]);
  });

  it("follows a tsconfig path alias to the config module (`@config/cache`)", () => {
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@config/*': ['src/config/*'] } } });
    const cache = sourceLines("import Redis from 'ioredis';", "import cacheConfig from '@config/cache';", '', 'export const client = new Redis(cacheConfig.config.redis);');
    const files = { 'tsconfig.json': tsconfig, 'src/config/cache.ts': TS_CONFIG, 'src/shared/cache.ts': cache };
    assert.deepEqual(hints(files, 'src/config/cache.ts'), ['12:password redis-password', '13:rejectUnauthorized redis-tls', '13:rejectUnauthorized redis-tls!', '13:tls redis-tls']);
  });

  it('judges nothing missing where the client also takes a URL (not an object of other options), and reads nothing no client is made with', () => {
    const cache = sourceLines("const Redis = require('ioredis');", "const config = require('../config');", '', 'module.exports = new Redis(process.env.REDIS_URL, config.redis);');
    assert.deepEqual(hints({ 'src/config/index.js': CJS_CONFIG, 'src/lib/cache.js': cache }, 'src/config/index.js'), ['5:password redis-password']);
    const prefixed = sourceLines("const Redis = require('ioredis');", "const config = require('../config');", '', "module.exports = new Redis(config.redis, { keyPrefix: 'oidc:' });");
    assert.deepEqual(hints({ 'src/config/index.js': CJS_CONFIG, 'src/lib/cache.js': prefixed }, 'src/config/index.js'), ['3:redis redis-tls', '5:password redis-auth-without-tls', '5:password redis-auth-without-tls!', '5:password redis-password']);
    const spread = sourceLines("const Redis = require('ioredis');", "const config = require('../config');", "const extra = require('./extra');", "module.exports = new Redis(config.redis, { ...extra, keyPrefix: 'oidc:' });");
    assert.deepEqual(hints({ 'src/config/index.js': CJS_CONFIG, 'src/lib/cache.js': spread }, 'src/config/index.js'), ['5:password redis-password']);
    const named = sourceLines("const Redis = require('ioredis');", "const { redisOptions } = require('./options');", '', 'module.exports = new Redis(process.env.REDIS_URL, redisOptions);');
    const options = sourceLines('const redisOptions = { password: process.env.REDIS_PASSWORD };', 'module.exports = { redisOptions };');
    assert.deepEqual(hints({ 'src/lib/options.js': options, 'src/lib/cache.js': named }, 'src/lib/options.js'), ['1:password redis-password']);
    const mailer = sourceLines("const nodemailer = require('nodemailer');", "const config = require('../config');", '', 'module.exports = nodemailer.createTransport(config.mail);');
    assert.deepEqual(hints({ 'src/config/index.js': CJS_CONFIG, 'src/lib/mailer.js': mailer }, 'src/config/index.js'), []);
  });
});
