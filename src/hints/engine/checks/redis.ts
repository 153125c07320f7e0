/** Checks on Redis client calls. */
import { keysToScanFix } from '../fixes';
import { RedisCall } from '../model';
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

/** Commands that create a counter: the finding says what to do instead of a SET with EX. */
const COUNTERS = new Set(['incr', 'incrby']);

const COUNTER_MESSAGE =
  'This INCR creates the key without a TTL, and an EXPIRE of the same key follows as a separate command. If the client fails between the two, the counter is left without a TTL and never removed (a rate limit keyed this way may never reset). Send both in one MULTI/EXEC transaction or a script.';

/**
 * A SET or SETNX that gives its key no TTL, or an INCR that may create it, followed in the same function by an
 * EXPIRE of the same key as a command of its own: if the client fails between the two, the key never expires,
 * a lock taken this way is never released, and a rate-limit counter never resets. Reported at the first
 * command, which can carry the TTL itself (`SET key value EX 60 NX`), or be sent with the EXPIRE in one
 * transaction. A counter whose TTL the function reads (`TTL` = -1, the usual repair) is handled. Calls queued on
 * a pipeline or in MULTI go out together, and tests load disposable servers.
 */
export const setThenExpire: Check = (rule, context) => {
  const keyed = context.model.redisCalls.filter((call) => call.keyed && !call.batched && call.inTest !== true);
  const sameKey = (one: RedisCall, other: RedisCall): boolean => one.keyed!.scope === other.keyed!.scope && one.keyed!.key === other.keyed!.key;
  for (const first of keyed.filter((call) => call.keyed!.ttl === 'none')) {
    const counter = COUNTERS.has(first.command);
    const expire = keyed.find((call) => call.keyed!.ttl === 'expire' && call.tokenIndex > first.tokenIndex && sameKey(call, first));
    if (expire && !(counter && keyed.some((call) => call.keyed!.ttl === 'read' && sameKey(call, first)))) {
      context.report(rule, first.name, undefined, counter ? COUNTER_MESSAGE : undefined);
    }
  }
};
