/**
 * `dynamodb-read-modify-write` after a Query: the first item a Query read (`Items[0]`, `const [user] = Items`,
 * `resp["Items"][0]`), changed and put back with no condition, races as a GetItem's item does. Silent: a
 * conditional Put, another table, the item unchanged, a fresh item, a later item of the list, and the list itself.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const USERS = process.env.USERS_TABLE;',
];

const byEmail = (email: string): string =>
  `new QueryCommand({ TableName: USERS, IndexName: 'byEmail', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': ${email} } })`;

describe('DynamoDB: read-modify-write of the first item a Query read', () => {
  it('reports the first item taken inline, from destructured Items, from a response, and as the first element destructured', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class UserService {',
      '  async recordLogin(email: string) {',
      `    const user = (await doc.send(${byEmail('email')})).Items?.[0];`,
      '    if (!user) throw new Error("unknown user");',
      '    user.logins = (user.logins ?? 0) + 1;',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: user }));',
      '  }',
      '  async verify(email: string) {',
      `    const { Items } = await doc.send(${byEmail('email')});`,
      '    const user = Items[0];',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: { ...user, verified: true } }));',
      '  }',
      '  async rename(email: string, name: string) {',
      `    const result = await doc.send(${byEmail('email')});`,
      '    const user = result.Items![0];',
      '    user.name = name;',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: user }));',
      '  }',
      '  async lock(email: string) {',
      `    const { Items } = await doc.send(${byEmail('email')});`,
      '    const [user] = Items;',
      '    user.locked = true;',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: user }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('userService.ts', code), [`10:PutCommand ${RULE}`, `15:PutCommand ${RULE}`, `21:PutCommand ${RULE}`, `27:PutCommand ${RULE}`]);
    const findings = analyzeText(code, realHintRules(), { kind: 'typescript', fileName: 'userService.ts' }).findings.filter((finding) => finding.ruleId === 'dynamodb-read-modify-write');
    assert.ok(findings.every((finding) => /first item that a Query just read/.test(finding.message)), findings.map((finding) => finding.message).join('\n'));
  });

  it('stays silent on a condition, another table, an unchanged item, a fresh item, a later item and the whole list', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class UserService {',
      '  async conditional(email: string) {',
      `    const user = (await doc.send(${byEmail('email')})).Items?.[0];`,
      '    user.logins += 1;',
      "    await doc.send(new PutCommand({ TableName: USERS, Item: user, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': user.version } }));",
      '  }',
      '  async archive(email: string) {',
      `    const user = (await doc.send(${byEmail('email')})).Items?.[0];`,
      '    user.archived = true;',
      "    await doc.send(new PutCommand({ TableName: 'users-archive', Item: user }));",
      '  }',
      '  async copy(email: string) {',
      `    const user = (await doc.send(${byEmail('email')})).Items?.[0];`,
      '    await doc.send(new PutCommand({ TableName: USERS, Item: user }));',
      '  }',
      '  async fresh(email: string) {',
      `    const user = (await doc.send(${byEmail('email')})).Items?.[0];`,
      "    await doc.send(new PutCommand({ TableName: USERS, Item: { pk: 'AUDIT', email, seen: true } }));",
      '  }',
      '  async second(email: string) {',
      `    const { Items } = await doc.send(${byEmail('email')});`,
      '    const other = Items[1];',
      '    other.flag = true;',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: other }));',
      '  }',
      '  async whole(email: string) {',
      `    const { Items } = await doc.send(${byEmail('email')});`,
      '    Items.push({ pk: email });',
      '    await doc.send(new PutCommand({ TableName: USERS, Item: Items }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('userService.ts', code), []);
  });

  it('reports a boto3 Table read by a Query whose first item is changed and put back', () => {
    const code = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      'table = boto3.resource("dynamodb").Table("devices")',
      '',
      'def handler(event, context):',
      '    resp = table.query(IndexName="bySerial", KeyConditionExpression=Key("serial").eq(event["serial"]))',
      '    device = resp["Items"][0]',
      '    device["last_seen"] = event["at"]',
      '    table.put_item(Item=device)',
      '',
      'def rotate(serial):',
      '    items = table.query(KeyConditionExpression=Key("serial").eq(serial))["Items"]',
      '    device = items[0]',
      '    device["key"] = "new"',
      '    table.put_item(Item=device)',
      '',
      'def unchanged(serial):',
      '    device = table.query(KeyConditionExpression=Key("serial").eq(serial)).get("Items", [])[0]',
      '    table.put_item(Item=device)',
    );
    assert.deepEqual(reported('devices.py', code), [`10:put_item ${RULE}`, `16:put_item ${RULE}`]);
  });

  it('reports a fresh item that repeats the whole key a Query named and writes a value read from its first item, also in a v2 callback', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const db = new AWS.DynamoDB.DocumentClient();',
      'const DAILY = process.env.DAILY_TABLE;',
      'exports.addToDay = (event, context, callback) => {',
      "  const params = { TableName: DAILY, KeyConditionExpression: 'Bank = :bank and DaySec = :day', ExpressionAttributeValues: { ':bank': event.bank, ':day': event.day } };",
      '  db.query(params, function (err, data) {',
      '    if (err) return callback(err);',
      '    const row = data.Items[0];',
      '    const total = parseFloat(row.Total);',
      '    const put = { TableName: DAILY, Item: { Bank: event.bank, DaySec: event.day, Total: total + event.amount } };',
      '    db.put(put, function (e) { callback(e); });',
      '  });',
      '};',
      'exports.addNamed = async (event) => {',
      "  const data = await db.query({ TableName: DAILY, KeyConditionExpression: '#b = :b and DaySec = :d', ExpressionAttributeNames: { '#b': 'Bank' }, ExpressionAttributeValues: { ':b': event.bank, ':d': event.day } }).promise();",
      '  const row = data.Items[0];',
      '  await db.put({ TableName: DAILY, Item: { Bank: event.bank, DaySec: event.day, Total: row.Total + 1 } }).promise();',
      '};',
    );
    assert.deepEqual(reported('daily.js', code), [`11:put ${RULE}`, `17:put ${RULE}`]);
  });

  it('stays silent on a fresh item after a Query that names a partition only, an index, or another sort key', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const db = new AWS.DynamoDB.DocumentClient();',
      'exports.partitionOnly = async (event) => {',
      "  const data = await db.query({ TableName: 't', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': event.id } }).promise();",
      '  const first = data.Items[0];',
      "  await db.put({ TableName: 't', Item: { pk: event.id, sk: 'COUNTER', n: first.n + 1 } }).promise();",
      '};',
      'exports.onIndex = async (event) => {',
      "  const data = await db.query({ TableName: 't', IndexName: 'byOrg', KeyConditionExpression: 'org = :o and email = :e', ExpressionAttributeValues: { ':o': event.org, ':e': event.email } }).promise();",
      '  const first = data.Items[0];',
      '  await db.put({ TableName: \'t\', Item: { org: event.org, email: event.email, n: first.n + 1 } }).promise();',
      '};',
      'exports.otherItem = async (event) => {',
      "  const data = await db.query({ TableName: 't', KeyConditionExpression: 'pk = :p and sk = :s', ExpressionAttributeValues: { ':p': event.id, ':s': 'BALANCE' } }).promise();",
      '  const first = data.Items[0];',
      "  await db.put({ TableName: 't', Item: { pk: event.id, sk: 'HISTORY', total: first.total + 1 } }).promise();",
      '};',
    );
    assert.deepEqual(reported('other.js', code), []);
  });
});
