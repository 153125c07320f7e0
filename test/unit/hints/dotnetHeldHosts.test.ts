/**
 * C# connections to RDS whose server a name holds: a connection string builder's `Host = host` or `Server = Endpoint`,
 * and an interpolated string's `{Endpoint}` hole, where the name is bound once to an RDS endpoint literal, name RDS
 * as the literal would.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('C# SQL connections whose RDS host a name holds', () => {
  it('reads a builder host held by a local or a constant', () => {
    const code = sourceLines(
      'using MySqlConnector;',
      'using Npgsql;',
      'public static class Connections',
      '{',
      '    private const string Endpoint = "orders.cluster-abc123.eu-west-1.rds.amazonaws.com";',
      '    public static NpgsqlDataSource Reports()',
      '    {',
      '        var host = "reports.abc123.eu-west-1.rds.amazonaws.com";',
      '        var cs = new NpgsqlConnectionStringBuilder { Host = host, Username = "app", SslMode = SslMode.Disable };',
      '        return NpgsqlDataSource.Create(cs.ConnectionString);',
      '    }',
      '    public static MySqlConnection Orders() =>',
      '        new MySqlConnection(new MySqlConnectionStringBuilder { Server = Endpoint, Password = "0rders-Pass!", SslMode = MySqlSslMode.None }.ConnectionString);',
      '}',
    );
    const found = findings(hintsIn('src/Data/Connections.cs', code));
    for (const expected of ['9:SslMode = SslMode.Disable rds-sql-tls-disabled!', '13:"0rders-Pass!" rds-sql-password!', '13:SslMode = MySqlSslMode.None rds-sql-tls-disabled!']) {
      assert.ok(found.some((hint) => hint.startsWith(expected.split(' ')[0]) && hint.endsWith(expected.slice(expected.lastIndexOf(' ') + 1))), `${expected}\n${found.join('\n')}`);
    }
  });

  it('reads an interpolated connection string whose host hole is such a name', () => {
    const code = sourceLines(
      'using Npgsql;',
      'public static class Connections',
      '{',
      '    private const string Endpoint = "orders.cluster-abc123.eu-west-1.rds.amazonaws.com";',
      '    public static NpgsqlConnection Open(string user, string password) =>',
      '        new NpgsqlConnection($"Host={Endpoint};Username={user};Password={password};SSL Mode=Disable");',
      '}',
    );
    const found = findings(hintsIn('src/Data/Connections.cs', code));
    assert.ok(found.some((hint) => hint.startsWith('6:') && hint.endsWith('rds-sql-tls-disabled!')), found.join('\n'));
  });

  it('stays silent for a local server, a name set twice and a computed hole', () => {
    const code = sourceLines(
      'using Npgsql;',
      'public class Connections',
      '{',
      '    private string _host = "orders.cluster-abc123.eu-west-1.rds.amazonaws.com";',
      '    public Connections(bool local) { if (local) { _host = "localhost"; } }',
      '    public NpgsqlDataSource Local()',
      '    {',
      '        var host = "localhost";',
      '        return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder { Host = host, SslMode = SslMode.Disable }.ConnectionString);',
      '    }',
      '    public NpgsqlDataSource Either() =>',
      '        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder { Host = _host, SslMode = SslMode.Disable }.ConnectionString);',
      '    public NpgsqlConnection Computed(string region) =>',
      '        new NpgsqlConnection($"Host={Region(region)};SSL Mode=Disable");',
      '    private static string Region(string r) => $"orders.{r}.rds.amazonaws.com";',
      '}',
    );
    assert.deepEqual(findings(hintsIn('src/Data/Connections.cs', code)), []);
  });
});
