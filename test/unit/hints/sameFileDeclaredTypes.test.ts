/**
 * Java and C#: a field, property, parameter or local declared with the type of a class or interface of the same
 * file is an instance of it, so its client members are read through it (`Db.Context.SaveAsync(item)` where
 * `IDbContext` declares `IDynamoDBContext Context { get; }`), as a TypeScript annotation already was.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('Java and C# names declared with a class or interface of the same file', () => {
  it('reads the DynamoDB context and client an interface exposes, through a repository base property', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      '',
      'namespace Notes.Data;',
      '',
      'public interface IDynamoContext',
      '{',
      '    IAmazonDynamoDB Client { get; }',
      '    IDynamoDBContext Context { get; }',
      '}',
      '',
      'public abstract class RepositoryBase<T>',
      '{',
      '    protected RepositoryBase(IDynamoContext db) { Db = db; }',
      '',
      '    protected IDynamoContext Db { get; }',
      '',
      '    public async Task Add(T item) => await Db.Context.SaveAsync(item);',
      '',
      '    public async Task<T> Find(string key)',
      '    {',
      '        return await Db.Context.LoadAsync<T>(key);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('RepositoryBase.cs', code), ['18:SaveAsync dynamodb-update-item', '22:LoadAsync dynamodb-get-item']);
  });

  it('reports INCR then EXPIRE on the database a connection wrapper of the file hands out', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      '',
      'namespace Api.Limits;',
      '',
      'public interface IRedisConnection',
      '{',
      '    IDatabase Database { get; }',
      '}',
      '',
      'public class LoginThrottle',
      '{',
      '    private readonly IRedisConnection _redis;',
      '',
      '    public LoginThrottle(IRedisConnection redis) { _redis = redis; }',
      '',
      '    public async Task<bool> AllowAsync(string user)',
      '    {',
      '        var key = "login:" + user;',
      '        var attempts = await _redis.Database.StringIncrementAsync(key);',
      '        if (attempts == 1) await _redis.Database.KeyExpireAsync(key, TimeSpan.FromMinutes(15));',
      '        return attempts <= 5;',
      '    }',
      '}',
    );
    assert.deepEqual(findingsIn('LoginThrottle.cs', code), ['19:StringIncrementAsync redis-expire!']);
  });

  it('reads a Java service field typed with an interface of the file whose method returns Jedis', () => {
    const code = sourceLines(
      'package shop.cache;',
      '',
      'import redis.clients.jedis.Jedis;',
      'import java.util.Set;',
      '',
      'interface RedisSource {',
      '    Jedis jedis();',
      '}',
      '',
      'public class CatalogCache {',
      '    private final RedisSource source;',
      '',
      '    public CatalogCache(RedisSource source) { this.source = source; }',
      '',
      '    public Set<String> productKeys() {',
      '        return source.jedis().keys("product:*");',
      '    }',
      '}',
    );
    assert.deepEqual(findingsIn('CatalogCache.java', code), ['16:keys redis-keys!']);
  });

  it('stays silent on members of a class of the file that are not clients, or that the class defines itself', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      '',
      'namespace Api.Cache;',
      '',
      'public class RedisSettings',
      '{',
      '    public string Database { get; set; } = "0";',
      '}',
      '',
      'public class KeyIndex',
      '{',
      '    private readonly HashSet<string> _keys = new();',
      '    public IEnumerable<string> Keys(string prefix) => _keys.Where(k => k.StartsWith(prefix));',
      '}',
      '',
      'public class CacheAdmin',
      '{',
      '    private readonly RedisSettings _settings;',
      '    private readonly KeyIndex _index;',
      '',
      '    public CacheAdmin(RedisSettings settings, KeyIndex index) { _settings = settings; _index = index; }',
      '',
      '    public int Count(string prefix) => _index.Keys(prefix).Count() + _settings.Database.Length;',
      '}',
    );
    assert.deepEqual(findingsIn('CacheAdmin.cs', code), []);
  });
});
