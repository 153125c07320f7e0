/**
 * The cheap readings of a module's text that indexing keeps for its exports: which files may export a
 * client at all, and their module-level statements without the bodies of functions and classes. Then
 * their time on the shapes that make scanners quadratic, and the time of reading the exports back.
 */
import * as assert from 'node:assert/strict';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { jsMayExport, jsModuleText } from '../../../src/hints/engine/workspace/jsModuleText';
import { pythonModuleText } from '../../../src/hints/engine/workspace/pythonModuleText';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { HOSTILE_SHAPES, superlinearScaling } from '../../support/hostileShapes';
import { sourceLines } from '../hints/support';

/** The statements a module text keeps, one per entry, blank lines left out. */
const kept = (text: string | undefined): string[] => (text ?? '').split('\n').filter((line) => line.trim() !== '');

describe('module text: JavaScript and TypeScript', () => {
  it('tells the files that may export a client (or a class that may hold one) from those that export functions and types', () => {
    for (const exporting of [
      "export const ddb = DynamoDBDocument.from(client);",
      'export const redis: Redis = new Redis();',
      'export default redis;',
      'export { redis, ddb as client };',
      "export * from './dynamo';",
      'module.exports = new Redis();',
      'module.exports = { cache };\nconst cache = new Redis();',
      "module.exports = { cache };\nconst { cache } = require('./clients');",
      'exports.queue = createClient();',
      'export class Store {}',
      'export default class Store {}',
      'export abstract class BaseRepository {}',
    ]) {
      assert.equal(jsMayExport(exporting, true), true, exporting);
    }
    for (const other of [
      'export function handler() {}',
      'export interface Order { id: string }',
      'export const handler = async (event) => ({ statusCode: 200 });',
      'export const handler: Handler<Event, Result> = async (event) => ({ statusCode: 200 });',
      "export const TABLE = 'orders';",
      'export default function handler() {}',
      'module.exports = { expiredSessions, saveAll };\nasync function expiredSessions() {}\nfunction saveAll() {}',
      'exports.handler = async (event) => event;',
      'const x = require("ioredis");',
    ]) {
      assert.equal(jsMayExport(other, true), false, other);
    }
    for (const declared of ['export class Store {}', 'export default class Store {}']) {
      assert.equal(jsMayExport(declared, false), false, `${declared}, in a file whose classes lend nothing`);
    }
  });

  it('keeps imports, constants, exports and exported classes, and the functions and classes they name', () => {
    const text = sourceLines(
      "import Redis from 'ioredis';",
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      '',
      '/** Options for every connection. */',
      'const options = { maxRetriesPerRequest: 2 };',
      '',
      'function makeClient() {',
      "  return new Redis(process.env.URL ?? '', options);",
      '}',
      '',
      'export const cache = makeClient();',
      '',
      'export async function handler(event) {',
      "  const pattern = /['\"{]/;",
      '  return `${event.id} ${`{`}`;',
      '}',
      '',
      'export class Store {',
      "  read() { return 'it\\'s'; }",
      '}',
      '',
      'if (process.env.WARM) {',
      '  cache.ping();',
      '}',
      '',
      'export const onError = (error) => console.error(error);',
      'module.exports.extra = new Redis();',
    );
    assert.deepEqual(kept(jsModuleText(text, false, true)), [
      "import Redis from 'ioredis';",
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      '/** Options for every connection. */',
      'const options = { maxRetriesPerRequest: 2 };',
      'function makeClient() {',
      "  return new Redis(process.env.URL ?? '', options);",
      '}',
      'export const cache = makeClient();',
      'export class Store {',
      "  read() { return 'it\\'s'; }",
      '}',
      'module.exports.extra = new Redis();',
    ]);
    // In a TypeScript file of `private` members only, an exported class lends nothing and stays out.
    assert.ok(!kept(jsModuleText(text, false, false)).includes('export class Store {'));
  });

  it('keeps the exported functions that get a client from a factory of the module, a few calls up, with the factories', () => {
    const text = [
      "import { Client } from 'pg';",
      'function newClient() {',
      '  return new Client({ host: process.env.PGHOST });',
      '}',
      'const withClient = async (run) => {',
      '  const client = newClient();',
      '  await client.connect();',
      '  return run(client);',
      '};',
      'export const runQuery = async (text) => {',
      '  const client = newClient();',
      '  return client.query(text);',
      '};',
      'export const runReport = async (id) => withClient((c) => c.query(id));',
      'export const formatRow = (row) => row.name;',
      '',
    ].join('\n');
    const lines = kept(jsModuleText(text, false, false));
    for (const line of ['function newClient() {', 'const withClient = async (run) => {', 'export const runQuery = async (text) => {', 'export const runReport = async (id) => withClient((c) => c.query(id));']) {
      assert.ok(lines.includes(line), line);
    }
    assert.ok(!lines.includes('export const formatRow = (row) => row.name;'));
  });

  it('keeps the whole file when a module-level `let` or `var` may be reassigned anywhere, when brackets do not balance, and for JSX', () => {
    for (const text of ['let client = new Redis();\nexport { client };\nfunction reset() { client = null; }\n', 'var client = new Redis();\nmodule.exports = client;\n', 'export const client = new Redis();\nfunction broken() {\n']) {
      assert.equal(jsModuleText(text, false, true), text);
    }
    const jsx = "export const cache = new Redis();\nexport const View = () => <p>Don't {'{'}</p>;\n";
    assert.equal(jsModuleText(jsx, true, true), jsx);
  });
});

