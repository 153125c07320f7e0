/**
 * `dynamodb-item-loop` on boto3's `batch_writer()` opened inside a loop: the writer sends what its `with` block
 * buffered when the block ends, so a block that writes one element's item sends one BatchWriteItem per element.
 * Silent: a writer opened once around the loop, a block that loops over a chunk itself, a writer handed to a
 * helper, a loop that repeats until a condition, and tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-item-loop!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('DynamoDB: a boto3 batch writer opened once per element of a loop', () => {
  it('reports a writer whose with block writes one element and ends each time round', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "calendar = boto3.resource('dynamodb').Table('calendar')",
      '',
      'def seed(days):',
      '    for day in days:',
      '        with calendar.batch_writer() as batch:',
      "            batch.put_item(Item={'day': day, 'slots': 8})",
      '',
      'def purge(keys):',
      '    for key in keys:',
      '        with calendar.batch_writer() as writer:',
      "            writer.delete_item(Key={'day': key})",
      "            writer.delete_item(Key={'day': key + '#notes'})",
      "    print('purged')",
    );
    assert.deepEqual(reported('calendar_seed.py', code), [`7:batch_writer ${RULE}`, `12:batch_writer ${RULE}`]);
  });

  it('stays silent where the writer batches across elements or its writes are out of sight', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "calendar = boto3.resource('dynamodb').Table('calendar')",
      '',
      'def seed_once(days):',
      '    with calendar.batch_writer() as batch:',
      '        for day in days:',
      "            batch.put_item(Item={'day': day})",
      '',
      'def seed_chunks(chunks):',
      '    for chunk in chunks:',
      '        with calendar.batch_writer() as batch:',
      '            for day in chunk:',
      "                batch.put_item(Item={'day': day})",
      '',
      'def seed_rows(months):',
      '    for month in months:',
      '        with calendar.batch_writer() as batch:',
      "            [batch.put_item(Item={'day': d}) for d in month.days]",
      '',
      'def seed_by_helper(months):',
      '    for month in months:',
      '        with calendar.batch_writer() as batch:',
      '            write_month(batch, month)',
      '',
      'def drain(queue):',
      '    while queue:',
      '        with calendar.batch_writer() as batch:',
      "            batch.put_item(Item={'day': queue.pop()})",
      '',
      'def test_seed(days):',
      '    for day in days:',
      '        with calendar.batch_writer() as batch:',
      "            batch.put_item(Item={'day': day})",
    );
    assert.deepEqual(reported('calendar_jobs.py', code), []);
  });
});
