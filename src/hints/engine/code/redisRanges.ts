/**
 * LRANGE and ZRANGE (ZREVRANGE) read the part of a list or sorted set between two indexes; from `0` to `-1` they read
 * all of it in one reply, as HGETALL and SMEMBERS do a hash or a set (`redis-collection-read`). A range of a few
 * elements (the latest 10) is a page, which no rule talks about, so only the whole range counts as the command:
 * its last two arguments `0` and `-1` (`lrange(key, 0, -1)`, go-redis `LRange(ctx, key, 0, -1)`, Spring Data Redis
 * `opsForList().range(key, 0, -1)`, Java's `0L, -1L`, redis-py's `start=0, end=-1`; options after them aside: redis-py's other keywords, node-redis's
 * object, a callback), or for StackExchange.Redis a key alone or with a start of `0`, whose `ListRange` and
 * `SortedSetRangeByRank` default to `start: 0, stop: -1` (IDatabase docs). A stop that is the length of the same
 * key read in place (`ListRange(key, 0, db.ListLength(key))`) reads it all too. An index may also be a parameter
 * of the enclosing function whose default is that index (`getPlaylist(key, offset = 0, count = -1)`,
 * Python's `def items(self, key, start=0, end=-1)`): called without them, as such helpers mostly are, the
 * helper reads the whole range.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { bindingAt } from './names';
import type { RedisFlavor } from '../model';

/** The commands that read an index range of a list or sorted set. */
export const RANGE_READS = new Set(['lrange', 'zrange', 'zrevrange', 'zrangewithscores', 'zrevrangewithscores']);
/** Words after the indexes that keep them indexes (`BYSCORE` and `BYLEX` make them scores or members). */
const INDEX_OPTIONS = /^["'`]?(?:WITHSCORES|REV)["'`]?$/i;

/** Whether the call whose arguments open at `open` reads the whole list or sorted set (see the module's comment). */
export function readsWholeRange(a: CodeAnalyzer, open: number, flavor: RedisFlavor | undefined): boolean {
  // Options after the indexes: redis-py's keywords (`withscores=True`), node-redis's object (`{ REV: true }`), ioredis's `'WITHSCORES'`.
  const args = segments(a, open).filter(([start, end]) => !a.is(start + 1, '=') && !a.is(start, '{') && !(end === start + 1 && INDEX_OPTIONS.test(a.tokens.text(start))) && !isCallback(a, start));
  const index = (segment: [number, number], value: number): boolean => isIndex(a, segment, value) || defaultIndex(a, segment, value);
  // StackExchange.Redis: the key alone, or the key and a start of 0 (`ListRange(key, 0)`), whose stop defaults to -1.
  if (flavor === 'stackexchange-redis' && (args.length === 1 || (args.length === 2 && index(args[1], 0)))) {
    return true;
  }
  // redis-py's indexes by keyword: `lrange(key, start=0, end=-1)`, `zrange(key, 0, end=-1)`.
  const keyword = (name: string): [number, number] | undefined => {
    const found = a.language.family === 'python' ? segments(a, open).find(([start]) => a.idIs(start, name) && a.is(start + 1, '=')) : undefined;
    return found && [found[0] + 2, found[1]];
  };
  const [start, end] = [keyword('start'), keyword('end')];
  if (end && ((args.length === 1 && start) || (args.length === 2 && !start))) {
    return index(start ?? args[1], 0) && index(end, -1);
  }
  const stop = args[args.length - 1];
  return args.length >= 3 && index(args[args.length - 2], 0) && (index(stop, -1) || lengthOfKey(a, stop, args[args.length - 3]));
}

/** Commands, as the clients name them, that give a list's or sorted set's length. */
const LENGTH_CALLS = new Set(['llen', 'zcard', 'ListLength', 'ListLengthAsync', 'SortedSetLength', 'SortedSetLengthAsync', 'LLen', 'ZCard']);

/**
 * A stop that is the length of the same collection, read in place (`ListRange(key, 0, db.ListLength(key))`,
 * `lrange(key, 0, r.llen(key))`): past the last index, so the whole list or sorted set. The key is the
 * argument before the indexes, written the same in both calls.
 */
function lengthOfKey(a: CodeAnalyzer, [start, end]: [number, number], key: [number, number] | undefined): boolean {
  const close = end - 1;
  const open = a.partner[close];
  if (!key || !a.is(close, ')') || open <= start || !LENGTH_CALLS.has(a.id(open - 1) ?? '')) {
    return false;
  }
  const written = (from: number, to: number): string => a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]).replace(/\s+/g, '');
  const lengthArgs = segments(a, open);
  const lengthKey = lengthArgs[lengthArgs.length - 1];
  return lengthKey !== undefined && written(lengthKey[0], lengthKey[1]) === written(key[0], key[1]);
}

/**
 * A JavaScript function written as the argument: the callback that node-redis 3 and ioredis take after a
 * command's arguments (`lrange(key, 0, -1, (err, items) => ...)`, `function (err, items) {...}`).
 */
function isCallback(a: CodeAnalyzer, start: number): boolean {
  const at = a.idIs(start, 'async') ? start + 1 : start;
  const arrow = (a.isId(at) && a.is(at + 1, '=>')) || (a.is(at, '(') && a.partner[at] > at && a.is(a.partner[at] + 1, '=>'));
  return a.language.family === 'js' && (a.idIs(at, 'function') || arrow);
}

/**
 * A parameter of the function the call is in, written alone as the argument, whose default is that index:
 * `count = -1`, TypeScript's `count: number = -1`, Python's `end: int = -1`.
 */
function defaultIndex(a: CodeAnalyzer, [start, end]: [number, number], value: number): boolean {
  const binding = end === start + 1 && a.isId(start) ? bindingAt(a, start, end) : undefined;
  const fn = binding ? a.functions.get(a.scopes.enclosing(start, ['function'])) : undefined;
  if (!binding || !fn || !a.is(fn.params, '(')) {
    return false;
  }
  const parameter = segments(a, fn.params).find(([from, to]) => from <= binding.token && binding.token < to);
  if (!parameter) {
    return false;
  }
  let eq = binding.token + 1;
  while (eq < parameter[1] && !a.is(eq, '=')) {
    eq = a.skipGroup(eq);
  }
  return eq + 1 < parameter[1] && isIndex(a, [eq + 1, parameter[1]], value);
}

/** A literal index written alone: `0`, `-1`, `0L`, `-1L` (a minus sign may be a token of its own). */
function isIndex(a: CodeAnalyzer, [start, end]: [number, number], value: number): boolean {
  const text = a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]).replace(/\s+/g, '');
  return end - start <= 2 && text.replace(/[lL]$/, '') === String(value);
}
