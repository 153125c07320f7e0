/**
 * Python `async def` loops over a boto3 table another module makes: a call that is its whole statement
 * (`table.delete_item(...)`, not awaited, its value dropped) keeps no coroutine for anything to gather, so in a
 * file that names no asyncio library of the SDK it blocks, one request per element. A call collected into a list
 * (for `asyncio.gather`) or a file that names aioboto3 stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const LOOP = 'dynamodb-item-loop!';

function project(service: string): Record<string, string> {
  return {
    'app/db.py': ['import boto3', '', 'dynamodb = boto3.resource("dynamodb")', 'orders = dynamodb.Table("orders")', ''].join('\n'),
    'app/service.py': service,
  };
}

const loopFindings = (service: string): string[] => hintsOfFile(project(service), 'app/service.py').filter((hint) => hint.endsWith(LOOP));

describe('Python async def loops over a blocking boto3 table of another module', () => {
  it('reports a delete per element whose call is its whole statement', () => {
    const service = ['import asyncio', 'from app.db import orders', '', '', 'async def purge(items):', '    for item in items:', '        orders.delete_item(Key={"id": item["id"]})', ''].join('\n');
    assert.deepEqual(loopFindings(service), [`7:delete_item ${LOOP}`]);
  });

  it('leaves calls collected for asyncio.gather, and a file that names aioboto3', () => {
    const gathered = ['import asyncio', 'from app.db import orders', '', '', 'async def save(items):', '    coros = [', '        orders.put_item(Item=item)', '        for item in items', '    ]', '    await asyncio.gather(*coros)', ''].join('\n');
    assert.deepEqual(loopFindings(gathered), []);
    const aio = ['import aioboto3', 'from app.db import orders', '', '', 'async def purge(items):', '    for item in items:', '        orders.delete_item(Key={"id": item["id"]})', ''].join('\n');
    assert.deepEqual(loopFindings(aio), []);
  });
});
