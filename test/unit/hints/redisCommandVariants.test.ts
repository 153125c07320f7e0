/**
 * Commands of the families the Redis hovers name, under the names the clients give them: PSETEX and go-redis
 * `SetXX` (a value and its TTL in one command), MSETNX (many keys in one round trip, one slot in cluster mode),
 * and CONFIG RESETSTAT / CONFIG REWRITE (blocked on ElastiCache as every CONFIG is); and TypeScript commands
 * called with type arguments (`cache.set<Profile>(...)`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const redisHints = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes(' redis-'));

describe('Redis command variants', () => {
  it('gives Lettuce and Jedis PSETEX, MSETNX, CONFIG RESETSTAT and CONFIG REWRITE their family hovers', () => {
    const code = sourceLines(
      'import io.lettuce.core.api.sync.RedisCommands;',
      'import redis.clients.jedis.Jedis;',
      'class Gateway {',
      '    private final RedisCommands<String, String> commands;',
      '    private final Jedis jedis;',
      '    void run(Map<String, String> values) {',
      '        commands.psetex("k", 500, "v");',
      '        commands.msetnx(values);',
      '        commands.configResetstat();',
      '        jedis.configRewrite();',
      '        jedis.configResetStat();',
      '        jedis.msetnx("a", "1", "b", "2");',
      '    }',
      '}',
    );
    assert.deepEqual(redisHints('Gateway.java', code), [
      '7:psetex redis-expire',
      '8:msetnx redis-mget',
      '9:configResetstat redis-config',
      '10:configRewrite redis-config',
      '11:configResetStat redis-config',
      '12:msetnx redis-mget',
    ]);
  });

  it("gives go-redis SetXX, MSetNX and ConfigResetStat their hovers, and a same-named method of another type none", () => {
    const code = sourceLines(
      'package locks',
      'import (',
      '\t"context"',
      '\t"time"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type ledger struct{}',
      'func (ledger) SetXX(k string) {}',
      'func renew(ctx context.Context, rdb *redis.Client, l ledger) {',
      '\trdb.SetXX(ctx, "lease", "me", time.Minute)',
      '\trdb.MSetNX(ctx, "a", "1", "b", "2")',
      '\trdb.ConfigResetStat(ctx)',
      '\tl.SetXX("lease")',
      '}',
    );
    assert.deepEqual(redisHints('locks.go', code), ['10:SetXX redis-expire', '11:MSetNX redis-mget', '12:ConfigResetStat redis-config']);
  });

  it('reads redis-py, ioredis and node-redis spellings alike, and never reports them', () => {
    const python = sourceLines(
      'import redis',
      'r = redis.Redis(host="cache")',
      'r.psetex("k", 500, "v")',
      'r.msetnx({"a": 1, "b": 2})',
      'r.config_resetstat()',
      'r.config_rewrite()',
    );
    assert.deepEqual(redisHints('cache.py', python), ['3:psetex redis-expire', '4:msetnx redis-mget', '5:config_resetstat redis-config', '6:config_rewrite redis-config']);
    const node = sourceLines(
      "import Redis from 'ioredis';",
      "import { createClient } from 'redis';",
      'const redis = new Redis();',
      'const client = createClient();',
      "await redis.psetex('k', 500, 'v');",
      "await client.pSetEx('k', 500, 'v');",
      "await client.mSetNX({ a: '1', b: '2' });",
      'const plain = { psetex: () => 0 };',
      'plain.psetex();',
    );
    const found = redisHints('cache.ts', node);
    assert.deepEqual(found, ['5:psetex redis-expire', '6:pSetEx redis-expire', '7:mSetNX redis-mget']);
    assert.ok(found.every((hint) => !hint.endsWith('!')), found.join('\n'));
  });

  it('reads a TypeScript command called with type arguments as the command', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function listProfiles(): Promise<string[]> {',
      "  await redis.set<string>('seen', '1');",
      "  return redis.keys<string[]>('profile:*');",
      '}',
    );
    assert.deepEqual(redisHints('profiles.ts', code).filter((hint) => !hint.includes('redis-tls')), [
      '4:set redis-expire',
      '5:keys redis-keys',
      '5:keys redis-keys!',
    ]);
  });
});

