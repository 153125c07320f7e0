/**
 * JavaScript, TypeScript and Python: a field a constructor sets from an untyped parameter holds the client the
 * file's constructions of the class pass there, when they all pass the same kind of client. Constructions
 * that disagree or cannot be read, a class constructed nowhere, extended or handed on, and a field also set
 * to something else stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const SESSION_STORE = [
  "const Redis = require('ioredis');",
  'class SessionStore {',
  '  constructor(client) {',
  '    this.client = client;',
  '  }',
  '  async purge() {',
  "    return this.client.keys('sess:*');",
  '  }',
  '}',
];

/** Whether the hints of a file include the KEYS finding of `this.client.keys(...)` on line 7. */
function readsKeys(fileName: string, code: string): boolean {
  return hintsIn(fileName, code).some((hint) => hint.startsWith('7:') && hint.includes('redis-keys'));
}

describe('clients passed to a constructor', () => {
  it('reads a JavaScript field set from the client the module constructs the class with', () => {
    const code = sourceLines(...SESSION_STORE, 'const redis = new Redis(process.env.REDIS_URL);', 'module.exports = new SessionStore(redis);');
    assert.ok(readsKeys('store.js', code), hintsIn('store.js', code).join('\n'));
  });

  it('reads a TypeScript parameter property without a type, and a second construction of the same kind', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'export class RateLimiter {',
      '  constructor(private readonly redis, private limit) {}',
      '  async reset(prefix: string) {',
      '    const n = this.limit;',
      '    await this.redis.flushall();',
      "    return this.redis.keys(`${prefix}:*`);",
      '  }',
      '}',
      'export const perUser = new RateLimiter(new Redis(process.env.REDIS_URL), 10);',
      'export const perIp = new RateLimiter(new Redis({ host: "cache.internal" }), 100);',
    );
    assert.ok(readsKeys('limiter.ts', code), hintsIn('limiter.ts', code).join('\n'));
  });

  it("reads a TypeScript parameter whose type only names one (a project's interface), as a property or assigned to a field", () => {
    for (const [signature, body] of [
      ['constructor(private readonly redis: KeyStore) {}', ''],
      ['constructor(redis: caching.KeyStore) {', '    this.redis = redis; }'],
    ]) {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'export class RateLimiter {',
        `  ${signature}`,
        `  ${body}`,
        '  async reset(prefix: string) {',
        '    await this.redis.flushall();',
        "    return this.redis.keys(`${prefix}:*`);",
        '  }',
        '}',
        'export const perUser = new RateLimiter(new Redis(process.env.REDIS_URL));',
      );
      assert.ok(readsKeys('limiter.ts', code), hintsIn('limiter.ts', code).join('\n'));
    }
  });

  it('stays silent on a parameter typed with a generic or a union, whose commas or bars the parameter list cannot be read through', () => {
    for (const type of ['Wrapped<Redis, string>', 'KeyStore | undefined']) {
      const code = sourceLines(
        "import Redis from 'ioredis';",
        'export class RateLimiter {',
        `  constructor(private readonly redis: ${type}, private limit: number) {}`,
        '  limitOf() { return this.limit; }',
        '  async reset(prefix: string) {',
        '    await this.redis.flushall();',
        "    return this.redis.keys(`${prefix}:*`);",
        '  }',
        '}',
        'export const perUser = new RateLimiter(new Redis(process.env.REDIS_URL), 10);',
      );
      assert.ok(!readsKeys('limiter.ts', code), hintsIn('limiter.ts', code).join('\n'));
    }
  });

  it('reads a store a Lambda handler module creates at module level', () => {
    // The request is the caller's, so only the client tells that `scan` is DynamoDB's.
    const code = sourceLines(
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');",
      'class OrderStore {',
      '  constructor(ddb) {',
      '    this.ddb = ddb;',
      '  }',
      '  async page(input) { return this.ddb.scan(input); }',
      '}',
      'const store = new OrderStore(DynamoDBDocumentClient.from(new DynamoDBClient({})));',
      'exports.handler = async () => store.page({ TableName: process.env.TABLE });',
    );
    assert.ok(hintsIn('handler.js', code).includes('7:scan dynamodb-scan!'), hintsIn('handler.js', code).join('\n'));
  });

  it('reads a DocumentClient passed into a repository class', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documentClient = new AWS.DynamoDB.DocumentClient();',
      'class UserRepository {',
      '  constructor(db) { this.db = db; }',
      '  list(params) {',
      '    return this.db.scan(params).promise();',
      '  }',
      '}',
      'module.exports = new UserRepository(documentClient);',
    );
    assert.ok(hintsIn('users.js', code).includes('6:scan dynamodb-scan!'), hintsIn('users.js', code).join('\n'));
  });

  it('stays silent for a repository constructed with a DocumentClient and with something unknown', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documentClient = new AWS.DynamoDB.DocumentClient();',
      'class UserRepository {',
      '  constructor(db) { this.db = db; }',
      '  list(params) {',
      '    return this.db.scan(params).promise();',
      '  }',
      '}',
      'const live = new UserRepository(documentClient);',
      'const local = new UserRepository(new InMemoryTable());',
    );
    assert.ok(!hintsIn('users.js', code).some((hint) => hint.startsWith('6:')), hintsIn('users.js', code).join('\n'));
  });

  describe('stays silent', () => {
    const silent: [string, string[]][] = [
      ['when constructions pass different kinds of client', ["const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');", 'const a = new SessionStore(new Redis());', 'const b = new SessionStore(new DynamoDBClient({}));']],
      ['when a construction passes something unknown', ['const a = new SessionStore(new Redis());', 'const b = new SessionStore(makeCache());']],
      ['when a construction passes nothing there', ['const a = new SessionStore(new Redis());', 'const b = new SessionStore();']],
      ['when a construction spreads its arguments', ['module.exports = (...args) => new SessionStore(...args);']],
      ['when the exported class is constructed nowhere in the file', ['module.exports = SessionStore;']],
      ['when a same-file subclass constructs it through super', ['class Scoped extends SessionStore {', '  constructor(c) { super(c); }', '}', 'module.exports = new Scoped(new Redis());']],
      ['when the class is handed on as a value', ['const a = new SessionStore(new Redis());', 'container.register(SessionStore);']],
    ];
    for (const [name, tail] of silent) {
      it(name, () => {
        const code = sourceLines(...SESSION_STORE, ...tail);
        assert.ok(!readsKeys('store.js', code), hintsIn('store.js', code).join('\n'));
      });
    }

    it('when the field is set to something else elsewhere', () => {
      const code = sourceLines(
        "const Redis = require('ioredis');",
        'class SessionStore {',
        '  useMemory() { this.client = new Map(); }',
        '  constructor(client) { this.client = client; }',
        '  async purge() {',
        '  }',
        "  flush() { return this.client.keys('sess:*'); }",
        '}',
        'module.exports = new SessionStore(new Redis());',
      );
      assert.ok(!readsKeys('store.js', code), hintsIn('store.js', code).join('\n'));
    });

    it('when the field takes a parameter with a default, or the parameter is optional', () => {
      for (const signature of ['constructor(private client = makeCache()) {}', 'constructor(private client?) {}']) {
        const code = sourceLines(
          "import Redis from 'ioredis';",
          'class SessionStore {',
          `  ${signature}`,
          '  async purge() {',
          '    const t = 1;',
          '  }',
          "  flush() { return this.client.keys('sess:*'); }",
          '}',
          'export default new SessionStore(new Redis());',
        );
        assert.ok(!readsKeys('store.ts', code), hintsIn('store.ts', code).join('\n'));
      }
    });

    it('when the field is set from an expression of the parameter, or from another parameter position', () => {
      for (const assignment of ['this.client = client || fallback;', 'this.client = prefix;']) {
        const code = sourceLines(
          "const Redis = require('ioredis');",
          'class SessionStore {',
          `  constructor(client, prefix) { ${assignment} }`,
          '  async purge() {',
          '    const t = 1;',
          '  }',
          "  flush() { return this.client.keys('sess:*'); }",
          '}',
          "module.exports = new SessionStore(new Redis(), 'sess');",
        );
        assert.ok(!readsKeys('store.js', code), hintsIn('store.js', code).join('\n'));
      }
    });
  });

  describe('Python', () => {
    const REPOSITORY = [
      'import os',
      '',
      'import boto3',
      '',
      '',
      'class OrderRepository:',
      '    def __init__(self, table):',
      '        self.table = table',
      '',
      '    def list_all(self):',
      '        return self.table.scan()["Items"]',
      '',
    ];
    const scans = (code: string): string[] => hintsIn('app.py', code).filter((hint) => hint.endsWith(' dynamodb-scan!'));

    it('reads a Table a Lambda module constructs its repository with, at module level or in the handler', () => {
      const moduleLevel = sourceLines(...REPOSITORY, '', 'repo = OrderRepository(boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"]))', '', '', 'def handler(event, context):', '    return {"orders": repo.list_all()}');
      assert.deepEqual(scans(moduleLevel), ['11:scan dynamodb-scan!']);
      const inHandler = sourceLines(
        ...REPOSITORY,
        '',
        'def handler(event, context):',
        '    dynamodb = boto3.resource("dynamodb")',
        '    repo = OrderRepository(dynamodb.Table(os.environ["TABLE_NAME"]))',
        '    return {"orders": repo.list_all()}',
      );
      assert.deepEqual(scans(inHandler), ['11:scan dynamodb-scan!']);
    });

    it("reads a parameter annotated with a name the file does not resolve, not one annotated in quotes", () => {
      const annotated = (annotation: string): string =>
        sourceLines(...REPOSITORY.map((line) => line.replace('(self, table)', `(self, table: ${annotation})`)), '', 'repo = OrderRepository(boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"]))');
      assert.deepEqual(scans(annotated('TableLike')), ['11:scan dynamodb-scan!']);
      assert.deepEqual(scans(annotated('"TableLike"')), []);
    });

    it('reads a field the constructor builds from the resource or session its constructions pass', () => {
      const repository = (...init: string[]): string[] => [
        'import os',
        '',
        'import boto3',
        '',
        '',
        'class UserRepository:',
        '    def __init__(self, dynamodb, table_name):',
        ...init,
        '',
        '    def all_users(self):',
        '        return self.table.scan()["Items"]',
        '',
      ];
      const fromResource = sourceLines(...repository('        self.table = dynamodb.Table(table_name)'), '', 'repo = UserRepository(boto3.resource("dynamodb"), os.environ["USERS_TABLE"])');
      assert.deepEqual(scans(fromResource), ['11:scan dynamodb-scan!']);
      const inHandler = sourceLines(
        ...repository('        users = dynamodb.Table(table_name)', '        self.table = users'),
        '',
        'def handler(event, context):',
        '    dynamodb = boto3.resource("dynamodb", region_name=os.environ["AWS_REGION"])',
        '    repo = UserRepository(dynamodb, os.environ["USERS_TABLE"])',
        '    return repo.all_users()',
      );
      assert.deepEqual(scans(inHandler), ['12:scan dynamodb-scan!']);
    });

    it('reads a base class field that a subclass\'s own __init__ sets through super().__init__', () => {
      const code = (passed: string, extra = ''): string =>
        sourceLines(
          'import boto3',
          '',
          '',
          'class Store:',
          '    def __init__(self, table):',
          '        self._table = table',
          '',
          '    def everything(self):',
          '        return self._table.scan()["Items"]',
          '',
          '',
          'class Notes(Store):',
          '    def __init__(self):',
          `        super().__init__(${passed})`,
          extra,
        );
      assert.deepEqual(scans(code('boto3.resource("dynamodb").Table("notes")')), ['9:scan dynamodb-scan!']);
      assert.deepEqual(scans(code('{}')), [], 'the subclass hands it a dict');
      assert.deepEqual(scans(code('boto3.resource("dynamodb").Table("notes")', 'memo = Store(FakeTable())')), [], 'a construction passes something else');
      const noInit = code('boto3.resource("dynamodb").Table("notes")', 'class Drafts(Store):\n    pass\n\n\ndrafts = Drafts(FakeTable())');
      assert.deepEqual(scans(noInit), [], 'a subclass without its own __init__ passes what its constructions pass');
    });

    it('stays silent on a field built from a parameter when a construction or a subclass passes something else', () => {
      const base = [
        'import boto3',
        '',
        '',
        'class Table:',
        '    def __init__(self, dyn_resource, table_name):',
        '        self.table = dyn_resource.Table(table_name)',
        '',
        '    def all_items(self):',
        '        return self.table.scan()["Items"]',
        '',
      ];
      const disagreeing = sourceLines(...base, '', 'users = Table(boto3.resource("dynamodb"), "users")', 'local = Table(FakeResource(), "users")');
      assert.deepEqual(scans(disagreeing), []);
      const extended = (constructed: string): string =>
        sourceLines(...base, '', 'class Users(Table):', '    def __init__(self, dyn_resource):', '        super().__init__(dyn_resource, "users")', '', '', `users = Users(${constructed})`);
      assert.deepEqual(scans(extended('FakeResource()')), [], 'a subclass passes on what it is given: a fake');
      assert.deepEqual(scans(extended('boto3.resource("dynamodb")')), ['9:scan dynamodb-scan!'], 'a subclass passes on the resource it is given');
      const inherited = sourceLines(...base, '', 'class Users(Table):', '    pass', '', '', 'users = Users(FakeResource(), "users")', 'orders = Table(boto3.resource("dynamodb"), "orders")');
      assert.deepEqual(scans(inherited), [], 'a subclass without its own __init__ is constructed with the base\'s parameters');
      assert.deepEqual(scans(sourceLines(...base)), [], 'never constructed');
      const reassigned = sourceLines(...base, '    def use_fake(self):', '        self.table = FakeTable()', '', '', 'users = Table(boto3.resource("dynamodb"), "users")');
      assert.deepEqual(scans(reassigned), []);
    });

    it('reads what a class method passes to `cls(...)`, and nothing when it passes something else or is no class method', () => {
      const store = (factory: string[]): string =>
        sourceLines(
          'import boto3',
          '',
          '',
          'class RoomStore:',
          '    def __init__(self, table):',
          '        self._table = table',
          '',
          ...factory,
          '',
          '    def rooms(self):',
          '        return self._table.scan()["Items"]',
        );
      const classMethod = ['    @classmethod', '    def for_table(cls, name):', '        return cls(boto3.resource("dynamodb").Table(name))'];
      assert.deepEqual(scans(store(classMethod)), ['13:scan dynamodb-scan!']);
      const asyncFactory = ['    @classmethod', '    async def for_table(cls, name):', '        return cls(boto3.resource("dynamodb").Table(name))'];
      assert.deepEqual(scans(store(asyncFactory)), ['13:scan dynamodb-scan!'], 'an async class method');
      assert.deepEqual(scans(store(['    @classmethod', '    def in_memory(cls):', '        return cls(FakeTable())'])), [], 'the factory passes a fake');
      const twoFactories = [...classMethod, '', '    @classmethod', '    def in_memory(cls):', '        return cls(FakeTable())'];
      assert.deepEqual(scans(store(twoFactories)), [], 'another factory passes a fake');
      assert.deepEqual(scans(store(['    def for_table(cls, name):', '        return cls(boto3.resource("dynamodb").Table(name))'])), [], 'no @classmethod: `cls` is any parameter');
    });

    it('reads a redis-py client passed to a cache class', () => {
      const code = sourceLines(
        'import redis',
        '',
        '',
        'class SessionCache:',
        '    def __init__(self, client, prefix="sess"):',
        '        self.client = client',
        '        self.prefix = prefix',
        '',
        '    def purge(self):',
        '        for key in self.client.keys(f"{self.prefix}:*"):',
        '            self.client.delete(key)',
        '',
        '',
        'cache = SessionCache(redis.Redis(host="cache", port=6379))',
      );
      assert.ok(hintsIn('cache.py', code).includes('10:keys redis-keys!'), hintsIn('cache.py', code).join('\n'));
    });

    it('reads an argument passed by the parameter\'s name', () => {
      const code = sourceLines(...REPOSITORY, '', 'def handler(event, context):', '    repo = OrderRepository(table=boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"]))', '    return repo.list_all()');
      assert.deepEqual(scans(code), ['11:scan dynamodb-scan!']);
    });

    it('stays silent when constructions disagree, pass another keyword or spread, or the class is extended, handed on or never constructed', () => {
      const cases = [
        ['repo = OrderRepository(boto3.resource("dynamodb").Table("orders"))', 'other = OrderRepository(load_table())'],
        ['repo = OrderRepository(store=boto3.resource("dynamodb").Table("orders"))'],
        ['args = [boto3.resource("dynamodb").Table("orders")]', 'repo = OrderRepository(*args)'],
        ['repo = OrderRepository(boto3.resource("dynamodb").Table("orders"))', '', '', 'class CachedRepository(OrderRepository):', '    pass'],
        ['repo = OrderRepository(boto3.resource("dynamodb").Table("orders"))', 'container.register(OrderRepository)'],
        [],
      ];
      for (const tail of cases) {
        const code = sourceLines(...REPOSITORY, '', ...tail);
        assert.deepEqual(scans(code), [], tail.join(' / '));
      }
    });

    it('stays silent for a parameter with a default, and for a field also set to something else', () => {
      const withDefault = sourceLines(
        'import boto3',
        '',
        '',
        'class OrderRepository:',
        '    def __init__(self, table=None):',
        '        self.table = table',
        '',
        '    def list_all(self):',
        '        return self.table.scan()["Items"]',
        '',
        '',
        'repo = OrderRepository(boto3.resource("dynamodb").Table("orders"))',
      );
      assert.deepEqual(scans(withDefault), []);
      const reassigned = sourceLines(...REPOSITORY, '    def use_fake(self):', '        self.table = FakeTable()', '', '', 'repo = OrderRepository(boto3.resource("dynamodb").Table("orders"))');
      assert.deepEqual(scans(reassigned), []);
    });
  });
});
