/**
 * .NET connection strings a C# file writes outside a driver call (`code/dotnetWrittenConnectionStrings.ts`): returned
 * by a helper or joined from parts, read with the keys of the one driver whose namespace the file uses. They get
 * hovers (an SSL Mode that verifies nothing, a password) and findings only where the string names a literal RDS host;
 * SQL text, a string a driver call reads already, a field default a constructor replaces, a file with two drivers and
 * test code get nothing more.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function sql(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-sql-/.test(hint));
}

describe('.NET connection strings written outside a driver call', () => {
  it('reads a helper that builds the string from parts: the SSL Mode hover on each part that writes it', () => {
    const code = sourceLines(
      'using Amazon.RDS.Util;',
      'using MySqlConnector;',
      '',
      'public static class Db',
      '{',
      '    static string _host = Environment.GetEnvironmentVariable("DB_HOST");',
      '',
      '    public static string ConnectionString()',
      '    {',
      '        var token = RDSAuthTokenGenerator.GenerateAuthToken(_host, 3306, "app");',
      '        return $"Server={_host};Port=3306;Database=shop;" +',
      '               $"User=app;Password={token};SSL Mode=Required;";',
      '    }',
      '',
      '    public static string Local() => "Server=localhost;User=root;Password=root;SslMode=None";',
      '',
      '    public static string Reporting => "Server=reports.c3ghi.us-east-2.rds.amazonaws.com;User=report;Password=R3ports!;SslMode=Preferred";',
      '',
      '    public const string Query = "UPDATE orders SET status=@status; SELECT id=@id FROM orders";',
      '}',
    );
    const local = '"Server=localhost;User=root;Password=root;SslMode=None"';
    const reporting = '"Server=reports.c3ghi.us-east-2.rds.amazonaws.com;User=report;Password=R3ports!;SslMode=Preferred"';
    assert.deepEqual(sql('Data/Db.cs', code), [
      '12:$"User=app;Password={token};SSL Mode=Required;" rds-sql-tls-verification-off',
      `15:${local} rds-sql-password`,
      `15:${local} rds-sql-tls-disabled`,
      `17:${reporting} rds-sql-password`,
      `17:${reporting} rds-sql-tls-verification-off`,
      `17:${reporting} rds-sql-password!`,
    ]);
  });

  it('leaves a string a driver call reads to it, and reads nothing with two drivers, without one, in a test, or as a default the constructor replaces', () => {
    const readByCall = sourceLines(
      'using Npgsql;',
      '',
      'public static class Db',
      '{',
      '    private const string Cs = "Host=db.cluster-c3ghi.us-east-2.rds.amazonaws.com;Username=app;SSL Mode=Require";',
      '    public static NpgsqlConnection Open() => new NpgsqlConnection(Cs);',
      '}',
    );
    const twoDrivers = sourceLines(
      'using MySqlConnector;',
      'using Npgsql;',
      '',
      'public static class Db',
      '{',
      '    public static string Cs() => "Host=db.cluster-c3ghi.us-east-2.rds.amazonaws.com;Username=app;SSL Mode=Require";',
      '}',
    );
    const noDriver = sourceLines(
      'public static class Db',
      '{',
      '    public static string Cs() => "Host=db.cluster-c3ghi.us-east-2.rds.amazonaws.com;Username=app;SSL Mode=Require";',
      '}',
    );
    const inTest = sourceLines(
      'using Npgsql;',
      'using Xunit;',
      '',
      'public class DbTests',
      '{',
      '    [Fact]',
      '    public void BuildsTheString()',
      '    {',
      '        var cs = "Host=localhost;Username=test;Password=test;SSL Mode=Require";',
      '        Assert.NotEmpty(cs);',
      '    }',
      '}',
    );
    const replaced = sourceLines(
      'using Npgsql;',
      '',
      'public sealed class ReportSettings',
      '{',
      '    private readonly string _connection = "Host=db.cluster-c3ghi.us-east-2.rds.amazonaws.com;Username=app;Password=Default#1";',
      '',
      '    public ReportSettings(IConfiguration configuration)',
      '    {',
      '        _connection = configuration.GetConnectionString("Reports");',
      '    }',
      '}',
    );
    const cs = '"Host=db.cluster-c3ghi.us-east-2.rds.amazonaws.com;Username=app;SSL Mode=Require"';
    assert.deepEqual(sql('Data/Db.cs', readByCall), [`5:${cs} rds-sql-tls-verification-off`, '6:NpgsqlConnection rds-sql-connection']);
    assert.deepEqual(sql('Data/Two.cs', twoDrivers), []);
    assert.deepEqual(sql('Data/None.cs', noDriver), []);
    assert.deepEqual(sql('Tests/DbTests.cs', inTest), []);
    assert.deepEqual(sql('Data/ReportSettings.cs', replaced), []);
  });
});
