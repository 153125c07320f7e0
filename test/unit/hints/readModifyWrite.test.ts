/**
 * `dynamodb-read-modify-write`: a PutItem that writes back, changed, the item a GetItem of the same function
 * read from the same table, with no condition (a lost update under concurrency). Silent: a Put with a
 * condition, a fresh item, another table, an item written back unchanged, an atomic UpdateItem, a transaction, tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const TABLE = process.env.TABLE_NAME;',
];

describe('DynamoDB: read-modify-write without a condition', () => {
  it('reports a Lambda handler that bumps a counter on the item it read and puts it back', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export const handler = async (event) => {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: event.pathParameters.id } }));',
      '  if (!Item) {',
      "    return { statusCode: 404, body: 'not found' };",
      '  }',
      '  Item.views = (Item.views ?? 0) + 1;',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item }));',
      '  return { statusCode: 200, body: JSON.stringify(Item) };',
      '};',
    );
    assert.deepEqual(reported('handler.ts', code), [`11:PutCommand ${RULE}`]);
  });

  it('reports a spread of the item read with a changed attribute, and a renamed destructured item', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class OrderRepository {',
      '  async markPaid(orderId: string) {',
      '    const result = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      "    const paid = { ...result.Item, status: 'PAID', paidAt: Date.now() };",
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: paid }));',
      '  }',
      '  async addTag(orderId: string, tag: string) {',
      '    const { Item: order } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    order.tags.push(tag);',
      '    await doc.send(new PutCommand({',
      '      TableName: TABLE,',
      '      Item: order,',
      '    }));',
      '  }',
      '  async rename(orderId: string, name: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { ...Item, name } }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('orderRepository.ts', code), [`9:PutCommand ${RULE}`, `14:PutCommand ${RULE}`, `21:PutCommand ${RULE}`]);
  });

  it('stays silent on a conditional put, a fresh item, another table, an unchanged item, an update and a test', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class OrderRepository {',
      '  async markPaid(orderId: string, version: number) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    await doc.send(new PutCommand({',
      "      TableName: TABLE, Item: { ...Item, status: 'PAID', version: version + 1 },",
      "      ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version },",
      '    }));',
      '  }',
      '  async create(orderId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    if (!Item) {',
      "      await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: orderId, status: 'NEW' } }));",
      '    }',
      '  }',
      '  async archive(orderId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      "    Item.archivedAt = Date.now();",
      "    await doc.send(new PutCommand({ TableName: 'orders-archive', Item }));",
      '  }',
      '  async copy(orderId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item }));',
      '  }',
      '  async count(orderId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: orderId } }));',
      '    await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk: orderId }, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": 1 } }));',
      '    return Item;',
      '  }',
      '}',
    );
    assert.deepEqual(reported('orderRepository.ts', code), []);
    const test = sourceLines(
      ...JS_HEADER,
      "describe('orders', () => {",
      "  it('bumps', async () => {",
      "    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'a' } }));",
      '    Item.n += 1;',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item }));',
      '  });',
      '});',
    );
    assert.deepEqual(reported('orders.test.ts', test), []);
  });

  it('reports a DocumentClient v2 read and put of the same table', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const dynamo = new AWS.DynamoDB.DocumentClient();',
      'module.exports.vote = async (event) => {',
      '  const params = { TableName: process.env.POLLS, Key: { id: event.id } };',
      '  const data = await dynamo.get({ TableName: process.env.POLLS, Key: { id: event.id } }).promise();',
      '  const poll = data.Item;',
      '  poll.votes[event.option] += 1;',
      '  await dynamo.put({ TableName: process.env.POLLS, Item: poll }).promise();',
      '};',
    );
    assert.deepEqual(reported('vote.js', code), [`8:put ${RULE}`]);
  });

  it('reports a boto3 Table resource and a client that read, change and put back the item', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def handler(event, context):',
      '    item = table.get_item(Key={"pk": event["id"]})["Item"]',
      '    item["count"] += 1',
      '    table.put_item(Item=item)',
      '',
      '',
      'class CartRepository:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("carts")',
      '',
      '    def add_line(self, cart_id, line):',
      '        response = self.table.get_item(Key={"pk": cart_id})',
      '        cart = response.get("Item")',
      '        if not cart:',
      '            cart = {"pk": cart_id, "lines": []}',
      '        cart["lines"].append(line)',
      '        self.table.put_item(Item=cart)',
      '',
      '    def close(self, cart_id):',
      '        cart = self.table.get_item(Key={"pk": cart_id}).get("Item", {})',
      '        self.table.put_item(Item={**cart, "status": "CLOSED"})',
      '',
      '',
      'def touch(key):',
      '    resp = client.get_item(TableName="sessions", Key=key)',
      '    session = dict(resp["Item"])',
      '    session["seen"] = {"N": "1"}',
      '    client.put_item(TableName="sessions", Item=session)',
    );
    assert.deepEqual(reported('handler.py', code), [`11:put_item ${RULE}`, `24:put_item ${RULE}`, `28:put_item ${RULE}`, `35:put_item ${RULE}`]);
  });

  it('stays silent in Python on a condition, another table, a fresh item and a transaction', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'dynamodb = boto3.resource("dynamodb")',
      'orders = dynamodb.Table("orders")',
      'archive = dynamodb.Table("archive")',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def pay(order_id, version):',
      '    item = orders.get_item(Key={"pk": order_id})["Item"]',
      '    item["status"] = "PAID"',
      '    orders.put_item(Item=item, ConditionExpression="version = :v", ExpressionAttributeValues={":v": version})',
      '',
      '',
      'def move(order_id):',
      '    item = orders.get_item(Key={"pk": order_id})["Item"]',
      '    item["archived"] = True',
      '    archive.put_item(Item=item)',
      '',
      '',
      'def create(order_id):',
      '    existing = orders.get_item(Key={"pk": order_id}).get("Item")',
      '    if existing is None:',
      '        orders.put_item(Item={"pk": order_id, "status": "NEW"})',
      '',
      '',
      'def reserve(order_id):',
      '    item = orders.get_item(Key={"pk": order_id})["Item"]',
      '    item["qty"] -= 1',
      '    client.transact_write_items(TransactItems=[{"Put": {"TableName": "orders", "Item": item}}])',
    );
    assert.deepEqual(reported('orders.py', code), []);
  });
});

describe('DynamoDB: read-modify-write of a value read from the item', () => {
  it('reports a visitor counter read, incremented and put back as a fresh literal, and not a copied attribute', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'dynamodb = boto3.resource("dynamodb")',
      'table = dynamodb.Table("visitors")',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def count_visit(event, context):',
      '    response = table.get_item(Key={"id": "site"})',
      '    visits = response["Item"]["visits"]',
      '    visits = visits + 1',
      '    table.put_item(Item={"id": "site", "visits": visits})',
      '    return {"statusCode": 200, "body": str(visits)}',
      '',
      '',
      'def count_low_level(event, context):',
      '    got = client.get_item(TableName="visitors", Key={"id": {"S": "site"}})',
      '    views = int(got["Item"]["views"]["N"])',
      '    views += 1',
      '    client.put_item(TableName="visitors", Item={"id": {"S": "site"}, "views": {"N": str(views)}})',
      '',
      '',
      'def replace(event, context):',
      '    current = table.get_item(Key={"id": event["id"]}).get("Item") or {}',
      '    created = current.get("createdAt")',
      '    table.put_item(Item={"id": event["id"], "name": event["name"], "createdAt": created})',
    );
    assert.deepEqual(reported('visits.py', code), [`12:put_item ${RULE}`, `20:put_item ${RULE}`]);
  });

  it('reports a JavaScript counter computed inline from the item read, not a value written to another key of the table', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export const handler = async () => {',
      "  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { id: 'home' } }));",
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'home', hits: (Item?.hits ?? 0) + 1 } }));",
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'other', createdAt: Item.createdAt } }));",
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'totals', hits: Item.hits + 1 } }));",
      '};',
    );
    assert.deepEqual(reported('hits.ts', code), [`7:PutCommand ${RULE}`]);
  });

  it('reports a list of the item read grown by a spread or concat and written back under its key, not a copy or another key', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function addTag(id: string, tag: string) {',
      '  const current = (await doc.send(new GetCommand({ TableName: TABLE, Key: { id } })))?.Item ?? { id, tags: [] };',
      '  const next = { id, tags: [...current.tags, tag] };',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: next }));',
      '}',
      'export async function addNote(id: string, note: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { id } }));',
      '  const notes = Item.notes.concat(note);',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id, notes } }));',
      '}',
      'export async function copyTags(id: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { id } }));',
      '  const tags = [...Item.tags];',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id, tags } }));',
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'all', tags: [...Item.tags, id] } }));",
      '}',
    );
    assert.deepEqual(reported('tags.ts', code), [`8:PutCommand ${RULE}`, `13:PutCommand ${RULE}`]);
  });

  it('reports a fresh literal that copies a member of the item changed in place, not one of an item left as read', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export const handler = async (event) => {',
      '  let body;',
      '  switch (event.requestContext.http.method) {',
      "    case 'POST':",
      "      body = await doc.send(new GetCommand({ TableName: TABLE, Key: { id: 'visits' } }));",
      '      body.Item.total = body.Item.total + 1;',
      "      await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'visits', total: body.Item.total } }));",
      '      return { statusCode: 201, body: JSON.stringify(body.Item) };',
      "    case 'GET':",
      "      body = await doc.send(new GetCommand({ TableName: TABLE, Key: { id: 'visits' } }));",
      '      if (!body.Item) {',
      "        await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'visits', total: 0 } }));",
      '      }',
      "      await doc.send(new PutCommand({ TableName: TABLE, Item: { id: 'visits', total: body.Item.total } }));",
      '      return { statusCode: 200, body: JSON.stringify(body.Item) };',
      '  }',
      '};',
    );
    assert.deepEqual(reported('counter.mjs', code), [`11:PutCommand ${RULE}`]);
  });

  it('reports a Python item changed in place whose member a fresh dict with the same key copies', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("stock")',
      '',
      '',
      'def reserve(event, context):',
      '    item = table.get_item(Key={"sku": "A1"})["Item"]',
      '    item["left"] -= 1',
      '    table.put_item(Item={"sku": "A1", "left": item["left"]})',
      '',
      '',
      'def mirror(event, context):',
      '    item = table.get_item(Key={"sku": "A1"})["Item"]',
      '    item["seen"] = True',
      '    table.put_item(Item={"sku": "B2", "left": item["left"]})',
    );
    assert.deepEqual(reported('stock.py', code), [`9:put_item ${RULE}`]);
  });
});
