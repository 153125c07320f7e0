/**
 * A function of the file that sets the TTL of the key it is given: a RedisUtil class's `expire(key, time)` whose body
 * sends `redisTemplate.expire(key, time, TimeUnit.SECONDS)`, a cache module's `def touch(key, ttl): r.expire(key, ttl)`.
 * Its callers in the same file write a key and then call it (`hSet(key, item, value, time)` doing `opsForHash().put(key,
 * item, value)` then `expire(key, time)`): the EXPIRE still goes out as a command of its own, after the write, one call away.
 * Each call, by its bare name or on `this`, counts as an EXPIRE of the argument it passes in that parameter's place.
 */
import type { KeyedRedisCall } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { functionScope, written } from './redisTtl';
import { tokensNamed } from './tokenIndex';

/** The helper calls read per file: a helper called more often is a library's. */
const MAX_CALLS = 64;

export interface HelperExpire {
  tokenIndex: number;
  keyed: KeyedRedisCall;
}

/** The calls of the file's EXPIRE helpers (see the module's comment), as the keyed EXPIREs they send. */
export function helperExpires(a: CodeAnalyzer): HelperExpire[] {
  const helpers = new Map<string, { declared: number; position: number }>();
  for (const call of a.redisCalls) {
    const key = call.keyed?.ttl === 'expire' ? call.keyed.key : '';
    const fn = key && /^[A-Za-z_$][\w$]*$/.test(key) ? a.functions.get(call.keyed!.scope) : undefined;
    const name = fn && a.is(fn.params, '(') ? a.id(fn.params - 1) : undefined;
    const position = name ? segments(a, fn!.params).findIndex(([start, end]) => namesParameter(a, start, end, key)) : -1;
    if (name && position >= 0) {
      helpers.set(name, { declared: fn!.params - 1, position });
    }
  }
  const found: HelperExpire[] = [];
  for (const [name, helper] of helpers) {
    for (const k of tokensNamed(a, name)) {
      if (found.length >= MAX_CALLS) {
        return found;
      }
      const bare = !a.isAccess(k - 1) || (a.idIs(k - 2, 'this') && !a.isAccess(k - 3));
      const args = k !== helper.declared && bare && a.is(k + 1, '(') ? segments(a, k + 1) : [];
      const argument = args.length > helper.position ? args[helper.position] : undefined;
      const scope = argument ? functionScope(a, k) : 0;
      if (argument && scope > 0) {
        found.push({ tokenIndex: k, keyed: { key: written(a, argument[0], argument[1]), scope, ttl: 'expire' } });
      }
    }
  }
  return found;
}

/** Whether a parameter's tokens (`String key`, `key: String`, `key`) declare the name. */
function namesParameter(a: CodeAnalyzer, start: number, end: number, name: string): boolean {
  for (let k = start; k < end && !a.is(k, '='); k++) {
    if (a.idIs(k, name)) {
      return true;
    }
  }
  return false;
}
