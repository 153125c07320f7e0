/**
 * Python clients a function returns together (`return ddb, cache`), unpacked by the caller
 * (`ddb, cache = make_clients()`, `self.ddb, self.cache = ...`), in functions, methods and at module level,
 * and in workspace mode from another module. Then what stays silent: returns that disagree, a starred
 * target or element, a count that does not match, an element that is no client, a rebound name, a tuple
 * read as one value, and anything unknown.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { superlinearScaling } from '../../support/hostileShapes';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, pythonRequestsIn, realHintRules, sourceLines } from './support';

/** The lines of a file that get any hint. */
function linesWithHints(found: readonly string[]): number[] {
  return [...new Set(found.map((hint) => Number(hint.split(':')[0])))].sort((x, y) => x - y);
}

const MAKE_CLIENTS = sourceLines(
  'import boto3',
  '',
  'def make_clients(region):',
  "    ddb = boto3.client('dynamodb', region_name=region)",
  "    cache = boto3.client('elasticache', region_name=region)",
  '    return ddb, cache',
);

describe('Python: clients returned as a tuple', () => {
  it('reads each unpacked name at module level, in a function and as self fields', () => {
    const code = sourceLines(
      MAKE_CLIENTS,
      "ddb_client, cache_client = make_clients('us-east-1')",
      '',
      'def handler(event, context):',
      "    ddb_client.scan(TableName='orders')",
      "    local_ddb, _ = make_clients('eu-west-1')",
      "    local_ddb.scan(TableName='orders')",
      '',
      'class Repo:',
      '    def __init__(self):',
      "        self.ddb, self.cache = make_clients('us-east-1')",
      '    def all(self):',
      "        return self.ddb.scan(TableName='t')",
      '    def clusters(self):',
      '        return self.cache.describe_cache_clusters()',
    );
    const found = hintsIn('handler.py', code);
    for (const expected of ['11:scan dynamodb-scan', '11:scan dynamodb-scan!', '13:scan dynamodb-scan', '13:scan dynamodb-scan!', '19:scan dynamodb-scan', '19:scan dynamodb-scan!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(linesWithHints(found), [11, 13, 19]);
  });

  it('reads parenthesised and list returns and targets, cached helpers, methods, Redis clients and tables', () => {
    const code = sourceLines(
      'import boto3',
      'import redis',
      'from functools import lru_cache',
      "DDB = boto3.client('dynamodb')",
      "CACHE = redis.Redis(host='cache')",
      '@lru_cache(maxsize=None)',
      'def clients():',
      '    return (DDB, CACHE)',
      'def tables():',
      "    resource = boto3.resource('dynamodb')",
      "    return [resource.Table('orders'), resource.Table('users')]",
      'def same_clients():',
      '    return clients()',
      'class Service:',
      '    def _connect(self):',
      "        return boto3.client('dynamodb'), redis.Redis()",
      '    def __init__(self):',
      '        (self.ddb, self.cache) = self._connect()',
      '    def run(self):',
      "        self.cache.keys('*')",
      "        return self.ddb.scan(TableName='t')",
      'def handler(event, context):',
      '    ddb, _ = clients()',
      "    ddb.scan(TableName='a')",
      '    [orders, users] = tables()',
      '    users.scan()',
      '    _, r = same_clients()',
      "    r.keys('*')",
    );
    const found = hintsIn('service.py', code).filter((hint) => !hint.endsWith('!'));
    // `tables()` makes its resource on each call, so the handler's call of it is a client per invocation.
    assert.deepEqual(found, ['20:keys redis-keys', '21:scan dynamodb-scan', '24:scan dynamodb-scan', '25:tables lambda-client-per-invocation', '26:scan dynamodb-scan', '28:keys redis-keys']);
  });

  it('carries the table each element names to the requests', () => {
    const code = sourceLines(
      'import boto3',
      'def tables():',
      "    resource = boto3.resource('dynamodb')",
      "    return resource.Table('orders'), resource.Table('users')",
      'orders, users = tables()',
      'def find(pk):',
      '    orders.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk})',
      '    users.get_item(Key={"pk": pk})',
    );
    assert.deepEqual(pythonRequestsIn(code), ['7 Query orders keys[pk =] options[KeyConditionExpression, ExpressionAttributeValues]', '8 GetItem users options[Key]']);
  });

  it('stays silent where the returns disagree, a target or element is starred, the counts differ or the element is no client', () => {
    const code = sourceLines(
      'import boto3',
      'def swapped(flag):',
      "    ddb = boto3.client('dynamodb')",
      "    cache = boto3.client('elasticache')",
      '    if flag:',
      '        return ddb, cache',
      '    return cache, ddb',
      'def pair():',
      "    return boto3.client('dynamodb'), boto3.client('elasticache')",
      'def uneven(flag):',
      '    if flag:',
      '        return pair()',
      "    return boto3.client('dynamodb'), boto3.client('elasticache'), None",
      'def named():',
      "    return 'orders', boto3.client('dynamodb')",
      'def spread(others):',
      "    return *others, boto3.client('dynamodb')",
      'a1, a2 = swapped(True)',
      "a3, a4 = swapped('yes')",
      'b1, *rest = pair()',
      'c1, c2, c3 = pair()',
      'd1, d2 = named()',
      'e1, e2 = uneven(True)',
      'f1, f2 = spread([])',
      'def handler(event, context):',
      "    a1.scan(TableName='t')",
      "    a3.scan(TableName='t')",
      "    b1.scan(TableName='t')",
      "    c1.scan(TableName='t')",
      "    d1.scan(TableName='t')",
      "    e1.scan(TableName='t')",
      "    f1.scan(TableName='t')",
      "    d2.scan(TableName='t')",
    );
    assert.deepEqual(linesWithHints(hintsIn('silent.py', code)), [33], 'only the client element of named() is read');
  });

  it('stays silent on a rebound name, a tuple read as one value, a value that is not the whole call, and anything unknown', () => {
    const code = sourceLines(
      'import boto3',
      'def pair():',
      "    return boto3.client('dynamodb'), boto3.client('elasticache')",
      'shared, other = pair()',
      'def reset():',
      '    global shared',
      '    shared = make_other()',
      'both = pair()',
      'g1, g2 = pair()[::-1]',
      'h1, h2 = pair() if both else (None, None)',
      'i1, i2 = j1, j2 = pair()',
      'def handler(event, context):',
      "    shared.scan(TableName='t')",
      "    both.scan(TableName='t')",
      "    g1.scan(TableName='t')",
      "    h1.scan(TableName='t')",
      "    i1.scan(TableName='t')",
      '    x, y = unknown()',
      "    x.scan(TableName='t')",
      '    p, q = pair()',
      '    p = make_other()',
      "    p.scan(TableName='t')",
      '    m, n = n, m',
      "    m.scan(TableName='t')",
    );
    // `pair()` makes two clients on each call: the handler's call of it is a client per invocation, whatever it binds.
    assert.deepEqual(hintsIn('rebound.py', code), ['20:pair lambda-client-per-invocation', '20:pair lambda-client-per-invocation!']);
  });

  it('reads a tuple a function of another workspace module returns, and nothing without the workspace', () => {
    const clients = sourceLines(MAKE_CLIENTS, '', "shared_ddb, shared_cache = make_clients('us-east-1')");
    const handler = sourceLines(
      'from app.clients import make_clients',
      '',
      "ddb_client, cache_client = make_clients('us-east-1')",
      "cache_first, ddb_second, extra = make_clients('us-east-1')",
      '',
      'def handler(event, context):',
      "    ddb_client.scan(TableName='orders')",
      "    ddb_second.scan(TableName='orders')",
    );
    const other = sourceLines('from app.clients import shared_ddb', '', 'def list_all():', "    return shared_ddb.scan(TableName='orders')");
    const files = { 'app/__init__.py': '', 'app/clients.py': clients, 'app/handler.py': handler, 'app/other.py': other };
    const model = workspaceOf(files);
    assert.deepEqual(linesWithHints(hintsInWorkspace(model, 'app/handler.py', handler)), [7]);
    assert.deepEqual(linesWithHints(hintsInWorkspace(model, 'app/other.py', other)), [4]);
    assert.deepEqual(hintsInWorkspace(undefined, 'app/handler.py', handler), []);
  });

  it('reads a tuple that another module makes on each call, from a function or a class method, as a client per invocation', () => {
    const helper = sourceLines(
      'import os',
      'import boto3',
      '',
      'SHARED = boto3.resource("dynamodb")',
      '',
      'def connect(name):',
      '    resource = boto3.resource("dynamodb")',
      '    return resource, resource.Table(os.environ[name])',
      '',
      'def kept(name):',
      '    return SHARED, SHARED.Table(os.environ[name])',
      '',
      'class Helper:',
      '    @staticmethod',
      '    def connect_table(name):',
      '        resource = boto3.resource("dynamodb")',
      '        table = resource.Table(os.environ.get(name))',
      '        return (resource, table)',
      '',
      '    def kept_table(self, name):',
      '        return SHARED, SHARED.Table(name)',
    );
    const byFunction = sourceLines(
      'from helper import connect, kept',
      '',
      'def handler(event, context):',
      '    resource, table = connect("ORDERS")',
      '    return table.scan()["Items"]',
      '',
      'def other_handler(event, context):',
      '    resource, table = kept("ORDERS")',
      '    return table.scan()["Items"]',
    );
    const byMethod = sourceLines(
      'from helper import Helper',
      '',
      'hlp = Helper()',
      '',
      'def handler(event, context):',
      '    resource, table = hlp.connect_table("ORDERS")',
      '    return table.query(KeyConditionExpression="pk = :p")["Items"]',
      '',
      'def other_handler(event, context):',
      '    resource, table = hlp.kept_table("ORDERS")',
      '    table.put_item(Item={"pk": "a"})',
    );
    const files = { 'api/helper.py': helper, 'api/by_function.py': byFunction, 'api/by_method.py': byMethod };
    const model = workspaceOf(files);
    const functionHints = hintsInWorkspace(model, 'api/by_function.py', byFunction);
    assert.deepEqual(
      functionHints.filter((hint) => hint.includes('client-per-invocation')),
      ['4:connect lambda-client-per-invocation', '4:connect lambda-client-per-invocation!'],
    );
    // A tuple whose elements come from a module-level client is no client per call (its own requests are not read yet).
    assert.deepEqual(linesWithHints(functionHints), [4, 5]);
    const methodHints = hintsInWorkspace(model, 'api/by_method.py', byMethod);
    assert.deepEqual(
      methodHints.filter((hint) => hint.includes('client-per-invocation')),
      ['6:connect_table lambda-client-per-invocation', '6:connect_table lambda-client-per-invocation!'],
    );
    assert.deepEqual(linesWithHints(methodHints), [6, 7, 11]);
    assert.deepEqual(hintsInWorkspace(undefined, 'api/by_method.py', byMethod), []);
  });

  it('stays linear on many tuple helpers, many returns, long tuples and chained unpacking', function () {
    this.timeout(120_000);
    const helpers = (count: number): string =>
      `import boto3\nDDB = boto3.client("dynamodb")\ndef base():\n    return DDB, None\n${Array.from({ length: count }, (_, i) => `def f${i}(flag):\n    if flag == 1:\n        return DDB, base()\n    if flag == 2:\n        return base()\n    return f${i === 0 ? 0 : i - 1}(1)\na${i}, b${i} = f${i}(1)\nc${i}, d${i} = f${i % 8}("x")\na${i}.scan(TableName="t")\n`).join('')}`;
    const manyReturns = (count: number): string =>
      `import boto3\nDDB = boto3.client("dynamodb")\ndef f(flag):\n${Array.from({ length: count }, (_, i) => `    if flag == ${i}:\n        return DDB, None\n`).join('')}${Array.from({ length: count }, (_, i) => `a${i}, b${i} = f(${i})\n`).join('')}`;
    const longTuple = (count: number): string => `import boto3\ndef f():\n    return ${Array.from({ length: count }, () => 'boto3.client("dynamodb")').join(', ')}\n${Array.from({ length: count }, (_, i) => `x${i}`).join(', ')} = f()\nx0.scan(TableName="t")\n`;
    const chained = (count: number): string => `import boto3\n${Array.from({ length: count }, (_, i) => `a${i}, b${i} = `).join('')}boto3.client("dynamodb"), None\n`;
    const analyse = (text: string): void => {
      analyzeText(text, realHintRules(), { kind: 'python', fileName: 'app/m.py', onError: (error) => assert.fail(String(error)) });
    };
    for (const [label, make] of [
      ['helpers', (size: number) => helpers(Math.ceil(size / 150))],
      ['many returns', (size: number) => manyReturns(Math.ceil(size / 60))],
      ['long tuple', (size: number) => longTuple(Math.ceil(size / 30))],
      ['chained', (size: number) => chained(Math.ceil(size / 12))],
    ] as const) {
      assert.equal(superlinearScaling(label, make, analyse, { startSize: 20_000, maxSize: 200_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
    }
  });
});
