/**
 * Java and C# repository saves one call away from a loop (workspace mode): a method of the file whose one DynamoDB
 * write is another file's repository save (`private String createPet(Pet pet) { ... client.save(item); ... }`),
 * called once per element of a stream or loop of the same file (`pets.stream().map(pet -> createPet(pet))`). Each
 * call is the save's round trip, so the call in the loop is reported, as a save written there is.
 */
import type { CodeAnalyzer } from '../analyzer';
import { callersPerElement } from '../itemLoops';

/**
 * The same-file calls, run per element, of the methods around `saves` (repository saves not per element themselves)
 * whose only DynamoDB work is that one save: their name tokens.
 */
export function classItemSavesOneCallAway(a: CodeAnalyzer, saves: readonly number[]): number[] {
  const savesByMethod = new Map<number, number>();
  for (const save of saves) {
    const scope = a.scopes.enclosing(save, ['function']);
    // `client.get(id)` before `client.save(item)`: the method reads through the repository too, two requests per call.
    if (scope > 0 && repositoryCallsIn(a, scope, a.tokens.text(save - 2)) === 1) {
      savesByMethod.set(scope, (savesByMethod.get(scope) ?? 0) + 1);
    }
  }
  // A method that also sends a request of its own, or saves twice, costs its callers more than one batch would save.
  for (const operation of a.operations) {
    savesByMethod.delete(a.scopes.enclosing(operation.tokenIndex, ['function']));
  }
  const found: number[] = [];
  savesByMethod.forEach((count, scope) => count === 1 && found.push(...callersPerElement(a, scope)));
  return found;
}

/** How many method calls on `receiver` (`receiver.name(`) the function `scope` makes. */
function repositoryCallsIn(a: CodeAnalyzer, scope: number, receiver: string): number {
  const [from, to] = a.scopes.range(scope);
  let calls = 0;
  for (let k = from + 2; k < to; k++) {
    if (a.is(k + 1, '(') && a.isId(k) && a.isAccess(k - 1) && a.idIs(k - 2, receiver)) {
      calls++;
    }
  }
  return calls;
}
