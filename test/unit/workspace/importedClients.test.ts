/**
 * A client that one module of the workspace makes at module level, read in the files that import it:
 * Python (`from webapp import redis_connection`, relative imports, `import pkg.mod as m`) and JavaScript
 * or TypeScript (named, default and namespace imports, `require`, barrels). Then what must resolve to
 * nothing: a name rebound or bound conditionally, a local that hides the import, a cycle of re-exports,
 * a module outside the workspace or one that maps to files that disagree.
 */
import * as assert from 'node:assert/strict';
import { WorkspaceView } from '../../../src/hints/engine/workspace/types';
import { sourceLines } from '../hints/support';
import { contributionOf, copiedToThread, hintsInWorkspace, workspaceOf } from './support';

/** A model of the given files, each indexed as the adapters index it. */
const hints = hintsInWorkspace;

/** The Redis commands of a file that the hints read as commands (`line:command`), from their KEYS, DEL and FLUSHDB hovers. */
function redisCommands(model: WorkspaceView | undefined, file: string, code: string): string[] {
  return hints(model, file, code)
    .filter((hint) => / redis-(?:keys|unlink|flush)$/.test(hint))
    .map((hint) => hint.split(' ')[0]);
}

const REDIS_MODULE = sourceLines('import redis', '', 'from webapp import settings', '', 'redis_connection = redis.from_url(settings.REDIS_URL)');

const CLEANUP = sourceLines(
  'from webapp import redis_connection',
  '',
  '',
  'def drop_stale_locks(live_ids):',
  '    for lock_key in redis_connection.keys("lock:*"):',
  '        if lock_key not in live_ids:',
  '            redis_connection.delete(lock_key)',
);

