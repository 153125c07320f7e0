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
import { FIXTURES, fixtureModel } from './support';

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
