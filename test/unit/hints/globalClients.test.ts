/**
 * Clients a module puts on Node's global object (`global.cache = createClient()`), read in the other modules as
 * `global.cache` or as the bare name. Then the traps: a global set to something else, two modules that set
 * different clients, a name the reading file binds itself, a test's globals, and nothing without the workspace.
 */
import * as assert from 'node:assert/strict';
import { copiedToThread, hintsOfFile as hints, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

/** A startup module that connects a node-redis client in an async function and puts it on the global object. */
const STARTUP = sourceLines(
  "const { createClient } = require('redis');",
  '',
  'async function connectCache() {',
  '  const client = createClient({ url: process.env.REDIS_URL });',
  '  await client.connect();',
  '  global.cache = client;',
  '}',
  '',
  'module.exports = connectCache;',
);

const CONTROLLER = sourceLines(
  'exports.purge = async (req, res) => {',
  "  const stale = await global.cache.keys('otp:*');",
  "  await cache.set(`otp:${req.params.id}`, req.body.code);",
  "  await cache.expire(`otp:${req.params.id}`, 300);",
  '  res.json(stale);',
  '};',
);

/** Next.js's way to keep one client across hot reloads. */
const NEXT_CLIENT = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'declare global {',
  '  var redis: Redis | undefined;',
  '}',
  '',
  'const redis = (globalThis.redis = globalThis.redis ?? new Redis(process.env.REDIS_URL!));',
  'export default redis;',
);

describe('clients a module puts on the global object, in other modules', () => {
  it('reads global.name and the bare name as the client, and nothing without the workspace', () => {
    const files = { 'startups/cache.js': STARTUP, 'app/otp/controller.js': CONTROLLER };
    const expected = ['2:keys redis-keys', '2:keys redis-keys!', '3:set redis-expire', '3:set redis-expire!', '4:expire redis-expire'];
    assert.deepEqual(hints(files, 'app/otp/controller.js'), expected);
    assert.deepEqual(hints(files, 'app/otp/controller.js', copiedToThread(workspaceOf(files))), expected);
    assert.deepEqual(hints(files, 'app/otp/controller.js', null), []);
  });

  it('reads a global set to itself or a new client, as Next.js keeps one, through globalThis', () => {
    const reader = sourceLines('export async function sessions() {', "  return globalThis.redis!.keys('session:*');", '}');
    const files = { 'lib/redis.ts': NEXT_CLIENT, 'lib/sessions.ts': reader };
    assert.deepEqual(hints(files, 'lib/sessions.ts'), ['2:keys redis-keys', '2:keys redis-keys!']);
  });

  it('reads nothing where the global holds something else, two clients, or the file binds the name', () => {
    const wrappers = sourceLines("const get = require('./get');", "const redisLib = require('redis');", 'global.cache = { get };', 'global.lib = redisLib;');
    assert.deepEqual(hints({ 'boot.js': wrappers, 'app/otp/controller.js': CONTROLLER }, 'app/otp/controller.js'), []);
    const other = sourceLines("const Redis = require('ioredis');", 'global.cache = new Redis.Cluster([{ host: process.env.HOST }]);');
    assert.deepEqual(hints({ 'startups/cache.js': STARTUP, 'startups/cluster.js': other, 'app/otp/controller.js': CONTROLLER }, 'app/otp/controller.js'), []);
    const bound = sourceLines('const cache = new Map();', 'exports.put = (key, value) => {', '  cache.set(key, value);', "  return global.cacheKeys ? [] : cache.keys('x');", '};');
    assert.deepEqual(hints({ 'startups/cache.js': STARTUP, 'lib/memo.js': bound }, 'lib/memo.js'), []);
  });

  it("reads nothing from a test's globals, its doubles", () => {
    const setup = sourceLines("const Redis = require('ioredis-mock');", "const { createClient } = require('redis');", 'global.cache = createClient();');
    assert.deepEqual(hints({ 'test/setup.js': setup, 'app/otp/controller.js': CONTROLLER }, 'app/otp/controller.js'), []);
  });
});
