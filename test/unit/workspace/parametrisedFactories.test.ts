/**
 * Python factories whose client depends on what they are passed (`get_client(service)` returning
 * `boto3.client(service)`, `get_dynamodb_table(name)` returning `get_boto3_resource("dynamodb").Table(name)`),
 * read with a call's literal strings: in the file that defines them, and in workspace mode in the files
 * that import them from another module. Then what must stay unread: another service, a string of unknown
 * value, a recursion, returns that disagree, a decorator that may change the result, a test double's
 * module, a project function named as boto3's.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { superlinearScaling } from '../../support/hostileShapes';
import { realHintRules, sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const hints = hintsInWorkspace;

/** The lines of a file that get any hint. */
function linesWithHints(found: readonly string[]): number[] {
  return [...new Set(found.map((hint) => Number(hint.split(':')[0])))].sort((x, y) => x - y);
}

const BOTO_MODULE = sourceLines(
  'import functools',
  '',
  'import boto3',
  '',
  '',
  '@functools.cache',
  'def get_boto3_resource(service_name: str):',
  '    return boto3.resource(service_name)',
  '',
  '',
  '@functools.lru_cache(maxsize=None)',
  'def get_dynamodb_table(table_name: str):',
  '    return get_boto3_resource("dynamodb").Table(table_name)',
  '',
  '',
  'def get_client(service, region=None):',
  '    return boto3.client(service, region_name=region)',
);

const REPOSITORY = sourceLines(
  'from app.core.boto import get_client, get_dynamodb_table',
  '',
  '',
  'class Repository:',
  '    def __init__(self, table_name: str):',
  '        self.table = get_dynamodb_table(table_name)',
  '',
  '    def everything(self):',
  '        return self.table.scan()',
  '',
  '',
  'ddb = get_client("dynamodb")',
  'ddb.scan(TableName="t")',
  's3 = get_client("s3")',
  's3.list_objects_v2(Bucket="b")',
  'get_client(service="dynamodb").scan()',
);

describe('parametrised factories: in the file that defines them', () => {
  it('reads a generic factory with the call’s string, through a cached chain of factories, and positional, keyword and default strings', () => {
    const code = sourceLines(
      BOTO_MODULE,
      '',
      'def get_table_client(service="dynamodb", *, region=None):',
      '    return boto3.client(service_name=service, region_name=region)',
      '',
      '',
      'class Repository:',
      '    def __init__(self, table_name: str):',
      '        self.table = get_dynamodb_table(table_name)',
      '',
      '    def everything(self):',
      '        return self.table.scan()',
      '',
      '',
      'get_client("dynamodb").scan()',
      'get_client(service="dynamodb").scan()',
      'get_table_client().scan()',
      'get_table_client(region="eu-west-1").scan()',
      'get_client("s3").scan()',
      'get_table_client("s3").scan()',
    );
    const found = hints(undefined, 'app/core/boto.py', code);
    assert.ok(found.includes('29:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('29:scan dynamodb-scan!'), found.join('\n'));
    assert.deepEqual(linesWithHints(found), [29, 32, 33, 34, 35], found.join('\n'));
  });

  it('passes a factory’s own parameter on to the factory it calls', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'def resource(service):',
      '    return boto3.resource(service)',
      '',
      'def table(service, name):',
      '    return resource(service).Table(name)',
      '',
      'table("dynamodb", "orders").scan()',
      'table("s3", "orders").scan()',
    );
    assert.deepEqual(linesWithHints(hints(undefined, 'jobs.py', code)), [9]);
  });

  it('gives nothing for a string of unknown value, a recursion, returns that disagree, or a decorator that may change the result', () => {
    const code = sourceLines(
      'import boto3',
      'from tenacity import retry',
      '',
      'def get_client(service):',
      '    return boto3.client(service)',
      '',
      'def forever(service):',
      '    return forever(service)',
      '',
      'def ping(service):',
      '    return pong(service)',
      '',
      'def pong(service):',
      '    return ping(service + "")',
      '',
      'def either(service):',
      '    if service == "dynamodb":',
      '        return boto3.client("rds")',
      '    return boto3.client(service)',
      '',
      '@retry',
      'def retried(service):',
      '    return boto3.client(service)',
      '',
      'def handler(event, context):',
      '    get_client(event["service"]).scan()',
      '    forever("dynamodb").scan()',
      '    ping("dynamodb").scan()',
      '    either("dynamodb").scan()',
      '    retried("dynamodb").scan()',
      '    get_client(f"{event}").scan()',
      '    get_client("dynamodb").scan()',
    );
    // `either` makes a client in its body on each call, which the handler's call reports (`lambda-client-per-invocation`); no Scan is read there.
    const found = hints(undefined, 'handler.py', code);
    assert.deepEqual(linesWithHints(found.filter((hint) => !hint.includes('lambda-client-per-invocation'))), [32]);
    assert.deepEqual(found.filter((hint) => hint.includes('lambda-client-per-invocation')), ['29:either lambda-client-per-invocation', '29:either lambda-client-per-invocation!']);
  });

  it('reads a project function named as a boto3 one by its body', () => {
    const code = sourceLines(
      'import boto3',
      'from .local_store import LocalStore',
      '',
      'def resource(service_name):',
      '    return LocalStore(service_name)',
      '',
      'def aws_resource(service_name):',
      '    return boto3.resource(service_name)',
      '',
      'resource("dynamodb").Table("orders").scan()',
      'aws_resource("dynamodb").Table("orders").scan()',
    );
    assert.deepEqual(linesWithHints(hints(undefined, 'store.py', code)), [11]);
  });
});

