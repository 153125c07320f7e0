/** Code opened by "AWS DB: Try Design Hints on Sample Code": real SDK calls with the mistakes hints catch. */
export const HINT_SAMPLE_TYPESCRIPT = `// Hover over ScanCommand, ConsistentRead and BatchWriteItemCommand to see design hints.
import { BatchWriteItemCommand, DynamoDBClient, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ region: 'eu-west-1' });

// A Scan returns at most 1 MB per call: without a pagination loop, most of a large table is missed.
export async function listAllOrders() {
  const result = await client.send(new ScanCommand({ TableName: 'orders' }));
  return result.Items ?? [];
}

// DynamoDB rejects strongly consistent reads on a global secondary index.
export async function ordersForCustomer(customerId: string) {
  const result = await client.send(
    new QueryCommand({
      TableName: 'orders',
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
        orders: orderIds.map((id) => ({ DeleteRequest: { Key: { pk: { S: \`ORDER#\${id}\` } } } })),
      },
    }),
  );
}
`;
