/**
 * AWS SDK for JavaScript v2 client methods promisified one by one (`promisify(docClient.scan).bind(docClient)`,
 * `util.promisify(docClient.query.bind(docClient))`, es6-promisify's `promisify(rds.executeStatement.bind(rds))`):
 * a call of the promisified name sends the method's request, read as the method's call would be. An unbound
 * method, a v3 client's `send`, another library's promisify and other objects' methods stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('SDK v2 client methods promisified one by one', () => {
  it('reads a promisified DocumentClient method at module level and in a handler, with its request', () => {
    const code = sourceLines(
      "const { promisify } = require('util');",
      "const util = require('util');",
      "const AWS = require('aws-sdk');",
      '',
      'const docClient = new AWS.DynamoDB.DocumentClient();',
      'const scanAsync = promisify(docClient.scan).bind(docClient);',
      'const queryAsync = util.promisify(docClient.query.bind(docClient));',
      'const putAsync = promisify(docClient.put).bind(docClient);',
      '',
      'exports.handler = async (event) => {',
      "  const songs = await scanAsync({ TableName: process.env.SONGS_TABLE, FilterExpression: 'genre = :g', ExpressionAttributeValues: { ':g': event.genre } });",
      "  const mine = await queryAsync({ TableName: process.env.SONGS_TABLE, KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: { ':o': event.ownerId } });",
      '  for (const song of event.uploads) {',
      '    await putAsync({ TableName: process.env.SONGS_TABLE, Item: song });',
      '  }',
      '  return { songs: songs.Items, mine: mine.Items };',
      '};',
    );
    const found = hintsIn('handler.js', code);
    for (const hint of [
      '11:scanAsync dynamodb-scan!',
      '11:FilterExpression dynamodb-filter-expression',
      '12:queryAsync dynamodb-query!',
      '12:KeyConditionExpression dynamodb-key-condition-expression',
      '14:putAsync dynamodb-item-loop!',
    ]) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('reads an RDS Data API statement promisified in a class, and a paging loop as paging', () => {
    const statements = sourceLines(
      "import AWS from 'aws-sdk';",
      "import { promisify } from 'es6-promisify';",
      '',
      'export default class Database {',
      '  constructor() {',
      "    const rds = new AWS.RDSDataService({ region: 'eu-west-1' });",
      '    this.execute = async (sql, parameters = []) => {',
      '      const exec = promisify(rds.executeStatement.bind(rds));',
      '      return exec({ resourceArn: process.env.CLUSTER_ARN, secretArn: process.env.SECRET_ARN, sql, parameters });',
      '    };',
      '  }',
      '}',
    );
    assert.ok(hintsIn('lib/Database.js', statements).includes('9:exec rds-data-api-statement'), hintsIn('lib/Database.js', statements).join('\n'));
    const paging = sourceLines(
      "import { promisify } from 'util';",
      "import { DynamoDB } from 'aws-sdk';",
      'const client = new DynamoDB.DocumentClient();',
      'const scanPage = promisify(client.scan).bind(client);',
      'export async function everything(TableName) {',
      '  const items = [];',
      '  let ExclusiveStartKey;',
      '  do {',
      '    const page = await scanPage({ TableName, ExclusiveStartKey });',
      '    items.push(...page.Items);',
      '    ExclusiveStartKey = page.LastEvaluatedKey;',
      '  } while (ExclusiveStartKey);',
      '  return items;',
      '}',
    );
    const found = hintsIn('scanAll.js', paging);
    assert.ok(found.includes('9:scanPage dynamodb-scan'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('!') && !hint.includes('aws-sdk-end-of-support')), found.join('\n'));
  });

  it('stays silent on an unbound method, a v3 client, another library, other objects and a shadowing name', () => {
    const code = sourceLines(
      "import { promisify } from 'util';",
      "import { promisify as bluebirdPromisify } from 'bluebird';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDB } from 'aws-sdk';",
      "import * as fs from 'fs';",
      '',
      'const doc = new DynamoDB.DocumentClient();',
      'const v3 = new DynamoDBClient({});',
      'const unbound = promisify(doc.scan);',
      'const viaBluebird = bluebirdPromisify(doc.scan).bind(doc);',
      'const sendAsync = promisify(v3.send).bind(v3);',
      'const readdir = promisify(fs.readdir).bind(fs);',
      'const scanAsync = promisify(doc.scan).bind(doc);',
      '',
      'export async function listing(table: string, other: any) {',
      '  const given = promisify(other.scan).bind(other);',
      '  await unbound({ TableName: table });',
      '  await viaBluebird({ TableName: table });',
      '  await sendAsync({ TableName: table });',
      "  await readdir('/tmp');",
      '  return given({ TableName: table });',
      '}',
      'export function shadowed(scanAsync: (p: object) => Promise<unknown>) {',
      "  return scanAsync({ TableName: 'songs' });",
      '}',
    );
    const found = hintsIn('listing.ts', code).filter((hint) => !hint.includes('aws-sdk-end-of-support'));
    assert.deepEqual(found, []);
  });
});
