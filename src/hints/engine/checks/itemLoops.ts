/** A DynamoDB single-item request per element of a loop, each waiting for its reply, where a batch call takes many. */
import { OperationOccurrence } from '../model';
import { Span } from '../types';
import { Check, setsOption } from './context';

/**
 * What a batch write cannot do (BatchWriteItem API reference: no conditions on individual puts and deletes,
 * no deleted items returned): a put or delete that sets these stays one request per item. Legacy `Expected`
 * and `ConditionalOperator` are conditions too.
 */
const UNBATCHABLE_WRITE_OPTIONS = ['ConditionExpression', 'Expected', 'ConditionalOperator', 'ReturnValues', 'ReturnValuesOnConditionCheckFailure'];

const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:DeleteItem']);

/**
 * Whether a write's whole request is in sight and sets nothing a batch write cannot do, or it is a mapper's
 * plain write of one object; a read can always be batched.
 */
function batchable({ operation, request, plainWrite }: OperationOccurrence): boolean {
  return !WRITES.has(operation) || plainWrite === true || (request !== undefined && request.complete && !setsOption(request, UNBATCHABLE_WRITE_OPTIONS));
}

/**
 * Reported where the loop waits: at the request itself, or at each same-file call of the helper that sends it
 * (`for (const id of ids) await this.getOrder(id)`).
 */
export const itemRequestInLoop: Check = (rule, context) => {
  const operations = new Set(rule.match.operations);
  const scopes = context.model.scopes;
  const reported = new Set<number>();
  const report = (span: Span): void => {
    if (!reported.has(span.start)) {
      reported.add(span.start);
      context.report(rule, span);
    }
  };
  for (const occurrence of context.model.operations) {
    // A test that seeds its table item by item costs that test only.
    if (!operations.has(occurrence.operation) || !batchable(occurrence) || scopes.inTest(occurrence.tokenIndex)) {
      continue;
    }
    if (!occurrence.call) {
      // A typed request passed whole to a project's method that sends it (`s.client.Put(ctx, &dynamodb.PutItemInput{...})`).
      const sending = occurrence.request ? scopes.sendingCallPerElement(occurrence.tokenIndex) : undefined;
      if (sending) {
        report(sending);
      }
      continue;
    }
    if (scopes.waitsPerElement(occurrence.tokenIndex)) {
      report(occurrence.name);
    } else {
      scopes.waitingCallers(occurrence.tokenIndex, 'item-request').forEach(report);
    }
  }
};
