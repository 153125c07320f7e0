/**
 * A function's local read in a promise executor the function makes holds the value that reaches the executor, which
 * runs where it is written, not one a later line of the function assigns: a Query's `params` reassigned afterwards for
 * a delete is not read as the Query's request. (A callback kept and run later still sees any value: pythonAwaitedLambdas.)
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const UNKNOWN = 'dynamodb-unknown-request-member';

describe('bindings a promise executor reads from the function around it', () => {
  const code = sourceLines(
    "const AWS = require('aws-sdk');",
    'const documentClient = new AWS.DynamoDB.DocumentClient();',
    'async function removeMembers(groupId) {',
    '  var params = {',
    '    TableName: process.env.MEMBERS_TABLE,',
    "    IndexName: 'group_index',",
    "    KeyConditionExpression: 'groupId = :id',",
    "    ExpressionAttributeValues: { ':id': groupId },",
    '  };',
    '  const members = await new Promise((resolve) => {',
    '    documentClient.query(params, (err, data) => resolve(err ? [] : data.Items));',
    '  });',
    '  params = { TableName: process.env.MEMBERS_TABLE, Key: { groupId } };',
    '  for (const member of members) {',
    '    params.Key.memberId = member.memberId;',
    '    await documentClient.delete(params).promise();',
    '  }',
    '}',
  );

  it("reads the Query's request as written before the executor, and the delete's as reassigned", () => {
    const hints = hintsIn('members.js', code);
    assert.deepEqual(hints.filter((hint) => hint.includes(UNKNOWN)), []);
    assert.ok(hints.includes('6:IndexName dynamodb-index-name') && hints.includes('7:KeyConditionExpression dynamodb-key-condition-expression'), hints.join('\n'));
  });
});
