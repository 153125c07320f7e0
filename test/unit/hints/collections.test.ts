/**
 * Clients read from a collection the file writes out: one session or client per region in a dict
 * comprehension or a literal, read by subscript or (Python) `.get`, and caches of clients the file fills as they
 * are asked for (`clients[region] ??= new X()`, a `Map`'s `set`). A collection whose elements are not all the
 * same kind of client gives nothing, and iterating a dict gives its keys.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('clients read from a collection', () => {
  it('reads a boto3 session per region from a dict comprehension, by subscript, .get and a same-file helper', () => {
    const code = sourceLines(
      'import boto3',
      'REGIONS = ("us-east-1", "eu-west-1")',
      '_sessions = {region: boto3.session.Session(region_name=region) for region in REGIONS}',
      'def rds_for(region):',
      '    return _sessions[region].client("rds")',
      'def shrink(region, name):',
      '    rds_for(region).modify_db_instance(DBInstanceIdentifier=name, BackupRetentionPeriod=0)',
      'def retire(region, name):',
      '    session = _sessions.get(region)',
      '    session.client("rds").delete_db_instance(DBInstanceIdentifier=name, SkipFinalSnapshot=False, DeleteAutomatedBackups=False)',
      'def keys_only():',
      '    for region in _sessions:',
      '        region.client("rds").modify_db_instance(DBInstanceIdentifier="x")',
    );
    assert.deepEqual(hintsIn('fleet.py', code), [
      '7:modify_db_instance rds-modify-db-instance',
      '7:BackupRetentionPeriod rds-backup-retention',
      '10:SkipFinalSnapshot rds-skip-final-snapshot',
      '10:DeleteAutomatedBackups rds-delete-automated-backups',
      '7:BackupRetentionPeriod rds-backup-retention!',
    ]);
  });

  it('reads a client from a literal whose every element is one kind of client, and nothing from a mixed one', () => {
    const python = sourceLines(
      'import boto3',
      'tables = [boto3.client("dynamodb"), boto3.client("dynamodb", region_name="eu-west-1")]',
      'settings = {"client": boto3.client("dynamodb"), "table": "orders"}',
      'def first():',
      '    return tables[0].scan(TableName="orders")',
      'def mixed(key):',
      '    return settings[key].scan(TableName="orders")',
    );
    assert.deepEqual(hintsIn('lookup.py', python), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    const typescript = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import Redis from 'ioredis';",
      "const caches = { eu: new Redis('redis://eu'), us: new Redis('redis://us') };",
      "const mixed = { eu: new Redis('redis://eu'), us: new DynamoDBClient({}) };",
      'export async function purge(region: keyof typeof caches): Promise<void> {',
      "  await caches[region].flushall();",
      "  await mixed[region].flushall();",
      '}',
    );
    assert.deepEqual(hintsIn('purge.ts', typescript), ['6:flushall redis-flush', '6:flushall redis-flush!']);
  });

  it('reads a cache of clients the file fills per key: an object, a dict and a Map, written by assignment or set', () => {
    const javascript = sourceLines(
      "const Redis = require('ioredis');",
      'const clients = {};',
      'function clientFor(name) {',
      '  if (!clients[name]) {',
      '    clients[name] = new Redis(process.env[`REDIS_${name}`]);',
      '  }',
      '  return clients[name];',
      '}',
      'const lazy = {};',
      "const byTenant = (t) => (lazy[t] ??= new Redis(process.env.URL));",
      'async function sessions(user) {',
      "  await byTenant('a').flushall();",
      '  return clientFor("sessions").keys(`user:${user}:*`);',
      '}',
      'module.exports = { sessions };',
    );
    assert.deepEqual(hintsIn('cache.js', javascript), ['10:Redis redis-tls', '12:flushall redis-flush', '13:keys redis-keys', '12:flushall redis-flush!', '13:keys redis-keys!']);
    const python = sourceLines(
      'import boto3',
      '_clients = {}',
      'def ddb(region):',
      '    if region not in _clients:',
      '        _clients[region] = boto3.client("dynamodb", region_name=region)',
      '    return _clients[region]',
      'def dump(region):',
      '    return ddb(region).scan(TableName="orders")',
    );
    assert.deepEqual(hintsIn('regions.py', python), ['8:scan dynamodb-scan', '8:scan dynamodb-scan!']);
    const typescript = sourceLines(
      "import { DynamoDB } from '@aws-sdk/client-dynamodb';",
      'const byRegion = new Map<string, DynamoDB>();',
      'function clientFor(region: string) {',
      '  if (!byRegion.has(region)) byRegion.set(region, new DynamoDB({ region }));',
      '  return byRegion.get(region)!;',
      '}',
      "export const dump = (region: string) => clientFor(region).scan({ TableName: 'orders' });",
    );
    assert.deepEqual(hintsIn('regions.ts', typescript), ['7:scan dynamodb-scan', '7:scan dynamodb-scan!']);
  });

  it('reads a client held under a key of the one object literal each element is written as', () => {
    const javascript = sourceLines(
      "const redis = require('redis');",
      'const connections = {};',
      'async function connection(name) {',
      '  if (!connections[name]) {',
      '    connections[name] = { url: process.env.REDIS_URL, client: redis.createClient(process.env.REDIS_URL) };',
      '  }',
      '  return connections[name].client;',
      '}',
      'async function purge(name) {',
      "  const client = await connection(name);",
      "  return client.keys('job:*');",
      '}',
      'const pairs = {};',
      "pairs.a = { client: redis.createClient() };",
      "pairs.b = { client: 'none' };",
      "const other = (k) => pairs[k].client.keys('*');",
      'module.exports = { purge, other };',
    );
    assert.deepEqual(hintsIn('connections.js', javascript), ['5:createClient redis-tls', '11:keys redis-keys', '11:keys redis-keys!']);
    const twoShapes = sourceLines(
      "const redis = require('redis');",
      'const byName = {};',
      'function open(name, url) {',
      '  if (url) byName[name] = { client: redis.createClient(url) };',
      "  else byName[name] = { client: { keys: () => [] } };",
      "  return byName[name].client.keys('*');",
      '}',
    );
    assert.deepEqual(hintsIn('two.js', twoShapes), []);
  });

  it('reads nothing from a cache that holds anything else, or a map that is not a Map', () => {
    const python = sourceLines(
      'import boto3',
      'memo = {}',
      'def remember(key, value):',
      '    memo[key] = value',
      '    memo["client"] = boto3.client("dynamodb")',
      '    return memo.get(key).scan(TableName="orders")',
    );
    assert.deepEqual(hintsIn('memo.py', python), []);
    const javascript = sourceLines(
      "import Redis from 'ioredis';",
      'const names = {};',
      "names.a = 'x';",
      "names['b'] = new Redis();",
      "names['c'] = 'y';",
      'const store = new WeakMap();',
      'store.set(k, new Redis());',
      'export const f = () => names[k].keys("*");',
      'export const g = () => store.get(k).keys("*");',
    );
    assert.deepEqual(hintsIn('names.js', javascript), []);
  });

  it('reads a cache of clients a class keeps in a field: a dict its methods fill, and a Map set in the constructor', () => {
    const python = sourceLines(
      'import boto3',
      'class RegionalStore:',
      '    def __init__(self):',
      '        self._clients = {}',
      '        self._names = {}',
      '    def _client(self, region):',
      '        if region not in self._clients:',
      '            self._clients[region] = boto3.client("dynamodb", region_name=region)',
      '        return self._clients[region]',
      '    def dump(self, region):',
      '        self._names[region] = region.upper()',
      '        self._names[region].scan(TableName="orders")',
      '        return self._client(region).scan(TableName="orders")',
    );
    assert.deepEqual(hintsIn('store.py', python), ['13:scan dynamodb-scan', '13:scan dynamodb-scan!']);
    const typescript = sourceLines(
      "import Redis from 'ioredis';",
      'export class Tenants {',
      '  private connections: Map<string, Redis>;',
      '  constructor() {',
      '    this.connections = new Map();',
      '  }',
      '  private raw(tenant: string) {',
      '    if (!this.connections.has(tenant)) this.connections.set(tenant, new Redis(process.env.URL!));',
      '    return this.connections.get(tenant)!;',
      '  }',
      "  purge(tenant: string) { return this.raw(tenant).keys('*'); }",
      '}',
    );
    assert.deepEqual(hintsIn('tenants.ts', typescript), ['8:Redis redis-tls', '11:keys redis-keys', '11:keys redis-keys!']);
  });

  it('reads a CDK construct from a record a construct class fills with tables of one type', () => {
    const code = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      'export class Tables extends Construct {',
      '  readonly tables: { [name: string]: dynamodb.Table } = {};',
      '  readonly names: { [name: string]: string } = {};',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    this.tables.threads = new dynamodb.Table(this, 'Threads', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "    this.tables['comments'] = new dynamodb.Table(this, 'Comments', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
      "    this.tables['comments'].addGlobalSecondaryIndex({ indexName: 'byThread', partitionKey: { name: 't', type: dynamodb.AttributeType.STRING } });",
      "    this.names['comments'] = 'comments';",
      '  }',
      '}',
    );
    assert.ok(hintsIn('tables.ts', code).includes('10:addGlobalSecondaryIndex dynamodb-secondary-index-definition'), hintsIn('tables.ts', code).join('\n'));
  });
});
