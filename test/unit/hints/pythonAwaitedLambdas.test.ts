/**
 * A boto3 request spread from a dict (`table.query(**query_input)`) in a lambda that an awaited
 * `asyncio.to_thread(...)` or `loop.run_in_executor(None, ...)` runs: the dict as it is at that call, though the
 * function reassigns the name further down. Silent: a lambda kept to run later, or handed to a call that is not
 * awaited, where the later binding may be the one it reads.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const HEADER = [
  'import asyncio',
  'import boto3',
  'from boto3.dynamodb.conditions import Attr, Key',
  '',
  'table = boto3.resource("dynamodb").Table("expenses")',
  '',
];

function requestHints(code: string): string[] {
  return hintsIn('expenses.py', code).filter((hint) => /KeyConditionExpression|FilterExpression/.test(hint));
}

describe('Python: requests spread in a lambda an awaited executor call runs', () => {
  it('reads the dict at an awaited to_thread and run_in_executor, before the name is reassigned', () => {
    const code = sourceLines(
      ...HEADER,
      'async def count(owner, status, next_page):',
      '    query_input = {"KeyConditionExpression": Key("PK").eq(owner)}',
      '    query_input["FilterExpression"] = Attr("Status").eq(status)',
      '    reply = await asyncio.to_thread(lambda: table.query(**query_input))',
      '    query_input = await next_page(query_input)',
      '    return reply["Count"]',
      '',
      'async def first(owner, next_page):',
      '    loop = asyncio.get_running_loop()',
      '    kwargs = {"KeyConditionExpression": Key("PK").eq(owner)}',
      '    reply = await loop.run_in_executor(None, lambda: table.query(**kwargs))',
      '    kwargs = next_page(kwargs)',
      '    return reply["Items"]',
    );
    assert.deepEqual(requestHints(code), [
      '8:"KeyConditionExpression" dynamodb-key-condition-expression',
      '9:"FilterExpression" dynamodb-filter-expression',
      '16:"KeyConditionExpression" dynamodb-key-condition-expression',
    ]);
  });

  it('stays silent on a lambda kept to run later and on a call that is not awaited', () => {
    const code = sourceLines(
      ...HEADER,
      'async def later(owner, other):',
      '    query_input = {"KeyConditionExpression": Key("PK").eq(owner)}',
      '    run = lambda: table.query(**query_input)',
      '    query_input = other',
      '    return await asyncio.to_thread(run)',
      '',
      'async def pending(owner, other):',
      '    query_input = {"KeyConditionExpression": Key("PK").eq(owner)}',
      '    task = asyncio.to_thread(lambda: table.query(**query_input))',
      '    query_input = other',
      '    return await task',
    );
    assert.deepEqual(requestHints(code), []);
  });
});
