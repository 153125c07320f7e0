/**
 * `dynamodb-scan` and `dynamodb-query` where the code reads LastEvaluatedKey only to log it (`code/loggedPageKeys.ts`
 * and `onlyLogged` of `code/unprocessedLogged.ts`): in the log call itself, in the condition of an `if` whose body only
 * logs, or through a local that the function reads only in log calls (an f-string's or template's text too). Nothing
 * continues from the key, so the read is one page. Still paged: a local also passed as ExclusiveStartKey, returned or
 * bound again, a loop on the key, and a logged key in a function that returns the reply whole to its callers.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function onePage(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / dynamodb-(?:scan|query)!$/.test(hint));
}

describe('page keys read only to be logged', () => {
  it('reports a boto3 Query whose LastEvaluatedKey only reaches print through a local, as the log call or a logging if', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      "client = boto3.client('dynamodb')",
      '',
      'def plays_of_month(month):',
      '    response = client.query(',
      "        TableName=os.environ['PLAYS'],",
      "        IndexName='month-index',",
      "        KeyConditionExpression='play_month = :m',",
      "        ExpressionAttributeValues={':m': {'S': month}},",
      '    )',
      '    try:',
      "        last_key = response['LastEvaluatedKey']",
      "        print(f'Last key: {last_key}')",
      '    except KeyError:',
      '        pass',
      "    return response['Items']",
      '',
      'def all_devices():',
      "    out = client.scan(TableName=os.environ['DEVICES'])",
      "    print('more after', out.get('LastEvaluatedKey'))",
      "    return out['Items']",
      '',
      'def all_users(log):',
      "    out = client.scan(TableName=os.environ['USERS'])",
      "    if 'LastEvaluatedKey' in out:",
      "        log.warning('users truncated')",
      "    return out['Items']",
    );
    assert.deepEqual(onePage('reports/plays.py', code), ['7:query dynamodb-query!', '21:scan dynamodb-scan!', '26:scan dynamodb-scan!']);
  });

  it('keeps a read paged where the key is passed on, returned, bound again, looped on, or the reply returned whole', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      "client = boto3.client('dynamodb')",
      '',
      'def page_of_plays(month, start=None):',
      "    args = {'TableName': os.environ['PLAYS']}",
      '    response = client.scan(**args)',
      "    next_key = response.get('LastEvaluatedKey')",
      "    print(f'next: {next_key}')",
      "    return response['Items'], next_key",
      '',
      'def raw_page():',
      "    response = client.scan(TableName=os.environ['PLAYS'])",
      "    print('next', response.get('LastEvaluatedKey'))",
      '    return response',
      '',
      'def every_play():',
      "    response = client.scan(TableName=os.environ['PLAYS'])",
      "    items = response['Items']",
      "    last = response.get('LastEvaluatedKey')",
      "    print('first page done', last)",
      '    while last:',
      "        response = client.scan(TableName=os.environ['PLAYS'], ExclusiveStartKey=last)",
      "        items += response['Items']",
      "        last = response.get('LastEvaluatedKey')",
      '    return items',
    );
    assert.deepEqual(onePage('reports/pages.py', code), []);
  });

  it('reads a JavaScript local only logged, not one a later request takes', () => {
    const code = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      '',
      'const client = new DynamoDBClient({});',
      '',
      'export async function listOrders() {',
      '  const out = await client.send(new ScanCommand({ TableName: process.env.ORDERS }));',
      '  const next = out.LastEvaluatedKey;',
      '  console.log(`stopped at ${next}`);',
      '  return out.Items;',
      '}',
      '',
      'export async function listAllOrders() {',
      '  const out = await client.send(new ScanCommand({ TableName: process.env.ORDERS }));',
      '  const next = out.LastEvaluatedKey;',
      "  console.log('next', next);",
      '  const more = await client.send(new ScanCommand({ TableName: process.env.ORDERS, ExclusiveStartKey: next }));',
      '  return [...out.Items, ...more.Items];',
      '}',
    );
    assert.deepEqual(onePage('src/orders.js', code), ['6:ScanCommand dynamodb-scan!']);
  });
});
