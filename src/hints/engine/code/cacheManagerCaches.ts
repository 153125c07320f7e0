/**
 * cache-manager's `Cache` where the project's cache is a Redis store: NestJS's `@Inject(CACHE_MANAGER) private cache:
 * Cache` (or any name declared with `Cache` of `cache-manager`) after `CacheModule.register({ store: redisStore, ... })`
 * or `caching(redisStore, ...)` with a store of `cache-manager-redis-store`, `cache-manager-redis-yet`,
 * `cache-manager-ioredis-yet` or `cache-manager-ioredis`. Through cache-manager 4 and 5 the cache hands each call to the
 * store, which sends one command: `get` GET, `set` SET (with the TTL given or the store's), `del` DEL, `mget` MGET,
 * `mset` MSET, `keys(pattern)` KEYS (`'*'` when none is given), and `reset()` FLUSHDB, which empties the whole logical
 * database, every other service's keys with it (the stores' sources). So a `keys()` or `reset()` there is what the
 * rules say of KEYS and FLUSHDB, and a loop of `get` or `del` is one round trip per key.
 *
 * A `Cache` is typed alike whatever its store, so only a workspace whose code registers a Redis store and no other
 * reads it so: a memory store beside it (`CacheModule.register()` with no store, `multiCaching`), cache-manager 6's
 * Keyv stores (`createCache`, whose `clear` and keys differ), or none at all, leaves it unknown. A test's registration
 * (a `.spec.ts`, `tests/`) sets up its own store and says nothing of the deployed one.
 */
import type { CodeAnalyzer } from './analyzer';
import { isTestFilePath } from './testDoubles';
import type { Value } from './values';

const REDIS_STORE_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*)['"](?:cache-manager-redis-store|cache-manager-redis-yet|cache-manager-ioredis-yet|cache-manager-ioredis)['"]/;
/** A cache made or registered: NestJS's module, cache-manager 4 and 5's `caching` and `multiCaching`, 6's `createCache`. */
const REGISTRATION = /\b(?:CacheModule\s*\.\s*register(?:Async)?|caching|multiCaching|createCache)\s*\(/;
/** Registrations that always hold another store too, or a store whose API differs. */
const OTHER_REGISTRATION = /\b(?:multiCaching|createCache)\s*\(/;
/** A line that is a `//` comment: a registration written there is not made. */
const COMMENT_LINE = /^\s*\/\/.*$/gm;

/** The cache-manager stores a JavaScript or TypeScript file registers: `redis`, `other`, or none (read from its text). */
export function cacheManagerStores(file: string, text: string): ('redis' | 'other')[] {
  if (!text.includes('cache') || isTestFilePath(file)) {
    return [];
  }
  const code = text.replace(COMMENT_LINE, '');
  if (!REGISTRATION.test(code)) {
    return [];
  }
  const stores: ('redis' | 'other')[] = [];
  if (REDIS_STORE_IMPORT.test(code)) {
    stores.push('redis');
  }
  if (stores.length === 0 || OTHER_REGISTRATION.test(code)) {
    stores.push('other');
  }
  return stores;
}

/** The cache a Redis store gives: its methods are the store's commands. */
const CACHE: Value = { t: 'client', kind: 'redis', flavor: 'node-redis', structure: 'cache-manager' };

/** `Cache` imported from cache-manager, in a workspace whose only cache-manager store is Redis. */
export function cacheManagerCacheType(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  return module === 'cache-manager' && path === 'Cache' && a.project?.redisCacheManager?.() === true ? CACHE : undefined;
}

/** The cache's methods and the command each sends through a Redis store. */
export const CACHE_MANAGER_COMMANDS: Record<string, string> = {
  get: 'get',
  set: 'set',
  del: 'del',
  mget: 'mget',
  mset: 'mset',
  keys: 'keys',
  reset: 'flushdb',
};
