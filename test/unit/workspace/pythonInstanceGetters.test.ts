/**
 * Python services whose tables are reached through a module's own instance of a connection class: its getter
 * method (returning a field, a client kept under a key of a class-level dict, or a new client), a module function
 * that returns what that getter gives, a class attribute filled once and emptied by a `close()`, an aioboto3 client
 * opened with `__aenter__()`, and a value continued on the next line after a backslash. Silent: a getter of an
 * instance that gives no client, and a route over a getter that hands out a kept client (no client per request).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const scans = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-scan'));

const CACHED = sourceLines(
  'import boto3',
  '',
  '',
  'class Dynamo:',
  '    _instances = {}',
  '',
  '    def get_resource(self):',
  '        if "resource" not in self._instances:',
  '            self._instances["resource"] = boto3.resource("dynamodb")',
  '        return self._instances["resource"]',
  '',
  '    def get_table(self, name):',
  '        if "table" not in self._instances:',
  '            self._instances["table"] = self.get_resource().Table(name)',
  '        return self._instances["table"]',
  '',
  '',
  'dynamo = Dynamo()',
);

const SERVICE = sourceLines(
  'from fastapi import HTTPException',
  'from app.database import dynamo as dynamodb',
  '',
  '',
  'def all_users():',
  '    table = dynamodb.get_resource().Table("users")',
  '    return table.scan()["Items"]', // 7
);

const ROUTE = sourceLines(
  'from fastapi import APIRouter',
  'from app.services.users import all_users',
  '',
  'router = APIRouter()',
  '',
  '',
  '@router.get("/users")',
  'def list_users():',
  '    return all_users()', // 9
);

describe('workspace: Python tables reached through a module instance\'s getters', () => {
  it('reads the client a module instance\'s getter keeps under a key of a class-level dict, beside another key', () => {
    const files = { 'app/__init__.py': '', 'app/database/__init__.py': CACHED, 'app/services/__init__.py': '', 'app/services/users.py': SERVICE, 'app/routes.py': ROUTE };
    assert.deepEqual(scans(hintsOfFile(files, 'app/services/users.py')), ['7:scan dynamodb-scan', '7:scan dynamodb-scan!']);
    // The getter hands out the kept resource: the route makes no client per request.
    assert.deepEqual(hintsOfFile(files, 'app/routes.py'), []);
  });

  it('reads a getter that returns a field, also through a module function that returns what it gives', () => {
    const connector = sourceLines(
      'import boto3',
      '',
      '',
      'class Connector:',
      '    def __init__(self):',
      '        self.db = boto3.resource("dynamodb")',
      '',
      '    def get_db(self):',
      '        return self.db',
      '',
      '',
      'connector = Connector()',
      '',
      '',
      'def get_db_client():',
      '    return connector.get_db()',
    );
    const repository = sourceLines(
      'from app.connector import get_db_client, connector',
      '',
      '',
      'def events():',
      '    return get_db_client().Table("events").scan()["Items"]', // 5
      '',
      '',
      'def one(event_id):',
      '    return connector.get_db().Table("events").get_item(Key={"id": event_id})', // 9
    );
    const files = { 'app/__init__.py': '', 'app/connector.py': connector, 'app/repository.py': repository };
    const hints = hintsOfFile(files, 'app/repository.py');
    assert.deepEqual(scans(hints), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    assert.ok(hints.includes('9:get_item dynamodb-get-item'));
  });

  it('reads an async getter that opens a new aioboto3 resource, awaited and entered with async with', () => {
    const connection = sourceLines(
      'import aioboto3',
      '',
      '',
      'class Connection:',
      '    def __init__(self):',
      '        self._session = None',
      '',
      '    async def get_resource(self):',
      '        if self._session is None:',
      '            self._session = aioboto3.Session()',
      '        return self._session.resource("dynamodb")',
      '',
      '',
      'connection = Connection()',
    );
    const dao = sourceLines(
      'from app.db.connection import connection',
      '',
      '',
      'class NoteDao:',
      '    async def notes(self):',
      '        resource = await connection.get_resource()',
      '        async with resource as db:',
      '            table = await db.Table("notes")',
      '            response = await table.scan()', // 9
      '            return response["Items"]',
    );
    const files = { 'app/__init__.py': '', 'app/db/__init__.py': '', 'app/db/connection.py': connection, 'app/db/dao.py': dao };
    const hints = hintsOfFile(files, 'app/db/dao.py');
    assert.deepEqual(scans(hints), ['9:scan dynamodb-scan', '9:scan dynamodb-scan!']);
  });

  it('stays silent on a getter of a module instance that gives no client', () => {
    const settings = sourceLines('import boto3', '', '', 'class Settings:', '    def get_store(self):', '        return {"region": "eu-west-1"}', '', '    def region(self):', '        return boto3.session.Session().region_name', '', '', 'settings = Settings()');
    const user = sourceLines('from app.settings import settings', '', '', 'def rows():', '    return settings.get_store().scan()');
    assert.deepEqual(hintsOfFile({ 'app/__init__.py': '', 'app/settings.py': settings, 'app/user.py': user }, 'app/user.py'), []);
  });
});

describe('Python: class-kept clients and continued lines', () => {
  it('reads a static getter\'s class attribute that a close() empties, and an aioboto3 client opened with __aenter__()', () => {
    const code = sourceLines(
      'import aioboto3',
      '',
      '',
      'class ClientManager:',
      '    _session = None',
      '    _client = None',
      '',
      '    @staticmethod',
      '    async def get_client():',
      '        if ClientManager._client is None:',
      '            ClientManager._session = aioboto3.Session()',
      '            ClientManager._client = await ClientManager._session.client("dynamodb").__aenter__()',
      '        return ClientManager._client',
      '',
      '    @staticmethod',
      '    async def close_client():',
      '        if ClientManager._client is not None:',
      '            ClientManager._client = None',
      '',
      '',
      'async def items():',
      '    client = await ClientManager.get_client()',
      '    return (await client.scan(TableName="items"))["Items"]', // 23
    );
    assert.deepEqual(scans(hintsIn('db.py', code)), ['23:scan dynamodb-scan', '23:scan dynamodb-scan!']);
  });

  it('reads a value written on the line after a backslash, and keeps the next statement apart', () => {
    const code = sourceLines(
      'import boto3',
      '',
      '',
      'def create():',
      '    dynamodb = \\',
      '        boto3.resource("dynamodb")',
      '    return dynamodb.create_table(',
      '        TableName="users",',
      '        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],', // 9
      '        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],',
      '        BillingMode="PAY_PER_REQUEST",', // 11
      '    )',
      '',
      '',
      'def count(items):',
      '    total = 0 + \\',
      '        len(items)',
      '    scan = total',
      '    return scan',
    );
    const hints = hintsIn('tables.py', code);
    assert.ok(hints.includes('9:KeySchema dynamodb-key-schema'), hints.join('\n'));
    assert.ok(hints.includes('11:BillingMode dynamodb-billing-mode'));
    assert.ok(hints.every((hint) => Number(hint.split(':')[0]) < 15));
  });
});

describe('workspace: FastAPI dependencies of another module that build a repository', () => {
  const repository = sourceLines(
    'import boto3',
    '',
    '',
    'class ProductRepository:',
    '    def __init__(self):',
    '        self.table = boto3.resource("dynamodb").Table("products")', // 6
    '',
    '    def all(self):',
    '        return self.table.scan()["Items"]',
  );
  const dependencies = sourceLines(
    'from fastapi import Depends',
    '',
    'from app.repository import ProductRepository',
    'from app.service import ProductService',
    '',
    '',
    'def get_product_service():',
    '    repository = ProductRepository()',
    '    return ProductService(repository)',
  );
  const service = sourceLines('class ProductService:', '    def __init__(self, repository):', '        self.repository = repository', '', '    def products(self):', '        return self.repository.all()');
  const routes = sourceLines(
    'from fastapi import APIRouter, Depends',
    '',
    'from app.dependencies import get_product_service',
    'from app.service import ProductService',
    '',
    'router = APIRouter()',
    '',
    '',
    '@router.get("/products")',
    'def list_products(service: ProductService = Depends(get_product_service)):',
    '    return service.products()',
  );
  const files = { 'app/__init__.py': '', 'app/repository.py': repository, 'app/dependencies.py': dependencies, 'app/service.py': service, 'app/routes.py': routes };

  it('reads the repository the dependency constructs as made on every request', () => {
    const hints = hintsOfFile(files, 'app/repository.py');
    assert.ok(hints.includes('6:resource client-per-request!'), hints.join('\n'));
  });

  it('stays silent when no route depends on the function', () => {
    const unused = { ...files, 'app/routes.py': routes.replace('Depends(get_product_service)', 'None') };
    assert.deepEqual(hintsOfFile(unused, 'app/repository.py').filter((hint) => hint.includes('client-per-request')), []);
  });
});
