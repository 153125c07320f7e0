/**
 * Checks whose code reader already found the places: each span of one model field is a finding of the rule.
 */
import { DocumentModel } from '../model';
import { Span } from '../types';
import { Check } from './context';

function reportEach(spansOf: (model: DocumentModel) => readonly Span[] | undefined): Check {
  return (rule, context) => {
    for (const span of spansOf(context.model) ?? []) {
      context.report(rule, span);
    }
  };
}

/** An SDK for JavaScript v2 request sent twice: once by its callback, once by `.promise()` (`code/callbackAndPromise.ts`). */
export const callbackAndPromise = reportEach((model) => model.sentTwice);

/**
 * A condition written into a BatchWriteItem's put or delete (`code/batchWriteConditions.ts`): BatchWriteItem applies
 * none, so the write the code means to guard is unconditional, or the request fails before it is sent.
 */
export const batchWriteCondition = reportEach((model) => model.batchWriteConditions);

/** A transaction begun through a connection pool, whose later statements may run on other connections (`code/poolTransactions.ts`). */
export const poolTransaction = reportEach((model) => model.poolTransactions);
