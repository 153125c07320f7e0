/**
 * `client-per-request`: a DynamoDB, Redis or RDS client that a web request handler makes inside its body, so on
 * every request: Express-style `(req, res)` handlers and Next.js route handlers, Flask/FastAPI/DRF views and
 * Django views, Spring MVC and JAX-RS endpoints, Go `http` handlers and gin contexts. Silent: clients made at
 * startup or kept lazily, clients built from the request (per-tenant settings), functions that are not handlers,
 * tests, and a Lambda handler (whose client `lambda-client-per-invocation` reports).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'client-per-request!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

describe('Web handlers: clients made on every request', () => {
  it('reports clients made inside Express and Next.js route handlers, not shared or lazily kept ones', () => {
    const express = sourceLines(
      "import express from 'express';",
      "import { createClient } from 'redis';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'const app = express();',
      'const shared = createClient({ url: process.env.REDIS_URL });',
      'let lazy;',
      "app.get('/orders/:id', async (req, res) => {",
      '  const ddb = new DynamoDBClient({});',
      '  const redis = createClient({ url: process.env.REDIS_URL });',
      '  await redis.connect();',
      '  res.json(await redis.get(req.params.id));',
      '});',
      "app.get('/tenants/:id', async (req, res) => {",
      '  const tenant = await lookup(req.params.id);',
      '  const client = new DynamoDBClient({ region: tenant.region });',
      '  lazy = lazy || createClient({ url: process.env.REDIS_URL });',
      '  res.json(await shared.get(req.params.id));',
      '});',
      'function helper(id) {',
      '  return new DynamoDBClient({});',
      '}',
    );
    assert.deepEqual(reported('server.ts', express), [`8:DynamoDBClient ${RULE}`, `9:createClient ${RULE}`]);
    const next = sourceLines(
      "import Redis from 'ioredis';",
      'export async function GET(request: Request) {',
      '  const redis = new Redis(process.env.REDIS_URL!);',
      "  return Response.json(await redis.get('hits'));",
      '}',
    );
    assert.deepEqual(reported('app/api/hits/route.ts', next), [`3:Redis ${RULE}`]);
    // A middleware factory makes its client once, outside the middleware it returns.
    const middleware = sourceLines(
      "const redis = require('redis');",
      'const setRedisClient = (url) => {',
      '  const client = redis.createClient(url);',
      '  return (req, res, next) => {',
      '    req.redis = client;',
      '    next();',
      '  };',
      '};',
      'module.exports = { setRedisClient };',
    );
    assert.deepEqual(reported('middleware.js', middleware), []);
  });

  it('reports clients made in Koa and Hono handlers and middleware, not those built from the context or outside a route call', () => {
    const koa = sourceLines(
      "import Koa from 'koa';",
      "import Router from '@koa/router';",
      "import Redis from 'ioredis';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'const app = new Koa();',
      'const router = new Router();',
      "router.get('/orders/:id', async (ctx) => {",
      '  const ddb = new DynamoDBClient({});',
      '  ctx.body = await ddb.config.region();',
      '});',
      'app.use(async function (ctx, next) {',
      '  const redis = new Redis(process.env.REDIS_URL);',
      '  ctx.state.hits = await redis.incr(ctx.path);',
      '  await next();',
      '});',
      "router.get('/tenants/:id', async (ctx) => {",
      '  const client = new DynamoDBClient({ region: ctx.params.region });',
      '  ctx.body = client.config;',
      '});',
      'function render(ctx) {',
      '  return new Redis(process.env.REDIS_URL);',
      '}',
    );
    assert.deepEqual(reported('server.ts', koa), [`8:DynamoDBClient ${RULE}`, `12:Redis ${RULE}`]);
    const hono = sourceLines(
      "import { Hono } from 'hono';",
      "import { createClient } from 'redis';",
      'const app = new Hono();',
      "app.get('/sessions/:id', async (c) => {",
      '  const redis = createClient({ url: process.env.REDIS_URL });',
      '  await redis.connect();',
      "  return c.json(await redis.get(c.req.param('id')));",
      '});',
      "app.get('/edge/:id', async (c) => {",
      '  const redis = createClient({ url: c.env.REDIS_URL });',
      "  return c.json(await redis.get(c.req.param('id')));",
      '});',
    );
    assert.deepEqual(reported('app.ts', hono), [`5:createClient ${RULE}`]);
    // The same shapes in a file of neither framework: `(ctx)` is too common a name to read as a handler.
    assert.deepEqual(reported('jobs.ts', koa.replace("import Koa from 'koa';\nimport Router from '@koa/router';\n", '')), []);
  });

  it('reports clients made in Flask, FastAPI and Django views, not in other functions or tests', () => {
    const code = sourceLines(
      'import boto3',
      'import redis',
      'from flask import Flask',
      'app = Flask(__name__)',
      '@app.route("/orders/<order_id>")',
      'def get_order(order_id):',
      '    table = boto3.resource("dynamodb").Table("orders")',
      '    return table.get_item(Key={"id": order_id}).get("Item")',
      '@router.get("/hits")',
      'async def hits():',
      '    r = redis.Redis(host="cache", ssl=True)',
      '    return r.get("hits")',
      'def order_view(request, pk):',
      '    client = boto3.client("dynamodb")',
      '    return client.get_item(TableName="orders", Key={"id": {"S": pk}})',
      'def make_table():',
      '    return boto3.resource("dynamodb").Table("orders")',
      'def test_view(request):',
      '    client = boto3.client("dynamodb")',
    );
    assert.deepEqual(reported('views.py', code), [`7:resource ${RULE}`, `11:Redis ${RULE}`, `14:client ${RULE}`]);
  });

  it('reports clients made in FastAPI dependencies, run for each request that declares them, unless cached', () => {
    const code = sourceLines(
      'import functools',
      '',
      'import boto3',
      'import redis',
      'from fastapi import Depends, FastAPI',
      '',
      'app = FastAPI()',
      '',
      '',
      'def get_orders():',
      '    return boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      '@functools.lru_cache(maxsize=1)',
      'def get_customers():',
      '    return boto3.resource("dynamodb").Table("customers")',
      '',
      '',
      'def get_cache():',
      '    client = redis.Redis(host="cache", ssl=True)',
      '    try:',
      '        yield client',
      '    finally:',
      '        client.close()',
      '',
      '',
      'def make_table():',
      '    return boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      '@app.get("/orders/{order_id}")',
      'def read_order(order_id: str, orders=Depends(get_orders), customers=Depends(get_customers), cache=Depends(dependency=get_cache)):',
      '    return orders.get_item(Key={"id": order_id}).get("Item")',
    );
    const hints = hintsIn('api.py', code).filter((hint) => hint.endsWith('!') && /client-per-request|connection-per-call/.test(hint));
    assert.deepEqual(hints, [`11:resource ${RULE}`, '20:Redis redis-connection-per-call!']);
  });

  it('reports clients made in Spring endpoints and Go handlers', () => {
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import org.springframework.web.bind.annotation.*;',
      '@RestController',
      'public class OrderController {',
      '    @GetMapping("/orders/{id}")',
      '    public String get(@PathVariable String id) {',
      '        DynamoDbClient ddb = DynamoDbClient.create();',
      '        return ddb.getItem(r -> r.tableName("orders")).toString();',
      '    }',
      '    private DynamoDbClient build() {',
      '        return DynamoDbClient.create();',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrderController.java', java), [`7:DynamoDbClient ${RULE}`]);
    const go = sourceLines(
      'package api',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func hits(w http.ResponseWriter, r *http.Request) {',
      '\trdb := redis.NewClient(&redis.Options{Addr: "cache:6379"})',
      '\tdefer rdb.Close()',
      '\trdb.Incr(r.Context(), "hits")',
      '}',
    );
    // One finding for the construction: the handler's, not also `redis-connection-per-call`'s.
    assert.deepEqual(hintsIn('hits.go', go).filter((hint) => hint.endsWith('!')), [`10:NewClient ${RULE}`]);
  });

  it('leaves a Lambda handler’s client to lambda-client-per-invocation', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'export const handler = async (event, context) => {',
      '  const client = new DynamoDBClient({});',
      '  return client.config;',
      '};',
    );
    assert.deepEqual(reported('handler.mjs', code), []);
  });

  it('reports clients made in ASP.NET Core actions and minimal API handlers, not injected ones', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Microsoft.AspNetCore.Mvc;',
      'using StackExchange.Redis;',
      '[ApiController]',
      '[Route("orders")]',
      'public class OrdersController : ControllerBase',
      '{',
      '    private readonly IAmazonDynamoDB _dynamo;',
      '    public OrdersController(IAmazonDynamoDB dynamo) { _dynamo = dynamo; }',
      '    [HttpGet("{id}")]',
      '    public async Task<IActionResult> Get(string id)',
      '    {',
      '        var client = new AmazonDynamoDBClient();',
      '        return Ok(await client.DescribeTableAsync("orders"));',
      '    }',
      '    [HttpGet("shared/{id}")]',
      '    public async Task<IActionResult> Shared(string id) => Ok(await _dynamo.DescribeTableAsync("orders"));',
      '}',
      'public static class Routes',
      '{',
      '    public static void Map(WebApplication app)',
      '    {',
      '        app.MapGet("/hits", async () =>',
      '        {',
      '            var redis = await ConnectionMultiplexer.ConnectAsync("cache:6379");',
      '            return await redis.GetDatabase().StringIncrementAsync("hits");',
      '        });',
      '    }',
      '}',
    );
    assert.deepEqual(reported('OrdersController.cs', code), [`13:AmazonDynamoDBClient ${RULE}`, `25:ConnectionMultiplexer ${RULE}`]);
  });

  it('reports a client an ASP.NET action connects and disposes once, as a client per request', () => {
    const code = sourceLines(
      'using Microsoft.AspNetCore.Mvc;',
      'using StackExchange.Redis;',
      'public class HitsController : ControllerBase',
      '{',
      '    [HttpGet("hits")]',
      '    public async Task<long> Hits()',
      '    {',
      '        using var redis = await ConnectionMultiplexer.ConnectAsync("cache:6379");',
      '        return await redis.GetDatabase().StringIncrementAsync("hits");',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('HitsController.cs', code).filter((hint) => hint.endsWith('!')), [`8:ConnectionMultiplexer ${RULE}`]);
  });

  it('says nothing of a client a Flask view builds from the request it serves (request, g, session), and reports one that only reads it later', () => {
    const code = sourceLines(
      'import boto3',
      'from flask import Flask, g, request',
      'app = Flask(__name__)',
      '@app.get("/tenant")',
      'def tenant():',
      '    client = boto3.client("dynamodb", aws_access_key_id=request.headers["x-key"], region_name=g.region)',
      '    return client.scan(TableName="t")',
      '@app.get("/plain")',
      'def plain():',
      '    client = boto3.client("dynamodb")',
      '    return client.scan(TableName=request.args["t"])',
    );
    assert.deepEqual(reported('views.py', code), [`10:client ${RULE}`]);
  });
});
