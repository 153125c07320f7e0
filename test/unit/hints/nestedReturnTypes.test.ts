/**
 * A TypeScript return type that ends in nested type arguments (`): Promise<Page<T>> {`) is lexed with one `>>`
 * token. The search back from a body's `{` to its parameters did not count it, so the function's parameters were
 * not bound: a client given as a typed parameter got nothing, and a parameter that shadows a client of the file
 * was read as that client.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('functions whose return type ends in nested type arguments', () => {
  it('reads a v2 DocumentClient parameter of a function returning Promise<Page<T>>', () => {
    const code = sourceLines(
      "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
      "import { Page } from './page';",
      'export async function scanPage<T>(doc: DocumentClient, input: DocumentClient.ScanInput): Promise<Page<T>> {',
      '  const out = await doc.scan(input).promise();',
      '  return { items: out.Items as T[] };',
      '}',
    );
    const hints = hintsIn('scanPage.ts', code).filter((h) => !h.includes('end-of-support'));
    assert.deepEqual(hints, ['4:scan dynamodb-scan', '4:scan dynamodb-scan!']);
  });

  it('reads the parameters of class methods and of three closing angles', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'export class Tags {',
      '  async all(redis: Redis, key: string): Promise<Map<string, Array<string>>> {',
      "    return new Map([[key, await redis.keys('tag:*')]]);",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('tags.ts', code), ['4:keys redis-keys', '4:keys redis-keys!']);
  });

  it('keeps a parameter that shadows a client of the file as what its type says', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { LocalCache } from './localCache';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function warm(redis: LocalCache): Promise<Array<string>> {',
      "  return redis.keys('*');",
      '}',
    );
    assert.deepEqual(hintsIn('warm.ts', code), ['3:Redis redis-tls']);
  });

  it('still reads a shift in a condition before a block', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function sweep(flags: number) {',
      '  if ((flags >> 1) > 0) {',
      "    await redis.keys('job:*');",
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('sweep.ts', code), ['2:Redis redis-tls', '5:keys redis-keys', '5:keys redis-keys!']);
  });
});
