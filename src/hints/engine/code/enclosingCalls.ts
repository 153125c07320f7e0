/** The calls a token sits inside, read outwards through its enclosing brackets. */
import type { CodeAnalyzer } from './analyzer';

/** Brackets read outwards from a token: deeper nesting than any real block. */
const MAX_ENCLOSING_BRACKETS = 32;

/**
 * Whether the token sits, at any depth, in the arguments of a call whose name token `named` accepts
 * (`executePipelined(new RedisCallback<Object>() { ... })`, a project's `pipelined(block)`).
 */
export function insideCallArguments(a: CodeAnalyzer, k: number, named: (nameToken: number) => boolean): boolean {
  let bracket = a.parent[k];
  for (let depth = 0; bracket > 0 && depth < MAX_ENCLOSING_BRACKETS; depth++, bracket = a.parent[bracket]) {
    if (a.is(bracket, '(') && a.isId(bracket - 1) && named(bracket - 1)) {
      return true;
    }
  }
  return false;
}
