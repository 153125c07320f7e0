/**
 * The assignments of a variable that may reach one of its uses, for the readers of requests and options that
 * the code builds in a variable: `let params; if (up) { params = {...} } else { params = {...} }`.
 */
import type { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import type { Value } from './values';

/** How many earlier assignments of a variable are read for the branches that also reach its use. */
const MAX_BRANCHES_READ = 8;

/**
 * The assignments of a variable that may reach a use: the last one before it (`chosen`), then, where that one
 * sits in a branch that does not hold the use (`let params; if (up) { params = {...} } else { params = {...} }`),
 * the earlier ones of the function going back from it, up to one whose block holds the use, which every path
 * to the use passes. Each literal among them is a request of its own, so that keys of exclusive branches never mix.
 */
export function reachingBindings(a: CodeAnalyzer, name: string, chosen: Binding<Value>, use: number): Binding<Value>[] {
  const scopes = a.scopes;
  const fn = scopes.enclosing(use, ['function']);
  const list = scopes.bindingsIn(scopes.declaringScope(name, use)).get(name) ?? [];
  const reaching = [chosen];
  if (holds(a, chosen, use) || scopes.enclosing(chosen.token, ['function']) !== fn) {
    return reaching;
  }
  // A function may assign the name thousands of times: the chosen one is found by its token, not by a scan.
  let at = firstAtOrAfter(list, chosen.token, (binding) => binding.token);
  while (at < list.length && list[at] !== chosen) {
    at++;
  }
  for (let k = at - 1, read = 0; k >= 0 && at < list.length && read < MAX_BRANCHES_READ; k--, read++) {
    const binding = list[k];
    if (scopes.enclosing(binding.token, ['function']) !== fn) {
      break;
    }
    reaching.push(binding);
    if (holds(a, binding, use)) {
      break;
    }
  }
  return reaching;
}

/** Whether the innermost scope (block, branch, loop or function) around an assignment holds a token. */
export function holds(a: CodeAnalyzer, binding: Binding<Value>, token: number): boolean {
  const [start, end] = a.scopes.range(a.scopes.scopeAt(binding.token));
  return start <= token && token < end;
}

/** The `{` (or `dict(`'s `(`) of the object literal an assignment binds, or -1. */
export function literalOpen(a: CodeAnalyzer, binding: Binding<Value>): number {
  const k = binding.expression;
  const open = k < 0 ? -1 : a.is(k, '{') ? k : a.idIs(k, 'dict') && a.is(k + 1, '(') ? k + 1 : -1;
  return open >= 0 && a.partner[open] > open ? open : -1;
}

/**
 * The object literals a variable may hold at its use at token `name` (`{ ...poolConfig, max: 5 }`): the one its
 * binding there holds, then those of the assignments in other branches that reach the use too.
 */
export function reachingObjects(a: CodeAnalyzer, name: number): number[] {
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  const first = a.objectVariable(text, name);
  if (!binding || first < 0) {
    return [];
  }
  const others = reachingBindings(a, text, binding, name).slice(1).map((other) => literalOpen(a, other));
  return [first, ...others.filter((open) => open >= 0)];
}

/** The index of the first entry of a list ascending by `at` that is at or after `value`, by binary search. */
export function firstAtOrAfter<T>(list: readonly T[], value: number, at: (entry: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at(list[mid]) < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
