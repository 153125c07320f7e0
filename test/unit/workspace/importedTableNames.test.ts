/**
 * A table name a request reads from a name another module binds (a configuration module's `export const
 * ORDERS_TABLE = process.env.ORDERS_TABLE`, a Python `config.py`'s `ORDERS = os.environ["ORDERS_TABLE"]`) names the
 * table that module's value names, read in the importing file's functions' environment; and a Serverless table whose
 * `TableName` writes the same variables as a function's variable is that variable's table.
 */
import * as assert from 'node:assert/strict';
import { jsNameConstants, pythonNameConstants } from '../../../src/hints/engine/workspace/nameConstants';
import { hintsOfFile } from './support';

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  OrdersTable:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      BillingMode: PAY_PER_REQUEST',
  '      AttributeDefinitions:',
  '        - AttributeName: orderId',
  '          AttributeType: S',
  '      KeySchema:',
  '        - AttributeName: orderId',
  '          KeyType: HASH',
  '  ListOrders:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: .',
  '      Handler: src/handlers/list.handler',
  '      Runtime: nodejs20.x',
  '      Environment:',
  '        Variables:',
  '          ORDERS_TABLE: !Ref OrdersTable',
].join('\n');

const TS_REPOSITORY = (importLine: string, table: string): string =>
  [
    "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    importLine,
    '',
    'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    '',
    'export class OrderRepository {',
    '  async byCustomer(customerId: string) {',
    '    const out = await db.send(new QueryCommand({',
    `      TableName: ${table},`,
    "      IndexName: 'byCustomer',",
    "      KeyConditionExpression: 'customerId = :c',",
    "      ExpressionAttributeValues: { ':c': customerId },",
    '    }));',
    '    return out.Items ?? [];',
    '  }',
    '}',
  ].join('\n');

const HANDLER = "import { OrderRepository } from '../repository';\nexport const handler = async () => new OrderRepository().byCustomer('c1');\n";

const undefinedIndex = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('dynamodb-workspace-index-undefined!'));

