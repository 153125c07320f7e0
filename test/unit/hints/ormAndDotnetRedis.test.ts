/**
 * StackExchange.Redis (C#) and PynamoDB (Python) on the existing Redis and DynamoDB rules: where their
 * receivers come from, which calls are which command or operation, and the look-alikes that stay quiet.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('StackExchange.Redis', () => {
  it('follows an injected IConnectionMultiplexer to the database made in the constructor', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public class CacheService',
      '{',
      '    private readonly IDatabase _db;',
      '    public CacheService(IConnectionMultiplexer redis) { _db = redis.GetDatabase(); }',
      '    public Task Put(string k, string v) => _db.StringSetAsync(k, v, TimeSpan.FromMinutes(5));',
      '    public Task Drop(string k) => _db.KeyDeleteAsync(k);',
      '    public Task<bool> Touch(string k) => _db.KeyExpireAsync(k, TimeSpan.FromMinutes(1));',
      '}',
    );
    assert.deepEqual(hintsIn('CacheService.cs', code), ['6:StringSetAsync redis-expire', '7:KeyDeleteAsync redis-unlink', '8:KeyExpireAsync redis-expire']);
  });

  it('reads IServer.Keys as SCAN and only a KEYS sent by Execute as KEYS', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public class Admin',
      '{',
      '    public void Run(IConnectionMultiplexer redis)',
      '    {',
      '        var server = redis.GetServer(redis.GetEndPoints()[0]);',
      '        foreach (var key in server.Keys(pattern: "s:*")) { }',
      '        redis.GetDatabase().Execute("KEYS", "s:*");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Admin.cs', code), ['7:Keys redis-scan', '8:"KEYS" redis-keys', '8:"KEYS" redis-keys!']);
  });

  it('flags a blocking or awaited per-key command in a loop, not one sent fire-and-forget or on a batch', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public class Warmer',
      '{',
      '    public async Task Run(IDatabase db, string[] keys)',
      '    {',
      '        foreach (var k in keys) { await db.StringGetAsync(k); }',
      '        foreach (var k in keys) { db.KeyExpire(k, TimeSpan.FromMinutes(1)); }',
      '        foreach (var k in keys) { db.KeyExpire(k, TimeSpan.FromMinutes(1), CommandFlags.FireAndForget); }',
      '        var batch = db.CreateBatch();',
      '        foreach (var k in keys) { _ = batch.StringGetAsync(k); }',
      '    }',
      '}',
    );
    const findings = hintsIn('Warmer.cs', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['6:StringGetAsync redis-loop-round-trips!', '7:KeyExpire redis-loop-round-trips!']);
  });

  it('reads ConfigurationOptions, a configuration string and a certificate callback that accepts everything', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public static class Connections',
      '{',
      '    public static ConnectionMultiplexer Open()',
      '    {',
      '        var options = new ConfigurationOptions { Password = "s3cret" };',
      '        options.CertificateValidation += (sender, cert, chain, errors) => true;',
      '        return ConnectionMultiplexer.Connect(options);',
      '    }',
      '    public static ConnectionMultiplexer Local() => ConnectionMultiplexer.Connect("localhost:6379,password=dev");',
      '    public static ConnectionMultiplexer Tls() => ConnectionMultiplexer.Connect("cache.internal:6379,ssl=true,password=pw");',
      '}',
    );
    const findings = hintsIn('Connections.cs', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings.sort(), [
      '10:dev redis-password!',
      '11:pw redis-password!',
      '6:"s3cret" redis-password!',
      '6:Password redis-auth-without-tls!',
      '7:CertificateValidation redis-tls!',
    ]);
  });

  it('sets options assigned after the initializer: Ssl set later is TLS', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public static class Connections',
      '{',
      '    public static ConnectionMultiplexer Open(string password)',
      '    {',
      '        var options = new ConfigurationOptions { Password = password };',
      '        options.Ssl = true;',
      '        return ConnectionMultiplexer.Connect(options);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Connections.cs', code).filter((hint) => hint.endsWith('!')), []);
  });

  it('follows Lazy<ConnectionMultiplexer>.Value and reads StringGet of a RedisKey[] as MGET', () => {
    const code = sourceLines(
      'using StackExchange.Redis;',
      'public static class Redis',
      '{',
      '    private static readonly Lazy<ConnectionMultiplexer> Lazy = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect("cache:6379,ssl=true"));',
      '    public static RedisValue[] Many(RedisKey[] keys) => Lazy.Value.GetDatabase().StringGet(keys);',
      '}',
    );
    assert.deepEqual(hintsIn('Redis.cs', code), ['4:ssl redis-tls', '5:StringGet redis-mget']);
  });

  it('stays quiet on Dictionary.Keys, IMemoryCache and a Keys method of its own, and without the using', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.Caching.Memory;',
      'public class Local',
      '{',
      '    private readonly Dictionary<string, int> _map = new();',
      '    public IEnumerable<string> All() => _map.Keys;',
      '    public object? Get(IMemoryCache cache, string k) => cache.Get(k);',
      '    public string[] Keys(string p) => new[] { p };',
      '    public void Run(IDatabase db) { Keys("x"); db.KeyDelete("k"); db.Execute("KEYS", "*"); }',
      '}',
    );
    assert.deepEqual(hintsIn('Local.cs', code), []);
  });
});

describe('C# expression-bodied members', () => {
  it('reads `ConnectionMultiplexer Connection => lazy.Value;` as a member holding the connection, not a lambda', () => {
    const code = sourceLines(
      'using System;',
      'using StackExchange.Redis;',
      'public static class RedisCache',
      '{',
      '    private static readonly Lazy<ConnectionMultiplexer> LazyConnection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect("cache:6380,ssl=true"));',
      '    public static ConnectionMultiplexer Connection => LazyConnection.Value;',
      '    public static void Clear()',
      '    {',
      '        var server = Connection.GetServer("cache", 6380);',
      '        foreach (var key in server.Keys(pattern: "a:*")) { }',
      '        var squares = new[] { 1, 2 }.Select(x => x * x);',
      '    }',
      '}',
    );
    assert.ok(hintsIn('RedisCache.cs', code).includes('10:Keys redis-scan'));
  });

  it('reads what an expression-bodied method returns, as a method with a body', () => {
    const redisClass = (getDatabase: string): string =>
      sourceLines(
        'using System;',
        'using StackExchange.Redis;',
        'public class RedisClient',
        '{',
        '    private static readonly Lazy<ConnectionMultiplexer> LazyConnection = new(() => ConnectionMultiplexer.Connect("cache:6379"));',
        '    public static ConnectionMultiplexer Connection => LazyConnection.Value;',
        getDatabase,
        '    public void Save(string key, string value)',
        '    {',
        '        var db = GetDatabase();',
        '        db.StringSet(key, value);',
        '        db.KeyExpire(key, TimeSpan.FromMinutes(5));',
        '    }',
        '}',
      );
    const withBody = hintsIn('RedisClient.cs', redisClass('    private IDatabase GetDatabase() { return Connection.GetDatabase(); }'));
    assert.ok(withBody.includes('11:StringSet redis-expire!'), withBody.join('\n'));
    assert.deepEqual(hintsIn('RedisClient.cs', redisClass('    private IDatabase GetDatabase() => Connection.GetDatabase();')), withBody);
    const dynamo = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class OrderStore',
      '{',
      '    private IAmazonDynamoDB Client() => new AmazonDynamoDBClient();',
      '    public async Task<int> CountAll() => (await Client().ScanAsync(new ScanRequest { TableName = "orders" })).Count;',
      '}',
    );
    assert.ok(hintsIn('OrderStore.cs', dynamo).includes('6:ScanAsync dynamodb-scan!'), hintsIn('OrderStore.cs', dynamo).join('\n'));
  });
});

describe('PynamoDB', () => {
  const models = [
    'from pynamodb.indexes import AllProjection, GlobalSecondaryIndex',
    'from pynamodb.models import Model',
    'from pynamodb.attributes import UnicodeAttribute',
    'class ByStatus(GlobalSecondaryIndex):',
    '    class Meta:',
    '        index_name = "by-status"',
    '        projection = AllProjection()',
    '    status = UnicodeAttribute(hash_key=True)',
    'class Base(Model):',
    '    class Meta:',
    '        abstract = True',
    'class Order(Base):',
    '    class Meta:',
    '        table_name = "orders"',
    '    order_id = UnicodeAttribute(hash_key=True)',
    '    status = UnicodeAttribute()',
    '    by_status = ByStatus()',
  ];

  it('gives class methods, instances and index queries their operations, with no pagination finding', () => {
    const code = sourceLines(
      ...models,
      'def run(order_id):',
      '    rows = list(Order.scan(Order.status == "NEW"))',
      '    order = Order.get(order_id)',
      '    order.update(actions=[Order.status.set("PAID")])',
      '    for found in Order.query(order_id):',
      '        found.delete()',
      '    Order("x").save()',
      '    return Order.by_status.query("NEW")',
    );
    assert.deepEqual(hintsIn('orders.py', code), [
      '19:scan dynamodb-scan',
      '19:Order.status == "NEW" dynamodb-filter-expression',
      '20:get dynamodb-get-item',
      '21:update dynamodb-update-item',
      '22:query dynamodb-query',
      '23:delete dynamodb-delete-item',
      '23:delete dynamodb-item-loop',
      '24:save dynamodb-put-item',
      '25:query dynamodb-query',
      '19:Order.status == "NEW" dynamodb-filter-expression!',
      '23:delete dynamodb-item-loop!',
    ]);
  });

  it('flags consistent_read on a GSI query and keeps PynamoDB limit off the API Limit rules', () => {
    const code = sourceLines(
      ...models,
      'def run(order_id):',
      '    Order.get(order_id, consistent_read=True)',
      '    return list(Order.by_status.query("NEW", consistent_read=True, limit=5))',
    );
    assert.deepEqual(hintsIn('orders.py', code), [
      '19:get dynamodb-get-item',
      '19:consistent_read dynamodb-consistent-read',
      '20:query dynamodb-query',
      '20:consistent_read dynamodb-consistent-read',
      '20:consistent_read dynamodb-consistent-read!',
    ]);
  });

  it('reads filter_condition as the FilterExpression and condition as the ConditionExpression they are sent as', () => {
    const code = sourceLines(
      ...models,
      'def run(order_id):',
      '    stale = list(Order.scan(filter_condition=Order.status == "NEW"))',
      '    Order(order_id).save(condition=Order.order_id.does_not_exist())',
    );
    const found = hintsIn('orders.py', code);
    for (const expected of ['19:filter_condition dynamodb-filter-expression', '20:condition dynamodb-condition-expression']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('reads the filter_condition a scan takes first and a query third, positionally, and no None', () => {
    const code = sourceLines(
      ...models,
      'def run(order_id, segment):',
      '    Order.scan(None, segment=segment, total_segments=4)',
      '    Order.query(order_id, None, Order.status == "NEW")',
      '    Order.query(order_id, Order.status == "NEW")',
      '    return Order.by_status.scan(Order.status != "PAID")',
    );
    assert.deepEqual(
      hintsIn('orders.py', code).filter((hint) => hint.includes('filter-expression')),
      ['20:Order.status == "NEW" dynamodb-filter-expression', '22:Order.status != "PAID" dynamodb-filter-expression', '22:Order.status != "PAID" dynamodb-filter-expression!'],
    );
  });

  it('makes batch_write and batch_get hovers without the unprocessed-items finding', () => {
    const code = sourceLines(...models, 'def load(rows, ids):', '    with Order.batch_write() as batch:', '        for row in rows:', '            batch.save(Order(**row))', '    return list(Order.batch_get(ids))');
    assert.deepEqual(hintsIn('orders.py', code), ['19:batch_write dynamodb-batch-write-item', '22:batch_get dynamodb-batch-get-item']);
  });

  it('stays quiet on Django models, a plain class, and a model class imported from another module', () => {
    const code = sourceLines(
      'from django.db import models',
      'from app.models import Invoice',
      'class Refund(models.Model):',
      '    order_id = models.CharField(max_length=64)',
      'class Cache:',
      '    @classmethod',
      '    def get(cls, key):',
      '        return None',
      '    @classmethod',
      '    def scan(cls):',
      '        return []',
      'def run(order_id):',
      '    Refund.objects.get(order_id=order_id)',
      '    Cache.get(order_id)',
      '    Cache.scan()',
      '    Invoice.query(order_id)',
      '    Invoice.get(order_id).save()',
    );
    assert.deepEqual(hintsIn('service.py', code), []);
  });
});
