/**
 * A PutItem that writes back, changed, the item a GetItem of the same function read from the same table, with
 * no condition: two concurrent runs both read the old item and the later Put silently replaces the earlier
 * one's change (a lost update). Reported at the Put. A Put with a condition (`ConditionExpression`, legacy
 * `Expected`) checks the item it replaces; a Put whose options are not all in sight may have one. A write with no
 * request object (an object mapper's `SaveAsync(order)`) is judged by the language's flow alone.
 */
import { OperationOccurrence } from '../model';
import { Check, setsOption } from './context';

const CONDITIONS = ['ConditionExpression', 'Expected', 'ConditionalOperator'];

export const readModifyWrite: Check = (rule, context) => {
  const scopes = context.model.scopes;
  const gets: OperationOccurrence[] = context.model.operations.filter((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:GetItem');
  if (gets.length === 0) {
    return;
  }
  const reported = new Set<number>();
  for (const put of context.model.operations) {
    const request = put.request;
    if (!put.call || put.operation !== 'dynamodb:PutItem' || (request !== undefined && !request.complete) || (request !== undefined && setsOption(request, CONDITIONS)) || reported.has(put.name.start) || scopes.inTest(put.tokenIndex)) {
      continue;
    }
    if (gets.some((get) => get.tokenIndex < put.tokenIndex && scopes.rewritesReadItem(get, put))) {
      reported.add(put.name.start);
      context.report(rule, put.name);
    }
  }
};
