/**
 * A JavaScript base class exported as the module itself (`module.exports = User`, `export default User`) whose
 * constructor sets a client field (`this.docClient = new AWS.DynamoDB.DocumentClient()`): a subclass in another
 * module (`class Habit extends User` after `require('./User')` or a default import) reads `this.docClient` as that
 * client. A base whose field is no client, and a module that exports a value that is no class, give nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const BASE = sourceLines(
  "const AWS = require('aws-sdk');",
  '',
  'class User {',
  '  constructor() {',
  '    this.tableName = process.env.USER_TABLE;',
  '    this.docClient = new AWS.DynamoDB.DocumentClient();',
  '  }',
  '}',
  '',
  'module.exports = User;',
);

const SUBCLASS = sourceLines(
  "const User = require('./User');",
  '',
  'class Habit extends User {',
  '  all() {',
  '    return this.docClient.scan({ TableName: this.tableName }).promise();', // 5
  '  }',
  '}',
  '',
  'module.exports = Habit;',
);

const scans = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-scan'));

describe('workspace: base classes exported as the module itself', () => {
  it('reads the client field a CommonJS or default-exported base class sets in its constructor', () => {
    assert.deepEqual(scans(hintsOfFile({ 'model/User.js': BASE, 'model/Habit.js': SUBCLASS }, 'model/Habit.js')), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
    const esm = { 'model/User.js': BASE.replace('module.exports = User;', 'export default User;'), 'model/Habit.js': SUBCLASS.replace("const User = require('./User');", "import User from './User';") };
    assert.deepEqual(scans(hintsOfFile(esm, 'model/Habit.js')), ['5:scan dynamodb-scan', '5:scan dynamodb-scan!']);
  });

  it('gives nothing for a field that is no client or a module that exports another value', () => {
    const noClient = BASE.replace('new AWS.DynamoDB.DocumentClient()', 'makeClient()');
    assert.deepEqual(scans(hintsOfFile({ 'model/User.js': noClient, 'model/Habit.js': SUBCLASS }, 'model/Habit.js')), []);
    const instance = BASE.replace('module.exports = User;', 'module.exports = new User();');
    assert.deepEqual(scans(hintsOfFile({ 'model/User.js': instance, 'model/Habit.js': SUBCLASS }, 'model/Habit.js')), []);
  });
});
