/**
 * Workspace mode, JavaScript, TypeScript and Python: a Lambda handler that constructs a class another module
 * exports (`new OrderRepository()`, `OrderRepository()`), whose constructor makes a client and keeps it on the
 * instance, makes a client per invocation, reported at the construction. Silent: a class that keeps its client
 * statically or is given it, and an instance the handler's module keeps at module level.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const RULE = 'lambda-client-per-invocation!';

const REPOSITORIES = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'export class OrderRepository {',
  '  private readonly doc: DynamoDBDocumentClient;',
  '  constructor() {',
  '    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '  }',
  '  get(id: string) {',
  '    return this.doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { id } }));', // 10
  '  }',
  '}',
  '',
  'export class SharedRepository {',
  '  private static doc?: DynamoDBDocumentClient;',
  '  constructor() {',
  '    SharedRepository.doc ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '  }',
  '}',
  '', // 20
  'export class InjectedRepository {',
  '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
  '}',
);

const HANDLER = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  "import { InjectedRepository, OrderRepository, SharedRepository } from './repositories';",
  '',
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const kept = new OrderRepository();',
  '',
  'export const handler = async (event: { id: string }) => {',
  '  const repo = new OrderRepository();',
  '  new SharedRepository();', // 10
  '  new InjectedRepository(doc);',
  '  await kept.get(event.id);',
  '  return repo.get(event.id);',
  '};',
);

const PY_REPOSITORY = sourceLines(
  'import os',
  'import boto3',
  '',
  'class OrderRepository:',
  '    def __init__(self):',
  '        self.table = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
  '',
  '    def get(self, order_id):',
  '        return self.table.get_item(Key={"id": order_id}).get("Item")',
  '', // 10
  'class InjectedRepository:',
  '    def __init__(self, table):',
  '        self.table = table',
);

const PY_HANDLER = sourceLines(
  'import boto3',
  'from app.repository import InjectedRepository, OrderRepository',
  '',
  'kept = OrderRepository()',
  '',
  'def handler(event, context):',
  '    repo = OrderRepository()',
  '    InjectedRepository(boto3.resource("dynamodb").Table("orders"))',
  '    kept.get(event["id"])',
  '    return repo.get(event["id"])', // 10
);

function reported(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith(RULE));
}

describe('Workspace: a Lambda handler constructing another module\'s class whose constructor makes a client', () => {
  it('reports the construction of a TypeScript class that keeps a new client on the instance, not a static or injected one', () => {
    assert.deepEqual(reported({ 'src/repositories.ts': REPOSITORIES, 'src/handler.ts': HANDLER }, 'src/handler.ts'), [`9:OrderRepository ${RULE}`]);
  });

  it('reports the construction of a Python class whose __init__ keeps a boto3 table on self', () => {
    assert.deepEqual(reported({ 'app/repository.py': PY_REPOSITORY, 'app/handler.py': PY_HANDLER }, 'app/handler.py'), [`7:OrderRepository ${RULE}`, `8:resource ${RULE}`]);
  });

  it('follows a package that re-exports the class, and a constructor parameter the client does not use', () => {
    const files = {
      'src/repository/dynamo_repository.py': sourceLines('import boto3', 'class DynamoRepository:', '    def __init__(self, table_name: str):', '        self.dynamodb = boto3.client("dynamodb")', '        self.table_name = table_name'),
      'src/repository/__init__.py': sourceLines('from .dynamo_repository import DynamoRepository', '__all__ = ["DynamoRepository"]'),
      'src/handler.py': sourceLines(
        'import os',
        'from src.repository import DynamoRepository',
        'def lambda_handler(event, context):',
        '    repo = DynamoRepository(os.environ["TABLE"])',
        '    return repo.dynamodb.get_item(TableName=repo.table_name, Key={"id": {"S": event["id"]}})',
      ),
    };
    assert.deepEqual(reported(files, 'src/handler.py'), [`4:DynamoRepository ${RULE}`]);
  });

  it('reads a CommonJS module that exports the class as itself, required at the top or inside the handler, and through a service class', () => {
    const files = {
      'functions/modules/dbManager.js': sourceLines(
        "const AWS = require('aws-sdk');",
        'class DbManager {',
        '  constructor() {',
        "    this.client = new AWS.DynamoDB.DocumentClient({ region: process.env.REGION });",
        '  }',
        '  listUsers() {',
        "    return this.client.query({ TableName: 'users', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'user' } }).promise();",
        '  }',
        '}',
        'module.exports = DbManager;',
      ),
      'functions/modules/config.js': sourceLines('class Config {', '  constructor() {', "    this.region = 'eu-west-1';", '  }', '}', 'module.exports = Config;'),
      'functions/userService.js': sourceLines("const DbManager = require('./modules/dbManager');", 'class UserService {', '  constructor() {', '    this.db = new DbManager();', '  }', '}', 'module.exports = UserService;'),
      'functions/handlers.js': sourceLines(
        "const Config = require('./modules/config');",
        "const UserService = require('./userService');",
        'module.exports.listUsers = async (event) => {',
        "  const DbManager = require('./modules/dbManager');",
        '  const db = new DbManager();',
        '  new Config();',
        '  return db.listUsers();',
        '};',
        'exports.viaService = async (event) => new UserService();',
      ),
    };
    assert.deepEqual(reported(files, 'functions/handlers.js'), [`5:DbManager ${RULE}`, `9:UserService ${RULE}`]);
  });

  it('says nothing without the workspace, which alone tells what the class makes', () => {
    assert.deepEqual(hintsOfFile({ 'src/repositories.ts': REPOSITORIES, 'src/handler.ts': HANDLER }, 'src/handler.ts', null).filter((hint) => hint.endsWith(RULE)), []);
  });
});
