/**
 * Audit 58f, Kotlin services whose clients live in holders of other files: an `object`'s properties (plain or
 * `by lazy`), a class's `companion object`, and top-level properties of another file, read by a bare name in the
 * package or after an import (`workspace/kotlinHolders.ts`, `code/languages/kotlinTopLevelNames.ts`), also when a
 * holder's value starts from another file's holder.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

/** The hovers and findings of `file`, read beside the other files (workspace mode), as `line:rule`. */
function outputsIn(files: Record<string, string>, file: string): { hovers: string[]; findings: string[] } {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  const at = (start: number): number => result.lines.lineOf(start) + 1;
  return {
    hovers: result.sites.flatMap((site) => site.ruleIds.map((ruleId) => `${at(site.start)}:${ruleId}`)),
    findings: result.findings.map((finding) => `${at(finding.start)}:${finding.ruleId}`),
  };
}

const CLIENTS = sourceLines(
  'package shop.data',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
  'val ddb by lazy { DynamoDbClient.create() }',
  'val enhanced: DynamoDbEnhancedClient by lazy { DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build() }',
  'private val hidden = DynamoDbClient.create()',
);

const TABLES = sourceLines(
  'package shop.data',
  'import software.amazon.awssdk.enhanced.dynamodb.TableSchema',
  'object Tables {',
  '    val orders by lazy { enhanced.table("orders", TableSchema.fromBean(Order::class.java)) }',
  '    private val audit by lazy { enhanced.table("audit", TableSchema.fromBean(Order::class.java)) }',
  '}',
);

const CACHE = sourceLines(
  'package shop.cache',
  'import redis.clients.jedis.JedisPooled',
  'class CartCache {',
  '    companion object {',
  '        val redis = JedisPooled(System.getenv("REDIS_HOST"), 6379)',
  '    }',
  '}',
  'object Sessions : AutoCloseable {',
  '    val redis: JedisPooled by lazy { JedisPooled(System.getenv("SESSION_HOST"), 6379) }',
  '    override fun close() = redis.close()',
  '}',
);

