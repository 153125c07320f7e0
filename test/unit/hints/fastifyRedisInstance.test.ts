/**
 * @fastify/redis decorates the Fastify instance with the ioredis client it opens: route plugins of other files
 * read it as `fastify.redis` (or `const { redis } = fastify`), and library functions take it typed with the
 * plugin's `FastifyRedis`. Then the traps: a namespaced or handed-over client, options spread from elsewhere,
 * a `redis` member of a plain object, another plugin registered, a local type of the same name.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const REDIS_PLUGIN = sourceLines(
  "import fastifyRedis from '@fastify/redis';",
  "import fp from 'fastify-plugin';",
  '',
  'async function cacheConnector(fastify, options) {',
  '  fastify.register(fastifyRedis, {',
  '    host: process.env.CACHE_HOST,',
  '    port: 6379,',
  '  });',
  '}',
  '',
  'export default fp(cacheConnector);',
);

const ROUTES = sourceLines(
  'async function sessionRoutes(fastify, options) {',
  "  fastify.get('/sessions', async (request, reply) => {",
  '    const { redis } = fastify;',
  "    const ids = await redis.keys('session:*');",
  '    return ids;',
  '  });',
  '',
  "  fastify.put('/sessions/:id', async (request, reply) => {",
  '    await fastify.redis.set(`session:${request.params.id}`, JSON.stringify(request.body));',
  "    return { status: 'ok' };",
  '  });',
  '}',
  '',
  'export default sessionRoutes;',
);

const DATA_ACCESS = sourceLines(
  "import { FastifyRedis } from '@fastify/redis';",
  '',
  'export async function recordVisit(redis: FastifyRedis, page: string) {',
  '  const batch = redis.multi();',
  '  batch.incr(`visits:${page}`);',
  "  batch.lpush('recent-pages', page);",
  '  return batch.exec();',
  '}',
  '',
  'export async function allCounters(redis: FastifyRedis) {',
  "  return redis.keys('visits:*');",
  '}',
);

/** A plugin file that registers @fastify/redis with `options` (the text after the plugin argument). */
function pluginWith(options: string): string {
  return sourceLines(
    "const fp = require('fastify-plugin');",
    '',
    'module.exports = fp(async function (fastify, opts) {',
    `  fastify.register(require('@fastify/redis')${options});`,
    '});',
  );
}

describe('JavaScript and TypeScript: the client @fastify/redis decorates the Fastify instance with', () => {
  it('reads fastify.redis and a destructured redis in the route plugins of other files', () => {
    const files = { 'src/plugins/redis.js': REDIS_PLUGIN, 'src/routes/sessions.js': ROUTES };
    assert.deepEqual(hints(files, 'src/routes/sessions.js'), ['4:keys redis-keys', '4:keys redis-keys!', '9:set redis-expire']);
    // Without the workspace, the route file alone says nothing.
    assert.deepEqual(hints(files, 'src/routes/sessions.js', null), []);
  });

  it('reads the plugin registered without options, required in place, and in the same file', () => {
    const files = { 'plugins/redis.js': pluginWith(''), 'routes/sessions.js': ROUTES };
    assert.deepEqual(hints(files, 'routes/sessions.js'), ['4:keys redis-keys', '4:keys redis-keys!', '9:set redis-expire']);
    const app = sourceLines(
      "const fastify = require('fastify')({ logger: true });",
      '',
      "fastify.register(require('@fastify/redis'), { host: process.env.REDIS_HOST });",
      '',
      'fastify.register(async function (instance, opts) {',
      "  instance.get('/flush', async (request, reply) => {",
      '    await instance.redis.flushall();',
      '    return {};',
      '  });',
      '});',
    );
    assert.deepEqual(
      hintsIn('app.js', app).filter((hint) => hint.includes('flushall')),
      ['7:flushall redis-flush', '7:flushall redis-flush!'],
    );
  });

  it('reads the only parameter of a plugin typed FastifyInstance, and not one of another type or untyped', () => {
    const plugin = (parameter: string, imports: string): string =>
      sourceLines(
        imports,
        '',
        `export default async function (${parameter}) {`,
        "  fastify.get('/counters', async () => fastify.redis.keys('views:*'));",
        '}',
      );
    const registered = { 'src/plugins/redis.ts': REDIS_PLUGIN };
    for (const imports of ["import { FastifyInstance } from 'fastify';", "import type { FastifyInstance, FastifyRequest } from 'fastify';"]) {
      const files = { ...registered, 'src/routes/counters.ts': plugin('fastify: FastifyInstance', imports) };
      assert.deepEqual(hints(files, 'src/routes/counters.ts'), ['4:keys redis-keys', '4:keys redis-keys!'], imports);
    }
    for (const [parameter, imports] of [
      ['fastify: FastifyInstance', "import { FastifyInstance } from './types';"],
      ['fastify: AppInstance', "import { AppInstance } from 'fastify';"],
      ['fastify', "import { FastifyInstance } from 'fastify';"],
    ]) {
      const files = { ...registered, 'src/routes/counters.ts': plugin(parameter, imports) };
      assert.deepEqual(hints(files, 'src/routes/counters.ts'), [], `${parameter} ${imports}`);
    }
  });

  it('reads a parameter typed with the plugin’s FastifyRedis as the ioredis client', () => {
    const found = hintsIn('libs/visits.ts', DATA_ACCESS);
    assert.deepEqual(found, ['4:multi redis-multi', '11:keys redis-keys', '11:keys redis-keys!'], found.join('\n'));
  });

  it('reads nothing for a namespaced or handed-over client, spread options, or another plugin', () => {
    for (const options of [", { namespace: 'cache', host: opts.host }", ', { client: opts.client }', ', { ...opts.redis }', ', opts']) {
      const files = { 'plugins/redis.js': pluginWith(options), 'routes/sessions.js': ROUTES };
      assert.deepEqual(hints(files, 'routes/sessions.js'), [], options);
    }
    const otherPlugin = REDIS_PLUGIN.replace("import fastifyRedis from '@fastify/redis';", "import fastifyRedis from 'fastify-redis-cache';");
    assert.deepEqual(hints({ 'src/plugins/redis.js': otherPlugin, 'src/routes/sessions.js': ROUTES }, 'src/routes/sessions.js'), []);
  });

  it('reads nothing for a redis member of a plain object or a local FastifyRedis type', () => {
    const plain = sourceLines(
      "import fastifyRedis from '@fastify/redis';",
      '',
      'export function report(stats, format) {',
      "  return stats.redis.keys('x');",
      '}',
      '',
      'const counters = { redis: new Map<string, number>() };',
      "counters.redis.get('hits');",
    );
    assert.deepEqual(hintsIn('src/stats.ts', plain), []);
    const local = sourceLines(
      'interface FastifyRedis {',
      '  keys(pattern: string): Promise<string[]>;',
      '}',
      '',
      'export async function allCounters(redis: FastifyRedis) {',
      "  return redis.keys('visits:*');",
      '}',
    );
    assert.deepEqual(hintsIn('src/fake.ts', local), []);
  });
});
