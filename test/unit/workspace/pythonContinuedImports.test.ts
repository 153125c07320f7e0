/**
 * Python imports continued on the next line by a backslash (`from service import orders, \` then `users`):
 * every name of the statement is bound, in one module and across the workspace, and a line after an import
 * that no backslash joins to it binds nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const TABLES_MODULE = sourceLines(
  'import boto3',
  '',
  'dynamodb = boto3.resource("dynamodb")',
  'orders_table = dynamodb.Table("orders")',
  'members_table = dynamodb.Table("members")',
  'follows_table = dynamodb.Table("follows")',
);

const RESOLVERS = sourceLines(
  'from service import orders_table, \\',
  '     members_table, follows_table',
  '',
  '',
  'def resolve_member(root, info, name):',
  '    member = members_table.get_item(Key={"name": name})["Item"]',
  '    follows = follows_table.query(',
  '        KeyConditionExpression="name = :n",',
  '        ExpressionAttributeValues={":n": name},',
  '    )["Items"]',
  '    return member, follows',
  '',
  '',
  'def resolve_order(root, info, order_id):',
  '    return orders_table.get_item(Key={"id": order_id})["Item"]',
);

describe('Python imports continued by a backslash', () => {
  it('binds the names after the backslash to the clients another module makes', () => {
    const model = workspaceOf({ 'service/__init__.py': TABLES_MODULE });
    const found = hintsInWorkspace(model, 'service/schema/resolvers.py', RESOLVERS);
    for (const expected of ['6:get_item dynamodb-get-item', '7:query dynamodb-query', '7:query dynamodb-query!', '15:get_item dynamodb-get-item']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('binds every name of a continued `from boto3 import` and `import` statement in one file', () => {
    const code = sourceLines(
      'from boto3 import client, \\',
      '    resource',
      'import json, \\',
      '       boto3',
      '',
      'events = resource("dynamodb").Table("events")',
      'audit = boto3.client("dynamodb")',
      '',
      'def all_events():',
      '    return json.dumps(events.scan()["Items"])',
      '',
      'def audit_rows():',
      '    return audit.scan(TableName="audit")["Items"]',
    );
    const found = hintsIn('events.py', code);
    for (const expected of ['10:scan dynamodb-scan', '10:scan dynamodb-scan!', '13:scan dynamodb-scan', '13:scan dynamodb-scan!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('binds nothing on a line after an import that no backslash continues', () => {
    const model = workspaceOf({ 'service/__init__.py': TABLES_MODULE });
    const code = sourceLines(
      'from service import orders_table',
      'members_table = {}',
      '',
      '',
      'def member(name):',
      '    return members_table.get(name)',
      '',
      'def members_seen():',
      '    return members_table.items()',
    );
    assert.deepEqual(hintsInWorkspace(model, 'service/local.py', code), []);
  });
});
