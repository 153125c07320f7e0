/**
 * .NET's ADO.NET drivers (`code/sqlConnectionsDotnet.ts`): Npgsql, MySqlConnector and MySQL Connector/NET
 * connections and data sources, and Entity Framework Core's `UseNpgsql`, `UseMySql` and `UseMySQL`, get the
 * `rds-sql-connection` hover; a password or Npgsql's `Trust Server
 * Certificate=true` written in the connection string (in place, or in a local, field or constant set once to
 * a literal) gets `rds-sql-password` and `rds-sql-tls-verification-off`. A connection a Lambda handler opens
 * is not reported: these drivers pool connections by connection string across invocations.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('.NET SQL driver connections to RDS', () => {
  it('reads a Dapper repository on Npgsql: its connections, a literal password and certificate trust in a constant', () => {
    const code = sourceLines(
      'using Dapper;',
      'using Npgsql;',
      '',
      'namespace Billing.Infrastructure;',
      '',
      'public sealed class InvoiceRepository : IInvoiceRepository',
      '{',
      '    private const string ArchiveConnection = "Host=archive.c9xyz.eu-central-1.rds.amazonaws.com;Username=billing;Password=Arch1ve#2024;Trust Server Certificate=true";',
      '    private readonly string _connectionString;',
      '',
      '    public InvoiceRepository(IConfiguration configuration)',
      '    {',
      '        _connectionString = configuration.GetConnectionString("Billing");',
      '    }',
      '',
      '    public async Task<Invoice?> FindAsync(Guid id)',
      '    {',
      '        await using var connection = new NpgsqlConnection(_connectionString);',
      '        return await connection.QuerySingleOrDefaultAsync<Invoice>("SELECT * FROM invoices WHERE id = @id", new { id });',
      '    }',
      '',
      '    public async Task<IEnumerable<Invoice>> ArchivedAsync()',
      '    {',
      '        await using var connection = new NpgsqlConnection(ArchiveConnection);',
      '        return await connection.QueryAsync<Invoice>("SELECT * FROM invoices WHERE archived");',
      '    }',
      '',
      '    public static NpgsqlDataSource Shared(string cs) => NpgsqlDataSource.Create(cs);',
      '}',
    );
    assert.deepEqual(sql('Billing/InvoiceRepository.cs', code), [
      '8:"Host=archive.c9xyz.eu-central-1.rds.amazonaws.com;Username=billing;Password=Arch1ve#2024;Trust Server Certificate=true" rds-sql-password',
      '8:"Host=archive.c9xyz.eu-central-1.rds.amazonaws.com;Username=billing;Password=Arch1ve#2024;Trust Server Certificate=true" rds-sql-tls-verification-off',
      '18:NpgsqlConnection rds-sql-connection',
      '24:NpgsqlConnection rds-sql-connection',
      '28:Create rds-sql-connection',
      '8:"Host=archive.c9xyz.eu-central-1.rds.amazonaws.com;Username=billing;Password=Arch1ve#2024;Trust Server Certificate=true" rds-sql-password!',
      '8:"Host=archive.c9xyz.eu-central-1.rds.amazonaws.com;Username=billing;Password=Arch1ve#2024;Trust Server Certificate=true" rds-sql-tls-verification-off!',
    ]);
  });

  it('reads what an interpolated connection string writes out, and leaves what the code computes', () => {
    const code = sourceLines(
      'using Npgsql;',
      '',
      'public class Connections',
      '{',
      '    public NpgsqlConnection Regional(string region) => new NpgsqlConnection($"Host=orders.c9xyz.{region}.rds.amazonaws.com;Username=app;Password=Ord3rs!2024;Trust Server Certificate=true");',
      '    public NpgsqlConnection Computed(string host, string password) => new NpgsqlConnection($"Host={host};Username=app;Password={password}");',
      '    public NpgsqlConnection Local(string db) => new NpgsqlConnection($"Host=localhost;Username=app;Password=dev;Database={db}");',
      '    public NpgsqlConnection Suffixed(string suffix) => new NpgsqlConnection($"Host=orders.c9xyz.eu-west-1.rds.amazonaws.com;Password=pre{suffix}");',
      '}',
    );
    const found = sql('Connections.cs', code);
    const string5 = '"Host=orders.c9xyz.{region}.rds.amazonaws.com;Username=app;Password=Ord3rs!2024;Trust Server Certificate=true"';
    assert.ok(found.includes(`5:$${string5} rds-sql-password!`), found.join('\n'));
    assert.ok(found.includes(`5:$${string5} rds-sql-tls-verification-off!`), found.join('\n'));
    // A password the code computes, a local host, a password partly computed: nothing to report.
    assert.deepEqual(found.filter((hint) => hint.endsWith('!') && !hint.startsWith('5:')), []);
  });

  it('reads MySqlConnector and Connector/NET in a Lambda handler and a SignalR hub, with no finding per invocation', () => {
    const handler = sourceLines(
      'using Amazon.Lambda.Core;',
      'using MySqlConnector;',
      '',
      'public class Function',
      '{',
      '    public async Task<List<string>> FunctionHandler(ILambdaContext context)',
      '    {',
      '        var connectionString = Environment.GetEnvironmentVariable("DB_CONNECTION");',
      '        await using var connection = new MySqlConnection(connectionString);',
      '        await connection.OpenAsync();',
      '        return new List<string>();',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Lambdas/GetTypes/Function.cs', handler), ['9:MySqlConnection rds-sql-connection']);
    const hub = sourceLines(
      'using MySql.Data.MySqlClient;',
      '',
      'public class QueueHub : Hub',
      '{',
      '    public async Task Add(QueueItem item)',
      '    {',
      '        var cs = "Server=queue.c1abc.us-east-1.rds.amazonaws.com;Database=queue;Uid=hub;Pwd=Qu3ue!2024;";',
      '        using (var connection = new MySqlConnection(cs))',
      '        {',
      '            connection.Execute("INSERT INTO queue (name) VALUES (@Name)", item);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Hubs/QueueHub.cs', hub), [
      '7:"Server=queue.c1abc.us-east-1.rds.amazonaws.com;Database=queue;Uid=hub;Pwd=Qu3ue!2024;" rds-sql-password',
      '8:MySqlConnection rds-sql-connection',
      '7:"Server=queue.c1abc.us-east-1.rds.amazonaws.com;Database=queue;Uid=hub;Pwd=Qu3ue!2024;" rds-sql-password!',
    ]);
  });

  it('reads Entity Framework Core providers: a scaffolded OnConfiguring with a literal password, and AddDbContext from configuration', () => {
    const context = sourceLines(
      'using Microsoft.EntityFrameworkCore;',
      '',
      'namespace Kitchen.Data;',
      '',
      'public partial class KitchenContext : DbContext',
      '{',
      '    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)',
      '    {',
      '        if (!optionsBuilder.IsConfigured)',
      '        {',
      '            optionsBuilder.UseMySQL("Server=kitchen.c2ab.us-east-2.rds.amazonaws.com;Database=kitchen;Uid=admin;Pwd=K1tchen!2024;");',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Data/KitchenContext.cs', context), [
      '11:UseMySQL rds-sql-connection',
      '11:"Server=kitchen.c2ab.us-east-2.rds.amazonaws.com;Database=kitchen;Uid=admin;Pwd=K1tchen!2024;" rds-sql-password',
      '11:"Server=kitchen.c2ab.us-east-2.rds.amazonaws.com;Database=kitchen;Uid=admin;Pwd=K1tchen!2024;" rds-sql-password!',
    ]);
    const startup = sourceLines(
      'using Microsoft.EntityFrameworkCore;',
      '',
      'public static class DependencyInjection',
      '{',
      '    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)',
      '    {',
      '        services.AddDbContext<KitchenContext>(options => options.UseNpgsql(configuration.GetConnectionString("Kitchen")));',
      '        return services;',
      '    }',
      '',
      '    public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder builder) => builder;',
      '}',
    );
    assert.deepEqual(sql('Data/DependencyInjection.cs', startup), ['7:UseNpgsql rds-sql-connection']);
    const noEf = sourceLines('public class Other', '{', '    public void Configure(Builder b) => b.UseNpgsql("Host=db;Password=Other#2024");', '}');
    assert.deepEqual(sql('Data/Other.cs', noEf), []);
  });

  it('says nothing for strings built from parts, a local server, a class of the same name, comments, strings, or no driver namespace', () => {
    const code = sourceLines(
      'using Npgsql;',
      '',
      'public class Connections',
      '{',
      '    private readonly string _fallback = "Host=db.c1abc.rds.amazonaws.com;Password=Field#2024";',
      '',
      '    public Connections(string configured)',
      '    {',
      '        _fallback = configured;',
      '    }',
      '',
      '    public NpgsqlConnection Built(string host, string password) => new NpgsqlConnection($"Host={host};Password={password};SSL Mode=VerifyFull");',
      '    public NpgsqlConnection Fallback() => new NpgsqlConnection(_fallback);',
      '    public NpgsqlConnection Local() => new NpgsqlConnection("Host=localhost;Username=postgres;Password=postgres");',
      '    // new NpgsqlConnection("Host=db;Password=Comment#2024")',
      '    public string Text() => "new NpgsqlConnection(\\"Host=db;Password=Text#2024\\")";',
      '}',
    );
    assert.deepEqual(sql('Data/Connections.cs', code), [
      '12:NpgsqlConnection rds-sql-connection',
      '13:NpgsqlConnection rds-sql-connection',
      '14:NpgsqlConnection rds-sql-connection',
    ]);
    const own = sourceLines(
      'using Npgsql;',
      '',
      'public class MySqlConnection { public MySqlConnection(string cs) { } }',
      'public class NpgsqlConnection { public NpgsqlConnection(string cs) { } }',
      'public class Uses',
      '{',
      '    public object Make() => new NpgsqlConnection("Host=db.c1abc.rds.amazonaws.com;Password=Own#2024");',
      '}',
    );
    assert.deepEqual(sql('Data/Own.cs', own), []);
    const noUsing = sourceLines(
      'public class Uses',
      '{',
      '    public object Make() => new MySqlConnection("Server=db.c1abc.rds.amazonaws.com;Pwd=NoUsing#2024");',
      '}',
    );
    assert.deepEqual(sql('Data/NoUsing.cs', noUsing), []);
  });
  it('gives an SSL Mode that verifies no certificate the verification hover, in place or in a constant; none to VerifyFull or Disable', () => {
    const code = sourceLines(
      'using MySqlConnector;',
      'using Npgsql;',
      '',
      'public static class Connections',
      '{',
      '    private const string Ledger = "Host=ledger.cluster-c2def.eu-central-1.rds.amazonaws.com;Username=app;SSL Mode=Require";',
      '',
      '    public static NpgsqlConnection OpenLedger() => new NpgsqlConnection(Ledger);',
      '    public static MySqlConnection OpenShop() => new MySqlConnection("Server=shop.c2def.eu-central-1.rds.amazonaws.com;User ID=app;SslMode=Preferred");',
      '    public static NpgsqlConnection OpenAudit() => new NpgsqlConnection("Host=audit.c2def.eu-central-1.rds.amazonaws.com;SSL Mode=VerifyFull;Root Certificate=/opt/global-bundle.pem");',
      '}',
    );
    const ledger = '"Host=ledger.cluster-c2def.eu-central-1.rds.amazonaws.com;Username=app;SSL Mode=Require"';
    const shop = '"Server=shop.c2def.eu-central-1.rds.amazonaws.com;User ID=app;SslMode=Preferred"';
    assert.deepEqual(sql('Data/Connections.cs', code), [
      `6:${ledger} rds-sql-tls-verification-off`,
      '8:NpgsqlConnection rds-sql-connection',
      '9:MySqlConnection rds-sql-connection',
      `9:${shop} rds-sql-tls-verification-off`,
      '10:NpgsqlConnection rds-sql-connection',
    ]);
  });
});
