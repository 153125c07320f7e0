/**
 * dynamodb-misspelt-page-key: a near miss of `LastEvaluatedKey` read of the reply of a Query or Scan the AWS SDK sends
 * (JavaScript v2 and v3, boto3 client and Table), or of `ExclusiveStartKey` set on its request, is an error: the
 * loop stops after the first page or reads it again. The right spelling, a library's own result (PynamoDB's
 * `last_evaluated_key`), a wrapper's result, a local named so, and a word merely containing the key get nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { nearMiss } from '../../../src/hints/engine/code/misspeltPageKeys';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-misspelt-page-key';
const findings = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]).filter((hint) => hint.endsWith('!'));

function messages(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.severity}: ${finding.message}`);
}

describe('Misspelt DynamoDB page keys', () => {
  it('counts near misses only', () => {
    for (const written of ['LastEvaluateKey', 'LastEvaluatedKeys', 'lastEvaluatedKey', 'lastEvaluateKey', 'LastEvalutedKey', 'LastEvaluatedkey', 'LastEvaulatedKey']) {
      assert.equal(nearMiss(written, 'LastEvaluatedKey'), true, written);
    }
    for (const written of ['LastEvaluatedKey', 'lastKey', 'LastEvaluatedKeyString', 'Items', 'nextToken', 'last_evaluated_key_value']) {
      assert.equal(nearMiss(written, 'LastEvaluatedKey'), false, written);
    }
    assert.equal(nearMiss('ExclusiveStartkey', 'ExclusiveStartKey'), true);
    assert.equal(nearMiss('exclusiveStartKey', 'ExclusiveStartKey'), true);
    assert.equal(nearMiss('ExclusiveStartKey', 'ExclusiveStartKey'), false);
  });

  it('reads the SDK for JavaScript v2 reply of a recursive scan and a v3 reply, its members and its destructuring', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      "const { DynamoDBClient, QueryCommand } = require('@aws-sdk/client-dynamodb');",
      'const dynamo = new AWS.DynamoDB.DocumentClient();',
      'const client = new DynamoDBClient({});',
      'async function scanAll(params, all) {',
      '  const data = await dynamo.scan(params).promise();',
      '  all = all.concat(data.Items);',
      '  if (data.LastEvaluateKey) {', // 8
      '    params.ExclusiveStartKey = data.LastEvaluatedKey;',
      '    return scanAll(params, all);',
      '  }',
      '  return all;',
      '}',
      'async function byOwner(owner, start) {',
      "  const { Items, lastEvaluatedKey } = await client.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'o = :o', ExpressionAttributeValues: { ':o': { S: owner } }, ExclusiveStartkey: start }));", // 15
      '  return { Items, next: lastEvaluatedKey };',
      '}',
      'function legacy(params, done) {',
      '  dynamo.query(params, (err, result) => {',
      "    done(err, result && result['LastEvaluatedKeys']);", // 20
      '  });',
      '}',
    );
    assert.deepEqual(findings('scan.js', code), [`15:ExclusiveStartkey ${RULE}!`, `15:lastEvaluatedKey ${RULE}!`, `20:'LastEvaluatedKeys' ${RULE}!`, `8:LastEvaluateKey ${RULE}!`].sort());
    assert.deepEqual(messages('scan.js', code)[0], 'error: LastEvaluateKey is not a member of a Query or Scan reply: the SDK returns the page key as LastEvaluatedKey, so this read is always empty and the code never gets past the first page.');
  });

  it('reads the members set on a request a helper is handed, for the call it is passed to', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const dynamodb = new AWS.DynamoDB.DocumentClient();',
      'const scanRecords = async (scanParams, itemArray) => {',
      '  const dynamoData = await dynamodb.scan(scanParams).promise();',
      '  itemArray = itemArray.concat(dynamoData.Items);',
      '  if (dynamoData.LastEvaluatedKey) {',
      '    scanParams.ExclusiveStartkey = dynamoData.LastEvaluatedKey;', // 7
      '    return await scanRecords(scanParams, itemArray);',
      '  }',
      '  return itemArray;',
      '};',
      'const other = (params, cache) => {',
      '  cache.ExclusiveStartkey = 1;', // not a request the function sends
      '  return dynamodb.scan(params).promise();',
      '};',
    );
    assert.deepEqual(findings('products.js', code), [`7:ExclusiveStartkey ${RULE}!`]);
    assert.deepEqual(messages('products.js', code), [
      "error: ExclusiveStartkey is not a Query or Scan parameter: the page to start from is ExclusiveStartKey. The SDK for JavaScript (v3, and v2's DocumentClient) leaves an unknown member out, so the call reads the first page again; boto3 and v2's AWS.DynamoDB reject the request.",
    ]);
    const py = sourceLines(
      'import boto3',
      "table = boto3.resource('dynamodb').Table('t')",
      'def everything():',
      '    kwargs = {}',
      '    items = []',
      '    while True:',
      '        page = table.scan(**kwargs)',
      "        items.extend(page['Items'])",
      "        if 'LastEvaluatedKey' not in page:",
      '            return items',
      "        kwargs['ExclusiveStartKeys'] = page['LastEvaluatedKey']", // 11
    );
    assert.deepEqual(findings('everything.py', py), [`11:'ExclusiveStartKeys' ${RULE}!`]);
  });

  it('reads boto3 replies as dicts: subscripts, get and in, in a loop that reassigns the reply', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "table = boto3.resource('dynamodb').Table('devices')",
      "client = boto3.client('dynamodb')",
      '',
      'def parameters(device_id):',
      '    result = table.scan()',
      "    items = result['Items']",
      "    while 'LastEvaluateKey' in result:", // 9
      "        result = table.scan(ExclusiveStartKey=result['LastEvaluateKey'])", // 10
      "        items += result['Items']",
      '    return items',
      '',
      'def page(key):',
      "    reply = client.query(TableName='t', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': key}})",
      "    return reply['Items'], reply.get('LastEvaluatedKey')",
    );
    assert.deepEqual(findings('devices.py', code), [`10:'LastEvaluateKey' ${RULE}!`, `9:'LastEvaluateKey' ${RULE}!`]);
  });

  it('leaves alone the right names, libraries, wrappers, locals and replies it cannot see', () => {
    const js = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function list(start, repo, someClient) {',
      "  const page = await doc.send(new QueryCommand({ TableName: 't', ExclusiveStartKey: start }));",
      '  const lastEvaluateKey = page.LastEvaluatedKey;', // a local of its own name
      '  const wrapped = await repo.findAll(start);',
      '  const other = await someClient.query({ TableName: "t" });',
      '  return { items: page.Items, lastEvaluatedKey: lastEvaluateKey, more: wrapped.lastEvaluatedKey, x: other.LastEvaluateKey };',
      '}',
    );
    assert.deepEqual(findings('list.ts', js), []);
    const py = sourceLines(
      'from pynamodb.models import Model',
      'class Order(Model):',
      '    pass',
      'def orders(owner):',
      '    results = Order.query(owner)',
      '    items = list(results)',
      '    return items, results.last_evaluated_key',
    );
    assert.deepEqual(findings('orders.py', py), []);
  });
});
