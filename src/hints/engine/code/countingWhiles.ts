/**
 * A `while` loop that counts, as a `for` over a range would: `i = 1; while i <= amount: ...; i += 1` in a seed or
 * backfill script. Its body runs once per counted element, so a call there runs per element; a `while` that waits
 * for a condition (a page key, a queue, a retry) does not.
 */
import type { CodeAnalyzer } from './analyzer';
import { TOKEN_KIND } from '../lexer';

const COMPARISONS = ['<', '<=', '>', '>='];
/** Tokens that make a condition more than one comparison, or leave the loop early (a retry or a search). */
const NOT_A_COUNT = new Set(['and', 'or', 'not', '&&', '||', '!', 'break', 'return', 'raise', 'throw', 'sleep', 'Sleep']);

/**
 * Whether the `while` at `keyword` (its loop scope `loop`) compares one name with a limit (`i <= amount`,
 * `n > 0`) and its body steps that name by a number once (`i += 1`, `n -= 1`, `i++`) and writes it nowhere
 * else, and neither leaves the loop early nor pauses.
 */
export function countingWhile(a: CodeAnalyzer, loop: number, keyword: number): boolean {
  const condition = conditionRange(a, keyword);
  if (!condition) {
    return false;
  }
  const [from, to] = condition;
  const counter = counterOf(a, from, to);
  if (counter === undefined) {
    return false;
  }
  const end = a.scopes.range(loop)[1];
  let steps = 0;
  for (let k = to; k < end; k++) {
    if (NOT_A_COUNT.has(a.tokens.text(k)) && !a.isString(k)) {
      return false;
    }
    if (!a.idIs(k, counter) || a.isAccess(k - 1)) {
      continue;
    }
    const step = (a.is(k + 1, '+=') || a.is(k + 1, '-=')) && a.tokens.kinds[k + 2] === TOKEN_KIND.NUM;
    const incremented = (a.is(k + 1, '+') && a.is(k + 2, '+')) || (a.is(k + 1, '-') && a.is(k + 2, '-')) || (a.is(k - 1, '+') && a.is(k - 2, '+'));
    if (step || incremented) {
      steps++;
    } else if (a.is(k + 1, '=') || a.is(k + 1, '+=') || a.is(k + 1, '-=')) {
      return false;
    }
  }
  return steps === 1;
}

/** The tokens of the condition: inside `while (...)`, or Python's from the keyword to the `:` of the header. */
function conditionRange(a: CodeAnalyzer, keyword: number): [number, number] | undefined {
  if (a.is(keyword + 1, '(') && a.language.family !== 'python') {
    return [keyword + 2, a.partner[keyword + 1]];
  }
  if (a.language.family !== 'python') {
    return undefined;
  }
  for (let k = keyword + 1; k < a.tokens.length && k - keyword < 32; k = a.skipGroup(k)) {
    if (a.is(k, ':')) {
      return [keyword + 1, k];
    }
  }
  return undefined;
}

/** The name a one-comparison condition holds on one side (`i <= amount`, `limit > n`), or undefined. */
function counterOf(a: CodeAnalyzer, from: number, to: number): string | undefined {
  let comparison = -1;
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if (COMPARISONS.some((operator) => a.is(k, operator))) {
      if (comparison >= 0) {
        return undefined;
      }
      comparison = k;
    }
  }
  if (comparison < 0) {
    return undefined;
  }
  if (comparison === from + 1 && a.isId(from)) {
    return a.tokens.text(from);
  }
  return comparison === to - 2 && a.isId(to - 1) && !a.isAccess(to - 2) ? a.tokens.text(to - 1) : undefined;
}
