/**
 * JavaScript and TypeScript functions of another workspace module that give a client: a getter of a
 * module-level client (set at load or in a connect function), a lazy singleton, a factory, an async getter
 * awaited, CommonJS and ES exports of every shape, a getter on an exported object, and a barrel that passes
 * them on. Then the traps: a getter of a Map or a config object, a module that assigns two kinds of client,
 * a function of the same name from a package, a local that hides the import, a test that mocks the module,
 * and no workspace. Last, which files' text the index keeps, and its time on shapes made to be slow.
 */
import * as assert from 'node:assert/strict';
import { jsMayExport } from '../../../src/hints/engine/workspace/jsModuleText';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { superlinearScaling } from '../../support/hostileShapes';
import { sourceLines } from '../hints/support';
import { contributionOf, copiedToThread, hintsInWorkspace, workspaceOf } from './support';

/** `line:command` for each Redis command and DynamoDB scan that gets a finding or a hover. */
function commands(model: WorkspaceModel | undefined, file: string, code: string): string[] {
  const found = hintsInWorkspace(model, file, code).map((hint) => hint.split(' ')[0]);
  return [...new Set(found)].sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0]));
}

const REDIS_CONFIG = sourceLines(
  "const redis = require('redis');",
  '',
  'let redisClient;',
  '',
  'const connectRedis = async () => {',
  '  redisClient = redis.createClient({ url: process.env.REDIS_URL });',
  "  redisClient.on('error', (error) => console.error(error));",
  '  await redisClient.connect();',
  '};',
  '',
  'const getRedisClient = () => {',
  "  if (!redisClient) throw new Error('Redis is not connected');",
  '  return redisClient;',
  '};',
  '',
  'const closeRedis = async () => {',
  '  await redisClient.quit();',
  '  redisClient = null;',
  '};',
  '',
  'module.exports = { connectRedis, getRedisClient, closeRedis };',
);

const CACHE_MIDDLEWARE = sourceLines(
  "const { getRedisClient } = require('../config/redis');",
  '',
  'const clearCache = (pattern) => async (req, res, next) => {',
  '  const client = getRedisClient();',
  '  const keys = await client.keys(pattern);',
  '  if (keys.length > 0) await client.del(keys);',
  '  next();',
  '};',
  '',
  'const flushAll = async () => {',
  '  await getRedisClient().flushDb();',
  '};',
  '',
  'module.exports = { clearCache, flushAll };',
);

const MODULES = {
  'src/config/redis.js': REDIS_CONFIG,
  'src/lib/dynamo.ts': sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    '',
    'let doc: DynamoDBDocumentClient;',
    '',
    'export function initDynamo(region: string): void {',
    '  doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region }));',
    '}',
    '',
    'export function getDynamo(): DynamoDBDocumentClient {',
    '  return doc;',
    '}',
  ),
  'src/lib/cache.ts': sourceLines(
    "import Redis from 'ioredis';",
    '',
    'const shared = new Redis(process.env.REDIS_URL!);',
    'let lazy: Redis | undefined;',
    '',
    'export const getClient = () => shared;',
    '',
    'export function getLazy(): Redis {',
    '  if (!lazy) {',
    '    lazy = new Redis(process.env.REDIS_URL!);',
    '  }',
    '  return lazy;',
    '}',
    '',
    'export default function makeRedis(): Redis {',
    '  return new Redis(process.env.REDIS_URL!);',
    '}',
  ),
  'src/lib/connection.js': sourceLines(
    "const { createClient } = require('redis');",
    '',
    'let client = null;',
    '',
    'module.exports = async function connection() {',
    '  if (!client) {',
    '    client = createClient({ url: process.env.REDIS_URL });',
    '    await client.connect();',
    '  }',
    '  return client;',
    '};',
  ),
  'src/lib/shared.js': sourceLines(
    "const Redis = require('ioredis');",
    '',
    'const connection = new Redis(process.env.REDIS_URL);',
    '',
    'module.exports = {',
    '  get client() {',
    '    return connection;',
    '  },',
    '  sessions() {',
    '    return connection;',
    '  },',
    '};',
  ),
  'src/lib/index.ts': "export { getClient as cacheClient, getLazy } from './cache';\nexport * from './dynamo';\n",
};

