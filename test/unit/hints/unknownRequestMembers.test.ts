/**
 * `dynamodb-unknown-request-member`: a member a DynamoDB request does not have, written in a request an SDK client of
 * the file sends: a near miss of one of the operation's members, or another operation's member. Silent: the code's
 * own keys, a library's options (ElectroDB's `limit`), and a misspelt `ExclusiveStartKey`, which is
 * `dynamodb-misspelt-page-key`'s.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-unknown-request-member';
const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(`${RULE}!`));

describe('DynamoDB request members the operation does not have', () => {
  it('reports near misses and another operation\'s members in a v2 DocumentClient update', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const docClient = new AWS.DynamoDB.DocumentClient();',
      'exports.rename = (userId, habitId, name) => {',
      '  const params = {',
      '    TableName: process.env.TABLE,',
      "    IndexName: 'byHabit',", // 6
      '    Key: { user_id: userId, item_id: habitId },',
      "    UpdateExpression: 'set habit_name = :n',",
      "    ExpressionAttributevalues: { ':n': name },", // 9
      "    ReturnValue: 'ALL_NEW',", // 10
      '    requestedBy: userId,',
      '  };',
      '  return docClient.update(params).promise();',
      '};',
    );
    assert.deepEqual(findings('models/habit.js', code), [`6:IndexName ${RULE}!`, `9:ExpressionAttributevalues ${RULE}!`, `10:ReturnValue ${RULE}!`]);
  });

  it('reports a boto3 Table request the same way', () => {
    const code = sourceLines(
      'import boto3',
      'table = boto3.resource("dynamodb").Table("habits")',
      'def rename(key, name):',
      '    return table.update_item(Key=key, UpdateExpression="SET n = :n", ExpressionAttributeValues={":n": name}, ReturnValue="ALL_NEW")',
    );
    assert.deepEqual(findings('habits.py', code), [`4:ReturnValue ${RULE}!`]);
  });

  it('keeps quiet on a library\'s options, correct members and a misspelt page key', () => {
    const electro = sourceLines(
      "import { Entity } from 'electrodb';",
      'export const tasks = new Entity(schema, { client, table });',
      "export const open = () => tasks.query.byProject({ project: 'p' }).go({ limit: 10, pages: 'all' });",
    );
    assert.deepEqual(findings('src/tasks.ts', electro), []);
    const paged = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      'export const page = (doc: DynamoDBDocumentClient, start: unknown) =>',
      "  doc.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' }, ExclusiveStartkey: start }));",
    );
    assert.deepEqual(findings('src/page.ts', paged), []);
  });

  it('keeps quiet on a member of one operation in an object the code sends as either of two, but reports a near miss there', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';",
      'export async function logs(doc: DynamoDBDocumentClient, appId?: string) {',
      "  const params: any = { TableName: 'logs', ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };",
      '  if (appId) {',
      "    params.KeyConditionExpression = '#id = :id';", // 5
      "    params.ScanIndexForwards = false;", // 6
      "    params.ExpressionAttributeNames['#id'] = 'id';",
      "    params.ExpressionAttributeValues[':id'] = appId;",
      '  }',
      '  return doc.send(appId ? new QueryCommand(params) : new ScanCommand(params));',
      '}',
    );
    assert.deepEqual(findings('src/logs.ts', code), [`6:ScanIndexForwards ${RULE}!`]);
  });
});
