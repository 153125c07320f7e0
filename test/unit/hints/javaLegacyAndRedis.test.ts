/**
 * Java shapes beyond the AWS SDK for Java 2.x: 1.x clients and requests (`new ScanRequest().withX(...)`,
 * setters), `DynamoDBMapper`, the 1.x document API, and the Redis clients Jedis, Lettuce and Spring Data
 * Redis; with the look-alikes that must stay silent (Mockito stubs, same-file classes, an HBase `Table`).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn as allHintsIn, realHintRules, sourceLines } from './support';

/** The hints of these client shapes; the end-of-support finding that every 1.x import gets has its own tests (sdkLifecycle). */
const hintsIn = (file: string, code: string): string[] => allHintsIn(file, code).filter((hint) => !hint.includes('aws-sdk-end-of-support'));

describe('Java: AWS SDK for Java 1.x', () => {
  it('reports a mapper query expression on an index that keeps its default consistent read, and not one set to false', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression;',
      'class Orders {',
      '    private final DynamoDBMapper mapper;',
      '    List<Order> byStatus(Order key) {',
      '        return mapper.query(Order.class, new DynamoDBQueryExpression<Order>().withIndexName("status-index").withHashKeyValues(key));',
      '    }',
      '    List<Order> eventual(Order key) {',
      '        DynamoDBQueryExpression<Order> query = new DynamoDBQueryExpression<Order>().withIndexName("status-index");',
      '        query.setConsistentRead(false);',
      '        return mapper.query(Order.class, query);',
      '    }',
      '    List<Order> onTable(Order key) {',
      '        return mapper.query(Order.class, new DynamoDBQueryExpression<Order>().withHashKeyValues(key));',
      '    }',
      '}',
    );
    const findings = hintsIn('Orders.java', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['6:withIndexName dynamodb-consistent-read!']);
  });

  it('reads a client from a builder, a 1.x request chain and its setters, and pages by LastEvaluatedKey', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
      'import com.amazonaws.services.dynamodbv2.model.*;',
      'class Orders {',
      '    private final AmazonDynamoDB db = AmazonDynamoDBClientBuilder.defaultClient();',
      '    void all() {',
      '        db.scan(new ScanRequest("orders").withConsistentRead(true));',
      '    }',
      '    void paged() {',
      '        ScanRequest request = new ScanRequest().withTableName("orders");',
      '        do {',
      '            ScanResult result = db.scan(request);',
      '            request.setExclusiveStartKey(result.getLastEvaluatedKey());',
      '        } while (request.getExclusiveStartKey() != null);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Orders.java', code).sort(), [
      '10:ScanRequest dynamodb-scan',
      '12:scan dynamodb-scan',
      '13:setExclusiveStartKey dynamodb-pagination-keys',
      '7:ScanRequest dynamodb-scan',
      '7:scan dynamodb-scan',
      '7:scan dynamodb-scan!',
      '7:withConsistentRead dynamodb-consistent-read',
    ]);
  });

  it('checks RDS and ElastiCache 1.x requests by their parameter names, and offers the same value fix', () => {
    const code = sourceLines(
      'import com.amazonaws.services.rds.AmazonRDS;',
      'import com.amazonaws.services.rds.AmazonRDSClientBuilder;',
      'import com.amazonaws.services.rds.model.CreateDBInstanceRequest;',
      'class Provision {',
      '    static final AmazonRDS RDS = AmazonRDSClientBuilder.standard().withRegion("eu-west-1").build();',
      '    void create() {',
      '        RDS.createDBInstance(new CreateDBInstanceRequest().withDBInstanceIdentifier("a").withPubliclyAccessible(true).withStorageEncrypted(true));',
      '    }',
      '}',
    );
    const result = analyzeText(code, realHintRules(), { kind: 'java', fileName: 'Provision.java' });
    const publicly = result.findings.filter((finding) => finding.ruleId === 'rds-publicly-accessible');
    assert.equal(publicly.length, 1);
    assert.equal(code.slice(publicly[0].start, publicly[0].end), 'withPubliclyAccessible');
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId).filter((id) => id === 'rds-storage-encrypted'),
      [],
    );
    const edit = publicly[0].fix?.edits[0];
    assert.ok(edit, 'the finding offers a fix');
    assert.equal(code.slice(0, edit.start) + edit.newText + code.slice(edit.end), code.replace('withPubliclyAccessible(true)', 'withPubliclyAccessible(false)'));
  });

  it('reads the setters on a request that a library or another class returns, where the declaration names its type', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.model.*;',
      'class Tables {',
      '    private AmazonDynamoDB db;',
      '    private DynamoDBMapper mapper;',
      '    private QueryTemplates templates;',
      '    void create(Class<?> type) {',
      '        CreateTableRequest request = mapper.generateCreateTableRequest(type);',
      '        request.setProvisionedThroughput(new ProvisionedThroughput(5L, 5L));',
      '        db.createTable(request);',
      '    }',
      '    void byStatus() {',
      '        QueryRequest query = templates.byStatus();',
      '        query.setIndexName("status-index");',
      '        query.setConsistentRead(true);',
      '        db.query(query);',
      '    }',
      '}',
    );
    const hints = hintsIn('Tables.java', code);
    assert.ok(hints.includes('10:setProvisionedThroughput dynamodb-billing-mode'));
    assert.ok(hints.includes('16:setConsistentRead dynamodb-consistent-read!'));
    const other = sourceLines('import com.example.search.QueryRequest;', 'class Search {', '    void run(Engine engine) {', '        QueryRequest query = engine.newQuery();', '        query.setConsistentRead(true);', '    }', '}');
    assert.deepEqual(hintsIn('Search.java', other), []);
  });

  it('reads the fluent setters chained on the call that gives a declared request', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.model.*;',
      'class Bootstrap {',
      '    private AmazonDynamoDB db;',
      '    private DynamoDBMapper mapper;',
      '    private QueryTemplates templates;',
      '    void create() {',
      '        CreateTableRequest orders = mapper.generateCreateTableRequest(Order.class)',
      '                .withProvisionedThroughput(new ProvisionedThroughput(1L, 1L));',
      '        db.createTable(orders);',
      '        CreateTableRequest carts = this.mapper.generateCreateTableRequest(Cart.class).withBillingMode(BillingMode.PAY_PER_REQUEST);',
      '        db.createTable(carts);',
      '        QueryRequest query = templates.byStatus().withIndexName("status-index").withConsistentRead(true);',
      '        db.query(query);',
      '    }',
      '}',
    );
    const hints = hintsIn('Bootstrap.java', code);
    assert.ok(hints.includes('10:withProvisionedThroughput dynamodb-billing-mode'), hints.join('\n'));
    assert.ok(hints.includes('12:withBillingMode dynamodb-billing-mode'), hints.join('\n'));
    assert.ok(hints.includes('14:withConsistentRead dynamodb-consistent-read!'), hints.join('\n'));
    const other = sourceLines(
      'import com.example.search.QueryRequest;',
      'class Search {',
      '    void run(Engine engine) {',
      '        QueryRequest query = engine.newQuery().withConsistentRead(true);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Search.java', other), []);
  });

  it('does not count Mockito stubs or verifications as calls', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import static org.mockito.Mockito.*;',
      'class OrdersTest {',
      '    @Mock AmazonDynamoDB db;',
      '    @Mock DynamoDBMapper mapper;',
      '    void stubs() {',
      '        when(db.scan(any())).thenReturn(null);',
      '        when(mapper.batchSave(any())).thenReturn(null);',
      '        verify(db).scan(any());',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('OrdersTest.java', code), []);
  });
});

