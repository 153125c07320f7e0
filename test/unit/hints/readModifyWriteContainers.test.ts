/**
 * `dynamodb-read-modify-write` through a list the item holds: a value read from the item (`members =
 * item.get("members", [])`) changed in place, through one of its elements, or filtered, then SET back on the
 * same key with no condition. Silent: the list read and written unchanged, only read, projected to another
 * attribute, an atomic `list_append`, a conditional update.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const PY_HEADER = ['import boto3', '', 'table = boto3.resource("dynamodb").Table("teams")', ''];

function pythonHandler(...body: string[]): string {
  return sourceLines(
    ...PY_HEADER,
    'def handler(event, context):',
    '    team = table.get_item(Key={"id": event["id"]})["Item"]',
    '    roster = team.get("members", [])',
    ...body.map((line) => `    ${line}`),
    '    table.update_item(',
    '        Key={"id": event["id"]},',
    '        UpdateExpression="SET members = :m",',
    '        ExpressionAttributeValues={":m": roster},',
    '    )',
  );
}

describe('DynamoDB: read-modify-write of a list the item holds', () => {
  it('reports a list read from the item, appended to and set back', () => {
    assert.deepEqual(reported('append.py', pythonHandler('roster.append(event["user"])')), [`9:update_item ${RULE}`]);
  });

  it('reports a list whose element a loop changes', () => {
    const code = pythonHandler('for member in roster:', '    if member["id"] == event["user"]:', '        member["role"] = "captain"');
    assert.deepEqual(reported('loop.py', code), [`11:update_item ${RULE}`]);
  });

  it('reports a list whose element next() finds and the code changes', () => {
    const code = pythonHandler('player = next((m for m in roster if m["id"] == event["user"]), None)', 'player["minutes"] -= 5');
    assert.deepEqual(reported('next.py', code), [`10:update_item ${RULE}`]);
  });

  it('reports a filtered copy of the list set back', () => {
    const code = pythonHandler('roster = [m for m in roster if m["id"] != event["user"]]');
    assert.deepEqual(reported('filter.py', code), [`9:update_item ${RULE}`]);
  });

  it('reports a JavaScript list changed through an element found with find()', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function bench(id: string, user: string) {',
      "  const { Item } = await doc.send(new GetCommand({ TableName: 'teams', Key: { id } }));",
      '  const roster = Item.members;',
      '  const player = roster.find((m) => m.id === user);',
      '  player.minutes -= 5;',
      "  await doc.send(new UpdateCommand({ TableName: 'teams', Key: { id }, UpdateExpression: 'SET members = :m', ExpressionAttributeValues: { ':m': roster } }));",
      '}',
    );
    assert.deepEqual(reported('bench.ts', code), [`9:UpdateCommand ${RULE}`]);
  });

  it('stays silent on a list only read, a projection, or an element copied out and changed', () => {
    assert.deepEqual(reported('read.py', pythonHandler('for member in roster:', '    print(member["id"])')), []);
    assert.deepEqual(reported('len.py', pythonHandler('count = len(roster)', 'count += 1')), []);
    assert.deepEqual(reported('copy.py', pythonHandler('first = dict(roster[0])', 'first["role"] = "x"')), []);
    const projected = sourceLines(
      ...PY_HEADER,
      'def handler(event, context):',
      '    team = table.get_item(Key={"id": event["id"]})["Item"]',
      '    roster = team.get("members", [])',
      '    ids = [m["id"] for m in roster]',
      '    table.update_item(Key={"id": event["id"]}, UpdateExpression="SET ids = :i", ExpressionAttributeValues={":i": ids})',
    );
    assert.deepEqual(reported('ids.py', projected), []);
  });

  it('stays silent on a conditional update and on another item key', () => {
    const conditional = sourceLines(
      ...PY_HEADER,
      'def handler(event, context):',
      '    team = table.get_item(Key={"id": event["id"]})["Item"]',
      '    roster = team.get("members", [])',
      '    roster.append(event["user"])',
      '    table.update_item(Key={"id": event["id"]}, UpdateExpression="SET members = :m", ConditionExpression="version = :v",',
      '                      ExpressionAttributeValues={":m": roster, ":v": team["version"]})',
    );
    assert.deepEqual(reported('cond.py', conditional), []);
    const other = sourceLines(
      ...PY_HEADER,
      'def handler(event, context):',
      '    team = table.get_item(Key={"id": event["from"]})["Item"]',
      '    roster = team.get("members", [])',
      '    roster.append(event["user"])',
      '    table.update_item(Key={"id": event["to"]}, UpdateExpression="SET members = :m", ExpressionAttributeValues={":m": roster})',
    );
    assert.deepEqual(reported('other.py', other), []);
  });
});
