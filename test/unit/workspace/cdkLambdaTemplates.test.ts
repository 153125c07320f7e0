/**
 * CDK: Lambda functions a factory of another file makes from what its callers pass (an exported arrow or function,
 * a class that extends `NodejsFunction`, a construct that makes one in its constructor), one per call, defined at the
 * call, with the entry, handler and environment the call gives (`cdkLambdaTemplates.ts`, `cdkLambdaExpansion.ts`).
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile, workspaceOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const functionsOf = (files: Record<string, string>): unknown[] =>
  workspaceOf(files)
    .functions()
    .map((fn) => [fn.logicalName, fn.codePaths, fn.codePathsFromApp, fn.handler, fn.environment, fn.unknownEnvironment, fn.environmentUnreadable, fn.definedAt.file]);

const ARROW_FACTORY = lines(
  "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
  "import { join } from 'path';",
  'export const createFunction = (scope: Construct, name: string, file: string, env?: { [key: string]: string }): NodejsFunction =>',
  '  new NodejsFunction(scope, name, {',
  "    entry: join(__dirname, '../../handlers/' + file),",
  "    environment: { STAGE: 'prod', ...env },",
  '  });',
);

const ORDERS_STACK = lines(
  "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
  "import { createFunction } from './helpers/lambda';",
  'export class OrdersStack extends Stack {',
  '  constructor(scope, id) {',
  '    super(scope, id);',
  "    const orders = new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING } });",
  "    createFunction(this, 'GetOrder', 'get-order.ts', { ORDERS_TABLE: orders.tableName, REGION: this.region });",
  "    createFunction(this, 'Health', 'health.ts');",
  '  }',
  '}',
);

describe('CDK Lambda factories of other files', () => {
  it('makes one function per call of an imported arrow, with the entry it joins and the environment the call spreads in', () => {
    assert.deepEqual(functionsOf({ 'infra/lib/helpers/lambda.ts': ARROW_FACTORY, 'infra/lib/orders.ts': ORDERS_STACK }), [
      ['GetOrder', ['infra/handlers/get-order.ts'], undefined, 'handler', { STAGE: { kind: 'literal', value: 'prod' }, ORDERS_TABLE: { kind: 'table', logicalName: 'Orders' } }, ['REGION'], undefined, 'infra/lib/orders.ts'],
      ['Health', ['infra/handlers/health.ts'], undefined, 'handler', { STAGE: { kind: 'literal', value: 'prod' } }, undefined, undefined, 'infra/lib/orders.ts'],
    ]);
  });

  it('keeps the factory’s own function, which knows none of it, where nothing calls the factory', () => {
    const [fn] = workspaceOf({ 'infra/lib/helpers/lambda.ts': ARROW_FACTORY }).functions();
    assert.deepEqual([fn.logicalName, fn.codePaths, fn.definedAt.file], ['', [], 'infra/lib/helpers/lambda.ts']);
  });

  it('reads a class that extends NodejsFunction at each construction, its entry written from a member of its props', () => {
    const subclass = lines(
      "import * as lambdaNode from 'aws-cdk-lib/aws-lambda-nodejs';",
      'export class AppFunction extends lambdaNode.NodejsFunction {',
      '  constructor(scope: Construct, name: string, props: AppFunctionProps) {',
      '    super(scope, name, {',
      '      entry: `src/${props.entryFileName}.ts`,',
      '      environment: props.environment,',
      '    });',
      '  }',
      '}',
    );
    const stack = lines(
      "import { TableV2, AttributeType } from 'aws-cdk-lib/aws-dynamodb';",
      "import { AppFunction } from './constructs/app-function';",
      'export class ApiStack extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const carts = new TableV2(this, 'Carts', { partitionKey: { name: 'cartId', type: AttributeType.STRING } });",
      '    const environment = { CARTS_TABLE: carts.tableName };',
      "    new AppFunction(this, 'AddItem', { entryFileName: 'carts/add-item', environment });",
      "    new AppFunction(this, 'Ping', { entryFileName: 'ping' });",
      '  }',
      '}',
    );
    assert.deepEqual(functionsOf({ 'backend/lib/constructs/app-function.ts': subclass, 'backend/lib/api.ts': stack }), [
      ['AddItem', [], ['src/carts/add-item.ts'], 'handler', { CARTS_TABLE: { kind: 'table', logicalName: 'Carts' } }, undefined, undefined, 'backend/lib/api.ts'],
      ['Ping', [], ['src/ping.ts'], 'handler', {}, undefined, undefined, 'backend/lib/api.ts'],
    ]);
  });

  it('reads a construct that makes the function in its constructor from a folder and a table the call passes in its props', () => {
    const wrapper = lines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      'export class ApiFunction extends Construct {',
      '  constructor(scope: Construct, id: string, props: { source: string; table: dynamodb.ITable; handler?: string }) {',
      '    super(scope, id);',
      "    const audit = new dynamodb.Table(this, 'Audit', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "    this.fn = new lambda.Function(this, 'Fn', {",
      '      code: lambda.Code.fromAsset(props.source),',
      "      handler: 'index.handler',",
      '      environment: { TABLE_NAME: props.table.tableName, AUDIT_TABLE: audit.tableName },',
      '    });',
      '  }',
      '}',
    );
    const stack = lines(
      "import * as path from 'path';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { ApiFunction } from '../constructs/api-function';",
      'export class ShopStack extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const products = new dynamodb.Table(this, 'Products', { partitionKey: { name: 'sku', type: dynamodb.AttributeType.STRING } });",
      "    const folder = path.join(__dirname, '../../services');",
      "    new ApiFunction(this, 'ListProducts', { source: path.join(folder, 'products'), table: products });",
      '  }',
      '}',
    );
    const functions = workspaceOf({ 'cdk/constructs/api-function.ts': wrapper, 'cdk/stacks/shop.ts': stack }).functions();
    assert.deepEqual(
      functions.map((fn) => [fn.logicalName, fn.codePaths, fn.handler, fn.environment, fn.definedAt.file]),
      [['Fn', ['services/products'], 'index.handler', { TABLE_NAME: { kind: 'table', logicalName: 'Products' }, AUDIT_TABLE: { kind: 'table', logicalName: 'Audit', file: 'cdk/constructs/api-function.ts' } }, 'cdk/stacks/shop.ts']],
    );
  });

  it('follows the import through a module that passes the construct on, and a `path` imported as a default', () => {
    const wrapper = lines(
      "import { NodejsFunction, NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';",
      'export class Handler extends Construct {',
      '  constructor(scope: Construct, id: string, props: NodejsFunctionProps) {',
      '    super(scope, id);',
      '    this.fn = new NodejsFunction(this, id, { entry: props.entry, environment: props.environment });',
      '  }',
      '}',
    );
    const stack = lines(
      "import path from 'path';",
      "import { Table, AttributeType } from 'aws-cdk-lib/aws-dynamodb';",
      "import { Handler } from './shared';",
      'export class Visits extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const visits = new Table(this, 'Visits', { partitionKey: { name: 'pk', type: AttributeType.STRING } });",
      "    new Handler(this, 'CountVisit', { entry: path.join(__dirname, '/../lambdas/count.ts'), environment: { VISITS_TABLE: visits.tableName } });",
      '  }',
      '}',
    );
    const files = { 'cdk/lib/shared/handler.ts': wrapper, 'cdk/lib/shared/index.ts': "export * from './handler';\n", 'cdk/lib/visits.ts': stack };
    assert.deepEqual(
      workspaceOf(files).functions().map((fn) => [fn.logicalName, fn.codePaths, fn.environment]),
      [['CountVisit', ['cdk/lambdas/count.ts'], { VISITS_TABLE: { kind: 'table', logicalName: 'Visits' } }]],
    );
  });

  it('reads a factory imported through a tsconfig path alias, called with a folder a name holds', () => {
    const factory = lines(
      "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      'export function makeNodeFunction(scope: Construct, id: string, entry: string, environment: Record<string, string> = {}) {',
      '  return new NodejsFunction(scope, id, { entry, environment });',
      '}',
    );
    const stack = lines(
      "import * as path from 'path';",
      "import { Table, AttributeType } from 'aws-cdk-lib/aws-dynamodb';",
      "import { makeNodeFunction } from '~/factories/node-function';",
      'export class Catalog extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    const items = new Table(this, 'Items', { partitionKey: { name: 'id', type: AttributeType.STRING } });",
      "    const folder = path.join(__dirname, '..', 'lambda', 'items');",
      "    makeNodeFunction(this, 'FetchItems', path.join(folder, 'fetch.ts'), { ITEMS_TABLE: items.tableName });",
      '  }',
      '}',
    );
    const files = {
      'app/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }\n',
      'app/src/factories/node-function.ts': factory,
      'app/src/stacks/catalog.ts': stack,
    };
    assert.deepEqual(
      workspaceOf(files).functions().map((fn) => [fn.logicalName, fn.codePaths, fn.environment]),
      [['FetchItems', ['app/src/lambda/items/fetch.ts'], { ITEMS_TABLE: { kind: 'table', logicalName: 'Items' } }]],
    );
  });

  it('judges a handler with the table its factory-made function names: a Key of other attributes is reported', () => {
    const handler = lines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export const handler = async (event) => {',
      '  const { Item } = await db.send(new GetCommand({ TableName: process.env.ORDERS_TABLE, Key: { orderId: event.id } }));',
      '  return Item;',
      '};',
    );
    const files = { 'infra/lib/helpers/lambda.ts': ARROW_FACTORY, 'infra/lib/orders.ts': ORDERS_STACK, 'infra/handlers/get-order.ts': handler };
    const keyFindings = (view?: null) => hintsOfFile(files, 'infra/handlers/get-order.ts', view).filter((hint) => hint.endsWith('dynamodb-workspace-key-attributes!'));
    assert.deepEqual(keyFindings(), ['5:Key dynamodb-workspace-key-attributes!', '5:orderId dynamodb-workspace-key-attributes!']);
    assert.deepEqual(keyFindings(null), []);
  });

  it('names the table a function of another module makes and returns, where that module makes one table', () => {
    const tables = lines(
      "import { Table, AttributeType } from 'aws-cdk-lib/aws-dynamodb';",
      'export const createOrdersTable = (scope: Construct) =>',
      "  new Table(scope, 'Orders', { partitionKey: { name: 'pk', type: AttributeType.STRING }, sortKey: { name: 'sk', type: AttributeType.STRING } });",
    );
    const stack = lines(
      "import { Stack } from 'aws-cdk-lib';",
      "import { createFunction } from './helpers/lambda';",
      "import { createOrdersTable } from './tables';",
      'export class OrdersStack extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      '    const orders = createOrdersTable(this);',
      "    createFunction(this, 'GetOrder', 'get-order.ts', { ORDERS_TABLE: orders.tableName });",
      '  }',
      '}',
    );
    const handler = lines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export const handler = async (event) => (await db.send(new GetCommand({ TableName: process.env.ORDERS_TABLE, Key: { orderId: event.id } }))).Item;',
    );
    const files = { 'infra/lib/helpers/lambda.ts': ARROW_FACTORY, 'infra/lib/tables.ts': tables, 'infra/lib/orders.ts': stack, 'infra/handlers/get-order.ts': handler };
    assert.deepEqual(workspaceOf(files).functions()[0].environment.ORDERS_TABLE, { kind: 'exported', module: './tables', path: 'createOrdersTable' });
    assert.deepEqual(hintsOfFile(files, 'infra/handlers/get-order.ts').filter((hint) => hint.endsWith('key-attributes!')), ['4:Key dynamodb-workspace-key-attributes!', '4:orderId dynamodb-workspace-key-attributes!']);
    const twoTables = tables + "export const audit = (scope: Construct) => new Table(scope, 'Audit', { partitionKey: { name: 'id', type: AttributeType.STRING } });\n";
    assert.deepEqual(hintsOfFile({ ...files, 'infra/lib/tables.ts': twoTables }, 'infra/handlers/get-order.ts').filter((hint) => hint.endsWith('key-attributes!')), [], 'two tables: which one is not known');
  });

  it('makes nothing of a call that is not the kind of the factory, of an imported function that makes no function, or of an unknown id', () => {
    const stack = lines(
      "import { createFunction, describeStage } from './helpers/lambda';",
      'export class Stack2 extends Stack {',
      '  constructor(scope, id) {',
      '    super(scope, id);',
      "    new createFunction(this, 'Odd', 'odd.ts');",
      "    describeStage(this, 'prod');",
      '  }',
      '}',
    );
    const functions = workspaceOf({ 'infra/lib/helpers/lambda.ts': ARROW_FACTORY, 'infra/lib/stack2.ts': stack }).functions();
    assert.deepEqual(
      functions.map((fn) => [fn.logicalName, fn.definedAt.file]),
      [['', 'infra/lib/helpers/lambda.ts']],
    );
  });
});
