/**
 * A JavaScript or TypeScript Lambda handler's call of a function read off a workspace module used whole
 * (`dynamo.call('put', params)` after `import dynamo from '../common/dynamo'` with `export default { call }`, or
 * `db.call(...)` after `const db = require('../lib/database')` with `module.exports.call = ...`), where that
 * function makes a new DocumentClient in its body on each call: the handler makes a client per invocation,
 * reported at the member with the rule's `calledMessage`. Silent: a module whose function keeps its client in a
 * module-level name, a member of a client library's module, a name the handler shadows, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';

function reported(files: Record<string, string>, file: string, alone = false): string[] {
  return hintsOfFile(files, file, alone ? null : undefined).filter((hint) => hint.endsWith(PER_INVOCATION));
}

describe('Lambda handlers calling a function of a workspace module used whole', () => {
  const ES_MODULE = sourceLines(
    "import AWS from 'aws-sdk';",
    '',
    'const run = (method, params) => {',
    "  AWS.config.update({ region: 'eu-central-1' });",
    '  const documents = new AWS.DynamoDB.DocumentClient();',
    '  return documents[method](params).promise();',
    '};',
    '',
    'let kept;',
    'const runKept = (method, params) => {',
    '  kept = kept || new AWS.DynamoDB.DocumentClient();',
    '  return kept[method](params).promise();',
    '};',
    '',
    'export default { run, runKept };',
  );
  const COMMON_JS = sourceLines(
    "const AWS = require('aws-sdk');",
    'module.exports.run = (method: string, params: object) => {',
    '  const documents = new AWS.DynamoDB.DocumentClient();',
    '  return documents[method](params).promise();',
    '};',
  );
  const ES_HANDLER = sourceLines(
    "import store from '../shared/store';",
    '',
    'export async function main(event) {',
    '  const body = JSON.parse(event.body);',
    "  await store.run('put', { TableName: process.env.TABLE, Item: body });",
    "  return store.runKept('get', { TableName: process.env.TABLE, Key: { id: body.id } });",
    '}',
  );
  const CJS_HANDLER = sourceLines(
    "const ledger = require('../lib/ledger');",
    "import { APIGatewayProxyHandler } from 'aws-lambda';",
    '',
    'export const post: APIGatewayProxyHandler = async (event) => {',
    "  await ledger.run('put', { TableName: process.env.TABLE, Item: { id: event.body } });",
    "  return { statusCode: 201, body: '' };",
    '};',
  );
  const SHADOWED = sourceLines(
    "import store from '../shared/store';",
    '',
    'export async function main(event) {',
    '  const store = { run: async (method, params) => ({ method, params }) };',
    "  return store.run('put', { Item: event.body });",
    '}',
  );
  const files = {
    'src/shared/store.js': ES_MODULE,
    'src/handlers/create.js': ES_HANDLER,
    'src/handlers/shadowed.js': SHADOWED,
    'service/lib/ledger.ts': COMMON_JS,
    'service/src/entry.ts': CJS_HANDLER,
  };

  it('reports the member called off a default import of `export default { run }`', () => {
    assert.deepEqual(reported(files, 'src/handlers/create.js'), [`5:run ${PER_INVOCATION}`]);
  });

  it('reports the member called off a `require` of a module that sets `module.exports.run`', () => {
    assert.deepEqual(reported(files, 'service/src/entry.ts'), [`5:run ${PER_INVOCATION}`]);
  });

  it('stays silent for a kept client, a shadowed module name and files read alone', () => {
    assert.deepEqual(reported(files, 'src/handlers/shadowed.js'), []);
    assert.deepEqual(reported(files, 'src/handlers/create.js', true), []);
    assert.deepEqual(reported(files, 'service/src/entry.ts', true), []);
  });
});
