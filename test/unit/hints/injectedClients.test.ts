/**
 * Classes that take a client or build one: the field holds the client the class builds when the other
 * branch only injects a parameter, and a parameter typed with a Protocol of the file gives way to the
 * client built as its fallback. A field that one branch sets to something else stays unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('injected or built clients', () => {
  it('reads a field set to a built client in one branch and to the injected parameter in the other', () => {
    const code = sourceLines(
      'import redis',
      'class TokenStore:',
      '    def __init__(self, host, client=None):',
      '        if client is None:',
      '            self.client = redis.Redis(host=host, ssl=True)',
      '        else:',
      '            self.client = client',
      '    def forget(self, token):',
      '        self.client.delete(token)',
    );
    assert.ok(hintsIn('tokens.py', code).includes('9:delete redis-unlink'), hintsIn('tokens.py', code).join('\n'));
  });

  it('prefers the built fallback over a parameter typed with a Protocol of the file', () => {
    const code = sourceLines(
      'from typing import Protocol',
      'import redis',
      'class CacheClient(Protocol):',
      '    def delete(self, *names): ...',
      'class TokenStore:',
      '    def __init__(self, client: CacheClient | None = None):',
      '        self.client = client or redis.Redis(host="cache.internal", ssl=True)',
      '    def forget(self, token):',
      '        self.client.delete(token)',
    );
    assert.ok(hintsIn('tokens.py', code).includes('9:delete redis-unlink'), hintsIn('tokens.py', code).join('\n'));
  });

  it('leaves a field unknown when another branch sets it to something that is not a parameter', () => {
    const code = sourceLines(
      'import redis',
      'class TokenStore:',
      '    def __init__(self, host, local=False):',
      '        if local:',
      '            self.client = {}',
      '        else:',
      '            self.client = redis.Redis(host=host, ssl=True)',
      '        self.client = make_cache()',
      '    def forget(self, token):',
      '        self.client.delete(token)',
    );
    assert.ok(!hintsIn('tokens.py', code).some((hint) => hint.startsWith('10:')), hintsIn('tokens.py', code).join('\n'));
  });
});