describe('module text: Python', () => {
  it('keeps imports, assignments and module-level blocks, and the functions and classes they name', () => {
    const text = sourceLines(
      '"""The app.',
      '',
      'cache = redis.Redis()',
      '"""',
      'import redis',
      'from .settings import (',
      '    REDIS_URL,',
      ')',
      '',
      'logging.basicConfig()',
      '',
      '',
      '@functools.lru_cache',
      'def pool():',
      '    return redis.ConnectionPool.from_url(REDIS_URL)',
      '',
      '',
      'def unused():',
      '    return 1',
      '',
      '',
      'cache = redis.Redis(connection_pool=pool(),',
      '                    socket_timeout=1)',
      'other = \\',
      '    redis.Redis()',
      'if TESTING:',
      '    cache = FakeRedis()',
    );
    assert.deepEqual(kept(pythonModuleText(text, false)), [
      'import redis',
      'from .settings import (',
      '    REDIS_URL,',
      ')',
      '@functools.lru_cache',
      'def pool():',
      '    return redis.ConnectionPool.from_url(REDIS_URL)',
      'cache = redis.Redis(connection_pool=pool(),',
      '                    socket_timeout=1)',
      'other = \\',
      '    redis.Redis()',
      'if TESTING:',
      '    cache = FakeRedis()',
    ]);
  });

  it('keeps the functions that may make a client, and those that call them or what the package offers, a few calls up', () => {
    const text = sourceLines(
      'import functools',
      'import boto3',
      'from .session import resource',
      '',
      'client = boto3.client("dynamodb")',
      '',
      '@functools.cache',
      'def get_resource(service):',
      '    return boto3.resource(service)',
      '',
      'def get_table(name):',
      '    return get_resource("dynamodb").Table(name)',
      '',
      'def orders():',
      '    return get_table("orders")',
      '',
      'def get_client():',
      '    return client',
      '',
      'def bucket(name):',
      '    return resource("s3").Bucket(name)',
      '',
      'def describe():',
      '    return client.describe_table(TableName="t")',
      '',
      'def unrelated(x):',
      '    return x + 1',
    );
    assert.deepEqual(kept(pythonModuleText(text, false)).filter((line) => line.startsWith('def')), ['def get_resource(service):', 'def get_table(name):', 'def orders():', 'def get_client():', 'def bucket(name):']);
    assert.ok(kept(pythonModuleText(text, false)).includes('@functools.cache'), 'a decorator goes with its function');
  });

  it('keeps a class that builds DynamoDB conditions in a module that imports them: a base repository over a table it is given', () => {
    const repository = (condition: string): string =>
      sourceLines('from boto3.dynamodb.conditions import Attr, Key', '', '', 'class BaseStore:', '    def __init__(self, table):', '        self._table = table', '', '    def for_user(self, user):', `        return self._table.query(KeyConditionExpression=${condition})`);
    assert.ok(kept(pythonModuleText(repository('Key("user").eq(user)'), false)).includes('class BaseStore:'));
    assert.ok(!kept(pythonModuleText(repository('user'), false)).includes('class BaseStore:'), 'no condition built in the class');
    const local = sourceLines('class Key:', '    pass', '', '', 'class Store:', '    def find(self, user):', '        return Key(user)');
    assert.equal(pythonModuleText(local, false), undefined, 'a Key of its own, no import of the conditions');
  });

  it('keeps nothing from a module that binds nothing at module level, passes nothing on and has no function that makes a client, but a client library name it imports', () => {
    assert.equal(pythonModuleText('import redis\n\n\ndef connect(url):\n    return url.strip()\n', false), undefined);
    assert.equal(pythonModuleText('import redis\nimport os\nfrom flask import Flask\n', false), undefined, 'absolute imports of a module that is no package');
    assert.deepEqual(kept(pythonModuleText('import redis\nfrom redis import Redis\n', false)), ['import redis', 'from redis import Redis'], 'a client library name it may pass on');
    assert.deepEqual(kept(pythonModuleText('from redis import Redis\n', true)), ['from redis import Redis'], 'what a package imports, it offers');
    assert.deepEqual(kept(pythonModuleText('from .cache import client\n', false)), ['from .cache import client']);
  });
});

