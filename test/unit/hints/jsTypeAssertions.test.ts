/**
 * TypeScript type assertions around a request variable (`docClient.update(params as UpdateItemInput)`,
 * `<UpdateItemInput>params`, `params satisfies ...`): the request is the variable's, so its options get their
 * hovers and findings. The traps: an assertion around a call or a member (not a variable of the file), and a
 * variable that holds no literal.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('TypeScript: a request variable under a type assertion', () => {
  it('reads the request of `as`, angle-bracket and `satisfies` assertions, v2 and v3', () => {
    const api = sourceLines(
      "import { DynamoDB } from 'aws-sdk';",
      "import { UpdateItemInput } from 'aws-sdk/clients/dynamodb';",
      "import { DynamoDBDocumentClient, ScanCommand, ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const docClient = new DynamoDB.DocumentClient();',
      'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export async function rename(id: string, name: string) {',
      "  const params = { TableName: 'notes', Key: { id }, UpdateExpression: 'set #n = :n', ReturnValues: 'UPDATED_NEW' };",
      '  await docClient.update(<UpdateItemInput>params).promise();',
      '  return docClient.update(params as DynamoDB.DocumentClient.UpdateItemInput).promise();',
      '}',
      '',
      'export async function archived() {',
      "  const input = { TableName: 'notes', FilterExpression: 'archived = :a', ExpressionAttributeValues: { ':a': true } };",
      '  return ddb.send(new ScanCommand(input satisfies ScanCommandInput));',
      '}',
    );
    const hints = hintsIn('src/notes-api.ts', api);
    for (const expected of ['10:UpdateExpression dynamodb-update-expression', '10:ReturnValues dynamodb-return-values', '16:FilterExpression dynamodb-filter-expression', '16:FilterExpression dynamodb-filter-expression!']) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
  });

  it('says nothing more of an assertion around a call, a member, or a variable that holds no literal', () => {
    const api = sourceLines(
      "import { DynamoDB } from 'aws-sdk';",
      'const docClient = new DynamoDB.DocumentClient();',
      'declare function buildParams(): object;',
      'declare const settings: { update: object };',
      '',
      'export async function run(external: object) {',
      '  await docClient.update(buildParams() as DynamoDB.DocumentClient.UpdateItemInput).promise();',
      '  await docClient.update(settings.update as DynamoDB.DocumentClient.UpdateItemInput).promise();',
      '  return docClient.update(external as DynamoDB.DocumentClient.UpdateItemInput).promise();',
      '}',
    );
    assert.deepEqual(hintsIn('src/run.ts', api).filter((hint) => !/ (aws-sdk-end-of-support|dynamodb-update-item)!?$/.test(hint)), []);
  });
});
