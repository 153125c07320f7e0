/**
 * The writes of boto3's batch writer (`with table.batch_writer() as batch: batch.put_item(Item=...)`): each
 * `put_item` and `delete_item` queues one item for the writer's BatchWriteItem (25 a call, unprocessed items
 * resent), so it gets the BatchWriteItem hover and is never one request per element of a loop. Silent: a name that
 * is not the writer of a DynamoDB table, the writer's other methods, and a mock.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['dynamodb-batch-write-item', 'dynamodb-item-loop', 'dynamodb-put-item', 'dynamodb-delete-item', 'lambda-client-per-invocation'];

describe('DynamoDB: the puts and deletes of a boto3 batch writer', () => {
  it('gives the queued writes the BatchWriteItem hover, in a with block, an async with block and a held writer', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'import aioboto3',
      '',
      "ledger = boto3.resource('dynamodb').Table(os.environ['LEDGER'])",
      '',
      'def handler(event, context):',
      '    with ledger.batch_writer(overwrite_by_pkeys=["acct", "seq"]) as queue:',
      "        for row in event['Records']:",
      "            queue.put_item(Item={'acct': row['a'], 'seq': row['s']})",
      "            queue.delete_item(Key={'acct': row['a'], 'seq': 0})",
      '    pending = ledger.batch_writer()',
      "    pending.put_item(Item={'acct': 'x', 'seq': 1})",
      '',
      'async def archive(rows):',
      '    async with aioboto3.Session().resource("dynamodb") as ddb:',
      '        shelf = await ddb.Table("shelf")',
      '        async with shelf.batch_writer() as out:',
      '            for row in rows:',
      '                await out.put_item(Item=row)',
    );
    assert.deepEqual(hintsOfRules('ledger_sync.py', code, RULES), [
      '10:put_item dynamodb-batch-write-item',
      '11:delete_item dynamodb-batch-write-item',
      '12:batch_writer dynamodb-batch-write-item',
      '13:put_item dynamodb-batch-write-item',
      '18:batch_writer dynamodb-batch-write-item',
      '20:put_item dynamodb-batch-write-item',
      '8:batch_writer dynamodb-batch-write-item',
    ]);
  });

  it('reports a writer opened per element once, at the writer, not again at its put', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "ledger = boto3.resource('dynamodb').Table('ledger')",
      '',
      'def post(days):',
      '    for day in days:',
      '        with ledger.batch_writer() as queue:',
      "            queue.put_item(Item={'acct': day})",
    );
    assert.deepEqual(hintsOfRules('ledger_days.py', code, ['dynamodb-item-loop']), ['7:batch_writer dynamodb-item-loop', '7:batch_writer dynamodb-item-loop!']);
  });

  it('stays silent on names that are not the writer of a DynamoDB table', () => {
    const code = sourceLines(
      'from unittest.mock import MagicMock',
      'import boto3',
      '',
      "ledger = boto3.resource('dynamodb').Table('ledger')",
      '',
      'def stage(rows, sink):',
      '    with sink.batch_writer() as queue:',
      '        for row in rows:',
      '            queue.put_item(Item=row)',
      '    queue = MagicMock()',
      '    queue.put_item(Item={})',
      '    with ledger.batch_writer() as writer:',
      '        writer.flush()',
      '        writer.update_item(Key={})',
    );
    // The writer itself keeps its hover; what it does not queue gets none.
    assert.deepEqual(hintsOfRules('ledger_stage.py', code, RULES), ['12:batch_writer dynamodb-batch-write-item']);
  });
});
