/**
 * Clients that middleware hangs on the request (Express `req.redis = client`, Koa `ctx.redis = client`, Fastify
 * decorators, an object of bound client methods, TypeScript's merged `Request`), read in the handlers of the
 * same file and of other files of the workspace. Then the traps: members of the request nothing hangs a client
 * on, a name hung with something else or with clients that differ, assignments outside middleware, test doubles.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, copiedToThread, hintsInWorkspace, hintsOfFile as hints, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

const REDIS_MIDDLEWARE = sourceLines(
  "const Redis = require('ioredis');",
  '',
  'const redisClient = new Redis(process.env.REDIS_URL);',
  '',
  'module.exports = (req, res, next) => {',
  '  req.redisClient = redisClient;',
  '  next();',
  '};',
);

const PRODUCTS = sourceLines(
  'exports.list = async (req, res) => {',
  "  const keys = await req.redisClient.keys('product:*');",
  '  const cached = JSON.stringify(keys);',
  "  await req.redisClient.setex('products:all', 60, cached);",
  "  res.set('Cache-Control', 'max-age=60');",
  '  res.json(keys);',
  '};',
);

const NODE_REDIS_MODULE = sourceLines("const { createClient } = require('redis');", '', 'const client = createClient({ url: process.env.REDIS_URL });', 'client.connect();', '', 'module.exports = client;');

/** An app whose middleware hangs an object of the client's own methods, bound to it. */
function boundApp(...members: string[]): string {
  return sourceLines(
    "const express = require('express');",
    "const client = require('./lib/redis');",
    '',
    'const app = express();',
    'app.use((req, res, next) => {',
    `  req.redis = { ${members.join(', ')} };`,
    '  next();',
    '});',
    "app.use('/sessions', require('./routes/sessions'));",
  );
}

const BOUND = ['get: client.get.bind(client)', 'set: client.set.bind(client)', 'del: client.del.bind(client)'];

const SESSIONS = sourceLines(
  "const router = require('express').Router();",
  '',
  "router.put('/:id', async (req, res) => {",
  '  await req.redis.set(`session:${req.params.id}`, JSON.stringify(req.body));',
  '  res.sendStatus(204);',
  '});',
  '',
  "router.delete('/:id', async (req, res) => {",
  '  await req.redis.del(`session:${req.params.id}`);',
  '  res.sendStatus(204);',
  '});',
  '',
  'module.exports = router;',
);

