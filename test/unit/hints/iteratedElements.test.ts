/** Elements a JavaScript loop or iteration callback reads: the nodes of an ioredis cluster (audit 13). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('ioredis cluster nodes', () => {
  it('KEYS and FLUSHALL sent to each node, through a callback, a for-of loop and a variable', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      "const cluster = new Redis.Cluster([{ host: process.env.CACHE_HOST, port: 6379 }], { redisOptions: { tls: {} } });",
      '',
      'export async function sessionKeys(prefix: string) {',
      "  const perNode = await Promise.all(cluster.nodes('master').map(async (node) => node.keys(`${prefix}:*`)));",
      '  return perNode.flat();',
      '}',
      '',
      'export async function countCached() {',
      "  const masters = cluster.nodes('master');",
      '  let total = 0;',
      '  for (const node of masters) {',
      "    total += (await node.keys('cache:*')).length;",
      '  }',
      '  return total;',
      '}',
      '',
      'export function wipe() {',
      "  cluster.nodes('all').forEach(function (node) { node.flushall(); });",
      '}',
    );
    const hints = hintsIn('cluster-cache.ts', code);
    assert.ok(hints.includes('6:keys redis-keys!'), hints.join('\n'));
    assert.ok(hints.includes('14:keys redis-keys!'), hints.join('\n'));
    assert.ok(hints.includes('20:flushall redis-flush!'), hints.join('\n'));
  });

  it('through a class field holding the cluster', () => {
    const code = sourceLines(
      "import { Cluster } from 'ioredis';",
      '',
      'export class TagIndex {',
      '  constructor(private readonly cluster: Cluster) {}',
      '',
      '  async tags() {',
      "    const nodes = this.cluster.nodes('master');",
      "    return Promise.all(nodes.map((node) => node.keys('tag:*')));",
      '  }',
      '}',
    );
    assert.ok(hintsIn('tag-index.ts', code).includes('8:keys redis-keys!'));
  });

  it('stays silent on nodes of something else and on callbacks over other collections', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { graph } from './graph';",
      '',
      'const redis = new Redis(process.env.REDIS_URL);',
      '',
      'export async function other(names: string[]) {',
      "  graph.nodes('all').map((node) => node.keys('x'));",
      '  names.forEach((name) => name.keys());',
      "  const cached = await redis.keys('list:*');",
      '  cached.map((key) => key.keys());',
      "  [1, 2].map((n) => n.flushall());",
      '  return cached;',
      '}',
    );
    const hints = hintsIn('other.ts', code);
    assert.ok(!hints.some((hint) => /^(7|8|10|11):/.test(hint)), hints.join('\n'));
  });
});

describe('iteration callbacks over clients of unknown origin', () => {
  it('reads a callback parameter over a parameter as of unknown origin, as a for-of variable is read', () => {
    const code = sourceLines(
      'exports.scanAll = async (clients) => {',
      "  await Promise.all(clients.map((c) => c.scan({ TableName: 'orders' }).promise()));",
      '  for (const c of clients) {',
      "    await c.scan({ TableName: 'orders' }).promise();",
      '  }',
      '};',
    );
    const hints = hintsIn('scan-all.js', code);
    assert.ok(hints.includes('2:scan dynamodb-scan'), hints.join('\n'));
    assert.ok(hints.includes('4:scan dynamodb-scan'), hints.join('\n'));
  });
});

describe('ioredis cluster nodes, written as real code writes them', () => {
  it('a cast receiver and a callback parameter typed any', () => {
    const code = sourceLines(
      "import { Cluster, Redis } from 'ioredis';",
      '',
      'export class NamespaceCache {',
      '  constructor(private readonly redis: Redis | Cluster, private readonly namespace: string) {}',
      '',
      '  async clear() {',
      '    if (this.redis instanceof Cluster) {',
      "      const found = await Promise.all((this.redis as Cluster).nodes('master').map(async (node) => node.keys(`${this.namespace}*`)));",
      '      return found.flat();',
      '    }',
      '    return [];',
      '  }',
      '',
      '  async all(client: Cluster) {',
      "    return Promise.all(client.nodes('master').map((node: any) => node.keys('*')));",
      '  }',
      '',
      '  async typed(client: Cluster, other: { nodes(): string[] }) {',
      "    (other as any).nodes().map((node: any) => node.keys('*'));",
      "    return client.nodes('master').map((node: string) => node.keys('*'));",
      '  }',
      '}',
    );
    const hints = hintsIn('namespace-cache.ts', code);
    assert.ok(hints.includes('8:keys redis-keys!'), hints.join('\n'));
    assert.ok(hints.includes('15:keys redis-keys!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => /^(19|20):/.test(hint)), hints.join('\n'));
  });
});
