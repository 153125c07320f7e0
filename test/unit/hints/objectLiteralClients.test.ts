/**
 * Clients held as properties of a JavaScript object literal (`const clients = { redis: new Redis(), ddb }`):
 * `clients.redis.keys(...)` is the client's call, in the file and, in workspace mode, in the files that import an
 * exported one (`export const clients = {...}`, `module.exports = {...}`). Traps: a `Map` property, a property
 * written twice, an object with a spread, a property that holds no client, an argument object.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

const keysAt = (hints: string[]): string[] => hints.filter((hint) => / redis-keys!$/.test(hint)).map((hint) => hint.split(':')[0]);

describe('clients held by object literals', () => {
  it('reads a property that holds a client, written out or shorthand, and nested objects', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'const pubsub = new Redis(process.env.REDIS_URL!);',
      'const connections = {',
      '  cache: new Redis(process.env.REDIS_URL!),',
      '  pubsub,',
      '  replicas: { eu: new Redis(process.env.EU_URL!) },',
      '};',
      '',
      'export async function purge(): Promise<number> {',
      "  const a = await connections.cache.keys('session:*');", // 11
      "  const b = await connections.pubsub.keys('channel:*');", // 12
      "  const c = await connections.replicas.eu.keys('eu:*');", // 13
      '  return a.length + b.length + c.length;',
      '}',
    );
    assert.deepEqual(keysAt(hintsIn('src/purge.ts', code)), ['11', '12', '13']);
  });

  it('reads nothing from a Map, a key written twice, an object with a spread, or a property that is no client', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'const base = { cache: new Redis() };',
      'const local = { cache: new Map<string, string>(), name: "cache" };',
      'const twice = { cache: new Redis(), cache: new Map<string, string>() };',
      'const merged = { ...base, cache: new Redis() };',
      '',
      'export function read(): void {',
      "  local.cache.keys();", // 9
      "  local.name.keys();", // 10
      "  twice.cache.keys();", // 11
      "  merged.cache.keys('a:*');", // 12
      '}',
    );
    assert.deepEqual(hintsIn('src/read.ts', code), []);
  });

  it('reads the clients of an object a module exports, in the files that import it, and nothing without the workspace', () => {
    const clients = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import Redis from 'ioredis';",
      '',
      'export const clients = {',
      '  ddb: new DynamoDBClient({}),',
      '  redis: new Redis(process.env.REDIS_URL!),',
      '};',
    );
    const user = sourceLines(
      "import { clients } from '../lib/clients';",
      '',
      'export async function handler(): Promise<string[]> {',
      "  return clients.redis.keys('order:*');",
      '}',
    );
    const files = { 'src/lib/clients.ts': clients, 'src/handlers/keys.ts': user };
    assert.deepEqual(keysAt(hintsOfFile(files, 'src/handlers/keys.ts')), ['4']);
    assert.deepEqual(hintsOfFile(files, 'src/handlers/keys.ts', null), []);
    const commonJs = sourceLines("const Redis = require('ioredis');", '', 'module.exports = {', '  cache: new Redis(process.env.REDIS_URL),', '};');
    const caller = sourceLines("const conns = require('./redis');", '', 'exports.clear = async () => {', "  const keys = await conns.cache.keys('tmp:*');", '  return keys.length;', '};');
    assert.deepEqual(keysAt(hintsOfFile({ 'lib/redis.js': commonJs, 'lib/clear.js': caller }, 'lib/clear.js')), ['4']);
  });
});
