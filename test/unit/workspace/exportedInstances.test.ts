/**
 * A module's own singleton (`export const redisConnection = new RedisConnection()`, `module.exports = new
 * Cache()`, Python's `store = Store()`): the members of its class that hold or give a client reach the files
 * that import it. Traps: no workspace, a member that holds no client, a singleton whose binding is reassigned,
 * a test double, a submodule of the same name.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const CONNECTION = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'class RedisConnection {',
  '  private redis: Redis;',
  "  private tag = 'redis';",
  '',
  '  connect() {',
  '    this.redis = new Redis({ host: process.env.REDIS_HOST });',
  '  }',
  '',
  '  get command() {',
  '    return this.redis;',
  '  }',
  '}',
  '',
  'export const redisConnection = new RedisConnection();',
);

const REPOSITORY = sourceLines(
  "import { redisConnection } from '../common/redis-access';",
  '',
  'export async function dropRecent(pattern: string) {',
  '  redisConnection.connect();',
  '  const keys = await redisConnection.command.keys(pattern);',
  "  await redisConnection.tag.keys('x');",
  '  return keys;',
  '}',
);

describe('workspace: the client members of a module\'s exported singleton', () => {
  it('reads a getter of an exported instance in the importing file, and nothing without the workspace', () => {
    const files = { 'src/common/redis-access.ts': CONNECTION, 'src/repository/feed.repository.ts': REPOSITORY };
    assert.deepEqual(hints(files, 'src/repository/feed.repository.ts'), ['5:keys redis-keys', '5:keys redis-keys!']);
    assert.deepEqual(hints(files, 'src/repository/feed.repository.ts', null), []);
  });

  it('reads a CommonJS singleton whose constructor sets the client', () => {
    const cache = sourceLines("const Redis = require('ioredis');", 'class Cache {', '  constructor() {', '    this.client = new Redis(process.env.REDIS_URL);', '  }', '}', 'module.exports = new Cache();');
    const user = sourceLines("const cache = require('./cache');", 'exports.clear = async () => {', "  const keys = await cache.client.keys('session:*');", '  return keys.length;', '};');
    assert.deepEqual(hints({ 'lib/cache.js': cache, 'lib/sessions.js': user }, 'lib/sessions.js'), ['3:keys redis-keys', '3:keys redis-keys!']);
  });

  it('stays silent for a singleton bound with let and reassigned, and for one under __mocks__', () => {
    const reassigned = CONNECTION.replace('export const redisConnection = new RedisConnection();', 'export let redisConnection = new RedisConnection();\nexport function reset() {\n  redisConnection = new RedisConnection();\n}');
    assert.deepEqual(hints({ 'src/common/redis-access.ts': reassigned, 'src/repository/feed.repository.ts': REPOSITORY }, 'src/repository/feed.repository.ts'), []);
    const mocked = REPOSITORY.replace("'../common/redis-access'", "'../__mocks__/redis-access'");
    assert.deepEqual(hints({ 'src/__mocks__/redis-access.ts': CONNECTION, 'src/repository/feed.repository.ts': mocked }, 'src/repository/feed.repository.ts'), []);
  });

  describe('Python', () => {
    const STORE = sourceLines(
      'import boto3',
      'import redis',
      '',
      '',
      'class Store:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders")',
      '        self.cache = redis.Redis(host="cache.internal")',
      '        self.name = "orders"',
      '',
      '',
      'store = Store()',
    );
    const HANDLER = sourceLines(
      'from app.db import store',
      'import app.db',
      '',
      '',
      'def handler(event, context):',
      '    items = store.table.scan()["Items"]',
      '    stale = store.cache.keys("order:*")',
      '    store.name.keys()',
      '    return app.db.store.table.scan()["Items"], stale',
    );

    it('reads the client fields of a module-level instance in the files that import it, and nothing without the workspace', () => {
      const files = { 'app/db.py': STORE, 'app/__init__.py': '', 'app/handler.py': HANDLER };
      const found = hints(files, 'app/handler.py');
      for (const expected of ['6:scan dynamodb-scan!', '7:keys redis-keys!']) {
        assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
      }
      assert.ok(!found.some((hint) => hint.startsWith('8:')), found.join('\n'));
      assert.deepEqual(hints(files, 'app/handler.py', null), []);
    });

    it('stays silent for a name bound twice, and reads a submodule of the same name as the module it is', () => {
      const rebound = `${STORE}\n\ndef reset():\n    global store\n    store = None\n`;
      assert.deepEqual(hints({ 'app/db.py': rebound, 'app/__init__.py': '', 'app/handler.py': HANDLER }, 'app/handler.py').filter((hint) => hint.startsWith('6:') || hint.startsWith('7:')), []);
      const submodule = sourceLines('import boto3', '', 'table = boto3.resource("dynamodb").Table("other")');
      const found = hints({ 'app/db/__init__.py': 'store = object()\n', 'app/db/store.py': submodule, 'app/__init__.py': '', 'app/handler.py': 'from app.db import store\n\nstore.table.scan()\n' }, 'app/handler.py');
      assert.ok(found.includes('3:scan dynamodb-scan!'), found.join('\n'));
    });

    it('reads a client attribute of an imported class read on the class itself, and nothing for a plain attribute', () => {
      const repository = sourceLines('import boto3', '', '', 'class Orders:', '    table = boto3.resource("dynamodb").Table("orders")', '    name = "orders"');
      const handler = sourceLines('from app.orders import Orders', '', '', 'def handler(event, context):', '    Orders.name.scan()', '    return Orders.table.scan()["Items"]');
      const files = { 'app/orders.py': repository, 'app/__init__.py': '', 'app/handler.py': handler };
      assert.deepEqual(hints(files, 'app/handler.py').filter((hint) => hint.endsWith('!')), ['6:scan dynamodb-scan!']);
      assert.deepEqual(hints(files, 'app/handler.py', null), []);
    });
  });
});
