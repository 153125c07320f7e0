/**
 * Java and C#, workspace mode: a project class of another file whose public methods or properties hand out a
 * client (`public DynamoDbClient getClient()`, `public static Jedis getJedis()`, `IDynamoDBContext Context()` of an
 * interface, `public AmazonDynamoDBClient Client => _client`): a call through a value of that class reads as that
 * client (`db.getClient().scan(...)`, `RedisPool.getJedis().keys(...)`, `using var context = _db.Context();`).
 * Only the declared return type counts; a method declared with another type, or of a class the file does not
 * resolve to, gives nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { contributionOf, hintsOfFile } from './support';

const HOLDER = [
  'package shop.data;',
  '',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  '',
  'public class DynamoHolder {',
  '    private final DynamoDbClient client;',
  '    private final DynamoDBMapper mapper;',
  '',
  '    public DynamoHolder(DynamoDbClient client, DynamoDBMapper mapper) {',
  '        this.client = client;',
  '        this.mapper = mapper;',
  '    }',
  '',
  '    public DynamoDbClient getClient() { return client; }',
  '',
  '    public DynamoDBMapper mapper() { return mapper; }',
  '',
  '    public String tableName() { return "orders"; }',
  '',
  '    public Object raw() { return client; }',
  '}',
].join('\n');

const REPOSITORY = [
  'package shop.orders;',
  '',
  'import shop.data.DynamoHolder;',
  'import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;',
  '',
  'public class OrderRepository {',
  '    private final DynamoHolder db;',
  '',
  '    public OrderRepository(DynamoHolder db) { this.db = db; }',
  '',
  '    public void saveAll(BatchWriteItemRequest request) {',
  '        db.getClient().batchWriteItem(request);',
  '    }',
  '',
  '    public Order find(String id) {',
  '        return db.mapper().load(Order.class, id);',
  '    }',
  '',
  '    public int length() {',
  '        return db.tableName().length();',
  '    }',
  '}',
].join('\n');

const JAVA_FILES = { 'src/main/java/shop/data/DynamoHolder.java': HOLDER, 'src/main/java/shop/orders/OrderRepository.java': REPOSITORY };

describe('Java: methods of a project holder class of another file that return a client', () => {
  it('indexes the public methods whose declared type is a client, beside a private field of the same name', () => {
    assert.deepEqual(contributionOf('src/main/java/shop/data/DynamoHolder.java', HOLDER)?.classFields, {
      'java:shop.data.DynamoHolder': { 'getClient()': { kind: 'dynamodb' }, 'mapper()': { kind: 'dynamodb-mapper' } },
    });
  });

  it('reads a call of one through a field typed with the class as that client', () => {
    assert.deepEqual(hintsOfFile(JAVA_FILES, 'src/main/java/shop/orders/OrderRepository.java'), ['12:batchWriteItem dynamodb-batch-write-item', '12:batchWriteItem dynamodb-batch-write-item!', '16:load dynamodb-get-item']);
  });

  it('stays silent alone, for a method of another type, and for a same-named method of an unrelated class', () => {
    assert.deepEqual(hintsOfFile(JAVA_FILES, 'src/main/java/shop/orders/OrderRepository.java', null), []);
    const raw = REPOSITORY.replace('db.getClient().batchWriteItem(request)', 'db.raw().batchWriteItem(request)');
    assert.deepEqual(hintsOfFile({ ...JAVA_FILES, 'src/main/java/shop/orders/OrderRepository.java': raw }, 'src/main/java/shop/orders/OrderRepository.java'), ['16:load dynamodb-get-item']);
    const other = REPOSITORY.replace('import shop.data.DynamoHolder;', 'import shop.legacy.DynamoHolder;');
    assert.deepEqual(hintsOfFile({ ...JAVA_FILES, 'src/main/java/shop/orders/OrderRepository.java': other }, 'src/main/java/shop/orders/OrderRepository.java'), []);
  });

  it('reads a static method called on the class, and a protected method a subclass calls bare, without taking either for a construction', () => {
    const pool = [
      'package shop.cache;',
      '',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      '',
      'public class RedisPool {',
      '    private static final JedisPool POOL = new JedisPool("cache", 6379);',
      '',
      '    public static Jedis getJedis() { return POOL.getResource(); }',
      '}',
    ].join('\n');
    const base = [
      'package shop.cache;',
      '',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public abstract class DaoBase {',
      '    private final DynamoDbClient ddb = DynamoDbClient.create();',
      '',
      '    protected DynamoDbClient client() { return ddb; }',
      '}',
    ].join('\n');
    const sessions = [
      'package shop.cache;',
      '',
      'import java.util.Set;',
      'import redis.clients.jedis.Jedis;',
      'import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;',
      '',
      'public class Sessions extends DaoBase {',
      '    public Set<String> all() {',
      '        try (Jedis jedis = RedisPool.getJedis()) {',
      '            return jedis.keys("session:*");',
      '        }',
      '    }',
      '',
      '    public Set<String> direct() { return RedisPool.getJedis().keys("session:*"); }',
      '',
      '    public void save(BatchWriteItemRequest request) { client().batchWriteItem(request); }',
      '}',
    ].join('\n');
    const files = { 'src/main/java/shop/cache/RedisPool.java': pool, 'src/main/java/shop/cache/DaoBase.java': base, 'src/main/java/shop/cache/Sessions.java': sessions };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/cache/Sessions.java'), [
      '10:keys redis-keys',
      '10:keys redis-keys!',
      '14:keys redis-keys',
      '14:keys redis-keys!',
      '16:batchWriteItem dynamodb-batch-write-item',
      '16:batchWriteItem dynamodb-batch-write-item!',
    ]);
  });
});

const CONNECTION = [
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'namespace Garden.Repositories',
  '{',
  '    public interface IDbConnection',
  '    {',
  '        IDynamoDBContext Context(DynamoDBContextConfig config = null);',
  '        string TablePrefix();',
  '    }',
  '}',
].join('\n');

const FACTORY = [
  'using Amazon.DynamoDBv2;',
  'using StackExchange.Redis;',
  '',
  'namespace Garden.Data',
  '{',
  '    public class ClientFactory',
  '    {',
  '        private readonly AmazonDynamoDBClient _client = new AmazonDynamoDBClient();',
  '        private readonly IConnectionMultiplexer _redis;',
  '',
  '        public ClientFactory(IConnectionMultiplexer redis) { _redis = redis; }',
  '',
  '        public AmazonDynamoDBClient Client => _client;',
  '',
  '        public IDatabase Cache() => _redis.GetDatabase();',
  '    }',
  '}',
].join('\n');

describe('C#: methods and properties of a project class or interface of another file that return a client', () => {
  it('reads the context a method of an interface returns, held by a using statement', () => {
    const repository = [
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      '',
      'namespace Garden.Repositories',
      '{',
      '    public class PlantRepository',
      '    {',
      '        private readonly IDbConnection _db;',
      '',
      '        public PlantRepository(IDbConnection db) { _db = db; }',
      '',
      '        public async Task<Plant> Find(string id)',
      '        {',
      '            using (var context = _db.Context())',
      '            {',
      '                return await context.LoadAsync<Plant>(_db.TablePrefix() + id);',
      '            }',
      '        }',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(contributionOf('src/Garden/Repositories/IDbConnection.cs', CONNECTION)?.classFields, { 'csharp:Garden.Repositories.IDbConnection': { 'Context()': { kind: 'dynamodb-context' } } });
    const files = { 'src/Garden/Repositories/IDbConnection.cs': CONNECTION, 'src/Garden/Repositories/PlantRepository.cs': repository };
    assert.deepEqual(hintsOfFile(files, 'src/Garden/Repositories/PlantRepository.cs'), ['16:LoadAsync dynamodb-get-item']);
  });

  it('reads a public property and an expression-bodied method of a class, and nothing past another member', () => {
    const service = [
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.Model;',
      'using Garden.Data;',
      '',
      'namespace Garden.Services',
      '{',
      '    public class PlantService',
      '    {',
      '        private readonly ClientFactory _factory;',
      '',
      '        public PlantService(ClientFactory factory) { _factory = factory; }',
      '',
      '        public Task<BatchWriteItemResponse> Save(BatchWriteItemRequest request) => _factory.Client.BatchWriteItemAsync(request);',
      '',
      '        public void Purge() => _factory.Cache().Execute("KEYS", "plant:*");',
      '',
      '        public string Name() => _factory.ToString().Trim();',
      '    }',
      '}',
    ].join('\n');
    const files = { 'src/Garden/Data/ClientFactory.cs': FACTORY, 'src/Garden/Services/PlantService.cs': service };
    assert.deepEqual(hintsOfFile(files, 'src/Garden/Services/PlantService.cs'), [
      '13:BatchWriteItemAsync dynamodb-batch-write-item',
      '13:BatchWriteItemAsync dynamodb-batch-write-item!',
      '15:"KEYS" redis-keys',
      '15:"KEYS" redis-keys!',
    ]);
    assert.deepEqual(hintsOfFile(files, 'src/Garden/Services/PlantService.cs', null), ['13:BatchWriteItemAsync dynamodb-batch-write-item', '13:BatchWriteItemAsync dynamodb-batch-write-item!']);
  });
});

describe('C#: a project interface named through another file\'s global using', () => {
  const factory = ['using Amazon.DynamoDBv2.DataModel;', '', 'namespace Shop.Components.Dynamo;', '', 'public interface IDynamoFactory', '{', '    IDynamoDBContext Create();', '}'].join('\n');
  const service = [
    'namespace Shop.Services;',
    '',
    'public sealed class ItemService',
    '{',
    '    private readonly IDynamoFactory factory;',
    '',
    '    public ItemService(IDynamoFactory factory) => this.factory = factory;',
    '',
    '    public async ValueTask<Item?> Find(string id)',
    '    {',
    '        using var context = factory.Create();',
    '        return await context.LoadAsync<Item>(id);',
    '    }',
    '}',
  ].join('\n');
  const usings = ['global using System;', 'global using Amazon.DynamoDBv2.DataModel;', 'global using Shop.Components.Dynamo;'].join('\n');

  it('reads the interface through the global usings of a file at the root of the project', () => {
    const files = { 'Shop.Core/GlobalUsing.cs': usings, 'Shop.Core/Components/Dynamo/IDynamoFactory.cs': factory, 'Shop.Core/Services/ItemService.cs': service };
    assert.deepEqual(contributionOf('Shop.Core/GlobalUsing.cs', usings)?.csharpGlobalUsings, ['System', 'Amazon.DynamoDBv2.DataModel', 'Shop.Components.Dynamo']);
    assert.deepEqual(hintsOfFile(files, 'Shop.Core/Services/ItemService.cs'), ['12:LoadAsync dynamodb-get-item']);
  });

  it('stays silent when the global usings belong to another project of the solution', () => {
    const files = { 'Shop.Tests/GlobalUsing.cs': usings, 'Shop.Core/Components/Dynamo/IDynamoFactory.cs': factory, 'Shop.Core/Services/ItemService.cs': service };
    assert.deepEqual(hintsOfFile(files, 'Shop.Core/Services/ItemService.cs'), []);
  });
});

const GO_MOD = sourceLines('module example.com/shop', '', 'go 1.22');

const STORE = sourceLines(
  'package store',
  '',
  'import (',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'type Store struct {',
  '\tddb   *dynamodb.Client',
  '\tcache *redis.Client',
  '\tCache2 *redis.Client',
  '}',
  '',
  'func (s *Store) DB() *dynamodb.Client { return s.ddb }',
  '',
  'func (s *Store) Cache() *redis.Client { return s.cache }',
  '',
  'func (s *Store) Name() string { return "orders" }',
  '',
  'func (s *Store) cacheOf() *redis.Client { return s.cache }',
);

const REPO = sourceLines(
  'package repo',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"example.com/shop/store"',
  ')',
  '',
  'type OrderRepo struct {',
  '\tst *store.Store',
  '}',
  '',
  'func (r *OrderRepo) Keys(ctx context.Context) []string {',
  '\treturn r.st.Cache().Keys(ctx, "order:*").Val()',
  '}',
  '',
  'func (r *OrderRepo) Field(ctx context.Context) []string {',
  '\treturn r.st.Cache2.Keys(ctx, "order:*").Val()',
  '}',
  '',
  'func Purge(ctx context.Context, st *store.Store) {',
  '\tst.Cache().FlushAll(ctx)',
  '}',
  '',
  'func Trap(ctx context.Context, st *store.Store) int {',
  '\treturn len(st.Name())',
  '}',
);

describe('Go: methods of a struct of another package of the module that return a client', () => {
  it('reads a call of an exported method, and an exported client field, through a field or parameter typed with the struct', () => {
    const files = { 'go.mod': GO_MOD, 'store/store.go': STORE, 'repo/repo.go': REPO };
    assert.deepEqual(hintsOfFile(files, 'repo/repo.go'), ['14:Keys redis-keys', '14:Keys redis-keys!', '18:Keys redis-keys', '18:Keys redis-keys!', '22:FlushAll redis-flush', '22:FlushAll redis-flush!']);
    assert.deepEqual(hintsOfFile(files, 'repo/repo.go', null), []);
  });

  it('stays silent on an unexported method, and on a struct of a package the module does not declare', () => {
    const unexported = REPO.replace('r.st.Cache().Keys', 'r.st.cacheOf().Keys');
    assert.deepEqual(hintsOfFile({ 'go.mod': GO_MOD, 'store/store.go': STORE, 'repo/repo.go': unexported }, 'repo/repo.go'), ['18:Keys redis-keys', '18:Keys redis-keys!', '22:FlushAll redis-flush', '22:FlushAll redis-flush!']);
    const elsewhere = REPO.replace('"example.com/shop/store"', '"github.com/acme/store"');
    assert.deepEqual(hintsOfFile({ 'go.mod': GO_MOD, 'store/store.go': STORE, 'repo/repo.go': elsewhere }, 'repo/repo.go'), []);
  });
});
