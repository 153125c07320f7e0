/**
 * Python clients read through annotations (pyprops12): a `@property` / `@cached_property` whose return
 * annotation is botocore's `BaseClient` (or aiobotocore's `AioBaseClient`) and whose body's value is unknown is
 * an AWS client of unknown service, as is a field so annotated (`client: BaseClient`, `self._client:
 * AioBaseClient = ...`); a mypy-boto3 return or field annotation is that client. What the body gives, when
 * known, wins over the annotation.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const hoversIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => !hint.endsWith('!'));

describe('Python clients read through annotations', () => {
  it('reads a cached property annotated AioBaseClient whose body reads another module\'s manager', () => {
    const code = sourceLines(
      'from functools import cached_property',
      '',
      'import aiobotocore.client',
      '',
      'from wallet.aws import CloudManager',
      '',
      '',
      'class LedgerTable:',
      '    def __init__(self, cloud: CloudManager, table_name: str):',
      '        self._cloud = cloud',
      '        self.table_name = table_name',
      '',
      '    @cached_property',
      '    def _client(self) -> aiobotocore.client.AioBaseClient:',
      '        return self._cloud.dynamodb',
      '',
      '    async def read(self, pk):',
      '        request = {"TableName": self.table_name, "Key": {"pk": {"S": pk}}}',
      '        return await self._client.get_item(**request)',
      '',
      '    async def drop(self, pk):',
      '        await self._client.delete_item(TableName=self.table_name, Key={"pk": {"S": pk}}, ConditionExpression="attribute_exists(pk)")',
    );
    assert.deepEqual(hoversIn('ledger.py', code), ['19:get_item dynamodb-get-item', '22:delete_item dynamodb-delete-item', '22:ConditionExpression dynamodb-condition-expression']);
  });

  it('reads fields annotated BaseClient, at class level or on self, and a property annotated with a mypy-boto3 client', () => {
    const code = sourceLines(
      'from aiobotocore.client import AioBaseClient',
      'from botocore.client import BaseClient',
      'from mypy_boto3_dynamodb import DynamoDBClient',
      '',
      '',
      'class Accounts:',
      '    client: BaseClient',
      '',
      '    def __init__(self, factory):',
      '        self._events: AioBaseClient = factory.events()',
      '',
      '    def find(self, pk):',
      '        return self.client.get_item(TableName="accounts", Key={"pk": {"S": pk}})',
      '',
      '    async def history(self):',
      '        return await self._events.scan(TableName="events")',
      '',
      '',
      'class Typed:',
      '    def __init__(self, registry):',
      '        self._registry = registry',
      '',
      '    @property',
      '    def ddb(self) -> DynamoDBClient:',
      '        return self._registry.get("ddb")',
      '',
      '    def load(self, key):',
      '        return self.ddb.get_item(Key=key)',
      '',
      '    def connect(self) -> "DynamoDBClient":',
      '        return self._registry.get("ddb")',
      '',
      '    def load_all(self):',
      '        return self.connect().scan(TableName="t")',
    );
    assert.deepEqual(hoversIn('accounts.py', code), ['13:get_item dynamodb-get-item', '16:scan dynamodb-scan', '28:get_item dynamodb-get-item', '34:scan dynamodb-scan']);
  });

  it('lets a known value win: a property annotated AioBaseClient that returns a Redis client is Redis', () => {
    const code = sourceLines(
      'from functools import cached_property',
      '',
      'import redis',
      'from aiobotocore.client import AioBaseClient',
      '',
      '',
      'class Cache:',
      '    @cached_property',
      '    def _client(self) -> AioBaseClient:',
      '        return redis.Redis(host="cache")',
      '',
      '    def read(self, key):',
      '        return self._client.get_item(TableName="t", Key=key)',
    );
    assert.deepEqual(hoversIn('cache.py', code), []);
  });

  it('stays silent on another annotation, an S3 call, a plain dict property, a method and a dict field', () => {
    const code = sourceLines(
      'from functools import cached_property',
      '',
      'from aiobotocore.client import AioBaseClient',
      'from botocore.client import BaseClient',
      'from search.client import BaseClient as SearchBase',
      'from warehouse.api import WarehouseClient',
      '',
      '',
      'class Mixed:',
      '    search: SearchBase',
      '',
      '    def __init__(self, factory):',
      '        self._warehouse: WarehouseClient = factory.warehouse()',
      '        self._seen: dict = {}',
      '',
      '    @cached_property',
      '    def _storage(self) -> AioBaseClient:',
      '        return self.factory.storage',
      '',
      '    @property',
      '    def options(self) -> dict:',
      '        return {"TableName": "t"}',
      '',
      '    def _connect(self) -> BaseClient:',
      '        return self.factory.ddb',
      '',
      '    async def run(self, key):',
      '        self.search.get_item(TableName="t", Key=key)',
      '        self._warehouse.put_item(TableName="t", Item={})',
      '        await self._storage.put_object(Bucket="b", Key=key, Body=b"")',
      '        await self._storage.get_item(Key=key)',
      '        self.options.get("TableName")',
      '        self._connect.get_item(TableName="t", Key=key)',
      '        self._seen.get(key)',
    );
    assert.deepEqual(hoversIn('mixed.py', code), []);
  });

  describe('an optional or quoted BaseClient annotation (pysmall12)', () => {
    it('reads Optional[...], typing.Optional[...], "... | None" and a quoted name as the bare annotation', () => {
      const code = sourceLines(
        'import typing',
        'from typing import Optional',
        '',
        'from aiobotocore.client import AioBaseClient',
        'from botocore.client import BaseClient',
        '',
        '',
        'class WalletStore:',
        '    _client: Optional[AioBaseClient] = None',
        '',
        '    def __init__(self, audit: AioBaseClient | None, legacy: typing.Optional[BaseClient] = None):',
        '        self._audit = audit',
        '        self._legacy = legacy',
        '',
        '    @property',
        '    def events(self) -> "AioBaseClient":',
        '        return self._factory.events',
        '',
        '    async def balance(self, pk):',
        '        return await self._client.get_item(TableName="wallets", Key={"pk": {"S": pk}})',
        '',
        '    async def record(self, entry):',
        '        await self._audit.put_item(TableName="audit", Item=entry)',
        '        self._legacy.delete_item(TableName="legacy", Key={"pk": {"S": entry["pk"]}})',
        '        await self.events.scan(TableName="events")',
      );
      assert.deepEqual(hoversIn('wallet_store.py', code), [
        '20:get_item dynamodb-get-item',
        '23:put_item dynamodb-put-item',
        '24:delete_item dynamodb-delete-item',
        '25:scan dynamodb-scan',
      ]);
    });

    it('stays silent on Optional of another type, a wrapper not from typing, a union with more than None, and a quoted other name', () => {
      const code = sourceLines(
        'from typing import Optional, Union',
        '',
        'from aiobotocore.client import AioBaseClient',
        'from search.client import SearchClient',
        'from search.types import Optional as Maybe',
        '',
        '',
        'class Mixed:',
        '    _search: Optional[SearchClient] = None',
        '',
        '    def __init__(self, maybe: Maybe[AioBaseClient], either: AioBaseClient | SearchClient, both: Union[AioBaseClient, SearchClient]):',
        '        self._maybe = maybe',
        '        self._either = either',
        '        self._both = both',
        '',
        '    @property',
        '    def index(self) -> "SearchClient":',
        '        return self._factory.index',
        '',
        '    def run(self, key):',
        '        self._search.get_item(TableName="t", Key=key)',
        '        self._maybe.get_item(TableName="t", Key=key)',
        '        self._either.get_item(TableName="t", Key=key)',
        '        self._both.get_item(TableName="t", Key=key)',
        '        self.index.get_item(TableName="t", Key=key)',
      );
      assert.deepEqual(hoversIn('mixed_optional.py', code), []);
    });
  });
});
