/**
 * A client another module's function yields, in the files that use it: a FastAPI generator dependency
 * (`async with session.resource("dynamodb") as db: yield db`, handed over by `Depends`), an `@asynccontextmanager`
 * entered with `async with`, and a function that makes its client from a module-level session. A plain call of
 * a generator function gives a generator, and nothing is read through it.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const AWS = sourceLines(
  'from contextlib import asynccontextmanager',
  '',
  'import aioboto3',
  '',
  'session = aioboto3.Session()',
  '',
  'async def get_dynamodb():',
  '    async with session.resource("dynamodb") as dynamodb:',
  '        yield dynamodb',
  '',
  '@asynccontextmanager',
  'async def orders_table():',
  '    async with session.resource("dynamodb") as dynamodb:',
  '        yield await dynamodb.Table("orders")',
  '',
  'def low_level():',
  '    return session.client("dynamodb")',
);

const ROUTES = sourceLines(
  'from fastapi import Depends',
  'from app.aws import get_dynamodb, low_level, orders_table',
  '',
  'async def listed(dynamodb=Depends(get_dynamodb)):',
  '    table = await dynamodb.Table("orders")',
  '    return (await table.scan())["Items"]',
  '',
  'async def latest():',
  '    async with orders_table() as table:',
  '        return (await table.scan(Limit=10))["Items"]',
  '',
  'async def counted():',
  '    async with low_level() as client:',
  '        return (await client.scan(Limit=5))["Count"]',
  '',
  'def stray():',
  '    pending = get_dynamodb()',
  '    return pending.Table("orders").scan(Limit=3)',
);

describe('workspace: clients that Python functions of other modules yield', () => {
  it('reads the client a generator dependency yields through Depends, an @asynccontextmanager and a module-level session', () => {
    const files = { 'app/__init__.py': '', 'app/aws.py': AWS, 'app/routes.py': ROUTES };
    const scans = hintsOfFile(files, 'app/routes.py').filter((hint) => / dynamodb-scan$/.test(hint));
    assert.deepEqual(scans.sort(), ['10:scan dynamodb-scan', '14:scan dynamodb-scan', '6:scan dynamodb-scan']);
  });

  it('reads nothing without the workspace', () => {
    assert.deepEqual(hintsOfFile({ 'app/routes.py': ROUTES }, 'app/routes.py', null), []);
  });
});
