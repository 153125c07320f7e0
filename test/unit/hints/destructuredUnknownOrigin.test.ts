/**
 * A local destructured from a name of unknown origin (`const { ddbClient, tables } = params`, with `params` an
 * untyped parameter) is as unknown as the parameter: its calls are read by their request's shape, as the
 * parameter's own members are (`params.ddbClient.update(...)`), and need keys only DynamoDB takes.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('locals destructured from a name of unknown origin', () => {
  it("reads a DynamoDB request through a member destructured from a factory's untyped parameter", () => {
    const code = sourceLines(
      'export function touchUser(params) {',
      '  const { ddbClient, tables } = params;',
      '  return async function ({ id }) {',
      '    return ddbClient',
      '      .update({',
      '        TableName: tables.user,',
      '        Key: { pk: id },',
      "        UpdateExpression: 'SET seenAt = :now',",
      "        ExpressionAttributeValues: { ':now': Date.now() },",
      '      })',
      '      .promise();',
      '  };',
      '}',
    );
    assert.deepEqual(hintsIn('touchUser.js', code), ['5:update dynamodb-update-item', '8:UpdateExpression dynamodb-update-expression']);
  });

  it('reads a request held by a local, through a member of a member chain', () => {
    const code = sourceLines(
      'export async function saveState(deps, state) {',
      '  const { db } = deps.stores;',
      "  const putParams = { TableName: 'states', Item: { pk: state } };",
      '  await db.put(putParams).promise();',
      '}',
    );
    assert.deepEqual(hintsIn('saveState.js', code), ['4:put dynamodb-put-item']);
  });

  it('leaves members of typed parameters, of calls, and requests without DynamoDB keys', () => {
    const code = sourceLines(
      "import type { Stores } from './stores';",
      "import { makeStores } from './makeStores';",
      'export async function a(params: Stores) {',
      '  const { db } = params;',
      "  return db.get({ TableName: 'users', Key: { pk: '1' } });",
      '}',
      'export async function b() {',
      '  const { db } = makeStores();',
      "  return db.get({ TableName: 'users', Key: { pk: '1' } });",
      '}',
      'export async function c(params) {',
      '  const { cache } = params;',
      "  return cache.get({ key: 'users' });",
      '}',
    );
    assert.deepEqual(hintsIn('stores.ts', code), []);
  });
});
