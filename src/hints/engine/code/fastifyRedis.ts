/**
 * @fastify/redis: `fastify.register(fastifyRedis, { host, password })` opens an ioredis client with the
 * options given to `register` ("Under the hood ioredis is used as client, the options that you pass to
 * register will be passed to the Redis client", https://github.com/fastify/fastify-redis#readme), so that
 * object gets the Redis client rules. One with a `client` option hands over a client made elsewhere instead.
 */
import type { CodeAnalyzer } from './analyzer';
import { redisObjectOptions } from './redis';

const PLUGIN = '@fastify/redis';
/** What the plugin is imported as: the default export, or its named `fastifyRedis`. */
const PLUGIN_PATHS = new Set(['', 'default', 'fastifyRedis']);

/** A plugin loaded in place, `require('@fastify/redis')` or `import('@fastify/redis')`, at `first`. */
function loadsInPlace(a: CodeAnalyzer, first: number): boolean {
  return (a.idIs(first, 'require') || a.idIs(first, 'import')) && a.is(first + 1, '(');
}

/** Whether the first argument of a `register(` call opening at `open` is the plugin, imported, required or imported in place. */
function registersPlugin(a: CodeAnalyzer, open: number): boolean {
  const first = open + 1;
  if (loadsInPlace(a, first) && a.isString(first + 2) && a.tokens.text(first + 2) === PLUGIN && a.is(first + 3, ')')) {
    return a.is(first + 4, ',');
  }
  if (!a.isId(first) || !a.is(first + 1, ',')) {
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

/** Whether an options object hands over a client (`{ client }`, `{ client: redis }`): the plugin then opens none. */
function handsOverClient(a: CodeAnalyzer, brace: number): boolean {
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    const atKey = k === brace + 1 || a.is(k - 1, ',');
    if (atKey && a.idIs(k, 'client') && (a.is(k + 1, ':') || a.is(k + 1, ',') || k + 1 === a.partner[brace])) {
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
