/**
 * C#'s target-typed `new()` that a method or property returns: it builds the type the member declares
 * (`public CreateTableRequest CreateTableRequest() => new() { KeySchema = ... }`, `return new() { ... };`), as a
 * declaration's `ScanRequest request = new() { ... }` builds the declared type (`targetTypeStart`). Table
 * definitions kept one class per table (`IRegisterClassMap`-style mappings) are written this way.
 */
import type { CodeAnalyzer } from '../analyzer';
import { targetTypedNew, typeBefore } from './typedDeclarations';

/**
 * Where the type starts that the member returning the target-typed `new(...)` at `newIndex` declares, or -1: the
 * expression body of a method (`T M(...) => new()`) or property (`T P => new()`), or a `return new()` in a
 * method's block body. A lambda's `=> new()` or `return new()` names no type, so it gives -1.
 */
export function returnedTargetTypeStart(a: CodeAnalyzer, newIndex: number): number {
  if (!targetTypedNew(a, newIndex)) {
    return -1;
  }
  const before = newIndex - 1;
  if (a.is(before, '=>') && a.isId(before - 1)) {
    // `T P => new()`: an expression-bodied property (a lambda's parameter has no type before it).
    const property = declaredType(a, before - 1);
    if (property >= 0) {
      return property;
    }
  }
  if (!a.is(before, '=>') && !a.idIs(before, 'return')) {
    return -1;
  }
  const scope = a.scopes.enclosing(newIndex, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  if (!fn || fn.params < 1 || !a.is(fn.params, '(')) {
    return -1;
  }
  // The method's own expression body, not a lambda's inside its block.
  if (a.is(before, '=>') && a.partner[fn.params] + 2 !== newIndex) {
    return -1;
  }
  return a.isId(fn.params - 1) ? declaredType(a, fn.params - 1) : -1;
}

/** The type declared before a member's name (`CreateTableRequest` in `public CreateTableRequest Build()`), or -1. */
function declaredType(a: CodeAnalyzer, name: number): number {
  const start = typeBefore(a, name);
  return start < 0 || a.isAccess(start - 1) || a.idIs(start, 'new') || a.idIs(start, 'return') ? -1 : start;
}
