/**
 * aiohttp applications and aioredis 1: a startup or cleanup-context hook sets `app['redis']` to the client of
 * `await aioredis.create_redis_pool(...)`, and handlers in this and other modules read it as `request.app['redis']`.
 * aioredis 1 sends a command when it is called, so one nothing awaits is not dropped, and its KEYS gets no
 * `scan_iter` fix (it has none). Attributes set on the application (`app.sessions = pool`, Sanic's `app.ctx.cache`)
 * are read the same way. Other keys of the application, and a test's fakes, stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { contributionOf, hintsInWorkspace, workspaceOf } from './support';

const MAIN = sourceLines(
  'import aioredis',
  'from aiohttp import web',
  '',
  'from board.views import clear_board, list_boards',
  '',
  '',
  'async def redis_ctx(app):',
  "    app['redis'] = await aioredis.create_redis_pool(app['settings']['redis_url'])",
  '    yield',
  "    app['redis'].close()",
  "    await app['redis'].wait_closed()",
  '',
  '',
  'async def names(request):',
  "    redis = request.app['redis']",
  "    return web.json_response(await redis.keys('board:*'))",
  '',
  '',
  'def make_app(settings):',
  '    app = web.Application()',
  "    app['settings'] = settings",
  '    app.cleanup_ctx.append(redis_ctx)',
  "    app.router.add_get('/names', names)",
  "    app.router.add_get('/boards', list_boards)",
  "    app.router.add_delete('/boards/{name}', clear_board)",
  '    return app',
);

const VIEWS = sourceLines(
  'from aiohttp import web',
  '',
  '',
  'async def list_boards(request):',
  "    redis = request.app['redis']",
  "    names = await redis.smembers('boards')",
  '    result = {}',
  '    for name in names:',
  '        result[name] = await redis.zrevrange(name, 0, -1)',
  "    settings = request.app['settings']",
  "    return web.json_response({'boards': result, 'size': settings.get('size')})",
  '',
  '',
  'async def clear_board(request):',
  "    name = request.match_info['name']",
  "    request.app['redis'].delete(name)",
  "    await request.app['redis'].set('board:cleared', name)",
  "    await request.app['redis'].expire('board:cleared', 60)",
  '    return web.Response(status=204)',
);

describe('aiohttp application keys holding an aioredis 1 client', () => {
  it('reads request.app[key] in the same module and in another, as the client the hook sets', () => {
    const main = hintsInWorkspace(workspaceOf({ 'board/app.py': MAIN, 'board/views.py': VIEWS }), 'board/app.py', MAIN);
    assert.ok(main.includes('16:keys redis-keys!'), main.join('\n'));
    const views = hintsInWorkspace(workspaceOf({ 'board/app.py': MAIN, 'board/views.py': VIEWS }), 'board/views.py', VIEWS);
    assert.ok(views.includes('9:zrevrange redis-loop-round-trips!'), views.join('\n'));
    assert.ok(views.includes('17:set redis-expire!'), views.join('\n'));
    assert.ok(views.includes('16:delete redis-unlink'), views.join('\n'));
    // aioredis 1 sends the DEL when called: nothing is dropped.
    assert.ok(!views.some((hint) => hint.includes('redis-command-not-awaited')), views.join('\n'));
    // `request.app['settings']` is a dict of settings, not a client.
    assert.ok(!views.some((hint) => hint.startsWith('10:') || hint.startsWith('11:')), views.join('\n'));
  });

  it('ignores the fakes a test sets, and needs the workspace for another module', () => {
    const fake = sourceLines('import fakeredis', 'from board.app import make_app', 'app = make_app({})', "app['redis'] = fakeredis.FakeRedis()");
    assert.equal(contributionOf('tests/test_views.py', fake)?.requestClients, undefined);
    assert.deepEqual(hintsInWorkspace(undefined, 'board/views.py', VIEWS), []);
  });
});

describe('clients set as attributes of an application', () => {
  it("reads request.app.<name> (aiohttp) and request.app.ctx.<name> (Sanic) as what a hook of another module sets", () => {
    const hooks = sourceLines(
      'import aioredis',
      'from redis import asyncio as redis_asyncio',
      '',
      '',
      'async def open_stores(app):',
      "    sessions = await aioredis.create_redis_pool('redis://sessions:6379')",
      '    app.sessions = sessions',
      '    app.settings = {"ttl": 60}',
      '',
      '',
      'async def open_cache(app, loop):',
      "    app.ctx.cache = redis_asyncio.from_url('redis://cache:6379')",
    );
    const handlers = sourceLines(
      'async def logout(request):',
      "    await request.app.sessions.delete(request.headers['token'])",
      "    request.app.router.add_get('/x', logout)",
      "    return request.app.settings.get('ttl')",
      '',
      '',
      'async def purge(request):',
      "    for key in await request.app.ctx.cache.keys('tmp:*'):",
      '        await request.app.ctx.cache.delete(key)',
    );
    const found = hintsInWorkspace(workspaceOf({ 'svc/hooks.py': hooks, 'svc/handlers.py': handlers }), 'svc/handlers.py', handlers);
    assert.ok(found.includes('2:delete redis-unlink'), found.join('\n'));
    assert.ok(found.includes('8:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('9:delete redis-loop-round-trips!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('3:') || hint.startsWith('4:')), found.join('\n'));
  });
});

describe('aioredis 1 clients', () => {
  it('reads create_redis_pool and create_redis with their options; an unawaited command is sent; NX written as exist=', () => {
    const found = hintsIn(
      'store.py',
      sourceLines(
        'import aioredis',
        '',
        '',
        'class Store:',
        '    async def open(self):',
        "        self.redis = await aioredis.create_redis_pool('redis://cache:6379', password='letmein', minsize=2, maxsize=10)",
        "        self.queue = await aioredis.create_redis(('queue', 6379), ssl=True)",
        '',
        '    async def lock(self, key):',
        '        if await self.redis.get(key) is None:',
        '            await self.redis.set(key, 1, expire=30, exist=self.redis.SET_IF_NOT_EXIST)',
        '            return True',
        '        return False',
        '',
        '    async def touch(self, keys):',
        '        for key in keys:',
        '            self.redis.expire(key, 60)',
        "        self.queue.publish('touched', len(keys))",
        '        return await self.redis.keys("lock:*")',
      ),
    );
    assert.ok(found.includes("6:'letmein' redis-password!"), found.join('\n'));
    assert.ok(found.some((hint) => /^6:\S+ redis-auth-without-tls!$/.test(hint)), found.join('\n'));
    assert.ok(found.some((hint) => /^7:\S+ redis-tls$/.test(hint)), found.join('\n'));
    assert.ok(found.includes('19:keys redis-keys!'), found.join('\n'));
    // `exist=SET_IF_NOT_EXIST` is NX; an unawaited EXPIRE per key is pipelined by aioredis 1 and still sent.
    assert.ok(!found.some((hint) => /redis-check-then-set!|redis-command-not-awaited|^17:.*redis-loop-round-trips!/.test(hint)), found.join('\n'));
  });
});
