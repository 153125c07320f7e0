/**
 * A file that imports a Testcontainers library is test support whatever its name: its Redis clients talk to
 * containers it starts and throws away, so `redis-flush`, `redis-keys` and `redis-loop-round-trips` say nothing
 * there (the hovers stay). A file that only mentions Testcontainers in a comment, a log message or a variable
 * keeps its findings.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findingsOn(found: string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`) && hint.endsWith('!'));
}

const GO_HELPER = (containerImport: string) =>
  sourceLines(
    'package testsupport',
    '',
    'import (',
    '\t"context"',
    '',
    '\t"github.com/redis/go-redis/v9"',
    containerImport,
    ')',
    '',
    'type Cache struct {',
    '\tClient *redis.Client',
    '}',
    '',
    'func (c *Cache) Reset(ctx context.Context) error {',
    '\treturn c.Client.FlushAll(ctx).Err()',
    '}',
  );

describe('Redis in Testcontainers files', () => {
  it('Go: a FlushAll helper beside testcontainers-go, in a package that is no _test file', () => {
    const found = hintsIn('internal/testsupport/containers.go', GO_HELPER('\t"github.com/testcontainers/testcontainers-go"'));
    assert.deepEqual(findingsOn(found, 15), [], found.join('\n'));
    assert.ok(found.includes('15:FlushAll redis-flush'), found.join('\n'));
    const module = hintsIn('internal/testsupport/containers.go', GO_HELPER('\ttcredis "github.com/testcontainers/testcontainers-go/modules/redis"'));
    assert.deepEqual(findingsOn(module, 15), [], module.join('\n'));
  });

  it('Python, Java, Node and C#: the Testcontainers import of each makes the file test support', () => {
    const python = sourceLines(
      'import redis',
      'from testcontainers.redis import RedisContainer',
      '',
      'def fresh_client(container: RedisContainer) -> redis.Redis:',
      '    client = redis.Redis(host=container.get_container_host_ip(), port=container.get_exposed_port(6379))',
      '    client.flushall()',
      '    for key in client.keys("seed:*"):',
      '        client.delete(key)',
      '    return client',
    );
    const fromPython = hintsIn('support/containers.py', python);
    assert.deepEqual([6, 7, 8].flatMap((line) => findingsOn(fromPython, line)), [], fromPython.join('\n'));
    const java = sourceLines(
      'import org.testcontainers.containers.GenericContainer;',
      'import redis.clients.jedis.Jedis;',
      'class RedisFixture {',
      '  private final Jedis jedis;',
      '  RedisFixture(GenericContainer<?> redis) { this.jedis = new Jedis(redis.getHost(), redis.getFirstMappedPort()); }',
      '  void reset() { jedis.flushAll(); }',
      '}',
    );
    const fromJava = hintsIn('RedisFixture.java', java);
    assert.deepEqual(findingsOn(fromJava, 6), [], fromJava.join('\n'));
    const node = sourceLines(
      "import Redis from 'ioredis';",
      "import { RedisContainer } from '@testcontainers/redis';",
      'export async function seededRedis() {',
      '  const container = await new RedisContainer().start();',
      '  const redis = new Redis(container.getConnectionUrl());',
      '  await redis.flushall();',
      '  return redis;',
      '}',
    );
    const fromNode = hintsIn('support/redis.ts', node);
    assert.deepEqual(findingsOn(fromNode, 6), [], fromNode.join('\n'));
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      'using Testcontainers.Redis;',
      'public class RedisFixture',
      '{',
      '    private readonly IConnectionMultiplexer _mux = ConnectionMultiplexer.Connect("localhost");',
      '    public void Reset() { _mux.GetServer("localhost", 6379).FlushAllDatabases(); }',
      '}',
    );
    const fromCsharp = hintsIn('RedisFixture.cs', csharp);
    assert.deepEqual(findingsOn(fromCsharp, 6), [], fromCsharp.join('\n'));
  });

  it('keeps the findings where Testcontainers is only mentioned: a comment, a log message, a variable', () => {
    const go = hintsIn('internal/cache/admin.go', GO_HELPER('\t// the tests use github.com/testcontainers/testcontainers-go'));
    assert.deepEqual(findingsOn(go, 15), ['15:FlushAll redis-flush!'], go.join('\n'));
    const python = sourceLines(
      'import logging',
      'import redis',
      '',
      'client = redis.Redis(host="cache.internal")',
      '',
      'def reset(testcontainers=False):',
      '    logging.info("not testcontainers: flushing the shared cache")',
      '    client.flushall()',
    );
    const found = hintsIn('admin.py', python);
    assert.deepEqual(findingsOn(found, 8), ['8:flushall redis-flush!'], found.join('\n'));
  });
});
