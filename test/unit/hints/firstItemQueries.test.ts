/**
 * JavaScript/TypeScript, Java and C#: a Query whose result the code uses only for its first item gets no
 * one-page finding (the Python and Go shapes are in firstItemOnly.test.ts). Any other use of the response or
 * its items keeps it: returned, iterated, passed on, indexed past 0, counted as a number.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const queryFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' dynamodb-query!'));

/** A TypeScript repository with an injected lib-dynamodb client; `use` is what the method does with the result. */
function tsRepository(...use: string[]): string {
  return sourceLines(
    "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
    "import { Order } from './order';",
    '',
    'export class OrderRepository {',
    '  constructor(',
    '    private readonly ddb: DynamoDBDocumentClient,',
    '    private readonly tableName: string,',
    '  ) {}',
    '',
    '  async latestOrder(customerId: string): Promise<Order | undefined> {',
    ...use.map((line) =>
      line.replace(
        'QUERY',
        "this.ddb.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId }, ScanIndexForward: false }))",
      ),
    ),
    '  }',
    '}',
  );
}

/** A Lambda handler that creates its DocumentClient (SDK v2) inside the handler. */
function lambdaHandler(...use: string[]): string {
  return sourceLines(
    "const AWS = require('aws-sdk');",
    '',
    'exports.handler = async (event) => {',
    '  const docClient = new AWS.DynamoDB.DocumentClient();',
    '  const params = {',
    '    TableName: process.env.SESSIONS_TABLE,',
    "    KeyConditionExpression: 'userId = :u',",
    "    ExpressionAttributeValues: { ':u': event.requestContext.authorizer.principalId },",
    '  };',
    ...use,
    '};',
  );
}

/** A Java service with a DynamoDbClient field (SDK v2); `use` follows the Query. */
function javaService(...use: string[]): string {
  return sourceLines(
    'package com.example.users;',
    '',
    'import java.util.ArrayList;',
    'import java.util.List;',
    'import java.util.Map;',
    'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
    'import software.amazon.awssdk.services.dynamodb.model.AttributeValue;',
    'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
    'import software.amazon.awssdk.services.dynamodb.model.QueryResponse;',
    '',
    'public class UserService {',
    '    private final DynamoDbClient ddb;',
    '',
    '    public UserService(DynamoDbClient ddb) {',
    '        this.ddb = ddb;',
    '    }',
    '',
    '    public User byEmail(String email) {',
    '        QueryRequest request = QueryRequest.builder()',
    '                .tableName("users")',
    '                .indexName("by-email")',
    '                .keyConditionExpression("email = :e")',
    '                .expressionAttributeValues(Map.of(":e", AttributeValue.builder().s(email).build()))',
    '                .build();',
    ...use,
    '    }',
    '}',
  );
}

/** A C# repository with an injected IAmazonDynamoDB; `use` follows the Query. */
function csharpRepository(...use: string[]): string {
  return sourceLines(
    'using System.Collections.Generic;',
    'using System.Linq;',
    'using System.Threading.Tasks;',
    'using Amazon.DynamoDBv2;',
    'using Amazon.DynamoDBv2.Model;',
    '',
    'namespace Accounts',
    '{',
    '    public class UserRepository',
    '    {',
    '        private readonly IAmazonDynamoDB _dynamoDb;',
    '',
    '        public UserRepository(IAmazonDynamoDB dynamoDb)',
    '        {',
    '            _dynamoDb = dynamoDb;',
    '        }',
    '',
    '        public async Task<User> ByEmailAsync(string email)',
    '        {',
    '            var request = new QueryRequest',
    '            {',
    '                TableName = "users",',
    '                IndexName = "by-email",',
    '                KeyConditionExpression = "email = :e",',
    '                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = new AttributeValue { S = email } }',
    '            };',
    ...use,
    '        }',
    '    }',
    '}',
  );
}

function assertSilent(build: (...use: string[]) => string, file: string, shapes: string[][]): void {
  for (const use of shapes) {
    assert.deepEqual(queryFindings(file, build(...use)), [], use.join('\n'));
  }
}

function assertFires(build: (...use: string[]) => string, file: string, shapes: string[][]): void {
  for (const use of shapes) {
    assert.equal(queryFindings(file, build(...use)).length, 1, use.join('\n'));
  }
}

