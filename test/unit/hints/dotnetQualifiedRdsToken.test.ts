/**
 * C#'s `Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(...)` written with its namespace in a file with no
 * `using Amazon.RDS.Util;`: an RDS IAM token all the same; a class of that name in another namespace is not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('C#: RDS IAM token generator written with its namespace', () => {
  it('hovers Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken and leaves another namespace alone', () => {
    const code = sourceLines(
      'using Amazon;',
      'using Npgsql;',
      'public static class Db',
      '{',
      '    public static NpgsqlConnection Open(string host, string user)',
      '    {',
      '        var token = Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(RegionEndpoint.USEast1, host, 5432, user);',
      '        return new NpgsqlConnection($"Host={host};Username={user};Password={token};SSL Mode=VerifyFull");',
      '    }',
      '    public static string Other(string host) => Shop.Auth.RDSAuthTokenGenerator.GenerateAuthToken(host);',
      '}',
    );
    const found = hintsIn('Db.cs', code);
    assert.ok(found.includes('7:GenerateAuthToken rds-auth-token'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('10:')), found.join('\n'));
  });
});
