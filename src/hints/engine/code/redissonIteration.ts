/**
 * Redisson walks a map with HSCAN and a set with SSCAN as they are iterated (RedissonMap's key, value and entry
 * views and RedissonSet's iterator read a batch per call, 10 by default, or the count given:
 * `map.entrySet(100)`, `map.keySet("order:*")`). A walk shows where it starts: a view followed by `.stream()`,
 * `.iterator()` or `.forEach(...)`, given a count or pattern, or the iterable of a for-each loop
 * (`for (Order o : orders.values())`); the map's own `forEach(...)`; a set's `stream()`, `iterator()` or
 * `forEach(...)`. The views' other methods send other commands (`keySet().contains(k)` is HEXISTS,
 * `values().size()` HLEN), so a view alone is no walk.
 */
import type { RedisStructure } from '../model';
import type { CodeAnalyzer } from './analyzer';

const MAP_VIEWS = new Set(['keyset', 'values', 'entryset']);
const WALKS = new Set(['stream', 'iterator', 'forEach', 'spliterator']);
const SET_WALKS = new Set(['stream', 'iterator', 'foreach', 'spliterator']);

/** The scan a Redisson map's or set's method at `index` starts (`hscan`, `sscan`), or undefined; `method` is normalized. */
export function redissonWalk(a: CodeAnalyzer, index: number, structure: RedisStructure, method: string, receiverStart: number): string | undefined {
  if (structure === 'redisson-set') {
    return SET_WALKS.has(method) ? 'sscan' : undefined;
  }
  if (structure !== 'redisson-map') {
    return undefined;
  }
  if (method === 'foreach') {
    return 'hscan';
  }
  const close = a.partner[index + 1];
  if (!MAP_VIEWS.has(method) || close < 0) {
    return undefined;
  }
  const given = close > index + 2;
  const walked = a.isAccess(close + 1) && WALKS.has(a.id(close + 2) ?? '') && a.is(close + 3, '(');
  const looped = a.is(receiverStart - 1, ':') && a.is(close + 1, ')') && a.idIs(a.partner[close + 1] - 1, 'for');
  return given || walked || looped ? 'hscan' : undefined;
}
