/**
 * cache-manager's Redis stores handed over by name beside the client's options: NestJS's
 * `CacheModule.register({ store: redisStore, host, port, password })` with `import * as redisStore from
 * 'cache-manager-redis-store'` (version 2, whose `create(options)` opens a node-redis client with the whole object),
 * or the `redisStore` factory of version 3 or of `cache-manager-redis-yet` (which cache-manager calls with the same
 * object), and cache-manager's own `caching({ store: redisStore, ... })`. The object's password and TLS settings
 * are the client's. (`store: await redisStore({ ... })`, a call, is read where the call is.)
 */
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redisOptions';

const STORE_MODULES = new Set(['cache-manager-redis-store', 'cache-manager-redis-yet']);
/** What a store is imported as: the module (`import * as`, `require`), its default export, or its `redisStore` factory. */
const STORE_PATHS = new Set(['', 'default', 'redisStore']);

export function cacheManagerStoresByName(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || ![...a.imports.values()].some((info) => STORE_MODULES.has(info.module))) {
    return;
  }
  for (let k = 1; k + 3 < a.tokens.length; k++) {
    const brace = a.parent[k];
    if (!a.idIs(k, 'store') || !a.is(k + 1, ':') || !a.isId(k + 2) || !a.is(brace, '{') || !(a.is(k - 1, '{') || a.is(k - 1, ','))) {
      continue;
    }
    if (!a.is(k + 3, ',') && !a.is(k + 3, '}')) {
      continue;
    }
    const name = a.tokens.text(k + 2);
    const imported = a.imports.get(name);
    // The import itself, not a local of the same name.
    if (imported && STORE_MODULES.has(imported.module) && STORE_PATHS.has(imported.path) && a.scopes.lookup(name, k + 2) === undefined) {
      redisObjectOptions(a, brace, 'node-redis', a.tokenSpan(k + 2));
    }
  }
}
