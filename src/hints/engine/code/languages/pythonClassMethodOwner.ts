/**
 * Python: `cls` inside a `@classmethod` is the class the method is defined in (or a subclass of it), so
 * `cls.get(...)` in a model's class method is that model's own `get`.
 */
import type { CodeAnalyzer } from '../analyzer';
import { isClassMethod } from './pythonDecorators';

/** The class scope whose `@classmethod` holds the receiver `cls` at `k` (alone, not `x.cls`); -1 for anything else. */
export function classMethodReceiverClass(a: CodeAnalyzer, k: number): number {
  if (a.language.family !== 'python' || !a.idIs(k, 'cls') || a.isAccess(k - 1)) {
    return -1;
  }
  const method = a.scopes.enclosing(k, ['function']);
  const owner = method > 0 ? a.scopes.parent(method) : -1;
  const params = method > 0 ? (a.functions.get(method)?.params ?? -1) : -1;
  // The first parameter must be `cls` itself: a nested function's or lambda's `cls` is another name.
  const first = params > 1 && a.idIs(params + 1, 'cls');
  return owner > 0 && a.scopes.kind(owner) === 'class' && first && a.idIs(params - 2, 'def') && isClassMethod(a, params - 2) ? owner : -1;
}
