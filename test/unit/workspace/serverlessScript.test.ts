/**
 * A Serverless service written in TypeScript (`serverless.ts`) in the workspace model: its tables and its
 * functions' environment reach the handlers, as a `serverless.yml`'s do.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const HANDLER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'export const byAssignee = async (event) => {',
  '  const page = await documents.send(new QueryCommand({',
  '    TableName: process.env.TICKETS_TABLE,',
  "    IndexName: 'byAssignee',",
  "    KeyConditionExpression: 'assignee = :a',",
  "    ProjectionExpression: 'id, title',",
  "    ExpressionAttributeValues: { ':a': event.pathParameters.assignee },",
  '  }));',
  '  return { statusCode: 200, body: JSON.stringify(page.Items) };',
  '};',
].join('\n');

const SERVICE = [
  "import type { AWS } from '@serverless/typescript';",
  '',
  'const ticketsTable = {',
  "  Type: 'AWS::DynamoDB::Table',",
  '  Properties: {',
  "    TableName: 'tickets',",
  "    BillingMode: 'PAY_PER_REQUEST',",
  "    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'assignee', AttributeType: 'S' }],",
  "    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],",
  '    GlobalSecondaryIndexes: [',
  "      { IndexName: 'byAssignee', KeySchema: [{ AttributeName: 'assignee', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },",
  '    ],',
  '  },',
  '};',
  '',
  'const serverlessConfiguration: AWS = {',
  "  service: 'tickets',",
  "  provider: { name: 'aws', runtime: 'nodejs20.x', environment: { TICKETS_TABLE: 'tickets' } },",
  "  functions: { byAssignee: { handler: 'src/tickets.byAssignee' } },",
  '  resources: { Resources: { TicketsTable: ticketsTable } },',
  '};',
  '',
  'module.exports = serverlessConfiguration;',
].join('\n');

describe('workspace: a Serverless service written in TypeScript', () => {
  it('gives the handlers its tables, read through the functions and their environment', () => {
    const found = hintsOfFile({ 'serverless.ts': SERVICE, 'src/tickets.ts': HANDLER }, 'src/tickets.ts').filter((hint) => hint.endsWith('!'));
    assert.ok(found.includes('11:title dynamodb-workspace-projection!'), found.join('\n'));
    assert.ok(!hintsOfFile({ 'config.ts': SERVICE, 'src/tickets.ts': HANDLER }, 'src/tickets.ts').includes('11:title dynamodb-workspace-projection!'), 'only serverless.ts is a service');
  });

  it('indexes the table and the function of serverless.ts', () => {
    const contribution = contributionOf('serverless.ts', SERVICE);
    assert.deepEqual(contribution?.tables.map((table) => table.physicalName), ['tickets']);
    assert.deepEqual(contribution?.functions.map((fn) => fn.handler), ['src/tickets.byAssignee']);
  });
});
