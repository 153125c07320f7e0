/**
 * cache-manager's Redis stores as TypeScript types: `@Inject(CACHE_MANAGER) private cache: RedisCache`. Both stores
 * declare `RedisCache = Cache<RedisStore>`, and cache-manager's `Cache<S>` exposes its store as `store`, whose
 * `client` getter is the Redis client the store opened: ioredis' `Redis | Cluster` in `cache-manager-ioredis-yet`,
 * node-redis' `RedisClientType` in `cache-manager-redis-yet` (their `index.d.ts`). So `cache.store.client.scan(...)`
 * is a Redis command. A plain `Cache` from cache-manager says nothing of its store and stays unknown.
 */
import type { RedisFlavor } from '../model';
import { withoutPrototype } from '../sourceKeyed';
import type { Value } from './values';

const STORE_CLIENTS: Readonly<Record<string, RedisFlavor>> = withoutPrototype<RedisFlavor>({
  'cache-manager-ioredis-yet': 'ioredis',
  'cache-manager-redis-yet': 'node-redis',
});

/** The store types, and the path of their `client` member below them. */
const CLIENT_PATHS: Readonly<Record<string, string>> = withoutPrototype<string>({
  RedisCache: 'RedisCache.store.client',
  RedisStore: 'RedisStore.client',
});

/** `RedisCache` or `RedisStore` imported from a Redis store of cache-manager: a reference its members are read through. */
export function cacheStoreType(module: string, path: string): Value | undefined {
  return module in STORE_CLIENTS && path in CLIENT_PATHS ? { t: 'ref', module, path } : undefined;
}

/** The Redis client at `path` below such a type (`RedisCache.store.client`), if that is its store's client. */
export function cacheStoreClient(module: string, path: string): Value | undefined {
  const flavor = STORE_CLIENTS[module];
  if (!flavor) {
    return undefined;
  }
  const root = path.slice(0, path.indexOf('.'));
  return root in CLIENT_PATHS && CLIENT_PATHS[root] === path ? { t: 'client', kind: 'redis', flavor } : undefined;
}
