/**
 * Clients a JavaScript or TypeScript module puts on Node's global object (`global.cache = createClient()`,
 * `globalThis.redis = new Redis(url)`, `global.redisClient = global.redisClient || createClient()`), which
 * every other module then reads as `global.cache` or as the bare name `cache`. They are kept with the clients
 * middleware hangs on the request (`requestClients.ts`), under a key of their own, so that the workspace
 * answers a name only when every module that sets it agrees.
 */
import type { CodeAnalyzer } from './analyzer';
import { assignedKey, assignedObject } from './requests';

/** The names Node's global object goes by. */
const GLOBAL_OBJECTS = ['global', 'globalThis'] as const;

/** Where a module may set a client on the global object, from its text alone. */
export const SETS_GLOBAL = /\bglobal(?:This)?\.\w+[ \t]*=[^=>]/;

/** The key a global's client is kept under, apart from the names hung on requests. */
export function globalKey(name: string): string {
  return `global:${name}`;
}

/** Whether `name` at `token` is the global object itself: no binding or import of the file shadows it. */
function isGlobalObject(a: CodeAnalyzer, name: string, token: number): boolean {
  return (GLOBAL_OBJECTS as readonly string[]).includes(name) && a.scopes.lookup(name, token) === undefined && !a.imports.has(name);
}

/**
 * Each `global.name = value` of the file: the name, and where its value starts. A value that first falls
 * back on the global it sets (`global.redis || createClient()`, `global.redis ?? …`) starts after that.
 */
export function globalAssignments(a: CodeAnalyzer): { name: string; start: number }[] {
  const found: { name: string; start: number }[] = [];
  for (const object of GLOBAL_OBJECTS) {
    for (const eq of a.memberAssignments.get(object) ?? []) {
      const at = assignedObject(a, eq);
      if (at < 0 || !isGlobalObject(a, object, at)) {
        continue;
      }
      const name = a.tokens.text(assignedKey(a, eq));
      const fallback = a.idIs(eq + 1, object) && a.isAccess(eq + 2) && a.idIs(eq + 3, name) && (a.is(eq + 4, '||') || a.is(eq + 4, '??'));
      found.push({ name, start: fallback ? eq + 5 : eq + 1 });
    }
  }
  return found;
}

/**
 * The global a chain starts with at `base`: `global.name` (its name, and the token after it), or a bare name
 * that nothing of the file binds or imports, which JavaScript reads from the global object. Undefined otherwise.
 */
export function globalRead(a: CodeAnalyzer, base: number, limit: number): { name: string; end: number } | undefined {
  if (a.language.family !== 'js' || !a.isId(base) || a.isAccess(base - 1)) {
    return undefined;
  }
  const text = a.tokens.text(base);
  if (isGlobalObject(a, text, base)) {
    return base + 2 < limit && a.isAccess(base + 1) && a.isId(base + 2) ? { name: a.tokens.text(base + 2), end: base + 3 } : undefined;
  }
  // A declaration's own name (`var cache`), or an object key (`{ cache: … }`), is no read.
  const declared = a.scopes.lookup(text, base) !== undefined || a.imports.has(text) || a.is(base + 1, ':');
  return declared ? undefined : { name: text, end: base + 1 };
}