describe('parametrised factories: a function another workspace module defines', () => {
  it('reads the function in its module with the importer’s strings; nothing for another service or without the workspace', () => {
    const model = workspaceOf({ 'app/__init__.py': '', 'app/core/__init__.py': '', 'app/core/boto.py': BOTO_MODULE, 'app/core/repository.py': REPOSITORY });
    const found = hints(model, 'app/core/repository.py', REPOSITORY);
    assert.ok(found.includes('9:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('9:scan dynamodb-scan!'), found.join('\n'));
    assert.deepEqual(linesWithHints(found), [9, 13, 16], found.join('\n'));
    assert.deepEqual(linesWithHints(hints(undefined, 'app/core/repository.py', REPOSITORY)), [13], 'alone, only the request’s own TableName tells');
  });

  it('reads a boto3 or aioboto3 session another module\'s function returns, whose client the caller makes', () => {
    const sessions = sourceLines(
      'import aioboto3',
      'import boto3',
      '',
      '',
      'def async_session():',
      '    return aioboto3.Session(region_name="eu-west-1")',
      '',
      '',
      'def sync_session():',
      '    return boto3.session.Session()',
    );
    const caller = sourceLines(
      'from app.aws import async_session, sync_session',
      '',
      '',
      'async def everything():',
      '    session = async_session()',
      '    async with session.client("dynamodb") as ddb:',
      '        return await ddb.scan(TableName="log")',
      '',
      '',
      'def listing():',
      '    return sync_session().client("s3").list_objects_v2(Bucket="b")',
      '',
      '',
      'def removal(key):',
      '    sync_session().client("dynamodb").delete_item(TableName="log", Key=key)',
    );
    const model = workspaceOf({ 'app/__init__.py': '', 'app/aws.py': sessions, 'app/log.py': caller });
    const found = hints(model, 'app/log.py', caller);
    assert.ok(found.includes('7:scan dynamodb-scan!'), found.join('\n'));
    assert.deepEqual(linesWithHints(found), [7, 15], found.join('\n'));
    assert.deepEqual(linesWithHints(hints(undefined, 'app/log.py', caller)), [15], 'alone, only a request on an unknown receiver tells');
  });

  it('carries the table a literal argument names to the workspace checks', () => {
    const template = sourceLines(
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: orders',
      '      AttributeDefinitions:',
      '        - AttributeName: pk',
      '          AttributeType: S',
      '      KeySchema:',
      '        - AttributeName: pk',
      '          KeyType: HASH',
    );
    const orders = sourceLines(
      'from boto3.dynamodb.conditions import Key',
      'from app.core.boto import get_dynamodb_table',
      '',
      'orders = get_dynamodb_table("orders")',
      'others = get_dynamodb_table("others")',
      '',
      'def by_status(status):',
      '    orders.query(IndexName="by-status", KeyConditionExpression=Key("status").eq(status))',
      '    others.query(IndexName="by-status", KeyConditionExpression=Key("status").eq(status))',
    );
    const model = workspaceOf({ 'template.yaml': template, 'app/core/boto.py': BOTO_MODULE, 'app/core/orders.py': orders });
    const found = hints(model, 'app/core/orders.py', orders).filter((hint) => hint.includes('workspace'));
    assert.deepEqual(found, ['8:"by-status" dynamodb-workspace-index-undefined', '8:"by-status" dynamodb-workspace-index-undefined!']);
  });

  it('follows a package that passes the function on, and a function that calls one its package defines', () => {
    const session = sourceLines('import boto3', '', 'def resource(service):', '    return boto3.resource(service)');
    const tables = sourceLines(
      'from boto3.dynamodb.conditions import Key',
      'from .session import resource',
      '',
      'def table(name, service="dynamodb"):',
      '    return resource(service).Table(name)',
      '',
      'def bucket(name):',
      '    return resource("s3").Bucket(name)',
    );
    const init = 'from .tables import table, bucket\n';
    const user = sourceLines('from app.core import table, bucket', '', 'def purge():', '    table("orders").scan()', '    bucket("orders").objects.all()', '    table("orders", service="s3").scan()');
    const model = workspaceOf({ 'app/core/__init__.py': init, 'app/core/session.py': session, 'app/core/tables.py': tables, 'app/jobs/purge.py': user });
    assert.deepEqual(linesWithHints(hints(model, 'app/jobs/purge.py', user)), [4]);
  });

  it('gives nothing from a test double’s module, or for functions that call each other across modules', () => {
    const fake = sourceLines('import boto3', '', 'def get_client(service):', '    return boto3.client(service, endpoint_url="http://localhost:8000")');
    const left = sourceLines('import boto3', 'from .right import right', '', 'def left(service):', '    if service is None:', '        return boto3.client("rds")', '    return right(service)');
    const right = sourceLines('import boto3', 'from .left import left', '', 'def right(service):', '    if service is None:', '        return boto3.client("rds")', '    return left(service)');
    const user = sourceLines('from tests.fakes import get_client', 'from app.left import left', 'from app.core.boto import get_client as real_client', '', 'get_client("dynamodb").scan()', 'left("dynamodb").scan()', 'real_client("dynamodb").scan()');
    const model = workspaceOf({ 'tests/fakes.py': fake, 'app/left.py': left, 'app/right.py': right, 'app/core/boto.py': BOTO_MODULE, 'app/user.py': user });
    assert.deepEqual(linesWithHints(hints(model, 'app/user.py', user)), [7]);
  });
});

describe('parametrised factories: time', () => {
  it('stays linear on long chains of factories and many calls of each', function () {
    this.timeout(120_000);
    const chain = (count: number): string =>
      `import boto3\ndef g0(s, t="x"):\n    return boto3.resource(s).Table(t)\n${Array.from({ length: count }, (_, i) => `def g${i + 1}(s, t="x"):\n    return g${i}(s, t)\ng${i + 1}("dynamodb", "t${i}").scan()\n`).join('')}`;
    const mutual = (count: number): string =>
      `import boto3\n${Array.from({ length: count }, (_, i) => `def f${i}(s):\n    if s:\n        return f${(i + 1) % count}(s)\n    return f${(i + 7) % count}("dynamodb")\nf${i}("dynamodb").scan()\n`).join('')}`;
    const analyse = (text: string): void => {
      analyzeText(text, realHintRules(), { kind: 'python', fileName: 'app/m.py', onError: (error) => assert.fail(String(error)) });
    };
    for (const [label, make] of [
      ['chain', chain],
      ['mutual recursion', mutual],
    ] as const) {
      assert.equal(superlinearScaling(label, (size) => make(Math.ceil(size / 60)), analyse, { startSize: 20_000, maxSize: 200_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
    }
  });
});
