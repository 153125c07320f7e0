/**
 * ASP.NET Core's Redis distributed cache registered with its connection string in place:
 * `services.AddStackExchangeRedisCache(options => { options.Configuration = "cache:6379,password=...,ssl=false"; })`.
 * `RedisCacheOptions.Configuration` is the StackExchange.Redis configuration string the cache connects with, so its
 * password and `ssl` flag are read as a `ConnectionMultiplexer.Connect` string's are. Seen in an ASP.NET service's
 * Startup (left by an earlier audit as two ElastiCache connection strings without TLS). Silent on the app's own
 * `builder.Configuration`, on a value read from settings, and on a local server's string.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('C#: AddStackExchangeRedisCache with a configuration string', () => {
  it('reads the password and ssl flag of the string set on the registration lambda\'s options, in a block or a concise body', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;', // 1
      'public static class CacheRegistration',
      '{',
      '    private const string Carts = "carts.x1y2z3.use1.cache.amazonaws.com:6379,password=carts-pass-1,abortConnect=false";',
      '    public static void Add(IServiceCollection services)',
      '    {',
      '        services.AddStackExchangeRedisCache(options =>',
      '        {',
      '            options.Configuration = "orders.x1y2z3.use1.cache.amazonaws.com:6379,password=orders-pass-1,ssl=false";', // 9
      '            options.InstanceName = "orders:";',
      '        });',
      '        services.AddStackExchangeRedisCache((o) => o.Configuration = Carts);', // 12
      '    }',
      '}',
    );
    const found = findings(hintsIn('CacheRegistration.cs', code));
    assert.deepEqual(found.filter((hint) => hint.startsWith('9:')).sort(), ['9:orders-pass-1 redis-password!', '9:password redis-auth-without-tls!']);
    assert.deepEqual(found.filter((hint) => hint.startsWith('4:')).sort(), ['4:carts-pass-1 redis-password!', '4:password redis-auth-without-tls!']);
  });

  it('says nothing for TLS, a local server without a password, the app configuration, or a value read from settings', () => {
    const code = sourceLines(
      'using Microsoft.AspNetCore.Builder;', // 1
      'using Microsoft.Extensions.DependencyInjection;',
      'var builder = WebApplication.CreateBuilder(args);',
      'builder.Services.AddStackExchangeRedisCache(options =>',
      '{',
      '    options.Configuration = builder.Configuration.GetConnectionString("Redis");', // 6
      '});',
      'builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "localhost:6379");',
      'builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "orders.x1y2z3.use1.cache.amazonaws.com:6379,ssl=true,password=" + secret);',
      'var settings = new Settings();',
      'settings.Configuration = "orders.x1y2z3.use1.cache.amazonaws.com:6379,password=not-redis,ssl=false";', // 11
      'var app = builder.Build();',
    );
    assert.deepEqual(findings(hintsIn('Program.cs', code)), []);
  });

  it('hovers redis-tls on a registration whose configuration string comes from settings, a secret or a local string', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;', // 1
      'var builder = WebApplication.CreateBuilder(args);',
      'string cacheSettings = builder.Configuration.GetConnectionString("OrdersCache");',
      'builder.Services.AddStackExchangeRedisCache(options =>',
      '{',
      '    options.Configuration = cacheSettings;', // 6
      '    options.InstanceName = "orders:";',
      '});',
      'builder.Services.AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString("Carts"));', // 9
      'builder.Services.AddStackExchangeRedisCache(o => o.Configuration = Environment.GetEnvironmentVariable("CACHE_ENDPOINT")!);', // 10
      'builder.Services.AddStackExchangeRedisCache(o => o.InstanceName = "plain:");',
    );
    const tls = hintsIn('Program.cs', code).filter((hint) => hint.includes('redis-tls'));
    assert.deepEqual(tls, ['6:Configuration redis-tls', '9:Configuration redis-tls', '10:Configuration redis-tls']);
  });

  it('leaves the hover off where the file sets TLS on options itself, the string is one the code cannot place, or it is named for Azure', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;',
      'using StackExchange.Redis;',
      'public static class Cache',
      '{',
      '    public static void Add(IServiceCollection services, string endpoint, Func<string> pick)',
      '    {',
      '        services.AddStackExchangeRedisCache(o => o.Configuration = pick());',
      '        services.AddStackExchangeRedisCache(o => { o.ConfigurationOptions = ConfigurationOptions.Parse(endpoint); o.ConfigurationOptions.Ssl = true; });',
      '        services.AddStackExchangeRedisCache(o => o.Configuration = endpoint);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Cache.cs', code).filter((hint) => hint.includes('redis-tls')), []);
    const azure = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;',
      'public static class AzureCache',
      '{',
      '    public static void Add(IServiceCollection services, CacheSettings settings)',
      '    {',
      '        services.AddStackExchangeRedisCache(o => o.Configuration = settings.Azure!.ConnectionString);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('AzureCache.cs', azure).filter((hint) => hint.includes('redis-tls')), []);
  });
});
