/**
 * LRANGE and ZRANGE (ZREVRANGE) read the part of a list or sorted set between two indexes; from `0` to `-1` they read
 * all of it in one reply, as HGETALL and SMEMBERS do a hash or a set (`redis-collection-read`). A range of a few
 * elements (the latest 10) is a page, which no rule talks about, so only the whole range counts as the command:
 * its last two arguments `0` and `-1` (`lrange(key, 0, -1)`, go-redis `LRange(ctx, key, 0, -1)`, Spring Data Redis
 * `opsForList().range(key, 0, -1)`, Java's `0L, -1L`; options after them aside: redis-py's keywords, node-redis's
 * object), or for StackExchange.Redis a key alone, whose `ListRange` and
 * `SortedSetRangeByRank` default to `start: 0, stop: -1` (IDatabase docs).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { RedisFlavor } from '../model';

/** The commands that read an index range of a list or sorted set. */
export const RANGE_READS = new Set(['lrange', 'zrange', 'zrevrange', 'zrangewithscores', 'zrevrangewithscores']);
/** Words after the indexes that keep them indexes (`BYSCORE` and `BYLEX` make them scores or members). */
const INDEX_OPTIONS = /^["'`]?(?:WITHSCORES|REV)["'`]?$/i;

/** Whether the call whose arguments open at `open` reads the whole list or sorted set (see the module's comment). */
export function readsWholeRange(a: CodeAnalyzer, open: number, flavor: RedisFlavor | undefined): boolean {
  // Options after the indexes: redis-py's keywords (`withscores=True`), node-redis's object (`{ REV: true }`), ioredis's `'WITHSCORES'`.
  const args = segments(a, open).filter(([start, end]) => !a.is(start + 1, '=') && !a.is(start, '{') && !(end === start + 1 && INDEX_OPTIONS.test(a.tokens.text(start))));
  if (flavor === 'stackexchange-redis' && args.length === 1) {
    return true;
  }
  return args.length >= 3 && isIndex(a, args[args.length - 2], 0) && isIndex(a, args[args.length - 1], -1);
}

/** A literal index written alone: `0`, `-1`, `0L`, `-1L` (a minus sign may be a token of its own). */
function isIndex(a: CodeAnalyzer, [start, end]: [number, number], value: number): boolean {
  const text = a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]).replace(/\s+/g, '');
  return end - start <= 2 && text.replace(/[lL]$/, '') === String(value);
}
