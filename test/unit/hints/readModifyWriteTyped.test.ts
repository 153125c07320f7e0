/**
 * `dynamodb-read-modify-write` in Java, Go and C#: a PutItem (or an object mapper's save) that writes back,
 * changed, the item a GetItem (or load) of the same function read from the same table, with no condition.
 * Silent: a conditional write, a request a helper may complete, a class with a version attribute (the enhanced
 * client and DynamoDBContext then write conditionally) or a class the file does not declare, another table,
 * an unchanged item, a fresh item.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JAVA_IMPORTS = [
  'package shop.data;',
  'import java.util.HashMap;',
  'import java.util.Map;',
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
  'import software.amazon.awssdk.services.dynamodb.model.*;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
  'import software.amazon.awssdk.enhanced.dynamodb.Key;',
  'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
];

describe('DynamoDB: read-modify-write without a condition (Java, Go, C#)', () => {
  describe('Java', () => {
    it('reports a repository that copies the item read, puts a changed attribute and writes it back', () => {
      const code = sourceLines(
        ...JAVA_IMPORTS,
        'public class OrderRepository {',
        '  private final DynamoDbClient dynamoDb;',
        '  private final String tableName;',
        '  public OrderRepository(DynamoDbClient dynamoDb, String tableName) {',
        '    this.dynamoDb = dynamoDb;',
        '    this.tableName = tableName;',
        '  }',
        '  public void markShipped(String orderId) {',
        '    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(orderId));',
        '    GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(key).build());',
        '    Map<String, AttributeValue> item = new HashMap<>(response.item());',
        '    item.put("status", AttributeValue.fromS("SHIPPED"));',
        '    dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());',
        '  }',
        '  public void addTag(String orderId, String tag) {',
        '    Map<String, AttributeValue> order = new HashMap<>(dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("pk", AttributeValue.fromS(orderId)))).item());',
        '    order.remove("draft");',
        '    PutItemRequest request = PutItemRequest.builder().tableName(tableName).item(order).build();',
        '    dynamoDb.putItem(request);',
        '  }',
        '}',
      );
      assert.deepEqual(reported('OrderRepository.java', code), [`21:putItem ${RULE}`, `27:putItem ${RULE}`]);
    });

    it('reports the enhanced client writing back a bean of this file changed with setters, declared with its class or `var`', () => {
      const code = sourceLines(
        ...JAVA_IMPORTS,
        'public class ProfileService {',
        '  @DynamoDbBean',
        '  public static class Profile {',
        '    private String id;',
        '    private String nickname;',
        '    @DynamoDbPartitionKey public String getId() { return id; }',
        '    public void setId(String id) { this.id = id; }',
        '    public String getNickname() { return nickname; }',
        '    public void setNickname(String nickname) { this.nickname = nickname; }',
        '  }',
        '  private final DynamoDbTable<Profile> profiles;',
        '  public ProfileService(DynamoDbTable<Profile> profiles) { this.profiles = profiles; }',
        '  public Profile rename(String id, String nickname) {',
        '    Profile existing = profiles.getItem(r -> r.key(k -> k.partitionValue(id)));',
        '    if (existing == null) return null;',
        '    existing.setNickname(nickname);',
        '    profiles.putItem(existing);',
        '    return existing;',
        '  }',
        '  public void clearNickname(String id) {',
        '    var profile = this.profiles.getItem(Key.builder().partitionValue(id).build());',
        '    profile.setNickname(null);',
        '    this.profiles.putItem(profile);',
        '  }',
        '}',
      );
      // `var`: the bean class is the table's type argument.
      assert.deepEqual(reported('ProfileService.java', code), [`25:putItem ${RULE}`, `31:putItem ${RULE}`]);
    });

    it('stays silent on a condition, a versioned or unseen bean, a helper that may add the condition, another table and an unchanged copy', () => {
      const code = sourceLines(
        ...JAVA_IMPORTS,
        'public class LedgerService {',
        '  @DynamoDbBean',
        '  public static class Ledger {',
        '    private Long version;',
        '    private long balance;',
        '    @DynamoDbVersionAttribute public Long getVersion() { return version; }',
        '    public void setVersion(Long version) { this.version = version; }',
        '    public long getBalance() { return balance; }',
        '    public void setBalance(long balance) { this.balance = balance; }',
        '  }',
        '  private final DynamoDbClient dynamoDb;',
        '  private final DynamoDbTable<Ledger> ledgers;',
        '  private final DynamoDbTable<Account> accounts;',
        '  public LedgerService(DynamoDbClient dynamoDb, DynamoDbTable<Ledger> ledgers, DynamoDbTable<Account> accounts) {',
        '    this.dynamoDb = dynamoDb;',
        '    this.ledgers = ledgers;',
        '    this.accounts = accounts;',
        '  }',
        '  public void credit(String id, long amount) {',
        '    Ledger ledger = ledgers.getItem(Key.builder().partitionValue(id).build());',
        '    ledger.setBalance(ledger.getBalance() + amount);',
        '    ledgers.putItem(ledger);',
        '  }',
        '  public void close(String id) {',
        '    Account account = accounts.getItem(Key.builder().partitionValue(id).build());',
        '    account.setClosed(true);',
        '    accounts.putItem(account);',
        '  }',
        '  public void setNote(String id, String note) {',
        '    GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder().tableName("notes").key(Map.of("pk", AttributeValue.fromS(id))).build());',
        '    Map<String, AttributeValue> item = new HashMap<>(response.item());',
        '    item.put("note", AttributeValue.fromS(note));',
        '    dynamoDb.putItem(PutItemRequest.builder().tableName("notes").item(item)',
        '        .conditionExpression("attribute_exists(pk)").build());',
        '    PutItemRequest.Builder builder = PutItemRequest.builder().tableName("notes").item(item);',
        '    addEtagCondition(builder, response);',
        '    dynamoDb.putItem(builder.build());',
        '  }',
        '  public void archive(String id) {',
        '    Map<String, AttributeValue> item = new HashMap<>(dynamoDb.getItem(GetItemRequest.builder().tableName("notes").key(Map.of("pk", AttributeValue.fromS(id))).build()).item());',
        '    item.put("archived", AttributeValue.fromBool(true));',
        '    dynamoDb.putItem(PutItemRequest.builder().tableName("archive").item(item).build());',
        '    Map<String, AttributeValue> copy = new HashMap<>(dynamoDb.getItem(GetItemRequest.builder().tableName("notes").key(Map.of("pk", AttributeValue.fromS(id))).build()).item());',
        '    dynamoDb.putItem(PutItemRequest.builder().tableName("notes").item(copy).build());',
        '  }',
        '  private void addEtagCondition(PutItemRequest.Builder builder, GetItemResponse response) {',
        '    builder.conditionExpression("etag = :e");',
        '  }',
        '}',
      );
      assert.deepEqual(reported('LedgerService.java', code), []);
    });
  });

  describe('Go', () => {
    const GO_HEADER = [
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Counter struct {',
      '\tID    string `dynamodbav:"id"`',
      '\tCount int    `dynamodbav:"count"`',
      '}',
      '',
      'type CounterStore struct {',
      '\tclient *dynamodb.Client',
      '\ttable  string',
      '}',
      '',
    ];

    it('reports a store that decodes the item, increments a field, encodes it and puts it back', () => {
      const code = sourceLines(
        ...GO_HEADER,
        'func (s *CounterStore) Hit(ctx context.Context, id string) (int, error) {',
        '\tout, err := s.client.GetItem(ctx, &dynamodb.GetItemInput{',
        '\t\tTableName: aws.String(s.table),',
        '\t\tKey:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},',
        '\t})',
        '\tif err != nil {',
        '\t\treturn 0, err',
        '\t}',
        '\tvar c Counter',
        '\tif err := attributevalue.UnmarshalMap(out.Item, &c); err != nil {',
        '\t\treturn 0, err',
        '\t}',
        '\tc.Count++',
        '\titem, err := attributevalue.MarshalMap(c)',
        '\tif err != nil {',
        '\t\treturn 0, err',
        '\t}',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{',
        '\t\tTableName: aws.String(s.table),',
        '\t\tItem:      item,',
        '\t})',
        '\treturn c.Count, err',
        '}',
        '',
        'func (s *CounterStore) Touch(ctx context.Context, id string) error {',
        '\tout, err := s.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(s.table), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}})',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\tout.Item["seen"] = &types.AttributeValueMemberBOOL{Value: true}',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: out.Item})',
        '\treturn err',
        '}',
      );
      assert.deepEqual(reported('counter_store.go', code), [`39:PutItem ${RULE}`, `52:PutItem ${RULE}`]);
    });

    it('stays silent on a conditional put, another table, a fresh item, an unchanged item and an input a helper completes', () => {
      const code = sourceLines(
        ...GO_HEADER,
        'func (s *CounterStore) SafeHit(ctx context.Context, id string) error {',
        '\tout, err := s.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(s.table), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}})',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\tvar c Counter',
        '\t_ = attributevalue.UnmarshalMap(out.Item, &c)',
        '\tread := c.Count',
        '\tc.Count++',
        '\titem, _ := attributevalue.MarshalMap(c)',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{',
        '\t\tTableName:                 aws.String(s.table),',
        '\t\tItem:                      item,',
        '\t\tConditionExpression:       aws.String("#c = :read"),',
        '\t\tExpressionAttributeNames:  map[string]string{"#c": "count"},',
        '\t\tExpressionAttributeValues: map[string]types.AttributeValue{":read": &types.AttributeValueMemberN{Value: strconv.Itoa(read)}},',
        '\t})',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("counters-archive"), Item: item})',
        '\tfresh, _ := attributevalue.MarshalMap(Counter{ID: id})',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: fresh})',
        '\t_, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: out.Item})',
        '\tinput := &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: item}',
        '\twithVersionCheck(input, read)',
        '\t_, err = s.client.PutItem(ctx, input)',
        '\treturn err',
        '}',
      );
      assert.deepEqual(reported('counter_store.go', code), []);
    });
  });

  describe('C#', () => {
    const CS_HEADER = [
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'namespace Shop.Data',
      '{',
    ];

    it('reports a repository that changes the response item and a DynamoDBContext save of a loaded, changed object', () => {
      const code = sourceLines(
        ...CS_HEADER,
        '    [DynamoDBTable("visits")]',
        '    public class PageVisits',
        '    {',
        '        [DynamoDBHashKey] public string Page { get; set; }',
        '        public int Count { get; set; }',
        '    }',
        '',
        '    public class VisitRepository',
        '    {',
        '        private readonly IAmazonDynamoDB _client;',
        '        private readonly IDynamoDBContext _context;',
        '        private const string TableName = "visits";',
        '',
        '        public VisitRepository(IAmazonDynamoDB client, IDynamoDBContext context)',
        '        {',
        '            _client = client;',
        '            _context = context;',
        '        }',
        '',
        '        public async Task FlagAsync(string page)',
        '        {',
        '            var response = await _client.GetItemAsync(new GetItemRequest',
        '            {',
        '                TableName = TableName,',
        '                Key = new Dictionary<string, AttributeValue> { ["Page"] = new AttributeValue { S = page } }',
        '            });',
        '            var item = response.Item;',
        '            item["Flagged"] = new AttributeValue { BOOL = true };',
        '            await _client.PutItemAsync(new PutItemRequest { TableName = TableName, Item = item });',
        '        }',
        '',
        '        public async Task<int> HitAsync(string page)',
        '        {',
        '            var visits = await _context.LoadAsync<PageVisits>(page).ConfigureAwait(false);',
        '            visits.Count++;',
        '            await _context.SaveAsync(visits).ConfigureAwait(false);',
        '            return visits.Count;',
        '        }',
        '    }',
        '}',
      );
      assert.deepEqual(reported('VisitRepository.cs', code), [`37:PutItemAsync ${RULE}`, `44:SaveAsync ${RULE}`]);
    });

    it('stays silent on a [DynamoDBVersion] class, an unseen class, a conditional put and a save of the request object', () => {
      const code = sourceLines(
        ...CS_HEADER,
        '    [DynamoDBTable("carts")]',
        '    public class Cart',
        '    {',
        '        [DynamoDBHashKey] public string Id { get; set; }',
        '        public List<string> Lines { get; set; }',
        '        [DynamoDBVersion] public int? Version { get; set; }',
        '    }',
        '',
        '    public class CartRepository',
        '    {',
        '        private readonly IAmazonDynamoDB _client;',
        '        private readonly IDynamoDBContext _context;',
        '',
        '        public CartRepository(IAmazonDynamoDB client, IDynamoDBContext context)',
        '        {',
        '            _client = client;',
        '            _context = context;',
        '        }',
        '',
        '        public async Task AddLineAsync(string id, string line)',
        '        {',
        '            var cart = await _context.LoadAsync<Cart>(id);',
        '            cart.Lines.Add(line);',
        '            await _context.SaveAsync(cart);',
        '            var customer = await _context.LoadAsync<Customer>(id);',
        '            customer.LastCart = id;',
        '            await _context.SaveAsync(customer);',
        '        }',
        '',
        '        public async Task UpdateAsync(string id, Cart request)',
        '        {',
        '            var existing = await _context.LoadAsync<Cart>(id);',
        '            existing = request;',
        '            await _context.SaveAsync(existing);',
        '        }',
        '',
        '        public async Task CloseAsync(string id)',
        '        {',
        '            var response = await _client.GetItemAsync(new GetItemRequest { TableName = "carts", Key = new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue { S = id } } });',
        '            var item = response.Item;',
        '            item["Closed"] = new AttributeValue { BOOL = true };',
        '            await _client.PutItemAsync(new PutItemRequest',
        '            {',
        '                TableName = "carts",',
        '                Item = item,',
        '                ConditionExpression = "attribute_exists(Id)",',
        '            });',
        '        }',
        '    }',
        '}',
      );
      assert.deepEqual(reported('CartRepository.cs', code), []);
    });
  });
});