describe('a table name imported from another module', () => {
  it('names the table an exported environment read names, for the functions that run the importing file', () => {
    for (const config of [
      'export const ORDERS_TABLE = process.env.ORDERS_TABLE;',
      "export const ORDERS_TABLE = process.env.ORDERS_TABLE || 'orders-dev';",
      'export const ORDERS_TABLE: string = process.env["ORDERS_TABLE"]!;',
      'export const ORDERS_TABLE = process.env.ORDERS_TABLE as string;',
    ]) {
      const files = { 'template.yaml': TEMPLATE, 'src/config.ts': config, 'src/repository.ts': TS_REPOSITORY("import { ORDERS_TABLE } from './config';", 'ORDERS_TABLE'), 'src/handlers/list.ts': HANDLER };
      assert.deepEqual(undefinedIndex(files, 'src/repository.ts'), ['11:\'byCustomer\' dynamodb-workspace-index-undefined!'], config);
    }
  });

  it('reads a member of an exported object, a CommonJS export and a literal name', () => {
    const cases: [string, string, string, string][] = [
      ['src/config.ts', 'export const tables = {\n  orders: process.env.ORDERS_TABLE,\n  users: process.env.USERS_TABLE,\n};\n', "import { tables } from './config';", 'tables.orders'],
      ['src/config.ts', 'export default {\n  ordersTable: process.env.ORDERS_TABLE ?? "orders",\n};\n', "import config from './config';", 'config.ordersTable'],
      ['src/config.js', 'module.exports = {\n  ORDERS: process.env.ORDERS_TABLE,\n};\n', "const { ORDERS } = require('./config');", 'ORDERS'],
      ['src/config.js', 'exports.ORDERS = process.env.ORDERS_TABLE;\n', "const config = require('./config');", 'config.ORDERS'],
    ];
    for (const [file, config, importLine, table] of cases) {
      const files = { 'template.yaml': TEMPLATE, [file]: config, 'src/repository.ts': TS_REPOSITORY(importLine, table), 'src/handlers/list.ts': HANDLER };
      assert.deepEqual(undefinedIndex(files, 'src/repository.ts'), ["11:'byCustomer' dynamodb-workspace-index-undefined!"], `${config} / ${table}`);
    }
    const literal = TEMPLATE.replace('      BillingMode', '      TableName: orders\n      BillingMode');
    const files = { 'template.yaml': literal, 'src/names.ts': "export const ORDERS = 'orders';\n", 'src/repository.ts': TS_REPOSITORY("import { ORDERS } from './names';", 'ORDERS') };
    assert.deepEqual(undefinedIndex(files, 'src/repository.ts'), ["11:'byCustomer' dynamodb-workspace-index-undefined!"]);
  });

  it('reads a Python module-level name bound to the environment', () => {
    const repository = [
      'import boto3',
      'from app.config import ORDERS_TABLE',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def handler(event, context):',
      '    return client.query(',
      '        TableName=ORDERS_TABLE,',
      '        IndexName="byCustomer",',
      '        KeyConditionExpression="customerId = :c",',
      '        ExpressionAttributeValues={":c": {"S": event["id"]}},',
      '    )',
    ].join('\n');
    const template = TEMPLATE.replace('Handler: src/handlers/list.handler', 'Handler: app.handler.handler').replace('nodejs20.x', 'python3.12');
    for (const config of ['import os\nORDERS_TABLE = os.environ["ORDERS_TABLE"]\n', 'import os\nORDERS_TABLE = os.environ.get("ORDERS_TABLE", "orders")\n', 'from os import getenv\nORDERS_TABLE = getenv("ORDERS_TABLE") or "orders"\n']) {
      const files = { 'template.yaml': template, 'app/config.py': config, 'app/handler.py': repository };
      assert.deepEqual(undefinedIndex(files, 'app/handler.py'), ['9:"byCustomer" dynamodb-workspace-index-undefined!'], config);
    }
    // The module imported whole, its name read as a member.
    const whole = repository.replace('from app.config import ORDERS_TABLE', 'from app import config').replace('TableName=ORDERS_TABLE', 'TableName=config.ORDERS_TABLE');
    const files = { 'template.yaml': template, 'app/config.py': 'import os\nORDERS_TABLE = os.environ["ORDERS_TABLE"]\n', 'app/handler.py': whole };
    assert.deepEqual(undefinedIndex(files, 'app/handler.py'), ['9:"byCustomer" dynamodb-workspace-index-undefined!']);
    // A table object made with the imported name.
    const resource = ['import boto3', 'from app.config import ORDERS_TABLE', '', 'orders = boto3.resource("dynamodb").Table(ORDERS_TABLE)', '', 'def handler(event, context):', '    return orders.query(IndexName="byCustomer", KeyConditionExpression="customerId = :c")', ''].join('\n');
    const withTable = { 'template.yaml': template, 'app/config.py': 'import os\nORDERS_TABLE = os.environ["ORDERS_TABLE"]\n', 'app/handler.py': resource };
    assert.deepEqual(undefinedIndex(withTable, 'app/handler.py'), ['7:"byCustomer" dynamodb-workspace-index-undefined!']);
  });

  it('names nothing when the module binds the name twice, builds it, or reads another source', () => {
    for (const config of [
      'export const ORDERS_TABLE = `${process.env.STAGE}-orders`;',
      'export const ORDERS_TABLE = getTableName("orders");',
      'export let ORDERS_TABLE = process.env.ORDERS_TABLE;',
    ]) {
      const files = { 'template.yaml': TEMPLATE, 'src/config.ts': config, 'src/repository.ts': TS_REPOSITORY("import { ORDERS_TABLE } from './config';", 'ORDERS_TABLE'), 'src/handlers/list.ts': HANDLER };
      assert.deepEqual(undefinedIndex(files, 'src/repository.ts'), [], config);
    }
    assert.equal(pythonNameConstants('import os\nTABLE = os.environ["A"]\nTABLE = os.environ["B"]\n'), undefined);
    assert.equal(pythonNameConstants('TABLE = environ["A"]\n'), undefined, 'environ not imported from os');
    assert.equal(jsNameConstants('exports.TABLE = process.env.A;\nexports.TABLE = process.env.B;\n'), undefined);
  });

  it('keeps the export paths each form gives, and only one object deep', () => {
    const found = jsNameConstants(['export const config = {', '  table: process.env.T,', '  nested: {', '    deeper: "x",', '  },', "  name: 'orders', // the table", '};'].join('\n'));
    assert.deepEqual(Object.fromEntries(Object.entries(found ?? {}).map(([path, constant]) => [path, constant.value])), {
      'config.table': { kind: 'env', variable: 'T' },
      'config.name': { kind: 'literal', name: 'orders' },
    });
    assert.equal(jsNameConstants('export const config = {\n  table: process.env.T,\n};\nconfig.table = "other";\n'), undefined, 'a member set later');
    const commonJs = jsNameConstants("module.exports = {\n  TABLE: 'orders',\n};\n");
    assert.deepEqual(Object.keys(commonJs ?? {}).sort(), ['TABLE', 'default.TABLE']);
  });
});

describe('a Serverless table named by the same variables as a function variable', () => {
  it('is the table of that variable', () => {
    const service = [
      'service: orders-api',
      'provider:',
      '  name: aws',
      '  runtime: nodejs20.x',
      "  stage: ${opt:stage, 'dev'}",
      '  environment:',
      '    ORDERS_TABLE: ${self:service}-${self:provider.stage}',
      'functions:',
      '  list:',
      '    handler: src/handlers/list.handler',
      'resources:',
      '  Resources:',
      '    OrdersTable:',
      '      Type: AWS::DynamoDB::Table',
      '      Properties:',
      '        TableName: ${self:service}-${self:provider.stage}',
      '        BillingMode: PAY_PER_REQUEST',
      '        AttributeDefinitions:',
      '          - AttributeName: orderId',
      '            AttributeType: S',
      '        KeySchema:',
      '          - AttributeName: orderId',
      '            KeyType: HASH',
    ].join('\n');
    const repository = TS_REPOSITORY('', 'process.env.ORDERS_TABLE');
    const files = { 'serverless.yml': service, 'src/repository.ts': repository, 'src/handlers/list.ts': HANDLER };
    assert.deepEqual(undefinedIndex(files, 'src/repository.ts'), ["11:'byCustomer' dynamodb-workspace-index-undefined!"]);
    // Another text (another stage's table) names another table.
    const other = { ...files, 'serverless.yml': service.replace('TableName: ${self:service}-${self:provider.stage}', 'TableName: ${self:service}-${self:provider.stage}-orders') };
    assert.deepEqual(undefinedIndex(other, 'src/repository.ts'), []);
  });
});
