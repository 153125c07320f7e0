/** A Redis per-key command inside a loop: one network round trip per key where one batch would do. */
import { RedisCall, RedisFlavor } from '../model';
import { HintRule, normalizeName } from '../types';
import { Check } from './context';
import { isHelperRead, isPerKey } from '../code/redisReadHelpers';

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
 * Reported where the loop waits: at the command itself, or at each same-file call of a helper that reads one
 * key per call, with the helper's client's examples.
 */
export const redisCommandInLoop: Check = (rule, context) => {
  const commands = loopCommandsOf(rule);
  for (const call of context.model.redisCalls) {
    // A test that seeds its server key by key costs that test only.
    if (!commands.has(call.command) || call.inTest === true) {
      continue;
    }
    if (waitsEachIteration(call)) {
      context.report(rule, call.name);
    } else if (isHelperRead(call)) {
      for (const caller of context.model.scopes.waitingCallers(call.tokenIndex, 'redis-command')) {
        context.report(rule, caller, undefined, undefined, undefined, undefined, call.flavor);
      }
    }
  }
  // In workspace mode, the calls of another module's one-key read helpers (`this.cache.get(id)` per element).
  for (const read of context.model.scopes.importedRedisReadsPerElement()) {
    if (commands.has(read.command)) {
      context.report(rule, read.name, undefined, undefined, undefined, undefined, read.flavor);
    }
  }
};
