/**
 * Workspace mode: a getter of another module that makes its client through another function
 * of its module (`resource = dynamodb_resource()`, then `return resource.Table(name)`) makes one on every call, as
 * the helper does; a route that calls it, or builds a repository whose constructor does, makes a client per request.
 * A helper under `@lru_cache`, or one that hands out a kept client, does not.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const STORAGE = sourceLines(
  'from functools import lru_cache',
  'import boto3',
  '',
  'def dynamodb_resource():',
  '    return boto3.resource("dynamodb")',
  '',
  'def orders_table():',
  '    resource = dynamodb_resource()',
  '    return resource.Table("orders")',
  '',
  '@lru_cache(maxsize=1)',
  'def kept_resource():',
  '    return boto3.resource("dynamodb")',
  '',
  'def kept_orders_table():',
  '    return kept_resource().Table("orders")',
);

const ROUTES = sourceLines(
  'from fastapi import APIRouter',
  'from app.storage import kept_orders_table, orders_table',
  '',
  'router = APIRouter()',
  '',
  '@router.get("/orders/{order_id}")',
  'def order(order_id: str):',
  '    return orders_table().get_item(Key={"id": order_id}).get("Item")',
  '',
  '@router.get("/kept/{order_id}")',
  'def kept(order_id: str):',
  '    return kept_orders_table().get_item(Key={"id": order_id}).get("Item")',
);

const perRequest = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('client-per-request!'));

describe('workspace: getters that make their client through another function of their module', () => {
  it('reports a route that calls such a getter, and not one whose helper keeps its client', () => {
    const files = { 'app/__init__.py': '', 'app/storage.py': STORAGE, 'app/routes.py': ROUTES };
    assert.deepEqual(perRequest(hintsOfFile(files, 'app/routes.py')), ['8:orders_table client-per-request!']);
  });
});
