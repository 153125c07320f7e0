/**
 * Clients handed across files: a module's function or class whose untyped parameter holds the client that
 * the other files of the workspace pass when they call or construct it (Python and JavaScript), and what
 * stays silent: a caller elsewhere that passes something else, a test that passes a fake, a file that
 * the import does not lead to, and the same module without the workspace.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { contributionOf, hintsInWorkspace, workspaceOf } from './support';

const REPOSITORY = sourceLines(
  'class ItemRepository:',
  '    def __init__(self, table):',
  '        self._table = table',
  '',
  '    def list_items(self):',
  '        return self._table.scan()["Items"]',
  '',
  '',
  'def count_items(table):',
  '    return len(table.scan()["Items"])',
);

const HANDLER = sourceLines(
  'import boto3',
  'from repo import ItemRepository, count_items',
  '',
  'dynamodb = boto3.resource("dynamodb")',
  '',
  'def handler(event, context):',
  '    table = dynamodb.Table("items")',
  '    return ItemRepository(table).list_items(), count_items(table=table)',
);

const CACHE_TOOLS = sourceLines(
  'async function dropPrefix(client, prefix) {',
  '  return client.keys(`${prefix}*`);',
  '}',
  'class TagIndex {',
  '  constructor(conn) {',
  '    this.conn = conn;',
  '  }',
  '  async wipe() {',
  "    return this.conn.keys('tag:*');",
  '  }',
  '}',
  'module.exports = { dropPrefix, TagIndex, other: 1 };',
);

const ADMIN_ROUTES = sourceLines(
  "const Redis = require('ioredis');",
  "const { dropPrefix, TagIndex } = require('../lib/cacheTools');",
  'const redis = new Redis(process.env.REDIS_URL);',
  'const tags = new TagIndex(redis);',
  'exports.flush = async (req) => dropPrefix(redis, req.params.prefix);',
);

describe('workspace: clients other files pass to a function or class', () => {
  it('reads a Python class and function a handler of another file constructs and calls with a table', () => {
    const model = workspaceOf({ 'svc/handler.py': HANDLER });
    const found = hintsInWorkspace(model, 'svc/repo.py', REPOSITORY);
    for (const expected of ['6:scan dynamodb-scan', '6:scan dynamodb-scan!', '10:scan dynamodb-scan', '10:scan dynamodb-scan!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(hintsInWorkspace(undefined, 'svc/repo.py', REPOSITORY), [], 'without the workspace');
    assert.deepEqual(hintsInWorkspace(model, 'other/repo.py', REPOSITORY), [], 'a module the import does not lead to');
  });

  it('reads a Python repository whose constructor builds its table from the resource a handler of another file passes', () => {
    const repository = sourceLines(
      'class UserRepository:',
      '    def __init__(self, dynamodb, table_name):',
      '        self.table = dynamodb.Table(table_name)',
      '',
      '    def all_users(self):',
      '        return self.table.scan()["Items"]',
    );
    const handler = sourceLines('import os', 'import boto3', 'from app.users import UserRepository', '', 'repo = UserRepository(boto3.resource("dynamodb"), os.environ["USERS_TABLE"])', '', 'def handler(event, context):', '    return repo.all_users()');
    const model = workspaceOf({ 'app/handler.py': handler });
    assert.ok(hintsInWorkspace(model, 'app/users.py', repository).includes('6:scan dynamodb-scan!'), hintsInWorkspace(model, 'app/users.py', repository).join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'app/users.py', repository), [], 'without the workspace');
  });

  it('reads a Python repository a FastAPI route builds from a project dependency it declares (dynamodb=Depends(get_db))', () => {
    const base = sourceLines('import boto3', '', 'async def get_db():', '    return boto3.resource("dynamodb")', '', 'def get_settings():', '    return {"table": "Video"}');
    const repository = sourceLines(
      'class VideoRepository:',
      '    def __init__(self, dynamodb):',
      '        self.table = dynamodb.Table("Video")',
      '',
      '    def get_all(self):',
      '        return self.table.scan()',
    );
    const router = sourceLines(
      'from typing import Annotated',
      'from fastapi import APIRouter, Depends',
      'from app.base import get_db, get_settings',
      'from app.videos import VideoRepository',
      '',
      'router = APIRouter()',
      '',
      '@router.get("/")',
      'async def read_all(dynamodb=Depends(get_db)):',
      '    return VideoRepository(dynamodb=dynamodb).get_all()',
      '',
      '@router.get("/typed")',
      'async def read_typed(db: Annotated[object, Depends(get_db)]):',
      '    return VideoRepository(db).get_all()',
    );
    const found = hintsInWorkspace(workspaceOf({ 'app/base.py': base, 'app/router.py': router }), 'app/videos.py', repository);
    assert.ok(found.includes('6:scan dynamodb-scan!'), found.join('\n'));
    // A dependency that gives no client lends nothing.
    const settings = router.replace(/Depends\(get_db\)/g, 'Depends(get_settings)');
    assert.deepEqual(hintsInWorkspace(workspaceOf({ 'app/base.py': base, 'app/router.py': settings }), 'app/videos.py', repository), []);
  });

  it('reads a Python base class whose subclasses in other modules hand it a table through super().__init__', () => {
    const base = sourceLines(
      'class BaseStore:',
      '    def __init__(self, table):',
      '        self._table = table',
      '',
      '    def remove(self, key):',
      '        self._table.delete_item(Key=key)',
    );
    const connection = sourceLines('import boto3', '', '', 'def table_named(name):', '    return boto3.resource("dynamodb").Table(name)');
    const subclass = (passed: string): string =>
      sourceLines('import boto3', 'from app.base import BaseStore', 'from app.connection import table_named', '', '', 'class Orders(BaseStore):', '    def __init__(self):', `        super().__init__(${passed})`);
    const model = workspaceOf({ 'app/connection.py': connection, 'app/orders.py': subclass('table_named("orders")') });
    assert.ok(hintsInWorkspace(model, 'app/base.py', base).includes('6:delete_item dynamodb-delete-item'), hintsInWorkspace(model, 'app/base.py', base).join('\n'));
    const twoArguments = workspaceOf({ 'app/connection.py': connection, 'app/orders.py': subclass('table_named("orders")').replace('super()', 'super(Orders, self)') });
    assert.ok(hintsInWorkspace(twoArguments, 'app/base.py', base).includes('6:delete_item dynamodb-delete-item'), 'super(Orders, self)');
    const disagreeing = workspaceOf({ 'app/connection.py': connection, 'app/orders.py': subclass('table_named("orders")'), 'app/memo.py': subclass('{}').replace('class Orders', 'class Memo') });
    assert.deepEqual(hintsInWorkspace(disagreeing, 'app/base.py', base), [], 'another subclass hands it a dict');
  });

  it('reads a JavaScript function and class that another file calls and constructs with its Redis client', () => {
    const model = workspaceOf({ 'src/routes/admin.js': ADMIN_ROUTES });
    const found = hintsInWorkspace(model, 'src/lib/cacheTools.js', CACHE_TOOLS);
    for (const expected of ['2:keys redis-keys!', '9:keys redis-keys!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('reads a class a module exports whole or as its default, required or imported by another file', () => {
    const store = sourceLines('class SessionStore {', '  constructor(redis) {', '    this.redis = redis;', '  }', '  purge() {', "    return this.redis.keys('sess:*');", '  }', '}');
    const required = workspaceOf({ 'src/app.js': sourceLines("const Redis = require('ioredis');", "const SessionStore = require('./sessionStore');", 'const sessions = new SessionStore(new Redis());') });
    assert.ok(hintsInWorkspace(required, 'src/sessionStore.js', sourceLines(store, 'module.exports = SessionStore;')).includes('6:keys redis-keys!'));
    const imported = workspaceOf({ 'src/app.ts': sourceLines("import Redis from 'ioredis';", "import SessionStore from './sessionStore';", 'export const sessions = new SessionStore(new Redis());') });
    assert.ok(hintsInWorkspace(imported, 'src/sessionStore.ts', sourceLines(`export default ${store}`)).includes('6:keys redis-keys!'));
    assert.deepEqual(hintsInWorkspace(imported, 'src/sessionStore.ts', sourceLines(`export ${store}`)), [], 'a named export is not what a default import reads');
  });

  it('reads what a caller passes from a project module: a client it imports, or the call of a factory that makes one', () => {
    const db = sourceLines('import boto3', '', 'items = boto3.resource("dynamodb").Table("items")', '', 'def get_table():', '    return boto3.resource("dynamodb").Table("items")');
    // Files that name no client library are not read for calls (that keeps indexing cheap): these import boto3's conditions.
    const viaFactory = sourceLines('from boto3.dynamodb.conditions import Key', 'from db import get_table', 'from repo import ItemRepository, count_items', '', 'def handler(event, context):', '    return ItemRepository(get_table()).list_items()');
    const viaName = sourceLines('from boto3.dynamodb.conditions import Key', 'from db import items', 'from repo import count_items', '', 'def handler(event, context):', '    return count_items(items)');
    const factoryModel = workspaceOf({ 'svc/db.py': db, 'svc/handler.py': viaFactory });
    assert.ok(hintsInWorkspace(factoryModel, 'svc/repo.py', REPOSITORY).includes('6:scan dynamodb-scan!'), hintsInWorkspace(factoryModel, 'svc/repo.py', REPOSITORY).join('\n'));
    const nameModel = workspaceOf({ 'svc/db.py': db, 'svc/handler.py': viaName });
    assert.ok(hintsInWorkspace(nameModel, 'svc/repo.py', REPOSITORY).includes('10:scan dynamodb-scan!'), hintsInWorkspace(nameModel, 'svc/repo.py', REPOSITORY).join('\n'));
    const settings = sourceLines('def get_settings():', '    return {"table": "items"}');
    const notAClient = workspaceOf({ 'svc/settings.py': settings, 'svc/handler.py': viaFactory.replace('from db import get_table', 'from settings import get_settings as get_table') });
    assert.ok(!hintsInWorkspace(notAClient, 'svc/repo.py', REPOSITORY).some((hint) => hint.startsWith('6:')), 'a factory that makes no client');
  });

  it('stays silent where another caller passes something else, and ignores what tests pass', () => {
    const mixed = workspaceOf({
      'src/routes/admin.js': ADMIN_ROUTES,
      'src/routes/local.js': sourceLines("const Redis = require('ioredis');", "const { dropPrefix } = require('../lib/cacheTools');", 'exports.x = () => dropPrefix(new Map(), "p");'),
    });
    assert.ok(!hintsInWorkspace(mixed, 'src/lib/cacheTools.js', CACHE_TOOLS).some((hint) => hint.startsWith('2:')));
    const tested = workspaceOf({
      'src/routes/admin.js': ADMIN_ROUTES,
      'test/cacheTools.test.js': sourceLines("const Redis = require('ioredis-mock');", "const { dropPrefix } = require('../src/lib/cacheTools');", 'dropPrefix({ keys: async () => [] }, "p");'),
    });
    assert.ok(hintsInWorkspace(tested, 'src/lib/cacheTools.js', CACHE_TOOLS).includes('2:keys redis-keys!'));
  });

  it('indexes only the files that name a client library and import a module of the project', () => {
    assert.deepEqual(contributionOf('svc/handler.py', HANDLER)?.passedClients?.map((call) => call.path), ['ItemRepository', 'count_items']);
    assert.equal(contributionOf('svc/plain.py', sourceLines('import os', 'import boto3', 'from boto3.dynamodb.conditions import Key', 'make(boto3.client("dynamodb"))'))?.passedClients, undefined);
    assert.equal(contributionOf('tests/test_handler.py', HANDLER)?.passedClients, undefined);
    assert.equal(contributionOf('src/routes/x.js', sourceLines("const Redis = require('ioredis');", "const { helper } = require('lodash');", 'helper(new Redis());'))?.passedClients, undefined);
  });

  describe('Redis options a module declares and other files hand to a client', () => {
    const QUEUE_SETTINGS = sourceLines(
      "import 'dotenv/config';",
      '',
      'const queueOptions: any = {',
      '  host: process.env.QUEUE_HOST,',
      '  password: process.env.QUEUE_AUTH,',
      '};',
      "if (process.env.QUEUE_TLS === 'yes') {",
      '  queueOptions.tls = { rejectUnauthorized: false };',
      '}',
      '',
      'export const queueConnection = queueOptions;',
      'export const cacheOptions = { host: process.env.CACHE_HOST, tls: { rejectUnauthorized: false } };',
      'export const reportingDb = { host: process.env.PG_HOST, ssl: { rejectUnauthorized: false } };',
    );
    const JOBS = sourceLines(
      "import { Queue, Worker } from 'bullmq';",
      "import { queueConnection } from '../settings/queues';",
      "export const invoices = new Queue('invoices', { connection: queueConnection });",
      "export const mailer = new Worker('mail', async (job) => job.data, { connection: queueConnection, concurrency: 2 });",
    );
    const CACHE = sourceLines("import Redis from 'ioredis';", "import { cacheOptions } from '../settings/queues';", 'export const cache = new Redis(cacheOptions);');
    const REPORTS = sourceLines("import { Pool } from 'pg';", "import { reportingDb } from '../settings/queues';", "import { S3Client } from '@aws-sdk/client-s3';", 'export const pool = new Pool(reportingDb);');

    it('reads them where they are written, with the keys the module sets on them, through an alias', () => {
      const model = workspaceOf({ 'src/jobs/queues.ts': JOBS, 'src/cache/client.ts': CACHE, 'src/reports/pool.ts': REPORTS });
      const found = hintsInWorkspace(model, 'src/settings/queues.ts', QUEUE_SETTINGS).filter((hint) => hint.endsWith('!'));
      // The pool's options are a SQL driver's (`code/otherFileSqlOptions.ts`), not a Redis client's.
      assert.deepEqual(found.sort(), ['12:rejectUnauthorized redis-tls!', '13:rejectUnauthorized rds-sql-tls-verification-off!', '8:rejectUnauthorized redis-tls!']);
      assert.deepEqual(contributionOf('src/jobs/queues.ts', JOBS)?.passedClients?.filter((use) => use.redisOptions).map((use) => `${use.path} ${use.redisOptions}`), ['queueConnection ioredis', 'queueConnection ioredis']);
    });

    it('reads them for a typed queue of another file (`new Queue<Invoice>(...)`)', () => {
      const typed = JOBS.replace("new Queue('invoices'", "new Queue<Invoice>('invoices'").replace("new Worker('mail'", "new Worker<Mail, void>('mail'");
      const model = workspaceOf({ 'src/jobs/queues.ts': typed });
      const found = hintsInWorkspace(model, 'src/settings/queues.ts', QUEUE_SETTINGS).filter((hint) => hint.endsWith('!'));
      assert.deepEqual(found, ['8:rejectUnauthorized redis-tls!']);
      assert.deepEqual(contributionOf('src/jobs/queues.ts', typed)?.passedClients?.filter((use) => use.redisOptions).length, 2);
    });

    it('stays silent without the workspace, for an object only a test or another library gets, and for a module the import does not lead to', () => {
      assert.deepEqual(hintsInWorkspace(undefined, 'src/settings/queues.ts', QUEUE_SETTINGS), []);
      const others = workspaceOf({ 'src/reports/pool.ts': REPORTS, 'test/queues.test.ts': JOBS.replace('../settings/queues', '../src/settings/queues') });
      assert.deepEqual(hintsInWorkspace(others, 'src/settings/queues.ts', QUEUE_SETTINGS).filter((hint) => hint.includes(' redis-')), []);
      const elsewhere = workspaceOf({ 'src/jobs/queues.ts': JOBS });
      assert.deepEqual(hintsInWorkspace(elsewhere, 'lib/settings/queues.ts', QUEUE_SETTINGS), []);
    });
  });
});
