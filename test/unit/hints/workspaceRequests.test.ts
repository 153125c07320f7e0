/**
 * What the code tells about a DynamoDB request, per SDK: the table (literal, constant, environment
 * variable, field, table object), the index, ConsistentRead, key condition, Key, projection and Scan
 * filter. Read on code shaped like real handlers and classes; names that cannot be read stay unread.
 */
import * as assert from 'node:assert/strict';
import { analyzeCode, CodeLanguageId } from '../../../src/hints/engine/code';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { DynamoRequest } from '../../../src/hints/engine/model';
import { LineIndex } from '../../../src/hints/engine/text';
import type { TableNameRef } from '../../../src/hints/engine/workspace/types';

function describeRequest(request: DynamoRequest, text: string): string {
  const parts = [request.operation.split(':')[1]];
  const table = request.table?.ref;
  parts.push(table ? `table=${table.kind === 'env' ? `env:${table.variable}` : table.name}` : 'table=?');
  if (request.index) {
    parts.push(`index=${request.index === 'unknown' ? '?' : request.index.name}`);
  }
  if (request.consistentRead) {
    parts.push('consistent');
  }
  const condition = request.keyCondition;
  if (condition) {
    const terms = condition.terms.map((term) => `${term.name} ${term.operator}`).join(', ');
    parts.push(`keys[${terms}]${condition.complete ? '' : ' partly'}${condition.keysOnly ? ' split' : ''}`);
  }
  if (request.key) {
    parts.push(`key[${request.key.attributes.map((attribute) => attribute.name).join(', ')}]`);
  }
  if (request.projection) {
    parts.push(`projection[${request.projection.map((attribute) => attribute.name).join(', ')}]`);
  }
  if (request.filterEqualities) {
    parts.push(`filter[${request.filterEqualities.map((attribute) => attribute.name).join(', ')}]`);
  }
  // Every attribute span must point at where the code writes the name (or the option that holds it).
  for (const attribute of [...(condition?.terms ?? []), ...(request.key?.attributes ?? []), ...(request.projection ?? [])]) {
    const written = text.slice(attribute.span.start, attribute.span.end);
    assert.ok(written.includes(attribute.name) || written.startsWith('#') || written.length > attribute.name.length, `${attribute.name} at "${written}"`);
  }
  return parts.join(' ');
}

function requests(fileName: string, text: string, tableKnown: (ref: TableNameRef) => boolean = () => true): string[] {
  const model = analyzeCode(text, documentKind(undefined, fileName) as CodeLanguageId, new LineIndex(text), { dynamodbRequests: { tableKnown } });
  return (model.dynamodbRequests ?? []).map((request) => describeRequest(request, text));
}