describe('clients returned by functions of another module', () => {
  const model = workspaceOf({ ...MODULES, 'src/middlewares/cache.js': CACHE_MIDDLEWARE });

  it('reads the getter of a `let` a connect function sets, at module level of the caller and inside its functions', () => {
    assert.deepEqual(commands(model, 'src/middlewares/cache.js', CACHE_MIDDLEWARE), ['5:keys', '6:del', '11:flushDb']);
    const loaded = sourceLines(
      "const { getRedisClient } = require('../config/redis');",
      '',
      'const redisClient = getRedisClient();',
      '',
      'module.exports = async function purge() {',
      "  return redisClient.keys('books:*');",
      '};',
    );
    assert.deepEqual(commands(model, 'src/jobs/purge.js', loaded), ['6:keys']);
  });

  it('reads typed getters, arrow getters, lazy singletons, default-exported factories, an awaited async getter and a getter on an exported object', () => {
    const code = sourceLines(
      "import { getDynamo } from '../lib/dynamo';",
      "import makeRedis, { getClient, getLazy } from '../lib/cache';",
      "import { cacheClient } from '../lib';",
      "import * as lib from '../lib/index';",
      "import connection = require('../lib/connection');",
      "import shared = require('../lib/shared');",
      '',
      'export async function purge(): Promise<void> {',
      "  await getDynamo().scan({ TableName: 'orders' });",
      "  await getClient().keys('a:*');",
      "  await getLazy().keys('b:*');",
      "  await makeRedis().keys('c:*');",
      "  await cacheClient().keys('d:*');",
      "  await lib.getDynamo().scan({ TableName: 'orders' });",
      '  const client = await connection();',
      "  await client.keys('e:*');",
      "  await shared.client.keys('f:*');",
      "  await shared.sessions().keys('g:*');",
      '}',
    );
    assert.deepEqual(commands(model, 'src/jobs/purge.ts', code), ['9:scan', '10:keys', '11:keys', '12:keys', '13:keys', '14:scan', '16:keys', '17:keys', '18:keys']);
  });

  it('reads what middleware hangs on the request from a getter, in handlers of the same and other files', () => {
    const app = sourceLines(
      "const express = require('express');",
      "const { getRedisClient } = require('./config/redis');",
      '',
      'const app = express();',
      'app.use((req, res, next) => {',
      '  req.cache = getRedisClient();',
      '  next();',
      '});',
      "app.delete('/books', async (req, res) => {",
      '  const { cache } = req;',
      "  await cache.del(await cache.keys('books:*'));",
      '  res.sendStatus(204);',
      '});',
    );
    const route = sourceLines('module.exports = async (req, res) => {', "  const keys = await req.cache.keys('authors:*');", '  res.json(keys);', '};');
    const files = { ...MODULES, 'src/app.js': app, 'src/routes/authors.js': route };
    const withApp = workspaceOf(files);
    assert.deepEqual(commands(withApp, 'src/app.js', app), ['11:del', '11:keys']);
    assert.deepEqual(commands(withApp, 'src/routes/authors.js', route), ['2:keys']);
  });

  it('answers the same from a snapshot of the model, as worker threads read it', () => {
    const copy = copiedToThread(model);
    assert.deepEqual(commands(copy, 'src/middlewares/cache.js', CACHE_MIDDLEWARE), commands(model, 'src/middlewares/cache.js', CACHE_MIDDLEWARE));
  });

  it('gives nothing without the workspace', () => {
    assert.deepEqual(commands(undefined, 'src/middlewares/cache.js', CACHE_MIDDLEWARE), []);
  });
});

describe('functions of another module that give no client, or not here', () => {
  const traps = workspaceOf({
    ...MODULES,
    'src/lib/traps.js': sourceLines(
      "const { createClient } = require('redis');",
      "const Redis = require('ioredis');",
      '',
      'const cache = new Map();',
      'const config = { url: process.env.REDIS_URL, keys: () => [] };',
      'let either;',
      '',
      'function useNodeRedis() {',
      '  either = createClient();',
      '}',
      '',
      'function useIoredis() {',
      '  either = new Redis();',
      '}',
      '',
      'exports.getCache = () => cache;',
      'exports.getConfig = () => config;',
      'exports.getEither = () => either;',
      'exports.useNodeRedis = useNodeRedis;',
      'exports.useIoredis = useIoredis;',
    ),
  });

  it('gives nothing for a getter of a Map or a config object, nor of a variable set to two kinds of client', () => {
    const code = sourceLines(
      "const { getCache, getConfig, getEither } = require('../lib/traps');",
      '',
      'async function purge() {',
      "  await getCache().keys('a:*');",
      "  await getConfig().keys('b:*');",
      "  await getEither().keys('c:*');",
      '}',
    );
    assert.deepEqual(commands(traps, 'src/jobs/purge.js', code), []);
  });

  it('gives nothing for a function of the same name from a package, a local that hides the import, or a parameter', () => {
    const code = sourceLines(
      "const { getRedisClient } = require('redis-helpers');",
      "const { getClient } = require('../lib/cache');",
      '',
      'async function purge(getLazy) {',
      "  await getRedisClient().keys('a:*');",
      '  const getClient = () => new Map();',
      "  await getClient().keys('b:*');",
      "  await getLazy().keys('c:*');",
      '}',
    );
    assert.deepEqual(commands(traps, 'src/jobs/purge.js', code), []);
  });

  it('gives nothing in a test that mocks the module (Jest and Vitest), and reads a test that uses the real one', () => {
    const mocked = sourceLines(
      "jest.mock('../src/config/redis', () => ({ getRedisClient: () => ({ keys: jest.fn(async () => []) }) }));",
      "const { getRedisClient } = require('../src/config/redis');",
      '',
      "test('clears the cache', async () => {",
      "  await getRedisClient().keys('a:*');",
      '});',
    );
    assert.deepEqual(commands(traps, 'test/cache.test.js', mocked), []);
    const vitest = sourceLines("import { vi } from 'vitest';", "import { getLazy } from '../src/lib/cache.js';", '', "vi.mock('../src/lib/cache');", '', "test('purges', async () => {", "  await getLazy().keys('a:*');", '});');
    assert.deepEqual(commands(traps, 'test/purge.test.ts', vitest), []);
    const real = mocked.replace(/^jest\.mock.*\n/, '');
    assert.deepEqual(commands(traps, 'test/cache.test.js', real), ['4:keys']);
  });
});

