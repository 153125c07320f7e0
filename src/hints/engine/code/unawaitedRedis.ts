/**
 * redis-py's asyncio client (`redis.asyncio`, `valkey.asyncio`) sends a command only when its coroutine is awaited:
 * a statement that calls `await`-less `r.set(key, value)` makes the coroutine and drops it, so the command never runs
 * (Python's asyncio docs: a coroutine called but not awaited "won't run at all"). Read where the call is the whole
 * statement (its result not assigned, returned, passed on or gathered), on a client read as redis-py's asyncio one
 * (made here, or imported from a module of the project that makes it), in a file that does not import aioredis, whose
 * 1.x commands are sent at the call. A pipeline's commands are queued, not sent, and are left alone.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';

/** An import of aioredis, whose 1.x commands are sent at the call. */
const AIOREDIS_IMPORT = /^[ \t]*(?:import[ \t]+aioredis\b|from[ \t]+aioredis\b)/m;

/** Whether the call of a command from `receiverStart` to `close` is a statement of its own that drops its coroutine. */
export function dropsCoroutine(a: CodeAnalyzer, receiverStart: number, close: number): boolean {
  if (a.language.family !== 'python' || importsAioredis(a)) {
    return false;
  }
  const next = close + 1;
  // A statement of its own: it starts its line outside any bracket (not an argument of `asyncio.create_task(`
  // written over lines) and nothing follows the call on its line.
  return a.startsLine(receiverStart) && a.parent[receiverStart] < 0 && (next >= a.tokens.length || a.startsLine(next) || a.is(next, ';'));
}

const aioredisFiles = new FileMemo<'aioredis', boolean>();

function importsAioredis(a: CodeAnalyzer): boolean {
  return aioredisFiles.get(a, 'aioredis', () => AIOREDIS_IMPORT.test(a.text));
}
