/** A Redis per-key command inside a loop: one network round trip per key where one batch would do. */
import { RedisCall } from '../model';
import { normalizeName } from '../types';
import { Check } from './context';

/**
 * A single-key command in each iteration of a loop statement: not queued on a pipeline or MULTI, and
 * not spreading a batch of keys (`unlink(...keys)` in a SCAN loop is the right shape). Iterating
 * callbacks (`keys.map(...)`) are not loop statements: their calls start together.
 */
export function isPerKeyInLoop(call: RedisCall): boolean {
  return call.inLoopStatement && !call.batched && !/^(?:\.\.\.|\*)/.test(call.argsText);
}

/** Whether each iteration waits for the reply: a blocking redis-py call, or an awaited one. */
function waitsEachIteration(call: RedisCall): boolean {
  return isPerKeyInLoop(call) && (call.flavor === 'redis-py' || call.awaited);
}

export const redisCommandInLoop: Check = (rule, context) => {
  const flagged = new Set((rule.diagnostic?.commands ?? []).map(normalizeName));
  const matched = new Set((rule.match.redis?.commands ?? []).map(normalizeName));
  for (const call of context.model.redisCalls) {
    if (flagged.has(call.command) && matched.has(call.command) && waitsEachIteration(call)) {
      context.report(rule, call.name);
    }
  }
};
