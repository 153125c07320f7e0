/**
 * SDK for JavaScript v2 operations given a callback and then `.promise()` (`code/callbackAndPromise.ts`): the
 * request is sent twice. A callback alone, `.promise()` alone, a callback held by a name and v3 commands are silent.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['aws-sdk-callback-and-promise'];

describe('a v2 request given a callback and then promise()', () => {
  it('reports each awaited request whose callback is written in place: a function, an arrow, an async arrow', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const doc = new AWS.DynamoDB.DocumentClient();',
      'const ddb = new AWS.DynamoDB();',
      'exports.handler = async (event) => {',
      '  let response;',
      '  await doc.query({ TableName: process.env.TABLE, KeyConditionExpression: "id = :id", ExpressionAttributeValues: { ":id": event.id } }, function (err, data) {',
      '    if (!err) response = data.Items;',
      '  }).promise();',
      '  await ddb.putItem({ TableName: process.env.TABLE, Item: { id: { S: event.id } } }, (err) => console.log(err)).promise();',
      '  await doc.update({ TableName: process.env.TABLE, Key: { id: event.id }, UpdateExpression: "ADD hits :one", ExpressionAttributeValues: { ":one": 1 } }, async err => err).promise();',
      '  return response;',
      '};',
    );
    assert.deepEqual(hintsOfRules('handler.js', code, RULE), [
      '10:promise aws-sdk-callback-and-promise',
      '10:promise aws-sdk-callback-and-promise!',
      '8:promise aws-sdk-callback-and-promise',
      '8:promise aws-sdk-callback-and-promise!',
      '9:promise aws-sdk-callback-and-promise',
      '9:promise aws-sdk-callback-and-promise!',
    ]);
  });

  it('stays silent on a callback alone, promise() alone, a callback held by a name, and v3 commands', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      "const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const doc = new AWS.DynamoDB.DocumentClient();',
      'const client = new DynamoDBClient({});',
      'exports.handler = async (event, context, done) => {',
      '  doc.get({ TableName: process.env.TABLE, Key: { id: event.id } }, (err, data) => done(err, data));',
      '  const { Item } = await doc.get({ TableName: process.env.TABLE, Key: { id: event.id } }).promise();',
      '  await doc.delete({ TableName: process.env.TABLE, Key: { id: event.id } }, done).promise();',
      '  await client.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: event.id } } }), (err) => err);',
      '  return Item;',
      '};',
    );
    assert.deepEqual(hintsOfRules('handler.js', code, RULE), []);
  });
});
