/**
 * StackExchange.Redis's synchronous commands in LINQ's `Select` / `SelectMany` or `List<T>.ForEach` callbacks run one
 * element after the other, each waiting for its reply, as in a `foreach`. Its `...Async` commands there start together,
 * and `Parallel.ForEach` runs its calls side by side: no finding.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('C#: StackExchange.Redis commands in iterating callbacks', () => {
  it('reports a synchronous command per element of Select, SelectMany and ForEach', () => {
    const code = sourceLines(
      'using StackExchange.Redis;', // 1
      'public class DeviceReader',
      '{',
      '    private readonly IDatabase _db;',
      '    public DeviceReader(IConnectionMultiplexer mux) { _db = mux.GetDatabase(); }',
      '    public List<string> Names(RedisValue[] ids)',
      '    {',
      '        var names = ids.Select(id => (string)_db.StringGet(id.ToString())).ToList();',
      '        ids.ToList().ForEach(id => _db.KeyDelete(id.ToString()));',
      '        var fields = ids.SelectMany(id => _db.HashGetAll(id.ToString())).ToList();', // 10
      '        return names;',
      '    }',
      '    public async Task<string[]> Together(RedisValue[] ids)',
      '    {',
      '        var tasks = ids.Select(id => _db.StringGetAsync(id.ToString()));',
      '        Parallel.ForEach(ids, id => _db.KeyDelete(id.ToString()));',
      '        return (await Task.WhenAll(tasks)).Select(v => (string)v).ToArray();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('DeviceReader.cs', code, ['redis-loop-round-trips']).filter((hint) => hint.endsWith('!')), [
      '10:HashGetAll redis-loop-round-trips!',
      '8:StringGet redis-loop-round-trips!',
      '9:KeyDelete redis-loop-round-trips!',
    ]);
  });
});
