/**
 * `client-per-request` for ASP.NET Core registrations whose lifetime is per request: a Scoped or Transient factory
 * that constructs a client (`services.AddScoped<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(cs))`), and a
 * project class registered so each of whose constructors makes one (`services.AddScoped<IStorage, RedisStorage>()`,
 * the class in the file or, in workspace mode, in another file), also from what an `IConfiguration` or `IOptions<T>`
 * parameter gives. Silent: singletons, factories that resolve their client from the provider or read the request's
 * tenant, constructors built from a tenant, library types, classes given their client, and test hosts.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('ASP.NET Core: clients made by Scoped and Transient registrations', () => {
  it('reports Scoped and Transient factories that construct a client, not singletons, what the provider resolves or a context over it', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using StackExchange.Redis;',
      'var builder = WebApplication.CreateBuilder(args);',
      'builder.Services.AddScoped<IConnectionMultiplexer>(sp =>',
      '{',
      '    return ConnectionMultiplexer.Connect(builder.Configuration.GetConnectionString("Redis")!);',
      '});',
      'builder.Services.AddScoped(sp => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase());',
      'builder.Services.AddTransient(typeof(IAmazonDynamoDB), (provider) =>',
      '{',
      '    var config = new AmazonDynamoDBConfig { MaxErrorRetry = 2 };',
      '    var client = new AmazonDynamoDBClient(config);',
      '    return client;',
      '});',
      'builder.Services.TryAddKeyedScoped<IDynamoDBContext>("orders", (sp, key) => new DynamoDBContext(new AmazonDynamoDBClient()));',
      'builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect("cache:6379"));',
      'builder.Services.AddScoped<ITenantCache>(sp => new TenantCache(ConnectionMultiplexer.Connect(sp.GetRequiredService<ITenantContext>().Endpoint)));',
      'builder.Services.AddScoped<IDynamoDBContext, DynamoDBContext>();',
      'builder.Services.AddScoped<IDynamoDBContext>(sp => new DynamoDBContext(sp.GetRequiredService<IAmazonDynamoDB>()));',
      'builder.Build().Run();',
    );
    assert.deepEqual(reported('Program.cs', code), [`7:ConnectionMultiplexer ${RULE}`, `13:AmazonDynamoDBClient ${RULE}`, `16:AmazonDynamoDBClient ${RULE}`]);
  });

  it('reports a project class registered per request whose every constructor connects, at its name in the registration', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;',
      'using StackExchange.Redis;',
      'public class Startup',
      '{',
      '    public void ConfigureServices(IServiceCollection services)',
      '    {',
      '        services.AddScoped<IStorage, RedisStorage>();',
      '        services.AddTransient(typeof(IStorage), typeof(FieldStorage));',
      '        services.AddScoped<IStorage, InjectedStorage>();',
      '        services.AddScoped<IStorage, EitherStorage>();',
      '        services.AddSingleton<IStorage, RedisStorage>();',
      '        services.AddScoped<IStorage>(sp => new InjectedStorage(sp.GetRequiredService<IConnectionMultiplexer>()));',
      '    }',
      '}',
      'public interface IStorage { }',
      'public class RedisStorage : IStorage',
      '{',
      '    private readonly IConnectionMultiplexer _connection;',
      '    public RedisStorage() { _connection = ConnectionMultiplexer.Connect("localhost"); }',
      '}',
      'public class FieldStorage : IStorage',
      '{',
      '    private readonly IConnectionMultiplexer _connection = ConnectionMultiplexer.Connect("localhost");',
      '}',
      'public class InjectedStorage : IStorage',
      '{',
      '    private readonly IConnectionMultiplexer _connection;',
      '    public InjectedStorage(IConnectionMultiplexer connection) { _connection = connection; }',
      '}',
      'public class EitherStorage : IStorage',
      '{',
      '    private readonly IConnectionMultiplexer _connection;',
      '    public EitherStorage() { _connection = ConnectionMultiplexer.Connect("localhost"); }',
      '    public EitherStorage(IConnectionMultiplexer connection) { _connection = connection; }',
      '}',
    );
    assert.deepEqual(reported('Startup.cs', code), [`7:RedisStorage ${RULE}`, `8:FieldStorage ${RULE}`]);
  });

  it('reads a constructor client built from IConfiguration or IOptions as made per instance, not one built from a tenant', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Microsoft.Extensions.Options;',
      'using StackExchange.Redis;',
      'public static class Registrations',
      '{',
      '    public static void Add(IServiceCollection services)',
      '    {',
      '        services.AddScoped<ConfigStore>();',
      '        services.AddScoped<OptionsStore>();',
      '        services.AddTransient<RegionStore>();',
      '        services.AddScoped<TenantStore>();',
      '        services.AddScoped<MixedStore>();',
      '    }',
      '}',
      'public class CacheSettings { public string Endpoint { get; set; } = ""; public string Region { get; set; } = ""; }',
      'public class ConfigStore',
      '{',
      '    private readonly IConnectionMultiplexer _mux;',
      '    public ConfigStore(IConfiguration configuration) { _mux = ConnectionMultiplexer.Connect(configuration.GetConnectionString("Cache")!); }',
      '}',
      'public class OptionsStore',
      '{',
      '    private readonly IConnectionMultiplexer _mux;',
      '    public OptionsStore(IOptions<CacheSettings> options) { _mux = ConnectionMultiplexer.Connect(options.Value.Endpoint); }',
      '}',
      'public class RegionStore',
      '{',
      '    private readonly IAmazonDynamoDB _dynamo;',
      '    public RegionStore(IOptionsMonitor<CacheSettings> options)',
      '    {',
      '        var region = Amazon.RegionEndpoint.GetBySystemName(options.CurrentValue.Region);',
      '        _dynamo = new AmazonDynamoDBClient(region);',
      '    }',
      '}',
      'public class TenantStore',
      '{',
      '    private readonly IConnectionMultiplexer _mux;',
      '    public TenantStore(ITenantContext tenant) { _mux = ConnectionMultiplexer.Connect(tenant.Endpoint); }',
      '}',
      'public class MixedStore',
      '{',
      '    private readonly IConnectionMultiplexer _mux;',
      '    public MixedStore(IConfiguration configuration, ITenantContext tenant) { _mux = ConnectionMultiplexer.Connect(configuration[tenant.Name]!); }',
      '}',
    );
    assert.deepEqual(reported('Registrations.cs', code), [`8:ConfigStore ${RULE}`, `9:OptionsStore ${RULE}`, `10:RegionStore ${RULE}`]);
  });

  it('says the registration is per request in its message', () => {
    const code = sourceLines('using StackExchange.Redis;', 'services.AddScoped<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect("cache:6379"));');
    const findings = analyzeText(code, realHintRules(), { kind: 'csharp', fileName: 'Program.cs' }).findings.filter((finding) => finding.ruleId === 'client-per-request');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^This registration is Scoped or Transient/);
  });

  it('says nothing of a test host registering a client for its requests', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Microsoft.AspNetCore.Mvc.Testing;',
      'public class ApiFactory : WebApplicationFactory<Program>',
      '{',
      '    protected override void ConfigureWebHost(IWebHostBuilder builder) =>',
      '        builder.ConfigureTestServices(services => services.AddScoped<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient()));',
      '}',
    );
    assert.deepEqual(reported('ApiFactory.cs', code), []);
  });

  it('reports, in workspace mode, a registration of a class of another file each of whose constructors makes a client', () => {
    const storage = sourceLines(
      'using Microsoft.Extensions.Logging;',
      'using StackExchange.Redis;',
      'namespace Valuator.Storage',
      '{',
      '    public class RedisStorage : IStorage',
      '    {',
      '        private readonly IConnectionMultiplexer _connection;',
      '        public RedisStorage(ILogger<RedisStorage> logger) { _connection = ConnectionMultiplexer.Connect("localhost"); }',
      '        public string Load(string key) => _connection.GetDatabase().StringGet(key);',
      '    }',
      '    public class SharedStorage : IStorage',
      '    {',
      '        private readonly IConnectionMultiplexer _connection;',
      '        public SharedStorage(IConnectionMultiplexer connection) { _connection = connection; }',
      '        public SharedStorage() { _connection = ConnectionMultiplexer.Connect("localhost"); }',
      '        public string Load(string key) => _connection.GetDatabase().StringGet(key);',
      '    }',
      '}',
    );
    const startup = sourceLines(
      'using Microsoft.Extensions.DependencyInjection;',
      'using Valuator.Storage;',
      'namespace Valuator',
      '{',
      '    public class Startup',
      '    {',
      '        public void ConfigureServices(IServiceCollection services)',
      '        {',
      '            services.AddScoped<IStorage, RedisStorage>();',
      '            services.AddTransient<IStorage, SharedStorage>();',
      '        }',
      '    }',
      '}',
    );
    const files = { 'Valuator/Storage/RedisStorage.cs': storage, 'Valuator/Startup.cs': startup };
    assert.deepEqual(
      hintsOfFile(files, 'Valuator/Startup.cs').filter((hint) => hint.endsWith(RULE)),
      [`9:RedisStorage ${RULE}`],
    );
  });
});
