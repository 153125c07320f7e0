/**
 * The workspace checks: a request held against the table its template defines. Each check fires where
 * the model resolves the table and stays silent where it cannot (unknown or ambiguous table, dynamic
 * key maps, indexes the template builds dynamically), and without a model every result is as before.
 */
import * as assert from 'node:assert/strict';
import { TableNameRef, WorkspaceView } from '../../../src/hints/engine/workspace/types';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { realHintRules } from './support';
import { analyzeWith, findings, ORDERS, VIEW } from './workspaceSupport';

const JS_HEAD = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, GetCommand, ScanCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.ORDERS_TABLE!;
`;

/** A handler module with one statement in its body (line 6 of the file). */
const handler = (statement: string, table = 'TABLE') => `${JS_HEAD}export const handler = async (event: { id: string }) => {
  await doc.send(${statement.replace('$TABLE', table)});
};
`;

describe('workspace checks', () => {
  describe('IndexName not defined on the table', () => {
    it('flags a misspelt index, with a link to the table definition', () => {
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-stauts', KeyConditionExpression: 'status = :s' })`);
      assert.deepEqual(findings('orders.ts', text), ["6:66 dynamodb-workspace-index-undefined 'by-stauts'"]);
      const finding = analyzeWith('orders.ts', text).findings.find((candidate) => candidate.ruleId === 'dynamodb-workspace-index-undefined')!;
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /Table orders has no index named 'by-stauts' \(its indexes: 'by-status', 'by-email', 'by-date', 'by-region'\)/);
      assert.deepEqual(finding.related, [{ message: 'Table orders (OrdersTable) is defined here', at: ORDERS.definedAt }]);
    });

    it('stays silent on a defined index, an unknown or ambiguous table, and a table whose indexes are built dynamically', () => {
      assert.deepEqual(findings('orders.ts', handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-email', KeyConditionExpression: 'email = :e' })`)), []);
      for (const table of ['process.env.SHARED_TABLE', "'other'", 'event.id', 'process.env.USERS_TABLE']) {
        assert.deepEqual(findings('orders.ts', handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-stauts' })`, table)), [], table);
      }
    });

    it('reads the Java enhanced client index and the boto3 Table object', () => {
      const java = `import software.amazon.awssdk.enhanced.dynamodb.*;
public class Orders {
    private final DynamoDbTable<Order> table;
    Orders(DynamoDbEnhancedClient enhanced) {
        this.table = enhanced.table("orders", TableSchema.fromBean(Order.class));
    }
    void open() {
        table.index("open-orders").query(r -> r.limit(10));
    }
}
`;
      assert.deepEqual(findings('Orders.java', java), ['8:21 dynamodb-workspace-index-undefined "open-orders"']);
      const python = `import os
import boto3

table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])


def handler(event, context):
    return table.query(IndexName="by_status", KeyConditionExpression="status = :s")
`;
      assert.deepEqual(findings('handler.py', python), ['8:34 dynamodb-workspace-index-undefined "by_status"']);
    });
  });

  describe('ConsistentRead on an index', () => {
    it('turns the warning into an error on a GSI, with a fix that removes the option', () => {
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', ConsistentRead: true, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } })`);
      assert.deepEqual(findings('orders.ts', text), ['6:79 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
      const finding = analyzeWith('orders.ts', text).findings.find((candidate) => candidate.ruleId === 'dynamodb-workspace-consistent-read-gsi')!;
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.related?.map((related) => related.at.line), [20]);
      assert.equal(finding.fix?.edits[0].newText, '');
    });

    it('says nothing on an LSI, where strongly consistent reads are allowed, and the hover tells so', () => {
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-date', ConsistentRead: true, KeyConditionExpression: 'customer = :c' })`);
      assert.deepEqual(findings('orders.ts', text), []);
      const site = analyzeWith('orders.ts', text).sites.find((candidate) => text.slice(candidate.start, candidate.end) === 'ConsistentRead')!;
      assert.deepEqual(site.ruleIds, ['dynamodb-consistent-read']);
      assert.equal(site.workspace?.index?.kind, 'lsi');
    });

    it('keeps today’s warning where the table or the index cannot be told, or the GSI rule is off', () => {
      const unknown = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', ConsistentRead: true })`, 'event.id');
      assert.deepEqual(findings('orders.ts', unknown), ['6:82 dynamodb-consistent-read ConsistentRead']);
      const dynamicIndex = handler(`new QueryCommand({ TableName: $TABLE, IndexName: event.id, ConsistentRead: true })`);
      assert.deepEqual(findings('orders.ts', dynamicIndex), ['6:76 dynamodb-consistent-read ConsistentRead']);
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', ConsistentRead: true })`);
      const result = analyzeText(text, realHintRules(), {
        kind: 'typescript',
        fileName: 'orders.ts',
        workspace: VIEW,
        severityOf: (rule) => (rule.id === 'dynamodb-workspace-consistent-read-gsi' ? 'off' : (rule.diagnostic?.severity ?? 'information')),
      });
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId.includes('consistent')).map((finding) => finding.ruleId), ['dynamodb-consistent-read']);
    });

    it('tells a GSI from an LSI in Go and C# too', () => {
      const go = `package orders

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

func Find(ctx context.Context, client *dynamodb.Client) {
	client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String(os.Getenv("ORDERS_TABLE")), IndexName: aws.String("by-email"), ConsistentRead: aws.Bool(true)})
	client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String(os.Getenv("ORDERS_TABLE")), IndexName: aws.String("by-date"), ConsistentRead: aws.Bool(true)})
}
`;
      assert.deepEqual(findings('find.go', go), ['12:126 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
      const csharp = `using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
public class Orders
{
    private const string Table = "orders";
    public Task Find(IAmazonDynamoDB client) => client.QueryAsync(new QueryRequest { TableName = Table, IndexName = "by-status", ConsistentRead = true });
}
`;
      assert.deepEqual(findings('Orders.cs', csharp), ['6:130 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
      const context = (config: string) => `using Amazon.DynamoDBv2.DataModel;
[DynamoDBTable("orders")]
public class Order { }
public class Store
{
    public Task<List<Order>> Find(IDynamoDBContext context, string key) => context.QueryAsync<Order>(key, ${config}).GetRemainingAsync();
}
`;
      assert.deepEqual(findings('Store.cs', context('new DynamoDBOperationConfig { IndexName = "by-email", ConsistentRead = true }')), ['6:161 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
      assert.deepEqual(findings('Store.cs', context('new QueryConfig { IndexName = "by-date", ConsistentRead = true }')), []);
      // A config read as options of its own and by the call it is passed to gives one finding, the certain one.
      assert.deepEqual(findings('Store.cs', context('new QueryConfig { IndexName = "by-email", ConsistentRead = true }')), ['6:149 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
      const documentModel = (index: string) => `using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DocumentModel;
public class Search
{
    private static readonly Table Orders = Table.LoadTable(new AmazonDynamoDBClient(), "orders");
    public Search Open() => Orders.Query(new QueryOperationConfig { IndexName = "${index}", ConsistentRead = true });
}
`;
      assert.deepEqual(findings('Search.cs', documentModel('by-date')), []);
      assert.deepEqual(findings('Search.cs', documentModel('by-email')), ['6:93 dynamodb-workspace-consistent-read-gsi ConsistentRead']);
    });
  });

  describe('key conditions', () => {
    it('flags a non-key attribute and a sort key condition without the partition key, inside the expression', () => {
      const nonKey = handler(`new QueryCommand({ TableName: $TABLE, KeyConditionExpression: 'customer = :c AND #t > :t', ExpressionAttributeNames: { '#t': 'total' } })`);
      assert.deepEqual(findings('orders.ts', nonKey), ['6:98 dynamodb-workspace-key-condition #t']);
      const sortOnly = handler(`new QueryCommand({ TableName: $TABLE, KeyConditionExpression: 'begins_with(sk, :p)' })`);
      assert.deepEqual(findings('orders.ts', sortOnly), ['6:92 dynamodb-workspace-key-condition sk']);
      const range = handler(`new QueryCommand({ TableName: $TABLE, KeyConditionExpression: 'customer < :c' })`);
      assert.deepEqual(findings('orders.ts', range), ['6:80 dynamodb-workspace-key-condition customer']);
      const twice = handler(`new QueryCommand({ TableName: $TABLE, KeyConditionExpression: 'customer = :c AND sk > :a AND sk < :b' })`);
      assert.deepEqual(findings('orders.ts', twice), ['6:110 dynamodb-workspace-key-condition sk']);
    });

    it('checks an index query against the index keys', () => {
      const good = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', KeyConditionExpression: '#s = :s AND created > :d', ExpressionAttributeNames: { '#s': 'status' } })`);
      assert.deepEqual(findings('orders.ts', good), []);
      const tableKey = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-email', KeyConditionExpression: 'customer = :c' })`);
      assert.deepEqual(findings('orders.ts', tableKey), ['6:103 dynamodb-workspace-key-condition customer']);
    });

    it('stays silent when the expression, its names or the key schema cannot be read', () => {
      for (const statement of [
        `new QueryCommand({ TableName: $TABLE, KeyConditionExpression: event.id })`,
        `new QueryCommand({ TableName: $TABLE, KeyConditionExpression: '#t = :t', ExpressionAttributeNames: names })`,
        `new QueryCommand({ TableName: $TABLE, KeyConditionExpression: 'total = :t OR customer = :c' })`,
        `new QueryCommand({ TableName: process.env.EVENTS_TABLE, KeyConditionExpression: 'anything = :a' })`,
      ]) {
        assert.deepEqual(findings('orders.ts', handler(statement)), [], statement);
      }
    });

    it('reads boto3 Key conditions, the Go builder and the .NET document model', () => {
      const python = `import boto3
from boto3.dynamodb.conditions import Key

table = boto3.resource("dynamodb").Table("orders")


def by_total(customer):
    return table.query(KeyConditionExpression=Key("customer").eq(customer) & Key("total").gt(10))
`;
      assert.deepEqual(findings('orders.py', python), ['8:82 dynamodb-workspace-key-condition "total"']);
      const go = `package orders

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

func Recent(ctx context.Context, client *dynamodb.Client) error {
	keyCond := expression.Key("sk").BeginsWith("ORDER#")
	expr, err := expression.NewBuilder().WithKeyCondition(keyCond).Build()
	if err != nil {
		return err
	}
	_, err = client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("orders"), KeyConditionExpression: expr.KeyCondition()})
	return err
}
`;
      assert.deepEqual(findings('recent.go', go), ['12:28 dynamodb-workspace-key-condition "sk"']);
      // The document model sends conditions on other attributes as a filter: only the missing partition key counts.
      const csharp = (extra: string) => `using Amazon.DynamoDBv2.DocumentModel;
public class Orders
{
    public void Find(IAmazonDynamoDB client)
    {
        var table = Table.LoadTable(client, "orders");
        var filter = new QueryFilter("sk", QueryOperator.BeginsWith, "ORDER#");
        filter.AddCondition("total", QueryOperator.GreaterThan, 10);
        ${extra}
        table.Query(filter);
    }
}
`;
      assert.deepEqual(findings('Orders.cs', csharp('')), ['7:38 dynamodb-workspace-key-condition "sk"']);
      assert.deepEqual(findings('Orders.cs', csharp('filter.AddCondition("customer", QueryOperator.Equal, "c");')), []);
      assert.deepEqual(findings('Orders.cs', csharp('AddTenant(filter);')), []);
    });
  });

  describe('Key of GetItem, UpdateItem and DeleteItem', () => {
    it('flags a missing sort key at Key, and an attribute that is not a key at its name', () => {
      assert.deepEqual(findings('orders.ts', handler(`new GetCommand({ TableName: $TABLE, Key: { customer: event.id } })`)), ['6:53 dynamodb-workspace-key-attributes Key']);
      assert.deepEqual(findings('orders.ts', handler(`new DeleteCommand({ TableName: $TABLE, Key: { customer: event.id, sk: 'A', status: 'x' } })`)), [
        '6:92 dynamodb-workspace-key-attributes status',
      ]);
      const python = `import os
import boto3

client = boto3.client("dynamodb")


def handler(event, context):
    client.update_item(TableName=os.environ["USERS_TABLE"], Key={"id": {"S": event["id"]}, "email": {"S": "x"}}, UpdateExpression="SET a = :a")
`;
      assert.deepEqual(findings('users.py', python), ['8:92 dynamodb-workspace-key-attributes "email"']);
    });

    it('stays silent on the full key, and on key maps that are not literal', () => {
      assert.deepEqual(findings('orders.ts', handler(`new GetCommand({ TableName: $TABLE, Key: { customer: event.id, sk: 'PROFILE' } })`)), []);
      assert.deepEqual(findings('orders.ts', handler(`new GetCommand({ TableName: $TABLE, Key: key })`)), []);
      assert.deepEqual(findings('orders.ts', handler(`new GetCommand({ TableName: $TABLE, Key: { ...event, customer: 'c' } })`)), []);
      assert.deepEqual(findings('orders.ts', handler(`new GetCommand({ ...event, TableName: $TABLE, Key: { customer: 'c' } })`)), []);
    });
  });

  describe('Item of PutItem', () => {
    const put = (item: string, after = '') => `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event: { id: string }) => {
  const params = { TableName: process.env.ORDERS_TABLE, Item: ${item} };
  ${after}
  await doc.send(new PutCommand(params));
};
`;

    it('flags an item without a key attribute of the table, at Item', () => {
      assert.deepEqual(findings('orders.ts', put(`{ customer: event.id, total: 3 }`)), ['5:57 dynamodb-workspace-key-attributes Item']);
      const finding = analyzeWith('orders.ts', put(`{ customerId: event.id, sk: 'A' }`)).findings.find((candidate) => candidate.ruleId === 'dynamodb-workspace-key-attributes')!;
      assert.match(finding.message, /This Item misses the partition key 'customer' of table orders: PutItem needs the full primary key/);
      const python = `import os
import boto3

table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])


def handler(event, context):
    table.put_item(Item={"user_id": event["id"], "name": "x"})
`;
      assert.deepEqual(findings('users.py', python), ['8:20 dynamodb-workspace-key-attributes Item']);
    });

    it('stays silent on a whole key, a spread or variable item, and an item the file changes after writing it', () => {
      assert.deepEqual(findings('orders.ts', put(`{ customer: event.id, sk: 'ORDER', total: 3 }`)), []);
      assert.deepEqual(findings('orders.ts', put(`{ ...event, total: 3 }`)), []);
      assert.deepEqual(findings('orders.ts', put(`event`)), []);
      assert.deepEqual(findings('orders.ts', put(`{ customer: event.id }`, `params.Item.sk = 'ORDER';`)), []);
      assert.deepEqual(findings('orders.ts', put(`{ customer: event.id }`, `params.Item['sk'] = 'ORDER';`)), []);
      assert.deepEqual(findings('orders.ts', put(`{ customer: event.id }`, `Object.assign(params.Item, { sk: 'ORDER' });`)), []);
      const python = `import os
import boto3

table = boto3.resource("dynamodb").Table(os.environ["USERS_TABLE"])


def handler(event, context):
    params = {"Item": {"name": "x"}}
    params["Item"]["id"] = event["id"]
    table.put_item(**params)
    table.put_item(Item={"name": "y"})
`;
      assert.deepEqual(findings('users.py', python), []);
    });
  });

  describe('ProjectionExpression on a GSI', () => {
    it('reports attributes the index does not project, and not its keys, the table keys or INCLUDE attributes', () => {
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', KeyConditionExpression: '#s = :s', ProjectionExpression: 'customer, sk, created, total, note, #s', ExpressionAttributeNames: { '#s': 'status' } })`);
      assert.deepEqual(findings('orders.ts', text), ['6:167 dynamodb-workspace-projection note']);
      assert.equal(analyzeWith('orders.ts', text).findings.find((finding) => finding.ruleId === 'dynamodb-workspace-projection')?.severity, 'information');
    });

    it('says nothing on an LSI, on ALL, or when the template does not say', () => {
      for (const index of ['by-date', 'by-region']) {
        const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: '${index}', KeyConditionExpression: 'customer = :c', ProjectionExpression: 'note' })`);
        assert.deepEqual(findings('orders.ts', text, ['dynamodb-workspace-projection']), [], index);
      }
    });
  });

  describe('Scan filtered on the primary key', () => {
    it('suggests a Query for the partition key and GetItem for the whole key', () => {
      assert.deepEqual(findings('orders.ts', handler(`new ScanCommand({ TableName: $TABLE, FilterExpression: 'customer = :c' })`)), ['6:73 dynamodb-workspace-scan-by-key customer']);
      const whole = analyzeWith('orders.ts', handler(`new ScanCommand({ TableName: $TABLE, FilterExpression: 'sk = :s AND customer = :c' })`));
      const finding = whole.findings.find((candidate) => candidate.ruleId === 'dynamodb-workspace-scan-by-key')!;
      assert.equal(finding.severity, 'information');
      assert.match(finding.message, /GetItem reads just that item/);
    });

    it('keeps other conditions as the Query\'s filter, and points an index Scan to a Query on the index', () => {
      const others = analyzeWith('orders.ts', handler(`new ScanCommand({ TableName: $TABLE, FilterExpression: 'customer = :c AND total > :t' })`));
      assert.match(others.findings.find((finding) => finding.ruleId === 'dynamodb-workspace-scan-by-key')!.message, /a Query on it reads only those items, with the rest of the filter as its FilterExpression\.$/);
      const index = analyzeWith('orders.ts', handler(`new ScanCommand({ TableName: $TABLE, IndexName: 'by-date', FilterExpression: 'customer = :c' })`));
      assert.match(index.findings.find((finding) => finding.ruleId === 'dynamodb-workspace-scan-by-key')!.message, /the whole index by-date of table orders to keep the items of one value of the index's partition key 'customer': a Query on the index reads only those items\.$/);
    });

    it('stays silent on OR and on the sort key alone', () => {
      for (const statement of [
        `new ScanCommand({ TableName: $TABLE, FilterExpression: 'customer = :c OR customer = :d' })`,
        `new ScanCommand({ TableName: $TABLE, FilterExpression: 'sk = :s' })`,
      ]) {
        assert.deepEqual(findings('orders.ts', handler(statement), ['dynamodb-workspace-scan-by-key']), [], statement);
      }
    });
  });

  describe('hovers and the analysis without a model', () => {
    it('puts the table on the TableName sites, and the index it reads on the IndexName sites', () => {
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-status', KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } })`);
      const sites = analyzeWith('orders.ts', text).sites.filter((site) => site.workspace);
      assert.deepEqual(
        sites.map((site) => `${text.slice(site.start, site.end)} ${site.ruleIds.join(',')} ${site.workspace?.table.logicalName} ${site.workspace?.index?.name}`),
        ['TableName  OrdersTable undefined', 'TABLE  OrdersTable undefined', 'IndexName dynamodb-index-name OrdersTable by-status', "'by-status'  OrdersTable by-status"],
      );
    });

    it('gives exactly today’s result without a model, or with one that resolves nothing', () => {
      const nothing: WorkspaceView = { resolveTable: (_file: string, _ref: TableNameRef) => undefined };
      const text = handler(`new QueryCommand({ TableName: $TABLE, IndexName: 'by-stauts', ConsistentRead: true, KeyConditionExpression: 'sk = :s' })`);
      const without = analyzeWith('orders.ts', text, null);
      const unresolved = analyzeWith('orders.ts', text, nothing);
      assert.deepEqual({ sites: unresolved.sites, findings: unresolved.findings }, { sites: without.sites, findings: without.findings });
      assert.ok(without.findings.some((finding) => finding.ruleId === 'dynamodb-consistent-read'));
      assert.ok(!without.sites.some((site) => site.workspace || site.ruleIds.some((id) => id.startsWith('dynamodb-workspace-'))));
    });

    it('asks the model with the file name it was given and the reference the code makes', () => {
      const asked: string[] = [];
      const recording: WorkspaceView = {
        resolveTable(file, ref) {
          asked.push(`${file} ${ref.kind === 'env' ? `env ${ref.variable}` : `literal ${ref.name}`}`);
          return undefined;
        },
      };
      analyzeWith('src/handlers/orders.ts', handler(`new GetCommand({ TableName: $TABLE, Key: { customer: 'c' } })`), recording);
      analyzeWith('src/handlers/orders.ts', handler(`new GetCommand({ TableName: 'orders', Key: { customer: 'c' } })`), recording);
      assert.deepEqual(asked, ['src/handlers/orders.ts env ORDERS_TABLE', 'src/handlers/orders.ts literal orders']);
    });
  });
});
