/**
 * Workspace mode: a table name the code builds from pieces (`"shop-" + stage + "-orders"`, Go's
 * `fmt.Sprintf("shop-%s-orders", stage)`) is taken for the one table whose template name fits it, literal or
 * built with `!Sub` variables; two tables that fit, or pieces that say too little, leave it unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { patternsMeet, starPattern } from '../../../src/hints/engine/workspace/namePatterns';

const TEMPLATE = (extra = ''): string =>
  [
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  App:',
    '    Type: String',
    '    Default: shop',
    '  Stage:',
    '    Type: String',
    'Resources:',
    '  OrdersTable:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      TableName: !Sub "${App}-${Stage}-orders"',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    '        - AttributeName: orderId',
    '          AttributeType: S',
    '      KeySchema:',
    '        - AttributeName: orderId',
    '          KeyType: HASH',
    extra,
  ].join('\n');

const SECOND = [
  '  ArchiveTable:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      TableName: !Sub "${App}-${Stage}-orders"',
  '      BillingMode: PAY_PER_REQUEST',
  '      AttributeDefinitions:',
  '        - AttributeName: orderId',
  '          AttributeType: S',
  '      KeySchema:',
  '        - AttributeName: orderId',
  '          KeyType: HASH',
].join('\n');

const HANDLER = (tableName: string, extra = ''): string =>
  [
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"fmt"',
    '\t"os"',
    '',
    '\t"github.com/aws/aws-sdk-go-v2/aws"',
    '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
    '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
    ')',
    '',
    'func find(ctx context.Context, db *dynamodb.Client, id string) (*dynamodb.QueryOutput, error) {',
    '\tstage := os.Getenv("STAGE")',
    `\ttable := ${tableName}`,
    '\t_ = fmt.Sprint(stage)',
    '\treturn db.Query(ctx, &dynamodb.QueryInput{',
    '\t\tTableName:              aws.String(table),',
    '\t\tKeyConditionExpression: aws.String("orderId = :id"),',
    extra,
    '\t\tExpressionAttributeValues: map[string]types.AttributeValue{":id": &types.AttributeValueMemberS{Value: id}},',
    '\t})',
    '}',
  ].join('\n');

function dynamodb(hints: string[]): string[] {
  return hints.filter((hint) => / dynamodb-(?:query|workspace-[a-z-]+)!$/.test(hint));
}

describe('Workspace: table names built from pieces', () => {
  it('matches name patterns: some name fits both, each unknown part any text', () => {
    assert.deepEqual(starPattern('*-*-orders'), ['', '-', '-orders']);
    assert.deepEqual(starPattern('*'), undefined);
    assert.deepEqual(starPattern('*-ab'), undefined);
    assert.equal(patternsMeet(['shop-', '-orders'], ['', '-', '-orders']), true);
    assert.equal(patternsMeet(['shop-', '-orders'], ['shop-prod-orders']), true);
    assert.equal(patternsMeet(['shop-', '-orders'], ['', '-', '-orders-archive']), false);
    assert.equal(patternsMeet(['shop-', '-orders'], ['shop-prod-invoices']), false);
    assert.equal(patternsMeet(['', '-orders'], ['', '-', '']), true);
    assert.equal(patternsMeet(['', '-orders'], ['', '-', '-']), false);
  });

  it('takes a concatenation or fmt.Sprintf for the one table whose !Sub, !Join or Terraform template name fits it', () => {
    for (const built of ['"shop-" + stage + "-orders"', 'fmt.Sprintf("shop-%s-orders", stage)']) {
      const files = { 'template.yaml': TEMPLATE(), 'orders/main.go': HANDLER(built) };
      // A Query by the whole key of a table without a sort key matches one item: no page is missed.
      assert.deepEqual(dynamodb(hintsOfFile(files, 'orders/main.go')), [], built);
      const indexed = { 'template.yaml': TEMPLATE(), 'orders/main.go': HANDLER(built, '\t\tIndexName:              aws.String("byCustomer"),') };
      // The table defines no such index; an index's key need not be unique, so the Query may have pages.
      assert.deepEqual(dynamodb(hintsOfFile(indexed, 'orders/main.go')), ['17:Query dynamodb-query!', '20:aws.String("byCustomer") dynamodb-workspace-index-undefined!'], built);
    }
    const terraform = [
      'variable "stage" {}',
      'resource "aws_dynamodb_table" "orders" {',
      '  name         = "shop-${var.stage}-orders"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "orderId"',
      '  attribute {',
      '    name = "orderId"',
      '    type = "S"',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(dynamodb(hintsOfFile({ 'infra/main.tf': terraform, 'orders/main.go': HANDLER('"shop-" + stage + "-orders"') }, 'orders/main.go')), []);
    const joined = TEMPLATE().replace('!Sub "${App}-${Stage}-orders"', '!Join ["-", ["shop", !Ref Stage, "orders"]]');
    assert.deepEqual(dynamodb(hintsOfFile({ 'template.yaml': joined, 'orders/main.go': HANDLER('"shop-" + stage + "-orders"') }, 'orders/main.go')), []);
  });

  it('takes a JavaScript template literal, a Python f-string and a C# interpolated string the same way', () => {
    const js = [
      'import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";',
      'const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export const find = (id) => ddb.send(new QueryCommand({',
      '  TableName: `shop-${process.env.STAGE}-orders`,',
      '  IndexName: "byCustomer",',
      '  KeyConditionExpression: "customerId = :c",',
      '  ExpressionAttributeValues: { ":c": id },',
      '}));',
    ].join('\n');
    assert.deepEqual(dynamodb(hintsOfFile({ 'template.yaml': TEMPLATE(), 'src/find.mjs': js }, 'src/find.mjs')), ['3:QueryCommand dynamodb-query!', '5:"byCustomer" dynamodb-workspace-index-undefined!']);
    const python = [
      'import os',
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def find(order_id):',
      '    stage = os.environ["STAGE"]',
      '    return client.query(TableName=f"shop-{stage}-orders", KeyConditionExpression="orderId = :o", ExpressionAttributeValues={":o": {"S": order_id}})',
    ].join('\n');
    assert.deepEqual(dynamodb(hintsOfFile({ 'template.yaml': TEMPLATE(), 'src/find.py': python }, 'src/find.py')), []);
    const csharp = [
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public class Orders',
      '{',
      '    private readonly IAmazonDynamoDB _db;',
      '    public Orders(IAmazonDynamoDB db) { _db = db; }',
      '    public Task<QueryResponse> Find(string stage, string id) => _db.QueryAsync(new QueryRequest',
      '    {',
      '        TableName = $"shop-{stage}-orders",',
      '        IndexName = "byCustomer",',
      '        KeyConditionExpression = "customerId = :c",',
      '        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":c"] = new AttributeValue { S = id } },',
      '    });',
      '}',
    ].join('\n');
    assert.deepEqual(dynamodb(hintsOfFile({ 'template.yaml': TEMPLATE(), 'src/Orders.cs': csharp }, 'src/Orders.cs')).filter((hint) => hint.includes('workspace')), ['11:"byCustomer" dynamodb-workspace-index-undefined!']);
  });

  it('leaves the table unknown when two tables fit, no table fits, or the pieces say too little', () => {
    const two = { 'template.yaml': TEMPLATE(SECOND), 'orders/main.go': HANDLER('"shop-" + stage + "-orders"') };
    assert.deepEqual(dynamodb(hintsOfFile(two, 'orders/main.go')), ['17:Query dynamodb-query!']);
    const none = { 'template.yaml': TEMPLATE(), 'orders/main.go': HANDLER('"shop-" + stage + "-invoices"') };
    assert.deepEqual(dynamodb(hintsOfFile(none, 'orders/main.go')), ['17:Query dynamodb-query!']);
    const short = { 'template.yaml': TEMPLATE(), 'orders/main.go': HANDLER('stage + "-ord"') };
    assert.deepEqual(dynamodb(hintsOfFile(short, 'orders/main.go')), ['17:Query dynamodb-query!']);
  });
});
