/**
 * Python requests built in the branches of an if/elif/else: each branch that reaches a call is a request of
 * its own (keys of exclusive branches never mix), and a pagination marker in one branch does not page a call
 * in another. Shaped as real handlers and repository classes build them.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, pythonRequestsIn, sourceLines } from './support';
import { findings } from './workspaceSupport';

describe('Python: pagination markers in branches of an if/else', () => {
  it('pages the calls of the branch that loops, and not the one-page call of the other branch', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'dynamodb = boto3.client("dynamodb")',
      '',
      '',
      'def scan_table(name, everything):',
      '    if everything:',
      '        response = dynamodb.scan(TableName=name)',
      '        items = response["Items"]',
      '        while "LastEvaluatedKey" in response:',
      '            response = dynamodb.scan(TableName=name, ExclusiveStartKey=response["LastEvaluatedKey"])',
      '            items.extend(response["Items"])',
      '        return items',
      '    else:',
      '        response = dynamodb.scan(TableName=name)',
      '        return response["Items"]',
    );
    const findings = hintsIn('scan.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['15:scan dynamodb-scan!']);
  });

  it('pages a call in an if that follows the if holding the marker: the two are not exclusive', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'dynamodb = boto3.client("dynamodb")',
      '',
      '',
      'def scan_table(name, start_key=None):',
      '    kwargs = {"TableName": name}',
      '    if start_key:',
      '        kwargs["ExclusiveStartKey"] = start_key',
      '    if name:',
      '        response = dynamodb.scan(**kwargs)',
      '        return response["Items"], response.get("LastEvaluatedKey")',
    );
    assert.deepEqual(hintsIn('scan.py', code).filter((hint) => hint.endsWith('!')), []);
  });

  it('still pages a call before the if whose branch holds the marker', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def orders(kwargs, everything):',
      '    response = table.query(**kwargs)',
      '    items = response["Items"]',
      '    if everything:',
      '        while response.get("LastEvaluatedKey"):',
      '            response = table.query(ExclusiveStartKey=response["LastEvaluatedKey"], **kwargs)',
      '            items += response["Items"]',
      '    return items',
    );
    assert.deepEqual(hintsIn('orders.py', code).filter((hint) => hint.endsWith('!')), []);
  });
});

describe('Python: a request dict built in branches of an if/else is one request per branch', () => {
  it('reads the dict of every branch, each with the keys added after the if/else (a repository class)', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key, Attr',
      '',
      '',
      'class OrderRepository:',
      '    def __init__(self, table_name):',
      '        self.table = boto3.resource("dynamodb").Table(table_name)',
      '',
      '    def list_orders(self, customer, status=None):',
      '        if status:',
      '            params = {',
      '                "IndexName": "by-status",',
      '                "KeyConditionExpression": Key("status").eq(status),',
      '            }',
      '        else:',
      '            params = {"KeyConditionExpression": Key("customer").eq(customer), "FilterExpression": Attr("total").gt(0)}',
      '        params["Limit"] = 50',
      '        return self.table.query(**params)["Items"]',
    );
    const hints = hintsIn('orders.py', code);
    for (const expected of ['12:"IndexName" dynamodb-index-name', '13:"KeyConditionExpression" dynamodb-key-condition-expression', '16:"KeyConditionExpression" dynamodb-key-condition-expression', '17:"Limit" dynamodb-limit']) {
      assert.ok(hints.includes(expected), `${expected} in ${hints.join(', ')}`);
    }
    // The else branch filters one page of 50; the if branch reads 50 on purpose.
    assert.deepEqual(
      hints.filter((hint) => hint.endsWith('!')),
      ['17:"Limit" dynamodb-limit!', '18:query dynamodb-query!'],
    );
  });

  it('reports the call once where any branch reads one page without a Limit', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def latest(customer, everything):',
      '    if everything:',
      '        params = {"KeyConditionExpression": Key("customer").eq(customer)}',
      '    else:',
      '        params = {"KeyConditionExpression": Key("customer").eq(customer), "Limit": 1, "ScanIndexForward": False}',
      '    return table.query(**params)["Items"]',
    );
    assert.deepEqual(hintsIn('latest.py', code).filter((hint) => hint.endsWith('!')), ['12:query dynamodb-query!']);
  });

  it('keeps the keys that exclusive branches add apart, and adds those of independent ifs to each request', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
      '',
      '',
      'def handler(event, context):',
      '    kwargs = {}',
      '    if not event.get("status"):',
      '        kwargs["KeyConditionExpression"] = Key("customer").eq(event["customer"])',
      '    else:',
      '        kwargs["IndexName"] = "by-status"',
      '        kwargs["KeyConditionExpression"] = Key("status").eq(event["status"])',
      '    if event.get("next"):',
      '        kwargs["ExclusiveStartKey"] = event["next"]',
      '    if event.get("limit"):',
      '        kwargs["Limit"] = int(event["limit"])',
      '    response = table.query(**kwargs)',
      '    return {"items": response["Items"], "next": response.get("LastEvaluatedKey")}',
    );
    assert.deepEqual(pythonRequestsIn(code), [
      '19 Query env:ORDERS_TABLE keys[customer =] options[KeyConditionExpression, ExclusiveStartKey, Limit]',
      '19 Query env:ORDERS_TABLE index=by-status keys[status =] options[IndexName, KeyConditionExpression, ExclusiveStartKey, Limit]',
    ]);
    // Mixed into one request, the `by-status` index would meet the `customer` condition of the other branch.
    assert.deepEqual(findings('handler.py', code), []);
  });
});
