/**
 * Java and C# overloads: a class may declare several methods of one name that differ by their parameters
 * (`findQuery(team, date)` on both keys, `findQuery(team, from, to)` on a range). A call means the one whose
 * parameter count is its argument count, not the last one declared, which the class's scope gives by name.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import type { Value } from '../values';

type FunctionValue = Value & { t: 'function' };

/** How many parameters a method's list declares; -1 for a variable arity (`String... keys`, C# `params`). */
function parameterCount(a: CodeAnalyzer, open: number): number {
  const parameters = segments(a, open);
  const variable = parameters.some(([start, end]) => {
    for (let k = start; k < end; k++) {
      if (a.tokens.isSpread(k) || a.idIs(k, 'params')) {
        return true;
      }
    }
    return false;
  });
  return variable ? -1 : parameters.length;
}

/**
 * The overload of `fn` (a method of a Java or C# class named `name`) that a call whose arguments open at `open`
 * reaches: the one declaration whose parameter count is the call's argument count, or `fn` when the class
 * declares the name once, or no single declaration fits.
 */
export function calledOverload(a: CodeAnalyzer, fn: FunctionValue, name: string, open: number): FunctionValue {
  const family = a.language.family;
  if ((family !== 'java' && family !== 'csharp') || fn.scope <= 0) {
    return fn;
  }
  const declarations = a.scopes.bindingsIn(a.scopes.parent(fn.scope)).get(name);
  if (!declarations || declarations.length < 2) {
    return fn;
  }
  const count = segments(a, open).length;
  let match: FunctionValue | undefined;
  for (const declaration of declarations) {
    const value = declaration.fixed;
    if (!declaration.method || value?.t !== 'function' || value.scope <= 0) {
      continue;
    }
    const declared = parameterCount(a, a.scopes.range(value.scope)[0]);
    if (declared === count) {
      if (match) {
        return fn;
      }
      match = value;
    }
  }
  return match ?? fn;
}
