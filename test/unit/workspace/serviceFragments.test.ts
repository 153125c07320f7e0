/**
 * Serverless Framework tables kept in resource fragments (`resources: - ${file(resources/tables.yml)}`, a module that
 * `serverless.ts` spreads into `Resources`), named by the functions' environment through the same `self:` variable
 * (`TableName: ${self:custom.ordersTable}` and `ORDERS_TABLE: ${self:custom.ordersTable}`, also when that variable
 * holds `${sls:stage}`), or by a `Ref` to the table: the workspace checks requests against them. Silent: a variable
 * two fragments' tables both name, a fragment of another service's folder, a `TableName` that names another variable.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const SERVICE = sourceLines(
  'service: orders',
  'provider:',
  '  name: aws',
  '  runtime: nodejs20.x',
  '  environment:',
  '    ORDERS_TABLE: ${self:custom.ordersTable}',
  '    AUDIT_TABLE: !Ref AuditTable',
  '    EVENTS_TABLE: ${self:custom.eventsTable}',
  'custom:',
  '  ordersTable: ${sls:stage}-orders',
  '  eventsTable: ${sls:stage}-events',
  'functions:',
  '  getOrder:',
  '    handler: src/getOrder.handler',
  'resources:',
  '  Resources: ${file(resources/audit.yml)}',
);

const table = (logicalId: string, tableName: string, key: string, under = ['Resources:']) =>
  sourceLines(
    ...under,
    `  ${logicalId}:`,
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    `      TableName: ${tableName}`,
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    `        - AttributeName: ${key}`,
    '          AttributeType: S',
    '      KeySchema:',
    `        - AttributeName: ${key}`,
    '          KeyType: HASH',
  );

const handler = (variable: string) =>
  sourceLines(
    "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
    "const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');",
    'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'exports.handler = async (event) => {',
    `  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.${variable}, Key: { id: event.id } }));`,
    '  return Item;',
    '};',
  );

function keyFindings(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!'));
}

describe('Serverless resource fragments in the workspace model', () => {
  const files = {
    'orders/serverless.yml': SERVICE,
    'orders/resources/orders.yml': table('OrdersTable', '${self:custom.ordersTable}', 'orderId'),
    // Resources by logical id (`Resources: ${file(resources/audit.yml)}`): a fragment by its shape, whatever its TableName.
    'orders/resources/audit.yml': table('AuditTable', 'orders-audit', 'auditId', []),
    'orders/resources/events.yml': table('EventsTable', '${self:custom.eventsTable}', 'eventId'),
    'orders/resources/events-copy.yml': table('EventsCopyTable', '${self:custom.eventsTable}', 'copyId'),
    'billing/resources/orders.yml': table('BillingOrders', '${self:custom.ordersTable}', 'invoiceId'),
  };

  it('checks a request against the fragment table whose TableName is the variable the function gets, or that the function references', () => {
    assert.equal(keyFindings({ ...files, 'orders/src/getOrder.js': handler('ORDERS_TABLE') }, 'orders/src/getOrder.js').length, 2);
    assert.equal(keyFindings({ ...files, 'orders/src/getOrder.js': handler('AUDIT_TABLE') }, 'orders/src/getOrder.js').length, 2);
  });

  it('leaves a variable two fragment tables name, and fragments of another folder, unresolved', () => {
    assert.deepEqual(keyFindings({ ...files, 'orders/src/getOrder.js': handler('EVENTS_TABLE') }, 'orders/src/getOrder.js'), []);
    const elsewhere = { 'orders/serverless.yml': SERVICE, 'billing/resources/orders.yml': files['billing/resources/orders.yml'], 'orders/src/getOrder.js': handler('ORDERS_TABLE') };
    assert.deepEqual(keyFindings(elsewhere, 'orders/src/getOrder.js'), []);
  });

  it('reads the tables a module spreads into a serverless.ts service, named by the provider environment variable itself', () => {
    const service = sourceLines(
      "import type { AWS } from '@serverless/typescript';",
      "import { ordersTable } from './src/resources/orders';",
      '',
      'const configuration: AWS = {',
      "  service: 'orders',",
      "  provider: { name: 'aws', runtime: 'nodejs20.x', environment: { ORDERS_TABLE: 'orders-${self:provider.stage}' } },",
      "  functions: { getOrder: { handler: 'src/getOrder.handler' } },",
      '  resources: { Resources: { ...ordersTable } },',
      '};',
      '',
      'module.exports = configuration;',
    );
    const resources = sourceLines(
      "import type { AWS } from '@serverless/typescript';",
      '',
      "export const ordersTable: AWS['resources']['Resources'] = {",
      '  OrdersTable: {',
      "    Type: 'AWS::DynamoDB::Table',",
      '    Properties: {',
      "      TableName: '${self:provider.environment.ORDERS_TABLE}',",
      "      BillingMode: 'PAY_PER_REQUEST',",
      "      AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],",
      "      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],",
      '    },',
      '  },',
      '};',
    );
    const project = { 'serverless.ts': service, 'src/resources/orders.ts': resources, 'src/getOrder.js': handler('ORDERS_TABLE') };
    assert.equal(keyFindings(project, 'src/getOrder.js').length, 2);
  });
});
