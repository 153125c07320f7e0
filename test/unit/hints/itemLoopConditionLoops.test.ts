/**
 * An item request in a loop that repeats until a condition (`while`, `do`) inside a loop over elements: each
 * element runs the inner body, so one round trip per item at least. Then the traps: a `while` with no element
 * loop around it, and a retry loop that sleeps.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const HEAD = ["const { DynamoDBDocument } = require('@aws-sdk/lib-dynamodb');", "const { DynamoDB } = require('@aws-sdk/client-dynamodb');", 'const db = DynamoDBDocument.from(new DynamoDB());'];
const loops = (code: string) => hintsOfRules('rooms.js', code, ['dynamodb-item-loop']);

describe('item requests in a condition loop inside an element loop', () => {
  it('finds a put per element through a while inside a for…of, in JavaScript and Python', () => {
    const js = sourceLines(
      ...HEAD,
      'exports.assign = async (rooms, guests) => {',
      '  for (const room of rooms) {',
      '    while (room.free > 0 && guests > 0) {',
      '      room.free -= 1;',
      '      guests -= room.beds;',
      "      await db.put({ TableName: 'rooms', Item: room });",
      '    }',
      '  }',
      '};',
    );
    assert.deepEqual(loops(js), ['9:put dynamodb-item-loop', '9:put dynamodb-item-loop!']);
    const py = sourceLines(
      'import boto3',
      "table = boto3.resource('dynamodb').Table('rooms')",
      'def assign(rooms, guests):',
      '    for room in rooms:',
      "        while room['free'] > 0 and guests > 0:",
      "            room['free'] -= 1",
      '            guests -= 1',
      '            table.put_item(Item=room)',
    );
    assert.deepEqual(hintsOfRules('rooms.py', py, ['dynamodb-item-loop']), ['8:put_item dynamodb-item-loop', '8:put_item dynamodb-item-loop!']);
  });

  it('gives nothing for a while alone, or a retry loop that sleeps', () => {
    const code = sourceLines(
      ...HEAD,
      'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
      'exports.drain = async (queue) => {',
      '  while (queue.length > 0) {',
      "    await db.put({ TableName: 'jobs', Item: queue.shift() });",
      '  }',
      '};',
      'exports.claim = async (ids) => {',
      '  for (const id of ids) {',
      '    let tries = 0;',
      '    while (tries < 3) {',
      "      const { Item } = await db.get({ TableName: 'locks', Key: { id } });",
      '      if (!Item) break;',
      '      tries += 1;',
      '      await sleep(100 * tries);',
      '    }',
      '  }',
      '};',
    );
    assert.deepEqual(loops(code), []);
  });
  it('reads a do … while as a loop that repeats until a condition, not over elements', () => {
    const java = sourceLines(
      'import com.amazonaws.services.dynamodbv2.document.DynamoDB;',
      'import com.amazonaws.services.dynamodbv2.document.Item;',
      'import com.amazonaws.services.dynamodbv2.document.Table;',
      'public class ReplyWaiter {',
      '  private final DynamoDB dynamo = new DynamoDB(null);',
      '  public Item await(String id) throws InterruptedException {',
      '    Table replies = dynamo.getTable("Replies");',
      '    Item reply;',
      '    int tries = 0;',
      '    do {',
      '      reply = replies.getItem("id", id);',
      '      Thread.sleep(200);',
      '      tries++;',
      '    } while (reply == null && tries < 5);',
      '    return reply;',
      '  }',
      '  public void archive(java.util.List<String> ids) {',
      '    Table replies = dynamo.getTable("Replies");',
      '    for (String id : ids) {',
      '      do {',
      '        replies.deleteItem("id", id);',
      '      } while (replies.getItem("id", id) != null);',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('ReplyWaiter.java', java, ['dynamodb-item-loop']), [
      '21:deleteItem dynamodb-item-loop',
      '21:deleteItem dynamodb-item-loop!',
      '22:getItem dynamodb-item-loop',
      '22:getItem dynamodb-item-loop!',
    ]);
    const js = sourceLines(
      ...HEAD,
      'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
      'exports.awaitReply = async (id) => {',
      '  let reply;',
      '  do {',
      "    ({ Item: reply } = await db.get({ TableName: 'replies', Key: { id } }));",
      '    await sleep(200);',
      '  } while (!reply);',
      '  return reply;',
      '};',
    );
    assert.deepEqual(loops(js), []);
  });
});