describe('DynamoDB requests read for the workspace checks', () => {
  it('reads nothing extra unless asked, and only the requests whose table the workspace defines', () => {
    const text = `import boto3\nboto3.client("dynamodb").get_item(TableName="orders", Key={"customer": {"S": "c"}})\nboto3.client("dynamodb").get_item(TableName="audit", Key={"id": {"S": "c"}})\n`;
    assert.equal(analyzeCode(text, 'python', new LineIndex(text)).dynamodbRequests, undefined);
    assert.deepEqual(
      requests('app.py', text, (ref) => ref.kind === 'literal' && ref.name === 'orders'),
      ['GetItem table=orders key[customer]'],
    );
  });

  describe('JavaScript and TypeScript', () => {
    it('reads v3 lib-dynamodb commands in a handler: env var through a constant, index, key condition with names', () => {
      const text = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.ORDERS_TABLE!;
export const handler = async (event: { id: string }) => {
  await doc.send(new QueryCommand({ TableName: TABLE, IndexName: 'by-status', ConsistentRead: true, KeyConditionExpression: '#s = :s AND created BETWEEN :a AND :b', ExpressionAttributeNames: { '#s': 'status' }, ProjectionExpression: 'customer, #t.amount', ExpressionAttributeValues: { ':s': 'OPEN' } }));
  await doc.send(new GetCommand({ TableName: process.env['ORDERS_TABLE'], Key: { customer: event.id, 'sk': 'A' } }));
  await doc.send(new ScanCommand({ TableName: 'orders', FilterExpression: 'customer = :c AND (sk = :s)' }));
};
`;
      assert.deepEqual(requests('handler.ts', text), [
        'Query table=env:ORDERS_TABLE index=by-status consistent keys[status =, created between]',
        'GetItem table=env:ORDERS_TABLE key[customer, sk]',
        'Scan table=orders filter[customer, sk]',
      ]);
    });

    it('reads v2 DocumentClient calls in a class with a field, this.x set in the constructor, and process.env destructured', () => {
      const text = `const AWS = require('aws-sdk');
const { ORDERS_TABLE: ordersTable, USERS_TABLE } = process.env;
class Repository {
  tableName = process.env.ORDERS_TABLE ?? 'orders';
  constructor() {
    this.doc = new AWS.DynamoDB.DocumentClient();
    this.users = process.env.USERS_TABLE || 'users';
  }
  find(id) {
    return this.doc.query({ TableName: this.tableName, KeyConditionExpression: 'customer = :c' }).promise();
  }
  user(id) {
    return this.doc.get({ TableName: this.users, Key: { id } }).promise();
  }
  remove(customer, sk) {
    return this.doc.delete({ TableName: ordersTable, Key: { customer, sk } }).promise();
  }
  other() {
    return this.doc.get({ TableName: USERS_TABLE, Key: { id: 1 } }).promise();
  }
}
`;
      assert.deepEqual(requests('repository.js', text), [
        'Query table=env:ORDERS_TABLE keys[customer =]',
        'GetItem table=env:USERS_TABLE key[id]',
        'DeleteItem table=env:ORDERS_TABLE key[customer, sk]',
        'GetItem table=env:USERS_TABLE key[id]',
      ]);
    });

    it('reads the low-level v3 client with marshall and the legacy KeyConditions map', () => {
      const text = `import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
const client = new DynamoDBClient({});
export async function load(customer: string) {
  await client.send(new GetItemCommand({ TableName: 'orders', Key: marshall({ customer, sk: 'PROFILE' }) }));
  await client.send(new QueryCommand({ TableName: 'orders', KeyConditions: { customer: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: customer }] } } }));
}
`;
      assert.deepEqual(requests('load.ts', text), ['GetItem table=orders key[customer, sk]', 'Query table=orders keys[customer =]']);
    });

    it('leaves unread what it cannot see: parameters, spreads, computed keys, unknown placeholders; a template string names a pattern', () => {
      const text = `import { DynamoDBDocumentClient, QueryCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(client);
export async function run(tableName: string, input: object, key: string) {
  await doc.send(new QueryCommand({ TableName: tableName, IndexName: 'by-status', KeyConditionExpression: 'status = :s' }));
  await doc.send(new QueryCommand({ TableName: \`\${process.env.STAGE}-orders\`, KeyConditionExpression: 'customer = :c' }));
  await doc.send(new QueryCommand({ ...input, TableName: 'orders', KeyConditionExpression: '#x = :c' }));
  await doc.send(new GetCommand({ TableName: 'orders', Key: { [key]: 1 } }));
}
`;
      // A request whose table is a parameter names no table the workspace could define: nothing checks it. A
      // template string is read for its literal pieces, which fit a table only where exactly one table's name fits them.
      assert.deepEqual(requests('run.ts', text), ['Query table=*-orders keys[customer =]', 'Query table=orders index=?', 'GetItem table=orders']);
    });
  });

  describe('Python (boto3)', () => {
    it('reads the client and the resource Table, with os.environ, os.getenv and Key/Attr conditions', () => {
      const text = `import os
import boto3
from boto3.dynamodb.conditions import Key, Attr

TABLE_NAME = os.environ["ORDERS_TABLE"]
table = boto3.resource("dynamodb").Table(TABLE_NAME)
client = boto3.client("dynamodb")


def handler(event, context):
    table.query(IndexName="by-date", ConsistentRead=True, KeyConditionExpression=Key("customer").eq(event["id"]) & Key("created").gte("2026"))
    table.scan(FilterExpression=Attr("customer").eq(event["id"]))
    client.get_item(TableName=os.environ.get("USERS_TABLE", "users"), Key={"id": {"S": event["id"]}})
    client.query(TableName=os.getenv("ORDERS_TABLE"), KeyConditionExpression="customer = :c", ProjectionExpression="total, #n", ExpressionAttributeNames={"#n": "name"})
    table.update_item(Key=dict(customer="c", sk="s"), UpdateExpression="SET total = :t")
`;
      assert.deepEqual(requests('handler.py', text), [
        'Query table=env:ORDERS_TABLE index=by-date consistent keys[customer =, created >=]',
        'Scan table=env:ORDERS_TABLE filter[customer]',
        'GetItem table=env:USERS_TABLE key[id]',
        'Query table=env:ORDERS_TABLE keys[customer =] projection[total, name]',
        'UpdateItem table=env:ORDERS_TABLE key[customer, sk]',
      ]);
    });

    it('follows self.x set in __init__, environ imported from os, and paginator requests', () => {
      const text = `from os import environ
import boto3


class Orders:
    def __init__(self):
        self.table_name = environ["ORDERS_TABLE"]
        self.table = boto3.resource("dynamodb").Table(self.table_name)
        self.client = boto3.client("dynamodb")

    def get(self, customer):
        return self.table.get_item(Key={"customer": customer, "sk": "A"})

    def pages(self):
        paginator = self.client.get_paginator("query")
        return paginator.paginate(TableName=self.table_name, IndexName="by-email", KeyConditionExpression="email = :e")

    def other(self, name):
        return boto3.resource("dynamodb").Table(name).get_item(Key={"id": 1})
`;
      assert.deepEqual(requests('orders.py', text), ['GetItem table=env:ORDERS_TABLE key[customer, sk]', 'Query table=env:ORDERS_TABLE index=by-email keys[email =]']);
    });

    it('does not read a condition combined with | or a Key imported from elsewhere, nor a dict with a spread', () => {
      const text = `import boto3
from mylib import Key
from boto3.dynamodb.conditions import Attr

table = boto3.resource("dynamodb").Table("orders")
table.query(KeyConditionExpression=Key("status").eq("x"))
table.scan(FilterExpression=Attr("customer").eq("a") | Attr("customer").eq("b"))
table.get_item(Key={**base, "sk": "A"})
`;
      // The spread in the Key map could hold any attribute, so no key is read; it holds no option of the request, so the request is on the table.
      assert.deepEqual(requests('traps.py', text), ['Query table=orders', 'Scan table=orders', 'GetItem table=orders']);
    });
  });

  describe('Java (SDK v2 and the enhanced client)', () => {
    it('reads builders, consumer lambdas, Map.of keys, and enhanced tables and indexes set in the constructor', () => {
      const text = `import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.enhanced.dynamodb.*;
import java.util.Map;

public class OrdersRepository {
    private static final String TABLE = System.getenv("ORDERS_TABLE");
    private final DynamoDbClient ddb;
    private final DynamoDbTable<Order> orders;

    public OrdersRepository(DynamoDbClient ddb, DynamoDbEnhancedClient enhanced) {
        this.ddb = ddb;
        this.orders = enhanced.table(TABLE, TableSchema.fromBean(Order.class));
    }

    public void run(String id) {
        QueryRequest request = QueryRequest.builder()
            .tableName(TABLE)
            .indexName("by-status")
            .keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", "status"))
            .build();
        ddb.query(request);
        ddb.getItem(b -> b.tableName("orders").key(Map.ofEntries(Map.entry("customer", AttributeValue.fromS(id)))));
        orders.index("by-date").query(r -> r.consistentRead(true));
        ddb.query(QueryRequest.builder().tableName(TABLE).keyConditions(Map.of("customer", Condition.builder().comparisonOperator(ComparisonOperator.EQ).build())).build());
    }
}
`;
      assert.deepEqual(requests('OrdersRepository.java', text), [
        'Query table=env:ORDERS_TABLE index=by-status keys[status =]',
        'GetItem table=orders key[customer]',
        'Query table=env:ORDERS_TABLE index=by-date consistent',
        'Query table=env:ORDERS_TABLE keys[customer =]',
      ]);
    });

    it('reads a Java field set in the constructor and read by its bare name, not a parameter of the same name', () => {
      const text = `import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

public class Orders {
    private final DynamoDbClient ddb;
    private final String tableName;

    public Orders(DynamoDbClient ddb) {
        this.ddb = ddb;
        this.tableName = System.getenv("ORDERS_TABLE");
    }

    public void scan() {
        ddb.scan(ScanRequest.builder().tableName(tableName).build());
    }

    public void scanOther(String tableName) {
        ddb.scan(ScanRequest.builder().tableName(tableName).build());
    }
}
`;
      assert.deepEqual(requests('Orders.java', text), ['Scan table=env:ORDERS_TABLE']);
    });
  });

  describe('Go (SDK v2)', () => {
    it('reads input structs, os.Getenv through a package variable, consts, map keys and the expression builder', () => {
      const text = `package orders

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	expr "github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var tableName = os.Getenv("ORDERS_TABLE")

const statusIndex = "by-status"

type Store struct {
	client *dynamodb.Client
}

func (s *Store) Find(ctx context.Context, id string) error {
	keyCond := expr.KeyAnd(expr.Key("customer").Equal(expr.Value(id)), expr.KeyBeginsWith(expr.Key("sk"), "ORDER#"))
	proj := expr.NamesList(expr.Name("total"), expr.Name("status"))
	built, err := expr.NewBuilder().WithKeyCondition(keyCond).WithProjection(proj).Build()
	if err != nil {
		return err
	}
	_, err = s.client.Query(ctx, &dynamodb.QueryInput{
		TableName:                 aws.String(tableName),
		KeyConditionExpression:    built.KeyCondition(),
		ProjectionExpression:      built.Projection(),
		ExpressionAttributeNames:  built.Names(),
		ExpressionAttributeValues: built.Values(),
	})
	_, err = s.client.Query(ctx, &dynamodb.QueryInput{
		TableName:                aws.String(tableName),
		IndexName:                aws.String(statusIndex),
		ConsistentRead:           aws.Bool(true),
		KeyConditionExpression:   aws.String("#s = :s"),
		ExpressionAttributeNames: map[string]string{"#s": "status"},
	})
	_, err = s.client.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String(os.Getenv("ORDERS_TABLE")),
		Key: map[string]types.AttributeValue{
			"customer": &types.AttributeValueMemberS{Value: id},
		},
	})
	return err
}
`;
      assert.deepEqual(requests('store.go', text), [
        'Query table=env:ORDERS_TABLE keys[customer =, sk begins_with] projection[total, status]',
        'Query table=env:ORDERS_TABLE index=by-status consistent keys[status =]',
        'DeleteItem table=env:ORDERS_TABLE key[customer]',
      ]);
    });
  });

  describe('C# (.NET low-level client and document model)', () => {
    it('reads initializers with a field set from the environment, dictionary keys, and document-model queries', () => {
      const text = `using System;
using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2.DocumentModel;

public class OrdersRepository
{
    private static readonly string TableName = Environment.GetEnvironmentVariable("ORDERS_TABLE") ?? "orders";
    private readonly IAmazonDynamoDB _client;
    private readonly Table _table;

    public OrdersRepository(IAmazonDynamoDB client)
    {
        _client = client;
        _table = Table.LoadTable(client, TableName);
    }

    public async Task Run(string id)
    {
        await _client.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            IndexName = "by-date",
            ConsistentRead = true,
            KeyConditionExpression = "customer = :c AND #d > :d",
            ExpressionAttributeNames = new Dictionary<string, string> { { "#d", "created" } },
        });
        await _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new Dictionary<string, AttributeValue> { ["customer"] = new AttributeValue { S = id }, { "sk", new AttributeValue { S = "x" } } },
        });
        var filter = new QueryFilter("sk", QueryOperator.BeginsWith, "ORDER#");
        filter.AddCondition("total", QueryOperator.GreaterThan, 3);
        var search = _table.Query(filter);
        var search2 = _table.Query(new QueryOperationConfig { IndexName = "by-status", ConsistentRead = true, Filter = new QueryFilter("status", QueryOperator.Equal, "OPEN") });
        var search3 = _table.Query(id, new QueryFilter("sk", QueryOperator.BeginsWith, "A"));
    }
}
`;
      assert.deepEqual(requests('OrdersRepository.cs', text), [
        'Query table=env:ORDERS_TABLE index=by-date consistent keys[customer =, created >]',
        'GetItem table=env:ORDERS_TABLE key[customer, sk]',
        'Query table=env:ORDERS_TABLE keys[sk begins_with, total >] split',
        'Query table=env:ORDERS_TABLE index=by-status consistent keys[status =] split',
        'Query table=env:ORDERS_TABLE',
      ]);
    });

    it('reads DynamoDBContext calls: the [DynamoDBTable] class of the file, and the config’s index, consistency and table override', () => {
      const text = `using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;

[DynamoDBTable("orders")]
public class Order
{
    [DynamoDBHashKey] public string Customer { get; set; }
}

public class Store
{
    private readonly IDynamoDBContext _context;
    public Store(IAmazonDynamoDB client) { _context = new DynamoDBContext(client); }

    public Task<List<Order>> ByStatus(string status) =>
        _context.QueryAsync<Order>(status, new DynamoDBOperationConfig { IndexName = "by-status", ConsistentRead = true }).GetRemainingAsync();

    public Task<Order> Load(string customer) => _context.LoadAsync<Order>(customer, new LoadConfig { ConsistentRead = true });

    public Task<Order> Archived(string customer) =>
        _context.LoadAsync<Order>(customer, new DynamoDBOperationConfig { OverrideTableName = Environment.GetEnvironmentVariable("ARCHIVE_TABLE") });

    public Task<Player> Other(string id) => _context.LoadAsync<Player>(id);

    public Task<List<Order>> Open(string status)
    {
        var config = new QueryOperationConfig { IndexName = "by-date", ConsistentRead = true, Filter = new QueryFilter("created", QueryOperator.GreaterThan, status) };
        return _context.FromQueryAsync<Order>(config).GetRemainingAsync();
    }
}
`;
      assert.deepEqual(requests('Store.cs', text), [
        'Query table=orders index=by-status consistent',
        'GetItem table=orders consistent',
        'GetItem table=env:ARCHIVE_TABLE',
        'Query table=orders index=by-date consistent keys[created >] split',
      ]);
    });

    it('counts a filter passed elsewhere as partly seen', () => {
      const text = `using Amazon.DynamoDBv2.DocumentModel;
public class Search
{
    public void Run(IAmazonDynamoDB client)
    {
        var table = Table.LoadTable(client, "orders");
        var filter = new QueryFilter("sk", QueryOperator.BeginsWith, "A");
        AddTenant(filter);
        table.Query(filter);
    }
}
`;
      assert.deepEqual(requests('Search.cs', text), ['Query table=orders keys[sk begins_with] partly split']);
    });
  });
});
