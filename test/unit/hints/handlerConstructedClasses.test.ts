/**
 * `lambda-client-per-invocation` for a class the handler constructs (`const repo = new Repo()`, `repo =
 * OrderRepository()`) whose constructor makes a client and keeps it on the instance: each invocation makes a new
 * instance and a new client, reported at the construction. Silent: a client the class keeps statically or at
 * module level, one the constructor is given, a singleton's, an instance kept outside the handler, a class no
 * handler makes, and test code. A construction without arguments (`new TripSource()`) leaves the constructor's
 * parameters empty: a client built from them (`props?.region ?? 'eu-west-1'`) is still made per instance, unless
 * a parameter has a default value or is handed on whole.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Lambda: clients made by the constructor of a class the handler constructs', () => {
  it('reports a TypeScript handler that constructs a repository keeping a new document client', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      "import Redis from 'ioredis';",
      '',
      'class OrderRepository {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor() {',
      '    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  }',
      '  async get(id: string) {', // 10
      '    return this.doc.send(new GetCommand({ TableName: process.env.TABLE, Key: { id } }));',
      '  }',
      '}',
      '',
      'class SessionCache {',
      '  private readonly redis = new Redis(process.env.REDIS_URL!);',
      '  constructor(private readonly prefix: string) {',
      '    const sub = new Redis(process.env.REDIS_URL!);',
      '    sub.subscribe(prefix);',
      '  }', // 20
      '}',
      '',
      'export const handler = async (event: { id: string }) => {',
      '  const repo = new OrderRepository();',
      "  new SessionCache('orders');",
      '  return repo.get(event.id);',
      '};',
    );
    assert.deepEqual(reported('src/handler.ts', code), [`24:OrderRepository ${RULE}`, `25:SessionCache ${RULE}`]);
  });

  it('says nothing for a static or module-level client, an injected one, a kept instance, or no handler', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      '',
      'let cached: DynamoDBDocumentClient | undefined;',
      'class StaticRepo {',
      '  private static client?: DynamoDBDocumentClient;',
      '  constructor() {',
      '    StaticRepo.client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  }',
      '}', // 10
      'class ModuleCacheRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor() {',
      '    cached = cached ?? DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '    this.doc = cached;',
      '  }',
      '}',
      'class InjectedRepo {',
      '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
      '}', // 20
      'class FallbackRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor(doc?: DynamoDBDocumentClient) {',
      '    this.doc = doc ?? DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  }',
      '}',
      'class Repo {',
      '  private readonly doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  constructor(client: DynamoDBClient) {',
      '    this.doc = DynamoDBDocumentClient.from(client);', // 30
      '  }',
      '}',
      'class KeptRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor() {',
      '    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  }',
      '}',
      'const kept = new KeptRepo();',
      'let lazy: KeptRepo | undefined;', // 40
      'class SingletonRepo {',
      '  private static instance?: SingletonRepo;',
      '  private readonly doc!: DynamoDBDocumentClient;',
      '  constructor() {',
      '    if (SingletonRepo.instance) {',
      '      return SingletonRepo.instance;',
      '    }',
      '    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '    SingletonRepo.instance = this;',
      '  }', // 50
      '}',
      '',
      'export const handler = async (event: { id: string }) => {',
      '  new SingletonRepo();',
      '  new StaticRepo();',
      '  new ModuleCacheRepo();',
      '  new InjectedRepo(DynamoDBDocumentClient.from(shared));',
      '  new FallbackRepo(shared);',
      '  lazy ??= new KeptRepo();',
      '  return [kept, lazy, event.id];',
      '};',
      'const shared = new DynamoDBClient({});',
      'export function build() {',
      '  return new KeptRepo();',
      '}',
    );
    assert.deepEqual(reported('src/handler.ts', code), []);
  });

  it('reports a class made without arguments whose client reads its empty options, also through captureAWS', () => {
    const code = sourceLines(
      "import * as AWS from 'aws-sdk';",
      "import { captureAWS } from 'aws-xray-sdk-core';",
      '',
      'class TripSource {',
      '  private readonly docs: AWS.DynamoDB.DocumentClient;',
      '  constructor(props?: { region?: string }) {',
      '    const traced = captureAWS(AWS);',
      "    this.docs = new traced.DynamoDB.DocumentClient({ region: props?.region ?? 'eu-west-1' });",
      '  }',
      '}', // 10
      '',
      'export const list = async (event: { region: string }) => {',
      '  const source = new TripSource();',
      '  const regional = new TripSource({ region: event.region });',
      '  return [source, regional];',
      '};',
    );
    assert.deepEqual(reported('src/handler.ts', code), [`13:TripSource ${RULE}`]);
  });

  it('says nothing, without arguments, for a parameter with a default or a parameter handed on whole', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      '',
      'const shared = new DynamoDBClient({});',
      'class DefaultedRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor(client = shared) {',
      '    this.doc = DynamoDBDocumentClient.from(client);',
      '  }',
      '}', // 10
      'class WrappingRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      '  constructor(client?: DynamoDBClient) {',
      '    this.doc = DynamoDBDocumentClient.from(client!);',
      '  }',
      '}',
      'class RegionalRepo {',
      '  private readonly doc: DynamoDBDocumentClient;',
      "  constructor({ region } = { region: 'eu-west-1' }) {",
      '    this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region }));', // 20
      '  }',
      '}',
      '',
      'export const handler = async () => [new DefaultedRepo(), new WrappingRepo(), new RegionalRepo()];',
    );
    assert.deepEqual(reported('src/handler.ts', code), []);
  });

  it('reports, without arguments, a fallback for a parameter and a parameter whose default makes a client', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const shared = new DynamoDBClient({});',
      'class TernaryRepo {',
      '  private readonly client: DynamoDBClient;',
      '  constructor(dynamodb?: DynamoDBClient) {',
      '    this.client = dynamodb ? dynamodb : new DynamoDBClient({});',
      '  }',
      '}',
      'class OptionsRepo {', // 10
      '  constructor(props?: { client?: DynamoDBClient }) {',
      '    this.client = props?.client || new DynamoDBClient({});',
      '  }',
      '}',
      'class DefaultRepo {',
      '  constructor(private readonly db = new DynamoDBClient({})) {}',
      '}',
      'class AssignedRepo {',
      '  constructor(client) {',
      '    if (!client) client = new DynamoDBClient({});', // 20
      '    this.client = client;',
      '  }',
      '}',
      '',
      'export const handler = async () => {',
      '  const repos = [new TernaryRepo(), new OptionsRepo(), new DefaultRepo(), new AssignedRepo()];',
      '  const given = [new TernaryRepo(shared), new OptionsRepo({ client: shared }), new DefaultRepo(shared), new AssignedRepo(shared)];',
      '  return [repos, given];',
      '};',
    );
    assert.deepEqual(reported('src/handler.ts', code), [`26:TernaryRepo ${RULE}`, `26:OptionsRepo ${RULE}`, `26:DefaultRepo ${RULE}`, `26:AssignedRepo ${RULE}`]);
  });

  it('reports a fallback for an options key that an options object of fixed values leaves out', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'const shared = new DynamoDBClient({});',
      'class OrdersStore {',
      '  constructor(cfg: { tableName: string; client?: DynamoDBClient }) {',
      '    this.client = cfg.client ?? new DynamoDBClient({});',
      '    this.tableName = cfg.tableName;',
      '  }',
      '}',
      '', // 10
      'export const handler = async (event: { table: string }) => [',
      "  new OrdersStore({ tableName: process.env.ORDERS_TABLE!, 'region': 'eu-west-1', }),",
      '  new OrdersStore({ tableName: process.env.ORDERS_TABLE!, client: shared }),',
      '  new OrdersStore({ tableName: event.table }),',
      '];',
    );
    assert.deepEqual(reported('src/handler.ts', code), [`12:OrdersStore ${RULE}`]);
  });

  it('reports, in workspace mode, a handler constructing without arguments a class of another file', () => {
    const source = sourceLines(
      "import * as AWS from 'aws-sdk';",
      "import { captureAWS } from 'aws-xray-sdk-core';",
      '',
      'export class TripSource {',
      '  docs: AWS.DynamoDB.DocumentClient;',
      '  constructor(props?: { endpoint?: string }) {',
      '    const traced = captureAWS(AWS);',
      '    this.docs = new traced.DynamoDB.DocumentClient({ endpoint: props?.endpoint });',
      '  }',
      '}', // 10
    );
    const handler = sourceLines(
      "import { TripSource } from '../data/tripSource';",
      '',
      'const kept = new TripSource();',
      'export const handler = async (event: { endpoint: string }) => {',
      '  const source = new TripSource();',
      '  const own = new TripSource({ endpoint: event.endpoint });',
      '  return [kept, source, own];',
      '};',
    );
    const files = { 'src/data/tripSource.ts': source, 'src/handlers/list.ts': handler };
    assert.deepEqual(hintsOfFile(files, 'src/handlers/list.ts').filter((hint) => hint.endsWith(RULE)), [`5:TripSource ${RULE}`]);
  });

  it('reports a Python handler that constructs a repository whose __init__ keeps a boto3 table on self', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'class OrderRepository:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '',
      '    def get(self, order_id):',
      '        return self.table.get_item(Key={"id": order_id}).get("Item")',
      '', // 10
      'def handler(event, context):',
      '    repo = OrderRepository()',
      '    return repo.get(event["id"])',
    );
    assert.deepEqual(reported('app.py', code), [`12:OrderRepository ${RULE}`]);
  });

  it('reports a Python class constructed without arguments whose __init__ falls back for a parameter defaulting to None', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'class OrdersRepository:',
      '    def __init__(self, table=None):',
      '        self.table = table or boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
      '',
      'class AuditRepository:',
      '    def __init__(self, client: "DynamoDBClient | None" = None):',
      '        if client is None:', // 10
      '            client = boto3.client("dynamodb")',
      '        self.client = client',
      '',
      'class LedgerRepository:',
      '    def __init__(self, table=None):',
      '        self.table = table if table else boto3.resource("dynamodb").Table("ledger")',
      '',
      'class SharedDefault:',
      '    def __init__(self, table=os.environ["TABLE"], client=SHARED):',
      '        self.table = table or boto3.resource("dynamodb").Table("orders")', // 20
      '        if client is None:',
      '            client = boto3.client("dynamodb")',
      'shared = boto3.resource("dynamodb").Table("orders")',
      'def handler(event, context):',
      '    OrdersRepository()',
      '    AuditRepository()',
      '    LedgerRepository()',
      '    SharedDefault()',
      '    OrdersRepository(shared)',
      '    OrdersRepository(table=shared)', // 30
    );
    assert.deepEqual(reported('app.py', code), [`25:OrdersRepository ${RULE}`, `26:AuditRepository ${RULE}`, `27:LedgerRepository ${RULE}`]);
  });

  it('says nothing for a Python class attribute cache, an injected or fallback table, a module-level instance, or a test', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'class Shared:',
      '    _table = None',
      '    def __init__(self):',
      '        if Shared._table is None:',
      '            Shared._table = boto3.resource("dynamodb").Table("orders")',
      '',
      'class Injected:',
      '    def __init__(self, table=None):', // 10
      '        self.table = table or boto3.resource("dynamodb").Table("orders")',
      '',
      'class Regional:',
      '    def __init__(self, region):',
      '        self.client = boto3.client("dynamodb", region_name=region)',
      '',
      'class Kept:',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      '', // 20
      'kept = Kept()',
      '',
      'class Single:',
      '    _instance = None',
      '    def __new__(cls):',
      '        if cls._instance is None:',
      '            cls._instance = super().__new__(cls)',
      '        return cls._instance',
      '    def __init__(self):',
      '        self.client = boto3.client("dynamodb")',
      '',
      'def handler(event, context):',
      '    Single()',
      '    Shared()',
      '    Injected(boto3.resource("dynamodb").Table("orders"))',
      '    Regional("eu-west-1")',
      '    return kept.client.get_item(TableName="orders", Key={"id": {"S": event["id"]}})',
    );
    assert.deepEqual(reported('app.py', code).filter((hint) => !hint.startsWith('35:')), []);
    const test = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'class Repo {',
      '  client: DynamoDBClient;',
      '  constructor() {',
      '    this.client = new DynamoDBClient({});',
      '  }',
      '}',
      "it('reads', async () => {",
      '  const handler = async (event) => new Repo();',
      '  await handler({});',
      '});',
    );
    assert.deepEqual(reported('handler.test.ts', test), []);
  });
});
