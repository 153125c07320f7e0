/**
 * Where plain JavaScript holds a Fastify instance, whose decorated members (`fastify.decorate('redis', client)`)
 * are read as `fastify.redis` (`requestClients.ts`):
 * - a name bound to a new instance, `const app = Fastify({ logger: true })`;
 * - the one parameter of a plugin that calls the instance's own methods on it
 *   (`export default async function rateLimiter(fastify) { fastify.addHook('onRequest', ...) }`): a plugin may
 *   leave out its `opts`, and Express and Koa apps have no `addHook` or `decorate`;
 * - a request's `server`, the instance that handles it (`req.server.redis`;
 *   https://fastify.dev/docs/latest/Reference/Request/).
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo, perFile } from './fileMemo';
import type { FunctionScope } from './language';
import type { Value } from './values';

/** Fastify's instance, as its TypeScript type names it: its members are what the workspace decorates it with. */
export const FASTIFY_INSTANCE: Value = { t: 'ref', module: 'fastify', path: 'FastifyInstance' };

/** The request's member that is the instance handling it. */
export const REQUEST_SERVER = 'server';

/** Methods of a Fastify instance that no Express or Koa app has: a plugin calls them on the instance it is given. */
const INSTANCE_METHODS = new Set(['addHook', 'decorate', 'decorateRequest', 'decorateReply', 'register', 'route']);
/** What the package exports that makes an instance: its default export, or the named `fastify`. */
const FACTORIES = new Set(['', 'default', 'fastify']);

const pluginMemo = new FileMemo<number, boolean>();
/** Whether the file names Fastify at all, read once per file: every member read of a JavaScript chain asks. */
export const mentionsFastify = perFile((a) => a.text.includes('fastify'));

/** Whether the one parameter of a function, named at `param`, is a Fastify instance: the function calls the instance's own methods on it. */
export function takesFastifyInstance(a: CodeAnalyzer, fn: FunctionScope, param: number): boolean {
  return pluginMemo.get(a, fn.scope, () => {
    const name = a.tokens.text(param);
    const [start, end] = a.scopes.range(fn.scope);
    for (let k = start; k + 3 < end; k++) {
      if (a.is(k, name) && a.is(k + 1, '.') && INSTANCE_METHODS.has(a.id(k + 2) ?? '') && a.is(k + 3, '(') && a.scopes.lookup(name, k)?.token === param) {
        return true;
      }
    }
    return false;
  });
}

/** Whether the name at `base` is bound to a new Fastify instance made by a call of the package (`const app = Fastify({ ... })`). */
export function boundToNewFastify(a: CodeAnalyzer, base: number): boolean {
  const binding = a.scopes.lookup(a.tokens.text(base), base);
  const call = binding && !binding.element && binding.fixed === undefined ? binding.expression : -1;
  if (call < 0 || !a.isId(call) || !a.is(call + 1, '(') || a.isAccess(call - 1)) {
    return false;
  }
  const imported = a.scopes.lookup(a.tokens.text(call), call) ? undefined : a.imports.get(a.tokens.text(call));
  const close = a.partner[call + 1];
  return imported?.module === 'fastify' && FACTORIES.has(imported.path) && close > call && (a.is(close + 1, ';') || close + 1 >= a.tokens.length || a.startsLine(close + 1));
}
