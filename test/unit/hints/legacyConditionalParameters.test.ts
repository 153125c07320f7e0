/**
 * dynamodb-legacy-conditional-parameters: a request's own legacy parameter (`AttributeUpdates`, `Expected`,
 * `KeyConditions`, `QueryFilter`, `ScanFilter`, `AttributesToGet`, `ConditionalOperator`) gets an information and
 * the hover, in every SDK's request shape; a call that also writes an expression is told DynamoDB rejects the mix.
 * A library's own names (PynamoDB's `attributes_to_get`) and the filters a higher-level API sends for the code
 * (the .NET object persistence model's scan conditions) get nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-legacy-conditional-parameters';
const hints = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]);

function messages(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.severity}: ${finding.message}`);
}

describe('Legacy DynamoDB conditional parameters', () => {
  it('reads the SDK for JavaScript v2 and v3 requests, and says when a call mixes them with expressions', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      "import AWS from 'aws-sdk';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const legacy = new AWS.DynamoDB.DocumentClient();',
      'export async function touch(id) {',
      '  await legacy.update({',
      "    TableName: 'sessions',",
      '    Key: { id },',
      "    AttributeUpdates: { seen: { Action: 'PUT', Value: Date.now() } },", // 9
      "    Expected: { id: { Exists: true } },", // 10
      '  }).promise();',
      '}',
      'export async function open(owner) {',
      '  return doc.send(new QueryCommand({',
      "    TableName: 'tickets',",
      "    KeyConditions: { owner: { ComparisonOperator: 'EQ', AttributeValueList: [owner] } },", // 16
      "    FilterExpression: '#s = :o',",
      "    ExpressionAttributeNames: { '#s': 'state' },",
      "    ExpressionAttributeValues: { ':o': 'OPEN' },",
      '  }));',
      '}',
      'export async function modern(id) {',
      "  await doc.send(new UpdateCommand({ TableName: 'sessions', Key: { id }, UpdateExpression: 'SET seen = :t', ExpressionAttributeValues: { ':t': 1 } }));",
      '  const note = { Expected: 3, ScanFilter: true };', // not a request
      '}',
    );
    assert.deepEqual(hints('sessions.js', code), [
      `10:Expected ${RULE}`,
      `10:Expected ${RULE}!`,
      `16:KeyConditions ${RULE}`,
      `16:KeyConditions ${RULE}!`,
      `9:AttributeUpdates ${RULE}`,
      `9:AttributeUpdates ${RULE}!`,
    ]);
    assert.deepEqual(messages('sessions.js', code), [
      'information: AttributeUpdates is a legacy DynamoDB parameter: AWS recommends UpdateExpression instead.',
      'information: Expected is a legacy DynamoDB parameter: AWS recommends ConditionExpression instead.',
      'information: KeyConditions is a legacy DynamoDB parameter: AWS recommends KeyConditionExpression instead. DynamoDB rejects a call that mixes legacy parameters with expressions.',
    ]);
  });

  it('reads boto3 keyword arguments, not PynamoDB\'s own attributes_to_get', () => {
    const code = sourceLines(
      'import boto3',
      'from pynamodb.models import Model',
      'table = boto3.resource("dynamodb").Table("users")',
      'def profile(user_id):',
      '    return table.get_item(Key={"id": user_id}, AttributesToGet=["name", "email"])', // 5
      'def active():',
      '    return table.scan(ScanFilter={"active": {"AttributeValueList": [True], "ComparisonOperator": "EQ"}}, ConditionalOperator="AND")', // 7
      'class User(Model):',
      '    class Meta:',
      '        table_name = "users"',
      'def lookup(user_id):',
      '    return User.get(user_id, attributes_to_get=["name"])',
    );
    assert.deepEqual(hints('users.py', code), [
      `5:AttributesToGet ${RULE}`,
      `5:AttributesToGet ${RULE}!`,
      `7:ConditionalOperator ${RULE}`,
      `7:ConditionalOperator ${RULE}!`,
      `7:ScanFilter ${RULE}`,
      `7:ScanFilter ${RULE}!`,
    ]);
  });

  it('reads Java 2.x builders and 1.x requests, not the document API\'s ScanFilter object', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'import com.amazonaws.services.dynamodbv2.document.ScanFilter;',
      'public class Ledger {',
      '    private final DynamoDbClient ddb = DynamoDbClient.create();',
      '    void credit(Map<String, AttributeValue> key, Map<String, AttributeValueUpdate> updates) {',
      '        ddb.updateItem(UpdateItemRequest.builder().tableName("ledger").key(key).attributeUpdates(updates).build());', // 7
      '    }',
      '    void legacy(com.amazonaws.services.dynamodbv2.AmazonDynamoDB v1, Map<String, Condition> filter) {',
      '        v1.query(new com.amazonaws.services.dynamodbv2.model.QueryRequest().withTableName("ledger").withQueryFilter(filter));', // 10
      '    }',
      '    void document(com.amazonaws.services.dynamodbv2.document.Table table) {',
      '        table.scan(new ScanFilter("kind").eq("credit"));',
      '    }',
      '}',
    );
    assert.deepEqual(hints('Ledger.java', code), [
      `10:withQueryFilter ${RULE}`,
      `10:withQueryFilter ${RULE}!`,
      `7:attributeUpdates ${RULE}`,
      `7:attributeUpdates ${RULE}!`,
    ]);
  });

  it('reads Go input structs and C# request initializers, not the .NET models\' scan conditions and configs', () => {
    const go = sourceLines(
      'package store',
      'import (',
      '\t"context"',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      'func Delete(ctx context.Context, client *dynamodb.Client, key map[string]types.AttributeValue) error {',
      '\t_, err := client.DeleteItem(ctx, &dynamodb.DeleteItemInput{',
      '\t\tTableName: aws.String("carts"),',
      '\t\tKey:       key,',
      '\t\tExpected:  map[string]types.ExpectedAttributeValue{"locked": {Exists: aws.Bool(false)}},', // 12
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hints('store.go', go), [`12:Expected ${RULE}`, `12:Expected ${RULE}!`]);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'using Amazon.DynamoDBv2.Model;',
      'public class Carts',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    private readonly IDynamoDBContext _context;',
      '    public Task<QueryResponse> Open(string owner) => _client.QueryAsync(new QueryRequest',
      '    {',
      '        TableName = "carts",',
      '        KeyConditions = new Dictionary<string, Condition> { ["owner"] = new Condition { ComparisonOperator = "EQ" } },', // 12
      '        AttributesToGet = new List<string> { "total" },', // 13
      '    });',
      '    public Task<List<Cart>> Stale() => _context.ScanAsync<Cart>(new[] { new ScanCondition("Stale", ScanOperator.Equal, true) }).GetRemainingAsync();',
      '    public Task<List<Cart>> Mine(string owner) => _context.QueryAsync<Cart>(owner, new DynamoDBOperationConfig',
      '    {',
      '        QueryFilter = new List<ScanCondition> { new ScanCondition("Open", ScanOperator.Equal, true) },',
      '    }).GetRemainingAsync();',
      '    public Search Totals(Table table) => table.Query(new QueryOperationConfig',
      '    {',
      '        Select = SelectValues.SpecificAttributes,',
      '        AttributesToGet = new List<string> { "total" },',
      '    });',
      '}',
    );
    assert.deepEqual(hints('Carts.cs', csharp), [
      `12:KeyConditions ${RULE}`,
      `12:KeyConditions ${RULE}!`,
      `13:AttributesToGet ${RULE}`,
      `13:AttributesToGet ${RULE}!`,
    ]);
  });
});
