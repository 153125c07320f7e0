/**
 * A Query of a table whose key condition is an equality on two attributes (`pk = :pk AND sk = :sk`) names
 * the table's whole primary key, so it matches one item at most and its one-page finding does not apply,
 * even where no template in the workspace shows the table. A sort-key range, one equality alone, an index,
 * a key condition that is neither one literal string nor boto3's `Key(...).eq(...) & Key(...).eq(...)`, or options
 * out of sight keep the finding. One equality is enough where a GetItem, UpdateItem or DeleteItem of the same file
 * and table writes that attribute alone as its whole `Key`: the table then has no sort key. The same table is the one
 * the requests name, or, for boto3's resource tables, the object they are sent on.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { superlinearScaling } from '../../support/hostileShapes';
import { hintsIn, realHintRules, sourceLines } from './support';

const queryFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' dynamodb-query!'));

/** A boto3 script on the low-level client, in the shape of a data-modelling exercise. */
const PYTHON_SCRIPT = sourceLines(
  'import boto3',
  '',
  "client = boto3.client('dynamodb')",
  '',
  'def customer(customer_id):',
  '    resp = client.query(',
  "        TableName='Customers',",
  "        KeyConditionExpression='#c = :c AND #t = :t',",
  "        ExpressionAttributeNames={'#c': 'PK', '#t': 'SK'},",
  "        ExpressionAttributeValues={':c': {'S': customer_id}, ':t': {'S': customer_id}},",
  '    )',
  "    return resp['Items']",
  '',
  'def orders(customer_id):',
  '    resp = client.query(',
  "        TableName='Customers',",
  "        KeyConditionExpression='PK = :c AND begins_with(SK, :o)',",
  "        ExpressionAttributeValues={':c': {'S': customer_id}, ':o': {'S': 'ORDER#'}},",
  '    )',
  "    return resp['Items']",
  '',
  'def by_email(email, kind):',
  '    resp = client.query(',
  "        TableName='Customers',",
  "        IndexName='GSI1',",
  "        KeyConditionExpression='GSI1PK = :e AND GSI1SK = :k',",
  "        ExpressionAttributeValues={':e': {'S': email}, ':k': {'S': kind}},",
  '    )',
  "    return resp['Items']",
  '',
  'def same_twice(customer_id):',
  '    resp = client.query(',
  "        TableName='Customers',",
  "        KeyConditionExpression='#c = :c AND #c = :d',",
  "        ExpressionAttributeNames={'#c': 'PK'},",
  "        ExpressionAttributeValues={':c': {'S': customer_id}, ':d': {'S': customer_id}},",
  '    )',
  "    return resp['Items']",
);

/** A C# repository on an injected `IAmazonDynamoDB`, one request built in place and one handed in options. */
const CSHARP_REPOSITORY = sourceLines(
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.Model;',
  '',
  'public class ChargeRepository',
  '{',
  '    private readonly IAmazonDynamoDB _client;',
  '',
  '    public ChargeRepository(IAmazonDynamoDB client) { _client = client; }',
  '',
  '    public async Task<QueryResponse> ChargeAsync(string targetId, string id)',
  '    {',
  '        var request = new QueryRequest',
  '        {',
  '            TableName = "Charges",',
  '            KeyConditionExpression = "target_id = :t AND id = :i",',
  '            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { { ":t", new AttributeValue(targetId) }, { ":i", new AttributeValue(id) } },',
  '        };',
  '        return await _client.QueryAsync(request);',
  '    }',
  '',
  '    public async Task<QueryResponse> ChargesAsync(string targetId)',
  '    {',
  '        var request = new QueryRequest',
  '        {',
  '            TableName = "Charges",',
  '            KeyConditionExpression = "target_id = :t",',
  '            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { { ":t", new AttributeValue(targetId) } },',
  '        };',
  '        return await _client.QueryAsync(request);',
  '    }',
  '}',
);

/** A lib-dynamodb data layer whose request spreads options a caller passes: an IndexName may be among them. */
const JS_SPREAD = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'export async function pair(userId, peerId, options) {',
  "  const out = await doc.send(new QueryCommand({ TableName: 'match', KeyConditionExpression: 'user_id = :u AND peer_id = :p', ExpressionAttributeValues: { ':u': userId, ':p': peerId }, ...options }));",
  '  return out.Items;',
  '}',
  '',
  'export async function exact(userId, peerId) {',
  "  const out = await doc.send(new QueryCommand({ TableName: 'match', KeyConditionExpression: 'user_id = :u AND peer_id = :p', ExpressionAttributeValues: { ':u': userId, ':p': peerId } }));",
  '  return out.Items;',
  '}',
);

