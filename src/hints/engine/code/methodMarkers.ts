/** Markers written before a method's name: Java annotations, C# attributes, TypeScript decorators. */
import type { CodeAnalyzer } from './analyzer';
import type { FunctionScope } from './language';

/** How far back from a method's name its markers may start. */
export const MARKER_LOOKBACK = 40;

/**
 * Whether a method carries a marker among the tokens before its name, back to the end of the previous member
 * (`;`, `}`) or the class body's `{`; an annotation's or attribute's arguments are skipped whole.
 */
export function methodMarked(a: CodeAnalyzer, fn: FunctionScope, marker: (k: number) => boolean): boolean {
  const name = fn.params - 1;
  if (!a.is(fn.params, '(') || !a.isId(name)) {
    return false;
  }
  for (let k = name - 1, steps = 0; k > 0 && steps < MARKER_LOOKBACK; k--, steps++) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}')) {
      return false;
    }
    if (a.is(k, ')') && a.partner[k] >= 0) {
      k = a.partner[k];
      continue;
    }
    if (marker(k)) {
      return true;
    }
  }
  return false;
}
