/**
 * StackExchange.Redis: `db.Multiplexer` is the connection that made a database, so the server reached through it
 * (`_db.Multiplexer.GetServer(endpoint)`) gets the server commands' hovers and findings, as one reached from an
 * injected `IConnectionMultiplexer` already did.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const cacheAdmin = (...methods: string[]): string =>
  sourceLines(
    'using StackExchange.Redis;',
    '',
    'namespace Catalog.Infrastructure;',
    '',
    'public class RedisCatalogCache',
    '{',
    '    private readonly IDatabase _db;',
    '',
    '    public RedisCatalogCache(IConnectionMultiplexer connection) { _db = connection.GetDatabase(); }',
    '',
    ...methods,
    '}',
  );

describe('StackExchange.Redis: the server reached through a database\'s Multiplexer', () => {
  it('hovers a key listing and reports FLUSHALL through _db.Multiplexer.GetServer(...)', () => {
    const code = cacheAdmin(
      '    public List<string> CachedKeys(string prefix)',
      '    {',
      '        var server = _db.Multiplexer.GetServer(_db.Multiplexer.GetEndPoints().First());',
      '        return server.Keys(_db.Database, prefix + "*").Select(k => k.ToString()).ToList();',
      '    }',
      '',
      '    public Task ResetAsync() => _db.Multiplexer.GetServer(_db.Multiplexer.GetEndPoints().First()).FlushAllDatabasesAsync();',
    );
    assert.deepEqual(hintsIn('RedisCatalogCache.cs', code), [
      '14:Keys redis-scan',
      '17:FlushAllDatabasesAsync redis-flush',
      '17:FlushAllDatabasesAsync redis-flush!',
    ]);
  });

  it('stays silent on a Multiplexer member of a class that is no Redis client', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      '',
      'namespace Catalog.Infrastructure;',
      '',
      'public class RedisOptions',
      '{',
      '    public string Multiplexer { get; set; } = "";',
      '}',
      '',
      'public class CacheHealth',
      '{',
      '    private readonly RedisOptions _options;',
      '    public CacheHealth(RedisOptions options) { _options = options; }',
      '    public string[] Keys() => _options.Multiplexer.Split(",");',
      '}',
    );
    assert.deepEqual(hintsIn('CacheHealth.cs', code), []);
  });
});
