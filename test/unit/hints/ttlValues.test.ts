/**
 * DynamoDB writes that set the Time to Live attribute to a time TTL cannot read (`code/ttlValues.ts`,
 * `checks/ttlValues.ts`): milliseconds or finer, or a date as a string, in each SDK language; seconds are silent.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['dynamodb-ttl-not-in-seconds'];
const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('TTL values not in epoch seconds', () => {
  it('JavaScript: a session store puts milliseconds through a name, and updates the TTL with a date string', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const DAY_MS = 24 * 60 * 60 * 1000;',
      'export class SessionStore {',
      '  async save(id: string, data: object): Promise<void> {',
      '    const ttl = Date.now() + DAY_MS;',
      "    await doc.send(new PutCommand({ TableName: 'sessions', Item: { pk: id, ...data, ttl } }));",
      '  }',
      '  async extend(id: string): Promise<void> {',
      '    await doc.send(new UpdateCommand({',
      "      TableName: 'sessions', Key: { pk: id },",
      "      UpdateExpression: 'SET #ttl = :ttl',",
      "      ExpressionAttributeNames: { '#ttl': 'ttl' },",
      "      ExpressionAttributeValues: { ':ttl': new Date(Date.now() + 3600e3).toISOString() },",
      '    }));',
      '  }',
      '  async token(id: string): Promise<void> {',
      "    await doc.send(new PutCommand({ TableName: 'tokens', Item: { pk: id, ttl: Math.floor(Date.now() / 1000) + 3600 } }));",
      "    await doc.send(new PutCommand({ TableName: 'codes', Item: { pk: id, expiresAt: Date.now() + 600000, createdAt: Date.now() } }));",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('sessions.ts', code, RULE), [
      '15:new Date(Date.now() + 3600e3).toISOString() dynamodb-ttl-not-in-seconds',
      '15:new Date(Date.now() + 3600e3).toISOString() dynamodb-ttl-not-in-seconds!',
      '8:ttl dynamodb-ttl-not-in-seconds',
      '8:ttl dynamodb-ttl-not-in-seconds!',
    ]);
  });

  it('JavaScript: seconds are silent, whether divided by a thousand, by a named constant, or read through a name that divides', () => {
    const code = sourceLines(
      "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'const MS_PER_SECOND = 1000;',
      'exports.handler = async (event) => {',
      '  const expires = Date.now() + 3600 * 1000;',
      '  const ttl = Math.round(expires / 1000);',
      "  await client.send(new PutItemCommand({ TableName: 'jobs', Item: { pk: { S: event.id }, ttl: { N: String(ttl) } } }));",
      "  await client.send(new PutItemCommand({ TableName: 'jobs', Item: { pk: { S: event.id }, ttl: { N: `${Math.floor(Date.now() / 1000)}` } } }));",
      "  await client.send(new PutItemCommand({ TableName: 'jobs', Item: { pk: { S: event.id }, ttl: { N: String(Date.now() / MS_PER_SECOND) } } }));",
      "  await client.send(new PutItemCommand({ TableName: 'jobs', Item: { pk: { S: event.id }, ttl: { N: `${Date.now() + 60000}` } } }));",
      '};',
    );
    assert.deepEqual(findings(hintsOfRules('handler.js', code, RULE)), ['10:{ N: `${Date.now() + 60000}` } dynamodb-ttl-not-in-seconds!']);
  });

  it('follows helper functions of the file: one that computes the expiry, one that builds the whole item', () => {
    const code = sourceLines(
      "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'function expiresIn(minutes) {',
      '  return Date.now() + minutes * 60_000;',
      '}',
      'const ttlFromDate = (date = new Date()) => Math.floor(date.getTime() / 1000);',
      'function tokenItem(token) {',
      '  return { token: { S: token }, ttl: { N: String(expiresIn(180)) } };',
      '}',
      'exports.handler = async (event) => {',
      "  await client.send(new PutItemCommand({ TableName: 'tokens', Item: tokenItem(event.token) }));",
      "  await client.send(new PutItemCommand({ TableName: 'codes', Item: { code: { S: event.code }, ttl: { N: String(expiresIn(5)) } } }));",
      "  await client.send(new PutItemCommand({ TableName: 'codes', Item: { code: { S: event.code }, ttl: { N: String(ttlFromDate() + 300) } } }));",
      '};',
    );
    assert.deepEqual(findings(hintsOfRules('tokens.js', code, RULE)), ['12:{ N: String(expiresIn(5)) } dynamodb-ttl-not-in-seconds!', '8:{ N: String(expiresIn(180)) } dynamodb-ttl-not-in-seconds!']);
  });

  it('the workspace names the TTL attribute: a template enables TTL on expiresAt, which the code writes in milliseconds', () => {
    const template = sourceLines(
      'Resources:',
      '  Sessions:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: sessions',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]',
      '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
      '      TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }',
    );
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function save(id: string): Promise<void> {',
      "  await doc.send(new PutCommand({ TableName: 'sessions', Item: { pk: id, expiresAt: Date.now() + 3_600_000, ttl: Date.now() } }));",
      '}',
    );
    const files = { 'template.yaml': template, 'src/sessions.ts': code };
    assert.deepEqual(findings(hintsInWorkspace(workspaceOf(files), 'src/sessions.ts', code)).filter((hint) => hint.includes('ttl-not')), ['5:Date.now() + 3_600_000 dynamodb-ttl-not-in-seconds!']);
    // Alone, only an attribute named for TTL counts.
    assert.deepEqual(findings(hintsOfRules('src/sessions.ts', code, RULE)), ['5:Date.now() dynamodb-ttl-not-in-seconds!']);
  });

  it('Python: milliseconds from time.time() * 1000 and from time_ns(), not seconds', () => {
    const code = sourceLines(
      'import time',
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("sessions")',
      '',
      'def save(session_id):',
      '    table.put_item(Item={"pk": session_id, "ttl": int(time.time() * 1000) + 3_600_000})',
      '',
      'def save_seconds(session_id):',
      '    table.put_item(Item={"pk": session_id, "ttl": int(time.time()) + 3600})',
      '',
      'def touch(session_id):',
      '    expires = time.time_ns() // 1_000_000 + 60_000',
      '    table.update_item(',
      '        Key={"pk": session_id},',
      '        UpdateExpression="SET #t = :t",',
      '        ExpressionAttributeNames={"#t": "ttl"},',
      '        ExpressionAttributeValues={":t": expires},',
      '    )',
      '',
      'def touch_seconds(session_id):',
      '    table.update_item(Key={"pk": session_id}, UpdateExpression="SET #t = :t", ExpressionAttributeNames={"#t": "ttl"}, ExpressionAttributeValues={":t": time.time_ns() // 1_000_000_000})',
    );
    assert.deepEqual(findings(hintsOfRules('sessions.py', code, RULE)), ['18:expires dynamodb-ttl-not-in-seconds!', '7:int(time.time() * 1000) + 3_600_000 dynamodb-ttl-not-in-seconds!']);
  });

  it('Java, Go and C#: the milliseconds clocks of each, and their seconds clocks silent', () => {
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'import java.time.Instant;',
      'import java.util.Map;',
      'public class SessionRepository {',
      '  private final DynamoDbClient ddb;',
      '  public SessionRepository(DynamoDbClient ddb) { this.ddb = ddb; }',
      '  public void save(String id) {',
      '    ddb.putItem(PutItemRequest.builder().tableName("sessions").item(Map.of("pk", AttributeValue.fromS(id), "ttl", AttributeValue.fromN(String.valueOf(System.currentTimeMillis() + 3_600_000L)))).build());',
      '    ddb.putItem(PutItemRequest.builder().tableName("sessions").item(Map.of("pk", AttributeValue.fromS(id), "ttl", AttributeValue.fromN(String.valueOf(Instant.now().getEpochSecond() + 3600)))).build());',
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('SessionRepository.java', java, RULE)), ['9:AttributeValue.fromN(String.valueOf(System.currentTimeMillis() + 3_600_000L)) dynamodb-ttl-not-in-seconds!']);
    const go = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '\t"strconv"',
      '\t"time"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Store struct{ client *dynamodb.Client }',
      '',
      'func (s *Store) Save(ctx context.Context, id string, seconds bool) error {',
      '\tat := time.Now().Add(time.Hour).UnixMilli()',
      '\tif seconds {',
      '\t\t_, err := s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: map[string]types.AttributeValue{"ttl": &types.AttributeValueMemberN{Value: strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)}}})',
      '\t\treturn err',
      '\t}',
      '\t_, err := s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: map[string]types.AttributeValue{"ttl": &types.AttributeValueMemberN{Value: strconv.FormatInt(at, 10)}}})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('store.go', go, RULE)), ['21:&types.AttributeValueMemberN{Value: strconv.FormatInt(at, 10)} dynamodb-ttl-not-in-seconds!']);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class SessionStore',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    public SessionStore(IAmazonDynamoDB client) { _client = client; }',
      '    public Task Save(string id) => _client.PutItemAsync(new PutItemRequest',
      '    {',
      '        TableName = "sessions",',
      '        Item = new Dictionary<string, AttributeValue>',
      '        {',
      '            ["pk"] = new AttributeValue { S = id },',
      '            ["ttl"] = new AttributeValue { N = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds().ToString() },',
      '            ["createdTtl"] = new AttributeValue { N = DateTime.UtcNow.Ticks.ToString() },',
      '        },',
      '    });',
      '    public Task Touch(string id) => _client.PutItemAsync(new PutItemRequest',
      '    {',
      '        TableName = "sessions",',
      '        Item = new Dictionary<string, AttributeValue> { ["ttl"] = new AttributeValue { N = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString() } },',
      '    });',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('SessionStore.cs', csharp, RULE)), ['13:new AttributeValue { N = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds().ToString() } dynamodb-ttl-not-in-seconds!']);
  });

  it('batch and transaction writes: each PutRequest and Put item, also built by a callback or a comprehension', () => {
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export async function saveAll(events: { id: string }[]): Promise<void> {',
      '  const expiresAt = Date.now() + 7 * 86_400_000;',
      "  await doc.send(new BatchWriteCommand({ RequestItems: { events: events.map((e) => ({ PutRequest: { Item: { ...e, ttl: expiresAt } } })) } }));",
      "  await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'events', Item: { pk: 'x', ttl: Math.floor(Date.now() / 1000) } } }, { Put: { TableName: 'events', Item: { pk: 'y', ttl: Date.now() } } }] }));",
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('events.ts', js, RULE)), ['6:expiresAt dynamodb-ttl-not-in-seconds!', '7:Date.now() dynamodb-ttl-not-in-seconds!']);
    const python = sourceLines(
      'import time',
      'import boto3',
      'client = boto3.client("dynamodb")',
      'def save(ids):',
      '    client.batch_write_item(RequestItems={"events": [{"PutRequest": {"Item": {"pk": {"S": i}, "ttl": {"N": str(int(time.time() * 1000))}}}} for i in ids]})',
      '    in_seconds = [{"PutRequest": {"Item": {"pk": {"S": i}, "ttl": {"N": str(int(time.time()) + 60)}}}} for i in ids]',
      '    client.batch_write_item(RequestItems={"events": in_seconds})',
    );
    assert.deepEqual(findings(hintsOfRules('events.py', python, RULE)), ['5:{"N": str(int(time.time() * 1000))} dynamodb-ttl-not-in-seconds!']);
  });

  it('Go: a struct literal marshalled into the item, its field named by its dynamodbav tag', () => {
    const go = sourceLines(
      'package sessions',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'type Session struct {',
      '\tID        string `dynamodbav:"pk"`',
      '\tExpiresAt int64  `dynamodbav:"ttl"`',
      '\tCreatedAt int64  `dynamodbav:"created_at"`',
      '}',
      '',
      'type Store struct{ db *dynamodb.Client }',
      '',
      'func (s *Store) Put(ctx context.Context, id string) error {',
      '\titem, err := attributevalue.MarshalMap(Session{ID: id, ExpiresAt: time.Now().Add(24 * time.Hour).UnixMilli(), CreatedAt: time.Now().UnixMilli()})',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\t_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: item})',
      '\treturn err',
      '}',
      '',
      'func (s *Store) PutSeconds(ctx context.Context, id string) error {',
      '\tsession := &Session{ID: id, ExpiresAt: time.Now().Add(time.Hour).Unix()}',
      '\titem, err := attributevalue.MarshalMap(session)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\t_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: item})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('sessions.go', go, RULE)), ['21:time.Now().Add(24 * time.Hour).UnixMilli() dynamodb-ttl-not-in-seconds!']);
  });

  it("object models: a Java bean's setter or builder step, a C# model's property, a Go struct's field, named for TTL", () => {
    const java = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
      'import java.time.Instant;',
      'public class SessionService {',
      '  private final DynamoDbTable<Session> table;',
      '  public SessionService(DynamoDbTable<Session> table) { this.table = table; }',
      '  public void start(String id) {',
      '    Session session = new Session();',
      '    session.setId(id);',
      '    session.setTtl(System.currentTimeMillis() + 3_600_000L);',
      '    table.putItem(session);',
      '    table.putItem(Session.builder().id(id).ttl(Instant.now().plusSeconds(3600).getEpochSecond()).build());',
      '  }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('SessionService.java', java, RULE)), ['9:System.currentTimeMillis() + 3_600_000L dynamodb-ttl-not-in-seconds!']);
    // A setter of the same name on a class no object model maps.
    assert.deepEqual(findings(hintsOfRules('SessionService.java', java.replace('software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable', 'com.example.cache.Table'), RULE)), []);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2.DataModel;',
      'public class SessionService',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public SessionService(IDynamoDBContext context) { _context = context; }',
      '    public Task Start(string id) => _context.SaveAsync(new Session { Id = id, Ttl = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() });',
      '    public Task Renew(Session s) { s.Ttl = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(); return _context.SaveAsync(s); }',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('SessionService.cs', csharp, RULE)), ['6:DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds() dynamodb-ttl-not-in-seconds!']);
    const go = sourceLines(
      'package sessions',
      '',
      'import (',
      '\t"time"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
      ')',
      '',
      'type Session struct {',
      '\tID  string',
      '\tTTL int64',
      '}',
      '',
      'func Item(id string) (interface{}, error) {',
      '\ts := Session{ID: id}',
      '\ts.TTL = time.Now().Add(time.Hour).UnixMilli()',
      '\treturn attributevalue.MarshalMap(s)',
      '}',
    );
    assert.deepEqual(findings(hintsOfRules('sessions.go', go, RULE)), ['16:time.Now().Add(time.Hour).UnixMilli() dynamodb-ttl-not-in-seconds!']);
  });
});
