/**
 * Assignment operators as the lexer leaves them: `=`, `:=`, `+=` and `-=` are one token each, while the
 * other compound operators (`||=`, `??=`, `*=`, `<<=`) are an operator token followed by `=`, and `++` and
 * `--` are two `+` or `-` tokens, each pair written without a space between.
 */
import type { CodeAnalyzer } from './analyzer';

const WHOLE = ['=', ':=', '+=', '-='];
/** Operators that make a compound assignment with the `=` right after them. */
const BEFORE_EQUALS = ['||', '&&', '??', '**', '<<', '>>', '*', '/', '%', '|', '&', '^'];

function adjacent(a: CodeAnalyzer, k: number): boolean {
  return a.tokens.ends[k] === a.tokens.starts[k + 1];
}

/** How many tokens the assignment or update operator at `k` spans (`x ||= y`, `x++`), or 0 when none starts there. */
export function assignmentAt(a: CodeAnalyzer, k: number): number {
  if (WHOLE.some((operator) => a.is(k, operator))) {
    return 1;
  }
  if (BEFORE_EQUALS.some((operator) => a.is(k, operator)) && a.is(k + 1, '=') && adjacent(a, k)) {
    return 2;
  }
  return (a.is(k, '+') && a.is(k + 1, '+')) || (a.is(k, '-') && a.is(k + 1, '-')) ? (adjacent(a, k) ? 2 : 0) : 0;
}
