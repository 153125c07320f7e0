/**
 * A Serverless service often names its table and the variable that hands the name to the code through
 * the same `${self:…}` place, whose value depends on the stage chosen at deploy time: the two are equal
 * whatever that value is, so the variable names the table; so does a variable that writes the same text of
 * variables out again. Two tables from one place, or a variable from another place, leave the table unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const HANDLER = [
  "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
  "const { DynamoDBDocumentClient, QueryCommand } = require('@aws-sdk/lib-dynamodb');",
  '',
  'const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'module.exports.byAssignee = async (event) => {',
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

function service(options: { custom?: string[]; environment: string[]; tableName: string; functionEnvironment?: string[]; secondTable?: boolean }): string {
  const table = (name: string): string[] => [
    `    ${name}:`,
    '      Type: AWS::DynamoDB::Table',
    '      Properties:',
    `        TableName: ${options.tableName}`,
    '        BillingMode: PAY_PER_REQUEST',
    '        AttributeDefinitions:',
    '          - AttributeName: id',
    '            AttributeType: S',
    '          - AttributeName: assignee',
    '            AttributeType: S',
    '        KeySchema:',
    '          - AttributeName: id',
    '            KeyType: HASH',
    '        GlobalSecondaryIndexes:',
    '          - IndexName: byAssignee',
    '            KeySchema:',
    '              - AttributeName: assignee',
    '                KeyType: HASH',
    '            Projection:',
    '              ProjectionType: KEYS_ONLY',
  ];
  return [
    'service: tickets',
    ...(options.custom ? ['custom:', ...options.custom.map((line) => `  ${line}`)] : []),
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    '  environment:',
    ...options.environment.map((line) => `    ${line}`),
    'functions:',
    '  byAssignee:',
    '    handler: src/tickets.byAssignee',
    ...(options.functionEnvironment ? ['    environment:', ...options.functionEnvironment.map((line) => `      ${line}`)] : []),
    'resources:',
    '  Resources:',
    ...table('TicketsTable'),
    ...(options.secondTable ? table('ArchiveTable') : []),
  ].join('\n');
}

const NOT_PROJECTED = ['11:title dynamodb-workspace-projection!'];

const findings = (serverless: string): string[] =>
  hintsOfFile({ 'serverless.yml': serverless, 'src/tickets.js': HANDLER }, 'src/tickets.js').filter((hint) => hint.endsWith('!') && !hint.endsWith('dynamodb-query!'));

describe('a Serverless table name known only at deploy time', () => {
  it('is the table of a variable set from the same place: the provider environment, a custom value, a chain of them', () => {
    const stageName = 'TICKETS_TABLE: ${self:service}-tickets-${opt:stage, self:provider.stage}';
    assert.deepEqual(findings(service({ environment: [stageName], tableName: '${self:provider.environment.TICKETS_TABLE}' })), NOT_PROJECTED);
    const custom = ['ticketsTable: tickets-${sls:stage}', 'tableName: ${self:custom.ticketsTable}'];
    assert.deepEqual(findings(service({ custom, environment: ['TICKETS_TABLE: ${self:custom.tableName}'], tableName: '${self:custom.ticketsTable}' })), NOT_PROJECTED);
    assert.deepEqual(findings(service({ custom, environment: ['OTHER: x'], functionEnvironment: ['TICKETS_TABLE: ${self:custom.ticketsTable}'], tableName: '${self:custom.tableName}' })), NOT_PROJECTED);
  });

  it('is the table of a variable that writes out the same text of variables again', () => {
    const custom = ['ticketsTable: tickets-${sls:stage}'];
    assert.deepEqual(findings(service({ custom, environment: ['TICKETS_TABLE: tickets-${sls:stage}'], tableName: '${self:custom.ticketsTable}' })), NOT_PROJECTED);
    assert.deepEqual(findings(service({ environment: ['TICKETS_TABLE: ${self:service}-${sls:stage}'], tableName: '${self:service}-${sls:stage}' })), NOT_PROJECTED);
  });

  it('stays unknown when the variable comes from another place or another text, or when two tables share the place', () => {
    const custom = ['ticketsTable: tickets-${sls:stage}', 'archiveTable: archive-${sls:stage}'];
    assert.deepEqual(findings(service({ custom, environment: ['TICKETS_TABLE: ${self:custom.archiveTable}'], tableName: '${self:custom.ticketsTable}' })), []);
    assert.deepEqual(findings(service({ custom, environment: ['TICKETS_TABLE: tickets-${opt:stage}'], tableName: '${self:custom.ticketsTable}' })), []);
    assert.deepEqual(findings(service({ custom, environment: ['TICKETS_TABLE: ${self:custom.ticketsTable}'], tableName: '${self:custom.ticketsTable}', secondTable: true })), []);
  });
});
