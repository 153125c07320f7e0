/**
 * A module that exports client methods promisified one by one (`getAsync: promisify(client.get).bind(client)`),
 * node-redis 3's usual shape, and the files that import them (workspace mode): a call of the imported function,
 * by its name or as a member of the module, sends that method. The exported function is no client: nothing
 * else reads it as one.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from './support';
import { hintsOfFile as hints } from '../workspace/support';

const REDIS_MODULE = sourceLines(
  "const redis = require('redis');",
  "const { promisify } = require('util');",
  '',
  'const client = redis.createClient({ url: process.env.REDIS_URL });',
  'const keysAsync = promisify(client.keys).bind(client);',
  '',
  'module.exports = {',
  '  getAsync: promisify(client.get).bind(client),',
  '  setAsync: promisify(client.set.bind(client)),',
  '  delAsync: promisify(client.del).bind(client),',
  '  keysAsync,',
  '};',
);

describe('client methods promisified and exported by another module', () => {
  it('reads calls of the imported functions, destructured or as members of the module, as the commands they send', () => {
    const files = {
      'src/cache/redis.js': REDIS_MODULE,
      'src/cache/sessions.js': sourceLines(
        "const { keysAsync, delAsync } = require('./redis');",
        "const cache = require('./redis');",
        '',
        'async function dropSessions(userId) {',
        '  const keys = await keysAsync(`session:${userId}:*`);',
        '  for (const key of keys) {',
        '    await delAsync(key);',
        '  }',
        "  await cache.setAsync('dropped', userId);",
        '}',
        'module.exports = { dropSessions };',
      ),
    };
    const found = hints(files, 'src/cache/sessions.js');
    for (const hint of ['5:keysAsync redis-keys!', '7:delAsync redis-loop-round-trips!', '7:delAsync redis-unlink', '9:setAsync redis-expire']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('reads a method promisified with bluebird, and a DocumentClient scan promisified so', () => {
    const files = {
      'lib/db.js': sourceLines(
        "const AWS = require('aws-sdk');",
        "const Promise = require('bluebird');",
        'const docClient = new AWS.DynamoDB.DocumentClient();',
        'exports.scanAsync = Promise.promisify(docClient.scan).bind(docClient);',
      ),
      'handlers/list.js': sourceLines(
        "const db = require('../lib/db');",
        '',
        'exports.handler = async () => {',
        "  const { Items } = await db.scanAsync({ TableName: process.env.TABLE });",
        '  return Items;',
        '};',
      ),
    };
    const found = hints(files, 'handlers/list.js');
    assert.ok(found.includes('4:scanAsync dynamodb-scan!'), found.join('\n'));
  });

  it('stays silent where the exported function loses its client or the importer passes it on, and never reads it as a client', () => {
    const files = {
      'src/redis.js': sourceLines(
        "const redis = require('redis');",
        "const { promisify } = require('util');",
        'const client = redis.createClient();',
        'module.exports = {',
        '  getAsync: promisify(client.get).bind(client),',
        '  keysUnbound: promisify(client.keys),',
        '};',
      ),
      'src/use.js': sourceLines(
        "const { getAsync, keysUnbound } = require('./redis');",
        "const { register } = require('./registry');",
        '',
        'async function run() {',
        "  await keysUnbound('*');",
        "  getAsync.keys('*');",
        '  register(getAsync);',
        '}',
        'module.exports = { run };',
      ),
      'src/registry.js': sourceLines('function register(store) {', "  return store.keys('*');", '}', 'module.exports = { register };'),
    };
    assert.deepEqual(hints(files, 'src/use.js'), []);
    assert.deepEqual(hints(files, 'src/registry.js'), []);
  });
});
