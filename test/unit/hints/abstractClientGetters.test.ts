/**
 * Java and C# methods declared without a body (abstract, or an interface's) whose declared return type is a
 * client: a call of one gives that client (`getTable().putItem(item)` in an interface's default method, or
 * `jedis().keys("*")` in an abstract base), as a getter with a body already did.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('abstract and interface getters of a client type', () => {
  it('reads an interface getter in its default methods (enhanced client table)', () => {
    const code = sourceLines(
      'package shop.repo;',
      '',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
      'import software.amazon.awssdk.enhanced.dynamodb.Key;',
      '',
      'public interface CrudStore<T> {',
      '    DynamoDbTable<T> getTable();',
      '',
      '    default T save(T entity) {',
      '        getTable().putItem(entity);',
      '        return entity;',
      '    }',
      '',
      '    default T byId(String id) {',
      '        return getTable().getItem(Key.builder().partitionValue(id).build());',
      '    }',
      '',
      '    default void remove(String id) {',
      '        this.getTable().deleteItem(Key.builder().partitionValue(id).build());',
      '    }',
      '}',
    );
    const found = hintsIn('CrudStore.java', code);
    for (const hint of ['10:putItem dynamodb-put-item', '15:getItem dynamodb-get-item', '19:deleteItem dynamodb-delete-item']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('reads an abstract getter of a base class, also with a throws clause (Jedis, DynamoDbClient)', () => {
    const code = sourceLines(
      'package shop.cache;',
      '',
      'import java.io.IOException;',
      'import java.util.Set;',
      'import redis.clients.jedis.Jedis;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
      '',
      'public abstract class BaseCache {',
      '    protected abstract Jedis connection() throws IOException, IllegalStateException;',
      '    protected abstract DynamoDbClient dynamo();',
      '',
      '    public Set<String> everything() throws IOException {',
      '        return connection().keys("session:*");',
      '    }',
      '',
      '    public int count(String table) {',
      '        return dynamo().scan(ScanRequest.builder().tableName(table).build()).count();',
      '    }',
      '}',
    );
    assert.deepEqual(findingsIn('BaseCache.java', code), ['14:keys redis-keys!', '18:scan dynamodb-scan!']);
  });

  it('reads a C# abstract method that returns a client', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'using StackExchange.Redis;',
      '',
      'public abstract class StoreBase',
      '{',
      '    protected abstract IAmazonDynamoDB Client();',
      '    protected abstract IDatabase Cache();',
      '',
      '    public Task<ScanResponse> All(string table) => Client().ScanAsync(new ScanRequest { TableName = table });',
      '    public void Reset() => Cache().Execute("FLUSHALL");',
      '}',
    );
    assert.deepEqual(findingsIn('StoreBase.cs', code), ['10:ScanAsync dynamodb-scan!', '11:"FLUSHALL" redis-flush!']);
  });

  it('stays silent for bodiless methods of other types, clients the file does not import, and other receivers', () => {
    const code = sourceLines(
      'package shop.repo;',
      '',
      'import java.util.List;',
      '',
      'public abstract class Catalog {',
      '    protected abstract OrderTable table();',
      '    protected abstract DynamoDbTable<Order> orders();',
      '    protected abstract Jedis jedis();',
      '    protected abstract String cacheName();',
      '',
      '    public List<Order> all(Catalog other) {',
      '        table().scan();',
      '        orders().scan();',
      '        jedis().keys("*");',
      '        cacheName().split(",");',
      '        return other.table().query("x");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Catalog.java', code), []);
  });

  it('gives nothing to an interface that only declares SDK-shaped methods', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public interface IOrderStore',
      '{',
      '    Task<ScanResponse> ScanAsync(ScanRequest request);',
      '    Task<QueryResponse> QueryAsync(QueryRequest request);',
      '}',
    );
    assert.deepEqual(findingsIn('IOrderStore.cs', code), []);
  });

  it('keeps a method with a body read by what it returns', () => {
    const code = sourceLines(
      'package shop.repo;',
      '',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      '',
      'public class Sessions {',
      '    private final JedisPool pool = new JedisPool("localhost", 6379);',
      '    protected Jedis jedis() { return pool.getResource(); }',
      '    public void drop() { jedis().flushAll(); }',
      '}',
    );
    assert.deepEqual(findingsIn('Sessions.java', code), ['9:flushAll redis-flush!']);
  });
});
