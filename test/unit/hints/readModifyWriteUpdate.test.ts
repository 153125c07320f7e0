/**
 * `dynamodb-read-modify-write` where the write is an UpdateItem: on the key the read used, it sets an attribute
 * straight to a value computed from the item read (`SET visits = :v`, `:v` → `item["visits"] + 1`), with no
 * condition. Silent: a condition, an atomic update (`SET n = n + :d`, `ADD`), a value not computed, another key,
 * an expression not written out, tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const JS_HEADER = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  'const TABLE = process.env.TABLE_NAME;',
];

describe('DynamoDB: read-modify-write through an UpdateItem', () => {
  it('reports a Python visitor counter that reads the count, adds one and sets it back', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("visits")',
      '',
      'def handler(event, context):',
      '    resp = table.get_item(Key={"id": "site", "sk": "total"})',
      '    visits = resp["Item"]["visits"]',
      '    new_visits = str(int(visits) + 1)',
      '    table.update_item(',
      '        Key={"sk": "total", "id": "site",},',
      '        UpdateExpression="SET visits = :v, updated = :u",',
      '        ExpressionAttributeValues={":v": new_visits, ":u": event["time"]},',
      '    )',
      '    return new_visits',
    );
    assert.deepEqual(reported('counter.py', code), [`9:update_item ${RULE}`]);
  });

  it('reports a TypeScript withdrawal that computes the new balance from the item read', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class AccountService {',
      '  async withdraw(accountId: string, amount: number) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    const balance = Item.balance - amount;',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      "      UpdateExpression: 'SET #b = :b',",
      "      ExpressionAttributeNames: { '#b': 'balance' },",
      "      ExpressionAttributeValues: { ':b': balance },",
      '    }));',
      '  }',
      '  async touch(accountId: string) {',
      '    const result = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      "      UpdateExpression: 'SET logins = :n',",
      "      ExpressionAttributeValues: { ':n': result.Item.logins + 1 },",
      '    }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('account.ts', code), [`9:UpdateCommand ${RULE}`, `19:UpdateCommand ${RULE}`]);
  });

  it('is silent on a conditional update, an atomic one, an uncomputed value, another key and a built expression', () => {
    const code = sourceLines(
      ...JS_HEADER,
      'export class AccountService {',
      '  async withdraw(accountId: string, amount: number) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      "      UpdateExpression: 'SET balance = :b, version = :next',",
      "      ConditionExpression: 'version = :v',",
      "      ExpressionAttributeValues: { ':b': Item.balance - amount, ':v': Item.version, ':next': Item.version + 1 },",
      '    }));',
      '  }',
      '  async deposit(accountId: string, amount: number) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    const step = Item.step * amount;',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      "      UpdateExpression: 'SET balance = balance + :d ADD deposits :one',",
      "      ExpressionAttributeValues: { ':d': step, ':one': 1 },",
      '    }));',
      '  }',
      '  async copyName(accountId: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      "      UpdateExpression: 'SET displayName = :n',",
      "      ExpressionAttributeValues: { ':n': Item.name },",
      '    }));',
      '  }',
      '  async transfer(from: string, to: string, amount: number) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: from } }));',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: to },',
      "      UpdateExpression: 'SET lastTransfer = :t',",
      "      ExpressionAttributeValues: { ':t': Item.balance - amount },",
      '    }));',
      '  }',
      '  async patch(accountId: string, expression: string) {',
      '    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: accountId } }));',
      '    await doc.send(new UpdateCommand({',
      '      TableName: TABLE,',
      '      Key: { pk: accountId },',
      '      UpdateExpression: expression,',
      "      ExpressionAttributeValues: { ':b': Item.balance + 1 },",
      '    }));',
      '  }',
      '}',
    );
    assert.deepEqual(reported('account.ts', code), []);
  });

  it('is silent in tests', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("visits")',
      '',
      'def test_counter():',
      '    item = table.get_item(Key={"id": "site"})["Item"]',
      '    table.update_item(Key={"id": "site"}, UpdateExpression="SET visits = :v", ExpressionAttributeValues={":v": item["visits"] + 1})',
    );
    assert.deepEqual(reported('test_counter.py', code), []);
  });

  it('reports Go, Java and C# counters set from the value read and computed', () => {
    const go = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '\t"strconv"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Store struct {',
      '\tclient *dynamodb.Client',
      '}',
      '',
      'func (s *Store) Hit(ctx context.Context, id string) error {',
      '\tkey := map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}',
      '\tout, err := s.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("hits"), Key: key})',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tn, _ := strconv.Atoi(out.Item["hits"].(*types.AttributeValueMemberN).Value)',
      '\tn++',
      '\t_, err = s.client.UpdateItem(ctx, &dynamodb.UpdateItemInput{',
      '\t\tTableName:        aws.String("hits"),',
      '\t\tKey:              key,',
      '\t\tUpdateExpression: aws.String("SET hits = :h"),',
      '\t\tExpressionAttributeValues: map[string]types.AttributeValue{":h": &types.AttributeValueMemberN{Value: strconv.Itoa(n)}},',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(reported('store.go', go), [`24:UpdateItem ${RULE}`]);
    const java = sourceLines(
      'package shop.data;',
      'import java.util.Map;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class StockRepository {',
      '    private final DynamoDbClient client;',
      '    public StockRepository(DynamoDbClient client) { this.client = client; }',
      '    public void take(Map<String, AttributeValue> key, int qty) {',
      '        GetItemResponse resp = client.getItem(GetItemRequest.builder().tableName("stock").key(key).build());',
      '        int left = Integer.parseInt(resp.item().get("qty").n()) - qty;',
      '        client.updateItem(UpdateItemRequest.builder()',
      '            .tableName("stock")',
      '            .key(key)',
      '            .updateExpression("SET qty = :q")',
      '            .expressionAttributeValues(Map.of(":q", AttributeValue.builder().n(String.valueOf(left)).build()))',
      '            .build());',
      '    }',
      '}',
    );
    assert.deepEqual(reported('StockRepository.java', java), [`11:updateItem ${RULE}`]);
    const csharp = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class PointsRepository',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    public PointsRepository(IAmazonDynamoDB client) { _client = client; }',
      '    public async Task AddAsync(Dictionary<string, AttributeValue> key, int points)',
      '    {',
      '        var response = await _client.GetItemAsync(new GetItemRequest { TableName = "points", Key = key });',
      '        var total = int.Parse(response.Item["total"].N) + points;',
      '        await _client.UpdateItemAsync(new UpdateItemRequest',
      '        {',
      '            TableName = "points",',
      '            Key = key,',
      '            UpdateExpression = "SET total = :t",',
      '            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":t"] = new AttributeValue { N = total.ToString() } }',
      '        });',
      '    }',
      '}',
    );
    assert.deepEqual(reported('PointsRepository.cs', csharp), [`13:UpdateItemAsync ${RULE}`]);
  });
  it('reports the Java enhanced client updating a bean changed after its read, not one with a version attribute', () => {
    const bean = (versioned: boolean) =>
      sourceLines(
        'package shop.data;',
        'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
        'import software.amazon.awssdk.enhanced.dynamodb.Key;',
        'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
        '@DynamoDbBean',
        'class Wallet {',
        '    private String id; private long credits; private Long version;',
        '    @DynamoDbPartitionKey public String getId() { return id; }',
        '    public void setId(String id) { this.id = id; }',
        '    public long getCredits() { return credits; }',
        '    public void setCredits(long c) { this.credits = c; }',
        `    ${versioned ? '@DynamoDbVersionAttribute ' : ''}public Long getVersion() { return version; }`,
        '    public void setVersion(Long v) { this.version = v; }',
        '}',
        'public class WalletRepository {',
        '    private final DynamoDbTable<Wallet> table;',
        '    public WalletRepository(DynamoDbTable<Wallet> table) { this.table = table; }',
        '    public void spend(String id, long amount) {',
        '        Wallet w = table.getItem(Key.builder().partitionValue(id).build());',
        '        w.setCredits(w.getCredits() - amount);',
        '        table.updateItem(w);',
        '    }',
        '}',
      );
    assert.deepEqual(reported('WalletRepository.java', bean(false)), [`21:updateItem ${RULE}`]);
    assert.deepEqual(reported('WalletRepository.java', bean(true)), []);
  });
});
