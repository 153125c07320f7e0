/**
 * Go, workspace mode: a Lambda handler's call of a function that another file of the module declares and that
 * opens a SQL connection pool on each call (`persistence.NewDB()` of an imported package of the module, or
 * `openDB()` of another file of the handler's package; `workspace/goSqlOpeners.ts` tells which), read as the
 * connection the handler opens on every invocation. A name the file binds itself hides the other file's function.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { Construction } from '../handlerClients';
import { GO_PROJECT_MODULE, packageMembers } from './goProject';

/** `pkg.Name(...)` or `name(...)` at `k`, when the function it calls opens a SQL connection pool on each call. */
export function goOpenerCall(a: CodeAnalyzer, k: number): Construction | undefined {
  if (!a.project || !a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  const qualified = a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(');
  if ((!qualified && !a.is(k + 1, '(')) || a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return undefined;
  }
  const imported = qualified ? a.imports.get(a.tokens.text(k)) : undefined;
  if (qualified && !imported?.module.startsWith(GO_PROJECT_MODULE)) {
    return undefined;
  }
  const members = packageMembers(a, imported ? imported.module.slice(GO_PROJECT_MODULE.length) : '');
  const name = qualified ? k + 2 : k;
  const open = name + 1;
  return members?.sqlOpeners?.includes(a.tokens.text(name)) ? { start: k, name, end: a.partner[open] + 1, service: 'rds', redis: false, helper: true, sql: true } : undefined;
}
