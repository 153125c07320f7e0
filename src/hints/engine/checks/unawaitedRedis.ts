/** A redis.asyncio command whose statement drops its coroutine (`code/unawaitedRedis.ts`): the command is never sent. */
import { Check } from './context';

export const redisCommandNotAwaited: Check = (rule, context) => {
  for (const call of context.model.redisCalls) {
    if (call.neverAwaited) {
      context.report(rule, call.name, undefined, `This ${call.command.toUpperCase()} is never awaited: redis.asyncio sends a command only when its coroutine is awaited, so this statement makes the coroutine and drops it, and the command never runs. Write await before the call.`);
    }
  }
};
