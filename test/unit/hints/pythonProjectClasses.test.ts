/**
 * Python, workspace mode: an instance of a class another module declares, with the clients its methods
 * return and its client fields (`self.r = RedisClient().connect()`, `Database().table.scan(...)`,
 * `Database.connect()` for a class method), also as a parameter annotated with the class (`clients: RedisClient`). Then what stays silent: a method that returns no client, a
 * method the class does not define, a class of a test double module, and the same file without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { sourceLines } from './support';

function findingsOf(found: readonly string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const CLIENTS = sourceLines(
  'import boto3',
  'import redis',
  '',
  '',
  'class RedisClient:',
  '    def connect(self):',
  '        pool = redis.ConnectionPool(host="cache", port=6379)',
  '        return redis.StrictRedis(connection_pool=pool)',
  '',
  '    def settings(self):',
  '        return {"host": "cache"}',
  '',
  '',
  'class Database:',
  '    def __init__(self):',
  '        self.table = boto3.resource("dynamodb").Table("orders")',
  '',
  '    @classmethod',
  '    def connect(cls):',
  '        return boto3.client("dynamodb")',
);

describe('Python: instances of a class another workspace module declares', () => {
  it('reads the client a method of the instance returns, a client field of it, and a class method', () => {
    const helper = sourceLines(
      'from app.utils.clients import Database, RedisClient',
      '',
      '',
      'class SessionStore:',
      '    def __init__(self):',
      '        self.r = RedisClient().connect()',
      '',
      '    def purge(self):',
      '        for key in self.r.keys("session:*"):',
      '            self.r.delete(key)',
      '',
      '',
      'def all_orders():',
      '    db = Database()',
      '    return db.table.scan()["Items"]',
      '',
      '',
      'def all_orders_again():',
      '    return Database.connect().scan(TableName="orders")["Items"]',
    );
    const files = { 'app/__init__.py': '', 'app/utils/__init__.py': '', 'app/utils/clients.py': CLIENTS, 'app/sessions.py': helper };
    const found = hintsInWorkspace(workspaceOf(files), 'app/sessions.py', helper);
    assert.deepEqual(findingsOf(found), ['10:delete redis-loop-round-trips!', '15:scan dynamodb-scan!', '19:scan dynamodb-scan!', '9:keys redis-keys!'], found.join('\n'));
    // Without the workspace the class is unknown here (line 19 is known by its request's `TableName` alone).
    const alone = hintsInWorkspace(undefined, 'app/sessions.py', helper);
    assert.deepEqual(alone.filter((hint) => !hint.startsWith('19:')), [], alone.join('\n'));
  });

  it('reads a parameter annotated with the class as an instance of it (a service handed to another)', () => {
    const helper = sourceLines(
      'from app.utils.clients import RedisClient',
      '',
      '',
      'class SessionStore:',
      '    def __init__(self, clients: RedisClient, named: "RedisClient"):',
      '        self.r = clients.connect()',
      '        self.named = named',
      '',
      '    def purge(self):',
      '        self.r.keys("session:*")',
      '        self.named.connect().keys("session:*")',
      '        self.named.settings().keys()',
    );
    const files = { 'app/__init__.py': '', 'app/utils/__init__.py': '', 'app/utils/clients.py': CLIENTS, 'app/sessions.py': helper };
    const found = hintsInWorkspace(workspaceOf(files), 'app/sessions.py', helper);
    assert.deepEqual(findingsOf(found), ['10:keys redis-keys!', '11:keys redis-keys!'], found.join('\n'));
  });

  it('stays silent on a method that returns no client, a method the class lacks, and a test double module\'s class', () => {
    const helper = sourceLines(
      'from app.utils.clients import RedisClient',
      'from tests.fakes import FakeRedisClient',
      '',
      '',
      'def check():',
      '    RedisClient().settings().keys()',
      '    RedisClient().missing().keys("*")',
      '    FakeRedisClient().connect().keys("*")',
      '    RedisClient().keys("*")',
    );
    const fakes = CLIENTS.replace('class RedisClient:', 'class FakeRedisClient:');
    const files = { 'app/__init__.py': '', 'app/utils/__init__.py': '', 'app/utils/clients.py': CLIENTS, 'tests/__init__.py': '', 'tests/fakes.py': fakes, 'app/check.py': helper };
    const found = hintsInWorkspace(workspaceOf(files), 'app/check.py', helper);
    assert.deepEqual(found, [], found.join('\n'));
  });
});
