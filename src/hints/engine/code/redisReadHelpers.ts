/**
 * Redis reads one call away: a function or method that reads one key per call (a cache layer's `get(key)`,
 * `getUser(id)`), whose callers in a loop wait for one round trip per element where one MGET, HMGET or pipeline would
 * do. `redis-loop-round-trips` reports same-file callers through the scope model (`waitingCallers`); in workspace mode
 * the helpers of another module (a NestJS `RedisService` injected into a service, a wrapper class made with `new`, an
 * exported function) are read by the workspace (`workspace/itemHelpers.ts`) and reached here by `importedItemHelpers.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { importedHelperCalls } from './importedItemHelpers';
import { waitsPerElement } from './itemLoops';
import { inTestCode } from './testFixtures';
import type { RedisCall, RedisFlavor } from '../model';

/**
 * Reads a helper may send per call: a loop over them reads keys one by one where one MGET, HMGET or pipeline would
 * do. A helper that writes is left alone: a loop that renders or computes each value before storing it spends its
 * time there, not on the round trip. Whole lists, sorted sets, sets and hash fields or values count too.
 */
export const REDIS_HELPER_READS: ReadonlySet<string> = new Set(['get', 'hget', 'hgetall', 'exists', 'sismember', 'zscore', 'geopos', 'lrange', 'zrange', 'zrevrange', 'zrangewithscores', 'zrevrangewithscores', 'smembers', 'hkeys', 'hvals']);

/**
 * A single-key command: not queued on a pipeline or MULTI, not spreading a batch of keys
 * (`unlink(...keys)` in a SCAN loop is the right shape), and not given a page's array in a cursor or page loop.
 */
export function isPerKey(call: RedisCall): boolean {
  // A spread of a batch: `...keys` (JavaScript), `*keys` (Python), `keys...` (Go).
  return !call.batched && call.batchPerRound !== true && !/^(?:\.\.\.|\*)|\.\.\.$/.test(call.argsText);
}

/** Whether a call is a helper's one-key read: a read of one key, outside any loop of its own, outside tests. */
export function isHelperRead(call: RedisCall): boolean {
  return !call.inLoop && call.inTest !== true && isPerKey(call) && REDIS_HELPER_READS.has(call.command);
}

/** A module's functions by scope that read one Redis key per call, with the read's command and client. */
export function redisReadHelpers(a: CodeAnalyzer): Map<number, { command: string; flavor: RedisFlavor }> {
  const helpers = new Map<number, { command: string; flavor: RedisFlavor }>();
  for (const call of a.redisCalls) {
    const scope = isHelperRead(call) ? a.scopes.enclosing(call.tokenIndex, ['function']) : -1;
    if (scope > 0 && !helpers.has(scope)) {
      helpers.set(scope, { command: call.command, flavor: call.flavor });
    }
  }
  return helpers;
}

/** This file's calls of other modules' one-key Redis read helpers that run once per element of a loop and wait for each reply. */
export function importedRedisReadsPerElement(a: CodeAnalyzer): { name: number; command: string; flavor: RedisFlavor }[] {
  if (a.language.family !== 'js' && a.language.family !== 'python') {
    return [];
  }
  const found: { name: number; command: string; flavor: RedisFlavor }[] = [];
  for (const [name, helper] of importedHelperCalls(a)) {
    if (helper.redisRead && !inTestCode(a, name) && waitsPerElement(a, name)) {
      found.push({ name, ...helper.redisRead });
    }
  }
  return found;
}
