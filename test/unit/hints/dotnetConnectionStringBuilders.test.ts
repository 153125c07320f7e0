/**
 * Npgsql's `NpgsqlConnectionStringBuilder` and the MySQL drivers' `MySqlConnectionStringBuilder` object initializers
 * (`code/sqlClientBuilder.ts`), read as SqlClient's builder is: a literal password, `TrustServerCertificate = true`
 * and an `SslMode` that turns TLS off are findings for a literal RDS host and hovers for another server; any other
 * `SslMode` but `VerifyCA` and `VerifyFull` gets the verification hover. A file without the driver's namespace, or a builder class of the project's
 * own, gets nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('.NET connection string builders (Npgsql, MySqlConnector)', () => {
  it('reads an Npgsql builder whose host comes from configuration: hovers on SslMode and TrustServerCertificate, no finding', () => {
    const code = sourceLines(
      'using Npgsql;',
      '',
      'namespace Shop.Persistence;',
      '',
      'public sealed class PostgresSettings : DatabaseSettings',
      '{',
      '    public override string BuildConnectionString() => new NpgsqlConnectionStringBuilder()',
      '    {',
      '        Host = Host,',
      '        Username = User,',
      '        Password = Password,',
      '        SslMode = Host == "localhost" ? SslMode.Disable : SslMode.Require,',
      '        TrustServerCertificate = true',
      '    }.ToString();',
      '}',
    );
    assert.deepEqual(sql('Persistence/PostgresSettings.cs', code), [
      '12:SslMode rds-sql-tls-verification-off',
      '13:TrustServerCertificate rds-sql-tls-verification-off',
    ]);
  });

  it('says nothing on an SslMode that verifies the certificate (VerifyCA, VerifyFull)', () => {
    const code = sourceLines(
      'using MySqlConnector;',
      'using Npgsql;',
      '',
      'public static class Connections',
      '{',
      '    public static string Orders(string host, string token) => new NpgsqlConnectionStringBuilder { Host = host, Password = token, SslMode = SslMode.VerifyFull }.ConnectionString;',
      '    public static string Ledger(string host, string token) => new MySqlConnectionStringBuilder { Server = host, Password = token, SslMode = MySqlSslMode.VerifyCA }.ConnectionString;',
      '}',
    );
    assert.deepEqual(sql('Connections.cs', code), []);
  });

  it('reports a literal RDS host with a literal password, certificate trust and TLS off, in Npgsql and MySqlConnector builders', () => {
    const code = sourceLines(
      'using MySqlConnector;',
      'using Npgsql;',
      '',
      'public static class Connections',
      '{',
      '    public static NpgsqlConnection Orders()',
      '    {',
      '        var builder = new NpgsqlConnectionStringBuilder',
      '        {',
      '            Host = "orders.cluster-c1abc.eu-west-1.rds.amazonaws.com",',
      '            Password = "0rders-2024",',
      '            SslMode = SslMode.Disable,',
      '        };',
      '        return new NpgsqlConnection(builder.ConnectionString);',
      '    }',
      '',
      '    public static MySqlConnection Catalog() => new MySqlConnection(new MySqlConnectionStringBuilder',
      '    {',
      '        Server = "catalog.c1abc.eu-west-1.rds.amazonaws.com",',
      '        SslMode = MySqlSslMode.Required,',
      '    }.ConnectionString);',
      '',
      '    public static MySqlConnection Reports() => new MySqlConnection(new MySqlConnectionStringBuilder',
      '    {',
      '        Server = "reports.c1abc.eu-west-1.rds.amazonaws.com",',
      '        SslMode = MySqlSslMode.None,',
      '    }.ConnectionString);',
      '}',
    );
    assert.deepEqual(sql('Data/Connections.cs', code), [
      '11:Password rds-sql-password',
      '12:SslMode rds-sql-tls-disabled',
      '14:NpgsqlConnection rds-sql-connection',
      '17:MySqlConnection rds-sql-connection',
      '20:SslMode rds-sql-tls-verification-off',
      '23:MySqlConnection rds-sql-connection',
      '26:SslMode rds-sql-tls-disabled',
      '11:"0rders-2024" rds-sql-password!',
      '12:SslMode rds-sql-tls-disabled!',
      '26:SslMode rds-sql-tls-disabled!',
    ]);
  });

  it('gives nothing without the driver namespace, for a builder class of the project, or in a test', () => {
    const noUsing = sourceLines(
      'public static class Settings',
      '{',
      '    public static string Cs() => new NpgsqlConnectionStringBuilder { Host = "db.c1abc.eu-west-1.rds.amazonaws.com", TrustServerCertificate = true }.ToString();',
      '}',
    );
    const ownClass = sourceLines(
      'using Npgsql;',
      '',
      'public class NpgsqlConnectionStringBuilder { public string Host { get; set; } public bool TrustServerCertificate { get; set; } }',
      '',
      'public static class Settings',
      '{',
      '    public static object Cs() => new NpgsqlConnectionStringBuilder { Host = "db.c1abc.eu-west-1.rds.amazonaws.com", TrustServerCertificate = true };',
      '}',
    );
    const test = sourceLines(
      'using Npgsql;',
      'using Xunit;',
      '',
      'public class SettingsTests',
      '{',
      '    [Fact]',
      '    public void BuildsAString()',
      '    {',
      '        var cs = new NpgsqlConnectionStringBuilder { Host = "localhost", Password = "test", TrustServerCertificate = true }.ToString();',
      '        Assert.Contains("Host", cs);',
      '    }',
      '}',
    );
    assert.deepEqual(sql('Config/Settings.cs', noUsing), []);
    assert.deepEqual(sql('Config/OwnSettings.cs', ownClass), []);
    assert.deepEqual(sql('Tests/SettingsTests.cs', test), []);
  });
});
