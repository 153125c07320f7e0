/**
 * A Query or Scan inside a test reads back the few items the test wrote to a table it set up (DynamoDB Local,
 * moto, a Testcontainers table): its first page is the whole answer, so `dynamodb-query` and `dynamodb-scan`
 * report no missing pagination there. The hover stays, and the same call in the code under test keeps its finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const pagingFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => / dynamodb-(?:query|scan)!$/.test(hint));
const pagingHovers = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => / dynamodb-(?:query|scan)$/.test(hint));

describe('Queries and Scans in test code', () => {
  it('Python: a pytest integration test and a unittest set-up read one page silently; the repository keeps its finding', () => {
    const code = sourceLines(
      'import boto3',
      'import unittest',
      '',
      '',
      'def orders_for(table, customer_id):',
      '    return table.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": customer_id})["Items"]',
      '',
      '',
      'def test_orders_are_stored():',
      '    table = boto3.resource("dynamodb", endpoint_url="http://localhost:8000").Table("orders-test")',
      '    table.put_item(Item={"pk": "c1", "sk": "o1"})',
      '    response = table.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": "c1"})',
      '    assert len(response["Items"]) == 1',
      '    assert table.scan()["Count"] == 1',
      '',
      '',
      'class OrdersTest(unittest.TestCase):',
      '    def setUp(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders-test")',
      '        for item in self.table.scan()["Items"]:',
      '            self.table.delete_item(Key={"pk": item["pk"], "sk": item["sk"]})',
    );
    assert.deepEqual(pagingFindings('test_orders.py', code), ['6:query dynamodb-query!']);
    assert.deepEqual(pagingHovers('test_orders.py', code), ['6:query dynamodb-query', '12:query dynamodb-query', '14:scan dynamodb-scan', '20:scan dynamodb-scan']);
  });

  it('TypeScript and Java: a Jest test and a JUnit test read one page silently; the handler keeps its finding', () => {
    const typescript = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      "const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: 'http://localhost:8000' }));",
      '',
      'export async function ordersOf(customerId: string) {',
      "  const { Items } = await ddb.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': customerId } }));",
      '  return Items;',
      '}',
      '',
      "describe('orders table', () => {",
      "  it('stores an order', async () => {",
      "    const { Items } = await ddb.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'c1' } }));",
      '    expect(Items).toHaveLength(1);',
      '  });',
      '});',
    );
    assert.deepEqual(pagingFindings('orders.test.ts', typescript), ['7:QueryCommand dynamodb-query!']);
    const java = sourceLines(
      'import org.junit.jupiter.api.Test;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
      '',
      'class OrderRepositoryIT {',
      '  private final DynamoDbClient ddb = DynamoDbClient.create();',
      '',
      '  @Test',
      '  void storesAnOrder() {',
      '    var items = ddb.scan(ScanRequest.builder().tableName("orders").build()).items();',
      '    assertEquals(1, items.size());',
      '  }',
      '',
      '  private int count(String pk) {',
      '    return ddb.query(QueryRequest.builder().tableName("orders").keyConditionExpression("pk = :pk").build()).items().size();',
      '  }',
      '}',
    );
    assert.deepEqual(pagingFindings('OrderRepositoryIT.java', java), ['16:query dynamodb-query!']);
    assert.ok(pagingHovers('OrderRepositoryIT.java', java).includes('11:scan dynamodb-scan'), pagingHovers('OrderRepositoryIT.java', java).join('\n'));
  });
});