describe('clients that Express middleware hangs on the request, in handlers of other files', () => {
  it('reads a module-level client a middleware module hangs, and nothing without the workspace', () => {
    const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/controllers/products.js': PRODUCTS };
    assert.deepEqual(hints(files, 'src/controllers/products.js'), ['2:keys redis-keys', '2:keys redis-keys!', '4:setex redis-expire']);
    assert.deepEqual(hints(files, 'src/controllers/products.js', null), []);
  });

  it('answers the same from a snapshot of the model, as worker threads read it', () => {
    const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/controllers/products.js': PRODUCTS };
    assert.deepEqual(hints(files, 'src/controllers/products.js', copiedToThread(workspaceOf(files))), ['2:keys redis-keys', '2:keys redis-keys!', '4:setex redis-expire']);
  });

  it('reads an object of methods bound to a client another module exports as that client', () => {
    const files = { 'src/lib/redis.js': NODE_REDIS_MODULE, 'src/app.js': boundApp(...BOUND), 'src/routes/sessions.js': SESSIONS };
    assert.deepEqual(hints(files, 'src/routes/sessions.js'), ['4:set redis-expire', '9:del redis-unlink']);
    assert.deepEqual(contributionOf('src/app.js', files['src/app.js'])?.requestClients, { redis: [{ module: './lib/redis', path: '' }] });
  });

  it('reads nothing from a bound-methods object with a renamed method, a stub, or a method bound to another object', () => {
    for (const members of [
      ['get: client.get.bind(client)', 'set: client.setex.bind(client)'],
      ['get: client.get.bind(client)', 'set: async () => undefined'],
      ['get: client.get.bind(client)', 'set: client.set.bind(other)'],
    ]) {
      const files = { 'src/lib/redis.js': NODE_REDIS_MODULE, 'src/app.js': boundApp(...members), 'src/routes/sessions.js': SESSIONS };
      assert.deepEqual(hints(files, 'src/routes/sessions.js'), [], members.join(', '));
    }
  });

  it('follows a member to the variable that holds its bound method, and takes the client itself as a member', () => {
    const middleware = sourceLines(
      "const Redis = require('ioredis');",
      '',
      'let client;',
      "if (process.env.NODE_ENV === 'production') {",
      '  client = new Redis(process.env.REDIS_URL);',
      '} else {',
      '  client = new Redis();',
      '}',
      'const getAsync = client.get.bind(client);',
      'const setAsync = client.set.bind(client);',
      'const delAsync = client.del.bind(client);',
      '',
      'function cache(req, res, next) {',
      '  req.redis = { client, get: getAsync, set: setAsync, del: delAsync };',
      '  next();',
      '}',
      'module.exports = cache;',
    );
    const files = { 'src/middlewares/cache.js': middleware, 'src/routes/sessions.js': SESSIONS };
    assert.deepEqual(hints(files, 'src/routes/sessions.js'), ['4:set redis-expire', '9:del redis-unlink']);
  });

  it('reads nothing when a member names a variable bound to another method, or a member is not a client', () => {
    for (const [binding, member] of [
      ['const setAsync = client.setex.bind(client);', 'set: setAsync'],
      ['const setAsync = (key, value) => client.set(key, value);', 'set: setAsync'],
      ['const logger = console;', 'logger'],
    ]) {
      const app = sourceLines("const client = require('./lib/redis');", binding, 'module.exports = (req, res, next) => {', `  req.redis = { get: client.get.bind(client), ${member} };`, '  next();', '};');
      const files = { 'src/lib/redis.js': NODE_REDIS_MODULE, 'src/app.js': app, 'src/routes/sessions.js': SESSIONS };
      assert.deepEqual(hints(files, 'src/routes/sessions.js'), [], member);
    }
  });

  it('reads middleware and routes of one file without the workspace, in nested callbacks and class methods too', () => {
    const app = sourceLines(
      "const express = require('express');",
      "const Redis = require('ioredis');",
      '',
      'const cache = new Redis();',
      'const app = express();',
      'app.use(function attachCache(req, res, next) {',
      '  req.cache = cache;',
      '  return next();',
      '});',
      "app.post('/purge', async (req, res) => {",
      '  for (const id of req.body.ids) {',
      '    await req.cache.del(`item:${id}`);',
      '  }',
      "  await req.cache.flushall();",
      '  res.end();',
      '});',
      'class Items {',
      '  async rename(req, res) {',
      '    await req.cache.set(req.body.key, req.body.value);',
      '  }',
      '}',
    );
    assert.deepEqual(hints({ 'app.js': app }, 'app.js', null), [
      '12:del redis-loop-round-trips',
      '12:del redis-loop-round-trips!',
      '12:del redis-unlink',
      '14:flushall redis-flush',
      '14:flushall redis-flush!',
      '19:set redis-expire',
    ]);
  });

  it("reads the file's own middleware as it is now, not as the workspace indexed it", () => {
    const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/controllers/products.js': PRODUCTS };
    const model = workspaceOf(files);
    const edited = REDIS_MIDDLEWARE.replace('req.redisClient = redisClient;', 'req.redisClient = new Map();') + "exports.peek = (req, res) => req.redisClient.keys('x');\n";
    assert.deepEqual(hintsInWorkspace(model, 'src/middleware/redis.js', edited), ['3:Redis redis-tls']);
  });
});

describe('clients that Koa and Fastify middleware hang on the context or the instance', () => {
  it('reads ctx.name in a Koa route with the context alone, and in another middleware', () => {
    const app = sourceLines(
      "const Koa = require('koa');",
      "const Router = require('@koa/router');",
      "const { createClient } = require('redis');",
      '',
      'const redis = createClient({ url: process.env.REDIS_URL });',
      'const app = new Koa();',
      'const router = new Router();',
      'app.use(async (ctx, next) => {',
      '  ctx.redis = redis;',
      '  await next();',
      '});',
      "router.get('/feed', async (ctx) => {",
      "  ctx.body = await ctx.redis.keys('feed:*');",
      '});',
      'app.use(async ctx => {',
      "  await ctx.redis.set('last-seen', String(Date.now()));",
      '});',
      "const ids = [1, 2].map((item) => item.redis.keys('x'));",
    );
    assert.deepEqual(hints({ 'app.js': app }, 'app.js', null), ['13:keys redis-keys', '13:keys redis-keys!', '16:set redis-expire', '5:createClient redis-tls']);
  });

  it('reads Fastify decorators, and a request decorator that a hook sets after reserving its name with null', () => {
    const plugin = sourceLines(
      "const Redis = require('ioredis');",
      '',
      'async function cachePlugin(fastify, opts) {',
      '  const client = new Redis(opts.url);',
      "  fastify.decorate('cache', client);",
      "  fastify.decorateRequest('redis', null);",
      "  fastify.addHook('onRequest', async (request, reply) => {",
      '    request.redis = client;',
      '  });',
      '}',
      '',
      'module.exports = cachePlugin;',
    );
    const routes = sourceLines(
      'module.exports = async function routes(fastify, opts) {',
      "  fastify.get('/keys', async (request) => request.redis.keys('*'));",
      "  fastify.get('/warm', async () => fastify.cache.set('warm', '1'));",
      '};',
    );
    const files = { 'plugins/cache.js': plugin, 'routes/index.js': routes };
    assert.deepEqual(hints(files, 'routes/index.js'), ['2:keys redis-keys', '2:keys redis-keys!', '3:set redis-expire']);
  });
});

