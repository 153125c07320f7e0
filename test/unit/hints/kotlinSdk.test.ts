/**
 * The AWS SDK for Kotlin: clients of `aws.sdk.kotlin.services.*` (typed, made by the configuration lambda or
 * `fromEnvironment`), their calls with a request built by the DSL (`ScanRequest { tableName = t }`, `ddb.query { ... }`),
 * the options of the DSL's assignments, its paginators, loops that send one item request per element, and literal keys.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const IMPORTS = [
  'import aws.sdk.kotlin.services.dynamodb.DynamoDbClient',
  'import aws.sdk.kotlin.services.dynamodb.model.AttributeValue',
  'import aws.sdk.kotlin.services.dynamodb.model.ScanRequest',
  'import aws.sdk.kotlin.services.dynamodb.model.PutItemRequest',
];
const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('AWS SDK for Kotlin', () => {
  it('reads a typed client, a request built by the DSL and held by a local, and the options of its assignments', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class OrderRepository(private val ddb: DynamoDbClient) {',
      '    suspend fun open(): List<Map<String, AttributeValue>> {',
      '        val request = ScanRequest {',
      '            tableName = "orders"',
      '            filterExpression = "active = :a"',
      '        }',
      '        return ddb.scan(request).items.orEmpty()',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Orders.kt', code, ['dynamodb-scan', 'dynamodb-filter-expression']), [
      '11:scan dynamodb-scan',
      '11:scan dynamodb-scan!',
      '7:ScanRequest dynamodb-scan',
      '9:filterExpression dynamodb-filter-expression',
      '9:filterExpression dynamodb-filter-expression!',
    ]);
  });

  it('reads a call whose request is its trailing DSL lambda, with options in an if branch', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class Orders(private val ddb: DynamoDbClient) {',
      '    suspend fun byCustomer(id: String, strong: Boolean) = ddb.query {',
      '        tableName = "orders"',
      '        indexName = "by-customer"',
      '        keyConditionExpression = "customerId = :c"',
      '        if (strong) {',
      '            consistentRead = true',
      '        }',
      '    }.items',
      '}',
    );
    assert.deepEqual(hintsOfRules('Orders.kt', code, ['dynamodb-query', 'dynamodb-index-name', 'dynamodb-consistent-read', 'dynamodb-key-condition-expression']), [
      '11:consistentRead dynamodb-consistent-read',
      '11:consistentRead dynamodb-consistent-read!',
      '6:query dynamodb-query',
      '6:query dynamodb-query!',
      '8:indexName dynamodb-index-name',
      '9:keyConditionExpression dynamodb-key-condition-expression',
    ]);
  });

  it('reads clients made by the configuration lambda, by fromEnvironment, and passed to use { client -> }', () => {
    const code = sourceLines(
      ...IMPORTS,
      'suspend fun main() {',
      '    DynamoDbClient { region = "us-east-1" }.use { client ->',
      '        client.scan(ScanRequest { tableName = "a" })',
      '    }',
      '    val env = DynamoDbClient.fromEnvironment()',
      '    env.scan { tableName = "b" }',
      '    val configured = DynamoDbClient.fromEnvironment { region = "eu-west-1" }',
      '    configured.scan { tableName = "c" }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('Main.kt', code, ['dynamodb-scan'])), ['10:scan dynamodb-scan!', '12:scan dynamodb-scan!', '7:scan dynamodb-scan!']);
  });

  it('reads the paginated calls as reading every page, and a loop that continues from lastEvaluatedKey as a page loop', () => {
    const code = sourceLines(
      ...IMPORTS,
      'import aws.sdk.kotlin.services.dynamodb.paginators.scanPaginated',
      'class Pages(private val ddb: DynamoDbClient) {',
      '    suspend fun all() = ddb.scanPaginated(ScanRequest { tableName = "orders" })',
      '    suspend fun count(): Int {',
      '        var start: Map<String, AttributeValue>? = null',
      '        var total = 0',
      '        do {',
      '            val page = ddb.scan {',
      '                tableName = "orders"',
      '                exclusiveStartKey = start',
      '            }',
      '            total += page.count',
      '            start = page.lastEvaluatedKey',
      '        } while (start != null)',
      '        return total',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Pages.kt', code, ['dynamodb-scan', 'dynamodb-pagination-keys']), [
      '12:scan dynamodb-scan',
      '14:exclusiveStartKey dynamodb-pagination-keys',
      '7:ScanRequest dynamodb-scan',
      '7:scanPaginated dynamodb-scan',
    ]);
  });

  it('reads a put per element of a for loop or a forEach lambda, and not a conditional put a batch cannot send', () => {
    const code = sourceLines(
      ...IMPORTS,
      'class Writer(private val ddb: DynamoDbClient) {',
      '    suspend fun save(items: List<Map<String, AttributeValue>>) {',
      '        for (item in items) {',
      '            ddb.putItem(PutItemRequest { tableName = "orders"; this.item = item })',
      '        }',
      '        items.forEach { entry ->',
      '            ddb.putItem { tableName = "orders"; item = entry }',
      '        }',
      '        for (entry in items) {',
      '            ddb.putItem { tableName = "orders"; item = entry; conditionExpression = "attribute_not_exists(pk)" }',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('Writer.kt', code, ['dynamodb-item-loop'])), ['11:putItem dynamodb-item-loop!', '8:putItem dynamodb-item-loop!']);
  });

  it('reads calls on this in an extension function of the client, generic too, but not a call without this', () => {
    const code = sourceLines(
      ...IMPORTS,
      'suspend fun DynamoDbClient.bump(table: String) = this.updateItem {',
      '    tableName = table',
      '    updateExpression = "ADD n :one"',
      '}',
      'suspend fun <T : Item> DynamoDbClient.save(item: T) {',
      '    this.putItem { tableName = item.table }',
      '}',
      'suspend fun DynamoDbClient.query(exp: Expression) = query(exp.toRequest())',
      'suspend fun String.scan() = this.scan { tableName = "orders" }',
    );
    assert.deepEqual(hintsOfRules('Ext.kt', code, ['dynamodb-update-item', 'dynamodb-update-expression', 'dynamodb-put-item', 'dynamodb-query', 'dynamodb-scan']), [
      '10:putItem dynamodb-put-item',
      '5:updateItem dynamodb-update-item',
      '7:updateExpression dynamodb-update-expression',
    ]);
  });

  it('reads the RDS and ElastiCache clients and their requests the same way', () => {
    const code = sourceLines(
      'import aws.sdk.kotlin.services.rds.RdsClient',
      'import aws.sdk.kotlin.services.rds.model.CreateDbInstanceRequest',
      'suspend fun create(rds: RdsClient) {',
      '    rds.createDbInstance(CreateDbInstanceRequest {',
      '        dbInstanceIdentifier = "orders"',
      '        publiclyAccessible = true',
      '    })',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('Db.kt', code, ['rds-publicly-accessible'])), ['6:publiclyAccessible rds-publicly-accessible!']);
  });

  it('reads a literal access key of StaticCredentialsProvider { } and Credentials(...), not one read from the environment', () => {
    const code = sourceLines(
      'import aws.sdk.kotlin.services.dynamodb.DynamoDbClient',
      'import aws.smithy.kotlin.runtime.auth.awscredentials.Credentials',
      'import aws.smithy.kotlin.runtime.auth.awscredentials.StaticCredentialsProvider',
      'fun client() = DynamoDbClient {',
      '    credentialsProvider = StaticCredentialsProvider {',
      '        accessKeyId = "AKIA2QWPLZ1XMRT8KDVC"',
      '        secretAccessKey = System.getenv("AWS_SECRET")',
      '    }',
      '}',
      'fun named() = Credentials(accessKeyId = "AKIA2QWPLZ1XMRT8KDVD", secretAccessKey = secret())',
      'fun fromEnv() = StaticCredentialsProvider { accessKeyId = System.getenv("AWS_ID") }',
    );
    assert.deepEqual(findings(hintsOfRules('Client.kt', code, ['aws-literal-access-key'])), [
      '10:"AKIA2QWPLZ1XMRT8KDVD" aws-literal-access-key!',
      '6:"AKIA2QWPLZ1XMRT8KDVC" aws-literal-access-key!',
    ]);
  });

  it('leaves the Java SDK, a project class and a scope function lambda in a Kotlin SDK file to their own reading', () => {
    const javaSdk = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
      'class Legacy(private val ddb: DynamoDbClient) {',
      '    fun dsl() = ddb.scan { filterExpression = "active = :a" }',
      '}',
    );
    assert.deepEqual(hintsOfRules('Legacy.kt', javaSdk, ['dynamodb-scan', 'dynamodb-filter-expression']), ['3:scan dynamodb-scan', '3:scan dynamodb-scan!']);
    const project = sourceLines(
      ...IMPORTS,
      'import com.zaxxer.hikari.HikariConfig',
      'import com.zaxxer.hikari.HikariDataSource',
      'class Search { fun scan(block: Search.() -> Unit) = this; var tableName = "" }',
      'fun find(search: Search) = search.scan { tableName = "orders" }',
      'fun pool(url: String) = HikariDataSource(HikariConfig().apply { jdbcUrl = url; password = secret() })',
    );
    assert.deepEqual(hintsOfRules('Search.kt', project, ['dynamodb-scan', 'rds-sql-password']), ['9:secret() rds-sql-password']);
  });
});
