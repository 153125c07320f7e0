/**
 * Module-level CDK functions that return the construct they make (`export function createTable(stack, id, pk) { const
 * table = new dynamodb.Table(stack, id, { … }); return table }`, Python `def create_table(scope): … return table`):
 * a call of one in another file gives that construct, so a stack's `orders.grantFullAccess(fn)` on it is read as a
 * table's grant. What must stay silent: a function that returns another construct or an object of several, one
 * whose returns disagree, one whose returned name is bound twice, an async function, a nested function's return,
 * and the call without the workspace.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const STORES = lines(
  "import * as cdk from 'aws-cdk-lib';",
  "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
  "import * as rds from 'aws-cdk-lib/aws-rds';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  '',
  'export function createTable(stack: cdk.Stack, id: string, key: string) {',
  "  const table = new dynamodb.Table(stack, id, { partitionKey: { name: key, type: dynamodb.AttributeType.STRING } });",
  '  return table;',
  '}',
  'export const createLedger = (stack: cdk.Stack): dynamodb.TableV2 => {',
  "  return new dynamodb.TableV2(stack, 'Ledger', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
  '};',
  'export function createCluster(stack: cdk.Stack, vpc: any) {',
  "  return new rds.DatabaseCluster(stack, 'Db', { engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }), vpc });",
  '}',
  'export function createAssets(stack: cdk.Stack) {',
  "  new dynamodb.Table(stack, 'Index', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } });",
  "  const bucket = new s3.Bucket(stack, 'Assets');",
  '  return bucket;',
  '}',
  'export function createPair(stack: cdk.Stack) {',
  "  const table = new dynamodb.Table(stack, 'Pair', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } });",
  '  return { table };',
  '}',
  'export function createEither(stack: cdk.Stack, legacy: boolean) {',
  '  if (legacy) {',
  "    return new dynamodb.Table(stack, 'Old', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } });",
  '  }',
  "  return new s3.Bucket(stack, 'New');",
  '}',
  'export function createRebound(stack: cdk.Stack, other: any) {',
  "  let table = new dynamodb.Table(stack, 'Rebound', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } });",
  '  table = other;',
  '  return table;',
  '}',
  'export async function createLater(stack: cdk.Stack) {',
  "  return new dynamodb.Table(stack, 'Later', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } });",
  '}',
  'export function createFactory(stack: cdk.Stack) {',
  "  return () => { return new dynamodb.Table(stack, 'Made', { partitionKey: { name: 'k', type: dynamodb.AttributeType.STRING } }); };",
  '}',
);

const STACK = lines(
  "import * as cdk from 'aws-cdk-lib';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import { createAssets, createCluster, createEither, createFactory, createLater, createLedger, createPair, createRebound, createTable } from './resources/stores';",
  '',
  'export class AppStack extends cdk.Stack {',
  '  constructor(scope: any, id: string, fn: lambda.IFunction, vpc: any) {',
  '    super(scope, id);',
  "    createTable(this, 'Orders', 'orderId').grantFullAccess(fn);",
  "    const orders = createTable(this, 'Orders2', 'orderId');",
  '    orders.grantReadData(fn);',
  '    createLedger(this).grantWriteData(fn);',
  "    createCluster(this, vpc).addProxy('Proxy', { secrets: [], vpc, requireTLS: false });",
  '    createAssets(this).grantReadWrite(fn);',
  '    createPair(this).table.grantFullAccess(fn);',
  '    createEither(this, true).grantFullAccess(fn);',
  '    createRebound(this, fn).grantFullAccess(fn);',
  '    createFactory(this).grantFullAccess(fn);',
  '  }',
  '}',
);

const STORES_FILE = 'lib/resources/stores.ts';
const STACK_FILE = 'lib/app-stack.ts';

describe('CDK functions that return the construct they make', () => {
  it('records each function whose every return gives one construct class', () => {
    assert.deepEqual(contributionOf(STORES_FILE, STORES)?.cdkConstructSubclasses, {
      createTable: 'aws_dynamodb.Table',
      createLedger: 'aws_dynamodb.TableV2',
      createCluster: 'aws_rds.DatabaseCluster',
      createAssets: 'aws_s3.Bucket',
    });
  });

  it("reads what a stack of another file does with the construct a call gives, and nothing else's", () => {
    const hints = hintsOfFile({ [STORES_FILE]: STORES, [STACK_FILE]: STACK }, STACK_FILE);
    assert.deepEqual(hints, [
      '10:grantReadData dynamodb-grant',
      '11:grantWriteData dynamodb-grant',
      '12:addProxy rds-proxy',
      '12:requireTLS rds-proxy-require-tls',
      '12:requireTLS rds-proxy-require-tls!',
      '8:grantFullAccess dynamodb-grant',
      '8:grantFullAccess dynamodb-grant!',
    ]);
    assert.deepEqual(hintsOfFile({ [STACK_FILE]: STACK }, STACK_FILE), [], 'the functions are not in the workspace');
  });

  it('records an arrow whose body is the construction, not one that reads a member of it or returns a function', () => {
    const stores = lines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export const createOutbox = (scope: Construct): dynamodb.Table =>',
      "  new dynamodb.Table(scope, 'Outbox', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } })",
      "export const outboxName = (scope: Construct) => new dynamodb.Table(scope, 'Named', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } }).tableName;",
      "export const later = (scope: Construct) => () => new dynamodb.Table(scope, 'Later', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
    );
    assert.deepEqual(contributionOf(STORES_FILE, stores)?.cdkConstructSubclasses, { createOutbox: 'aws_dynamodb.Table' });
  });

  it('reads a Python function of another module that returns the construct it makes', () => {
    const stores = lines(
      'from aws_cdk import aws_dynamodb as dynamodb',
      'from aws_cdk import aws_sqs as sqs',
      '',
      'def create_table(scope) -> dynamodb.Table:',
      '    table = dynamodb.Table(scope, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
      '    return table',
      '',
      'def create_queue(scope):',
      '    dynamodb.Table(scope, "Failures", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
      '    return sqs.Queue(scope, "Work")',
      '',
      'async def create_later(scope):',
      '    return dynamodb.Table(scope, "Later", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
    );
    const stack = lines(
      'from aws_cdk import Stack',
      'from resources.stores import create_later, create_queue, create_table',
      '',
      'class AppStack(Stack):',
      '    def __init__(self, scope, construct_id, fn):',
      '        super().__init__(scope, construct_id)',
      '        orders = create_table(self)',
      '        orders.grant_full_access(fn)',
      '        create_queue(self).grant_send_messages(fn)',
      '        create_later(self).grant_full_access(fn)',
    );
    assert.deepEqual(contributionOf('resources/stores.py', stores)?.cdkConstructSubclasses, { create_table: 'aws_dynamodb.Table', create_queue: 'aws_sqs.Queue' });
    assert.deepEqual(hintsOfFile({ 'resources/stores.py': stores, 'stacks/app_stack.py': stack }, 'stacks/app_stack.py'), [
      '8:grant_full_access dynamodb-grant',
      '8:grant_full_access dynamodb-grant!',
    ]);
  });

  it('reads a default-exported function through a default import', () => {
    const declared = lines(
      "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
      'const configureRedis = (stack: any, name: string) => {',
      "  const group = new elasticache.CfnReplicationGroup(stack, name, { replicationGroupDescription: name, engine: 'redis' });",
      '  return group;',
      '};',
      'export default configureRedis;',
    );
    const inline = lines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export default function makeTable(stack: any) {',
      "  return new dynamodb.Table(stack, 'Made', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
      '}',
    );
    assert.deepEqual(contributionOf('lib/redis.ts', declared)?.cdkConstructSubclasses, { configureRedis: 'aws_elasticache.CfnReplicationGroup', default: 'aws_elasticache.CfnReplicationGroup' });
    const stack = lines(
      "import makeTable from './table';",
      'export function wire(stack: any, fn: any) {',
      '  makeTable(stack).grantFullAccess(fn);',
      '}',
    );
    assert.deepEqual(hintsOfFile({ 'lib/table.ts': inline, 'lib/wire.ts': stack }, 'lib/wire.ts'), ['3:grantFullAccess dynamodb-grant', '3:grantFullAccess dynamodb-grant!']);
  });

  it('keeps reading the props a call hands a function that also returns its construct', () => {
    const stores = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export function makeTable(stack: cdk.Stack, props: dynamodb.TableProps) {',
      "  const table = new dynamodb.Table(stack, 'Made', props);",
      '  return table;',
      '}',
    );
    const stack = lines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { makeTable } from './stores';",
      'export class AppStack extends cdk.Stack {',
      '  constructor(scope: any, id: string, fn: any) {',
      '    super(scope, id);',
      '    const made = makeTable(this, {',
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '    });',
      '    made.grantReadData(fn);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfFile({ 'lib/stores.ts': stores, 'lib/app-stack.ts': stack }, 'lib/app-stack.ts'), [
      '10:grantReadData dynamodb-grant',
      '8:partitionKey dynamodb-key-schema',
    ]);
  });
});
