/**
 * C# StackExchange.Redis reached through project types: an interface that extends `IDatabase` (one of several names
 * of its base list) is the client wherever a name is declared with it, in its own file or, in workspace mode, in
 * another; a holder class whose namespace comes from a `global using` elsewhere lends its `IDatabase` property to
 * other files as one with its own `using` does; a BenchmarkDotNet `[Benchmark]` (or JMH `@Benchmark`) loop that
 * repeats one command to time it is no round trip per key; and `ListRange(key, 0, ListLength(key))` reads the whole list.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { contributionOf, hintsOfFile } from './support';

const STORE = sourceLines(
  'using StackExchange.Redis;',
  '',
  'namespace Parks.Data',
  '{',
  '    public interface IParkStore : IDisposable, IDatabase',
  '    {',
  '    }',
  '}',
);

const GATES = sourceLines(
  'using Parks.Data;',
  '',
  'namespace Parks.Services',
  '{',
  '    public class Gates',
  '    {',
  '        private readonly IParkStore _store;',
  '        public Gates(IParkStore store) { _store = store; }',
  '',
  '        public void Close(string gate) => _store.KeyDelete("gate:" + gate);',
  '        public int Visitors(string gate) => _store.HashGetAll("visits:" + gate).Length;',
  '        public string Name(string gate) => gate.Trim();',
  '    }',
  '}',
);

describe('C#: an interface that extends IDatabase', () => {
  it('is the client where a name is declared with it in its own file, whatever place IDatabase takes in the base list', () => {
    const file = (bases: string): string =>
      sourceLines(
        'using StackExchange.Redis;',
        '',
        `public interface IParkStore : ${bases} { }`,
        '',
        'public class Gates(IParkStore store)',
        '{',
        '    public void Close(string gate) => store.KeyDelete("gate:" + gate);',
        '}',
      );
    assert.deepEqual(hintsIn('Gates.cs', file('IDatabase, IDisposable')), ['7:KeyDelete redis-unlink']);
    assert.deepEqual(hintsIn('Gates.cs', file('IDisposable, IDatabase')), ['7:KeyDelete redis-unlink']);
    assert.deepEqual(hintsIn('Gates.cs', file('IComparable<List<string>>, IDatabase')), ['7:KeyDelete redis-unlink']);
    assert.deepEqual(hintsIn('Gates.cs', file('IDisposable, IComparable<string>')), []);
  });

  it('is indexed as the client itself, and read so through a field of another file', () => {
    assert.deepEqual(contributionOf('src/Parks/Data/IParkStore.cs', STORE)?.classFields, {
      'csharp:Parks.Data.IParkStore': { '(self)': { kind: 'redis', flavor: 'stackexchange-redis' } },
    });
    const files = { 'src/Parks/Data/IParkStore.cs': STORE, 'src/Parks/Services/Gates.cs': GATES };
    assert.deepEqual(hintsOfFile(files, 'src/Parks/Services/Gates.cs'), ['10:KeyDelete redis-unlink', '11:HashGetAll redis-collection-read']);
    assert.deepEqual(hintsOfFile(files, 'src/Parks/Services/Gates.cs', null), []);
  });

  it('leaves alone a class that implements it and defines the commands itself', () => {
    const logging = sourceLines(
      'using StackExchange.Redis;',
      '',
      'namespace Parks.Data',
      '{',
      '    public class LoggingStore : IParkStore',
      '    {',
      '        public bool KeyDelete(RedisKey key, CommandFlags flags = CommandFlags.None) => Log(key);',
      '        private static bool Log(RedisKey key) => true;',
      '    }',
      '}',
    );
    const files = { 'src/Parks/Data/IParkStore.cs': STORE, 'src/Parks/Data/LoggingStore.cs': logging, 'src/Parks/Services/Gates.cs': GATES.replace(/IParkStore/g, 'LoggingStore') };
    assert.equal(contributionOf('src/Parks/Data/LoggingStore.cs', logging)?.classFields?.['csharp:Parks.Data.LoggingStore'], undefined);
    assert.deepEqual(hintsOfFile(files, 'src/Parks/Services/Gates.cs'), []);
  });
});

describe('C#: a Redis holder class whose using is a global using of the project', () => {
  const holder = sourceLines(
    'namespace Parks.Caching;',
    '',
    'public sealed class ParkCache',
    '{',
    '    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect("parks-cache:6379"));',
    '    public IDatabase Db { get { return Shared.Value.GetDatabase(); } }',
    '}',
  );
  const tickets = sourceLines(
    'using Parks.Caching;',
    '',
    'namespace Parks.Tickets;',
    '',
    'public class TicketDesk(ParkCache cache)',
    '{',
    '    public Task VoidAsync(string id) => cache.Db.KeyDeleteAsync("ticket:" + id);',
    '}',
  );

  it('lends its IDatabase property to another file, as one with its own using does', () => {
    const files = { 'src/GlobalUsings.cs': 'global using StackExchange.Redis;\n', 'src/Caching/ParkCache.cs': holder, 'src/Tickets/TicketDesk.cs': tickets };
    assert.deepEqual(hintsOfFile(files, 'src/Tickets/TicketDesk.cs'), ['7:KeyDeleteAsync redis-unlink']);
  });

  it('lends nothing where the holder names no type only StackExchange.Redis declares', () => {
    const plain = holder.replace('Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect("parks-cache:6379"))', 'Lazy<Muxer> Shared = new(() => Muxer.Open())');
    const files = { 'src/GlobalUsings.cs': 'global using StackExchange.Redis;\n', 'src/Caching/ParkCache.cs': plain, 'src/Tickets/TicketDesk.cs': tickets };
    assert.deepEqual(hintsOfFile(files, 'src/Tickets/TicketDesk.cs'), []);
  });
});

describe('C# and Java: benchmarks, and C# whole-list ranges', () => {
  const bench = (attribute: string): string =>
    sourceLines(
      'using BenchmarkDotNet.Attributes;',
      'using StackExchange.Redis;',
      '',
      'public class CacheBench(IDatabase db)',
      '{',
      `    ${attribute}`,
      '    public async Task SetMany()',
      '    {',
      '        for (var i = 0; i < 1000; i++)',
      '        {',
      '            await db.StringGetAsync("bench:key");',
      '        }',
      '    }',
      '}',
    );

  it('reports no round trip per key in a [Benchmark] loop, which repeats the command to time it', () => {
    assert.deepEqual(hintsIn('CacheBench.cs', bench('[Benchmark(OperationsPerInvoke = 1000)]')), []);
    assert.deepEqual(hintsIn('CacheBench.cs', bench('[Obsolete]')).sort(), ['11:StringGetAsync redis-loop-round-trips', '11:StringGetAsync redis-loop-round-trips!']);
  });

  it('reports none in a JMH @Benchmark loop either', () => {
    const jmh = (annotation: string): string =>
      sourceLines(
        'import org.openjdk.jmh.annotations.Benchmark;',
        'import redis.clients.jedis.Jedis;',
        '',
        'public class CacheBench {',
        '    private final Jedis jedis = new Jedis("bench-cache", 6379);',
        '',
        `    ${annotation}`,
        '    public void readMany() {',
        '        for (int i = 0; i < 1000; i++) {',
        '            jedis.get("bench:key");',
        '        }',
        '    }',
        '}',
      );
    assert.deepEqual(hintsIn('CacheBench.java', jmh('@Benchmark')).filter((hint) => hint.includes('loop')), []);
    assert.deepEqual(hintsIn('CacheBench.java', jmh('@Deprecated')).filter((hint) => hint.includes('loop')).sort(), ['10:get redis-loop-round-trips', '10:get redis-loop-round-trips!']);
  });

  it('reads a ListRange up to the ListLength of the same key as the whole list', () => {
    const lists = sourceLines(
      'using StackExchange.Redis;',
      '',
      'public class Queue(IDatabase db)',
      '{',
      '    public RedisValue[] All(string key) => db.ListRange(key, 0, db.ListLength(key));',
      '    public RedisValue[] Other(string key) => db.ListRange(key, 0, db.ListLength("sizes"));',
      '}',
    );
    assert.deepEqual(hintsIn('Queue.cs', lists), ['5:ListRange redis-collection-read']);
  });
});
