/** A Redis per-key command inside a loop: one network round trip per key where one batch would do. */
import { RedisCall, RedisFlavor } from '../model';
import { HintRule, normalizeName } from '../types';
import { Check } from './context';

/**
 * A single-key command: not queued on a pipeline or MULTI, not spreading a batch of keys
 * (`unlink(...keys)` in a SCAN loop is the right shape), and not given a page's array in a cursor or page loop.
 */
function isPerKey(call: RedisCall): boolean {
  // A spread of a batch: `...keys` (JavaScript), `*keys` (Python), `keys...` (Go).
  return !call.batched && call.batchPerRound !== true && !/^(?:\.\.\.|\*)|\.\.\.$/.test(call.argsText);
}

/**
 * Clients whose commands block until the reply comes: redis-py, go-redis, redigo's `Do`, rueidis's `Do`, Valkey GLIDE's
 * synchronous Python client, Jedis, Lettuce's sync commands, Spring's RedisTemplate, Redisson's synchronous methods
 * (its async ones are named `...Async`), and StackExchange.Redis's synchronous methods (its `...Async` ones are non-blocking).
 */
const BLOCKING_FLAVORS = new Set<RedisFlavor>(['redis-py', 'go-redis', 'redigo', 'rueidis', 'glide-sync', 'jedis', 'lettuce', 'spring-data-redis', 'redisson', 'stackexchange-redis']);

/**
 * Whether each iteration waits for the reply: an awaited command in a loop statement, or a blocking
 * client's command in a loop statement or in an iterating callback (`ids.forEach(id -> jedis.del(id))`
 * runs one command after the other). A non-blocking client's commands in a callback start together, and
 * Lettuce's async and reactive commands in a loop go out one after the other without waiting for replies
 * (Lettuce "Pipelining and command flushing": commands are written as they are invoked, replies read apart).
 */
function waitsEachIteration(call: RedisCall): boolean {
  const blocking = BLOCKING_FLAVORS.has(call.flavor) && call.nonBlocking !== true;
  return isPerKey(call) && (call.inLoopStatement ? blocking || call.awaited : blocking && call.inLoop);
}

/** Per rule, the commands it both flags in a loop and matches: fixed by the rule, so made once. */
const loopCommands = new WeakMap<HintRule, Set<string>>();

function loopCommandsOf(rule: HintRule): Set<string> {
  let commands = loopCommands.get(rule);
  if (!commands) {
    const matched = new Set((rule.match.redis?.commands ?? []).map(normalizeName));
    commands = new Set((rule.diagnostic?.commands ?? []).map(normalizeName).filter((command) => matched.has(command)));
    loopCommands.set(rule, commands);
  }
  return commands;
}

/**
 * Whole lists, sorted sets, sets and hash fields or values (LRANGE and ZRANGE from 0 to -1 only, the others
 * recorded: `code/redisRanges.ts`): one per key of a KEYS or SCAN reply is a round trip per key, which a pipeline saves.
 */
const WHOLE_COLLECTION_READS = ['lrange', 'zrange', 'zrevrange', 'zrangewithscores', 'zrevrangewithscores', 'smembers', 'hkeys', 'hvals'];

/**
 * Reads a helper may send per call (a cache layer's `getUser(id)`): a loop over them reads keys one by one
 * where one MGET, HMGET or pipeline would do. A helper that writes is left alone: a loop that renders or
 * computes each value before storing it spends its time there, not on the round trip.
 */
const READS = new Set(['get', 'hget', 'hgetall', 'exists', 'sismember', 'zscore', 'geopos', ...WHOLE_COLLECTION_READS]);

/**
 * Reported where the loop waits: at the command itself, or at each same-file call of a helper that reads one
 * key per call, with the helper's client's examples.
 */
export const redisCommandInLoop: Check = (rule, context) => {
  if (context.model.redisCalls.length === 0) {
    return;
  }
  const commands = loopCommandsOf(rule);
  for (const call of context.model.redisCalls) {
    // A test that seeds its server key by key costs that test only.
    if (!commands.has(call.command) || call.inTest === true) {
      continue;
    }
    if (waitsEachIteration(call)) {
      context.report(rule, call.name);
    } else if (!call.inLoop && isPerKey(call) && READS.has(call.command)) {
      for (const caller of context.model.scopes.waitingCallers(call.tokenIndex, 'redis-command')) {
        context.report(rule, caller, undefined, undefined, undefined, undefined, call.flavor);
      }
    }
  }
};
