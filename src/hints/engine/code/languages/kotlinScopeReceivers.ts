/**
 * Kotlin: a call without a receiver inside the lambda of a scope function that makes its argument or receiver `this`
 * (`with(valueOperations) { set(key, value, ttl) }`, `commands.run { expire(key, 60) }`, `redis.apply { del(key) }`) is
 * that object's method, as `this.set(...)` would be: when it is a client and the name is no function the file
 * declares. Only a call written straight in the lambda's body; `let` and `also` pass `it` and change nothing here.
 */
import type { CodeAnalyzer } from '../analyzer';
import { chainStart } from '../receiverChains';
import type { Value } from '../values';

/** Scope functions whose receiver is the lambda's `this`. */
const RECEIVER_FUNCTIONS = new Set(['apply', 'run']);

/** The client the receiver-less call of the name at `index` is a method of, or undefined. */
export function kotlinScopeReceiver(a: CodeAnalyzer, index: number): Value | undefined {
  const brace = a.language.id === 'kotlin' && !a.isAccess(index - 1) ? a.parent[index] : -1;
  if (brace <= 0 || !a.is(brace, '{') || a.lookup(a.tokens.text(index), index)) {
    return undefined;
  }
  let value: Value | undefined;
  if (a.is(brace - 1, ')') && a.partner[brace - 1] > 0 && a.idIs(a.partner[brace - 1] - 1, 'with')) {
    const open = a.partner[brace - 1];
    value = a.evalChain(open + 1, brace - 1).value;
  } else if (RECEIVER_FUNCTIONS.has(a.id(brace - 1) ?? '') && a.isAccess(brace - 2)) {
    const start = chainStart(a, brace - 3);
    value = start >= 0 ? a.evalChain(start, brace - 2).value : undefined;
  }
  return value?.t === 'client' ? value : undefined;
}
