/**
 * JavaScript's `Object.assign(target, ...sources)` copies the sources into `target` and returns `target` itself
 * (ECMAScript, Object.assign: "Return to"), so `user = Object.assign(user, changes)` leaves `user` holding the same
 * object: a dynamoose item, a client. A target written as a literal (`Object.assign({}, item)`) is a new object.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { Value } from './values';

/** At `base`, `Object.assign(target, ...)` with the global `Object`: the token after its `)` and the target's value. */
export function assignedTarget(a: CodeAnalyzer, base: number, limit: number, evaluate: (from: number, to: number) => { value: Value | undefined; end: number }): { value: Value; after: number } | undefined {
  const open = base + 3;
  if (a.language.family !== 'js' || !a.idIs(base, 'Object') || !a.isAccess(base + 1) || !a.idIs(base + 2, 'assign') || !a.is(open, '(')) {
    return undefined;
  }
  const close = a.partner[open];
  if (close <= open || close >= limit || a.lookup('Object', base) !== undefined) {
    return undefined;
  }
  const [target] = segments(a, open);
  if (!target || target[0] >= target[1]) {
    return undefined;
  }
  const read = evaluate(target[0], target[1]);
  return read.value && read.end === target[1] ? { value: read.value, after: close + 1 } : undefined;
}
