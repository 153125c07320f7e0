/**
 * Python: a function's `**kwargs` parameter is a dict of its own, which the function may add keys to before it
 * spreads it into a boto3 call: a pagination helper's `kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]`
 * then `table.query(**kwargs)`. The keys it assigns are options of that request; the callers' keys are not in
 * sight, so the request is never complete.
 */
import type { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import type { Value } from '../values';

/** Whether a binding is a `def`'s `**name` parameter. */
export function isKwargsParameter(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  const token = binding.token;
  if (a.language.family !== 'python' || binding.expression >= 0 || token < 2 || !a.is(token - 1, '**')) {
    return false;
  }
  const params = a.parent[token];
  return params > 1 && a.is(params, '(') && a.idIs(params - 2, 'def');
}
