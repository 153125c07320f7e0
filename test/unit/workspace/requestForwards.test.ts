/**
 * Requests sent through a function of another module that hands its parameter on whole
 * (`code/importedRequestForwards.ts`), a bare import of a layer's file by its path (`deepFileBases`), and
 * Python members of a value annotated with a project class (`code/typedProjectMembers.ts`).
 */
import * as assert from 'node:assert/strict';
import { deepFileBases } from '../../../src/hints/engine/workspace/lambdaLayers';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

/** A data-access module of SDK v3 wrappers, each sending the request it is given. */
const STORE = sourceLines(
  "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
  "const { DynamoDBDocumentClient, PutCommand, ScanCommand, QueryCommand, GetCommand } = require('@aws-sdk/lib-dynamodb');",
  '',
  'const docs = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'async function putRecord(params) {',
  '  await docs.send(new PutCommand(params));',
  '}',
  '',
  'async function scanAll(params) {',
  '  const out = await docs.send(new ScanCommand(params));',
  '  return out.Items;',
  '}',
  '',
  'const queryWith = async (label, params) => docs.send(new QueryCommand({ ...params }));',
  '',
  'async function twoWays(params, byKey) {',
  '  return byKey ? docs.send(new GetCommand(params)) : docs.send(new QueryCommand(params));',
  '}',
  '',
  'module.exports = { putRecord, scanAll, queryWith, twoWays };',
);

describe('workspace: requests sent through another module that forwards its parameter', () => {
  it('reads each call as the operation its wrapper sends, with the request the call passes', () => {
    const service = sourceLines(
      "const db = require('./store');",
      "const { queryWith } = require('./store');",
      '',
      'async function create(item) {',
      '  const params = { TableName: process.env.T, Item: item, ConditionExpression: "attribute_not_exists(id)" };',
      '  return db.putRecord(params);',
      '}',
      '',
      'async function all() {',
      '  return db.scanAll({ TableName: process.env.T });',
      '}',
      '',
      'async function mine(owner) {',
      "  return queryWith('mine', { TableName: process.env.T, IndexName: 'byOwner', KeyConditionExpression: 'o = :o' });",
      '}',
      '',
      'module.exports = { create, all, mine };',
    );
    const hints = hintsOfFile({ 'src/store.js': STORE, 'src/service.js': service }, 'src/service.js');
    assert.deepEqual(hints, [
      '10:scanAll dynamodb-scan',
      '14:IndexName dynamodb-index-name',
      '14:KeyConditionExpression dynamodb-key-condition-expression',
      '14:queryWith dynamodb-query',
      '5:ConditionExpression dynamodb-condition-expression',
      '6:putRecord dynamodb-put-item',
    ]);
  });

  it('leaves a call whose object names no table, a wrapper that sends two operations, and a local function of the same name', () => {
    const service = sourceLines(
      "const db = require('./store');",
      '',
      'async function cacheIt(entry) {',
      '  return db.putRecord({ key: entry.key, ttl: 60 });',
      '}',
      '',
      'async function either(id) {',
      '  return db.twoWays({ TableName: process.env.T, Key: { id } }, true);',
      '}',
      '',
      'async function scanAll(params) {',
      '  return params;',
      '}',
      "scanAll({ TableName: 'local' });",
    );
    assert.deepEqual(hintsOfFile({ 'src/store.js': STORE, 'src/service.js': service }, 'src/service.js'), []);
    // A test that mocks the SDK and calls the wrapper.
    const test = sourceLines(
      "jest.mock('@aws-sdk/lib-dynamodb');",
      "const { putRecord } = require('../store');",
      "it('puts', async () => {",
      "  await putRecord({ TableName: 'Lockers' });",
      '});',
    );
    assert.deepEqual(hintsOfFile({ 'src/store.js': STORE, 'src/__tests__/store.test.js': test }, 'src/__tests__/store.test.js'), []);
  });

  it('reads no finding of the reply at the call: the wrapper that drops the other pages is reported', () => {
    const service = sourceLines("const db = require('./store');", '', 'exports.handler = async () => db.scanAll({ TableName: process.env.T });');
    const files = { 'src/store.js': STORE, 'src/handler.js': service };
    assert.deepEqual(hintsOfFile(files, 'src/handler.js'), ['3:scanAll dynamodb-scan']);
    assert.ok(hintsOfFile(files, 'src/store.js').includes('11:ScanCommand dynamodb-scan!'));
  });

  it('follows a module that dispatches by the method name to another that runs it, and a promise executor', () => {
    const runner = sourceLines("import AWS from 'aws-sdk';", 'const doc = new AWS.DynamoDB.DocumentClient();', 'export const run = (action, params) => doc[action](params).promise();');
    const records = sourceLines(
      "import { run } from '../runner/index.mjs';",
      "export const save = async (params) => run('put', params);",
      "export const find = async (params) => { const r = await run('query', params); return [null, r]; };",
    );
    const typed = sourceLines(
      "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
      'const doc = new DocumentClient({});',
      'export const update = (params: DocumentClient.UpdateItemInput) =>',
      '  new Promise((resolve, reject) => {',
      '    doc.update(params, (err, data) => (err ? reject(err) : resolve(data)));',
      '  });',
    );
    const caller = sourceLines(
      "import { save, find } from '../libs/records/index.mjs';",
      "import { update } from '../libs/typed';",
      "export const add = (p) => save({ TableName: 'players', Item: p });",
      "export const byRole = (r) => find({ TableName: 'players', IndexName: 'byRole', KeyConditionExpression: 'r = :r' });",
      "export const rename = (id, n) => update({ TableName: 'players', Key: { id }, UpdateExpression: 'SET n = :n' });",
    );
    const files = { 'api/libs/runner/index.mjs': runner, 'api/libs/records/index.mjs': records, 'api/libs/typed.ts': typed, 'api/players/repo.mjs': caller };
    assert.deepEqual(hintsOfFile(files, 'api/players/repo.mjs'), [
      '3:save dynamodb-put-item',
      '4:IndexName dynamodb-index-name',
      '4:KeyConditionExpression dynamodb-key-condition-expression',
      '4:find dynamodb-query',
      '5:UpdateExpression dynamodb-update-expression',
      '5:update dynamodb-update-item',
    ]);
  });

  it("reads a member of a default-exported object of arrows, through a tsconfig path alias as through a relative import", () => {
    const rooms = sourceLines(
      "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
      'const doc = new DocumentClient();',
      'export default {',
      '  listFor: (params: DocumentClient.QueryInput) => doc.query(params).promise(),',
      '};',
    );
    const aliased = sourceLines("import rooms from '@svc/rooms';", "export const inBuilding = (b: string) => rooms.listFor({ TableName: 'rooms', KeyConditionExpression: 'b = :b' });");
    const relative = sourceLines("import rooms from '../service/rooms';", "export const inBuilding = (b: string) => rooms.listFor({ TableName: 'rooms', KeyConditionExpression: 'b = :b' });");
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@svc/*': ['src/service/*'] } } });
    const expected = ['2:KeyConditionExpression dynamodb-key-condition-expression', '2:listFor dynamodb-query'];
    assert.deepEqual(hintsOfFile({ 'tsconfig.json': tsconfig, 'src/service/rooms.ts': rooms, 'src/repo/a.ts': aliased }, 'src/repo/a.ts'), expected);
    assert.deepEqual(hintsOfFile({ 'tsconfig.json': tsconfig, 'src/service/rooms.ts': rooms, 'src/repo/r.ts': relative }, 'src/repo/r.ts'), expected);
  });

  it("reads a bare import of a layer's file by its path below the importing file's folders", () => {
    const runner = sourceLines("import AWS from 'aws-sdk';", 'const doc = new AWS.DynamoDB.DocumentClient();', 'export const run = (action, params) => doc[action](params).promise();');
    const records = sourceLines("import { run } from '../runner/index.mjs';", "export const save = async (params) => run('put', params);");
    const caller = sourceLines("import { save } from 'libs/records/index.mjs';", "export const add = (p) => save({ TableName: 'players', Item: p });");
    const files = { 'api/libs/runner/index.mjs': runner, 'api/libs/records/index.mjs': records, 'api/players/repo.mjs': caller };
    assert.deepEqual(hintsOfFile(files, 'api/players/repo.mjs'), ['2:save dynamodb-put-item']);
    assert.deepEqual(deepFileBases(['api/players', 'api', ''], 'libs/records/index.mjs'), ['api/players/libs/records/index.mjs', 'api/libs/records/index.mjs', 'libs/records/index.mjs']);
    // A package's name, a path without its extension, and a climb out of the folder are no file of the project.
    assert.equal(deepFileBases(['api'], 'uuid'), undefined);
    assert.equal(deepFileBases(['api'], 'lodash/get'), undefined);
    assert.equal(deepFileBases(['api'], 'libs/../secrets/index.mjs'), undefined);
  });
});

describe('workspace: Python members of a value annotated with a project class', () => {
  const HANDLES = sourceLines(
    'class TableHandle:',
    '    def __init__(self, settings):',
    '        self.resource = settings["resource"]',
    '        self.table = self.resource.Table(settings["name"])',
    '',
    '',
    'class Plain:',
    '    def __init__(self, table):',
    '        self.table = table',
    '        self.cache = {}',
  );

  it("reads the table member of the class's instance the parameter or field holds", () => {
    const repository = sourceLines(
      'from boto3.dynamodb.conditions import Attr',
      'from handles import TableHandle',
      '',
      '',
      'class Jobs:',
      '    def __init__(self, handle: TableHandle):',
      '        self.handle = handle',
      '',
      '    def open(self):',
      '        return self.handle.table.scan(FilterExpression=Attr("s").eq("OPEN"))["Items"]',
      '',
      '',
      'def closed(handle: TableHandle):',
      '    return handle.table.scan(FilterExpression=Attr("s").eq("DONE"))["Items"]',
    );
    const hints = hintsOfFile({ 'handles.py': HANDLES, 'jobs.py': repository }, 'jobs.py');
    assert.ok(hints.includes('10:scan dynamodb-scan'), hints.join('\n'));
    assert.ok(hints.includes('10:scan dynamodb-scan!'), hints.join('\n'));
    assert.ok(hints.includes('14:scan dynamodb-scan'), hints.join('\n'));
  });

  it('leaves a request without keys only DynamoDB takes, a member the class sets otherwise, and an unannotated value', () => {
    const repository = sourceLines(
      'from boto3.dynamodb.conditions import Attr',
      'from handles import Plain, TableHandle',
      '',
      '',
      'def listing(handle: TableHandle):',
      '    return handle.table.scan()',
      '',
      '',
      'def cached(plain: Plain):',
      '    return plain.cache.get("x")',
      '',
      '',
      'def other(thing: Plain):',
      '    return thing.other.scan(FilterExpression=Attr("s").eq("x"))',
    );
    assert.deepEqual(hintsOfFile({ 'handles.py': HANDLES, 'repo.py': repository }, 'repo.py'), []);
  });
});
