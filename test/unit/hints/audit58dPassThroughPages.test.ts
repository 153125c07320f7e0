/**
 * SDK v2 reads a same-file helper hands over with a callback (`const query = (p) => doc.query(p, log)`), as list and
 * lookup services write them: the request an arrow function or a function returns (`query(byOwner(id))`,
 * `returnedLiterals.ts`), callers that hand `LastEvaluatedKey` back or read only the first item
 * (`passThroughFirstItems.ts`), and the caller's `.promise()` that sends the request a second time
 * (`callbackAndPromise.ts`).
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const PAGES = ['dynamodb-query', 'dynamodb-scan'];
const OPTIONS = ['dynamodb-key-condition-expression', 'dynamodb-limit', 'dynamodb-pagination-keys', 'dynamodb-filter-expression'];
const TWICE = ['aws-sdk-callback-and-promise'];

function service(...callers: string[]): string {
  return sourceLines(
    "const AWS = require('aws-sdk');",
    'const doc = new AWS.DynamoDB.DocumentClient();',
    'const byOwner = (owner, limit, start) => ({',
    "  TableName: 'Orders',",
    "  KeyConditionExpression: 'owner = :o',",
    "  ExpressionAttributeValues: { ':o': owner },",
    '  Limit: limit,',
    '  ExclusiveStartKey: start,',
    '});',
    'const query = params =>',
    '  doc.query(params, function (err) {',
    '    if (err) console.error(err);',
    '  });',
    ...callers,
  );
}

describe('v2 reads handed over by a helper with a callback', () => {
  it('hovers the options of the request an arrow function returns at the call', () => {
    const code = service('async function list(owner, limit, start) {', '  const { Items, LastEvaluatedKey } = await query(byOwner(owner, limit, start)).promise();', '  return { items: Items, next: LastEvaluatedKey };', '}');
    assert.deepEqual(hintsOfRules('orders.js', code, OPTIONS), ['5:KeyConditionExpression dynamodb-key-condition-expression', '7:Limit dynamodb-limit', '8:ExclusiveStartKey dynamodb-pagination-keys']);
  });

  it('reads the request a function returns into a const the inner sender gets', () => {
    const code = sourceLines(
      "const { DynamoDBClient, QueryCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'function request(day) {',
      "  return { TableName: 'Scores', KeyConditionExpression: '#d = :d', ExpressionAttributeNames: { '#d': 'day' }, ExpressionAttributeValues: { ':d': { S: day } }, Limit: 50 };",
      '}',
      'async function best(day) {',
      '  const send = async (input) => {',
      '    const data = await client.send(new QueryCommand(input));',
      '    return data.Items.sort((a, b) => a.rank.N - b.rank.N).slice(0, 10);',
      '  };',
      '  const first = request(day);',
      '  return send(first);',
      '}',
    );
    assert.deepEqual(hintsOfRules('scores.js', code, OPTIONS), ['4:KeyConditionExpression dynamodb-key-condition-expression', '4:Limit dynamodb-limit']);
    assert.deepEqual(hintsOfRules('scores.js', code, PAGES), ['8:QueryCommand dynamodb-query', '8:QueryCommand dynamodb-query!']);
  });

  it('stays silent where each caller hands the page key back or reads the first item of an unfiltered query', () => {
    const code = service(
      'async function list(owner, limit, start) {',
      '  const { Items, LastEvaluatedKey } = await query(byOwner(owner, limit, start)).promise();',
      '  return { items: Items, next: LastEvaluatedKey ? LastEvaluatedKey.id : null };',
      '}',
      'async function latest(owner) {',
      '  const { Items } = await query(byOwner(owner, 1)).promise();',
      '  return Items[0];',
      '}',
    );
    assert.deepEqual(hintsOfRules('orders.js', code, PAGES), ['11:query dynamodb-query']);
  });

  it('keeps the finding where a caller returns every item of one page, or filters before reading the first', () => {
    const whole = service('async function all(owner) {', '  const { Items } = await query(byOwner(owner)).promise();', '  return Items;', '}');
    assert.deepEqual(hintsOfRules('orders.js', whole, PAGES), ['11:query dynamodb-query', '11:query dynamodb-query!']);
    const filtered = service(
      'async function open(owner) {',
      "  const { Items } = await query({ TableName: 'Orders', KeyConditionExpression: 'owner = :o', FilterExpression: 'open = :t', ExpressionAttributeValues: { ':o': owner, ':t': true } }).promise();",
      '  return Items[0];',
      '}',
    );
    assert.deepEqual(hintsOfRules('orders.js', filtered, PAGES), ['11:query dynamodb-query', '11:query dynamodb-query!']);
  });

  it("reports each caller's promise() of a request the helper gave a callback, not a request the caller only awaits", () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const doc = new AWS.DynamoDB.DocumentClient();',
      'const put = (params) => doc.put(params, (err) => console.log(err));',
      'async function save(item) {',
      "  await put({ TableName: 'Orders', Item: item }).promise();",
      '}',
      'async function saveAll(items) {',
      "  await Promise.all(items.map((item) => put({ TableName: 'Orders', Item: item })));",
      '}',
    );
    assert.deepEqual(hintsOfRules('orders.js', code, TWICE), ['5:promise aws-sdk-callback-and-promise', '5:promise aws-sdk-callback-and-promise!']);
  });
});
