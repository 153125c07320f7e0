/**
 * Python: a constructor that keeps what it makes in a module-level cache for the instances after it
 * (`self.engine = create_engine(self.uri)` in the branch where `_sessions` lacks the URI, then
 * `_sessions[self.uri] = (self.engine, self.Session)`): each instance does not make its own, the first one makes
 * the cache's.
 */
import type { CodeAnalyzer } from './analyzer';

/** Whether the construction at `start`, assigned to a field of `instance`, is put in a module-level name before `end`. */
export function keptInModuleCache(a: CodeAnalyzer, start: number, instance: string, end: number): boolean {
  const eq = start - 1;
  if (a.language.family !== 'python' || !a.is(eq, '=') || !a.isId(eq - 1) || !a.isAccess(eq - 2) || !a.idIs(eq - 3, instance) || a.isAccess(eq - 4)) {
    return false;
  }
  const field = a.tokens.text(eq - 1);
  for (let j = start; j < end; j++) {
    if (a.idIs(j, instance) && !a.isAccess(j - 1) && a.isAccess(j + 1) && a.idIs(j + 2, field) && storedInModuleName(a, j)) {
      return true;
    }
  }
  return false;
}

/** `cache[key] = self.x`, `cache[key] = (self.x, self.y)` or `cache = self.x` at the `self` of `j`, `cache` a module-level name. */
function storedInModuleName(a: CodeAnalyzer, j: number): boolean {
  const group = a.parent[j];
  // The tuple's parentheses hold the field (not a call's: `(` after a name).
  const value = group >= 0 && a.is(group, '(') && !a.isId(group - 1) && !a.is(group - 1, ')') ? group : j;
  if (!a.is(value - 1, '=')) {
    return false;
  }
  const target = a.is(value - 2, ']') ? a.partner[value - 2] - 1 : value - 2;
  if (target < 0 || !a.isId(target) || a.isAccess(target - 1)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(target), target);
  return binding !== undefined && a.scopes.enclosing(binding.token, ['function', 'class']) < 0;
}
