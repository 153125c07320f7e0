/**
 * Java, Kotlin and C# loops whose body is one statement without braces: `foreach (var key in keys) await db.KeyDeleteAsync(key);`,
 * `for (String k : keys) redisTemplate.delete(k);`, Kotlin's `for (item in items) ddb.putItem(request(item))`. The statement runs
 * once per element as a braced body does, so it gets a loop scope of its own. Kotlin's statement ends with its line, unless the
 * next line carries it on. JavaScript is left out: without semicolons (ASI) a statement's end is not one token.
 */
import { codeOf, codeSet } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';

const LOOP_KEYWORDS = codeSet(['for', 'while', 'foreach']);
/** Words before a `{` that open the block of a statement (`if (...) {`, `else {`, `try {`), not an expression's braces. */
const BLOCK_OPENERS = codeSet([')', 'else', 'try', 'finally']);
/** Words that carry a statement on after its `;` or block: `if (x) a(); else b();`, `try { } catch (E e) { }`. */
const CONTINUATIONS = codeSet(['else', 'catch', 'finally']);
const OPEN_BRACE = codeOf('{');
const SEMICOLON = codeOf(';');
const DO = codeOf('do');
/** What carries a Kotlin statement on to the next line: a call chain, an elvis (`?:`, read as `?` then `:`), a boolean operator, an `else`. */
const KOTLIN_CONTINUATIONS = codeSet(['.', '?.', '?', '&&', '||', 'else']);
/** Tokens read for one body before giving up: a single statement is short, and the pass stays linear. */
const MAX_BODY_TOKENS = 4000;

/**
 * Where the loop whose head opens at `open` (the `(` after `for`, `while` or `foreach`) ends when its body is a single
 * statement without braces: the token after that statement. -1 for a braced body, an empty one (`while (x);`, the tail
 * of `do { } while (x);`), another language, or a body that holds a `do` or does not end within its block.
 */
export function bracelessLoopEnd(a: CodeAnalyzer, open: number): number {
  const family = a.language.family;
  const codes = a.tokens.codes;
  const close = a.partner[open];
  if ((family !== 'java' && family !== 'csharp') || LOOP_KEYWORDS[codes[open - 1]] !== 1 || close <= open) {
    return -1;
  }
  const first = close + 1;
  if (codes[first] === OPEN_BRACE || codes[first] === SEMICOLON) {
    return -1;
  }
  if (a.language.id === 'kotlin') {
    return kotlinStatementEnd(a, first);
  }
  for (let k = first; k < codes.length && k - first < MAX_BODY_TOKENS; ) {
    // The enclosing block closes first, or a `do` whose `while (...)` would read as a loop of its own: no scope.
    if ((a.partner[k] >= 0 && a.partner[k] < k) || codes[k] === DO) {
      return -1;
    }
    const ends = codes[k] === SEMICOLON || (codes[k] === OPEN_BRACE && BLOCK_OPENERS[codes[k - 1]] === 1);
    k = a.skipGroup(k);
    if (ends && CONTINUATIONS[codes[k]] !== 1) {
      return k;
    }
  }
  return -1;
}

/**
 * Where the Kotlin statement that starts at `first` ends: the first token after it that starts a line and carries no
 * statement on, a `;`, or the `}` of the block around it (the last statement of a function).
 */
function kotlinStatementEnd(a: CodeAnalyzer, first: number): number {
  const codes = a.tokens.codes;
  for (let k = first; k < codes.length && k - first < MAX_BODY_TOKENS; ) {
    const next = a.skipGroup(k);
    if (next >= codes.length || (a.partner[next] >= 0 && a.partner[next] < next)) {
      return next;
    }
    if (codes[next] === SEMICOLON) {
      return next + 1;
    }
    if (a.startsLine(next) && KOTLIN_CONTINUATIONS[codes[next]] !== 1) {
      return next;
    }
    k = next;
  }
  return -1;
}
