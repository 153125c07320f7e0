import { DynamoDBClient, ScanCommand, QueryCommand, BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ region: 'eu-west-1' });
const TABLE = process.env.ORDERS_TABLE ?? 'orders';

// Reads one page only: a Scan returns at most 1 MB per call, so most of a large table is missed.
export async function listAllOrders() {
  const result = await client.send(new ScanCommand({ TableName: TABLE }));
  return result.Items ?? [];
}

// Strongly consistent reads are not supported on global secondary indexes: DynamoDB rejects this.
export async function ordersForCustomer(customerId: string) {
  const result = await client.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'customer-index',
      KeyConditionExpression: 'customerId = :c',
      ExpressionAttributeValues: { ':c': { S: customerId } },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

// UnprocessedItems is ignored: throttled writes are silently lost.
export async function archiveOrders(orderIds: string[]) {
  await client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        [TABLE]: orderIds.map((id) => ({ DeleteRequest: { Key: { pk: { S: `ORDER#${id}` } } } })),
      },
    }),
  );
}
