/**
 * Shapes of Python Lambda helpers read since the forty-eighth audit: a put with `ReturnValues='NONE'` (the default)
 * in a loop could go in a batch; a Query of a boto3 `Table` given a redundant `TableName` reads the table the same
 * Table's put writes back; and a helper whose `request` parameter is the parsed body (read as a dict) is no Django
 * view, so the client it makes is reported where the handler calls it, not as one made per web request.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Lambda tag helpers (audit 48)', () => {
  it('reports a put per element whose ReturnValues is NONE, not one that asks for the old item', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'servers = boto3.resource("dynamodb").Table("servers")',
      '',
      'def save_all(records):',
      '    for record in records:',
      '        servers.put_item(Item=record, ReturnValues="NONE")',
      '    for record in records:',
      '        servers.put_item(Item=record, ReturnValues="ALL_OLD")',
    );
    assert.deepEqual(hintsOfRules('sync.py', code, ['dynamodb-item-loop']), ['7:put_item dynamodb-item-loop', '7:put_item dynamodb-item-loop!']);
  });

  it('reads a Query with a redundant TableName and a put of the same Table as one table, not a Query of another table', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'servers = boto3.resource("dynamodb").Table("servers")',
      'audit = boto3.resource("dynamodb").Table("audit")',
      '',
      'def label(server_id, name, label):',
      '    record = servers.query(TableName=name, KeyConditionExpression=Key("id").eq(server_id))["Items"][0]',
      '    record["Labels"].append(label)',
      '    servers.put_item(Item=record)',
      '',
      'def archive(server_id, name):',
      '    record = servers.query(TableName=name, KeyConditionExpression=Key("id").eq(server_id))["Items"][0]',
      '    record["archived"] = True',
      '    audit.put_item(Item=record)',
    );
    assert.deepEqual(hintsOfRules('labels.py', code, ['dynamodb-read-modify-write']), ['10:put_item dynamodb-read-modify-write', '10:put_item dynamodb-read-modify-write!']);
  });

  it('keeps a client call of two tables by name apart', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def copy(pk):',
      '    item = client.query(TableName="a", KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": {"S": pk}})["Items"][0]',
      '    item["n"] = {"N": "1"}',
      '    client.put_item(TableName="b", Item=item)',
    );
    assert.deepEqual(hintsOfRules('copy.py', code, ['dynamodb-read-modify-write']), []);
  });

  it('takes a function whose request is indexed or read with .get as a helper, and a Django view as a view', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'def modify_tags(request, **kwargs):',
      '    table = boto3.resource("dynamodb").Table(kwargs["table"])',
      '    return table.get_item(Key={"id": request["id"]})',
      '',
      'def history(request):',
      '    table = boto3.resource("dynamodb").Table(request.get("table"))',
      '    return table.get_item(Key={"id": "x"})',
      '',
      'def order_view(request, pk):',
      '    table = boto3.resource("dynamodb").Table("orders")',
      '    if "pk" not in request.data:',
      '        return None',
      '    return table.get_item(Key={"id": pk, "user": request.user.id})',
    );
    assert.deepEqual(hintsOfRules('tags.py', code, ['client-per-request']), ['12:resource client-per-request', '12:resource client-per-request!']);
  });

  it("keeps an aiohttp handler that reads a middleware's value from its request a handler", () => {
    const code = sourceLines(
      'import boto3',
      'from aiohttp import web',
      '',
      'async def orders(request):',
      '    table = boto3.resource("dynamodb").Table("orders")',
      '    return web.json_response(table.get_item(Key={"id": request["user"]}))',
    );
    assert.deepEqual(hintsOfRules('routes.py', code, ['client-per-request']), ['5:resource client-per-request', '5:resource client-per-request!']);
  });
});
