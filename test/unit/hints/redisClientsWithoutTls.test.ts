/**
 * A Redis client made with nothing that turns TLS on, to a server the environment, a variable, a built string or an
 * ElastiCache endpoint names: `redis-tls` hovers on the call that makes it (a hover only, no finding).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { superlinearScaling } from '../../support/hostileShapes';
import { hintsIn, realHintRules, sourceLines } from './support';

const onCall = (found: readonly string[], line: number, token: string): boolean => found.includes(`${line}:${token} redis-tls`);

describe('Redis clients made without TLS', () => {
  it('hovers on redis-py clients and pools whose host the environment or settings name', () => {
    const found = hintsIn(
      'cache.py',
      sourceLines(
        'import os',
        'import redis',
        'sessions = redis.Redis(host=os.environ["CACHE_HOST"], port=6379, decode_responses=True)',
        'pool = redis.ConnectionPool(host=settings.CACHE_HOST, port=6379)',
        'pooled = redis.Redis(connection_pool=pool)',
        'feeds = redis.from_url(f"redis://{os.environ[\'FEED_HOST\']}:6379/0")',
        'orders = redis.from_url("redis://orders.abc123.ng.0001.use1.cache.amazonaws.com:6379")',
        'events = redis.from_url(os.environ["REDIS_URL"], decode_responses=True)',
      ),
    );
    assert.ok(onCall(found, 3, 'Redis'), found.join('\n'));
    assert.ok(onCall(found, 4, 'ConnectionPool'), found.join('\n'));
    // The pool decides TLS: the hover is on the pool, not on the client that borrows from it.
    assert.ok(!onCall(found, 5, 'Redis'), found.join('\n'));
    assert.ok(onCall(found, 6, 'from_url'), found.join('\n'));
    assert.ok(onCall(found, 7, 'from_url'), found.join('\n'));
    // The environment's URL decides: the hover says what its scheme must be.
    assert.ok(onCall(found, 8, 'from_url'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('redis-tls!')), found.join('\n'));
  });

  it('leaves alone clients with TLS, a URL held by a name, local servers and plain server names', () => {
    const found = hintsIn(
      'clients.py',
      sourceLines(
        'import os',
        'import redis',
        'a = redis.Redis(host=os.environ["CACHE_HOST"], ssl=True)',
        'b = redis.from_url(settings.REDIS_URL, **settings.REDIS_OPTIONS)',
        'c = redis.Redis(host="localhost", port=6379)',
        'd = redis.Redis()',
        'e = redis.Redis(host="redis", port=6379)',
        'f = redis.from_url("rediss://orders.abc123.ng.0001.use1.cache.amazonaws.com:6379")',
        'g = redis.Redis(unix_socket_path="/tmp/redis.sock")',
        'h = redis.Redis(host=os.environ["CACHE_HOST"], connection_class=redis.SSLConnection)',
        'i = redis.Redis(**settings.REDIS)',
      ),
    );
    for (const line of [3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      assert.ok(!found.some((hint) => hint.startsWith(`${line}:`) && hint.includes('redis-tls') && !hint.includes(':ssl') && !hint.includes(':connection_class')), `${line}\n${found.join('\n')}`);
    }
  });

  it('hovers on node-redis and ioredis clients whose host or URL the environment names, not on those given TLS or options not seen', () => {
    const found = hintsIn(
      'cache.ts',
      sourceLines(
        "import { createClient } from 'redis';",
        "import Redis from 'ioredis';",
        'const a = createClient({ socket: { host: process.env.CACHE_HOST, port: 6379 } });',
        'const b = new Redis({ host: process.env.CACHE_HOST, port: 6379 });',
        'const c = new Redis.Cluster([{ host: process.env.CACHE_HOST, port: 6379 }]);',
        'const d = createClient({ url: process.env.REDIS_URL });',
        'const e = new Redis({ host: process.env.CACHE_HOST, tls: {} });',
        'const f = createClient({ socket: { host: process.env.CACHE_HOST, tls: true } });',
        'const g = createClient({ socket: socketOptions });',
        'const h = createClient();',
        'const i = new Redis(`redis://${process.env.CACHE_HOST}:6379`);',
        'const j = new Redis(process.env.REDIS_URL);',
        'const k = new Redis(process.env.REDIS_URL, sharedOptions);',
      ),
    );
    assert.ok(onCall(found, 3, 'createClient'), found.join('\n'));
    assert.ok(onCall(found, 4, 'Redis'), found.join('\n'));
    assert.ok(onCall(found, 5, 'Cluster'), found.join('\n'));
    assert.ok(onCall(found, 6, 'createClient'), found.join('\n'));
    assert.ok(onCall(found, 12, 'Redis'), found.join('\n'));
    for (const [line, token] of [[7, 'Redis'], [8, 'createClient'], [9, 'createClient'], [10, 'createClient'], [13, 'Redis']] as const) {
      assert.ok(!onCall(found, line, token), `${line}\n${found.join('\n')}`);
    }
    assert.ok(onCall(found, 11, 'Redis'), found.join('\n'));
  });

  it('hovers on go-redis options without a TLSConfig, and not in tests', () => {
    const source = sourceLines(
      'package cache',
      'import (',
      '\t"os"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func New() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})',
      '}',
      'func NewLocal() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: "localhost:6379"})',
      '}',
    );
    const found = hintsIn('cache.go', source);
    assert.ok(onCall(found, 7, 'Options'), found.join('\n'));
    assert.ok(!onCall(found, 10, 'Options'), found.join('\n'));
    assert.ok(!hintsIn('cache_test.go', source).some((hint) => hint.includes('redis-tls')));
  });

  it('hovers on Jedis clients and pools made from a host, a port and no ssl flag, once per client', () => {
    const found = hintsIn(
      'Cache.java',
      sourceLines(
        'import redis.clients.jedis.Jedis;',
        'import redis.clients.jedis.JedisPool;',
        'class Cache {',
        '    private final String host = System.getenv("CACHE_HOST");',
        '    private static final JedisPool POOL = new JedisPool(System.getenv("CACHE_HOST"), 6379);',
        '    private static final JedisPool LOCAL = new JedisPool("localhost", 6379);',
        '    String read(String key) {',
        '        Jedis jedis = new Jedis(host, 6379);',
        '        jedis.auth(System.getenv("CACHE_TOKEN"));',
        '        return jedis.get(key);',
        '    }',
        '    String secure(String key) {',
        '        Jedis jedis = new Jedis(host, 6379, true);',
        '        return jedis.get(key);',
        '    }',
        '    String configured(String key, JedisClientConfig config) {',
        '        Jedis jedis = new Jedis(host, 6379, config);',
        '        return jedis.get(key);',
        '    }',
        '}',
      ),
    );
    assert.ok(onCall(found, 5, 'JedisPool'), found.join('\n'));
    assert.ok(!onCall(found, 6, 'JedisPool'), found.join('\n'));
    assert.ok(onCall(found, 8, 'Jedis'), found.join('\n'));
    // The AUTH sent on that client is judged with it; the hover stays on the construction.
    assert.ok(!onCall(found, 9, 'auth') && found.includes('9:System.getenv("CACHE_TOKEN") redis-auth-without-tls!'), found.join('\n'));
    assert.ok(!onCall(found, 13, 'Jedis') && !onCall(found, 17, 'Jedis'), found.join('\n'));
  });
});

describe('StackExchange.Redis endpoints written out', () => {
  it('judges each server an endpoint list writes: localhost is left alone, an ElastiCache endpoint gets the hover', () => {
    const found = hintsIn(
      'Cache.cs',
      sourceLines(
        'using StackExchange.Redis;',
        'public static class Cache',
        '{',
        '    public static ConnectionMultiplexer Local() => ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { { "localhost", 6379 } } });',
        '    public static ConnectionMultiplexer Remote() => ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { { "orders.abc123.ng.0001.use1.cache.amazonaws.com", 6379 } } });',
        '}',
      ),
    );
    assert.ok(!found.some((hint) => hint.startsWith('4:') && hint.includes('redis-tls')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('5:') && hint.endsWith(' redis-tls')), found.join('\n'));
  });
});

describe('Spring Boot Redis settings without TLS', () => {
  it('hovers on the server setting when no ssl property turns TLS on and the server may be ElastiCache', () => {
    const placeholder = sourceLines('spring:', '  data:', '    redis:', '      host: ${REDIS_HOST}', '      port: 6379');
    assert.ok(hintsIn('src/main/resources/application.yml', placeholder).includes('4:host redis-tls'));
    const aws = sourceLines('spring.redis.url=redis://sessions.abc123.ng.0001.use1.cache.amazonaws.com:6379');
    assert.ok(hintsIn('src/main/resources/application.properties', aws).includes('1:spring.redis.url redis-tls'));
  });

  it('leaves alone a server with TLS on, a rediss:// URL, localhost and a plain server name', () => {
    for (const yaml of [
      sourceLines('spring:', '  data:', '    redis:', '      host: ${REDIS_HOST}', '      ssl:', '        enabled: true'),
      sourceLines('spring:', '  data:', '    redis:', '      url: rediss://${REDIS_HOST}:6379'),
      sourceLines('spring:', '  data:', '    redis:', '      host: localhost'),
      sourceLines('spring:', '  data:', '    redis:', '      host: redis'),
    ]) {
      const found = hintsIn('src/main/resources/application.yml', yaml);
      assert.ok(!found.some((hint) => hint.includes(':host redis-tls') || hint.includes(':url redis-tls')), `${yaml}\n${found.join('\n')}`);
    }
  });
});

describe('Redis clients without TLS and Python star imports on hostile shapes', () => {
  it('stays linear on many clients, many written endpoints, and many names a star import brings in', function () {
    this.timeout(120_000);
    const clients = (size: number): string =>
      sourceLines('import os', 'import redis', 'from app_lib import *') +
      Array.from({ length: Math.ceil(size / 90) }, (_, k) => `c${k} = redis.Redis(host=os.environ["H${k}"], port=6379, db=${k % 16})\n`).join('');
    const names = (size: number): string =>
      sourceLines('from app_lib import *', 'from other_lib import *', 'def handler(event, context):') +
      Array.from({ length: Math.ceil(size / 40) }, (_, k) => `    helper_${k}(event).scan()\n`).join('');
    const endpoints = (size: number): string =>
      sourceLines('using StackExchange.Redis;', 'public static class Cache', '{', '    public static ConnectionMultiplexer Make() => ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = {') +
      Array.from({ length: Math.ceil(size / 40) }, (_, k) => `        { "node${k}.internal", 6379 },\n`).join('') +
      '    } });\n}\n';
    const slow: (string | undefined)[] = [];
    for (const [label, make, kind, fileName] of [
      ['clients', clients, 'python', 'cache.py'],
      ['star-imported names', names, 'python', 'handler.py'],
      ['written endpoints', endpoints, 'csharp', 'Cache.cs'],
    ] as const) {
      const analyze = (text: string): void => void analyzeText(text, realHintRules(), { kind, fileName, onError: (error) => assert.fail(String(error)) });
      slow.push(superlinearScaling(label, make, analyze, { startSize: 100_000, maxSize: 400_000, floorMs: 1, minimumMs: 10, samples: 3 }));
    }
    assert.deepEqual(slow.filter(Boolean), []);
  });
});
