/** Tables over a file's tokens that the analyzer computes once, each in one linear pass, and the search of a span in them. */
import { Tokens } from '../lexer';
import { copyInto } from '../typedArrays';
import { Span } from '../types';

/** For each token, the open bracket it sits directly inside, or -1 at the top level. */
export function enclosingBrackets(partner: Int32Array): Int32Array {
  const count = partner.length;
  const parent = new Int32Array(count);
  // The open brackets around the current token, innermost last (sized by nesting, as in `matchBrackets`).
  let stack = new Int32Array(64);
  let depth = 0;
  for (let i = 0; i < count; i++) {
    parent[i] = depth > 0 ? stack[depth - 1] : -1;
    const closes = partner[i];
    if (closes > i) {
      if (depth === stack.length) {
        stack = copyInto(stack, new Int32Array(depth * 2));
      }
      stack[depth++] = i;
    } else if (closes >= 0 && closes < i) {
      while (depth > 0 && stack[depth - 1] >= closes) {
        depth--;
      }
      parent[i] = depth > 0 ? stack[depth - 1] : -1;
    }
  }
  return parent;
}

/**
 * Which tokens start a line: only whitespace and comments lie between two tokens, so a newline there
 * starts one, unless a backslash right after the token before continues its line (Python's `x = \`, which
 * the lexer leaves out). One pass; each search for the next newline starts past the last one found.
 */
export function lineStarts(text: string, tokens: Tokens): Uint8Array {
  const starts = new Uint8Array(tokens.length);
  let newline = text.indexOf('\n');
  for (let i = 1; i < tokens.length; i++) {
    const previousEnd = tokens.ends[i - 1];
    if (newline >= 0 && newline < previousEnd) {
      newline = text.indexOf('\n', previousEnd);
    }
    if (newline >= 0 && newline < tokens.starts[i] && continues(text, previousEnd, newline)) {
      newline = text.indexOf('\n', newline + 1);
    }
    starts[i] = newline >= 0 && newline < tokens.starts[i] ? 1 : 0;
  }
  if (tokens.length > 0) {
    starts[0] = 1;
  }
  return starts;
}

/** Whether the line break at `newline` follows a backslash that only spaces or tabs part from the token ending at `from`. */
function continues(text: string, from: number, newline: number): boolean {
  let k = newline - 1;
  if (text.charCodeAt(k) === CARRIAGE_RETURN) {
    k--;
  }
  if (k < from || text.charCodeAt(k) !== BACKSLASH) {
    return false;
  }
  for (let j = from; j < k; j++) {
    const code = text.charCodeAt(j);
    if (code !== SPACE && code !== TAB) {
      return false;
    }
  }
  return true;
}

const BACKSLASH = 92;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;

/** The tokens of a span that starts and ends on token boundaries (an option's key or value), as [from, to), by binary search. */
export function tokensOfSpan(tokens: Tokens, span: Span): [number, number] {
  const { starts, ends, length } = tokens;
  // The first token that starts at or after the span, then the first after it that ends past the span.
  const firstAtOrAfter = (values: Int32Array, from: number, offset: number, inclusive: boolean): number => {
    let low = from;
    let high = length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[mid] < offset || (inclusive && values[mid] === offset)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  };
  const from = firstAtOrAfter(starts, 0, span.start, false);
  return [from, firstAtOrAfter(ends, from, span.end, true)];
}
