/**
 * Python requests that same-file helpers build: a method or module function that returns a dict literal, or a
 * dict it completes with keys, spread into a boto3 call in place or through a variable, with the keys the
 * caller adds afterwards. Shaped as repository classes and Lambda handlers write them; a helper that may
 * return anything but a dict, and a callee the file does not define, build no request.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, pythonRequestsIn, sourceLines } from './support';
import { findings } from './workspaceSupport';

const findingsOf = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('Python: requests that same-file helpers build', () => {
  it('reads the dict a repository method returns into a variable the call spreads, with the keys the caller adds', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key, Attr',
      '',
      '',
      'class OrderRepository:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders")',
      '',
      '    def _query_params(self, customer, limit):',
      '        return {',
      '            "KeyConditionExpression": Key("customer").eq(customer),',
      '            "FilterExpression": Attr("total").gt(0),',
      '            "Limit": limit,',
      '        }',
      '',
      '    def list_orders(self, customer, limit=20, start=None):',
      '        params = self._query_params(customer, limit)',
      '        if start:',
      '            params["ExclusiveStartKey"] = start',
      '        response = self.table.query(**params)',
      '        return response["Items"]',
    );
    const hints = hintsIn('orders.py', code);
    for (const expected of ['11:"KeyConditionExpression" dynamodb-key-condition-expression', '12:"FilterExpression" dynamodb-filter-expression', '13:"Limit" dynamodb-limit', '20:query dynamodb-query']) {
      assert.ok(hints.includes(expected), `${expected} in ${hints.join(', ')}`);
    }
    // The Limit caps the items read before the filter drops some; the caller names ExclusiveStartKey, so it pages.
    assert.deepEqual(findingsOf(hints), ['13:"Limit" dynamodb-limit!']);
    assert.deepEqual(pythonRequestsIn(code, true), ['20 Query orders keys[customer =] options[KeyConditionExpression, FilterExpression, Limit, ExclusiveStartKey]']);
  });

  it('reads a helper that builds its dict with keys and returns it, spread in place (a Lambda handler)', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
      '',
      '',
      'def _build_kwargs(event):',
      '    kwargs = {"FilterExpression": "#s = :s", "ExpressionAttributeNames": {"#s": "status"}}',
      '    kwargs["ExpressionAttributeValues"] = {":s": event["status"]}',
      '    kwargs["ProjectionExpression"] = "id, total"',
      '    return kwargs',
      '',
      '',
      'def handler(event, context):',
      '    return table.scan(**_build_kwargs(event))["Items"]',
    );
    const hints = hintsIn('handler.py', code);
    assert.ok(hints.includes('10:"ProjectionExpression" dynamodb-projection-expression'), hints.join(', '));
    // `total` is a reserved word: the helper's projection, read with its request, is one DynamoDB rejects.
    assert.deepEqual(findingsOf(hints), ['8:"FilterExpression" dynamodb-filter-expression!', '10:"id, total" dynamodb-expression-reserved-word!', '15:scan dynamodb-scan!']);
    assert.deepEqual(pythonRequestsIn(code, true), ['15 Scan env:ORDERS_TABLE options[FilterExpression, ExpressionAttributeNames, ExpressionAttributeValues, ProjectionExpression]']);
  });

  it('reads the helper a pagination loop calls each page, and leaves the paged call alone', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      '',
      'class EventStore:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders")',
      '',
      '    def _params(self, customer, start=None):',
      '        params = {"IndexName": "by-status", "KeyConditionExpression": Key("status").eq(customer)}',
      '        if start:',
      '            params["ExclusiveStartKey"] = start',
      '        return params',
      '',
      '    def all_events(self, customer):',
      '        items, start = [], None',
      '        while True:',
      '            resp = self.table.query(**self._params(customer, start))',
      '            items.extend(resp["Items"])',
      '            if "LastEvaluatedKey" not in resp:',
      '                break',
      '            start = resp["LastEvaluatedKey"]',
      '        return items',
    );
    const hints = hintsIn('events.py', code);
    assert.ok(hints.includes('10:"IndexName" dynamodb-index-name'), hints.join(', '));
    assert.deepEqual(findingsOf(hints), []);
    assert.deepEqual(pythonRequestsIn(code, true), ['18 Query orders index=by-status keys[status =] options[IndexName, KeyConditionExpression, ExclusiveStartKey]']);
  });

  it('checks the key condition a helper returns against the table in workspace mode', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def by_total(customer):',
      '    return {"KeyConditionExpression": Key("customer").eq(customer) & Key("total").gt(10)}',
      '',
      '',
      'def big_orders(customer):',
      '    return table.query(**by_total(customer))["Items"]',
    );
    assert.deepEqual(findings('orders.py', code), ['8:74 dynamodb-workspace-key-condition "total"']);
  });

  it('reads each dict of a helper with several returns as a request of its own', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def _query_args(customer, status=None):',
      '    if status:',
      '        return {"TableName": "orders", "IndexName": "by-status", "KeyConditionExpression": "#s = :s", "Limit": 10}',
      '    return {"TableName": "orders", "KeyConditionExpression": "customer = :c"}',
      '',
      '',
      'def orders(customer, status=None):',
      '    return client.query(ReturnConsumedCapacity="TOTAL", **_query_args(customer, status))["Items"]',
    );
    assert.deepEqual(pythonRequestsIn(code, true), [
      '14 Query orders index=by-status options[ReturnConsumedCapacity, TableName, IndexName, KeyConditionExpression, Limit]',
      '14 Query orders keys[customer =] options[ReturnConsumedCapacity, TableName, KeyConditionExpression]',
    ]);
    // The call is reported once: one of its requests reads one page without a Limit.
    assert.deepEqual(findingsOf(hintsIn('orders.py', code)), ['14:query dynamodb-query!']);
  });

  it('reads one helper once for all its calls, each with the keys its caller adds', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def base(customer):',
      '    return {"KeyConditionExpression": "customer = :c", "ExpressionAttributeValues": {":c": customer}}',
      '',
      '',
      'def latest(customer):',
      '    params = base(customer)',
      '    params["Limit"] = 1',
      '    params["ScanIndexForward"] = False',
      '    return table.query(**params)["Items"]',
      '',
      '',
      'def everything(customer):',
      '    return table.query(**base(customer))["Items"]',
    );
    assert.deepEqual(pythonRequestsIn(code, true), [
      '14 Query orders keys[customer =] options[KeyConditionExpression, ExpressionAttributeValues, Limit, ScanIndexForward]',
      '18 Query orders keys[customer =] options[KeyConditionExpression, ExpressionAttributeValues]',
    ]);
    // The top-1 read asks for one page on purpose; the other reads one page of all.
    assert.deepEqual(findingsOf(hintsIn('orders.py', code)), ['18:query dynamodb-query!']);
  });
});

describe('Python: keys that dict.update adds to a request dict', () => {
  it('reads the keywords and the dict literal of update(), on a literal and on what a helper returned', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def base(customer):',
      '    return {"KeyConditionExpression": Key("customer").eq(customer)}',
      '',
      '',
      'def latest(customer):',
      '    params = {"KeyConditionExpression": Key("customer").eq(customer)}',
      '    params.update(Limit=1, ScanIndexForward=False)',
      '    return table.query(**params)["Items"]',
      '',
      '',
      'def page(customer, start):',
      '    params = base(customer)',
      '    params.update({"ExclusiveStartKey": start, "Limit": 100})',
      '    return table.query(**params)',
      '',
      '',
      'def merged(customer, extra):',
      '    params = base(customer)',
      '    params.update(extra)',
      '    return table.query(**params)["Items"]',
    );
    assert.deepEqual(pythonRequestsIn(code, true), [
      '14 Query orders keys[customer =] options[KeyConditionExpression, Limit, ScanIndexForward]',
      '20 Query orders keys[customer =] options[KeyConditionExpression, ExclusiveStartKey, Limit]',
      '26 Query orders keys[customer =] options[KeyConditionExpression] partial',
    ]);
    // Top-1 and one page of 100 on purpose; the last call reads one page of all.
    assert.deepEqual(findingsOf(hintsIn('orders.py', code)), ['26:query dynamodb-query!']);
  });
});

describe('Python: helpers that build no request', () => {
  /** A handler that spreads what `helper` returns into a Scan, after the helper's own lines. */
  const handler = (...helper: string[]): string =>
    sourceLines(
      'import boto3',
      'from shared.params import imported_params',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      ...helper,
      '',
      '',
      'def handler(event, context):',
      '    return table.scan(**helper(event))["Items"]',
    );
  const ownOptions = (code: string): string[] => pythonRequestsIn(code, true).map((request) => request.replace(/^\d+ /, ''));

  it('reads nothing from a helper that may return None, a call, a parameter or a conditional', () => {
    const shapes: string[][] = [
      ['def helper(event):', '    if not event:', '        return', '    return {"Limit": 5}'],
      ['def helper(event):', '    if event:', '        return {"Limit": 5}', '    return None'],
      ['def helper(event):', '    return imported_params(event)'],
      ['def helper(event, **kwargs):', '    kwargs["Limit"] = 5', '    return kwargs'],
      ['def helper(event):', '    return {"Limit": 5} if event else {}'],
      ['def helper(event):', '    return {"Limit": 5}["Limit"]'],
      ['def helper(event):', '    return helper(event)'],
      ['def helper(event):', '    return {"Limit": 5}.copy()'],
      ['def helper(event):', '    return {key: value for key, value in event.items()}'],
      ['def helper(event):', '    return dict(event, Limit=5)'],
      ['def helper(event):', '    kwargs = dict((key, event[key]) for key in ("Limit", "Select"))', '    return kwargs'],
    ];
    for (const shape of shapes) {
      assert.deepEqual(ownOptions(handler(...shape)), ['Scan orders options[] partial'], shape.join('\n'));
    }
  });

  it('takes a dict that update() merges a mapping into, in the helper or after it, as one whose keys are not all known', () => {
    const code = handler('def helper(event):', '    kwargs = {"FilterExpression": "#s = :s"}', '    kwargs.update(event.get("extra") or {})', '    return kwargs');
    assert.deepEqual(ownOptions(code), ['Scan orders options[FilterExpression] partial']);
  });

  it('reads nothing from a helper under a decorator that may change what it returns, nor from an imported one', () => {
    assert.deepEqual(ownOptions(handler('@validate_input', 'def helper(event):', '    return {"Limit": 5}')), ['Scan orders options[] partial']);
    const imported = sourceLines(
      'import boto3',
      'from shared.params import helper',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def handler(event, context):',
      '    params = helper(event)',
      '    params["Limit"] = 5',
      '    return table.scan(**params)["Items"]',
    );
    assert.deepEqual(ownOptions(imported), ['Scan orders options[] partial']);
  });

  it('reads nothing where the variable holds more than the call: a fallback, a tuple, a member of the result', () => {
    for (const value of ['helper(event) or {}', 'helper(event), None', 'helper(event)["query"]']) {
      const code = sourceLines(
        'import boto3',
        '',
        'table = boto3.resource("dynamodb").Table("orders")',
        '',
        '',
        'def helper(event):',
        '    return {"Limit": 5, "query": {"Limit": 5}}',
        '',
        '',
        'def handler(event, context):',
        `    params = ${value}`,
        '    return table.scan(**params)["Items"]',
      );
      assert.deepEqual(ownOptions(code), ['Scan orders options[] partial'], value);
    }
  });

  it('reads a variable only where its call reaches the spread, not from a branch the call is outside of', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def helper(event):',
      '    return {"Limit": 5}',
      '',
      '',
      'def handler(event, context):',
      '    params = {}',
      '    if event.get("few"):',
      '        params = helper(event)',
      '    return table.scan(**params)["Items"]',
    );
    assert.ok(!pythonRequestsIn(code, true).some((request) => request.includes('Limit')), pythonRequestsIn(code, true).join('\n'));
  });
});
