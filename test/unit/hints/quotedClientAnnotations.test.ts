/**
 * A parameter annotated with a forward reference to a client library's class (`redis: "Redis"`, often imported under
 * `TYPE_CHECKING`) is that client, as the unquoted annotation is; a quoted project class stays an instance of it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('quoted client annotations', () => {
  it('redis.asyncio Redis imported under TYPE_CHECKING, named in quotes', () => {
    const code = sourceLines(
      'from typing import TYPE_CHECKING',
      '',
      'if TYPE_CHECKING:',
      '    from redis.asyncio import Redis',
      '',
      '',
      'class Index:',
      '    def __init__(self, redis: "Redis") -> None:',
      '        self._redis = redis',
      '',
      '    async def all(self):',
      '        return await self._redis.keys("sess:*")',
    );
    assert.deepEqual(findingsIn('index.py', code), ['12:keys redis-keys!']);
  });

  it('redis-py Redis in quotes on a function parameter', () => {
    const code = sourceLines('from redis import Redis', '', '', "def wipe(cache: 'Redis') -> None:", '    cache.flushall()');
    assert.deepEqual(findingsIn('wipe.py', code), ['5:flushall redis-flush!']);
  });

  it('trap: a quoted name that is no client', () => {
    const code = sourceLines(
      'from typing import TYPE_CHECKING',
      '',
      'if TYPE_CHECKING:',
      '    from app.registry import Registry',
      '',
      '',
      'def names(registry: "Registry"):',
      '    return registry.keys("*")',
    );
    assert.deepEqual(findingsIn('names.py', code), []);
  });
});
