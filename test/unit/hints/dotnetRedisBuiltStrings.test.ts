/**
 * StackExchange.Redis configuration strings the code builds: `$"{host}:{port},password={password},ssl=False"` and
 * `"cache:6379,password=" + password`, in the `Connect` call or held by a local set once. A password sent with
 * `ssl=False` (or no `ssl` after written endpoints) is reported; silent where a computed endpoint may still carry
 * `ssl=true` (no written `ssl=` after it), where `ssl` is computed, where the local is appended to, and for a local server.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('C#: StackExchange.Redis configuration strings built from values', () => {
  it('reads the password and ssl flag of an interpolated or concatenated string, in place or held by a local', () => {
    const code = sourceLines(
      'using StackExchange.Redis;', // 1
      'public static class Cache',
      '{',
      '    public static IConnectionMultiplexer Interpolated(string host, string port, string password)',
      '    {',
      '        var settings = $"{host}:{port},password={password},ssl=False";', // 6
      '        return ConnectionMultiplexer.Connect(settings);',
      '    }',
      '    public static IConnectionMultiplexer InPlace(string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"sessions.abc123.use1.cache.amazonaws.com:6379,password={password}");', // 11
      '    }',
      '    public static IConnectionMultiplexer Joined(string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect("sessions.abc123.use1.cache.amazonaws.com:6379,password=" + password);', // 15
      '    }',
      '}',
    );
    const found = findings(hintsIn('Cache.cs', code));
    assert.deepEqual(found, ['6:password redis-auth-without-tls!', '11:password redis-auth-without-tls!', '15:password redis-auth-without-tls!']);
    assert.ok(hintsIn('Cache.cs', code).includes('6:ssl redis-tls'));
  });

  it('says nothing where TLS may be on, the local is appended to, or the server is local', () => {
    const code = sourceLines(
      'using StackExchange.Redis;', // 1
      'public static class Cache',
      '{',
      '    public static IConnectionMultiplexer EndpointLast(string endpoint, string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"password={password},{endpoint}");',
      '    }',
      '    public static IConnectionMultiplexer HostOnly(string host, string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"{host},password={password}");',
      '    }',
      '    public static IConnectionMultiplexer Computed(string host, string password, bool tls)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"{host},password={password},ssl={tls}");',
      '    }',
      '    public static IConnectionMultiplexer Secure(string host, string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"{host},ssl=true,password={password}");',
      '    }',
      '    public static IConnectionMultiplexer Appended(string host, string password, bool tls)',
      '    {',
      '        var settings = $"{host},password={password},ssl=false";',
      '        if (tls) settings += ",ssl=true";',
      '        return ConnectionMultiplexer.Connect(settings);',
      '    }',
      '    public static IConnectionMultiplexer Local(string password)',
      '    {',
      '        return ConnectionMultiplexer.Connect($"localhost:6379,password={password}");',
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsIn('Cache.cs', code)), []);
  });
});
