/**
 * The Java enhanced client's `DynamoDbTable.createTable(...)`: its builder lambda's provisioned throughput (Java
 * `b -> b.provisionedThroughput(...)`, Kotlin's trailing `{ builder -> ... }`) is the table's billing mode, and its
 * `globalSecondaryIndices(...)` and `localSecondaryIndices(...)` (the enhanced request's spelling) the table's indexes.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe("Enhanced client: a mapped table's createTable builder", () => {
  it('hovers provisionedThroughput in Java and Kotlin builder lambdas, and no other receiver', () => {
    const kotlin = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable',
      'import software.amazon.awssdk.enhanced.dynamodb.TableSchema',
      'class Tables(client: DynamoDbEnhancedClient, private val other: Other) {',
      '    private val orders: DynamoDbTable<Order> = client.table("orders", TableSchema.fromBean(Order::class.java))',
      '    fun create() {',
      '        orders.createTable { builder ->',
      '            builder.provisionedThroughput { t -> t.readCapacityUnits(5L).writeCapacityUnits(5L) }',
      '        }',
      '        other.createTable { builder -> builder.provisionedThroughput(1) }',
      '    }',
      '}',
    );
    const found = hintsIn('Tables.kt', kotlin);
    assert.ok(found.includes('8:provisionedThroughput dynamodb-billing-mode'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('10:')), found.join('\n'));
    const java = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'class Tables {',
      '    private final DynamoDbTable<Order> orders;',
      '    Tables(DynamoDbEnhancedClient client) { orders = client.table("orders", TableSchema.fromBean(Order.class)); }',
      '    void create() {',
      '        orders.createTable(b -> b.provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));',
      '    }',
      '}',
    );
    assert.ok(hintsIn('Tables.java', java).includes('6:provisionedThroughput dynamodb-billing-mode'), hintsIn('Tables.java', java).join('\n'));
  });

  it('hovers the indexes of the enhanced request, spelt globalSecondaryIndices and localSecondaryIndices', () => {
    const kotlin = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable',
      'import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex',
      'class Products(private val table: DynamoDbTable<Product>) {',
      '    fun create() {',
      '        table.createTable { r ->',
      '            r.globalSecondaryIndices(',
      '                EnhancedGlobalSecondaryIndex.builder().indexName("by-brand").projection { p -> p.projectionType(ALL) }.build(),',
      '            )',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Products.kt', kotlin), ['6:globalSecondaryIndices dynamodb-secondary-index-definition']);
    const java = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'class Albums {',
      '    private final DynamoDbTable<Album> albums;',
      '    Albums(DynamoDbEnhancedClient client) { albums = client.table("albums", TableSchema.fromBean(Album.class)); }',
      '    void create() {',
      '        albums.createTable(r -> r.localSecondaryIndices(TITLE_INDEX));',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Albums.java', java), ['6:localSecondaryIndices dynamodb-secondary-index-definition']);
  });
});
