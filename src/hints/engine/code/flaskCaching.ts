/**
 * Flask-Caching's `Cache(config={...})` on a Redis backend: its methods are the cache API, not Redis commands, but
 * `clear()` empties the cache the way cachelib's `RedisCache.clear` does: without a key prefix it sends FLUSHDB,
 * which deletes every key of the database (a Celery broker's queues sharing it among them); with `CACHE_KEY_PREFIX`
 * it sends KEYS `prefix*`, then DEL of what it found
 * (https://github.com/pallets-eco/cachelib/blob/main/src/cachelib/redis.py, `clear`; Flask-Caching's
 * `backends/rediscache.py` hands `CACHE_KEY_PREFIX` over as `key_prefix`). Only a config written in the call is
 * read: a `Cache()` configured later through `init_app` or the application's config says nothing here.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { Value } from './values';

const MODULE = 'flask_caching';
/** The `CACHE_TYPE`s of the Redis backends whose `clear` is cachelib's (`RedisSentinelCache` and `RedisClusterCache` extend `RedisCache`). */
const REDIS_CACHE_TYPE = /^(?:flask_caching\.backends\.(?:rediscache\.)?)?(?:RedisCache|RedisSentinelCache|RedisClusterCache|redis|redissentinel|rediscluster)$/;

/** Whether a call's callee is Flask-Caching's `Cache` (`from flask_caching import Cache`). */
export function isFlaskCache(value: Value): boolean {
  return value.t === 'ref' && value.module === MODULE && value.path === 'Cache';
}

/**
 * The cache `Cache(config={...})` opening at `open` makes (also `Cache(app, config=settings)` with `settings` a dict of
 * the file): its Redis client seen through the cache API, or undefined for another backend or a config not written there.
 */
export function flaskCacheValue(a: CodeAnalyzer, open: number): Value | undefined {
  const config = segments(a, open).find(([start]) => a.idIs(start, 'config') && a.is(start + 1, '='))?.[0] ?? -3;
  // `config={...}`, or `config=settings` where the file binds `settings` to a dict literal.
  const named = config >= 0 && a.isId(config + 2) && (a.is(config + 3, ',') || a.is(config + 3, ')')) ? a.objectVariable(a.tokens.text(config + 2), config + 2) : -1;
  const dict = named >= 0 ? named : config + 2;
  if (dict < 0 || !a.is(dict, '{') || a.partner[dict] < dict) {
    return undefined;
  }
  let type: string | undefined;
  let prefixed = false;
  for (let k = dict + 1; k < a.partner[dict]; k = a.skipGroup(k)) {
    if (!a.isString(k) || !a.is(k + 1, ':') || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    const key = a.tokens.text(k);
    if (key === 'CACHE_TYPE' && a.isString(k + 2)) {
      type = a.tokens.text(k + 2);
    } else if (key === 'CACHE_KEY_PREFIX') {
      prefixed = true;
    }
  }
  if (!type || !REDIS_CACHE_TYPE.test(type)) {
    return undefined;
  }
  return { t: 'client', kind: 'redis', flavor: 'redis-py', structure: prefixed ? 'flask-cache-prefixed' : 'flask-cache' };
}
