/**
 * `client-per-request` in the constructors that run on every request: `__init__` of a class FastAPI makes as a
 * dependency (`Depends(OrderService)`, `service: OrderService = Depends()`), or that a view or dependency
 * instantiates, and the classes those constructors make in turn. A client kept on the instance is made per
 * request too; one kept on the class or module, or built from the constructor's arguments, is not reported.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(code: string): string[] {
  return hintsIn('api.py', code).filter((hint) => hint.endsWith(RULE));
}

describe('Web handlers: clients made by the constructors a request runs', () => {
  it('reports the client a class dependency, or a class a view or dependency makes, keeps on the instance', () => {
    const code = sourceLines(
      'import boto3',
      'import redis',
      'from fastapi import Depends, FastAPI',
      'app = FastAPI()',
      'class OrderStore:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders")',
      'class OrderService:',
      '    def __init__(self):',
      '        self.store = OrderStore()',
      'class SessionCache:',
      '    def __init__(self):',
      '        self.redis = redis.Redis(host="cache", ssl=True)',
      'class Audit:',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      '@app.get("/orders/{order_id}")',
      'def read(order_id: str, service: OrderService = Depends()):',
      '    return service.store.table.get_item(Key={"id": order_id})',
      '@app.get("/sessions/{sid}")',
      'def session(sid: str, cache=Depends(SessionCache)):',
      '    return cache.redis.get(sid)',
      '@app.post("/audit")',
      'def audit():',
      '    return Audit().client.put_item(TableName="audit", Item={})',
    );
    assert.deepEqual(reported(code), [`7:resource ${RULE}`, `13:Redis ${RULE}`, `16:client ${RULE}`]);
  });

  it('says nothing for a class no request makes, a client kept on the class or built from arguments, or a cached dependency', () => {
    const code = sourceLines(
      'import functools',
      'import boto3',
      'from fastapi import Depends, FastAPI',
      'app = FastAPI()',
      'class Shared:',
      '    _client = None',
      '    def __init__(self):',
      '        if Shared._client is None:',
      '            Shared._client = boto3.client("dynamodb")',
      'class Regional:',
      '    def __init__(self, region):',
      '        self.client = boto3.client("dynamodb", region_name=region)',
      'class Startup:',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      'startup = Startup()',
      'class Cached:',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      '@functools.lru_cache',
      'def cached():',
      '    return Cached()',
      '@app.get("/a")',
      'def a(shared: Shared = Depends(), cached=Depends(cached)):',
      '    return Regional("eu-west-1")',
      'def helper():',
      '    return Startup()',
    );
    assert.deepEqual(reported(code), []);
  });

  it('reads a client made from a boto3 session the handler makes, unless the session takes what the call holds', () => {
    const code = sourceLines(
      'import boto3',
      'from flask import Flask',
      'app = Flask(__name__)',
      '@app.get("/orders")',
      'def orders():',
      '    session = boto3.Session(region_name="eu-west-1")',
      '    client = session.client("dynamodb")',
      '    return client.scan(TableName="orders")',
      '@app.get("/items")',
      'def items():',
      '    return boto3.session.Session().resource("dynamodb").Table("items").scan()',
      '@app.get("/tenant/<key>")',
      'def tenant(key):',
      '    session = boto3.Session(aws_access_key_id=key)',
      '    return session.client("dynamodb").scan(TableName="t")',
      'def handler(event, context):',
      '    return boto3.Session().client("rds").describe_db_instances()',
      'def shared(session):',
      '    return session.client("dynamodb")',
    );
    const found = hintsIn('views.py', code).filter((hint) => hint.endsWith('!') && /per-(?:request|invocation)/.test(hint));
    assert.deepEqual(found, [`7:client ${RULE}`, `11:resource ${RULE}`, '17:client lambda-client-per-invocation!']);
  });
});
