/**
 * FastAPI application state shared across modules: the Redis client a module's startup code sets on
 * `app.state`, read in another module's handlers as `request.app.state.<name>`, and what stays silent: names
 * the setting files disagree on, per-request state, fakes that tests set, and the same handler without the
 * workspace.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { contributionOf, hintsInWorkspace, workspaceOf } from './support';

const MAIN = sourceLines(
  'from contextlib import asynccontextmanager',
  '',
  'import redis.asyncio as aioredis',
  'from fastapi import FastAPI',
  '',
  'from shop.routes import catalog',
  'from shop.settings import settings',
  '',
  '',
  '@asynccontextmanager',
  'async def lifespan(app: FastAPI):',
  '    app.state.cache = aioredis.from_url(settings.cache_url, decode_responses=True)',
  '    yield',
  '    await app.state.cache.aclose()',
  '',
  '',
  'app = FastAPI(lifespan=lifespan)',
  'app.include_router(catalog.router)',
);

const FACTORY_MAIN = sourceLines(
  'from fastapi import FastAPI',
  '',
  'from shop.cache import open_cache',
  '',
  'app = FastAPI()',
  '',
  '',
  '@app.on_event("startup")',
  'async def connect():',
  '    app.state.cache = await open_cache()',
);

const CACHE_MODULE = sourceLines(
  'import os',
  '',
  'from redis import asyncio as aioredis',
  '',
  '',
  'async def open_cache():',
  '    return aioredis.from_url(os.environ["CACHE_URL"])',
);

const CATALOG = sourceLines(
  'from fastapi import APIRouter, Request',
  '',
  'router = APIRouter()',
  '',
  '',
  '@router.delete("/catalog/cache")',
  'async def flush_catalog(request: Request):',
  '    cache = request.app.state.cache',
  '    for key in await cache.keys("catalog:*"):',
  '        await cache.delete(key)',
  '',
  '',
  '@router.get("/catalog/warm")',
  'async def warm(request: Request):',
  '    return await request.state.cache.keys("catalog:*")',
);

describe('FastAPI app.state set in another module', () => {
  it('reads request.app.state.<name> as the client the startup code of another module sets', () => {
    const found = hintsInWorkspace(workspaceOf({ 'shop/main.py': MAIN }), 'shop/routes/catalog.py', CATALOG);
    assert.ok(found.includes('9:keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('10:delete redis-loop-round-trips!'), found.join('\n'));
    // `request.state` is per request, not the application's.
    assert.ok(!found.some((hint) => hint.startsWith('15:')), found.join('\n'));
  });

  it('follows a startup hook that sets what a project function returns', () => {
    const model = workspaceOf({ 'shop/main.py': FACTORY_MAIN, 'shop/cache.py': CACHE_MODULE });
    const found = hintsInWorkspace(model, 'shop/routes/catalog.py', CATALOG);
    assert.ok(found.includes('9:keys redis-keys!'), found.join('\n'));
  });

  it('stays silent when the setting files disagree, ignores the fakes tests set, and needs the workspace', () => {
    const other = sourceLines('from fastapi import FastAPI', 'from shop.search import SearchIndex', 'admin = FastAPI()', 'admin.state.cache = SearchIndex()');
    const disagree = hintsInWorkspace(workspaceOf({ 'shop/main.py': MAIN, 'shop/admin.py': other }), 'shop/routes/catalog.py', CATALOG);
    assert.ok(!disagree.some((hint) => hint.includes('redis-keys')), disagree.join('\n'));
    const fake = sourceLines('import fakeredis', 'from shop.main import app', 'app.state.cache = fakeredis.FakeRedis()');
    assert.equal(contributionOf('tests/conftest.py', fake)?.requestClients, undefined);
    assert.deepEqual(hintsInWorkspace(undefined, 'shop/routes/catalog.py', CATALOG), []);
  });
});
