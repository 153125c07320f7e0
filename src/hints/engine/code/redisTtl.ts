/**
 * SET, SETNX, INCR or a collection write (HSET, SADD, ZADD, LPUSH), then EXPIRE, PEXPIRE, EXPIREAT or PEXPIREAT of the same key as a second
 * command: what the `set-then-expire` check pairs.
 * A call records its key as written and the function it is in; a SET records whether it gives the key no
 * TTL at all, which only a key and a value (go-redis: an expiration of `0`) tell for sure: any other
 * argument may be a TTL (`'EX', 60`, `ex=60`, `time.Hour`, a `Duration`, `SetParams`), so it counts as one.
 * INCR and INCRBY never set one: a counter they create has none; nor do HSET, SADD, ZADD, LPUSH and RPUSH. TTL and PTTL record that the code reads the
 * key's TTL, the usual repair of a counter whose EXPIRE was lost (`if r.ttl(key) == -1: r.expire(key, 60)`).
 */
import { KeyedRedisCall, RedisFlavor, sameKeyInFunction } from '../model';
import { REDIS_COUNTER_COMMANDS, REDIS_COLLECTION_WRITE_COMMANDS } from '../services';
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { chainStart } from './receiverChains';
import { helperExpires } from './redisExpireHelpers';

const SETS = new Set(['set', 'setnx']);
/** The EXPIRE family: a TTL in seconds or milliseconds, or an instant (EXPIREAT, PEXPIREAT), set as a command of its own. */
export const EXPIRE_COMMANDS: ReadonlySet<string> = new Set(['expire', 'pexpire', 'expireat', 'pexpireat']);
const TTL_READS = new Set(['ttl', 'pttl']);
/** How many EXPIREs of one key after a write are tried for one that runs after it: linear whatever the file. */
const MAX_EXPIRES_TRIED = 8;
const RETURN = codeOf('return');
const THROW = codeOf('throw');

/** The function a token is in, by scope; 0 outside any. */
export function functionScope(a: CodeAnalyzer, token: number): number {
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    if (a.scopes.kind(scope) === 'function') {
      return scope;
    }
  }
  return 0;
}

/** The tokens `start` to `end` (exclusive) as one string that ignores layout. */
export function written(a: CodeAnalyzer, start: number, end: number): string {
  const texts: string[] = [];
  for (let k = start; k < end; k++) {
    texts.push(a.tokens.text(k));
  }
  return texts.join(' ');
}

/**
 * The key of a SET, SETNX, INCR, EXPIRE or TTL call whose arguments open at `open`, or undefined for other commands and
 * for calls whose key cannot be read. `receiver` spans the client expression (Redisson: the bucket, which is the key).
 */
export function keyedRedisCall(a: CodeAnalyzer, command: string, flavor: RedisFlavor, open: number, receiver: [number, number]): KeyedRedisCall | undefined {
  const isSet = SETS.has(command);
  const kind = REDIS_COUNTER_COMMANDS.has(command) || REDIS_COLLECTION_WRITE_COMMANDS.has(command) ? 'none' : EXPIRE_COMMANDS.has(command) ? 'expire' : TTL_READS.has(command) ? 'read' : undefined;
  if (!isSet && !kind) {
    return undefined;
  }
  // node-redis 2 and 3 and ioredis take a callback last (`client.set(key, value, (err) => ...)`): no TTL, no key.
  const all = segments(a, open);
  const args = a.language.family === 'js' && all.length > 1 && isCallback(a, all[all.length - 1][0]) ? all.slice(0, -1) : all;
  // A spread or unpacked argument (`...args`, `*args`) hides which argument is which.
  if (args.some(([start, end]) => start >= end || a.tokens.isSpread(start) || a.is(start, '*') || a.is(start, '**'))) {
    return undefined;
  }
  if (flavor === 'redisson') {
    // `bucket.set(value)`, `bucket.expire(Duration.ofMinutes(5))`, a map's `put(field, value)`: the object is the key.
    return { key: written(a, receiver[0], receiver[1]), scope: functionScope(a, open), ttl: kind ?? (args.length === 1 ? 'none' : 'maybe') };
  }
  // go-redis commands take the context first: `Set(ctx, key, value, expiration)`.
  const keyAt = flavor === 'go-redis' ? 1 : 0;
  if (args.length <= keyAt) {
    return undefined;
  }
  const [start, end] = args[keyAt];
  const keyed = { key: written(a, start, end), scope: functionScope(a, open) };
  if (kind) {
    return { ...keyed, ttl: kind };
  }
  const noExpiration = flavor === 'go-redis' ? args.length === 4 && args[3][1] === args[3][0] + 1 && a.tokens.text(args[3][0]) === '0' : args.length === 2;
  return { ...keyed, ttl: noExpiration ? 'none' : 'maybe' };
}

