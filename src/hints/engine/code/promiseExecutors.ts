/**
 * JavaScript's `new Promise((resolve, reject) => { const client = new Redis(...); ... resolve(client); })`: the value a
 * promise that code makes by hand resolves with, as a factory of older Node code returns a connection
 * (`const getConnection = () => new Promise(...)`, then `const client = await getConnection()`). Read as an async
 * function's result is: the promise stands for what it gives once awaited.
 */
import type { CodeAnalyzer } from './analyzer';
import type { Value } from './values';
import { functionExpressionScope } from './languages/jsImmediateCalls';

/** `resolve(...)` calls read per executor: more than one that agree is still one value. */
const MAX_RESOLVES = 8;

/**
 * What the executor function at `open` + 1 (`new Promise(` at `open`) resolves its promise with: the one value every
 * `resolve(x)` of its body gives, when each is a client; undefined for anything else or for values that differ.
 */
export function promisedValue(a: CodeAnalyzer, open: number): Value | undefined {
  const scope = functionExpressionScope(a, a.scopes, open + 1);
  const fn = scope > 0 && a.scopes.range(scope)[1] <= a.partner[open] ? a.functions.get(scope) : undefined;
  if (!fn) {
    return undefined;
  }
  const resolve = a.is(fn.params, '(') ? a.id(fn.params + 1) : a.id(fn.params);
  if (resolve === undefined) {
    return undefined;
  }
  let found: Value | undefined;
  let key = '';
  let resolves = 0;
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    if (!a.idIs(k, resolve) || a.isAccess(k - 1) || !a.is(k + 1, '(') || a.partner[k + 1] < 0 || a.scopes.lookup(resolve, k) !== a.scopes.lookup(resolve, fn.params + 1)) {
      continue;
    }
    const argument = a.evalChain(k + 2, a.partner[k + 1]);
    const value = argument.end === a.partner[k + 1] ? argument.value : undefined;
    if (value?.t !== 'client' || ++resolves > MAX_RESOLVES || (found !== undefined && JSON.stringify(value) !== key)) {
      return undefined;
    }
    found = value;
    key = JSON.stringify(value);
  }
  return found;
}
