/**
 * Flask-Caching's `Cache(config={...})` on a Redis backend: its methods are the cache API, not Redis commands, but
 * `clear()` empties the cache the way cachelib's `clear` does: with a key prefix it sends KEYS `prefix*`, then DEL
 * of what it found; without one, FLUSHDB, which deletes every key of the database (a Celery broker's queues sharing
 * it among them) (https://github.com/pallets-eco/cachelib/blob/main/src/cachelib/redis_base.py, `clear`).
 * Flask-Caching's `init_app` defaults `CACHE_KEY_PREFIX` to `flask_cache_` and its `backends/rediscache.py` hands
 * it over as `key_prefix`, so a config that does not write the prefix gets KEYS too; only a prefix written empty
 * (`''`, `None`) gets FLUSHDB. Only a config written in the call is
 * read: a `Cache()` configured later through `init_app` or the application's config says nothing of `clear()`.
 *
 * Whatever the backend, `cache.cache` is the backend object, and only cachelib's Redis backends (Flask-Caching's
 * `RedisCache`, `RedisSentinelCache`, `RedisClusterCache`) have `_write_client` and `_read_client`: the redis-py
 * clients they send commands with (cachelib `redis.py`; Flask-Caching `backends/rediscache.py`). Code that reaches
 * for them (`cache.cache._write_client.scan_iter(...)`) holds a Redis client even where the config is not in the file.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { RedisStructure } from '../model';
import type { Value } from './values';

const MODULE = 'flask_caching';
/** The `CACHE_TYPE`s of the Redis backends whose `clear` is cachelib's (`RedisSentinelCache` and `RedisClusterCache` extend `RedisCache`). */
const REDIS_CACHE_TYPE = /^(?:flask_caching\.backends\.(?:rediscache\.)?)?(?:RedisCache|RedisSentinelCache|RedisClusterCache|redis|redissentinel|rediscluster)$/;

/** A Flask-Caching cache whose backend the call does not say: its methods are no command, its backend's Redis clients are. */
const UNKNOWN_BACKEND: Value = { t: 'client', kind: 'redis', flavor: 'redis-py', structure: 'flask-cache-any' };

/** Whether a call's callee is Flask-Caching's `Cache` (`from flask_caching import Cache`). */
export function isFlaskCache(value: Value): boolean {
  return value.t === 'ref' && value.module === MODULE && value.path === 'Cache';
}

/**
 * The cache `Cache(config={...})` opening at `open` makes (also `Cache(app, config=settings)` with `settings` a dict of
 * the file): its Redis client seen through the cache API; a cache of a backend the call does not say (`Cache()`, a
 * `CACHE_TYPE` read from settings) when the config is not written there; undefined for another backend.
 */
export function flaskCacheValue(a: CodeAnalyzer, open: number): Value | undefined {
  const config = segments(a, open).find(([start]) => a.idIs(start, 'config') && a.is(start + 1, '='))?.[0] ?? -3;
  // `config={...}`, or `config=settings` where the file binds `settings` to a dict literal.
  const named = config >= 0 && a.isId(config + 2) && (a.is(config + 3, ',') || a.is(config + 3, ')')) ? a.objectVariable(a.tokens.text(config + 2), config + 2) : -1;
  const dict = named >= 0 ? named : config + 2;
  if (dict < 0 || !a.is(dict, '{') || a.partner[dict] < dict) {
    return UNKNOWN_BACKEND;
  }
  let type: string | undefined;
  // Flask-Caching's default prefix (`flask_cache_`) stands unless the config writes an empty one.
  let prefixed = true;
  for (let k = dict + 1; k < a.partner[dict]; k = a.skipGroup(k)) {
    if (!a.isString(k) || !a.is(k + 1, ':') || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    const key = a.tokens.text(k);
    if (key === 'CACHE_TYPE' && a.isString(k + 2)) {
      type = a.tokens.text(k + 2);
    } else if (key === 'CACHE_KEY_PREFIX') {
      prefixed = !((a.isString(k + 2) && a.tokens.text(k + 2) === '') || a.idIs(k + 2, 'None'));
    }
  }
  if (!type) {
    return UNKNOWN_BACKEND;
  }
  if (!REDIS_CACHE_TYPE.test(type)) {
    return undefined;
  }
  return { t: 'client', kind: 'redis', flavor: 'redis-py', structure: prefixed ? 'flask-cache-prefixed' : 'flask-cache' };
}

/** A member of a Flask-Caching cache: its backend object (`cache.cache`), and that object's Redis clients (`._write_client`). */
export function flaskCacheMember(structure: RedisStructure | undefined, name: string): Value | undefined {
  if (structure === 'flask-cache' || structure === 'flask-cache-prefixed' || structure === 'flask-cache-any') {
    return name === 'cache' ? { t: 'client', kind: 'redis', flavor: 'redis-py', structure: 'flask-cache-backend' } : undefined;
  }
  return structure === 'flask-cache-backend' && (name === '_write_client' || name === '_read_client') ? { t: 'client', kind: 'redis', flavor: 'redis-py' } : undefined;
}
