/**
 * Clients of every library the Python analyzer reads, made in one module and used in another, as boto3's
 * are: a DAX resource (`amazondax`), a Valkey GLIDE client (asyncio and `glide_sync`), redis-py imported by
 * its class name (`from redis import Redis`, `RedisCluster`) and valkey-py. Made by a factory (cached or not,
 * async too), bound at module level and imported by name or through the module, set in a class's `__init__`
 * that another module instantiates, held by a container object, and handed out by FastAPI's `Depends`.
 * Then the traps: a function that only names a library's type, a class of another package named like GLIDE's,
 * a test double's module, and no workspace. Last, a module-level name bound to a call of another module's factory
 * (a package `__init__.py` binding `cache = make_cache()` under an `if`, after `cache = None`), read as the client
 * that call made once, at import.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const DAX_CLIENTS = sourceLines(
  'import os',
  'from functools import lru_cache',
  '',
  'from amazondax import AmazonDaxClient',
  '',
  '',
  'def orders_table():',
  '    endpoint = os.environ["DAX_ENDPOINT"]',
  '    return AmazonDaxClient.resource(endpoint_url=endpoint).Table(os.environ["ORDERS_TABLE"])',
  '',
  '',
  '@lru_cache(maxsize=1)',
  'def cached_orders():',
  '    return AmazonDaxClient.resource(endpoint_url=os.environ["DAX_ENDPOINT"]).Table("orders")',
  '',
  '',
  'class Services:',
  '    def __init__(self):',
  '        self.audit = AmazonDaxClient.resource(endpoint_url=os.environ["DAX_ENDPOINT"]).Table("audit")',
  '',
  '',
  'services = Services()',
);

const DAX_HANDLER = sourceLines(
  'from app.clients import cached_orders, orders_table, services',
  '',
  '',
  'def handler(event, context):',
  '    table = orders_table()',
  '    return table.scan()["Items"]',
  '',
  '',
  'def report(event, context):',
  '    cached_orders().scan()',
  '    return services.audit.scan()["Items"]',
);

const GLIDE_CACHE = sourceLines(
  'from glide import GlideClient, GlideClientConfiguration, NodeAddress',
  '',
  '',
  'async def connect_cache():',
  '    config = GlideClientConfiguration([NodeAddress("cache.internal", 6379)], use_tls=True)',
  '    return await GlideClient.create(config)',
  '',
  '',
  'def describe(client: GlideClient) -> dict:',
  '    return {"name": "cache"}',
);

const GLIDE_ROUTES = sourceLines(
  'from fastapi import APIRouter, Depends',
  '',
  'from app.cache import connect_cache, describe',
  '',
  'router = APIRouter()',
  '',
  '',
  '@router.get("/keys")',
  'async def all_keys(cache=Depends(connect_cache)):',
  '    return await cache.custom_command(["KEYS", "*"])',
  '',
  '',
  'async def warm(ids):',
  '    cache = await connect_cache()',
  '    for item in ids:',
  '        await cache.get(f"item:{item}")',
  '',
  '',
  'def labels(ids):',
  '    found = describe(None)',
  '    for item in ids:',
  '        found.get(item)',
);

const SYNC_CACHE = sourceLines(
  'from glide_sync import GlideClient, GlideClientConfiguration, NodeAddress',
  '',
  'config = GlideClientConfiguration([NodeAddress("cache.internal", 6379)])',
  'conn = GlideClient.create(config)',
);

const REDIS_STORE = sourceLines(
  'from redis import Redis',
  'from redis.cluster import RedisCluster',
  '',
  '',
  'class SessionStore:',
  '    def __init__(self, host: str):',
  '        self.conn = Redis(host=host, port=6379)',
  '',
  '',
  'def cluster_conn():',
  '    return RedisCluster(host="cache.internal", port=6379)',
);

const WORKERS = sourceLines(
  'from app import sync_cache',
  'from app.store import SessionStore, cluster_conn',
  '',
  '',
  'def expire_sessions(ids):',
  '    store = SessionStore("cache.internal")',
  '    for sid in ids:',
  '        store.conn.delete(sid)',
  '',
  '',
  'def touch(ids):',
  '    conn = cluster_conn()',
  '    for sid in ids:',
  '        conn.get(sid)',
  '',
  '',
  'def mark(ids):',
  '    for sid in ids:',
  '        sync_cache.conn.set(sid, "1")',
);

const FILES = {
  'app/__init__.py': '',
  'app/clients.py': DAX_CLIENTS,
  'app/handler.py': DAX_HANDLER,
  'app/cache.py': GLIDE_CACHE,
  'app/routes.py': GLIDE_ROUTES,
  'app/sync_cache.py': SYNC_CACHE,
  'app/store.py': REDIS_STORE,
  'app/workers.py': WORKERS,
};

describe('workspace: Python clients of DAX, GLIDE and redis-py made in another module', () => {
  it('reads a DAX table from a factory, a cached factory and a container object of another module', () => {
    const found = hints(FILES, 'app/handler.py');
    assert.ok(found.includes('6:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('10:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('11:scan dynamodb-scan!'), found.join('\n'));
    // The uncached factory makes a DAX client on every invocation; the cached one does not.
    assert.ok(found.includes('5:orders_table lambda-client-per-invocation!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('10:cached_orders')), found.join('\n'));
  });

  it('reads a GLIDE client from an async factory, awaited or through Depends', () => {
    const found = hints(FILES, 'app/routes.py');
    assert.ok(found.includes('10:"KEYS" redis-keys!'), found.join('\n'));
    assert.ok(found.includes('16:get redis-loop-round-trips!'), found.join('\n'));
  });

  it('reads redis-py clients named by their class, a cluster client, and a glide_sync client through its module', () => {
    const found = hints(FILES, 'app/workers.py');
    assert.ok(found.includes('8:delete redis-loop-round-trips!'), found.join('\n'));
    assert.ok(found.includes('14:get redis-loop-round-trips!'), found.join('\n'));
    assert.ok(found.includes('19:set redis-loop-round-trips!'), found.join('\n'));
  });

  it('reads nothing from a function that only names a library type, without the workspace, or from a test double', () => {
    assert.ok(!hints(FILES, 'app/routes.py').some((hint) => hint.startsWith('22:')));
    assert.ok(!hints(FILES, 'app/handler.py', null).some((hint) => hint.includes('dynamodb-scan')));
    assert.ok(!hints(FILES, 'app/routes.py', null).some((hint) => hint.endsWith('!')));
    const fake = { ...FILES, 'tests/fakes.py': GLIDE_CACHE, 'app/routes.py': GLIDE_ROUTES.replace('app.cache', 'tests.fakes') };
    assert.ok(!hints(fake, 'app/routes.py').some((hint) => hint.endsWith('!')));
  });

  it('reads nothing from a GlideClient of another package', () => {
    const other = { ...FILES, 'app/cache.py': GLIDE_CACHE.replace('from glide import', 'from glide_gateway import') };
    assert.ok(!hints(other, 'app/routes.py').some((hint) => hint.endsWith('!')));
  });
});

const CACHE_FACTORY = sourceLines(
  'import redis',
  'from functools import lru_cache',
  '',
  'pool = redis.ConnectionPool(host="cache.internal", port=6379)',
  '',
  '',
  '@lru_cache',
  'def make_cache():',
  '    return redis.Redis(connection_pool=pool)',
);

const TABLE_FACTORY = sourceLines(
  'import boto3',
  '',
  '',
  'def get_table(name):',
  '    return boto3.resource("dynamodb").Table(name)',
  '',
  '',
  'def get_limits():',
  '    return {"orders": 25}',
);

const CALLED = {
  'core/__init__.py': '',
  'core/cache/factory.py': CACHE_FACTORY,
  'core/cache/__init__.py': sourceLines(
    'from core.cache.factory import make_cache',
    'from config import settings',
    '',
    'cache = None',
    'if settings.CACHE_ENABLED:',
    '    cache = make_cache()',
  ),
  'core/tables.py': TABLE_FACTORY,
  'core/db.py': sourceLines(
    'from boto3.dynamodb.conditions import Key',
    '',
    'from core.tables import get_limits, get_table',
    '',
    'orders = get_table("orders")',
    'limits = get_limits()',
    'pending = None',
    '',
    '',
    'def by_customer(customer_id):',
    '    return orders.query(KeyConditionExpression=Key("customer_id").eq(customer_id))',
  ),
  'api/jobs.py': sourceLines(
    'from core.cache import cache',
    'from core.db import limits, orders, pending',
    '',
    '',
    'def handler(event, context):',
    '    for key in event["keys"]:',
    '        cache.delete(key)',
    '    return orders.scan()["Items"]',
    '',
    '',
    'def caps(names):',
    '    for name in names:',
    '        limits.get(name)',
    '        pending.get(name)',
  ),
};

describe('workspace: Python module-level names bound to a call of another module’s factory', () => {
  it('reads the client the call made, under an `if` after `= None` too, with the strings it passes', () => {
    const found = hints(CALLED, 'api/jobs.py');
    assert.ok(found.includes('7:delete redis-loop-round-trips!'), found.join('\n'));
    assert.ok(found.includes('8:scan dynamodb-scan!'), found.join('\n'));
  });

  it('reports no client per invocation for a client made at import, and nothing for a dict or a name only bound to None', () => {
    const found = hints(CALLED, 'api/jobs.py');
    assert.ok(!found.some((hint) => hint.includes('lambda-client-per-invocation')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('13:') || hint.startsWith('14:')), found.join('\n'));
  });
});
