/**
 * Java and C#: a call without a receiver inside a class that extends a client class (`public class OrderRepository
 * : DynamoDBContext`, `class Cache extends JedisPool`) calls the inherited method when the class declares none of
 * that name: `await LoadAsync<Order>(id)` is `this.LoadAsync<Order>(id)`, which is read already. A name the class
 * or a same-file base declares, a method's own declaration (`public async Task SaveAsync(T item)`), and a class
 * that extends nothing the engine knows give nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { libraryClass } from './clientClasses';
import { FileMemo } from './fileMemo';
import type { Value } from './values';

/** Words that may stand right before a call; any other name there makes it a declaration's name (`Task Save(`). */
const BEFORE_CALLS = new Set(['return', 'await', 'throw', 'yield', 'else', 'in', 'is', 'as', 'case']);

/** The client each class scope inherits from a library class, or null for none. */
const inherited = new FileMemo<number, Value | null>();

/** The client the call of the name at `index` (no receiver, arguments at `open`) is a method of, or undefined. */
export function inheritedReceiver(a: CodeAnalyzer, index: number): Value | undefined {
  const family = a.language.family;
  if ((family !== 'java' && family !== 'csharp') || (a.isId(index - 1) && !BEFORE_CALLS.has(a.tokens.text(index - 1))) || a.is(index - 1, '>') || a.is(index - 1, ']')) {
    return undefined;
  }
  const classScope = a.scopes.enclosing(index, ['class']);
  if (classScope <= 0) {
    return undefined;
  }
  const client = inherited.get(a, classScope, () => {
    const base = libraryClass(a, classScope);
    return base?.t === 'client' ? base : null;
  });
  return client && !a.scopes.member(classScope, a.tokens.text(index)) ? client : undefined;
}
