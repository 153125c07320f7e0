/** A Redis per-key command inside a loop: one network round trip per key where one batch would do. */
import { RedisCall } from '../model';
import { normalizeName } from '../types';
import { Check } from './context';

/**
 * Whether each iteration waits for this command's reply before the next one starts: a blocking
 * redis-py call, or an awaited call, in the body of a loop statement. Calls made from an iterating
 * callback (`keys.map(...)`) start together and are not waited for one by one.
 */
function waitsEachIteration(call: RedisCall): boolean {
  return call.inLoopStatement && !call.batched && (call.flavor === 'redis-py' || call.awaited);
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
