/** Type arguments between angle brackets (`Map<String, List<Item>>`), which the lexer may read as `>>`. */
import type { CodeAnalyzer } from './analyzer';

/** How a token changes the depth of type arguments read right to left: `>` opens one, `>>` two, `<` closes one. */
export function angleDepthBackward(a: CodeAnalyzer, k: number): number {
  return a.is(k, '>') ? 1 : a.is(k, '>>') ? 2 : a.is(k, '<') ? -1 : 0;
}

/** The `>` (or `>>`) that closes the type arguments opened at `open`, or -1 past a statement's or call's start. */
export function closeAngle(a: CodeAnalyzer, open: number): number {
  let depth = 0;
  for (let k = open; k < Math.min(a.tokens.length, open + 40); k++) {
    if (a.is(k, '<')) {
      depth++;
    } else if (a.is(k, '>')) {
      depth--;
      if (depth === 0) {
        return k;
      }
    } else if (a.is(k, '>>')) {
      depth -= 2;
      if (depth <= 0) {
        return k;
      }
    } else if (a.is(k, ';') || a.is(k, '{') || a.is(k, '(')) {
      return -1;
    }
  }
  return -1;
}
