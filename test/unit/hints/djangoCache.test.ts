/**
 * Django's cache on django-redis (`from django.core.cache import cache`, `caches["..."]`): the methods django-redis
 * adds are Redis commands (`keys` is KEYS, `iter_keys` and `delete_pattern` SCAN, `expire`, `ttl`), Django's own
 * API is not, and KEYS gets no quick fix that would call a method the cache does not have. `clear()` is FLUSHDB
 * where the workspace's settings name a Redis cache backend and no other.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

const VIEWS = sourceLines(
  'from django.core.cache import cache, caches',
  'from django.http import JsonResponse',
  '',
  '',
  'def clear_sessions(request):',
  '    keys = cache.keys("session:*")',
  '    cache.delete_many(keys)',
  '    return JsonResponse({"cleared": len(keys)})',
  '',
  '',
  'def clear_reports(request):',
  '    removed = caches["reports"].delete_pattern("report:*")',
  '    for key in cache.iter_keys("tmp:*"):',
  '        cache.expire(key, 60)',
  '    cache.set("last_clear", 1, timeout=300)',
  '    return JsonResponse({"removed": removed, "ttl": cache.ttl("last_clear")})',
);

describe("Python: Django's cache on django-redis", () => {
  it('reads the methods django-redis adds as Redis commands, and no other', () => {
    assert.deepEqual(hintsIn('views.py', VIEWS).sort(), [
      '12:delete_pattern redis-scan',
      '13:iter_keys redis-scan',
      '14:expire redis-expire',
      '14:expire redis-loop-round-trips',
      '14:expire redis-loop-round-trips!',
      '16:ttl redis-expire',
      '6:keys redis-keys',
      '6:keys redis-keys!',
    ]);
  });

  it('offers no KEYS quick fix: the cache has no scan_iter', () => {
    const keys = analyzeText(VIEWS, realHintRules(), { kind: 'python' }).findings.find((finding) => finding.ruleId === 'redis-keys');
    assert.ok(keys);
    assert.equal(keys.fix, undefined);
  });

  it("stays silent on a cache that is not Django's and on a local name that shadows it", () => {
    const code = sourceLines(
      'from django.core.cache import cache',
      'from myapp.memo import caches',
      '',
      '',
      'def stats(cache):',
      '    return cache.keys("*")',
      '',
      '',
      'def memo():',
      '    return caches["local"].keys("*")',
    );
    assert.deepEqual(hintsIn('stats.py', code), []);
  });

  describe('clear() where the settings tell the backend (workspace mode)', () => {
    const purge = sourceLines(
      'from django.core.cache import cache, caches',
      'def purge():',
      '    cache.clear()',
      '    caches["default"].clear()',
    );
    const settings = (...backends: string[]): string =>
      sourceLines('CACHES = {', ...backends.map((backend, k) => `    "c${k}": {"BACKEND": "${backend}", "LOCATION": "redis://cache:6379/${k}"},`), '}');

    it("reads clear() as FLUSHDB on django-redis's or Django's own Redis backend", () => {
      for (const backend of ['django_redis.cache.RedisCache', 'django.core.cache.backends.redis.RedisCache']) {
        const files = { 'site/settings.py': settings(backend), 'site/tasks.py': purge };
        assert.deepEqual(hintsOfFile(files, 'site/tasks.py'), ['3:clear redis-flush', '4:clear redis-flush'], backend);
      }
    });

    it('stays silent alone, with no Redis backend, and beside another backend', () => {
      assert.deepEqual(hintsIn('tasks.py', purge), []);
      for (const backends of [['django.core.cache.backends.memcached.PyMemcacheCache'], ['django_redis.cache.RedisCache', 'django.core.cache.backends.locmem.LocMemCache'], ['django_redis.cache.RedisCache', 'diskcache.DjangoCache']]) {
        const files = { 'site/settings.py': settings(...backends), 'site/tasks.py': purge };
        assert.deepEqual(hintsOfFile(files, 'site/tasks.py'), [], backends.join());
      }
    });
  });

  describe("a project's own backend or client class (workspace mode)", () => {
    const service = sourceLines(
      'from django.core.cache import cache',
      'def purge(pattern):',
      '    for key in cache.keys(pattern):',
      '        cache.delete(key)',
      '    return cache.ttl("last")',
    );
    const settings = sourceLines('CACHES = {"default": {"BACKEND": "core.caches.ScanningCache", "LOCATION": "redis://cache:6379/0"}}');

    it('reads no command for a method the class defines, and the others as before', () => {
      const backend = sourceLines(
        'from django.core.cache.backends.redis import RedisCache',
        '',
        'class ScanningCache(RedisCache):',
        '    """Keys by SCAN."""',
        '',
        '    def keys(self, search=None):',
        '        def decode(key):',
        '            return key.decode()',
        '        return [decode(k) for k in self._cache.get_client().scan_iter(match=search)]',
        '',
        'def ttl(key):',
        '    return 0',
      );
      const files = { 'site/settings.py': settings, 'core/caches.py': backend, 'core/service.py': service };
      assert.deepEqual(hintsOfFile(files, 'core/service.py'), ['5:ttl redis-expire']);
      assert.deepEqual(hintsOfFile(files, 'core/caches.py'), ['9:scan_iter redis-scan']);
    });

    it('reads the methods of a django-redis client class the same way, and keeps KEYS where no class defines it', () => {
      const client = sourceLines(
        'from django_redis.client import DefaultClient',
        '',
        'class PrefixClient(DefaultClient):',
        '    def ttl(self, key, version=None, client=None):',
        '        return super().ttl(key, version=version, client=client)',
      );
      const files = { 'site/settings.py': settings, 'core/client.py': client, 'core/service.py': service };
      assert.deepEqual(hintsOfFile(files, 'core/service.py').sort(), ['3:keys redis-keys', '3:keys redis-keys!']);
      const unrelated = sourceLines('from django.db import models', 'class Shelf(models.Model):', '    def keys(self):', '        return []');
      assert.deepEqual(hintsOfFile({ ...files, 'core/client.py': unrelated }, 'core/service.py').sort(), ['3:keys redis-keys', '3:keys redis-keys!', '5:ttl redis-expire']);
    });
  });
});
