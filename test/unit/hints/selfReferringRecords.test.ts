/**
 * An object literal whose property reads the name it is assigned to (`input = { rows: input.rows || [] }`, a
 * common way to fill defaults): reading the property through the record again would never end, so the value is
 * unknown and the rest of the file is read as usual.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('object literals that refer to themselves', () => {
  it('reads a file that fills defaults into a record from the record it replaces, local or field', () => {
    const local = sourceLines(
      "const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'module.exports = {',
      '  async load(state) {',
      '    var input = {};',
      '    input = { rows: input.rows || [], filters: input.filters };',
      '    input.rows.forEach((row) => row);',
      '    input.filters.map((filter) => filter);',
      "    return client.send(new ScanCommand({ TableName: 'reports' }));",
      '  },',
      '};',
    );
    assert.ok(hintsIn('utils/serializer.js', local).includes('9:ScanCommand dynamodb-scan!'), hintsIn('utils/serializer.js', local).join('\n'));
    const field = sourceLines('class Report {', '  constructor() {', '    this.options = {};', '    this.options = { rows: this.options.rows };', '    this.options.rows.map((row) => row);', '  }', '}');
    assert.deepEqual(hintsIn('report.js', field), []);
    const crossed = sourceLines('let left = {};', 'let right = { x: left.x };', 'left = { x: right.x };', 'left.x.map((v) => v);', 'right.x.map((v) => v);');
    assert.deepEqual(hintsIn('crossed.js', crossed), []);
  });
});