describe('workspace: clients that Python modules make, in the files that import them', () => {
  it('reads a client that a package makes in its __init__.py, and nothing without the workspace', () => {
    const model = workspaceOf({ 'webapp/__init__.py': REDIS_MODULE, 'webapp/settings.py': 'REDIS_URL = "redis://cache:6379/0"\n' });
    const found = hints(model, 'webapp/tasks/cleanup.py', CLEANUP);
    for (const expected of ['5:keys redis-keys', '5:keys redis-keys!', '7:delete redis-loop-round-trips', '7:delete redis-loop-round-trips!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(hints(undefined, 'webapp/tasks/cleanup.py', CLEANUP), []);
    assert.deepEqual(hints(workspaceOf({}), 'webapp/tasks/cleanup.py', CLEANUP), [], 'a workspace without the module');
  });

  it('follows relative imports, absolute ones from any folder above, `import … as`, and modules reached by attribute', () => {
    const model = workspaceOf({
      'src/shop/cache.py': 'import redis\n\nclient = redis.Redis(host="cache")\n',
      'src/shop/__init__.py': '',
      'src/shop/jobs/__init__.py': '',
    });
    const code = sourceLines(
      'import shop.cache',
      'import shop.cache as page_cache',
      'from shop import cache',
      'from shop.cache import client',
      'from ..cache import client as relative_client',
      'from .. import cache as parent_cache',
      '',
      'def purge():',
      '    client.keys("a:*")',
      '    relative_client.keys("b:*")',
      '    page_cache.client.keys("c:*")',
      '    cache.client.keys("d:*")',
      '    parent_cache.client.keys("e:*")',
      '    shop.cache.client.keys("f:*")',
    );
    assert.deepEqual(redisCommands(model, 'src/shop/jobs/purge.py', code), ['10:keys', '11:keys', '12:keys', '13:keys', '14:keys', '9:keys']);
  });

  it('passes on a client that a package imports in its __init__.py, and one a client module imports from its own package', () => {
    const model = workspaceOf({
      'webapp/__init__.py': 'from webapp.extensions import cache\nfrom .storage import orders\n',
      'webapp/extensions.py': 'import redis\n\ncache = redis.Redis()\n',
      'webapp/storage.py': 'import boto3\n\norders = boto3.resource("dynamodb").Table("orders")\n',
      'webapp/api.py': 'import redis\n\nfrom .extensions import cache as shared_cache\n\nlimits = redis.Redis(db=1)\n',
    });
    const code = sourceLines('from webapp import cache, orders', 'from webapp.api import shared_cache', '', 'def report():', '    cache.flushdb()', '    shared_cache.keys("*")', '    return orders.scan()["Items"]');
    const found = hints(model, 'jobs/report.py', code);
    for (const expected of ['5:flushdb redis-flush', '6:keys redis-keys', '7:scan dynamodb-scan']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('keeps the table a module-level Table("…") names, so that the workspace checks read the imported table', () => {
    const model = workspaceOf({
      'template.yaml': sourceLines(
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  Orders:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      TableName: orders',
        '      AttributeDefinitions:',
        '        - AttributeName: customer',
        '          AttributeType: S',
        '      KeySchema:',
        '        - AttributeName: customer',
        '          KeyType: HASH',
      ),
      'app/db.py': 'import boto3\n\norders = boto3.resource("dynamodb").Table("orders")\n',
    });
    const code = sourceLines('from app.db import orders', '', 'def one(order_id):', '    return orders.get_item(Key={"order_id": order_id})');
    const found = hints(model, 'app/handlers/get_order.py', code);
    assert.ok(
      found.some((hint) => hint.startsWith('4:') && hint.endsWith('dynamodb-workspace-key-attributes!')),
      found.join('\n'),
    );
  });

  it('reads a client made by a same-file factory, and what the factory names in turn', () => {
    const model = workspaceOf({
      'app/clients.py': sourceLines('import redis', '', '', 'def _pool():', '    return redis.ConnectionPool(host="cache")', '', '', 'def make_client():', '    return redis.Redis(connection_pool=_pool())', '', '', 'cache = make_client()'),
    });
    assert.deepEqual(redisCommands(model, 'app/job.py', 'from app.clients import cache\n\ncache.keys("*")\n'), ['3:keys']);
  });

  it('reads a client bound to `a if cond else b` when both branches make one, also in parentheses, and nothing when one is not a client', () => {
    const model = workspaceOf({
      'app/__init__.py': '',
      'app/stores.py': sourceLines(
        'import os',
        'import boto3',
        'import redis.asyncio as aioredis',
        'from redis.asyncio.cluster import RedisCluster',
        '',
        'URL = os.environ["REDIS_URL"]',
        'cache = RedisCluster.from_url(URL) if os.environ.get("CLUSTER") else aioredis.from_url(URL)',
        'nested = aioredis.from_url(URL, db=1) if os.environ.get("A") else aioredis.from_url(URL, db=2) if os.environ.get("B") else aioredis.Redis()',
        'orders = (',
        '    boto3.resource("dynamodb", endpoint_url=os.environ["LOCAL"]).Table("orders")',
        '    if os.environ.get("LOCAL")',
        '    else boto3.resource("dynamodb").Table("orders")',
        ')',
        'maybe = aioredis.from_url(URL) if os.environ.get("DEBUG") else None',
        'wrapped = (aioredis.from_url(URL) if os.environ.get("DEBUG") else None)',
        'mixed = aioredis.from_url(URL) if os.environ.get("DEBUG") else boto3.resource("dynamodb").Table("orders")',
      ),
    });
    const code = sourceLines(
      'from app.stores import cache, maybe, mixed, nested, orders, wrapped',
      '',
      'async def purge():',
      '    await cache.keys("a:*")',
      '    await nested.keys("b:*")',
      '    await maybe.keys("c:*")',
      '    await wrapped.keys("d:*")',
      '    await mixed.keys("e:*")',
      '    return orders.scan()["Items"]',
    );
    const found = hints(model, 'jobs/purge.py', code);
    assert.deepEqual(redisCommands(model, 'jobs/purge.py', code), ['4:keys', '5:keys']);
    assert.ok(found.includes('9:scan dynamodb-scan!'), found.join('\n'));
  });

  it('gives nothing for a name rebound, bound conditionally, only declared, or rebound by a function through `global`', () => {
    const model = workspaceOf({
      'app/clients.py': sourceLines(
        'import os',
        '',
        'import redis',
        '',
        'rebound = redis.Redis()',
        'if os.environ.get("TESTING"):',
        '    rebound = {}',
        'conditional = redis.Redis() if os.environ.get("REDIS_HOST") else None',
        'declared: redis.Redis',
        'kept = redis.Redis()',
      ),
      'app/lazy.py': sourceLines('import redis', '', 'lazy = redis.Redis()', '', '', 'def reset():', '    global lazy', '    lazy = None'),
    });
    const code = sourceLines('from app.clients import conditional, declared, kept, rebound', 'from app.lazy import lazy', '', 'rebound.keys("*")', 'conditional.keys("*")', 'declared.keys("*")', 'lazy.keys("*")', 'kept.keys("*")');
    assert.deepEqual(redisCommands(model, 'app/job.py', code), ['8:keys']);
  });

  it('never reads a docstring or a function body as module-level code', () => {
    const model = workspaceOf({
      'app/clients.py': sourceLines(
        '"""Clients of the app.',
        '',
        'example = redis.Redis()',
        '"""',
        'import redis',
        '',
        '',
        'def connect():',
        '    inner = redis.Redis()',
        '    return inner',
        '',
        '',
        'class Holder:',
        '    attribute = redis.Redis()',
      ),
    });
    const code = sourceLines('from app.clients import example, inner, attribute', '', 'example.keys("*")', 'inner.keys("*")', 'attribute.keys("*")');
    assert.deepEqual(redisCommands(model, 'app/job.py', code), []);
  });

  it('lets a parameter, a local or a module-level rebinding in the importing file hide the import', () => {
    const model = workspaceOf({ 'webapp/__init__.py': REDIS_MODULE });
    const code = sourceLines(
      'from webapp import redis_connection',
      '',
      'def count(redis_connection):',
      '    return len(redis_connection.keys("a:*"))',
      '',
      'def local():',
      '    redis_connection = {}',
      '    return redis_connection.keys()',
      '',
      'def uses_import():',
      '    return redis_connection.keys("b:*")',
    );
    assert.deepEqual(redisCommands(model, 'jobs/count.py', code), ['11:keys']);
    const rebound = sourceLines('from webapp import redis_connection', 'from tests.fakes import FakeRedis', '', 'redis_connection = FakeRedis()', 'redis_connection.keys("*")');
    assert.deepEqual(redisCommands(model, 'jobs/fake.py', rebound), []);
  });

  it('gives nothing for a name from a module that makes no client at module level', () => {
    const model = workspaceOf({
      'app/clients.py': sourceLines('import redis', '', 'cache = redis.Redis()'),
      'app/factory.py': sourceLines(
        'import redis',
        '',
        'settings = {"host": "cache"}',
        '',
        '',
        'def make_cache():',
        '    return redis.Redis(**settings)',
        '',
        '',
        'cache_factory = make_cache',
      ),
    });
    const code = sourceLines(
      'from app.clients import cache',
      'from app.factory import cache_factory, make_cache, settings',
      '',
      'cache.keys("a:*")',
      'settings.keys("b:*")',
      'make_cache.keys("c:*")',
      'cache_factory.keys("d:*")',
    );
    assert.deepEqual(redisCommands(model, 'app/job.py', code), ['4:keys']);
  });

  it('gives nothing for a client that a test double module makes, in tests or in the app', () => {
    const client = sourceLines('import redis', '', 'cache = redis.Redis()');
    const model = workspaceOf({
      'app/clients.py': client,
      'tests/fakes.py': client,
      'app/conftest.py': client,
      'app/mocks.py': client,
      'app/fake_clients.py': client,
      'app/testing/__init__.py': client,
      'app/__init__.py': 'from .mocks import cache as shared\n',
    });
    const code = sourceLines(
      'from app.clients import cache',
      'from tests.fakes import cache as fake',
      'from app.conftest import cache as fixture',
      'from app import mocks',
      'from .fake_clients import cache as stand_in',
      'from app.testing import cache as testing',
      'from app import shared',
      '',
      'cache.keys("a:*")',
      'fake.keys("b:*")',
      'fixture.keys("c:*")',
      'mocks.cache.keys("d:*")',
      'stand_in.keys("e:*")',
      'testing.keys("f:*")',
      'shared.keys("g:*")',
    );
    assert.deepEqual(redisCommands(model, 'app/job.py', code), ['9:keys']);
    assert.deepEqual(redisCommands(model, 'tests/test_job.py', code), ['9:keys'], 'a test reads the application module it imports');
  });

  it('reads no request shaped for DynamoDB through a relative import that leads into a test folder', () => {
    const code = sourceLines('from .helpers import orders', '', '', 'def export_all():', '    return orders.scan(TableName="orders")["Items"]');
    const scans = (file: string): string[] => hints(workspaceOf({}), file, code).filter((hint) => hint.includes(' dynamodb-scan'));
    assert.deepEqual(scans('app/export.py'), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    assert.deepEqual(scans('tests/test_export.py'), []);
  });

  it('ends a cycle of re-exports with nothing, and gives nothing for a module outside the workspace or one that two files answer differently', () => {
    const cycle = workspaceOf({ 'app/a.py': 'from .b import client\nimport redis\n', 'app/b.py': 'from .a import client\nimport redis\n' });
    assert.deepEqual(redisCommands(cycle, 'app/job.py', 'from app.a import client\nclient.keys("*")\n'), []);
    const ambiguous = workspaceOf({
      'config.py': 'import redis\n\ncache = redis.Redis()\n',
      'services/orders/config.py': 'import redis.asyncio\n\ncache = redis.asyncio.Redis()\n',
    });
    assert.deepEqual(redisCommands(ambiguous, 'services/orders/job.py', 'from config import cache\ncache.keys("*")\n'), [], 'config.py under two folders above the file');
    assert.deepEqual(redisCommands(ambiguous, 'tools/job.py', 'from config import cache\ncache.keys("*")\n'), ['2:keys'], 'only the top one is above this file');
    assert.deepEqual(redisCommands(ambiguous, 'tools/job.py', 'from vendor.config import cache\ncache.keys("*")\n'), []);
  });
});

describe('workspace: clients that JavaScript and TypeScript modules export, in the files that import them', () => {
  const model = workspaceOf({
    'src/lib/dynamo.ts': sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';",
      "import Redis from 'ioredis';",
      '',
      'export const ddb = DynamoDBDocument.from(new DynamoDBClient({}));',
      'export default new Redis(process.env.REDIS_URL!);',
      'export async function handler(): Promise<void> {',
      '  await ddb.scan({ TableName: "t" });',
      '}',
    ),
    'src/lib/cache.js': "const Redis = require('ioredis');\n\nmodule.exports = new Redis(process.env.REDIS_URL);\n",
    'src/lib/clients.js': "const Redis = require('ioredis');\n\nconst sessions = new Redis();\nexports.queue = new Redis();\nmodule.exports.locks = new Redis();\nmodule.exports.sessions = sessions;\n",
    'src/lib/index.ts': "export * from './dynamo';\nexport { default as redis } from './dynamo';\nexport { queue as jobs } from './clients.js';\n",
    'src/lib/swap.ts': "import Redis from 'ioredis';\n\nexport let swapped = new Redis();\nexport function useFake(fake: { keys(pattern: string): Promise<string[]> }): void {\n  swapped = fake as Redis;\n}\n",
  });

  it('reads named, default and namespace imports, `require`, and names a barrel passes on', () => {
    const code = sourceLines(
      "import { ddb } from '../lib/dynamo';",
      "import redis from '../lib/dynamo.js';",
      "import * as lib from '../lib';",
      "import { redis as barrelRedis, jobs } from '../lib/index';",
      "const cache = require('../lib/cache');",
      "const { queue, locks, sessions } = require('../lib/clients');",
      '',
      'export async function cleanup(ids: string[]): Promise<void> {',
      '  await redis.keys("a:*");',
      '  await lib.ddb.scan(params());',
      '  await barrelRedis.keys("b:*");',
      '  await jobs.keys("c:*");',
      '  await cache.keys("d:*");',
      '  await queue.keys("e:*");',
      '  await locks.keys("f:*");',
      '  await sessions.keys("g:*");',
      '  await ddb.scan(params());',
      '}',
    );
    const found = hints(model, 'src/jobs/cleanup.ts', code);
    for (const expected of ['9:keys redis-keys', '10:scan dynamodb-scan', '11:keys redis-keys', '12:keys redis-keys', '13:keys redis-keys', '14:keys redis-keys', '15:keys redis-keys', '16:keys redis-keys', '17:scan dynamodb-scan']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(hints(undefined, 'src/jobs/cleanup.ts', code).filter((hint) => hint.includes('keys')), []);
  });

  it('gives nothing for an exported `let` that a function reassigns, a function, a package, or a local that hides the import', () => {
    const code = sourceLines(
      "import { swapped } from '../lib/swap';",
      "import { handler } from '../lib/dynamo';",
      "import cache from 'some-cache-package';",
      "import redis from '../lib/dynamo';",
      '',
      'export async function run(client: { keys(pattern: string): string[] }): Promise<void> {',
      '  await swapped.keys("a:*");',
      '  await handler.keys("b:*");',
      '  await cache.keys("c:*");',
      '  const redis = client;',
      '  await redis.keys("d:*");',
      '}',
    );
    assert.deepEqual(redisCommands(model, 'src/jobs/run.ts', code), []);
  });

  it('gives nothing for a parameter named as an imported client, nor for a client a test double module exports', () => {
    const doubles = workspaceOf({
      'src/lib/cache.ts': "import Redis from 'ioredis';\n\nexport const cache = new Redis();\n",
      'test/helpers/cache.ts': "import Redis from 'ioredis';\n\nexport const cache = new Redis();\n",
      'src/lib/__mocks__/cache.ts': "import Redis from 'ioredis';\n\nexport const cache = new Redis();\n",
      'src/lib/cache.mock.ts': "import Redis from 'ioredis';\n\nexport const cache = new Redis();\n",
      'src/lib/index.ts': "export { cache as shared } from './cache.mock';\n",
    });
    const code = sourceLines(
      "import { cache } from '../lib/cache';",
      "import { cache as helper } from '../../test/helpers/cache';",
      "import { cache as mocked } from '../lib/__mocks__/cache';",
      "import { cache as stub } from '../lib/cache.mock';",
      "import { shared } from '../lib';",
      '',
      'export async function purge(): Promise<void> {',
      '  await cache.keys("a:*");',
      '  await helper.keys("b:*");',
      '  await mocked.keys("c:*");',
      '  await stub.keys("d:*");',
      '  await shared.keys("e:*");',
      '}',
      '',
      'export async function count(cache: { keys(pattern: string): Promise<string[]> }): Promise<number> {',
      '  return (await cache.keys("f:*")).length;',
      '}',
    );
    assert.deepEqual(redisCommands(doubles, 'src/jobs/purge.ts', code), ['8:keys']);
  });

  it('gives nothing for a client of test wiring named in camel case (testInjector.ts), and keeps a module that only starts with "test"', () => {
    const files = {
      'src/data/testInjector.ts': "import Redis from 'ioredis';\n\nexport const localRedis = new Redis();\n",
      'src/data/testament.ts': "import Redis from 'ioredis';\n\nexport const archive = new Redis();\n",
    };
    const code = sourceLines(
      "import { localRedis } from '../src/data/testInjector';",
      "import { archive } from '../src/data/testament';",
      '',
      'export async function seed(): Promise<void> {',
      '  await localRedis.keys("a:*");',
      '  await archive.keys("b:*");',
      '}',
    );
    assert.deepEqual(redisCommands(workspaceOf(files), 'scripts/seed.ts', code), ['6:keys']);
  });

  it('reads no request shaped for DynamoDB through a relative import that leads into a test folder', () => {
    const code = sourceLines("import { localDdb } from './setup';", '', "export const all = () => localDdb.scan({ TableName: 'orders' });");
    const scans = (file: string): string[] => hints(workspaceOf({}), file, code).filter((hint) => hint.includes(' dynamodb-scan'));
    assert.deepEqual(scans('src/orders.ts'), ['3:scan dynamodb-scan', '3:scan dynamodb-scan!']);
    assert.deepEqual(scans('test/orders.test.ts'), []);
  });

  it('ends a cycle of `export *` with nothing', () => {
    const cycle = workspaceOf({ 'a.ts': "export * from './b';\nexport const x = 1;\n", 'b.ts': "export * from './a';\nexport const y = 2;\n" });
    assert.deepEqual(redisCommands(cycle, 'job.ts', "import { client } from './a';\nclient.keys('*');\n"), []);
  });
});

describe('workspace: exported clients as the model keeps them', () => {
  it('answers the same from a snapshot sent to a worker thread', () => {
    const model = workspaceOf({ 'webapp/__init__.py': REDIS_MODULE });
    const copy = copiedToThread(model);
    assert.deepEqual(copy.importedClient('webapp/tasks/cleanup.py', 'webapp', 'redis_connection'), { kind: 'redis', flavor: 'redis-py' });
    assert.deepEqual(hints(copy, 'webapp/tasks/cleanup.py', CLEANUP), hints(model, 'webapp/tasks/cleanup.py', CLEANUP));
  });

  it('follows an edit of the module, and changes nothing on an edit inside a function body', () => {
    const model = workspaceOf({ 'webapp/__init__.py': REDIS_MODULE });
    const withFunction = `${REDIS_MODULE}\n\ndef helper():\n    return 1\n`;
    assert.equal(model.update('webapp/__init__.py', contributionOf('webapp/__init__.py', withFunction)), true);
    assert.equal(model.update('webapp/__init__.py', contributionOf('webapp/__init__.py', withFunction.replace('return 1', 'return 2'))), false);
    assert.deepEqual(redisCommands(model, 'webapp/tasks/cleanup.py', CLEANUP), ['5:keys', '7:delete']);
    model.update('webapp/__init__.py', contributionOf('webapp/__init__.py', REDIS_MODULE.replace('redis.from_url(settings.REDIS_URL)', 'settings.make_cache()')));
    assert.deepEqual(redisCommands(model, 'webapp/tasks/cleanup.py', CLEANUP), []);
  });

  it('keeps no module text for a file that can export no client', () => {
    assert.equal(contributionOf('app/util.py', 'import os\n\ndef f():\n    return os.getcwd()\n'), undefined, 'no client library');
    assert.equal(contributionOf('app/job.py', 'import redis\n\n\ndef f(key):\n    return key.upper()\n'), undefined, 'nothing bound at module level, no function that makes a client');
    assert.equal(contributionOf('src/handler.ts', "import Redis from 'ioredis';\n\nconst redis = new Redis();\n\nexport async function handler() {\n  return { statusCode: 200, body: String(await redis.dbsize()) };\n}\n"), undefined, 'exports only a function that returns no client');
    assert.equal(contributionOf('src/handler.ts', "import Redis from 'ioredis';\n\nexport const handler = async () => new Map();\n"), undefined, 'an arrow function that returns no client');
    const kept = contributionOf('app/db.py', sourceLines('"""Docs."""', 'import boto3', '', 'table = boto3.resource("dynamodb").Table("t")', '', '', 'def query(pk):', '    return table.query()'))?.module;
    assert.deepEqual(kept, { language: 'python', text: '\nimport boto3\n\ntable = boto3.resource("dynamodb").Table("t")\n\n\n' });
  });
});
