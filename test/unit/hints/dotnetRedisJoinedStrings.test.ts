/**
 * StackExchange.Redis configuration strings joined with `+` from literals only (`"host" + ",ssl=true,password=" +
 * "secret"`), read as the one literal they make (a literal password reported), and joined strings whose first part
 * is computed (`settings["Host"] + ",ssl=true,password=" + settings["Password"]`), read for their hovers.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('C#: StackExchange.Redis configuration strings joined with +', () => {
  it('reads the options of literals joined, and of a string that starts with a computed endpoint', () => {
    const code = sourceLines(
      'using StackExchange.Redis;', // 1
      'using System.Configuration;',
      'public static class Connections',
      '{',
      '    private static readonly Lazy<ConnectionMultiplexer> Literal = new Lazy<ConnectionMultiplexer>(() =>',
      '        ConnectionMultiplexer.Connect("orders.example.net" + ",abortConnect=false,ssl=true,password=" + "Xk29vLq0pa"));',
      '    private static readonly Lazy<ConnectionMultiplexer> Configured = new Lazy<ConnectionMultiplexer>(() =>',
      '        ConnectionMultiplexer.Connect(ConfigurationManager.AppSettings["RedisHost"] + ",abortConnect=false,ssl=true,password=" + ConfigurationManager.AppSettings["RedisPassword"]));',
      '    public static ConnectionMultiplexer Plain(string endpoint) => ConnectionMultiplexer.Connect(endpoint);',
      '}',
    );
    assert.deepEqual(hintsOfRules('Connections.cs', code, ['redis-password', 'redis-tls', 'redis-auth-without-tls']), [
      '6:Xk29vLq0pa redis-password!',
      '6:password redis-password',
      '6:ssl redis-tls',
      '8:password redis-password',
      '8:ssl redis-tls',
      // A configuration string handed in as a `string`: its `ssl=` decides TLS (`code/stackExchangeUnseenStrings.ts`).
      '9:Connect redis-tls',
    ]);
  });
});
