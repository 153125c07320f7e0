/**
 * C# service methods that save through another method: `AuthorizeLoan(Loan loan)` that ends with
 * `SaveLoanAsync(loan)`, a method of its own class, or `_loans.SaveAsync(loan)`, a method of a repository field. Each
 * file records, for the methods of its classes, the calls that hand a parameter on whole; the workspace then finds
 * which of them reach a saving method (`workspace/classItemMethods.ts`), so that a worker's loop that calls the
 * service once per element sends one write per element (`classItemHelperCalls.ts` `classItemSavesPerElement`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { callArgumentRanges } from '../readModifyWriteTyped';
import { declaredTypeArguments, declaredTypes, receiverOf } from './classItemHelperCalls';
import { interfacesOf, methodAt } from './classItemHelpers';
import type { ClassItemMethods, HandOn } from '../../workspace/types';

/** Hand-on calls kept per method: a service method's first few calls that pass its parameter on. */
const MAX_HAND_ONS = 8;

/** The file's classes with the calls their methods hand a parameter on with, by class simple name. */
export function classHandOns(a: CodeAnalyzer): Record<string, ClassItemMethods> {
  const found: Record<string, ClassItemMethods> = Object.create(null) as Record<string, ClassItemMethods>;
  const declared = declaredTypes(a);
  for (let k = 1; k + 1 < a.tokens.length; k++) {
    if (!a.isId(k) || !a.is(k + 1, '(') || a.idIs(k - 1, 'new')) {
      continue;
    }
    // A method of the class itself (`Save(x)`, `this.Save(x)`), or of a name declared with a class (`_loans.Save(x)`).
    const own = !a.isAccess(k - 1) || (a.idIs(k - 2, 'this') && !a.isAccess(k - 3));
    const receiver = own ? undefined : receiverOf(a, k, declared);
    const method = own || receiver ? methodAt(a, k) : undefined;
    if (!method || method.at === k) {
      continue;
    }
    const handOn = callArguments(a, k).map(([start, end], argument): HandOn | undefined => {
      const position = end === start + 1 ? method.parameters.findIndex((parameter) => parameter.name === a.tokens.text(start)) : -1;
      const parameterType = position >= 0 ? method.parameters[position].type : '';
      if (parameterType === '') {
        return undefined;
      }
      const typeArguments = receiver ? declaredTypeArguments(a).get(receiver.text) : undefined;
      return { ...(receiver ? { type: receiver.type } : {}), ...(typeArguments ? { typeArguments } : {}), method: a.tokens.text(k), argument, position, parameterType };
    });
    const first = handOn.find((each) => each !== undefined);
    if (!first) {
      continue;
    }
    found[method.owner] ??= { methods: Object.create(null) as ClassItemMethods['methods'], ...interfacesOf(a, method.ownerToken) };
    const entry = (found[method.owner].methods[method.name] ??= {});
    if ((entry.handsOn ??= []).length < MAX_HAND_ONS) {
      entry.handsOn.push(first);
    }
  }
  return found;
}

function callArguments(a: CodeAnalyzer, name: number): [number, number][] {
  return a.partner[name + 1] > name ? callArgumentRanges(a, name + 1) : [];
}
