/**
 * A connection string chosen by a condition: `URL = f"mysql+pymysql://app:pw@{env['DB_HOST']}/app" if "DB_HOST" in env
 * else "sqlite://"`, `const url = process.env.DB_HOST ? \`postgres://app:pw@${process.env.DB_HOST}/app\` : LOCAL`.
 * Each branch that is one string literal is a connection string the code may connect with, so its password is a
 * password written in the code (`sqlDsnOptions.ts` reads it). Written in place or held by a name bound once to it.
 */
import { bindsWholeExpression } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { onlyBinding } from './sqlLiterals';

/** The string literal tokens that are whole branches of the conditional expression at tokens [first, end), or of the one a name there holds. */
export function conditionalStrings(a: CodeAnalyzer, first: number, end: number): number[] {
  const held = heldExpression(a, first, end);
  return held ? branchStrings(a, held[0], held[1]) : branchStrings(a, first, end);
}

/**
 * For a name at [first, end) (`URL`, `opts`), the expression it is bound once to, whole; undefined for any other
 * range, or [-1, -1] for a name bound otherwise (nothing to read).
 */
export function heldExpression(a: CodeAnalyzer, first: number, end: number): [number, number] | undefined {
  if (end !== first + 1 || !a.isId(first) || a.isAccess(first - 1)) {
    return undefined;
  }
  const binding = onlyBinding(a, first);
  return binding && bindsWholeExpression(binding) ? [binding.expression, expressionEnd(a, binding.expression)] : [-1, -1];
}

/** The branches of a conditional expression spanning [first, end) that are one string literal each. */
function branchStrings(a: CodeAnalyzer, first: number, end: number): number[] {
  return conditionalParts(a, first, end)
    .filter(([start, stop]) => stop === start + 1 && a.isString(start))
    .map(([start]) => start);
}

/**
 * The two branches, as token ranges, of the conditional expression spanning [first, end) (Python's `x if c else y`,
 * C-like `c ? x : y`), also inside the parentheses a long one is wrapped in; none when it is no conditional.
 */
export function conditionalParts(a: CodeAnalyzer, first: number, end: number): [number, number][] {
  // Inside the parentheses a long expression is wrapped in: `URL = (\n  f"..." \n  if ... \n  else "..."\n)`.
  let [from, to] = [first, end];
  while (to - from > 2 && a.is(from, '(') && a.partner[from] === to - 1) {
    [from, to] = [from + 1, to - 1];
  }
  return a.language.family === 'python' ? splitAt(a, from, to, 'if', 'else', [0, 2]) : splitAt(a, from, to, '?', ':', [1, 2]);
}

/**
 * The expression split at its first top-level `question` and the `answer` after it (Python's `x if c else y`,
 * C-like `c ? x : y`), keeping the parts at `keep`; none when the range holds no such pair outside brackets.
 */
function splitAt(a: CodeAnalyzer, first: number, end: number, question: string, answer: string, keep: readonly number[]): [number, number][] {
  let asked = -1;
  for (let k = first; k < end; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (asked < 0 && k > first && a.is(k, question)) {
      asked = k;
    } else if (asked >= 0 && a.is(k, answer)) {
      const parts: [number, number][] = [
        [first, asked],
        [asked + 1, k],
        [k + 1, end],
      ];
      return keep.map((index) => parts[index]);
    }
  }
  return [];
}
