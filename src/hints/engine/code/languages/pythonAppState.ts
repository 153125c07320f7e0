/**
 * Starlette (FastAPI) application state across the files of a workspace: what a module's startup code sets on
 * `app.state` (`app.state.redis = redis.from_url(url)` in a lifespan or startup hook, or `await create_redis()`
 * of a project module), which handlers in other modules read as `request.app.state.redis`; and the same for the
 * keys of an aiohttp application (`app['redis'] = pool`, read as `request.app['redis']`). The index records
 * each assignment's client, or the project function whose call gives it, or null for anything else, and the
 * workspace model answers a name only when every file that sets it agrees (`requestClient`).
 */
import type { RequestClients, RequestClientSource } from '../../workspace/types';
import type { CodeAnalyzer } from '../analyzer';
import { exportedClient, mayBeProjectModule } from '../projectImports';

/** Names set on `app.state` per file: far more than an application's startup sets. */
const MAX_NAMES = 64;

/** What the file sets on `app.state`, by alias (`app.state.redis`); undefined when nothing. */
export function appStateClients(a: CodeAnalyzer): RequestClients | undefined {
  const found: RequestClients = {};
  let names = 0;
  for (const [alias, binding] of a.memberPaths.aliasBindings()) {
    if (!(alias in found)) {
      if (++names > MAX_NAMES) {
        break;
      }
      found[alias] = [];
    }
    found[alias].push(sourceOf(a, binding.expression));
  }
  return names > 0 ? found : undefined;
}

/** The value that starts at `start`: a client (made there or held by a name), the call of a project module's function, or null. */
function sourceOf(a: CodeAnalyzer, start: number): RequestClientSource {
  if (start < 0) {
    return null;
  }
  const from = a.idIs(start, 'await') ? start + 1 : start;
  let open = from;
  while (open < a.tokens.length && (open === from || !a.startsLine(open)) && (a.isId(open) || a.isAccess(open))) {
    open++;
  }
  const close = open > from && a.is(open, '(') ? a.partner[open] : -1;
  if (close < 0 && open > from && (open >= a.tokens.length || a.startsLine(open))) {
    // A name that holds the client (`pool = await create_redis_pool(...)` then `app['redis'] = pool`).
    const held = a.evalChain(from, open).value;
    const client = held && exportedClient(a, held);
    return client ? { client } : null;
  }
  if (close < 0 || !(close + 1 >= a.tokens.length || a.startsLine(close + 1))) {
    return null;
  }
  const value = a.evalChain(from, close + 1).value;
  const client = value && exportedClient(a, value);
  if (client) {
    return { client };
  }
  const callee = a.evalChain(from, open);
  return callee.end === open && callee.value?.t === 'ref' && mayBeProjectModule(a, callee.value.module) ? { module: callee.value.module, path: callee.value.path, call: true } : null;
}
