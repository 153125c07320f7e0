/**
 * TypeScript: a receiver written as an `as` assertion in parentheses (`(this.redisClient as Redis).set(...)`) is the
 * client its type names when the expression itself tells nothing (a field typed `unknown`, an untyped injection).
 * Silent: an assertion to a type of no client library, a chain of assertions, a type with arguments.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const SERVICE = sourceLines(
  "import Redis from 'ioredis';",
  "import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'export class CacheService {',
  '  constructor(private readonly redisClient: unknown, private readonly db: unknown) {}',
  '',
  '  async sessions(): Promise<string[]> {',
  "    return (this.redisClient as Redis).keys('session:*');", // 8
  '  }',
  '',
  '  async everything() {',
  "    return (this.db as DynamoDBDocumentClient).send(new ScanCommand({ TableName: 'orders' }));", // 12
  '  }',
  '',
  '  async other(key: string) {',
  '    await (this.redisClient as Map<string, string>).set(key, "x");', // 16
  '    await (this.redisClient as unknown as Redis).get(key);', // 17
  '  }',
  '}',
);

describe('TypeScript: receivers written as an as-assertion in parentheses', () => {
  it('reads the asserted client type of a field that tells nothing itself', () => {
    const hints = hintsIn('src/cache.service.ts', SERVICE);
    assert.ok(hints.includes('8:keys redis-keys!'), hints.join('\n'));
    assert.ok(hints.some((hint) => hint.startsWith('12:') && hint.includes('dynamodb-scan')), hints.join('\n'));
  });

  it('keeps quiet on an assertion to another type and on a chain of assertions', () => {
    const hints = hintsIn('src/cache.service.ts', SERVICE);
    assert.deepEqual(hints.filter((hint) => hint.startsWith('16:') || hint.startsWith('17:')), []);
  });
});
