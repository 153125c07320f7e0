/**
 * A CommonJS barrel (`index.js` of a folder that passes on another module: `module.exports = require('./aws.service')`,
 * or a name or an object of names bound to `require`s) hands its importers that module's clients. Then the traps:
 * an index that exports something of its own, or a barrel over a module that holds no client.
 */
import * as assert from 'node:assert/strict';
import { isCommonJsBarrel } from '../../../src/hints/engine/workspace/commonJsBarrels';
import { hintsOfFile as hints } from './support';
import { sourceLines } from '../hints/support';

const AWS_SERVICE = sourceLines(
  "const AWS = require('aws-sdk');",
  '',
  'const dynamoDbClient = new AWS.DynamoDB.DocumentClient();',
  '',
  'module.exports = { AWS, dynamoDbClient };',
);

const DYNAMODB_SERVICE = sourceLines(
  "const { dynamoDbClient } = require('../aws');",
  '',
  'const readItem = async (params) => {',
  '  const data = await dynamoDbClient.get(params).promise();',
  '  return data.Item;',
  '};',
  '',
  'const deleteItem = async (params) => {',
  '  await dynamoDbClient.delete(params).promise();',
  '};',
  '',
  'module.exports = { readItem, deleteItem };',
);

const FOUND = ['4:get dynamodb-get-item', '9:delete dynamodb-delete-item'];

function project(barrel: string): Record<string, string> {
  return { 'src/services/aws/aws.service.js': AWS_SERVICE, 'src/services/aws/index.js': barrel, 'src/services/dynamodb/dynamodb.service.js': DYNAMODB_SERVICE };
}

describe('CommonJS barrels', () => {
  it('passes on the members of the module a barrel requires, whole or through a name bound to it', () => {
    for (const barrel of [
      sourceLines("const awsService = require('./aws.service');", '', 'module.exports = awsService;'),
      sourceLines("module.exports = require('./aws.service');"),
      sourceLines("'use strict';", "var service = require('./aws.service')", 'module.exports = service'),
    ]) {
      assert.deepEqual(hints(project(barrel), 'src/services/dynamodb/dynamodb.service.js'), FOUND, barrel);
    }
  });

  it('passes on an object of required names, as the models index of an Express app exports them', () => {
    const model = sourceLines("const dynamoose = require('dynamoose');", '', "module.exports = dynamoose.model('Users', new dynamoose.Schema({ id: { type: String, hashKey: true } }));");
    const index = sourceLines("const User = require('./User');", "const Outlet = require('./Outlet');", '', 'module.exports = { User, Outlet };');
    const repository = sourceLines("const { User } = require('../models');", '', 'exports.find = async (id) => User.get({ id });');
    const files = { 'src/models/User.js': model, 'src/models/Outlet.js': 'module.exports = {};\n', 'src/models/index.js': index, 'src/repositories/users.js': repository };
    assert.deepEqual(hints(files, 'src/repositories/users.js'), ['3:get dynamodb-get-item']);
  });

  it('gives nothing through an index that exports something of its own, or a barrel over a module without a client', () => {
    for (const barrel of [
      sourceLines("const awsService = require('./aws.service');", '', 'module.exports = makeService(awsService);'),
      sourceLines("const awsService = require('./aws.service');", '', 'module.exports = { dynamoDbClient: new Map() };'),
    ]) {
      assert.deepEqual(hints(project(barrel), 'src/services/dynamodb/dynamodb.service.js'), [], barrel);
    }
    const files = { ...project("module.exports = require('./aws.service');\n"), 'src/services/aws/aws.service.js': 'const dynamoDbClient = new Map();\nmodule.exports = { dynamoDbClient };\n' };
    assert.deepEqual(hints(files, 'src/services/dynamodb/dynamodb.service.js'), []);
  });

  it('tells a barrel from a module with code of its own, by its text alone', () => {
    assert.equal(isCommonJsBarrel("const a = require('./a');\nconst b = require('./b');\nmodule.exports = { a, renamed: b };\n"), true);
    assert.equal(isCommonJsBarrel("module.exports = require('../shared/db');\n"), true);
    assert.equal(isCommonJsBarrel("const express = require('express');\nmodule.exports = express;\n"), false);
    assert.equal(isCommonJsBarrel("const a = require('./a');\nmodule.exports = { run: () => a.go() };\n"), false);
    assert.equal(isCommonJsBarrel("const a = require('./a');\nexports.a = a;\n"), false);
  });
});
