/**
 * Python transaction parts built apart from their request (`TransactItems=transact_items`): a list literal of part
 * dicts the name is bound to (annotated or not), and the parts `append` adds to it before the request, also where
 * the request runs in a lambda. Their keys are the request's, as when written in place. Silent: a part appended
 * after the request, to another list, or a list the name is rebound away from before the request.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['dynamodb-condition-expression', 'dynamodb-update-expression', 'dynamodb-expression-reserved-word'];

const HEADER = [
  'import asyncio',
  'import boto3',
  '',
  'client = boto3.client("dynamodb")',
  '',
];

describe('Python transaction parts built apart from the request', () => {
  it('reads the parts of a held list and those appended before the request, with the checks on them', () => {
    const code = sourceLines(
      ...HEADER,
      'def enrol(member, course, extra):',
      '    transact_items: list = [',
      '        {"Put": {"TableName": "members", "Item": member, "ConditionExpression": "attribute_not_exists(PK)"}},',
      '    ]',
      '    if extra:',
      '        transact_items.append({"Update": {"TableName": "courses", "Key": course, "UpdateExpression": "SET status = :s"}})',
      '    client.transact_write_items(TransactItems=transact_items)',
      '',
      'async def leave(member):',
      '    parts = [{"Delete": {"TableName": "members", "Key": member, "ConditionExpression": "attribute_exists(PK)"}}]',
      '    await asyncio.to_thread(lambda: client.transact_write_items(TransactItems=parts))',
    );
    // Sorted as text: line 8 after lines 11 and 15.
    assert.deepEqual(hintsOfRules('members.py', code, RULES), [
      '11:"SET status = :s" dynamodb-expression-reserved-word',
      '11:"SET status = :s" dynamodb-expression-reserved-word!',
      '11:"UpdateExpression" dynamodb-update-expression',
      '15:"ConditionExpression" dynamodb-condition-expression',
      '8:"ConditionExpression" dynamodb-condition-expression',
    ]);
  });

  it('lends nothing appended after the request, to another list, or from a list the name no longer holds', () => {
    const code = sourceLines(
      ...HEADER,
      'def enrol(member, other_parts):',
      '    parts = []',
      '    backlog = []',
      '    backlog.append({"Put": {"TableName": "members", "Item": member, "ConditionExpression": "attribute_not_exists(PK)"}})',
      '    client.transact_write_items(TransactItems=parts)',
      '    parts.append({"Put": {"TableName": "members", "Item": member, "ConditionExpression": "attribute_not_exists(PK)"}})',
      '',
      'def replace(member, other_parts):',
      '    parts = [{"Put": {"TableName": "members", "Item": member, "ConditionExpression": "attribute_not_exists(PK)"}}]',
      '    parts = other_parts',
      '    client.transact_write_items(TransactItems=parts)',
    );
    assert.deepEqual(hintsOfRules('members.py', code, RULES), []);
  });
});
