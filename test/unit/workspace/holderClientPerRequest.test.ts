/**
 * JavaScript, TypeScript and Python, workspace mode: a method of a class of another module that makes a new client on
 * each call (`getClient() { return new DynamoDBClient({}); }`), called on an instance from a route handler or a
 * Lambda handler, makes a client per request or invocation, as a same-file helper does. A method that hands out a
 * client the instance keeps, or makes it once, does not.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const CLIENTS = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  '',
  'export class ClientFactory {',
  '  private shared?: DynamoDBDocumentClient;',
  '',
  '  getClient(): DynamoDBDocumentClient {',
  '    const client = new DynamoDBClient({ region: process.env.AWS_REGION });',
  '    return DynamoDBDocumentClient.from(client);',
  '  }', // 10
  '',
  '  getShared(): DynamoDBDocumentClient {',
  '    if (!this.shared) {',
  '      this.shared = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '    }',
  '    return this.shared;',
  '  }',
  '}',
);

const ROUTES = sourceLines(
  "import express from 'express';",
  "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
  "import { ClientFactory } from './clients';",
  '',
  'const app = express();',
  'const factory = new ClientFactory();',
  '',
  "app.get('/orders/:id', async (req, res) => {",
  '  const client = factory.getClient();',
  "  const { Item } = await client.send(new GetCommand({ TableName: 'orders', Key: { id: req.params.id } }));", // 10
  '  res.json(Item);',
  '});',
  '',
  "app.get('/carts/:id', async (req, res) => {",
  "  const { Item } = await factory.getShared().send(new GetCommand({ TableName: 'carts', Key: { id: req.params.id } }));",
  '  res.json(Item);',
  '});',
  '',
  'export function warmUp(): void {',
  '  factory.getClient();', // 20
  '}',
);

const PER_REQUEST = ['9:getClient client-per-request', '9:getClient client-per-request!'];

describe('JavaScript, TypeScript and Python: a method of a workspace class that makes a client on each call', () => {
  it('counts its call from a route handler as a client per request, not a shared or lazily kept client', () => {
    const hints = hintsOfFile({ 'src/clients.ts': CLIENTS, 'src/routes.ts': ROUTES }, 'src/routes.ts');
    assert.deepEqual(
      hints.filter((hint) => hint.includes('per-')),
      PER_REQUEST,
    );
  });

  it('counts it in a Lambda handler as a client per invocation', () => {
    const handler = sourceLines(
      "import { ClientFactory } from './clients';",
      '',
      'const factory = new ClientFactory();',
      '',
      'export const handler = async (event: { id: string }) => {',
      '  const client = factory.getClient();',
      '  return client.config;',
      '};',
    );
    const hints = hintsOfFile({ 'src/clients.ts': CLIENTS, 'src/handler.ts': handler }, 'src/handler.ts');
    assert.deepEqual(
      hints.filter((hint) => hint.includes('per-')),
      ['6:getClient lambda-client-per-invocation', '6:getClient lambda-client-per-invocation!'],
    );
  });

  it('stays silent without the workspace and for a test double of the module', () => {
    const files = { 'src/clients.ts': CLIENTS, 'src/routes.ts': ROUTES };
    assert.deepEqual(hintsOfFile(files, 'src/routes.ts', null).filter((hint) => hint.includes('per-')), []);
    const mocked = { 'src/__mocks__/clients.ts': CLIENTS, 'src/routes.ts': ROUTES.replace("from './clients'", "from './__mocks__/clients'") };
    assert.deepEqual(hintsOfFile(mocked, 'src/routes.ts').filter((hint) => hint.includes('per-')), []);
  });

  it('counts a Python method called from a Flask view, not one under lru_cache nor one that returns a kept table', () => {
    const tables = sourceLines(
      'from functools import lru_cache',
      '',
      'import boto3',
      '',
      '',
      'class Tables:',
      '    def __init__(self):',
      '        self.shared = boto3.resource("dynamodb").Table("orders")',
      '',
      '    def orders(self):', // 10
      '        return boto3.resource("dynamodb").Table("orders")',
      '',
      '    @lru_cache(maxsize=None)',
      '    def cached(self):',
      '        return boto3.resource("dynamodb").Table("orders")',
      '',
      '    def kept(self):',
      '        return self.shared',
    );
    const views = sourceLines(
      'from flask import Flask',
      '',
      'from app.tables import Tables',
      '',
      'app = Flask(__name__)',
      'tables = Tables()',
      '',
      '',
      '@app.route("/orders/<order_id>")',
      'def order(order_id):', // 10
      '    item = tables.orders().get_item(Key={"id": order_id})',
      '    tables.cached().get_item(Key={"id": order_id})',
      '    tables.kept().get_item(Key={"id": order_id})',
      '    return item',
    );
    const files = { 'app/__init__.py': '', 'app/tables.py': tables, 'app/views.py': views };
    assert.deepEqual(
      hintsOfFile(files, 'app/views.py').filter((hint) => hint.includes('per-')),
      ['11:orders client-per-request', '11:orders client-per-request!'],
    );
  });
});