describe('clients on a TypeScript request type', () => {
  it("reads a client the project merges into Express's Request, and one an intersection type gives a parameter", () => {
    const declarations = sourceLines("import type { Redis } from 'ioredis';", '', 'declare global {', '  namespace Express {', '    interface Request {', '      redis: Redis;', '    }', '  }', '}', '', 'export {};');
    const handler = sourceLines(
      "import { Request, Response } from 'express';",
      '',
      'export async function topScores(req: Request, res: Response): Promise<void> {',
      "  const keys = await req.redis.keys('score:*');",
      '  res.json(keys);',
      '}',
    );
    const files = { 'src/types/express.d.ts': declarations, 'src/handlers/scores.ts': handler };
    assert.deepEqual(hints(files, 'src/handlers/scores.ts'), ['4:keys redis-keys', '4:keys redis-keys!']);
    const fetchRequest = { ...files, 'src/types/express.d.ts': declarations.replace('  namespace Express {\n', '').replace('    }\n  }\n}', '    }\n}') };
    assert.deepEqual(hints(fetchRequest, 'src/handlers/scores.ts'), []);
    const intersection = sourceLines(
      "import { Request, Response } from 'express';",
      "import Redis from 'ioredis';",
      '',
      'export const purge = async (req: Request & { redis: Redis }, res: Response) => {',
      "  await req.redis.flushall();",
      '  res.end();',
      '};',
    );
    assert.deepEqual(hints({ 'purge.ts': intersection }, 'purge.ts', null), ['5:flushall redis-flush', '5:flushall redis-flush!']);
  });

  it("reads a client merged into Fastify's instance by a module declaration", () => {
    const plugin = sourceLines(
      "import type { FastifyInstance } from 'fastify';",
      "import type { RedisClientType } from 'redis';",
      '',
      "declare module 'fastify' {",
      '  interface FastifyInstance {',
      '    redis: RedisClientType;',
      '  }',
      '}',
      '',
      'export async function routes(app: FastifyInstance, _options: object): Promise<void> {',
      "  app.get('/flush', async () => app.redis.flushAll());",
      "  app.get('/keys', async () => app.redis.keys('*'));",
      '}',
    );
    assert.deepEqual(hints({ 'src/routes.ts': plugin }, 'src/routes.ts', null), ['11:flushAll redis-flush', '11:flushAll redis-flush!', '12:keys redis-keys', '12:keys redis-keys!']);
  });
});

describe('values typed with a framework type, kept anywhere', () => {
  const PLUGIN = sourceLines(
    "import fp from 'fastify-plugin';",
    "import Redis from 'ioredis';",
    "import Database from 'better-sqlite3';",
    '',
    'export default fp(async (server) => {',
    "  server.decorate('kv', new Redis(process.env.KV_URL!));",
    "  server.decorate('sql', new Database('app.db'));",
    '});',
  );

  it("reads the decorated client through a field set from the constructor, a later parameter, a generic request type and a request's server", () => {
    const service = sourceLines(
      "import type { FastifyInstance, FastifyRequest } from 'fastify';",
      '',
      'export class Sessions {',
      '  private readonly app: FastifyInstance;',
      '  constructor(app: FastifyInstance) {',
      '    this.app = app;',
      '  }',
      '  async touch(id: string) {',
      "    await this.app.kv.set(`s:${id}`, '1', 'EX', 60);",
      "    return this.app.kv.keys('s:*');",
      '  }',
      '}',
      '',
      'export async function audit(server: FastifyInstance, req: FastifyRequest<{ Params: { id: string } }>) {',
      '  for (const id of [req.params.id]) {',
      '    await server.kv.del(id);',
      '  }',
      '}',
      '',
      'export const lookup = async (request: FastifyRequest, reply: unknown) => request.server.kv.keys(`s:*`);',
    );
    const files = { 'src/plugins/kv.ts': PLUGIN, 'src/services/sessions.ts': service };
    assert.deepEqual(hints(files, 'src/services/sessions.ts'), [
      '10:keys redis-keys',
      '10:keys redis-keys!',
      '16:del redis-loop-round-trips',
      '16:del redis-loop-round-trips!',
      '16:del redis-unlink',
      '20:keys redis-keys',
      '20:keys redis-keys!',
      '9:set redis-expire',
    ]);
  });

  it('gives nothing for a member decorated with something else, a local object type, or an intersection that declares the member', () => {
    const service = sourceLines(
      "import type { FastifyInstance } from 'fastify';",
      '',
      'export class Ledger {',
      '  constructor(private readonly app: FastifyInstance) {}',
      '  balance(id: string) {',
      "    return this.app.sql.prepare('select 1').get(id);",
      '  }',
      '}',
      '',
      'export function names(app: { kv: Map<string, string> }) {',
      '  return [...app.kv.keys()];',
      '}',
      '',
      'export function other(app: FastifyInstance & { kv: Map<string, string> }) {',
      '  return [...app.kv.keys()];',
      '}',
    );
    const files = { 'src/plugins/kv.ts': PLUGIN, 'src/services/ledger.ts': service };
    assert.deepEqual(hints(files, 'src/services/ledger.ts'), []);
  });
});

