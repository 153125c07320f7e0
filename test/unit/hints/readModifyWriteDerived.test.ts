/**
 * A read-modify-write split over two Python helpers through a value: one reads an item by a literal key and returns
 * a value computed from it (also with a literal default in an `else` for an absent item), another puts a fresh
 * item that repeats the key and holds its parameter, and the handler hands the first's result to the second.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RMW = 'dynamodb-read-modify-write';

function rmwLines(code: string): string[] {
  return hintsIn('counter.py', code).filter((hint) => hint.includes(RMW) && !hint.endsWith('!'));
}

function counter(reader: string[], writer: string[], handler: string[]): string {
  return sourceLines('import boto3', 'table = boto3.resource("dynamodb").Table("visits")', ...reader, ...writer, ...handler);
}

const READER = [
  'def read_count():',
  '    resp = table.get_item(Key={"pk": "site"})',
  '    if "Item" in resp:',
  '        count = resp["Item"]["n"] + 1',
  '    else:',
  '        count = 1',
  '    return count',
];
const WRITER = ['def save_count(count):', '    table.put_item(Item={"pk": "site", "n": count})'];
const HANDLER = ['def handler(event, context):', '    count = read_count()', '    save_count(count)', '    return count'];

describe('A read-modify-write split over two helpers through a value', () => {
  it('reports the writing helper\'s call that puts what the reading helper computed, under the key it read', () => {
    assert.deepEqual(rmwLines(counter(READER, WRITER, HANDLER)), [`14:save_count ${RMW}`]);
  });

  it('stays silent when the writer puts another key, the value is rebound first, or the put is conditional', () => {
    const otherKey = ['def save_count(count):', '    table.put_item(Item={"pk": "other", "n": count})'];
    assert.deepEqual(rmwLines(counter(READER, otherKey, HANDLER)), []);
    const rebound = ['def handler(event, context):', '    count = read_count()', '    count = 5', '    save_count(count)'];
    assert.deepEqual(rmwLines(counter(READER, WRITER, rebound)), []);
    const conditional = ['def save_count(count):', '    table.put_item(Item={"pk": "site", "n": count}, ConditionExpression="n < :c", ExpressionAttributeValues={":c": count})'];
    assert.deepEqual(rmwLines(counter(READER, conditional, HANDLER)), []);
  });

  it('stays silent when the reader returns no value read from the item, or reads another table', () => {
    const notRead = ['def read_count():', '    resp = table.get_item(Key={"pk": "site"})', '    return 1'];
    assert.deepEqual(rmwLines(counter(notRead, WRITER, HANDLER)), []);
    const otherTable = ['def save_count(count):', '    boto3.resource("dynamodb").Table("archive").put_item(Item={"pk": "site", "n": count})'];
    assert.deepEqual(rmwLines(counter(READER, otherTable, HANDLER)), []);
  });
});
