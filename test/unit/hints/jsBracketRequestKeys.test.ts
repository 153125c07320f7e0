/**
 * JavaScript and TypeScript requests completed by a quoted key in brackets (`params['ExclusiveStartKey'] = ...`),
 * as helpers that build one page of a Query or Scan write them: the key is the request's option, as
 * `params.ExclusiveStartKey = ...` is. The traps: a computed key, a template key, a map of items, a comparison.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript: a request key assigned in brackets', () => {
  it('reads quoted bracket keys of a request variable as its options', () => {
    const source = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, QueryCommand, QueryCommandInput, ScanCommand, ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export const page = async (table: string, cursor?: string, filter?: string, fields?: string[]) => {',
      '  const params: ScanCommandInput = { TableName: table, Limit: 25 };',
      "  cursor ? params['ExclusiveStartKey'] = JSON.parse(cursor) : null;",
      "  if (fields) params[\"AttributesToGet\"] = fields;",
      "  if (filter) { params['FilterExpression'] = filter; }",
      '  const out = await doc.send(new ScanCommand(params));',
      '  return { items: out.Items, cursor: out.LastEvaluatedKey };',
      '};',
      '',
      'export const byOwner = async (table: string, owner: string, fields?: string) => {',
      '  const input: QueryCommandInput = {',
      '    TableName: table,',
      "    KeyConditionExpression: 'ownerId = :o',",
      "    ExpressionAttributeValues: { ':o': owner },",
      '  };',
      "  fields ? input['ProjectionExpression'] = fields : null;",
      '  const out = await doc.send(new QueryCommand(input));',
      '  return { items: out.Items, next: out.LastEvaluatedKey };',
      '};',
    );
    const hints = hintsIn('src/store.ts', source);
    for (const expected of [
      "8:'ExclusiveStartKey' dynamodb-pagination-keys",
      '9:"AttributesToGet" dynamodb-projection-expression',
      '9:"AttributesToGet" dynamodb-legacy-conditional-parameters!',
      "10:'FilterExpression' dynamodb-filter-expression",
      "10:'FilterExpression' dynamodb-filter-expression!",
      "21:'ProjectionExpression' dynamodb-projection-expression",
    ]) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
  });

  it('says nothing of computed or template keys, item maps and comparisons', () => {
    const source = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, ScanCommand, ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      "const key = 'FilterExpression';",
      '',
      'export const all = async (table: string, filter: string, start?: object) => {',
      '  const params: ScanCommandInput = { TableName: table };',
      '  params[key] = filter;',
      '  params[`ExclusiveStartKey`] = start;',
      '  const item: Record<string, unknown> = {};',
      "  item['ProjectionExpression'] = 'a';",
      "  const same = params['Limit'] == 10;",
      '  const out = await doc.send(new ScanCommand(params));',
      '  return { items: out.Items, next: out.LastEvaluatedKey, same, item };',
      '};',
    );
    const hints = hintsIn('src/all.ts', source).filter((hint) => !/dynamodb-scan|Limit/.test(hint));
    assert.deepEqual(hints, []);
  });
});
