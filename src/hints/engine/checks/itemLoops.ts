/** A DynamoDB single-item request per element of a loop, each waiting for its reply, where a batch call takes many. */
import { batchableItemRequest } from '../code/importedItemLoops';
import { Span } from '../types';
import { Check } from './context';

const BATCH_WRITE = 'dynamodb:BatchWriteItem';

/**
 * Reported where the loop waits: at the request itself, at a boto3 `batch_writer()` opened per element, at each same-file call of the helper that sends it
 * (`for (const id of ids) await this.getOrder(id)`), or (workspace mode) at each call of another module's helper
 * whose one request is a batchable item request.
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
    // boto3's batch writer opened per element sends what each element wrote, one request each time round.
    if (occurrence.operation === BATCH_WRITE && !scopes.inTest(occurrence.tokenIndex) && scopes.batchWriterPerElement(occurrence.tokenIndex)) {
      context.report(rule, occurrence.name, undefined, rule.diagnostic?.batchWriterMessage);
      continue;
    }
    // A test that seeds its table item by item costs that test only.
    if (!operations.has(occurrence.operation) || !batchableItemRequest(occurrence) || scopes.inTest(occurrence.tokenIndex)) {
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
  scopes.importedItemCallsPerElement().forEach(report);
};
