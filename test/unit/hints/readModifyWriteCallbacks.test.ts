/**
 * `dynamodb-read-modify-write` where the read's response reaches the write through a promise callback:
 * `….promise().then((res) => { … })`, or `result.then(…)` on the statement after `let result = ….promise();`
 * (DocumentClient v2 handlers), and the SDK v2's own `(err, data)` callback. Silent: a value not taken from the
 * response, a conditional write, a write outside the callback.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const V2_HEADER = ["const AWS = require('aws-sdk');", 'const docClient = new AWS.DynamoDB.DocumentClient();', "const TABLE = 'stock';"];

describe('DynamoDB: read-modify-write through a promise callback', () => {
  it('reports a stock handler that reads each item in a loop and sets the quantity computed in then()', () => {
    const code = sourceLines(
      ...V2_HEADER,
      'exports.handler = (event, context, callback) => {',
      '  for (let i = 0; i < event.lines.length; i++) {',
      '    const params = { TableName: TABLE, Key: { sku: event.lines[i].sku } };',
      '    let pending = docClient.get(params).promise();',
      '',
      '    pending.then((out) => {',
      '      const left = Number(out.Item.onHand) - Number(event.lines[i].count);',
      '      const change = {',
      '        TableName: TABLE,',
      '        Key: { sku: event.lines[i].sku },',
      "        UpdateExpression: 'set onHand = :n',",
      "        ExpressionAttributeValues: { ':n': left },",
      '      };',
      '      docClient.update(change).promise();',
      '      callback(null, { ok: true });',
      '    });',
      '  }',
      '};',
    );
    assert.deepEqual(reported('reserve.js', code), [`17:update ${RULE}`]);
  });

  it('reports a put of the item changed inside a chained then(function (res) { … })', () => {
    const code = sourceLines(
      ...V2_HEADER,
      'module.exports.archive = async function (sku) {',
      '  return docClient.get({ TableName: TABLE, Key: { sku } }).promise().then(function (res) {',
      '    const item = res.Item;',
      "    item.state = 'ARCHIVED';",
      '    return docClient.put({ TableName: TABLE, Item: item }).promise();',
      '  });',
      '};',
    );
    assert.deepEqual(reported('archive.js', code), [`8:put ${RULE}`]);
  });

  it('stays silent on a value from the event, a conditional write and a write outside the callback, also in an (err, data) callback', () => {
    const code = sourceLines(
      ...V2_HEADER,
      'exports.rename = (event) => docClient.get({ TableName: TABLE, Key: { sku: event.sku } }).promise().then((res) => {',
      '  const label = event.label;',
      '  return docClient.update({',
      '    TableName: TABLE, Key: { sku: event.sku },',
      "    UpdateExpression: 'set label = :l', ExpressionAttributeValues: { ':l': label },",
      '  }).promise();',
      '});',
      'exports.take = (event) => docClient.get({ TableName: TABLE, Key: { sku: event.sku } }).promise().then((res) => {',
      '  const left = res.Item.onHand - 1;',
      '  return docClient.update({',
      '    TableName: TABLE, Key: { sku: event.sku },',
      "    UpdateExpression: 'set onHand = :n', ConditionExpression: 'onHand = :o',",
      "    ExpressionAttributeValues: { ':n': left, ':o': res.Item.onHand },",
      '  }).promise();',
      '});',
      'exports.later = async (event) => {',
      '  const pending = docClient.get({ TableName: TABLE, Key: { sku: event.sku } }).promise();',
      '  pending.then((res) => console.log(res.Item));',
      '  const other = { onHand: event.count + 1 };',
      "  await docClient.update({ TableName: TABLE, Key: { sku: event.sku }, UpdateExpression: 'set onHand = :n', ExpressionAttributeValues: { ':n': other.onHand } }).promise();",
      '};',
      'exports.relabel = (event, context, callback) => {',
      '  docClient.get({ TableName: TABLE, Key: { sku: event.sku } }, (err, data) => {',
      '    const label = event.label;',
      "    docClient.update({ TableName: TABLE, Key: { sku: event.sku }, UpdateExpression: 'set label = :l', ExpressionAttributeValues: { ':l': label } }, callback);",
      '  });',
      '};',
    );
    assert.deepEqual(reported('traps.js', code), []);
  });

  it('reports the SDK v2 err-first callback: a quantity read in (err, data) => { … } and set back from data.Item', () => {
    const code = sourceLines(
      ...V2_HEADER,
      'exports.take = (event, context, callback) => {',
      '  docClient.get({ TableName: TABLE, Key: { sku: event.sku } }, (err, data) => {',
      '    if (err) return callback(err);',
      '    const left = data.Item.onHand - event.count;',
      "    docClient.update({ TableName: TABLE, Key: { sku: event.sku }, UpdateExpression: 'set onHand = :n', ExpressionAttributeValues: { ':n': left } }, callback);", // 8
      '  });',
      '};',
      'exports.restock = function (event, context, callback) {',
      '  docClient.get({ TableName: TABLE, Key: { sku: event.sku } }, function (error, result) {',
      '    const item = result.Item;',
      '    item.onHand = item.onHand + event.count;',
      '    docClient.put({ TableName: TABLE, Item: item }, callback);', // 15
      '  });',
      '};',
    );
    assert.deepEqual(reported('stock.js', code), [`8:update ${RULE}`, `15:put ${RULE}`]);
  });
});