describe('Java: DynamoDBMapper and the 1.x document API', () => {
  it('treats scan and query as reading every page, scanPage as one page, and batchSave as retrying its unprocessed items but reports its failed batches dropped', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
      'class Dao {',
      '    private final DynamoDBMapper mapper;',
      '    Dao(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    Object all() { return mapper.scan(Order.class, new DynamoDBScanExpression().withConsistentRead(true)); }',
      '    Object one() { return mapper.scanPage(Order.class, new DynamoDBScanExpression()); }',
      '    void saveAll(java.util.List<Order> orders) { mapper.batchSave(orders); }',
      '    int saveChecked(java.util.List<Order> orders) { return mapper.batchSave(orders).size(); }',
      '}',
    );
    const found = hintsIn('Dao.java', code);
    assert.ok(found.includes('5:scan dynamodb-scan') && !found.includes('5:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('5:withConsistentRead dynamodb-consistent-read'));
    assert.ok(found.includes('6:scanPage dynamodb-scan!'));
    assert.ok(found.includes('7:batchSave dynamodb-batch-write-item!'), found.join('\n'));
    assert.ok(found.includes('8:batchSave dynamodb-batch-write-item') && !found.includes('8:batchSave dynamodb-batch-write-item!'));
  });

  it("reads a mapper expression's scan and query as every page where the mapper comes from a project factory", () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
      'import com.amazonaws.services.dynamodbv2.model.ScanRequest;',
      'class ProductRepository {',
      '    private final DbFactory db = new DbFactory();',
      '    Object byCategory(String category) {',
      '        DynamoDBScanExpression filter = new DynamoDBScanExpression().withFilterExpression("category = :c");',
      '        return db.mapper().scan(Product.class, filter);',
      '    }',
      '    Object byOwner(Product key) { return db.mapper().query(Product.class, new DynamoDBQueryExpression<Product>().withHashKeyValues(key)); }',
      '    Object everything() { return db.client().scan(new ScanRequest().withTableName("products")); }',
      '}',
    );
    const found = hintsIn('ProductRepository.java', code);
    assert.ok(found.includes('7:scan dynamodb-scan') && !found.includes('7:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('9:query dynamodb-query') && !found.includes('9:query dynamodb-query!'), found.join('\n'));
    // The low-level client's request on the same unknown receiver reads one page.
    assert.ok(found.includes('10:scan dynamodb-scan!'), found.join('\n'));
  });

  it('leaves a request passed to an object of another declared class alone (a wrapper that may resend unprocessed items), in Java and C#', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;',
      'class Import {',
      '    private DynamoDbClient ddb;',
      '    private RetryingWriter writer;', // 5
      '    void viaField(BatchWriteItemRequest template) {',
      '        var request = BatchWriteItemRequest.builder().requestItems(template.requestItems()).build();',
      '        writer.batchWriteItem(request);',
      '        this.writer.batchWriteItem(request);',
      '        var own = RetryingWriter.builder().client(ddb).build();', // 10
      '        own.batchWriteItem(request);',
      '        var made = new RetryingWriter(ddb);',
      '        made.batchWriteItem(request);',
      '        ddb.batchWriteItem(request);',
      '        factory.writer().batchWriteItem(request);', // 15
      '    }',
      '}',
    );
    const found = hintsIn('Import.java', code).filter((hint) => hint.includes('batchWriteItem'));
    assert.deepEqual(found, [
      '14:batchWriteItem dynamodb-batch-write-item',
      '15:batchWriteItem dynamodb-batch-write-item',
      '14:batchWriteItem dynamodb-batch-write-item!',
      '15:batchWriteItem dynamodb-batch-write-item!',
    ]);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class Import',
      '{',
      '    private readonly IAmazonDynamoDB _ddb;', // 5
      '    private readonly RetryingWriter _writer;',
      '    public async Task Run(BatchWriteItemRequest template)',
      '    {',
      '        var request = new BatchWriteItemRequest { RequestItems = template.RequestItems };',
      '        await _writer.BatchWriteItemAsync(request);', // 10
      '        await _ddb.BatchWriteItemAsync(request);',
      '    }',
      '}',
    );
    const fromCsharp = hintsIn('Import.cs', csharp).filter((hint) => hint.includes('BatchWriteItemAsync'));
    assert.deepEqual(fromCsharp, ['11:BatchWriteItemAsync dynamodb-batch-write-item', '11:BatchWriteItemAsync dynamodb-batch-write-item!']);
  });

  it("follows Table.getIndex to an index: its query pages itself, and a consistent read there is the GSI's finding", () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.document.*;',
      'import com.amazonaws.services.dynamodbv2.document.spec.QuerySpec;',
      'class Orders {',
      '    private final Table orders;',
      '    Orders(Table orders) { this.orders = orders; }',
      '    ItemCollection<QueryOutcome> byCustomer(String id) {',
      '        Index index = orders.getIndex("customer-index");',
      '        return index.query(new QuerySpec().withHashKey("customerId", id).withConsistentRead(true));',
      '    }',
      '}',
    );
    const found = hintsIn('Orders.java', code);
    assert.ok(found.includes('8:query dynamodb-query') && !found.includes('8:query dynamodb-query!'), found.join('\n'));
    assert.ok(found.includes('8:withConsistentRead dynamodb-consistent-read!'), found.join('\n'));
  });

  it('reads the 1.x RdsIamAuthTokenGenerator as the RDS token signer', () => {
    const code = sourceLines(
      'import com.amazonaws.services.rds.auth.GetIamAuthTokenRequest;',
      'import com.amazonaws.services.rds.auth.RdsIamAuthTokenGenerator;',
      'class Tokens {',
      '    String token(String host) {',
      '        RdsIamAuthTokenGenerator generator = RdsIamAuthTokenGenerator.builder().region("eu-west-1").build();',
      '        return generator.getAuthToken(GetIamAuthTokenRequest.builder().hostname(host).port(5432).userName("app").build());',
      '    }',
      '}',
    );
    assert.ok(hintsIn('Tokens.java', code).includes('6:getAuthToken rds-auth-token'));
  });

  it('follows DynamoDB.getTable to a table whose query pages itself, but not an HBase Table', () => {
    const documentApi = sourceLines(
      'import com.amazonaws.services.dynamodbv2.document.*;',
      'class Events {',
      '    void read(com.amazonaws.services.dynamodbv2.AmazonDynamoDB client) {',
      '        Table table = new DynamoDB(client).getTable("events");',
      '        for (Item item : table.query("pk", "a")) { }',
      '        table.scan();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Events.java', documentApi), ['5:query dynamodb-query', '6:scan dynamodb-scan']);
    const hbase = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import org.apache.hadoop.hbase.client.Table;',
      'class Export {',
      '    void read(Table table) { table.getScanner(null); table.scan(); table.get(null); }',
      '}',
    );
    assert.deepEqual(hintsIn('Export.java', hbase), []);
  });
});

