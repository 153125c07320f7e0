/**
 * A JavaScript helper that sends its parameter as the whole request and returns the whole response
 * (`query(input) { return this.doc.send(new QueryCommand(input)); }`) leaves the paging to its callers:
 * its Query, Scan or batch call is judged paged where every call of the helper in the file pages, and keeps
 * its finding where one caller reads a single page, where nothing in the file calls it, or where the helper
 * does more than hand the read over.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const REPOSITORY_HEAD = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, type BatchWriteCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';",
  '',
  'export class OrderRepository {',
  '  private readonly doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  '  private async query(input: QueryCommandInput) {',
  '    return this.doc.send(new QueryCommand(input));',
  '  }',
  '',
  '  private write(input: BatchWriteCommandInput) {',
  '    return this.doc.send(new BatchWriteCommand(input));',
  '  }',
];

describe('reads a helper hands over whole to its callers', () => {
  it('stays silent on the helper when every caller in the file pages and retries what it gets back', () => {
    const code = sourceLines(
      ...REPOSITORY_HEAD,
      '',
      '  async ordersOf(customerId: string) {',
      '    const items = [];',
      '    let ExclusiveStartKey: Record<string, unknown> | undefined;',
      '    do {',
      "      const page = await this.query({ TableName: process.env.ORDERS_TABLE, KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId }, ExclusiveStartKey });",
      '      items.push(...(page.Items ?? []));',
      '      ExclusiveStartKey = page.LastEvaluatedKey;',
      '    } while (ExclusiveStartKey);',
      '    return items;',
      '  }',
      '',
      '  async saveAll(requests: object[]) {',
      '    let pending: Record<string, any> = { [process.env.ORDERS_TABLE!]: requests };',
      '    while (Object.keys(pending).length > 0) {',
      '      const result = await this.write({ RequestItems: pending });',
      '      pending = result.UnprocessedItems ?? {};',
      '    }',
      '  }',
      '}',
    );
    const found = hintsIn('orderRepository.ts', code);
    assert.deepEqual(findings(found), []);
    // The hovers stay on the helper's calls.
    assert.ok(found.includes('8:QueryCommand dynamodb-query'), found.join('\n'));
    assert.ok(found.includes('12:BatchWriteCommand dynamodb-batch-write-item'), found.join('\n'));
  });

  it('keeps the finding on the helper when one caller reads a single page or ignores the unprocessed items', () => {
    const code = sourceLines(
      ...REPOSITORY_HEAD,
      '',
      '  async ordersOf(customerId: string) {',
      '    const items = [];',
      '    let ExclusiveStartKey: Record<string, unknown> | undefined;',
      '    do {',
      "      const page = await this.query({ TableName: process.env.ORDERS_TABLE, KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId }, ExclusiveStartKey });",
      '      items.push(...(page.Items ?? []));',
      '      ExclusiveStartKey = page.LastEvaluatedKey;',
      '    } while (ExclusiveStartKey);',
      '    return items;',
      '  }',
      '',
      '  async recentOf(customerId: string) {',
      "    const page = await this.query({ TableName: process.env.ORDERS_TABLE, KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId } });",
      '    return page.Items ?? [];',
      '  }',
      '',
      '  async saveAll(requests: object[]) {',
      '    await this.write({ RequestItems: { [process.env.ORDERS_TABLE!]: requests } });',
      '  }',
      '}',
    );
    const found = findings(hintsIn('orderRepository.ts', code));
    assert.ok(found.includes('8:QueryCommand dynamodb-query!'), found.join('\n'));
    assert.ok(found.includes('12:BatchWriteCommand dynamodb-batch-write-item!'), found.join('\n'));
  });

  it('pages a DocumentClient wrapper of a Lambda module by the loop of the handler that calls it', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documentClient = new AWS.DynamoDB.DocumentClient();',
      '',
      'const scanPage = (params) => documentClient.scan(params).promise();',
      '',
      'exports.handler = async () => {',
      '  const params = { TableName: process.env.CONNECTIONS_TABLE };',
      '  const connections = [];',
      '  let page;',
      '  do {',
      '    page = await scanPage(params);',
      '    connections.push(...page.Items);',
      '    params.ExclusiveStartKey = page.LastEvaluatedKey;',
      '  } while (page.LastEvaluatedKey);',
      '  return { statusCode: 200, body: JSON.stringify(connections) };',
      '};',
    );
    const found = hintsIn('handler.js', code);
    assert.deepEqual(findings(found).filter((hint) => !hint.includes('aws-sdk-end-of-support')), []);
    assert.ok(found.includes('4:scan dynamodb-scan'), found.join('\n'));
  });

  it('keeps the finding when nothing in the file calls the helper, or the helper does more than hand the read over', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      '// Exported and called from nowhere in this file.',
      'export async function scanTable(input: ScanCommandInput) {',
      '  return doc.send(new ScanCommand(input));',
      '}',
      '',
      '// Returns the items only: a caller cannot see LastEvaluatedKey.',
      'async function scanItems(input: ScanCommandInput) {',
      '  return (await doc.send(new ScanCommand(input))).Items;',
      '}',
      '',
      '// Sends a request of its own.',
      'async function scanFixed(input: ScanCommandInput) {',
      '  input = { TableName: process.env.TABLE };',
      '  return doc.send(new ScanCommand(input));',
      '}',
      '',
      'export async function all(table: string) {',
      '  const out = [];',
      '  let ExclusiveStartKey;',
      '  do {',
      '    const items = await scanItems({ TableName: table, ExclusiveStartKey });',
      '    const page = await scanFixed({ TableName: table, ExclusiveStartKey });',
      '    out.push(...(items ?? []), ...(page.Items ?? []));',
      '    ExclusiveStartKey = page.LastEvaluatedKey;',
      '  } while (ExclusiveStartKey);',
      '  return out;',
      '}',
    );
    const found = findings(hintsIn('scans.ts', code));
    assert.ok(found.includes('8:ScanCommand dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('13:ScanCommand dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('19:ScanCommand dynamodb-scan!'), found.join('\n'));
  });
  it('leaves the paging to the importing modules where the exported object names each wrapper as the method it calls', () => {
    const exported = (head: string) =>
      sourceLines(
        "const AWS = require('aws-sdk');",
        'const client = new AWS.DynamoDB.DocumentClient();',
        head,
        '  query: (params) => client.query(params).promise(),',
        '  scan: (params) => client.scan(params).promise(),',
        '  findAll: (params) => client.scan(params).promise(),',
        '};',
      );
    const reads = (head: string) => findings(hintsIn('libs/dynamodb-lib.js', exported(head))).filter((hint) => hint.includes('dynamodb-'));
    assert.deepEqual(reads('export default {'), ['6:scan dynamodb-scan!']);
    assert.deepEqual(reads('module.exports = {'), ['6:scan dynamodb-scan!']);
    // A const object the module keeps to itself is judged by its calls in the file, as before.
    assert.deepEqual(reads('const db = {'), ['4:query dynamodb-query!', '5:scan dynamodb-scan!', '6:scan dynamodb-scan!']);
  });

  it('judges the wrappers of a const object of DocumentClient calls by the calls made on that object', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const client = new AWS.DynamoDB.DocumentClient();',
      '',
      'const db = {',
      '  scan: (params) => client.scan(params).promise(),',
      '  query: async function (params) { return client.query(params).promise(); },',
      '};',
      "const other = { query: (params) => ({ Items: [], params }) };",
      '',
      'async function allConnections(table) {',
      '  const params = { TableName: table };',
      '  const items = [];',
      '  let page;',
      '  do {',
      '    page = await db.scan(params);',
      '    items.push(...page.Items);',
      '    params.ExclusiveStartKey = page.LastEvaluatedKey;',
      '  } while (page.LastEvaluatedKey);',
      '  return items;',
      '}',
      '',
      'async function sessionsOf(userId) {',
      '  let next;',
      '  do {',
      "    const page = await other.query({ TableName: 'sessions', ExclusiveStartKey: next });",
      '    next = page.LastEvaluatedKey;',
      '  } while (next);',
      "  const result = await db.query({ TableName: 'sessions', KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': userId } });",
      '  return result.Items;',
      '}',
      '',
      'module.exports = { allConnections, sessionsOf };',
    );
    const found = findings(hintsIn('db.js', code)).filter((hint) => !hint.includes('aws-sdk-end-of-support'));
    // The scan is paged by its one caller; the query's caller reads one page (the loop pages another object's query).
    assert.deepEqual(found, ['6:query dynamodb-query!']);
  });
  it('reads a helper declared with `function` by its calls, not by its own name before its parameters', () => {
    const helper = [
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { DynamoDBDocumentClient, ScanCommand } = require('@aws-sdk/lib-dynamodb');",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'async function scanPage(params) {',
      '  return doc.send(new ScanCommand(params));',
      '}',
      '',
    ];
    const paging = [
      'exports.handler = async () => {',
      '  const items = [];',
      '  let ExclusiveStartKey;',
      '  do {',
      '    const page = await scanPage({ TableName: process.env.TABLE, ExclusiveStartKey });',
      '    items.push(...page.Items);',
      '    ExclusiveStartKey = page.LastEvaluatedKey;',
      '  } while (ExclusiveStartKey);',
      '  return items;',
      '};',
    ];
    assert.deepEqual(findings(hintsIn('handler.js', sourceLines(...helper, ...paging))), []);
    const onePage = ['exports.handler = async () => (await scanPage({ TableName: process.env.TABLE })).Items;'];
    assert.deepEqual(findings(hintsIn('handler.js', sourceLines(...helper, ...onePage))), ['7:ScanCommand dynamodb-scan!']);
  });

  it("leaves the reply to the caller where a wrapped client's method hands the caller's arguments on and returns the request", () => {
    const code = sourceLines(
      "const DynamoDB = require('aws-sdk/clients/dynamodb');",
      '',
      'const client = new DynamoDB.DocumentClient();',
      'const stamp = (item) => ({ ...item, requestId: process.env.REQUEST_ID });',
      '',
      'client._batchWrite = client.batchWrite;',
      'client.batchWrite = (params, ...args) => {',
      '  const stamped = { ...params, RequestItems: { [process.env.TABLE]: params.RequestItems[process.env.TABLE].map(stamp) } };',
      '  return client._batchWrite(stamped, ...args);',
      '};',
      '',
      'client.scanStamped = (params, ...args) => client.scan({ ...params, ReturnConsumedCapacity: "TOTAL" }, ...args);',
      '',
      'async function sent(params, ...args) {',
      '  return client.batchWrite(params, ...args).promise();',
      '}',
      'function ownCallback(params, done, ...args) {',
      '  return client.scan(params, done);',
      '}',
      '',
      'module.exports = { client, sent, ownCallback };',
    );
    assert.deepEqual(findings(hintsIn('wrappedClient.js', code)), [
      '1:aws-sdk/clients/dynamodb aws-sdk-end-of-support!',
      '15:batchWrite dynamodb-batch-write-item!',
      '18:scan dynamodb-scan!',
    ]);
  });

  it('leaves the paging to the importing modules where an exported const object holds the reply and hands it back whole', () => {
    const code = sourceLines(
      "import AWS from 'aws-sdk';",
      '',
      'const Db = new AWS.DynamoDB.DocumentClient();',
      '',
      'export const Dynamo = {',
      '  async query(params: AWS.DynamoDB.DocumentClient.QueryInput) {',
      '    const res: AWS.DynamoDB.DocumentClient.QueryOutput = await Db.query(params).promise();',
      '    if (!res) return null;',
      '    return res;',
      '  },',
      '  async scan(params: AWS.DynamoDB.DocumentClient.ScanInput) {',
      '    const res = await Db.scan(params).promise();',
      '    return res.Items;',
      '  },',
      '  async list(params: AWS.DynamoDB.DocumentClient.ScanInput) {',
      '    const res = await Db.scan(params).promise();',
      '    return res;',
      '  },',
      '};',
    );
    assert.deepEqual(findings(hintsIn('dynamo.ts', code)), [
      '1:aws-sdk aws-sdk-end-of-support!',
      '12:scan dynamodb-scan!',
      '16:scan dynamodb-scan!',
    ]);
  });
});