describe('module text: time', () => {
  const HEADERS: [string, 'python' | 'typescript', string][] = [
    ['python', 'python', 'import redis\n\nclient = redis.Redis()\n'],
    ['typescript', 'typescript', "import Redis from 'ioredis';\n\nexport const client = new Redis();\n"],
  ];

  for (const [label, kind, header] of HEADERS) {
    it(`indexes ${label} modules in linear time on pathological shapes (time for 4n against n)`, function () {
      this.timeout(120_000);
      const slow: string[] = [];
      for (const shape of HOSTILE_SHAPES) {
        const why = superlinearScaling(shape.name, (size) => header + shape.make(size), (text) => indexFile('m', kind, text, { onError: (error) => assert.fail(String(error)) }), { startSize: 5_000, maxSize: 20_000, floorMs: 1, minimumMs: 10, samples: 3 });
        if (why) {
          slow.push(why);
        }
      }
      assert.deepEqual(slow, []);
    });
  }

  it('stays linear on many statements, definitions, triple quotes and exports, and when the exports are read', function () {
    this.timeout(120_000);
    const shapes: [string, 'python' | 'typescript', (count: number) => string][] = [
      ['factories that name each other', 'python', (count) => `import redis\n${Array.from({ length: count }, (_, i) => `def f${i}():\n    return f${i + 1}()\n\nc${i} = f${i}()\n`).join('')}`],
      ['factories that call each other', 'python', (count) => `import boto3\ndef g0(s):\n    return boto3.client(s)\n${Array.from({ length: count }, (_, i) => `def g${i + 1}(s):\n    return g${i}(s)\n`).join('')}`],
      ['functions that call what the package offers', 'python', (count) => `import boto3\nfrom .db import ${Array.from({ length: count }, (_, i) => `t${i}`).join(', ')}\n${Array.from({ length: count }, (_, i) => `def f${i}():\n    return t${i}()\n`).join('')}`],
      ['triple quotes', 'python', (count) => `import redis\nclient = redis.Redis()\n${'x = """\n"""\n\'\'\'\n'.repeat(count)}`],
      ['globals', 'python', (count) => `import redis\n${'client = redis.Redis()\nglobal_name = 1\n'.repeat(count)}`],
      ['export stars', 'typescript', (count) => `import Redis from 'ioredis';\n${"export * from './other';\n".repeat(count)}`],
      ['object exports', 'typescript', (count) => `const Redis = require('ioredis');\nmodule.exports = { ${'a, '.repeat(count)} };\n`],
      ['many object exports', 'typescript', (count) => `const Redis = require('ioredis');\n${Array.from({ length: count }, (_, i) => `module.exports = { a${i} };\n`).join('')}`],
      ['unclosed object exports', 'typescript', (count) => `const Redis = require('ioredis');\n${'module.exports = { module\n'.repeat(count)}`],
      ['constants that look like arrows', 'typescript', (count) => `import Redis from 'ioredis';\nexport const client = new Redis();\n${'const f = (a) + b;\n'.repeat(count)}`],
      ['commented triple quotes', 'python', (count) => `import redis\nclient = redis.Redis()\n${'x = 1  # """\n'.repeat(count)}`],
      ['long lines of triple quotes', 'python', (count) => `import redis\nclient = redis.Redis()\n${`x = ${'""" """ '.repeat(450)}\n`.repeat(Math.ceil(count / 80))}`],
      ['functions that call a factory', 'typescript', (count) => `import { Client } from 'pg';\nexport const make = () => new Client();\n${Array.from({ length: count }, (_, i) => `export const q${i} = async () => {\n  const c = make();\n  return c.query('x');\n};\n`).join('')}`],
      ['a chain of factory callers', 'typescript', (count) => `import { Client } from 'pg';\nexport const f0 = () => new Client();\n${Array.from({ length: count }, (_, i) => `export const f${i + 1} = () => f${i}();\n`).join('')}`],
      ['declarations', 'typescript', (count) => `import Redis from 'ioredis';\n${Array.from({ length: count }, (_, i) => `const c${i} = new Redis();\nexport const d${i} = c${i};\n`).join('')}`],
    ];
    for (const [label, kind, make] of shapes) {
      const file = kind === 'python' ? 'app/m.py' : 'src/m.ts';
      const index = (text: string): void => {
        indexFile(file, kind, text, { onError: (error) => assert.fail(String(error)) });
      };
      // Reading the exports back: the first question to the model analyses the module's statements.
      const read = (text: string): void => {
        const model = new WorkspaceModel();
        model.update(file, indexFile(file, kind, text));
        model.importedClient(kind === 'python' ? 'app/job.py' : 'src/job.ts', kind === 'python' ? '.m' : './m', 'client');
      };
      for (const [what, run] of [
        ['index', index],
        ['read', read],
      ] as const) {
        assert.equal(superlinearScaling(`${label} (${what})`, (size) => make(Math.ceil(size / 40)), run, { startSize: 20_000, maxSize: 200_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
      }
    }
  });

  it('answers a long chain of re-exports within its step limit', () => {
    const model = new WorkspaceModel();
    const files = 400;
    model.batch(() => {
      for (let i = 0; i < files; i++) {
        const next = i + 1 < files ? `from .m${i + 1} import client\n` : 'import redis\n\nclient = redis.Redis()\n';
        model.update(`app/m${i}.py`, indexFile(`app/m${i}.py`, 'python', `import redis\n${next}`));
      }
    });
    assert.equal(model.importedClient('app/job.py', '.m0', 'client'), undefined, 'past the limit: no answer');
    assert.deepEqual(model.importedClient('app/job.py', `.m${files - 10}`, 'client'), { kind: 'redis', flavor: 'redis-py' });
  });
});
