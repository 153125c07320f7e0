/**
 * DynamoDB Accelerator (DAX) clients are drop-in replacements for the DynamoDB clients: JavaScript's
 * `amazon-dax-client` and the DAX SDK v3 (`Dax`, `DaxDocument`), Python's `amazondax`, Java's DAX clients for
 * SDK 1.x and 2.x, and Go's `aws-dax-go` / `aws-dax-go-v2`. Their requests get DynamoDB's hovers and findings,
 * a client made once or chosen by an environment variable alike; names like theirs from other packages do not.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

describe('DAX clients', () => {
  it('JavaScript SDK v2: a module-level DAX client, a DocumentClient over it, and one chosen by an environment variable', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      "const AmazonDaxClient = require('amazon-dax-client');",
      '',
      'const dax = new AmazonDaxClient({ endpoints: [process.env.DAX_ENDPOINT], region: process.env.AWS_REGION });',
      'const docs = new AWS.DynamoDB.DocumentClient({ service: dax });',
      'const sessions = process.env.DAX_ENDPOINT',
      '  ? new AmazonDaxClient({ endpoints: [process.env.DAX_ENDPOINT] })',
      '  : new AWS.DynamoDB.DocumentClient();',
      '',
      'exports.handler = async (event) => {',
      "  const note = await dax.getItem({ TableName: 'notes', Key: { id: { S: event.id } } }).promise();",
      "  const page = await docs.query({ TableName: 'notes', KeyConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': event.user } }).promise();",
      "  const all = await sessions.scan({ TableName: 'sessions' }).promise();",
      '  return { note, page, all };',
      '};',
    );
    const hints = hintsIn('handler.js', code).filter((hint) => !hint.includes('aws-sdk-end-of-support'));
    assert.deepEqual(hints.sort(), [
      '11:getItem dynamodb-get-item',
      '12:query dynamodb-query',
      '12:query dynamodb-query!',
      '12:KeyConditionExpression dynamodb-key-condition-expression',
      '13:scan dynamodb-scan',
      '13:scan dynamodb-scan!',
    ].sort());
  });

  it('JavaScript: a DAX client made inside the handler is made per invocation', () => {
    const code = sourceLines(
      "import AmazonDaxClient from 'amazon-dax-client';",
      '',
      'export const handler = async (event) => {',
      '  const dax = new AmazonDaxClient({ endpoints: [process.env.DAX_ENDPOINT] });',
      "  return dax.getItem({ TableName: 'notes', Key: { id: { S: event.id } } }).promise();",
      '};',
    );
    assert.deepEqual(hintsIn('lambda.mjs', code).sort(), [
      '4:AmazonDaxClient lambda-client-per-invocation',
      '4:AmazonDaxClient lambda-client-per-invocation!',
      '5:getItem dynamodb-get-item',
    ].sort());
  });

  it('TypeScript: a repository whose field is typed with the DAX client, and the DAX SDK v3 clients', () => {
    const repository = sourceLines(
      "import AmazonDaxClient from 'amazon-dax-client';",
      '',
      'export class NotesRepository {',
      '  constructor(private readonly dax: AmazonDaxClient) {}',
      '',
      '  async one(id: string) {',
      "    return this.dax.getItem({ TableName: 'notes', Key: { id: { S: id } }, ConsistentRead: true }).promise();",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('notes.ts', repository).sort(), ['7:getItem dynamodb-get-item', '7:ConsistentRead dynamodb-consistent-read'].sort());
    const v3 = sourceLines(
      "import { DaxDocument } from '@amazon-dax-sdk/lib-dax';",
      "import { Dax } from '@amazon-dax-sdk/client-dax';",
      "import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'let orders: DynamoDBDocument | DaxDocument = DynamoDBDocument.from(new DynamoDBClient({}));',
      'if (process.env.DAX_ENDPOINT) {',
      "  orders = new DaxDocument({ endpoints: [process.env.DAX_ENDPOINT], region: 'us-east-1' });",
      '}',
      'const raw = new Dax({ endpoints: [process.env.DAX_ENDPOINT] });',
      '',
      'export async function handler(event: { pk: string }) {',
      "  const { Items } = await orders.query({ TableName: 'orders', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': event.pk } });",
      "  const { Responses } = await raw.batchGetItem({ RequestItems: { orders: { Keys: [{ pk: { S: event.pk } }] } } });",
      '  return { Items, Responses };',
      '}',
    );
    assert.deepEqual(hintsIn('orders.ts', v3).sort(), [
      '13:query dynamodb-query',
      '13:query dynamodb-query!',
      '13:KeyConditionExpression dynamodb-key-condition-expression',
      '14:batchGetItem dynamodb-batch-get-item',
      '14:batchGetItem dynamodb-batch-get-item!',
      '14:RequestItems dynamodb-request-items',
    ].sort());
  });

  it('JavaScript traps: DAX-like names from another module, and a conditional whose other branch is no client', () => {
    const code = sourceLines(
      "const { AmazonDaxClient, Dax, DaxDocument } = require('./cache');",
      "const RealDax = require('amazon-dax-client');",
      '',
      "const dax = new AmazonDaxClient({ endpoints: ['localhost:8111'] });",
      'const local = new Dax();',
      'const doc = new DaxDocument();',
      'const maybe = process.env.DAX_ENDPOINT ? new RealDax({ endpoints: [process.env.DAX_ENDPOINT] }) : stubClient();',
      '',
      'exports.handler = async () => [',
      "  await dax.getItem({ TableName: 'a', Key: {} }),",
      "  await local.scan({ TableName: 'b' }),",
      "  await doc.query({ TableName: 'c' }),",
      "  await maybe.scan({ TableName: 'd' }),",
      '];',
    );
    assert.deepEqual(hintsIn('trap.js', code), []);
  });

  it('Python: a resource and a client made at module level, a Table in a class, and a client made in the handler', () => {
    const handler = sourceLines(
      'import os',
      'from amazondax import AmazonDaxClient',
      '',
      "dax = AmazonDaxClient(endpoint_url=os.environ['DAX_ENDPOINT'])",
      "orders = AmazonDaxClient.resource(endpoint_url=os.environ['DAX_ENDPOINT']).Table(os.environ['TABLE'])",
      '',
      'def handler(event, context):',
      '    listing = orders.scan()',
      "    one = dax.get_item(**event['request'])",
      "    with AmazonDaxClient(endpoint_url=os.environ['DAX_ENDPOINT']) as local:",
      "        recent = local.query(**event['query'])",
      "    return listing['Items'], one, recent",
    );
    assert.deepEqual(hintsIn('app.py', handler).sort(), [
      '8:scan dynamodb-scan',
      '8:scan dynamodb-scan!',
      '9:get_item dynamodb-get-item',
      '10:AmazonDaxClient lambda-client-per-invocation',
      '10:AmazonDaxClient lambda-client-per-invocation!',
      '11:query dynamodb-query',
      '11:query dynamodb-query!',
    ].sort());
    const store = sourceLines(
      'import amazondax',
      '',
      'class OrderStore:',
      '    def __init__(self, endpoint):',
      "        self.table = amazondax.AmazonDaxClient.resource(endpoint_url=endpoint).Table('orders')",
      '',
      '    def by_customer(self, condition):',
      "        return self.table.query(KeyConditionExpression=condition, ConsistentRead=True)['Items']",
    );
    assert.deepEqual(hintsIn('store.py', store).sort(), [
      '8:query dynamodb-query',
      '8:query dynamodb-query!',
      '8:KeyConditionExpression dynamodb-key-condition-expression',
      '8:ConsistentRead dynamodb-consistent-read',
    ].sort());
  });

  it('Python trap: an AmazonDaxClient of another package', () => {
    const code = sourceLines(
      'from mycache import AmazonDaxClient',
      '',
      "cache = AmazonDaxClient(endpoint_url='localhost')",
      "orders = AmazonDaxClient.resource(endpoint_url='localhost').Table('orders')",
      '',
      'def handler(event, context):',
      "    return cache.get_item(**event['request']), orders.scan()",
    );
    assert.deepEqual(hintsIn('trap.py', code), []);
  });

  it('Java: DAX clients for SDK 1.x and 2.x, injected or built in the handler, and the control-plane AmazonDaxClient left alone', () => {
    const v1 = sourceLines(
      'package com.example.orders;',
      '',
      'import com.amazon.dax.client.dynamodbv2.AmazonDaxClientBuilder;',
      'import com.amazon.dax.client.dynamodbv2.ClusterDaxClient;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      '',
      'public class OrderHandler implements RequestHandler<OrderEvent, Object> {',
      '  private final ClusterDaxClient cluster;',
      '',
      '  public OrderHandler(ClusterDaxClient cluster) {',
      '    this.cluster = cluster;',
      '  }',
      '',
      '  public Object handleRequest(OrderEvent event, Context context) {',
      '    var dax = AmazonDaxClientBuilder.standard().withEndpointConfiguration(System.getenv("DAX_ENDPOINT")).build();',
      '    return dax.scan(event.scanRequest());',
      '  }',
      '',
      '  public Object recent(OrderEvent event) {',
      '    return cluster.query(event.queryRequest());',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('OrderHandler.java', v1).sort(), [
      '16:AmazonDaxClientBuilder lambda-client-per-invocation',
      '16:AmazonDaxClientBuilder lambda-client-per-invocation!',
      '17:scan dynamodb-scan',
      '17:scan dynamodb-scan!',
      '21:query dynamodb-query',
      '21:query dynamodb-query!',
    ].sort());
    const v2 = sourceLines(
      'import java.util.concurrent.CompletableFuture;',
      'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
      'import software.amazon.awssdk.services.dynamodb.model.QueryResponse;',
      'import software.amazon.dax.ClusterDaxAsyncClient;',
      'import software.amazon.dax.Configuration;',
      '',
      'public class Orders {',
      '  public CompletableFuture<QueryResponse> byCustomer(QueryRequest request) {',
      '    var client = ClusterDaxAsyncClient.builder().overrideConfiguration(Configuration.builder().url(System.getenv("DAX_URL")).build()).build();',
      '    return client.query(request);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('Orders.java', v2).sort(), ['10:query dynamodb-query', '10:query dynamodb-query!'].sort());
    const controlPlane = sourceLines(
      'import com.amazonaws.services.dax.AmazonDaxClient;',
      'import com.amazonaws.services.dax.AmazonDaxClientBuilder;',
      '',
      'public class Clusters {',
      '  public void list() {',
      '    AmazonDaxClient dax = (AmazonDaxClient) AmazonDaxClientBuilder.defaultClient();',
      '    dax.describeClusters(null);',
      '    dax.createCluster(null);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('Clusters.java', controlPlane).filter((hint) => !hint.includes('aws-sdk-end-of-support')), []);
  });

  it('Go: aws-dax-go clients made in init and held in a struct, one made per invocation from the package defaults, and a dax package of the project left alone', () => {
    const v1 = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-dax-go/dax"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      ')',
      '',
      'var client *dax.Dax',
      '',
      'func init() {',
      '\tcfg := dax.DefaultConfig()',
      '\tcfg.HostPorts = []string{"orders.dax:8111"}',
      '\tvar err error',
      '\tif client, err = dax.New(cfg); err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '}',
      '',
      'func handler(event Event) (int, error) {',
      '\tout, err := client.Scan(event.Input())',
      '\tif err != nil {',
      '\t\treturn 0, err',
      '\t}',
      '\treturn len(out.Items), nil',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.deepEqual(hintsIn('main.go', v1).sort(), ['20:Scan dynamodb-scan', '20:Scan dynamodb-scan!'].sort());
    const v2 = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-dax-go-v2/dax"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'type Store struct{ db *dax.Dax }',
      '',
      'func New(cfg dax.Config) (*Store, error) {',
      '\tdb, err := dax.New(cfg)',
      '\treturn &Store{db: db}, err',
      '}',
      '',
      'func (s *Store) Recent(ctx context.Context, in *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {',
      '\treturn s.db.Query(ctx, in)',
      '}',
    );
    assert.deepEqual(hintsIn('store.go', v2).sort(), ['18:Query dynamodb-query', '18:Query dynamodb-query!'].sort());
    const perCall = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"os"',
      '',
      '\t"github.com/aws/aws-dax-go-v2/dax"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      ')',
      '',
      'type Event struct{ Endpoint string }',
      '',
      'func handler(ctx context.Context, event Event) error {',
      '\tcfg := dax.DefaultConfig()',
      '\tcfg.HostPorts = []string{os.Getenv("DAX_ENDPOINT")}',
      '\tclient, err := dax.New(cfg)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdefer client.Close()',
      '\tsdk, _ := config.LoadDefaultConfig(ctx)',
      '\ttenant, err := dax.New(dax.NewConfig(sdk, event.Endpoint))',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn tenant.Close()',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    assert.deepEqual(hintsIn('percall.go', perCall).sort(), ['17:New lambda-client-per-invocation', '17:New lambda-client-per-invocation!'].sort());
    const local = sourceLines(
      'package main',
      '',
      'import "example.com/internal/dax"',
      '',
      'func handler() error {',
      '\tc, _ := dax.New(dax.Config{})',
      '\t_, err := c.Scan(input)',
      '\treturn err',
      '}',
    );
    assert.deepEqual(hintsIn('local.go', local), []);
  });

  it('follows a JavaScript or Go handler into a factory of another module that makes a DAX client on each call', () => {
    const per = (found: string[]) => found.filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
    const factory = sourceLines(
      "const AmazonDaxClient = require('amazon-dax-client');",
      '',
      'function makeClient() {',
      '  return new AmazonDaxClient({ endpoints: [process.env.DAX_ENDPOINT] });',
      '}',
      'module.exports = { makeClient };',
    );
    const handler = sourceLines(
      "const { makeClient } = require('./db');",
      '',
      'exports.handler = async (event) => {',
      '  const dax = makeClient();',
      "  return dax.getItem({ TableName: 'orders', Key: { id: { S: event.id } } }).promise();",
      '};',
    );
    assert.deepEqual(per(hintsInWorkspace(workspaceOf({ 'src/db.js': factory, 'src/handler.js': handler }), 'src/handler.js', handler)), [
      '4:makeClient lambda-client-per-invocation!',
    ]);
    const store = sourceLines('package store', '', 'import (', '\t"github.com/aws/aws-dax-go/dax"', ')', '', 'func NewClient() (*dax.Dax, error) {', '\tcfg := dax.DefaultConfig()', '\treturn dax.New(cfg)', '}');
    const main = sourceLines('package main', '', 'import (', '\t"context"', '', '\t"example.com/orders/store"', '\t"github.com/aws/aws-lambda-go/lambda"', ')', '', 'func handle(ctx context.Context, event map[string]string) error {', '\tclient, err := store.NewClient()', '\t_ = client', '\treturn err', '}', '', 'func main() { lambda.Start(handle) }');
    const goFiles = { 'go.mod': 'module example.com/orders\n\ngo 1.21\n', 'store/store.go': store, 'main.go': main };
    assert.deepEqual(per(hintsInWorkspace(workspaceOf(goFiles), 'main.go', main)), ['11:NewClient lambda-client-per-invocation!']);
  });
});
