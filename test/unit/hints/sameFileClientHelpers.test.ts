/**
 * A Lambda or web handler that calls a function of its own file whose body makes an SDK or Redis client on each
 * call (`await TransactionAsync(...)` whose body connects a new multiplexer, `table = get_table()` whose body calls
 * `boto3.resource(...)`): a client per invocation or request, reported at the call. Silent: a helper that keeps
 * its client outside itself, one under a cache decorator, one whose client takes its parameters, one only other
 * functions call, and a name the caller binds itself.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function reported(fileName: string, code: string, rule: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(`${rule}!`));
}

describe('Handlers: clients made by a same-file function they call', () => {
  it('reports an ASP.NET action that calls a static method connecting a new multiplexer, at each call', () => {
    const code = sourceLines(
      'using System.Threading.Tasks;',
      'using Microsoft.AspNetCore.Mvc;',
      'using StackExchange.Redis;',
      '',
      'namespace Shop.Controllers',
      '{',
      '    [ApiController]',
      '    public class CounterController : ControllerBase',
      '    {',
      '        private static ConnectionMultiplexer _shared;',
      '',
      '        [HttpPost("bump")]',
      '        public async Task<string> Bump()',
      '        {',
      '            await IncrementAsync("visits");',
      '            await SharedIncrementAsync("visits");',
      '            await TenantIncrementAsync(Request.Headers["X-Redis"], "visits");',
      '            return "ok";',
      '        }',
      '',
      '        static async Task IncrementAsync(string key)',
      '        {',
      '            var muxer = await ConnectionMultiplexer.ConnectAsync("cache.internal:6379");',
      '            await muxer.GetDatabase().StringIncrementAsync(key);',
      '        }',
      '',
      '        static async Task SharedIncrementAsync(string key)',
      '        {',
      '            _shared ??= await ConnectionMultiplexer.ConnectAsync("cache.internal:6379");',
      '            await _shared.GetDatabase().StringIncrementAsync(key);',
      '        }',
      '',
      '        static async Task TenantIncrementAsync(string endpoint, string key)',
      '        {',
      '            var muxer = await ConnectionMultiplexer.ConnectAsync(endpoint);',
      '            await muxer.GetDatabase().StringIncrementAsync(key);',
      '        }',
      '',
      '        static async Task Warm()',
      '        {',
      '            await IncrementAsync("warm");',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported('CounterController.cs', code, 'client-per-request'), ['15:IncrementAsync client-per-request!']);
  });

  it('reports a Python Lambda handler that calls a helper making a boto3 resource, not a cached or module-kept one', () => {
    const code = sourceLines(
      'import os',
      'from functools import lru_cache',
      '',
      'import boto3',
      '',
      '_cached = None',
      '',
      '',
      'def get_table():',
      '    return boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '',
      '',
      '@lru_cache(maxsize=1)',
      'def cached_table():',
      '    return boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '',
      '',
      'def kept_table():',
      '    global _cached',
      '    if _cached is None:',
      '        _cached = boto3.resource("dynamodb").Table(os.environ["TABLE"])',
      '    return _cached',
      '',
      '',
      'def handler(event, context):',
      '    table = get_table()',
      '    cached_table().put_item(Item={"id": event["id"]})',
      '    kept_table().put_item(Item={"id": event["id"]})',
      '    return table.get_item(Key={"id": event["id"]}).get("Item")',
    );
    assert.deepEqual(reported('handler.py', code, 'lambda-client-per-invocation'), ['26:get_table lambda-client-per-invocation!']);
  });

  it('reports an Express route that calls a function making a Redis client, not one returning the shared client or a local of its own', () => {
    const code = sourceLines(
      "import express from 'express';",
      "import { createClient } from 'redis';",
      '',
      'const app = express();',
      'const shared = createClient({ url: process.env.REDIS_URL });',
      '',
      'async function openCache() {',
      '  const client = createClient({ url: process.env.REDIS_URL });',
      '  await client.connect();',
      '  return client;',
      '}',
      '',
      'function sharedCache() {',
      '  return shared;',
      '}',
      '',
      "app.get('/views/:id', async (req, res) => {",
      '  const cache = await openCache();',
      '  const other = sharedCache();',
      '  const sharedCacheLocal = () => shared;',
      '  res.json({ views: await cache.incr(req.params.id), other: await other.get(req.params.id), local: sharedCacheLocal() });',
      '});',
    );
    assert.deepEqual(reported('server.js', code, 'client-per-request'), ['18:openCache client-per-request!']);
  });
});
