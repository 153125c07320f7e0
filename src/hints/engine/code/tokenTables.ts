/** Tables over a file's tokens that the analyzer computes once, each in one linear pass. */
import { Tokens } from '../lexer';

/** For each token, the open bracket it sits directly inside, or -1 at the top level. */
export function enclosingBrackets(partner: Int32Array): Int32Array {
  const count = partner.length;
  const parent = new Int32Array(count);
  // The open brackets around the current token, innermost last.
  const stack = new Int32Array(count + 1);
  let depth = 0;
  for (let i = 0; i < count; i++) {
    parent[i] = depth > 0 ? stack[depth - 1] : -1;
    const closes = partner[i];
    if (closes > i) {
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
 * starts one. One pass; each search for the next newline starts past the last one found.
 */
export function lineStarts(text: string, tokens: Tokens): Uint8Array {
  const starts = new Uint8Array(tokens.length);
  let newline = text.indexOf('\n');
  for (let i = 1; i < tokens.length; i++) {
    const previousEnd = tokens.ends[i - 1];
    if (newline >= 0 && newline < previousEnd) {
      newline = text.indexOf('\n', previousEnd);
    }
    starts[i] = newline >= 0 && newline < tokens.starts[i] ? 1 : 0;
  }
  if (tokens.length > 0) {
    starts[0] = 1;
  }
  return starts;
}
