/** A transaction begun through a connection pool, whose later statements may run on other connections (`code/poolTransactions.ts`). */
import { Check } from './context';

export const poolTransaction: Check = (rule, context) => {
  for (const span of context.model.poolTransactions ?? []) {
    context.report(rule, span);
  }
};
