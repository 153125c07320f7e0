/**
 * Shapes of Python Lambda helpers read since the forty-eighth audit: a put with `ReturnValues='NONE'` (the default)
 * in a loop could go in a batch; a Query of a boto3 `Table` given a redundant `TableName` reads the table the same
 * Table's put writes back; and a helper whose `request` parameter is the parsed body (read as a dict) is no Django
 * view, so the client it makes is reported where the handler calls it, not as one made per web request. In
 * workspace mode, a handler's call of a same-file helper that calls another module's function making a client on
 * each call is that client, whatever the helper passes it (as the handler's own call of it would be).
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
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
  it("reports a handler's call of a same-file helper that calls another module's client maker with its own data", () => {
    const tags = sourceLines(
      'import boto3',
      '',
      'def modify_tags(request, **kwargs):',
      '    table = boto3.resource("dynamodb").Table(kwargs["table"])',
      '    table.put_item(Item={"id": request["id"]})',
      '',
      'shared = boto3.resource("dynamodb").Table("kept")',
      '',
      'def keep_tags(request):',
      '    shared.put_item(Item={"id": request["id"]})',
    );
    const handler = sourceLines(
      'from app.tags import modify_tags, keep_tags',
      '',
      'def lambda_handler(event, context):',
      '    return _remove(event["body"], event["table"])',
      '',
      'def _remove(request, table):',
      '    modify_tags(request={"id": request["id"]}, table=table)',
      '',
      'def lambda_kept(event, context):',
      '    return _keep(event["body"])',
      '',
      'def _keep(request):',
      '    keep_tags({"id": request["id"]})',
    );
    const files = { 'app/__init__.py': '', 'app/tags.py': tags, 'app/handler.py': handler };
    const found = hintsOfFile(files, 'app/handler.py').filter((hint) => hint.includes('per-invocation') || hint.includes('per-request'));
    assert.deepEqual(found, ['4:_remove lambda-client-per-invocation', '4:_remove lambda-client-per-invocation!']);
  });
});
