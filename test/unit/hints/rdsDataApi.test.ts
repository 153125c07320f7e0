/**
 * The RDS Data API (`rds-data`): SQL over HTTPS to an Aurora cluster, through its own client in every SDK. Its
 * calls get the statement and transaction hovers wherever the scope model binds the client (module level, a
 * class field set from an injected client, a typed parameter), and a `sql` built from values (a template
 * literal, an f-string, `+`, a formatting call) is reported, also where a call of a same-file wrapper builds
 * it: the values belong in `parameters`. A literal, a
 * constant, a table name, another API's `ExecuteStatement` (DynamoDB's PartiQL) and a method of the same name
 * on an unrelated class say nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const STATEMENT = 'rds-data-api-statement';
const TRANSACTION = 'rds-data-api-transaction';
const BUILT = 'rds-data-api-sql-built-from-values';

/** `line:text rule` of the Data API rules only. */
function dataApi(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / rds-data-api-[a-z-]+!?$/.test(hint));
}

describe('RDS Data API clients and statements', () => {
  it('reads a v3 client made once for a Lambda handler, with its commands and a template literal that interpolates the event', () => {
    const code = sourceLines(
      "import { RDSDataClient, ExecuteStatementCommand, BeginTransactionCommand, CommitTransactionCommand } from '@aws-sdk/client-rds-data';",
      '',
      'const db = new RDSDataClient({ region: process.env.AWS_REGION });',
      'const cluster = { resourceArn: process.env.CLUSTER_ARN, secretArn: process.env.SECRET_ARN, database: "billing" };',
      '',
      'export const handler = async (event) => {',
      '  const { transactionId } = await db.send(new BeginTransactionCommand(cluster));',
      '  await db.send(new ExecuteStatementCommand({ ...cluster, transactionId, sql: `UPDATE invoices SET paid = true WHERE id = ${event.invoiceId}` }));',
      "  await db.send(new ExecuteStatementCommand({ ...cluster, transactionId, sql: 'DELETE FROM drafts WHERE invoice_id = :id', parameters: [{ name: 'id', value: { longValue: event.invoiceId } }] }));",
      '  await db.send(new CommitTransactionCommand({ ...cluster, transactionId }));',
      '};',
    );
    assert.deepEqual(dataApi('src/pay.mjs', code).sort(), [
      `10:CommitTransactionCommand ${TRANSACTION}`,
      `7:BeginTransactionCommand ${TRANSACTION}`,
      `8:ExecuteStatementCommand ${STATEMENT}`,
      `8:\`UPDATE invoices SET paid = true WHERE id = \${event.invoiceId}\` ${BUILT}`,
      `8:\`UPDATE invoices SET paid = true WHERE id = \${event.invoiceId}\` ${BUILT}!`,
      `9:ExecuteStatementCommand ${STATEMENT}`,
    ].sort());
  });

  it('reads SDK v2 RDSDataService and follows a sql local built by concatenation, but not one from constants and the environment', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const rdsData = new AWS.RDSDataService();',
      'const TABLE = "members";',
      '',
      'exports.handler = async (event) => {',
      '  const sql = "SELECT * FROM " + TABLE + " WHERE email = \'" + event.email + "\'";',
      '  const count = `SELECT COUNT(*) FROM ${TABLE} WHERE region = :region`;',
      '  await rdsData.executeStatement({ resourceArn: process.env.ARN, secretArn: process.env.SECRET, sql }).promise();',
      '  return rdsData.executeStatement({ resourceArn: process.env.ARN, secretArn: process.env.SECRET, sql: count }).promise();',
      '};',
    );
    const found = dataApi('handler.js', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found, [`8:sql ${BUILT}!`]);    const module = sourceLines(
      "import RDSDataService from 'aws-sdk/clients/rdsdataservice';",
      'const data = new RDSDataService();',
      "export const audit = (id) => data.executeStatement({ resourceArn: ARN, secretArn: SECRET, sql: 'SELECT * FROM audit WHERE id = ' + id }).promise();",
    );
    assert.deepEqual(dataApi('audit.ts', module), [`3:executeStatement ${STATEMENT}`, `3:'SELECT * FROM audit WHERE id = ' + id ${BUILT}`, `3:'SELECT * FROM audit WHERE id = ' + id ${BUILT}!`]);
  });

  it('says nothing of an IN list of placeholders built in code, whose values go in parameters', () => {
    const js = sourceLines(
      "import { RDSDataClient, ExecuteStatementCommand } from '@aws-sdk/client-rds-data';",
      'const client = new RDSDataClient({});',
      'export async function byIds(ids) {',
      '  return client.send(new ExecuteStatementCommand({',
      '    resourceArn: process.env.ARN, secretArn: process.env.SECRET,',
      "    sql: `SELECT * FROM items WHERE id IN (${ids.map((_, i) => `:id${i}`).join(', ')})`,",
      "    parameters: ids.map((id, i) => ({ name: `id${i}`, value: { stringValue: id } })),",
      '  }));',
      '}',
      'export async function byNames(names) {',
      "  return client.send(new ExecuteStatementCommand({ resourceArn: process.env.ARN, secretArn: process.env.SECRET, sql: 'SELECT * FROM items WHERE name IN (' + names.map((_, i) => ':n' + i).join(', ') + ')' }));",
      '}',
    );
    assert.deepEqual(dataApi('items.mjs', js).filter((hint) => hint.endsWith('!')), []);
    const python = sourceLines(
      'import boto3',
      'client = boto3.client("rds-data")',
      'def by_ids(ids):',
      '    placeholders = ", ".join(f":id{i}" for i in range(len(ids)))',
      '    params = [{"name": f"id{i}", "value": {"stringValue": v}} for i, v in enumerate(ids)]',
      '    return client.execute_statement(resourceArn=ARN, secretArn=SECRET, sql=f"SELECT * FROM items WHERE id IN ({placeholders})", parameters=params)',
      'def by_owner(owner, ids):',
      '    placeholders = ", ".join(ids)',
      '    return client.execute_statement(resourceArn=ARN, secretArn=SECRET, sql=f"SELECT * FROM items WHERE id IN ({placeholders})")',
    );
    // A list of the values themselves is no list of placeholders.
    assert.deepEqual(dataApi('items.py', python).filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['9']);
  });

  it('reads boto3 rds-data in a repository class and flags an f-string and % formatting, not a literal or a table name', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'class ReportRepository:',
      '    def __init__(self, cluster_arn, secret_arn, table_name):',
      '        self.client = boto3.client("rds-data")',
      '        self.target = dict(resourceArn=cluster_arn, secretArn=secret_arn, database="reports")',
      '        self.table_name = table_name',
      '',
      '    def by_owner(self, owner):',
      '        return self.client.execute_statement(**self.target, sql=f"SELECT * FROM {self.table_name} WHERE owner = \'{owner}\'")',
      '',
      '    def by_day(self, day):',
      '        return self.client.execute_statement(**self.target, sql="SELECT * FROM daily WHERE day = \'%s\'" % day)',
      '',
      '    def recent(self):',
      '        return self.client.execute_statement(**self.target, sql=f"SELECT * FROM {self.table_name} ORDER BY created DESC LIMIT 20")',
      '',
      '    def insert_many(self, rows):',
      '        return self.client.batch_execute_statement(**self.target, sql="INSERT INTO daily VALUES (:day, :total)", parameterSets=rows)',
      '',
      '    def rollback(self, transaction_id):',
      '        self.client.rollback_transaction(transactionId=transaction_id, **self.target)',
    );
    const hints = dataApi('reports/repository.py', code);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['10', '13']);
    assert.ok(hints.includes(`19:batch_execute_statement ${STATEMENT}`));
    assert.ok(hints.includes(`22:rollback_transaction ${TRANSACTION}`));
  });

  it('reads a Java repository with an injected RdsDataClient, and String.format and concatenation of a parameter', () => {
    const code = sourceLines(
      'package com.example.orders;',
      '',
      'import software.amazon.awssdk.services.rdsdata.RdsDataClient;',
      'import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;',
      '',
      'public class OrderDao {',
      '    private static final String ORDERS = "orders";',
      '    private final RdsDataClient client;',
      '',
      '    public OrderDao(RdsDataClient client) {',
      '        this.client = client;',
      '    }',
      '',
      '    public void cancel(String orderId) {',
      '        client.executeStatement(ExecuteStatementRequest.builder().resourceArn(arn()).secretArn(secret())',
      '            .sql(String.format("UPDATE %s SET state = \'CANCELLED\' WHERE id = \'%s\'", ORDERS, orderId)).build());',
      '        client.executeStatement(b -> b.resourceArn(arn()).secretArn(secret()).sql("SELECT * FROM " + ORDERS));',
      '        client.executeStatement(b -> b.resourceArn(arn()).secretArn(secret()).sql("SELECT * FROM " + ORDERS + " WHERE id = \'" + orderId + "\'"));',
      '        client.commitTransaction(b -> b.resourceArn(arn()).secretArn(secret()).transactionId(orderId));',
      '    }',
      '}',
    );
    const hints = dataApi('src/main/java/com/example/orders/OrderDao.java', code);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['16', '18']);
    assert.ok(hints.includes(`17:executeStatement ${STATEMENT}`));
    assert.ok(hints.includes(`19:commitTransaction ${TRANSACTION}`));
  });

  it('reads a Java 1.x AWSRDSData field and a request built with withSql', () => {
    const code = sourceLines(
      'package com.example.people;',
      '',
      'import com.amazonaws.services.rdsdata.AWSRDSData;',
      'import com.amazonaws.services.rdsdata.AWSRDSDataClientBuilder;',
      'import com.amazonaws.services.rdsdata.model.ExecuteStatementRequest;',
      '',
      'public class PeopleDao {',
      '    private final AWSRDSData data = AWSRDSDataClientBuilder.defaultClient();',
      '',
      '    public void byName(String name, String arn, String secret) {',
      '        data.executeStatement(new ExecuteStatementRequest().withResourceArn(arn).withSecretArn(secret)',
      '            .withSql("SELECT * FROM people WHERE name = \'" + name + "\'"));',
      '    }',
      '}',
    );
    const hints = dataApi('src/main/java/com/example/people/PeopleDao.java', code);
    assert.ok(hints.includes(`11:executeStatement ${STATEMENT}`));
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['12']);
  });

  it('reads a Java 1.x request a constructor keeps in a field and a method completes with withSql', () => {
    const code = sourceLines(
      'package com.example.catalog;',
      '',
      'import com.amazonaws.services.rdsdata.AWSRDSData;',
      'import com.amazonaws.services.rdsdata.AWSRDSDataClientBuilder;',
      'import com.amazonaws.services.rdsdata.model.ExecuteStatementRequest;',
      'import com.amazonaws.services.rdsdata.model.ExecuteStatementResult;',
      '',
      'public class CatalogQueries {',
      '    private final AWSRDSData data = AWSRDSDataClientBuilder.defaultClient();',
      '    private ExecuteStatementRequest request;',
      '',
      '    public CatalogQueries(String arn, String secret) {',
      '        this.request = new ExecuteStatementRequest().withResourceArn(arn).withSecretArn(secret).withDatabase("catalog");',
      '    }',
      '',
      '    public ExecuteStatementResult page(String tableName, String limit) {',
      '        return data.executeStatement(request.withSql("SELECT * FROM " + tableName + " LIMIT " + limit));',
      '    }',
      '',
      '    public ExecuteStatementResult count(String tableName) {',
      '        return data.executeStatement(request.withSql("SELECT COUNT(*) FROM " + tableName));',
      '    }',
      '}',
    );
    const hints = dataApi('src/main/java/com/example/catalog/CatalogQueries.java', code);
    assert.deepEqual(hints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['17']);
    assert.ok(hints.includes(`21:executeStatement ${STATEMENT}`));
  });

  it('reads a Go client made in init and fmt.Sprintf into Sql, and a .NET service with an injected IAmazonRDSDataService', () => {
    const go = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"fmt"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/rdsdata"',
      ')',
      '',
      'var db *rdsdata.Client',
      '',
      'func init() {',
      '\tcfg, _ := config.LoadDefaultConfig(context.Background())',
      '\tdb = rdsdata.NewFromConfig(cfg)',
      '}',
      '',
      'func lookup(ctx context.Context, sku string) error {',
      '\t_, err := db.ExecuteStatement(ctx, &rdsdata.ExecuteStatementInput{',
      '\t\tResourceArn: aws.String(clusterArn),',
      '\t\tSecretArn:   aws.String(secretArn),',
      '\t\tSql:         aws.String(fmt.Sprintf("SELECT * FROM stock WHERE sku = \'%s\'", sku)),',
      '\t})',
      '\treturn err',
      '}',
    );
    const goHints = dataApi('cmd/stock/main.go', go);
    assert.ok(goHints.includes(`20:ExecuteStatement ${STATEMENT}`));
    assert.deepEqual(goHints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['23']);
    const csharp = sourceLines(
      'using Amazon.RDSDataService;',
      'using Amazon.RDSDataService.Model;',
      '',
      'public class TicketService',
      '{',
      '    private readonly IAmazonRDSDataService _data;',
      '    public TicketService(IAmazonRDSDataService data) => _data = data;',
      '',
      '    public Task<ExecuteStatementResponse> Find(string code) => _data.ExecuteStatementAsync(new ExecuteStatementRequest',
      '    {',
      '        ResourceArn = Arn, SecretArn = Secret,',
      '        Sql = $"SELECT * FROM tickets WHERE code = \'{code}\'",',
      '    });',
      '',
      '    public Task<ExecuteStatementResponse> All() => _data.ExecuteStatementAsync(new ExecuteStatementRequest { ResourceArn = Arn, SecretArn = Secret, Sql = "SELECT * FROM tickets" });',
      '}',
    );
    const csHints = dataApi('Tickets/TicketService.cs', csharp);
    assert.ok(csHints.includes(`15:ExecuteStatementAsync ${STATEMENT}`));
    assert.deepEqual(csHints.filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['12']);
  });

  it('reports the argument a same-file wrapper is called with, where it builds the statement, and not a literal one', () => {
    const python = sourceLines(
      'import boto3',
      '',
      'rds_data = boto3.client("rds-data")',
      '',
      '',
      'def query(sql, parameters=None):',
      '    return rds_data.execute_statement(resourceArn=CLUSTER, secretArn=SECRET, sql=sql, parameters=parameters or [])',
      '',
      '',
      'def handler(event, context):',
      '    query("SELECT COUNT(*) FROM visits")',
      '    query("SELECT * FROM visits WHERE page = \'{}\'".format(event["page"]))',
      '    return query("SELECT * FROM visits WHERE page = :page", [{"name": "page", "value": {"stringValue": event["page"]}}])',
    );
    const found = dataApi('visits.py', python).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.map((hint) => hint.split(':')[0]), ['12']);
    const js = sourceLines(
      "const AWS = require('aws-sdk');",
      'const rdsData = new AWS.RDSDataService();',
      '',
      'const runSql = async (sql, parameters) => {',
      '  const params = { resourceArn: process.env.ARN, secretArn: process.env.SECRET, sql };',
      '  if (parameters) {',
      '    params.parameters = parameters;',
      '  }',
      '  return rdsData.executeStatement(params).promise();',
      '};',
      '',
      'exports.byPlayer = (player) => runSql(`SELECT * FROM scores WHERE player = \'${player}\'`);',
      "exports.top = () => runSql('SELECT * FROM scores ORDER BY points DESC LIMIT 10');",
    );
    const jsFound = dataApi('scores.js', js).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(jsFound.map((hint) => hint.split(':')[0]), ['12']);
  });

  it('says nothing of DynamoDB PartiQL ExecuteStatement, an unrelated executeStatement method, or SQL in strings and comments', () => {
    const code = sourceLines(
      "import { DynamoDBClient, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';",
      '',
      'const ddb = new DynamoDBClient({});',
      '',
      'class ReportRunner {',
      '  executeStatement(sql) { return this.pool.query(sql); }',
      '}',
      '',
      'export async function run(runner, id) {',
      '  runner.executeStatement(`SELECT * FROM audit WHERE id = ${id}`);',
      '  // rdsData.send(new ExecuteStatementCommand({ sql: `SELECT ${id}` }))',
      '  const doc = "rds.execute_statement(sql=f\'{id}\')";',
      '  return ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "audit" WHERE pk = \'${id}\'`, Parameters: [] }));',
      '}',
    );
    assert.deepEqual(dataApi('src/report.ts', code), []);
    const python = sourceLines(
      'import boto3',
      'ddb = boto3.client("dynamodb")',
      'def handler(event, context):',
      '    return ddb.execute_statement(Statement=f"SELECT * FROM audit WHERE pk = \'{event[\'id\']}\'")',
    );
    assert.deepEqual(dataApi('audit.py', python), []);
  });
});
