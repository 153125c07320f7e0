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

/**
 * A SET or SETNX that gives its key no TTL, followed in the same function by an EXPIRE of the same key as a
 * command of its own: if the client fails between the two, the key never expires, and a lock taken this way
 * is never released. Reported at the SET, which can carry the TTL itself (`SET key value EX 60 NX`). Calls
 * queued on a pipeline or in MULTI go out together, and tests load disposable servers.
 */
export const setThenExpire: Check = (rule, context) => {
  const keyed = context.model.redisCalls.filter((call) => call.keyed && !call.batched && call.inTest !== true);
  for (const set of keyed.filter((call) => call.keyed!.ttl === 'none')) {
    const { key, scope } = set.keyed!;
    const expire = keyed.find((call) => call.keyed!.ttl === 'expire' && call.tokenIndex > set.tokenIndex && call.keyed!.scope === scope && call.keyed!.key === key);
    if (expire) {
      context.report(rule, set.name);
    }
  }
};
