/**
 * A Query's first item as a read of one item (`readModifyWrite.ts`): code that looks an item up by an index
 * or a key condition and takes `Items[0]` holds that item as a GetItem's `Item` would, and writing it back
 * changed races the same way. Read in JavaScript, TypeScript and Python.
 */
import type { CodeAnalyzer } from './analyzer';

/**
 * The token after a reply's member `name` read at `end`: `.Item`, `!.Item`, `?.Item`, `["Item"]`, or Python's
 * `.get("Item")` / `.get("Items", [])`; -1 for anything else.
 */
export function replyMember(a: CodeAnalyzer, end: number, name: string): number {
  const p = a.is(end, '!') && a.isAccess(end + 1) ? end + 1 : end;
  if (a.isAccess(p) && a.idIs(p + 1, name) && !a.is(p + 2, '(')) {
    return p + 2;
  }
  if (a.is(p, '[') && a.isString(p + 1) && a.tokens.text(p + 1) === name && a.is(p + 2, ']')) {
    return p + 3;
  }
  if (a.language.family === 'python' && a.isAccess(p) && a.idIs(p + 1, 'get') && a.is(p + 2, '(') && a.isString(p + 3) && a.tokens.text(p + 3) === name) {
    return a.partner[p + 2] > p ? a.partner[p + 2] + 1 : -1;
  }
  return -1;
}

/** The token after a Query reply's `Items` read at `end` (see `replyMember`), or -1. */
export function itemsAfter(a: CodeAnalyzer, end: number): number {
  return replyMember(a, end, 'Items');
}

/** The token after the first element taken at `p` (`[0]`, `?.[0]`, `![0]`), or -1. */
export function firstElementAfter(a: CodeAnalyzer, p: number): number {
  if (p < 0) {
    return -1;
  }
  const q = a.is(p, '!') ? p + 1 : a.is(p, '?.') && a.is(p + 1, '[') ? p + 1 : p;
  return a.is(q, '[') && a.is(q + 1, '0') && a.is(q + 2, ']') ? q + 3 : -1;
}

/** The token after the first item of a Query's response expression that ends at `end` (`.Items[0]`, `["Items"][0]`), or -1. */
export function firstItemAfter(a: CodeAnalyzer, end: number): number {
  return firstElementAfter(a, itemsAfter(a, end));
}

/**
 * `const [item] = ` ending before `at` (the first element of a list destructured): the item's name, or undefined.
 * A rest element or a second element leaves the list whole.
 */
export function destructuredFirst(a: CodeAnalyzer, at: number): string | undefined {
  const open = a.is(at - 1, '=') && a.is(at - 2, ']') ? a.partner[at - 2] : -1;
  const declared = open > 0 && (a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'));
  return declared && a.isId(open + 1) && open + 2 === at - 2 ? a.tokens.text(open + 1) : undefined;
}