describe('request members that hold no client', () => {
  it("gives nothing for the request's own members, the response's locals, or a first parameter nothing hangs the name on", () => {
    const handlers = sourceLines(
      'exports.search = async (req, res) => {',
      "  const term = req.query.get('q');",
      "  const user = req.session.get('user');",
      "  const fields = req.body.keys('x');",
      "  const cached = res.locals.cache.get('k');",
      "  res.json(await req.store.get('k'));",
      '};',
      'function render(view, options) {',
      "  return options.redis.get('template');",
      '}',
    );
    const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/controllers/search.js': handlers };
    assert.deepEqual(hints(files, 'src/controllers/search.js'), []);
  });

  it('gives nothing for a name hung with a Map, with clients that differ, or with a value the reader cannot tell', () => {
    const other = (value: string, ...head: string[]): string => sourceLines(...head, 'module.exports = (req, res, next) => {', `  req.redisClient = ${value};`, '  next();', '};');
    for (const middleware of [
      other('new Map()'),
      other("createClient({ url: 'redis://cache:6379' })", "const { createClient } = require('redis');"),
      other('req.app.get("redis")'),
    ]) {
      const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/middleware/other.js': middleware, 'src/controllers/products.js': PRODUCTS };
      assert.deepEqual(hints(files, 'src/controllers/products.js'), [], middleware);
    }
    const factory = sourceLines('module.exports = (client) => (req, res, next) => {', '  req.redisClient = client;', '  next();', '};');
    assert.deepEqual(hints({ 'src/middleware/redis.js': factory, 'src/controllers/products.js': PRODUCTS }, 'src/controllers/products.js'), []);
  });

  it('gives nothing for an assignment outside middleware: a function that neither calls its last parameter nor is passed to use', () => {
    const helper = sourceLines("const Redis = require('ioredis');", '', 'const client = new Redis();', '', 'function configure(target, options) {', '  target.redisClient = client;', '}', '', 'module.exports = configure;');
    assert.deepEqual(hints({ 'src/configure.js': helper, 'src/controllers/products.js': PRODUCTS }, 'src/controllers/products.js'), []);
    assert.equal(contributionOf('src/configure.js', helper)?.requestClients, undefined);
  });

  it("gives nothing from a test's stub middleware, and a test double file is not indexed", () => {
    const test = sourceLines(
      "const sinon = require('sinon');",
      "const products = require('../src/controllers/products');",
      '',
      "it('lists products', async () => {",
      '  const app = { use: (fn) => fn };',
      '  app.use((req, res, next) => {',
      '    req.redisClient = { keys: sinon.stub().resolves([]) };',
      '    next();',
      '  });',
      '  const check = async (req, res) => req.redisClient.keys();',
      '});',
    );
    const files = { 'src/middleware/redis.js': REDIS_MIDDLEWARE, 'src/controllers/products.js': PRODUCTS, 'test/products.test.js': test };
    assert.deepEqual(hints(files, 'test/products.test.js'), []);
    assert.equal(contributionOf('test/products.test.js', test)?.requestClients, undefined);
    assert.deepEqual(hints(files, 'src/controllers/products.js'), ['2:keys redis-keys', '2:keys redis-keys!', '4:setex redis-expire']);
  });
});
