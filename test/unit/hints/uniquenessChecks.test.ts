/**
 * A uniqueness check by search (`code/uniquenessChecks.ts`): a Query on an index or a filtered Scan that found a
 * value unused, then a PutItem with no condition of a new item carrying it, reported by `dynamodb-read-modify-write`
 * with the message that points to a transaction. Silent: no guard, another value or table, a conditioned Put, a
 * Query on the table's own key, a test.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(`${RULE}!`));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';",
  "import { randomUUID } from 'node:crypto';",
  '',
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const TABLE = process.env.USERS_TABLE;',
  '',
];

describe('uniqueness checked by a Query or Scan, then an unconditional Put', () => {
  it('reports a Query on an email index and a filtered Scan, each guarding the Put of a new item with that email', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export async function register(email: string, name: string) {', // 8
      '  const { Items } = await doc.send(new QueryCommand({',
      "    TableName: TABLE, IndexName: 'byEmail',",
      "    KeyConditionExpression: 'email = :email', ExpressionAttributeValues: { ':email': email },",
      '  }));',
      "  if (Items && Items.length > 0) throw new Error('taken');",
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), email, name } }));', // 14
      '}',
      '',
      'export async function registerByScan(email: string, name: string) {',
      '  const existing = await doc.send(new ScanCommand({',
      "    TableName: TABLE, FilterExpression: '#e = :e',",
      "    ExpressionAttributeNames: { '#e': 'email' }, ExpressionAttributeValues: { ':e': email },",
      '  }));',
      '  if (existing.Count) {',
      '    return { statusCode: 409 };',
      '  }',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), email: email, name } }));', // 25
      '  return { statusCode: 201 };',
      '}',
    );
    assert.deepEqual(reported('src/users.ts', code), [`14:PutCommand ${RULE}!`, `25:PutCommand ${RULE}!`]);
    const findings = analyzeText(code, realHintRules(), { kind: 'typescript', fileName: 'src/users.ts' }).findings.filter((finding) => finding.ruleId === RULE);
    assert.ok(findings.length === 2 && findings.every((finding) => /found unused/.test(finding.message) && /TransactWriteItems/.test(finding.message)));
  });

  it('reads boto3 Key(...).eq(...) and Attr(...).eq(...) in Python', () => {
    const code = sourceLines(
      'import os',
      'import uuid',
      '',
      'import boto3',
      'from boto3.dynamodb.conditions import Attr, Key',
      '',
      'table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])',
      '',
      '',
      'def signup(event, context):', // 10
      '    email = event["email"]',
      '    resp = table.query(IndexName="email-index", KeyConditionExpression=Key("email").eq(email))',
      '    if resp["Items"]:',
      '        return {"statusCode": 409}',
      '    table.put_item(Item={"id": str(uuid.uuid4()), "email": email, "name": event["name"]})', // 15
      '',
      '',
      'def signup_scan(email, name):',
      '    found = table.scan(FilterExpression=Attr("email").eq(email))["Items"]',
      '    if len(found) > 0:', // 20
      '        raise ValueError("taken")',
      '    table.put_item(Item={"id": str(uuid.uuid4()), "email": email, "name": name})',
    );
    assert.deepEqual(reported('users.py', code), [`15:put_item ${RULE}!`, `22:put_item ${RULE}!`]);
  });

  it('stays silent with no guard, another value, another table, a condition, a Query on the table key, or in a test', () => {
    const query = (options: string): string => `  const { Items } = await doc.send(new QueryCommand({ TableName: TABLE, ${options}, ExpressionAttributeValues: { ':v': owner } }));`;
    const cases = [
      // No guard: the Put runs whatever the Query found.
      [query("IndexName: 'byOwner', KeyConditionExpression: 'owner = :v'"), '  console.log(Items?.length);', '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner, tag } }));'],
      // The Put writes another value.
      [query("IndexName: 'byOwner', KeyConditionExpression: 'owner = :v'"), '  if (Items?.length) return;', '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner: tag, tag } }));'],
      // A literal value, the same in every run (a seed).
      [query("IndexName: 'byOwner', KeyConditionExpression: 'owner = :v'").replace(':v\': owner', ":v': 'admin'"), '  if (Items?.length) return;', "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner: 'admin', tag } }));"],
      // Another table.
      [query("IndexName: 'byOwner', KeyConditionExpression: 'owner = :v'"), '  if (Items?.length) return;', "  await doc.send(new PutCommand({ TableName: 'audit', Item: { id: randomUUID(), owner, tag } }));"],
      // A condition on the Put (it cannot keep the value unique, but it says the author thought of the race).
      [query("IndexName: 'byOwner', KeyConditionExpression: 'owner = :v'"), '  if (Items?.length) return;', "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner, tag }, ConditionExpression: 'attribute_not_exists(id)' }));"],
      // A Query on the table's own partition key: a GetItem-like check of the key, not of another attribute.
      [query("KeyConditionExpression: 'owner = :v'"), '  if (Items?.length) return;', '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner, tag } }));'],
    ];
    for (const body of cases) {
      const code = sourceLines(...JS_HEADER, 'export async function addTag(owner: string, tag: string) {', ...body, '}');
      assert.deepEqual(reported('src/tags.ts', code), [], body.join('\n'));
    }
    const test = sourceLines(...JS_HEADER, 'export async function addTag(owner: string, tag: string) {', ...cases[1].slice(0, 1), '  if (Items?.length) return;', '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner, tag } }));', '}');
    assert.deepEqual(reported('src/tags.ts', test), [`11:PutCommand ${RULE}!`]);
    // The same steps in a test's body: a test writes the items it then reads.
    const inTest = sourceLines(...JS_HEADER, "it('tags', async () => {", "  const owner = 'o1';", "  const tag = 't1';", ...cases[1].slice(0, 1), '  if (Items?.length) return;', '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), owner, tag } }));', '});');
    assert.deepEqual(reported('test/tags.test.ts', inTest), []);
  });

  it('follows a same-file helper that searches and answers yes or no, or returns what it found', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'const emailTaken = async (email: string) => {', // 8
      '  const found = await doc.send(new QueryCommand({',
      "    TableName: TABLE, IndexName: 'byEmail', KeyConditionExpression: 'email = :email', ExpressionAttributeValues: { ':email': email },",
      '  }));',
      '  if (found.Items && found.Items.length > 0) {',
      '    return true;',
      '  }',
      '  return false;',
      '};',
      '',
      'async function userByEmail(address: string) {',
      "  const result = await doc.send(new QueryCommand({ TableName: TABLE, IndexName: 'byEmail', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': address } }));",
      '  return result.Items?.[0];', // 20
      '}',
      '',
      'export async function register(email: string, name: string) {',
      '  if (await emailTaken(email)) {',
      "    throw new Error('taken');",
      '  }',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), email, name } }));', // 27
      '}',
      '',
      'export async function invite(email: string, team: string) {',
      '  const existing = await userByEmail(email);',
      '  if (existing) return;',
      '  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), email, team } }));', // 33
      '}',
      '',
      'export async function note(email: string) {',
      '  const existing = await userByEmail(email);',
      '  console.log(existing);',
      "  await doc.send(new PutCommand({ TableName: TABLE, Item: { id: randomUUID(), email, note: 'seen' } }));",
      '}',
    );
    assert.deepEqual(reported('src/users.ts', code), [`27:PutCommand ${RULE}!`, `33:PutCommand ${RULE}!`]);
    const findings = analyzeText(code, realHintRules(), { kind: 'typescript', fileName: 'src/users.ts' }).findings.filter((finding) => finding.ruleId === RULE);
    assert.ok(findings.every((finding) => /TransactWriteItems/.test(finding.message)));
  });

  it('follows a Python helper, and not one whose searched value is not its parameter', () => {
    const code = sourceLines(
      'import os',
      'import uuid',
      '',
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])',
      'DEFAULT_EMAIL = os.environ["DEFAULT_EMAIL"]',
      '',
      '',
      'def email_exists(email):', // 11
      '    resp = table.query(IndexName="email-index", KeyConditionExpression=Key("email").eq(email))',
      '    return len(resp["Items"]) > 0',
      '',
      '',
      'def default_exists(email):',
      '    resp = table.query(IndexName="email-index", KeyConditionExpression=Key("email").eq(DEFAULT_EMAIL))',
      '    return len(resp["Items"]) > 0',
      '',
      '',
      'def signup(email, name):', // 21
      '    if email_exists(email):',
      '        raise ValueError("taken")',
      '    table.put_item(Item={"id": str(uuid.uuid4()), "email": email, "name": name})', // 24
      '',
      '',
      'def signup_default(email, name):',
      '    if default_exists(email):',
      '        raise ValueError("taken")',
      '    table.put_item(Item={"id": str(uuid.uuid4()), "email": email, "name": name})',
    );
    assert.deepEqual(reported('users.py', code), [`24:put_item ${RULE}!`]);
  });
});
