/**
 * `lambda-client-per-invocation` two modules below the handler: the handler calls a repository function, the
 * repository hands the request to another module's function that makes a client on each call. Read now: a
 * repository module that names no client library but writes `TableName` requests (`query({ TableName, ... })` of
 * `../lib/db`), a repository function whose client comes from a maker called in place
 * (`createDocumentClient().send(new GetCommand(...))`) beside no item read, a wrapper that makes its client inside
 * a promise executor (`return new Promise((resolve, reject) => { docClient().query(params, cb) })`), and a maker
 * that returns the client X-Ray wraps or not (`DynamoDBDocumentClient.from(tracing ? captureAWSv3Client(c) : c)`).
 * Silent: a wrapper over a module-level client, a maker whose conditional may return a kept client, a callback
 * the wrapper hands to another function. Also async-redis's client (`asyncRedis.createClient()`, `decorate(client)`),
 * node-redis with promises, read as a Redis client; and a key test in a `while` condition
 * (`while (await client.exists(key)) key = newCode()`) as a retry, not a command per key.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation!';

function reported(files: Record<string, string>, file: string): string[] {
  return hintsOfFile(files, file).filter((hint) => hint.endsWith(RULE));
}

const LEGACY_DB = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  '',
  'const kept = new DocumentClient();',
  '',
  'const docClient = (): DocumentClient => {',
  '  return new DocumentClient({});',
  '};',
  '',
  'export const query = (params: DocumentClient.QueryInput): Promise<DocumentClient.QueryOutput> => {',
  '  return new Promise((resolve, reject) => {',
  '    docClient().query(params, (err, data) => (err ? reject(err) : resolve(data)));',
  '  });',
  '};',
  '',
  'export const sharedQuery = (params: DocumentClient.QueryInput): Promise<DocumentClient.QueryOutput> => {',
  '  return new Promise(function (resolve, reject) {',
  '    kept.query(params, (err, data) => (err ? reject(err) : resolve(data)));',
  '  });',
  '};',
  '',
  'export const later = (params: DocumentClient.QueryInput) => {',
  '  return retry(() => docClient().query(params).promise());',
  '};',
  '',
  'function retry<T>(fn: () => Promise<T>): Promise<T> {',
  '  return fn();',
  '}',
);

const CUSTOMERS = sourceLines(
  "import { later, query, sharedQuery } from '../lib/db';",
  '',
  'export const byRegion = async (region: string) => {',
  "  const out = await query({ TableName: 'customers', IndexName: 'byRegion', KeyConditionExpression: 'region = :r', ExpressionAttributeValues: { ':r': region } });",
  '  return out.Items ?? [];',
  '};',
  '',
  'export const recent = async (day: string) => {',
  "  const out = await sharedQuery({ TableName: 'customers', KeyConditionExpression: 'day = :d', ExpressionAttributeValues: { ':d': day } });",
  '  return out.Items ?? [];',
  '};',
  '',
  'export const deferred = async (day: string) => {',
  "  return later({ TableName: 'customers', KeyConditionExpression: 'day = :d', ExpressionAttributeValues: { ':d': day } });",
  '};',
);

const CUSTOMER_HANDLERS = sourceLines(
  "import { byRegion, deferred, recent } from '../repositories/customers';",
  '',
  'export const regional = async (event: { region: string }) => byRegion(event.region);',
  '',
  'export const latest = async (event: { day: string }) => recent(event.day);',
  '',
  'export const queued = async (event: { day: string }) => deferred(event.day);',
);

describe('Lambda: clients made two modules below the handler', () => {
  it('reports a handler whose repository names no client library and calls a wrapper that makes a client in a promise executor', () => {
    const files = { 'src/lib/db.ts': LEGACY_DB, 'src/repositories/customers.ts': CUSTOMERS, 'src/handlers/customers.ts': CUSTOMER_HANDLERS };
    assert.deepEqual(reported(files, 'src/handlers/customers.ts'), ['3:byRegion lambda-client-per-invocation!']);
  });

  it('reports a repository function that sends through a maker of another module whose client X-Ray may wrap', () => {
    const maker = sourceLines(
      "import AWSXRay from 'aws-xray-sdk';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      '',
      'const shared = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export const createDocumentClient = () => {',
      '  const base = new DynamoDBClient({ region: process.env.AWS_REGION });',
      "  return DynamoDBDocumentClient.from(process.env.TRACING === 'off' ? base : AWSXRay.captureAWSv3Client(base));",
      '};',
      '',
      'export const sharedOrNew = () => {',
      "  return process.env.SHARED === 'yes' ? shared : DynamoDBDocumentClient.from(new DynamoDBClient({}));",
      '};',
    );
    const repository = sourceLines(
      "import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      "import { createDocumentClient, sharedOrNew } from '../lib/client';",
      '',
      'export const saveInvoice = async (invoice: { id: string }) => {',
      "  await createDocumentClient().send(new PutCommand({ TableName: 'invoices', Item: invoice }));",
      '};',
      '',
      'export const listInvoices = async (customerId: string) => {',
      "  const out = await sharedOrNew().send(new QueryCommand({ TableName: 'invoices', KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId } }));",
      '  return out.Items;',
      '};',
    );
    const handler = sourceLines(
      "import { listInvoices, saveInvoice } from '../repositories/invoices';",
      '',
      'export const create = async (event: { id: string }) => {',
      '  await saveInvoice({ id: event.id });',
      '};',
      '',
      'export const list = async (event: { customerId: string }) => listInvoices(event.customerId);',
    );
    const files = { 'src/lib/client.ts': maker, 'src/repositories/invoices.ts': repository, 'src/handlers/invoices.ts': handler };
    assert.deepEqual(reported(files, 'src/handlers/invoices.ts'), ['4:saveInvoice lambda-client-per-invocation!']);
  });
});

describe('async-redis: node-redis with promises', () => {
  it('reads the client asyncRedis.createClient() makes as a Redis client', () => {
    const code = sourceLines(
      "const asyncRedis = require('async-redis');",
      'const cache = asyncRedis.createClient();',
      'async function everything() {',
      "  const keys = await cache.keys('product:*');",
      '  return cache.mget(...keys);',
      '}',
      'module.exports = { everything };',
    );
    assert.deepEqual(
      hintsIn('cache.js', code).filter((hint) => hint.includes('redis-')),
      ['4:keys redis-keys', '5:mget redis-mget', '4:keys redis-keys!'],
    );
  });

  it('reads the client decorate() gives back, and a key test in a while condition as a retry, not a command per key', () => {
    const code = sourceLines(
      "const redis = require('redis');",
      "const asyncRedis = require('async-redis');",
      'const client = asyncRedis.decorate(redis.createClient());',
      'async function reserve(owner, keys) {',
      "  let code = '';",
      '  while (!code || (await client.exists(`reset:${code}`))) {',
      '    code = Math.random().toString(36).slice(2);',
      '  }',
      '  while (await client.lpop(owner)) {',
      '    await client.sadd(`seen:${owner}`, code);',
      '  }',
      '  for (const key of keys) {',
      '    await client.exists(key);',
      '  }',
      '  return code;',
      '}',
      'module.exports = { reserve };',
    );
    assert.deepEqual(
      hintsIn('codes.js', code).filter((hint) => hint.endsWith('redis-loop-round-trips!')),
      ['10:sadd redis-loop-round-trips!', '13:exists redis-loop-round-trips!'],
    );
  });
});
