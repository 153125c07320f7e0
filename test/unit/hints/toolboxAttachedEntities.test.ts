/**
 * dynamodb-toolbox version 0 attaches a table's entities to it by name (`table.Order.query(...)`) and an entity's
 * table to it (`entity.table.batchWrite(...)`): calls through either are the entity's or the table's, also where the
 * table is a parameter every caller of the file passes the same table to. Silent: a lower-case member of a table, a
 * member of another library's object.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('dynamodb-toolbox: entities reached through their table, and the table through an entity', () => {
  it('reads table.Entity calls and entity.table calls, through a factory of the file and a parameter its callers fill', () => {
    const code = sourceLines(
      "const { Table, Entity } = require('dynamodb-toolbox');",
      "const DynamoDB = require('aws-sdk/clients/dynamodb');",
      '',
      "const Invoice = new Entity({ name: 'Invoice', attributes: { pk: { partitionKey: true }, sk: { sortKey: true } } });",
      'const makeTable = (client) =>',
      "  new Table({ name: 'billing', partitionKey: 'pk', sortKey: 'sk', entities: [Invoice], DocumentClient: client });",
      '',
      'async function overdue(table) {',
      "  const { Items } = await table.Invoice.query('OVERDUE', { index: 'byStatus', limit: 20 });",
      '  return Items;',
      '}',
      '',
      'async function archive(entity, items) {',
      '  return entity.table.batchWrite(items.map((item) => entity.deleteBatch(item)));',
      '}',
      '',
      'async function main() {',
      '  const table = makeTable(new DynamoDB.DocumentClient());',
      '  const rows = await overdue(table);',
      "  await table.Invoice.get({ pk: 'INV', sk: '1' });",
      '  await archive(Invoice, rows);',
      '  return table.name;',
      '}',
      '',
      'module.exports = { main };',
    );
    assert.deepEqual(hintsIn('billing.js', code), [
      '2:aws-sdk/clients/dynamodb aws-sdk-end-of-support',
      '9:query dynamodb-query',
      '9:index dynamodb-index-name',
      '9:limit dynamodb-limit',
      '14:batchWrite dynamodb-batch-write-item',
      '20:get dynamodb-get-item',
      '2:aws-sdk/clients/dynamodb aws-sdk-end-of-support!',
    ]);
  });

  it('stays silent on a lower-case member of a table and on the same shape over another library', () => {
    const code = sourceLines(
      "const { Table } = require('dynamodb-toolbox');",
      "const { Table: Grid } = require('./grid');",
      '',
      "const table = new Table({ name: 'app', partitionKey: 'pk' });",
      'const grid = new Grid();',
      '',
      'async function run() {',
      "  await table.settings.query('x');",
      "  await grid.Rows.query('y');",
      '}',
      'module.exports = { run };',
    );
    assert.deepEqual(hintsIn('grid.js', code), []);
  });
});
