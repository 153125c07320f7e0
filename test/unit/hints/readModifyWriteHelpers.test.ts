/**
 * `dynamodb-read-modify-write` split over same-file helpers: one returns the item a GetItem read, another puts
 * its parameter with no condition, and a third hands the first's result, changed, to the second. Silent: a
 * conditional put, another table, the item handed back unchanged, a fresh item, a reader that maps the item.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
];

describe('DynamoDB: read-modify-write through same-file helpers', () => {
  it('reports a repository whose update method gets through one method and puts through another', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class OrderRepository {',
      '  constructor(private readonly table = process.env.ORDERS_TABLE) {}',
      '  async get(id: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: this.table, Key: { pk: id } }));',
      '    return Item;',
      '  }',
      '  async put(order: Record<string, unknown>) {',
      '    await doc.send(new PutCommand({ TableName: this.table, Item: order }));',
      '  }',
      '  async setStatus(id: string, status: string) {',
      '    const order = await this.get(id);',
      "    if (!order) throw new Error('not found');",
      '    await this.put({ ...order, status, updatedAt: Date.now() });',
      '  }',
      '  async addNote(id: string, note: string) {',
      '    const order = await this.get(id);',
      '    order.notes.push(note);',
      '    await this.put(order);',
      '  }',
      '  async copy(id: string) {',
      '    const order = await this.get(id);',
      '    await this.put(order);',
      '  }',
      '  async create(id: string) {',
      "    await this.put({ pk: id, status: 'NEW' });",
      '  }',
      '}',
    );
    assert.deepEqual(reported('orders.ts', code), [`16:put ${RULE}`, `21:put ${RULE}`]);
  });

  it('reports a Python service whose helpers read and write the same table', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'class CartService:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("carts")',
      '',
      '    def load(self, cart_id):',
      '        resp = self.table.get_item(Key={"id": cart_id})',
      '        return resp.get("Item")',
      '',
      '    def save(self, cart):',
      '        self.table.put_item(Item=cart)',
      '',
      '    def add(self, cart_id, sku):',
      '        cart = self.load(cart_id)',
      '        cart["skus"].append(sku)',
      '        self.save(cart)',
    );
    assert.deepEqual(reported('carts.py', code), [`17:save ${RULE}`]);
  });

  it('is silent on helpers that take the table as a parameter', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function getItem(tableName: string, key: Record<string, unknown>) {',
      '  const result = await doc.send(new GetCommand({ TableName: tableName, Key: key }));',
      '  return result.Item;',
      '}',
      'export async function putItem(tableName: string, item: Record<string, unknown>) {',
      '  await doc.send(new PutCommand({ TableName: tableName, Item: item }));',
      '}',
      'export async function archive(id: string) {',
      "  const order = await getItem('orders', { pk: id });",
      "  await putItem('archive', { ...order, archivedAt: Date.now() });",
      '}',
    );
    assert.deepEqual(reported('items.ts', code), []);
  });

  it('is silent on a conditional put, another table and a reader that maps the item', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class OrderRepository {',
      '  async get(id: string) {',
      "    const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { pk: id } }));",
      '    return Item;',
      '  }',
      '  async find(id: string) {',
      "    const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { pk: id } }));",
      '    return Item ? toOrder(Item) : undefined;',
      '  }',
      '  async save(order: Record<string, unknown>) {',
      "    await doc.send(new PutCommand({ TableName: 'orders', Item: order, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': order.version } }));",
      '  }',
      '  async archive(order: Record<string, unknown>) {',
      "    await doc.send(new PutCommand({ TableName: 'archive', Item: order }));",
      '  }',
      '  async write(order: Record<string, unknown>) {',
      "    await doc.send(new PutCommand({ TableName: 'orders', Item: order }));",
      '  }',
      '  async close(id: string) {',
      '    const order = await this.get(id);',
      "    await this.save({ ...order, status: 'CLOSED' });",
      "    await this.archive({ ...order, status: 'CLOSED' });",
      '    const found = await this.find(id);',
      "    await this.write({ ...found, status: 'CLOSED' });",
      '  }',
      '}',
    );
    assert.deepEqual(reported('orders.ts', code), []);
  });
  it('reports a caller that puts back itself, changed, the item a reading helper returned, on the helper\'s table', () => {
    const code = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'USERS = "users"',
      '',
      'def get_user(email):',
      '    resp = client.get_item(TableName=USERS, Key={"email": {"S": email}})',
      '    return resp.get("Item")',
      '',
      'def rename(email, name):',
      '    user = get_user(email)',
      '    if not user:',
      '        return None',
      '    user["name"] = {"S": name}',
      '    client.put_item(TableName=USERS, Item=user)',
      '',
      'def archive(email):',
      '    user = get_user(email)',
      '    user["archived"] = {"BOOL": True}',
      '    client.put_item(TableName="archive", Item=user)',
      '',
      'def copy_unchanged(email):',
      '    user = get_user(email)',
      '    client.put_item(TableName=USERS, Item=user)',
    );
    assert.deepEqual(reported('users.py', code), ['14:put_item dynamodb-read-modify-write!']);
  });

  it('reads a reading helper under a decorator (an error-mapping wrapper, a cache) as the one it decorates', () => {
    const code = sourceLines(
      'import functools',
      'import boto3',
      '',
      'def storage_errors(func):',
      '    @functools.wraps(func)',
      '    def wrapper(*args, **kwargs):',
      '        return func(*args, **kwargs)',
      '    return wrapper',
      '',
      'class Notes:',
      '    def __init__(self):',
      '        self._table = boto3.resource("dynamodb").Table("notes")',
      '',
      '    @storage_errors',
      '    def load(self, owner, note_id):',
      '        return self._table.get_item(Key={"owner": owner, "id": note_id})["Item"]',
      '',
      '    @functools.lru_cache(maxsize=64)',
      '    def settings(self, owner):',
      '        return self._table.get_item(Key={"owner": owner, "id": "settings"})["Item"]',
      '',
      '    @storage_errors',
      '    def retitle(self, owner, note_id, title):',
      '        note = self.load(owner, note_id)',
      '        note["title"] = title',
      '        self._table.put_item(Item=note)',
      '',
      '    def set_theme(self, owner, theme):',
      '        prefs = self.settings(owner)',
      '        prefs["theme"] = theme',
      '        self._table.put_item(Item=prefs)',
      '',
      '    def retitle_guarded(self, owner, note_id, title):',
      '        note = self.load(owner, note_id)',
      '        note["title"] = title',
      '        self._table.put_item(Item=note, ConditionExpression="attribute_exists(id)")',
    );
    assert.deepEqual(reported('notes.py', code), [`26:put_item ${RULE}`, `31:put_item ${RULE}`]);
  });

  it('reports a caller that sets, by UpdateItem, a value computed from what a reading helper returned, on the key it gave', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const TABLE = process.env.PLAYERS_TABLE;',
      'export class PlayerRepository {',
      '  async byId(playerId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { playerId } }));',
      '    return (Item as Player) ?? null;',
      '  }',
      '  async addWin(playerId: string) {',
      '    const player = await this.byId(playerId);',
      '    if (!player) return;',
      '    const ratio = (player.wins + 1) / player.games;',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE, Key: { playerId },',
      "      UpdateExpression: 'SET ratio = :r ADD wins :one',",
      "      ExpressionAttributeValues: { ':r': ratio, ':one': 1 },",
      '    }));',
      '  }',
      '  async addGame(playerId: string, otherId: string) {',
      '    const player = await this.byId(playerId);',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE, Key: { playerId: otherId },',
      "      UpdateExpression: 'SET games = :g',",
      "      ExpressionAttributeValues: { ':g': player.games + 1 },",
      '    }));',
      '  }',
      '  async addLoss(playerId: string) {',
      '    const player = await this.byId(playerId);',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE, Key: { playerId },',
      "      UpdateExpression: 'SET games = games + :one, lastSeen = :name',",
      "      ExpressionAttributeValues: { ':one': 1, ':name': player.name },",
      '    }));',
      '  }',
      '  async rename(playerId: string, name: string) {',
      '    const player = await this.byId(playerId);',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE, Key: { playerId },',
      "      UpdateExpression: 'SET games = :g',",
      "      ConditionExpression: 'games = :old',",
      "      ExpressionAttributeValues: { ':g': player.games + 1, ':old': player.games },",
      '    }));',
      '  }',
      '}',
      'interface Player { wins: number; games: number; name: string }',
    );
    // Silent: another item's key (22), values computed in the expression or copied unchanged (30), a condition (37).
    assert.deepEqual(reported('players.ts', code), [`14:UpdateCommand ${RULE}`]);
  });
});
