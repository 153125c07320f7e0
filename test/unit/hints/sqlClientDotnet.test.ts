/**
 * SQL Server from C# (`code/sqlConnectionsDotnet.ts`): `new SqlConnection(cs)` of Microsoft.Data.SqlClient and
 * System.Data.SqlClient and EF Core's `UseSqlServer(cs)` get the `rds-sql-connection` hover; a literal password,
 * `TrustServerCertificate=True` and an explicit `Encrypt=False` (or Microsoft.Data.SqlClient's `Optional`) in a
 * connection string the code writes are findings for an RDS endpoint and hovers for any other server.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('SQL Server connections from C# (SqlClient, EF Core UseSqlServer)', () => {
  it('reads a Dapper repository on Microsoft.Data.SqlClient: a constant to RDS with a password, trust and Encrypt=False', () => {
    const code = sourceLines(
      'using Dapper;',
      'using Microsoft.Data.SqlClient;',
      '',
      'namespace Orders.Data;',
      '',
      'public class OrderRepository',
      '{',
      '    private const string ConnectionString = "Server=tcp:orders.c7abc.us-east-1.rds.amazonaws.com,1433;Database=Orders;User Id=admin;Password=0rders!2024;TrustServerCertificate=True;Encrypt=False";',
      '',
      '    public async Task<IEnumerable<Order>> RecentAsync()',
      '    {',
      '        using var connection = new SqlConnection(ConnectionString);',
      '        return await connection.QueryAsync<Order>("SELECT TOP 50 * FROM Orders ORDER BY Created DESC");',
      '    }',
      '}',
    );
    const s = '"Server=tcp:orders.c7abc.us-east-1.rds.amazonaws.com,1433;Database=Orders;User Id=admin;Password=0rders!2024;TrustServerCertificate=True;Encrypt=False"';
    assert.deepEqual(sql('Data/OrderRepository.cs', code), [
      `8:${s} rds-sql-password`,
      `8:${s} rds-sql-tls-verification-off`,
      `8:${s} rds-sql-tls-disabled`,
      '12:SqlConnection rds-sql-connection',
      `8:${s} rds-sql-password!`,
      `8:${s} rds-sql-tls-disabled!`,
      `8:${s} rds-sql-tls-verification-off!`,
    ]);
  });

  it('reads System.Data.SqlClient in a Lambda handler and EF Core UseSqlServer in OnConfiguring and AddDbContext', () => {
    const handler = sourceLines(
      'using System.Data.SqlClient;',
      'using Amazon.Lambda.Core;',
      '',
      'public class Function',
      '{',
      '    public string FunctionHandler(string input, ILambdaContext context)',
      '    {',
      '        var cs = "Data Source=reports.c9xyz.eu-west-1.rds.amazonaws.com;Initial Catalog=Reports;User ID=lambda;Password=R3ports#2024;Encrypt=no";',
      '        using (var conn = new SqlConnection(cs))',
      '        {',
      '            conn.Open();',
      '            return input;',
      '        }',
      '    }',
      '}',
    );
    const s = '"Data Source=reports.c9xyz.eu-west-1.rds.amazonaws.com;Initial Catalog=Reports;User ID=lambda;Password=R3ports#2024;Encrypt=no"';
    assert.deepEqual(sql('Reports/Function.cs', handler), [
      `8:${s} rds-sql-password`,
      `8:${s} rds-sql-tls-disabled`,
      '9:SqlConnection rds-sql-connection',
      `8:${s} rds-sql-password!`,
      `8:${s} rds-sql-tls-disabled!`,
    ]);
    const context = sourceLines(
      'using Microsoft.EntityFrameworkCore;',
      '',
      'public class ShopContext : DbContext',
      '{',
      '    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)',
      '    {',
      '        optionsBuilder.UseSqlServer("Server=shop.c2ab.us-east-2.rds.amazonaws.com;Database=Shop;User Id=admin;Password=Sh0p!2024;Encrypt=Optional");',
      '    }',
      '}',
    );
    const e = '"Server=shop.c2ab.us-east-2.rds.amazonaws.com;Database=Shop;User Id=admin;Password=Sh0p!2024;Encrypt=Optional"';
    assert.deepEqual(sql('Data/ShopContext.cs', context), [
      '7:UseSqlServer rds-sql-connection',
      `7:${e} rds-sql-password`,
      `7:${e} rds-sql-tls-disabled`,
      `7:${e} rds-sql-password!`,
      `7:${e} rds-sql-tls-disabled!`,
    ]);
    const startup = sourceLines(
      'using Microsoft.EntityFrameworkCore;',
      '',
      'public static class Registration',
      '{',
      '    public static IServiceCollection AddShop(this IServiceCollection services, IConfiguration configuration)',
      '    {',
      '        services.AddDbContext<ShopContext>(options => options.UseSqlServer(configuration.GetConnectionString("Shop")));',
      '        return services;',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Data/Registration.cs', startup), ['7:UseSqlServer rds-sql-connection']);
  });

  it('keeps hovers only for a local server, LocalDB, Encrypt=True, System.Data.SqlClient Optional, and a password from configuration', () => {
    const code = sourceLines(
      'using Microsoft.Data.SqlClient;',
      '',
      'public class Connections',
      '{',
      '    private readonly IConfiguration _configuration;',
      '',
      '    public Connections(IConfiguration configuration) => _configuration = configuration;',
      '',
      '    public SqlConnection Local() => new SqlConnection("Server=localhost,1433;Database=Dev;User Id=sa;Password=Dev!2024;TrustServerCertificate=True;Encrypt=False");',
      '    public SqlConnection LocalDb() => new SqlConnection(@"Server=(localdb)\\MSSQLLocalDB;Database=Dev;Trusted_Connection=True;Encrypt=False");',
      '    public SqlConnection Encrypted() => new SqlConnection("Server=app.c1abc.us-east-1.rds.amazonaws.com;Database=App;Integrated Security=False;Encrypt=True");',
      '    public SqlConnection Configured() => new SqlConnection(_configuration.GetConnectionString("App"));',
      '}',
    );
    const hovers = sql('Data/Connections.cs', code);
    assert.ok(hovers.every((hint) => !hint.endsWith('!')), hovers.join('\n'));
    assert.deepEqual(hovers.filter((hint) => hint.includes('rds-sql-connection')).length, 4);
    const system = sourceLines(
      'using System.Data.SqlClient;',
      '',
      'public class Legacy',
      '{',
      '    public SqlConnection Open() => new SqlConnection("Server=legacy.c1abc.us-east-1.rds.amazonaws.com;Integrated Security=SSPI;Encrypt=Optional");',
      '}',
    );
    assert.deepEqual(sql('Data/Legacy.cs', system), ['5:SqlConnection rds-sql-connection']);
  });

  it('reads a SqlConnectionStringBuilder initializer: findings for an RDS DataSource, hovers for another, nothing for a builder from configuration', () => {
    const code = sourceLines(
      'using Microsoft.Data.SqlClient;',
      '',
      'public sealed class ConnectionFactory : IConnectionFactory',
      '{',
      '    public SqlConnection Create()',
      '    {',
      '        var builder = new SqlConnectionStringBuilder',
      '        {',
      '            DataSource = "inventory.c3def.ap-southeast-2.rds.amazonaws.com,1433",',
      '            InitialCatalog = "Inventory",',
      '            UserID = "app",',
      '            Password = "Inv3ntory!2024",',
      '            TrustServerCertificate = true,',
      '            Encrypt = SqlConnectionEncryptOption.Optional,',
      '        };',
      '        return new SqlConnection(builder.ConnectionString);',
      '    }',
      '',
      '    public SqlConnection Dev() => new SqlConnection(new SqlConnectionStringBuilder { DataSource = "localhost", Password = "Dev!2024", Encrypt = false }.ConnectionString);',
      '',
      '    public SqlConnection Configured(IConfiguration configuration)',
      '    {',
      '        var builder = new SqlConnectionStringBuilder(configuration.GetConnectionString("Inventory")) { Password = configuration["DbPassword"], Encrypt = true };',
      '        return new SqlConnection(builder.ConnectionString);',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Data/ConnectionFactory.cs', code), [
      '12:Password rds-sql-password',
      '13:TrustServerCertificate rds-sql-tls-verification-off',
      '14:Encrypt rds-sql-tls-disabled',
      '16:SqlConnection rds-sql-connection',
      '19:SqlConnection rds-sql-connection',
      '19:Password rds-sql-password',
      '19:Encrypt rds-sql-tls-disabled',
      '24:SqlConnection rds-sql-connection',
      '12:"Inv3ntory!2024" rds-sql-password!',
      '13:TrustServerCertificate rds-sql-tls-verification-off!',
      '14:Encrypt rds-sql-tls-disabled!',
    ]);
  });
});
