/**
 * The resource fragments a Serverless service includes by `${file(...)}` are its own: when two fragments under its
 * folder name the same variable (a copy, another service's file, a stage's variant), the included one is the table,
 * and an included file outside the folder (`${file(../shared/tables.yml)}`) counts too. Silent: two included
 * fragments that both fit, an include whose path holds a variable.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const service = (...includes: string[]) =>
  sourceLines(
    'service: orders',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    '  environment:',
    '    ORDERS_TABLE: ${self:custom.ordersTable}',
    'custom:',
    '  ordersTable: ${sls:stage}-orders',
    'functions:',
    '  getOrder:',
    '    handler: src/getOrder.handler',
    'resources:',
    ...includes.map((path) => `  - \${file(${path})}`),
  );

const table = (logicalId: string, key: string) =>
  sourceLines(
    'Resources:',
    `  ${logicalId}:`,
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      TableName: ${self:custom.ordersTable}',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    `        - AttributeName: ${key}`,
    '          AttributeType: S',
    '      KeySchema:',
    `        - AttributeName: ${key}`,
    '          KeyType: HASH',
  );

const HANDLER = sourceLines(
  "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
  "const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');",
  'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'exports.handler = async (event) => {',
  '  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.ORDERS_TABLE, Key: { orderId: event.id } }));',
  '  return Item;',
  '};',
);

function keyFindings(files: Record<string, string>): string[] {
  return hintsOfFile(files, 'orders/src/getOrder.js').filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!'));
}

describe('Resource fragments a Serverless service includes', () => {
  const fragments = {
    'orders/resources/orders.yml': table('OrdersTable', 'orderId'),
    'orders/resources/orders-v1.yml': table('LegacyOrdersTable', 'id'),
    'orders/src/getOrder.js': HANDLER,
  };

  it('takes the included fragment among those under the folder that name the variable', () => {
    assert.deepEqual(keyFindings({ ...fragments, 'orders/serverless.yml': service('resources/orders.yml') }), []);
    assert.equal(keyFindings({ ...fragments, 'orders/serverless.yml': service('./resources/orders-v1.yml') }).length, 2);
  });

  it('reads an included fragment outside the service folder', () => {
    const shared = { 'shared/tables.yml': table('OrdersTable', 'id'), 'orders/src/getOrder.js': HANDLER };
    assert.equal(keyFindings({ ...shared, 'orders/serverless.yml': service('../shared/tables.yml') }).length, 2);
  });

  it('stays silent when two included fragments fit, or the include has a variable in its path', () => {
    assert.deepEqual(keyFindings({ ...fragments, 'orders/serverless.yml': service('resources/orders.yml', 'resources/orders-v1.yml') }), []);
    assert.deepEqual(keyFindings({ ...fragments, 'orders/serverless.yml': service('resources/orders-${sls:stage}.yml') }), []);
    assert.deepEqual(keyFindings({ 'shared/tables.yml': table('OrdersTable', 'id'), 'orders/src/getOrder.js': HANDLER, 'orders/serverless.yml': service('resources/orders.yml') }), []);
  });
});