describe('Java: Redis clients', () => {
  it("reads Spring's hash, set and list operations as their structure's commands, never DEL or KEYS", () => {
    const code = sourceLines(
      'import org.springframework.data.redis.core.HashOperations;',
      'import org.springframework.data.redis.core.RedisTemplate;',
      'class CartCache {',
      '    private final RedisTemplate<String, Object> redis;',
      '    private final HashOperations<String, String, Object> hashes;',
      '    void removeLine(String cart, String sku) {',
      '        redis.opsForHash().delete(cart, sku);',
      '        hashes.keys(cart);',
      '        redis.opsForSet().remove(cart, sku);',
      '        redis.keys("cart:*");',
      '        redis.delete(cart);',
      '    }',
      '}',
    );
    const found = hintsIn('CartCache.java', code);
    assert.ok(!found.some((hint) => /^(?:7|9):/.test(hint)), found.join('\n'));
    // `hashes.keys(cart)` is HKEYS, a whole hash's fields: that hover, never KEYS'.
    assert.deepEqual(found.filter((hint) => hint.startsWith('8:')), ['8:keys redis-collection-read']);
    assert.ok(found.includes('10:keys redis-keys!') && found.includes('11:delete redis-unlink'), found.join('\n'));
  });

  it('gives CONFIG SET and CONFIG GET of Jedis and Lettuce the hover that sends them to a parameter group', () => {
    const code = sourceLines(
      'import io.lettuce.core.api.sync.RedisCommands;',
      'import redis.clients.jedis.Jedis;',
      'class CacheTuning {',
      '    private final Jedis jedis;',
      '    private final RedisCommands<String, String> commands;',
      '    void tune() {',
      '        jedis.configSet("maxmemory-policy", "allkeys-lru");',
      '        commands.configGet("maxmemory-policy");',
      '        jedis.get("maxmemory-policy");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('CacheTuning.java', code).filter((hint) => hint.includes('redis-config')), ['7:configSet redis-config', '8:configGet redis-config']);
  });

  it("gives Spring Data Redis's setConfig and getConfig the same hover, on a connection and its serverCommands(), not a same-named method elsewhere", () => {
    const code = sourceLines(
      'import org.springframework.data.redis.connection.RedisConnectionFactory;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'class ExpiryEvents {',
      '    private final RedisConnectionFactory factory;',
      '    private final StringRedisTemplate template;',
      '    void enable() {',
      '        factory.getConnection().serverCommands().setConfig("notify-keyspace-events", "Ex");',
      '        template.getConnectionFactory().getConnection().getConfig("notify-keyspace-events");',
      '        settings.setConfig("notify-keyspace-events", "Ex");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('ExpiryEvents.java', code).filter((hint) => hint.includes('redis-config')), ['7:setConfig redis-config', '8:getConfig redis-config']);
  });

  it("gives Spring Session's indexed Redis annotations the CONFIG hover, unless the file declares ConfigureRedisAction.NO_OP", () => {
    const code = sourceLines(
      'import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;',
      '@Configuration',
      '@EnableRedisIndexedHttpSession(maxInactiveIntervalInSeconds = 3600)',
      'class SessionConfig {',
      '}',
    );
    assert.deepEqual(hintsIn('SessionConfig.java', code), ['3:EnableRedisIndexedHttpSession redis-config']);
    const legacy = code.replace(/EnableRedisIndexedHttpSession/g, 'EnableRedisHttpSession');
    assert.deepEqual(hintsIn('SessionConfig.java', legacy), ['3:EnableRedisHttpSession redis-config']);
    const noOp = legacy.replace('class SessionConfig {', 'class SessionConfig {\n    @Bean static ConfigureRedisAction configureRedisAction() { return ConfigureRedisAction.NO_OP; }');
    assert.deepEqual(hintsIn('SessionConfig.java', noOp), []);
    const elsewhere = legacy.replace('org.springframework.session.data.redis.config.annotation.web.http', 'com.example.sessions');
    assert.deepEqual(hintsIn('SessionConfig.java', elsewhere), []);
  });

  it('gives MULTI of Jedis and Lettuce the transaction hover, and not the commands queued in it', () => {
    const code = sourceLines(
      'import io.lettuce.core.api.sync.RedisCommands;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.Transaction;',
      'class Visits {',
      '    private final Jedis jedis;',
      '    private final RedisCommands<String, String> commands;',
      '    void count(String id) {',
      '        Transaction tx = jedis.multi();',
      '        tx.incr("{user:" + id + "}:visits");',
      '        tx.exec();',
      '        commands.multi();',
      '        commands.exec();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Visits.java', code).filter((hint) => hint.includes('redis-multi')), ['8:multi redis-multi', '11:multi redis-multi']);
  });

  it("reads the RedisOperations a SessionCallback gets as a Spring client: its MULTI and KEYS, and not another class's", () => {
    const code = sourceLines(
      'import org.springframework.data.redis.core.RedisOperations;',
      'import org.springframework.data.redis.core.SessionCallback;',
      'class Wallet {',
      '    List<Object> move(String from, String to) {',
      '        return redis.execute(new SessionCallback<List<Object>>() {',
      '            public List<Object> execute(RedisOperations operations) {',
      '                operations.multi();',
      '                operations.opsForValue().increment(to, 1);',
      '                return operations.exec();',
      '            }',
      '        });',
      '    }',
      '    <K, V> Object sessions(RedisOperations<K, V> ops) {',
      '        return ops.keys((K) "session:*");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Wallet.java', code), ['7:multi redis-multi', '14:keys redis-keys', '14:keys redis-keys!']);
    const unrelated = code.replace('org.springframework.data.redis.core.RedisOperations', 'com.example.store.RedisOperations');
    assert.deepEqual(hintsIn('Wallet.java', unrelated), []);
  });

  it('reads Jedis from a pool in try-with-resources: KEYS, SCAN, DEL, and a blocking command per key in a loop', () => {
    const code = sourceLines(
      'import redis.clients.jedis.*;',
      'import redis.clients.jedis.params.ScanParams;',
      'class Sessions {',
      '    private final JedisPool pool;',
      '    private final java.util.Map<String, String> local = new java.util.HashMap<>();',
      '    Sessions(JedisPool pool) { this.pool = pool; }',
      '    void run(java.util.List<String> ids) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            jedis.keys("s:*");',
      '            jedis.scan("0", new ScanParams().match("s:*"));',
      '            for (String id : ids) { jedis.del(id); local.get(id); }',
      '            Pipeline p = jedis.pipelined();',
      '            for (String id : ids) { p.get(id); }',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Sessions.java', code).sort(), [
      '10:scan redis-scan',
      '11:del redis-loop-round-trips',
      '11:del redis-loop-round-trips!',
      '11:del redis-unlink',
      '12:pipelined redis-mget',
      '9:keys redis-keys',
      '9:keys redis-keys!',
    ]);
  });

  it("reads Jedis's client-side sharding (ShardedJedis from its pool, Jedis 4's JedisSharding) as Jedis, its pipelines as batched", () => {
    const code = sourceLines(
      'import redis.clients.jedis.ShardedJedis;',
      'import redis.clients.jedis.ShardedJedisPipeline;',
      'import redis.clients.jedis.ShardedJedisPool;',
      'class Quotes {',
      '    protected ShardedJedisPool pool;',
      '    void run(java.util.List<String> ids) {',
      '        ShardedJedis jedis = null;',
      '        try {',
      '            jedis = pool.getResource();',
      '            jedis.hgetAll("q");',
      '            for (String id : ids) { jedis.del(id); }',
      '            ShardedJedisPipeline p = jedis.pipelined();',
      '            for (String id : ids) { p.get(id); }',
      '        } finally {',
      '            pool.returnResource(jedis);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Quotes.java', code).sort(), [
      '10:hgetAll redis-collection-read',
      '11:del redis-loop-round-trips',
      '11:del redis-loop-round-trips!',
      '11:del redis-unlink',
      '12:pipelined redis-mget',
    ]);
    const sharding = sourceLines(
      'import redis.clients.jedis.JedisSharding;',
      'class Quotes {',
      '    private final JedisSharding redis;',
      '    Quotes(JedisSharding redis) { this.redis = redis; }',
      '    void drop() { redis.flushAll(); }',
      '}',
    );
    assert.deepEqual(hintsIn('Quotes.java', sharding), ['5:flushAll redis-flush', '5:flushAll redis-flush!']);
    const unrelated = sourceLines('import com.example.shard.ShardedJedis;', 'class Quotes {', '    private ShardedJedis jedis;', '    void drop() { jedis.hgetAll("q"); }', '}');
    assert.deepEqual(hintsIn('Quotes.java', unrelated), []);
  });

  it('counts a blocking command in a forEach callback as one round trip per element', () => {
    const code = sourceLines(
      'import io.lettuce.core.api.sync.RedisCommands;',
      'class Sessions {',
      '    private final RedisCommands<String, String> commands;',
      '    Sessions(RedisCommands<String, String> commands) { this.commands = commands; }',
      '    void drop(java.util.List<String> ids) {',
      '        ids.forEach(id -> commands.unlink("s:" + id));',
      '    }',
      '}',
    );
    assert.ok(hintsIn('Sessions.java', code).includes('6:unlink redis-loop-round-trips!'));
    const ioredis = sourceLines("import Redis from 'ioredis';", 'const redis = new Redis();', 'export const drop = (ids: string[]) => Promise.all(ids.map((id) => redis.unlink(id)));');
    assert.ok(!hintsIn('drop.ts', ioredis).some((hint) => hint.startsWith('3:unlink redis-loop-round-trips')), 'ioredis commands in a callback start together');
  });

  it('reads the Jedis 7.2 clients that share their names with Lettuce by the package they are imported from', () => {
    const jedis = sourceLines(
      'import redis.clients.jedis.HostAndPort;',
      'import redis.clients.jedis.RedisClient;',
      'import redis.clients.jedis.RedisClusterClient;',
      'class Sessions {',
      '    private final RedisClient redis = RedisClient.builder().hostAndPort("h", 6379).build();',
      '    void purge() {',
      '        redis.keys("s:*");',
      '        RedisClusterClient cluster = RedisClusterClient.create(new HostAndPort("h", 6379));',
      '        cluster.expire("k", 60);',
      '    }',
      '}',
    );
    // The cluster client made in the method and never closed leaves its connections open per call (since audit53b).
    assert.deepEqual(hintsIn('Sessions.java', jedis), [
      '7:keys redis-keys',
      '8:RedisClusterClient redis-connection-per-call',
      '9:expire redis-expire',
      '7:keys redis-keys!',
      '8:RedisClusterClient redis-connection-per-call!',
    ]);
    const lettuce = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'class Sessions {',
      '    private final RedisClient client = RedisClient.create("redis://h");',
      '    void purge() { client.connect().sync().keys("s:*"); }',
      '}',
    );
    assert.deepEqual(hintsIn('Sessions.java', lettuce), ['4:keys redis-keys', '4:keys redis-keys!']);
    const unrelated = sourceLines('import com.example.rpc.RedisClient;', 'class Sessions {', '    private final RedisClient client = RedisClient.create();', '    void purge() { client.keys("s:*"); }', '}');
    assert.deepEqual(hintsIn('Sessions.java', unrelated), []);
  });

  it('reads Lettuce sync commands and Spring RedisTemplate, shows Java examples, and offers no KEYS rewrite for them', () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.api.sync.RedisCommands;',
      'import org.springframework.data.redis.core.RedisTemplate;',
      'class Caches {',
      '    private final RedisTemplate<String, Object> template;',
      '    Caches(RedisTemplate<String, Object> template) { this.template = template; }',
      '    void run() {',
      '        RedisCommands<String, String> commands = RedisClient.create("redis://h").connect().sync();',
      '        commands.keys("u:*");',
      '        template.keys("c:*");',
      '        template.opsForValue().set("k", "v");',
      '    }',
      '}',
    );
    const result = analyzeText(code, realHintRules(), { kind: 'java', fileName: 'Caches.java' });
    const keys = result.findings.filter((finding) => finding.ruleId === 'redis-keys');
    assert.deepEqual(keys.map((finding) => code.slice(finding.start, finding.end)), ['keys', 'keys']);
    assert.ok(keys.every((finding) => finding.fix === undefined));
    assert.deepEqual(
      result.sites.map((site) => `${site.origin} ${site.ruleIds.join(',')}`).sort(),
      // `RedisClient.create(...)` in the method, never shut down: a client per call (since audit53b).
      ['lettuce redis-keys', 'sdk redis-connection-per-call', 'spring-data-redis redis-expire', 'spring-data-redis redis-keys'],
    );
  });

  it('reads Lettuce async and reactive commands as the same Redis commands, without a round trip per key unless the code waits', () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.api.StatefulRedisConnection;',
      'import io.lettuce.core.api.async.RedisAsyncCommands;',
      'import io.lettuce.core.api.reactive.RedisReactiveCommands;',
      'import java.util.Properties;',
      'class Sessions {',
      '    private final RedisAsyncCommands<String, String> async;',
      '    private final StatefulRedisConnection<String, String> connection;',
      '    private final Properties settings = new Properties();',
      '    Sessions(StatefulRedisConnection<String, String> connection) { this.connection = connection; this.async = connection.async(); }',
      '    void purge(java.util.List<String> ids) throws Exception {',
      '        async.keys("s:*");',
      '        connection.reactive().flushall();',
      '        for (String id : ids) { async.unlink("s:" + id); }',
      '        for (String id : ids) { async.get("s:" + id).get(); }',
      '        RedisReactiveCommands<String, String> reactive = connection.reactive();',
      '        for (String id : ids) { reactive.expire("s:" + id, 60).block(); }',
      '        ids.forEach(id -> reactive.del("s:" + id).subscribe());',
      '        settings.keys();',
      '    }',
      '}',
    );
    const found = hintsIn('Sessions.java', code);
    for (const expected of [
      '12:keys redis-keys!',
      '13:flushall redis-flush!',
      '14:unlink redis-unlink',
      '15:get redis-loop-round-trips!',
      '17:expire redis-loop-round-trips!',
      '18:del redis-unlink',
    ]) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    for (const absent of ['14:unlink redis-loop-round-trips!', '18:del redis-loop-round-trips!']) {
      assert.ok(!found.includes(absent), `${absent} in\n${found.join('\n')}`);
    }
    assert.ok(!found.some((hint) => hint.startsWith('19:')), found.join('\n'));
  });

  it('leaves a same-file class with a keys method alone', () => {
    const code = sourceLines(
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'class Index { java.util.List<String> keys(String p) { return null; } }',
      'class Use { Index index; void run() { index.keys("x"); } }',
    );
    assert.deepEqual(hintsIn('Use.java', code), []);
  });
});

