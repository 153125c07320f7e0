/**
 * A Limit that one branch of a JavaScript conditional leaves unset (`Limit: test ? 1 : undefined`) does not make a Query
 * one page on purpose: in the other branch the request has no Limit, and its later pages are dropped. A Limit set in
 * every branch, or written as a number, still asks for one page.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const findings = (file: string, code: string): string[] => hintsOfRules(file, code, ['dynamodb-query']).filter((hint) => hint.endsWith('!'));

describe('a Limit one branch leaves unset', () => {
  it('reads a JavaScript Query whose Limit is undefined in a branch as unpaginated', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export async function subscriptions(topic: string, test: boolean) {',
      "  const a = await doc.send(new QueryCommand({ TableName: 'subs', KeyConditionExpression: 'topic = :t', ExpressionAttributeValues: { ':t': topic }, Limit: test ? 1 : undefined }));", // 7
      "  const b = await doc.send(new QueryCommand({ TableName: 'subs', KeyConditionExpression: 'topic = :t', ExpressionAttributeValues: { ':t': topic }, Limit: test ? undefined : 5 }));", // 8
      "  const c = await doc.send(new QueryCommand({ TableName: 'subs', KeyConditionExpression: 'topic = :t', ExpressionAttributeValues: { ':t': topic }, Limit: test ? 1 : 10 }));",
      "  const d = await doc.send(new QueryCommand({ TableName: 'subs', KeyConditionExpression: 'topic = :t', ExpressionAttributeValues: { ':t': topic }, Limit: 1 }));",
      '  return [a.Items, b.Items, c.Items, d.Items];',
      '}',
    );
    assert.deepEqual(findings('subscriptions.ts', code), ['7:QueryCommand dynamodb-query!', '8:QueryCommand dynamodb-query!']);
  });
});
