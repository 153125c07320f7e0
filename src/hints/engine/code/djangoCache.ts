/**
 * Django's cache API on a django-redis backend: `from django.core.cache import cache` and `caches["default"]`.
 * Django's own cache API has no `keys`, `iter_keys`, `ttl`, `expire` or `persist`; django-redis adds them, and
 * its client runs them as Redis commands (django_redis/client/default.py): `keys(pattern)` "Execute[s] KEYS
 * command", `iter_keys` and `delete_pattern` walk with SCAN (`scan_iter`), `ttl`, `expire`, `persist` and their
 * `p`/`_at` forms are the commands of those names. The cache's other methods (`get`, `set`, `delete_many`) are
 * Django's API, not one command each, and are not read as Redis commands
 * (https://github.com/jazzband/django-redis#scan--delete-keys-in-bulk).
 */
import { Value } from './values';

const DJANGO_CACHE_MODULE = 'django.core.cache';

/** The cache object a django-redis backend gives: a redis-py client seen through Django's facade. */
const CACHE: Value = { t: 'client', kind: 'redis', flavor: 'redis-py', structure: 'cache' };

/** The Redis commands of the facade's methods, by normalised name. */
export const DJANGO_CACHE_COMMANDS: Record<string, string> = {
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

/** `cache` imported from `django.core.cache`: the default cache. */
export function djangoCacheImport(module: string, path: string): Value | undefined {
  return module === DJANGO_CACHE_MODULE && path === 'cache' ? CACHE : undefined;
}

/** `caches["default"]`: one of the configured caches, indexed on `caches` imported from `django.core.cache`. */
export function djangoCachesEntry(value: Value | undefined): Value | undefined {
  return value?.t === 'ref' && value.module === DJANGO_CACHE_MODULE && value.path === 'caches' ? CACHE : undefined;
}
