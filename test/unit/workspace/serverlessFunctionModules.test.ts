/**
 * Serverless functions defined in modules of their own that `serverless.ts` imports into `functions` (the
 * `aws-nodejs-typescript` layout: `export default { handler: \`${handlerPath(__dirname)}/handler.main\`, environment:
 * {...} }`): the handler beside the module runs with the module's environment and the provider environment of the
 * service file above it, so a `Ref` to one of the service's tables names that table. Silent: no service file above
 * the module, two at the same level, a handler not written beside the module.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const SERVICE = sourceLines(
  "import type { AWS } from '@serverless/typescript';",
  "import { getOrder, listAudits } from './src/functions';",
  '',
  'const configuration: AWS = {',
  "  service: 'orders',",
  "  provider: { name: 'aws', runtime: 'nodejs20.x', environment: { AUDIT_TABLE: { Ref: 'AuditTable' } } },",
  '  functions: { getOrder, listAudits },',
  '  resources: {',
  '    Resources: {',
  "      OrdersTable: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }] } },",
  "      AuditTable: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'auditId', KeyType: 'HASH' }] } },",
  '    },',
  '  },',
  '};',
  '',
  'module.exports = configuration;',
);

const functionModule = (handler: string, environment = "  environment: { ORDERS_TABLE: { Ref: 'OrdersTable' } },") =>
  sourceLines("import { handlerPath } from '@libs/handler-resolver';", '', 'export default {', `  handler: ${handler},`, "  events: [{ http: { method: 'get', path: 'orders/{id}' } }],", environment, '};');

const BESIDE = '`${handlerPath(__dirname)}/handler.main`';

const handler = (variable: string, key: string) =>
  sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
    'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'export const main = async (event) => {',
    `  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.${variable}, Key: { ${key}: event.pathParameters.id } }));`,
    '  return Item;',
    '};',
  );

function keyFindings(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!'));
}

describe('Serverless functions in modules of their own', () => {
  const project = (module: string, code: string, service = SERVICE): Record<string, string> => ({
    'serverless.ts': service,
    'src/functions/getOrder/index.ts': module,
    'src/functions/getOrder/handler.ts': code,
  });

  it("checks the handler beside the module against the service's table its environment references", () => {
    const file = 'src/functions/getOrder/handler.ts';
    assert.equal(keyFindings(project(functionModule(BESIDE), handler('ORDERS_TABLE', 'id')), file).length, 2);
    assert.deepEqual(keyFindings(project(functionModule(BESIDE), handler('ORDERS_TABLE', 'orderId')), file), []);
    const template = '`${__dirname.split(process.cwd())[1].substring(1)}/handler.main`';
    assert.equal(keyFindings(project(functionModule(template), handler('ORDERS_TABLE', 'id')), file).length, 2);
  });

  it('gives the function the provider environment of the service file above it, whose variable a resource module names', () => {
    const file = 'src/functions/getOrder/handler.ts';
    const service = SERVICE.replace("environment: { AUDIT_TABLE: { Ref: 'AuditTable' } }", "environment: { USERS_TABLE: 'users-${opt:stage, self:provider.stage}' }")
      .replace("import { getOrder, listAudits } from './src/functions';", "import * as functions from './src/functions';")
      .replace('functions: { getOrder, listAudits },', 'functions,');
    const users = sourceLines(
      'export const UsersTable = {',
      "  Type: 'AWS::DynamoDB::Table',",
      '  Properties: {',
      "    TableName: '${self:provider.environment.USERS_TABLE}',",
      "    KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],",
      '  },',
      '};',
    );
    const withUsers = (code: string) => ({ ...project(functionModule(BESIDE, ''), code, service), 'src/resources/users.ts': users });
    assert.equal(keyFindings(withUsers(handler('USERS_TABLE', 'id')), file).length, 2);
    assert.deepEqual(keyFindings(withUsers(handler('USERS_TABLE', 'userId')), file), []);
  });

  it('leaves a module with no service file above it, two service files there, or a handler written otherwise unchecked', () => {
    const file = 'src/functions/getOrder/handler.ts';
    const wrong = handler('ORDERS_TABLE', 'id');
    const alone = project(functionModule(BESIDE), wrong);
    const moved = { 'orders/serverless.ts': SERVICE, 'src/functions/getOrder/index.ts': alone['src/functions/getOrder/index.ts'], [file]: wrong };
    assert.deepEqual(keyFindings(moved, file), []);
    assert.deepEqual(keyFindings({ ...alone, 'serverless.yml': sourceLines('service: other', 'provider:', '  name: aws', 'functions:', '  ping:', '    handler: ping.handler') }, file), []);
    assert.deepEqual(keyFindings(project(functionModule("'src/functions/getOrder/handler.main'"), wrong), file), []);
  });
});
