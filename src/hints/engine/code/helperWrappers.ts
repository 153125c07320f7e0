/**
 * Functions that only hand a key on to a same-file per-key helper: a cache layer's `getProfile(id)` that returns
 * `readJson(`profile:${id}`)`, whose `GET` is the one command it sends, or a repository's `findOrder(id)` over a
 * `getItem(key)` helper. A loop over the wrapper waits for the helper's round trip per element, as a loop over
 * the helper does. A wrapper calls exactly one helper, once and not per element of a loop of its own, and sends
 * nothing itself: one that also writes, queries or calls a second helper costs its callers more than a batch
 * of the helper's reads would save.
 */
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { calleeScope, helperNameOf } from './forwardedRequests';
import { elementLoopAround } from './loops';
import { closeAngle } from './typeArguments';

const OPEN_PAREN = codeOf('(');
const LESS = codeOf('<');

/** Wrapper function scope → the helper scope it hands on to, for the helpers given (by function scope). */
export function helperWrappers(a: CodeAnalyzer, helpers: ReadonlySet<number>): ReadonlyMap<number, number> {
  const names = new Set<string>();
  for (const scope of helpers) {
    const fn = a.functions.get(scope);
    const name = fn && fn.params >= 0 ? helperNameOf(a, fn.params) : undefined;
    if (name) {
      names.add(name);
    }
  }
  const wrapped = new Map<number, number>();
  if (names.size === 0) {
    return wrapped;
  }
  const disqualified = sendingScopes(a);
  // Names compared by length first: most calls of a file are of other functions.
  const lengths = new Set([...names].map((name) => name.length));
  const { starts, ends, codes } = a.tokens;
  for (let k = 0; k < a.tokens.length - 1; k++) {
    const called = codes[k + 1] === OPEN_PAREN || (codes[k + 1] === LESS && typedCall(a, k));
    if (!called || !lengths.has(ends[k] - starts[k]) || !a.isId(k) || !names.has(a.tokens.text(k))) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    if (caller <= 0 || helpers.has(caller) || disqualified.has(caller)) {
      continue;
    }
    const callee = calleeScope(a, k);
    if (!helpers.has(callee) || callee === caller) {
      continue;
    }
    // A second helper call, or one per element of the wrapper's own loop: no longer one round trip per call.
    if (wrapped.has(caller) || elementLoopAround(a, k) >= 0) {
      wrapped.delete(caller);
      disqualified.add(caller);
      continue;
    }
    wrapped.set(caller, callee);
  }
  return wrapped;
}

/** A call with type arguments, `cachedJson<Product>(key)`, its name at `name`. */
function typedCall(a: CodeAnalyzer, name: number): boolean {
  const angle = a.language.typeArguments ? closeAngle(a, name + 1) : -1;
  return angle > 0 && a.is(angle + 1, '(');
}

/** Function scopes that send something themselves: a DynamoDB request or a Redis command. */
function sendingScopes(a: CodeAnalyzer): Set<number> {
  const scopes = new Set<number>();
  for (const call of a.redisCalls) {
    scopes.add(a.scopes.enclosing(call.tokenIndex, ['function']));
  }
  for (const operation of a.operations) {
    if (operation.call) {
      scopes.add(a.scopes.enclosing(operation.tokenIndex, ['function']));
    }
  }
  return scopes;
}

/** The callers of each helper with those of its wrappers added (at most `max` per helper). */
export function withWrapperCallers(callers: ReadonlyMap<number, readonly number[]>, wrappers: ReadonlyMap<number, number>, max: number): ReadonlyMap<number, readonly number[]> {
  if (wrappers.size === 0) {
    return callers;
  }
  const merged = new Map(callers);
  for (const [wrapper, helper] of wrappers) {
    const through = callers.get(wrapper);
    if (through && through.length > 0) {
      merged.set(helper, [...(merged.get(helper) ?? []), ...through].slice(0, max));
    }
  }
  return merged;
}
