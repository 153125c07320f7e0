/** The entity and imports the Spring Data DynamoDB tests share (`springDataDynamodb.test.ts`, `springDataReadModifyWrite.test.ts`). */

/** An entity with a hash key, a global secondary index and two plain attributes, as the mapper annotates them. */
export const ORDER_ENTITY = [
  '@DynamoDBTable(tableName = "orders")',
  'class Order {',
  '    private String orderId;',
  '    private String customerId;',
  '    private String status;',
  '    private Instant placedAt;',
  '',
  '    @DynamoDBHashKey(attributeName = "order_id")',
  '    public String getOrderId() { return orderId; }',
  '    public void setOrderId(String orderId) { this.orderId = orderId; }',
  '',
  '    @DynamoDBIndexHashKey(globalSecondaryIndexName = "by-customer")',
  '    public String getCustomerId() { return customerId; }',
  '',
  '    @DynamoDBAttribute',
  '    public String getStatus() { return status; }',
  '',
  '    public Instant getPlacedAt() { return placedAt; }',
  '}',
];

export const IMPORTS = [
  'package shop.orders;',
  '',
  'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
  'import org.socialsignin.spring.data.dynamodb.repository.EnableScan;',
  'import org.springframework.data.repository.CrudRepository;',
  'import org.springframework.stereotype.Service;',
  'import java.time.Instant;',
  'import java.util.List;',
  '',
];

/** The SDK 1.x import of the entity's annotations gets its end-of-support hover and finding, whatever the repository does. */
export function withoutSdkV1(hints: string[]): string[] {
  return hints.filter((hint) => !/^3:com\.amazonaws\.\S+ aws-sdk-end-of-support!?$/.test(hint));
}
