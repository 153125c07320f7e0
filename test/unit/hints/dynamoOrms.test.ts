/**
 * dynamoose, ElectroDB and dynamodb-toolbox (JavaScript and TypeScript) on the DynamoDB rules: where their
 * models and entities come from (the same file, a class field, a constructor argument, another module of
 * the workspace), which calls are which operation, when a Query or Scan reads one page only, and the
 * look-alikes that stay quiet.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('dynamoose', () => {
  const ORDER_MODEL = sourceLines(
    "import * as dynamoose from 'dynamoose';",
    '',
    'const orderSchema = new dynamoose.Schema({',
    '  id: { type: String, hashKey: true },',
    "  customerId: { type: String, index: { name: 'byCustomer', type: 'global' } },",
    '});',
    '',
    "export const Order = dynamoose.model('Order', orderSchema);",
  );

  it('reads a Lambda handler that imports its model from another module of the workspace', () => {
    const handler = sourceLines(
      "import { Order } from '../models/order';",
      '',
      'export const listOrders = async () => {',
      '  const orders = await Order.scan().exec();',
      '  return { statusCode: 200, body: JSON.stringify(orders) };',
      '};',
    );
    const files = { 'src/models/order.ts': ORDER_MODEL, 'src/handlers/listOrders.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/handlers/listOrders.ts', handler), ['4:scan dynamodb-scan', '4:scan dynamodb-scan!']);
    // Alone, the imported name tells nothing.
    assert.deepEqual(hintsInWorkspace(undefined, 'src/handlers/listOrders.ts', handler), []);
  });

  it('follows a CommonJS module that exports the model itself', () => {
    const model = sourceLines("const dynamoose = require('dynamoose');", '', "module.exports = dynamoose.model('User', new dynamoose.Schema({ id: String }));");
    const handler = sourceLines("const User = require('../models/user');", '', 'exports.handler = async () => User.scan().exec();');
    const files = { 'models/user.js': model, 'functions/users.js': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'functions/users.js', handler), ['3:scan dynamodb-scan', '3:scan dynamodb-scan!']);
  });

  it('reads a repository class: one page where .exec() sends the read, every page with .all()', () => {
    const code = sourceLines(
      ORDER_MODEL,
      'export class OrderRepository {',
      '  private readonly model = Order;',
      '',
      '  async list() {',
      '    return this.model.scan().exec();',
      '  }',
      '',
      '  async listAll() {',
      '    return this.model.scan().all().exec();',
      '  }',
      '',
      '  async forCustomer(customerId: string) {',
      "    return this.model.query('customerId').eq(customerId).using('byCustomer').exec();",
      '  }',
      '',
      '  async latest(customerId: string) {',
      "    return this.model.query('customerId').eq(customerId).using('byCustomer').limit(5).exec();",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('orderRepository.ts', code), [
      '4:hashKey dynamodb-key-schema',
      '5:index dynamodb-secondary-index-definition',
      '8:model dynamodb-billing-mode',
      '14:scan dynamodb-scan',
      '18:scan dynamodb-scan',
      '22:query dynamodb-query',
      "22:'byCustomer' dynamodb-index-name",
      '26:query dynamodb-query',
      "26:'byCustomer' dynamodb-index-name",
      '26:5 dynamodb-limit',
      '14:scan dynamodb-scan!',
      '22:query dynamodb-query!',
    ]);
  });

  it('reads a model passed to a service class, its items, and the batch methods', () => {
    const code = sourceLines(
      "const dynamoose = require('dynamoose');",
      '',
      "const Cat = dynamoose.model('Cat', new dynamoose.Schema({ id: Number, name: String }));",
      '',
      'class CatService {',
      '  constructor(model) {',
      '    this.model = model;',
      '  }',
      '  async rename(id, name) {',
      '    const cat = await this.model.get({ id });',
      '    cat.name = name;',
      '    await cat.save();',
      '  }',
      '  async adopt(ids) {',
      '    return this.model.batchGet(ids.map((id) => ({ id })));',
      '  }',
      '  async adoptAll(ids) {',
      '    const result = await this.model.batchGet(ids.map((id) => ({ id })));',
      '    if (result.unprocessedKeys.length > 0) throw new Error("retry");',
      '    return result;',
      '  }',
      '}',
      '',
      'module.exports = new CatService(Cat);',
    );
    assert.deepEqual(hintsIn('catService.js', code), [
      '3:model dynamodb-billing-mode',
      '10:get dynamodb-get-item',
      '12:save dynamodb-put-item',
      '12:save dynamodb-read-modify-write',
      '15:batchGet dynamodb-batch-get-item',
      '18:batchGet dynamodb-batch-get-item',
      '12:save dynamodb-read-modify-write!',
      '15:batchGet dynamodb-batch-get-item!',
    ]);
  });

  it('reads a NestJS service whose model nestjs-dynamoose injects, by its declared Model type', () => {
    const code = sourceLines(
      "import { Injectable } from '@nestjs/common';",
      "import { InjectModel, Model } from 'nestjs-dynamoose';",
      "import { Todo, TodoKey } from './todo.interface';",
      '',
      '@Injectable()',
      'export class TodosService {',
      "  constructor(@InjectModel('Todo') private readonly todoModel: Model<Todo, TodoKey>) {}",
      '',
      '  findByUser(userId: string) {',
      "    return this.todoModel.query('userId').eq(userId).exec();",
      '  }',
      '',
      '  async findPage(limit: number, lastKey?: TodoKey) {',
      '    const todos = await this.todoModel.scan().startAt(lastKey).limit(limit).exec();',
      '    return { todos, lastKey: todos.lastKey };',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('todos.service.ts', code), ['10:query dynamodb-query', '14:scan dynamodb-scan', '14:limit dynamodb-limit', '10:query dynamodb-query!']);
  });

  it("reads a Scan's condition (its argument, a filter or where step) as its FilterExpression, with the Limit it comes after; not a Query's", () => {
    const code = sourceLines(
      ORDER_MODEL,
      'export async function open() {',
      "  return Order.scan('status').eq('OPEN').limit(100).exec();",
      '}',
      'export async function mine(owner: string) {',
      '  return Order.scan({ owner: { eq: owner } }).all().exec();',
      '}',
      'export async function recent(owner: string) {',
      "  return Order.scan().where('owner').eq(owner).limit(20).exec();",
      '}',
      'export async function everything() {',
      '  return Order.scan({}).limit(25).all().exec();',
      '}',
      'export async function ofCustomer(id: string) {',
      "  return Order.query('customerId').eq(id).where('status').eq('OPEN').limit(10).all().exec();",
      '}',
    );
    assert.deepEqual([...hintsIn('orders.ts', code)].sort(), [
      "11:'status' dynamodb-filter-expression",
      "11:'status' dynamodb-filter-expression!",
      '11:100 dynamodb-limit',
      '11:100 dynamodb-limit!',
      '11:scan dynamodb-scan',
      '11:scan dynamodb-scan!',
      '14:scan dynamodb-scan',
      '14:{ owner: { eq: owner } } dynamodb-filter-expression',
      '14:{ owner: { eq: owner } } dynamodb-filter-expression!',
      "17:'owner' dynamodb-filter-expression",
      "17:'owner' dynamodb-filter-expression!",
      '17:20 dynamodb-limit',
      '17:20 dynamodb-limit!',
      '17:scan dynamodb-scan',
      '17:scan dynamodb-scan!',
      '20:25 dynamodb-limit',
      '20:scan dynamodb-scan',
      '23:10 dynamodb-limit',
      '23:query dynamodb-query',
      '4:hashKey dynamodb-key-schema',
      '5:index dynamodb-secondary-index-definition',
    '8:model dynamodb-billing-mode',
    ].sort());
  });

  it("reads the items a Query or Scan returns (an element of exec()'s result, also through a method) and the item create() gives as items whose save() and delete() write", () => {
    const code = sourceLines(
      ORDER_MODEL,
      'export class OrderService {',
      '  async create(data: object) {',
      '    return await (await Order.create(data)).save();',
      '  }',
      '  async find(id: string) {',
      '    return (await Order.query({ id }).exec())?.[0];',
      '  }',
      '  async rename(id: string, name: string) {',
      '    const order = await this.find(id);',
      '    order.name = name;',
      '    return order.save();',
      '  }',
      '  async drop(customerId: string) {',
      "    const rows = await Order.query('customerId').eq(customerId).using('byCustomer').all().exec();",
      '    const first = rows[0];',
      '    await first.delete();',
      '    return rows.count;',
      '  }',
      '}',
      'export function pending(list: Array<{ save(): Promise<void> }>) {',
      '  return list[0].save();',
      '}',
    );
    const writes = hintsIn('orders.ts', code).filter((hint) => /dynamodb-(put|delete)-item$/.test(hint));
    assert.deepEqual(writes, ['12:create dynamodb-put-item', '12:save dynamodb-put-item', '20:save dynamodb-put-item', '25:delete dynamodb-delete-item']);
  });

  it('finds a dynamoose item read with get(), changed and saved back with no condition, not one saved unchanged or made new', () => {
    const code = sourceLines(
      ORDER_MODEL,
      'export async function rename(id: string, name: string) {',
      '  const order = await Order.get(id);',
      '  order.name = name;',
      '  await order.save();',
      '}',
      'export async function reject(id: string, index: number) {',
      '  let order = await Order.get(id);',
      "  order.lines[index].status = 'REJECTED';",
      '  await order.save();',
      '  order = await format(order);',
      '  return order;',
      '}',
      'export async function merge(id: string, data: object) {',
      '  const order = await Order.get(id);',
      '  Object.assign(order, data);',
      '  return order.save();',
      '}',
      'export async function touch(id: string) {',
      '  const order = await Order.get(id);',
      '  return order.save();',
      '}',
      'export async function fresh(id: string, name: string) {',
      '  const order = new Order({ id, name });',
      '  order.name = name.trim();',
      '  return order.save();',
      '}',
      'async function format(order: object) {',
      '  return order;',
      '}',
    );
    assert.deepEqual(findingsOf(hintsIn('orders.ts', code)).filter((hint) => hint.endsWith('dynamodb-read-modify-write!')), [
      '13:save dynamodb-read-modify-write!',
      '18:save dynamodb-read-modify-write!',
      '25:save dynamodb-read-modify-write!',
    ]);
  });

  it('stays quiet where the code pages itself, keeps the builder, or is a test', () => {
    const code = sourceLines(
      ORDER_MODEL,
      'export async function page(startKey?: object) {',
      '  const rows = await Order.scan().limit(50).startAt(startKey).exec();',
      '  return { rows, next: rows.lastKey };',
      '}',
      '',
      'export function pending() {',
      "  const query = Order.query('customerId').eq('c1');",
      '  return query;',
      '}',
    );
    assert.deepEqual(hintsIn('orders.ts', code), [
      '4:hashKey dynamodb-key-schema',
      '5:index dynamodb-secondary-index-definition',
      '8:model dynamodb-billing-mode',
      '11:scan dynamodb-scan',
      '11:50 dynamodb-limit',
      '16:query dynamodb-query',
    ]);
    const test = sourceLines(ORDER_MODEL, "it('lists orders', async () => {", '  const rows = await Order.scan().exec();', '  expect(rows).toHaveLength(2);', '});');
    assert.deepEqual(findingsOf(hintsIn('orders.test.ts', test)), []);
  });
});

describe('ElectroDB', () => {
  const TASKS = sourceLines(
    "import { Entity } from 'electrodb';",
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    '',
    'const client = new DynamoDBClient({});',
    '',
    'export const TaskEntity = new Entity(',
    "  { model: { entity: 'task', version: '1', service: 'taskapp' }, attributes: {}, indexes: {} },",
    '  { table: process.env.TABLE_NAME, client },',
    ');',
  );

  it('reads one page where the result is read as version 2 reads it, and no pages, count or cursor ask for more', () => {
    const code = sourceLines(
      TASKS,
      'export async function handler(event: { project: string }) {',
      '  const { data } = await TaskEntity.query.byProject({ project: event.project }).go();',
      "  const everything = await TaskEntity.query.byProject({ project: event.project }).go({ pages: 'all' });",
      '  const open = await TaskEntity.scan.where(({ status }, { eq }) => eq(status, "open")).go({ count: 50 });',
      '  const some = await TaskEntity.scan.go({ limit: 500, consistent: true });',
      '  return [data, everything.data, open.data, some.data];',
      '}',
    );
    assert.deepEqual(hintsIn('tasks.ts', code), [
      '12:query dynamodb-query',
      '13:query dynamodb-query',
      '14:scan dynamodb-scan',
      '14:where dynamodb-filter-expression',
      '15:scan dynamodb-scan',
      '15:limit dynamodb-limit',
      '15:consistent dynamodb-consistent-read',
      '12:query dynamodb-query!',
      '14:where dynamodb-filter-expression!',
      '15:scan dynamodb-scan!',
    ]);
  });

  it("reads a service's entities and collections, imported from another module", () => {
    const service = sourceLines(
      "import { Entity, Service } from 'electrodb';",
      "const Employee = new Entity({ model: { entity: 'employee', version: '1', service: 'hr' }, attributes: {}, indexes: {} });",
      "const Office = new Entity({ model: { entity: 'office', version: '1', service: 'hr' }, attributes: {}, indexes: {} });",
      "export const HR = new Service({ employee: Employee, office: Office }, { table: 'hr' });",
    );
    const handler = sourceLines(
      "import { HR } from '../db/service';",
      '',
      'export const handler = async (event: { office: string }) => {',
      '  const res = await HR.collections.workplaces({ office: event.office }).go();',
      '  const { data } = await HR.entities.employee.query.coworkers({ office: event.office }).go();',
      '  await HR.entities.office.put([{ office: "a" }, { office: "b" }]).go();',
      '  return [res.data, data];',
      '};',
    );
    const files = { 'src/db/service.ts': service, 'src/functions/office.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/functions/office.ts', handler), [
      '4:workplaces dynamodb-query',
      '4:workplaces dynamodb-query!',
      '5:query dynamodb-query',
      '5:query dynamodb-query!',
      '6:put dynamodb-batch-write-item',
      '6:put dynamodb-batch-write-item!',
    ]);
  });

  it("leaves a Query of one item's whole key unflagged: a main-table index whose sort key has no composite attributes, or no sort key", () => {
    const models = sourceLines(
      "import { Entity, Service } from 'electrodb';",
      'export const Member = new Entity({',
      "  model: { entity: 'member', version: '1', service: 'club' },",
      '  attributes: {},',
      '  indexes: {',
      "    byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } },",
      "    byTeam: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['team'] }, sk: { field: 'gsi1sk', composite: [] } },",
      '  },',
      '});',
      'const Visit = new Entity({',
      "  model: { entity: 'visit', version: '1', service: 'club' },",
      '  attributes: {},',
      "  indexes: { byMember: { pk: { field: 'pk', composite: ['memberId'] }, sk: { field: 'sk', composite: ['at'] } }, byCard: { pk: { field: 'card', composite: ['card'] } } },",
      '});',
      "export const Club = new Service({ members: Member, visits: Visit }, { table: 'club' });",
    );
    const handler = sourceLines(
      "import { Club, Member } from './models';",
      '',
      'export async function lookups(email: string, team: string, memberId: string, card: string) {',
      '  const one = await Member.query.byEmail({ email }).go();',
      '  const same = await Club.entities.members.query.byEmail({ email }).go();',
      '  const byCard = await Club.entities.visits.query.byCard({ card }).go();',
      '  const teamMembers = await Club.entities.members.query.byTeam({ team }).go();',
      '  const visits = await Club.entities.visits.query.byMember({ memberId }).go();',
      '  return [one.data, same.data, byCard.data, teamMembers.data, visits.data];',
      '}',
    );
    const files = { 'src/models.ts': models, 'src/lookups.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/lookups.ts', handler), [
      '4:query dynamodb-query',
      '5:query dynamodb-query',
      '6:query dynamodb-query',
      '7:query dynamodb-query',
      '7:query dynamodb-query!',
      '8:query dynamodb-query',
      '8:query dynamodb-query!',
    ]);
    // The same file reads its own entities' indexes.
    const local = sourceLines(models, 'export const find = async (email: string) => (await Member.query.byEmail({ email }).go()).data;');
    assert.deepEqual(hintsIn('models.ts', local), ['17:query dynamodb-query']);
  });

  it('leaves a Query whose data only gives its first item unflagged when nothing filters it: that item is on the first page', () => {
    const code = sourceLines(
      "import { Entity } from 'electrodb';",
      "const Link = new Entity({ model: { entity: 'link', version: '1', service: 'bank' }, attributes: {}, indexes: {} }, { table: 'bank' });",
      'export async function first(owner: string) {',
      '  const result = await Link.query.byOwner({ owner }).go();',
      '  return result.data.at(0);',
      '}',
      'export async function firstOrNone(owner: string) {',
      '  const links = await Link.query.byOwner({ owner }).go();',
      '  if (!links.data.length) return undefined;',
      '  return links.data[0];',
      '}',
      'export async function inPlace(owner: string) {',
      '  return (await Link.query.byOwner({ owner }).go()).data[0];',
      '}',
      'export async function filtered(owner: string) {',
      "  const { data } = await Link.query.byOwner({ owner }).where(({ state }, { eq }) => eq(state, 'on')).go();",
      '  return data[0];',
      '}',
      'export async function firstThenAll(owner: string) {',
      '  const links = await Link.query.byOwner({ owner }).go();',
      '  console.log(links.data[0]);',
      '  return links.data;',
      '}',
    );
    assert.deepEqual(findingsOf(hintsIn('links.ts', code)), ['16:query dynamodb-query!', '20:query dynamodb-query!']);
  });

  it("reads a service's transactions as TransactWriteItems and TransactGetItems, and leaves look-alikes alone", () => {
    const code = sourceLines(
      "import { Entity, Service } from 'electrodb';",
      "const Order = new Entity({ model: { entity: 'order', version: '1', service: 'shop' }, attributes: {}, indexes: {} });",
      "const Stock = new Entity({ model: { entity: 'stock', version: '1', service: 'shop' }, attributes: {}, indexes: {} });",
      "const Shop = new Service({ orders: Order, stock: Stock }, { table: 'shop' });",
      '',
      'export async function place(order: { id: string; sku: string }) {',
      '  await Shop.transaction',
      '    .write(({ orders, stock }) => [orders.put(order).commit(), stock.patch({ sku: order.sku }).add({ reserved: 1 }).commit()])',
      '    .go();',
      '  return Shop.transaction.get(({ orders }) => [orders.get({ id: order.id }).commit()]).go();',
      '}',
      '',
      'export function later(cache: { transaction: { write(cb: unknown): unknown } }) {',
      '  const request = Shop.transaction.write(({ orders }) => [orders.delete({ id: "a" }).commit()]).params();',
      '  return [request, cache.transaction.write(() => [])];',
      '}',
    );
    const found = hintsIn('shop.ts', code);
    assert.ok(found.includes('8:write dynamodb-transact-write-items'), found.join('\n'));
    assert.ok(found.includes('10:get dynamodb-transact-get-items'), found.join('\n'));
    // The entities the callback gets are no calls of their own; another object's transaction is no ElectroDB service.
    assert.ok(!found.some((hint) => /^(?:8|10):(?:put|patch|get) dynamodb-(?:put|update|get)-item/.test(hint)), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('15:')), found.join('\n'));
  });

  it("reads the API parameters a go() passes through in params, and the consistent option, on items and queries", () => {
    const code = sourceLines(
      TASKS,
      'export async function load(taskId: string, project: string, extra: Record<string, unknown>) {',
      '  const one = await TaskEntity.get({ taskId }).go({ params: { ConsistentRead: true } });',
      '  const two = await TaskEntity.get({ taskId }).go({ consistent: true });',
      "  const all = await TaskEntity.query.byProject({ project }).go({ pages: 'all', params: { ConsistentRead: true } });",
      '  const opaque = await TaskEntity.get({ taskId }).go({ params: extra });',
      '  const other = { params: { ConsistentRead: true } };',
      '  return [one, two, all, opaque, other];',
      '}',
    );
    const found = hintsIn('tasks.ts', code);
    assert.ok(found.includes('12:ConsistentRead dynamodb-consistent-read'), found.join('\n'));
    assert.ok(found.includes('13:consistent dynamodb-consistent-read'), found.join('\n'));
    assert.ok(found.includes('14:ConsistentRead dynamodb-consistent-read'), found.join('\n'));
    assert.ok(!found.some((hint) => /^(?:15|16):/.test(hint) && hint.includes('consistent')), found.join('\n'));
  });

  it("reads an entity that a factory of another module builds on each call (`Orders().get(...)`)", () => {
    const model = sourceLines(
      "import { Entity } from 'electrodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'let shared: DynamoDBClient | undefined;',
      '',
      'export const Orders = () => {',
      '  shared ??= new DynamoDBClient({});',
      "  return new Entity({ model: { entity: 'order', version: '1', service: 'shop' }, attributes: {}, indexes: {} }, { client: shared, table: 'shop' });",
      '};',
      '',
      "export const labels = () => ({ get: (key: { id: string }) => `#${key.id}` });",
    );
    const service = sourceLines(
      "import { Orders, labels } from '../models/orders';",
      '',
      'export async function load(id: string, customer: string) {',
      '  const one = await Orders().get({ id }).go();',
      '  const { data } = await Orders().query.byCustomer({ customer }).go();',
      '  return [one.data, data, labels().get({ id })];',
      '}',
    );
    const files = { 'src/models/orders.ts': model, 'src/services/orders.ts': service };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/services/orders.ts', service), [
      '4:get dynamodb-get-item',
      '5:query dynamodb-query',
      '5:query dynamodb-query!',
    ]);
  });

  it('reads a dynamoose model and a OneTable model that a factory of another module returns', () => {
    const models = sourceLines(
      "import dynamoose from 'dynamoose';",
      "import { Table } from 'dynamodb-onetable';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      "export const Pets = () => dynamoose.model('Pet', { id: String });",
      'const table = new Table({ client: new DynamoDBClient({}), name: process.env.TABLE, schema: {} as never });',
      'export function Owners() {',
      "  return table.getModel('Owner');",
      '}',
    );
    const handler = sourceLines(
      "import { Owners, Pets } from './models';",
      '',
      'export async function load(id: string) {',
      '  const pet = await Pets().get({ id });',
      '  const all = await Pets().scan().exec();',
      '  const owner = await Owners().get({ id });',
      '  return [pet, all, owner];',
      '}',
    );
    const files = { 'src/models.ts': models, 'src/handler.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/handler.ts', handler), [
      '4:get dynamodb-get-item',
      '5:scan dynamodb-scan',
      '5:scan dynamodb-scan!',
      '6:get dynamodb-get-item',
    ]);
  });

  it('reads create, update, patch, upsert and remove of an item a variable holds, and a batch an array method builds', () => {
    const code = sourceLines(
      TASKS,
      'export async function save(task: { taskId: string }, rows: { taskId: string }[], either: unknown) {',
      '  await TaskEntity.create(task).go();',
      "  await TaskEntity.patch(task).set({ status: 'done' }).go();",
      '  await TaskEntity.remove(task).go();',
      '  await TaskEntity.put(',
      '    rows.map((row) => ({ ...row, imported: true })),',
      '  ).go();',
      '  await TaskEntity.delete(rows.filter((row) => row.taskId !== task.taskId)).go();',
      '  await TaskEntity.put(either).go();',
      '  await TaskEntity.get(either).go();',
      '  await TaskEntity.upsert(either).go();',
      '}',
    );
    assert.deepEqual(hintsIn('save.ts', code), [
      '12:create dynamodb-put-item',
      '13:patch dynamodb-update-item',
      '14:remove dynamodb-delete-item',
      '15:put dynamodb-batch-write-item',
      '18:delete dynamodb-batch-write-item',
      '21:upsert dynamodb-update-item',
      '15:put dynamodb-batch-write-item!',
      '18:delete dynamodb-batch-write-item!',
    ]);
  });

  it('reads a batch whose keys a const holds (an array method or literal) or a parameter declared as an array, and a const single key; a let stays unread', () => {
    const code = sourceLines(
      TASKS,
      'export async function purge(rows: { taskId: string }[], one: { taskId: string }) {',
      '  const keys = rows.map((row) => ({ taskId: row.taskId }));',
      '  await TaskEntity.delete(keys).go();',
      '  const pair = [{ taskId: "a" }, { taskId: "b" }];',
      '  const { data } = await TaskEntity.get(pair).go();',
      '  let later = rows.filter((row) => row.taskId !== "a");',
      '  later = rows[0] as never;',
      '  await TaskEntity.delete(later).go();',
      '  const single = { taskId: one.taskId };',
      '  await TaskEntity.delete(single).go();',
      '  await TaskEntity.put(rows).go();',
      '  return data;',
      '}',
      'export async function retried(rows: { taskId: string }[]) {',
      '  const copies = rows.map((row) => ({ ...row }));',
      '  const checked = await TaskEntity.put(copies).go();',
      '  if (checked.unprocessed.length) throw new Error("retry");',
      '}',
    );
    assert.deepEqual(hintsIn('purge.ts', code), [
      '13:delete dynamodb-batch-write-item',
      '15:get dynamodb-batch-get-item',
      '20:delete dynamodb-delete-item',
      '21:put dynamodb-batch-write-item',
      '26:put dynamodb-batch-write-item',
      '13:delete dynamodb-batch-write-item!',
      '15:get dynamodb-batch-get-item!',
      '21:put dynamodb-batch-write-item!',
    ]);
  });

  it('reads one page where a then callback takes the result as version 2 gives it, and none where it reads the first item only', () => {
    const code = sourceLines(
      TASKS,
      'export const tasksOf = async (project: string) =>',
      '  TaskEntity.query.byProject({ project }).go().then(({ data }) => data);', // 12
      'export const firstOf = async (project: string) =>',
      '  TaskEntity.query.byProject({ project }).go().then(({ data }) => (data.length > 0 ? data[0] : null));', // 14
      'export const clear = async (project: string) =>',
      '  TaskEntity.query.byProject({ project }).go().then(async ({ data: rows }) => {', // 16
      '    for (const row of rows) await TaskEntity.remove({ taskId: row.taskId }).go();',
      '  });',
      'export const allOf = async (project: string) =>',
      "  TaskEntity.query.byProject({ project }).go({ pages: 'all' }).then(({ data }) => data);", // 20
      'export const paged = async (project: string, cursor?: string) =>',
      '  TaskEntity.query.byProject({ project }).go({ cursor }).then(({ data, cursor: next }) => ({ data, next }));', // 22
      'export const raw = async (project: string) => TaskEntity.query.byProject({ project }).go().then((result) => result);', // 23
    );
    assert.deepEqual(findingsOf(hintsIn('tasks.ts', code)).filter((hint) => hint.endsWith('dynamodb-query!')), ['12:query dynamodb-query!', '16:query dynamodb-query!']);
  });

  it('reads the declared type of the name a write takes: an array type is a batch, a typed const object or an ElectroDB item type one item', () => {
    const code = sourceLines(
      TASKS,
      'type Row = { taskId: string };',
      'export async function store(rows: Array<Row>, more: readonly Row[], byId: Map<string, Row[]>, maybe?: Row[]) {',
      '  await TaskEntity.put(rows).go();',
      '  await TaskEntity.put(more).go();',
      '  await TaskEntity.put(maybe ?? []).go();',
      '  const one: Row = { taskId: "t1" };',
      '  await TaskEntity.put(one).go();',
      '  const cast = { taskId: "t2" } as unknown as Row[];',
      '  await TaskEntity.put(cast).go();',
      '  await TaskEntity.put(byId).go();',
      '}',
      'export async function checked(rows: Row[]) {',
      '  const listed: Row[] = [...rows];',
      '  const { unprocessed } = await TaskEntity.put(listed).go();',
      '  return unprocessed;',
      '}',
      'export const one = (input: EntityItem<typeof TaskEntity>) => TaskEntity.put(input).go();',
      'export const many = (inputs: EntityItem<typeof TaskEntity>[]) => TaskEntity.put(inputs).go();',
      'export const mapped = (byId: Record<string, EntityItem<typeof TaskEntity>>) => TaskEntity.put(byId).go();',
    );
    assert.deepEqual(hintsIn('store.ts', code), [
      '13:put dynamodb-batch-write-item',
      '14:put dynamodb-batch-write-item',
      '17:put dynamodb-put-item',
      '24:put dynamodb-batch-write-item',
      '27:put dynamodb-put-item',
      '28:put dynamodb-batch-write-item',
      '13:put dynamodb-batch-write-item!',
      '14:put dynamodb-batch-write-item!',
      '28:put dynamodb-batch-write-item!',
    ]);
  });

  it('reads a name typed by an alias of an ElectroDB item type, or by an object type written out, as one item', () => {
    const code = sourceLines(
      TASKS,
      'type TaskItem = EntityItem<typeof TaskEntity>;',
      'type TaskRows = EntityItem<typeof TaskEntity>[];',
      'export const one = (input: TaskItem) => TaskEntity.put(input).go();',
      'export const many = (inputs: TaskRows) => TaskEntity.put(inputs).go();',
      'export async function setLimit(data: { taskId: string; limit: number }) {',
      '  await TaskEntity.put(data).go();',
      '}',
      'export async function setLimits(rows: { taskId: string }[], either: { taskId: string } | { taskId: string }[]) {',
      '  await TaskEntity.put(rows).go();',
      '  await TaskEntity.put(either).go();',
      '}',
    );
    assert.deepEqual(hintsIn('limits.ts', code), ['13:put dynamodb-put-item', '16:put dynamodb-put-item', '19:put dynamodb-batch-write-item', '19:put dynamodb-batch-write-item!']);
  });

  it('reads a batch a const holds, bound to an array literal or an array method\'s result, and no other name (an object type is one item)', () => {
    const code = sourceLines(
      TASKS,
      'export async function purge(project: string, ids: string[], picked: { taskId: string }) {',
      "  const all = await TaskEntity.query.byProject({ project }).go({ pages: 'all' });",
      '  const keys = all.data.map((task) => ({ taskId: task.taskId }))',
      '  await TaskEntity.delete(keys).go();',
      '  const listed = [{ taskId: ids[0] }, { taskId: ids[1] }];',
      '  const found = await TaskEntity.get(listed).go();',
      '  const first = all.data[0];',
      '  await TaskEntity.delete(first).go();',
      '  let later = all.data.map((task) => ({ taskId: task.taskId }));',
      '  later = [];',
      '  await TaskEntity.put(later).go();',
      '  await TaskEntity.put(picked).go();',
      '  return found.data;',
      '}',
      'export async function purgeChecked(rows: { taskId: string }[]) {',
      '  const keys = rows.map((row) => ({ taskId: row.taskId }));',
      '  const { unprocessed } = await TaskEntity.delete(keys).go();',
      '  return unprocessed;',
      '}',
    );
    assert.deepEqual(hintsIn('purge.ts', code), [
      '12:query dynamodb-query',
      '14:delete dynamodb-batch-write-item',
      '16:get dynamodb-batch-get-item',
      '22:put dynamodb-put-item',
      '27:delete dynamodb-batch-write-item',
      '14:delete dynamodb-batch-write-item!',
      '16:get dynamodb-batch-get-item!',
    ]);
  });

  it("reads a where step as a write's ConditionExpression and a read's FilterExpression, and not on a batch", () => {
    const code = sourceLines(
      TASKS,
      'export async function close(taskId: string, project: string, rows: { taskId: string }[]) {',
      "  await TaskEntity.patch({ taskId }).set({ status: 'closed' }).where(({ status }, { eq }) => eq(status, 'open')).go();",
      "  await TaskEntity.delete({ taskId }).where(({ status }, { eq }) => eq(status, 'closed')).go();",
      "  const { data } = await TaskEntity.query.byProject({ project }).where(({ status }, { eq }) => eq(status, 'open')).go({ pages: 'all' });",
      '  await TaskEntity.put(rows.map((row) => ({ ...row }))).go();',
      '  return data;',
      '}',
    );
    assert.deepEqual(hintsIn('close.ts', code), [
      '12:patch dynamodb-update-item',
      '12:where dynamodb-condition-expression',
      '13:delete dynamodb-delete-item',
      '13:where dynamodb-condition-expression',
      '14:query dynamodb-query',
      '14:where dynamodb-filter-expression',
      '15:put dynamodb-batch-write-item',
      '15:put dynamodb-batch-write-item!',
    ]);
  });

  it('stays quiet on a result version 1 would give, a cursor handed back, a single item, and params()', () => {
    const code = sourceLines(
      TASKS,
      'export class TaskRepository {',
      '  async list(project: string) {',
      '    const tasks = await TaskEntity.query.byProject({ project }).go();',
      '    return tasks.map((task) => task.title);',
      '  }',
      '  byProject(project: string) {',
      '    return TaskEntity.query.byProject({ project }).go();',
      '  }',
      '  async page(project: string, cursor?: string) {',
      '    const { data, cursor: next } = await TaskEntity.query.byProject({ project }).go({ cursor });',
      '    return { data, next };',
      '  }',
      '  async one(taskId: string) {',
      '    const { data } = await TaskEntity.get({ taskId }).go();',
      '    return data;',
      '  }',
      '  request(project: string) {',
      '    return TaskEntity.query.byProject({ project }).params();',
      '  }',
      '}',
    );
    assert.deepEqual(findingsOf(hintsIn('taskRepository.ts', code)), []);
  });
});

describe('dynamodb-toolbox', () => {
  const TABLE = sourceLines(
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    "import { Table, Entity } from 'dynamodb-toolbox';",
    '',
    'const DocumentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    "export const AppTable = new Table({ name: 'app', partitionKey: 'pk', sortKey: 'sk', DocumentClient });",
    "export const User = new Entity({ name: 'User', attributes: { pk: { partitionKey: true }, sk: { sortKey: true } }, table: AppTable });",
  );

  it('version 0: a Query or Scan method reads one page unless the code continues from startKey or calls next()', () => {
    const code = sourceLines(
      TABLE,
      '',
      'export const listUsers = async () => {',
      "  const { Items = [] } = await User.query('USER');",
      "  const admins = await User.query('USER', { index: 'byRole', limit: 10 });",
      "  const built = await User.query('USER', { execute: false });",
      '  return [Items, admins, built];',
      '};',
      '',
      'export async function everyUser() {',
      "  let page = await User.query('USER');",
      '  const users = [...page.Items];',
      '  while (page.LastEvaluatedKey && page.next) {',
      '    page = await page.next();',
      '    users.push(...page.Items);',
      '  }',
      '  return users;',
      '}',
      '',
      'export async function userPage(startKey?: object) {',
      '  return AppTable.scan({ startKey, limit: 100 });',
      '}',
      '',
      'export async function save(items: object[]) {',
      "  await User.put({ pk: 'USER', sk: 'u1' });",
      '  return AppTable.batchWrite(items);',
      '}',
    );
    assert.deepEqual(hintsIn('users.ts', code), [
      '11:query dynamodb-query',
      '12:query dynamodb-query',
      "12:index dynamodb-index-name",
      '12:limit dynamodb-limit',
      '13:query dynamodb-query',
      '18:query dynamodb-query',
      '28:scan dynamodb-scan',
      '28:limit dynamodb-limit',
      '32:put dynamodb-put-item',
      '33:batchWrite dynamodb-batch-write-item',
      '11:query dynamodb-query!',
    ]);
  });

  it('version 0: a Query with no filters whose Items are read only for the first reads all it needs', () => {
    const code = sourceLines(
      TABLE,
      '',
      'export const latestMessage = async (id: string) => {',
      "  const slack = await User.query(id, { beginsWith: 'SLACK#' });",
      '  if (!slack.Items[0]) {',
      '    return undefined;',
      '  }',
      '  return [slack.Items[0].channel, slack.Items[0].ts];',
      '};',
      '',
      'export const stagesOf = async (id: string) => {',
      "  const stages = await User.query(id, { beginsWith: 'STAGE#' });",
      '  return stages.Items.map((stage) => stage.name);',
      '};',
      '',
      'export const firstOpen = async (id: string) => {',
      "  const open = await User.query(id, { beginsWith: 'STAGE#', filters: [{ attr: 'status', eq: 'OPEN' }] });",
      '  return open.Items[0];',
      '};',
    );
    assert.deepEqual(findingsOf(hintsIn('messages.ts', code)), ['19:query dynamodb-query!', '24:query dynamodb-query!']);
  });

  it('version 1: a command a chain sends reads maxPages pages, one by default', () => {
    const code = sourceLines(
      "import { Table } from 'dynamodb-toolbox/table';",
      "import { Entity } from 'dynamodb-toolbox/entity';",
      "import { ScanCommand } from 'dynamodb-toolbox/table/actions/scan';",
      "import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';",
      "import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';",
      '',
      "const PokeTable = new Table({ name: 'poke', partitionKey: { name: 'pk', type: 'string' } });",
      "const Pokemon = new Entity({ name: 'pokemon', table: PokeTable });",
      '',
      'export class PokemonRepository {',
      '  async all() {',
      '    const { Items } = await PokeTable.build(ScanCommand).send();',
      '    return Items;',
      '  }',
      '  async everything() {',
      '    const { Items } = await PokeTable.build(ScanCommand).options({ maxPages: Infinity }).send();',
      '    return Items;',
      '  }',
      '  async byTrainer(trainerId: string) {',
      "    const { Items } = await PokeTable.build(QueryCommand).query({ index: 'byTrainer', partition: trainerId }).options({ consistent: false }).send();",
      '    return Items;',
      '  }',
      '  async one(id: string) {',
      '    return Pokemon.build(GetItemCommand).key({ id }).send();',
      '  }',
      '  command() {',
      '    return PokeTable.build(ScanCommand);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('pokemonRepository.ts', code), [
      '12:ScanCommand dynamodb-scan',
      '16:ScanCommand dynamodb-scan',
      '20:QueryCommand dynamodb-query',
      '20:index dynamodb-index-name',
      '20:consistent dynamodb-consistent-read',
      '24:GetItemCommand dynamodb-get-item',
      '27:ScanCommand dynamodb-scan',
      '12:ScanCommand dynamodb-scan!',
      '20:QueryCommand dynamodb-query!',
    ]);
  });
});

describe('look-alikes of the DynamoDB libraries', () => {
  it('stays quiet on a scan or query method of a class of its own, a Redis client, an array, and another library', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { Entity } from './entity';",
      '',
      'class Catalog {',
      '  scan() { return []; }',
      '  query(q: string) { return [q]; }',
      '}',
      '',
      'const redis = new Redis();',
      'const catalog = new Catalog();',
      "const Local = new Entity({ name: 'local' });",
      '',
      'export async function run() {',
      "  await redis.scan(0, 'MATCH', 'k*');",
      '  catalog.scan();',
      "  catalog.query('x');",
      "  await Local.query('pk');",
      '  return [1, 2].find((x) => x > 1);',
      '}',
    );
    assert.deepEqual(hintsIn('catalog.ts', code), ['14:scan redis-scan']);
  });
});
