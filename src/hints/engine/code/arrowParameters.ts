/**
 * The parameter list of an arrow function or lambda, read back from its arrow (`=>`, `->`) for the scope pass
 * (`braces.ts`): `(a, b) =>`, `a =>`, TypeScript's `(id: string): Promise<T> =>`, not a C# expression-bodied member.
 */
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { angleDepthBackward } from './typeArguments';

const OBJECT = codeOf('object');

/** The parameters before an arrow: `(a, b) =>`, `a =>`, `async (a) =>`. */
export function arrowParams(a: CodeAnalyzer, arrow: number): number {
  const before = arrow - 1;
  if (a.is(before, ')')) {
    return a.partner[before];
  }
  const typed = a.language.family === 'js' ? annotatedArrowParams(a, before) : -1;
  if (typed >= 0 || !a.isId(before)) {
    return typed;
  }
  // C# `ConnectionMultiplexer Connection => lazy.Value;` is an expression-bodied member named after its
  // type, not a lambda whose parameter is `Connection`.
  return a.language.id === 'csharp' && endsTypeName(a, before - 1) ? -1 : before;
}

/** Tokens a TypeScript return type is written with: `Promise<Foo.Bar[]> | undefined`. */
const RETURN_TYPE_TOKENS = new Set(['.', '<', '>', '>>', ',', '|', '&', '[', ']']);
/** How far back a return type is looked for, object types included: longer annotations are left alone. */
const MAX_RETURN_TYPE_TOKENS = 64;
/** Words an arrow's parameter list may follow, unlike a call's arguments. */
const ARROW_PARAMS_AFTER = ['async', 'return', 'yield', 'await'];

/**
 * TypeScript `(id: string): QueryCommandInput => ...`: the `(` of the parameters before a return type that ends
 * at `last`, or -1. A parenthesised branch of a conditional (`ok ? (a) : b => b`, `ok ? f(a) : b => b`) is not a parameter list.
 */
function annotatedArrowParams(a: CodeAnalyzer, last: number): number {
  let depth = 0;
  for (let k = last; k >= 0 && last - k < MAX_RETURN_TYPE_TOKENS; k--) {
    const change = angleDepthBackward(a, k);
    if (change !== 0) {
      depth += change;
    } else if (a.is(k, '}') && a.partner[k] >= 0 && a.partner[k] < k) {
      // An object type (`Promise<{ statusCode: number; body: string }>`), read as one token of the type.
      k = a.partner[k];
    } else if (a.is(k, ':') && depth === 0) {
      const open = a.is(k - 1, ')') ? a.partner[k - 1] : -1;
      const call = a.isId(open - 1) && !a.tokens.isOneOf(open - 1, ARROW_PARAMS_AFTER);
      return k < last && open >= 0 && !a.is(open - 1, '?') && !call ? open : -1;
    } else if (!a.isId(k) && !RETURN_TYPE_TOKENS.has(a.tokens.text(k))) {
      return -1;
    }
  }
  return -1;
}

/** Whether a token can end a C# type name: a plain identifier (not a keyword such as `return` or `async`; `object` is C#'s type), `>` of a generic, `?` or `]`. */
function endsTypeName(a: CodeAnalyzer, k: number): boolean {
  return (a.isId(k) && (a.tokens.codes[k] === 0 || a.tokens.codes[k] === OBJECT)) || a.is(k, '>') || a.is(k, '?') || a.is(k, ']');
}
