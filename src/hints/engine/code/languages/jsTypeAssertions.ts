/**
 * TypeScript type assertions around a request variable: `docClient.update(params as UpdateItemInput)`,
 * `docClient.update(<UpdateItemInput>params)`, `params satisfies QueryCommandInput`, also with a dotted or generic
 * type (`params as DocumentClient.QueryInput`). The assertion changes nothing at run time: the request is the
 * variable's.
 */
import type { CodeAnalyzer } from '../analyzer';

/** Tokens a type name of an assertion may span (`DocumentClient.QueryInput`, `Record<string, unknown>`). */
const MAX_TYPE_TOKENS = 24;

/** The variable's token when the argument from `start` to `end` (exclusive) is only that variable under an assertion; else -1. */
export function assertedVariable(a: CodeAnalyzer, start: number, end: number): number {
  if (a.is(start, '<')) {
    // `<Type>name`: the name right after the closing `>`.
    let k = start + 1;
    while (k < end && k < start + MAX_TYPE_TOKENS && !a.is(k, '>')) {
      k++;
    }
    return a.is(k, '>') && a.isId(k + 1) && k + 2 === end ? k + 1 : -1;
  }
  if (!a.isId(start) || !(a.idIs(start + 1, 'as') || a.idIs(start + 1, 'satisfies')) || end - start > MAX_TYPE_TOKENS) {
    return -1;
  }
  // `name as Type`: what follows is a type name, dotted or with type arguments, and nothing else.
  for (let k = start + 2; k < end; k++) {
    if (!(a.isId(k) || a.is(k, '.') || a.is(k, '<') || a.is(k, '>') || a.is(k, ',') || a.is(k, '[') || a.is(k, ']'))) {
      return -1;
    }
  }
  return end > start + 2 ? start : -1;
}
