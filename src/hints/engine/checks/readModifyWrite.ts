/**
 * A PutItem that writes back, changed, the item a GetItem of the same function read from the same table, or an
 * UpdateItem of the same key that sets an attribute to a value computed from it, with no condition: two
 * concurrent runs both read the old item and the later write silently replaces the earlier one's change (a
 * lost update). Reported at the write, or at the call of a same-file helper that puts back what another helper
 * read (`readModifyWriteHelpers.ts`). A Put with a condition (`ConditionExpression`, legacy
 * `Expected`) checks the item it replaces; a Put whose options are not all in sight may have one. A write with no
 * request object (an object mapper's `SaveAsync(order)`) is judged by the language's flow alone.
 */
import { OperationOccurrence } from '../model';
import { Check, setsOption } from './context';

const CONDITIONS = ['ConditionExpression', 'Expected', 'ConditionalOperator'];
const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:UpdateItem']);

export const readModifyWrite: Check = (rule, context) => {
  const scopes = context.model.scopes;
  const gets: OperationOccurrence[] = context.model.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem');
  if (gets.length === 0) {
    return;
  }
  const reported = new Set<number>();
  const unconditional: OperationOccurrence[] = [];
  for (const put of context.model.operations) {
    const request = put.request;
    if (!put.call || put.loopOnly || !WRITES.has(put.operation) || (request !== undefined && !request.complete) || (request !== undefined && setsOption(request, CONDITIONS)) || reported.has(put.name.start)) {
      continue;
    }
    if (put.operation === 'dynamodb:PutItem') {
      unconditional.push(put);
    }
    if (!scopes.inTest(put.tokenIndex) && gets.some((get) => get.tokenIndex < put.tokenIndex && scopes.rewritesReadItem(get, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name);
    }
  }
  for (const call of scopes.helperRewrites(gets, unconditional)) {
    if (!reported.has(call.name.start) && !scopes.inTest(call.tokenIndex)) {
      reported.add(call.name.start);
      context.report(rule, call.name);
    }
  }
};
