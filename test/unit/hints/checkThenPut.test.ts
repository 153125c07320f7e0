/**
 * `dynamodb-read-modify-write` on a check-then-put: a PutItem, with no condition, of a fresh item with the key a
 * GetItem of the same function found absent. Silent: a conditional Put, another key or table, a guard that does
 * not test the read or does not leave, a Put that runs only where the item exists, and an item of constants only.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const TABLE = process.env.USERS_TABLE;',
];

describe('DynamoDB: check-then-put', () => {
  it('reports a JavaScript handler that puts the user a Get found absent, after a guard that leaves or inside an absence test', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export const register = async (event: { body: string }) => {',
      '  const { email, name } = JSON.parse(event.body);',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (Item) {',
      "    console.warn('taken', email);",
      "    return { statusCode: 409, body: 'taken' };",
      '  }',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name, createdAt: Date.now() } }));',
      '  return { statusCode: 201 };',
      '};',
      'export async function ensure(email: string, profile: Record<string, string>) {',
      '  const result = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (!result.Item) {',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { email, ...profile } }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('users.ts', code), ['12:PutCommand dynamodb-read-modify-write!', '18:PutCommand dynamodb-read-modify-write!']);
    const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, 'users.ts')!, fileName: 'users.ts' });
    const finding = result.findings.find((each) => each.ruleId === 'dynamodb-read-modify-write')!;
    assert.match(finding.message, /found absent.*attribute_not_exists/);
  });

  it('reads the item a name of the same function holds as a literal, and not one given by the caller', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function join(handle: string, displayName: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { handle } }));',
      "  if (Item) throw new Error('taken');",
      '  const member = { handle, displayName, joinedAt: Date.now() };',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: member }));',
      '}',
      'export async function restore(handle: string, member: Record<string, unknown>) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { handle } }));',
      '  if (Item) return;',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: member }));',
      '}',
    );
    assert.deepEqual(reported('members.ts', code), ['9:PutCommand dynamodb-read-modify-write!']);
  });

  it('follows commands held by variables to the send that sends each', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function join(handle: string, displayName: string) {',
      '  const lookup = new GetCommand({ TableName: TABLE, Key: { handle } });',
      '  const existing = await doc.send(lookup);',
      "  if (existing.Item) throw new Error('taken');",
      '  const create = new PutCommand({ TableName: TABLE, Item: { handle, displayName } });',
      '  await doc.send(create);',
      '}',
    );
    assert.deepEqual(reported('join.ts', code), ['9:PutCommand dynamodb-read-modify-write!']);
  });

  it('reports a Python handler that tests the response or the item and raises, returns or puts inside', () => {
    const code = sourceLines(
      'import boto3',
      'table = boto3.resource("dynamodb").Table("accounts")',
      '',
      'def create(event, context):',
      '    resp = table.get_item(Key={"account_id": event["id"]})',
      '    if "Item" in resp:',
      '        return {"statusCode": 409}',
      '    table.put_item(Item={"account_id": event["id"], "owner": event["owner"]})',
      '',
      'def claim(account_id, owner):',
      '    item = table.get_item(Key={"account_id": account_id}).get("Item")',
      '    if item is None:',
      '        table.put_item(Item={"account_id": account_id, "owner": owner})',
      '',
      'def claim_or_fail(account_id, owner):',
      '    existing = table.get_item(Key={"account_id": account_id}).get("Item")',
      '    if existing: raise ValueError("claimed")',
      '    table.put_item(Item={"account_id": account_id, "owner": owner})',
    );
    assert.deepEqual(reported('accounts.py', code), ['8:put_item dynamodb-read-modify-write!', '13:put_item dynamodb-read-modify-write!', '18:put_item dynamodb-read-modify-write!']);
  });

  it('stays silent on a condition, another key or table, an unrelated guard, a Put where the item exists, and constants only', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function conditional(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      "  if (Item) throw new Error('taken');",
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name }, ConditionExpression: 'attribute_not_exists(email)' }));",
      '}',
      'export async function otherKey(email: string, name: string, id: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      "  if (Item) throw new Error('taken');",
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email: id, name } }));',
      '}',
      'export async function otherTable(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (!Item) return;',
      "  await doc.send(new PutCommand({ TableName: 'audit', Item: { email, name } }));",
      '}',
      'export async function unrelatedGuard(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (!name) return;',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name, known: Item !== undefined } }));',
      '}',
      'export async function whereItExists(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (Item !== undefined) {',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name } }));',
      '  }',
      '}',
      'export async function guardWithoutExit(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      "  if (Item) console.log('seen before');",
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name } }));',
      '}',
      'export async function counterAtZero() {',
      "  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email: 'hits' } }));",
      '  if (!Item) {',
      "    await doc.send(new PutCommand({ TableName: TABLE, Item: { email: 'hits', count: 0, tags: [] } }));",
      '  }',
      '}',
    );
    assert.deepEqual(reported('users.ts', code), []);
  });

  it('reads `=== undefined` as a test for absence, and `!== undefined` as one for presence', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function claim(email: string, owner: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (Item === undefined) {',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { email, owner } }));',
      '  }',
      '}',
      'export async function claimOnce(email: string, owner: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      "  if (Item !== undefined) throw new Error('claimed');",
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, owner } }));',
      '}',
    );
    assert.deepEqual(reported('claims.ts', code), ['8:PutCommand dynamodb-read-modify-write!', '14:PutCommand dynamodb-read-modify-write!']);
  });

  it('stays silent on a Put after a guard that leaves when the item is absent: the Put replaces an item that exists', () => {
    const js = sourceLines(
      ...JS_HEADER,
      'export const replace = async (event: { pathParameters: { email: string }; body: string }) => {',
      '  const { email } = event.pathParameters;',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      "  if (!Item) throw new Error('not found');",
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, createdAt: Item.createdAt, ...JSON.parse(event.body) } }));',
      '};',
      'export async function rename(email: string, name: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '  if (Item === undefined) {',
      '    return null;',
      '  }',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name } }));',
      '}',
    );
    assert.deepEqual(reported('users.ts', js), []);
    const python = sourceLines(
      'import boto3',
      "table = boto3.resource('dynamodb').Table('users')",
      '',
      'def replace(email, body):',
      "    resp = table.get_item(Key={'email': email})",
      "    if 'Item' not in resp:",
      "        raise KeyError('not found')",
      "    table.put_item(Item={'email': email, 'name': body['name']})",
      '',
      'def rename(email, name):',
      "    item = table.get_item(Key={'email': email}).get('Item')",
      '    if item is None:',
      '        return None',
      "    table.put_item(Item={'email': email, 'name': name})",
    );
    assert.deepEqual(reported('users.py', python), []);
  });
});

describe('DynamoDB: check-then-put through a same-file helper', () => {
  it('reports a caller that puts the item a helper found absent, the helper\'s parameters standing for its arguments', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class Accounts {',
      '  async exists(email: string): Promise<boolean> {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
      '    return Item !== undefined;',
      '  }',
      '  async open(input: { email: string; name: string }) {',
      '    if (await this.exists(input.email)) {',
      "      throw new Error('taken');",
      '    }',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { email: input.email, name: input.name } }));',
      '  }',
      '  async openHeld(email: string, name: string) {',
      '    const taken = await this.exists(email);',
      '    if (!taken) {',
      '      await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name } }));',
      '    }',
      '  }',
      '  async otherKey(email: string, name: string, alias: string) {',
      '    if (await this.exists(email)) return;',
      '    await doc.send(new PutCommand({ TableName: TABLE, Item: { email: alias, name } }));',
      '  }',
      '  async conditional(email: string, name: string) {',
      '    if (await this.exists(email)) return;',
      "    await doc.send(new PutCommand({ TableName: TABLE, Item: { email, name }, ConditionExpression: 'attribute_not_exists(email)' }));",
      '  }',
      '}',
    );
    assert.deepEqual(reported('accounts.ts', code), ['14:PutCommand dynamodb-read-modify-write!', '19:PutCommand dynamodb-read-modify-write!']);
  });

  it('reads a Python helper on the low-level client, and stays silent on a helper of another table or one that takes the table', () => {
    const code = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'TABLE = "members"',
      '',
      'def member_exists(email):',
      '    resp = client.get_item(TableName=TABLE, Key={"email": {"S": email}})',
      '    return "Item" in resp',
      '',
      'def found_in(table, email):',
      '    return "Item" in client.get_item(TableName=table, Key={"email": {"S": email}})',
      '',
      'def register(email, password_hash):',
      '    if member_exists(email):',
      '        return {"error": "taken"}, 400',
      '    client.put_item(TableName=TABLE, Item={"email": {"S": email}, "hash": {"S": password_hash}})',
      '',
      'def register_elsewhere(email, password_hash):',
      '    if found_in(TABLE, email):',
      '        return None',
      '    client.put_item(TableName="archive", Item={"email": {"S": email}, "hash": {"S": password_hash}})',
    );
    assert.deepEqual(reported('members.py', code), ['15:put_item dynamodb-read-modify-write!']);
  });
});
