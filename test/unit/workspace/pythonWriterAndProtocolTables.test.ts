/**
 * Python repositories whose table or client nothing in the file tells: writes sent through a `self` member that a
 * base class of another module defines (`self.writer.put_item(TableName=..., ...)`, a `@property` that picks a
 * transaction's collector or a pass-through to the client), read by their boto3 low-level request; and a table
 * parameter annotated with a `typing.Protocol` class, of the file or of another module, which says only which
 * methods the value has, so its calls are read by their requests as on an untyped parameter.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

function onLine(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`));
}

const BASE = sourceLines(
  'from .outbox import Passthrough, pending',
  '',
  'class Repository:',
  '    def __init__(self, client):',
  '        self.client = client',
  '        self._direct = Passthrough(client)',
  '',
  '    @property',
  '    def writer(self):',
  '        return pending.get() or self._direct',
);

const ORDERS = sourceLines(
  'from .base import Repository',
  '',
  'class OrderRepository(Repository):',
  '    table_name = "orders"',
  '',
  '    async def add(self, order):',
  '        await self.writer.put_item(TableName=self.table_name, Item=order, ConditionExpression="attribute_not_exists(pk)")',
  '',
  '    async def cancel(self, order_id):',
  '        await self.writer.update_item(TableName=self.table_name, Key={"pk": {"S": order_id}}, UpdateExpression="SET cancelled = :t", ExpressionAttributeValues={":t": {"BOOL": True}})',
  '',
  '    async def archive(self, order_id):',
  '        await self.writer.archive_item(order_id, reason="done")',
  '',
  '    async def note(self, order_id):',
  '        await self.writer.put_item(table=self.table_name, item={"pk": order_id})',
);

describe('Python writes through a self member that a base class of another module defines', () => {
  const found = () => hintsInWorkspace(workspaceOf({ 'shop/base.py': BASE, 'shop/orders.py': ORDERS }), 'shop/orders.py', ORDERS);

  it('reads a boto3 low-level request (keywords only, TableName among them) as the operation it names', () => {
    assert.deepEqual(onLine(found(), 7).sort(), ['7:ConditionExpression dynamodb-condition-expression', '7:put_item dynamodb-put-item']);
    assert.ok(onLine(found(), 10).includes('10:update_item dynamodb-update-item'), found().join('\n'));
  });

  it('leaves the member\'s own methods alone: positional or lower-case arguments are no boto3 request', () => {
    assert.deepEqual(onLine(found(), 13), []);
    assert.deepEqual(onLine(found(), 16), []);
  });

  it('reads a same-file @property that returns a fallback, and nothing without the workspace for another module\'s base', () => {
    const code = sourceLines(
      'class Repo:',
      '    def __init__(self, client):',
      '        self._direct = Wrapper(client)',
      '    @property',
      '    def writer(self):',
      '        return pending.get() or self._direct',
      '    @property',
      '    def typed(self) -> "Ledger":',
      '        return pending.get() or self._direct',
      '    def add(self, row):',
      '        self.writer.put_item(TableName="rows", Item=row)',
      '        self.typed.put_item(TableName="rows", Item=row)',
      'def loose(self, row):',
      '    self.writer.put_item(TableName="rows", Item=row)',
    );
    const found = hintsIn('repo.py', code);
    assert.deepEqual(onLine(found, 11), ['11:put_item dynamodb-put-item']);
    assert.deepEqual(onLine(found, 12), []);
    assert.deepEqual(onLine(found, 14), []);
    assert.deepEqual(onLine(hintsInWorkspace(undefined, 'shop/orders.py', ORDERS), 7), []);
  });

  it('leaves a member the class sets itself from a call, which may be a stand-in', () => {
    const code = sourceLines(
      'class Audit:',
      '    def __init__(self, session):',
      '        self.client = session.client("dynamodb")',
      '    def entries(self, actor):',
      '        return self.client.query(TableName="audit", KeyConditionExpression="a = :a", ExpressionAttributeValues={":a": {"S": actor}})["Items"]',
    );
    assert.deepEqual(onLine(hintsIn('audit.py', code), 5), []);
  });

  it('leaves a member the class sets to a known value', () => {
    const code = sourceLines(
      'class Store:',
      '    def __init__(self):',
      '        self.rows = {}',
      '    def put(self, row):',
      '        self.rows.put_item(TableName="rows", Item=row)',
    );
    assert.deepEqual(onLine(hintsIn('store.py', code), 5), []);
  });
});

const PORTS = sourceLines('from typing import Callable, Protocol', '', 'class CounterTable(Protocol):', '    update_item: Callable');

const ADAPTER = sourceLines(
  'import typing',
  'from typing import Callable',
  'from .ports import CounterTable',
  '',
  'class LocalTable(typing.Protocol):',
  '    update_item: Callable',
  '',
  'class Plain:',
  '    update_item: Callable',
  '',
  'class Adapter:',
  '    def __init__(self, table: CounterTable):',
  '        self.table = table',
  '    def bump(self, page):',
  '        return self.table.update_item(Key={"page": page}, UpdateExpression="ADD hits :one", ExpressionAttributeValues={":one": 1})',
  '',
  'def local(table: LocalTable, page):',
  '    return table.update_item(Key={"page": page}, UpdateExpression="ADD hits :one", ExpressionAttributeValues={":one": 1})',
  '',
  'def plain(table: Plain, page):',
  '    return table.update_item(Key={"page": page}, UpdateExpression="ADD hits :one", ExpressionAttributeValues={":one": 1})',
);

describe('Python table parameters annotated with a typing.Protocol', () => {
  it('reads the calls on a parameter annotated with a Protocol of the file', () => {
    assert.deepEqual(onLine(hintsIn('adapter.py', ADAPTER), 18).sort(), ['18:UpdateExpression dynamodb-update-expression', '18:update_item dynamodb-update-item']);
  });

  it('reads a field set from a parameter annotated with a Protocol of another module (workspace mode)', () => {
    const found = hintsInWorkspace(workspaceOf({ 'app/ports.py': PORTS, 'app/adapter.py': ADAPTER }), 'app/adapter.py', ADAPTER);
    assert.deepEqual(onLine(found, 15).sort(), ['15:UpdateExpression dynamodb-update-expression', '15:update_item dynamodb-update-item']);
  });

  it('leaves another module\'s Protocol unread without a workspace, and a plain class\'s parameter always', () => {
    assert.deepEqual(onLine(hintsIn('adapter.py', ADAPTER), 15), []);
    assert.deepEqual(onLine(hintsIn('adapter.py', ADAPTER), 21), []);
    const found = hintsInWorkspace(workspaceOf({ 'app/ports.py': PORTS, 'app/adapter.py': ADAPTER }), 'app/adapter.py', ADAPTER);
    assert.deepEqual(onLine(found, 21), []);
  });
});
