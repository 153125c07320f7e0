/** Java: the parts of a DynamoDB transaction or batch built apart from the request, read as inside it (as C#'s and Go's are). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const V2 = ['package shop.orders;', '', 'import java.util.List;', 'import java.util.Map;', 'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;', 'import software.amazon.awssdk.services.dynamodb.model.*;', ''];

const only = (hints: string[], ...rules: string[]): string[] => hints.filter((hint) => rules.some((rule) => hint.endsWith(` ${rule}`)));

describe('Java request parts', () => {
  it('reads a Put, Update or ConditionCheck that a helper of the service returns, each member once', () => {
    const code = sourceLines(
      ...V2,
      'public class CheckoutService {',
      '    private final DynamoDbClient dynamoDbClient;',
      '',
      '    public CheckoutService(DynamoDbClient dynamoDbClient) {',
      '        this.dynamoDbClient = dynamoDbClient;',
      '    }',
      '',
      '    public void checkout(Map<String, AttributeValue> order, Map<String, AttributeValue> stockKey) {',
      '        List<TransactWriteItem> items = List.of(',
      '                TransactWriteItem.builder().conditionCheck(customerActive()).build(),',
      '                TransactWriteItem.builder().put(newOrder(order)).build(),',
      '                TransactWriteItem.builder().update(takeStock(stockKey)).build());',
      '        dynamoDbClient.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());',
      '    }',
      '',
      '    private ConditionCheck customerActive() {',
      '        return ConditionCheck.builder()',
      '                .tableName("customers")',
      '                .conditionExpression("active = :yes")',
      '                .build();',
      '    }',
      '',
      '    private Put newOrder(Map<String, AttributeValue> order) {',
      '        return Put.builder()',
      '                .tableName("orders")',
      '                .item(order)',
      '                .conditionExpression("attribute_not_exists(order_id)")',
      '                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)',
      '                .build();',
      '    }',
      '',
      '    private Update takeStock(Map<String, AttributeValue> key) {',
      '        Update update = Update.builder().tableName("stock").key(key)',
      '                .updateExpression("SET quantity = quantity - :one")',
      '                .conditionExpression("quantity > :zero")',
      '                .build();',
      '        return update;',
      '    }',
      '',
      '    public void placeNow(Map<String, AttributeValue> order) {',
      '        dynamoDbClient.transactWriteItems(TransactWriteItemsRequest.builder()',
      '                .transactItems(TransactWriteItem.builder().put(Put.builder().tableName("orders").item(order).conditionExpression("attribute_not_exists(order_id)").build()).build())',
      '                .build());',
      '        dynamoDbClient.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(Put.builder().tableName("orders").item(order).conditionExpression("attribute_not_exists(order_id)").build()).build()));',
      '    }',
      '}',
    );
    const hints = only(hintsIn('CheckoutService.java', code), 'dynamodb-condition-expression', 'dynamodb-update-expression', 'dynamodb-return-values');
    assert.deepEqual(hints, [
      '26:conditionExpression dynamodb-condition-expression',
      '34:conditionExpression dynamodb-condition-expression',
      '35:returnValuesOnConditionCheckFailure dynamodb-return-values',
      '41:updateExpression dynamodb-update-expression',
      '42:conditionExpression dynamodb-condition-expression',
      '49:conditionExpression dynamodb-condition-expression',
      '51:conditionExpression dynamodb-condition-expression',
    ], hints.join('\n'));
  });

  it('reads the keys and attributes of a batch get held by a variable, in 2.x and 1.x', () => {
    const v2 = sourceLines(
      ...V2,
      'public class CatalogReader {',
      '    private final DynamoDbClient client;',
      '    public CatalogReader(DynamoDbClient client) { this.client = client; }',
      '',
      '    public Map<String, List<Map<String, AttributeValue>>> read(List<Map<String, AttributeValue>> keys) {',
      '        KeysAndAttributes products = KeysAndAttributes.builder()',
      '                .keys(keys)',
      '                .consistentRead(true)',
      '                .projectionExpression("product_id, price")',
      '                .build();',
      '        BatchGetItemResponse response = client.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of("products", products)).build());',
      '        return response.hasUnprocessedKeys() ? Map.of() : response.responses();',
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('CatalogReader.java', v2), 'dynamodb-consistent-read', 'dynamodb-projection-expression'), [
      '15:consistentRead dynamodb-consistent-read',
      '16:projectionExpression dynamodb-projection-expression',
    ]);
    const v1 = sourceLines(
      'package shop.catalog;',
      '',
      'import java.util.*;',
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.model.AttributeValue;',
      'import com.amazonaws.services.dynamodbv2.model.BatchGetItemRequest;',
      'import com.amazonaws.services.dynamodbv2.model.BatchGetItemResult;',
      'import com.amazonaws.services.dynamodbv2.model.KeysAndAttributes;',
      '',
      'public class LegacyCatalog {',
      '    private final AmazonDynamoDB dynamo;',
      '    public LegacyCatalog(AmazonDynamoDB dynamo) { this.dynamo = dynamo; }',
      '',
      '    public BatchGetItemResult read(List<Map<String, AttributeValue>> keys) {',
      '        Map<String, KeysAndAttributes> requestItems = new HashMap<>();',
      '        requestItems.put("products", new KeysAndAttributes().withKeys(keys).withConsistentRead(true));',
      '        return dynamo.batchGetItem(new BatchGetItemRequest().withRequestItems(requestItems));',
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('LegacyCatalog.java', v1), 'dynamodb-consistent-read'), ['16:withConsistentRead dynamodb-consistent-read']);
  });

  it('says nothing for a part without a table, a class of the file or of another library with the same name, or a file without the DynamoDB model', () => {
    const ownClass = sourceLines(
      ...V2,
      'public class Jobs {',
      '    static class Update { static Update builder() { return new Update(); } Update tableName(String t) { return this; } Update conditionExpression(String c) { return this; } Update build() { return this; } }',
      '    Object next() { return Put.builder().item(Map.of()).conditionExpression("x").build(); }',
      '    Object change() { return Update.builder().tableName("t").conditionExpression("x").build(); }',
      '}',
    );
    assert.deepEqual(only(hintsIn('Jobs.java', ownClass), 'dynamodb-condition-expression'), []);
    const hbase = sourceLines(
      'package shop.archive;',
      '',
      'import org.apache.hadoop.hbase.client.Put;',
      'import org.apache.hadoop.hbase.client.Table;',
      '',
      'public class Archive {',
      '    void save(Table table, byte[] row) throws Exception {',
      '        table.put(new Put(row).withTableName("orders").withConditionExpression("x"));',
      '    }',
      '}',
    );
    assert.deepEqual(only(hintsIn('Archive.java', hbase), 'dynamodb-condition-expression'), []);
  });
});
