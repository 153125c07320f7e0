/**
 * StackExchange.Redis: `GetServers()` returns one `IServer` per endpoint, so a server picked from it with LINQ
 * (`.Single()`, `.First(...)`), an index or a `foreach` gets the server commands' hovers and findings, as one
 * reached through `GetServer(endpoint)` already did.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const cacheClass = (name: string, ...members: string[]): string =>
  sourceLines(
    'using System.Linq;',
    'using System.Threading.Tasks;',
    'using Microsoft.Extensions.Configuration;',
    'using StackExchange.Redis;',
    '',
    'namespace Bookings.DistributedCache',
    '{',
    `    public class ${name}`,
    '    {',
    ...members,
    '    }',
    '}',
  );

describe('StackExchange.Redis: the servers of GetServers()', () => {
  it('hovers the key listing of the one server of a connection opened in the method', () => {
    const code = cacheClass(
      'RedisKeyReader',
      '        private readonly IConfiguration _configuration;',
      '',
      '        public RedisKeyReader(IConfiguration configuration) { _configuration = configuration; }',
      '',
      '        public RedisKey[] KeysStartingWith(string prefix)',
      '        {',
      '            using (var connection = ConnectionMultiplexer.Connect(_configuration.GetConnectionString("Cache")))',
      '            {',
      '                var server = connection.GetServers().Single();',
      '                return server.Keys(pattern: prefix + "*").ToArray();',
      '            }',
      '        }',
    );
    // The multiplexer made and disposed on each call is `redis-connection-per-call`'s finding; TLS is the configured string's `ssl=`.
    assert.deepEqual(hintsIn('RedisKeyReader.cs', code), ['16:ConnectionMultiplexer redis-connection-per-call', '16:Connect redis-tls', '19:Keys redis-scan', '16:ConnectionMultiplexer redis-connection-per-call!']);
  });

  it('reports FLUSHALL on each primary a foreach walks, and on a server read by index', () => {
    const code = cacheClass(
      'CacheMaintenance',
      '        private readonly IConnectionMultiplexer _connection;',
      '',
      '        public CacheMaintenance(IConnectionMultiplexer connection) { _connection = connection; }',
      '',
      '        public async Task ResetAllAsync()',
      '        {',
      '            foreach (var server in _connection.GetServers().Where(s => !s.IsReplica))',
      '            {',
      '                await server.FlushAllDatabasesAsync();',
      '            }',
      '        }',
      '',
      '        public Task ResetFirstAsync()',
      '        {',
      '            var servers = _connection.GetServers();',
      '            return servers[0].FlushAllDatabasesAsync();',
      '        }',
    );
    assert.deepEqual(hintsIn('CacheMaintenance.cs', code), [
      '18:FlushAllDatabasesAsync redis-flush',
      '25:FlushAllDatabasesAsync redis-flush',
      '18:FlushAllDatabasesAsync redis-flush!',
      '25:FlushAllDatabasesAsync redis-flush!',
    ]);
  });

  it('reads the elements of an IServer[] parameter walked by a braceless foreach', () => {
    const code = cacheClass(
      'ServerSweeper',
      '        public static void Sweep(IServer[] servers, string prefix)',
      '        {',
      '            foreach (var server in servers)',
      '                foreach (var key in server.Keys(pattern: prefix + "*")) server.Multiplexer.GetDatabase().KeyDelete(key);',
      '        }',
    );
    assert.deepEqual(hintsIn('ServerSweeper.cs', code), [
      '13:Keys redis-scan',
      '13:KeyDelete redis-unlink',
      '13:KeyDelete redis-loop-round-trips',
      '13:KeyDelete redis-loop-round-trips!',
    ]);
  });

  it('stays silent on what GetServers() gives that is no server, and on a GetServers() of another library', () => {
    const code = cacheClass(
      'ClusterReport',
      '        private readonly IConnectionMultiplexer _connection;',
      '        private readonly NodeDirectory _directory;',
      '',
      '        public ClusterReport(IConnectionMultiplexer connection, NodeDirectory directory) { _connection = connection; _directory = directory; }',
      '',
      '        public int Describe()',
      '        {',
      '            foreach (var endpoint in _connection.GetServers().Select(s => s.EndPoint))',
      '            {',
      '                endpoint.Keys(pattern: "*");',
      '            }',
      '            var count = _connection.GetServers().Length;',
      '            _directory.GetServers().First().Keys(pattern: "*");',
      '            foreach (var node in _directory.GetServers()) { node.FlushAllDatabases(); }',
      '            return count;',
      '        }',
    );
    assert.deepEqual(hintsIn('ClusterReport.cs', code), []);
  });
});
