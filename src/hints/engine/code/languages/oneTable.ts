/**
 * OneTable (dynamodb-onetable, https://doc.onetable.io): a `Table` made by `new Table({ client, name, schema })`
 * and its models (`table.getModel('User')`, `new Model(table, 'User')`). A model's `find` sends a Query and
 * `scan` a Scan, and both read on: "The `find` method will automatically invoke DynamoDB query to fetch
 * additional items and aggregate the result up to the limit specified by `params.limit`" (README at 6022c2b,
 * before its API section moved to doc.onetable.io), up to `params.maxPages` requests, 1000 by default
 * (src/Model.js, `SanityPages`): no read of theirs stops at one page. A call whose params carry a `batch` or
 * `transaction` only adds its request to that batch or transaction, and `execute: false` only builds the
 * request (src/Model.js, `run`). `table.batchGet` and `table.batchWrite` resend unprocessed items themselves
 * unless `reprocess: false` (README's params table: "Set to true to enable batchWrite to retry unprocessed
 * items. Defaults to true"; src/Table.js retries with backoff).
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { callOpen, optionsArgument } from './ormChains';

/** Model methods, and the table's (which take the model's name first); the low-level ones take no name. */
const MODEL_METHODS: Record<string, string> = {
  find: 'dynamodb:Query',
  queryItems: 'dynamodb:Query',
  scan: 'dynamodb:Scan',
  scanItems: 'dynamodb:Scan',
  get: 'dynamodb:GetItem',
  getItem: 'dynamodb:GetItem',
  create: 'dynamodb:PutItem',
  putItem: 'dynamodb:PutItem',
  update: 'dynamodb:UpdateItem',
  upsert: 'dynamodb:UpdateItem',
  updateItem: 'dynamodb:UpdateItem',
  remove: 'dynamodb:DeleteItem',
  deleteItem: 'dynamodb:DeleteItem',
};
const LOW_LEVEL = new Set(['queryItems', 'scanItems', 'getItem', 'putItem', 'updateItem', 'deleteItem']);
const BATCHES: Record<string, string> = { batchGet: 'dynamodb:BatchGetItem', batchWrite: 'dynamodb:BatchWriteItem' };
const TRANSACTIONS: Record<string, string> = { write: 'dynamodb:TransactWriteItems', get: 'dynamodb:TransactGetItems' };
/** Params sent as an API parameter (Expression.js: `index` is IndexName, `limit` Limit, `consistent` ConsistentRead). */
const RENAMES = new Map([
  ['index', 'indexname'],
  ['limit', 'limit'],
  ['consistent', 'consistentread'],
]);
const GET_RENAMES = new Map([['consistent', 'consistentread']]);
/**
 * Params that keep the request from being sent on its own, and `fallback` and `many`, with which `get` and
 * `remove` find the items by a Query first (Model.js): no single-item request a batch could take.
 */
const NOT_SENT = new Set(['batch', 'transaction', 'execute', 'fallback', 'many']);

/** A call on a OneTable table (`path` 'table') or model ('model'). */
export function oneTableCall(a: CodeAnalyzer, nameIndex: number, path: string): void {
  const method = a.tokens.text(nameIndex);
  const open = callOpen(a, nameIndex);
  if (open < 0 || (path !== 'table' && path !== 'model')) {
    return;
  }
  if (path === 'table' && Object.hasOwn(BATCHES, method)) {
    // Unprocessed items are resent by the library: a hover, no finding.
    a.addOperation({ operation: BATCHES[method], name: a.tokenSpan(nameIndex), call: false, paginated: false, tokenIndex: nameIndex });
    return;
  }
  const args = segments(a, open);
  if (path === 'table' && method === 'transact') {
    const kind = args.length > 0 ? (a.isString(args[0][0]) ? a.tokens.text(args[0][0]) : undefined) : undefined;
    const operation = kind !== undefined && Object.hasOwn(TRANSACTIONS, kind) ? TRANSACTIONS[kind] : undefined;
    if (operation) {
      a.addOperation({ operation, name: a.tokenSpan(nameIndex), call: true, paginated: false, tokenIndex: nameIndex });
    }
    return;
  }
  // `table.fetch(['User', 'Order'], properties, params)`: one Query of several models' items (Model.js).
  const operation = Object.hasOwn(MODEL_METHODS, method) ? MODEL_METHODS[method] : path === 'table' && method === 'fetch' ? 'dynamodb:Query' : undefined;
  if (!operation) {
    return;
  }
  // The table's high-level methods take the model's name (or names) before the properties.
  const position = path === 'table' && !LOW_LEVEL.has(method) ? 2 : 1;
  const argument = args[position];
  const renames = operation === 'dynamodb:GetItem' ? GET_RENAMES : RENAMES;
  const read = argument ? optionsArgument(a, argument[0], argument[1], operation, nameIndex, renames) : optionsArgument(a, 0, 0, operation, nameIndex, renames);
  if (read) {
    // `index: 'primary'` names the table itself (Model.js), no IndexName.
    read.request.options = read.request.options.filter((option) => option.norm !== 'indexname' || !(option.literal.kind === 'str' && option.literal.value === 'primary'));
  }
  // Params the analyzer cannot read may hold a batch or a transaction: only a request it sees sent is a call.
  const sent = read !== undefined && !read.own.some((option) => NOT_SENT.has(option.norm));
  a.addOperation({
    operation,
    name: a.tokenSpan(nameIndex),
    call: sent,
    paginated: /:(?:Query|Scan)$/.test(operation),
    tokenIndex: nameIndex,
    ...(read ? { request: read.request } : {}),
  });
}
