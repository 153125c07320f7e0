/**
 * LRANGE and ZRANGE whose indexes are parameters of the helper they are in, defaulting to `0` and `-1`
 * (`getQueue(roomId, offset = 0, count = -1)`, Python's `def items(self, key, start=0, end=-1)`, C#'s
 * `long stop = -1`): the helper reads the whole list or sorted set when called without them. Parameters
 * without such defaults, or a nested function's own, leave the range unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'redis-collection-read';
const hovered = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(` ${RULE}`));

describe('Redis range reads through parameters with defaults', () => {
  it('hovers on node-redis and ioredis ranges whose parameters default to 0 and -1, not on windows or undefaulted parameters', () => {
    const code = sourceLines(
      'import { createClient } from "redis";',
      'import Redis from "ioredis";',
      'const client = createClient();',
      'const redis = new Redis();',
      'export async function queue(id: string, offset: number = 0, count: number = -1) {',
      '  return client.zRange(`q:${id}`, offset, count);',
      '}',
      'export function log(id, from = 0, to = -1) {',
      '  return redis.lrange(`log:${id}`, from, to);',
      '}',
      'export function page(id, from = 0, to = 9) {',
      '  return redis.lrange(`log:${id}`, from, to);',
      '}',
      'export function outer(id, from = 0, to = -1) {',
      '  const read = (a, b) => redis.lrange(`log:${id}`, a, b);',
      '  return read(from, to);',
      '}',
      'export function both(id, from, to) {',
      '  return redis.lrange(`log:${id}`, from, to);',
      '}',
    );
    assert.deepEqual(hovered('rooms.ts', code), ['6:zRange redis-collection-read', '9:lrange redis-collection-read']);
  });

  it('hovers on redis-py and StackExchange.Redis helpers with those defaults', () => {
    const python = sourceLines(
      'import redis',
      'class Board:',
      '    def __init__(self):',
      '        self.r = redis.Redis()',
      '    def standings(self, key, start: int = 0, end: int = -1):',
      '        return self.r.zrevrange(key, start, end, withscores=True)',
      '    def top(self, key, start=0, end=2):',
      '        return self.r.zrevrange(key, start, end)',
    );
    assert.deepEqual(hovered('board.py', python), ['6:zrevrange redis-collection-read']);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      'public class Feed {',
      '    private readonly IDatabase _db;',
      '    public Feed(IConnectionMultiplexer mux) { _db = mux.GetDatabase(); }',
      '    public RedisValue[] Items(string key, long start = 0, long stop = -1) => _db.ListRange(key, start, stop);',
      '    public RedisValue[] Head(string key, long start = 0, long stop = 9) => _db.ListRange(key, start, stop);',
      '}',
    );
    assert.deepEqual(hovered('Feed.cs', csharp), ['5:ListRange redis-collection-read']);
  });
});
