/** A Redis per-key command inside a loop: one network round trip per key where one batch would do. */
import { normalizeName } from '../types';
import { Check } from './context';

export const redisCommandInLoop: Check = (rule, context) => {
  const scopes = context.model.scopes;
  if (!scopes.inLoop) {
    return;
  }
  const flagged = new Set((rule.diagnostic?.commands ?? []).map(normalizeName));
  const matched = new Set((rule.match.redis?.commands ?? []).map(normalizeName));
  for (const call of context.model.redisCalls) {
    // Commands queued on a pipeline or MULTI are sent together: that is the fix, not the problem.
    if (!call.batched && flagged.has(call.command) && matched.has(call.command) && scopes.inLoop(call.tokenIndex)) {
      context.report(rule, call.name);
    }
  }
};
