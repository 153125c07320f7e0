/** Type arguments between angle brackets (`Map<String, List<Item>>`), which the lexer may read as `>>`. */
import type { CodeAnalyzer } from './analyzer';

/** How a token changes the depth of type arguments read right to left: `>` opens one, `>>` two, `<` closes one. */
export function angleDepthBackward(a: CodeAnalyzer, k: number): number {
  return a.is(k, '>') ? 1 : a.is(k, '>>') ? 2 : a.is(k, '<') ? -1 : 0;
}

/** Tokens read past `<` before giving up: a type argument list is short, but for object types it skips whole. */
const MAX_ANGLE_STEPS = 40;

/**
 * The `>` (or `>>`) that closes the type arguments opened at `open`, or -1 past a statement's or call's start.
 * An object type written as an argument (`query<{ Items: Order[] }>(`) is skipped whole where a type starts:
 * right after `<` or `,`, and only when a `>`, `,`, `[`, `|` or `&` follows its `}`, which no block does.
 */
export function closeAngle(a: CodeAnalyzer, open: number): number {
  let depth = 0;
  for (let k = open, steps = 0; k < a.tokens.length && steps < MAX_ANGLE_STEPS; k++, steps++) {
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
    } else if (a.is(k, '{') && depth > 0 && (a.is(k - 1, '<') || a.is(k - 1, ',')) && objectTypeEnds(a, a.partner[k])) {
      k = a.partner[k];
    } else if (a.is(k, ';') || a.is(k, '{') || a.is(k, '(')) {
      return -1;
    }
  }
  return -1;
}

/** Whether the `}` at `close` (-1: unmatched) may end an object type inside type arguments. */
function objectTypeEnds(a: CodeAnalyzer, close: number): boolean {
  return close > 0 && (a.is(close + 1, '>') || a.is(close + 1, '>>') || a.is(close + 1, ',') || a.is(close + 1, '[') || a.is(close + 1, '|') || a.is(close + 1, '&'));
}

/**
 * The `>` that closes type arguments opening at `k` right before a call's parentheses (`new Map<string, Redis>()`,
 * `new HashMap<String, DynamoDbClient>()`), whose commas separate no expressions; otherwise -1.
 */
export function typeArgumentsOfCall(a: CodeAnalyzer, k: number): number {
  if (!a.is(k, '<') || !a.language.typeArguments || a.language.id === 'javascript' || !a.isId(k - 1)) {
    return -1;
  }
  const close = closeAngle(a, k);
  return close > k && a.is(close + 1, '(') ? close : -1;
}

/** The `(` of a call whose name is at `name`, past type arguments where the language writes them (`set<Profile>(`), or -1. */
export function callOpenAfter(a: CodeAnalyzer, name: number): number {
  if (a.is(name + 1, '(')) {
    return name + 1;
  }
  const close = a.language.typeArguments && a.is(name + 1, '<') ? closeAngle(a, name + 1) : -1;
  return close > 0 && a.is(close + 1, '(') ? close + 1 : -1;
}
