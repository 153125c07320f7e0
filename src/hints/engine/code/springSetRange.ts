/**
 * Spring Data Redis `ValueOperations.set(key, value, offset)`: given a whole number and no unit, it is SETRANGE, which
 * overwrites the string from that offset (DefaultValueOperations), not a SET with a TTL; a TTL is given as a
 * `Duration` or as a timeout followed by its `TimeUnit`. So `set(key, value, 10L)` sets no TTL and sends no SET.
 */
import { TOKEN_KIND } from '../lexer';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** Java's and Kotlin's whole-number types, which an offset is declared with. */
const WHOLE_NUMBER_TYPES = new Set(['long', 'int', 'short', 'Long', 'Integer', 'Short', 'Int']);

/** `setrange` for a `set` call whose arguments open at `open` and end with an offset; undefined otherwise. */
export function springOffsetWrite(a: CodeAnalyzer, method: string, open: number): string | undefined {
  if (method !== 'set' || !a.is(open, '(')) {
    return undefined;
  }
  const args = segments(a, open);
  if (args.length !== 3) {
    return undefined;
  }
  const [start, end] = args[2];
  return end === start + 1 && (a.tokens.kinds[start] === TOKEN_KIND.NUM || wholeNumberName(a, start)) ? 'setrange' : undefined;
}

/** A name declared with a whole-number type: Java's `long offset`, Kotlin's `offset: Long`. */
function wholeNumberName(a: CodeAnalyzer, token: number): boolean {
  const declared = a.isId(token) ? (a.scopes.lookup(a.tokens.text(token), token, a.language.classFieldsVisible)?.token ?? -1) : -1;
  if (declared <= 0) {
    return false;
  }
  const before = a.id(declared - 1) ?? '';
  const after = a.is(declared + 1, ':') ? (a.id(declared + 2) ?? '') : '';
  return WHOLE_NUMBER_TYPES.has(before) || WHOLE_NUMBER_TYPES.has(after);
}
