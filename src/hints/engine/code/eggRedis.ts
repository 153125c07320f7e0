/**
 * egg-redis, the Redis plugin of the Egg.js framework: an application configures it in its config files
 * (`config/config.default.js`, `config.prod.js`, ...) as `config.redis = { client: { host, port, password, db } }`
 * (or `exports.redis = ...`, or a `redis: { client: ... }` key of the exported object), and the plugin opens one
 * ioredis client with those options and mounts it on the application as `app.redis`, which controllers and
 * services read as `this.app.redis` (https://github.com/eggjs/egg-redis#readme). With `clients: { foo: {...} }`
 * it opens several, and `app.redis.get('foo')` returns one of them instead of sending GET: such a configuration
 * mounts nothing this reader can tell. The workspace model collects what every config file says under one key
 * (`EGG_REDIS`), and `app.redis` is that client only where they all agree.
 */
import type { RequestClientSource } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redisOptions';

/** The key under which config files hang the plugin's client (no property can be named so). */
export const EGG_REDIS = 'egg:redis';

/** An Egg.js config file: `config/config.default.js`, `config/config.prod.ts`. */
export const EGG_CONFIG_FILE = /(?:^|\/)config\/config\.[\w-]+\.[cm]?[jt]s$/;
/** The environments whose config holds a developer's or the test suite's server: `local` and `unittest`. */
const LOCAL_CONFIG_FILE = /(?:^|\/)config\/config\.(?:local|unittest)\.[cm]?[jt]s$/;

/** Where `redis` is written, the `{` of the one client's options (`client: {...}`) or -1, and of the several clients' (`clients: {...}`) or -1. */
interface EggRedisConfig {
  key: number;
  client: number;
  clients: number;
}

/** The `{` of the value of key `name` written in the object at `brace` (`client: {`), -2 for another value, -1 when absent. */
function keyObject(a: CodeAnalyzer, brace: number, name: string): number {
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if ((k === brace + 1 || a.is(k - 1, ',')) && a.idIs(k, name) && a.is(k + 1, ':')) {
      return a.is(k + 2, '{') && a.partner[k + 2] > k + 2 ? k + 2 : -2;
    }
  }
  return -1;
}

/** Each plugin configuration the file writes: `x.redis = { client: ... }` or `redis: { client: ... }`. */
function eggRedisConfigs(a: CodeAnalyzer): EggRedisConfig[] {
  const found: EggRedisConfig[] = [];
  if (a.language.family !== 'js' || !a.text.includes('redis') || !a.text.includes('client')) {
    return found;
  }
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    if (!a.idIs(k, 'redis')) {
      continue;
    }
    const assigned = a.is(k - 1, '.') && a.isId(k - 2) && a.is(k + 1, '=') && a.is(k + 2, '{');
    const keyed = (a.is(k - 1, '{') || a.is(k - 1, ',')) && a.is(k + 1, ':') && a.is(k + 2, '{');
    const brace = k + 2;
    if (!(assigned || keyed) || a.partner[brace] < brace) {
      continue;
    }
    const client = keyObject(a, brace, 'client');
    const clients = keyObject(a, brace, 'clients');
    if (client >= 0 || clients !== -1) {
      found.push({ key: k, client: clients !== -1 ? -1 : client, clients });
    }
  }
  return found;
}

/** What the file's plugin configurations mount as `app.redis`: an ioredis client for `client`, null for `clients`. */
export function eggRedisDecorations(a: CodeAnalyzer): RequestClientSource[] {
  return eggRedisConfigs(a).map((config) => (config.client >= 0 ? { client: { kind: 'redis', flavor: 'ioredis' } } : null));
}

/** The client options of a config file that deploys (not `local` or `unittest`), each client's, read as ioredis options where they are written. */
export function eggRedisConfigOptions(a: CodeAnalyzer): void {
  const file = a.project?.file;
  if (!file || !EGG_CONFIG_FILE.test(file) || LOCAL_CONFIG_FILE.test(file)) {
    return;
  }
  for (const config of eggRedisConfigs(a)) {
    if (config.client >= 0) {
      redisObjectOptions(a, config.client, 'ioredis', a.tokenSpan(config.key));
    }
    // `clients: { sessions: {...}, queue: {...} }`: each entry is one client's options.
    for (let k = config.clients + 1; config.clients >= 0 && k < a.partner[config.clients]; k = a.skipGroup(k)) {
      if (a.is(k, ':') && a.is(k + 1, '{') && a.isId(k - 1) && a.partner[k + 1] > k + 1) {
        redisObjectOptions(a, k + 1, 'ioredis', a.tokenSpan(k - 1));
      }
    }
  }
}

/**
 * Where a chain that reads the application from the name at `base` ends (after `app`), or -1: `this.app` (a controller,
 * a service, a helper extension), `this.ctx.app`, `ctx.app`, and `app` where `app` holds nothing the analyzer knows
 * (`const { app } = this`, the `app` a boot file's function takes).
 */
export function eggApplicationEnd(a: CodeAnalyzer, base: number, limit: number): number {
  const name = a.id(base);
  if (name === 'app') {
    return takesApplication(a, base) ? base + 1 : -1;
  }
  if (name !== 'this' && name !== 'ctx') {
    return -1;
  }
  const k = name === 'this' && a.isAccess(base + 1) && a.idIs(base + 2, 'ctx') ? base + 3 : base + 1;
  return k + 1 < limit && a.isAccess(k) && a.idIs(k + 1, 'app') ? k + 2 : -1;
}

/** Where a chain that reads the application's `redis` from the name at `base` ends (after `redis`), or -1 (`this.app.redis`). */
export function eggApplicationRedisEnd(a: CodeAnalyzer, base: number, limit: number): number {
  // `app.redis`: the member first, the binding of `app` only then.
  if (a.idIs(base, 'app') && !(a.isAccess(base + 1) && a.idIs(base + 2, 'redis'))) {
    return -1;
  }
  const app = eggApplicationEnd(a, base, limit);
  return app > 0 && app + 1 < limit && a.isAccess(app) && a.idIs(app + 1, 'redis') ? app + 2 : -1;
}

/** Whether the `app` at `base` is bound to the application: a parameter (a boot file's `app => {...}`), or read from `this` or `ctx` (`const { app } = this`). */
function takesApplication(a: CodeAnalyzer, base: number): boolean {
  const binding = a.scopes.lookup('app', base);
  if (!binding || binding.fixed !== undefined) {
    return false;
  }
  const from = binding.expression;
  return from < 0 || ((a.idIs(from, 'this') || a.idIs(from, 'ctx')) && (a.isAccess(from + 1) || a.is(from + 1, ';') || a.startsLine(from + 1)));
}
