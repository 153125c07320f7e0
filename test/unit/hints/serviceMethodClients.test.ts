/**
 * `lambda-client-per-invocation` for a Python handler that calls a method of a service class of another module,
 * where that method constructs a repository whose `__init__` makes a boto3 resource (`AttendanceService().send(user)`,
 * `service = ReportService(); service.build(id)`): each call makes a new client, reported at the method's name.
 * Silent: a method that uses a repository handed a table, one that returns the client it makes, a service no handler
 * calls. Also `redis-loop-round-trips` for ZREM and SREM per element, and none for a loop over a range of one index;
 * FastAPI's `Depends(lambda: ...)`; and PyMySQL's positional host, user, password and database.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation!';

const REPOSITORY = sourceLines(
  'import os',
  'import boto3',
  '',
  'class UserRepository:',
  '    def __init__(self):',
  '        self.dynamodb = boto3.resource("dynamodb")',
  '',
  '    def put_user(self, user):',
  '        self.dynamodb.Table(os.environ["USERS"]).put_item(Item=user)',
  '', // 10
  'class GivenTableRepository:',
  '    def __init__(self, table):',
  '        self.table = table',
  '',
  '    def put_user(self, user):',
  '        self.table.put_item(Item=user)',
);

const SERVICE = sourceLines(
  'import boto3',
  'from user_repository import GivenTableRepository, UserRepository',
  '',
  'class UserService(object):',
  '    def register(self, user):',
  '        UserRepository().put_user(user)',
  '',
  '    def report(self):',
  '        repository = UserRepository()',
  '        return repository.put_user({})', // 10
  '',
  '    def given(self, table, user):',
  '        GivenTableRepository(table).put_user(user)',
  '',
  '    def client(self):',
  '        return boto3.client("dynamodb")',
);

describe('Lambda: clients made by a method of a service class of another module', () => {
  it('reports the handler calls of service methods that construct a client-making repository', () => {
    const handler = sourceLines(
      'from user_service import UserService',
      '',
      'def handler(event, context):',
      '    UserService().register(event)',
      '    service = UserService()',
      '    service.report()',
      '    return {}',
    );
    const files = { 'src/user_repository.py': REPOSITORY, 'src/user_service.py': SERVICE, 'src/index.py': handler };
    assert.deepEqual(
      hintsOfFile(files, 'src/index.py').filter((hint) => hint.endsWith(RULE)),
      [`4:register ${RULE}`, `6:report ${RULE}`],
    );
  });

  it('says nothing for a repository handed a table, a method that returns its client, or no handler', () => {
    const handler = sourceLines(
      'import boto3',
      'from user_service import UserService',
      '',
      'table = boto3.resource("dynamodb").Table("users")',
      'service = UserService()',
      '',
      'def handler(event, context):',
      '    service.given(table, event)',
      '    return {}',
      '', // 10
      'def not_a_handler(user):',
      '    UserService().register(user)',
    );
    const files = { 'src/user_repository.py': REPOSITORY, 'src/user_service.py': SERVICE, 'src/index.py': handler };
    assert.deepEqual(hintsOfFile(files, 'src/index.py').filter((hint) => hint.endsWith(RULE)), []);
  });
});

describe('redis-loop-round-trips: ZREM and SREM per element, and a loop over one index', () => {
  it('reports ZREM and SREM per element and stays silent in a loop over ZRANGE key 0 0', () => {
    const code = sourceLines(
      'import redis',
      'r = redis.Redis(host="cache.internal", ssl=True)',
      '',
      'def prune(entries, user_id, groups):',
      '    for board, member in entries:',
      '        r.zrem(board, member)',
      '    for group in groups:',
      '        r.srem(group, user_id)',
      '',
      'def claim(board):', // 10
      '    for member in r.zrange(board, 0, 0):',
      '        if r.sismember("claimed", member):',
      '            continue',
      '        r.sadd("claimed", member)',
      '    for member in r.zrange(board, 0, 2):',
      '        r.sadd("claimed", member)',
    );
    const loops = hintsIn('jobs.py', code).filter((hint) => hint.endsWith('redis-loop-round-trips!'));
    assert.deepEqual(loops, ['6:zrem redis-loop-round-trips!', '8:srem redis-loop-round-trips!', '16:sadd redis-loop-round-trips!']);
  });

  it('stays silent in a JavaScript loop over LRANGE key 3 3', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL);',
      'export async function first(key) {',
      '  for (const id of await redis.lrange(key, 3, 3)) {',
      '    await redis.sadd("seen", id);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('first.js', code).filter((hint) => hint.endsWith('redis-loop-round-trips!')), []);
  });
});

describe('FastAPI: a Depends lambda', () => {
  it('gives the parameter its body value and reports a client it makes per request, not a shared one', () => {
    const code = sourceLines(
      'import boto3',
      'import redis',
      'from fastapi import Depends, FastAPI',
      'app = FastAPI()',
      'shared = redis.Redis(host="cache.internal", ssl=True)',
      '',
      '@app.get("/all")',
      'def all_items(table=Depends(lambda: boto3.resource("dynamodb").Table("items"))):',
      '    return table.scan()["Items"]',
      '', // 10
      '@app.get("/keys")',
      'def keys(cache=Depends(dependency=lambda: shared)):',
      '    return cache.keys("*")',
    );
    const hints = hintsIn('api.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(hints, ['8:resource client-per-request!', '9:scan dynamodb-scan!', '13:keys redis-keys!']);
  });
});

describe('PyMySQL before 1.0: host, user, password and database by position', () => {
  it('reads a positional RDS host without TLS and a positional literal password, not a local server', () => {
    const code = sourceLines(
      'import pymysql',
      'rds_host = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"',
      'conn = pymysql.connect(rds_host, "app", "s3cret-pass", "orders", connect_timeout=5)',
      'dev = pymysql.connect("localhost", "root", "root", "orders")',
      'tls = pymysql.connect(rds_host, user="app", password=None, ssl={"ca": "/opt/rds.pem"})',
    );
    const hints = hintsIn('db.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(hints, ['3:connect rds-sql-tls-missing!', '3:"s3cret-pass" rds-sql-password!']);
  });
});
