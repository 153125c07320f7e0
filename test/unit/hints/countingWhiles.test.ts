/**
 * A `while` that counts (`while i <= amount:` with `i += 1`, `while (n > 0) { ...; n--; }`) runs its body once per
 * counted element, as a `for` over a range: an item request there is one round trip per element, and so is a Redis
 * command. Silent: a retry loop that leaves on success or pauses, a loop that drains a list, a counter the body also
 * sets another way, and a condition of more than one comparison.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const ITEM_LOOP = ['dynamodb-item-loop'];

describe('a while loop that counts (audit57b)', () => {
  it('reports an item request in a Python while that counts up or down', () => {
    const py = sourceLines(
      'import boto3',
      'table = boto3.resource("dynamodb").Table("rows")',
      'def seed(amount):',
      '    i = 1',
      '    while i <= amount:',
      '        table.put_item(Item={"pk": str(i)})',
      '        i += 1',
      'def clear(n):',
      '    while 0 < n:',
      '        table.delete_item(Key={"pk": str(n)})',
      '        n -= 1',
    );
    assert.deepEqual(hintsOfRules('seed.py', py, ITEM_LOOP), ['10:delete_item dynamodb-item-loop', '10:delete_item dynamodb-item-loop!', '6:put_item dynamodb-item-loop', '6:put_item dynamodb-item-loop!']);
  });

  it('reports one in a JavaScript while with i++', () => {
    const js = sourceLines(
      "const { DynamoDBDocument } = require('@aws-sdk/lib-dynamodb');",
      "const { DynamoDB } = require('@aws-sdk/client-dynamodb');",
      'const db = DynamoDBDocument.from(new DynamoDB());',
      'exports.seed = async (n) => {',
      '  let i = 0;',
      '  while (i < n) {',
      "    await db.put({ TableName: 'rows', Item: { pk: String(i) } });",
      '    i++;',
      '  }',
      '};',
    );
    assert.deepEqual(hintsOfRules('seed.js', js, ITEM_LOOP), ['7:put dynamodb-item-loop', '7:put dynamodb-item-loop!']);
  });

  it('stays silent for retries, drains, a counter set another way and a condition of two comparisons', () => {
    const py = sourceLines(
      'import time',
      'import boto3',
      'table = boto3.resource("dynamodb").Table("rows")',
      'def retry(row):',
      '    attempts = 0',
      '    while attempts < 5:',
      '        try:',
      '            table.put_item(Item=row)',
      '            break',
      '        except Exception:',
      '            attempts += 1',
      'def backoff(row):',
      '    attempts = 0',
      '    while attempts < 5:',
      '        table.put_item(Item=row)',
      '        attempts += 1',
      '        time.sleep(1)',
      'def drain(pending):',
      '    while len(pending) > 0:',
      '        table.put_item(Item=pending.pop())',
      'def jumps(n):',
      '    i = 0',
      '    while i < n:',
      '        table.put_item(Item={"pk": str(i)})',
      '        i += 1',
      '        i = next_free(i)',
      'def bounded(n, budget):',
      '    i = 0',
      '    while i < n and budget > 0:',
      '        table.put_item(Item={"pk": str(i)})',
      '        i += 1',
    );
    assert.deepEqual(hintsOfRules('rows.py', py, ITEM_LOOP), []);
  });
});
