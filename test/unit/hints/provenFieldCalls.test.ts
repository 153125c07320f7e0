/**
 * Python repositories that take their table in `__init__`: a call on the field whose request says DynamoDB
 * (`self.table.query(KeyConditionExpression=...)`) tells what the field holds, so its other item calls
 * (`get_item(Key=...)`, `put_item(Item=...)`, `scan(**params)`, `batch_writer()`) are read too.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function onLine(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`));
}

describe('Item calls on a field that a sibling call proves a DynamoDB table', () => {
  const repository = sourceLines(
    'from boto3.dynamodb.conditions import Key',
    'class BaseRepository:',
    '    def __init__(self, table):',
    '        self.table = table',
    '    def query(self, pk):',
    '        return self.table.query(KeyConditionExpression=Key("PK").eq(pk))["Items"]',
    '    def get(self, pk, sk):',
    '        return self.table.get_item(Key={"PK": pk, "SK": sk}).get("Item")',
    '    def put(self, item):',
    '        self.table.put_item(Item=item)',
    '    def scan(self, flt=None):',
    '        params = {}',
    '        if flt is not None:',
    '            params["FilterExpression"] = flt',
    '        return self.table.scan(**params)["Items"]',
    '    def write_all(self, items):',
    '        with self.table.batch_writer() as batch:',
    '            for item in items:',
    '                batch.put_item(Item=item)',
    '    def raw(self, sql):',
    '        return self.table.query(sql)',
    '    def remove(self, pk, sk):',
    '        self.table.delete_item(Key={"PK": pk, "SK": sk})',
  );

  it('reads get_item, put_item, a dict-spread scan, delete_item and batch_writer on the proven field', () => {
    const found = hintsIn('base_repository.py', repository);
    assert.deepEqual(onLine(found, 8), ['8:get_item dynamodb-get-item']);
    assert.deepEqual(onLine(found, 10), ['10:put_item dynamodb-put-item']);
    assert.ok(onLine(found, 15).includes('15:scan dynamodb-scan!'), found.join('\n'));
    assert.deepEqual(onLine(found, 17), ['17:batch_writer dynamodb-batch-write-item']);
    assert.deepEqual(onLine(found, 23), ['23:delete_item dynamodb-delete-item']);
  });

  it('leaves a positional call of the same name alone: boto3 takes keywords only', () => {
    assert.deepEqual(onLine(hintsIn('base_repository.py', repository), 21), []);
  });

  it('needs a proving call in the same class, on the same field', () => {
    const code = sourceLines(
      'class Store:',
      '    def __init__(self, table, other):',
      '        self.table = table',
      '        self.other = other',
      '    def get(self, pk):',
      '        return self.table.get_item(Key={"pk": pk})',
      '    def by_pk(self, pk):',
      '        return self.other.query(KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": pk})',
      'class Cache:',
      '    def __init__(self, table):',
      '        self.table = table',
      '    def put(self, item):',
      '        self.table.put_item(Item=item)',
      'class Orders:',
      '    def __init__(self, table):',
      '        self.table = table',
      '    def page(self, pk):',
      '        return self.table.query(KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": pk})',
    );
    const found = hintsIn('stores.py', code);
    assert.deepEqual(onLine(found, 6), []);
    assert.deepEqual(onLine(found, 13), []);
    assert.ok(onLine(found, 8).includes('8:query dynamodb-query'), found.join('\n'));
  });

  it('stays silent on a field the class sets from a value it knows', () => {
    const known = sourceLines(
      'class InMemoryTable:',
      '    def query(self, **kwargs): return {"Items": []}',
      '    def get_item(self, **kwargs): return {}',
      'class Repo:',
      '    def __init__(self):',
      '        self.table = InMemoryTable()',
      '    def page(self, pk):',
      '        return self.table.query(KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": pk})',
      '    def get(self, pk):',
      '        return self.table.get_item(Key={"pk": pk})',
    );
    assert.deepEqual(onLine(hintsIn('repo.py', known), 10), []);
  });
});
