/**
 * A condition written into a BatchWriteItem's put or delete (`code/batchWriteConditions.ts`): BatchWriteItem applies
 * none, so the write the code means to guard is unconditional, or the request fails before it is sent.
 */
import { Check } from './context';

export const batchWriteCondition: Check = (rule, context) => {
  for (const span of context.model.batchWriteConditions ?? []) {
    context.report(rule, span);
  }
};
