/**
 * Whether a loop ends once a call succeeds: the call's statement returns it or is followed, in its own block, by
 * `return` or `break`, so the loop retries the call rather than sending it per element.
 */
import type { CodeAnalyzer } from './analyzer';

/** The statements that leave a loop once a call succeeds. */
export const LOOP_EXITS = ['return', 'break'];

/**
 * Whether the statement of a call returns it, or is followed, in its own block, by `return` or `break`: the loop around it
 * ends once the command succeeds (`for attempt in range(3): try: r.set(k, v); break`), so it retries the
 * commands rather than sending them per element. A later statement of the same block may be the exit
 * (`await redis.del(key); found = true; break;`, Python's run of deletes before `return`), unless a `continue`
 * may skip it.
 */
export function leavesLoopAfter(a: CodeAnalyzer, receiverStart: number, close: number): boolean {
  const next = a.is(close + 1, ';') ? close + 2 : close + 1;
  // Only a block inside a loop statement of the call's own function can leave it: a `return` ends a callback
  // run per element (`forEach`), and after a braceless loop's body (`foreach (...) Del(k); return;`) it ends
  // the function once the loop is done.
  const loop = a.scopes.enclosing(receiverStart, ['loop', 'function']);
  const block = a.parent[receiverStart];
  const python = a.language.family === 'python';
  const inOwnLoop = loop > 0 && a.scopes.kind(loop) === 'loop' && (python || block >= a.scopes.start(loop));
  // `return await redis.get(keys[0]);`: the call is what the loop's function returns, so it runs once.
  if (inOwnLoop && a.idIs(a.idIs(receiverStart - 1, 'await') ? receiverStart - 2 : receiverStart - 1, 'return')) {
    return true;
  }
  if (!python) {
    return inOwnLoop && exitsBlockAfter(a, block, next);
  }
  // A later statement of the call's own block may be the exit (`r.delete(a)`, `r.delete(b)`, `return result`), unless
  // the block ends first or a `continue` may skip it.
  const indent = a.lines.indentation(a.lines.lineOf(a.tokens.starts[receiverStart]));
  const end = Math.min(a.tokens.length, next + MAX_EXIT_DISTANCE);
  for (let k = next; k < end; k++) {
    if (!a.startsLine(k) || a.parent[k] !== a.parent[receiverStart]) {
      continue;
    }
    const level = a.lines.indentation(a.lines.lineOf(a.tokens.starts[k]));
    if (level < indent || a.idIs(k, 'continue')) {
      return false;
    }
    if (level === indent && a.tokens.isOneOf(k, LOOP_EXITS)) {
      return true;
    }
  }
  return false;
}

/** How many tokens after a call are read for the exit of its block: a few statements, and linear whatever the file. */
const MAX_EXIT_DISTANCE = 64;

/** Whether a braced block is the body of a `switch` or Go's `select`, whose `break` leaves that statement only. */
function switchBody(a: CodeAnalyzer, block: number): boolean {
  for (let k = block - 1, steps = 0; k >= 0 && steps < 16 && !a.is(k, ';') && !a.is(k, '{') && !a.is(k, '}'); steps++) {
    if (a.idIs(k, 'switch') || a.idIs(k, 'select')) {
      return true;
    }
    k = a.partner[k] >= 0 && a.partner[k] < k ? a.partner[k] - 1 : k - 1;
  }
  return false;
}

/** Whether a statement of the braced block `block` from `from` on leaves the loop (`return`, `throw`, a `break` not of a `switch`). */
function exitsBlockAfter(a: CodeAnalyzer, block: number, from: number): boolean {
  const end = block >= 0 && a.is(block, '{') ? Math.min(a.partner[block], from + MAX_EXIT_DISTANCE) : -1;
  const inSwitch = end > 0 && switchBody(a, block);
  for (let k = from; k < end; k++) {
    if (a.idIs(k, 'continue')) {
      return false;
    }
    const statement = a.parent[k] === block && (k === from || a.is(k - 1, ';') || a.is(k - 1, '}') || a.startsLine(k));
    if (statement && (a.idIs(k, 'return') || a.idIs(k, 'throw') || (a.idIs(k, 'break') && !inSwitch))) {
      return true;
    }
  }
  return false;
}

