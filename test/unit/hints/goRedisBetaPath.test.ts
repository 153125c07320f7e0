/**
 * go-redis v9's betas were published as `github.com/go-redis/redis/v9` (`code/languages/goClients.ts`) before the
 * module moved to `github.com/redis/go-redis/v9`: a client made from either path is read the same.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function cache(importPath: string): string {
  return sourceLines(
    'package cache',
    '',
    'import (',
    '\t"context"',
    '\t"os"',
    '',
    `\t"${importPath}"`,
    ')',
    '',
    'var rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR"), Password: os.Getenv("CACHE_PASSWORD")})',
    '',
    'func Sessions(ctx context.Context) []string {',
    '\treturn rdb.Keys(ctx, "session:*").Val()',
    '}',
  );
}

describe('go-redis v9 beta import path', () => {
  it('reads a client of github.com/go-redis/redis/v9 as go-redis', () => {
    const found = hintsIn('cache/cache.go', cache('github.com/go-redis/redis/v9'));
    for (const expected of ['10:Password redis-password', '10:Password redis-auth-without-tls!', '13:Keys redis-keys!']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    assert.deepEqual(found, hintsIn('cache/cache.go', cache('github.com/redis/go-redis/v9')));
  });

  it('reads no other major under the go-redis organisation', () => {
    assert.deepEqual(hintsIn('cache/cache.go', cache('github.com/go-redis/redis/v10')), []);
  });
});
