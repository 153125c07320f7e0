/**
 * ASP.NET Core's `IDistributedCache` where the workspace registers it on Redis (`AddStackExchangeRedisCache`,
 * `AddDistributedRedisCache`, Aspire's `AddRedisDistributedCache`) and on no other store: its calls are the
 * Redis commands `RedisCache` sends (a write is a SET with the entry's TTL, `Remove` a delete), so a loop of
 * them costs one round trip per key. Silent alone, beside a SQL Server cache, beside another app's memory cache or
 * one a condition picks, and in a class that is a cache itself (a decorator whose inner caches may be any store); a
 * memory cache the file that registers Redis registers too, neither under a condition, never displaces it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

const PROGRAM = (registration: string): string =>
  sourceLines(
    'var builder = WebApplication.CreateBuilder(args);',
    'builder.Services.AddControllers();',
    registration,
    'var app = builder.Build();',
    'app.MapControllers();',
    'app.Run();',
  );

const REDIS = 'builder.Services.AddStackExchangeRedisCache(options => options.Configuration = builder.Configuration.GetConnectionString("Cache"));';

const SERVICE = sourceLines(
  'using System.Text.Json;',
  'using Microsoft.Extensions.Caching.Distributed;',
  '',
  'namespace Shop.Caching;',
  '',
  'public class BasketCache(IDistributedCache cache)',
  '{',
  '    public async Task SaveAsync(string id, Basket basket)',
  '    {',
  '        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };',
  '        await cache.SetStringAsync($"basket:{id}", JsonSerializer.Serialize(basket), options);',
  '    }',
  '',
  '    public async Task<List<Basket>> LoadAllAsync(IEnumerable<string> ids)',
  '    {',
  '        var baskets = new List<Basket>();',
  '        foreach (var id in ids)',
  '        {',
  '            var json = await cache.GetStringAsync($"basket:{id}");',
  '            if (json != null) baskets.Add(JsonSerializer.Deserialize<Basket>(json)!);',
  '        }',
  '        return baskets;',
  '    }',
  '',
  '    public Task ForgetAsync(string id) => cache.RemoveAsync($"basket:{id}");',
  '}',
);

describe('C#: IDistributedCache on Redis (workspace mode)', () => {
  it('reads its writes, removes and per-key reads in a loop as Redis commands where the workspace registers Redis', () => {
    for (const registration of [REDIS, 'builder.Services.AddDistributedRedisCache(o => o.Configuration = "cache:6379");', 'builder.AddRedisDistributedCache("cache");']) {
      const files = { 'src/Api/Program.cs': PROGRAM(registration), 'src/Infrastructure/BasketCache.cs': SERVICE };
      assert.deepEqual(
        hintsOfFile(files, 'src/Infrastructure/BasketCache.cs'),
        ['11:SetStringAsync redis-expire', '19:GetStringAsync redis-loop-round-trips', '19:GetStringAsync redis-loop-round-trips!', '25:RemoveAsync redis-unlink'],
        registration,
      );
    }
  });

  it('stays silent alone, with another store, beside another store, and where the registration is a comment', () => {
    assert.deepEqual(hintsIn('BasketCache.cs', SERVICE), []);
    const branches = [
      `${REDIS}\nif (builder.Environment.IsDevelopment()) builder.Services.AddDistributedMemoryCache();`,
      `if (builder.Environment.IsDevelopment())\n{\n    builder.Services.AddDistributedMemoryCache();\n}\nelse\n{\n    ${REDIS}\n}`,
    ];
    for (const registration of ['builder.Services.AddDistributedMemoryCache();', `${REDIS}\nbuilder.Services.AddDistributedSqlServerCache(o => o.ConnectionString = "x");`, ...branches, 'builder.Services.AddDistributedSqlServerCache(o => o.ConnectionString = "x");', `// ${REDIS}`]) {
      const files = { 'src/Api/Program.cs': PROGRAM(registration), 'src/Infrastructure/BasketCache.cs': SERVICE };
      assert.deepEqual(hintsOfFile(files, 'src/Infrastructure/BasketCache.cs'), [], registration);
    }
    // Another app of the workspace on a memory cache: the service may run in either.
    const twoApps = { 'src/Api/Program.cs': PROGRAM(REDIS), 'src/Admin/Program.cs': PROGRAM('builder.Services.AddDistributedMemoryCache();'), 'src/Infrastructure/BasketCache.cs': SERVICE };
    assert.deepEqual(hintsOfFile(twoApps, 'src/Infrastructure/BasketCache.cs'), []);
  });

  it('reads the cache as Redis where the file that registers Redis also registers a memory cache, neither under a condition', () => {
    // AddDistributedMemoryCache adds itself with TryAdd; the Redis registration's Add is the one resolved, in either order.
    const beside = [
      `builder.Services.AddDistributedMemoryCache();\n${REDIS}`,
      `${REDIS}\nbuilder.Services.AddDistributedMemoryCache();`,
    ];
    for (const registration of beside) {
      const files = { 'src/Api/Program.cs': PROGRAM(registration), 'src/Infrastructure/BasketCache.cs': SERVICE };
      assert.deepEqual(
        hintsOfFile(files, 'src/Infrastructure/BasketCache.cs'),
        ['11:SetStringAsync redis-expire', '19:GetStringAsync redis-loop-round-trips', '19:GetStringAsync redis-loop-round-trips!', '25:RemoveAsync redis-unlink'],
        registration,
      );
    }
    const startup = sourceLines(
      'public class Startup',
      '{',
      '    public void ConfigureServices(IServiceCollection services)',
      '    {',
      '        services.AddDistributedMemoryCache();',
      '        services.AddStackExchangeRedisCache(options => options.Configuration = "cache:6379");',
      '    }',
      '}',
    );
    const files = { 'src/Api/Startup.cs': startup, 'src/Infrastructure/BasketCache.cs': SERVICE };
    assert.ok(hintsOfFile(files, 'src/Infrastructure/BasketCache.cs').includes('25:RemoveAsync redis-unlink'));
  });

  it('stays silent in a class that is a cache itself, whose inner caches may be any store', () => {
    const decorator = sourceLines(
      'using Microsoft.Extensions.Caching.Distributed;',
      '',
      'public class FallbackCache : IDistributedCache',
      '{',
      '    private readonly IDistributedCache primary;',
      '    private readonly IDistributedCache secondary;',
      '    public FallbackCache(IDistributedCache primary, IDistributedCache secondary) { this.primary = primary; this.secondary = secondary; }',
      '    public void Remove(string key) { primary.Remove(key); secondary.Remove(key); }',
      '}',
    );
    const files = { 'src/Api/Program.cs': PROGRAM(REDIS), 'src/Infrastructure/FallbackCache.cs': decorator };
    assert.deepEqual(hintsOfFile(files, 'src/Infrastructure/FallbackCache.cs'), []);
  });

  it('leaves a type of another namespace and the refresh of a sliding entry alone', () => {
    const other = sourceLines(
      'using Acme.Caching;',
      '',
      'public class Reports(IDistributedCache cache)',
      '{',
      '    public Task DropAsync(string key) => cache.RemoveAsync(key);',
      '}',
    );
    const refresh = sourceLines(
      'using Microsoft.Extensions.Caching.Distributed;',
      '',
      'public class Sessions(IDistributedCache cache)',
      '{',
      '    public Task TouchAsync(string key) => cache.RefreshAsync(key);',
      '}',
    );
    const files = { 'Program.cs': PROGRAM(REDIS), 'Reports.cs': other, 'Sessions.cs': refresh };
    assert.deepEqual(hintsOfFile(files, 'Reports.cs'), []);
    assert.deepEqual(hintsOfFile(files, 'Sessions.cs'), []);
  });
});
