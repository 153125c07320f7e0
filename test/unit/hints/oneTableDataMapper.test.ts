/**
 * OneTable (dynamodb-onetable) and the DataMapper (@aws/dynamodb-data-mapper) on the DynamoDB rules: where their
 * tables, models and mappers come from, which calls are which operation, and the reads that page by themselves.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('OneTable', () => {
  const TABLE = sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { Table } from 'dynamodb-onetable';",
    "import { Schema } from './schema';",
    '',
    'export const table = new Table({ client: new DynamoDBClient({}), name: process.env.TABLE_NAME, schema: Schema });',
    "export const Account = table.getModel('Account');",
  );

  it('reads a Lambda handler whose model another module of the workspace makes: find and scan read every page', () => {
    const handler = sourceLines(
      "import { Account } from '../db/table';",
      '',
      'export const handler = async (event: { orgId: string }) => {',
      '  const members = await Account.find({ orgId: event.orgId }, { index: "gs1", limit: 50 });',
      '  const everyone = await Account.scan({});',
      '  return { statusCode: 200, body: JSON.stringify({ members, everyone }) };',
      '};',
    );
    const files = { 'src/db/table.ts': TABLE, 'src/handlers/list.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/handlers/list.ts', handler), [
      '4:find dynamodb-query',
      '4:index dynamodb-index-name',
      '4:limit dynamodb-limit',
      '5:scan dynamodb-scan',
    ]);
    // Alone, the imported name tells nothing.
    assert.deepEqual(hintsInWorkspace(undefined, 'src/handlers/list.ts', handler), []);
  });

  it('reads a service class whose field is typed as a model, and flags a consistent read of an index and a get per element', () => {
    const code = sourceLines(
      "import { Model, Table } from 'dynamodb-onetable';",
      "import { AccountType } from './schema';",
      '',
      'export class AccountService {',
      '  private readonly accounts: Model<AccountType>;',
      '',
      '  constructor(table: Table) {',
      "    this.accounts = table.getModel<AccountType>('Account');",
      '  }',
      '',
      '  async byEmail(email: string) {',
      "    return this.accounts.find<AccountType>({ email }, { index: 'gs1', consistent: true });",
      '  }',
      '',
      '  async load(ids: string[]) {',
      '    const found = [];',
      '    for (const id of ids) {',
      '      found.push(await this.accounts.get({ id }));',
      '    }',
      '    return found;',
      '  }',
      '',
      '  async rename(id: string, name: string) {',
      '    return this.accounts.update({ id, name });',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('accountService.ts', code), [
      '12:find dynamodb-query',
      '12:index dynamodb-index-name',
      '12:consistent dynamodb-consistent-read',
      '18:get dynamodb-get-item',
      '18:get dynamodb-item-loop',
      '24:update dynamodb-update-item',
      '12:consistent dynamodb-consistent-read!',
      '18:get dynamodb-item-loop!',
    ]);
  });

  it('stays quiet on reads the code pages itself, gets added to a batch or transaction, a get that falls back to a Query, and the primary index', () => {
    const code = sourceLines(
      "import { Table } from 'dynamodb-onetable';",
      '',
      'const table = new Table({ name: "app", schema: {} as any });',
      "const User = table.getModel('User');",
      '',
      'export async function listAll(accountId: string) {',
      '  const items = [];',
      '  let next;',
      '  do {',
      '    const page = await User.find({ accountId }, { limit: 25, next });',
      '    items.push(...page);',
      '    next = page.next;',
      '  } while (next);',
      '  return items;',
      '}',
      '',
      'export async function loadMany(ids: string[]) {',
      '  const batch = {};',
      '  for (const id of ids) {',
      '    await User.get({ id }, { batch });',
      '  }',
      '  return table.batchGet(batch, { parse: true });',
      '}',
      '',
      'export async function moveAll(ids: string[]) {',
      '  const transaction = {};',
      '  for (const id of ids) {',
      '    await User.remove({ id }, { transaction });',
      '  }',
      "  await table.transact('write', transaction);",
      "  return User.find({ id: ids[0] }, { index: 'primary', consistent: true });",
      '}',
      '',
      'export async function byEmails(emails: string[]) {',
      '  const found = [];',
      '  for (const email of emails) {',
      "    found.push(await User.get({ email }, { index: 'gs1', fallback: true }));",
      '  }',
      '  return found;',
      '}',
    );
    assert.deepEqual(hintsIn('users.ts', code), [
      '10:find dynamodb-query',
      '10:limit dynamodb-limit',
      '20:get dynamodb-get-item',
      '22:batchGet dynamodb-batch-get-item',
      '28:remove dynamodb-delete-item',
      '30:transact dynamodb-transact-write-items',
      '31:find dynamodb-query',
      '31:consistent dynamodb-consistent-read',
      '37:get dynamodb-get-item',
    ]);
  });

  it("reads the table's own methods, which take the model's name first", () => {
    const code = sourceLines(
      "const { Table } = require('dynamodb-onetable');",
      '',
      "const table = new Table({ name: 'app', schema: require('./schema') });",
      '',
      'exports.handler = async (event) => {',
      "  const rows = await table.find('Order', { customer: event.customer }, { index: 'gs2', consistent: true });",
      "  return table.scanItems({}, { limit: 10 });",
      '};',
    );
    assert.deepEqual(hintsIn('orders.js', code), [
      '6:find dynamodb-query',
      '6:index dynamodb-index-name',
      '6:consistent dynamodb-consistent-read',
      '7:scanItems dynamodb-scan',
      '7:limit dynamodb-limit',
      '6:consistent dynamodb-consistent-read!',
    ]);
  });
  it('reports the client a handler makes for its table on each invocation, and leaves tables of other libraries alone', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { Table } from 'dynamodb-onetable';",
      "import { Table as TypedTable } from '@typedorm/common';",
      '',
      'export const handler = async (event: { id: string }) => {',
      "  const table = new Table({ client: new DynamoDBClient({}), name: 'app', schema: {} as never });",
      "  const other = new TypedTable({ name: 'app', partitionKey: 'pk' });",
      '  await other.find({ id: event.id });',
      "  return table.getModel('User').get({ id: event.id });",
      '};',
    );
    assert.deepEqual(findingsOf(hintsIn('handler.ts', code)), ['6:DynamoDBClient lambda-client-per-invocation!']);
    assert.ok(hintsIn('handler.ts', code).includes('9:get dynamodb-get-item'));
  });
});

describe('DataMapper', () => {
  const MAPPER = sourceLines(
    "import { DataMapper } from '@aws/dynamodb-data-mapper';",
    "import DynamoDB = require('aws-sdk/clients/dynamodb');",
    '',
    'export const mapper = new DataMapper({ client: new DynamoDB({ region: process.env.AWS_REGION }) });',
  );

  it('reads a repository whose mapper another module exports: iterators read every page', () => {
    const repository = sourceLines(
      "import { equals } from '@aws/dynamodb-expressions';",
      "import { mapper } from './mapper';",
      "import { Device } from './models';",
      '',
      'export async function devicesOf(owner: string) {',
      '  const devices: Device[] = [];',
      "  for await (const device of mapper.query(Device, { owner }, { indexName: 'byOwner', readConsistency: 'strong' })) {",
      '    devices.push(device);',
      '  }',
      '  return devices;',
      '}',
      '',
      'export async function everyDevice() {',
      '  const all: Device[] = [];',
      '  for await (const device of mapper.scan(Device, { pageSize: 100 })) {',
      '    all.push(device);',
      '  }',
      '  return all;',
      '}',
      '',
      'export async function refresh(ids: string[]) {',
      '  const devices = [];',
      '  for (const id of ids) {',
      '    devices.push(await mapper.get<Device>(Object.assign(new Device(), { id })));',
      '  }',
      '  for await (const saved of mapper.batchPut(devices)) {',
      '    console.log(saved);',
      '  }',
      "  return mapper.query({ valueConstructor: Device, keyCondition: { owner: 'x' }, indexName: 'byOwner', readConsistency: 'eventual' });",
      '}',
    );
    const files = { 'src/db/mapper.ts': MAPPER, 'src/db/devices.ts': repository };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/db/devices.ts', repository), [
      '15:pageSize dynamodb-limit',
      '15:scan dynamodb-scan',
      '24:get dynamodb-get-item',
      '24:get dynamodb-item-loop',
      '24:get dynamodb-item-loop!',
      '26:batchPut dynamodb-batch-write-item',
      '29:indexName dynamodb-index-name',
      '29:query dynamodb-query',
      '29:readConsistency dynamodb-consistent-read',
      '7:indexName dynamodb-index-name',
      '7:query dynamodb-query',
      '7:readConsistency dynamodb-consistent-read',
      '7:readConsistency dynamodb-consistent-read!',
    ]);
    // Alone, the imported mapper tells nothing.
    assert.deepEqual(hintsInWorkspace(undefined, 'src/db/devices.ts', repository), []);
  });

  it('reads a mapper passed to a class, and leaves writes whose schema may add a version condition alone', () => {
    const code = sourceLines(
      "import { DataMapper } from '@aws/dynamodb-data-mapper';",
      "import { Stock } from './stock';",
      '',
      'export class StockDao {',
      '  constructor(private readonly mapper: DataMapper) {}',
      '',
      '  async saveAll(stocks: Stock[]) {',
      '    for (const stock of stocks) {',
      '      await this.mapper.put(stock);',
      '    }',
      '  }',
      '',
      '  async drop(stock: Stock) {',
      '    return this.mapper.delete(stock);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('stockDao.ts', code), ['9:put dynamodb-put-item', '14:delete dynamodb-delete-item']);
  });
});
