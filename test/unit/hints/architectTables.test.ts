/**
 * Architect's `arc.tables()` (`@architect/functions`): each member is a DocumentClient bound to one table, whose
 * `get`, `put` and `delete` take the key or item itself and whose `query`, `scan` and `update` take a request.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Architect tables', () => {
  it('reads each table method as its operation, a first page read as complete, and item requests per element', () => {
    const code = sourceLines(
      "import arc from '@architect/functions';",
      '',
      'export async function listByOwner(owner: string) {',
      '  const data = await arc.tables();',
      '  const page = await data.boards.query({ KeyConditionExpression: "ownerId = :o", ExpressionAttributeValues: { ":o": owner } });',
      '  return page.Items;',
      '}',
      '',
      'export async function saveAll(cards: { id: string }[]) {',
      '  const data = await arc.tables();',
      '  for (const card of cards) {',
      '    await data.cards.put({ id: card.id, status: "new" });',
      '  }',
      '  return data.cards.get({ id: cards[0].id });',
      '}',
    );
    assert.deepEqual(hintsIn('src/boards.ts', code).sort(), [
      '12:put dynamodb-item-loop',
      '12:put dynamodb-item-loop!',
      '12:put dynamodb-put-item',
      '14:get dynamodb-get-item',
      '5:KeyConditionExpression dynamodb-key-condition-expression',
      '5:query dynamodb-query',
      '5:query dynamodb-query!',
    ]);
  });

  it('reads the SDK clients the tables object holds, and leaves its name helpers and other libraries alone', () => {
    const code = sourceLines(
      "const arc = require('@architect/functions');",
      "const other = require('./tables');",
      '',
      'exports.handler = async () => {',
      '  const data = await arc.tables();',
      "  const name = data.name('boards');",
      '  const all = await data._doc.scan({ TableName: name }).promise();',
      '  const mine = await other.tables();',
      '  await mine.boards.put({ id: 1 });',
      '  return all;',
      '};',
    );
    const found = hintsIn('src/handler.js', code);
    assert.ok(found.includes('7:scan dynamodb-scan'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('6:') || hint.startsWith('9:')), found.join('\n'));
  });
});
