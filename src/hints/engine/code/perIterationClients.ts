/**
 * Clients made anew in each iteration of a loop (`Jedis node = new Jedis(host, port)` for each sentinel node): each
 * command goes to its own client, so the loop has nothing one batch could carry. Likewise an iteration that takes a
 * lock for its element (`RLock lock = redisson.getLock("lock:" + id); lock.lock(); ... lock.unlock();`): its commands
 * run under that lock, one element at a time.
 */
import type { CodeAnalyzer } from './analyzer';

/**
 * Whether the receiver is a bare name bound inside the loop body `loop` to a construction (`new Jedis(host, port)`,
 * `redis.Redis(host=h)`, `redis.NewClient(...)`, `createClient(...)`): a client made per iteration.
 */
export function madeInLoop(a: CodeAnalyzer, receiverStart: number, index: number, loop: number): boolean {
  if (receiverStart !== index - 2 || !a.isId(receiverStart)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(receiverStart), receiverStart);
  const [start, end] = a.scopes.range(loop);
  const at = binding?.expression ?? -1;
  if (!binding || binding.token <= start || binding.token >= end || binding.token >= receiverStart || at < 0) {
    return false;
  }
  let k = a.idIs(at, 'new') ? at + 1 : at;
  while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2)) {
    k += 2;
  }
  const callee = a.isId(k) && a.is(k + 1, '(') ? a.tokens.text(k) : '';
  return callee !== '' && (a.idIs(at, 'new') || /^[A-Z]/.test(callee) || callee === 'createClient');
}

/** The methods that take a lock: Redisson's and java.util.concurrent's `lock()`, `tryLock(...)`, `lockInterruptibly()`. */
const LOCKS = new Set(['lock', 'tryLock', 'lockInterruptibly']);
/** Tokens before a command searched for the lock. */
const MAX_LOCK_DISTANCE = 400;

/** Whether the body of the loop `loop` takes a lock (`lock.lock()`, `lock.tryLock(5, TimeUnit.SECONDS)`) before `index`. */
export function lockedPerIteration(a: CodeAnalyzer, index: number, loop: number): boolean {
  // Looked for near the command only, so that a long loop with many commands stays linear.
  const start = Math.max(a.scopes.range(loop)[0], index - MAX_LOCK_DISTANCE);
  for (let k = start; k < index; k++) {
    if (a.isAccess(k - 1) && LOCKS.has(a.id(k) ?? '') && a.is(k + 1, '(')) {
      return true;
    }
  }
  return false;
}