describe('a Query read only for its first item: JavaScript, Java, C#', () => {
  it('TypeScript, SDK v3 send(new QueryCommand(...)): it fires on the QueryCommand when the items are returned', () => {
    assert.deepEqual(queryFindings('orderRepository.ts', tsRepository('    const result = await QUERY;', '    return result.Items as Order[];')), ['11:QueryCommand dynamodb-query!']);
  });

  it('TypeScript, SDK v3: the first item, destructured, optional, tested, or its length compared with 0 or 1', () => {
    assertSilent(tsRepository, 'orderRepository.ts', [
      ['    const { Items } = await QUERY;', '    return Items?.[0] as Order | undefined;'],
      ['    const { Items: orders = [] } = await QUERY;', '    if (orders.length === 0) {', '      return undefined;', '    }', '    return orders[0] as Order;'],
      ['    const result = await QUERY;', '    return (result.Items?.[0] as Order) ?? undefined;'],
      ['    const result = await QUERY;', '    if (!result.Items || result.Items.length === 0) {', '      return undefined;', '    }', '    return result.Items[0] as Order;'],
      ['    const { Items } = await QUERY;', '    return Items?.length > 0 ? (Items[0] as Order) : undefined;'],
      ['    const result = await QUERY;', '    console.log(result);', '    return result.Items?.at(0) as Order | undefined;'],
      ['    const response = await QUERY;', '    const items = response.Items ?? [];', '    return items.length ? (items[0] as Order) : undefined;'],
      ['    const response = await QUERY;', '    const [latest] = response.Items ?? [];', '    return latest as Order | undefined;'],
      ['    const response = await QUERY;', "    if (response.Count === 0 || response.$metadata.httpStatusCode !== 200) {", '      return undefined;', '    }', '    return response.Items![0] as Order;'],
      // A uniqueness test: a first page holds two items whenever two exist (items up to 400 KB, pages of 1 MB).
      ['    const { Items = [] } = await QUERY;', '    return Items.length === 1 ? (Items[0] as Order) : undefined;'],
      ['    const result = await QUERY;', '    if (result.Items?.length !== 1) {', '      throw new Error("expected one order");', '    }', '    return result.Items[0] as Order;'],
      ['    const result = await QUERY;', '    return result.Count > 1 ? undefined : (result.Items?.[0] as Order);'],
      // An existence test by the count's truth: the first page holds an item whenever one matches.
      ['    const existing = await QUERY;', '    if (existing.Count) {', '      return undefined;', '    }', '    return {} as Order;'],
      ['    const result = await QUERY;', '    return !result.Count ? undefined : (result.Items?.[0] as Order);'],
      // The count's fallback for a response without one (`Count?: number` in the SDK's types).
      ['    const existing = await QUERY;', '    if ((existing.Count ?? 0) > 0) {', '      return undefined;', '    }', '    return {} as Order;'],
      ['    const existing = await QUERY;', '    return (existing.Count || 0) === 0 ? ({} as Order) : undefined;'],
      // The awaited result in parentheses, its type asserted with `as`: the same value.
      ['    const { Items: orders } = (await QUERY) as QueryCommandOutput;', '    if (!orders?.length) {', '      return undefined;', '    }', '    return orders[0] as Order;'],
      ['    const { Items } = (await QUERY) as TypedOutput<Order[]>;', '    return Items?.[0];'],
      ['    const result = (await QUERY) as QueryCommandOutput;', '    return result.Items?.[0] as Order | undefined;'],
      ['    const result = await QUERY as QueryCommandOutput', '    return result.Items?.[0] as Order | undefined'],
      ['    const { Items } = (await QUERY);', '    return Items?.[0] as Order | undefined;'],
      // The pattern's type annotated (`const { Items }: any = ...`).
      ['    const { Items }: any = await QUERY;', '    if (Items.length === 1) {', '      return Items[0] as Order;', '    }', '    return undefined;'],
      ['    const { Items }: QueryCommandOutput = await QUERY;', '    return Items?.[0] as Order | undefined;'],
    ]);
  });

  it('TypeScript, SDK v3: keeps the finding for every other use of the items or the response', () => {
    assertFires(tsRepository, 'orderRepository.ts', [
      ['    const { Items } = await QUERY;', '    return Items as unknown as Order;'],
      ['    const { Items }: any = await QUERY;', '    return Items as unknown as Order;'],
      ['    const { Items = [] } = await QUERY;', '    return Items.length === 2 ? (Items[0] as Order) : undefined;'],
      ['    const result = await QUERY;', '    return result.Items?.[1] as Order;'],
      ['    const result = await QUERY;', '    for (const item of result.Items ?? []) {', '      this.cache.set(customerId, item as Order);', '    }', '    return this.cache.get(customerId);'],
      ['    const result = await QUERY;', '    this.total = result.Items.length;', '    return result.Items[0] as Order;'],
      ['    const result = await QUERY;', '    return result.Count > 2 ? undefined : (result.Items?.[0] as Order);'],
      ['    const result = await QUERY;', '    return (result.Count ?? 0) > 2 ? undefined : (result.Items?.[0] as Order);'],
      ['    const result = await QUERY;', '    this.total = result.Count;', '    return result.Items?.[0] as Order;'],
      ['    const result = await QUERY;', '    this.total = (result.Count ?? 0) + 1;', '    return result.Items?.[0] as Order;'],
      ['    const result = await QUERY;', '    return result.Items?.find((item) => item.open) as Order;'],
      ['    const { Items } = await QUERY;', '    this.cache.set(customerId, Items);', '    return Items?.[0] as Order;'],
      ['    const result = await QUERY;', '    return this.toOrder(result);'],
      ['    const { Items: orders } = (await QUERY) as TypedOutput<Order[]>;', '    return orders ?? [];'],
      ['    const result = (await QUERY) as QueryCommandOutput;', '    return result.Items as Order[];'],
      // An assertion that goes on after the type (`as Output).Items`): not read, the finding stays.
      ['    const items = ((await QUERY) as QueryCommandOutput).Items;', '    return items as Order[];'],
    ]);
  });

  it('TypeScript, SDK v3: a command a local holds, sent once, reads like one sent in place', () => {
    // `const query = new QueryCommand(...)` then `send(query)`, as the SDK's documentation writes it.
    const held = (...use: string[]) =>
      tsRepository(
        "    const query = new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': customerId } });",
        ...use,
      );
    assertSilent(held, 'orderRepository.ts', [
      ['    const order = (await this.ddb.send(query)).Items[0] as any;', '    return order as Order;'],
      ['    const { Items } = await this.ddb.send(query);', '    return Items?.[0] as Order | undefined;'],
      ['    const result = await this.ddb.send(query);', '    return result.Items?.length ? (result.Items[0] as Order) : undefined;'],
    ]);
    assertFires(held, 'orderRepository.ts', [
      ['    const { Items } = await this.ddb.send(query);', '    return Items as unknown as Order;'],
      // Named again after its send (sent twice, passed on), its first send's result is not all the method reads.
      ['    const first = (await this.ddb.send(query)).Items[0];', '    const again = await this.ddb.send(query);', '    return (again.Items ?? [first]) as unknown as Order;'],
      ['    const first = (await this.ddb.send(query)).Items[0];', '    const rest = await this.pages(query);', '    return (first ?? rest) as Order;'],
    ]);
  });

  it('JavaScript Lambda handler, DocumentClient .query(params).promise(): silent for the first item, a finding for the list', () => {
    const first = lambdaHandler(
      '  const result = await docClient.query(params).promise();',
      '  if (!result.Items || result.Items.length === 0) {',
      '    return { statusCode: 404 };',
      '  }',
      '  return { statusCode: 200, body: JSON.stringify(result.Items[0]) };',
    );
    assert.deepEqual(queryFindings('handler.js', first), []);
    const direct = lambdaHandler('  const session = (await docClient.query(params).promise()).Items[0];', '  return { statusCode: 200, body: JSON.stringify(session) };');
    assert.deepEqual(queryFindings('handler.js', direct), []);
    const sessions = lambdaHandler('  const sessions = (await docClient.query(params).promise()).Items;', '  return { statusCode: 200, body: JSON.stringify(sessions) };');
    assert.deepEqual(queryFindings('handler.js', sessions), ['10:query dynamodb-query!']);
    const list = lambdaHandler('  const result = await docClient.query(params).promise();', '  return { statusCode: 200, body: JSON.stringify(result.Items) };');
    assert.deepEqual(queryFindings('handler.js', list), ['10:query dynamodb-query!']);
    const counted = lambdaHandler('  const data = await docClient.query(params).promise();', '  return { statusCode: 200, body: JSON.stringify({ sessions: data.Items.length }) };');
    assert.deepEqual(queryFindings('handler.js', counted), ['10:query dynamodb-query!']);
  });

  it('JavaScript: a filter keeps the finding, even for the first item', () => {
    const filtered = sourceLines(
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { DynamoDBDocumentClient, QueryCommand } = require('@aws-sdk/lib-dynamodb');",
      '',
      'exports.handler = async (event) => {',
      '  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '  const { Items } = await ddb.send(new QueryCommand({',
      '    TableName: process.env.TABLE,',
      "    KeyConditionExpression: 'pk = :pk',",
      "    FilterExpression: 'active = :yes',",
      "    ExpressionAttributeValues: { ':pk': event.pathParameters.id, ':yes': true },",
      '  }));',
      '  return Items?.[0];',
      '};',
    );
    assert.deepEqual(queryFindings('handler.js', filtered), ['6:QueryCommand dynamodb-query!']);
  });

  it('Java SDK v2: it fires on query(...) when the items are returned', () => {
    assert.deepEqual(queryFindings('UserService.java', javaService('        QueryResponse response = ddb.query(request);', '        return new User(response.items());')), ['25:query dynamodb-query!']);
  });

  it('Java SDK v2: get(0) after isEmpty(), hasItems(), a size or count compared with 0, stream().findFirst()', () => {
    assertSilent(javaService, 'UserService.java', [
      ['        QueryResponse r = ddb.query(request);', '        if (r.items().isEmpty()) {', '            return null;', '        }', '        return map(r.items().get(0));'],
      ['        QueryResponse response = ddb.query(request);', '        if (!response.hasItems() || response.count() == 0) {', '            return null;', '        }', '        return map(response.items().get(0));'],
      ['        var response = ddb.query(request);', '        List<Map<String, AttributeValue>> items = response.items();', '        return items.size() > 0 ? map(items.get(0)) : null;'],
      ['        List<Map<String, AttributeValue>> items = ddb.query(request).items();', '        return items.size() == 1 ? map(items.get(0)) : null;'],
      ['        return ddb.query(request).items().stream().findFirst().map(this::map).orElse(null);'],
      ['        final QueryResponse response = ddb.query(request);', '        logger.debug(response);', '        return response.items().isEmpty() ? null : map(response.items().get(0));'],
    ]);
  });

  it('Java SDK v2: keeps the finding for a list, a loop, a filtered stream, an index past 0 or a count used as a number', () => {
    assertFires(javaService, 'UserService.java', [
      ['        QueryResponse response = ddb.query(request);', '        return merge(response.items());'],
      ['        QueryResponse response = ddb.query(request);', '        List<User> users = new ArrayList<>();', '        for (Map<String, AttributeValue> item : response.items()) {', '            users.add(map(item));', '        }', '        return users.get(0);'],
      ['        return ddb.query(request).items().stream().filter(i -> i.containsKey("active")).findFirst().map(this::map).orElse(null);'],
      ['        QueryResponse response = ddb.query(request);', '        return response.items().size() > 1 ? map(response.items().get(1)) : null;'],
      ['        QueryResponse response = ddb.query(request);', '        metrics.record(response.count());', '        return map(response.items().get(0));'],
      ['        List<Map<String, AttributeValue>> items = ddb.query(request).items();', '        return items.size() == 2 ? map(items.get(0)) : null;'],
      ['        QueryResponse response = ddb.query(request);', '        this.last = response;', '        return map(response.items().get(0));'],
    ]);
  });

  it('Java SDK v2 async client: the response a join() waits for reads like the synchronous one', () => {
    const asyncService = (...use: string[]) =>
      javaService(...use)
        .replace('import software.amazon.awssdk.services.dynamodb.DynamoDbClient;', 'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;')
        .replace(/DynamoDbClient ddb/g, 'DynamoDbAsyncClient ddb');
    assert.deepEqual(queryFindings('UserService.java', asyncService('        QueryResponse response = ddb.query(request).join();', '        return response.items().isEmpty() ? null : map(response.items().get(0));')), []);
    assert.deepEqual(queryFindings('UserService.java', asyncService('        QueryResponse response = ddb.query(request).join();', '        return merge(response.items());')), ['25:query dynamodb-query!']);
  });

  it('Java SDK v1: getItems().get(0) after isEmpty() is silent, getItems() returned keeps the finding', () => {
    const service = (...use: string[]) =>
      sourceLines(
        'package com.example.users;',
        '',
        'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
        'import com.amazonaws.services.dynamodbv2.model.AttributeValue;',
        'import com.amazonaws.services.dynamodbv2.model.QueryRequest;',
        'import com.amazonaws.services.dynamodbv2.model.QueryResult;',
        'import java.util.Collections;',
        '',
        'public class LegacyUserService {',
        '    private final AmazonDynamoDB dynamoDB;',
        '',
        '    public LegacyUserService(AmazonDynamoDB dynamoDB) {',
        '        this.dynamoDB = dynamoDB;',
        '    }',
        '',
        '    public User byEmail(String email) {',
        '        QueryRequest request = new QueryRequest()',
        '                .withTableName("users")',
        '                .withIndexName("by-email")',
        '                .withKeyConditionExpression("email = :e")',
        '                .withExpressionAttributeValues(Collections.singletonMap(":e", new AttributeValue(email)));',
        '        QueryResult result = dynamoDB.query(request);',
        ...use,
        '    }',
        '}',
      );
    assert.deepEqual(queryFindings('LegacyUserService.java', service('        if (result.getItems().isEmpty()) {', '            return null;', '        }', '        return map(result.getItems().get(0));')), []);
    assert.deepEqual(queryFindings('LegacyUserService.java', service('        return mapAll(result.getItems());')), ['22:query dynamodb-query!']);
  });

  it('C#: it fires on QueryAsync when the items are returned', () => {
    assert.deepEqual(queryFindings('UserRepository.cs', csharpRepository('            var response = await _dynamoDb.QueryAsync(request);', '            return Map(response.Items);')), ['27:QueryAsync dynamodb-query!']);
  });

  it('C#: Items[0] after a Count test, FirstOrDefault(), Any(), the response count compared with 0', () => {
    assertSilent(csharpRepository, 'UserRepository.cs', [
      ['            var response = await _dynamoDb.QueryAsync(request);', '            if (response.Items.Count == 0)', '            {', '                return null;', '            }', '            return Map(response.Items[0]);'],
      ['            QueryResponse response = await _dynamoDb.QueryAsync(request).ConfigureAwait(false);', '            var item = response.Items.FirstOrDefault();', '            return item == null ? null : Map(item);'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return response.Items.Any() ? Map(response.Items.First()) : null;'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return response.Count > 0 && response.HttpStatusCode == System.Net.HttpStatusCode.OK ? Map(response.Items[0]) : null;'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return response.Count == 1 ? Map(response.Items[0]) : null;'],
      ['            var items = (await _dynamoDb.QueryAsync(request)).Items;', '            return Map(items.FirstOrDefault());'],
    ]);
  });

  it('C#: keeps the finding for a list, a loop, a LINQ predicate, an index past 0 or a count used as a number', () => {
    assertFires(csharpRepository, 'UserRepository.cs', [
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return Map(response.Items.Select(Map).ToList());'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            var users = new List<User>();', '            foreach (var item in response.Items)', '            {', '                users.Add(Map(item));', '            }', '            return users[0];'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return Map(response.Items.FirstOrDefault(i => i.ContainsKey("active")));'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return response.Items.Count > 1 ? Map(response.Items[1]) : null;'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            _metrics.Add(response.Items.Count);', '            return Map(response.Items[0]);'],
      ['            var response = await _dynamoDb.QueryAsync(request);', '            return response.Count == 2 ? Map(response.Items[0]) : null;'],
    ]);
  });

  it("C#: DynamoDBContext's search whose first page is read for its first item, and not one whose page is returned or filtered", () => {
    const service = (...use: string[]): string =>
      sourceLines(
        'using Amazon.DynamoDBv2.DataModel;',
        '',
        'public class UsersService',
        '{',
        '    private readonly IDynamoDBContext _context;',
        '    public UsersService(IDynamoDBContext context) { _context = context; }',
        '',
        '    public async Task<UserData> GetById(string userId, CancellationToken token)',
        '    {',
        '        var search = _context.QueryAsync<UserData>(userId, new DynamoDBOperationConfig { IndexName = "UserIdIndex" });',
        ...use,
        '    }',
        '}',
      );
    const first = service('        var page = await search.GetNextSetAsync(token);', '        if (page.Any())', '            return page.First();', '        return null;');
    assert.deepEqual(queryFindings('UsersService.cs', first), []);
    const whole = service('        var page = await search.GetNextSetAsync(token);', '        return page.Count > 0 ? page[0] : null;');
    assert.deepEqual(queryFindings('UsersService.cs', whole), []);
    const returned = service('        var page = await search.GetNextSetAsync(token);', '        return page;');
    assert.deepEqual(queryFindings('UsersService.cs', returned), ['10:QueryAsync dynamodb-query!']);
    const filtered = first.replace('IndexName = "UserIdIndex"', 'IndexName = "UserIdIndex", QueryFilter = filters');
    assert.deepEqual(queryFindings('UsersService.cs', filtered), ['10:QueryAsync dynamodb-query!']);
  });
});

