/**
 * Whether a file changes a request's `Item` after writing it, so that the item it sends may hold attributes
 * its literal does not show: `params.Item.id = …`, `params.Item[key] = …`, Python's `params['Item']['id'] = …`,
 * `Object.assign(params.Item, …)`. One pass over the file's tokens; the item key check trusts no literal
 * `Item` of a file that does.
 */
import type { CodeAnalyzer } from './analyzer';

export function itemChangedInFile(a: CodeAnalyzer): boolean {
  for (let i = 1; i < a.tokens.length; i++) {
    const named = a.isString(i) ? a.is(i - 1, '[') && a.tokens.text(i) === 'Item' : a.is(i - 1, '.') && a.idIs(i, 'Item');
    if (named && (assignedBelow(a, i) || (a.is(i - 3, '(') && a.idIs(i - 4, 'assign')))) {
      return true;
    }
  }
  return false;
}

/** `Item.name =` or `Item[...] =` (Python's `['Item'][...] =`), the string form's `]` stepped over first. */
function assignedBelow(a: CodeAnalyzer, item: number): boolean {
  const after = a.isString(item) ? item + 2 : item + 1;
  if (a.is(after, '.') && a.isId(after + 1)) {
    return a.is(after + 2, '=');
  }
  const close = a.is(after, '[') ? a.partner[after] : -1;
  return close > after && a.is(close + 1, '=');
}
