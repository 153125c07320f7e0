/**
 * A client a Fastify plugin decorates the instance with (`fastify.decorate('redis', client)`), read where plain
 * JavaScript holds the instance: a plugin's one parameter that it calls the instance's methods on, a request's
 * `server`, and a name bound to `Fastify()` or `require('fastify')()`. Then the traps: a one-parameter helper
 * with nothing of Fastify's, an Express request, an Express app, and a member decorated with a Map.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

const PLUGIN = sourceLines(
  "import fp from 'fastify-plugin';",
  "import { createClient } from 'redis';",
  '',
  'export default fp(async function (fastify, opts) {',
  '  const client = createClient({ url: process.env.REDIS_URL });',
  '  await client.connect();',
  "  fastify.decorate('redis', client);",
  "  fastify.decorate('flags', new Map());",
  '});',
);

function withPlugin(file: string, code: string): Record<string, string> {
  return { 'plugins/redis.js': PLUGIN, [file]: code };
}

describe('clients decorated on a Fastify instance that plain JavaScript holds', () => {
  it("reads the instance a plugin's one parameter is, when the plugin calls the instance's methods on it", () => {
    const limiter = sourceLines(
      'export default async function limiter(fastify) {',
      "  fastify.addHook('onRequest', async (req, reply) => {",
      '    const n = await fastify.redis.incr(`rl:${req.ip}`);',
      '    if (n === 1) await fastify.redis.expire(`rl:${req.ip}`, 60);',
      '  });',
      '}',
    );
    assert.deepEqual(hints(withPlugin('middleware/limiter.js', limiter), 'middleware/limiter.js'), ['3:incr redis-expire!', '4:expire redis-expire']);
  });

  it("reads a request's server as the instance, in a handler of two parameters", () => {
    const controller = sourceLines(
      'export const logout = async (req, reply) => {',
      '  await req.server.redis.del(`session:${req.user.id}`);',
      '  const redis = req.server.redis;',
      "  await redis.set('last-logout', Date.now());",
      '};',
    );
    assert.deepEqual(hints(withPlugin('controllers/auth.js', controller), 'controllers/auth.js'), ['2:del redis-unlink', '4:set redis-expire']);
  });

  it('reads a name bound to a new instance, made by the import or by a call of require', () => {
    for (const head of [["import Fastify from 'fastify';", 'const app = Fastify({ logger: true });'], ["const app = require('fastify')({ logger: true });"]]) {
      const server = sourceLines(...head, "app.get('/cache', async () => { await app.redis.set('foo', 'bar'); });");
      assert.deepEqual(hints(withPlugin('server.js', server), 'server.js'), [`${head.length + 1}:set redis-expire`], head.join(' '));
    }
  });

  it('gives nothing for a one-parameter helper with nothing of Fastify, an Express request or app, or a member decorated with a Map', () => {
    const code = sourceLines(
      "import express from 'express';",
      'function warm(target) {',
      "  return target.redis.keys('warm:*');",
      '}',
      'export const page = async (req, res) => {',
      '  await req.server.flags.delete(req.params.id);',
      '};',
      'const app = express();',
      "app.get('/keys', async () => app.redis.keys('*'));",
    );
    assert.deepEqual(hints(withPlugin('routes.js', code), 'routes.js'), []);
    const mapOnly = sourceLines("import Fastify from 'fastify';", 'const app = Fastify();', "app.get('/f', async () => app.flags.keys());", 'export const h = async (req, reply) => req.server.flags.delete(1);');
    assert.deepEqual(hints(withPlugin('server.js', mapOnly), 'server.js'), []);
    const expressOnly = sourceLines('export const show = async (req, res) => {', "  res.json(await req.server.redis.keys('*'));", '};');
    assert.deepEqual(hints({ 'controllers/show.js': expressOnly }, 'controllers/show.js'), []);
  });
});
