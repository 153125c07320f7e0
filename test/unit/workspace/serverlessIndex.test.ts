/**
 * Serverless Framework service files in the workspace model: the tables of `resources.Resources`, the
 * functions of `functions:` with handlers relative to the service folder, the provider environment under
 * each function's own, and `${self:…}` variables followed only to a literal of the same file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { TableDefinition } from '../../../src/hints/engine/workspace/types';
import { realHintRules } from '../hints/support';
import { contributionOf, FIXTURES, fixtureModel } from './support';

const env = (variable: string) => ({ kind: 'env' as const, variable });
const literal = (name: string) => ({ kind: 'literal' as const, name });
const nameOf = (table: TableDefinition | undefined): string | undefined => table?.logicalName;

function index(text: string) {
  return indexFile('svc/serverless.yml', 'yaml', text, { onError: (error) => assert.fail(String(error)) });
}

describe('workspace model on a Serverless Framework app', () => {
  const model = fixtureModel('serverless-app');

  it('holds the tables of resources.Resources with their keys, index and names', () => {
    // The handler's module-level table object is one other modules may import.
    assert.deepEqual(model.files(), ['reports/archive.py', 'serverless.yml']);
    const [orders, archive] = model.tables();
    assert.deepEqual([orders.logicalName, orders.physicalName, orders.partitionKey, orders.billingMode], ['OrdersTable', undefined, { name: 'customer', type: 'S' }, 'PAY_PER_REQUEST']);
    assert.deepEqual(orders.indexes.map((found) => [found.name, found.kind, found.partitionKey.name, found.projection?.type]), [['by-status', 'gsi', 'status', 'KEYS_ONLY']]);
    assert.equal(orders.indexesKnown, true);
    assert.deepEqual([archive.logicalName, archive.physicalName], ['ArchiveTable', 'orders-archive'], 'a ${self:custom…} chain that ends in a literal');
  });

  it('runs a handler file relative to the service folder, in TypeScript or Python', () => {
    const running = (file: string): string[] => model.functionsRunning(file).map((found) => found.logicalName);
    assert.deepEqual(running('src/orders.ts'), ['listOrders']);
    assert.deepEqual(running('reports/archive.py'), ['archiveReport']);
  });

  it('resolves the provider environment under the function environment', () => {
    assert.equal(nameOf(model.resolveTable('src/orders.ts', env('ORDERS_TABLE'))), 'OrdersTable', 'provider: !Ref OrdersTable');
    assert.equal(nameOf(model.resolveTable('reports/archive.py', env('ORDERS_TABLE'))), 'ArchiveTable', 'the function’s { Ref: ArchiveTable } wins');
    assert.equal(nameOf(model.resolveTable('reports/archive.py', env('ARCHIVE_TABLE'))), 'ArchiveTable', 'a literal followed through custom');
    assert.equal(nameOf(model.resolveTable('reports/archive.py', literal('orders-archive'))), 'ArchiveTable');
  });

  it('gives no table to a variable whose value depends on the stage', () => {
    assert.equal(model.resolveTable('src/orders.ts', env('AUDIT_TABLE')), undefined);
    assert.deepEqual(model.contributionOf('serverless.yml')?.unknownGlobalEnvironment, ['AUDIT_TABLE']);
  });

  it('runs the GSI ConsistentRead check on the handler through the model', () => {
    const analyze = (file: string) => {
      const text = fs.readFileSync(path.join(FIXTURES, 'serverless-app', file), 'utf8');
      const kind = file.endsWith('.py') ? 'python' : 'typescript';
      return analyzeText(text, realHintRules(), { kind, fileName: file, workspace: model }).findings.map((finding) => finding.ruleId);
    };
    assert.ok(analyze('src/orders.ts').includes('dynamodb-workspace-consistent-read-gsi'));
    assert.ok(!analyze('reports/archive.py').includes('dynamodb-workspace-consistent-read-gsi'), 'a GetItem on the base table');
  });
});

describe('Serverless Framework service files, read conservatively', () => {
  it('reads functions without resources, and an unreadable provider environment makes every variable unknown', () => {
    const contribution = index('service: api\nprovider:\n  name: aws\n  environment: ${file(./env.yml)}\nfunctions:\n  list:\n    handler: handler.list\n');
    assert.deepEqual(contribution?.functions.map((found) => [found.logicalName, found.handler, found.codePaths, found.environmentUnreadable]), [['list', 'handler.list', ['svc'], true]]);
    assert.deepEqual(contribution?.tables, []);
  });

  it('does not follow variables from other sources, fallbacks, nested variables or the written stage', () => {
    const text = [
      'service: api',
      'custom:',
      '  name: orders',
      '  prod: { table: orders-prod }',
      'provider:',
      '  name: aws',
      '  stage: dev',
      'functions:',
      '  list:',
      '    handler: handler.list',
      '    environment:',
      '      T_A: ${self:custom.name}',
      '      T_B: ${opt:table}',
      "      T_C: ${self:custom.missing, 'orders'}",
      '      T_D: ${self:custom.${sls:stage}.table}',
      '      T_E: orders-${self:provider.stage}',
      '      T_F: ${env:TABLE}',
      '      T_G: ${ssm:/orders/table}',
      '      T_H: ${self:custom.name}-${self:custom.prod.table}',
      '',
    ].join('\n');
    const fn = index(text)?.functions[0];
    assert.deepEqual(fn?.environment, { T_A: { kind: 'literal', value: 'orders' }, T_H: { kind: 'literal', value: 'orders-orders-prod' } });
    assert.deepEqual(fn?.unknownEnvironment, ['T_B', 'T_C', 'T_D', 'T_E', 'T_F', 'T_G']);
  });

  it('ignores a YAML file that is not a Serverless service and a cycle of self references', () => {
    assert.equal(index('service: api\nprovider:\n  name: google\nfunctions:\n  list:\n    handler: handler.list\n'), undefined);
    assert.equal(index('services:\n  web:\n    image: nginx\n'), undefined);
    const cycle = index('service: api\ncustom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.f\n    environment:\n      TABLE: ${self:custom.a}\n');
    assert.deepEqual(cycle?.functions[0].unknownEnvironment, ['TABLE']);
  });
});

describe('resource fragments a Serverless service includes', () => {
  const fragment = (file: string, lines: string[]) => contributionOf(file, [...lines, ''].join('\n'));

  it('reads a file of one resource under the file’s name, and a file of resources by logical id', () => {
    const db = fragment('resources/reports-db.yml', ['Type: AWS::RDS::DBInstance', 'Properties:', '  Engine: postgres', '  EngineVersion: "16.4"', '  MultiAZ: true']);
    assert.deepEqual(db?.databases.map((found) => [found.kind, found.logicalName, found.engine, found.settings, found.definedAt.line]), [
      ['rds-instance', 'reports-db', 'postgres', { Engine: 'postgres', EngineVersion: '16.4', MultiAZ: true }, 0],
    ]);
    const tables = fragment('resources/tables.yml', [
      'Orders:',
      '  Type: AWS::DynamoDB::Table',
      '  Properties:',
      '    TableName: orders',
      '    BillingMode: PAY_PER_REQUEST',
      '    AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
      '    KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      'Sessions:',
      '  Type: AWS::ElastiCache::ServerlessCache',
      '  Properties:',
      '    Engine: valkey',
    ]);
    assert.deepEqual(tables?.tables.map((table) => [table.logicalName, table.physicalName, table.partitionKey, table.billingMode]), [['Orders', 'orders', { name: 'id', type: 'S' }, 'PAY_PER_REQUEST']]);
    assert.deepEqual(tables?.databases.map((found) => [found.kind, found.logicalName]), [['elasticache-serverless', 'Sessions']]);
  });

  it('leaves a name, a key or a setting written with a Serverless variable unknown', () => {
    const table = fragment('resources/orders.yml', [
      'Type: AWS::DynamoDB::Table',
      'Properties:',
      '  TableName: ${self:custom.tableName}',
      '  BillingMode: ${opt:billing, PROVISIONED}',
      '  AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
      '  KeySchema: [{ AttributeName: "${self:custom.key}", KeyType: HASH }]',
    ])?.tables[0];
    assert.deepEqual([table?.logicalName, table?.physicalName, table?.partitionKey, table?.billingMode], ['orders', undefined, undefined, undefined]);
    const resourcesFile = fragment('resources/tables.yml', ['Resources:', '  Orders:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      TableName: orders-${sls:stage}', 'Outputs:', '  Name:', '    Value: !Ref Orders']);
    assert.deepEqual(resourcesFile?.tables.map((found) => [found.logicalName, found.physicalName]), [['Orders', undefined]]);
    const db = fragment('resources/db.yml', ['Type: AWS::RDS::DBInstance', 'Properties:', '  Engine: ${self:custom.engine}', '  MultiAZ: ${self:custom.multiAz}', '  AllocatedStorage: 20']);
    assert.deepEqual([db?.databases[0].engine, db?.databases[0].settings], [undefined, { AllocatedStorage: 20 }]);
  });

  it('contributes nothing for files shaped like something else', () => {
    const resource = ['  Type: AWS::DynamoDB::Table', '  Properties:', '    TableName: orders'];
    assert.equal(fragment('k8s/table.yaml', ['apiVersion: dynamodb.services.k8s.aws/v1alpha1', 'kind: Table', 'spec:', '  tableName: orders']), undefined);
    assert.equal(fragment('docker-compose.yml', ['x-table:', ...resource, 'services:', '  db:', '    image: amazon/dynamodb-local']), undefined);
    assert.equal(fragment('chart/values.yaml', ['replicaCount: 2', 'table:', ...resource]), undefined);
    assert.equal(fragment('notes.yml', ['Type: AWS::DynamoDB::Table', 'Properties:', '  TableName: orders', 'Owner: data-team']), undefined);
  });
});
