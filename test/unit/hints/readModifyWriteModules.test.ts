/**
 * `dynamodb-read-modify-write` across modules (workspace mode): a handler that reads an item through a function
 * another module exports, changes it and writes it back through another such function or its own Put, or that
 * puts a new item after an imported existence check. The modules must agree on the table by the name every
 * module writes (a literal, an environment variable): two modules' constants of one name may be two tables.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

/** The rule's findings in `file`, read in workspace mode beside the other files, as `line:text`, check-then-puts marked. */
function reported(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: modelOf(files) });
  return result.findings
    .filter((finding) => finding.ruleId === RULE)
    .map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}${finding.message.includes('found absent') ? ' (check-then-put)' : ''}`);
}

/** The workspace model of `files`, by path. */
function modelOf(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  return built;
}

const TS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
];

/** A handler module's own client, for its own Puts. */
const CALLER_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
];

/** A repository module of functions over one table, named by `table`. */
function usersModule(table: string): string {
  return sourceLines(
    ...TS_HEADER,
    `const TABLE = ${table};`,
    'export async function getUser(id: string) {',
    '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { id } }));',
    '  return Item;',
    '}',
    'export const userExists = async (email: string): Promise<boolean> => {',
    '  const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { email } }));',
    '  return Item !== undefined;',
    '};',
    'export async function saveUser(user: Record<string, unknown>) {',
    '  await doc.send(new PutCommand({ TableName: TABLE, Item: user }));',
    '}',
  );
}

describe('DynamoDB: read-modify-write and check-then-put through functions of other modules', () => {
  it('reports a handler that changes what an imported reader returned and hands it to an imported writer, or puts it itself', () => {
    const files = {
      'src/users.ts': usersModule('process.env.USERS_TABLE!'),
      'src/handler.ts': sourceLines(
        ...CALLER_HEADER,
        "import { getUser, saveUser } from './users';",
        "import * as users from './users';",
        'export const addPoints = async (event: { id: string; points: number }) => {',
        '  const user = await getUser(event.id);',
        '  user.points = (user.points ?? 0) + event.points;',
        '  await saveUser(user);',
        '};',
        'export const reset = async (event: { id: string }) => {',
        '  const user = await users.getUser(event.id);',
        '  user.points = 0;',
        '  await doc.send(new PutCommand({ TableName: process.env.USERS_TABLE, Item: user }));',
        '};',
        'export const archive = async (event: { id: string }) => {',
        '  const user = await users.getUser(event.id);',
        '  user.archived = true;',
        '  await doc.send(new PutCommand({ TableName: process.env.ARCHIVE_TABLE, Item: user }));',
        '};',
        'export const touch = async (event: { id: string }) => {',
        '  const user = await getUser(event.id);',
        '  await saveUser(user);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/handler.ts'), ['9:saveUser', '14:PutCommand']);
  });

  it('reports a Put of a new item after an imported existence check of its key, and not one with a condition', () => {
    const files = {
      'src/users.ts': usersModule("'users'"),
      'src/signup.ts': sourceLines(
        ...CALLER_HEADER,
        "import { userExists } from './users';",
        'export const signup = async (event: { email: string; name: string }) => {',
        '  if (await userExists(event.email)) {',
        "    return { statusCode: 409 };",
        '  }',
        "  await doc.send(new PutCommand({ TableName: 'users', Item: { email: event.email, name: event.name } }));",
        '  return { statusCode: 201 };',
        '};',
        'export const signupOnce = async (event: { email: string; name: string }) => {',
        '  if (await userExists(event.email)) {',
        "    return { statusCode: 409 };",
        '  }',
        "  await doc.send(new PutCommand({ TableName: 'users', Item: { email: event.email, name: event.name }, ConditionExpression: 'attribute_not_exists(email)' }));",
        '};',
        'export const invite = async (event: { email: string; name: string }) => {',
        '  if (await userExists(event.email)) {',
        "    return { statusCode: 409 };",
        '  }',
        "  await doc.send(new PutCommand({ TableName: 'invites', Item: { email: event.email, name: event.name } }));",
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/signup.ts'), ['9:PutCommand (check-then-put)']);
  });

  it('stays silent where two modules name their tables by constants of their own, or a local function hides the import', () => {
    const files = {
      'src/users.ts': usersModule('tableName()'),
      'src/handler.ts': sourceLines(
        ...CALLER_HEADER,
        "import { getUser, saveUser } from './users';",
        'const TABLE = tableName();',
        'export const reset = async (event: { id: string }) => {',
        '  const user = await getUser(event.id);',
        '  user.points = 0;',
        '  await doc.send(new PutCommand({ TableName: TABLE, Item: user }));',
        '};',
        'export const local = async (event: { id: string }) => {',
        '  const getUser = (id: string) => ({ id });',
        '  const user = getUser(event.id);',
        '  user.id = event.id.trim();',
        '  await saveUser(user);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/handler.ts'), []);
  });

  it('reads Python modules: functions over a table object, called bare or through the module', () => {
    const files = {
      'app/users.py': sourceLines(
        'import os',
        'import boto3',
        'table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])',
        'def get_user(user_id):',
        '    return table.get_item(Key={"id": user_id}).get("Item")',
        'def user_exists(email):',
        '    response = table.get_item(Key={"email": email})',
        '    return "Item" in response',
        'def save_user(user):',
        '    table.put_item(Item=user)',
        'def get_name(user_id):',
        '    return table.get_item(Key={"id": user_id}).get("Item", {}).get("name")',
      ),
      'app/handler.py': sourceLines(
        'import os',
        'import boto3',
        'from app.users import get_user, save_user, user_exists, get_name',
        'from app import users',
        'users_table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])',
        'def add_points(event, context):',
        '    user = get_user(event["id"])',
        '    user["points"] = user.get("points", 0) + 1',
        '    save_user(user)',
        'def signup(event, context):',
        '    if user_exists(event["email"]):',
        '        return {"statusCode": 409}',
        '    users_table.put_item(Item={"email": event["email"], "name": event["name"]})',
        'def reset(event, context):',
        '    user = users.get_user(event["id"])',
        '    user["points"] = 0',
        '    users.save_user(user)',
        'def rename(event, context):',
        '    name = get_name(event["id"])',
        '    save_user({"id": event["id"], "name": name.title()})',
      ),
    };
    assert.deepEqual(reported(files, 'app/handler.py'), ['9:save_user', '13:put_item (check-then-put)', '17:save_user']);
  });
});

describe('DynamoDB: read-modify-write through the methods of a repository class of another module', () => {
  const repository = sourceLines(
    ...TS_HEADER,
    'export class UserRepository {',
    '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
    '  async findById(id: string) {',
    '    const { Item } = await this.doc.send(new GetCommand({ TableName: process.env.USERS_TABLE, Key: { id } }));',
    '    return Item;',
    '  }',
    '  async save(user: Record<string, unknown>) {',
    '    await this.doc.send(new PutCommand({ TableName: process.env.USERS_TABLE, Item: user }));',
    '  }',
    '}',
  );

  it('reports a service whose injected repository reads, and writes back the changed item', () => {
    const files = {
      'src/repositories/user.repository.ts': repository,
      'src/repositories/index.ts': "export * from './user.repository';\n",
      'src/services/points.service.ts': sourceLines(
        "import { UserRepository } from '../repositories';",
        'export class PointsService {',
        '  constructor(private readonly users: UserRepository) {}',
        '  async add(id: string, points: number) {',
        '    const user = await this.users.findById(id);',
        '    user.points = (user.points ?? 0) + points;',
        '    await this.users.save(user);',
        '  }',
        '  async touch(id: string) {',
        '    const user = await this.users.findById(id);',
        '    await this.users.save(user);',
        '  }',
        '}',
      ),
      'src/handler.ts': sourceLines(
        ...CALLER_HEADER,
        "import { UserRepository } from './repositories/user.repository';",
        'const users = new UserRepository(doc);',
        'export const handler = async (event: { id: string }) => {',
        '  const user = await users.findById(event.id);',
        '  user.visits = (user.visits ?? 0) + 1;',
        '  await users.save(user);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/services/points.service.ts'), ['7:save']);
    assert.deepEqual(reported(files, 'src/handler.ts'), ['9:save']);
  });

  it('reads a Python repository held by a field or given as a typed parameter', () => {
    const files = {
      'app/repository.py': sourceLines(
        'import os',
        'import boto3',
        'class UserRepository:',
        '    def __init__(self):',
        '        self.table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])',
        '    def get(self, user_id):',
        '        return self.table.get_item(Key={"id": user_id}).get("Item")',
        '    def save(self, user):',
        '        self.table.put_item(Item=user)',
      ),
      'app/service.py': sourceLines(
        'from app.repository import UserRepository',
        'class PointsService:',
        '    def __init__(self, users: UserRepository):',
        '        self.users = users',
        '    def add(self, user_id, points):',
        '        user = self.users.get(user_id)',
        '        user["points"] = user.get("points", 0) + points',
        '        self.users.save(user)',
        'def reset(users: UserRepository, user_id):',
        '    user = users.get(user_id)',
        '    user["points"] = 0',
        '    users.save(user)',
        'def other(users, user_id):',
        '    user = users.get(user_id)',
        '    user["points"] = 0',
        '    users.save(user)',
      ),
    };
    assert.deepEqual(reported(files, 'app/service.py'), ['8:save', '12:save']);
  });
});

describe('DynamoDB: read-modify-write through the static methods of a class of another module', () => {
  it('reports a handler that writes back, changed, what a static reader returned', () => {
    const files = {
      'src/db/orders.ts': sourceLines(
        ...TS_HEADER,
        'export class Orders {',
        '  static async byId(orderId: string) {',
        "    const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { orderId } }));",
        '    return Item;',
        '  }',
        '  static async save(order: Record<string, unknown>) {',
        "    await doc.send(new PutCommand({ TableName: 'orders', Item: order }));",
        '  }',
        '}',
      ),
      'src/cancel.ts': sourceLines(
        "import { Orders } from './db/orders';",
        'export const handler = async (event: { orderId: string }) => {',
        '  const order = await Orders.byId(event.orderId);',
        "  order.status = 'CANCELLED';",
        '  await Orders.save(order);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/cancel.ts'), ['5:save']);
  });
});

describe('DynamoDB: read-modify-write through an instance of a class of the same file', () => {
  it('reports a service that holds a store of the same file, given to it or made in place', () => {
    const files = {
      'src/vouchers.ts': sourceLines(
        ...TS_HEADER,
        'class VoucherStore {',
        '  async get(code: string) {',
        "    const { Item } = await doc.send(new GetCommand({ TableName: 'vouchers', Key: { code } }));",
        '    return Item;',
        '  }',
        '  async put(voucher: Record<string, unknown>) {',
        "    await doc.send(new PutCommand({ TableName: 'vouchers', Item: voucher }));",
        '  }',
        '}',
        'export class Redemptions {',
        '  constructor(private readonly store: VoucherStore) {}',
        '  async redeem(code: string, member: string) {',
        '    const voucher = await this.store.get(code);',
        '    voucher.redeemedBy = member;',
        '    await this.store.put(voucher);',
        '  }',
        '}',
        'const store = new VoucherStore();',
        'export const expire = async (code: string) => {',
        '  const voucher = await store.get(code);',
        '  voucher.expired = true;',
        '  await store.put(voucher);',
        '};',
        'export const copy = async (code: string, other: { put(v: unknown): Promise<void>; get(c: string): Promise<Record<string, unknown>> }) => {',
        '  const voucher = await other.get(code);',
        '  voucher.copied = true;',
        '  await other.put(voucher);',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/vouchers.ts'), ['18:put', '25:put']);
  });
});

describe('DynamoDB: check-then-put through a writing helper', () => {
  it('reports the call of an imported writer that creates the item an imported check found absent', () => {
    const files = {
      'src/users.ts': usersModule('process.env.USERS_TABLE'),
      'src/signup.ts': sourceLines(
        "import { saveUser, userExists } from './users';",
        'export const signup = async (email: string, name: string) => {',
        '  if (await userExists(email)) {',
        "    throw new Error('taken');",
        '  }',
        '  await saveUser({ email, name, createdAt: Date.now() });',
        '};',
        'export const seed = async (email: string) => {',
        '  if (await userExists(email)) {',
        '    return;',
        '  }',
        "  await saveUser({ email, role: 'admin' });",
        '};',
        'export const other = async (email: string, name: string) => {',
        '  if (await userExists(name)) {',
        '    return;',
        '  }',
        '  await saveUser({ email, name });',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/signup.ts'), ['6:saveUser (check-then-put)']);
  });

  it('reports a Python service whose repository, given to it, checks and then saves a new item', () => {
    const files = {
      'app/repository.py': sourceLines(
        'import os',
        'import boto3',
        'class Accounts:',
        '    def __init__(self):',
        '        self.table = boto3.resource("dynamodb").Table(os.environ["ACCOUNTS_TABLE"])',
        '    def find(self, email):',
        '        return self.table.get_item(Key={"email": email}).get("Item")',
        '    def save(self, account):',
        '        self.table.put_item(Item=account)',
      ),
      'app/service.py': sourceLines(
        'from app.repository import Accounts',
        'class Registration:',
        '    def __init__(self, accounts: Accounts):',
        '        self.accounts = accounts',
        '    def register(self, email, name):',
        '        if self.accounts.find(email):',
        '            raise ValueError("taken")',
        '        self.accounts.save({"email": email, "name": name})',
      ),
    };
    assert.deepEqual(reported(files, 'app/service.py'), ['8:save (check-then-put)']);
  });
});

describe('DynamoDB: uniqueness checked through another module\'s search', () => {
  const repository = sourceLines(
    "import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
    'export class UserRepository {',
    '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
    '  async findByEmail(email: string) {',
    '    const { Items } = await this.doc.send(new QueryCommand({',
    '      TableName: process.env.USERS_TABLE,',
    "      IndexName: 'email-index',",
    "      KeyConditionExpression: 'email = :email',",
    "      ExpressionAttributeValues: { ':email': email },",
    '    }));',
    '    return Items?.[0];',
    '  }',
    '  async create(user: Record<string, unknown>) {',
    '    await this.doc.send(new PutCommand({ TableName: process.env.USERS_TABLE, Item: user }));',
    '  }',
    '  async createOnce(user: Record<string, unknown>) {',
    "    await this.doc.send(new PutCommand({ TableName: process.env.USERS_TABLE, Item: user, ConditionExpression: 'attribute_not_exists(id)' }));",
    '  }',
    '}',
  );

  it('reports a service that creates a user with the email an injected repository searched for and found unused', () => {
    const files = {
      'src/users/userRepository.ts': repository,
      'src/users/userService.ts': sourceLines(
        "import { randomUUID } from 'node:crypto';",
        "import { UserRepository } from './userRepository';",
        'export class UserService {',
        '  constructor(private readonly users: UserRepository) {}',
        '  async register(email: string, name: string) {',
        '    const existing = await this.users.findByEmail(email);',
        '    if (existing) {',
        "      throw new Error('email taken');",
        '    }',
        '    await this.users.create({ id: randomUUID(), email, name });',
        '  }',
        '  async registerOnce(email: string, name: string) {',
        '    if (await this.users.findByEmail(email)) {',
        "      throw new Error('email taken');",
        '    }',
        '    await this.users.createOnce({ id: randomUUID(), email, name });',
        '  }',
        '  async rename(email: string, name: string) {',
        '    const existing = await this.users.findByEmail(name);',
        '    if (existing) {',
        '      return;',
        '    }',
        '    await this.users.create({ id: randomUUID(), email, name: email });',
        '  }',
        '  async audit(email: string) {',
        '    const existing = await this.users.findByEmail(email);',
        "    await this.users.create({ id: randomUUID(), email, seen: existing !== undefined });",
        '  }',
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'src/users/userService.ts'), ['10:create']);
    const result = analyzeText(files['src/users/userService.ts'], realHintRules(), { kind: 'typescript', fileName: 'src/users/userService.ts', workspace: modelOf(files) });
    assert.match(result.findings.find((finding) => finding.ruleId === RULE)!.message, /unique/i);
  });

  it('reports a Lambda handler that puts a new item after a CommonJS export scanned for the value and found none', () => {
    const files = {
      'src/lib/accounts.js': sourceLines(
        "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
        "const { DynamoDBDocumentClient, PutCommand, ScanCommand } = require('@aws-sdk/lib-dynamodb');",
        'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'exports.saveAccount = async (account) => {',
        '  await doc.send(new PutCommand({ TableName: process.env.ACCOUNTS_TABLE, Item: account }));',
        '};',
        'exports.usernameTaken = async (username) => {',
        '  const result = await doc.send(new ScanCommand({',
        '    TableName: process.env.ACCOUNTS_TABLE,',
        "    FilterExpression: 'username = :u',",
        "    ExpressionAttributeValues: { ':u': username },",
        '  }));',
        '  return result.Items.length > 0;',
        '};',
      ),
      'src/handlers/signup.js': sourceLines(
        "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
        "const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');",
        "const { usernameTaken } = require('../lib/accounts');",
        'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        'exports.handler = async (event) => {',
        '  const { username, id } = JSON.parse(event.body);',
        '  if (await usernameTaken(username)) {',
        '    return { statusCode: 409 };',
        '  }',
        '  await doc.send(new PutCommand({ TableName: process.env.ACCOUNTS_TABLE, Item: { id, username } }));',
        '  return { statusCode: 201 };',
        '};',
      ),
    };
    assert.deepEqual(reported(files, 'src/handlers/signup.js'), ['10:PutCommand']);
  });

  it('reports a Python handler that puts a new item after a module function found the value unused', () => {
    const files = {
      'app/accounts.py': sourceLines(
        'import os',
        'import boto3',
        'from boto3.dynamodb.conditions import Key',
        'table = boto3.resource("dynamodb").Table(os.environ["ACCOUNTS_TABLE"])',
        'def find_by_email(email):',
        '    response = table.query(IndexName="by-email", KeyConditionExpression=Key("email").eq(email))',
        '    return response["Items"]',
        'def save(account):',
        '    table.put_item(Item=account)',
      ),
      'app/handler.py': sourceLines(
        'import uuid',
        'from app import accounts',
        'def handler(event, context):',
        '    email = event["email"]',
        '    if accounts.find_by_email(email):',
        '        return {"statusCode": 409}',
        '    accounts.save({"id": str(uuid.uuid4()), "email": email})',
        '    return {"statusCode": 201}',
      ),
    };
    assert.deepEqual(reported(files, 'app/handler.py'), ['7:save']);
  });
});

describe('DynamoDB: read-modify-write through a repository whose constructor is given the table', () => {
  const repository = sourceLines(
    'import boto3',
    'class ItemsRepository:',
    '    def __init__(self, table_name):',
    '        self.table = boto3.resource("dynamodb").Table(table_name)',
    '    def get(self, key):',
    '        return self.table.get_item(Key={"id": key}).get("Item")',
    '    def save(self, item):',
    '        self.table.put_item(Item=item)',
  );

  it('reports a read and a write back on one instance, and not across two instances', () => {
    const files = {
      'app/repository.py': repository,
      'app/handler.py': sourceLines(
        'import os',
        'from app.repository import ItemsRepository',
        'carts = ItemsRepository(os.environ["CARTS_TABLE"])',
        'archive = ItemsRepository(os.environ["ARCHIVE_TABLE"])',
        'def add(event, context):',
        '    cart = carts.get(event["cart_id"])',
        '    cart["lines"].append(event["line"])',
        '    carts.save(cart)',
        'def move(event, context):',
        '    cart = carts.get(event["cart_id"])',
        '    cart["archived"] = True',
        '    archive.save(cart)',
      ),
    };
    assert.deepEqual(reported(files, 'app/handler.py'), ['8:save']);
  });

  it('reads a TypeScript repository given its table name as a parameter property', () => {
    const files = {
      'src/repository.ts': sourceLines(
        "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
        'export class Items {',
        '  constructor(private readonly doc: DynamoDBDocumentClient, private readonly tableName: string) {}',
        '  async get(id: string) {',
        '    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { id } }));',
        '    return Item;',
        '  }',
        '  async put(item: Record<string, unknown>) {',
        '    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));',
        '  }',
        '}',
      ),
      'src/service.ts': sourceLines(
        "import { Items } from './repository';",
        'export class Stock {',
        '  constructor(private readonly items: Items) {}',
        '  async take(id: string, n: number) {',
        '    const item = await this.items.get(id);',
        '    item.stock = (item.stock as number) - n;',
        '    await this.items.put(item);',
        '  }',
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'src/service.ts'), ['7:put']);
  });
});