/** A boto3 table resource with the conditions builder, in a repository module's functions. */
const PYTHON_RESOURCE = sourceLines(
  'import boto3',
  'from boto3.dynamodb.conditions import Key',
  '',
  'table = boto3.resource("dynamodb").Table("Customers")',
  '',
  'def profile(customer_id):',
  '    resp = table.query(KeyConditionExpression=Key("PK").eq(f"CUSTOMER#{customer_id}") & Key("SK").eq(f"CUSTOMER#{customer_id}"))',
  '    return resp["Items"]',
  '',
  'def orders(customer_id):',
  '    resp = table.query(KeyConditionExpression=Key("PK").eq(customer_id) & Key("SK").begins_with("ORDER#"))',
  '    return resp["Items"]',
  '',
  'def by_partition(customer_id):',
  '    resp = table.query(KeyConditionExpression=Key("PK").eq(customer_id))',
  '    return resp["Items"]',
  '',
  'def by_status(status, day):',
  '    resp = table.query(IndexName="GSI1", KeyConditionExpression=Key("GSI1PK").eq(status) & Key("GSI1SK").eq(day))',
  '    return resp["Items"]',
  '',
  'def twice(customer_id):',
  '    resp = table.query(KeyConditionExpression=Key("PK").eq(customer_id) & Key("PK").eq("x & y"))',
  '    return resp["Items"]',
);

/** A Java repository whose request helper is overloaded: the call means the overload of its argument count. */
const JAVA_OVERLOADS = sourceLines(
  'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;', // 1
  'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
  'import software.amazon.awssdk.services.dynamodb.model.QueryResponse;',
  'public class Games {',
  '    private final DynamoDbClient dynamo;',
  '    public Games(DynamoDbClient dynamo) { this.dynamo = dynamo; }',
  '    public int onDay(String team, String day) {',
  '        QueryResponse response = dynamo.query(gameQuery(team, day));', // 8
  '        return response.items().size();',
  '    }',
  '    public int between(String team, String from, String to) {',
  '        QueryResponse response = dynamo.query(gameQuery(team, from, to));', // 12
  '        return response.items().size();',
  '    }',
  '    public int played(String team, String... days) {',
  '        QueryResponse response = dynamo.query(gameQuery(team, days[0], days[1], days[2]));', // 16
  '        return response.items().size();',
  '    }',
  '    private QueryRequest gameQuery(String team, String day) {',
  '        return QueryRequest.builder().tableName("games").keyConditionExpression("team = :t and day = :d").build();',
  '    }',
  '    private QueryRequest gameQuery(String team, String from, String to) {',
  '        QueryRequest.Builder builder = QueryRequest.builder().tableName("games");',
  '        return builder.keyConditionExpression("team = :t and day between :f and :u").build();',
  '    }',
  '    private QueryRequest gameQuery(String team, String... days) {',
  '        return QueryRequest.builder().tableName("games").keyConditionExpression("team = :t and day = :d").build();',
  '    }',
  '}',
);

/**
 * The same in C#: the overload declared last pins both keys, the one the range call reaches does not. The last is
 * expression-bodied, its object initializer's brace no body of its own (`=> new QueryRequest { ... }`).
 */
const CSHARP_OVERLOADS = sourceLines(
  'using Amazon.DynamoDBv2;', // 1
  'using Amazon.DynamoDBv2.Model;',
  'public class Games',
  '{',
  '    private readonly IAmazonDynamoDB _db;',
  '    public Games(IAmazonDynamoDB db) { _db = db; }',
  '    public async Task<int> OnDay(string team, string day)',
  '    {',
  '        var response = await _db.QueryAsync(GameQuery(team, day));', // 9
  '        return response.Items.Count;',
  '    }',
  '    public async Task<int> Between(string team, string from, string to)',
  '    {',
  '        var response = await _db.QueryAsync(GameQuery(team, from, to));', // 14
  '        return response.Items.Count;',
  '    }',
  '    private QueryRequest GameQuery(string team, string from, string to)',
  '    {',
  '        return new QueryRequest { TableName = "games", KeyConditionExpression = "team = :t and day between :f and :u" };',
  '    }',
  '    private QueryRequest GameQuery(string team, string day) =>',
  '        new QueryRequest { TableName = "games", KeyConditionExpression = "team = :t and day = :d" };',
  '}',
);

