/**
 * A batch reply's `UnprocessedItems` and `UnprocessedKeys` are maps from table name to requests, so in JavaScript
 * and TypeScript their `.length` is undefined: a test on it never holds and the retry in its body never runs, and
 * a name destructured from the reply only binds the map. Reads that do see what is left (`Object.keys(...)`, the
 * table's list, a return, a test that holds for undefined) and other languages' size of the map stay handling.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['dynamodb-batch-write-item', 'dynamodb-batch-get-item'];

const findings = (file: string, code: string): string[] => hintsOfRules(file, code, RULES).filter((hint) => hint.endsWith('!'));

function writer(...body: string[]): string {
  return sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    '',
    'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    '',
    'export async function saveAll(table: string, items: Record<string, unknown>[], pending: unknown[]) {',
    '  const reply = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } }));',
    ...body,
    '}',
  );
}

describe('the length of a batch reply’s unprocessed map (JavaScript, TypeScript)', () => {
  it('reports a retry guarded by the map’s .length, which never runs', () => {
    const code = writer('  const { UnprocessedItems } = reply;', '  if (UnprocessedItems.length) {', '    pending.push(UnprocessedItems);', '  }');
    assert.deepEqual(findings('src/save.ts', code), ['7:BatchWriteCommand dynamodb-batch-write-item!']);
  });

  it('reports a failure thrown only when .length is more than nothing, and a bare destructured name', () => {
    assert.deepEqual(findings('src/save.ts', writer('  if (reply.UnprocessedItems.length > 0) {', "    throw new Error('not all written');", '  }')), ['7:BatchWriteCommand dynamodb-batch-write-item!']);
    assert.deepEqual(findings('src/save.ts', writer('  const { UnprocessedItems } = reply;', '  return items.length;')), ['7:BatchWriteCommand dynamodb-batch-write-item!']);
    assert.deepEqual(findings('src/save.ts', writer('  if (reply.UnprocessedItems.length === 1) {', '    pending.push(reply.UnprocessedItems);', '  }')), ['7:BatchWriteCommand dynamodb-batch-write-item!']);
  });

  it('reports a BatchGetItem whose UnprocessedKeys are tested by .length', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documentClient = new AWS.DynamoDB.DocumentClient();',
      'async function loadAll(table, keys) {',
      '  const { Responses, UnprocessedKeys } = await documentClient.batchGet({ RequestItems: { [table]: { Keys: keys } } }).promise();',
      '  if (UnprocessedKeys.length >= 1) {',
      '    return loadAll(table, UnprocessedKeys[table].Keys);',
      '  }',
      '  return Responses[table];',
      '}',
      'module.exports = { loadAll };',
    );
    assert.deepEqual(findings('lib/load.js', code), ['4:batchGet dynamodb-batch-get-item!']);
  });

  it('stays silent where the code reads what is left', () => {
    const reads = [
      ['  const { UnprocessedItems } = reply;', '  if (Object.keys(UnprocessedItems ?? {}).length > 0) {', '    pending.push(UnprocessedItems);', '  }'],
      ['  const left = reply.UnprocessedItems?.[table] ?? [];', '  if (left.length) {', '    pending.push(...left);', '  }'],
      ['  if (reply.UnprocessedItems[table].length > 0) {', '    pending.push(reply.UnprocessedItems);', '  }'],
      ['  const { UnprocessedItems } = reply;', '  return UnprocessedItems;'],
      ['  if (reply.UnprocessedItems.length !== 0) {', '    pending.push(reply.UnprocessedItems);', '  }'],
      ['  const { UnprocessedItems: left } = reply;', '  return left;'],
      ['  if (reply.UnprocessedItems.length) {', "    console.log('never');", '  } else {', '    pending.push(reply.UnprocessedItems);', '  }'],
    ];
    for (const body of reads) {
      assert.deepEqual(findings('src/save.ts', writer(...body)), [], body.join('\n'));
    }
  });

  it('leaves other languages’ size of the map alone: it counts the tables left', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "client = boto3.client('dynamodb')",
      '',
      'def save_all(table, items):',
      "    reply = client.batch_write_item(RequestItems={table: [{'PutRequest': {'Item': item}} for item in items]})",
      "    while len(reply['UnprocessedItems']) > 0:",
      "        reply = client.batch_write_item(RequestItems=reply['UnprocessedItems'])",
    );
    assert.deepEqual(findings('app/save.py', code), []);
  });
});
