/**
 * JavaScript web routes that construct a class whose constructor makes a client (`new OrderRepo()`, in the route or
 * in a same-file helper it calls) make that client on every request, as a Lambda handler does per invocation; the
 * same helper read for a Lambda handler of the file and for a route gives each its own answer.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const REPO = [
  "const express = require('express');",
  "const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');",
  '',
  'class OrderRepo {',
  '  constructor() {',
  '    this.client = new DynamoDBClient({});',
  '  }',
  '  get(id) {',
  "    return this.client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: id } } }));",
  '  }',
  '}',
  '',
  'const shared = new OrderRepo();',
  '',
  'function repo() {',
  '  return new OrderRepo();',
  '}',
  '',
  'const app = express();',
];

function perRequestAndInvocation(code: string): string[] {
  return hintsIn('src/app.js', code).filter((hint) => hint.endsWith('client-per-request!') || hint.endsWith('lambda-client-per-invocation!'));
}

describe('Web routes that construct a class whose constructor makes a client', () => {
  it('reports the construction in a route and through a same-file helper, not a module-level instance', () => {
    const code = sourceLines(
      ...REPO,
      "app.get('/orders/:id', async (req, res) => res.json(await new OrderRepo().get(req.params.id)));",
      "app.get('/via-helper/:id', async (req, res) => res.json(await repo().get(req.params.id)));",
      "app.get('/shared/:id', async (req, res) => res.json(await shared.get(req.params.id)));",
    );
    assert.deepEqual(perRequestAndInvocation(code), ['20:OrderRepo client-per-request!', '21:repo client-per-request!']);
  });

  it('reads the helper for a Lambda handler and for a route of the same file alike, whichever is read first', () => {
    const code = sourceLines(
      ...REPO,
      "app.get('/via-helper/:id', async (req, res) => res.json(await repo().get(req.params.id)));",
      'exports.handler = async (event) => repo().get(event.id);',
    );
    assert.deepEqual(perRequestAndInvocation(code), ['20:repo client-per-request!', '21:repo lambda-client-per-invocation!']);
  });
});
