/**
 * Flask's `g`, the application context's namespace, which lives for one request: a function that keeps what it opens
 * there (`if "db" not in g: g.db = pymysql.connect(...)`, also a cursor of the connection, `g.db = conn.cursor()`) hands
 * every later call of the same request that one, and the app's `teardown_appcontext` handler closes it. Such a
 * function opens no connection on each call, so its callers are no openers per call (`sqlPoolsPerRequest.ts`,
 * `workspace/exportedFunctions.ts`).
 */
import type { CodeAnalyzer } from './analyzer';

/** Whether the function whose scope is `scope` assigns an attribute of Flask's `g` (`g.db = ...`, `setattr(g, ...)`). */
export function fillsFlaskGlobals(a: CodeAnalyzer, scope: number): boolean {
  const imported = a.language.family === 'python' ? a.imports.get('g') : undefined;
  if (imported?.module !== 'flask' || imported.path !== 'g') {
    return false;
  }
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    if (!a.idIs(k, 'g') || a.isAccess(k - 1)) {
      continue;
    }
    if ((a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '=')) || (a.idIs(k - 2, 'setattr') && a.is(k - 1, '('))) {
      return true;
    }
  }
  return false;
}
