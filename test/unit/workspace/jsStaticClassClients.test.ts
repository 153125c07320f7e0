/**
 * Workspace mode, JavaScript and TypeScript: clients that a class of another module keeps or makes, reached without
 * a module-level binding. A static method called through the imported class (`Dynamo.getInstance()`, also in a
 * field initializer), a static field a static method sets by the class's name (`Store.client = createClient()`), a
 * class exported by name (`exports.Db = Db`) and constructed in a Lambda handler as a member of the required module
 * (`new store.Db()`, `new store.Db` without arguments), and a constructor whose options a local computes from the
 * environment (`const config = endpoint ? { endpoint } : { region }`).
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { hintsIn, sourceLines } from '../hints/support';

const SINGLETON = sourceLines(
  "import AWS from 'aws-sdk';",
  '',
  'export class Dynamo {',
  '  private static instance: AWS.DynamoDB;',
  '',
  '  static getInstance(): AWS.DynamoDB {',
  '    if (this.instance === undefined) {',
  "      this.instance = new AWS.DynamoDB({ region: 'eu-west-1' });",
  '    }',
  '    return this.instance;', // 10
  '  }',
  '}',
);

const REPOSITORY = sourceLines(
  "import { Dynamo } from './db/dynamo';",
  '',
  'export class AccountRepository {',
  '  private readonly db = Dynamo.getInstance();',
  '',
  '  async byOwner(owner: string) {',
  "    const out = await this.db.query({ TableName: 'accounts', KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: { ':o': { S: owner } } }).promise();",
  '    return out.Items;',
  '  }',
  '', // 10
  '  async one(id: string) {',
  "    const out = await Dynamo.getInstance().getItem({ TableName: 'accounts', Key: { id: { S: id } } }).promise();",
  '    return out.Item;',
  '  }',
  '}',
);

const STORE = sourceLines(
  "const redis = require('redis');",
  '',
  'class Store {',
  '  static init() {',
  '    Store.client = redis.createClient({ url: process.env.REDIS_URL });',
  '  }',
  '',
  '  static sessions() {',
  "    return Store.client.keys('session:*');",
  '  }', // 10
  '}',
  '',
  'module.exports = Store;',
);

const PURGE = sourceLines(
  "const Store = require('./store');",
  '',
  'async function purge(ids) {',
  '  for (const id of ids) {',
  '    await Store.client.del(id);',
  '  }',
  '}',
  'module.exports = { purge };',
);

const CACHE = sourceLines(
  "import { createClient, RedisClientType } from 'redis';",
  '',
  'export class Cache {',
  '  private static instance: RedisClientType;',
  '',
  '  static async init(): Promise<void> {',
  '    Cache.instance = createClient({ url: process.env.REDIS_URL }) as RedisClientType;',
  '    await Cache.instance.connect();',
  '  }',
  '', // 10
  '  static getClient(): RedisClientType {',
  '    return Cache.instance;',
  '  }',
  '}',
);

const FLUSH = sourceLines(
  "import { Cache } from './cache';",
  '',
  'export async function reset(): Promise<void> {',
  '  await Cache.getClient().flushAll();',
  '};',
);

const DB = sourceLines(
  "const AWS = require('aws-sdk');",
  '',
  'class Db {',
  '  constructor() {',
  '    const endpoint = process.env.DYNAMODB_ENDPOINT;',
  "    const config = endpoint ? { endpoint } : { region: 'eu-west-1' };",
  '    this.doc = new AWS.DynamoDB.DocumentClient(config);',
  '  }',
  '  list() {',
  "    return this.doc.scan({ TableName: 'items' }).promise();", // 10
  '  }',
  '}',
  '',
  'exports.Db = Db;',
);

const HANDLERS = sourceLines(
  "const store = require('./db');",
  "const { Db } = require('./db');",
  '',
  'const kept = new store.Db();',
  '',
  'exports.handler = async () => {',
  '  const db = new store.Db();',
  '  const bare = new Db;',
  '  await (new store.Db).list();',
  '  await bare.list();', // 10
  '  await kept.list();',
  '  return db.list();',
  '};',
);

describe('JavaScript and TypeScript: clients a class of another module keeps or makes, reached through the class', () => {
  it('reads a static method of the imported class that hands out a kept client, in a field initializer and in place', () => {
    const files = { 'src/db/dynamo.ts': SINGLETON, 'src/accounts.ts': REPOSITORY };
    assert.deepEqual(hintsOfFile(files, 'src/accounts.ts'), ['12:getItem dynamodb-get-item', '7:KeyConditionExpression dynamodb-key-condition-expression', '7:query dynamodb-query', '7:query dynamodb-query!']);
    assert.deepEqual(hintsOfFile(files, 'src/accounts.ts', null), []);
  });

  it('reads a static field that a static method sets by the class name, in its file and through the exported class', () => {
    assert.deepEqual(hintsIn('store.js', STORE), ['5:createClient redis-tls', '9:keys redis-keys', '9:keys redis-keys!']);
    const files = { 'src/store.js': STORE, 'src/purge.js': PURGE };
    assert.deepEqual(hintsOfFile(files, 'src/purge.js'), ['5:del redis-loop-round-trips', '5:del redis-loop-round-trips!', '5:del redis-unlink']);
  });

  it('keeps a TypeScript module whose class hands out a private static client through a public static method', () => {
    const files = { 'src/cache.ts': CACHE, 'src/reset.ts': FLUSH };
    assert.deepEqual(hintsOfFile(files, 'src/reset.ts'), ['4:flushAll redis-flush', '4:flushAll redis-flush!']);
  });

  it('reports a class exported by name and constructed in a handler as a member of the module, with or without arguments', () => {
    const files = { 'src/db.js': DB, 'src/handlers.js': HANDLERS };
    const reported = hintsOfFile(files, 'src/handlers.js').filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
    // Line 4's instance is made once, when the module loads.
    assert.deepEqual(reported, ['7:Db lambda-client-per-invocation!', '8:Db lambda-client-per-invocation!', '9:Db lambda-client-per-invocation!']);
    assert.deepEqual(hintsOfFile(files, 'src/handlers.js', null).filter((hint) => hint.endsWith('lambda-client-per-invocation!')), []);
  });

  it('still takes a client made from what the invocation brings, through a local, as the invocation\'s own', () => {
    const handler = sourceLines(
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      '',
      'exports.handler = async (event) => {',
      '  const region = event.region;',
      '  const config = region ? { region } : {};',
      '  const client = new DynamoDBClient(config);',
      '  return client;',
      '};',
    );
    assert.deepEqual(hintsIn('handler.js', handler).filter((hint) => hint.includes('per-invocation')), []);
  });
});
