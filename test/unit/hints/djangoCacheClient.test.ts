/**
 * django-redis: the redis-py client a Django cache hands out through its backend client, `cache.client.get_client()`
 * (also `get_client(write=True)`, and on `caches["default"]`), and Django's own Redis backend through
 * `cache._cache.get_client()`, read as a redis-py client: its KEYS, whole-list reads,
 * per-key commands in a loop and pipelines. Handing it out makes no client, so a view that calls it makes none per
 * request. Silent: Django's own cache API (`cache.delete`), and an object of another library with a `client` member.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('django-redis: the client behind cache.client.get_client()', () => {
  it('reads the handed-out client as redis-py, in views and helpers, with no client made per request', () => {
    const code = sourceLines(
      'from django.core.cache import cache, caches',
      'from django.http import JsonResponse',
      '',
      'sessions = caches["sessions"].client.get_client(write=True)',
      '',
      'def purge(prefix):',
      '    for key in sessions.keys(f"{prefix}:*"):',
      '        sessions.delete(key)',
      '',
      'def feed(request, user_id):',
      '    items = cache.client.get_client().lrange(f"feed:{user_id}", 0, -1)',
      '    cache.delete(f"seen:{user_id}")',
      '    return JsonResponse({"items": items})',
      '',
      'def fan_out(post_id, follower_ids):',
      '    pipe = cache.client.get_client().pipeline()',
      '    for user_id in follower_ids:',
      '        pipe.lpush(f"feed:{user_id}", post_id)',
      '    pipe.execute()',
    );
    assert.deepEqual(hintsIn('feed/views.py', code), [
      '7:keys redis-keys',
      '8:delete redis-unlink',
      '8:delete redis-loop-round-trips',
      '11:lrange redis-collection-read',
      '16:pipeline redis-mget',
      '7:keys redis-keys!',
      '8:delete redis-loop-round-trips!',
    ]);
  });

  it("reads the client Django's own Redis backend hands out, cache._cache.get_client()", () => {
    const code = sourceLines(
      'from django.core.cache import cache, caches',
      '',
      '',
      'def invalidate(pattern):',
      '    client = cache._cache.get_client(None, write=True)',
      '    for key in client.scan_iter(match=f"*{pattern}*"):',
      '        client.unlink(key)',
      '    return caches["default"]._cache.get_client().keys("stats:*")',
      '',
      '',
      'def warm(items):',
      '    cache._cache.clear()',
      '    cache.set_many(items)',
    );
    assert.deepEqual(hintsIn('stats/cache_tools.py', code), [
      '6:scan_iter redis-scan',
      '7:unlink redis-unlink',
      '7:unlink redis-loop-round-trips',
      '8:keys redis-keys',
      '7:unlink redis-loop-round-trips!',
      '8:keys redis-keys!',
    ]);
  });

  it('stays silent on a client member of an object that is no Django cache', () => {
    const code = sourceLines(
      'from payments.gateway import gateway',
      '',
      'def settle(profile, keys):',
      '    client = gateway.client.get_client(profile)',
      '    for key in keys:',
      '        client.delete(key)',
    );
    assert.deepEqual(hintsIn('payments/settle.py', code), []);
  });
  it('reads the client a project backend subclassing a Redis cache backend hands itself, where the class does not define the member', () => {
    const code = sourceLines(
      'from django.core.cache.backends.redis import RedisCache',
      'from django_redis.cache import RedisCache as DjangoRedisCache',
      '',
      'class TenantCache(RedisCache):',
      '    def keys(self, search=None):',
      '        return [key for key in self._cache.get_client().scan_iter(match=search or "*", count=500)]',
      '',
      '    def drop(self, raw_keys):',
      '        client = self._cache.get_client()',
      '        return client.unlink(*raw_keys)',
      '',
      '    def health(self):',
      '        return self.get("health")',
      '',
      'class SessionCache(DjangoRedisCache):',
      '    def wipe(self):',
      '        self.client.get_client().flushall()',
    );
    assert.deepEqual(hintsIn('core/caches.py', code).sort(), [
      '10:unlink redis-unlink',
      '17:flushall redis-flush',
      '17:flushall redis-flush!',
      '6:scan_iter redis-scan',
    ]);
    const annotated = sourceLines(
      'from django.core.cache.backends.redis import RedisCache, RedisCacheClient',
      'class TenantCache(RedisCache):',
      '    _cache: RedisCacheClient',
      '    def drop(self, raw_keys):',
      '        return self._cache.get_client().unlink(*raw_keys)',
    );
    assert.deepEqual(hintsIn('core/caches.py', annotated), ['5:unlink redis-unlink']);
  });
});
