/**
 * Redis clients that open no connection of their own where they are made. A redis-py client over a pool that
 * outlives the call (`redis.Redis(connection_pool=pool)`, the pool made at module level or imported): it draws on
 * that pool's connections and makes no pool of its own, so making it in a handler or per request opens no new
 * connection (redis-py README, "Connection Pools": each Redis instance receives its own pool unless handed one with
 * `connection_pool=`, https://github.com/redis/redis-py#connection-pools). A pool made in the same function
 * (`connection_pool=ConnectionPool(...)`, or a local bound to one) is made per call too and still counts. And a
 * library's accessor that hands out the client it keeps (`sharedAccessor`).
 */
import type { CodeAnalyzer } from './analyzer';
import { PYTHON_SHARED_REDIS_ACCESSORS } from '../redisLibraries';

/**
 * Whether the call whose last name is at `name`, rooted at the import `imported`, hands out a client its library
 * keeps (django-redis's `get_redis_connection("default")`, `PYTHON_SHARED_REDIS_ACCESSORS`) rather than making one.
 */
export function sharedAccessor(a: CodeAnalyzer, imported: { module: string; path: string }, name: number): boolean {
  const accessors = Object.hasOwn(PYTHON_SHARED_REDIS_ACCESSORS, imported.module) ? PYTHON_SHARED_REDIS_ACCESSORS[imported.module] : undefined;
  return accessors !== undefined && (accessors.includes(imported.path) || accessors.includes(a.tokens.text(name)));
}

/** Whether the Redis construction whose call closes at `close` takes `connection_pool=` a name that outlives the enclosing function. */
export function overSharedPool(a: CodeAnalyzer, close: number): boolean {
  const open = a.partner[close];
  if (open < 0 || !a.is(close, ')')) {
    return false;
  }
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (!a.idIs(k, 'connection_pool') || !a.is(k + 1, '=')) {
      continue;
    }
    const value = k + 2;
    // A plain name, or a module's member (`settings.redis_pool`), alone as the argument.
    const end = a.isAccess(value + 1) && a.isId(value + 2) ? value + 3 : value + 1;
    if (!a.isId(value) || !(a.is(end, ',') || end === close)) {
      return false;
    }
    const name = a.tokens.text(value);
    if (end === value + 3) {
      return a.imports.has(name) && a.scopes.lookup(name, value) === undefined;
    }
    const binding = a.scopes.lookup(name, value);
    const fn = a.scopes.enclosing(value, ['function']);
    return binding === undefined ? a.imports.has(name) : fn > 0 && a.scopes.enclosing(binding.token, ['function']) !== fn;
  }
  return false;
}
