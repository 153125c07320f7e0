/**
 * StackExchange.Redis `StringGet` of a key array built with LINQ, read as one MGET (`code/stackExchangeKeyArrays.ts`):
 * `keys.ToArray()` of a `RedisKey` collection, or a local bound to `….Select(k => new RedisKey(k)).ToArray()`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('StackExchange.Redis: StringGet of a key array built with LINQ', () => {
  it('reads keys.ToArray() of an IEnumerable<RedisKey> and a local of new RedisKey(...) made an array as MGET', () => {
    const code = sourceLines(
      'using System.Linq;',
      'using StackExchange.Redis;',
      'public static class Reads',
      '{',
      '    public static Task<RedisValue[]> All(IDatabase db, IEnumerable<RedisKey> keys) => db.StringGetAsync(keys.ToArray());',
      '    public static RedisValue[] ByIds(IDatabase db, List<string> ids)',
      '    {',
      '        var redisKeys = ids.Select(id => new RedisKey("item:" + id)).ToArray();',
      '        return db.StringGet(redisKeys);',
      '    }',
      '    public static RedisValue[] Cast(IDatabase db, List<string> ids)',
      '    {',
      '        var redisKeys = ids.Select(id => (RedisKey)id).ToArray();',
      '        return db.StringGet(redisKeys);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Reads.cs', code).filter((hint) => hint.includes('redis-mget')), ['5:StringGetAsync redis-mget', '9:StringGet redis-mget', '14:StringGet redis-mget']);
  });

  it('leaves a single key, a list of strings and an array of values alone', () => {
    const code = sourceLines(
      'using System.Linq;',
      'using StackExchange.Redis;',
      'public static class Reads',
      '{',
      '    public static RedisValue First(IDatabase db, List<string> names) => db.StringGet(names.First());',
      '    public static RedisValue Named(IDatabase db, List<string> names)',
      '    {',
      '        var name = names.Select(n => n.Trim()).ToArray()[0];',
      '        return db.StringGet(name);',
      '    }',
      '    public static RedisValue Whole(IDatabase db, IEnumerable<string> names) => db.StringGet(names.ToArray()[0]);',
      '}',
    );
    assert.deepEqual(hintsIn('Reads.cs', code).filter((hint) => hint.includes('redis-mget')), []);
  });
});
