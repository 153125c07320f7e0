/**
 * The Amazon DynamoDB DataMapper (@aws/dynamodb-data-mapper, https://github.com/awslabs/dynamodb-data-mapper-js):
 * `new DataMapper({ client })`, whose methods take the class of the items. `query` and `scan` return an async
 * iterator that sends the next request when the items of a page run out ("This method is implemented as an
 * async iterator": it reads every page, `.pages()` gives them one by one), so neither stops at one page. The
 * batch methods retry what comes back unprocessed ("Unprocessed reads are retried following an exponentially
 * increasing backoff delay", README, `batchGet`; the same for `batchPut`, `batchDelete`, `batchWrite`).
 * Options: `indexName`, `limit` and `pageSize` (each page's Limit), `readConsistency: 'strong'` (ConsistentRead).
 */
import { Literal, OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { callOpen, optionsArgument } from './ormChains';

/** Methods with the argument that holds their options. */
const METHODS: Record<string, { operation: string; options: number }> = {
  get: { operation: 'dynamodb:GetItem', options: 1 },
  put: { operation: 'dynamodb:PutItem', options: 1 },
  update: { operation: 'dynamodb:UpdateItem', options: 1 },
  delete: { operation: 'dynamodb:DeleteItem', options: 1 },
  executeUpdateExpression: { operation: 'dynamodb:UpdateItem', options: 3 },
  query: { operation: 'dynamodb:Query', options: 2 },
  scan: { operation: 'dynamodb:Scan', options: 1 },
  parallelScan: { operation: 'dynamodb:Scan', options: 2 },
};
const BATCHES: Record<string, string> = {
  batchGet: 'dynamodb:BatchGetItem',
  batchPut: 'dynamodb:BatchWriteItem',
  batchDelete: 'dynamodb:BatchWriteItem',
  batchWrite: 'dynamodb:BatchWriteItem',
};
const RENAMES = new Map([
  ['indexname', 'indexname'],
  ['limit', 'limit'],
  ['pagesize', 'limit'],
  ['readconsistency', 'consistentread'],
]);
const STRONG: Literal = { kind: 'bool', value: true };

/** A call on a DataMapper (`path` 'mapper'). */
export function dataMapperCall(a: CodeAnalyzer, nameIndex: number, path: string): void {
  const method = a.tokens.text(nameIndex);
  const open = callOpen(a, nameIndex);
  if (path !== 'mapper' || open < 0) {
    return;
  }
  if (Object.hasOwn(BATCHES, method)) {
    // The library retries unprocessed items itself: a hover, no finding.
    a.addOperation({ operation: BATCHES[method], name: a.tokenSpan(nameIndex), call: false, paginated: false, tokenIndex: nameIndex });
    return;
  }
  const known = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!known) {
    return;
  }
  const args = segments(a, open);
  const reads = /:(?:Query|Scan)$/.test(known.operation);
  // `mapper.query({ valueConstructor, keyCondition, indexName })`: the named form puts the options in its one object.
  const argument = reads && args.length === 1 && a.is(args[0][0], '{') ? args[0] : args[known.options];
  const read = argument ? optionsArgument(a, argument[0], argument[1], known.operation, nameIndex, RENAMES) : optionsArgument(a, 0, 0, known.operation, nameIndex, RENAMES);
  if (read) {
    read.request.options = read.request.options.map(consistency);
  }
  a.addOperation({ operation: known.operation, name: a.tokenSpan(nameIndex), call: true, paginated: reads, tokenIndex: nameIndex, ...(read ? { request: read.request } : {}) });
}

/** `readConsistency: 'strong'` is sent as `ConsistentRead: true`; `'eventual'` sends none. */
function consistency(option: OptionOccurrence): OptionOccurrence {
  if (option.norm !== 'consistentread') {
    return option;
  }
  const literal = option.literal;
  if (literal.kind !== 'str') {
    return option;
  }
  // The option as written, read through, with the value it stands for.
  return Object.create(option, { literal: { value: literal.value === 'strong' ? STRONG : { kind: 'bool', value: false } } }) as OptionOccurrence;
}
