/**
 * C# clients reached through a lambda passed to a same-file helper whose parameter is a delegate with the client
 * type as its first input (`T Do<T>(Func<IDatabase, T> func)`, `Action<IAmazonDynamoDB>`); with the look-alikes
 * that must stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNothingOn(found: string[], ...lines: number[]): void {
  for (const line of lines) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `line ${line} in\n${found.join('\n')}`);
  }
}

describe('C#: clients given to lambdas by the helper they are passed to', () => {
  it("reads a lambda passed to a same-file helper's Func<IDatabase, T> or Action<IDatabase> as a StackExchange.Redis database", () => {
    const code = sourceLines(
      'using System;',
      'using System.Threading.Tasks;',
      'using StackExchange.Redis;',
      'public class CacheHelper {',
      '    private readonly ConnectionMultiplexer _conn;',
      '    private T Do<T>(Func<IDatabase, T> func) { return func(_conn.GetDatabase()); }',
      '    private void Do(System.Action<IDatabase> action) { action(_conn.GetDatabase()); }',
      '    private T Run<T>(Func<IDatabase, T> func) => func(_conn.GetDatabase());',
      '    public bool Remove(string key) { return Do(db => db.KeyDelete(key)); }',
      '    public Task<bool> RemoveAsync(string key) { return Do(async (db) => await db.KeyDeleteAsync(key)); }',
      '    public long Typed(string key) { return Do<long>(db => db.HashGetAll(key).Length); }',
      '    public void Clear(string key) { this.Do(redis => { redis.KeyDelete(key); }); }',
      '    public bool Concise(string key) { return Run(db => db.KeyDelete(key)); }',
      '}',
    );
    const found = hintsIn('CacheHelper.cs', code);
    assertHas(found, '9:KeyDelete redis-unlink', '10:KeyDeleteAsync redis-unlink', '11:HashGetAll redis-collection-read', '12:KeyDelete redis-unlink', '13:KeyDelete redis-unlink');
  });

  it('reads an AWS SDK client given to the lambda the same way', () => {
    const code = sourceLines(
      'using System;',
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class Tables {',
      '    private readonly IAmazonDynamoDB _client;',
      '    private Task<T> WithClient<T>(Func<IAmazonDynamoDB, Task<T>> call) => call(_client);',
      '    public Task<GetItemResponse> One(Dictionary<string, AttributeValue> key) => WithClient(c => c.GetItemAsync("orders", key));',
      '}',
    );
    assertHas(hintsIn('Tables.cs', code), '9:GetItemAsync dynamodb-get-item');
  });

  it('leaves lambdas alone where the helper does not give a client as the first input', () => {
    const code = sourceLines(
      'using System;',
      'using System.Linq;',
      'using StackExchange.Redis;',
      'public class CacheHelper {',
      '    private readonly ConnectionMultiplexer _conn;',
      '    private T Make<T>(Func<IDatabase> factory) { return default; }',
      '    private void Named(Action<string, IDatabase> action) { }',
      '    private T Either<T>(Func<IDatabase, T> func) { return func(_conn.GetDatabase()); }',
      '    private T Either<T>(Func<Catalog, T> func) { return default; }',
      '    private T Local<T>(Func<Catalog, T> func) { return default; }',
      '    public void Calls(string key, Other other, Catalog[] all) {',
      '        Make(db => db.KeyDelete(key));',
      '        Named(db => db.KeyDelete(key));',
      '        Either(db => db.KeyDelete(key));',
      '        Local(db => db.KeyDelete(key));',
      '        other.Either(db => db.KeyDelete(key));',
      '        all.Select(db => db.KeyDelete(key));',
      '    }',
      '}',
    );
    assertNothingOn(hintsIn('CacheHelper.cs', code), 12, 13, 14, 15, 16, 17);
  });

  it('reads StringGet of what a same-file method declared RedisKey[] returns as MGET, and of a string-returning one as GET', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Linq;',
      'using StackExchange.Redis;',
      'public class Lookup {',
      '    private readonly IDatabase _db;',
      '    private static RedisKey[] ToKeys(IEnumerable<string> names) => names.Select(n => (RedisKey)n).ToArray();',
      '    private static string First(IEnumerable<string> names) => names.First();',
      '    public RedisValue[] Many(IEnumerable<string> names) => _db.StringGet(ToKeys(names));',
      '    public RedisValue One(IEnumerable<string> names) => _db.StringGet(First(names));',
      '}',
    );
    const found = hintsIn('Lookup.cs', code);
    assertHas(found, '8:StringGet redis-mget');
    assertNothingOn(found, 9);
  });

  it('reads KEYS called from a Lua script that ScriptEvaluate runs, written in the call or held by a constant, and nothing else in the script', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public class Cleaner {',
      '    private const string Drop =',
      '        "local names = redis.call(\'KEYS\', ARGV[1]) " +',
      '        "for _, n in ipairs(names) do redis.call(\'DEL\', n) end return #names";',
      '    private const string Page = "return redis.call(\'SCAN\', ARGV[1], \'MATCH\', ARGV[2])";',
      '    private readonly IDatabase _db;',
      '    public void Remove(string prefix) { _db.ScriptEvaluate(Drop, values: new RedisValue[] { prefix + "*" }); }',
      '    public void Inline(string prefix) { _db.ScriptEvaluate(LuaScript.Prepare("return redis.pcall(\\"keys\\", @p)"), new { p = prefix }); }',
      '    public void Scan(string cursor, string prefix) { _db.ScriptEvaluate(Page, values: new RedisValue[] { cursor, prefix }); }',
      '    public string Note() => "redis.call(\'KEYS\', pattern) is not run here";',
      '}',
    );
    const found = hintsIn('Cleaner.cs', code);
    assertHas(found, '4:KEYS redis-keys', '4:KEYS redis-keys!', '9:keys redis-keys', '9:keys redis-keys!');
    assertNothingOn(found, 5, 6, 10, 11);
  });
});
