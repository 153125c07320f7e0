/**
 * A data-layer function of another module that gets its client from a factory of its own module on each call
 * (`const doc = documentClient();`, `table = get_table()`) makes one per call: a route's or Lambda handler's call
 * of it makes one per request or invocation. A factory that hands out one client it keeps gives nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const USERS_JS = sourceLines(
  "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
  "const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');",
  '',
  'let kept;',
  '',
  'function documentClient() {',
  '  return DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '}',
  '',
  'function sharedClient() {',
  '  kept = kept || DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '  return kept;',
  '}',
  '',
  'async function getUser(id) {',
  '  const doc = documentClient();',
  "  return (await doc.send(new GetCommand({ TableName: 'users', Key: { id } }))).Item;",
  '}',
  '',
  'async function getProfile(id) {',
  "  return (await sharedClient().send(new GetCommand({ TableName: 'profiles', Key: { id } }))).Item;",
  '}',
  '',
  'module.exports = { getUser, getProfile };',
);

const ROUTES_JS = sourceLines(
  "const express = require('express');",
  "const { getUser, getProfile } = require('../db/users');",
  '',
  'const router = express.Router();',
  "router.get('/users/:id', async (req, res) => res.json(await getUser(req.params.id)));",
  "router.get('/profiles/:id', async (req, res) => res.json(await getProfile(req.params.id)));",
  'module.exports = router;',
);

const USERS_PY = sourceLines(
  'import boto3',
  '',
  '',
  'def get_table():',
  '    return boto3.resource("dynamodb").Table("users")',
  '',
  '',
  'def get_user(user_id):',
  '    table = get_table()',
  '    return table.get_item(Key={"id": user_id}).get("Item")',
);

describe('workspace: a function of another module that calls a factory of its own module', () => {
  it('makes a client per request where a JavaScript route calls it, and not through a kept client', () => {
    const found = hintsInWorkspace(workspaceOf({ 'src/db/users.js': USERS_JS }), 'src/routes/users.js', ROUTES_JS).filter((hint) => hint.includes('client-per-request'));
    assert.deepEqual(found, ['5:getUser client-per-request', '5:getUser client-per-request!']);
  });

  it('makes a client per invocation where a Python Lambda handler calls it', () => {
    const handler = sourceLines('from app.users import get_user', '', '', 'def handler(event, context):', '    return get_user(event["id"])');
    const found = hintsInWorkspace(workspaceOf({ 'app/__init__.py': '', 'app/users.py': USERS_PY }), 'app/handler.py', handler).filter((hint) => hint.includes('per-invocation'));
    assert.deepEqual(found, ['5:get_user lambda-client-per-invocation', '5:get_user lambda-client-per-invocation!']);
  });
});
