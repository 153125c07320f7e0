/**
 * The capacity mode of a table created with an SDK: `BillingMode`, and `ProvisionedThroughput` where the
 * request sets capacity without naming the mode (the API's default mode is provisioned).
 */
import * as assert from 'node:assert/strict';
import { hintsIn } from './support';

describe('capacity mode of a table created with an SDK', () => {
  it('explains ProvisionedThroughput as BillingMode is explained, in JavaScript and Python, and not on another call', () => {
    const js = [
      "import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';",
      'const ddb = new DynamoDBClient({});',
      'export const create = (name) => ddb.send(new CreateTableCommand({',
      '  TableName: name,',
      "  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],",
      "  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],",
      '  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },',
      '}));',
      'export const report = (api) => api.send({ ProvisionedThroughput: 1 });',
    ].join('\n');
    const jsHints = hintsIn('tables.ts', js);
    assert.ok(jsHints.includes('7:ProvisionedThroughput dynamodb-billing-mode'), jsHints.join('\n'));
    assert.ok(!jsHints.some((hint) => hint.startsWith('9:')), jsHints.join('\n'));
    const python = [
      'import boto3',
      '',
      'def create(name):',
      '    boto3.client("dynamodb").create_table(',
      '        TableName=name,',
      '        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},',
      '    )',
    ].join('\n');
    assert.ok(hintsIn('tables.py', python).includes('6:ProvisionedThroughput dynamodb-billing-mode'));
  });
});
