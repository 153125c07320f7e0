/**
 * .NET DynamoDB writes of one item that a batch write could send, though no request object is in sight: the
 * document model's `table.PutItemAsync(document)` and `table.DeleteItemAsync(key)` (a `Table` from
 * `Table.LoadTable` or declared so), and the low-level client's positional overloads
 * `client.PutItemAsync(tableName, item)` and `client.DeleteItemAsync(tableName, key)`. None of these forms can
 * carry a condition or ask for values back (those take an operation config, a third `ReturnValue` argument or a
 * request object), so per element of a loop they are what `Table.CreateBatchWrite()` or `BatchWriteItemAsync`
 * sends in one request (`dynamodb-item-loop`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { chainValue } from '../chains';
import { plainArguments } from '../plainWrites';
import { chainStart } from '../receiverChains';
import { closeAngle } from '../typeArguments';

const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:DeleteItem']);
/** A `CancellationToken` argument changes nothing sent. */
const CANCELLATION = /^(?:cancellationToken|ct|token|cancellation|stoppingToken)$/i;
/** A first argument that names the table: a string literal, or a name or member that says table (`_tableName`, `Options.Table`). */
const TABLE_WORD = /table/i;

/** Marks the file's plain .NET item writes (`plainWrite`), after the calls are read. */
export function markCsharpPlainItemWrites(a: CodeAnalyzer): void {
  if (!a.services.has('dynamodb')) {
    return;
  }
  for (const operation of a.operations) {
    if (!operation.call || operation.plainWrite || !WRITES.has(operation.operation)) {
      continue;
    }
    const name = operation.tokenIndex;
    const open = name + 1;
    const close = a.is(open, '(') ? a.partner[open] : -1;
    if (close < 0 || !a.isAccess(name - 1)) {
      continue;
    }
    const receiver = chainValue(a, chainStart(a, name - 2), name - 1).value;
    if (receiver?.t !== 'client') {
      continue;
    }
    if (receiver.kind === 'dynamodb-document-table' && !operation.request) {
      // `PutItemAsync(doc)`; `DeleteItemAsync(doc)`, `(hashKey)`, `(hashKey, rangeKey)`: a second put argument is a config.
      operation.plainWrite = plainArguments(a, open, close, operation.operation === 'dynamodb:PutItem' ? 1 : 2);
    } else if (receiver.kind === 'dynamodb') {
      // The item or key written inline (`new Dictionary<string, AttributeValue> { ... }`) is read as a request; the positional form still has no condition.
      operation.plainWrite = positionalTableWrite(a, open, close);
    }
  }
}

/** `(tableName, item)` or `(tableName, key)`, with or without a cancellation token: no request object, no `ReturnValue`. */
function positionalTableWrite(a: CodeAnalyzer, open: number, close: number): boolean {
  if (close === open + 1) {
    return false;
  }
  const given = argumentsOf(a, open, close).filter(([from, to]) => !(to === from + 1 && CANCELLATION.test(a.tokens.text(from))));
  if (given.length !== 2) {
    return false;
  }
  const [from, to] = given[0];
  if (to === from + 1 && a.isString(from)) {
    return true;
  }
  // A name or member path alone (`_tableName`, `Options.TableName`), its last name saying table.
  for (let k = from; k < to; k++) {
    if (!(a.isId(k) || a.isAccess(k))) {
      return false;
    }
  }
  return a.isId(to - 1) && TABLE_WORD.test(a.tokens.text(to - 1));
}

/** The arguments of a call, a generic type's commas kept inside its argument (`new Dictionary<string, AttributeValue> { ... }`). */
function argumentsOf(a: CodeAnalyzer, open: number, close: number): [number, number][] {
  const result: [number, number][] = [];
  let start = open + 1;
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      result.push([start, k]);
      start = k + 1;
    } else if (a.is(k, '<') && a.isId(k - 1)) {
      k = Math.max(k, closeAngle(a, k));
    }
  }
  if (start < close) {
    result.push([start, close]);
  }
  return result;
}
