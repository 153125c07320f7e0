/**
 * JavaScript and TypeScript transaction parts built apart from their request (`TransactItems: parts`): an array
 * literal held by a `const` (and the parts pushed onto it before the request), the parts a `map` callback gives
 * (in a concise body or a block's `return`), and `concat` or spreads of those. Their keys are the request's, as
 * when written in place; a `let`, which may be given other parts, and a `map` whose callback gives no object
 * literal lend nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['dynamodb-condition-expression', 'dynamodb-update-expression', 'dynamodb-expression-reserved-word'];

const HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';",
  'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
];

describe('Transaction parts built apart from the request', () => {
  it('reads the parts of a const array, of map callbacks and of their concat, with the checks on them', () => {
    const code = sourceLines(
      ...HEADER,
      'export async function move(ids: string[], table: string) {',
      '  const head = [{ Update: { TableName: table, Key: { pk: "H" }, UpdateExpression: "SET status = :s" } }];',
      '  const puts = ids.map((id) => ({ Put: { TableName: table, Item: { pk: id }, ConditionExpression: "attribute_not_exists(pk)" } }));',
      '  const deletes = ids.map(function (id) {',
      '    return { Delete: { TableName: table, Key: { pk: id }, ConditionExpression: "attribute_exists(pk)" } };',
      '  });',
      '  const parts = head.concat(puts);',
      '  await db.send(new TransactWriteCommand({ TransactItems: [...parts, ...deletes] }));',
      '}',
    );
    assert.deepEqual(hintsOfRules('store.ts', code, RULES), [
      '5:"SET status = :s" dynamodb-expression-reserved-word',
      '5:"SET status = :s" dynamodb-expression-reserved-word!',
      '5:UpdateExpression dynamodb-update-expression',
      '6:ConditionExpression dynamodb-condition-expression',
      '8:ConditionExpression dynamodb-condition-expression',
    ]);
  });

  it('lends nothing from a let or from a callback that builds its part elsewhere', () => {
    const code = sourceLines(
      ...HEADER,
      'function part(id: string) {',
      '  return { Put: { TableName: "orders", Item: { pk: id }, ConditionExpression: "attribute_not_exists(pk)" } };',
      '}',
      'export async function write(ids: string[]) {',
      '  let parts = ids.map((id) => ({ Put: { TableName: "orders", Item: { pk: id }, ConditionExpression: "attribute_not_exists(pk)" } }));',
      '  await db.send(new TransactWriteCommand({ TransactItems: parts }));',
      '  await db.send(new TransactWriteCommand({ TransactItems: ids.map(part) }));',
      '}',
    );
    assert.deepEqual(hintsOfRules('store.ts', code, RULES), []);
  });
  it('reads the parts a loop pushes onto a const array before the request, and no push after it or onto another array', () => {
    const code = sourceLines(
      ...HEADER,
      'export async function reserve(cart: { id: string; qty: number }[], table: string) {',
      '  const parts = [];',
      '  const log = [];',
      '  for (const line of cart) {',
      '    parts.push({ Update: { TableName: table, Key: { pk: line.id }, UpdateExpression: "SET stock = stock - :q", ConditionExpression: "stock >= :q" } });',
      '    log.push({ Put: { TableName: table, Item: { pk: line.id }, ConditionExpression: "attribute_not_exists(pk)" } });',
      '  }',
      '  await db.send(new TransactWriteCommand({ TransactItems: parts }));',
      '  parts.push({ Delete: { TableName: table, Key: { pk: "x" }, ConditionExpression: "attribute_exists(pk)" } });',
      '  return log;',
      '}',
    );
    assert.deepEqual(hintsOfRules('store.ts', code, RULES), [
      '8:ConditionExpression dynamodb-condition-expression',
      '8:UpdateExpression dynamodb-update-expression',
    ]);
  });
});
