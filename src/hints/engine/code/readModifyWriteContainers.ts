/**
 * Read-modify-write through a list or map the item holds (JavaScript, TypeScript, Python; the flow of
 * `readModifyWrite.ts`): a value read from the item (`stock = store.get("stockItems", [])`, `const tags = Item.tags`)
 * is the item's own container, so changing it in place changes what an update then sets
 * (`SET stockItems = :s` with `":s": stock`), as `count + 1` does for a number. A change is:
 * - a mutating method or an assigned subscript of the value (`stock.append(x)`, `stock.remove(e)`, `stock[0] = x`);
 * - the same on one of its elements, bound by a loop (`for e in stock:`, `for (const e of stock)`), by
 *   `next((e for e in stock if …), None)`, `stock.find(…)` or a subscript (`e = stock[0]`): `e["quantity"] -= q`;
 * - a filtered copy (`[e for e in stock if e["id"] != i]`, `stock.filter(…)`), which drops elements.
 * Two runs that read the same list and each set their own changed copy lose one run's change.
 */
import type { CodeAnalyzer } from './analyzer';

/** Element name → the value name it is an element of. */
export type ElementOwners = Map<string, string>;

/**
 * At a name `k` in a loop header or an assignment, the value name (one of `values`) whose element it binds:
 * `for k in V:`, `for (const k of V)`, `k = next((… for … in V …), …)`, `k = V.find(…)`, `k = V[…]`; or undefined.
 */
export function elementBound(a: CodeAnalyzer, k: number, values: ReadonlyMap<string, boolean>): string | undefined {
  const python = a.language.family === 'python';
  // `for e in V:` / `for (const e of V)`
  const loop = python ? a.idIs(k - 1, 'for') && a.idIs(k + 1, 'in') && a.is(k + 3, ':') : (a.idIs(k - 1, 'const') || a.idIs(k - 1, 'let')) && a.is(k - 2, '(') && a.idIs(k - 3, 'for') && a.idIs(k + 1, 'of') && a.is(k + 3, ')');
  if (loop) {
    return valueAt(a, k + 2, values);
  }
  if (!a.is(k + 1, '=') || a.is(k + 2, '=')) {
    return undefined;
  }
  const p = k + 2;
  // `e = V[0]`
  if (a.isId(p) && a.is(p + 1, '[') && a.partner[p + 1] > p && endsLine(a, a.partner[p + 1] + 1)) {
    return valueAt(a, p, values);
  }
  // `const e = V.find((x) => …)`
  if (!python && a.isId(p) && a.isAccess(p + 1) && a.idIs(p + 2, 'find') && a.is(p + 3, '(') && endsLine(a, a.partner[p + 3] + 1)) {
    return valueAt(a, p, values);
  }
  // `e = next((x for x in V if …), None)`
  if (python && a.idIs(p, 'next') && a.is(p + 1, '(') && a.is(p + 2, '(') && endsLine(a, a.partner[p + 1] + 1)) {
    const inner = a.partner[p + 2];
    for (let j = p + 3; j < inner; j++) {
      if (a.parent[j] === p + 2 && a.idIs(j, 'in') && a.isId(j + 1)) {
        return valueAt(a, j + 1, values);
      }
    }
  }
  return undefined;
}

/** Whether the tokens at `j` read a held value only to filter it: in a comprehension with an `if`, or as `V.filter(`. */
export function filtersValue(a: CodeAnalyzer, j: number): boolean {
  if (a.language.family === 'js') {
    return a.isAccess(j + 1) && a.idIs(j + 2, 'filter') && a.is(j + 3, '(');
  }
  const open = a.parent[j];
  if (a.language.family !== 'python' || !a.idIs(j - 1, 'in') || open < 0 || !(a.is(open, '[') || a.is(open, '('))) {
    return false;
  }
  for (let q = j + 1; q < a.partner[open]; q++) {
    if (a.parent[q] === open && a.idIs(q, 'if')) {
      return true;
    }
  }
  return false;
}

function valueAt(a: CodeAnalyzer, p: number, values: ReadonlyMap<string, boolean>): string | undefined {
  const name = a.id(p);
  return name !== undefined && values.has(name) ? name : undefined;
}

function endsLine(a: CodeAnalyzer, p: number): boolean {
  return p >= a.tokens.length || a.startsLine(p) || a.is(p, ';');
}
