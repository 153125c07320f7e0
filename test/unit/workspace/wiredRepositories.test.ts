/**
 * A handler that wires a repository with a client its settings module makes, and names no client library itself
 * (`passedImportedNames.ts`), and a repository class imported through its package's `__init__.py` or a folder's
 * `index` module (`PassedClientIndex`): the repository's untyped parameter holds the client either way. Silent: a
 * name that says nothing of a client, and a settings value that is no client.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const SETTINGS = sourceLines('import os', '', 'import boto3', '', 'DYNAMO_RESOURCE = boto3.resource("dynamodb")', 'TABLE_NAME = os.environ["TABLE_NAME"]');

const REPOSITORY = sourceLines(
  'class OrdersRepo:',
  '    def __init__(self, resource, table_name):',
  '        self._table = resource.Table(table_name)',
  '',
  '    def all_orders(self):',
  '        return self._table.scan()["Items"]', // 6
);

const HANDLER = sourceLines(
  'from orders.settings import DYNAMO_RESOURCE, TABLE_NAME',
  'from orders.repos import OrdersRepo',
  '',
  '',
  'def handler(event, context):',
  '    repo = OrdersRepo(DYNAMO_RESOURCE, TABLE_NAME)',
  '    return {"statusCode": 200, "body": repo.all_orders()}',
);

const scans = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-scan'));

describe('workspace: repositories wired with a settings module\'s client', () => {
  it('reads a Python repository imported through its package __init__ from a handler that names no client library', () => {
    const files = {
      'orders/settings.py': SETTINGS,
      'orders/repos/__init__.py': 'from .orders_repo import OrdersRepo\n',
      'orders/repos/orders_repo.py': REPOSITORY,
      'orders/handler.py': HANDLER,
    };
    assert.deepEqual(scans(hintsOfFile(files, 'orders/repos/orders_repo.py')), ['6:scan dynamodb-scan', '6:scan dynamodb-scan!']);
    // Imported from its own module, the same.
    const direct = { ...files, 'orders/handler.py': HANDLER.replace('from orders.repos import', 'from orders.repos.orders_repo import') };
    assert.deepEqual(scans(hintsOfFile(direct, 'orders/repos/orders_repo.py')), ['6:scan dynamodb-scan', '6:scan dynamodb-scan!']);
  });

  it('keeps quiet where the settings value is no client, or nothing is handed on', () => {
    const files = {
      'orders/settings.py': SETTINGS.replace('boto3.resource("dynamodb")', 'os.environ["RESOURCE"]'),
      'orders/repos/__init__.py': 'from .orders_repo import OrdersRepo\n',
      'orders/repos/orders_repo.py': REPOSITORY,
      'orders/handler.py': HANDLER,
    };
    assert.deepEqual(scans(hintsOfFile(files, 'orders/repos/orders_repo.py')), []);
    const unused = { ...files, 'orders/settings.py': SETTINGS, 'orders/handler.py': HANDLER.replace('OrdersRepo(DYNAMO_RESOURCE, TABLE_NAME)', 'OrdersRepo(make_resource(), TABLE_NAME)') };
    assert.deepEqual(scans(hintsOfFile(unused, 'orders/repos/orders_repo.py')), []);
  });

  it('reads wrapper functions whose callers hand them a Table of the shared module\'s resource, from files that name no client library', () => {
    const files = {
      'src/__init__.py': '',
      'src/shared_db.py': sourceLines('import boto3', '', 'dynamodb = boto3.resource("dynamodb")', 'settings = {"region": "eu-west-1"}', 'COURSES = "courses"'),
      'src/wrappers.py': sourceLines(
        'def list_wrapper(table):',
        '    return table.scan()["Items"]', // 2
        '',
        'def read_wrapper(table, key):',
        '    return table.get_item(Key=key).get("Item")', // 5
      ),
      'src/routes/__init__.py': '',
      'src/routes/courses.py': sourceLines(
        'from ..shared_db import dynamodb, COURSES',
        'from ..wrappers import list_wrapper, read_wrapper',
        '',
        'def list_courses():',
        '    return list_wrapper(dynamodb.Table(COURSES))',
        '',
        'def read_course(key):',
        '    return read_wrapper(dynamodb.Table(COURSES), key)',
      ),
    };
    const hints = hintsOfFile(files, 'src/wrappers.py');
    assert.deepEqual(scans(hints), ['2:scan dynamodb-scan', '2:scan dynamodb-scan!']);
    assert.ok(hints.includes('5:get_item dynamodb-get-item'));
    // A member of a value that is no resource (`settings.get(...)`), or a Table of nothing the module makes: silent.
    const notResource = { ...files, 'src/routes/courses.py': files['src/routes/courses.py'].replaceAll('dynamodb.Table(COURSES)', 'settings.get(COURSES)').replace('import dynamodb,', 'import settings,') };
    assert.deepEqual(hintsOfFile(notResource, 'src/wrappers.py'), []);
    const unknown = { ...files, 'src/shared_db.py': files['src/shared_db.py'].replace('boto3.resource("dynamodb")', 'make_store()') };
    assert.deepEqual(hintsOfFile(unknown, 'src/wrappers.py'), []);
  });

  it('reads a JavaScript repository imported through a folder index from a handler that imports the client from a db module', () => {
    const files = {
      'src/lib/db.js': sourceLines("const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');", "const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');", 'const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));', 'module.exports = { docClient };'),
      'src/repositories/index.js': "const { UserRepository } = require('./userRepository');\nmodule.exports = { UserRepository };\n",
      'src/repositories/userRepository.js': sourceLines(
        "const { ScanCommand } = require('@aws-sdk/lib-dynamodb');",
        'class UserRepository {',
        '  constructor(client) {',
        '    this.client = client;',
        '  }',
        '  async all() {',
        "    return (await this.client.send(new ScanCommand({ TableName: 'users' }))).Items;", // 7
        '  }',
        '}',
        'module.exports = { UserRepository };',
      ),
      'src/handler.js': sourceLines("const { docClient } = require('./lib/db');", "const { UserRepository } = require('./repositories');", '', 'const users = new UserRepository(docClient);', 'exports.handler = async () => users.all();'),
    };
    assert.deepEqual(scans(hintsOfFile(files, 'src/repositories/userRepository.js')), ['7:ScanCommand dynamodb-scan', '7:ScanCommand dynamodb-scan!']);
  });
});
