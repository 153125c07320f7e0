/**
 * DynamoDB PartiQL (`ExecuteStatement`, `BatchExecuteStatement`, `ExecuteTransaction`) in the shapes real projects
 * send it: Lambda handlers on a module-level lib-dynamodb client, repository classes with injected clients, boto3
 * clients made inside functions, Java builders, Go input structs and C# requests. A SELECT whose text the code writes
 * out is read: without a WHERE clause, or with one that holds no `=` or `IN`, it scans the whole table; a SELECT
 * that reads pages and never reads NextToken gets only its first. Statements whose text is not known, writes, a
 * SELECT on two equalities (maybe the whole key), a Limit and a NextToken loop get nothing.
 */
import * as assert from 'node:assert/strict';
import { readSelect } from '../../../src/hints/engine/code/partiqlStatements';
import { hintsIn, sourceLines } from './support';

const PARTIQL_RULES = ['dynamodb-execute-statement', 'dynamodb-partiql-select-scan', 'dynamodb-batch-execute-statement', 'dynamodb-execute-transaction', 'dynamodb-partiql-statements'];
const findings = (file: string, code: string): string[] =>
  hintsIn(file, code)
    .filter((hint) => hint.endsWith('!') && PARTIQL_RULES.some((rule) => hint.endsWith(` ${rule}!`)))
    .map((hint) => `${hint.split(':')[0]} ${hint.slice(hint.lastIndexOf(' ') + 1)}`);
const hovers = (file: string, code: string): string[] =>
  hintsIn(file, code)
    .filter((hint) => !hint.endsWith('!') && PARTIQL_RULES.some((rule) => hint.endsWith(` ${rule}`)))
    .map((hint) => `${hint.split(':')[0]} ${hint.slice(hint.lastIndexOf(' ') + 1)}`);