/**
 * The function of a MULTI sent as a statement of its own, whose reply nothing reads: Lettuce and Spring's
 * RedisTemplate put the client itself in a transaction (`commands.multi(); commands.set(k, v); commands.expire(k, 60);
 * commands.exec();`), unlike clients whose `multi()` returns the transaction to chain or assign. Undefined otherwise.
 */
export function transactionStatementScope(a: CodeAnalyzer, receiverStart: number, close: number): number | undefined {
  const before = receiverStart - 1;
  const after = close + 1;
  const startsStatement = before < 0 || a.is(before, ';') || a.is(before, '{') || a.is(before, '}') || a.startsLine(receiverStart);
  const endsStatement = after >= a.tokens.length || a.is(after, ';') || (a.startsLine(after) && !a.isAccess(after));
  return startsStatement && endsStatement ? functionScope(a, receiverStart) : undefined;
}

/**
 * Marks each write that gives its key no TTL (`ttl: 'none'`), and each TTL read (`ttl: 'read'`), with whether an
 * EXPIRE of the same key, in the same function, can run after it: one in another branch of the same if/else chain
 * cannot (`if ttl is None: r.set(k, v) else: r.set(k, v); r.expire(k, ttl)`), nor one after the block around the
 * call has returned or thrown. A TTL read that no EXPIRE follows only reports the TTL; it repairs nothing.
 */
export function markFollowingExpires(a: CodeAnalyzer): void {
  const expires = new Map<string, number[]>();
  const sent = a.redisCalls.filter((call) => call.keyed?.ttl === 'expire').map((call) => ({ tokenIndex: call.tokenIndex, keyed: call.keyed! }));
  // A helper of the file that EXPIREs the key it is given sends one where it is called (`redisExpireHelpers.ts`).
  const helped = sent.length > 0 && a.redisCalls.some((call) => call.keyed?.ttl === 'none') ? helperExpires(a) : [];
  for (const { tokenIndex, keyed } of [...sent, ...helped].sort((x, y) => x.tokenIndex - y.tokenIndex)) {
    const list = expires.get(sameKeyInFunction(keyed));
    if (list) {
      list.push(tokenIndex);
    } else {
      expires.set(sameKeyInFunction(keyed), [tokenIndex]);
    }
  }
  if (expires.size === 0) {
    return;
  }
  const exits = new BlockExits(a);
  const callbacks = a.language.family === 'js' ? expiresInCallbacks(a) : undefined;
  for (const call of a.redisCalls) {
    const keyed = call.keyed;
    if (keyed?.ttl === 'none' && callbacks?.has(`${call.tokenIndex + 1}\u0000${keyed.key}`)) {
      keyed.expireFollows = true;
      continue;
    }
    const list = keyed?.ttl === 'none' || keyed?.ttl === 'read' ? expires.get(sameKeyInFunction(keyed)) : undefined;
    if (!keyed || !list || handedBack(a, call.tokenIndex)) {
      continue;
    }
    for (let k = list.length - 1, tried = 0; k >= 0 && list[k] > call.tokenIndex && tried < MAX_EXPIRES_TRIED; k--, tried++) {
      if (!a.scopes.exclusive(call.tokenIndex, list[k]) && !exits.leftBetween(call.tokenIndex, list[k])) {
        keyed.expireFollows = true;
        break;
      }
    }
  }
}

/**
 * Whether the call whose method is at `index` is what a `return` or `throw` hands back (`if (!ttl) return
 * this.conn.incrby(key, n);`, `return await client.incr(key)`): its function leaves with it, so no EXPIRE written
 * after it in the function runs after it.
 */
