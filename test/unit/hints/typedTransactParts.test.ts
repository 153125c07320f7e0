/**
 * TypeScript transaction parts built apart and typed with the SDK's own part types (`const update: Update = {...}`
 * of `@aws-sdk/client-dynamodb`, v2's `DocumentClient.Put`): the annotation says the literal is a part of a
 * TransactWriteItems request, so its expressions are read as when written inside `TransactItems`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('transaction parts typed with the SDK part types', () => {
  it('reads a v3 Update built by a method for a transaction', () => {
    const code = sourceLines(
      "import { Update } from '@aws-sdk/client-dynamodb';",
      'export class Counters {',
      '  build(pk: string): Update {',
      "    const update: Update = {",
      "      TableName: 'counters',",
      '      Key: { pk: { S: pk } },',
      "      UpdateExpression: 'ADD hits :one',",
      "      ConditionExpression: 'attribute_exists(pk)',",
      "      ExpressionAttributeValues: { ':one': { N: '1' } },",
      '    };',
      '    return update;',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('counters.ts', code), ['7:UpdateExpression dynamodb-update-expression', '8:ConditionExpression dynamodb-condition-expression']);
  });

  it("reads v2's DocumentClient.Put and a part imported from the v2 client module", () => {
    const code = sourceLines(
      "import { DocumentClient, Delete } from 'aws-sdk/clients/dynamodb';",
      "export const claim: DocumentClient.Put = { TableName: 'slots', Item: { pk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' };",
      "export const release: Delete = { TableName: 'slots', Key: { pk: { S: 'a' } }, ConditionExpression: 'attribute_exists(pk)' };",
    );
    const hints = hintsIn('slots.ts', code).filter((h) => !h.includes('end-of-support'));
    assert.deepEqual(hints, ['2:ConditionExpression dynamodb-condition-expression', '3:ConditionExpression dynamodb-condition-expression']);
  });

  it('leaves types of the same names from other modules', () => {
    const code = sourceLines(
      "import { Update } from './model';",
      "import { Put } from '@aws-sdk/lib-dynamodb';",
      "export const a: Update = { UpdateExpression: 'x', ConditionExpression: 'y' };",
      "export const b: Put = { ConditionExpression: 'y' };",
    );
    assert.deepEqual(hintsIn('model.ts', code), []);
  });
});