describe('which exported functions the index keeps', () => {
  it('keeps the text of a module whose exported function returns a client it makes, and not that of handlers', () => {
    for (const getter of [
      "const redis = require('redis');\nconst client = redis.createClient();\nconst getClient = () => client;\nmodule.exports = { getClient };\n",
      "import Redis from 'ioredis';\nlet client: Redis | null = null;\nexport function getClient(): Redis {\n  client ??= new Redis();\n  return client!;\n}\n",
      "import Redis from 'ioredis';\nexport default function makeRedis() {\n  return new Redis();\n}\n",
      "const { createClient } = require('redis');\nexports.connect = async () => {\n  const client = createClient();\n  await client.connect();\n  return client;\n};\n",
    ]) {
      assert.equal(jsMayExport(getter, true), true, getter);
    }
    for (const handler of [
      "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function handler() {\n  return { statusCode: 200, body: await redis.get('k') };\n}\n",
      "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const list = async () => redis.keys('a:*');\n",
      "const { createClient } = require('redis');\nexports.handler = async () => new Promise((resolve) => resolve(createClient));\n",
    ]) {
      assert.equal(jsMayExport(handler, true), false, handler);
    }
  });

  it('keeps a getter and the functions it names, and leaves out the other exported functions, whose edits change nothing', () => {
    const text = (body: string): string =>
      sourceLines(
        "import Redis from 'ioredis';",
        '',
        'function connect(): Redis {',
        '  return new Redis(process.env.REDIS_URL!);',
        '}',
        '',
        'let client: Redis | undefined;',
        '',
        'export function getClient(): Redis {',
        '  client ??= connect();',
        '  return client;',
        '}',
        '',
        'export async function handler(): Promise<number> {',
        `  return ${body};`,
        '}',
      );
    const kept = contributionOf('src/cache.ts', text('1'))?.module?.text ?? '';
    assert.ok(kept.includes('export function getClient') && kept.includes('function connect'), kept);
    const esm = (body: string): string => text(body).replace('let client: Redis | undefined;', 'const client = connect();').replace('  client ??= connect();\n', '');
    const model = new WorkspaceModel();
    model.update('src/cache.ts', contributionOf('src/cache.ts', esm('1')));
    assert.equal(contributionOf('src/cache.ts', esm('1'))?.module?.text.includes('handler'), false);
    assert.equal(model.update('src/cache.ts', contributionOf('src/cache.ts', esm('2'))), false, 'an edit inside the handler');
    assert.deepEqual(model.importedCall('src/job.ts', './cache', 'getClient', { positional: [], named: [], spread: false }), { kind: 'redis', flavor: 'ioredis' });
  });

  it('stays linear on many getters, assignments and annotations, when indexed and when a getter is called', function () {
    this.timeout(120_000);
    const shapes: [string, (count: number) => string][] = [
      ['getters', (count) => `import Redis from 'ioredis';\n${Array.from({ length: count }, (_, i) => `let c${i};\nexport function g${i}() { c${i} = new Redis(); return c${i}; }\n`).join('')}`],
      ['reassignments of one name', (count) => `import Redis from 'ioredis';\nlet c = new Redis();\n${Array.from({ length: count }, (_, i) => `export function g${i}() { c = c.duplicate(); return c; }\n`).join('')}`],
      ['long annotations', (count) => `import Redis from 'ioredis';\n${`let c: ${'Redis | '.repeat(40)}null = new Redis();\n`.repeat(count)}export const g = () => c;\n`],
      ['returns without a value', (count) => `import Redis from 'ioredis';\nexport function g() {\n${'  return new\n  return x =>\n'.repeat(count)}}\n`],
    ];
    for (const [label, make] of shapes) {
      const index = (text: string): void => {
        indexFile('src/m.ts', 'typescript', text, { onError: (error) => assert.fail(String(error)) });
      };
      const call = (text: string): void => {
        const model = new WorkspaceModel();
        model.update('src/m.ts', indexFile('src/m.ts', 'typescript', text));
        model.importedCall('src/job.ts', './m', 'g0', { positional: [], named: [], spread: false });
      };
      for (const [what, run] of [
        ['index', index],
        ['call', call],
      ] as const) {
        assert.equal(superlinearScaling(`${label} (${what})`, (size) => make(Math.ceil(size / 40)), run, { startSize: 20_000, maxSize: 200_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
      }
    }
  });
});
