/**
 * Clients made anew in each iteration of a loop (`Jedis node = new Jedis(host, port)` for each sentinel node): each
 * command goes to its own client, so the loop has nothing one batch could carry. Likewise an iteration that takes a
 * lock for its element (`RLock lock = redisson.getLock("lock:" + id); lock.lock(); ... lock.unlock();`): its commands
 * run under that lock, one element at a time; and a command whose key is the same in every iteration
 * (`for (frame in incoming) { commands.get("matched:$uid") }`): a poll per message, no keys to batch. A loop over a
 * range read of one index (`for domain in await r.zrange(key, 0, 0):`) runs at most once: nothing to batch either.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { walksElements } from './loops';
import { RANGE_READS } from './redisRanges';
import { TOKEN_KIND } from '../lexer';

/** A Kotlin string template's placeholders: `$name`, and the names of `${expression}`. */
const KOTLIN_PLACEHOLDER = /\$(?:([A-Za-z_]\w*)|\{([^}]*)\})/g;
const NAME = /[A-Za-z_]\w*/g;
/** The words that open a loop statement, and how far back from its body the word is looked for. */
const LOOP_WORDS = new Set(['for', 'while', 'do', 'foreach']);
const MAX_HEAD_STEPS = 64;

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

/**
 * Whether the arguments in `(open, close)` of a command in the loop over elements `loop` are the same in every iteration: literals joined or not,
 * and names bound before the loop that its body never assigns, also as a Kotlin template's placeholders
 * (`"matched:$uid"`). A call, a member read, another language's interpolation or a name bound nowhere may change.
 */
export function sameKeyEachIteration(a: CodeAnalyzer, open: number, close: number, loop: number): boolean {
  // Only a loop statement over elements (messages, frames) that the command does not name; a counted or conditional
  // loop repeats its command, and a command without arguments (Redisson's `getBucket(key).delete()`) names its key before.
  if (close <= open + 1 || a.scopes.kind(loop) !== 'loop' || !walksElements(a, loop)) {
    return false;
  }
  const names: { name: string; at: number }[] = [];
  for (let k = open + 1; k < close; k++) {
    if (a.isString(k) && a.tokens.interpolated(k)) {
      if (a.language.id !== 'kotlin') {
        return false;
      }
      for (const [, bare, expression] of a.tokens.text(k).matchAll(KOTLIN_PLACEHOLDER)) {
        const within = bare ?? expression;
        if (bare === undefined && !/^\s*[A-Za-z_]\w*\s*$/.test(within)) {
          return false;
        }
        names.push(...[...within.matchAll(NAME)].map(([name]) => ({ name, at: k })));
      }
    } else if (a.isId(k)) {
      if (a.isAccess(k - 1) || a.is(k + 1, '(') || a.isAccess(k + 1)) {
        return false;
      }
      names.push({ name: a.tokens.text(k), at: k });
    } else if (!a.isString(k) && !a.is(k, ',') && !a.is(k, '+') && !/^\d/.test(a.tokens.text(k))) {
      return false;
    }
  }
  const [start, end] = a.scopes.range(loop);
  return names.every(({ name, at }) => {
    const binding = a.scopes.lookup(name, at);
    // A loop's element (`for (key in keys)`) is bound in its head, which may sit before the body's scope.
    return binding !== undefined && binding.element !== true && binding.token < loopHead(a, start) && !assignedWithin(a, name, start, end);
  });
}

/** The first token of the loop statement whose body's scope starts at `start`: its keyword, before any parenthesised head. */
function loopHead(a: CodeAnalyzer, start: number): number {
  let k = start;
  for (let steps = 0; k > 0 && steps < MAX_HEAD_STEPS && !(a.isId(k) && LOOP_WORDS.has(a.tokens.text(k))); steps++) {
    k = a.is(k - 1, ')') ? a.partner[k - 1] : k - 1;
  }
  return a.isId(k) && LOOP_WORDS.has(a.tokens.text(k)) ? k : start;
}

/** Whether the tokens `[start, end)` assign the bare name (`key = next()`, `key += 1`). */
function assignedWithin(a: CodeAnalyzer, name: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1) && (a.is(k + 1, '=') || a.is(k + 1, '+=') || a.is(k + 1, '-=') || a.is(k + 1, '++') || a.is(k + 1, '--'))) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the loop statement `loop` walks the reply of a range read of one index, Python's `for x in [await]
 * r.zrange(key, 0, 0):` or JavaScript's `for (const x of await redis.lrange(key, 3, 3))`: at most one element.
 */
export function overOneIndex(a: CodeAnalyzer, loop: number): boolean {
  const python = a.language.family === 'python';
  const keyword = a.scopes.kind(loop) === 'loop' && (python || a.language.family === 'js') ? loopHead(a, a.scopes.start(loop)) : -1;
  if (keyword < 0 || !a.idIs(keyword, 'for')) {
    return false;
  }
  let k = python ? keyword + 1 : keyword + 2;
  for (let steps = 0; steps < MAX_HEAD_STEPS && k < a.tokens.length && !a.idIs(k, python ? 'in' : 'of'); steps++) {
    k = a.skipGroup(k);
  }
  let method = a.idIs(k + 1, 'await') ? k + 2 : k + 1;
  while (a.isId(method) && a.isAccess(method + 1) && a.isId(method + 2)) {
    method += 2;
  }
  const close = a.is(method + 1, '(') ? a.partner[method + 1] : -1;
  if (close < 0 || !a.is(close + 1, python ? ':' : ')') || !RANGE_READS.has((a.id(method) ?? '').toLowerCase())) {
    return false;
  }
  const [, first, last] = segments(a, method + 1);
  const index = (segment: [number, number] | undefined): string => (segment && segment[1] === segment[0] + 1 && a.tokens.kinds[segment[0]] === TOKEN_KIND.NUM ? a.tokens.text(segment[0]) : '');
  return index(first) !== '' && index(first) === index(last);
}
