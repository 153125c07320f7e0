/**
 * A client name that a failed connection empties in a branch of its own (`try: client = redis.Redis(...)` /
 * `except redis.ConnectionError: client = None`, then `return client`): the name is the client or nothing,
 * and a call through nothing would throw, so it reads as the client. An emptying assignment on the use's own
 * path still decides.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('a client emptied only in an except or catch branch', () => {
  it('reads the client a factory returns after `except: client = None` (a key copier between two caches)', () => {
    const found = hintsIn(
      'copier.py',
      sourceLines(
        'import json',
        'import os',
        'import redis',
        '',
        '',
        'def open_cache(service):',
        '    settings = dict(host=service, port=6379, ssl=True)',
        '    if "CACHE_CREDENTIALS" in os.environ:',
        '        creds = json.loads(os.environ["CACHE_CREDENTIALS"])',
        '        settings["password"] = creds["password"]',
        '    try:',
        '        client = redis.Redis(**settings)',
        '    except redis.ConnectionError:',
        '        client = None',
        '    return client',
        '',
        '',
        'class KeyCopier:',
        '    def __init__(self, source, target):',
        '        self.source = open_cache(source)',
        '        self.target = open_cache(target)',
        '',
        '    def copy(self, pattern="*"):',
        '        reads = self.source.pipeline()',
        '        for key in self.source.scan_iter(match=pattern):',
        '            reads.dump(key)',
        '        return reads.execute()',
        '',
        '    def seed(self, count):',
        '        for n in range(count):',
        '            self.target.set(f"seed:{n}", n)',
        '',
        '    def reset_target(self):',
        '        self.target.flushall()',
      ),
    );
    assert.ok(found.includes('24:pipeline redis-mget'), found.join('\n'));
    assert.ok(found.includes('25:scan_iter redis-scan'), found.join('\n'));
    assert.ok(found.includes('31:set redis-loop-round-trips!'), found.join('\n'));
    assert.ok(found.includes('34:flushall redis-flush!'), found.join('\n'));
  });

  it('reads the client in the same function after the except branch, but not after an emptying on the path', () => {
    const found = hintsIn(
      'warm.py',
      sourceLines(
        'import redis',
        '',
        '',
        'def warm(url, keys):',
        '    try:',
        '        cache = redis.Redis.from_url(url)',
        '    except ValueError:',
        '        cache = None',
        '    for key in keys:',
        '        cache.delete(key)',
        '',
        '',
        'def reset(url):',
        '    cache = redis.Redis.from_url(url)',
        '    cache.close()',
        '    cache = None',
        '    cache.flushall()',
        '',
        '',
        'def local_store(path):',
        '    store = {}',
        '    if not path:',
        '        store = None',
        '    return store.get(path)',
      ),
    );
    assert.ok(found.includes('10:delete redis-loop-round-trips!'), found.join('\n'));
    // Emptied on the use's own path: the name holds nothing there.
    assert.ok(!found.some((hint) => hint.startsWith('17:')), found.join('\n'));
    // A dict emptied in a branch stays a dict.
    assert.ok(!found.some((hint) => hint.startsWith('24:')), found.join('\n'));
  });

  it('reads a TypeScript client set to null in a catch block', () => {
    const found = hintsIn(
      'cache.ts',
      sourceLines(
        "import Redis from 'ioredis'",
        '',
        'export function connectCache(url: string) {',
        '  let client: Redis | null = null',
        '  try {',
        '    client = new Redis(url, { tls: {}, lazyConnect: true })',
        '  } catch (err) {',
        "    console.error('cache unavailable', err)",
        '    client = null',
        '  }',
        '  return client',
        '}',
        '',
        'export async function evictAll(url: string, ids: string[]) {',
        '  const cache = connectCache(url)',
        '  for (const id of ids) {',
        '    await cache?.del(`product:${id}`)',
        '  }',
        '}',
        '',
        'export async function closeAndRead(url: string) {',
        '  let cache: Redis | null = new Redis(url, { tls: {} })',
        '  await cache.quit()',
        '  cache = null',
        "  return cache?.keys('*')",
        '}',
      ),
    );
    assert.ok(found.includes('17:del redis-loop-round-trips!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('25:')), found.join('\n'));
  });
});
