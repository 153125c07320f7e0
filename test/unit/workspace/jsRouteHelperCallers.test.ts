/**
 * An Express or Fastify route that calls another module's function which makes an SDK or Redis client on each call
 * makes one per request, as a Lambda handler's call of it makes one per invocation. A function that uses a client its
 * module keeps, and a module the workspace does not hold, give nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const ORDERS = sourceLines(
  "const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');",
  '',
  'async function getOrder(id) {',
  '  const client = new DynamoDBClient({});',
  "  const { Item } = await client.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: id } } }));",
  '  return Item;',
  '}',
  '',
  'module.exports = { getOrder };',
);

const SHARED = sourceLines(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis(process.env.REDIS_URL);',
  '',
  'export async function cachedOrder(id: string): Promise<string | null> {',
  '  return redis.get(`order:${id}`);',
  '}',
);

const EXPRESS_ROUTES = sourceLines(
  "const express = require('express');",
  "const { getOrder } = require('../db/orders');",
  "const { cachedOrder } = require('../db/shared');",
  "const { missing } = require('../db/missing');",
  '',
  'const router = express.Router();',
  '',
  "router.get('/orders/:id', async (req, res) => {",
  '  res.json(await getOrder(req.params.id));',
  '});',
  '',
  "router.get('/orders/:id/cached', async (req, res) => {",
  '  res.json((await cachedOrder(req.params.id)) ?? (await missing(req.params.id)));',
  '});',
  '',
  'module.exports = router;',
);

const FASTIFY_ROUTES = sourceLines(
  "import type { FastifyInstance } from 'fastify';",
  "import { getOrder } from '../db/orders';",
  '',
  'export default async function routes(app: FastifyInstance) {',
  "  app.get('/orders/:id', async (request: any) => getOrder(request.params.id));",
  '}',
);

describe('workspace: a JavaScript route calling another module function that makes a client', () => {
  const files = { 'src/db/orders.js': ORDERS, 'src/db/shared.ts': SHARED };

  it('reports the call in an Express route, and not the function of a kept client or an unknown module', () => {
    const found = hintsInWorkspace(workspaceOf(files), 'src/routes/orders.js', EXPRESS_ROUTES).filter((hint) => hint.includes('client-per-request'));
    assert.deepEqual(found, ['9:getOrder client-per-request', '9:getOrder client-per-request!']);
  });

  it('reports it in a Fastify route written in TypeScript', () => {
    const found = hintsInWorkspace(workspaceOf(files), 'src/routes/orders.ts', FASTIFY_ROUTES).filter((hint) => hint.includes('client-per-request'));
    assert.deepEqual(found, ['5:getOrder client-per-request', '5:getOrder client-per-request!']);
  });

  it('reads nothing without the module that makes the client', () => {
    const found = hintsInWorkspace(workspaceOf({ 'src/db/shared.ts': SHARED }), 'src/routes/orders.js', EXPRESS_ROUTES).filter((hint) => hint.includes('client-per-request'));
    assert.deepEqual(found, []);
  });
});
