/**
 * Python shapes where the client is not a plain local or `self.x` field: cached on another object
 * (Flask `g`, `app.state`, a module-level holder, a dict cache), read through `@property` /
 * `@cached_property`, reached through a parameter typed with a class of the file, made by
 * django-redis or aiobotocore, entered through an exit stack, and requests built in a dict.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python clients held in other places', () => {
  describe('on an object other than self', () => {
    it('follows a resource cached on flask.g by a same-file getter (a Flask blueprint)', () => {
      const code = sourceLines(
        'import boto3',
        'from flask import Blueprint, g, jsonify',
        'bp = Blueprint("orders", __name__)',
        'def get_db():',
        '    if "db" not in g:',
        '        g.db = boto3.resource("dynamodb")',
        '    return g.db',
        '@bp.get("/<order_id>")',
        'def show(order_id):',
        '    item = get_db().Table("orders").get_item(Key={"id": order_id}).get("Item")',
        '    return jsonify(item)',
      );
      assert.deepEqual(hintsIn('orders.py', code), ['10:get_item dynamodb-get-item']);
    });

    it('follows app.state set at startup, a module-level holder and a dict cache', () => {
      const code = sourceLines(
        'import boto3',
        'from fastapi import FastAPI',
        'app = FastAPI()',
        '_clients = {}',
        'class _Holder:',
        '    table = None',
        'holder = _Holder()',
        '@app.on_event("startup")',
        'def startup():',
        '    app.state.ddb = boto3.client("dynamodb")',
        '    holder.table = boto3.resource("dynamodb").Table("events")',
        'def sessions():',
        '    if "dynamodb" not in _clients:',
        '        _clients["dynamodb"] = boto3.client("dynamodb")',
        '    return _clients["dynamodb"]',
        '@app.get("/items")',
        'def items():',
        '    app.state.ddb.query(TableName="items", KeyConditionExpression="pk = :p")',
        '    holder.table.put_item(Item={"pk": "x"})',
        '    return sessions().batch_get_item(RequestItems={})',
      );
      assert.deepEqual(hintsIn('main.py', code), [
        '18:query dynamodb-query',
        '18:KeyConditionExpression dynamodb-key-condition-expression',
        '19:put_item dynamodb-put-item',
        '20:batch_get_item dynamodb-batch-get-item',
        '20:RequestItems dynamodb-request-items',
        '18:query dynamodb-query!',
        '20:batch_get_item dynamodb-batch-get-item!',
      ]);
    });

    it('reads request.app.state as the state a FastAPI lifespan sets on the app, and not request.state', () => {
      const code = sourceLines(
        'from contextlib import asynccontextmanager',
        'import boto3',
        'import redis.asyncio as aioredis',
        'from fastapi import FastAPI, Request',
        '@asynccontextmanager',
        'async def lifespan(app: FastAPI):',
        '    app.state.redis = aioredis.from_url("rediss://cache:6379")',
        '    app.state.table = boto3.resource("dynamodb").Table("sessions")',
        '    yield',
        'api = FastAPI(lifespan=lifespan)',
        '@api.get("/sessions/{sid}")',
        'async def session(sid: str, request: Request):',
        '    request.state.table = object()',
        '    request.state.table.get_item(Key={"sid": sid})',
        '    await request.app.state.redis.expire(sid, 60)',
        '    return request.app.state.table.get_item(Key={"sid": sid})',
      );
      assert.deepEqual(hintsIn('main.py', code), ['15:expire redis-expire', '16:get_item dynamodb-get-item']);
    });

    it('binds the members of the object a name means where it is used, not of another one', () => {
      const code = sourceLines(
        'import boto3',
        'from flask import g',
        'def connect():',
        '    g.db = boto3.client("dynamodb")',
        '    session = Session()',
        '    session.client = boto3.client("dynamodb")',
        'def with_parameter(g):',
        '    return g.db.scan(Limit=10)',
        'def other_local():',
        '    session = Session()',
        '    return session.client.scan(TableName="t")',
        'def other_object(request):',
        '    return request.db.scan(Limit=10)',
        'def reset():',
        '    g.cache = {}',
        '    return g.cache.get("k")',
      );
      assert.deepEqual(hintsIn('traps.py', code), []);
    });
  });

  describe('through @property and @cached_property', () => {
    it('reads a property and a cached property as what they return (a FastAPI dependency class)', () => {
      const code = sourceLines(
        'from functools import cached_property',
        'import functools',
        'import boto3',
        'class InventoryRepository:',
        '    def __init__(self, settings):',
        '        self._settings = settings',
        '    @cached_property',
        '    def _resource(self):',
        '        return boto3.resource("dynamodb")',
        '    @property',
        '    def table(self):',
        '        return self._resource.Table(self._settings.table)',
        '    @table.setter',
        '    def table(self, value):',
        '        self._override = value',
        '    @functools.cached_property',
        '    def client(self):',
        '        return boto3.client("dynamodb")',
        '    @property',
        '    def name(self):',
        '        return self._settings.table',
        '    def get(self, sku):',
        '        return self.table.get_item(Key={"sku": sku}).get("Item")',
        '    def count(self):',
        '        return self.client.scan(TableName=self.name, Select="COUNT")',
        '    def label(self):',
        '        return self.name.upper()',
      );
      assert.deepEqual(hintsIn('repository.py', code), ['23:get_item dynamodb-get-item', '25:scan dynamodb-scan', '25:scan dynamodb-scan!']);
    });

    it('takes the low-level client of a resource from its meta', () => {
      const code = sourceLines(
        'import boto3',
        'resource = boto3.resource("dynamodb")',
        'paginator = resource.meta.client.get_paginator("scan")',
        'table = resource.Table("orders")',
        'table.meta.client.batch_write_item(RequestItems={})',
      );
      assert.deepEqual(hintsIn('meta.py', code), ['3:"scan" dynamodb-scan', '5:batch_write_item dynamodb-batch-write-item', '5:RequestItems dynamodb-request-items', '5:batch_write_item dynamodb-batch-write-item!']);
    });
  });

  describe('through a class of the same file', () => {
    it('reads a parameter typed with a same-file class, and an instance made from one, as that class', () => {
      const code = sourceLines(
        'import boto3',
        'from typing import Annotated',
        'from fastapi import Depends',
        'class Orders:',
        '    def __init__(self):',
        '        self.table = boto3.resource("dynamodb").Table("orders")',
        'def handler(orders: Orders, other: "Orders", repo: Annotated[Orders, Depends()]):',
        '    orders.table.get_item(Key={"id": 1})',
        '    other.table.delete_item(Key={"id": 1})',
        '    return repo.table.query(KeyConditionExpression="pk = :p")',
        'def job():',
        '    orders = Orders()',
        '    return orders.table.put_item(Item={})',
        'def untyped(orders):',
        '    return orders.table.get_item(Key={"id": 1})',
      );
      // FastAPI makes `repo` on every request: the resource its constructor makes is made per request.
      assert.deepEqual(hintsIn('handlers.py', code), [
        '6:resource client-per-request',
        '8:get_item dynamodb-get-item',
        '9:delete_item dynamodb-delete-item',
        '10:query dynamodb-query',
        '10:KeyConditionExpression dynamodb-key-condition-expression',
        '13:put_item dynamodb-put-item',
        '6:resource client-per-request!',
        '10:query dynamodb-query!',
      ]);
    });
  });

  describe('from other libraries', () => {
    it('knows that django-redis get_redis_connection() returns a redis-py client, and not the Django cache API', () => {
      const code = sourceLines(
        'from django.core.cache import cache',
        'from django_redis import get_redis_connection',
        'def purge(prefix):',
        '    conn = get_redis_connection("default")',
        '    for key in conn.scan_iter(match=f"{prefix}:*"):',
        '        conn.delete(key)',
        '    cache.delete_many(["a", "b"])',
        '    return cache.get("k"), conn.keys("x:*")',
      );
      assert.deepEqual(hintsIn('cache_helpers.py', code), [
        '5:scan_iter redis-scan',
        '6:delete redis-unlink',
        '6:delete redis-loop-round-trips',
        '8:keys redis-keys',
        '6:delete redis-loop-round-trips!',
        '8:keys redis-keys!',
      ]);
    });

    it('makes clients with aiobotocore and botocore sessions, in async with or an exit stack', () => {
      const code = sourceLines(
        'from contextlib import AsyncExitStack, ExitStack, closing',
        'import botocore.session',
        'import redis',
        'from aiobotocore.session import get_session',
        'async def count(table):',
        '    session = get_session()',
        '    async with session.create_client("dynamodb", region_name="eu-west-1") as client:',
        '        return await client.scan(TableName=table, Select="COUNT")',
        'class Store:',
        '    async def __aenter__(self):',
        '        self._stack = AsyncExitStack()',
        '        self.ddb = await self._stack.enter_async_context(get_session().create_client("dynamodb"))',
        '        return self',
        '    async def one(self, key):',
        '        return await self.ddb.get_item(TableName="t", Key=key)',
        'def sync_job():',
        '    ddb = botocore.session.get_session().create_client("dynamodb")',
        '    ddb.batch_write_item(RequestItems={})',
        '    with ExitStack() as stack:',
        '        r = stack.enter_context(closing(redis.Redis(host="cache")))',
        '        return r.keys("*")',
      );
      assert.deepEqual(hintsIn('jobs.py', code), [
        '8:scan dynamodb-scan',
        '15:get_item dynamodb-get-item',
        '18:batch_write_item dynamodb-batch-write-item',
        '18:RequestItems dynamodb-request-items',
        '21:keys redis-keys',
        '8:scan dynamodb-scan!',
        '18:batch_write_item dynamodb-batch-write-item!',
        '21:keys redis-keys!',
      ]);
    });
  });

  describe('yielded by a context manager', () => {
    it('binds with ... as to what a @contextmanager or @asynccontextmanager function yields, and not a plain generator', () => {
      const code = sourceLines(
        'from contextlib import asynccontextmanager, contextmanager',
        'import aioboto3',
        'import boto3',
        'session = aioboto3.Session()',
        '@asynccontextmanager',
        'async def reviews():',
        '    async with session.resource("dynamodb") as dynamo:',
        '        yield await dynamo.Table("reviews")',
        '@contextmanager',
        'def audit_client():',
        '    yield boto3.client("dynamodb")',
        '@contextmanager',
        'def timed():',
        '    yield',
        '    boto3.client("dynamodb")',
        'def tables():',
        '    yield boto3.resource("dynamodb").Table("t")',
        'async def remove(key):',
        '    async with reviews() as table:',
        '        await table.delete_item(Key=key)',
        '    with audit_client() as ddb:',
        '        ddb.put_item(TableName="audit", Item={})',
        '    with timed() as nothing:',
        '        nothing.scan(TableName="t")',
        '    for t in tables():',
        '        t.scan()',
        '    pending = tables()',
        '    pending.scan()',
      );
      assert.deepEqual(hintsIn('reviews.py', code), ['20:delete_item dynamodb-delete-item', '22:put_item dynamodb-put-item']);
    });
  });

  describe('returned by a function', () => {
    it('reads a bare return as None, not as a return of the statement on the next line', () => {
      const code = sourceLines(
        'import boto3',
        'def audit_table(event):',
        '    if not event:',
        '        return',
        '    boto3.resource("dynamodb").Table("audit")',
        'def orders_table():',
        '    return (',
        '        boto3.resource("dynamodb").Table("orders")',
        '    )',
        'def run(event):',
        '    audit_table(event).scan()',
        '    orders_table().get_item(Key={"id": "1"})',
      );
      assert.deepEqual(hintsIn('jobs.py', code), ['12:get_item dynamodb-get-item']);
    });
  });

  describe('requests built in a dict', () => {
    it('reads keys added to the request dict by subscript, and keys of dicts spread with **', () => {
      const code = sourceLines(
        'import boto3',
        'from boto3.dynamodb.conditions import Attr, Key',
        'table = boto3.resource("dynamodb").Table("orders")',
        'BASE = {"ConsistentRead": True}',
        'def by_customer(customer, status=None):',
        '    kwargs = {"IndexName": "customer-index", "KeyConditionExpression": Key("c").eq(customer), **BASE}',
        '    if status:',
        '        kwargs["FilterExpression"] = Attr("status").eq(status)',
        '    other = {}',
        '    other["Limit"] = 10',
        '    return table.query(**kwargs)["Items"]',
      );
      assert.deepEqual(hintsIn('orders.py', code), [
        '4:"ConsistentRead" dynamodb-consistent-read',
        '6:"IndexName" dynamodb-index-name',
        '6:"KeyConditionExpression" dynamodb-key-condition-expression',
        '8:"FilterExpression" dynamodb-filter-expression',
        '11:query dynamodb-query',
        '4:"ConsistentRead" dynamodb-consistent-read!',
        '11:query dynamodb-query!',
      ]);
    });
  });

  describe('a boto3 resource whose service the call does not spell', () => {
    it('reads Table(name) of boto3.resource(config[...]) as a DynamoDB table, and nothing else of that resource', () => {
      const code = sourceLines(
        'import boto3',
        'class Store:',
        '    def __init__(self, config):',
        '        self.db = boto3.resource(config["service"])',
        '        self.table = self.db.Table(config["table"])',
        '        self.files = boto3.resource(config["storage"]).Bucket(config["bucket"])',
        '    def run(self, key):',
        '        self.table.scan()',
        '        self.table.get_item(Key={"id": key})',
        '        self.files.put_object(Key=key, Body=b"")',
        '        self.db.meta.client.get_item(Key={"id": key})',
        '        self.files.Object(key).delete()',
      );
      assert.deepEqual(hintsIn('store.py', code), ['8:scan dynamodb-scan', '9:get_item dynamodb-get-item', '8:scan dynamodb-scan!']);
    });

    it('gives no table to a resource of a literal service other than DynamoDB', () => {
      const code = sourceLines(
        'import boto3',
        'SERVICE = "dynamodb"',
        'queues = boto3.resource("sqs")',
        'queue = queues.Queue("jobs")',
        'def run():',
        '    queue.delete_messages(Entries=[])',
        '    boto3.resource(SERVICE).Table("jobs").delete_item(Key={"id": "1"})',
      );
      assert.deepEqual(hintsIn('jobs.py', code), ['7:delete_item dynamodb-delete-item']);
    });
  });
});
