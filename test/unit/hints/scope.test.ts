/**
 * Name binding by scope, per language, on the shapes real projects have: a client made inside a
 * handler, a field set in a constructor, an injected typed client, a factory function, and the traps
 * (a parameter or local that shadows a module-level client, a reassignment to something unknown).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

/** `line:text rule` for every hover site, and `line:text rule!` for every finding. */
function hints(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${code.slice(site.start, site.end)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)}:${code.slice(finding.start, finding.end)} ${finding.ruleId}!`),
  ];
}

function lines(...source: string[]): string {
  return source.join('\n') + '\n';
}

function assertHasAll(found: string[], expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

describe('hint engine scope model', () => {
  describe('Python', () => {
    it('sees a client created by the first statement of a handler', () => {
      const code = lines('import boto3', '', 'def handler(event, context):', '    client = boto3.client("dynamodb")', '    return client.scan(TableName="orders")');
      // The handler makes it on every invocation: `lambda-client-per-invocation` says so where it is made.
      assert.deepEqual(hints('h.py', code), ['4:client lambda-client-per-invocation', '5:scan dynamodb-scan', '4:client lambda-client-per-invocation!', '5:scan dynamodb-scan!']);
    });

    it('reads a class body top to bottom: its Table of the resource it bound above, not in its methods', () => {
      const code = lines(
        'import boto3',
        '',
        'class SimianRepository:',
        '    resource = boto3.resource("dynamodb")',
        '    table = resource.Table("simian")',
        '',
        '    def save(self, item):',
        '        self.table.put_item(Item=item)',
        '',
        '    def names(self):',
        '        return resource.Table("names").scan()["Items"]',
        '',
        'class Early:',
        '    table = resource.Table("early")',
        '    resource = boto3.resource("dynamodb")',
        '',
        '    def all(self):',
        '        return self.table.scan()["Items"]',
        '',
        'shared = boto3.resource("dynamodb")',
        'class Later:',
        '    table = shared.Table("later")',
        '    shared = None',
        '',
        '    def all(self):',
        '        return self.table.scan()["Items"]',
      );
      const found = hints('repo.py', code);
      // Until the class binds `shared` itself, the body reads the module's.
      assertHasAll(found, ['8:put_item dynamodb-put-item', '26:scan dynamodb-scan']);
      // A method does not see the class's names (`resource` there is a NameError), and a name bound below its use is no value yet.
      assert.ok(!found.some((hint) => hint.startsWith('11:') || hint.startsWith('18:')), found.join('\n'));
    });

    it('sees a resource Table made inside a function, and a self field set in __init__', () => {
      const code = lines(
        'import os, boto3',
        'def by_customer(customer_id):',
        '    table = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
        '    return table.get_item(Key={"pk": customer_id})',
        'class Orders:',
        '    def __init__(self, name):',
        '        self._table = boto3.resource("dynamodb").Table(name)',
        '    def one(self, key):',
        '        return self._table.get_item(Key=key)',
      );
      assert.deepEqual(hints('t.py', code), ['4:get_item dynamodb-get-item', '9:get_item dynamodb-get-item']);
    });

    it('sees a client that is a parameter default or the fallback of an injected one, and nothing in a dict fallback', () => {
      const code = lines(
        'import boto3',
        'class Loader:',
        '    def __init__(self, table_name, client=None, memo=None):',
        '        self.table_name = table_name',
        '        self.client = client or boto3.client("dynamodb")',
        '        self.memo = memo or {}',
        '    def count(self):',
        '        return self.client.scan(TableName=self.table_name, Select="COUNT")',
        '    def cached(self, key):',
        '        return self.memo.get(key)',
        'def export(table_name, db=boto3.client("dynamodb"), seen=set()):',
        '    seen.add(table_name)',
        '    return db.scan(TableName=table_name)',
      );
      assert.deepEqual(hints('l.py', code), ['8:scan dynamodb-scan', '13:scan dynamodb-scan', '8:scan dynamodb-scan!', '13:scan dynamodb-scan!']);
    });

    it('reads a default of the same name as the module-level name it is evaluated against, not as the parameter it sets', () => {
      // Python evaluates defaults where the `def` is: `client=client` binds the module's client, a common Lambda shape for tests to inject another.
      const code = lines(
        'import boto3',
        'client = boto3.client("dynamodb")',
        'cache = {}',
        'def lambda_handler(event, context, client=client):',
        '    return client.scan(TableName="orders")',
        'def lookup(key, cache=cache):',
        '    return cache.get(key)',
        'def export(event, context, client=client):',
        '    client = boto3.client("s3")',
        '    return client.list_objects_v2(Bucket="b")',
      );
      assert.deepEqual(hints('handler.py', code), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    });

    it('lets a parameter or a local shadow a module-level client', () => {
      const code = lines(
        'import boto3',
        'db = boto3.client("dynamodb")',
        'def dump_index(db):',
        '    return db.scan(Limit=10)',
        'def local():',
        '    db = {}',
        '    return db.get("x")',
        'def nested():',
        '    def inner(db):',
        '        return db.scan()',
        '    return [db.scan() for db in sources]',
      );
      assert.deepEqual(hints('s.py', code), []);
    });

    it('sees a client from a same-file factory and from a typed parameter, and a Redis client made inside an if', () => {
      const code = lines(
        'import boto3, os, redis',
        'from mypy_boto3_dynamodb.service_resource import Table',
        'def get_client():',
        '    return boto3.client("dynamodb")',
        'def use(table: Table):',
        '    get_client().batch_write_item(RequestItems={})',
        '    return table.query(KeyConditionExpression="pk = :p", Limit=1)',
        'def cache():',
        '    if os.environ.get("LOCAL"):',
        '        r = redis.Redis(host="localhost")',
        '    else:',
        '        r = redis.Redis(host=os.environ["HOST"])',
        '    return r.keys("user:*")',
      );
      const found = hints('f.py', code);
      assert.ok(found.includes('6:batch_write_item dynamodb-batch-write-item!'), found.join('\n'));
      assert.ok(found.includes('7:query dynamodb-query'), found.join('\n'));
      assert.ok(found.includes('13:keys redis-keys!'), found.join('\n'));
    });

    it('ends a binding at a reassignment to something unknown', () => {
      const code = lines('import boto3', 'def f(make):', '    c = boto3.client("dynamodb")', '    c = make()', '    return c.scan()');
      assert.deepEqual(hints('r.py', code), []);
    });

    it('binds `with ... as` and `global` assignments', () => {
      const code = lines(
        'import aioboto3, boto3',
        '_client = None',
        'def client():',
        '    global _client',
        '    if _client is None:',
        '        _client = boto3.client("dynamodb")',
        '    return _client',
        'def other():',
        '    return _client.scan(TableName="t")',
        'async def handler():',
        '    async with aioboto3.Session().client("dynamodb") as ddb:',
        '        return await ddb.scan(TableName="t")',
      );
      const found = hints('w.py', code);
      assert.ok(found.includes('9:scan dynamodb-scan'), found.join('\n'));
      assert.ok(found.includes('12:scan dynamodb-scan'), found.join('\n'));
    });
  });

  describe('JavaScript and TypeScript', () => {
    it('gives a function named like a statement of another language (`lock`, `select`) a scope of its own', () => {
      const code = lines(
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
        'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'export async function lock(key) {',
        "  const { Item } = await doc.send(new GetCommand({ TableName: 'locks', Key: { pk: key } }));",
        "  Item.holder = 'worker-1';",
        "  await doc.send(new PutCommand({ TableName: 'locks', Item }));",
        '}',
        'export async function select(key) {',
        "  const { Item } = await doc.send(new GetCommand({ TableName: 'locks', Key: { pk: key } }));",
        "  Item.picked = true;",
        "  await doc.send(new PutCommand({ TableName: 'locks', Item }));",
        '}',
      );
      const found = hints('locks.js', code).filter((hint) => hint.endsWith('!'));
      assert.deepEqual(found, ['7:PutCommand dynamodb-read-modify-write!', '12:PutCommand dynamodb-read-modify-write!']);
    });

    it('sees injected, constructed and field clients in classes', () => {
      const code = lines(
        "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        'export class Repo {',
        '  constructor(private readonly client: DynamoDBDocumentClient) {}',
        "  all() { return this.client.scan({ TableName: 't' }); }",
        '}',
        'export class Service {',
        '  private ddb: DynamoDBClient;',
        "  constructor() { this.ddb = new DynamoDBClient({}); }",
        "  run() { return this.ddb.send(new ScanCommand({ TableName: 't', Limit: 5 })); }",
        '}',
      );
      const found = hints('r.ts', code);
      assert.ok(found.includes('5:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('10:ScanCommand dynamodb-scan'), found.join('\n'));
    });

    it('sees a client given as a parameter default or as the fallback of an injected one', () => {
      const code = lines(
        "const AWS = require('aws-sdk');",
        'const shared = new AWS.DynamoDB.DocumentClient();',
        'class Accounts {',
        '  constructor(db = shared, memo = new Map()) {',
        '    this.db = db;',
        '    this.memo = memo;',
        '  }',
        "  all() { return this.db.scan({ TableName: 't' }).promise(); }",
        '  cached(id) { return this.memo.get(id); }',
        '}',
        'class Devices {',
        '  constructor(options = {}) {',
        '    this.doc = options.doc ?? new AWS.DynamoDB.DocumentClient();',
        '    this.local = options.local || {};',
        '  }',
        "  one(id) { return this.doc.get({ TableName: 'd', Key: { id } }).promise(); }",
        '  peek(id) { return this.local.get(id); }',
        '}',
      );
      assert.deepEqual(hints('a.js', code), ['1:aws-sdk aws-sdk-end-of-support', '8:scan dynamodb-scan', '16:get dynamodb-get-item', '1:aws-sdk aws-sdk-end-of-support!', '8:scan dynamodb-scan!']);
    });

    it('sees a client made inside a handler and one assigned in a switch', () => {
      const code = lines(
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import Redis from 'ioredis';",
        'export const handler = async (event) => {',
        '  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        "  return doc.get({ TableName: 't', Key: { pk: event.id } });",
        '};',
        'let cache;',
        'switch (process.env.MODE) {',
        "  case 'a':",
        '    cache = new Redis(process.env.URL);',
        '    break;',
        '}',
        "export const keys = () => cache.keys('*');",
      );
      const found = hints('h.js', code);
      assert.ok(found.includes('6:get dynamodb-get-item'), found.join('\n'));
      assert.ok(found.includes('14:keys redis-keys!'), found.join('\n'));
    });

    it('lets a parameter or a local shadow a module-level client', () => {
      const code = lines(
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'const store = db;',
        'async function dumpIndex(db) { return db.scan({ Limit: 10 }); }',
        "function local() { const store = new Map(); return store.get('x'); }",
        'const arrow = (db) => db.scan({ Limit: 10 });',
      );
      assert.deepEqual(hints('s.js', code), []);
    });

    it('reads members a subclass inherits from a base repository of the same file, past a generic constraint', () => {
      const code = lines(
        "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
        'abstract class BaseRepository<T extends { id: string }> {',
        '  protected readonly db: DocumentClient;',
        '  protected constructor(protected readonly table: string, db?: DocumentClient) {',
        '    this.db = db ?? new DocumentClient();',
        '  }',
        '  protected client() { return this.db; }',
        '}',
        'export class OrderRepository extends BaseRepository<{ id: string; total: number }> {',
        "  open() { return this.db.scan({ TableName: this.table, FilterExpression: 'o' }).promise(); }",
        "  one(id: string) { return this.client().get({ TableName: this.table, Key: { id } }).promise(); }",
        '}',
        'class Unrelated extends Map<string, string> {',
        "  read() { return this.get('x'); }",
        '}',
      );
      const found = hints('orders.ts', code);
      assert.ok(found.includes('10:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('10:FilterExpression dynamodb-filter-expression!'), found.join('\n'));
      assert.ok(found.includes('11:get dynamodb-get-item'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('14:')), found.join('\n'));
    });

    it('types a field by the type argument of a container lookup, and not a lookup chained further or of another type', () => {
      const code = lines(
        "import Redis from 'ioredis';",
        "import { container } from 'tsyringe';",
        'export class FeatureFlags {',
        '  private readonly redis = container.resolve<Redis>(REDIS);',
        '  private readonly copy = container.resolve<Redis>(REDIS).duplicate;',
        '  constructor(private readonly http: HttpClient) {}',
        "  all() { return this.redis.keys('flag:*'); }",
        "  other() { return this.copy.keys('flag:*'); }",
        "  remote() { return this.http.get<Redis>('/flags').keys('x'); }",
        '}',
      );
      assert.deepEqual(hints('flags.ts', code), ['7:keys redis-keys', '7:keys redis-keys!']);
    });

    it('reads a construct through a props interface of the same file, typed with a CDK interface', () => {
      const code = lines(
        "import { Stack, StackProps } from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        'interface ApiStackProps extends StackProps {',
        '  orders: dynamodb.ITable;',
        '  ordersProps: dynamodb.TableProps;',
        '}',
        'export class ApiStack extends Stack {',
        '  constructor(scope: Construct, id: string, props: ApiStackProps) {',
        '    super(scope, id, props);',
        '    props.orders.grantFullAccess(handler);',
        '    props.ordersProps.grantFullAccess(handler);',
        '  }',
        '}',
      );
      assert.deepEqual(hints('api-stack.ts', code), ['10:grantFullAccess dynamodb-grant', '10:grantFullAccess dynamodb-grant!']);
    });

    it('reads a DynamoDB request passed to a client a project module exports, and nothing else from such modules', () => {
      const code = lines(
        "const { ddb } = require('../lib/dynamo');",
        "import cache from './cache';",
        "const knex = require('knex');",
        'export async function daily(day) {',
        "  const out = await ddb.query({ TableName: 'totals', IndexName: 'by-day', KeyConditionExpression: 'd = :d' }).promise();",
        "  await cache.get('daily');",
        "  await ddb.query('select 1');",
        "  await cache.scan({ match: 'daily:*' });",
        "  await knex.query({ TableName: 'totals' });",
        '  return out.Items;',
        '}',
      );
      const found = hints('daily.js', code);
      assertHasAll(found, ['5:query dynamodb-query', '5:query dynamodb-query!', '5:IndexName dynamodb-index-name']);
      assert.ok(!found.some((hint) => /^[6-9]:/.test(hint)), found.join('\n'));
    });

    it('reads no request sent through a test double module, though a project module of the same shape is read', () => {
      const code = lines(
        "const { ddb } = require('../lib/dynamo');",
        "import { ddb as fakeDdb } from '../../test/fakes/dynamo';",
        "import mocked from './__mocks__/dynamo';",
        "import { client } from './dynamo.mock';",
        "import { mockDocumentClient } from './clients';",
        'export async function daily(day) {',
        "  await ddb.query({ TableName: 'totals', KeyConditionExpression: 'd = :d' });",
        "  await fakeDdb.query({ TableName: 'totals', KeyConditionExpression: 'd = :d' });",
        "  await mocked.query({ TableName: 'totals', KeyConditionExpression: 'd = :d' });",
        "  await client.query({ TableName: 'totals', KeyConditionExpression: 'd = :d' });",
        "  await mockDocumentClient.query({ TableName: 'totals', KeyConditionExpression: 'd = :d' });",
        '}',
      );
      assert.deepEqual(
        hints('daily.js', code).filter((hint) => hint.includes(':query ')),
        ['7:query dynamodb-query', '7:query dynamodb-query!'],
      );
    });

    it('follows a same-file factory, memoised or arrow', () => {
      const code = lines(
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        'let cached;',
        'function getDoc() {',
        '  if (!cached) cached = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        '  return cached;',
        '}',
        'const make = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        "export const a = () => getDoc().scan({ TableName: 'z' });",
        "export const b = () => make().scan({ TableName: 'z' });",
      );
      const found = hints('f.js', code);
      assert.ok(found.includes('9:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('10:scan dynamodb-scan!'), found.join('\n'));
    });
  });

  describe('Redis', () => {
    it('keeps commands chained on a transaction on it: no round trip per key inside a loop', () => {
      const code = lines(
        "import Redis from 'ioredis';",
        'const client = new Redis(process.env.REDIS_URL);',
        'export async function touch(keys) {',
        '  for (const key of keys) {',
        '    await client.multi().incr(key).expire(key, 60).exec();',
        '    await client.get(key);',
        '  }',
        '}',
      );
      const found = hints('touch.ts', code);
      assert.ok(found.includes('5:expire redis-expire'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('5:') && hint.includes('redis-loop-round-trips')), found.join('\n'));
      assert.ok(found.includes('6:get redis-loop-round-trips!'), found.join('\n'));
    });

    it('counts one command per batch, not per key, when a loop walks a key iterator that yields batches', () => {
      const code = lines(
        "import { createClient } from 'redis';",
        'const client = createClient({ url: process.env.REDIS_URL });',
        'export async function purge(prefix, ids) {',
        '  for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) {',
        '    if (keys.length) await client.unlink(keys);',
        '    for (const key of keys) await client.del(key);',
        '  }',
        '  for await (const key of client.scanIterator({ MATCH: `${prefix}:*` })) {',
        '    await client.unlink(key);',
        '  }',
        '}',
      );
      const found = hints('purge.ts', code).filter((hint) => hint.includes('redis-loop-round-trips!'));
      assert.deepEqual(found, ['6:del redis-loop-round-trips!', '9:unlink redis-loop-round-trips!']);
    });

    it('counts a command in a Python comprehension once per element, except in the iterable it walks', () => {
      const code = lines(
        'import redis',
        'r = redis.Redis()',
        'def usage(keys):',
        '    counts = {k: r.get(k) for k in keys}',
        '    total = sum(r.incr(k) for k in keys if r.exists(k))',
        '    fields = {f: v for f, v in r.hgetall("index").items()}',
        '    return r.mget([f"rl:{k}" for k in keys]), counts, total, fields',
      );
      const found = hints('usage.py', code).filter((hint) => hint.includes('redis-loop-round-trips!'));
      assert.deepEqual(found, ['4:get redis-loop-round-trips!', '5:incr redis-loop-round-trips!', '5:exists redis-loop-round-trips!']);
    });
  });

  describe('Java', () => {
    it('reads a field, not the method of the same name, where the name is read rather than called', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
        'public class Orders {',
        '    private final DynamoDbClient orders;',
        '    public Orders(DynamoDbClient orders) { this.orders = orders; }',
        '    public void orders() {',
        '        orders.scan(ScanRequest.builder().tableName("orders").build());',
        '        this.orders.scan(ScanRequest.builder().tableName("orders").build());',
        '    }',
        '    public Object all() { return orders(); }',
        '}',
      );
      assertHasAll(hints('Orders.java', code), ['7:scan dynamodb-scan', '8:scan dynamodb-scan']);
    });

    it('sees constructor-injected fields, the enhanced client table and paginators', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.*;',
        'import software.amazon.awssdk.enhanced.dynamodb.*;',
        'public class Repo {',
        '    private final DynamoDbClient dynamoDb;',
        '    private final DynamoDbTable<Order> orders;',
        '    public Repo(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced) {',
        '        this.dynamoDb = dynamoDb;',
        '        this.orders = enhanced.table("orders", TableSchema.fromBean(Order.class));',
        '    }',
        '    public void all() { dynamoDb.scan(ScanRequest.builder().tableName("o").build()); }',
        '    public void pages() { orders.scan().items().forEach(System.out::println); }',
        '    public void shadow(java.util.Map<String, String> dynamoDb) { dynamoDb.get("x"); }',
        '}',
      );
      const found = hints('Repo.java', code);
      assert.ok(found.includes('11:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('12:scan dynamodb-scan'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('12:') && hint.endsWith('!')), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('13:')), found.join('\n'));
    });
    it('sees fields a subclass inherits as bare names, and not those of a class it does not extend', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.*;',
        'abstract class DynamoRepository<T extends Comparable<T>> {',
        '    protected final DynamoDbClient dynamoDb;',
        '    protected DynamoRepository(DynamoDbClient dynamoDb) { this.dynamoDb = dynamoDb; }',
        '}',
        'public class OrderRepository extends DynamoRepository<String> {',
        '    public OrderRepository(DynamoDbClient client) { super(client); }',
        '    public void all() { dynamoDb.scan(r -> r.tableName("o")); }',
        '    public void viaThis(java.util.Map<String, AttributeValue> key) { this.dynamoDb.deleteItem(r -> r.tableName("o").key(key)); }',
        '}',
        'class Other {',
        '    private final java.util.Map<String, String> cache = new java.util.HashMap<>();',
        '    public void get() { dynamoDb.scan(); }',
        '}',
      );
      const found = hints('OrderRepository.java', code);
      assert.ok(found.includes('9:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('10:deleteItem dynamodb-delete-item'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('14:')), found.join('\n'));
    });
    it('gives a method reference on a client its hover, a finding only for an item call per element, and none on other receivers', () => {
      const code = lines(
        'import java.util.*;',
        'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
        'public class Sync {',
        '    private final DynamoDbTable<Item> table;',
        '    private final DynamoDbClient ddb = DynamoDbClient.create();',
        '    private final Map<String, Item> cache = new HashMap<>();',
        '    Sync(DynamoDbTable<Item> table) { this.table = table; }',
        '    void save(List<Item> items) {',
        '        items.forEach(table::putItem);',
        '        items.forEach(this.table::deleteItem);',
        '        items.stream().map(Item::key).forEach(cache::remove);',
        '    }',
        '    long count(List<ScanRequest> requests) { return requests.stream().map(ddb::scan).count(); }',
        '}',
      );
      // `forEach(table::putItem)` sends one item request per element, as `forEach(i -> table.putItem(i))` does; the Scan reference pages nothing itself.
      assert.deepEqual(hints('Sync.java', code).sort(), [
        '11:putItem dynamodb-item-loop',
        '11:putItem dynamodb-item-loop!',
        '11:putItem dynamodb-put-item',
        '12:deleteItem dynamodb-delete-item',
        '12:deleteItem dynamodb-item-loop',
        '12:deleteItem dynamodb-item-loop!',
        '15:scan dynamodb-scan',
      ]);
    });

    it('hovers the index an enhanced table names once as the IndexName of the requests sent through it', () => {
      const code = lines(
        'import software.amazon.awssdk.enhanced.dynamodb.*;',
        'public class Shipments {',
        '    private final DynamoDbTable<Shipment> table;',
        '    private final DynamoDbIndex<Shipment> byCarrier;',
        '    Shipments(DynamoDbEnhancedClient client) {',
        '        this.table = client.table("shipments", TableSchema.fromBean(Shipment.class));',
        '        this.byCarrier = table.index("carrier-index");',
        '    }',
        '    Object late(String carrier) { return byCarrier.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(carrier)))); }',
        '    Object all() { return byCarrier.scan(); }',
        '    Object region(String region) { return table.index("region-index").query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(region)))); }',
        '}',
      );
      assert.deepEqual(
        hints('Shipments.java', code).filter((hint) => hint.includes('dynamodb-index-name')),
        ['7:"carrier-index" dynamodb-index-name', '11:"region-index" dynamodb-index-name'],
      );
    });
  });

  describe('Go', () => {
    it('sees a client in a struct field through the method receiver, and one made in a handler', () => {
      const code = lines(
        'package orders',
        'import (',
        '\t"context"',
        '\t"github.com/aws/aws-sdk-go-v2/config"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        'type Repo struct {',
        '\tdb *dynamodb.Client',
        '}',
        'func (r *Repo) All(ctx context.Context, name string) error {',
        '\t_, err := r.db.Scan(ctx, &dynamodb.ScanInput{TableName: &name})',
        '\treturn err',
        '}',
        'func handler(ctx context.Context) error {',
        '\tcfg, _ := config.LoadDefaultConfig(ctx)',
        '\tclient := dynamodb.NewFromConfig(cfg)',
        '\t_, err := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{})',
        '\treturn err',
        '}',
      );
      const found = hints('repo.go', code);
      assert.ok(found.includes('11:Scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('17:BatchWriteItem dynamodb-batch-write-item!'), found.join('\n'));
    });
    it('sees methods a struct gets from an embedded client, and fields from an embedded struct of the file', () => {
      const code = lines(
        'package admin',
        'import (',
        '\t"context"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\t"github.com/aws/aws-sdk-go-v2/service/rds"',
        ')',
        'type Admin struct {',
        '\t*rds.Client',
        '\tregion string',
        '}',
        'type base struct {',
        '\tdb *dynamodb.Client',
        '}',
        'type Repo struct {',
        '\tbase',
        '}',
        'func (a *Admin) Resize(ctx context.Context, in *rds.ModifyDBInstanceInput) error {',
        '\t_, err := a.ModifyDBInstance(ctx, in)',
        '\t_, err = a.Client.RebootDBInstance(ctx, nil)',
        '\treturn err',
        '}',
        'func (r *Repo) Remove(ctx context.Context, in *dynamodb.DeleteItemInput) error {',
        '\t_, err := r.db.DeleteItem(ctx, in)',
        '\treturn err',
        '}',
        'func (r *Repo) Resize() error { return r.ModifyDBInstance(nil, nil) }',
      );
      const found = hints('admin.go', code);
      assertHasAll(found, ['18:ModifyDBInstance rds-modify-db-instance', '23:DeleteItem dynamodb-delete-item']);
      assert.ok(!found.some((hint) => hint.startsWith('26:')), found.join('\n'));
    });
  });

  describe('C#', () => {
    it('reads a field, not the method of the same name, where the name is read rather than called', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'public class Orders {',
        '    private readonly IAmazonDynamoDB orders;',
        '    public Orders(IAmazonDynamoDB orders) { this.orders = orders; }',
        '    public async Task orders() {',
        '        await orders.ScanAsync(new ScanRequest { TableName = "orders" });',
        '    }',
        '}',
      );
      assertHasAll(hints('Orders.cs', code), ['7:ScanAsync dynamodb-scan']);
    });

    it('sees injected interfaces, DynamoDBContext and the document model', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'using Amazon.DynamoDBv2.DataModel;',
        'using Amazon.DynamoDBv2.DocumentModel;',
        'public class Repo',
        '{',
        '    private readonly IAmazonDynamoDB _db;',
        '    private readonly IDynamoDBContext _context;',
        '    public Repo(IAmazonDynamoDB db, IDynamoDBContext context) { _db = db; _context = context; }',
        '    public Task All() => _db.ScanAsync(new ScanRequest { TableName = "o" });',
        '    public Task<Order> One(string id) => _context.LoadAsync<Order>(id);',
        '    public async Task Doc() { var table = Table.LoadTable(_db, "o"); await table.GetItemAsync("id"); }',
        '}',
      );
      const found = hints('Repo.cs', code);
      assert.ok(found.includes('10:ScanAsync dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('11:LoadAsync dynamodb-get-item'), found.join('\n'));
      assert.ok(found.includes('12:GetItemAsync dynamodb-get-item'), found.join('\n'));
    });
    it('sees a field of a base class named after `:`, and not through a `where` constraint', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'public abstract class TableStore<T> where T : class',
        '{',
        '    protected readonly IAmazonDynamoDB Db;',
        '    protected TableStore(IAmazonDynamoDB db) { Db = db; }',
        '}',
        'public sealed class OrderStore(IAmazonDynamoDB db) : TableStore<Order>(db)',
        '{',
        '    public Task Remove(Dictionary<string, AttributeValue> key) => Db.DeleteItemAsync("orders", key);',
        '}',
        'public sealed class Report<T> where T : TableStore<T>',
        '{',
        '    public Task Remove(Dictionary<string, AttributeValue> key) => Db.DeleteItemAsync("orders", key);',
        '}',
      );
      const found = hints('OrderStore.cs', code);
      assert.ok(found.includes('10:DeleteItemAsync dynamodb-delete-item'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('14:')), found.join('\n'));
    });
    it('types a local by the service a provider resolves', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'public static class Cleanup',
        '{',
        '    public static Task Run(IServiceProvider services, Dictionary<string, AttributeValue> key)',
        '    {',
        '        var db = services.GetRequiredService<IAmazonDynamoDB>();',
        '        var logger = services.GetRequiredService<ILogger>();',
        '        logger.DeleteItemAsync("orders", key);',
        '        return db.DeleteItemAsync("orders", key);',
        '    }',
        '}',
      );
      assert.deepEqual(hints('Cleanup.cs', code), ['10:DeleteItemAsync dynamodb-delete-item']);
    });
  });

  describe('CDK', () => {
    it('reads construct method calls, enum values and static factories on constructs bound in a stack', () => {
      const code = lines(
        "import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        'export class DataStack extends Stack {',
        '  constructor(scope, id, props) {',
        '    super(scope, id, props);',
        "    const table = new dynamodb.TableV2(this, 'T', { partitionKey: props.key, removalPolicy: RemovalPolicy.DESTROY });",
        '    table.grantFullAccess(props.fn);',
        "    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc: props.vpc });",
        '    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432));',
        '    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));',
        "    this.db = new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_5_7 }), vpc: props.vpc, storageEncrypted: true });",
        "    rds.ClusterInstance.provisioned('writer', { publiclyAccessible: true });",
        "    new rds.DatabaseCluster(this, 'C', { backup: { retention: Duration.days(0) }, backupRetention: Duration.days(0), credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('hunter2')) });",
        '  }',
        '}',
      );
      const found = hints('stack.ts', code);
      for (const expected of ['8:removalPolicy dynamodb-removal-policy!', '9:grantFullAccess dynamodb-grant!', '11:addIngressRule rds-open-ingress!', '14:publiclyAccessible rds-publicly-accessible', '15:backupRetention rds-backup-retention!']) {
        assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
      }
      assert.ok(found.some((hint) => hint.startsWith('13:') && hint.endsWith('rds-engine-version-extended-support!')), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('12:')), 'port 443 open to the world is no database port');
      assert.ok(found.some((hint) => hint.startsWith('15:') && hint.endsWith('rds-master-password!')), found.join('\n'));
    });

    it('reads the proxy a database makes with addProxy, in TypeScript and Python, and nothing on a Map method of that name', () => {
      const typescript = hints(
        'stack.ts',
        lines(
          "import * as rds from 'aws-cdk-lib/aws-rds';",
          "const db = new rds.DatabaseInstance(this, 'Db', { engine, vpc });",
          "db.addProxy('Proxy', { secrets: [db.secret!], vpc, iamAuth: true });",
          'const registry = new Map();',
          "registry.addProxy('Proxy', { iamAuth: true });",
        ),
      );
      assertHasAll(typescript, ['3:addProxy rds-proxy', '3:iamAuth rds-iam-auth']);
      assert.ok(!typescript.some((hint) => hint.startsWith('5:')), typescript.join('\n'));
      const python = hints(
        'stack.py',
        lines('from aws_cdk import aws_rds as rds', 'cluster = rds.DatabaseCluster(self, "C", engine=engine, vpc=vpc)', 'cluster.add_proxy("Proxy", secrets=[cluster.secret], vpc=vpc, iam_auth=True)'),
      );
      assertHasAll(python, ['3:add_proxy rds-proxy', '3:iam_auth rds-iam-auth']);
    });
  });
});
