/**
 * A TypeScript declaration typed as a function (`const make: (s: Settings) => DynamoDBClient = ...`): the return
 * type belongs to the annotation. Before, the annotation ended at `=>`, and `DynamoDBClient = ...` after it was
 * read as an assignment to the import, so every later `new DynamoDBClient(...)` of the file was read as nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('declarations typed as functions', () => {
  it('keeps an import that a function type names as its return type', () => {
    const code = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      '',
      'type Settings = { region: string };',
      '',
      'export const makeClient: (s: Settings) => DynamoDBClient = (s) => new DynamoDBClient({ region: s.region });',
      '',
      'export async function handler(event: { id: string }) {',
      '  const client = new DynamoDBClient({});',
      "  return client.send(new ScanCommand({ TableName: 'orders' }));",
      '}',
    );
    assert.deepEqual(hintsIn('handler.ts', code), ['8:DynamoDBClient lambda-client-per-invocation', '9:ScanCommand dynamodb-scan', '8:DynamoDBClient lambda-client-per-invocation!', '9:ScanCommand dynamodb-scan!']);
  });

  it('keeps the import for the rest of a function whose local is typed as a function returning it', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'export async function sweep(url: string): Promise<string[]> {',
      '  let connect: () => Redis = () => new Redis(url);',
      '  const redis = new Redis(url);',
      "  return redis.keys('job:*');",
      '}',
    );
    assert.deepEqual(hintsIn('sweep.ts', code), ['5:keys redis-keys', '5:keys redis-keys!']);
  });
});
