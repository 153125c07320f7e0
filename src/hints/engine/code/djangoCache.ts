/**
 * Django's cache API on a django-redis backend: `from django.core.cache import cache` and `caches["default"]`.
 * Django's own cache API has no `keys`, `iter_keys`, `ttl`, `expire` or `persist`; django-redis adds them, and
 * its client runs them as Redis commands (django_redis/client/default.py): `keys(pattern)` "Execute[s] KEYS
 * command", `iter_keys` and `delete_pattern` walk with SCAN (`scan_iter`), `ttl`, `expire`, `persist` and their
 * `p`/`_at` forms are the commands of those names. The cache's other methods (`get`, `set`, `delete_many`) are
 * Django's API, not one command each, and are not read as Redis commands
 * (https://github.com/jazzband/django-redis#scan--delete-keys-in-bulk).
 */
import { normalizeName } from '../types';
import type { ProjectContext } from './projectImports';
import { Value } from './values';

const DJANGO_CACHE_MODULE = 'django.core.cache';

/** The cache object a django-redis backend gives: a redis-py client seen through Django's facade. */
const CACHE: Value = { t: 'client', kind: 'redis', flavor: 'redis-py', structure: 'cache' };

/** The Redis commands of the facade's methods, by normalised name. */
const DJANGO_CACHE_COMMANDS: Record<string, string> = {
  keys: 'keys',
  iterkeys: 'scaniter',
  deletepattern: 'scaniter',
  ttl: 'ttl',
  pttl: 'pttl',
  expire: 'expire',
  pexpire: 'pexpire',
  expireat: 'expireat',
  pexpireat: 'pexpireat',
  persist: 'persist',
};

/**
 * The Redis cache backends, whose `clear()` is one FLUSHDB on the cache's database: django-redis's
 * (`DefaultClient.clear` calls `flushdb()`, django_redis/client/default.py) and Django's own
 * (`RedisCacheClient.clear` calls `flushdb()`, django/core/cache/backends/redis.py).
 */
const REDIS_BACKENDS = /['"](?:django_redis\.cache\.RedisCache|django\.core\.cache\.backends\.redis\.RedisCache)['"]/g;
/** Any other cache backend: Django's own (`locmem`, `memcached`, `db`, `filebased`, `dummy`), and dotted classes named `…Cache`. */
const OTHER_BACKEND = /['"](?:django\.core\.cache\.backends\.[\w.]+|[\w.]+\.\w*Cache)['"]/;

/**
 * Whether the settings among these module texts name a Redis cache backend and no other: then Django's
 * `cache.clear()` is FLUSHDB. A project that also names another backend (a `locmem` cache beside the Redis
 * one) cannot be told apart per cache, and gets nothing.
 */
export function redisCachesOnly(texts: Iterable<string>): boolean {
  let redis = false;
  for (const text of texts) {
    // Every backend above names `Cache`: a module without it pays one scan.
    if (!text.includes('Cache')) {
      continue;
    }
    const found = text.search(REDIS_BACKENDS) >= 0;
    if (OTHER_BACKEND.test(found ? text.replace(REDIS_BACKENDS, '') : text)) {
      return false;
    }
    redis ||= found;
  }
  return redis;
}

/** What the workspace says about Django's caches, as the analyzer asks it. */
type DjangoCacheFacts = Pick<ProjectContext, 'djangoRedisCaches' | 'djangoCacheOverrides'>;

/**
 * The Redis command a facade method runs: none where a project's own backend or client class defines the
 * method (a `keys` written over SCAN), since the project's code then decides what reaches Redis.
 */
export function djangoCacheCommand(method: string, project: DjangoCacheFacts | undefined): string | undefined {
  if (project?.djangoCacheOverrides?.().has(method)) {
    return undefined;
  }
  return method === 'clear' ? (project?.djangoRedisCaches?.() ? 'flushdb' : undefined) : DJANGO_CACHE_COMMANDS[method];
}

/** A class over a Django cache backend (`RedisCache`, `BaseCache`) or a django-redis client (`DefaultClient`, `HerdClient`). */
const BACKEND_CLASS = /^([ \t]*)class[ \t]+\w+[ \t]*\(([^)\n]*)\)[ \t]*:/gm;
const BACKEND_BASE = /\b\w*(?:Cache|DefaultClient|HerdClient|ShardClient)\b/;
/** A line's indentation, and the name a `def` on it defines. */
const LINE = /^([ \t]*)(?:(?:async[ \t]+)?def[ \t]+(\w+)|\S)/gm;

/**
 * The methods (normalised names) that the cache backend and django-redis client classes of one Python module
 * define in their own bodies, not in nested functions. Each line is read once.
 */
export function djangoCacheMethods(text: string): string[] {
  const methods: string[] = [];
  if (!text.includes('django') || !text.includes('class')) {
    return methods;
  }
  BACKEND_CLASS.lastIndex = 0;
  for (let match = BACKEND_CLASS.exec(text); match; match = BACKEND_CLASS.exec(text)) {
    if (!BACKEND_BASE.test(match[2])) {
      continue;
    }
    const classIndent = match[1].length;
    let bodyIndent: number | undefined;
    let bodyEnd = text.length;
    LINE.lastIndex = match.index + match[0].length;
    for (let line = LINE.exec(text); line; line = LINE.exec(text)) {
      const indent = line[1].length;
      if (indent <= classIndent) {
        bodyEnd = line.index;
        break;
      }
      bodyIndent ??= indent;
      if (line[2] && indent === bodyIndent) {
        methods.push(normalizeName(line[2]));
      }
    }
    // The next class is looked for after this body.
    BACKEND_CLASS.lastIndex = bodyEnd;
  }
  return methods;
}

/** `cache` imported from `django.core.cache`: the default cache. */
export function djangoCacheImport(module: string, path: string): Value | undefined {
  return module === DJANGO_CACHE_MODULE && path === 'cache' ? CACHE : undefined;
}

/**
 * The Redis cache backend classes (django-redis `django_redis.cache.RedisCache`, Django's own
 * `django.core.cache.backends.redis.RedisCache`): a project backend that subclasses one is that cache, so its
 * `self._cache.get_client()` (Django's) or `self.client.get_client()` (django-redis) is the redis-py client.
 */
export function djangoCacheBackendClass(module: string, path: string): Value | undefined {
  if (module === 'django.core.cache.backends.redis' && path === 'RedisCacheClient') {
    // The type a subclass declares its `_cache` with (`_cache: RedisCacheClient`): read as the cache, whose
    // `get_client()` is the redis-py client.
    return CACHE;
  }
  return path === 'RedisCache' && (module === 'django_redis.cache' || module === 'django.core.cache.backends.redis') ? CACHE : undefined;
}

/** `caches["default"]`: one of the configured caches, indexed on `caches` imported from `django.core.cache`. */
export function djangoCachesEntry(value: Value | undefined): Value | undefined {
  return value?.t === 'ref' && value.module === DJANGO_CACHE_MODULE && value.path === 'caches' ? CACHE : undefined;
}
