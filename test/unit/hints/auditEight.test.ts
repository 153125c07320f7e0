/**
 * Shapes an application-code audit found missed: request options that same-file helpers return and a
 * command spreads in (`...queryInput`, `...filterFor(q)`), helpers whose return type has type arguments
 * with commas (`Omit<QueryCommand['input'], 'TableName'>`), and aiobotocore clients typed with the
 * types-aiobotocore stubs; and their look-alikes that must stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JS/TS: request options spread in from same-file helpers', () => {
  const head = [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';",
    'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  ];

  it('reads the objects the helpers behind a spread variable return, whatever their return type says', () => {
    const code = sourceLines(
      ...head,
      "function staffQuery(status: string, start?: Record<string, unknown>): Omit<QueryCommand['input'], 'TableName'> {",
      "  if (status) return { IndexName: 'byStatus', KeyConditionExpression: '#s = :s', ExclusiveStartKey: start };",
      "  return { IndexName: 'byDate', KeyConditionExpression: '#d = :d', ExclusiveStartKey: start };",
      '}',
      "const ownQuery = (id: string) => ({ IndexName: 'byCustomer', KeyConditionExpression: '#c = :c' });",
      'export async function list(admin: boolean, status: string, id: string) {',
      '  const input = admin ? staffQuery(status) : ownQuery(id);',
      "  return (await doc.send(new QueryCommand({ TableName: 'orders', Limit: 20, ...input }))).Items;",
      '}',
    );
    const hints = hintsIn('orders.ts', code);
    for (const expected of [
      '5:IndexName dynamodb-index-name',
      '5:KeyConditionExpression dynamodb-key-condition-expression',
      '5:ExclusiveStartKey dynamodb-pagination-keys',
      '6:IndexName dynamodb-index-name',
      '8:IndexName dynamodb-index-name',
      '8:KeyConditionExpression dynamodb-key-condition-expression',
    ]) {
      assert.ok(hints.includes(expected), `${expected} in ${hints.join(', ')}`);
    }
  });

  it('reads a helper called in the spread itself, so a Scan filter is found', () => {
    const code = sourceLines(
      ...head,
      'function filterFor(q: string) {',
      '  if (!q) return {};',
      "  return { FilterExpression: 'contains(#n, :q)', ExpressionAttributeNames: { '#n': 'name' } };",
      '}',
      "export const search = (q: string) => doc.send(new ScanCommand({ TableName: 'products', ...filterFor(q) }));",
    );
    const hints = hintsIn('search.ts', code);
    assert.ok(hints.includes('6:FilterExpression dynamodb-filter-expression'), hints.join(', '));
    assert.ok(hints.includes('6:FilterExpression dynamodb-filter-expression!'), hints.join(', '));
  });

  it('stays silent on helpers spread into a call that is not a request, and on imported helpers', () => {
    const code = sourceLines(
      ...head,
      "import { remoteQuery } from './remote';",
      "function labels() { return { IndexName: 'a', Limit: 3 }; }",
      'export const render = () => ({ title: "x", ...labels() });',
      "export const other = () => doc.send(new QueryCommand({ TableName: 't', ...remoteQuery() }));",
    );
    assert.deepEqual(hintsIn('render.ts', code), ['7:QueryCommand dynamodb-query', '7:QueryCommand dynamodb-query!']);
  });
});

describe('Python: types-aiobotocore stubs name the DynamoDB client', () => {
  it('reads calls on a client typed with types_aiobotocore_dynamodb, and not one typed with another service', () => {
    const code = sourceLines(
      'from types_aiobotocore_dynamodb import DynamoDBClient',
      'from types_aiobotocore_sqs import SQSClient',
      'async def pending(client: DynamoDBClient, queue: SQSClient, table: str):',
      '    await queue.get_queue_url(QueueName="q")',
      '    response = await client.query(TableName=table, IndexName="pending", KeyConditionExpression="p = :p")',
      '    return response["Items"]',
    );
    const hints = hintsIn('outbox.py', code);
    assert.ok(hints.includes('5:query dynamodb-query'), hints.join(', '));
    assert.ok(hints.includes('5:IndexName dynamodb-index-name'), hints.join(', '));
    assert.ok(!hints.some((hint) => hint.startsWith('4:')), hints.join(', '));
  });
});

describe('requests assigned in branches: each branch that reaches the call is a request of its own', () => {
  it('JS: reads the literal of every branch of an if/else, not only the last one', () => {
    const code = sourceLines(
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { DynamoDBDocumentClient, UpdateCommand } = require('@aws-sdk/lib-dynamodb');",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'async function updateStock(id, quantity) {',
      '  let params;',
      '  if (quantity >= 0) {',
      "    params = { TableName: 'products', Key: { id }, UpdateExpression: 'SET stock = stock + :q', ReturnValues: 'ALL_NEW' };",
      '  } else {',
      "    params = { TableName: 'products', Key: { id }, UpdateExpression: 'SET stock = stock + :q', ConditionExpression: 'stock >= :min' };",
      '  }',
      '  return doc.send(new UpdateCommand(params));',
      '}',
    );
    const hints = hintsIn('stock.js', code);
    for (const expected of ['7:UpdateExpression dynamodb-update-expression', '7:ReturnValues dynamodb-return-values', '9:UpdateExpression dynamodb-update-expression', '9:ConditionExpression dynamodb-condition-expression']) {
      assert.ok(hints.includes(expected), `${expected} in ${hints.join(', ')}`);
    }
  });

  it('skips a literal that an assignment every path passes replaces, and one of another function', () => {
    const code = sourceLines(
      "const { DynamoDBClient, QueryCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      "let input = { TableName: 'audit', ConsistentRead: true };",
      'async function list(byStatus) {',
      "  let params = { TableName: 'orders', ReturnConsumedCapacity: 'TOTAL' };",
      "  params = { TableName: 'orders', KeyConditionExpression: 'pk = :p' };",
      '  if (byStatus) {',
      "    params = { TableName: 'orders', IndexName: 'byStatus', KeyConditionExpression: 'st = :s' };",
      '  }',
      '  input = params;',
      '  return client.send(new QueryCommand(params));',
      '}',
    );
    const hints = hintsIn('list.js', code);
    assert.ok(hints.includes('8:IndexName dynamodb-index-name'), hints.join(', '));
    assert.ok(hints.includes('6:KeyConditionExpression dynamodb-key-condition-expression'), hints.join(', '));
    assert.ok(!hints.some((hint) => hint.startsWith('5:') || hint.startsWith('3:')), hints.join(', '));
  });
});
