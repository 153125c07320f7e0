/** Checks on Redis client calls. */
import { keysToScanFix } from '../fixes';
import { normalizeName } from '../types';
import { Check } from './context';

export const redisCommand: Check = (rule, context) => {
  const flagged = new Set((rule.diagnostic?.commands ?? []).map(normalizeName));
  const matched = new Set((rule.match.redis?.commands ?? []).map(normalizeName));
  for (const call of context.model.redisCalls) {
    // KEYS and FLUSHALL in a test or its set-up load a disposable server, not a shared cache.
    if (flagged.has(call.command) && matched.has(call.command) && call.inTest !== true) {
      context.report(rule, call.name, rule.fix?.kind === 'keys-to-scan' ? keysToScanFix(call, context.language) : undefined);
    }
  }
};
