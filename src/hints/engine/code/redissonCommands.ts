/**
 * Redisson objects, method to command (Redisson javadoc, org.redisson.api): `RKeys` walks the keyspace with
 * SCAN in `getKeys()` and `getKeysByPattern(pattern)` ("Keys traversed with SCAN operation"), deletes with
 * DEL or UNLINK and flushes; `RBucket` (and the counters `RAtomicLong`, `RAtomicDouble`) holds one string value, and its `set(value, ttl)` and
 * `trySet(value, ttl)` are one SET with PX (and NX). Every object is one key: `RObject` deletes and
 * unlinks it, `RExpirable` sets, clears and reads its TTL. A map (`RMap`, `RMapCache`, `RLocalCachedMap`) reads
 * the whole hash in one reply with `readAllMap()` and `readAllEntrySet()` (HGETALL), `readAllKeySet()` (HKEYS) and
 * `readAllValues()` (HVALS), and a set (`RSet`, `RSetCache`) with `readAll()` (SMEMBERS); their iterators walk it
 * with HSCAN and SSCAN instead (`redissonIteration.ts`). A list (`RList`, and the queues and deques built on it) and a
 * scored sorted set (`RScoredSortedSet`) read all their elements with `readAll()` (LRANGE and ZRANGE from 0 to -1:
 * `whole` in `REDISSON_WHOLE_RANGES`). Each write of one entry is a round trip of its own: a map's `put` and `fastPut`
 * (HSET; `putAll` sends many in one), its `remove` and `fastRemove` (HDEL), a list's `add` (RPUSH) and a scored
 * sorted set's `add` (ZADD). A map's `get` is not listed: a local cached map answers it from memory. Their other
 * methods (a lock's `lock`) send commands no key-level rule names.
 */
import type { RedisStructure } from '../model';

const REDISSON_OBJECT: Record<string, string> = { delete: 'del', unlink: 'unlink', isexists: 'exists', expire: 'pexpire', clearexpire: 'persist', remaintimetolive: 'pttl' };

type RedissonStructure = Extract<RedisStructure, 'keys' | 'bucket' | 'object' | 'redisson-map' | 'redisson-set' | 'redisson-list' | 'redisson-zset'>;

export const REDISSON_COMMANDS: Record<RedissonStructure, Record<string, string>> = {
  keys: { getkeys: 'scan', getkeysbypattern: 'scan', flushall: 'flushall', flushdb: 'flushdb', delete: 'del', unlink: 'unlink', countexists: 'exists' },
  bucket: { ...REDISSON_OBJECT, get: 'get', set: 'set', setifabsent: 'setnx', tryset: 'setnx' },
  object: REDISSON_OBJECT,
  'redisson-map': { ...REDISSON_OBJECT, readallmap: 'hgetall', readallentryset: 'hgetall', readallkeyset: 'hkeys', readallvalues: 'hvals', put: 'hset', fastput: 'hset', remove: 'hdel', fastremove: 'hdel' },
  'redisson-set': { ...REDISSON_OBJECT, readall: 'smembers' },
  'redisson-list': { ...REDISSON_OBJECT, readall: 'lrange', add: 'rpush' },
  'redisson-zset': { ...REDISSON_OBJECT, readall: 'zrange', add: 'zadd' },
};

/** The structures whose range command, when their method sends one, reads every element: no indexes to check. */
export const REDISSON_WHOLE_RANGES: ReadonlySet<RedisStructure> = new Set<RedisStructure>(['redisson-list', 'redisson-zset']);
