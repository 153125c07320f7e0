import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contributionOf, FIXTURES, fixtureModel, hintsInWorkspace, hintsOfFile, workspaceOf } from './support';

const V3_TABLE = `export const table = new sst.aws.Dynamo("Notes", {
  fields: { userId: "string", noteId: "string" },
  primaryIndex: { hashKey: "userId", rangeKey: "noteId" },
});`;

const V3_HANDLER = `import { DynamoDBClient, GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";
const client = new DynamoDBClient({});
export async function handler(id: string) {
  await client.send(new GetItemCommand({ TableName: Resource.Notes.name, Key: { id: { S: id } } }));
  await client.send(new QueryCommand({ TableName: Resource.Notes.name, IndexName: "byDate", KeyConditionExpression: "userId = :u" }));
}`;

/** The findings only, as `line:text rule!`. */
function findings(files: Record<string, string>, file: string, alone = false): string[] {
  return hintsOfFile(files, file, alone ? null : undefined).filter((hint) => hint.endsWith('!'));
}

describe('workspace index: SST', () => {
  it('reads CDK constructs that an SST v2 stack function returns as members of `use(Stack)` in another stack file', () => {
    const files = {
      'stacks/DataStack.ts': [
        'import * as dynamodb from "aws-cdk-lib/aws-dynamodb";',
        'import type { StackContext } from "sst/constructs";',
        'export function DataStack({ stack }: StackContext) {',
        '  const users = new dynamodb.Table(stack, "users", { partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING } });',
        '  const settings = { retain: true };',
        '  return { users, settings };',
        '}',
      ].join('\n'),
      'stacks/ApiStack.ts': [
        'import { Function, StackContext, use } from "sst/constructs";',
        'import { DataStack } from "./DataStack";',
        'export function ApiStack({ stack }: StackContext) {',
        '  const data = use(DataStack);',
        '  const { users } = use(DataStack);',
        '  const fn = new Function(stack, "login", { handler: "functions/login.handler" });',
        '  data.users.grantReadData(fn);',
        '  users.grantReadWriteData(fn);',
        '  data.settings.grantReadData(fn);',
        '}',
      ].join('\n'),
    };
    const grants = (view?: null) => hintsOfFile(files, 'stacks/ApiStack.ts', view).filter((hint) => hint.includes('dynamodb-grant'));
    assert.deepEqual(grants(), ['7:grantReadData dynamodb-grant', '8:grantReadWriteData dynamodb-grant']);
    assert.deepEqual(grants(null), [], 'alone, the file does not know what the stack returns');
  });

  it('reads an SST v2 Table with its keys, index, projection and stream, and exports what its stack function returns', () => {
    const model = fixtureModel('sst-v2');
    const [table] = model.tables();
    assert.equal(model.tables().length, 1);
    assert.deepEqual(
      { name: table.logicalName, format: table.format, partitionKey: table.partitionKey, sortKey: table.sortKey, billing: table.billingMode, stream: table.streamViewType, known: table.indexesKnown },
      { name: 'Notes', format: 'sst', partitionKey: { name: 'userId', type: 'S' }, sortKey: { name: 'noteId', type: 'S' }, billing: 'PAY_PER_REQUEST', stream: 'NEW_AND_OLD_IMAGES', known: true },
    );
    assert.deepEqual(
      table.indexes.map(({ name, kind, partitionKey, sortKey, projection }) => ({ name, kind, partitionKey, sortKey, projection })),
      [{ name: 'createdAtIndex', kind: 'gsi', partitionKey: { name: 'userId', type: 'S' }, sortKey: { name: 'createdAt', type: 'N' }, projection: { type: 'KEYS_ONLY', attributes: [] } }],
    );
    assert.deepEqual(model.contributionOf('stacks/StorageStack.ts')?.sstExports, { 'StorageStack.table': 'Notes' });
  });

  it('links v2 handlers to the table through `Table.Notes.tableName` and through an Api default environment set from `use()` in another stack file', () => {
    const model = fixtureModel('sst-v2');
    assert.deepEqual(
      model.functions().map((fn) => [fn.logicalName, fn.handler, fn.codePathsFromApp]),
      [
        ['GET /notes', 'list.main', ['packages/functions/src']],
        ['GET /notes/{id}', 'get.main', ['packages/functions/src']],
        ['Cleanup', 'cleanup.handler', ['packages/functions/src']],
      ],
    );
    assert.equal(model.resolveTable('packages/functions/src/list.ts', { kind: 'sst', name: 'Notes' })?.logicalName, 'Notes');
    assert.equal(model.resolveTable('packages/functions/src/get.ts', { kind: 'env', variable: 'NOTES_TABLE' })?.logicalName, 'Notes');
    // The cleanup function is not given the variable.
    assert.equal(model.resolveTable('packages/functions/src/cleanup.ts', { kind: 'env', variable: 'NOTES_TABLE' }), undefined);
  });

  it('reads an SST v3 Dynamo and links `Resource.Notes.name` and an environment set from a table imported from another file', () => {
    const model = fixtureModel('sst-v3');
    const [table] = model.tables();
    assert.deepEqual(
      { name: table.logicalName, ttl: table.ttlAttribute, stream: table.streamViewType, indexes: table.indexes.map((index) => [index.name, index.partitionKey.name, index.sortKey?.name, index.projection]) },
      { name: 'Notes', ttl: 'expireAt', stream: 'NEW_AND_OLD_IMAGES', indexes: [['CreatedAtIndex', 'userId', 'createdAt', { type: 'INCLUDE', attributes: ['title'] }]] },
    );
    assert.deepEqual(model.functions()[0].environment, { NOTES_TABLE: { kind: 'exported', module: './storage', path: 'table' } });
    assert.equal(model.resolveTable('packages/functions/src/worker.ts', { kind: 'env', variable: 'NOTES_TABLE' }), table);
    assert.equal(model.resolveTable('packages/functions/src/list.ts', { kind: 'sst', name: 'Notes' }), table);
  });

  it('runs the key schema and index checks on handler code that names an SST table', () => {
    const files = { 'infra/storage.ts': V3_TABLE, 'src/get.ts': V3_HANDLER };
    assert.deepEqual(findings(files, 'src/get.ts'), [
      '5:Key dynamodb-workspace-key-attributes!',
      '5:id dynamodb-workspace-key-attributes!',
      '6:"byDate" dynamodb-workspace-index-undefined!',
      '6:QueryCommand dynamodb-query!',
    ]);
    assert.deepEqual(findings(files, 'src/get.ts', true), ['6:QueryCommand dynamodb-query!']);
  });

  it('links nothing that only looks like SST: a local `Table`, a `Resource` not from sst, a name two apps share, a Table not from sst/constructs', () => {
    const cleanup = 'packages/functions/src/cleanup.ts';
    const hovers = hintsInWorkspace(fixtureModel('sst-v2'), cleanup, fs.readFileSync(path.join(FIXTURES, 'sst-v2', cleanup), 'utf8'));
    assert.deepEqual(hovers, hintsInWorkspace(undefined, cleanup, fs.readFileSync(path.join(FIXTURES, 'sst-v2', cleanup), 'utf8')));
    const notSst = V3_HANDLER.replace('import { Resource } from "sst";', 'import { Resource } from "./resources";');
    assert.deepEqual(findings({ 'infra/storage.ts': V3_TABLE, 'src/get.ts': notSst }, 'src/get.ts'), ['6:QueryCommand dynamodb-query!']);
    const twoApps = { 'a/infra/storage.ts': V3_TABLE, 'b/infra/storage.ts': V3_TABLE, 'a/src/get.ts': V3_HANDLER };
    assert.equal(workspaceOf(twoApps).resolveTable('a/src/get.ts', { kind: 'sst', name: 'Notes' }), undefined);
    const ownTable = `import { Table } from "./constructs";\nimport { Api } from "sst/constructs";\nexport function S({ stack }) { new Table(stack, "Notes", { fields: { id: "string" }, primaryIndex: { partitionKey: "id" } }); }`;
    assert.deepEqual(contributionOf('stacks/S.ts', ownTable)?.tables ?? [], []);
  });

  it('leaves unread what SST props do not say literally: a spread, a transform, a computed handler, composite keys', () => {
    const spread = `export const t = new sst.aws.Dynamo("T", { ...base, fields: { a: "string" }, primaryIndex: { hashKey: "a" } });`;
    assert.equal(contributionOf('infra/t.ts', spread)?.tables[0].indexesKnown, false);
    const transformed = `export const t = new sst.aws.Dynamo("T", { fields: { a: "string" }, primaryIndex: { hashKey: "a" }, transform: { table: (args) => {} } });`;
    const table = contributionOf('infra/t.ts', transformed)?.tables[0];
    assert.deepEqual([table?.indexesKnown, table?.billingMode], [false, undefined]);
    const composite = `export const t = new sst.aws.Dynamo("T", { fields: { a: "string", b: "string" }, primaryIndex: { hashKey: "a" }, globalIndexes: { ab: { hashKey: ["a", "b"] } } });`;
    assert.deepEqual([contributionOf('infra/t.ts', composite)?.tables[0].indexes, contributionOf('infra/t.ts', composite)?.tables[0].indexesKnown], [[], false]);
    const computed = 'export const f = new sst.aws.Function("F", { handler: `src/${name}.handler` });';
    assert.equal(contributionOf('infra/f.ts', computed), undefined);
  });
});
