/**
 * boto3 calls on a client or table that a project module makes, known by the request's own keywords,
 * and the look-alikes that stay silent: a parameter of unknown origin, a test double, a call whose
 * keywords another library's method could take.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python: clients a project module makes', () => {
  it('reads a request on a table or client imported from, or made by, a project module', () => {
    const code = sourceLines(
      'from boto3.dynamodb.conditions import Key',
      'from .clients import get_table, orders_table',
      'from app.aws import dynamo_client',
      'from . import db',
      'def handler(event, context):',
      '    table = get_table()',
      '    return table.query(KeyConditionExpression=Key("pk").eq(event["id"]), IndexName="by-status", ConsistentRead=True)["Items"]',
      'def everything():',
      '    return dynamo_client().scan(TableName="orders")["Items"]',
      'def one(order_id):',
      '    return orders_table.get_item(Key={"pk": order_id}).get("Item")',
      'def save(items):',
      '    db.client.batch_write_item(RequestItems={"orders": items})',
    );
    const found = hintsIn('handler.py', code);
    for (const expected of [
      '7:query dynamodb-query',
      '7:ConsistentRead dynamodb-consistent-read!',
      '9:scan dynamodb-scan',
      '9:scan dynamodb-scan!',
      '11:get_item dynamodb-get-item',
      '13:batch_write_item dynamodb-batch-write-item!',
    ]) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it("reads no request in a call whose keywords are in lower case, a builder's own signature that boto3 would reject", () => {
    const code = sourceLines(
      'from app.dynamodb import base',
      'from app.dynamodb import orders_table',
      'def load(key, **kwargs):',
      '    params = base.get_item(key=key, **kwargs)',
      '    return params',
      'def remove(table, key):',
      '    return base.delete_item(TableName=table, key=key)',
      'def one(order_id):',
      '    return orders_table.get_item(Key={"pk": order_id}).get("Item")',
    );
    const found = hintsIn('orders.py', code).filter((hint) => / dynamodb-/.test(hint));
    assert.deepEqual(found, ['9:get_item dynamodb-get-item']);
  });

  it('reads a request on a field its class sets from a project module, and not an ambiguous one on a field set from a parameter', () => {
    const code = sourceLines(
      'from app.util.clients import table_client',
      'class WindowStore:',
      '    def __init__(self, table_name, injected):',
      '        self._client = table_client()',
      '        self._other = injected',
      '        self._table_name = table_name',
      '    def save(self, item):',
      '        self._client.put_item(TableName=self._table_name, Item=item)',
      '        self._other.put_item(Item=item)',
    );
    assert.deepEqual(hintsIn('windows.py', code), ['8:put_item dynamodb-put-item']);
  });

  it('follows a same-file getter, a local and an or-fallback of a parameter to the project module', () => {
    const code = sourceLines(
      'from common.tables import table_named',
      '_ledger = None',
      'def ledger_table():',
      '    global _ledger',
      '    if _ledger is None:',
      '        _ledger = table_named("ledger")',
      '    return _ledger',
      'def entries_for(account):',
      '    return ledger_table().query(KeyConditionExpression="account = :a", ExpressionAttributeValues={":a": account})',
      'def record(entry, table=None):',
      '    target = table or ledger_table()',
      '    target.put_item(Item=entry, ConditionExpression="attribute_not_exists(pk)")',
      'def unrelated():',
      '    return {"a": 1}',
      'def passed_in(table, entry):',
      '    table.put_item(Item=entry, ConditionExpression="attribute_not_exists(pk)")',
      '    fallback = table or unrelated()',
      '    fallback.put_item(Item=entry, ConditionExpression="attribute_not_exists(pk)")',
      '    unrelated().query(KeyConditionExpression="x = :x")',
    );
    const found = hintsIn('ledger.py', code).filter((hint) => !hint.includes('Expression'));
    assert.deepEqual(found, ['9:query dynamodb-query', '12:put_item dynamodb-put-item', '9:query dynamodb-query!']);
  });

  it('stays silent on a test double, a known library, keywords another method could take, and a parameter of ambiguous shape', () => {
    const code = sourceLines(
      'from unittest.mock import MagicMock',
      'from .clients import get_client, cache',
      'def injected(client):',
      '    return client.scan(Limit=10)',
      'def doubled():',
      '    client = MagicMock()',
      '    return client.scan(TableName="orders")',
      'def lookup():',
      '    return get_client().get(Key="orders")',
      'def bare():',
      '    return cache.scan()',
      'def method_of_self(self):',
      '    return self.client.scan(TableName="orders")',
      'def injected_table_name(client):',
      '    return client.scan(TableName="orders")',
    );
    // A parameter of unknown origin whose request names its table is read by that shape (`requestShapes.ts`).
    assert.deepEqual(hintsIn('service.py', code), ['15:scan dynamodb-scan', '15:scan dynamodb-scan!']);
  });

  it('stays silent on a request sent through a test double module, which a project module of the same shape is not', () => {
    const call = (name: string): string => `    return ${name}.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk})`;
    const code = sourceLines(
      'from app.db import orders',
      'from tests.fakes import fake_orders',
      'from .conftest import orders_fixture',
      'from . import mocks',
      'from app.stores import mock_table',
      'def real(pk):',
      call('orders'),
      'def faked(pk):',
      call('fake_orders'),
      'def fixture(pk):',
      call('orders_fixture'),
      'def mocked(pk):',
      call('mocks.table'),
      'def named_as_double(pk):',
      call('mock_table'),
    );
    assert.deepEqual(
      hintsIn('app/handler.py', code).filter((hint) => hint.includes(' dynamodb-query')),
      ['7:query dynamodb-query', '7:query dynamodb-query!'],
    );
  });

  it("reads no item request on the batch writer of a project module's table, and still one on the table or a local it gives", () => {
    const code = sourceLines(
      'from .dynamo_setup import subtitle_table, get_table',
      'def save_all(video_id, subtitles):',
      "    with subtitle_table.batch_writer(overwrite_by_pkeys=['video_id', 'start']) as batch:",
      '        for subtitle in subtitles:',
      "            batch.put_item(Item={'video_id': video_id, 'start': subtitle['start']})",
      'def delete_all(keys):',
      '    with get_table("subtitles").batch_writer() as batch:',
      '        for key in keys:',
      '            batch.delete_item(Key=key)',
      'def save_each(subtitles):',
      '    table = get_table("subtitles")',
      '    for subtitle in subtitles:',
      '        table.put_item(Item=subtitle)',
      '    for subtitle in subtitles:',
      '        subtitle_table.put_item(Item=subtitle)',
    );
    const found = hintsIn('core/tasks.py', code).filter((hint) => !hint.startsWith('3:') && !hint.startsWith('7:'));
    assert.deepEqual(found.sort(), ['13:put_item dynamodb-item-loop', '13:put_item dynamodb-item-loop!', '13:put_item dynamodb-put-item', '15:put_item dynamodb-item-loop', '15:put_item dynamodb-item-loop!', '15:put_item dynamodb-put-item']);
  });
});
