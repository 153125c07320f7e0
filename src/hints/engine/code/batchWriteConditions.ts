/**
 * Conditions written into a BatchWriteItem's puts and deletes (`PutRequest: { Item, ConditionExpression }`), which
 * the API has no place for: "you cannot specify conditions on individual put and delete requests"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html). The JavaScript SDK v3
 * serializes only the members a PutRequest has, so the condition is dropped unseen and the write is unconditional;
 * boto3 and the JavaScript SDK v2 reject the request before sending it. Read in JavaScript, TypeScript and Python,
 * where a request is an object or dict that can hold the key; the typed SDKs have no such member to set.
 */
import type { CodeAnalyzer } from './analyzer';
import { keyedValues } from './writtenExpressions';
import { Span } from '../types';

/** The keys of a single write's condition: the expression and its legacy forms. */
const CONDITION_KEYS = new Set(['ConditionExpression', 'Expected', 'ConditionalOperator']);
/** The writes of a batch whose objects hold them. */
const WRITE_REQUESTS = new Set(['PutRequest', 'DeleteRequest']);

/**
 * The condition keys written inside the puts and deletes of a file that sends BatchWriteItem, as written. A
 * `PutRequest` or `DeleteRequest` object is a BatchWriteItem's own shape (a transaction's are `Put` and `Delete`), and
 * the requests reach the call through lists that are sliced, chunked and mapped (`batches.push(writes.slice(i, i + 25))`),
 * so any such object of the file counts, wherever the list that holds it is sent from.
 */
export function batchWriteConditions(a: CodeAnalyzer): Span[] {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python') || (!a.text.includes('PutRequest') && !a.text.includes('DeleteRequest'))) {
    return [];
  }
  if (!a.operations.some((occurrence) => occurrence.call && occurrence.operation === 'dynamodb:BatchWriteItem')) {
    return [];
  }
  return keyedValues(a, 0, a.tokens.length, (k, step) => !step && CONDITION_KEYS.has(a.tokens.text(k)) && inWriteRequest(a, k)).map(([valueStart]) => a.tokenSpan(valueStart - 2));
}

/** Whether the key at `k` is written in the object a `PutRequest` or `DeleteRequest` key holds. */
function inWriteRequest(a: CodeAnalyzer, k: number): boolean {
  const open = a.parent[k];
  return open > 1 && a.is(open, '{') && a.is(open - 1, ':') && WRITE_REQUESTS.has(a.tokens.text(open - 2)) && (a.isId(open - 2) || a.isString(open - 2));
}
