/**
 * connect-redis 3 and earlier, the Express session store on Redis: `const RedisStore = require('connect-redis')(session)`
 * (or `connectRedis(session)` of the module imported by name), then `new RedisStore({ host, port, pass })`. Given no
 * `client`, the store opens a node-redis client itself with those options (`redis.createClient(options.port ||
 * options.socket, options.host, options)`, then AUTH with `pass`; connect-redis 3.4's `lib/connect-redis.js`), so
 * they are that client's options: where it connects, its password, TLS. A store given a `client` (every version,
 * and the only form from 4 on) uses that client, read where it is made.
 */
import type { CodeAnalyzer } from './analyzer';
import { redisClientOptions } from './redisOptions';

const CONNECT_REDIS = 'connect-redis';

/** `new RedisStore({...})` at `name` with its arguments at `open`: reads the options of the client the store opens; whether it was one. */
export function connectRedisStore(a: CodeAnalyzer, name: number, open: number): boolean {
  if (!a.is(open + 1, '{') || a.partner[open + 1] !== a.partner[open] - 1 || !isStoreClass(a, name) || namesClient(a, open + 1)) {
    return false;
  }
  redisClientOptions(a, open, 'node-redis');
  return true;
}

/**
 * Whether the name at `name` is the store class: bound to `require('connect-redis')(session)` (which the import reader
 * records as the module's import) or to `connectRedis(session)` of the imported module. A store class imported as
 * it is (connect-redis 4 on) takes a `client`, which `namesClient` tells.
 */
function isStoreClass(a: CodeAnalyzer, name: number): boolean {
  const text = a.tokens.text(name);
  if (a.imports.get(text)?.module === CONNECT_REDIS) {
    return true;
  }
  const start = a.scopes.lookup(text, name)?.expression ?? -1;
  return start >= 0 && a.isId(start) && a.is(start + 1, '(') && a.imports.get(a.tokens.text(start))?.module === CONNECT_REDIS;
}

/** Whether the object literal at `brace` has a `client` key at its top level. */
function namesClient(a: CodeAnalyzer, brace: number): boolean {
  const close = a.partner[brace];
  for (let k = brace + 1; k < close; k = a.skipGroup(k)) {
    if (a.idIs(k, 'client') && (a.is(k + 1, ':') || a.is(k + 1, ',') || a.is(k + 1, '}')) && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      return true;
    }
  }
  return false;
}
