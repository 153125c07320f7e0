/**
 * Java and C#: a call without a receiver inside a class that extends a client class calls the inherited method, as
 * `this.` and `base.` calls do: a C# repository that extends `DynamoDBContext` and calls `LoadAsync<T>(id)`,
 * `ScanAsync<T>(conditions)` and `SaveAsync(item)`, a Java cache that extends `JedisPooled` and calls `expire(...)`.
 * Traps: a method the class declares itself (and its overloads), a method's own declaration, and a class that
 * extends nothing the engine knows.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('inherited client methods called without a receiver', () => {
  it('reads a DynamoDBContext subclass: its loads, one-page scan and saves', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      '',
      'public class OrderRepository : DynamoDBContext, IOrderRepository',
      '{',
      '    public OrderRepository(IAmazonDynamoDB client) : base(client) { }',
      '',
      '    public async Task<Order> Find(string id)',
      '    {',
      '        return await LoadAsync<Order>(id);',
      '    }',
      '',
      '    public async Task<List<Order>> Recent() => await ScanAsync<Order>(new List<ScanCondition>()).GetNextSetAsync();',
      '',
      '    public Task Store(Order order) => SaveAsync(order);',
      '}',
    );
    assert.deepEqual(hintsIn('OrderRepository.cs', code), ['12:LoadAsync dynamodb-get-item', '15:ScanAsync dynamodb-scan', '17:SaveAsync dynamodb-update-item', '15:ScanAsync dynamodb-scan!']);
  });

  it('leaves a method the class declares, its declaration, and a class that extends no client', () => {
    const own = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      '',
      'public class AuditRepository : DynamoDBContext',
      '{',
      '    public AuditRepository(IAmazonDynamoDB client) : base(client) { }',
      '',
      '    public async Task SaveAsync(AuditEntry entry)',
      '    {',
      '        entry.Stamp();',
      '        await base.SaveAsync(entry);',
      '    }',
      '',
      '    public Task Record(AuditEntry entry) => SaveAsync(entry);',
      '}',
    );
    assert.deepEqual(hintsIn('AuditRepository.cs', own), ['12:SaveAsync dynamodb-update-item']);
    const plain = own.replace('public class AuditRepository : DynamoDBContext', 'public class AuditRepository : RepositoryBase').replace('        await base.SaveAsync(entry);\n', '        await ScanAsync(entry);\n');
    assert.deepEqual(hintsIn('AuditRepository.cs', plain), []);
  });

  it('reads a Java class that extends a Redis client, but not a name it overloads itself', () => {
    const code = sourceLines(
      'package com.example.cache;',
      '',
      'import java.util.Set;',
      'import redis.clients.jedis.JedisPooled;',
      '',
      'public class SessionCache extends JedisPooled {',
      '    public SessionCache(String host) {',
      '        super(host, 6379);',
      '    }',
      '',
      '    public Set<String> sessions() {',
      '        return smembers("sessions");',
      '    }',
      '',
      '    public void touch(String id) {',
      '        expire("session:" + id, 1800);',
      '    }',
      '',
      '    public Set<String> all() {',
      '        return keys("session:*");',
      '    }',
      '',
      '    public String keys(int shard) {',
      '        return "shard-" + shard;',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('SessionCache.java', code), ['12:smembers redis-collection-read', '16:expire redis-expire']);
  });
});
