/**
 * `dynamodb-batch-write-condition`: a condition written into a BatchWriteItem's `PutRequest` or `DeleteRequest`,
 * which BatchWriteItem never applies, in place, in a request list built apart, and in Python. Silent: a
 * transaction's or a single write's condition, a batch without one, and look-alikes no batch sends.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-batch-write-condition!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const TABLE = process.env.POSTS_TABLE!;',
];

describe('DynamoDB: a condition in a BatchWriteItem request', () => {
  it('reports a condition in a put or delete written in place, in a list built apart, and its legacy form', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function archive(posts: { pk: string }[]) {',
      '  await doc.send(new BatchWriteCommand({',
      "    RequestItems: { [TABLE]: posts.map((post) => ({ PutRequest: { Item: post, ConditionExpression: 'attribute_not_exists(pk)' } })) },",
      '  }));',
      '}',
      'export async function purge(ids: string[]) {',
      "  const deletes = ids.map((pk) => ({ DeleteRequest: { Key: { pk }, Expected: { locked: { Exists: false } } } }));",
      '  await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: deletes } }));',
      '}',
    );
    assert.deepEqual(reported('posts.ts', code), [`7:ConditionExpression ${RULE}`, `11:Expected ${RULE}`]);
  });

  it('reports a boto3 batch_write_item whose put carries a condition', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def save_all(items):',
      '    client.batch_write_item(RequestItems={',
      '        "devices": [{"PutRequest": {"Item": item, "ConditionExpression": "attribute_not_exists(pk)"}} for item in items],',
      '    })',
    );
    assert.deepEqual(reported('devices.py', code), [`7:"ConditionExpression" ${RULE}`]);
  });

  it('reports requests that reach the batch through lists sliced into chunks and a callback', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function saveNew(posts: { pk: string }[]) {',
      "  const writes = posts.map((Item) => ({ PutRequest: { Item, ConditionExpression: 'attribute_not_exists(pk)' } }));",
      '  const batches = [];',
      '  for (let i = 0; i < writes.length; i += 25) batches.push(writes.slice(i, i + 25));',
      '  await Promise.all(batches.map((batch) => doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch } }))));',
      '}',
    );
    assert.deepEqual(reported('feed.ts', code), [`6:ConditionExpression ${RULE}`]);
  });

  it('stays silent on a transaction, a single put, a batch without conditions, and a file that sends no batch', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function guarded(posts: { pk: string }[]) {',
      "  await doc.send(new TransactWriteCommand({ TransactItems: posts.map((Item) => ({ Put: { TableName: TABLE, Item, ConditionExpression: 'attribute_not_exists(pk)' } })) }));",
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: posts[0], ConditionExpression: 'attribute_not_exists(pk)' }));",
      '  await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: posts.map((Item) => ({ PutRequest: { Item } })) } }));',
      '}',
    );
    assert.deepEqual(reported('guarded.ts', code), []);
    const noBatch = sourceLines(
      'export function plan(post: { pk: string }) {',
      "  return { PutRequest: { Item: post, ConditionExpression: 'attribute_not_exists(pk)' } };",
      '}',
    );
    assert.deepEqual(reported('plan.ts', noBatch), []);
  });
});
