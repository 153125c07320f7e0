/**
 * A client field that a class inherits from a base class another module of the workspace exports
 * (`class CacheSetService extends RedisClient`, whose `protected readonly client = new Redis(...)` is in
 * redis.client.ts; Python's `class OrderRepository(BaseRepository)` whose `self.table = boto3.resource(...)
 * .Table(...)` is in base.py): `this.client` / `self.table` in the subclass is that client. A base from a
 * package, a field the base sets to something unknown, a field the subclass sets again and a test double's
 * class give nothing. A Python field the base sets only from an untyped or botocore `BaseClient` parameter is
 * of unknown origin in the subclass, as in the base's own file: a DynamoDB-only request key makes its call one.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const SUBCLASS = sourceLines(
  "import { RedisClient } from './redis.client';",
  '',
  'export class CacheSetService extends RedisClient {',
  '  async set(key: string, value: string): Promise<void> {',
  '    await this.client.set(key, value);',
  '  }',
  '  async purge(): Promise<void> {',
  "    const keys = await this.client.keys('cache:*');",
  '    await Promise.all(keys.map((key) => this.client.del(key)));',
  '  }',
  '}',
);

function base(...body: string[]): string {
  return sourceLines("import Redis from 'ioredis';", '', 'export class RedisClient {', ...body, '}');
}

describe('workspace: client fields inherited from a class of another module', () => {
  it('reads a field initializer of the base class in the subclass, and nothing without the workspace', () => {
    const files = { 'src/cache/redis.client.ts': base("  protected readonly client = new Redis({ host: 'cache', port: 6379 });"), 'src/cache/cache-set.service.ts': SUBCLASS };
    const found = hints(files, 'src/cache/cache-set.service.ts');
    for (const expected of ['5:set redis-expire', '8:keys redis-keys', '8:keys redis-keys!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(hints(files, 'src/cache/cache-set.service.ts', null), []);
  });

  it('reads a field the base sets in its constructor, one it declares with a client type, and a default export', () => {
    const assigned = { 'src/cache/redis.client.ts': base('  protected client: Redis;', '  constructor(url: string) {', '    this.client = new Redis(url);', '  }'), 'src/cache/cache-set.service.ts': SUBCLASS };
    assert.ok(hints(assigned, 'src/cache/cache-set.service.ts').includes('5:set redis-expire'));
    const typed = { 'src/cache/redis.client.ts': base('  protected client: Redis;', '  constructor(options: Options) {', '    this.client = options.connect();', '  }'), 'src/cache/cache-set.service.ts': SUBCLASS };
    assert.ok(hints(typed, 'src/cache/cache-set.service.ts').includes('5:set redis-expire'));
    const byDefault = {
      'src/cache/redis.client.ts': base("  protected readonly client = new Redis();").replace('export class', 'export default class'),
      'src/cache/cache-set.service.ts': SUBCLASS.replace('{ RedisClient }', 'RedisClient'),
    };
    assert.ok(hints(byDefault, 'src/cache/cache-set.service.ts').includes('5:set redis-expire'));
  });

  it('gives nothing for a base from a package, a field of unknown value, a field the subclass declares again, or a test double', () => {
    const fromPackage = { 'src/cache/cache-set.service.ts': SUBCLASS.replace("'./redis.client'", "'@shop/redis-client'") };
    assert.deepEqual(hints(fromPackage, 'src/cache/cache-set.service.ts'), []);
    const unknown = { 'src/cache/redis.client.ts': base('  protected readonly client = connect();'), 'src/cache/cache-set.service.ts': SUBCLASS };
    assert.deepEqual(hints(unknown, 'src/cache/cache-set.service.ts'), []);
    const shadowed = {
      'src/cache/redis.client.ts': base('  protected readonly client = new Redis();'),
      'src/cache/cache-set.service.ts': SUBCLASS.replace('extends RedisClient {', 'extends RedisClient {\n  protected readonly client = new Map<string, string>();'),
    };
    assert.deepEqual(hints(shadowed, 'src/cache/cache-set.service.ts'), []);
    const double = {
      'test/fakes/redis.client.ts': base('  protected readonly client = new Redis();'),
      'test/cache-set.service.ts': SUBCLASS.replace("'./redis.client'", "'./fakes/redis.client'"),
    };
    assert.deepEqual(hints(double, 'test/cache-set.service.ts'), []);
  });
});

const PY_BASE = sourceLines(
  'import os',
  '',
  'import boto3',
  '',
  '',
  'class BaseRepository:',
  '    def __init__(self):',
  '        self.table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])',
);

const PY_SUBCLASS = sourceLines(
  'from app.repositories.base import BaseRepository',
  'from app.repositories import base',
  '',
  '',
  'class OrderRepository(BaseRepository):',
  '    def all(self):',
  '        return self.table.scan()["Items"]',
  '',
  '',
  'class PointerRepository(base.BaseRepository):',
  '    def one(self, key):',
  '        return self.table.get_item(Key={"pk": key})',
);

describe('workspace: Python client fields inherited from a class of another module', () => {
  it('reads a field the base sets in __init__, by name and through the module, and nothing without the workspace', () => {
    const files = { 'app/__init__.py': '', 'app/repositories/__init__.py': '', 'app/repositories/base.py': PY_BASE, 'app/repositories/orders.py': PY_SUBCLASS };
    const found = hints(files, 'app/repositories/orders.py');
    assert.ok(found.includes('7:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('12:get_item dynamodb-get-item'), found.join('\n'));
    assert.deepEqual(hints(files, 'app/repositories/orders.py', null), []);
  });

  it('reads a field the base makes from a module-level resource or client, which the base class itself never names as boto3', () => {
    // Seen in a game store's repositories: `resource = boto3.resource(...)` at module level, `self.table = resource.Table(table_name)` in the base.
    const moduleResource = sourceLines(
      'import boto3',
      '',
      'resource = boto3.resource("dynamodb", region_name="us-west-2")',
      'limits = {"page": 25}',
      '',
      '',
      'class BaseRepository:',
      '    def __init__(self, table_name):',
      '        self.table = resource.Table(table_name)',
      '',
      '',
      'class Paging:',
      '    def __init__(self):',
      '        self.page = limits["page"]',
    );
    const files = { 'app/repositories/base.py': moduleResource, 'app/repositories/orders.py': PY_SUBCLASS };
    const found = hints(files, 'app/repositories/orders.py');
    assert.ok(found.includes('7:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('12:get_item dynamodb-get-item'), found.join('\n'));
    assert.deepEqual(hints(files, 'app/repositories/orders.py', null), []);
    // A class of that module that names no client lends none.
    const paged = { ...files, 'app/repositories/orders.py': PY_SUBCLASS.replace(/BaseRepository/g, 'Paging') };
    assert.deepEqual(hints(paged, 'app/repositories/orders.py'), []);
  });

  it('reads a base class of the same file without the workspace', () => {
    const files = { 'repo.py': `${PY_BASE}\n\nclass OrderRepository(BaseRepository):\n    def all(self):\n        return self.table.scan()["Items"]\n` };
    assert.ok(hints(files, 'repo.py', null).includes('13:scan dynamodb-scan'), hints(files, 'repo.py', null).join('\n'));
  });

  it('gives nothing for a base from a package, a field of unknown value, a field the subclass sets again, or a test double', () => {
    const fromPackage = { 'app/repositories/orders.py': PY_SUBCLASS.replace(/app\.repositories/g, 'framework.repositories') };
    assert.deepEqual(hints(fromPackage, 'app/repositories/orders.py'), []);
    const unknown = { 'app/repositories/base.py': PY_BASE.replace('boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])', 'make_table()'), 'app/repositories/orders.py': PY_SUBCLASS };
    assert.deepEqual(hints(unknown, 'app/repositories/orders.py'), []);
    const shadowed = {
      'app/repositories/base.py': PY_BASE,
      'app/repositories/orders.py': PY_SUBCLASS.replace('    def all(self):', '    def __init__(self, rows):\n        self.table = InMemoryTable(rows)\n\n    def all(self):'),
    };
    assert.ok(!hints(shadowed, 'app/repositories/orders.py').some((hint) => hint.includes(':scan ')));
    const double = { 'tests/fakes/base.py': PY_BASE, 'tests/test_orders.py': PY_SUBCLASS.replace(/app\.repositories/g, 'tests.fakes') };
    assert.deepEqual(hints(double, 'tests/test_orders.py'), []);
  });
});

const PY_HANDLER_BASE = sourceLines(
  'from botocore.client import BaseClient',
  'from redis.asyncio import Redis',
  '',
  '',
  'class ServiceBase:',
  '    def __init__(self, config: Settings, accounts_client: BaseClient, events_client, cache: Redis | None = None):',
  '        self.config = config',
  '        self.accounts_client = accounts_client',
  '        self.events_client = events_client',
  '        self.cache = cache',
);

const PY_HANDLER = sourceLines(
  'from asyncio import to_thread',
  '',
  'from app.services.base import ServiceBase',
  '',
  '',
  'class SignupService(ServiceBase):',
  '    async def register(self, account):',
  '        await to_thread(self.accounts_client.put_item, TableName=self.config.table, Item=account)',
  '',
  '    def history(self, pk):',
  '        return self.events_client.query(TableName="events", KeyConditionExpression="pk = :pk")',
);

describe('workspace: Python fields of unknown origin inherited from a class of another module', () => {
  const files = { 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/base.py': PY_HANDLER_BASE, 'app/services/signup.py': PY_HANDLER };

  it('reads a field the base sets from an untyped or BaseClient parameter as of unknown origin, and nothing without the workspace', () => {
    const found = hints(files, 'app/services/signup.py').filter((hint) => !hint.endsWith('!'));
    assert.deepEqual(found.sort(), ['11:KeyConditionExpression dynamodb-key-condition-expression', '11:query dynamodb-query', '8:put_item dynamodb-put-item']);
    assert.deepEqual(hints(files, 'app/services/signup.py', null), []);
  });

  it('stays silent on another service, a request with no DynamoDB key, a field typed otherwise or set from a call, one the subclass sets, and a test double', () => {
    const calls = sourceLines(
      'from app.services.base import ServiceBase',
      '',
      '',
      'class Uploads(ServiceBase):',
      '    def run(self, key):',
      '        self.accounts_client.put_object(Bucket="b", Key=key, Body=b"")',
      '        self.events_client.get_item(Key=key)',
      '        self.config.get_item(TableName="t", Key=key)',
      // Returned, not dropped: a statement that dropped this redis.asyncio GET would be reported as never sent.
      '        return self.cache.get(key)',
    );
    assert.deepEqual(hints({ ...files, 'app/services/uploads.py': calls }, 'app/services/uploads.py'), []);
    const fromCall = { ...files, 'app/services/base.py': PY_HANDLER_BASE.replace('self.events_client = events_client', 'self.events_client = events_client or make_default()') };
    assert.ok(!hints(fromCall, 'app/services/signup.py').some((hint) => hint.includes(':query ')));
    const typedOtherwise = { ...files, 'app/services/base.py': PY_HANDLER_BASE.replace('accounts_client: BaseClient', 'accounts_client: LedgerApi') };
    assert.ok(!hints(typedOtherwise, 'app/services/signup.py').some((hint) => hint.includes(':put_item ')));
    const reassigned = { ...files, 'app/services/base.py': `${PY_HANDLER_BASE}\n\n    def reset(self):\n        self.events_client = InMemoryEvents()\n` };
    assert.ok(!hints(reassigned, 'app/services/signup.py').some((hint) => hint.includes(':query ')));
    const shadowed = { ...files, 'app/services/signup.py': PY_HANDLER.replace('    async def register', '    def __init__(self, events):\n        self.events_client = events.journal()\n\n    async def register') };
    assert.ok(!hints(shadowed, 'app/services/signup.py').some((hint) => hint.includes(':query ')));
    const double = { 'tests/__init__.py': '', 'tests/fakes/__init__.py': '', 'tests/fakes/base.py': PY_HANDLER_BASE, 'app/services/signup.py': PY_HANDLER.replace('app.services.base', 'tests.fakes.base') };
    assert.deepEqual(hints(double, 'app/services/signup.py'), []);
  });
  it('reads the Table() a base of a module that names no library makes of a resource it is given, also through a package that star-imports the module', () => {
    // Seen in an NFT indexer: `models/shared/__init__.py` runs `from .dynamo import *`; dynamo.py's base takes the resource
    // and makes `table` in a `@cached_property`; the repositories import the base from the package.
    const base = sourceLines(
      'from functools import cached_property',
      '',
      '',
      'class RepositoryBase:',
      '    def __init__(self, table_name, dynamodb_resource):',
      '        self.table_name = table_name',
      '        self.resource = dynamodb_resource',
      '',
      '    @cached_property',
      '    def table(self):',
      '        return self.resource.Table(self.table_name)',
    );
    const users = sourceLines(
      'from boto3.dynamodb.conditions import Key',
      '',
      'from app.models.shared import RepositoryBase',
      '',
      '',
      'class UserRepository(RepositoryBase):',
      '    def by_email(self, email):',
      '        return self.table.query(IndexName="emails", KeyConditionExpression=Key("email").eq(email))["Items"]', // 8
    );
    const files = { 'app/__init__.py': '', 'app/models/__init__.py': '', 'app/models/shared/__init__.py': 'from .dynamo import *  # noqa\n', 'app/models/shared/dynamo.py': base, 'app/models/users.py': users };
    const found = hints(files, 'app/models/users.py');
    assert.ok(found.includes('8:query dynamodb-query'), found.join('\n'));
    assert.deepEqual(hints(files, 'app/models/users.py', null), []);
    // A package that star-imports another package's module passes on nothing of a library's.
    const library = { ...files, 'app/models/shared/__init__.py': 'from framework.repositories import *  # noqa\n' };
    assert.deepEqual(hints(library, 'app/models/users.py'), []);
    // A Table() of something the base makes itself is not of unknown origin.
    const made = { ...files, 'app/models/shared/dynamo.py': base.replace('self.resource = dynamodb_resource', 'self.resource = open_catalog(dynamodb_resource)') };
    assert.deepEqual(hints(made, 'app/models/users.py'), []);
  });
});
