/**
 * A function expression called where it is written, its value held by a name: `const ready = (async () => {
 * await client.connect(); return client; })();`, the shape a module uses to connect a node-redis client once and
 * share the promise (`const c = await ready`). The name holds what the function returns, read where the function
 * returns it (`return client`), so a client the function makes itself is found there too.
 */
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';

/** The scope of the function expression written from `at` (`async`, `function` and an arrow's parameters), or -1. */
export function functionExpressionScope<V>(a: CodeAnalyzer, tree: ScopeTree<V>, at: number): number {
  let k = at;
  k += a.idIs(k, 'async') ? 1 : 0;
  k += a.idIs(k, 'function') ? 1 : 0;
  const scope = tree.scopeAt(k);
  return scope > 0 && tree.kind(scope) === 'function' && tree.start(scope) === k ? scope : -1;
}

/** The function expression in the parentheses at `open` that the code calls where it writes it (`(() => { ... })(...)`), or -1. */
export function calledExpressionScope<V>(a: CodeAnalyzer, tree: ScopeTree<V>, open: number): number {
  const close = a.partner[open];
  if (!a.is(open, '(') || close < 0 || !a.is(close + 1, '(')) {
    return -1;
  }
  const scope = functionExpressionScope(a, tree, open + 1);
  return scope > 0 && tree.range(scope)[1] <= close ? scope : -1;
}

/**
 * Where the one value an immediately called function expression returns starts: `(async () => {... return x; })()`,
 * `(function () { return x; })()`, `(() => x)()`; -1 for anything else, for a call with arguments (its parameters
 * would hold them) and for a function that returns in more than one place (which value it gives is not known).
 */
export function immediatelyCalledReturn<V>(a: CodeAnalyzer, tree: ScopeTree<V>, open: number): number {
  const scope = calledExpressionScope(a, tree, open);
  if (scope < 0 || !a.is(a.partner[open] + 2, ')')) {
    return -1;
  }
  const [k, end] = tree.range(scope);
  const concise = a.functions.get(scope)?.concise ?? -1;
  if (concise >= 0) {
    return concise;
  }
  let returned = -1;
  for (let j = k; j <= end; j++) {
    if (!a.idIs(j, 'return') || a.isAccess(j - 1) || tree.enclosing(j, ['function']) !== scope) {
      continue;
    }
    if (returned >= 0 || a.is(j + 1, ';') || a.is(j + 1, '}')) {
      return -1;
    }
    returned = j + 1;
  }
  return returned;
}
