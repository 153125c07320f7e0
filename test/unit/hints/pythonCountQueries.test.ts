/**
 * Python: a Query whose response count only says whether an item exists (`return response["Count"] > 0`, or
 * `count = response["Count"]` then `count > 0`) reads the same on its first page as on all of them, when the
 * Query has no filter: no one-page finding. A count used as a number, compared with more than a few, or a Query
 * with a filter keeps it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const queryFindings = (code: string): string[] => hintsIn('app/memberships.py', code).filter((hint) => hint.endsWith(' dynamodb-query!'));

/** A membership store with a table helper of the same file; `body` reads the response of `QUERY`. */
function store(...body: string[]): string {
  return sourceLines(
    'import os',
    'import boto3',
    '',
    '_resource = boto3.resource("dynamodb")',
    '',
    'def members():',
    '    return _resource.Table(os.environ["MEMBERS_TABLE"])',
    '',
    'def is_member(group_id, user_id):',
    ...body.map((line) =>
      line.replace(
        'QUERY',
        'members().query(IndexName="ByGroup", KeyConditionExpression="groupId = :g AND userId = :u", ExpressionAttributeValues={":g": group_id, ":u": user_id}, Select="COUNT"FILTER)',
      ).replace('FILTER', line.includes('FILTERED') ? ', FilterExpression="active = :t"' : ''),
    ),
  );
}

describe('Python: a Query count used only as an existence test', () => {
  it('stays silent on a count compared with none or one, directly or through a variable', () => {
    for (const body of [
      ['    return QUERY["Count"] > 0'],
      ['    response = QUERY', '    return response["Count"] > 0'],
      ['    response = QUERY', '    return response.get("Count") >= 1'],
      ['    response = QUERY', '    count = response["Count"]', '    return count != 0'],
    ]) {
      assert.deepEqual(queryFindings(store(...body)), [], body.join('\n'));
    }
  });

  it('keeps the finding for a count used as a number, compared with many, or after a filter', () => {
    for (const body of [
      ['    response = QUERY', '    return response["Count"]'],
      ['    response = QUERY', '    return response["Count"] > 10'],
      ['    response = QUERY', '    count = response["Count"]', '    print(count)', '    return count'],
      ['    response = QUERY # FILTERED', '    return response["Count"] > 0'],
    ]) {
      assert.equal(queryFindings(store(...body)).length, 1, body.join('\n'));
    }
  });
});
