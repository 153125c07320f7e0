/**
 * Hover audit 12 (public JavaScript/TypeScript and Python services): a v2 parameter typed with a qualified
 * client type (`DynamoDB.DocumentClient`) is that client, and a Python parameter typed with botocore's generic
 * `BaseClient` (or aiobotocore's `AioBaseClient`) is an AWS client of unknown service, and a method passed with its
 * request to `asyncio.to_thread`, `run_in_threadpool` or `functools.partial` is that method's call.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const hoversIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => !hint.endsWith('!') && !hint.includes('aws-sdk-end-of-support'));

describe('hover audit 12: qualified v2 client types, botocore BaseClient parameters', () => {
  describe('a TypeScript parameter typed DynamoDB.DocumentClient (SDK v2)', () => {
    it('is the document client, also through the AWS namespace and with a request built elsewhere', () => {
      const code = sourceLines(
        "import { DynamoDB } from 'aws-sdk';",
        "import * as AWS from 'aws-sdk';",
        '',
        'export const readOrder = async (id: string, documentClient: DynamoDB.DocumentClient) => {',
        '  const params = OrderModel.key(id);',
        '  return documentClient.get(params).promise();',
        '};',
        '',
        'export async function saveOrder(order: Order, doc: AWS.DynamoDB.DocumentClient) {',
        '  await doc.put(OrderModel.item(order)).promise();',
        '}',
        '',
        'export const rawRead = (id: string, ddb: DynamoDB) => ddb.getItem({ TableName: tableName, Key: { id: { S: id } } }).promise();',
      );
      assert.deepEqual(hoversIn('orders.ts', code), ['6:get dynamodb-get-item', '10:put dynamodb-put-item', '13:getItem dynamodb-get-item']);
    });

    it('stays silent on a request type, a Map and the low-level client read with document-client names', () => {
      const code = sourceLines(
        "import { DynamoDB } from 'aws-sdk';",
        '',
        'export function firstPage(input: DynamoDB.DocumentClient.QueryInput, seen: Map<string, string>, ddb: DynamoDB) {',
        '  input.get(input.TableName);',
        "  seen.get('last');",
        '  return ddb.get(input);',
        '}',
      );
      assert.deepEqual(hoversIn('pages.ts', code), []);
    });
  });

  describe('a Python parameter typed botocore BaseClient or aiobotocore AioBaseClient', () => {
    it('counts as a client of unknown service: a DynamoDB request makes it DynamoDB', () => {
      const code = sourceLines(
        'import aiobotocore.client',
        'from botocore.client import BaseClient',
        '',
        '',
        'class LedgerStore:',
        '    def __init__(self, client: aiobotocore.client.AioBaseClient, table_name: str):',
        '        self._client = client',
        '        self.table_name = table_name',
        '',
        '    async def remove(self, pk):',
        '        await self._client.delete_item(TableName=self.table_name, Key={"pk": {"S": pk}})',
        '',
        '    async def apply(self, actions):',
        '        await self._client.transact_write_items(TransactItems=actions)',
        '',
        '',
        'def forget_user(user_id: str, dynamodb_client: BaseClient) -> None:',
        '    dynamodb_client.delete_item(TableName=USERS_TABLE, Key={"id": {"S": user_id}})',
      );
      assert.deepEqual(hoversIn('ledger.py', code), [
        '11:delete_item dynamodb-delete-item',
        '14:transact_write_items dynamodb-transact-write-items',
        '14:TransactItems dynamodb-transact-items',
        '18:delete_item dynamodb-delete-item',
      ]);
    });

    it('stays silent on another service, a request with no DynamoDB key, and another library\'s BaseClient', () => {
      const code = sourceLines(
        'from botocore.client import BaseClient',
        'from search.client import BaseClient as SearchClient',
        '',
        '',
        'def archive(user_id: str, s3: BaseClient, index: SearchClient) -> None:',
        '    s3.get_object(Bucket="exports", Key=user_id)',
        '    s3.delete_object(Bucket="exports", Key=user_id)',
        '    s3.get_item(user_id)',
        '    index.delete_item(TableName="users", Key={"id": user_id})',
      );
      assert.deepEqual(hoversIn('archive.py', code), []);
    });
  });

  describe('a Python method passed with its request to to_thread, run_in_threadpool or partial', () => {
    it('is the call of that method', () => {
      const code = sourceLines(
        'import asyncio',
        'from asyncio import to_thread',
        'from functools import partial',
        '',
        'import boto3',
        'from botocore.client import BaseClient',
        '',
        'dynamodb = boto3.client("dynamodb")',
        '',
        '',
        'class UserWriter:',
        '    def __init__(self, client: BaseClient):',
        '        self.client = client',
        '',
        '    async def create(self, user):',
        '        await to_thread(self.client.put_item, TableName=USERS, Item=user)',
        '',
        '    async def read(self, user_id):',
        '        return await asyncio.to_thread(self.client.get_item, TableName=USERS, Key={"id": {"S": user_id}})',
        '',
        '',
        'async def first_page(loop):',
        '    return await loop.run_in_executor(None, partial(dynamodb.scan, TableName=USERS, Limit=50))',
      );
      assert.deepEqual(hoversIn('users.py', code), ['16:put_item dynamodb-put-item', '19:get_item dynamodb-get-item', '23:scan dynamodb-scan', '23:Limit dynamodb-limit']);
    });

    it('stays silent on another function, another service, a local to_thread, and a request with no DynamoDB key', () => {
      const code = sourceLines(
        'from asyncio import to_thread',
        'from botocore.client import BaseClient',
        '',
        '',
        'def to_thread_local(fn, **kwargs):',
        '    return fn(**kwargs)',
        '',
        '',
        'async def near_misses(cache, s3: BaseClient, scheduler, table):',
        '    await to_thread(cache.get, "k")',
        '    await to_thread(s3.get_object, Bucket="exports", Key="k")',
        '    await to_thread(table.put_item, Item={})',
        '    await scheduler.enqueue(s3.scan, TableName=USERS)',
        '    await to_thread_local(table.put_item, TableName=USERS, Item={})',
      );
      assert.deepEqual(hoversIn('misses.py', code), []);
    });
  });
});
