/**
 * Python objects that stand for a client: a class whose `__getattr__` forwards to one, a lazy proxy of a
 * library (werkzeug's `LocalProxy`, Django's `SimpleLazyObject`, `lazy_object_proxy.Proxy`), and the lazy
 * getters that make the client on first use (`if self._client is None:` in a `@property`, `@lru_cache`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';

describe('Python clients behind a proxy or a lazy getter', () => {
  it('reads an instance whose __getattr__ forwards to a client as that client, made lazily or in __init__', () => {
    const code = sourceLines(
      'import boto3',
      'class LazyDynamo:',
      '    def __init__(self):',
      '        self._client = None',
      '    def __getattr__(self, name):',
      '        if self._client is None:',
      '            self._client = boto3.client("dynamodb")',
      '        return getattr(self._client, name)',
      'class Tables:',
      '    def __init__(self):',
      '        self._resource = boto3.resource("dynamodb")',
      '    def __getattr__(self, item):',
      '        return getattr(self._resource, item)',
      'dynamodb = LazyDynamo()',
      'def all_orders():',
      '    return dynamodb.scan(TableName="orders")',
      'def all_items():',
      '    return Tables().Table("items").scan()["Items"]',
    );
    assert.deepEqual(hintsIn('proxy.py', code), ['16:scan dynamodb-scan', '18:scan dynamodb-scan', '16:scan dynamodb-scan!', '18:scan dynamodb-scan!']);
  });

  it('reads what the factory of a LocalProxy, SimpleLazyObject or lazy_object_proxy.Proxy returns', () => {
    const code = sourceLines(
      'import boto3',
      'import lazy_object_proxy',
      'import redis',
      'from django.utils.functional import SimpleLazyObject',
      'from werkzeug.local import LocalProxy',
      'def get_redis():',
      '    return redis.Redis(host="cache", port=6379)',
      'cache = LocalProxy(get_redis)',
      'orders = SimpleLazyObject(lambda: boto3.resource("dynamodb").Table("orders"))',
      'rds = lazy_object_proxy.Proxy(lambda: boto3.client("rds"))',
      'def purge():',
      '    cache.flushall()',
      '    rds.delete_db_instance(DBInstanceIdentifier="old", SkipFinalSnapshot=True)',
      '    return orders.scan()["Items"]',
    );
    const found = hintsIn('proxies.py', code);
    assert.ok(found.includes('12:flushall redis-flush') && found.includes('14:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('13:delete_db_instance ')), found.join('\n'));
  });

  it('reads a client a @property, @cached_property or lru_cache getter makes on first use', () => {
    const code = sourceLines(
      'import functools',
      'import boto3',
      'class Orders:',
      '    def __init__(self):',
      '        self._client = None',
      '    @property',
      '    def client(self):',
      '        if self._client is None:',
      '            self._client = boto3.client("dynamodb")',
      '        return self._client',
      '    def all(self):',
      '        return self.client.scan(TableName="orders")',
      '@functools.lru_cache(maxsize=None)',
      'def table():',
      '    return boto3.resource("dynamodb").Table("orders")',
      'def items():',
      '    return table().scan()["Items"]',
    );
    assert.deepEqual(hintsIn('lazy.py', code), ['12:scan dynamodb-scan', '17:scan dynamodb-scan', '12:scan dynamodb-scan!', '17:scan dynamodb-scan!']);
  });

  it('says nothing where the proxy forwards to something unknown, to two kinds, or the class has the method', () => {
    const code = sourceLines(
      'import boto3',
      'import redis',
      'from flask import g',
      'from werkzeug.local import LocalProxy',
      'class Proxy:',
      '    def __getattr__(self, name):',
      '        return getattr(self._target, name)',
      'class Either:',
      '    def __getattr__(self, name):',
      '        if name.startswith("k"):',
      '            return getattr(redis.Redis(), name)',
      '        return getattr(boto3.client("dynamodb"), name)',
      'class Wrapped:',
      '    def __init__(self):',
      '        self._client = boto3.client("dynamodb")',
      '    def __getattr__(self, name):',
      '        return getattr(self._client, name)',
      '    def scan(self, **kwargs):',
      '        return list(self._paginate(kwargs))',
      'class Named:',
      '    def __getattr__(self, name):',
      '        return getattr(boto3.client("dynamodb"), "describe_table")',
      'user = LocalProxy(lambda: g.user)',
      'def reads():',
      '    Proxy().scan(TableName="t")',
      '    Either().scan(TableName="t")',
      '    Wrapped().scan(TableName="t")',
      '    Named().scan(TableName="t")',
      '    return user.scan()',
      'class LocalProxy:',
      '    def __init__(self, factory):',
      '        self.factory = factory',
      'def own():',
      '    return LocalProxy(lambda: boto3.client("dynamodb")).scan(TableName="t")',
    );
    const found = hintsIn('traps.py', code).filter((hint) => /^(2[4-9]|3\d):/.test(hint));
    assert.deepEqual(found, []);
  });

  it('reads another module’s wrapper instance as its client in workspace mode, but not the methods the wrapper defines', () => {
    const cache = sourceLines(
      'from pickle import dumps',
      '',
      'from redis import StrictRedis',
      '',
      '',
      'class Cache:',
      '    def __init__(self):',
      '        self.conn = None',
      '',
      '    def init_app(self, app):',
      '        self.conn = StrictRedis.from_url(app.config["REDIS_URL"])',
      '',
      '    def set(self, key, value, ttl=3600):',
      '        return self.conn.setex(key, ttl, dumps(value))',
      '',
      '    def __getattr__(self, name):',
      '        return getattr(self.conn, name)',
      '',
      '',
      'cache = Cache()',
    );
    const votes = sourceLines(
      'from app.cache import cache',
      '',
      '',
      'def forget(keys, user):',
      '    cache.set(f"seen:{user}", keys)',
      '    for key in keys:',
      '        cache.delete(key)',
      '    return cache.smembers(f"votes:{user}"), cache.conn.hgetall(f"user:{user}")',
    );
    const model = workspaceOf({ 'app/cache.py': cache, 'app/__init__.py': '' });
    assert.deepEqual(hintsInWorkspace(model, 'app/votes.py', votes).filter((hint) => / redis-/.test(hint)).sort(), [
      '7:delete redis-loop-round-trips',
      '7:delete redis-loop-round-trips!',
      '7:delete redis-unlink',
      '8:hgetall redis-collection-read',
      '8:smembers redis-collection-read',
    ]);
    assert.deepEqual(hintsInWorkspace(undefined, 'app/votes.py', votes).filter((hint) => / redis-/.test(hint)), []);
  });
});
