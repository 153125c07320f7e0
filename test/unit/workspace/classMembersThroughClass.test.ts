/**
 * Java and C#: clients that a project class of another file hands out through its members, read where they are
 * used in workspace mode: a static method or property called through the class (`RedisCache.GetDatabase()`,
 * `RedisCache.Database` in an ASP.NET controller), and a holder's method called through a field declared with the
 * class (`private final DynamoDBFactory dynamoDB = new DynamoDBFactory();` then `dynamoDB.mapper().load(...)`).
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';
import { hintsIn, sourceLines } from '../hints/support';

const CACHE = sourceLines(
  'using System;',
  'using StackExchange.Redis;',
  '',
  'namespace Shop.Cache',
  '{',
  '    public class RedisCache',
  '    {',
  '        static readonly Lazy<ConnectionMultiplexer> Lazy = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable("REDIS")));',
  '',
  '        public static IDatabase GetDatabase()',
  '        {',
  '            return Lazy.Value.GetDatabase();',
  '        }',
  '',
  '        public static IDatabase Database => Lazy.Value.GetDatabase();',
  '',
  '        private static IDatabase Hidden() => Lazy.Value.GetDatabase();',
  '',
  '        public static string Prefix(string key) => "shop:" + key;',
  '    }',
  '}',
);

const controller = (usings: string[]): string =>
  sourceLines(
    'using System;',
    'using System.Threading.Tasks;',
    ...usings,
    '',
    'namespace Shop.Controllers',
    '{',
    '    public class PricesController',
    '    {',
    '        public async Task<string> Get(int id)',
    '        {',
    '            var cache = RedisCache.GetDatabase();',
    '            var key = RedisCache.Prefix(id.ToString());',
    '            await cache.StringSetAsync(key, "1", TimeSpan.FromMinutes(5));',
    '            await RedisCache.Database.KeyDeleteAsync(key);',
    '            return key;',
    '        }',
    '    }',
    '}',
  );

const FACTORY = sourceLines(
  'package org.shop.db;',
  '',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  '',
  'public class DynamoDBFactory {',
  '    public AmazonDynamoDB client() {',
  '        return AmazonDynamoDBClientBuilder.standard().build();',
  '    }',
  '',
  '    public DynamoDBMapper mapper() {',
  '        return new DynamoDBMapper(this.client());',
  '    }',
  '',
  '    public String tableName() {',
  '        return System.getenv("TABLE_NAME");',
  '    }',
  '}',
);

const REPOSITORY = sourceLines(
  'package org.shop.repository;',
  '',
  'import org.shop.db.DynamoDBFactory;',
  'import org.shop.model.Basket;',
  '',
  'public class BasketRepository {',
  '    private final DynamoDBFactory dynamoDB = new DynamoDBFactory();',
  '',
  '    public Basket get(String user) {',
  '        return dynamoDB.mapper().load(Basket.class, user);',
  '    }',
  '',
  '    public void remove(Basket basket) {',
  '        dynamoDB.mapper().delete(basket);',
  '        System.out.println(dynamoDB.tableName());',
  '    }',
  '}',
);

describe('Java and C#: clients a project class of another file hands out through its members', () => {
  it('indexes static and instance methods that return a client under name(), and client properties by name', () => {
    assert.deepEqual(contributionOf('src/Shop/Cache/RedisCache.cs', CACHE)?.classFields, {
      'csharp:Shop.Cache.RedisCache': { 'GetDatabase()': { kind: 'redis', flavor: 'stackexchange-redis' }, Database: { kind: 'redis', flavor: 'stackexchange-redis' } },
    });
    assert.deepEqual(contributionOf('src/main/java/org/shop/db/DynamoDBFactory.java', FACTORY)?.classFields, {
      // Both methods build a new client on each call (`workspace/methodMakers.ts`).
      'java:org.shop.db.DynamoDBFactory': { 'client()': { kind: 'dynamodb' }, 'mapper()': { kind: 'dynamodb-mapper' }, 'made:client': { kind: 'dynamodb', perCall: true }, 'made:mapper': { kind: 'dynamodb', perCall: true } },
    });
  });

  it('reads a C# static method and property through the class, from a namespace the file uses', () => {
    const files = { 'src/Shop/Cache/RedisCache.cs': CACHE, 'src/Shop/Controllers/PricesController.cs': controller(['using Shop.Cache;']) };
    assert.deepEqual(hintsOfFile(files, 'src/Shop/Controllers/PricesController.cs'), ['13:StringSetAsync redis-expire', '14:KeyDeleteAsync redis-unlink']);
  });

  it('reads a Java holder method through a field declared with its class', () => {
    const files = { 'src/main/java/org/shop/db/DynamoDBFactory.java': FACTORY, 'src/main/java/org/shop/repository/BasketRepository.java': REPOSITORY };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/org/shop/repository/BasketRepository.java'), ['10:load dynamodb-get-item', '14:delete dynamodb-delete-item']);
  });

  it('stays silent without the workspace, for a namespace the file does not use, and for a class of another package', () => {
    const files = { 'src/Shop/Cache/RedisCache.cs': CACHE, 'src/Shop/Controllers/PricesController.cs': controller(['using Shop.Cache;']) };
    assert.deepEqual(hintsOfFile(files, 'src/Shop/Controllers/PricesController.cs', null), []);
    const unused = { ...files, 'src/Shop/Controllers/PricesController.cs': controller(['using Shop.Legacy;']) };
    assert.deepEqual(hintsOfFile(unused, 'src/Shop/Controllers/PricesController.cs'), []);
    const otherPackage = { 'src/main/java/org/shop/db/DynamoDBFactory.java': FACTORY, 'src/main/java/org/shop/repository/BasketRepository.java': REPOSITORY.replace('import org.shop.db.DynamoDBFactory;', 'import org.legacy.DynamoDBFactory;') };
    assert.deepEqual(hintsOfFile(otherPackage, 'src/main/java/org/shop/repository/BasketRepository.java'), []);
  });

  it('does not take a holder method for a client made per call: a pooled Jedis borrowed and closed in try-with-resources', () => {
    const holder = sourceLines(
      'package shop.redis;',
      '',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      '',
      'public class RedisClient {',
      '    private static final JedisPool POOL = new JedisPool(System.getenv("REDIS_HOST"), 6379);',
      '',
      '    public static Jedis getJedis() {',
      '        return POOL.getResource();',
      '    }',
      '}',
    );
    const lock = sourceLines(
      'package shop.redis;',
      '',
      'import redis.clients.jedis.Jedis;',
      '',
      'public class RedisLock {',
      '    public void unlock(String key) {',
      '        try (Jedis jedis = RedisClient.getJedis()) {',
      '            jedis.del(key);',
      '        }',
      '    }',
      '}',
    );
    const files = { 'src/main/java/shop/redis/RedisClient.java': holder, 'src/main/java/shop/redis/RedisLock.java': lock };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/redis/RedisLock.java'), ['8:del redis-unlink']);
  });

  it('reads a static member of a class of the same file through the class, not a class the file does not declare', () => {
    const code = sourceLines(
      'using System;',
      'using StackExchange.Redis;',
      '',
      'public static class Cache',
      '{',
      '    static readonly ConnectionMultiplexer Mux = ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable("REDIS"));',
      '    public static IDatabase Db() => Mux.GetDatabase();',
      '}',
      '',
      'public class Sessions',
      '{',
      '    public void End(string id)',
      '    {',
      '        Cache.Db().KeyDelete(id);',
      '        Store.Db().KeyDelete(id);',
      '    }',
      '}',
    );
    // Line 6's `redis-tls` hover: the client's TLS is the environment's configuration string.
    assert.deepEqual(hintsIn('Sessions.cs', code), ['6:Connect redis-tls', '14:KeyDelete redis-unlink']);
  });
});
