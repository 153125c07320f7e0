/**
 * DynamoDB calls on receivers of unknown origin (an untyped parameter, a property of one, a field set from
 * one), read by the shape of their request; and the look-alikes of other libraries, test doubles and
 * values known to be something else, which stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** The hints on one line, by its number. */
function onLine(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`));
}

describe('DynamoDB requests on receivers of unknown origin', () => {
  describe('Python', () => {
    it('reads keyword requests, a **params dict and boto3 conditions on untyped parameters', () => {
      const code = sourceLines(
        'from boto3.dynamodb.conditions import Key, Attr',
        'def find_by_identifier(table, identifier):',
        '    return table.query(IndexName="ByIdentifier", KeyConditionExpression=Key("IdentifierPK").eq(identifier), Limit=1)',
        'def find_active(table, owner):',
        '    return table.scan(FilterExpression=Attr("owner").eq(owner))',
        'def list_messages(client, handle):',
        '    params = {"TableName": "messages", "KeyConditionExpression": "pk = :pk", "ExpressionAttributeValues": {":pk": {"S": handle}}}',
        '    return client.query(**params)',
        'def save_all(client, items):',
        '    client.batch_write_item(RequestItems={"t": items})',
        'def by_condition(table, day):',
        '    condition = Key("day").eq(day)',
        '    return table.query(KeyConditionExpression=condition)',
      );
      const found = hintsIn('repo.py', code);
      assert.deepEqual(onLine(found, 3), ['3:query dynamodb-query', '3:IndexName dynamodb-index-name', '3:KeyConditionExpression dynamodb-key-condition-expression', '3:Limit dynamodb-limit']);
      assert.deepEqual(onLine(found, 5), ['5:scan dynamodb-scan', '5:FilterExpression dynamodb-filter-expression', '5:scan dynamodb-scan!', '5:FilterExpression dynamodb-filter-expression!']);
      assert.deepEqual(onLine(found, 8), ['8:query dynamodb-query', '8:query dynamodb-query!']);
      assert.deepEqual(onLine(found, 10), ['10:batch_write_item dynamodb-batch-write-item', '10:RequestItems dynamodb-request-items', '10:batch_write_item dynamodb-batch-write-item!']);
      assert.ok(found.includes('13:query dynamodb-query'), found.join('\n'));
    });

    it('reads a field set from an untyped parameter and a local that copies a parameter member, and credits a pagination loop', () => {
      const code = sourceLines(
        'class OrderRepository:',
        '    def __init__(self, table, client=None):',
        '        self.table = table',
        '        self.client = client',
        '    def page(self, start):',
        '        return self.table.query(KeyConditionExpression="pk = :p", ExclusiveStartKey=start)',
        '    def all(self):',
        '        kwargs = {"TableName": "orders"}',
        '        while True:',
        '            page = self.client.scan(**kwargs)',
        '            if "LastEvaluatedKey" not in page:',
        '                break',
        '            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]',
        'def handler(deps, key):',
        '    ddb = deps.ddb',
        '    return ddb.get_item(TableName="orders", Key=key, ConsistentRead=True)',
      );
      const found = hintsIn('orders.py', code);
      assert.ok(found.includes('6:query dynamodb-query'), found.join('\n'));
      assert.ok(found.includes('10:scan dynamodb-scan'), found.join('\n'));
      assert.ok(!found.includes('10:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('16:get_item dynamodb-get-item'), found.join('\n'));
      assert.ok(found.includes('16:ConsistentRead dynamodb-consistent-read'), found.join('\n'));
    });

    it('reads the Table() a field or a cached property makes of a resource of unknown origin, and a condition in parentheses or negated', () => {
      // Seen in an NFT indexer's repository base: `self.resource = dynamodb_resource`, then `@cached_property def table(self): return self.resource.Table(self.table_name)`.
      const code = sourceLines(
        'from functools import cached_property',
        'from boto3.dynamodb.conditions import Attr, Key',
        'class RepositoryBase:',
        '    def __init__(self, table_name, dynamodb_resource):',
        '        self.table_name = table_name',
        '        self.resource = dynamodb_resource',
        '        self.events = dynamodb_resource.Table(table_name + "-events")',
        '    @cached_property',
        '    def table(self):',
        '        return self.resource.Table(self.table_name)',
        'class UserRepository(RepositoryBase):',
        '    def by_email(self, email):',
        '        return self.table.query(IndexName="emails", KeyConditionExpression=(Key("email").eq(email) & Key("sk").eq("p")))["Items"]', // 13
        '    def history(self, user):',
        '        table = self.events',
        '        return table.query(KeyConditionExpression=Key("pk").eq(user))["Items"]', // 16
        '    def one(self, user):',
        '        return self.table.get_item(Key={"pk": user})', // 18
        '    def claim(self, user):',
        '        self.table.put_item(Item={"pk": user}, ConditionExpression=~(Attr("pk").eq(user)))', // 20
      );
      const found = hintsIn('users.py', code);
      assert.ok(found.includes('13:query dynamodb-query'), found.join('\n'));
      assert.ok(found.includes('13:KeyConditionExpression dynamodb-key-condition-expression'), found.join('\n'));
      assert.ok(found.includes('16:query dynamodb-query'), found.join('\n'));
      // Key alone is no DynamoDB-only key, but the query on the same field at line 13 says what the field holds.
      assert.deepEqual(onLine(found, 18), ['18:get_item dynamodb-get-item']);
      // A negated boto3 condition is one too.
      assert.ok(found.includes('20:put_item dynamodb-put-item'), found.join('\n'));
      assert.ok(found.includes('20:ConditionExpression dynamodb-condition-expression'), found.join('\n'));
    });

    it('reads a field also set from a local that holds the Table() of a resource of unknown origin', () => {
      // Seen in a loader's table class: `table = self.dyn_resource.Table(name); table.load()`, then `self.table = table` in the `else` of the `try`.
      const code = sourceLines(
        'from boto3.dynamodb.conditions import Key',
        'class ReadingsTable:',
        '    def __init__(self, dyn_resource, name):',
        '        self.dyn_resource = dyn_resource',
        '        if not self.exists(name):',
        '            self.table = self.dyn_resource.Table(name)',
        '    def exists(self, name):',
        '        try:',
        '            table = self.dyn_resource.Table(name)',
        '            table.load()',
        '        except Exception:',
        '            return False',
        '        else:',
        '            self.table = table',
        '        return True',
        '    def add(self, item):',
        '        self.table.put_item(Item=item)', // 17
        '    def of(self, pk):',
        '        return self.table.query(KeyConditionExpression=Key("pk").eq(pk))["Items"]', // 19
        'class Shelf:',
        '    def __init__(self, vendor, name):',
        '        shelf = vendor.open_table(name)',
        '        self.shelf = shelf',
        '    def add(self, item):',
        '        self.shelf.put_item(Item=item)', // 25
        '    def of(self, pk):',
        '        return self.shelf.query(KeyConditionExpression=Key("pk").eq(pk))', // 27
      );
      const found = hintsIn('readings.py', code);
      assert.deepEqual(onLine(found, 17), ['17:put_item dynamodb-put-item']);
      assert.ok(found.includes('19:query dynamodb-query'), found.join('\n'));
      // A local that another call gives is not a Table of unknown origin.
      assert.deepEqual([...onLine(found, 25), ...onLine(found, 27)], []);
    });

    it('stays silent on the Table() of a known value, of a call, or with no DynamoDB-only key in the request', () => {
      const code = sourceLines(
        'from boto3.dynamodb.conditions import Key',
        'from docx import Document',
        'class Report:',
        '    def __init__(self, source, grid):',
        '        self.doc = Document()',
        '        self.sheet = self.doc.Table(3)',
        '        self.made = make_store().Table("x")',
        '        self.grid = grid.Table("rows")',
        '    def rows(self, v):',
        '        return self.sheet.query(KeyConditionExpression=Key("pk").eq(v))',
        '    def more(self, v):',
        '        return self.made.query(KeyConditionExpression=Key("pk").eq(v))',
        '    def cells(self, text):',
        '        return self.grid.query(text)',
      );
      assert.deepEqual(hintsIn('report.py', code), []);
    });

    it('stays silent on look-alikes, ambiguous shapes, known values, typed parameters, shadowed names and tests', () => {
      const code = sourceLines(
        'from sqlalchemy.orm import Session',
        'from boto3.dynamodb.conditions import Key',
        'def search(es, term):',
        '    return es.search(index="orders", body={"query": {"match": {"name": term}}})',
        'def users(session):',
        '    return session.query(User).filter(User.id == 1).all()',
        'def rows(table):',
        '    return table.scan(row_start=b"a", row_stop=b"b")',
        'def everything(db):',
        '    return db.scan()',
        'def cached(cache, key):',
        '    return cache.get(key)',
        'def keys(r):',
        '    return r.keys("*")',
        'def typed(session: Session):',
        '    return session.query(TableName="x")',
        'def shadowed(client):',
        '    client = make_search_client()',
        '    return client.query(TableName="x")',
        'def known():',
        '    lookup = {}',
        '    return lookup.get("TableName")',
        'def test_scan(table):',
        '    assert table.scan(TableName="t")["Count"] == 0',
        'def doubled(mock_table):',
        '    return mock_table.query(KeyConditionExpression=Key("pk").eq(1))',
        'def simpledb(sdb):',
        '    return sdb.get_attributes(DomainName="d", ItemName="i", ConsistentRead=True)',
        'def conditions_from_elsewhere(table):',
        '    return table.scan(FilterExpression=Other("pk").eq(1))',
        'def timestream_table(write_client):',
        '    return write_client.create_table(DatabaseName="metrics", TableName="cpu", RetentionProperties={})',
      );
      assert.deepEqual(hintsIn('lookalikes.py', code), []);
    });

    it('reads update_time_to_live by its TimeToLiveSpecification, DynamoDB\'s own key', () => {
      const code = sourceLines(
        'def enable_expiry(client, table_name):',
        '    client.update_time_to_live(',
        '        TableName=table_name,',
        '        TimeToLiveSpecification={"AttributeName": "expires_at", "Enabled": True},',
        '    )',
        'class Sessions:',
        '    def __init__(self, ddb):',
        '        self._ddb = ddb',
        '    def expire(self, spec):',
        '        return self._ddb.update_time_to_live(TableName="sessions", TimeToLiveSpecification=spec)',
      );
      assert.deepEqual(hintsIn('expiry.py', code), ['2:update_time_to_live dynamodb-ttl', '10:update_time_to_live dynamodb-ttl']);
    });

    it('reads create_table and createTable by their KeySchema, DynamoDB\'s own key, in Python and JavaScript', () => {
      const python = sourceLines(
        'def create_orders(client, name):',
        '    client.create_table(',
        '        TableName=name,',
        '        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],',
        '        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],',
        '        BillingMode="PAY_PER_REQUEST",',
        '    )',
        'def timestream(write_client):',
        '    write_client.create_table(DatabaseName="metrics", TableName="cpu", Schema={"CompositePartitionKey": []})',
        'def glue(catalog):',
        '    catalog.create_table(DatabaseName="lake", TableInput={"Name": "orders"})',
      );
      assert.deepEqual(hintsIn('tables.py', python), ['4:KeySchema dynamodb-key-schema', '5:AttributeDefinitions dynamodb-key-schema', '6:BillingMode dynamodb-billing-mode']);
      const javascript = sourceLines(
        'const params = {',
        "  TableName: 'Author',",
        "  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],",
        "  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],",
        '  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },',
        '};',
        'exports.createAuthor = (req, res, dynamodb) => {',
        '  dynamodb.createTable(params, (err, data) => res.send(err ?? data));',
        '};',
        'exports.createMetrics = (writeClient) => writeClient.createTable({ DatabaseName: \'metrics\', TableName: \'cpu\' });',
      );
      assert.deepEqual(hintsIn('createTables.js', javascript), ['3:KeySchema dynamodb-key-schema', '4:AttributeDefinitions dynamodb-key-schema', '5:ProvisionedThroughput dynamodb-billing-mode']);
    });

    it('stays silent on update_time_to_live without TimeToLiveSpecification and on Timestream\'s table calls', () => {
      const code = sourceLines(
        'def by_table_only(client, table_name):',
        '    return client.update_time_to_live(TableName=table_name)',
        'def by_spread(client, request):',
        '    return client.update_time_to_live(**request)',
        'def another_ttl(cache, spec):',
        '    return cache.update_time_to_live(TimeToLive=spec, TableName="t")',
        'def retention(write_client, name):',
        '    write_client.update_table(DatabaseName="metrics", TableName=name, RetentionProperties={"MemoryStoreRetentionPeriodInHours": 24})',
        '    write_client.create_table(DatabaseName="metrics", TableName=name)',
        '    write_client.describe_table(DatabaseName="metrics", TableName=name)',
        '    write_client.delete_table(DatabaseName="metrics", TableName=name)',
        'def test_expiry(client):',
        '    client.update_time_to_live(TableName="t", TimeToLiveSpecification={"AttributeName": "ttl", "Enabled": True})',
      );
      assert.deepEqual(hintsIn('lookalike_tables.py', code), []);
    });
  });

  describe('JavaScript and TypeScript', () => {
    it('reads an inline literal, a variable and a v2 .promise() call on untyped parameters', () => {
      const code = sourceLines(
        "const TABLE = process.env.TABLE_NAME;",
        'async function list(docClient, id) {',
        "  return docClient.query({ TableName: TABLE, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'pk' }, ExpressionAttributeValues: { ':pk': id } }).promise();",
        '}',
        "function scanAll(ddb) { return ddb.scan({ TableName: 'orders' }); }",
        'const saveAll = (client, items) => client.batchWrite({ RequestItems: { orders: items } }).promise();',
        'exports.handler = async (event, { db }) => {',
        "  const params = { TableName: 'orders', Key: { id: event.id }, ConsistentRead: true, IndexName: 'byId' };",
        '  return db.get(params).promise();',
        '};',
      );
      const found = hintsIn('handler.js', code);
      assert.ok(found.includes('3:query dynamodb-query'), found.join('\n'));
      assert.ok(found.includes('3:query dynamodb-query!'), found.join('\n'));
      assert.ok(found.includes('5:scan dynamodb-scan!'), found.join('\n'));
      assert.ok(found.includes('6:batchWrite dynamodb-batch-write-item!'), found.join('\n'));
      assert.ok(found.includes('9:get dynamodb-get-item'), found.join('\n'));
      assert.ok(found.includes('8:ConsistentRead dynamodb-consistent-read!'), found.join('\n'));
    });

    it('reads a field set from an any-typed parameter property and from an untyped constructor parameter', () => {
      const code = sourceLines(
        'export class OrdersService {',
        '  constructor(private readonly client: any, private readonly table: string) {}',
        '  byCustomer(id: string) {',
        "    return this.client.query({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': id } });",
        '  }',
        '}',
        'export class Audit {',
        '  db;',
        '  constructor(db) { this.db = db; }',
        '  write(entries) { return this.db.transactWrite({ TransactItems: entries }); }',
        '}',
      );
      const found = hintsIn('orders.service.ts', code);
      assert.ok(found.includes('4:query dynamodb-query'), found.join('\n'));
      assert.ok(found.includes('10:transactWrite dynamodb-transact-write-items'), found.join('\n'));
    });

    it('stays silent on look-alikes, ambiguous shapes, typed parameters, known values and test doubles', () => {
      const code = sourceLines(
        "import { Client } from '@elastic/elasticsearch';",
        "import type { Knex } from 'knex';",
        'export async function find(es, term) { return es.search({ index: "orders", query: { match: { term } } }); }',
        'export const rows = (knex: Knex) => knex.query({ TableName: "orders" });',
        'export function byId(collection, id) { return collection.find({ _id: id }); }',
        'export function all(db) { return db.scan(); }',
        'export function byKey(cache, key) { return cache.get(key); }',
        'export function keys(r) { return r.keys("*"); }',
        'export function repoQuery(repo, sql) { return repo.query(sql); }',
        'export function fromMap() { const m = new Map(); return m.get({ TableName: "x" }); }',
        'export function withDouble(ddbMock) { return ddbMock.scan({ TableName: "orders" }); }',
        'export function made() { const client = new Client({}); return client.scan({ TableName: "orders" }); }',
        'export function called(factory) { return factory().scan({ TableName: "orders" }); }',
        'export function promiseOnly(docClient, id) { return docClient.get({ Key: { id } }).promise(); }',
        "it('scans', async () => { const fake = (c) => c.scan({ TableName: 'orders' }); await fake(client); });",
      );
      assert.deepEqual(hintsIn('lookalikes.ts', code), []);
    });
  });

  it('TypeScript: a call with type arguments (`db.query<Page>({...})`) on an untyped receiver is read like one without', () => {
    const code = sourceLines(
      'export class OrderRepository {',
      '  constructor(private readonly db: any) {}',
      '  async byCustomer(id: string) {',
      "    const out = await this.db.query<OrderPage>({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': id } });",
      '    return out.Items;',
      '  }',
      '  async other(id: string) {',
      "    return this.db.query<Row>({ sql: 'select 1', values: [id] });",
      '  }',
      '}',
    );
    const found = hintsIn('orders.ts', code);
    assert.deepEqual(onLine(found, 4), ['4:query dynamodb-query', '4:KeyConditionExpression dynamodb-key-condition-expression', '4:query dynamodb-query!']);
    assert.deepEqual(onLine(found, 8), []);
  });

  it('TypeScript: an object type as the type argument (`db.query<{ Items: Order[] }>({...})`) is skipped whole', () => {
    const code = sourceLines(
      'export class OrderRepository {',
      '  constructor(private readonly db: any) {}',
      '  async byCustomer(id: string) {',
      "    const out = await this.db.query<{ Items: Order[]; Count: number }>({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': id } });",
      '    return out.Items;',
      '  }',
      '  async pages(id: string) {',
      "    return this.db.scan<{ Items: Order[] } | undefined>({ TableName: 'orders' });",
      '  }',
      '  compare(a: number, b: number) {',
      "    return this.db.query(a < b, { TableName: 'orders' }, b > a);",
      '  }',
      '}',
    );
    const found = hintsIn('orders.ts', code);
    assert.deepEqual(onLine(found, 4), ['4:query dynamodb-query', '4:KeyConditionExpression dynamodb-key-condition-expression', '4:query dynamodb-query!']);
    assert.deepEqual(onLine(found, 8), ['8:scan dynamodb-scan', '8:scan dynamodb-scan!']);
    assert.deepEqual(onLine(found, 11), []);
  });
});