describe('a Query by the whole primary key of a table', () => {
  it('Python with boto3 conditions: `Key(pk).eq(a) & Key(sk).eq(b)` gets none; a range, one key, an index and one key twice keep it', () => {
    assert.deepEqual(queryFindings('app/customers.py', PYTHON_RESOURCE), ['11:query dynamodb-query!', '15:query dynamodb-query!', '19:query dynamodb-query!', '23:query dynamodb-query!']);
  });

  it('Python: no one-page finding for two equalities on a table; a sort-key range, an index and one attribute named twice keep it', () => {
    assert.deepEqual(queryFindings('scripts/customers.py', PYTHON_SCRIPT), ['15:query dynamodb-query!', '23:query dynamodb-query!', '32:query dynamodb-query!']);
  });

  it('C#: a QueryRequest on both keys gets none; one on the partition key alone keeps it', () => {
    assert.deepEqual(queryFindings('Gateways/ChargeRepository.cs', CSHARP_REPOSITORY), ['29:QueryAsync dynamodb-query!']);
  });

  it('Java: an overloaded request helper is read by the call\'s argument count, not the last declaration; a variable arity decides nothing', () => {
    assert.deepEqual(queryFindings('src/Games.java', JAVA_OVERLOADS), ['12:query dynamodb-query!']);
  });

  it('C#: an overloaded request helper is read by the call\'s argument count, an expression-bodied one by its initializer', () => {
    assert.deepEqual(queryFindings('Games.cs', CSHARP_OVERLOADS), ['14:QueryAsync dynamodb-query!']);
  });

  it('JavaScript: a request that spreads options in may name an index, so it keeps the finding', () => {
    assert.deepEqual(queryFindings('src/match.js', JS_SPREAD), ['7:QueryCommand dynamodb-query!']);
  });

  it('one equality on the attribute that the file writes as the whole Key of the same table matches one item', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const docs = new AWS.DynamoDB.DocumentClient();',
      'async function remove(name) {',
      "  await docs.delete({ TableName: 'Drinks', Key: { 'DrinkName': name } }).promise();",
      '}',
      'async function find(name) {',
      "  const out = await docs.query({ TableName: 'Drinks', KeyConditionExpression: '#n = :n', ExpressionAttributeNames: { '#n': 'DrinkName' }, ExpressionAttributeValues: { ':n': name } }).promise();",
      '  return out.Items;',
      '}',
      'async function byShop(shop) {',
      "  const out = await docs.query({ TableName: 'Drinks', KeyConditionExpression: 'Shop = :s', ExpressionAttributeValues: { ':s': shop } }).promise();",
      '  return out.Items;',
      '}',
      'async function ofOrder(orderId) {',
      "  await docs.get({ TableName: 'Orders', Key: { orderId, line: 1 } }).promise();",
      "  const out = await docs.query({ TableName: 'Orders', KeyConditionExpression: 'line = :l', ExpressionAttributeValues: { ':l': 1 } }).promise();",
      '  return out.Items;',
      '}',
      'async function elsewhere(name) {',
      "  const out = await docs.query({ TableName: 'Menu', KeyConditionExpression: 'DrinkName = :n', ExpressionAttributeValues: { ':n': name } }).promise();",
      '  return out.Items;',
      '}',
    );
    // Another attribute, a table keyed on two attributes, and another table keep the finding.
    assert.deepEqual(queryFindings('drinks.js', code), ['11:query dynamodb-query!', '16:query dynamodb-query!', '20:query dynamodb-query!']);
  });

  it("reads boto3 resource tables by the object the requests are sent on, whatever the table's name", () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      '',
      "dynamodb = boto3.resource('dynamodb')",
      '',
      'def mark(event, context):',
      '    sequences = dynamodb.Table(os.getenv("SEQUENCES_TABLE"))',
      '    found = sequences.query(KeyConditionExpression=Key("seqHash").eq(event["h"]))',
      "    if len(found['Items']) == 1:",
      "        sequences.update_item(Key={'seqHash': event['h']}, UpdateExpression='set done = :d', ExpressionAttributeValues={':d': True})",
      '    runs = dynamodb.Table(os.getenv("RUNS_TABLE"))',
      '    listed = runs.query(KeyConditionExpression=Key("seqHash").eq(event["h"]))',
      "    runs.update_item(Key={'seqHash': event['h'], 'runId': event['r']}, UpdateExpression='set done = :d', ExpressionAttributeValues={':d': True})",
      "    return listed['Items']",
    );
    // The first table's item request names seqHash alone as its whole key; the second table's names two attributes.
    assert.deepEqual(queryFindings('sequences.py', code), ['13:query dynamodb-query!']);
  });

  it('stays linear on many single-key item requests and many Queries of their tables', function () {
    this.timeout(120_000);
    const requests = (size: number): string =>
      sourceLines("const AWS = require('aws-sdk');", 'const docs = new AWS.DynamoDB.DocumentClient();') +
      Array.from(
        { length: Math.ceil(size / 260) },
        (_, k) =>
          `async function f${k}(v) {\n  await docs.get({ TableName: 'T${k % 50}', Key: { id${k % 7}: v } }).promise();\n` +
          `  return (await docs.query({ TableName: 'T${k % 50}', KeyConditionExpression: 'id${k % 5} = :v', ExpressionAttributeValues: { ':v': v } }).promise()).Items;\n}\n`,
      ).join('');
    const analyze = (text: string): void => void analyzeText(text, realHintRules(), { kind: 'javascript', fileName: 'many.js', onError: (error) => assert.fail(String(error)) });
    assert.equal(superlinearScaling('single-key tables', requests, analyze, { startSize: 100_000, maxSize: 400_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
  });
});

