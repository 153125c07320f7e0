/**
 * JavaScript, TypeScript and Python: an untyped parameter of a named function or method holds the client
 * that the file's calls of it pass, when there is one call at least and all pass the same kind. A function
 * handed on as a value, called with something else or with spread arguments, or never called stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** The hints of a file on one line, as `line:col rule` strings. */
function on(fileName: string, code: string, line: number): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.startsWith(`${line}:`));
}

const PURGE_JS = [
  "const Redis = require('ioredis');",
  'const redis = new Redis(process.env.REDIS_URL);',
  'async function purge(client, prefix) {',
  '  return client.keys(`${prefix}*`);',
  '}',
];

const FETCH_ALL_PY = [
  'import boto3',
  '',
  'dynamodb = boto3.resource("dynamodb")',
  '',
  'def fetch_all(table):',
  '    return table.scan()["Items"]',
  '',
];

describe('clients passed to a function by its callers', () => {
  it('reads a JavaScript function parameter the module passes a client to, and keeps the function when exported', () => {
    const code = sourceLines(...PURGE_JS, 'exports.handler = async () => purge(redis, "sess:");', 'module.exports.purge = purge;', 'export { purge };');
    assert.ok(on('purge.js', code, 4).some((hint) => hint.includes('redis-keys')), hintsIn('purge.js', code).join('\n'));
  });

  it('reads a TypeScript method called through this, and an arrow function held by a const', () => {
    const code = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      "import Redis from 'ioredis';",
      'const cache = new Redis();',
      'const sweep = async (conn, pattern: string) => conn.keys(pattern);',
      'export class Jobs {',
      '  private async clear(conn) {',
      "    return conn.keys('job:*');",
      '  }',
      '  async run() {',
      '    await this.clear(cache);',
      "    await sweep(cache, 'tmp:*');",
      '  }',
      '}',
    );
    assert.ok(on('jobs.ts', code, 7).some((hint) => hint.includes('redis-keys')), hintsIn('jobs.ts', code).join('\n'));
    assert.ok(on('jobs.ts', code, 4).some((hint) => hint.includes('redis-keys')), hintsIn('jobs.ts', code).join('\n'));
  });

  it('reads a Python function a Lambda handler calls with a table, positionally or by keyword', () => {
    const code = sourceLines(
      ...FETCH_ALL_PY,
      'def get_one(table, key):',
      '    return table.get_item(Key={"pk": key}).get("Item")',
      '',
      'def handler(event, context):',
      '    table = dynamodb.Table("orders")',
      '    return fetch_all(table), get_one(key="k", table=table)',
    );
    assert.ok(on('app.py', code, 6).some((hint) => hint.includes('dynamodb-scan')), hintsIn('app.py', code).join('\n'));
    assert.ok(on('app.py', code, 9).some((hint) => hint.includes('dynamodb-get-item')), hintsIn('app.py', code).join('\n'));
  });

  it('reads a Python method past self, called through self and through an instance, and a static method', () => {
    const code = sourceLines(
      'import redis',
      '',
      'class Janitor:',
      '    def sweep(self, conn):',
      '        return conn.keys("tmp:*")',
      '',
      '    @staticmethod',
      '    def wipe(conn):',
      '        return conn.keys("*")',
      '',
      '    def run(self):',
      '        self.sweep(redis.Redis(host="cache"))',
      '',
      'r = redis.Redis(host="cache")',
      'Janitor().sweep(r)',
      'Janitor.wipe(r)',
    );
    assert.ok(on('janitor.py', code, 5).some((hint) => hint.includes('redis-keys')), hintsIn('janitor.py', code).join('\n'));
    assert.ok(on('janitor.py', code, 9).some((hint) => hint.includes('redis-keys')), hintsIn('janitor.py', code).join('\n'));
  });

  it('does not count a recursive call, which passes on what the function was passed', () => {
    const code = sourceLines(
      ...PURGE_JS.slice(0, 3),
      '  if (!prefix) return purge(client, "all:");',
      '  return client.keys(`${prefix}*`);',
      '}',
      'purge(redis, "sess:");',
    );
    assert.ok(on('purge.js', code, 5).some((hint) => hint.includes('redis-keys')), hintsIn('purge.js', code).join('\n'));
  });

  it('stays silent for a function handed on as a value, even when the file also calls it with a client', () => {
    const js = sourceLines(...PURGE_JS, 'purge(redis, "sess:");', "emitter.on('flush', purge);");
    assert.deepEqual(on('purge.js', js, 4), []);
    const py = sourceLines(...FETCH_ALL_PY, 'fetch_all(dynamodb.Table("t"))', 'pool.map(fetch_all, tables)');
    assert.deepEqual(on('app.py', py, 6), []);
    const method = sourceLines(
      'import redis',
      'class Janitor:',
      '    def sweep(self, conn):',
      '        return conn.keys("tmp:*")',
      '    def run(self):',
      '        self.sweep(redis.Redis())',
      '        schedule(self.sweep)',
    );
    assert.deepEqual(on('janitor.py', method, 4), []);
  });

  it('stays silent when a call passes something else, a spread, or no argument there, or nothing calls the function', () => {
    const other = sourceLines(...PURGE_JS, 'purge(redis, "a:");', 'purge(new Map(), "b:");');
    assert.deepEqual(on('purge.js', other, 4), []);
    const spread = sourceLines(...PURGE_JS, 'purge(redis, "a:");', 'purge(...args);');
    assert.deepEqual(on('purge.js', spread, 4), []);
    const short = sourceLines(...FETCH_ALL_PY, 'fetch_all(dynamodb.Table("t"))', 'fetch_all(*tables)');
    assert.deepEqual(on('app.py', short, 6), []);
    const never = sourceLines(...PURGE_JS);
    assert.deepEqual(on('purge.js', never, 4), []);
  });

  it('stays silent for the calls of another function of the same name', () => {
    const code = sourceLines(
      ...PURGE_JS,
      'function outer() {',
      '  function purge(client, prefix) { return client.size; }',
      '  purge(redis, "x");',
      '}',
      'store.purge(redis, "y");',
    );
    assert.deepEqual(on('purge.js', code, 4), []);
  });

  it('stays silent where a caller passes on a parameter of its own that nothing binds', () => {
    const code = sourceLines(...PURGE_JS, 'function later(conn) { return purge(conn, "x"); }', 'purge(redis, "y");');
    assert.deepEqual(on('purge.js', code, 4), []);
  });

  it('stays silent where the clients callers pass are of different kinds', () => {
    const code = sourceLines(
      "const Redis = require('ioredis');",
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      'async function purge(client, prefix) {',
      '  return client.keys(`${prefix}*`);',
      '}',
      'purge(new Redis(), "a:");',
      'purge(new DynamoDBClient({}), "b:");',
    );
    assert.deepEqual(on('purge.js', code, 4), []);
  });
});
