/**
 * Where the receiver chain of a call starts, read backwards from its last token: `a.b(x).c` in
 * `a.b(x).c.scan(...)`, `new Table(...)`, `table<Order>(...)`, or a parenthesised expression.
 */
import type { CodeAnalyzer } from './analyzer';

/** Keywords a parenthesised expression follows, which are no function called with it. */
const STATEMENT_KEYWORDS = ['return', 'yield', 'throw'];

/** Start of the receiver chain that ends at token `end` (inclusive). */
export function chainStart(a: CodeAnalyzer, end: number): number {
  let j = end;
  for (let guard = 0; guard < 64 && j >= 0; guard++) {
    if (a.is(j, ')') || a.is(j, ']')) {
      const open = a.partner[j];
      if (open < 0) {
        return j + 1;
      }
      if ((!a.isId(open - 1) || a.tokens.isOneOf(open - 1, STATEMENT_KEYWORDS)) && !a.is(open - 1, ')') && !a.is(open - 1, ']') && !a.is(open - 1, '>')) {
        // A parenthesised expression is the start of the chain (also after `return`: `return (await getClient()).get(k)`).
        return open;
      }
      j = open - 1;
      continue;
    }
    if (a.is(j, '>') && a.language.typeArguments) {
      // `table<Order>(...)`: step over type arguments.
      let k = j - 1;
      while (k > 0 && j - k < 40 && !a.is(k, '<')) {
        k--;
      }
      if (!a.is(k, '<')) {
        return j + 1;
      }
      j = k - 1;
      continue;
    }
    if (a.is(j, '!') && j > 0 && (a.isId(j - 1) || a.is(j - 1, ')') || a.is(j - 1, ']'))) {
      // A TypeScript non-null assertion: `client!.keys(...)`.
      j--;
      continue;
    }
    if (a.isId(j) || a.is(j, '!')) {
      if (j > 0 && (a.isAccess(j - 1) || a.is(j - 1, '!'))) {
        j -= 2;
        continue;
      }
      if (j > 0 && a.idIs(j - 1, 'new')) {
        j--;
        continue;
      }
      return j;
    }
    return j + 1;
  }
  return j + 1;
}

/** The token after the chain of names, members, calls and subscripts that starts at the name `start` (`process.env.X`, `opts.db()`), or -1 when `start` is no name. */
export function chainEnd(a: CodeAnalyzer, start: number): number {
  if (!a.isId(start)) {
    return -1;
  }
  let j = start + 1;
  for (;;) {
    if (a.isAccess(j) && a.isId(j + 1)) {
      j += 2;
    } else if (a.is(j, '(') || a.is(j, '[')) {
      j = a.skipGroup(j);
    } else {
      return j;
    }
  }
}
