/**
 * A function a module exports as a key of its exported object (`module.exports = { run: (docClient) => ... }`,
 * `run(docClient) { ... }`, `export default { ... }`): its untyped parameter holds the client other files pass
 * when they call it as that export (workspace mode), as a module-level function's does.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const seedRunner = sourceLines(
  "const AWS = require('aws-sdk');",
  "const products = require('./seed/products');",
  "const orders = require('./seed/orders');",
  'const docClient = new AWS.DynamoDB.DocumentClient({ region: process.env.AWS_REGION });',
  'products.run(docClient);',
  'orders.load(docClient, process.env.ORDERS_TABLE);',
);

const batchHints = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.includes('dynamodb-batch-write-item'));

describe('Parameters of functions exported as keys of the exported object', () => {
  it('reads an arrow key and a method key of module.exports with the client the caller passes', () => {
    const products = sourceLines(
      "const { batchOf } = require('../requests');",
      'module.exports = {',
      '  run: (docClient) => {',
      "    docClient.batchWrite(batchOf('Products')).promise().then(() => console.log('seeded'));",
      '  },',
      '};',
    );
    const orders = sourceLines(
      "const { batchOf } = require('../requests');",
      'module.exports = {',
      '  async load(docClient, table) {',
      '    await docClient.batchWrite(batchOf(table)).promise();',
      '  },',
      '};',
    );
    const files = { 'scripts/seed.js': seedRunner, 'scripts/seed/products.js': products, 'scripts/seed/orders.js': orders };
    assert.deepEqual(batchHints(files, 'scripts/seed/products.js'), ['4:batchWrite dynamodb-batch-write-item', '4:batchWrite dynamodb-batch-write-item!']);
    assert.deepEqual(batchHints(files, 'scripts/seed/orders.js'), ['4:batchWrite dynamodb-batch-write-item', '4:batchWrite dynamodb-batch-write-item!']);
  });

  it('leaves a key of an object the module keeps to itself, a nested key, and a caller that passes something else', () => {
    const kept = sourceLines(
      'const helpers = {',
      '  run: (docClient) => docClient.batchWrite(request()).promise(),',
      '};',
      'module.exports = {',
      '  nested: { run: (docClient) => docClient.batchWrite(request()).promise() },',
      '  load: (docClient) => docClient.batchWrite(request()).promise(),',
      '};',
      "function request() { return require('../requests').batchOf('Products'); }",
      'module.exports.helpers = helpers;',
    );
    const runner = sourceLines(
      "const AWS = require('aws-sdk');",
      "const products = require('./seed/products');",
      "const orders = require('./seed/orders');",
      'const docClient = new AWS.DynamoDB.DocumentClient();',
      'products.run(docClient);',
      'orders.load({ batchWrite: () => ({ promise: async () => ({}) }) });',
    );
    assert.deepEqual(batchHints({ 'scripts/seed.js': runner, 'scripts/seed/products.js': kept, 'scripts/seed/orders.js': kept }, 'scripts/seed/products.js'), []);
  });
});