describe('DynamoDB PartiQL statements', () => {
  it('reads what a SELECT asks of the table from its text, and only as far as the text is sure', () => {
    const orders = { kind: 'literal', name: 'orders' };
    assert.deepEqual(readSelect('SELECT * FROM "orders"'), { where: false, equalityOrIn: false, equalities: [], table: orders });
    assert.deepEqual(readSelect('select id from orders.byStatus where status = ? and total > ?'), { where: true, equalityOrIn: true, equalities: [], conditionNames: ['status', 'and', 'total'], table: orders, index: 'byStatus' });
    assert.deepEqual(readSelect('SELECT * FROM "orders" WHERE "pk" = ? AND sk = \'a=b\''), { where: true, equalityOrIn: true, equalities: ['pk', 'sk'], conditionNames: ['pk', 'AND', 'sk'], table: orders });
    assert.deepEqual(readSelect('SELECT * FROM "orders" WHERE pk IN [?, ?]'), { where: true, equalityOrIn: true, equalities: [], conditionNames: ['pk', 'IN'], table: orders });
    assert.deepEqual(readSelect("SELECT * FROM orders WHERE created >= ? AND note <> 'x = y'"), { where: true, equalityOrIn: false, equalities: [], conditionNames: ['created', 'AND', 'note'], table: orders });
    // The table name may be computed; anything else computed after FROM may be the WHERE clause.
    assert.deepEqual(readSelect('SELECT * FROM "\uE000"'), { where: false, equalityOrIn: false, equalities: [], fromPart: 0 });
    assert.equal(readSelect('SELECT * FROM "orders" \uE000'), undefined);
    assert.equal(readSelect('SELECT * FROM orders WHERE note = \'open'), undefined);
    assert.equal(readSelect('UPDATE "orders" SET a = ? WHERE pk = ?'), undefined);
    assert.equal(readSelect('EXISTS(SELECT * FROM "orders" WHERE pk = ?)'), undefined);
  });

  it('finds full-table SELECTs and first-page SELECTs in a Lambda handler on a module-level lib-dynamodb client', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, ExecuteStatementCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const TABLE = process.env.TABLE_NAME;',
      '',
      'export const handler = async (event) => {',
      '  const all = await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TABLE}"` }));',
      "  const open = await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM \"${TABLE}\" WHERE begins_with(sk, 'ORDER#')` }));",
      "  const mine = await doc.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM \"orders\" WHERE pk = ?', Parameters: [event.userId] }));",
      "  const one = await doc.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM \"orders\" WHERE pk = ? AND sk = ?', Parameters: [event.userId, event.id] }));",
      "  const sample = await doc.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM \"orders\"', Limit: 20 }));",
      "  await doc.send(new ExecuteStatementCommand({ Statement: 'UPDATE \"orders\" SET seen = ? WHERE pk = ?', Parameters: [true, event.userId] }));",
      "  await doc.send(new ExecuteStatementCommand({ Statement: 'DELETE FROM \"orders\" WHERE pk = ? AND sk = ?', Parameters: [event.userId, event.id] }));",
      '  await doc.send(new ExecuteStatementCommand({ Statement: event.statement }));',
      '  await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "orders" ${event.where}` }));',
      '  return [all, open, mine, one, sample];',
      '};',
      '',
      'export async function everyOrder() {',
      '  const items = [];',
      '  let NextToken;',
      '  do {',
      '    const page = await doc.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TABLE}"`, NextToken }));',
      '    items.push(...(page.Items ?? []));',
      '    NextToken = page.NextToken;',
      '  } while (NextToken);',
      '  return items;',
      '}',
    );
    assert.deepEqual(findings('src/handler.js', code), [
      '8 dynamodb-partiql-select-scan!',
      '9 dynamodb-execute-statement!',
      '9 dynamodb-partiql-select-scan!',
      '10 dynamodb-execute-statement!',
    ]);
    assert.ok(hovers('src/handler.js', code).includes('24 dynamodb-execute-statement'));
  });

  it('reads statements held by a local and passed to a repository class with an injected client', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, ExecuteStatementCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'export class OrderRepository {',
      '  constructor(private readonly client: DynamoDBDocumentClient, private readonly table: string) {}',
      '',
      '  async byStatus(status: string) {',
      '    const statement = `SELECT * FROM "${this.table}" WHERE status = ?`;',
      '    const result = await this.client.send(new ExecuteStatementCommand({ Statement: statement, Parameters: [status] }));',
      '    return result.Items;',
      '  }',
      '',
      '  async recent(since: number) {',
      '    const params = { Statement: `SELECT * FROM "${this.table}" WHERE createdAt > ?`, Parameters: [since] };',
      '    return (await this.client.send(new ExecuteStatementCommand(params))).Items;',
      '  }',
      '',
      '  async run(statement: string) {',
      '    return this.client.send(new ExecuteStatementCommand({ Statement: statement }));',
      '  }',
      '}',
    );
    assert.deepEqual(findings('src/orders.ts', code), ['8 dynamodb-execute-statement!', '13 dynamodb-partiql-select-scan!', '14 dynamodb-execute-statement!']);
  });

  it('reads boto3 statements in a client made inside a function, and leaves a NextToken loop alone', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      '',
      'TABLE = os.environ["TABLE"]',
      '',
      'def handler(event, context):',
      '    client = boto3.client("dynamodb")',
      '    scan = client.execute_statement(Statement=f\'SELECT * FROM "{TABLE}" WHERE contains(tags, ?)\', Parameters=[{"S": event["tag"]}])',
      '    book = client.execute_statement(Statement="SELECT * FROM Books WHERE Author = \'a\' AND Title = \'b\'")',
      '    by_category = client.execute_statement(Statement="SELECT * FROM Books.CategoryIndex WHERE Category = ?", Parameters=[{"S": "Tech"}])',
      '    client.execute_statement(Statement="UPDATE Books SET Formats.Audiobook = ? WHERE Author = ? AND Title = ?", Parameters=params(event))',
      '    return scan["Items"], book["Items"], by_category["Items"]',
      '',
      'def every_book():',
      '    client = boto3.client("dynamodb")',
      '    kwargs = {"Statement": "SELECT * FROM Books"}',
      '    items = []',
      '    while True:',
      '        page = client.execute_statement(**kwargs)',
      '        items.extend(page["Items"])',
      '        if "NextToken" not in page:',
      '            return items',
      '        kwargs["NextToken"] = page["NextToken"]',
    );
    assert.deepEqual(findings('handler.py', code), ['8 dynamodb-execute-statement!', '8 dynamodb-partiql-select-scan!', '10 dynamodb-execute-statement!']);
  });

  it('reads Java builders, Go input structs and C# requests on injected clients', () => {
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      '',
      'public class OrderDao {',
      '    private final DynamoDbClient ddb;',
      '    public OrderDao(DynamoDbClient ddb) { this.ddb = ddb; }',
      '    public List<Map<String, AttributeValue>> all() {',
      '        return ddb.executeStatement(ExecuteStatementRequest.builder().statement("SELECT * FROM \\"orders\\"").build()).items();',
      '    }',
      '    public List<Map<String, AttributeValue>> byCustomer(String id) {',
      '        List<Map<String, AttributeValue>> items = new ArrayList<>();',
      '        String token = null;',
      '        do {',
      '            ExecuteStatementResponse page = ddb.executeStatement(ExecuteStatementRequest.builder()',
      '                .statement("SELECT * FROM \\"orders\\" WHERE customerId = ?")',
      '                .parameters(AttributeValue.fromS(id)).nextToken(token).build());',
      '            items.addAll(page.items());',
      '            token = page.nextToken();',
      '        } while (token != null);',
      '        return items;',
      '    }',
      '}',
    );
    assert.deepEqual(findings('OrderDao.java', java), ['8 dynamodb-partiql-select-scan!']);
    const go = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'type Store struct {',
      '\tclient *dynamodb.Client',
      '}',
      '',
      'func (s *Store) Expensive(ctx context.Context) (*dynamodb.ExecuteStatementOutput, error) {',
      '\treturn s.client.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(`SELECT * FROM "orders" WHERE total > ?`)})',
      '}',
      '',
      'func (s *Store) Mark(ctx context.Context, id string) error {',
      '\t_, err := s.client.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(`UPDATE "orders" SET seen = true WHERE pk = ?`)})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings('store.go', go), ['15 dynamodb-execute-statement!', '15 dynamodb-partiql-select-scan!']);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public class OrderRepository',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    private readonly string _table;',
      '    public OrderRepository(IAmazonDynamoDB client, string table) { _client = client; _table = table; }',
      '    public async Task<List<Dictionary<string, AttributeValue>>> All()',
      '    {',
      '        var response = await _client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \\"{_table}\\"" });',
      '        return response.Items;',
      '    }',
      '}',
    );
    assert.deepEqual(findings('OrderRepository.cs', csharp), ['11 dynamodb-partiql-select-scan!']);
  });

  it('reads format strings (Go fmt.Sprintf, Java String.format, Python % and .format) with their fields as unknown parts', () => {
    const go = sourceLines(
      'package bookings',
      '',
      'import (',
      '\t"context"',
      '\t"fmt"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'type Service struct {',
      '\tclient *dynamodb.Client',
      '\ttable  string',
      '}',
      '',
      'func (s *Service) HasBooking(ctx context.Context, eventID, userID string) (bool, error) {',
      '\tinput := &dynamodb.ExecuteStatementInput{',
      '\t\tStatement: aws.String(fmt.Sprintf(`SELECT * FROM "%s" WHERE begins_with(sk, \'%s_%s\') AND state <> \'CANCELLED\'`, s.table, eventID, userID)),',
      '\t}',
      '\tout, err := s.client.ExecuteStatement(ctx, input)',
      '\tif err != nil {',
      '\t\treturn false, err',
      '\t}',
      '\treturn len(out.Items) > 0, nil',
      '}',
      '',
      'func (s *Service) Where(ctx context.Context, where string) error {',
      '\t_, err := s.client.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(fmt.Sprintf(`SELECT * FROM "%s" %s`, s.table, where))})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings('bookings.go', go), ['18 dynamodb-partiql-select-scan!', '20 dynamodb-execute-statement!']);
    const python = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'def everything(table):',
      '    return client.execute_statement(Statement=\'SELECT * FROM "%s"\' % table)',
      'def filtered(table, where):',
      '    return client.execute_statement(Statement=\'SELECT * FROM "{}" {}\'.format(table, where))',
      'def owned(table, owner):',
      '    return client.execute_statement(Statement=\'SELECT * FROM "{}" WHERE owner = ?\'.format(table), Parameters=[{"S": owner}])',
    );
    assert.deepEqual(findings('reports.py', python), ['4 dynamodb-partiql-select-scan!', '8 dynamodb-execute-statement!']);
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class ScoreDao {',
      '    private final DynamoDbClient ddb;',
      '    public ScoreDao(DynamoDbClient ddb) { this.ddb = ddb; }',
      '    public List<Map<String, AttributeValue>> high(String table) {',
      '        return ddb.executeStatement(ExecuteStatementRequest.builder().statement(String.format("SELECT * FROM \\"%s\\" WHERE score > ?", table)).build()).items();',
      '    }',
      '}',
    );
    assert.deepEqual(findings('ScoreDao.java', java), ['7 dynamodb-execute-statement!', '7 dynamodb-partiql-select-scan!']);
  });

  it('leaves a statement the code completes in place unread (`sql += " WHERE pk = ?"`)', () => {
    const js = sourceLines(
      "import { DynamoDBClient, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function find(filter) {',
      '  let sql = \'SELECT * FROM "orders"\';',
      '  if (filter.pk) {',
      "    sql += ' WHERE pk = ?';",
      '  }',
      '  return client.send(new ExecuteStatementCommand({ Statement: sql, Parameters: filter.pk ? [filter.pk] : undefined }));',
      '}',
    );
    assert.deepEqual(findings('find.js', js), []);
    const python = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'def find(pk=None):',
      '    sql = \'SELECT * FROM "orders"\'',
      '    if pk:',
      '        sql += " WHERE pk = ?"',
      '    return client.execute_statement(Statement=sql)',
    );
    assert.deepEqual(findings('find.py', python), []);
  });

  it('reads SDK v2 calls, and a callback that sends the next page with NextToken pages the call', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const dynamodb = new AWS.DynamoDB();',
      '',
      'exports.handler = async (event) => {',
      "  const params = { Statement: 'SELECT * FROM \"orders\" WHERE status = ?', Parameters: [{ S: event.status }] };",
      '  const data = await dynamodb.executeStatement(params).promise();',
      '  return data.Items;',
      '};',
      '',
      'function listMusic(nextToken, done) {',
      "  dynamodb.executeStatement({ Statement: 'SELECT * FROM \"Music\"', NextToken: nextToken }, (err, data) => {",
      '    if (data.NextToken) return listMusic(data.NextToken, done);',
      '    done();',
      '  });',
      '}',
    );
    assert.deepEqual(findings('music.js', code), ['6 dynamodb-execute-statement!']);
    assert.deepEqual(hovers('music.js', code), ['6 dynamodb-execute-statement', '11 dynamodb-execute-statement']);
  });

  it('hovers on batches and transactions, and finds a literal batch of more than 25 statements', () => {
    const statements = Array.from({ length: 26 }, (_, i) => `    { Statement: 'DELETE FROM "orders" WHERE pk = ? AND sk = ?', Parameters: [id, '${i}'] },`);
    const code = sourceLines(
      "import { DynamoDBClient, BatchExecuteStatementCommand, ExecuteTransactionCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function purge(id) {',
      '  await client.send(new BatchExecuteStatementCommand({ Statements: [',
      ...statements,
      '  ] }));',
      '  await client.send(new ExecuteTransactionCommand({ TransactStatements: [',
      "    { Statement: 'UPDATE \"accounts\" SET n = n - 1 WHERE pk = ?', Parameters: [id] },",
      '  ] }));',
      '}',
    );
    assert.deepEqual(findings('purge.js', code), ['4 dynamodb-batch-execute-statement!', '4 dynamodb-partiql-statements!']);
    const hovered = hovers('purge.js', code);
    assert.ok(hovered.includes('4 dynamodb-batch-execute-statement'));
    assert.ok(hovered.includes('32 dynamodb-execute-transaction'));
  });

  it('hovers on the ReturnConsumedCapacity of statements, batches and transactions', () => {
    const code = sourceLines(
      'import boto3',
      'client = boto3.client("dynamodb")',
      'def open_orders(customer):',
      '    page = client.execute_statement(Statement="SELECT * FROM orders WHERE pk = ?", Parameters=[{"S": customer}], ReturnConsumedCapacity="TOTAL")',
      '    client.batch_execute_statement(Statements=[{"Statement": "DELETE FROM orders WHERE pk = ? AND sk = ?"}], ReturnConsumedCapacity="INDEXES")',
      '    client.execute_transaction(TransactStatements=[{"Statement": "UPDATE orders SET n = 1 WHERE pk = ?"}], ReturnConsumedCapacity="TOTAL")',
      '    return page["Items"]',
    );
    const capacity = hintsIn('orders.py', code).filter((hint) => hint.endsWith(' dynamodb-return-consumed-capacity'));
    assert.deepEqual(capacity, ['4:ReturnConsumedCapacity dynamodb-return-consumed-capacity', '5:ReturnConsumedCapacity dynamodb-return-consumed-capacity', '6:ReturnConsumedCapacity dynamodb-return-consumed-capacity']);
  });

  it("finds batches whose statements' errors are never read, and leaves those that read Error or hand the result on", () => {
    const js = sourceLines(
      "import { DynamoDBClient, BatchExecuteStatementCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function markSeen(statements) {',
      '  await client.send(new BatchExecuteStatementCommand({ Statements: statements }));',
      '}',
      'export async function markRead(statements) {',
      '  const out = await client.send(',
      '    new BatchExecuteStatementCommand({ Statements: statements }),',
      '  );',
      '  console.log(out.Responses.length);',
      '}',
      'export async function markChecked(statements) {',
      '  const { Responses = [] } = await client.send(new BatchExecuteStatementCommand({ Statements: statements }));',
      '  return statements.filter((_, i) => Responses[i]?.Error);',
      '}',
      'export async function markAll(statements) {',
      '  const out = await client.send(new BatchExecuteStatementCommand({ Statements: statements }));',
      '  return out;',
      '}',
      'export const send = (statements) => client.send(new BatchExecuteStatementCommand({ Statements: statements }));',
      'export function later(statements, handle) {',
      '  client.send(new BatchExecuteStatementCommand({ Statements: statements }))',
      '    .then(handle);',
      '}',
    );
    assert.deepEqual(findings('src/seen.js', js), ['4 dynamodb-batch-execute-statement!', '8 dynamodb-batch-execute-statement!']);
    const v2 = sourceLines(
      "const AWS = require('aws-sdk');",
      'const dynamoDB = new AWS.DynamoDB();',
      'async function upload(statements) {',
      '  for (let i = 0; i < statements.length; i += 25) {',
      '    await dynamoDB.batchExecuteStatement({ Statements: statements.slice(i, i + 25) }).promise();',
      '  }',
      '}',
      'function uploadLater(statements, done) {',
      '  dynamoDB.batchExecuteStatement({ Statements: statements }).promise().then(done);',
      '}',
    );
    assert.deepEqual(findings('scripts/upload.js', v2), ['5 dynamodb-batch-execute-statement!']);
    const python = sourceLines(
      'import boto3',
      '',
      'def mark_seen(statements):',
      '    client = boto3.client("dynamodb")',
      '    client.batch_execute_statement(Statements=statements)',
      '',
      'def mark_checked(statements):',
      '    client = boto3.client("dynamodb")',
      '    resp = client.batch_execute_statement(Statements=statements)',
      '    return [s for s, r in zip(statements, resp["Responses"]) if "Error" in r]',
    );
    assert.deepEqual(findings('app/seen.py', python), ['5 dynamodb-batch-execute-statement!']);
    const go = sourceLines(
      'package seen',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'func MarkSeen(ctx context.Context, client *dynamodb.Client, statements []types.BatchStatementRequest) error {',
      '\t_, err := client.BatchExecuteStatement(ctx, &dynamodb.BatchExecuteStatementInput{Statements: statements})',
      '\treturn err',
      '}',
      '',
      'func MarkChecked(ctx context.Context, client *dynamodb.Client, statements []types.BatchStatementRequest) (int, error) {',
      '\tout, err := client.BatchExecuteStatement(ctx, &dynamodb.BatchExecuteStatementInput{Statements: statements})',
      '\tif err != nil {',
      '\t\treturn 0, fmt.Errorf("batch: %s", err.Error())',
      '\t}',
      '\tfailed := 0',
      '\tfor _, r := range out.Responses {',
      '\t\tif r.Error != nil {',
      '\t\t\tfailed++',
      '\t\t}',
      '\t}',
      '\treturn failed, nil',
      '}',
    );
    assert.deepEqual(findings('seen/seen.go', go), ['11 dynamodb-batch-execute-statement!']);
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'public class Seen {',
      '    private final DynamoDbClient ddb;',
      '    Seen(DynamoDbClient ddb) { this.ddb = ddb; }',
      '    void markSeen(List<BatchStatementRequest> statements) {',
      '        BatchExecuteStatementResponse resp = ddb.batchExecuteStatement(b -> b.statements(statements));',
      '        log.info("ran {}", resp.responses().size());',
      '    }',
      '    int markChecked(List<BatchStatementRequest> statements) {',
      '        BatchExecuteStatementResponse resp = ddb.batchExecuteStatement(b -> b.statements(statements));',
      '        return (int) resp.responses().stream().filter(r -> r.error() != null).count();',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/Seen.java', java), ['7 dynamodb-batch-execute-statement!']);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'public class Seen',
      '{',
      '    private readonly IAmazonDynamoDB client;',
      '    public Seen(IAmazonDynamoDB client) { this.client = client; }',
      '    public async Task MarkSeen(List<BatchStatementRequest> statements)',
      '    {',
      '        await client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = statements });',
      '    }',
      '    public async Task<int> MarkChecked(List<BatchStatementRequest> statements)',
      '    {',
      '        var response = await client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = statements });',
      '        return response.Responses.Count(r => r.Error != null);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/Seen.cs', csharp), ['9 dynamodb-batch-execute-statement!']);
  });

  it('leaves batches in tests alone', () => {
    const js = sourceLines(
      "import { DynamoDBClient, BatchExecuteStatementCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      "it('seeds', async () => {",
      '  await client.send(new BatchExecuteStatementCommand({ Statements: [] }));',
      '});',
    );
    assert.deepEqual(findings('test/seed.test.js', js), []);
  });
});
