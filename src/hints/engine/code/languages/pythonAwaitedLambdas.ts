/**
 * Python: a lambda handed to a call that runs it before the awaited call returns, `await asyncio.to_thread(lambda:
 * table.query(**kwargs))` or `await loop.run_in_executor(None, lambda: ...)` (the way async code runs blocking boto3
 * calls). The scope model reads a closure's outer names at their last binding, since a closure may run at any time;
 * this one runs at the await, so it reads them as they are there, before a later reassignment.
 */
import type { CodeAnalyzer } from '../analyzer';

/** The position to read the outer names of the lambda whose body holds `at` from: its call's `(`; -1 when no awaited call runs it. */
export function awaitedLambdaCall(a: CodeAnalyzer, at: number): number {
  if (a.language.family !== 'python') {
    return -1;
  }
  const scope = a.scopes.enclosing(at, ['function']);
  const params = scope > 0 ? (a.functions.get(scope)?.params ?? -1) : -1;
  const open = params > 0 && a.idIs(params, 'lambda') ? a.parent[params] : -1;
  if (open < 1 || !a.is(open, '(') || !a.isId(open - 1)) {
    return -1;
  }
  // `to_thread(fn, ...)` takes the function first; `run_in_executor(executor, fn, ...)` second.
  const callee = a.tokens.text(open - 1);
  const position = callee === 'to_thread' ? open + 1 : callee === 'run_in_executor' ? secondArgument(a, open) : -1;
  if (position !== params) {
    return -1;
  }
  let start = open - 1;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  return a.idIs(start - 1, 'await') ? open : -1;
}

/** The first token of the second argument of the call opening at `open`, or -1. */
function secondArgument(a: CodeAnalyzer, open: number): number {
  for (let k = open + 1; k < a.partner[open]; k = a.skipGroup(k)) {
    if (a.is(k, ',') && a.parent[k] === open) {
      return k + 1;
    }
  }
  return -1;
}