function handedBack(a: CodeAnalyzer, index: number): boolean {
  let before = chainStart(a, index) - 1;
  if (a.idIs(before, 'await')) {
    before--;
  }
  return a.tokens.codes[before] === RETURN || a.tokens.codes[before] === THROW;
}

/**
 * JavaScript: the EXPIREs a write's own callback sends (`client.hmset(key, fields, () => client.expire(key, 600))`),
 * as `open\0key` of the write's arguments: the callback runs after the write, as a command of its own.
 */
function expiresInCallbacks(a: CodeAnalyzer): Set<string> {
  const found = new Set<string>();
  for (const call of a.redisCalls) {
    if (call.keyed?.ttl !== 'expire') {
      continue;
    }
    const scope = functionScope(a, call.tokenIndex);
    const start = scope > 0 ? a.scopes.start(scope) : -1;
    const argument = a.idIs(start - 1, 'function') ? start - 1 : a.isId(start - 1) && a.idIs(start - 2, 'function') ? start - 2 : start;
    const open = argument > 0 ? a.parent[argument] : -1;
    if (open > 0 && a.is(open, '(') && isCallback(a, argument)) {
      found.add(`${open}\u0000${call.keyed.key}`);
    }
  }
  return found;
}

/** Whether the argument that starts at `start` is a function expression (`(err) => ...`, `function (err) {...}`). */
function isCallback(a: CodeAnalyzer, start: number): boolean {
  let k = a.idIs(start, 'async') ? start + 1 : start;
  if (a.idIs(k, 'function')) {
    k += a.isId(k + 1) ? 2 : 1;
  }
  const scope = a.scopes.scopeAt(k);
  return scope > 0 && a.scopes.kind(scope) === 'function' && a.scopes.start(scope) === k && (k === start || a.idIs(start, 'async') || a.idIs(start, 'function'));
}

const CONDITION_WORDS = new Set(['if', 'while', 'for', 'foreach']);

/** Whether a statement is the body of an `if (..)`, loop or `else` without braces, or a Python one-line suite (`if x: return`). */
function underBracelessCondition(a: CodeAnalyzer, k: number): boolean {
  if (a.idIs(k - 1, 'else') || a.is(k - 1, ':')) {
    return true;
  }
  const open = a.is(k - 1, ')') ? a.partner[k - 1] : -1;
  return open > 0 && CONDITION_WORDS.has(a.id(open - 1) ?? '');
}

/** The `return`, `throw` and `raise` statements of a file by the scope they sit in, found in one pass when first asked. */
class BlockExits {
  private byScope: Map<number, number[]> | undefined;

  constructor(private readonly a: CodeAnalyzer) {}

  /**
   * Whether a block around `from` that does not hold `to` returns or throws after `from` as a statement of its own
   * (not under an `if` without braces), so that no run reaches `to` from `from`.
   */
  leftBetween(from: number, to: number): boolean {
    const scopes = this.a.scopes;
    for (let scope = scopes.scopeAt(from); scope > 0; scope = scopes.parent(scope)) {
      const [start, end] = scopes.range(scope);
      if (start <= to && to < end) {
        return false;
      }
      const exits = this.exitsIn(scope);
      if (exits && exits[exits.length - 1] > from) {
        return true;
      }
    }
    return false;
  }

  private exitsIn(scope: number): number[] | undefined {
    this.byScope ??= this.collect();
    return this.byScope.get(scope);
  }

  private collect(): Map<number, number[]> {
    const { a } = this;
    const codes = a.tokens.codes;
    const byScope = new Map<number, number[]>();
    for (let k = 1; k < a.tokens.length; k++) {
      const exit = codes[k] === RETURN || codes[k] === THROW || (a.language.family === 'python' && a.idIs(k, 'raise'));
      if (exit && a.startsLine(k) && !underBracelessCondition(a, k)) {
        const scope = a.scopes.scopeAt(k);
        const list = byScope.get(scope);
        if (list) {
          list.push(k);
        } else {
          byScope.set(scope, [k]);
        }
      }
    }
    return byScope;
  }
}
