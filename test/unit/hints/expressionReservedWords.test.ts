/**
 * DynamoDB expressions that name attributes by reserved words (`code/expressionReservedWords.ts`,
 * `checks/reservedWords.ts`): each SDK language, nested requests, and the grammar's own words left alone.
 */
import * as assert from 'node:assert/strict';
import { reservedNames } from '../../../src/hints/engine/code/expressionReservedWords';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['dynamodb-expression-reserved-word'];
const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('reserved words in DynamoDB expressions', () => {
  it('reads attribute names out of each kind of expression, not the grammar, functions or placeholders', () => {
    assert.deepEqual(reservedNames('SET status = :s, updatedAt = :u REMOVE #old ADD visits :one'), ['status']);
    assert.deepEqual(reservedNames('attribute_exists(pk) AND size(tags) > :z AND NOT contains(#n, :v) OR sk BETWEEN :a AND :b'), []);
    assert.deepEqual(reservedNames('pk, name, info.Date, items[0].Size, orderId'), ['name', 'Date', 'items', 'Size']);
    assert.deepEqual(reservedNames('#status IN (:a, :b) AND size(data) > :z'), ['data']);
    assert.deepEqual(reservedNames('SET #c = if_not_exists(#c, :zero) + :one, list = list_append(list, :l)'), ['list']);
  });

  it('JavaScript: an update, a projection joined by +, and a transaction condition check; placeholders and computed expressions silent', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export class OrderRepository {',
      '  async ship(id: string, field: string): Promise<void> {',
      "    await doc.send(new UpdateCommand({ TableName: 'orders', Key: { pk: id }, UpdateExpression: 'SET status = :s, updatedAt = :u', ExpressionAttributeValues: { ':s': 'SHIPPED', ':u': 1 } }));",
      "    await doc.send(new UpdateCommand({ TableName: 'orders', Key: { pk: id }, UpdateExpression: 'SET #status = :s', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':s': 'SHIPPED' } }));",
      "    await doc.send(new UpdateCommand({ TableName: 'orders', Key: { pk: id }, UpdateExpression: `SET ${field} = :v`, ExpressionAttributeValues: { ':v': 1 } }));",
      "    await doc.send(new GetCommand({ TableName: 'orders', Key: { pk: id }, ProjectionExpression: 'pk, ' + 'total' }));",
      "    await doc.send(new TransactWriteCommand({ TransactItems: [{ ConditionCheck: { TableName: 'users', Key: { pk: 'u' }, ConditionExpression: 'user = :u AND count > :c' } }] }));",
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('orders.ts', code, RULE)), [
      "10:'user = :u AND count > :c' dynamodb-expression-reserved-word!",
      "6:'SET status = :s, updatedAt = :u' dynamodb-expression-reserved-word!",
      "9:'pk, ' + 'total' dynamodb-expression-reserved-word!",
    ]);
  });

  it('Python, Java, Go and C#: key conditions, filters, projections and batch reads', () => {
    const python = sourceLines(
      'import boto3',
      'resource = boto3.resource("dynamodb")',
      'table = resource.Table("events")',
      'def recent(stream):',
      '    return table.query(KeyConditionExpression="stream = :s", ExpressionAttributeValues={":s": stream})',
      'def fetch(keys):',
      '    return resource.batch_get_item(RequestItems={"events": {"Keys": keys, "ProjectionExpression": "pk, total"}})',
    );
    assert.deepEqual(findings(hintsOfRules('events.py', python, RULE)), ['5:"stream = :s" dynamodb-expression-reserved-word!', '7:"pk, total" dynamodb-expression-reserved-word!']);
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class OrderQueries {',
      '  private final DynamoDbClient ddb = DynamoDbClient.create();',
      '  public QueryResponse byCustomer(String id) {',
      '    return ddb.query(QueryRequest.builder().tableName("orders").keyConditionExpression("customerId = :c").filterExpression("state = :open").build());',
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('OrderQueries.java', java, RULE)), ['6:"state = :open" dynamodb-expression-reserved-word!']);
    const go = sourceLines(
      'package orders',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'func Close(ctx context.Context, client *dynamodb.Client, key map[string]types.AttributeValue) error {',
      '\t_, err := client.UpdateItem(ctx, &dynamodb.UpdateItemInput{',
      '\t\tTableName:        aws.String("orders"),',
      '\t\tKey:              key,',
      '\t\tUpdateExpression: aws.String("SET closed = :t, #r = :r"),',
      '\t\tExpressionAttributeNames: map[string]string{"#r": "region"},',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('orders.go', go, RULE)), []);
    const goReserved = go.replace('SET closed = :t, #r = :r', 'SET closed = :t, region = :r');
    assert.deepEqual(findings(hintsOfRules('orders.go', goReserved, RULE)), ['15:aws.String("SET closed = :t, region = :r") dynamodb-expression-reserved-word!']);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class ProjectRepository',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    public ProjectRepository(IAmazonDynamoDB client) { _client = client; }',
      '    public Task<QueryResponse> Tasks(string id) => _client.QueryAsync(new QueryRequest',
      '    {',
      '        TableName = "tasks",',
      '        KeyConditionExpression = "project = :p",',
      '        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = new AttributeValue { S = id } },',
      '    });',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('ProjectRepository.cs', csharp, RULE)), ['10:"project = :p" dynamodb-expression-reserved-word!']);
  });

  it("the object models' expressions: the Java enhanced client's Expression builder and the .NET document model's Expression", () => {
    const java = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
      'import software.amazon.awssdk.enhanced.dynamodb.Expression;',
      'import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;',
      'public class OrderRepository {',
      '  private final DynamoDbTable<Order> table;',
      '  public OrderRepository(DynamoDbTable<Order> table) { this.table = table; }',
      '  public Object open() {',
      '    Expression filter = Expression.builder().expression("status = :s").putExpressionValue(":s", null).build();',
      '    Expression named = Expression.builder().expression("#s = :s").putExpressionName("#s", "status").build();',
      '    return table.scan(ScanEnhancedRequest.builder().filterExpression(filter).build());',
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('OrderRepository.java', java, RULE)), ['8:"status = :s" dynamodb-expression-reserved-word!']);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2.DocumentModel;',
      'public class OrderFilters',
      '{',
      '    public Expression Open() => new Expression { ExpressionStatement = "status = :s" };',
      '    public Expression Named() => new Expression { ExpressionStatement = "#s = :s" };',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('OrderFilters.cs', csharp, RULE)), ['4:"status = :s" dynamodb-expression-reserved-word!']);
    // Without the document model, an `Expression` is some other library's.
    assert.deepEqual(findings(hintsOfRules('OrderFilters.cs', csharp.replace('using Amazon.DynamoDBv2.DocumentModel;', 'using System.Linq.Expressions;'), RULE)), []);
  });

  it("an object mapper's condition is not an expression the code writes: dynamoose's scan('status') stays silent", () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "const Venue = dynamoose.model('Venue', new dynamoose.Schema({ id: String, status: String }));",
      'export async function open() {',
      "  return Venue.scan('status').eq('OPEN').exec();",
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('venues.ts', code, RULE)), []);
  });

  it('an expression held by a name: a module constant, and a local handed over as shorthand, reported where it is written', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      "const PROJECTION = 'pk, sk, name';",
      "const KEYS_ONLY = 'pk, sk';",
      'export async function ship(id: string): Promise<void> {',
      "  const UpdateExpression = 'SET status = :s';",
      "  await doc.send(new UpdateCommand({ TableName: 'orders', Key: { pk: id }, UpdateExpression, ExpressionAttributeValues: { ':s': 'SHIPPED' } }));",
      "  await doc.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ProjectionExpression: PROJECTION }));",
      "  await doc.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ProjectionExpression: KEYS_ONLY }));",
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('orders.ts', code, RULE)), ["4:'pk, sk, name' dynamodb-expression-reserved-word!", "7:'SET status = :s' dynamodb-expression-reserved-word!"]);
  });
});
