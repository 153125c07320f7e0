/**
 * `lambda-client-per-invocation`: a DynamoDB, Redis or RDS client that a Lambda handler makes inside its body,
 * so on every invocation (JavaScript, TypeScript, Python). Silent: a client made at module level, a lazy
 * module-level one, one built from the event or the invocation's values, a project factory (which may cache),
 * a function that is not a handler, and a handler in a test.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hintsIn, hoverAt, realHintRules, sourceLines } from './support';

const RULE = 'lambda-client-per-invocation!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Lambda: clients made on every invocation', () => {
  it('reports SDK and Redis clients made inside an exported handler (ES module, CommonJS, callback style)', () => {
    const esm = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      "import Redis from 'ioredis';",
      '',
      'export const handler = async (event, context) => {',
      '  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));',
      '  const redis = new Redis(process.env.REDIS_URL);',
      '  const { Item } = await client.send(new GetCommand({ TableName: process.env.TABLE, Key: { id: event.id } }));',
      '  await redis.set(event.id, JSON.stringify(Item));',
      '  return Item;',
      '};',
    );
    assert.deepEqual(reported('handler.mjs', esm), [`6:DynamoDBClient ${RULE}`, `7:Redis ${RULE}`]);
    const commonjs = sourceLines(
      "const AWS = require('aws-sdk');",
      '',
      'exports.handler = function (event, context, callback) {',
      '  const docClient = new AWS.DynamoDB.DocumentClient();',
      "  docClient.get({ TableName: 'orders', Key: { id: event.id } }, callback);",
      '};',
      '',
      'async function list(event) {',
      '  const ddb = new AWS.DynamoDB();',
      "  return ddb.scan({ TableName: 'orders' }).promise();",
      '}',
      'module.exports = { list };',
    );
    assert.deepEqual(reported('orders.js', commonjs), [`4:DocumentClient ${RULE}`, `9:DynamoDB ${RULE}`]);
    const typed = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import middy from '@middy/core';",
      "import type { APIGatewayProxyEvent, Handler } from 'aws-lambda';",
      '',
      'export const handler: Handler<APIGatewayProxyEvent> = async (event: APIGatewayProxyEvent) => {',
      '  const client = new DynamoDBClient({});',
      '  return client.config;',
      '};',
      'export const wrapped = middy(async (event: APIGatewayProxyEvent) => {',
      '  const client = new DynamoDBClient({});',
      '  return client.config;',
      '});',
    );
    assert.deepEqual(reported("handler.ts", typed).sort(), [`10:DynamoDBClient ${RULE}`, `6:DynamoDBClient ${RULE}`]);
  });

  it('reports boto3 and redis-py clients made inside a module-level def handler(event, context)', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'import redis',
      '',
      '',
      'def lambda_handler(event: dict, context):',
      '    table = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '    r = redis.Redis(host=os.environ["REDIS_HOST"], port=6379)',
      '    return table.get_item(Key={"id": event["id"]})',
    );
    assert.deepEqual(reported('app.py', code), [`7:resource ${RULE}`, `8:Redis ${RULE}`]);
  });

  it('stays silent on module-level and lazily kept clients, clients the invocation configures, and project factories', () => {
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { getClient } from './clients';",
      '',
      'const shared = new DynamoDBClient({});',
      'let cached;',
      'let other;',
      '',
      'export const handler = async (event) => {',
      '  cached ??= new DynamoDBClient({});',
      '  other = other || new DynamoDBClient({});',
      '  const scoped = new DynamoDBClient({ credentials: event.credentials });',
      '  const region = event.region;',
      '  const regional = new DynamoDBClient({ region });',
      '  const fromFactory = getClient();',
      '  return [shared, cached, other, scoped, regional, fromFactory];',
      '};',
    );
    assert.deepEqual(reported('handler.mjs', js), []);
    const python = sourceLines(
      'import boto3',
      '',
      '_client = None',
      'dynamodb = boto3.resource("dynamodb")',
      '',
      '',
      'def handler(event, context):',
      '    global _client',
      '    if _client is None:',
      '        _client = boto3.client("dynamodb")',
      '    regional = boto3.client("dynamodb", region_name=event["region"])',
      '    table = dynamodb.Table("orders")',
      '    return regional, table',
    );
    assert.deepEqual(reported('app.py', python), []);
  });

  it('reports a client that a lazy assignment keeps in a local of the handler, which each invocation starts empty', () => {
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'export const handler = async (event) => {',
      '  let client;',
      '  client ??= new DynamoDBClient({});',
      '  let fallback;',
      '  fallback ||= new DynamoDBClient({});',
      '  return [client, fallback];',
      '};',
    );
    assert.deepEqual(reported('handler.mjs', js), [`5:DynamoDBClient ${RULE}`, `7:DynamoDBClient ${RULE}`]);
  });

  it('reports a client built from a local that only reads the environment, and stays silent when the local reads the event too', () => {
    const python = sourceLines(
      'import os',
      '',
      'import boto3',
      '',
      '',
      'def create_snapshot(event, context):',
      '    region = os.environ["Region"]',
      '    stage = os.environ.get(event["stage"], "dev")',
      '    rds = boto3.client("rds", region)',
      '    tagged = boto3.client("rds", region_name=stage)',
      '    rds.create_db_snapshot(DBSnapshotIdentifier=event["id"] + "-snap", DBInstanceIdentifier=event["id"])',
      '    return tagged',
    );
    assert.deepEqual(reported('snapshot.py', python), ['9:client lambda-client-per-invocation!']);
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'export const handler = async (event) => {',
      '  const region = process.env.AWS_REGION;',
      '  const endpoint = event.endpoint ?? process.env.ENDPOINT;',
      '  const client = new DynamoDBClient({ region });',
      '  const local = new DynamoDBClient({ endpoint });',
      '  return [client, local];',
      '};',
    );
    assert.deepEqual(reported('handler.mjs', js), ['6:DynamoDBClient lambda-client-per-invocation!']);
  });

  it('reports a Redis connection made from a secret the handler fetches, not one whose host or credentials the event or the request brings', () => {
    const python = sourceLines(
      'import json',
      'import os',
      '',
      'import boto3',
      'import redis',
      'from flask import Flask, request',
      '',
      'secrets = boto3.client("secretsmanager")',
      'app = Flask(__name__)',
      '',
      '',
      'def handler(event, context):',
      '    secret = json.loads(secrets.get_secret_value(SecretId=os.environ["ARN"])["SecretString"])',
      '    cache = redis.Redis(host=os.environ["HOST"], username=secret["user"], password=secret["password"], ssl=True)',
      '    tenant = event["tenant"]',
      '    own = redis.Redis(host=tenant["host"], ssl=True)',
      '    return cache.get("a"), own.get("b")',
      '',
      '',
      '@app.get("/quota")',
      'def quota():',
      '    host = request.args["cache"]',
      '    return redis.Redis(host=host, ssl=True).get("quota")',
    );
    assert.deepEqual(reported('cache.py', python), [`14:Redis ${RULE}`]);
    assert.deepEqual(
      hintsIn('cache.py', python).filter((hint) => hint.endsWith('client-per-request!')),
      [],
    );
    const js = sourceLines(
      "import Redis from 'ioredis';",
      "import { getSecret } from '@aws-lambda-powertools/parameters/secrets';",
      '',
      'export const handler = async (event) => {',
      "  const password = await getSecret(process.env.SECRET_NAME);",
      '  const redis = new Redis({ host: process.env.HOST, password, tls: {} });',
      '  const url = event.cacheUrl;',
      '  const tenant = new Redis(url);',
      "  return [await redis.get('a'), await tenant.get('b')];",
      '};',
    );
    assert.deepEqual(reported('handler.mjs', js), [`6:Redis ${RULE}`]);
  });

  it('reports a client made in an exported handler that ignores its event (a scheduled job), under the runtime default name only', () => {
    const scheduled = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      "import type { ScheduledHandler } from 'aws-lambda';",
      '',
      'export const handler: ScheduledHandler = async () => {',
      '  const client = new DynamoDBClient({});',
      "  await client.send(new ScanCommand({ TableName: process.env.TABLE, Limit: 10 }));",
      '};',
    );
    assert.deepEqual(reported('jobs/cleanup.ts', scheduled), [`5:DynamoDBClient ${RULE}`]);
    const declared = sourceLines(
      "const Redis = require('ioredis');",
      '',
      'async function handler() {',
      '  const redis = new Redis(process.env.REDIS_URL);',
      "  await redis.del('stale');",
      '}',
      'module.exports = { handler };',
    );
    assert.deepEqual(reported('purge.js', declared), [`4:Redis ${RULE}`]);
    // Another exported name with no parameters is any function; a `handler` that is not exported is no entry point.
    const traps = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'export const makeClient = async () => new DynamoDBClient({});',
      'export function createHandler() {',
      '  return new DynamoDBClient({});',
      '}',
      'const handler = async () => new DynamoDBClient({});',
      'export const run = () => handler();',
    );
    assert.deepEqual(reported('clients.ts', traps), []);
  });

  it('reports a client a chain of same-file helpers makes on each call, up to three functions below the handler', () => {
    const code = sourceLines(
      'import boto3',
      'import psycopg2',
      'from contextlib import contextmanager',
      '',
      'def auth_token():',
      '    rds = boto3.client("rds")',
      '    return rds.generate_db_auth_token(DBHostname="db", Port=5432, DBUsername="app")',
      '',
      'def connect():',
      '    token = auth_token()',
      '    return psycopg2.connect(host="db", user="app", password=token, sslmode="verify-full")',
      '',
      'def open_session():',
      '    return connect()',
      '',
      'def handler(event, context):',
      '    conn = open_session()',
      '    return {"ok": conn is not None}',
    );
    assert.deepEqual(reported('token_chain.py', code), [`17:open_session ${RULE}`]);
  });

  it('follows a helper whose result a call takes as a Python keyword argument, which keeps nothing', () => {
    const code = sourceLines(
      'import boto3',
      'import psycopg2',
      '',
      'def auth_token():',
      '    rds = boto3.client("rds")',
      '    return rds.generate_db_auth_token(DBHostname="db", Port=5432, DBUsername="app")',
      '',
      'def connect():',
      '    return psycopg2.connect(host="db", user="app", password=auth_token(), sslmode="verify-full")',
      '',
      'TOKEN = auth_token()',
      '',
      'def handler(event, context):',
      '    conn = connect()',
      '    return {"ok": conn is not None, "kept": TOKEN}',
    );
    assert.deepEqual(reported('keyword_token.py', code), [`14:connect ${RULE}`]);
  });

  it('stays silent on a helper chain that keeps its client outside, or that runs deeper than three functions', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'let cached;',
      'function make() {',
      '  return new DynamoDBClient({});',
      '}',
      'function kept() {',
      '  if (!cached) cached = make();',
      '  return cached;',
      '}',
      'function level3() { return make(); }',
      'function level2() { return level3(); }',
      'function level1() { return level2(); }',
      'export const handler = async () => {',
      '  const a = kept();',
      '  const b = level1();',
      '  return [a, b];',
      '};',
    );
    assert.deepEqual(reported('chain.js', code), []);
  });

  it('stays silent on functions that are not handlers, and on handlers in tests', () => {
    const js = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      '',
      'export async function broadcast(event, table) {',
      '  return new DynamoDBClient({});',
      '}',
      'const notExported = async (event) => new DynamoDBClient({});',
      'export const route = async (req, res) => res.json(new DynamoDBClient({}));',
    );
    assert.deepEqual(reported('lib.ts', js), []);
    const python = sourceLines(
      'import boto3',
      '',
      '',
      'def fetch(event):',
      '    return boto3.client("dynamodb")',
      '',
      '',
      'class Handler:',
      '    def handle(self, event, context):',
      '        return boto3.client("dynamodb")',
    );
    assert.deepEqual(reported('app.py', python), []);
    const test = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "it('reads', async () => {",
      '  const handler = async (event) => new DynamoDBClient({});',
      '  await handler({});',
      '});',
    );
    assert.deepEqual(reported('handler.test.ts', test), []);
  });

  it("Pulumi: reports a client made in a function Pulumi turns into a handler (a CallbackFunction's callback, a route's eventHandler, a subscription's handler), pointing to callbackFactory, and not one a factory makes or another callback", () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'export const list = new aws.lambda.CallbackFunction("list", {',
      '  callback: async (req) => {',
      '    const client = new aws.sdk.DynamoDB.DocumentClient();',
      '    return client.get({ TableName: "notes", Key: { id: req.id } }).promise();',
      '  },',
      '});',
      'export const get = new aws.lambda.CallbackFunction("get", {',
      '  callbackFactory: () => {',
      '    const client = new aws.sdk.DynamoDB.DocumentClient();',
      '    return async (req) => client.get({ TableName: "notes", Key: { id: req.id } }).promise();',
      '  },',
      '});',
      'queue.subscribe({ callback: async (message) => new aws.sdk.DynamoDB.DocumentClient().put(message).promise() });',
      'new awsx.apigateway.API("api", { routes: [{ path: "/notes", method: "POST", eventHandler: async (req) => {',
      '  const client = new aws.sdk.DynamoDB.DocumentClient();',
      '  return client.put({ TableName: "notes", Item: JSON.parse(req.body) }).promise();',
      '} }] });',
      'uploads.onObjectCreated("index", async (ev) => {',
      '  const client = new aws.sdk.DynamoDB.DocumentClient();',
      '  await client.put({ TableName: "files", Item: { key: ev.Records[0].s3.object.key } }).promise();',
      '});',
      'emitter.on("ready", async (ev) => new aws.sdk.DynamoDB.DocumentClient().get(ev).promise());',
    );
    assert.deepEqual(reported('index.ts', code), [`4:DocumentClient ${RULE}`, `16:DocumentClient ${RULE}`, `20:DocumentClient ${RULE}`]);
    const analysis = analyzeText(code, realHintRules(), { kind: 'typescript', fileName: 'index.ts' });
    const finding = analysis.findings.find((found) => found.ruleId === 'lambda-client-per-invocation');
    assert.match(finding?.message ?? '', /callbackFactory/);
    assert.match(hoverAt('index.ts', code, 'DocumentClient'), /```ts\nnew aws\.lambda\.CallbackFunction\("notes", \{\n {2}callbackFactory:/);
  });

  it('Java: reports clients made in handleRequest(input, Context), one per construction, but not fields, event-configured clients or other methods', () => {
    const code = sourceLines(
      'package shop;',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import software.amazon.awssdk.regions.Region;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
      'import redis.clients.jedis.Jedis;',
      'import java.util.Map;',
      'public class OrderHandler implements RequestHandler<Map<String, String>, String> {',
      '    private static final DynamoDbClient SHARED = DynamoDbClient.create();',
      '    private DynamoDbClient lazy;',
      '    @Override',
      '    public String handleRequest(Map<String, String> event, Context context) {',
      '        DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1).build();',
      '        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(DynamoDbClient.create()).build();',
      '        Jedis jedis = new Jedis(System.getenv("REDIS_HOST"), 6379);',
      '        DynamoDbClient regional = DynamoDbClient.builder().region(Region.of(event.get("region"))).build();',
      '        if (lazy == null) {',
      '            lazy = DynamoDbClient.create();',
      '        }',
      '        return client.toString() + enhanced + jedis + regional + SHARED;',
      '    }',
      '    public String other(Map<String, String> event, Context context) {',
      '        return DynamoDbClient.create().toString();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrderHandler.java', code).sort(), [`14:DynamoDbClient ${RULE}`, `15:DynamoDbEnhancedClient ${RULE}`, `16:Jedis ${RULE}`]);
    // Without the Lambda runtime library, a handleRequest method is not a handler.
    assert.deepEqual(reported('OrderHandler.java', code.replace(/com\.amazonaws\.services\.lambda\.runtime/g, 'shop.runtime')), []);
  });

  it('Java: reads a method whose throws clause lists several exceptions as a method (a stream handler)', () => {
    const code = sourceLines(
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestStreamHandler;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import java.io.IOException;',
      'import java.io.InputStream;',
      'import java.io.OutputStream;',
      '',
      'public class ExportHandler implements RequestStreamHandler {',
      '    @Override',
      '    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException, java.util.concurrent.TimeoutException {',
      '        DynamoDbClient dynamo = DynamoDbClient.create();',
      '        output.write(dynamo.listTables().toString().getBytes());',
      '    }',
      '}',
    );
    assert.deepEqual(reported('ExportHandler.java', code), ['11:DynamoDbClient lambda-client-per-invocation!']);
  });

  it('reports clients made in Go handlers that lambda.Start runs or that take an event, and in .NET handlers', () => {
    const go = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'var shared = redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '',
      'func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tcfg, _ := config.LoadDefaultConfig(ctx)',
      '\tclient := dynamodb.NewFromConfig(cfg)',
      '\t_ = client',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
      '}',
      '',
      'func process(ctx context.Context) error {',
      '\trdb := redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '\treturn rdb.Ping(ctx).Err()',
      '}',
      '',
      'func helper() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(process)',
      '}',
    );
    // `cfg` is the SDK's shared configuration, loaded anew in the handler: the context only cancels the load.
    assert.deepEqual(reported('main.go', go), [`17:NewFromConfig ${RULE}`, `23:NewClient ${RULE}`]);
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.Lambda.Core;',
      'using StackExchange.Redis;',
      'public class Function',
      '{',
      '    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();',
      '    public async Task<string> FunctionHandler(OrderRequest input, ILambdaContext context)',
      '    {',
      '        var dynamo = new AmazonDynamoDBClient();',
      '        var redis = await ConnectionMultiplexer.ConnectAsync("cache:6379");',
      '        return input.Id;',
      '    }',
      '    private AmazonDynamoDBClient Build() => new AmazonDynamoDBClient();',
      '}',
    );
    assert.deepEqual(reported('Function.cs', csharp), [`9:AmazonDynamoDBClient ${RULE}`, `10:ConnectionMultiplexer ${RULE}`]);
  });

  it('Go: reports a client built from the SDK configuration the handler loads, not from one its options take from the event', () => {
    const v2 = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/events"',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\tawsconfig "github.com/aws/aws-sdk-go-v2/config"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      '',
      'func get(req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tcfg, err := awsconfig.LoadDefaultConfig(context.TODO(), awsconfig.WithRegion("eu-west-1"))',
      '\tif err != nil {',
      '\t\treturn events.APIGatewayProxyResponse{StatusCode: 500}, nil',
      '\t}',
      '\tsvc := dynamodb.NewFromConfig(cfg)',
      '\t_ = svc',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
      '}',
      '',
      'func tenant(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {',
      '\tcfg, _ := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(req.PathParameters["region"]))',
      '\tsvc := dynamodb.NewFromConfig(cfg)',
      '\t_ = svc',
      '\treturn events.APIGatewayProxyResponse{StatusCode: 200}, nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(get)',
      '}',
    );
    // `tenant` takes an event too, but its configuration names the request's region: that client is the call's own.
    assert.deepEqual(reported('get/main.go', v2), [`17:NewFromConfig ${RULE}`]);
    const v1 = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/aws/credentials"',
      '\t"github.com/aws/aws-sdk-go/aws/session"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      ')',
      '',
      'type Request struct {',
      '\tID     string `json:"id"`',
      '\tKey    string `json:"key"`',
      '\tSecret string `json:"secret"`',
      '}',
      '',
      'func Handler(request Request) (string, error) {',
      '\tsess := session.Must(session.NewSession(&aws.Config{Region: aws.String("us-west-2")}))',
      '\tsvc := dynamodb.New(sess)',
      '\tscoped, _ := session.NewSession(&aws.Config{Credentials: credentials.NewStaticCredentials(request.Key, request.Secret, "")})',
      '\tother := dynamodb.New(scoped)',
      '\t_, _ = svc, other',
      '\treturn request.ID, nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(Handler)',
      '}',
    );
    assert.deepEqual(reported('main.go', v1), [`19:New ${RULE}`]);
  });

  it('Go: stays silent on a project package named config and on a client kept in a package variable', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"example.com/shop/config"',
      ')',
      '',
      'var client *dynamodb.Client',
      '',
      'func handle(ctx context.Context) error {',
      '\tcfg, _ := config.LoadDefaultConfig(ctx)',
      '\tlocal := dynamodb.NewFromConfig(cfg)',
      '\t_ = local',
      '\tif client == nil {',
      '\t\tclient = dynamodb.NewFromConfig(cfg)',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func main() {',
      '\tlambda.Start(handle)',
      '}',
    );
    assert.deepEqual(reported('main.go', code), []);
  });
});
