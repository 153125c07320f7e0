/**
 * A copy of a Redis client made with `duplicate()` (ioredis, node-redis) opens a connection of its own, so one made
 * in a web request handler or a Lambda handler is a client made per request or per invocation: a pub/sub
 * subscriber per request, quit when its reply comes. A copy made once, at module level or in a function that starts
 * a listener, is not reported.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(fileName: string, code: string, rule: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(`${rule}!`));
}

describe('Redis clients copied with duplicate() per request or invocation', () => {
  it('Express: a subscriber duplicated per request, from a module client or one another module exports', () => {
    const code = sourceLines(
      "const express = require('express');",
      "const Redis = require('ioredis');",
      'const redis = new Redis(process.env.REDIS_URL);',
      'const router = express.Router();',
      "router.post('/commands/:id', async (req, res) => {",
      '  const subscriber = redis.duplicate();',
      '  await subscriber.subscribe(`results:${req.params.id}`);',
      "  subscriber.on('message', (channel, message) => {",
      '    subscriber.quit();',
      '    res.json(JSON.parse(message));',
      '  });',
      '});',
      'module.exports = router;',
    );
    assert.deepEqual(findings('commands.js', code, 'client-per-request'), ['6:duplicate client-per-request!']);
  });

  it('Lambda: a node-redis copy per invocation, not the copy made at module level or by a listener started once', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { createClient } from 'redis';",
      'const shared = createClient({ url: process.env.REDIS_URL });',
      'const events = shared.duplicate();',
      'export const handler = async (event: { channel: string }) => {',
      '  const subscriber = shared.duplicate();',
      '  await subscriber.connect();',
      '  await subscriber.subscribe(event.channel, (message) => console.log(message));',
      '  await subscriber.quit();',
      '};',
      'export function startListener(redis: Redis) {',
      '  const listener = redis.duplicate();',
      "  listener.subscribe('jobs');",
      '  return listener;',
      '}',
      'export { events };',
    );
    assert.deepEqual(findings('subscribe.ts', code, 'lambda-client-per-invocation'), ['6:duplicate lambda-client-per-invocation!']);
  });

  it('a duplicate() of something that is no Redis client is no client', () => {
    const code = sourceLines(
      "const express = require('express');",
      "const Redis = require('ioredis');",
      'const redis = new Redis(process.env.REDIS_URL);',
      'const app = express();',
      "app.get('/copy', (req, res) => {",
      '  const draft = req.body.template.duplicate();',
      '  res.json(draft);',
      '});',
      'module.exports = { app, redis };',
    );
    assert.deepEqual(findings('copy.js', code, 'client-per-request'), []);
  });
});
