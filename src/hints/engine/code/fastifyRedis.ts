/**
 * @fastify/redis: `fastify.register(fastifyRedis, { host, password })` opens an ioredis client with the
 * options given to `register` ("Under the hood ioredis is used as client, the options that you pass to
 * register will be passed to the Redis client", https://github.com/fastify/fastify-redis#readme), so that
 * object gets the Redis client rules. One with a `client` option hands over a client made elsewhere instead.
 *
 * The plugin decorates the instance with the client as `fastify.redis`, and its types say so: `FastifyInstance`
 * gets `redis: FastifyRedis`, where `FastifyRedis = FastifyRedisNamespacedInstance & Redis` (ioredis' `Redis`;
 * https://github.com/fastify/fastify-redis/blob/main/types/index.d.ts). With a `namespace` option the client
 * is `fastify.redis[namespace]` instead, so such a registration hangs nothing this reader can tell.
 */
import type { RequestClientSource } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redisOptions';
import type { Value } from './values';

export const PLUGIN = '@fastify/redis';
/** The plugin's type of the client it decorates the instance with (`redis: FastifyRedis`). */
const CLIENT_TYPES = new Set(['FastifyRedis']);
/** What the plugin is imported as: the default export, or its named `fastifyRedis`. */
const PLUGIN_PATHS = new Set(['', 'default', 'fastifyRedis']);

/** A plugin loaded in place, `require('@fastify/redis')` or `import('@fastify/redis')`, at `first`. */
function loadsInPlace(a: CodeAnalyzer, first: number): boolean {
  return (a.idIs(first, 'require') || a.idIs(first, 'import')) && a.is(first + 1, '(');
}

/**
 * Whether the first argument of a `register(` call opening at `open` is the plugin, imported, required or
 * imported in place; followed by options, or (`alone`) by none.
 */
function registersPlugin(a: CodeAnalyzer, open: number, alone = false): boolean {
  const first = open + 1;
  const ends = (k: number): boolean => a.is(k, ',') || (alone && a.is(k, ')') && a.partner[k] === open);
  if (loadsInPlace(a, first) && a.isString(first + 2) && a.tokens.text(first + 2) === PLUGIN && a.is(first + 3, ')')) {
    return ends(first + 4);
  }
  if (!a.isId(first) || !ends(first + 1)) {
    return false;
  }
  const value = a.lookup(a.tokens.text(first), first);
  return value?.t === 'ref' && value.module === PLUGIN && PLUGIN_PATHS.has(value.path);
}

/** The `{` of the options a registration passes: written in place, or an object literal of the file a variable names. */
function optionsObject(a: CodeAnalyzer, start: number): number {
  if (a.is(start, '{')) {
    return start;
  }
  return a.isId(start) && (a.is(start + 1, ')') || a.is(start + 1, ',')) ? a.objectVariable(a.tokens.text(start), start) : -1;
}

/** Whether an options object has a key (`{ client }`, `{ client: redis }`, `namespace: 'cache'`). */
function hasKey(a: CodeAnalyzer, brace: number, key: string): boolean {
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    const atKey = k === brace + 1 || a.is(k - 1, ',');
    if (atKey && a.idIs(k, key) && (a.is(k + 1, ':') || a.is(k + 1, ',') || k + 1 === a.partner[brace])) {
      return true;
    }
  }
  return false;
}

/** Whether an options object hands over a client (`{ client }`, `{ client: redis }`): the plugin then opens none. */
function handsOverClient(a: CodeAnalyzer, brace: number): boolean {
  return hasKey(a, brace, 'client');
}

/** `FastifyRedis` imported from the plugin: the ioredis client it decorates the instance with. */
export function fastifyRedisType(module: string, path: string): Value | undefined {
  return module === PLUGIN && CLIENT_TYPES.has(path) ? { t: 'client', kind: 'redis', flavor: 'ioredis' } : undefined;
}

/**
 * What each registration of the plugin hangs on the instance as `redis`: the ioredis client it opens, for
 * options written in place or held by an object literal of the file, or none; null (something the reader
 * cannot tell) for a `namespace` (the client is then a member of `fastify.redis`), a client handed over, or
 * options it cannot read.
 */
export function fastifyRedisDecorations(a: CodeAnalyzer): RequestClientSource[] {
  const sources: RequestClientSource[] = [];
  if (a.language.family !== 'js' || !a.text.includes(PLUGIN)) {
    return sources;
  }
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    if (!a.idIs(k, 'register') || !a.is(k - 1, '.') || !a.is(k + 1, '(') || !registersPlugin(a, k + 1, true)) {
      continue;
    }
    const comma = loadsInPlace(a, k + 2) ? k + 6 : k + 3;
    if (!a.is(comma, ',') || a.is(comma + 1, ')')) {
      sources.push({ client: { kind: 'redis', flavor: 'ioredis' } });
      continue;
    }
    const brace = optionsObject(a, comma + 1);
    const plain = brace >= 0 && a.partner[brace] > brace && !hasKey(a, brace, 'client') && !hasKey(a, brace, 'namespace') && !hasSpread(a, brace);
    sources.push(plain ? { client: { kind: 'redis', flavor: 'ioredis' } } : null);
  }
  return sources;
}

/** Whether an options object spreads another (`{ ...config }`), which may hold a namespace or a client. */
function hasSpread(a: CodeAnalyzer, brace: number): boolean {
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if (a.tokens.isSpread(k)) {
      return true;
    }
  }
  return false;
}

export function fastifyRedisRegistrations(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.text.includes(PLUGIN)) {
    return;
  }
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    if (!a.idIs(k, 'register') || !a.is(k - 1, '.') || !a.is(k + 1, '(') || !registersPlugin(a, k + 1)) {
      continue;
    }
    const comma = loadsInPlace(a, k + 2) ? k + 6 : k + 3;
    const brace = optionsObject(a, comma + 1);
    if (brace >= 0 && a.partner[brace] > brace && !handsOverClient(a, brace)) {
      redisObjectOptions(a, brace, 'ioredis', a.tokenSpan(k));
    }
  }
}
