/**
 * Round trips one call away: a loop that waits on a same-file helper which reads one Redis key per call
 * (`redis-loop-round-trips`, with the helper's client's example), or whose one DynamoDB call is an item request
 * (`dynamodb-item-loop`, in itemLoops.test.ts). Silent: helpers that write, pipeline or loop themselves,
 * helpers called together (`Promise.all`), and callers in tests.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'redis-loop-round-trips!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Redis: a loop that reads keys one by one through a helper', () => {
  const cacheLayer = sourceLines(
    "import Redis from 'ioredis';",
    'const redis = new Redis(process.env.CACHE_URL);',
    'export class UserCache {',
    '  async getUser(id: string) {',
    '    const cached = await redis.get(`user:${id}`);',
    '    return cached ? JSON.parse(cached) : undefined;',
    '  }',
    '  async saveUser(id: string, user: object) {',
    '    await redis.set(`user:${id}`, JSON.stringify(user), "EX", 300);',
    '  }',
    '  async getMany(ids: string[]) {',
    '    const pipeline = redis.pipeline();',
    '    ids.forEach((id) => pipeline.get(`user:${id}`));',
    '    return pipeline.exec();',
    '  }',
    '  async getUsers(ids: string[], users: object[]) {',
    '    const out = [];',
    '    for (const id of ids) {',
    '      out.push(await this.getUser(id));',
    '    }',
    '    for (const [i, id] of ids.entries()) {',
    '      await this.saveUser(id, users[i]);',
    '    }',
    '    await this.getMany(ids);',
    '    return Promise.all(ids.map((id) => this.getUser(id)));',
    '  }',
    '}',
  );

  it('reports the awaited call of a reading helper in a loop, with the helper client’s example', () => {
    assert.deepEqual(reported('user-cache.ts', cacheLayer), [`19:getUser ${RULE}`]);
    const result = analyzeText(cacheLayer, realHintRules(), { kind: documentKind(undefined, 'user-cache.ts')!, fileName: 'user-cache.ts' });
    const start = cacheLayer.indexOf('this.getUser(id));') + 'this.'.length;
    assert.equal(result.sites.find((site) => site.start === start)?.origin, 'ioredis');
  });

  it('reports blocking helpers in Python comprehensions and loops, not in tests', () => {
    const code = sourceLines(
      'import redis',
      'r = redis.Redis(host="cache", ssl=True)',
      'def get_price(sku):',
      '    value = r.get(f"price:{sku}")',
      '    return float(value) if value else None',
      'def prices(skus):',
      '    return {sku: get_price(sku) for sku in skus}',
      'def test_prices():',
      '    for sku in ["a", "b"]:',
      '        assert get_price(sku) is None',
    );
    assert.deepEqual(reported('prices.py', code), [`7:get_price ${RULE}`]);
  });

  it('stays silent where the loop runs inside a call that queues its commands', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'public class FieldCache {',
      '    private final Jedis jedis = new Jedis("cache", 6379);',
      '    public String hget(String key, String field) {',
      '        return jedis.hget(key, field);',
      '    }',
      '    public List<String> fields(final String key, final String... names) {',
      '        return this.pipelined(new PipelineBlock() {',
      '            public void execute() {',
      '                for (String name : names) {',
      '                    hget(key, name);',
      '                }',
      '            }',
      '        });',
      '    }',
      '    public List<String> each(String key, List<String> names) {',
      '        List<String> out = new ArrayList<>();',
      '        for (String name : names) {',
      '            out.add(hget(key, name));',
      '        }',
      '        return out;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('FieldCache.java', code), [`19:hget ${RULE}`]);
  });

  it('reports a Java stream that maps `this::` a reading helper, not an Optional’s map', () => {
    const code = sourceLines(
      'import redis.clients.jedis.JedisPooled;',
      'public class BadgeCache {',
      '    private final JedisPooled jedis = new JedisPooled("cache", 6379);',
      '    public String badge(String user) {',
      '        return jedis.get("badge:" + user);',
      '    }',
      '    public List<String> badges(List<String> users) {',
      '        return users.stream().map(this::badge).toList();',
      '    }',
      '    public Optional<String> badgeOf(Optional<String> user) {',
      '        return user.map(this::badge);',
      '    }',
      '}',
    );
    assert.deepEqual(reported('BadgeCache.java', code), [`8:badge ${RULE}`]);
  });
});