describe('Java: Redis client TLS', () => {
  it('flags peer verification turned off in Lettuce RedisURI builders, setters and URI strings', () => {
    const code = sourceLines(
      'import io.lettuce.core.*;',
      'class Clients {',
      '    RedisClient open(String host) {',
      '        RedisURI plain = RedisURI.builder().withHost(host).withSsl(true).withVerifyPeer(false).build();',
      '        RedisURI none = RedisURI.Builder.redis(host, 6379).withSsl(true).withVerifyPeer(SslVerifyMode.NONE).build();',
      '        RedisURI ca = RedisURI.Builder.redis(host, 6379).withSsl(true).withVerifyPeer(SslVerifyMode.CA).build();',
      '        RedisURI created = RedisURI.create("rediss://" + host);',
      '        created.setVerifyPeer(false);',
      '        RedisClient.create("rediss://cache.internal:6379?verifyPeer=NONE");',
      '        return RedisClient.create(ca);',
      '    }',
      '}',
    );
    const found = hintsIn('Clients.java', code);
    for (const expected of ['4:withSsl redis-tls', '4:withVerifyPeer redis-tls!', '5:withVerifyPeer redis-tls!', '6:withVerifyPeer redis-tls', '8:setVerifyPeer redis-tls!', '9:verifyPeer redis-tls!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.ok(!found.includes('6:withVerifyPeer redis-tls!'), 'SslVerifyMode.CA still verifies the certificate');
  });

  it('flags Spring Data Redis disablePeerVerification and Jedis SslVerifyMode.INSECURE, and shows Java examples', () => {
    const code = sourceLines(
      'import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;',
      'import redis.clients.jedis.*;',
      'class Config {',
      '    LettuceClientConfiguration lettuce() {',
      '        return LettuceClientConfiguration.builder().useSsl().disablePeerVerification().and().build();',
      '    }',
      '    JedisClientConfig jedis(String host) {',
      '        SslOptions insecure = SslOptions.builder().sslVerifyMode(SslVerifyMode.INSECURE).build();',
      '        return DefaultJedisClientConfig.builder().ssl(true).hostnameVerifier((name, session) -> true).sslOptions(insecure).build();',
      '    }',
      '}',
    );
    const result = analyzeText(code, realHintRules(), { kind: 'java', fileName: 'Config.java' });
    const tls = result.findings.filter((finding) => finding.ruleId === 'redis-tls').map((finding) => code.slice(finding.start, finding.end));
    assert.deepEqual(tls, ['disablePeerVerification', 'sslVerifyMode']);
    const origins = result.sites.filter((site) => site.ruleIds.includes('redis-tls')).map((site) => `${code.slice(site.start, site.end)} ${site.origin}`);
    assert.deepEqual(origins.sort(), ['disablePeerVerification spring-data-redis', 'ssl jedis', 'sslOptions jedis', 'sslVerifyMode jedis', 'useSsl spring-data-redis']);
    const rule = realHintRules().find((candidate) => candidate.id === 'redis-tls')!;
    assert.match(pickExample(rule, 'java', 'lettuce')?.code ?? '', /withSsl\(true\)/);
    assert.match(pickExample(rule, 'java', 'spring-data-redis')?.code ?? '', /useSsl\(\)/);
    assert.equal(pickExample(rule, 'java', 'jedis')?.fence, 'java');
  });

  it('leaves the same method names alone on classes that are not the Redis clients', () => {
    const code = sourceLines(
      'import com.example.http.RedisURI;',
      'import io.lettuce.core.api.sync.RedisCommands;',
      'class Other {',
      '    static class Endpoint { Endpoint withVerifyPeer(boolean verify) { return this; } }',
      '    void run(Endpoint endpoint, RedisURI uri, java.util.Properties settings) {',
      '        endpoint.withVerifyPeer(false);',
      '        uri.setVerifyPeer(false);',
      '        new Endpoint().withVerifyPeer(false);',
      '        settings.keys();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Other.java', code), []);
  });
});

describe('Java: Redis client passwords', () => {
  it('reads the password of URI strings, builders and Spring server configurations, and warns on AUTH without TLS only for a client the URI describes whole', () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import io.lettuce.core.RedisURI;',
      'import redis.clients.jedis.DefaultJedisClientConfig;',
      'import redis.clients.jedis.JedisPooled;',
      'import org.springframework.data.redis.connection.RedisStandaloneConfiguration;',
      'class Connections {',
      '    RedisClient plain() { return RedisClient.create("redis://:s3cret@cache.internal:6379"); }',
      '    RedisClient tls() { return RedisClient.create("rediss://:s3cret@cache.internal:6379"); }',
      '    RedisClient local() { return RedisClient.create("redis://:dev@localhost:6379"); }',
      '    RedisURI later() { RedisURI uri = RedisURI.create("redis://:s3cret@cache.internal:6379"); uri.setSsl(true); return uri; }',
      '    RedisURI built(String pw) { return RedisURI.builder().withHost("h").withPassword(pw).build(); }',
      '    JedisPooled pooled() { return new JedisPooled("redis://app:hunter2@cache.internal:6379"); }',
      '    Object config(String pw) { return DefaultJedisClientConfig.builder().password(pw).build(); }',
      '    Object spring() { RedisStandaloneConfiguration c = new RedisStandaloneConfiguration("h", 6379); c.setPassword("literal-pw"); return c; }',
      '}',
    );
    const hints = hintsIn('Connections.java', code).filter((hint) => hint.includes('redis-password') || hint.includes('redis-auth-without-tls'));
    const findings = hints.filter((hint) => hint.endsWith('!')).sort();
    assert.deepEqual(findings, [
      '12:hunter2 redis-auth-without-tls!',
      '12:hunter2 redis-password!',
      '14:"literal-pw" redis-password!',
      '7:s3cret redis-auth-without-tls!',
      '7:s3cret redis-password!',
      '8:s3cret redis-password!',
      '9:dev redis-password!',
      '10:s3cret redis-password!',
    ].sort());
    assert.ok(hints.some((hint) => hint.startsWith('11:') && hint.includes('redis-password') && !hint.endsWith('!')), 'a password from a parameter gets the hover only');
    assert.ok(hints.some((hint) => hint.startsWith('13:') && hint.includes('redis-password') && !hint.endsWith('!')));
  });

  it('reads the password and ssl arguments of Jedis constructors where the argument types tell the constructor', () => {
    const code = sourceLines(
      'import java.util.Set;',
      'import redis.clients.jedis.*;',
      'class Pools {',
      '    private String host;',
      '    private int port;',
      '    private String password;',
      '    JedisPool plain() { JedisPoolConfig config = new JedisPoolConfig(); return new JedisPool(config, host, port, 2000, password); }',
      '    JedisPool secure() { return new JedisPool(new JedisPoolConfig(), this.host, port, 2000, password, true); }',
      '    JedisPooled literal() { return new JedisPooled("cache.internal", 6379, null, "hunter2"); }',
      '    JedisCluster cluster(Set<HostAndPort> nodes) { return new JedisCluster(nodes, 2000, 2000, 5, password, new JedisPoolConfig()); }',
      '    JedisSentinelPool sentinel(Set<String> sentinels) { return new JedisSentinelPool("primary", sentinels, new JedisPoolConfig(), 2000, password); }',
      '    JedisPool local() { return new JedisPool(new JedisPoolConfig(), "localhost", 6379, 2000, "dev"); }',
      '}',
    );
    const findings = hintsIn('Pools.java', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings.sort(), [
      '7:password redis-auth-without-tls!',
      '9:"hunter2" redis-auth-without-tls!',
      '9:"hunter2" redis-password!',
      '10:password redis-auth-without-tls!',
      '11:password redis-auth-without-tls!',
      '12:"dev" redis-password!',
    ].sort());
    assert.ok(hintsIn('Pools.java', code).some((hint) => hint.startsWith('8:true redis-tls')), 'the ssl argument gets the TLS hover');
  });

  it('leaves Jedis constructor arguments alone where the overloads disagree on the password, and hovers TLS on a pool made from a host and port alone (after its pool settings too)', () => {
    const code = sourceLines(
      'import redis.clients.jedis.JedisPool;',
      'class Pools {',
      '    JedisPool unknown(Settings s) { return new JedisPool(s.poolConfig(), s.host(), s.port(), s.timeout(), s.secret()); }',
      '    JedisPool noPassword(String host, int port) { return new JedisPool(host, port); }',
      '    JedisPool byTimeout(String host, int port, int timeout) { return new JedisPool(new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>(), host, port, timeout); }',
      '}',
    );
    assert.deepEqual(hintsIn('Pools.java', code), ['4:JedisPool redis-tls', '5:JedisPool redis-tls']);
  });

  it("reads Lettuce's password-only user information (`redis://secret@host`), which other clients take as a user name", () => {
    const code = sourceLines(
      'import io.lettuce.core.RedisClient;',
      'import redis.clients.jedis.JedisPooled;',
      'class Limits {',
      '    RedisClient lettuce() { return RedisClient.create("redis://s3cret@cache.internal:6379"); }',
      '    RedisClient plain() { return RedisClient.create("redis://cache.internal:6379"); }',
      '    JedisPooled jedis() { return new JedisPooled("redis://reporting@cache.internal:6379"); }',
      '}',
    );
    const findings = hintsIn('Limits.java', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings.sort(), ['4:s3cret redis-auth-without-tls!', '4:s3cret redis-password!']);
  });

  it('leaves URI strings alone on classes that are not the Redis clients', () => {
    const code = sourceLines('import com.example.rpc.RedisClient;', 'class Other {', '    Object a() { return RedisClient.create("redis://:s3cret@cache.internal:6379"); }', '}');
    assert.deepEqual(hintsIn('Other.java', code), []);
  });
});
