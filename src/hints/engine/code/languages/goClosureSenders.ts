/**
 * Go wrappers that send their request from a function literal they call, as retry and rate-limit wrappers
 * write them:
 *
 *   call := func(ctx aws.Context) (*dynamodb.QueryOutput, error) { return cn.QueryWithContext(ctx, input) }
 *   if limiter == nil { return call(ctx) }
 *   err := limiter.Do(ctx, func() error { out, callErr = call(ctx); return callErr })
 *   return out, callErr
 *
 * The literal returns the output to the named function, which returns it whole to its own callers: the
 * wrapper, as its callers judge it (`goCallers.ts` for pages, `goBatchCallers.ts` for unprocessed items), is the
 * named function. A literal that keeps the output to itself, or whose function never hands it out, is no such thing.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { FunctionScope } from '../language';
import { tokensNamed } from '../tokenIndex';

/** What the callers' passes know of a function: whether it returns a call's output, and the names its `return`s give first. */
export interface Handing {
  sendsOutput: (fn: FunctionScope) => boolean;
  returnedNames: (fn: FunctionScope) => ReadonlySet<string>;
}

/** The named function that hands out what the function literal `literal` sends and returns, or undefined. */
export function closureWrapper(a: CodeAnalyzer, literal: FunctionScope, handing: Handing): FunctionScope | undefined {
  const func = literal.params - 1;
  // `name := func(...)` or `name = func(...)`.
  if (!a.idIs(func, 'func') || !(a.is(func - 1, ':=') || a.is(func - 1, '=')) || !a.isId(func - 2) || a.isAccess(func - 3)) {
    return undefined;
  }
  const outer = a.functions.get(a.scopes.enclosing(func, ['function']));
  if (!outer || !handing.sendsOutput(literal)) {
    return undefined;
  }
  const name = a.tokens.text(func - 2);
  const [, end] = a.scopes.range(outer.scope);
  for (const i of tokensNamed(a, name)) {
    if (i > func && i < end && a.is(i + 1, '(') && !a.isAccess(i - 1) && handsOut(a, i, outer, handing)) {
      return a.scopes.lookup(name, i)?.token === func - 2 ? outer : undefined;
    }
  }
  return undefined;
}

/** `return name(...)` in the function itself, or `x, err = name(...)` (also in a literal of it) with `x` returned first. */
function handsOut(a: CodeAnalyzer, i: number, outer: FunctionScope, handing: Handing): boolean {
  if (a.idIs(i - 1, 'return')) {
    return a.scopes.enclosing(i, ['function']) === outer.scope;
  }
  if (!a.is(i - 1, '=') && !a.is(i - 1, ':=')) {
    return false;
  }
  let first = -1;
  for (let k = i - 2; k >= 0 && a.isId(k); k -= 2) {
    first = k;
    if (!a.is(k - 1, ',')) {
      break;
    }
  }
  return first >= 0 && handing.returnedNames(outer).has(a.tokens.text(first));
}
