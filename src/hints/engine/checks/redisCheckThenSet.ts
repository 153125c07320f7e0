/**
 * A Redis lock taken by a GET (or EXISTS) and then, because it found nothing, a SET of the same key without NX
 * (`code/redisCheckThenSet.ts`): two clients can both take it. https://valkey.io/commands/set
 */
import { Check } from './context';

export const redisCheckThenSet: Check = (rule, context) => {
  for (const span of context.model.scopes.redisCheckThenSets()) {
    context.report(rule, span);
  }
};
