/**
 * Per-call factories whose return is derived from a client they make: `boto3.resource("dynamodb").Table(name)`,
 * a resource kept in a local first (`dynamodb = boto3.resource(...)`, `table = dynamodb.Table(name)`,
 * `return table`), and lib-dynamodb's `DynamoDBDocumentClient.from(new DynamoDBClient(...))`. Each call of them
 * makes a new client, so a Lambda handler or a request handler that calls one makes one per invocation. Silent:
 * lazy singletons kept in a `global` or a cache dict, a `Table` of a module-level resource, and factories under
 * `@lru_cache` or a decorator of unknown effect.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';
const PER_REQUEST = 'client-per-request!';

function reported(files: Record<string, string>, file: string, rule: string, alone = false): string[] {
  return hints(files, file, alone ? null : undefined).filter((hint) => hint.endsWith(rule));
}

const STORE = sourceLines(
  'import functools',
  'import os',
  '',
  'import boto3',
  '',
  'from .memo import memoize',
  '',
  '_events = None',
  '_by_name = {}',
  'dynamodb = boto3.resource("dynamodb")',
  '',
  'def ledger_table():',
  '    return boto3.resource("dynamodb", region_name=os.environ["AWS_REGION"]).Table(os.environ["LEDGER_TABLE"])',
  '',
  'def accounts_table():',
  '    resource = boto3.resource("dynamodb")',
  '    accounts = resource.Table(os.environ["ACCOUNTS_TABLE"])',
  '    return accounts',
  '',
  'def events_table():',
  '    global _events',
  '    if _events:',
  '        return _events',
  '    resource = boto3.resource("dynamodb")',
  '    table = resource.Table(os.environ["EVENTS_TABLE"])',
  '    _events = table',
  '    return _events',
  '',
  'def named_table(name):',
  '    table = _by_name.get(name)',
  '    if table is None:',
  '        table = boto3.resource("dynamodb").Table(name)',
  '        _by_name[name] = table',
  '    return table',
  '',
  'def shared_table():',
  '    return dynamodb.Table(os.environ["LEDGER_TABLE"])',
  '',
  '@functools.lru_cache(maxsize=None)',
  'def cached_table():',
  '    return boto3.resource("dynamodb").Table(os.environ["LEDGER_TABLE"])',
  '',
  '@memoize',
  'def memo_table():',
  '    return boto3.resource("dynamodb").Table(os.environ["LEDGER_TABLE"])',
);

const HANDLER = sourceLines(
  'import json',
  '',
  'from .store import accounts_table, cached_table, events_table, ledger_table, memo_table, named_table, shared_table',
  '',
  'def handler(event, context):',
  '    body = json.loads(event["body"])',
  '    ledger_table().put_item(Item={"pk": body["id"], "amount": body["amount"]})',
  '    accounts = accounts_table()',
  '    accounts.update_item(Key={"pk": body["account"]}, UpdateExpression="ADD balance :a", ExpressionAttributeValues={":a": body["amount"]})',
  '    events_table().put_item(Item={"pk": body["id"]})',
  '    named_table("audit").put_item(Item={"pk": body["id"]})',
  '    shared_table().get_item(Key={"pk": body["id"]})',
  '    cached_table().get_item(Key={"pk": body["id"]})',
  '    memo_table().get_item(Key={"pk": body["id"]})',
  '    return {"statusCode": 200}',
);

describe('Per-call factories that return an object derived from a client they make', () => {
  const files = { 'src/ledger/store.py': STORE, 'src/ledger/handler.py': HANDLER, 'src/ledger/memo.py': 'def memoize(fn):\n    return fn\n' };

  it('reports a boto3 Table made on every call, inline or through locals, in a Lambda handler', () => {
    assert.deepEqual(reported(files, 'src/ledger/handler.py', PER_INVOCATION), [`7:ledger_table ${PER_INVOCATION}`, `8:accounts_table ${PER_INVOCATION}`]);
    assert.deepEqual(reported(files, 'src/ledger/handler.py', PER_INVOCATION, true), []);
  });

  it('stays silent for lazy singletons, a cache dict, a module-level resource and decorated factories', () => {
    const lines = reported(files, 'src/ledger/handler.py', PER_INVOCATION).map((hint) => hint.split(':')[0]);
    for (const line of ['10', '11', '12', '13', '14']) {
      assert.ok(!lines.includes(line), `line ${line} is not made per call`);
    }
  });

  it('reports the same factory in a Flask view', () => {
    const view = sourceLines(
      'from flask import Blueprint, jsonify',
      'from .store import accounts_table, events_table',
      'bp = Blueprint("accounts", __name__)',
      '@bp.route("/accounts/<account_id>")',
      'def account(account_id):',
      '    kept = events_table()',
      '    item = accounts_table().get_item(Key={"pk": account_id}).get("Item")',
      '    return jsonify(item)',
    );
    assert.deepEqual(reported({ ...files, 'src/ledger/views.py': view }, 'src/ledger/views.py', PER_REQUEST), [`7:accounts_table ${PER_REQUEST}`]);
  });
});

describe('A per-call factory that ends its module (audit app-22)', () => {
  // `return table` as the module's last tokens: nothing follows the local that the factory returns.
  const RESOURCES = sourceLines(
    'from aws_lambda_powertools import Logger',
    'import boto3',
    '',
    'logger = Logger()',
    '',
    'def get_table():',
    '    dynamodb = boto3.resource("dynamodb")',
    '    table = dynamodb.Table("Inventory")',
    '    return table',
  );
  const ROUTES = sourceLines(
    'from aws_lambda_powertools.event_handler import APIGatewayRestResolver',
    'import resources',
    '',
    'def register_routes(app: APIGatewayRestResolver):',
    '    @app.get("/items/<item_id>")',
    '    def get_item(item_id: str):',
    '        table = resources.get_table()',
    '        return table.get_item(Key={"item_id": item_id}).get("Item")',
  );
  const HANDLER = sourceLines(
    'from resources import get_table',
    '',
    'def handler(event, context):',
    '    get_table().put_item(Item={"item_id": event["id"]})',
  );

  it('reports it in a Powertools route registered by a function and in a Lambda handler', () => {
    const files = { 'api/resources.py': RESOURCES, 'api/routes.py': ROUTES, 'api/app.py': HANDLER };
    assert.deepEqual(reported(files, 'api/routes.py', PER_REQUEST), [`7:get_table ${PER_REQUEST}`]);
    assert.deepEqual(reported(files, 'api/app.py', PER_INVOCATION), [`4:get_table ${PER_INVOCATION}`]);
  });

  it('stays silent when the same factory ends its module under @lru_cache', () => {
    const cached = RESOURCES.replace('def get_table():', 'from functools import lru_cache\n\n@lru_cache(maxsize=1)\ndef get_table():');
    const files = { 'api/resources.py': cached, 'api/routes.py': ROUTES, 'api/app.py': HANDLER };
    assert.deepEqual(reported(files, 'api/routes.py', PER_REQUEST), []);
    assert.deepEqual(reported(files, 'api/app.py', PER_INVOCATION), []);
  });

  it('stays silent on a getter of a module imported whole that returns the module\'s shared table', () => {
    const shared = sourceLines('import boto3', '', '_table = boto3.resource("dynamodb").Table("Inventory")', '', 'def get_table():', '    return _table');
    const handler = sourceLines('import resources', '', 'def handler(event, context):', '    resources.get_table().put_item(Item={"item_id": event["id"]})');
    const files = { 'api/resources.py': shared, 'api/routes.py': ROUTES, 'api/app.py': handler };
    assert.deepEqual(reported(files, 'api/routes.py', PER_REQUEST), []);
    assert.deepEqual(reported(files, 'api/app.py', PER_INVOCATION), []);
  });
});

describe('JavaScript factories that wrap or keep in a local the client they make', () => {
  const CLIENTS = sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    "import Redis from 'ioredis';",
    '',
    'let cache: Redis | undefined;',
    'const base = new DynamoDBClient({});',
    '',
    'export function documentClient() {',
    '  const client = new DynamoDBClient({ region: process.env.AWS_REGION });',
    '  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });',
    '}',
    '',
    'export const inlineDocuments = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    '',
    'export function sharedDocuments() {',
    '  return DynamoDBDocumentClient.from(base);',
    '}',
    '',
    'export function redisConnection() {',
    '  const connection = new Redis(process.env.REDIS_URL as string);',
    '  return connection;',
    '}',
    '',
    'export function sharedRedis() {',
    '  if (!cache) {',
    '    cache = new Redis(process.env.REDIS_URL as string);',
    '  }',
    '  return cache;',
    '}',
  );
  const CONTROLLER = sourceLines(
    "import { Controller, Get, Param } from '@nestjs/common';",
    "import { ProfilesService } from './profiles.service';",
    "@Controller('profiles')",
    'export class ProfilesController {',
    '  constructor(private readonly profiles: ProfilesService) {}',
    "  @Get(':id')",
    "  async one(@Param('id') id: string) {",
    '    return this.profiles.byId(id);',
    '  }',
    '}',
  );
  const SERVICE = sourceLines(
    "import { Injectable } from '@nestjs/common';",
    "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
    "import { documentClient, inlineDocuments, sharedDocuments, redisConnection, sharedRedis } from '../db/clients';",
    '@Injectable()',
    'export class ProfilesService {',
    '  async byId(id: string) {',
    '    const cached = await sharedRedis().get(`profile:${id}`);',
    '    if (cached) return JSON.parse(cached);',
    "    const out = await documentClient().send(new GetCommand({ TableName: 'profiles', Key: { id } }));",
    "    await inlineDocuments().send(new GetCommand({ TableName: 'profiles', Key: { id } }));",
    "    await sharedDocuments().send(new GetCommand({ TableName: 'profiles', Key: { id } }));",
    '    await redisConnection().set(`profile:${id}`, JSON.stringify(out.Item), "EX", 60);',
    '    return out.Item;',
    '  }',
    '}',
  );
  const files = { 'src/db/clients.ts': CLIENTS, 'src/profiles/profiles.controller.ts': CONTROLLER, 'src/profiles/profiles.service.ts': SERVICE };

  it('reports a document client wrapped around a new client and a Redis client kept in a local, not shared ones', () => {
    assert.deepEqual(reported(files, 'src/profiles/profiles.service.ts', PER_REQUEST), [
      `10:inlineDocuments ${PER_REQUEST}`,
      `12:redisConnection ${PER_REQUEST}`,
      `9:documentClient ${PER_REQUEST}`,
    ]);
    assert.deepEqual(reported(files, 'src/profiles/profiles.service.ts', PER_REQUEST, true), []);
  });
});
