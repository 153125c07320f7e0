/**
 * Handler and cache-layer shapes read since the thirty-eighth audit: a TypeScript arrow handler whose return type
 * holds an object type (`Promise<{ statusCode: number }>`), a client made from a boto3 session the module made
 * once, Chalice's event handlers (`@app.on_sqs_message(...) def handle(event)`), and a field a class fills in
 * `connect()` and empties again in a later `close()`. Silent: a session that takes what the invocation holds, a
 * session given as a parameter, Chalice's decorators in a file that does not import Chalice, a decorated function
 * with two parameters that is no handler by them, a field only ever set to `None`, and django-redis's
 * `get_redis_connection(...)` in a view, which hands out the client the cache backend keeps. In workspace mode, an
 * interface another module exports with client-typed members (an awilix cradle) types the classes that take it, and
 * an object pattern typed as a whole (`({ redis }: Deps)`) holds the members of that type.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, hintsOfRules, sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';

function perInvocation(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(PER_INVOCATION));
}

describe('Handler shapes (audit 38)', () => {
  it('reads an arrow handler whose return type holds an object type as a function', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import type { APIGatewayProxyEvent } from 'aws-lambda';",
      '',
      'export const handler = async (event: APIGatewayProxyEvent): Promise<{ statusCode: number; body: string }> => {',
      '  const client = new DynamoDBClient({});',
      "  return { statusCode: 200, body: String(client.config) };",
      '};',
      '',
      'export const direct = async (event: APIGatewayProxyEvent): { statusCode: number } => {',
      '  const client = new DynamoDBClient({});', // 10
      '  return { statusCode: client ? 200 : 500 };',
      '};',
      '',
      'export const picked = (ok: boolean) => (ok ? { a: 1 } : { a: 2 });',
    );
    assert.deepEqual(perInvocation('handler.ts', code), [`5:DynamoDBClient ${PER_INVOCATION}`, `10:DynamoDBClient ${PER_INVOCATION}`]);
  });

  it('reports a client made in a handler from a session the module made once, not from one the invocation configures', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'session = boto3.session.Session()',
      '',
      'def lambda_handler(event, context):',
      "    rds = session.client(service_name='rds', region_name='eu-west-1')",
      "    return rds.generate_db_auth_token('db.example.internal', 5432, 'app')",
      '',
      'def tenant_handler(event, context):',
      "    scoped = boto3.Session(aws_access_key_id=event['key'], aws_secret_access_key=event['secret'])", // 10
      "    return scoped.client('dynamodb').get_item(TableName='t', Key={'pk': {'S': 'a'}})",
      '',
      'def helper(session):',
      "    return session.client('dynamodb')",
      '',
      'class Holder:',
      '    session = boto3.Session()',
      '',
      '    def run(self, event, context):',
      "        return self.session.client('dynamodb')", // 20
    );
    assert.deepEqual(perInvocation('handler.py', code), [`6:client ${PER_INVOCATION}`]);
  });

  it('reads Chalice event handlers as Lambda handlers, in a file that imports Chalice', () => {
    const code = sourceLines(
      'import boto3',
      'from chalice import Chalice',
      '',
      "app = Chalice(app_name='orders')",
      '',
      "@app.on_sqs_message(queue='jobs', batch_size=5)",
      'def on_job(event):',
      "    table = boto3.resource('dynamodb').Table('jobs')",
      '    for record in event:',
      "        table.put_item(Item={'pk': record.body})", // 10
      '',
      "@app.schedule('rate(1 hour)')",
      'def hourly(event):',
      "    return boto3.client('dynamodb').describe_table(TableName='jobs')",
      '',
      "@app.on_s3_event(bucket='uploads')",
      'def on_upload(event, extra):',
      "    return boto3.client('dynamodb')",
    );
    assert.deepEqual(perInvocation('app.py', code), [`8:resource ${PER_INVOCATION}`, `14:client ${PER_INVOCATION}`]);
    const other = sourceLines(
      'import boto3',
      'from scheduler import app',
      '',
      "@app.schedule('rate(1 hour)')",
      'def hourly(event):',
      "    return boto3.client('dynamodb').describe_table(TableName='jobs')",
    );
    assert.deepEqual(perInvocation('jobs.py', other), []);
  });

  it('reads a field filled in connect() through a later close() that empties it', () => {
    const code = sourceLines(
      'from redis.asyncio import Redis',
      '',
      'class PriceCache:',
      '    def __init__(self, url):',
      '        self._url = url',
      '        self._client = None',
      '',
      '    async def connect(self):',
      '        self._client = Redis.from_url(self._url)',
      '', // 10
      '    async def close(self):',
      '        if self._client is not None:',
      '            await self._client.aclose()',
      '            self._client = None',
      '',
      '    async def _ensure(self):',
      '        if self._client is None:',
      '            await self.connect()',
      '        return self._client',
      '', // 20
      '    async def put(self, key, payload):',
      '        client = await self._ensure()',
      '        await client.set(key, payload)',
      '',
      '    async def purge(self):',
      "        await self._client.flushall()",
      '',
      'class Empty:',
      '    def __init__(self):',
      '        self.conn = None', // 30
      '',
      '    def reset(self):',
      '        self.conn = None',
      '',
      '    def put(self, key):',
      "        self.conn.set(key, 'x')",
    );
    assert.deepEqual(hintsOfRules('prices.py', code, ['redis-expire', 'redis-flush']), ['23:set redis-expire', '26:flushall redis-flush', '26:flushall redis-flush!']);
  });

  it('reads django-redis get_redis_connection in a view as the shared client, not one made per request', () => {
    const code = sourceLines(
      'import django_redis',
      'from django_redis import get_redis_connection as raw_redis',
      'import redis',
      '',
      'def purge(request):',
      "    conn = raw_redis('default')",
      "    other = django_redis.get_redis_connection('sessions')",
      "    own = redis.Redis(host='cache.internal')",
      "    return conn.keys('x*'), other.dbsize(), own.dbsize()",
    );
    assert.deepEqual(hintsOfRules('views.py', code, ['client-per-request', 'redis-keys']), [
      '8:Redis client-per-request',
      '8:Redis client-per-request!',
      '9:keys redis-keys',
      '9:keys redis-keys!',
    ]);
  });

  it('reads the members of an interface another module exports as the clients they are typed with', () => {
    const container = sourceLines(
      "import { Redis } from 'ioredis';",
      "import type { Logger } from 'pino';",
      '',
      'export interface Cradle {',
      '  redis: Redis;',
      '  logger: Logger;',
      '}',
      '',
      'export interface Settings {',
      '  prefix: string;',
      '}',
    );
    const service = sourceLines(
      "import type { Cradle, Settings } from '../container';",
      '',
      'export default class Sweeper {',
      '  constructor(private cradle: Cradle, private settings: Settings) {}',
      '',
      '  async sweep() {',
      "    const keys = await this.cradle.redis.keys('lock:*');",
      "    this.cradle.logger.info('swept');",
      '    return keys;',
      '  }',
      '}',
    );
    const files = { 'src/container.ts': container, 'src/services/sweeper.ts': service };
    assert.deepEqual(hintsOfFile(files, 'src/services/sweeper.ts'), ['7:keys redis-keys', '7:keys redis-keys!']);
    assert.deepEqual(hintsOfFile({ ...files, 'src/container.ts': container.replace('redis: Redis;', 'redis: unknown;') }, 'src/services/sweeper.ts'), []);
  });

  it('reads the names of an object pattern typed as a whole as the members of that type', () => {
    const code = sourceLines(
      "import { Redis } from 'ioredis';",
      '',
      'interface Deps {',
      '  redis: Redis;',
      '  prefix: string;',
      '}',
      '',
      'export async function sweep({ redis, prefix: namespace }: Deps) {',
      '  const keys = await redis.keys(`${namespace}:*`);',
      '  return namespace.split(keys[0]);', // 10
      '}',
      '',
      'export async function untyped({ redis }) {',
      "  return redis.keys('x');",
      '}',
    );
    assert.deepEqual(hintsOfRules('sweep.ts', code, ['redis-keys']), ['9:keys redis-keys', '9:keys redis-keys!']);
    const files = {
      'src/container.ts': sourceLines("import { Redis } from 'ioredis';", '', 'export interface Cradle {', '  redis: Redis;', '}'),
      'src/jobs.ts': sourceLines("import type { Cradle } from './container';", '', 'export const flush = async ({ redis }: Cradle) => redis.flushall();'),
    };
    assert.deepEqual(hintsOfFile(files, 'src/jobs.ts'), ['3:flushall redis-flush', '3:flushall redis-flush!']);
  });
});
