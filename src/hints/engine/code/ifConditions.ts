/** The condition of an `if` statement, as each language writes it: the one reader the check-then-put readers share. */
import type { CodeAnalyzer } from './analyzer';

/**
 * The tokens of the condition of the `if` at `at`, [start, end): inside the parentheses (JavaScript, Java, C#),
 * Python's up to its `:`, Go's up to its block (past an init statement: `if out, err := get(); err == nil {`).
 */
export function conditionOf(a: CodeAnalyzer, at: number): { start: number; end: number } | undefined {
  const family = a.language.family;
  if (family === 'python') {
    // Up to the `:` at the `if`'s own depth, past bracket groups (`if user_exists(email):`, `if {"a": 1}:`).
    for (let k = at + 1; k < a.tokens.length && a.parent[k] === a.parent[at]; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
      if (a.is(k, ':')) {
        return { start: at + 1, end: k };
      }
      if (k > at + 1 && a.startsLine(k)) {
        return undefined;
      }
    }
    return undefined;
  }
  if (family !== 'go') {
    return a.is(at + 1, '(') && a.partner[at + 1] > at ? { start: at + 2, end: a.partner[at + 1] } : undefined;
  }
  let start = at + 1;
  for (let k = at + 1; k < a.tokens.length && k < at + 400; k = a.partner[k] > k && !a.is(k, '{') ? a.partner[k] + 1 : k + 1) {
    if (a.is(k, ';') && a.parent[k] === a.parent[at]) {
      start = k + 1;
    } else if (a.is(k, '{') && a.parent[k] === a.parent[at]) {
      return { start, end: k };
    }
  }
  return undefined;
}
