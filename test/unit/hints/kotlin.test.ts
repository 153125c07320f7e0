/**
 * Kotlin: the AWS SDK for Java 2.x and the Redis clients called from Kotlin, with Kotlin's scopes (functions,
 * nested functions, lambdas and their `it`, class bodies and primary constructors) deciding what a name holds.
 */
import * as assert from 'node:assert/strict';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfRules, hoverAt, sourceLines } from './support';

const IMPORTS = [
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
  'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
];
const scans = (code: string): string[] => hintsOfRules('Orders.kt', code, ['dynamodb-scan']).filter((hint) => hint.endsWith('!'));

describe('Kotlin', () => {
  it('reads a loop body of one statement without braces as run per element, to the end of its line or its chain', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
      'import software.amazon.awssdk.services.dynamodb.model.PutItemRequest',
      '',
      'class Loader(private val ddb: DynamoDbClient) {',
      '    fun last(items: List<Item>) {',
      '        for (item in items) ddb.putItem(PutItemRequest.builder().tableName("orders").item(item.map).build())', // 6
      '    }',
      '',
      '    fun chained(items: List<Item>) {',
      '        for (item in items) ddb',
      '            .putItem { it.tableName("orders").item(item.map) }', // 11
      '        println("done")',
      '    }',
      '',
      '    fun after(items: List<Item>, first: Item) {',
      '        for (item in items) println(item)',
      '        ddb.putItem { it.tableName("orders").item(first.map) }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Loader.kt', code, ['dynamodb-item-loop']).filter((hint) => hint.endsWith('!')), ['11:putItem dynamodb-item-loop!', '6:putItem dynamodb-item-loop!']);
  });

  it("reads a collection's map over a method reference as per element, as Java reads a stream's", () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
      'import software.amazon.awssdk.services.dynamodb.model.PutItemRequest',
      '',
      'class Loader(private val ddb: DynamoDbClient) {',
      '    fun load(requests: List<PutItemRequest>) = requests.map(ddb::putItem)', // 5
      '}',
    );
    assert.deepEqual(hintsOfRules('Loader.kt', code, ['dynamodb-item-loop']).filter((hint) => hint.endsWith('!')), ['5:putItem dynamodb-item-loop!']);
  });

  it('reads .kt and .kts files and the kotlin language id as Kotlin', () => {
    assert.equal(documentKind(undefined, 'src/main/kotlin/Orders.kt'), 'kotlin');
    assert.equal(documentKind(undefined, 'build.gradle.kts'), 'kotlin');
    assert.equal(documentKind('kotlin', 'Untitled-1'), 'kotlin');
  });

  it('reads a client held by a primary constructor property in every method, and a request held by a local', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class OrderRepository(private val client: DynamoDbClient) {',
      '    fun all(): List<Order> {',
      '        val request = ScanRequest.builder().tableName("orders").build()',
      '        return client.scan(request).items().map { Order(it) }',
      '    }',
      '}',
    );
    assert.deepEqual(scans(code), ['6:scan dynamodb-scan!']);
  });

  it('reads a client made by a builder in the first statement of a function, and an expression-bodied function that returns one', () => {
    const code = sourceLines(
      ...IMPORTS,
      'fun client() = DynamoDbClient.builder().build()',
      'fun first() {',
      '    val ddb = DynamoDbClient.create()',
      '    ddb.scan(ScanRequest.builder().tableName("a").build())',
      '}',
      'fun second() {',
      '    client().scan(ScanRequest.builder().tableName("b").build())',
      '}',
    );
    assert.deepEqual(scans(code), ['6:scan dynamodb-scan!', '9:scan dynamodb-scan!']);
  });

  it('lets a parameter of another type shadow a client of an outer scope, in a function and in a lambda', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class Search(private val client: DynamoDbClient) {',
      '    fun byName(client: SearchClient) = client.scan("name")',
      '    fun each(names: List<String>) {',
      '        names.forEach { client -> client.scan(it) }',
      '    }',
      '    fun own() {',
      '        client.scan(ScanRequest.builder().tableName("t").build())',
      '    }',
      '}',
    );
    assert.deepEqual(scans(code), ['9:scan dynamodb-scan!']);
  });

  it('keeps a local of a nested function to that function', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis',
      'fun outer() {',
      '    fun inner() {',
      '        val cache = Jedis("cache.internal", 6379)',
      '        cache.keys("a:*")',
      '    }',
      '    cache.keys("b:*")',
      '}',
    );
    assert.deepEqual(hintsOfRules('Cache.kt', code, ['redis-keys']).filter((hint) => hint.endsWith('!')), ['5:keys redis-keys!']);
  });

  it('reads a client passed to a scope function as its lambda parameter, named or `it`', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis',
      'fun purge() {',
      '    Jedis("cache.internal", 6379).use { jedis -> jedis.keys("a:*") }',
      '    Jedis("cache.internal", 6379).use { it.keys("b:*") }',
      '    listOf("c").forEach { it.keys("c:*") }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Cache.kt', code, ['redis-keys']).filter((hint) => hint.endsWith('!')), ['3:keys redis-keys!', '4:keys redis-keys!']);
  });

  it('reads a class property and a lazy one, and a data class without a body does not swallow the function after it', () => {
    const code = sourceLines(
      ...IMPORTS,
      'data class Key(val id: String)',
      'fun plain(client: Other) = client.scan("x")',
      'object Clients {',
      '    val ddb: DynamoDbClient by lazy { DynamoDbClient.create() }',
      '}',
      'class Reports {',
      '    private val ddb = DynamoDbClient.builder().build()',
      '    fun run() = ddb.scan(ScanRequest.builder().tableName("r").build())',
      '}',
      'fun viaObject() = Clients.ddb.scan(ScanRequest.builder().tableName("o").build())',
    );
    assert.deepEqual(scans(code), ['10:scan dynamodb-scan!', '12:scan dynamodb-scan!']);
  });

  it('reads Jedis built without new, and says nothing of a scan in a string template or a comment', () => {
    const code = sourceLines(
      'import redis.clients.jedis.Jedis',
      'fun purge() {',
      '    val jedis = Jedis("cache.internal", 6379)',
      '    // jedis.keys("*") once listed every key',
      '    println("${jedis.hashCode()} keys(*)")',
      '    jedis.keys("session:*")',
      '}',
    );
    assert.deepEqual(hintsOfRules('Cache.kt', code, ['redis-keys']).filter((hint) => hint.endsWith('!')), ['6:keys redis-keys!']);
  });

  it('reads a Java getter written as a Kotlin property: a Jedis pool\'s resource', () => {
    const code = sourceLines(
      'import redis.clients.jedis.JedisPool',
      'class Sessions(private val pool: JedisPool) {',
      '    fun purge() = pool.resource.use { jedis -> jedis.keys("session:*") }',
      '    fun other(settings: Settings) = settings.resource.keys("x")',
      '}',
    );
    assert.deepEqual(hintsOfRules('Sessions.kt', code, ['redis-keys']).filter((hint) => hint.endsWith('!')), ['3:keys redis-keys!']);
  });

  it('shows the Java example under a line that says so, since the rules have no Kotlin examples', () => {
    const code = sourceLines(...IMPORTS, 'class Orders(private val ddb: DynamoDbClient) {', '    fun all() = ddb.scan(ScanRequest.builder().tableName("o").build())', '}');
    const markdown = hoverAt('Orders.kt', code, 'scan(');
    assert.match(markdown, /\*Example in Java: Kotlin calls the same operations and client methods\*\n\n```java\n/);
  });

  it('reads a call that takes the request builder\'s consumer as a lambda alone, and an option set the same way', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class Setup(private val ddb: DynamoDbClient) {',
      '    fun create(name: String) = ddb.createTable {',
      '        it.tableName(name)',
      '        it.provisionedThroughput { p -> p.readCapacityUnits(5).writeCapacityUnits(5) }',
      '    }',
      '    fun all() = ddb.scan { it.tableName("orders") }.items()',
      '    fun pages() = ddb.scanPaginator { it.tableName("orders") }.items()',
      '    fun lengths(names: List<String>) = names.map { it.length }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Setup.kt', code, ['dynamodb-scan', 'dynamodb-billing-mode']), [
      '6:provisionedThroughput dynamodb-billing-mode',
      '8:scan dynamodb-scan',
      '8:scan dynamodb-scan!',
      '9:scanPaginator dynamodb-scan',
    ]);
  });

  it('reads a Redisson setting written as a Kotlin property as its setter', () => {
    const code = sourceLines(
      'import org.redisson.config.Config',
      'fun config(secret: String): Config {',
      '    val config = Config()',
      '    val server = config.useSingleServer()',
      '    server.address = "redis://cache.internal:6379"',
      '    server.password = secret',
      '    val other = Settings()',
      '    other.password = secret',
      '    return config',
      '}',
    );
    assert.deepEqual(hintsOfRules('RedisConfig.kt', code, ['redis-password']), ['6:password redis-password']);
  });

  it('leaves a typed request passed to a project class alone, and reads it on an unseen receiver as Java does', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class Exporter(private val retries: RetryingScanner, private val other: Any) {',
      '    private val made = RetryingScanner(3)',
      '    fun viaField() = retries.scan(ScanRequest.builder().tableName("a").build())',
      '    fun viaMade() = made.scan(ScanRequest.builder().tableName("b").build())',
      '    fun unseen(client: Any) = unknown.scan(ScanRequest.builder().tableName("c").build())',
      '}',
    );
    assert.deepEqual(scans(code), ['7:scan dynamodb-scan!']);
  });

  it('reads a HikariCP pool made without new, with its settings as properties on a name or in an apply block', () => {
    const code = sourceLines(
      'import com.zaxxer.hikari.HikariConfig',
      'import com.zaxxer.hikari.HikariDataSource',
      'object Database {',
      '    fun applied(props: Props) = HikariDataSource().apply {',
      '        jdbcUrl = props.url',
      '        password = props.password',
      '    }',
      '    fun literal() = HikariDataSource(HikariConfig().apply { password = "hunter2" })',
      '    fun held(): HikariDataSource {',
      '        val config = HikariConfig()',
      '        config.password = System.getenv("DB_PASSWORD")',
      '        return HikariDataSource(config)',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Database.kt', code, ['rds-sql-connection', 'rds-sql-password']), [
      '11:System.getenv("DB_PASSWORD") rds-sql-password',
      '12:HikariDataSource rds-sql-connection',
      '4:HikariDataSource rds-sql-connection',
      '6:props.password rds-sql-password',
      '8:"hunter2" rds-sql-password',
      '8:"hunter2" rds-sql-password!',
      '8:HikariDataSource rds-sql-connection',
    ]);
  });

  it('reads the constructor properties of a class with type parameters', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class ClientTable<T : Any>(private val client: DynamoDbClient, private val definition: Definition<T>) : Table<T> {',
      '    override fun all() = client.scan { it.tableName(definition.name) }.items()',
      '}',
    );
    assert.deepEqual(scans(code), ['4:scan dynamodb-scan!']);
  });

  it('reads the options of a transaction part built by a lambda alone', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
      'import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem',
      'fun part(item: Map<String, Any>) = TransactWriteItem.builder()',
      '    .put { it.tableName("devices").conditionExpression("attribute_not_exists(pk)").item(item) }',
      '    .build()',
    );
    assert.deepEqual(hintsOfRules('Devices.kt', code, ['dynamodb-condition-expression']), ['4:conditionExpression dynamodb-condition-expression']);
  });

  it('reads the setters an extension function of a request builder calls on its implicit receiver', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
      'fun ScanRequest.Builder.restrictTo(tenant: String, filter: String?): ScanRequest.Builder {',
      '    filter?.let { filterExpression(it) }',
      '    this.consistentRead(true)',
      '    return expressionAttributeValues(mapOf(":t" to tenant))',
      '}',
      'fun String.restrictTo(filter: String) = filterExpression(filter)',
    );
    assert.deepEqual(hintsOfRules('Scans.kt', code, ['dynamodb-filter-expression', 'dynamodb-consistent-read']), [
      '3:filterExpression dynamodb-filter-expression',
      '3:filterExpression dynamodb-filter-expression!',
      '4:consistentRead dynamodb-consistent-read',
    ]);
  });

  it('keeps a parameter declared as a request or its builder as that request, for its setters and its toBuilder copies', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.model.QueryRequest',
      'import software.amazon.awssdk.services.dynamodb.model.QueryResponse',
      'fun firstPage(builder: QueryRequest.Builder, size: Int) = builder.limit(size)',
      'fun next(request: QueryRequest, response: QueryResponse) = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build()',
      'fun other(builder: StringBuilder, size: Int) = builder.limit(size)',
      'fun pages(request: QueryRequest): Sequence<Map<String, String>> = sequence { yield(request.toBuilder().exclusiveStartKey(null).build()) }',
    );
    assert.deepEqual(hintsOfRules('Pages.kt', code, ['dynamodb-limit', 'dynamodb-pagination-keys']), [
      '3:limit dynamodb-limit',
      '4:exclusiveStartKey dynamodb-pagination-keys',
      '6:exclusiveStartKey dynamodb-pagination-keys',
    ]);
  });

  it('reads a string template as no literal: a password written "$secret" is not one in source control', () => {
    const code = sourceLines(
      'import com.zaxxer.hikari.HikariConfig',
      'import com.zaxxer.hikari.HikariDataSource',
      'fun templated(secret: String) = HikariDataSource(HikariConfig().apply { password = "$secret" })',
      'fun braced(props: Props) = HikariDataSource(HikariConfig().apply { password = "${props.password}" })',
      'fun literal() = HikariDataSource(HikariConfig().apply { password = "hunter2" })',
    );
    assert.deepEqual(hintsOfRules('Pools.kt', code, ['rds-sql-password']).filter((hint) => hint.endsWith('!')), ['5:"hunter2" rds-sql-password!']);
  });

  it('reads a 1.x mapper expression constructed with its type argument, as Java reads `new X<T>()`', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression',
      'class Page<T>(val items: List<T>)',
      'class OrderDao(private val mapper: DynamoDBMapper) {',
      '    fun byStatus(status: String): List<Order> {',
      '        val expression = DynamoDBQueryExpression<Order>()',
      '            .withIndexName("status-index")',
      '            .withKeyConditionExpression("status = :s")',
      '        return mapper.query(Order::class.java, expression)',
      '    }',
      '    fun small(count: Int) = Page<Order>(listOf()).items.size < limit(count)',
      '}',
    );
    const hints = hintsOfRules('OrderDao.kt', code, ['dynamodb-query', 'dynamodb-key-condition-expression', 'dynamodb-index-name', 'dynamodb-consistent-read']);
    assert.deepEqual(hints, [
      '6:DynamoDBQueryExpression dynamodb-query',
      // Read strongly consistently unless told otherwise, on an index: said where the index is named.
      '7:withIndexName dynamodb-consistent-read!',
      '7:withIndexName dynamodb-index-name',
      '8:withKeyConditionExpression dynamodb-key-condition-expression',
      '9:query dynamodb-query',
    ]);
  });
});
