/**
 * ElectroDB reads whose result is used in two more shapes: the `data` of a Query or Scan handed to a write as a
 * batch (`const { data } = await ...query...go()`, then `delete(data)`), and a `then` callback that takes the
 * whole result and reads its `data` (`.go().then((r) => r.data)`), version 2's first page.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const SCORES = sourceLines(
  "import { Entity } from 'electrodb';",
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  'const client = new DynamoDBClient({});',
  'const Score = new Entity({',
  "  model: { entity: 'score', version: '1', service: 'arena' },",
  "  attributes: { seasonId: { type: 'string' }, playerId: { type: 'string' }, flagged: { type: 'boolean' } },",
  "  indexes: { primary: { pk: { field: 'pk', composite: ['seasonId'] }, sk: { field: 'sk', composite: ['playerId'] } } },",
  "}, { client, table: 'arena' });",
);

describe('ElectroDB read results', () => {
  it("reads the data a Query or Scan gives as a batch where a write takes it; a get's data or a let stays unread as a batch", () => {
    const code = sourceLines(
      SCORES,
      'export async function reset(seasonId: string) {',
      '  const { data } = await Score.query.primary({ seasonId }).go();', // 11
      '  await Score.delete(data).go();',
      '}',
      'export async function wipe() {',
      '  const { data: rows } = await Score.scan.go();',
      '  await Score.delete(rows).go();', // 16
      '}',
      'export async function one(seasonId: string, playerId: string) {',
      '  const { data } = await Score.get({ seasonId, playerId }).go();',
      '  await Score.delete(data).go();', // 20
      '}',
      'export async function later(seasonId: string) {',
      '  let { data } = await Score.query.primary({ seasonId }).go();',
      '  await Score.delete(data).go();', // 24
      '  return data;',
      '}',
      'export async function checked(seasonId: string) {',
      '  const { data } = await Score.query.primary({ seasonId }).go();',
      '  const { unprocessed } = await Score.delete(data).go();', // 29
      '  if (unprocessed.length) throw new Error("retry");',
      '}',
    );
    const batches = hintsIn('scores.ts', code).filter((hint) => hint.includes('batch-write') || hint.includes('delete-item'));
    assert.deepEqual(batches, ['12:delete dynamodb-batch-write-item', '16:delete dynamodb-batch-write-item', '29:delete dynamodb-batch-write-item', '12:delete dynamodb-batch-write-item!', '16:delete dynamodb-batch-write-item!']);
  });

  it("reads one page where a then callback reads the whole result's data, none where it reads the first item, pages on or never reads data", () => {
    const code = sourceLines(
      SCORES,
      'export const flagged = async (seasonId: string) =>',
      '  Score.query.primary({ seasonId }).go().then((result) => result.data).then((rows) => rows.filter((row) => row.flagged));', // 11
      'export const leader = async (seasonId: string) =>',
      '  Score.query.primary({ seasonId }).go().then((result) => result.data[0]);', // 13
      'export const page = async (seasonId: string, cursor?: string) =>',
      '  Score.query.primary({ seasonId }).go({ cursor }).then((result) => result.data);', // 15
      'export const everyone = async () => Score.scan.go().then(async page => page.data.length);', // 16
      'export const raw = async (seasonId: string) => Score.query.primary({ seasonId }).go().then((result) => result);', // 17
    );
    const findings = hintsIn('scores.ts', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['11:query dynamodb-query!', '16:scan dynamodb-scan!']);
  });
});
