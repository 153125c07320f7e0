/**
 * egg-redis mounts on an Egg.js application the ioredis client its config files describe (`config.redis =
 * { client: {...} }`): controllers, services and helper extensions of other files read it as `this.app.redis`,
 * `app.redis` (`const { app } = this`) or `this.ctx.app.redis`, and the config's options get the Redis client
 * rules. Then the traps: several clients (`clients`, where `app.redis.get(name)` returns one of them), configs that
 * disagree, an `app` bound to something known, a member of another plugin, the file alone, test and local configs.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

/** A config file whose `config.redis` holds `redis` (the object's text). */
function configWith(redis: string): string {
  return sourceLines(
    "'use strict';",
    '',
    'module.exports = appInfo => {',
    '  const config = exports = {};',
    `  config.redis = ${redis};`,
    '  return config;',
    '};',
  );
}

const ONE_CLIENT = configWith('{ client: { host: process.env.REDIS_HOST, port: 6379, password: process.env.REDIS_AUTH, db: 0 } }');

const SERVICE = sourceLines(
  "const Service = require('egg').Service;",
  '',
  'class StatsService extends Service {',
  '  async hit(page) {',
  '    const { app } = this;',
  '    await app.redis.set(`hits:${page}`, 1);',
  '    await app.redis.expire(`hits:${page}`, 60);',
  '  }',
  '',
  '  async all() {',
  "    return this.app.redis.keys('hits:*');",
  '  }',
  '',
  '  async purge() {',
  '    await this.ctx.app.redis.flushdb();',
  '  }',
  '}',
  '',
  'module.exports = StatsService;',
);

const SERVICE_HINTS = ['11:keys redis-keys', '11:keys redis-keys!', '15:flushdb redis-flush', '6:set redis-expire', '6:set redis-expire!', '7:expire redis-expire'];

describe('JavaScript and TypeScript: the client egg-redis mounts on an Egg.js application', () => {
  it('reads this.app.redis, app.redis and this.ctx.app.redis in the services of other files', () => {
    const files = { 'config/config.default.js': ONE_CLIENT, 'app/service/stats.js': SERVICE };
    assert.deepEqual(hints(files, 'app/service/stats.js'), SERVICE_HINTS);
    // Without the workspace, the service alone says nothing.
    assert.deepEqual(hints(files, 'app/service/stats.js', null), []);
    // `const { redis } = this.app`, and from `this.ctx.app`.
    const destructured = sourceLines(
      "const { Controller } = require('egg');",
      'class CountersController extends Controller {',
      '  async reset() {',
      '    const { redis } = this.app;',
      "    await redis.flushall();",
      '    const { redis: shared } = this.ctx.app;',
      "    return shared.keys('counters:*');",
      '  }',
      '}',
    );
    assert.deepEqual(hints({ ...files, 'app/controller/counters.js': destructured }, 'app/controller/counters.js'), [
      '5:flushall redis-flush',
      '5:flushall redis-flush!',
      '7:keys redis-keys',
      '7:keys redis-keys!',
    ]);
    // A boot file's function takes the application.
    const boot = sourceLines('module.exports = app => {', "  app.beforeStart(async () => app.redis.flushall());", '};');
    assert.deepEqual(hints({ ...files, 'app.js': boot }, 'app.js'), ['2:flushall redis-flush', '2:flushall redis-flush!']);
  });

  it('reads the config written as exports.redis, a key of the exported object, or in TypeScript', () => {
    const client = '{ client: { host: process.env.REDIS_HOST, password: process.env.REDIS_AUTH } }';
    for (const [file, config] of [
      ['config/config.default.js', `exports.redis = ${client};\n`],
      ['config/config.prod.js', `module.exports = {\n  redis: ${client},\n};\n`],
      ['config/config.default.ts', `export default () => {\n  const config: any = {};\n  config.redis = ${client};\n  return config;\n};\n`],
    ]) {
      assert.deepEqual(hints({ [file]: config, 'app/service/stats.js': SERVICE }, 'app/service/stats.js'), SERVICE_HINTS, file);
    }
  });

  it('reads the options of a deployed config as the client’s, not those of the local and test configs', () => {
    const files = { 'config/config.default.js': ONE_CLIENT, 'config/config.unittest.js': ONE_CLIENT, 'config/config.local.js': ONE_CLIENT };
    assert.deepEqual(hints(files, 'config/config.default.js'), ['5:password redis-auth-without-tls', '5:password redis-auth-without-tls!', '5:password redis-password', '5:redis redis-tls']);
    assert.deepEqual(hints(files, 'config/config.unittest.js'), []);
    assert.deepEqual(hints(files, 'config/config.local.js'), []);
    // TLS on: the password alone.
    const secure = configWith('{ client: { host: process.env.REDIS_HOST, password: process.env.REDIS_AUTH, tls: {} } }');
    assert.deepEqual(hints({ 'config/config.prod.js': secure }, 'config/config.prod.js'), ['5:password redis-password', '5:tls redis-tls']);
  });

  it('reads each of several clients’ options, and no command through app.redis, whose get then returns a client', () => {
    const several = configWith('{\n    clients: {\n      cache: { host: process.env.CACHE_HOST, password: process.env.CACHE_AUTH },\n      queue: { host: process.env.QUEUE_HOST },\n    },\n  }');
    const service = sourceLines(
      "const { Service } = require('egg');",
      'class CacheService extends Service {',
      '  async read(key) {',
      "    const cache = this.app.redis.get('cache');",
      '    return cache.get(key);',
      '  }',
      '}',
    );
    const files = { 'config/config.default.js': several, 'app/service/cache.js': service, 'app/service/stats.js': SERVICE };
    assert.deepEqual(hints(files, 'app/service/cache.js'), []);
    assert.deepEqual(hints(files, 'app/service/stats.js'), []);
    assert.deepEqual(hints(files, 'config/config.default.js'), ['7:cache redis-tls', '7:password redis-auth-without-tls', '7:password redis-auth-without-tls!', '7:password redis-password', '8:queue redis-tls']);
    // One config with one client and another with several: they disagree, and app.redis is nothing known.
    const mixed = { 'config/config.default.js': ONE_CLIENT, 'config/config.prod.js': several, 'app/service/stats.js': SERVICE };
    assert.deepEqual(hints(mixed, 'app/service/stats.js'), []);
  });

  it('reads nothing without an egg-redis config, for an app bound to something known, or for another member', () => {
    assert.deepEqual(hints({ 'app/service/stats.js': SERVICE }, 'app/service/stats.js'), []);
    // A `redis` key that holds no `client`: some other tool's settings.
    const plain = { 'config/config.default.js': configWith('{ host: process.env.REDIS_HOST }'), 'app/service/stats.js': SERVICE };
    assert.deepEqual(hints(plain, 'app/service/stats.js'), []);
    // Not a config file of the application: a library's own `redis: { client }` settings.
    assert.deepEqual(hints({ 'lib/settings.js': ONE_CLIENT, 'app/service/stats.js': SERVICE }, 'app/service/stats.js'), []);
    const other = sourceLines(
      "const { createRegistry } = require('./registry');",
      'const app = createRegistry();',
      '',
      'async function load(id) {',
      "  await app.redis.keys('x:*');",
      "  return this.app.mysql.get('users', { id });",
      '}',
      'module.exports = { load };',
    );
    assert.deepEqual(hints({ 'config/config.default.js': ONE_CLIENT, 'app/lib/load.js': other }, 'app/lib/load.js'), []);
  });
});
