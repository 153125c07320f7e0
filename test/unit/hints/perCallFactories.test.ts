/**
 * `client-per-request` across modules: a function of another module that makes a new client on every call
 * (`return new DocumentClient()`), called inside a request handler, makes one per request; and a NestJS
 * service method that a controller's route calls runs per request. Silent: getters of a shared client, lazy
 * singletons, provider factories, service methods no route calls, and every file read alone.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, copiedToThread, hintsOfFile as hints, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(files: Record<string, string>, file: string, alone = false): string[] {
  return hints(files, file, alone ? null : undefined).filter((hint) => hint.endsWith(RULE));
}

const FACTORIES = sourceLines(
  "import { DynamoDB } from 'aws-sdk';",
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  'const shared = new DynamoDBClient({});',
  'let lazy: DynamoDBClient | undefined;',
  'export const makeDocs = () => {',
  '  return new DynamoDB.DocumentClient({ region: process.env.REGION });',
  '};',
  'export const makeClient = () => new DynamoDBClient({});',
  'export function sharedClient() {',
  '  return shared;',
  '}',
  'export function lazyClient() {',
  '  if (!lazy) lazy = new DynamoDBClient({});',
  '  return lazy;',
  '}',
);

const CONTROLLER = sourceLines(
  "import { Body, Controller, Get, Post } from '@nestjs/common';",
  "import { OrdersService } from './orders.service';",
  "@Controller('orders')",
  'export class OrdersController {',
  '  constructor(private readonly orders: OrdersService) {}',
  '  @Get()',
  '  async list() {',
  '    return this.orders.list();',
  '  }',
  '  @Post()',
  '  async create(@Body() body: { id: string }) {',
  '    return this.orders.create(body.id);',
  '  }',
  '  helper() {',
  '    return this.orders.report();',
  '  }',
  '}',
);

const SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { makeDocs, makeClient, sharedClient, lazyClient } from '../db/clients';",
  '@Injectable()',
  'export class OrdersService {',
  '  async list() {',
  "    await sharedClient().send(x);",
  "    await lazyClient().send(x);",
  "    return makeDocs().scan({ TableName: 'orders' }).promise();",
  '  }',
  '  async create(id: string) {',
  "    return makeClient().send(put(id));",
  '  }',
  '  async report() {',
  "    return makeDocs().scan({ TableName: 'orders' }).promise();",
  '  }',
  '}',
);

describe('Clients made per call by another module, in per-request code', () => {
  const files = { 'src/db/clients.ts': FACTORIES, 'src/orders/orders.controller.ts': CONTROLLER, 'src/orders/orders.service.ts': SERVICE };

  it('reports a per-call factory in the service methods NestJS routes call, not getters, lazy singletons or unrouted methods', () => {
    assert.deepEqual(reported(files, 'src/orders/orders.service.ts'), [`11:makeClient ${RULE}`, `8:makeDocs ${RULE}`]);
    assert.deepEqual(reported(files, 'src/orders/orders.service.ts', true), []);
  });

  it('indexes the service methods the routes of a controller call, and keeps them through a snapshot', () => {
    assert.deepEqual(contributionOf('src/orders/orders.controller.ts', CONTROLLER)?.routeCalls, [{ module: './orders.service', path: 'OrdersService', methods: ['list', 'create'] }]);
    const model = copiedToThread(workspaceOf(files));
    assert.deepEqual(model.routeCalledMethods('src/orders/orders.service.ts', 'OrdersService'), ['list', 'create']);
    assert.deepEqual(model.routeCalledMethods('src/orders/orders.service.ts', 'OtherService'), []);
  });

  it('stays silent without a route decorator, for a test controller, and for a provider factory', () => {
    const undecorated = CONTROLLER.replace('  @Get()\n', '').replace('  @Post()\n', '');
    assert.deepEqual(reported({ ...files, 'src/orders/orders.controller.ts': undecorated }, 'src/orders/orders.service.ts'), []);
    const tested = { 'src/db/clients.ts': FACTORIES, 'src/orders/orders.controller.spec.ts': CONTROLLER, 'src/orders/orders.service.ts': SERVICE };
    assert.deepEqual(reported(tested, 'src/orders/orders.service.ts'), []);
    const module = sourceLines(
      "import { Module } from '@nestjs/common';",
      "import { makeDocs } from '../db/clients';",
      '@Module({',
      "  providers: [{ provide: 'DOCS', useFactory: () => makeDocs() }],",
      '})',
      'export class OrdersModule {}',
    );
    assert.deepEqual(reported({ ...files, 'src/orders/orders.module.ts': module }, 'src/orders/orders.module.ts'), []);
  });

  it('reports a per-call factory inside a route method of a controller and an Express handler', () => {
    const controller = sourceLines(
      "import { Controller, Get } from '@nestjs/common';",
      "import { makeDocs, sharedClient } from '../db/clients';",
      "@Controller('stock')",
      'export class StockController {',
      '  @Get()',
      '  async all() {',
      '    await sharedClient().send(x);',
      "    return makeDocs().scan({ TableName: 'stock' }).promise();",
      '  }',
      '}',
    );
    assert.deepEqual(reported({ 'src/db/clients.ts': FACTORIES, 'src/stock/stock.controller.ts': controller }, 'src/stock/stock.controller.ts'), [`8:makeDocs ${RULE}`]);
    const express = sourceLines(
      "const { makeClient, lazyClient } = require('../db/clients');",
      "router.get('/stock', async (req, res) => {",
      '  const fresh = makeClient();',
      '  const kept = lazyClient();',
      '  res.json(await fresh.send(x));',
      '});',
    );
    assert.deepEqual(reported({ 'src/db/clients.ts': FACTORIES, 'src/routes/stock.js': express }, 'src/routes/stock.js'), [`3:makeClient ${RULE}`]);
  });

  it('reports a Python module function that returns a new client, called in a view', () => {
    const clients = sourceLines('import boto3', '_shared = boto3.client("dynamodb")', 'def make_client():', '    return boto3.client("dynamodb")', 'def shared_client():', '    return _shared');
    const views = sourceLines(
      'from fastapi import APIRouter',
      'from app.clients import make_client, shared_client',
      'router = APIRouter()',
      '@router.get("/items")',
      'def items():',
      '    fresh = make_client()',
      '    kept = shared_client()',
      '    return fresh.scan(TableName="items")',
    );
    assert.deepEqual(reported({ 'app/clients.py': clients, 'app/views.py': views }, 'app/views.py'), [`6:make_client ${RULE}`]);
  });
});

describe('Python classes made per request in another module', () => {
  const CACHE = sourceLines(
    'import boto3',
    '',
    'class OrderCache:',
    '    def __init__(self):',
    '        session = boto3.Session(region_name="eu-west-1")',
    '        self.client = session.client("dynamodb")',
    '',
    'class ReportCache:',
    '    def __init__(self):',
    '        self.client = boto3.client("dynamodb")',
  );
  const LOGIC = sourceLines('from app.cache import OrderCache', '', 'class OrderLogic:', '    def __init__(self):', '        self.cache = OrderCache()');
  const ROUTES = sourceLines(
    'from fastapi import APIRouter, Depends',
    'from app.logic import OrderLogic',
    'router = APIRouter()',
    '@router.get("/orders")',
    'def orders(logic: OrderLogic = Depends(OrderLogic)):',
    '    return logic.cache.client.scan(TableName="orders")',
  );

  it('reports a client a constructor makes two modules below a FastAPI dependency, not in a class no request makes', () => {
    const files = { 'app/cache.py': CACHE, 'app/logic.py': LOGIC, 'app/routes.py': ROUTES };
    assert.deepEqual(reported(files, 'app/cache.py'), [`6:client ${RULE}`]);
    assert.deepEqual(reported(files, 'app/cache.py', true), []);
  });

  it('indexes the imported classes made per request and those each constructor makes', () => {
    const logic = { module: 'app.logic', path: 'OrderLogic' };
    assert.deepEqual(contributionOf('app/routes.py', ROUTES)?.requestClasses, { perRequest: [logic], constructors: {}, dependencies: [logic] });
    assert.deepEqual(contributionOf('app/logic.py', LOGIC)?.requestClasses, { perRequest: [], constructors: { OrderLogic: [{ module: 'app.cache', path: 'OrderCache' }] } });
    const model = workspaceOf({ 'app/cache.py': CACHE, 'app/logic.py': LOGIC, 'app/routes.py': ROUTES });
    assert.deepEqual(model.perRequestClasses('app/cache.py'), ['OrderCache']);
  });

  it('stays silent when the dependency is made once (a module-level instance) or only a test depends on it', () => {
    const once = sourceLines('from app.cache import OrderCache', '', 'class OrderLogic:', '    def __init__(self):', '        self.cache = OrderCache()', '', 'logic = OrderLogic()');
    const routes = ROUTES.replace('Depends(OrderLogic)', 'Depends(lambda: logic)').replace('from app.logic import OrderLogic', 'from app.logic import OrderLogic, logic');
    assert.deepEqual(reported({ 'app/cache.py': CACHE, 'app/logic.py': once, 'app/routes.py': routes }, 'app/cache.py'), []);
    assert.deepEqual(reported({ 'app/cache.py': CACHE, 'app/logic.py': LOGIC, 'tests/test_routes.py': ROUTES }, 'app/cache.py'), []);
  });
});

describe('FastAPI dependency functions of another module', () => {
  const DEPS = sourceLines(
    'from functools import lru_cache',
    'import boto3',
    '',
    'def get_table():',
    '    return boto3.resource("dynamodb").Table("orders")',
    '',
    '@lru_cache',
    'def get_client():',
    '    return boto3.client("dynamodb")',
    '',
    'def make_admin_client():',
    '    return boto3.client("dynamodb")',
  );
  const ROUTES = sourceLines(
    'from fastapi import APIRouter, Depends',
    'from app.deps import get_client, get_table',
    'router = APIRouter()',
    '@router.get("/orders")',
    'def orders(table=Depends(get_table), client=Depends(get_client)):',
    '    return table.scan()["Items"]',
  );

  it('reports the client a dependency function makes on every request, not a cached one or a function no route depends on', () => {
    assert.deepEqual(reported({ 'app/deps.py': DEPS, 'app/routes.py': ROUTES }, 'app/deps.py'), [`5:resource ${RULE}`]);
    assert.deepEqual(reported({ 'app/deps.py': DEPS, 'app/routes.py': ROUTES }, 'app/deps.py', true), []);
    assert.deepEqual(reported({ 'app/deps.py': DEPS, 'tests/test_routes.py': ROUTES }, 'app/deps.py'), []);
  });
});
