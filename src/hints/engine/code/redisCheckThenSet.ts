/**
 * A Redis lock taken in two commands: a GET (or EXISTS) of a key, then, because it found nothing, a SET of the same
 * key without NX, in the same function (ioredis, node-redis, redis-py):
 *
 *     const holder = await redis.get(`lock:${jobId}`);
 *     if (holder) return false;
 *     await redis.set(`lock:${jobId}`, workerId, 'EX', 30);
 *
 * Two clients can both read nothing and both set the key: both believe they hold the lock. `SET key value NX EX 30`
 * takes it in one command, and its reply says who won (https://valkey.io/commands/set). The guard is read as the
 * check-then-put readers read theirs (`guardsPut`): the SET inside an `if` that tests for the value's absence, or
 * after an `if` that tests for its presence and leaves. Only what reads as a lock counts: a key, a reply variable or
 * a function named for one (`lock`, `mutex`, `lease`, `semaphore`, `leader`, `claim`), since a cache filled after a
 * miss (`get`, then `set` of the computed value) has the same shape and no harm in it.
 */
import type { RedisCall, RedisFlavor } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { guardsPut } from './checkThenPut';
import { functionScope, written } from './redisTtl';

const FLAVORS: ReadonlySet<RedisFlavor> = new Set<RedisFlavor>(['ioredis', 'node-redis', 'redis-py', 'redis-py-async']);
const READS = new Set(['get', 'exists']);
/** Words of a key, a variable or a function that name a lock (after splitting camelCase, snake_case and separators). */
const LOCK_WORDS = new Set(['lock', 'locks', 'locked', 'mutex', 'lease', 'semaphore', 'leader', 'claim', 'claimed']);
/** Tokens before a read an `if` may start at when the read sits in its condition (`if (!(await redis.get(k)))`). */
const CONDITION_REACH = 12;
/** Tokens from a read to a SET of the same key that are read for a guard: a function's lock dance is far shorter. */
const MAX_TOKENS = 2000;
/** `NX` however a client writes it: `'NX'`, `{ NX: true }`, `condition: 'NX'`, `nx=True`, aioredis 1's `exist=SET_IF_NOT_EXIST`. */
const NX = /\bnx\b|\bSET_IF_NOT_EXIST\b/i;

/** SETs of one key tried after a read for the one it guards: the lock's own SET comes first. */
const MAX_SETS_TRIED = 8;
/** `if` statements tried between a read and a SET for its guard: the guard follows the read at once. */
const MAX_IFS_TRIED = 8;

/** The SETs (their name tokens) that take a lock a GET or EXISTS of the same key, in the same function, found free (see the module's comment). */
export function redisCheckThenSets(a: CodeAnalyzer): number[] {
  if (a.language.family !== 'js' && a.language.family !== 'python') {
    return [];
  }
  const calls = a.redisCalls.filter((call) => FLAVORS.has(call.flavor) && !call.batched && call.inTest !== true && a.is(call.tokenIndex + 1, '('));
  // By function and key, in document order: the SETs without NX of keys named for a lock.
  const sets = new Map<string, RedisCall[]>();
  for (const call of calls) {
    const key = call.command === 'set' ? keyOf(a, call) : undefined;
    if (key !== undefined && !NX.test(argumentsText(a, call))) {
      const fn = functionScope(a, call.tokenIndex);
      const same = `${fn}\u0000${key}`;
      const list = sets.get(same);
      if (list) {
        list.push(call);
      } else {
        sets.set(same, [call]);
      }
    }
  }
  if (sets.size === 0) {
    return [];
  }
  const flagged = new Set<number>();
  for (const read of calls) {
    const key = READS.has(read.command) ? keyOf(a, read) : undefined;
    const fn = functionScope(a, read.tokenIndex);
    const candidates = key === undefined ? undefined : sets.get(`${fn}\u0000${key}`);
    const names = new Set(read.statement ? [read.statement.variable] : []);
    if (!candidates || !namesLock(a, key!, [...names], fn)) {
      continue;
    }
    let tried = 0;
    for (const set of candidates) {
      if (set.tokenIndex <= read.tokenIndex || flagged.has(set.tokenIndex)) {
        continue;
      }
      if (set.tokenIndex - read.tokenIndex >= MAX_TOKENS || ++tried > MAX_SETS_TRIED) {
        break;
      }
      if (guarded(a, read, set, names, fn)) {
        flagged.add(set.tokenIndex);
      }
    }
  }
  return [...flagged].sort((x, y) => x - y);
}

/** The key a call names first, as written, or undefined. */
function keyOf(a: CodeAnalyzer, call: RedisCall): string | undefined {
  const first = segments(a, call.tokenIndex + 1)[0];
  return first && first[1] > first[0] && !a.tokens.isSpread(first[0]) ? written(a, first[0], first[1]) : undefined;
}

function argumentsText(a: CodeAnalyzer, call: RedisCall): string {
  const open = call.tokenIndex + 1;
  return a.partner[open] > open ? written(a, open + 1, a.partner[open]) : '';
}

/** Whether an `if` of the function between the read (or around it, the read in its condition) and the SET lets the SET run only when the read found nothing. */
function guarded(a: CodeAnalyzer, read: RedisCall, set: RedisCall, names: ReadonlySet<string>, fn: number): boolean {
  let tried = 0;
  for (let k = Math.max(0, read.tokenIndex - CONDITION_REACH); k < set.tokenIndex && tried < MAX_IFS_TRIED; k++) {
    if (a.idIs(k, 'if') && !a.isAccess(k - 1) && functionScope(a, k) === fn) {
      tried++;
      if (guardsPut(a, k, set.tokenIndex, names, read.tokenIndex)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether the key, the reply's variable or the function's name reads as a lock's. */
function namesLock(a: CodeAnalyzer, key: string, variables: readonly string[], fn: number): boolean {
  return [key, ...variables, functionName(a, fn) ?? ''].some((text) => words(text).some((word) => LOCK_WORDS.has(word)));
}

function words(text: string): string[] {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/);
}

/** The name a function is declared with (`function acquireLock(`, `async acquireLock(`, `def acquire_lock(`, `const acquireLock = async (`), if any. */
function functionName(a: CodeAnalyzer, fn: number): string | undefined {
  const params = fn > 0 ? (a.functions.get(fn)?.params ?? -1) : -1;
  if (params < 1) {
    return undefined;
  }
  let k = params - 1;
  k = a.idIs(k, 'async') ? k - 1 : k;
  k = a.is(k, '=') ? k - 1 : k;
  return a.isId(k) && !a.idIs(k, 'function') ? a.tokens.text(k) : undefined;
}
