/**
 * `dynamodb-read-modify-write` on a check-then-put in Java, Go and C# whose check is a same-file helper that
 * reads the item by the key its parameters give and answers whether it exists. Silent: a conditional Put, a
 * caller that leaves when the helper answers no, another key, a helper whose table is a parameter.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('DynamoDB: check-then-put through a same-file existence helper (Java, Go, C#)', () => {
  it('reports C# callers that leave when the helper answers yes, or put when a name holding its answer is false', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class Members',
      '{',
      '    private readonly IAmazonDynamoDB _db;',
      '    private const string Table = "members";',
      '    public async Task<bool> Join(string email, string name)',
      '    {',
      '        if (await EmailTaken(email))',
      '            return false;',
      '        var item = new Dictionary<string, AttributeValue>',
      '        {',
      '            { "Email", new AttributeValue { S = email.ToLowerInvariant() } },',
      '            { "Name", new AttributeValue { S = name } }',
      '        };',
      '        await _db.PutItemAsync(new PutItemRequest { TableName = Table, Item = item });',
      '        return true;',
      '    }',
      '    public async Task Hold(string email, string code)',
      '    {',
      '        var taken = await this.EmailTaken(email);',
      '        if (!taken)',
      '        {',
      '            await _db.PutItemAsync(new PutItemRequest { TableName = Table, Item = new Dictionary<string, AttributeValue> { ["Email"] = new AttributeValue { S = email.ToLowerInvariant() }, ["Code"] = new AttributeValue { S = code } } });',
      '        }',
      '    }',
      '    public async Task Safe(string email, string name)',
      '    {',
      '        if (await EmailTaken(email)) return;',
      '        await _db.PutItemAsync(new PutItemRequest { TableName = Table, Item = new Dictionary<string, AttributeValue> { ["Email"] = new AttributeValue { S = email.ToLowerInvariant() }, ["Name"] = new AttributeValue { S = name } }, ConditionExpression = "attribute_not_exists(Email)" });',
      '    }',
      '    public async Task Rename(string email, string name)',
      '    {',
      '        if (!await EmailTaken(email)) return;',
      '        await _db.PutItemAsync(new PutItemRequest { TableName = Table, Item = new Dictionary<string, AttributeValue> { ["Email"] = new AttributeValue { S = email.ToLowerInvariant() }, ["Name"] = new AttributeValue { S = name } } });',
      '    }',
      '    public async Task<bool> EmailTaken(string email)',
      '    {',
      '        var response = await _db.GetItemAsync(new GetItemRequest',
      '        {',
      '            TableName = Table,',
      '            Key = new Dictionary<string, AttributeValue> { { "Email", new AttributeValue { S = email.ToLowerInvariant() } } }',
      '        });',
      '        return response.Item != null && response.Item.Count > 0;',
      '    }',
      '}',
    );
    assert.deepEqual(reported('Members.cs', code), ['16:PutItemAsync dynamodb-read-modify-write!', '24:PutItemAsync dynamodb-read-modify-write!']);
  });

  it('reports a Go caller of a method that answers true inside a presence test, and a Java caller of a helper returning hasItem()', () => {
    const go = sourceLines(
      'package auth',
      '',
      'import (',
      '\t"errors"',
      '',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      ')',
      '',
      'type Store struct{ db *dynamodb.DynamoDB }',
      '',
      'func (s Store) Exists(username string) (bool, error) {',
      '\tresult, err := s.db.GetItem(&dynamodb.GetItemInput{',
      '\t\tTableName: aws.String("users"),',
      '\t\tKey:       map[string]*dynamodb.AttributeValue{"username": {S: aws.String(username)}},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn true, err',
      '\t}',
      '\tif len(result.Item) > 0 {',
      '\t\treturn true, nil',
      '\t}',
      '\treturn false, nil',
      '}',
      '',
      'func (s Store) Register(username, hash string) error {',
      '\texists, err := s.Exists(username)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tif exists {',
      '\t\treturn errors.New("taken")',
      '\t}',
      '\t_, err = s.db.PutItem(&dynamodb.PutItemInput{',
      '\t\tTableName: aws.String("users"),',
      '\t\tItem:      map[string]*dynamodb.AttributeValue{"username": {S: aws.String(username)}, "password": {S: aws.String(hash)}},',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(reported('store.go', go), ['34:PutItem dynamodb-read-modify-write!']);
    const java = sourceLines(
      'package codes;',
      'import java.util.Map;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class Codes {',
      '  private static final String TABLE = "codes";',
      '  private final DynamoDbClient ddb;',
      '  Codes(DynamoDbClient ddb) { this.ddb = ddb; }',
      '  private boolean exists(String code) {',
      '    return ddb.getItem(GetItemRequest.builder().tableName(TABLE).key(Map.of("code", AttributeValue.fromS(code))).build()).hasItem();',
      '  }',
      '  private boolean existsIn(String table, String code) {',
      '    return ddb.getItem(GetItemRequest.builder().tableName(table).key(Map.of("code", AttributeValue.fromS(code))).build()).hasItem();',
      '  }',
      '  public void issue(String code, String owner) {',
      '    if (exists(code)) throw new IllegalStateException("taken");',
      '    ddb.putItem(PutItemRequest.builder().tableName(TABLE).item(Map.of("code", AttributeValue.fromS(code), "owner", AttributeValue.fromS(owner))).build());',
      '  }',
      '  public void otherKey(String code, String owner) {',
      '    if (exists(owner)) throw new IllegalStateException("taken");',
      '    ddb.putItem(PutItemRequest.builder().tableName(TABLE).item(Map.of("code", AttributeValue.fromS(code), "owner", AttributeValue.fromS(owner))).build());',
      '  }',
      '  public void anyTable(String code, String owner) {',
      '    if (existsIn(TABLE, code)) throw new IllegalStateException("taken");',
      '    ddb.putItem(PutItemRequest.builder().tableName(TABLE).item(Map.of("code", AttributeValue.fromS(code), "owner", AttributeValue.fromS(owner))).build());',
      '  }',
      '}',
    );
    assert.deepEqual(reported('Codes.java', java), ['17:putItem dynamodb-read-modify-write!']);
  });
});
