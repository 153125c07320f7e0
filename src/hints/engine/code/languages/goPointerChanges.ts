/**
 * Go read-modify-write through pointer helpers: an item handed to a function of the file that changes it through
 * its pointer parameter (`promote(&m)` with `func promote(m *Member) { m.Level++ }`, or `promote(u)` where `u`
 * is already a pointer) is changed where it is handed, as `m.Level++` in place would be.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { calledFunction } from '../helperFunctions';
import { callArgumentRanges } from '../readModifyWriteTyped';

/** How deep helpers that hand the item on to further helpers are followed. */
const MAX_DEPTH = 3;
let depth = 0;

/** Whether the name at `k` is an argument, alone or by its address, of a call to a function of the file whose pointer parameter there has a member changed (`changedAt` of the parameter's uses). */
export function changedThroughPointer(a: CodeAnalyzer, k: number, changedAt: (j: number) => boolean): boolean {
  const first = a.is(k - 1, '&') ? k - 1 : k;
  const open = a.parent[k];
  if (open < 0 || !a.is(open, '(') || !(a.is(first - 1, '(') || a.is(first - 1, ',')) || !(a.is(k + 1, ')') || a.is(k + 1, ','))) {
    return false;
  }
  const called = a.isId(open - 1) ? calledFunction(a, open - 1, a.scopes.enclosing(k, ['function'])) : undefined;
  if (!called || called.fn.body < 0 || depth >= MAX_DEPTH) {
    return false;
  }
  const position = callArgumentRanges(a, open).findIndex(([start]) => start === first);
  const parameter = segments(a, called.fn.params)[position];
  // `m *Member`: a name, then a pointer type.
  const name = parameter && a.is(parameter[0] + 1, '*') ? a.id(parameter[0]) : undefined;
  if (name === undefined) {
    return false;
  }
  depth++;
  try {
    const body = called.fn.body;
    for (let j = body + 1; j < a.partner[body]; j++) {
      if (a.idIs(j, name) && !a.isAccess(j - 1) && changedAt(j)) {
        return true;
      }
    }
    return false;
  } finally {
    depth--;
  }
}
