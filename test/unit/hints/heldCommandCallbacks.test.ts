/**
 * A command held by a name and sent with a callback (`const command = new ScanCommand(params);
 * client.send(command, function (err, data) {...})`) is paged by that callback when it reads the reply's
 * `LastEvaluatedKey`, also from a function it runs inline (`setTimeout(function () {...}, delay)`), as a callback
 * passed with the command written in place is. A callback that never reads the key, or reads it only in a function
 * it defines and never runs, leaves the one-page finding.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const SCAN = ['dynamodb-scan'];
const findings = (file: string, code: string): string[] => hintsOfRules(file, code, SCAN).filter((hint) => hint.endsWith('!'));

const header = [
  "const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');",
  "const client = new DynamoDBClient({ region: 'eu-south-1' });",
];

describe('held commands sent with a callback', () => {
  it('reads the callback of the send of a held command as its pager, also through an inline timer', () => {
    const delayed = sourceLines(
      ...header,
      'function scanTable(params, onPage) {',
      '  const command = new ScanCommand(params);',
      '  client.send(command, function (err, data) {',
      '    if (err) return onPage(err);',
      '    setTimeout(function () {',
      '      onPage(null, data);',
      "      if (typeof data.LastEvaluatedKey !== 'undefined') {",
      '        params.ExclusiveStartKey = data.LastEvaluatedKey;',
      '        scanTable(params, onPage);',
      '      }',
      '    }, 200);',
      '  });',
      '}',
    );
    assert.deepEqual(findings('migrate.js', delayed), []);
    const direct = sourceLines(
      ...header,
      'function scanTable(params, onPage) {',
      '  const command = new ScanCommand(params);',
      '  client.send(command, (err, data) => {',
      '    onPage(err, data);',
      '    if (data && data.LastEvaluatedKey) scanTable({ ...params, ExclusiveStartKey: data.LastEvaluatedKey }, onPage);',
      '  });',
      '}',
    );
    assert.deepEqual(findings('migrate.js', direct), []);
  });

  it('keeps the finding when the callback never reads the key, or reads it only in a function it does not run', () => {
    const unread = sourceLines(
      ...header,
      'function scanTable(params, onPage) {',
      '  const command = new ScanCommand(params);', // 4
      '  client.send(command, (err, data) => onPage(err, data && data.Items));',
      '}',
    );
    assert.deepEqual(findings('migrate.js', unread), ['4:ScanCommand dynamodb-scan!']);
    const defined = sourceLines(
      ...header,
      'function scanTable(params, onPage) {',
      '  const command = new ScanCommand(params);', // 4
      '  client.send(command, function (err, data) {',
      '    onPage(err, data);',
      '    function next() { return data.LastEvaluatedKey; }',
      '  });',
      '}',
    );
    assert.deepEqual(findings('migrate.js', defined), ['4:ScanCommand dynamodb-scan!']);
  });
});
