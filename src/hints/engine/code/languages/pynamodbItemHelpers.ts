/**
 * A helper of the same file that fetches one PynamoDB item or gives `None`, the way services wrap `get` to turn
 * `DoesNotExist` into `None`:
 *
 *     @classmethod
 *     def find(cls, key):
 *         try:
 *             item = cls.model.get(key)
 *         except DoesNotExist:
 *             item = None
 *         return item
 *
 * Its call gives an item (`item = cls.find(key)`, then `item.save()`). Every `return` of the function must give
 * `None` or what a model's `get` gives, directly or through a local every assignment of which does; one at least
 * must give an item. Whether a call is a model's `get` is the caller's (`pynamodb.ts`) to say.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';

const answers = new FileMemo<number, boolean>();

/** Whether the function whose scope is `fn` gives a model's item or `None` at each `return`, an item at one at least. */
export function returnsModelItem(a: CodeAnalyzer, fn: number, isModelGet: (start: number) => boolean): boolean {
  return answers.get(a, fn, () => {
    const info = a.functions.get(fn);
    if (!info) {
      return false;
    }
    const [, end] = a.scopes.range(fn);
    let items = 0;
    for (let k = a.partner[info.params] + 1; k > 0 && k < end; k++) {
      if (!a.idIs(k, 'return') || a.scopes.enclosing(k, ['function']) !== fn) {
        continue;
      }
      const value = returned(a, fn, k + 1, isModelGet);
      if (value === undefined) {
        return false;
      }
      items += value ? 1 : 0;
    }
    return items > 0;
  });
}

/** What the value at `start` of a return statement gives: true an item, false `None`, undefined anything else. */
function returned(a: CodeAnalyzer, fn: number, start: number, isModelGet: (start: number) => boolean): boolean | undefined {
  if (a.idIs(start, 'None') && endsStatement(a, start + 1)) {
    return false;
  }
  if (isModelGet(start)) {
    return true;
  }
  if (!a.isId(start) || !endsStatement(a, start + 1)) {
    return undefined;
  }
  // A local of the function: each of its assignments gives an item or `None`.
  const bindings = a.scopes.bindingsIn(fn).get(a.tokens.text(start));
  if (!bindings || bindings.length === 0 || bindings.some((binding) => binding.element || binding.expression < 0)) {
    return undefined;
  }
  let items = 0;
  for (const binding of bindings) {
    const e = binding.expression;
    if (a.idIs(e, 'None') && endsStatement(a, e + 1)) {
      continue;
    }
    if (!isModelGet(e)) {
      return undefined;
    }
    items++;
  }
  return items > 0;
}

/** Whether the token at `k` starts no more of the statement: a new line, `;`, or the end. */
function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.is(k, ';') || a.lines.lineOf(a.tokens.starts[k]) > a.lines.lineOf(a.tokens.ends[k - 1]);
}
