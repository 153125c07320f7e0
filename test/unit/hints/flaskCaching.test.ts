/**
 * Flask-Caching's `Cache(config={...})` on a Redis backend: `clear()` is KEYS `prefix*` (cachelib's `clear`), the
 * default `flask_cache_` prefix too, or FLUSHDB with a `CACHE_KEY_PREFIX` written empty, in the file and in the
 * modules that import the cache; its other methods are the cache API and no command. The backend's own redis-py
 * clients (`cache.cache._write_client`) are Redis clients whatever the config. Traps: another backend, a config not
 * written in the call, a `clear` of something else.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

/** A cache module whose `Cache(...)` takes `config` (the dict's text). */
function cacheModule(config: string): string {
  return sourceLines('import os', 'from flask_caching import Cache', '', `cache = Cache(config=${config})`);
}

const VIEWS = sourceLines(
  'from app.cache import cache',
  '',
  '',
  '@cache.memoize(timeout=60)',
  'def summary(user_id):',
  '    return {"user": user_id}',
  '',
  '',
  'def update(user_id, data):',
  '    cache.set(f"user:{user_id}", data)',
  '    cache.clear()',
  '    return data',
);

describe('Python: Flask-Caching on a Redis backend', () => {
  it('reads clear() as FLUSHDB in the file and in the modules that import the cache when the key prefix is written empty', () => {
    const config = "{'CACHE_TYPE': 'redis', 'CACHE_KEY_PREFIX': '', 'CACHE_REDIS_URL': os.environ.get('REDIS_URL')}";
    const local = cacheModule(config) + sourceLines('', '', 'def reset():', '    cache.clear()');
    assert.deepEqual(hintsIn('app/cache.py', local), ['8:clear redis-flush']);
    // The config held by a name of the file, and the app passed first.
    const held = sourceLines('from flask_caching import Cache', 'from app import app', '', "settings = {'CACHE_TYPE': 'RedisCache', 'CACHE_KEY_PREFIX': None, 'CACHE_REDIS_URL': 'redis://cache:6379/0'}", 'cache = Cache(app, config=settings)', '', '', 'def reset():', '    cache.clear()');
    assert.deepEqual(hintsIn('app/cache.py', held), ['9:clear redis-flush']);
    const files = { 'app/__init__.py': '', 'app/cache.py': cacheModule(config), 'app/views.py': VIEWS };
    assert.deepEqual(hintsOfFile(files, 'app/views.py'), ['11:clear redis-flush']);
    for (const type of ['RedisCache', 'flask_caching.backends.RedisClusterCache', 'RedisSentinelCache']) {
      const typed = { ...files, 'app/cache.py': cacheModule(`{"CACHE_TYPE": "${type}", "CACHE_KEY_PREFIX": "", "CACHE_REDIS_HOST": os.environ["CACHE_HOST"]}`) };
      assert.deepEqual(hintsOfFile(typed, 'app/views.py'), ['11:clear redis-flush'], type);
    }
  });

  it("reads clear() as KEYS of Flask-Caching's default prefix when the config does not write one", () => {
    const config = "{'CACHE_TYPE': 'redis', 'CACHE_REDIS_URL': os.environ.get('REDIS_URL')}";
    const local = cacheModule(config) + sourceLines('', '', 'def reset():', '    cache.clear()');
    assert.deepEqual(hintsIn('app/cache.py', local), ['8:clear redis-keys', '8:clear redis-keys!']);
    const files = { 'app/__init__.py': '', 'app/cache.py': cacheModule(config), 'app/views.py': VIEWS };
    assert.deepEqual(hintsOfFile(files, 'app/views.py'), ['11:clear redis-keys', '11:clear redis-keys!']);
  });

  it('reads clear() as KEYS of the prefix when the config sets CACHE_KEY_PREFIX', () => {
    const files = {
      'app/__init__.py': '',
      'app/cache.py': cacheModule("{'CACHE_TYPE': 'RedisCache', 'CACHE_KEY_PREFIX': 'views_', 'CACHE_REDIS_URL': os.environ['REDIS_URL']}"),
      'app/views.py': VIEWS,
    };
    assert.deepEqual(hintsOfFile(files, 'app/views.py'), ['11:clear redis-keys', '11:clear redis-keys!']);
  });

  it("reads the backend's Redis clients (cache.cache._write_client, _read_client) whatever the config says", () => {
    const purge = sourceLines(
      'from app.cache import cache',
      '',
      '',
      'def purge(prefix):',
      '    for key in cache.cache._write_client.scan_iter(match=prefix + "*"):',
      '        cache.delete(key)',
      '    client = cache.cache._read_client',
      '    names = client.keys("user-*")',
      '    cache.clear()',
      '    return names',
    );
    for (const config of ["{'CACHE_TYPE': 'RedisCache'}", "{'CACHE_TYPE': settings.CACHE_TYPE}", 'settings.CACHE']) {
      const files = { 'app/__init__.py': '', 'app/cache.py': cacheModule(config), 'app/purge.py': purge };
      const clear = config.startsWith("{'CACHE_TYPE': 'Redis") ? ['9:clear redis-keys', '9:clear redis-keys!'] : [];
      assert.deepEqual(hintsOfFile(files, 'app/purge.py'), ['5:scan_iter redis-scan', '8:keys redis-keys', '8:keys redis-keys!', ...clear], config);
    }
    const later = sourceLines('from flask_caching import Cache', '', 'cache = Cache()', '', 'def purge():', '    return cache.cache._read_client.keys("*")');
    assert.deepEqual(hintsIn('app/cache.py', later), ['6:keys redis-keys', '6:keys redis-keys!']);
    // Another backend named in the call, another library's `Cache`, and the backend's own cache API: nothing.
    const simple = sourceLines('from flask_caching import Cache', '', "cache = Cache(config={'CACHE_TYPE': 'SimpleCache'})", 'cache.cache._write_client.keys("*")');
    assert.deepEqual(hintsIn('app/cache.py', simple), []);
    const other = sourceLines('from cachetools import Cache', '', 'cache = Cache()', 'cache.cache._write_client.keys("*")', 'cache.cache.clear()');
    assert.deepEqual(hintsIn('app/local.py', other), []);
    const api = sourceLines('from flask_caching import Cache', '', 'cache = Cache()', 'cache.cache.clear()', 'cache.cache.delete_many("a", "b")', 'cache.keys = []');
    assert.deepEqual(hintsIn('app/cache.py', api), []);
  });

  it('reads nothing for another backend, a config not written in the call, or a clear of something else', () => {
    for (const config of ["{'CACHE_TYPE': 'SimpleCache'}", "{'CACHE_TYPE': 'FileSystemCache', 'CACHE_DIR': '/tmp'}", 'settings.CACHE', '{**base, "CACHE_KEY_PREFIX": "x"}']) {
      const files = { 'app/__init__.py': '', 'app/cache.py': cacheModule(config), 'app/views.py': VIEWS };
      assert.deepEqual(hintsOfFile(files, 'app/views.py'), [], config);
    }
    const later = sourceLines('from flask_caching import Cache', '', 'cache = Cache()', '', 'def init(app):', "    cache.init_app(app, config={'CACHE_TYPE': 'redis'})", '    cache.clear()');
    assert.deepEqual(hintsIn('app/cache.py', later), []);
    const other = sourceLines('from cachetools import Cache', '', "cache = Cache(config={'CACHE_TYPE': 'redis'})", 'items = []', 'cache.clear()', 'items.clear()');
    assert.deepEqual(hintsIn('app/local.py', other), []);
  });
});