describe('audit58f: Kotlin clients held by objects, companion objects and top-level properties of other files', () => {
  it('reads an object property, a companion object property and an imported top-level property as their clients', () => {
    const service = sourceLines(
      'package shop.app',
      'import shop.cache.CartCache',
      'import shop.cache.Sessions',
      'import shop.data.Tables',
      'import shop.data.ddb',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
      'class Checkout {',
      '    fun save(order: Order) = Tables.orders.putItem(order)',
      '    fun clear(ids: List<String>) = ids.forEach { CartCache.redis.del("cart:$it") }',
      '    fun sessions(): Set<String> = Sessions.redis.keys("session:*")',
      '    fun count(): Int = ddb.scan(ScanRequest.builder().tableName("orders").build()).count()',
      '}',
    );
    const files = { 'src/main/kotlin/shop/data/Clients.kt': CLIENTS, 'src/main/kotlin/shop/data/Tables.kt': TABLES, 'src/main/kotlin/shop/cache/CartCache.kt': CACHE, 'src/main/kotlin/shop/app/Checkout.kt': service };
    const { hovers, findings } = outputsIn(files, 'src/main/kotlin/shop/app/Checkout.kt');
    assert.ok(hovers.includes('8:dynamodb-put-item'), hovers.join(', '));
    assert.ok(hovers.includes('9:redis-unlink'), hovers.join(', '));
    assert.ok(findings.includes('9:redis-loop-round-trips'), findings.join(', '));
    assert.ok(findings.includes('10:redis-keys'), findings.join(', '));
    assert.ok(findings.includes('11:dynamodb-scan'), findings.join(', '));
  });

  it('reads a top-level property of the same package by its bare name, with no import', () => {
    const job = sourceLines(
      'package shop.data',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
      'fun sweep(): Int = ddb.scan(ScanRequest.builder().tableName("orders").build()).count()',
      'fun sweepEnhanced() = enhanced.batchWriteItem { it.addWriteBatch(batch) }',
    );
    const { hovers } = outputsIn({ 'src/main/kotlin/shop/data/Clients.kt': CLIENTS, 'src/main/kotlin/shop/data/Sweep.kt': job }, 'src/main/kotlin/shop/data/Sweep.kt');
    assert.ok(hovers.includes('3:dynamodb-scan'), hovers.join(', '));
    assert.ok(hovers.includes('4:dynamodb-batch-write-item'), hovers.join(', '));
  });

  it('lends nothing private, nothing of a package not imported, and no map an object keeps', () => {
    const reader = sourceLines(
      'package shop.report',
      'import shop.data.Tables',
      'object Totals {',
      '    val orders = mutableMapOf<String, Int>()',
      '}',
      'fun total(name: String): Int? = Totals.orders.get(name)',
      'fun hiddenScan() = hidden.scan { it.tableName("orders") }',
      'fun localScan(ddb: Scanner) = ddb.scan { it.tableName("orders") }',
    );
    const files = { 'src/main/kotlin/shop/data/Clients.kt': CLIENTS, 'src/main/kotlin/shop/data/Tables.kt': TABLES, 'src/main/kotlin/shop/report/Totals.kt': reader };
    const { hovers, findings } = outputsIn(files, 'src/main/kotlin/shop/report/Totals.kt');
    assert.deepEqual(hovers, []);
    assert.deepEqual(findings, []);
  });

  it('leaves an object that two files of one package declare unread', () => {
    const twin = sourceLines('package shop.data', 'import software.amazon.awssdk.enhanced.dynamodb.TableSchema', 'object Tables {', '    val orders by lazy { enhanced.table("orders-v2", TableSchema.fromBean(Order::class.java)) }', '}');
    const service = sourceLines('package shop.app', 'import shop.data.Tables', 'fun save(order: Order) = Tables.orders.putItem(order)');
    const files = { 'src/main/kotlin/shop/data/Clients.kt': CLIENTS, 'src/main/kotlin/shop/data/Tables.kt': TABLES, 'src/main/kotlin/shop/data/TablesV2.kt': twin, 'src/main/kotlin/shop/app/Save.kt': service };
    assert.deepEqual(outputsIn(files, 'src/main/kotlin/shop/app/Save.kt').hovers, []);
  });

  it('reports a command per element of a loop, and not one whose arguments are the same in every iteration', () => {
    const poller = sourceLines(
      'package shop.app',
      'import shop.cache.Sessions',
      'fun pings(uid: String, frames: Iterable<String>, ids: List<String>) {',
      '    for (frame in frames) {',
      '        Sessions.redis.get("matched:$uid")',
      '        Sessions.redis.get("matched:${frame}")',
      '    }',
      '    for (id in ids) {',
      '        Sessions.redis.del("cart:$id")',
      '    }',
      '    var cursor = "0"',
      '    while (cursor != "done") {',
      '        cursor = Sessions.redis.get("cursor:$cursor") ?: "done"',
      '    }',
      '}',
    );
    const { findings } = outputsIn({ 'src/main/kotlin/shop/cache/CartCache.kt': CACHE, 'src/main/kotlin/shop/app/Pings.kt': poller }, 'src/main/kotlin/shop/app/Pings.kt');
    assert.deepEqual(findings.filter((finding) => finding.endsWith('redis-loop-round-trips')), ['6:redis-loop-round-trips', '9:redis-loop-round-trips', '13:redis-loop-round-trips']);
  });

  it('reads the same arguments in every iteration alike in Python and Java, and a loop element as changing', () => {
    const python = sourceLines(
      'import redis',
      'r = redis.Redis(host="cache.internal")',
      'def watch(user, messages, keys):',
      '    for message in messages:',
      '        r.get("status:" + user)',
      '    for key in keys:',
      '        r.get(key)',
    );
    const java = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'class Watch {',
      '  void watch(Jedis jedis, String user, java.util.List<String> keys) {',
      '    for (String message : keys) { jedis.get(user); }',
      '    for (String key : keys) { jedis.get(key); }',
      '  }',
      '}',
    );
    const loops = (file: string, text: string): string[] => outputsIn({ [file]: text }, file).findings.filter((finding) => finding.endsWith('redis-loop-round-trips'));
    assert.deepEqual(loops('watch.py', python), ['7:redis-loop-round-trips']);
    assert.deepEqual(loops('Watch.java', java), ['5:redis-loop-round-trips']);
  });
});
