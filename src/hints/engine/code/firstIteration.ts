/**
 * A JavaScript paginator that the code leaves after its first page: `for await (const page of
 * paginateScan(...)) { return page.Items; }`. The loop's body ends the loop unconditionally (a `return`,
 * `break` or `throw` that is a statement of the body itself, not under an `if`), so only one page is read,
 * as with a single Scan call. A `continue` anywhere in the body may skip that exit, so it keeps the paginator.
 */
import { codeOf, codeSet } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';

const FOR = codeOf('for');
const AWAIT = codeOf('await');
const OF = codeOf('of');
const OPEN_PAREN = codeOf('(');
const OPEN_BRACE = codeOf('{');
const CLOSE_BRACE = codeOf('}');
const SEMICOLON = codeOf(';');
const CONTINUE = codeOf('continue');
const EXITS = codeSet(['return', 'break', 'throw']);

/** Whether the paginator call whose name is at `name` is iterated by a `for await … of` loop that exits in its first iteration. */
export function leftAfterFirstPage(a: CodeAnalyzer, name: number): boolean {
  const codes = a.tokens.codes;
  const close = a.partner[name + 1];
  const head = a.parent[name];
  if (close < 0 || head < 0 || codes[head] !== OPEN_PAREN || codes[name - 1] !== OF || a.partner[head] !== close + 1) {
    return false;
  }
  const keyword = codes[head - 1] === AWAIT ? head - 2 : head - 1;
  if (keyword < 0 || codes[keyword] !== FOR) {
    return false;
  }
  const body = a.partner[head] + 1;
  if (EXITS[codes[body]] === 1) {
    return true;
  }
  const end = a.partner[body];
  if (codes[body] !== OPEN_BRACE || end < 0) {
    return false;
  }
  for (let k = body + 1; k < end; k++) {
    if (codes[k] === CONTINUE) {
      return false;
    }
    if (a.parent[k] === body && EXITS[codes[k]] === 1 && (k === body + 1 || codes[k - 1] === SEMICOLON || codes[k - 1] === CLOSE_BRACE)) {
      return true;
    }
  }
  return false;
}
