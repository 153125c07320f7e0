/**
 * dynamodb-untyped-attribute-value: a plain string, number or boolean written as a value of `Key`, `Item`,
 * `ExpressionAttributeValues` or `ExclusiveStartKey` of a request the low-level client sends (`@aws-sdk/client-dynamodb`
 * commands, v2's `AWS.DynamoDB`, boto3's `client('dynamodb')`) is an error. Typed values, variables, marshalled maps,
 * the document clients (lib-dynamodb, v2's DocumentClient, a boto3 Table) and clients of unknown origin get nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-untyped-attribute-value';
const findings = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]).filter((hint) => hint.endsWith('!'));

function messages(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.severity}: ${finding.message}`);
}

describe('Plain values in low-level DynamoDB requests', () => {
  it('reads the SDK for JavaScript v3 client-dynamodb commands and v2 AWS.DynamoDB calls', () => {
    const code = sourceLines(
      "import { DynamoDBClient, GetItemCommand, QueryCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';",
      "import AWS from 'aws-sdk';",
      'const client = new DynamoDBClient({});',
      'const legacy = new AWS.DynamoDB();',
      'export async function load(id) {',
      "  const one = await client.send(new GetItemCommand({ TableName: 'products', Key: { productId: 'p-1' } }));", // 6
      "  await client.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk AND total > :t', ExpressionAttributeValues: { ':pk': { S: id }, ':t': 100 } }));", // 7
      "  await client.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: id }, open: true, note: `for ${id}` } }));", // 8
      "  const params = { TableName: 'products', Key: { productId: 'p-2' } };", // 9
      '  await legacy.getItem(params).promise();',
      "  await client.send(new GetItemCommand({ TableName: 'products', Key: { productId: id } }));", // a variable: unknown
      "  await legacy.updateItem({ TableName: 'books', Key: { id: { N: id } }, UpdateExpression: 'SET l = list_append(l, :v)', ExpressionAttributeValues: { ':v': ['book1'] } }).promise();", // 12
      '  return one;',
      '}',
    );
    assert.deepEqual(findings('load.js', code), [`12:['book1'] ${RULE}!`, `6:'p-1' ${RULE}!`, `7:100 ${RULE}!`, `8:\`for \${id}\` ${RULE}!`, `8:true ${RULE}!`, `9:'p-2' ${RULE}!`]);
    assert.equal(messages('load.js', code)[0], "error: The low-level client takes each value of Key as a typed attribute value, such as { S: '42' } or { N: '42' }, not a plain string: boto3 and the SDK for JavaScript v2 reject the request before sending it, and v3 sends it for DynamoDB to reject. Write the type, or use the document client (lib-dynamodb, DocumentClient, a boto3 Table), which converts plain values.");
  });

  it("reads boto3's client and leaves its Table resource and the resource's meta.client alone", () => {
    const code = sourceLines(
      'import boto3',
      '',
      "client = boto3.client('dynamodb')",
      "table = boto3.resource('dynamodb').Table('devices')",
      '',
      'def device(device_id):',
      "    client.get_item(TableName='devices', Key={'uuid': 'dev-1'})", // 7
      "    client.query(TableName='devices', KeyConditionExpression='uuid = :u', ExpressionAttributeValues={':u': {'S': device_id}, ':on': True})", // 8
      "    table.get_item(Key={'uuid': 'dev-1'})",
      "    return table.query(KeyConditionExpression='uuid = :u', ExpressionAttributeValues={':u': 'dev-1'})",
      '',
      "converting = boto3.resource('dynamodb').meta.client", // the resource's own client converts plain values
      '',
      'def flag(device_id):',
      "    converting.update_item(TableName='devices', Key={'uuid': device_id}, UpdateExpression='SET seen = :s', ExpressionAttributeValues={':s': True})",
    );
    assert.deepEqual(findings('device.py', code), [`7:'dev-1' ${RULE}!`, `8:True ${RULE}!`]);
  });

  it('leaves alone the document clients, marshalled maps and clients whose origin it cannot see', () => {
    const code = sourceLines(
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      "import { marshall } from '@aws-sdk/util-dynamodb';",
      "import AWS from 'aws-sdk';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const v2doc = new AWS.DynamoDB.DocumentClient();',
      'const raw = new DynamoDBClient({});',
      'export async function read(someClient) {',
      "  await doc.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }));",
      "  await doc.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } }));",
      "  await v2doc.get({ TableName: 't', Key: { pk: 'a' } }).promise();",
      "  await raw.send(new GetItemCommand({ TableName: 't', Key: marshall({ pk: 'a' }) }));",
      "  await someClient.getItem({ TableName: 't', Key: { pk: 'a' } });",
      '}',
    );
    assert.deepEqual(findings('read.ts', code), []);
  });
});
