/**
 * Requests, props and client options built the ways real projects build them: a literal held by a
 * variable and completed by assignment, spread from shared defaults, built by a helper function, or an
 * SDK's own config object; and the traps (a variable of the same name elsewhere, an option overridden).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

/** `line:text rule` for every hover site, and `line:text rule!` for every finding. */
function hints(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${code.slice(site.start, site.end)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)}:${code.slice(finding.start, finding.end)} ${finding.ruleId}!`),
  ];
}

function lines(...source: string[]): string {
  return source.join('\n') + '\n';
}

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

describe('request shapes', () => {
  describe('options set by assignment on a request variable', () => {
    it('reads a filter added to a typed input in a NestJS service, not one set on another variable of the name', () => {
      const code = lines(
        "import { DynamoDBDocumentClient, QueryCommand, QueryCommandInput } from '@aws-sdk/lib-dynamodb';",
        'export class OrdersService {',
        '  constructor(private readonly ddb: DynamoDBDocumentClient) {}',
        '  async byCustomer(id: string, status?: string) {',
        "    const input: QueryCommandInput = { TableName: 'orders', KeyConditionExpression: 'pk = :pk' };",
        '    if (status) {',
        "      input.FilterExpression = '#s = :s';",
        '    }',
        '    return this.ddb.send(new QueryCommand(input));',
        '  }',
        '  other() {',
        '    const input = { headers: {} };',
        "    input.ConsistentRead = true;",
        '  }',
        '}',
      );
      const found = hints('orders.service.ts', code);
      assertHas(found, '7:FilterExpression dynamodb-filter-expression');
      assert.ok(!found.some((hint) => hint.startsWith('13:')), found.join('\n'));
    });

    it('reads the start key a C# loop and a Go loop set on their request', () => {
      const csharp = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.Model;',
        'public class Export(IAmazonDynamoDB db)',
        '{',
        '    public async Task All()',
        '    {',
        '        var request = new ScanRequest { TableName = "orders" };',
        '        ScanResponse response;',
        '        do',
        '        {',
        '            response = await db.ScanAsync(request);',
        '            request.ExclusiveStartKey = response.LastEvaluatedKey;',
        '        } while (response.LastEvaluatedKey.Count > 0);',
        '    }',
        '}',
      );
      const go = lines(
        'package export',
        'import (',
        '\t"context"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        'func All(ctx context.Context, db *dynamodb.Client, name string) error {',
        '\tinput := &dynamodb.ScanInput{TableName: &name}',
        '\tfor {',
        '\t\tout, err := db.Scan(ctx, input)',
        '\t\tif err != nil || out.LastEvaluatedKey == nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t\tinput.ExclusiveStartKey = out.LastEvaluatedKey',
        '\t}',
        '}',
      );
      assertHas(hints('Export.cs', csharp), '12:ExclusiveStartKey dynamodb-pagination-keys');
      assertHas(hints('export.go', go), '13:ExclusiveStartKey dynamodb-pagination-keys');
    });
  });

  describe('objects spread from shared defaults and props held in variables', () => {
    it('lends a Redis client the options of a shared object spread into it', () => {
      const code = lines(
        "import Redis, { RedisOptions } from 'ioredis';",
        'const base: RedisOptions = {',
        '  password: process.env.REDIS_AUTH,',
        '  maxRetriesPerRequest: 2,',
        '};',
        "export const primary = new Redis({ ...base, host: process.env.REDIS_HOST });",
      );
      assertHas(hints('redis.ts', code), '3:password redis-password');
    });

    it('reads CDK props from a variable and from a spread, once each, and lets an own prop win', () => {
      const code = lines(
        "import { RemovalPolicy, Stack } from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        'export class Tables extends Stack {',
        '  constructor(scope, id, props) {',
        '    super(scope, id, props);',
        '    const defaults: dynamodb.TableProps = {',
        "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
        '      removalPolicy: RemovalPolicy.DESTROY,',
        '    };',
        "    new dynamodb.Table(this, 'Orders', defaults);",
        "    new dynamodb.Table(this, 'Audit', { ...defaults, removalPolicy: RemovalPolicy.RETAIN });",
        "    new dynamodb.Table(this, 'Carts', { ...defaults });",
        '  }',
        '}',
      );
      const found = hints('tables.ts', code);
      // Audit keeps its own RETAIN, and leaves point-in-time recovery out, which the spread object does not set either.
      assertHas(found, '8:removalPolicy dynamodb-removal-policy!', '11:removalPolicy dynamodb-removal-policy', '11:Table dynamodb-pitr!');
      assert.equal(found.filter((hint) => hint === '8:removalPolicy dynamodb-removal-policy!').length, 1, found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('11:') && hint.endsWith('!') && hint.includes('removal-policy')), found.join('\n'));
    });

    it('lends nothing from an object spread inside a value (a key), only from one spread into the options', () => {
      const code = (request: string) =>
        lines(
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
          'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
          "const read = { IndexName: 'by-email', ConsistentRead: true };",
          `export const load = (pk: string) => doc.send(new GetCommand(${request}));`,
        );
      const consistentOnIndex = '4:ConsistentRead dynamodb-consistent-read!';
      assertHas(hints('users.ts', code("{ TableName: 'users', Key: { pk }, ...read }")), consistentOnIndex);
      const nested = hints('users.ts', code("{ TableName: 'users', Key: { pk, ...read } }"));
      assert.ok(!nested.includes(consistentOnIndex), nested.join('\n'));
    });
  });

  describe('requests built by a helper, a paginator lambda or a copy', () => {
    it('reads a Go input a helper returns, on a client a getter method returns, and not a result type as a literal', () => {
      const code = lines(
        'package admin',
        'import (',
        '\t"context"',
        '\t"github.com/aws/aws-sdk-go-v2/aws"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        ')',
        'type Admin struct {',
        '\tdb *dynamodb.Client',
        '}',
        'func (a *Admin) dynamo() *dynamodb.Client {',
        '\treturn a.db',
        '}',
        'func countInput(table string) *dynamodb.ScanInput {',
        '\treturn &dynamodb.ScanInput{TableName: aws.String(table), Limit: aws.Int32(10), FilterExpression: aws.String("x")}',
        '}',
        'func (a *Admin) Count(ctx context.Context, t string) error {',
        '\t_, err := a.dynamo().Scan(ctx, countInput(t))',
        '\treturn err',
        '}',
      );
      const found = hints('admin.go', code);
      assertHas(found, '17:Scan dynamodb-scan', '14:Limit dynamodb-limit!');
      assert.ok(!found.some((hint) => hint.startsWith('13:')), found.join('\n'));
      assert.equal(found.filter((hint) => hint === '14:Limit dynamodb-limit!').length, 1, found.join('\n'));
    });

    it('reads the options of a Java paginator lambda and of a request copied with toBuilder()', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
        'import software.amazon.awssdk.services.dynamodb.model.*;',
        'public class Ledger {',
        '    private final DynamoDbClient dynamoDb;',
        '    public long balance(String id) {',
        '        return dynamoDb.queryPaginator(r -> r.tableName("ledger").indexName("by-account").consistentRead(true)).items().stream().count();',
        '    }',
        '    public void page(Map<String, AttributeValue> lastKey) {',
        '        QueryRequest base = QueryRequest.builder().tableName("ledger").build();',
        '        QueryRequest next = lastKey == null ? base : base.toBuilder().exclusiveStartKey(lastKey).build();',
        '        dynamoDb.query(next);',
        '    }',
        '}',
      );
      const found = hints('Ledger.java', code);
      assertHas(found, '6:queryPaginator dynamodb-query', '6:consistentRead dynamodb-consistent-read!', '10:exclusiveStartKey dynamodb-pagination-keys', '11:query dynamodb-query');
    });

    it('reads a Java request built from a builder variable that an if completed, sent by a client of unseen origin', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
        'public class ExportTask extends BaseTask {',
        '    public int run(String table, boolean consistent) {',
        '        try (var dynamoDb = client()) {',
        '            var builder = ScanRequest.builder().tableName(table);',
        '            if (consistent) {',
        '                builder.consistentRead(true);',
        '            }',
        '            var request = builder.build();',
        '            return dynamoDb.scan(request).items().size();',
        '        }',
        '    }',
        '    public int other(Cache cache) {',
        '        var request = cache.builder().build();',
        '        return cache.scan(request).size();',
        '    }',
        '}',
      );
      const found = hints('ExportTask.java', code);
      assertHas(found, '10:scan dynamodb-scan', '10:scan dynamodb-scan!', '7:consistentRead dynamodb-consistent-read');
      assert.ok(!found.some((hint) => hint.startsWith('15:')), found.join('\n'));
    });

    it("reads an enhanced client's typed Scan request as paging, and a typed low-level one as one page, on tables of unseen origin", () => {
      const code = lines(
        'import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;',
        'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
        'final class MetricReader extends MetricStore {',
        '    List<Metric> all() {',
        '        ScanEnhancedRequest request = ScanEnhancedRequest.builder().build();',
        '        return table.scan(request).items().stream().toList();',
        '    }',
        '    int raw() {',
        '        return client.scan(ScanRequest.builder().tableName("metrics").build()).count();',
        '    }',
        '}',
      );
      const found = hints('MetricReader.java', code);
      assertHas(found, '6:scan dynamodb-scan', '9:scan dynamodb-scan!');
      assert.ok(!found.includes('6:scan dynamodb-scan!'), found.join('\n'));
    });

    it('reads a JavaScript request a same-file function returns', () => {
      const code = lines(
        "const AWS = require('aws-sdk');",
        'const db = new AWS.DynamoDB.DocumentClient();',
        "const byDay = (day) => ({ TableName: 'totals', IndexName: 'by-day', KeyConditionExpression: 'd = :d', ConsistentRead: true });",
        'exports.handler = async (event) => db.query(byDay(event.day)).promise();',
      );
      assertHas(hints('report.js', code), '4:query dynamodb-query', '3:ConsistentRead dynamodb-consistent-read!');
    });
  });

  describe('requests typed with the SDK input type and built apart', () => {
    it("reads the literal a builder typed with an input type returns, directly or through a variable, and not another library's type", () => {
      const code = lines(
        "import { GetCommandInput, QueryCommandInput, ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
        "import { SearchRequest } from '@opensearch-project/opensearch/api/types';",
        'export class MemberRepository {',
        '  constructor(private readonly tableName: string) {}',
        '  prepareQuery(id: string): QueryCommandInput {',
        '    const params = {',
        '      TableName: this.tableName,',
        "      IndexName: 'by-email',",
        "      KeyConditionExpression: 'email = :e',",
        '      ConsistentRead: true,',
        "      ExpressionAttributeValues: { ':e': id },",
        '    };',
        '    return params;',
        '  }',
        "  prepareScan = (): ScanCommandInput => ({ TableName: this.tableName, FilterExpression: 'active = :a' });",
        '  searchParams(term: string): SearchRequest {',
        "    return { index: 'members', IndexName: 'x', FilterExpression: term };",
        '  }',
        '  either(id?: string): QueryCommandInput | ScanCommandInput {',
        "    return { TableName: this.tableName, IndexName: 'by-group' };",
        '  }',
        '  narrowed(id: string): Partial<GetCommandInput> {',
        "    return { ConsistentRead: true, IndexName: 'y' };",
        '  }',
        '}',
      );
      const found = hints('member.repository.ts', code);
      assertHas(
        found,
        '8:IndexName dynamodb-index-name',
        '9:KeyConditionExpression dynamodb-key-condition-expression',
        '10:ConsistentRead dynamodb-consistent-read!',
        '15:FilterExpression dynamodb-filter-expression!',
      );
      for (const line of ['17:', '20:', '23:']) {
        assert.ok(!found.some((hint) => hint.startsWith(line)), `${line} in\n${found.join('\n')}`);
      }
    });

    it('reads a request variable annotated with its input type, and the one a command gets from a builder held in a variable', () => {
      const code = lines(
        "import { DynamoDBClient, QueryCommandInput, ScanCommand, ScanCommandInput } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDB } from 'aws-sdk';",
        "import type { FindOptions } from 'sequelize';",
        'const client = new DynamoDBClient({});',
        'export class Sampler {',
        '  private sampleInput(): ScanCommandInput {',
        "    const input = { TableName: 'events', Limit: 25 };",
        '    return input;',
        '  }',
        '  async sample() {',
        '    const params = this.sampleInput();',
        '    return client.send(new ScanCommand(params));',
        '  }',
        '  byDay(day: string) {',
        "    const input: QueryCommandInput = { TableName: 'totals', KeyConditionExpression: 'd = :d', ExpressionAttributeValues: { ':d': { S: day } } };",
        '    return this.run(input);',
        '  }',
        '  legacy(day: string): DynamoDB.DocumentClient.QueryInput {',
        "    return { TableName: 'totals', FilterExpression: 'open = :t', KeyConditionExpression: 'd = :d' };",
        '  }',
        '  rows() {',
        "    const options: FindOptions = { limit: 10, FilterExpression: 'x' } as never;",
        '    return options;',
        '  }',
        '}',
      );
      const found = hints('sampler.ts', code);
      assertHas(
        found,
        '7:Limit dynamodb-limit',
        '12:ScanCommand dynamodb-scan',
        '15:KeyConditionExpression dynamodb-key-condition-expression',
        '19:FilterExpression dynamodb-filter-expression',
        '19:KeyConditionExpression dynamodb-key-condition-expression',
      );
      // The builder's Limit makes the Scan a deliberate single page.
      assert.ok(!found.includes('12:ScanCommand dynamodb-scan!'), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('22:')), found.join('\n'));
    });
  });

  describe('.NET document and object persistence models', () => {
    it('reads an operation config like a request, a table built with TableBuilder, and no batch finding on a self-retrying batch', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.DataModel;',
        'using Amazon.DynamoDBv2.DocumentModel;',
        'public class Orders(IAmazonDynamoDB dynamo, IDynamoDBContext context)',
        '{',
        '    public Task<List<Order>> ByStatus(string status)',
        '    {',
        '        var config = new QueryOperationConfig { IndexName = "status-index", ConsistentRead = true, Limit = 10 };',
        '        return context.FromQueryAsync<Order>(config).GetNextSetAsync();',
        '    }',
        '    public ISearch Recent()',
        '    {',
        '        var table = new TableBuilder(dynamo, "orders").AddHashKey("pk", DynamoDBEntryType.String).Build();',
        '        return table.Scan(new ScanOperationConfig { Limit = 20 });',
        '    }',
        '    public async Task Many(IEnumerable<string> ids)',
        '    {',
        '        var batch = context.CreateBatchGet<Order>();',
        '        foreach (var id in ids) { batch.AddKey(id); }',
        '        await batch.ExecuteAsync();',
        '    }',
        '}',
      );
      const found = hints('Orders.cs', code);
      assertHas(found, '8:IndexName dynamodb-index-name', '8:ConsistentRead dynamodb-consistent-read!', '9:FromQueryAsync dynamodb-query', '14:Scan dynamodb-scan', '14:Limit dynamodb-limit', '18:CreateBatchGet dynamodb-batch-get-item');
      assert.ok(!found.some((hint) => hint.startsWith('8:QueryOperationConfig')), found.join('\n'));
      assert.ok(!found.some((hint) => hint.startsWith('18:') && hint.endsWith('!')), found.join('\n'));
    });

    it('leaves the paging of a search handed to the caller to the caller, and reports one read a page at a time here', () => {
      const code = lines(
        'using Amazon.DynamoDBv2;',
        'using Amazon.DynamoDBv2.DataModel;',
        'using Amazon.DynamoDBv2.DocumentModel;',
        'public class OrderStore(IAmazonDynamoDB dynamo, IDynamoDBContext context)',
        '{',
        '    private readonly Table table = Table.LoadTable(dynamo, "orders");',
        '    public Search Query(Primitive hashKey, QueryFilter filter)',
        '    {',
        '        return table.Query(hashKey, filter);',
        '    }',
        '    public AsyncSearch<Order> ByCustomer(string customer) => context.QueryAsync<Order>(customer);',
        '    public async Task<List<Document>> FirstPage(string customer)',
        '    {',
        '        var search = table.Query(customer, new QueryFilter());',
        '        return await search.GetNextSetAsync();',
        '    }',
        '}',
      );
      const found = hints('OrderStore.cs', code);
      assertHas(found, '9:Query dynamodb-query', '11:QueryAsync dynamodb-query', '14:Query dynamodb-query!');
      assert.ok(!found.includes('9:Query dynamodb-query!') && !found.includes('11:QueryAsync dynamodb-query!'), found.join('\n'));
    });
  });

  describe('pagination by a recursive callback', () => {
    it('credits a pagination loop to a call made in a function passed inline inside it, and not to one passed to an iterating method', () => {
      const code = lines(
        'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;',
        'import software.amazon.awssdk.services.dynamodb.model.*;',
        'final class LeaseReader {',
        '    private final DynamoDbAsyncClient dynamo;',
        '    List<Map<String, AttributeValue>> readAll(String table) {',
        '        Map<String, AttributeValue> startKey = null;',
        '        do {',
        '            ScanRequest request = ScanRequest.builder().tableName(table).exclusiveStartKey(startKey).build();',
        '            ScanResponse page = await(() -> dynamo.scan(request));',
        '            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;',
        '        } while (startKey != null);',
        '        return null;',
        '    }',
        '    void each(List<String> tables) {',
        '        tables.forEach(t -> dynamo.scan(ScanRequest.builder().tableName(t).build()));',
        '    }',
        '}',
      );
      const found = hints('LeaseReader.java', code);
      assertHas(found, '9:scan dynamodb-scan', '15:scan dynamodb-scan!');
      assert.ok(!found.includes('9:scan dynamodb-scan!'), found.join('\n'));
    });

    it('credits the callback that reads LastEvaluatedKey to the call it is passed to, not to another call', () => {
      const code = lines(
        "const AWS = require('aws-sdk');",
        'const docClient = new AWS.DynamoDB.DocumentClient();',
        'function exportAll(params, done) {',
        '  const items = [];',
        '  const onScan = (err, data) => {',
        '    items.push(...data.Items);',
        '    if (data.LastEvaluatedKey) {',
        '      params.ExclusiveStartKey = data.LastEvaluatedKey;',
        '      return docClient.scan(params, onScan);',
        '    }',
        '    return done(null, items);',
        '  };',
        '  docClient.scan(params, onScan);',
        '}',
        "exports.firstPage = (done) => docClient.scan({ TableName: 't' }, (err, data) => done(err, data.Items));",
      );
      const found = hints('export.js', code);
      assert.ok(!found.includes('13:scan dynamodb-scan!'), found.join('\n'));
      assertHas(found, '13:scan dynamodb-scan', '15:scan dynamodb-scan!');
    });
  });

  describe('a project module\'s helper that dispatches on the method\'s name', () => {
    it('reads dynamoDbLib.call("scan", params) as the named operation when the request has its key, and no other call', () => {
      const code = lines(
        "import * as dynamoDbLib from './libs/dynamodb-lib';",
        "import * as search from './libs/search-lib';",
        'export async function main(event) {',
        "  const params = { TableName: process.env.tableName, KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': event.user } };",
        "  const notes = await dynamoDbLib.call('query', params);",
        "  const all = await dynamoDbLib.call('scan', { TableName: process.env.tableName });",
        "  const hits = await search.call('query', { index: 'notes', text: event.q });",
        "  const named = await dynamoDbLib.call(event.action, params);",
        "  const odd = await dynamoDbLib.call('scan', { index: 'notes' });",
        '  return [notes.Items, all.Items, hits, named, odd];',
        '}',
      );
      const found = hints('handlers/list.js', code);
      assertHas(found, "5:'query' dynamodb-query", "5:'query' dynamodb-query!", "6:'scan' dynamodb-scan", "6:'scan' dynamodb-scan!");
      assert.deepEqual(found.filter((hint) => /^[789]:/.test(hint)), []);
    });
  });
});
