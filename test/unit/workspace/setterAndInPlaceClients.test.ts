/**
 * A Redis client that reaches its commands through project plumbing: a data-service module's maker required in
 * place (`require('../data-service/redis').createClient()`), a project's own `promisify` over a bound method, and a
 * holder module whose setter another module hands the client to (`setRedis(client)`), read back through its
 * getter (`getRedis()`). Then the traps: a setter given two kinds of client, a setter no file calls, a bare
 * package's member called in place, and a method handed to a project `promisify` without its client.
 */
import * as assert from 'node:assert/strict';
import { mayExportClients } from '../../../src/hints/engine/workspace/moduleSources';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const DATA_SERVICE = sourceLines(
  "const redis = require('redis');",
  '',
  'let connection;',
  '',
  'module.exports = {',
  '  createClient() {',
  '    if (!connection) {',
  '      connection = redis.createClient(process.env.REDIS_URL);',
  '    }',
  '    return connection;',
  '  },',
  '};',
);

const OWN_PROMISIFY = sourceLines(
  'const promisify = (fn) => (...args) =>',
  '  new Promise((resolve, reject) => {',
  '    args.push((err, res) => (err ? reject(err) : resolve(res)));',
  '    fn.apply(null, args);',
  '  });',
  '',
  'module.exports = promisify;',
);

const HOLDER = sourceLines('let client = null;', '', 'function setRedis(c) {', '  client = c;', '}', '', 'function getRedis() {', '  return client;', '}', '', 'module.exports = { setRedis, getRedis };');

const STARTUP = sourceLines(
  "const { createClient } = require('redis');",
  "const { setRedis } = require('./lib/holder');",
  '',
  'const client = createClient({ url: process.env.REDIS_URL });',
  'setRedis(client);',
);

const SESSIONS = sourceLines(
  "const { getRedis } = require('../lib/holder');",
  '',
  'async function purge(userId) {',
  '  const keys = await getRedis().keys(`session:${userId}:*`);',
  '  const redis = getRedis();',
  "  await redis.set('purged', userId);",
  '  return keys;',
  '}',
  '',
  'module.exports = { purge };',
);

describe('clients reached through project plumbing', () => {
  it("reads a maker required in place and commands promisified by the project's own promisify", () => {
    const worker = sourceLines(
      "const redis = require('../data-service/redis').createClient();",
      "const promisify = require('../utils/promisify');",
      '',
      'const zrange = promisify(redis.zrange.bind(redis));',
      'const del = promisify(redis.del.bind(redis));',
      '',
      'async function drain(id) {',
      '  const ids = await zrange(`queue-${id}`, 0, -1);',
      '  await del(`queue-${id}`);',
      '  return ids;',
      '}',
      '',
      'module.exports = { drain };',
    );
    const files = { 'lib/data-service/redis.js': DATA_SERVICE, 'lib/utils/promisify.js': OWN_PROMISIFY, 'lib/models/worker.js': worker };
    const found = hintsOfFile(files, 'lib/models/worker.js');
    assert.ok(found.includes('8:zrange redis-collection-read'), found.join('\n'));
    assert.ok(found.includes('9:del redis-unlink'), found.join('\n'));
  });

  it('reads a client made in place inside a function, and a promisify this file declares', () => {
    const handler = sourceLines(
      'function promisify(fn) {',
      '  return (...args) => new Promise((resolve, reject) => fn(...args, (e, r) => (e ? reject(e) : resolve(r))));',
      '}',
      '',
      'async function sweep() {',
      "  const client = require('../data-service/redis').createClient();",
      "  client.keys('jobs:*', () => {});",
      '  const keys = promisify(client.keys.bind(client));',
      "  return keys('locks:*');",
      '}',
      '',
      'module.exports = { sweep };',
    );
    const found = hintsOfFile({ 'lib/data-service/redis.js': DATA_SERVICE, 'lib/jobs/sweep.js': handler }, 'lib/jobs/sweep.js');
    assert.ok(found.includes('7:keys redis-keys'), found.join('\n'));
    assert.ok(found.includes('9:keys redis-keys'), found.join('\n'));
  });

  it('reads the getter of a holder module whose setter another module hands the client to', () => {
    const files = { 'src/lib/holder.js': HOLDER, 'src/startup.js': STARTUP, 'src/routes/sessions.js': SESSIONS };
    const found = hintsOfFile(files, 'src/routes/sessions.js');
    assert.ok(found.includes('4:keys redis-keys'), found.join('\n'));
    assert.ok(found.includes('6:set redis-expire'), found.join('\n'));
  });

  it('reads ES setters and getters, the setter given a construction in place', () => {
    const holder = sourceLines('let client;', 'export function setClient(c) {', '  client = c;', '}', 'export function getClient() {', '  return client;', '}');
    const startup = sourceLines("import Redis from 'ioredis';", "import { setClient } from './holder';", '', 'setClient(new Redis(process.env.REDIS_URL));');
    const reader = sourceLines("import { getClient } from './holder';", '', 'export async function locks() {', "  return getClient().keys('lock:*');", '}');
    const found = hintsOfFile({ 'src/holder.ts': holder, 'src/startup.ts': startup, 'src/locks.ts': reader }, 'src/locks.ts');
    assert.ok(found.includes('4:keys redis-keys'), found.join('\n'));
  });

  it('gives nothing for a setter handed two kinds of client, or that no file calls', () => {
    const twoKinds = sourceLines(
      "const { createClient } = require('redis');",
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { setRedis } = require('./lib/holder');",
      '',
      'setRedis(createClient({ url: process.env.REDIS_URL }));',
      'setRedis(new DynamoDBClient({}));',
    );
    assert.deepEqual(hintsOfFile({ 'src/lib/holder.js': HOLDER, 'src/startup.js': twoKinds, 'src/routes/sessions.js': SESSIONS }, 'src/routes/sessions.js'), []);
    assert.deepEqual(hintsOfFile({ 'src/lib/holder.js': HOLDER, 'src/routes/sessions.js': SESSIONS }, 'src/routes/sessions.js'), []);
  });

  it("keeps a bare package's member called in place, and a method a project promisify takes without its client, silent", () => {
    const code = sourceLines(
      "const router = require('express').Router();",
      "const redis = require('../data-service/redis').createClient();",
      "const promisify = require('../utils/promisify');",
      '',
      'const keys = promisify(redis.keys);',
      "router.get('/', async (req, res) => res.json(await keys('*')));",
      '',
      'module.exports = router;',
    );
    const found = hintsOfFile({ 'lib/data-service/redis.js': DATA_SERVICE, 'lib/utils/promisify.js': OWN_PROMISIFY, 'lib/routes/index.js': code }, 'lib/routes/index.js');
    assert.deepEqual(found, []);
  });

  it('indexes a holder module that names no client library only for its setter', () => {
    assert.equal(mayExportClients('src/lib/holder.js', 'javascript', HOLDER), true);
    const plain = sourceLines('let count = 0;', 'function bump(n) {', '  count += n;', '}', 'module.exports = { bump };');
    assert.equal(mayExportClients('src/lib/counter.js', 'javascript', plain), false);
  });
});
