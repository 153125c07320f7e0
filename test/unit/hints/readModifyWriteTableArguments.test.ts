/**
 * `dynamodb-read-modify-write` across modules where the table is not written in the helper (workspace mode): a
 * helper object's methods (`Dynamo.get(ID, TableName)`, `Dynamo.write(data, TableName)`) that take the table from
 * each caller, whose argument then names it, and a table named by a constant another module exports
 * (`TableName: Tables.rooms`), which every module importing it names alike.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

/** The rule's findings in `file`, read in workspace mode beside the other files, as `line:text`. */
function reported(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const HELPERS = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'export const Db = {',
  '  async get(TableName: string, id: string) {',
  '    const result = await doc.send(new GetCommand({ TableName, Key: { id } }));',
  '    return result.Item;',
  '  },',
  '  put: async (TableName: string, item: Record<string, unknown>) => {',
  '    await doc.send(new PutCommand({ TableName, Item: item }));',
  '  },',
  '};',
  'export async function load(table: string, id: string) {',
  '  table = table.trim();',
  '  const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { id } }));',
  '  return Item;',
  '}',
);

describe('DynamoDB: read-modify-write through helpers that take the table, and tables named by another module', () => {
  it("reads a helper's table from each call's argument: one table reported, two tables silent", () => {
    const files = {
      'src/lib/db.ts': HELPERS,
      'src/handlers/done.ts': sourceLines(
        "import { Db, load } from '../lib/db';",
        'const TODOS = process.env.TODOS_TABLE!;',
        'export const finish = async (id: string) => {',
        '  const todo = await Db.get(TODOS, id);',
        '  todo.done = true;',
        '  await Db.put(process.env.TODOS_TABLE!, todo);',
        '};',
        'export const archive = async (id: string) => {',
        '  const todo = await Db.get(TODOS, id);',
        '  todo.archived = true;',
        "  await Db.put('archive', todo);",
        '};',
        'export const unknown = async (table: string, id: string) => {',
        '  const todo = await Db.get(table, id);',
        '  todo.done = true;',
        '  await Db.put(table, todo);',
        '};',
        'export const reassigned = async (id: string) => {',
        '  const todo = await load(TODOS, id);',
        '  todo.done = true;',
        '  await Db.put(TODOS, todo);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/handlers/done.ts'), ['6:put']);
  });

  it('reads a wrapper that returns the whole response, whose Item the caller takes', () => {
    const files = {
      'src/service/ddb.ts': sourceLines(
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
        'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'export const get = (TableName: string, id: string) => ddb.send(new GetCommand({ TableName, Key: { id } }));',
        'export const put = (TableName: string, Item: Record<string, unknown>) => ddb.send(new PutCommand({ TableName, Item }));',
      ),
      'src/functions/users.ts': sourceLines(
        "import * as DynamoDB from '../service/ddb';",
        'export const rename = async (id: string, name: string) => {',
        "  const { Item } = await DynamoDB.get('users', id);",
        '  Item!.name = name;',
        "  await DynamoDB.put('users', Item!);",
        '};',
        'export const wrapped = async (id: string, name: string) => {',
        "  const response = await DynamoDB.get('users', id);",
        '  response.name = name;',
        "  await DynamoDB.put('users', response);",
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/functions/users.ts'), ['5:put']);
  });

  it('reads a check that takes the table and the whole key from its caller, and a writer that takes the table', () => {
    const files = {
      'src/lib/store.ts': sourceLines(
        "import { DynamoDB } from 'aws-sdk';",
        'const documents = new DynamoDB.DocumentClient();',
        'export async function readItem(TableName: string, Key: any) {',
        '  const result = await documents.get({ TableName, Key }).promise();',
        '  return result.Item;',
        '}',
        'export async function writeItem(TableName: string, Item: any) {',
        '  await documents.put({ TableName, Item }).promise();',
        '}',
      ),
      'src/handlers/claim.ts': sourceLines(
        "import { readItem, writeItem } from '../lib/store';",
        'export async function claim(alias: string, target: string) {',
        "  if (await readItem('aliases', { alias })) {",
        "    throw new Error('taken');",
        '  }',
        "  await writeItem('aliases', { alias, target });",
        "  await writeItem('audit', { alias, target });",
        "  await writeItem('aliases', { target });",
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'src/handlers/claim.ts'), ['6:writeItem']);
  });

  it('follows a helper object CommonJS exports whole (`module.exports = Dynamo`)', () => {
    const files = {
      'lambdas/common/Dynamo.js': sourceLines(
        "const AWS = require('aws-sdk');",
        'const documents = new AWS.DynamoDB.DocumentClient();',
        'const Dynamo = {',
        '  async get(ID, TableName) {',
        '    const data = await documents.get({ TableName, Key: { ID } }).promise();',
        '    return data.Item;',
        '  },',
        '  async write(data, TableName) {',
        '    await documents.put({ TableName, Item: data }).promise();',
        '    return data;',
        '  },',
        '};',
        'module.exports = Dynamo;',
      ),
      'lambdas/endpoints/score.js': sourceLines(
        "const Dynamo = require('../common/Dynamo');",
        'const tableName = process.env.tableName;',
        'exports.handler = async (event) => {',
        '  const player = await Dynamo.get(event.pathParameters.ID, tableName);',
        '  player.score += 1;',
        '  await Dynamo.write(player, tableName);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'lambdas/endpoints/score.js'), ['6:write']);
  });

  it("matches a table named by another module's exported constant, by the module it leads to", () => {
    const reader = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      "import { Tables } from './tables';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function findRoom(roomId: string) {',
      '  const { Item } = await doc.send(new GetCommand({ TableName: Tables.rooms, Key: { roomId } }));',
      '  return Item;',
      '}',
    );
    const handler = (tables: string, member: string) =>
      sourceLines(
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
        "import { findRoom } from '../lib/rooms';",
        `import { Tables } from '${tables}';`,
        'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'export const hold = async (roomId: string) => {',
        '  const room = await findRoom(roomId);',
        '  room.held = true;',
        `  await doc.send(new PutCommand({ TableName: Tables.${member}, Item: room }));`,
        '};',
      );
    const files = {
      'src/lib/tables.ts': "export const Tables = { rooms: process.env.ROOMS_TABLE!, bookings: 'bookings' };",
      'src/legacy/tables.ts': "export const Tables = { rooms: 'legacy-rooms' };",
      'src/lib/rooms.ts': reader,
      'src/handlers/hold.ts': handler('../lib/tables', 'rooms'),
    };
    assert.deepEqual(reported(files, 'src/handlers/hold.ts'), ['9:PutCommand']);
    assert.deepEqual(reported({ ...files, 'src/handlers/hold.ts': handler('../lib/tables.js', 'rooms') }, 'src/handlers/hold.ts'), ['9:PutCommand']);
    assert.deepEqual(reported({ ...files, 'src/handlers/hold.ts': handler('../lib/tables', 'bookings') }, 'src/handlers/hold.ts'), []);
    assert.deepEqual(reported({ ...files, 'src/handlers/hold.ts': handler('../legacy/tables', 'rooms') }, 'src/handlers/hold.ts'), []);
  });
});
