/**
 * JavaScript and TypeScript reads of a batch reply's `UnprocessedItems` or `UnprocessedKeys` that never see what
 * was left. The reply holds a map from table name to requests (BatchWriteItem, BatchGetItem), so its `.length` is
 * undefined and a test on it never holds: `if (UnprocessedItems.length) { retry(UnprocessedItems) }` retries
 * nothing, and what its body reads runs never. A name destructured from the reply (`const { UnprocessedItems } =
 * await ...`) only binds the map: its uses decide. Other languages' size of the map (`len(...)`, `.size()`,
 * `.Count`) counts its tables, a real check, and so does `Object.keys(UnprocessedItems).length` or
 * `UnprocessedItems[table].length` here.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html#API_BatchWriteItem_ResponseSyntax
 */
import type { CodeAnalyzer } from './analyzer';

/** The reply members, as the SDKs for JavaScript spell them (a local `unprocessedItems` may well be an array). */
const REPLY_MAPS = new Set(['UnprocessedItems', 'UnprocessedKeys']);

/** Whether the marker at `marker` reads nothing of what the batch left (see above); JavaScript and TypeScript only. */
export function readsNoUnprocessed(a: CodeAnalyzer, marker: number): boolean {
  if (a.language.family !== 'js' || !a.isId(marker) || !REPLY_MAPS.has(a.tokens.text(marker))) {
    return false;
  }
  return lengthOfMap(a, marker) || bindsOnly(a, marker) || underNeverTrueTest(a, marker);
}

/** `UnprocessedItems.length`, `res.UnprocessedItems.length`: undefined, whatever the batch left. */
function lengthOfMap(a: CodeAnalyzer, marker: number): boolean {
  return a.is(marker + 1, '.') && a.idIs(marker + 2, 'length') && !a.is(marker - 1, '[');
}

/** `const { UnprocessedItems } = ...` (also with a default): the name a destructuring declaration binds, not a read. */
function bindsOnly(a: CodeAnalyzer, marker: number): boolean {
  const open = a.parent[marker];
  if (open < 0 || !a.is(open, '{') || !(a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'))) {
    return false;
  }
  const shorthand = a.is(marker - 1, '{') || a.is(marker - 1, ',');
  return shorthand && (a.is(marker + 1, ',') || a.is(marker + 1, '}') || a.is(marker + 1, '='));
}

/**
 * A marker in the body of an `if` or `while` whose test is only the map's length, alone or compared as more than
 * a count (`x.length`, `x.length > 0`, `x.length >= 1`): undefined there, so the body never runs. An `else` runs.
 */
function underNeverTrueTest(a: CodeAnalyzer, marker: number): boolean {
  for (let open = a.parent[marker]; open >= 0; open = a.parent[open]) {
    if (!a.is(open, '{') || !a.is(open - 1, ')')) {
      continue;
    }
    const test = a.partner[open - 1];
    if (test >= 0 && (a.idIs(test - 1, 'if') || a.idIs(test - 1, 'while')) && neverTrue(a, test + 1, open - 1)) {
      return true;
    }
  }
  return false;
}

/** Whether tokens [from, to) are `<...>.UnprocessedItems.length`, alone or compared with a number (undefined compares false). */
function neverTrue(a: CodeAnalyzer, from: number, to: number): boolean {
  let length = -1;
  for (let k = from; k < to; k++) {
    if (a.isId(k) && REPLY_MAPS.has(a.tokens.text(k)) && lengthOfMap(a, k)) {
      length = k + 2;
      break;
    }
  }
  if (length < 0 || !readsOnlyMembers(a, from, length - 2)) {
    return false;
  }
  if (to === length + 1) {
    return true;
  }
  // The lexer reads `===` as `==` then `=`.
  const strict = a.is(length + 1, '==') && a.is(length + 2, '=');
  const number = strict ? length + 3 : length + 2;
  const numeric = to === number + 1 && !Number.isNaN(Number(a.tokens.text(number)));
  return numeric && (strict || COMPARISONS.some((operator) => a.is(length + 1, operator)));
}

/** Comparisons that are false for undefined against any number, as are `===` (`!==` and `!=` are true). */
const COMPARISONS = ['>', '>=', '<', '<=', '=='];

/** Whether tokens [from, to) are a dotted name (`res.`, `result.body.`) before the member at `to`, or nothing. */
function readsOnlyMembers(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!(a.isId(k) || a.is(k, '.'))) {
      return false;
    }
  }
  return true;
}
