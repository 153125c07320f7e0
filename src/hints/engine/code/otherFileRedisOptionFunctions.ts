/**
 * Redis client options a function of the workspace returns and other files spread into a client's options
 * (workspace mode; see `workspace/spreadOptionCalls.ts`): `export function getRedisConfig() { return { host,
 * password, tls: {...} } }` in `cache/config.ts`, then `new Redis({ ...getRedisConfig(), lazyConnect: true })` in
 * another file. The returned object is read as that client's options, here where its keys are written.
 */
import type { CodeAnalyzer } from './analyzer';
import { contextFrom } from './options';
import { callsFromOtherFiles, moduleLevelNames } from './otherFileCallers';

/** How many `return`s of such a function are read for the object it returns (a config getter has one or two). */
const MAX_RETURNS_READ = 4;

export function otherFilesReturnedRedisOptions(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.project?.clientPassingCalls) {
    return;
  }
  for (const at of moduleLevelNames(a, true)) {
    const name = a.tokens.text(at);
    const flavor = callsFromOtherFiles(a, name).find((call) => call.redisOptions && call.returned)?.redisOptions;
    const fn = flavor ? a.scopes.lookup(name, at)?.fixed : undefined;
    if (fn?.t !== 'function') {
      continue;
    }
    for (const start of a.returnStarts(fn).slice(0, MAX_RETURNS_READ)) {
      // `return { ... }`, or a concise body `() => ({ ... })`.
      const open = a.is(start, '(') && a.is(start + 1, '{') ? start + 1 : start;
      if (a.is(open, '{') && a.partner[open] > open) {
        const context = contextFrom(a, open, a.partner[open], 'redis-client', flavor!, a.tokenSpan(at));
        // The spreading call may add keys of its own (`tls`), so nothing is judged missing here.
        context.complete = false;
        a.contexts.push(context);
        break;
      }
    }
  }
}
