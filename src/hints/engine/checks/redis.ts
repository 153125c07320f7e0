/** Checks on Redis client calls. */
import { keysToScanFix } from '../fixes';
import { RedisCall, sameKeyInFunction } from '../model';
import { REDIS_COUNTER_COMMANDS, REDIS_COLLECTION_WRITE_COMMANDS } from '../services';
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

const COUNTER_MESSAGE =
  'This INCR creates the key without a TTL, and an EXPIRE of the same key follows as a separate command. If the client fails between the two, the counter is left without a TTL and never removed (a rate limit keyed this way may never reset). Send both in one MULTI/EXEC transaction or a script.';

const COLLECTION_MESSAGE =
  'This write (HSET, SADD, ZADD, LPUSH) may create its key without a TTL, and an EXPIRE of the same key follows as a separate command. If the client fails between the two, the key is left without a TTL and never removed. These commands take no TTL: send both in one MULTI/EXEC transaction (a transactional pipeline) or a script.';

/**
 * A SET or SETNX that gives its key no TTL, or an INCR, HSET, SADD, ZADD or LPUSH that may create it, followed in the same function by an
 * EXPIRE of the same key that can run after it as a command of its own (not in another branch of the same if/else, not
 * after the write's block has returned: `markFollowingExpires`): if the client fails between the two, the key never expires,
 * a lock taken this way is never released, and a rate-limit counter never resets. Reported at the first
 * command, which can carry the TTL itself (`SET key value EX 60 NX`), or be sent with the EXPIRE in one
 * transaction. A counter whose TTL the function reads before an EXPIRE (`TTL` = -1, the usual repair) is handled. Calls queued on
 * a pipeline or in MULTI go out together, and tests load disposable servers.
 */
export const setThenExpire: Check = (rule, context) => {
  const keyed = context.model.redisCalls.filter((call) => call.keyed && !call.batched && call.inTest !== true);
  // Per function and key, whether the TTL is read: one pass, whatever the number of calls.
  const ttlRead = new Set<string>();
  for (const call of keyed) {
    // A repair reads the TTL, then sets one (`if r.ttl(key) == -1: r.expire(key, 60)`); a read after the EXPIRE only reports it.
    if (call.keyed!.ttl === 'read' && call.keyed!.expireFollows === true) {
      ttlRead.add(sameKeyInFunction(call.keyed!));
    }
  }
  // A client put in MULTI by a statement of its own queues what follows in its function (Lettuce, RedisTemplate):
  // per function and client, the first such MULTI.
  const multis = new Map<string, number>();
  for (const call of context.model.redisCalls) {
    if (call.opensTransactionIn !== undefined) {
      const key = `${call.opensTransactionIn}\u0000${call.receiver}`;
      multis.set(key, Math.min(multis.get(key) ?? call.tokenIndex, call.tokenIndex));
    }
  }
  // The call's client, or one it reaches through (`redisTemplate.opsForValue()` after `redisTemplate.multi()`).
  const queued = (call: RedisCall): boolean => {
    const parts = call.receiver.split('.');
    for (let n = parts.length; n > 0 && multis.size > 0; n--) {
      const opened = multis.get(`${call.keyed!.scope}\u0000${parts.slice(0, n).join('.')}`);
      if (opened !== undefined && opened < call.tokenIndex) {
        return true;
      }
    }
    return false;
  };
  for (const first of keyed) {
    const counter = REDIS_COUNTER_COMMANDS.has(first.command);
    if (first.keyed!.ttl === 'none' && first.keyed!.expireFollows === true && !(counter && ttlRead.has(sameKeyInFunction(first.keyed!))) && !queued(first)) {
      context.report(rule, first.name, undefined, counter ? COUNTER_MESSAGE : REDIS_COLLECTION_WRITE_COMMANDS.has(first.command) ? COLLECTION_MESSAGE : undefined);
    }
  }
};
