/**
 * JavaScript and TypeScript: a Redis command that takes a whole array of keys or members in one call
 * (`redis.del(keys)`, `client.sAdd(set, ids.map(toMember))`; ioredis flattens array arguments and node-redis
 * takes arrays), inside a loop that repeats until a condition, such as a SCAN cursor loop or a loop over
 * the pages of an API. Such a loop sends one command per page, not one per key.
 */
import type { CodeAnalyzer } from './analyzer';
import { elementLoopAround } from './loops';
import { FileMemo } from './fileMemo';

/** Array methods whose result is a new array. */
const ARRAY_RESULTS = new Set(['map', 'filter', 'flatMap', 'flat', 'slice', 'concat']);
/** `Array.from(...)`, `Object.keys(...)`, `Object.values(...)`. */
const ARRAY_FACTORIES = new Map([
  ['Array', new Set(['from', 'of'])],
  ['Object', new Set(['keys', 'values'])],
]);
/** Commands whose reply holds a page of keys or members: `[cursor, keys]` or node-redis's `{ cursor, keys }`. */
const SCANS = new Set(['scan', 'sscan', 'zscan', 'hscan', 'sScan', 'zScan', 'hScan']);

/**
 * Whether a command call, whose argument list runs from `open` to its partner, passes a whole batch while the
 * innermost loop around it repeats until a condition.
 */
export function sendsBatchPerRound(a: CodeAnalyzer, open: number): boolean {
  const loop = innermostLoop(a, open);
  if (loop < 0 || !repeatsUntilCondition(a, loop, open)) {
    return false;
  }
  const close = a.partner[open];
  for (let k = open + 1; k < close; ) {
    const end = argumentEnd(a, k, close);
    if (isBatch(a, k, end) || (end === k + 1 && a.isId(k) && boundToBatchBefore(a, loop, a.tokens.text(k), k)) || readsPageOfReply(a, k, end, loopBatches.get(a, loop, () => batchBindings(a, loop)))) {
      return true;
    }
    k = end + 1;
  }
  return false;
}

/** The innermost loop statement around a token within its function, or -1. */
function innermostLoop(a: CodeAnalyzer, token: number): number {
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      return scope;
    }
    if (kind === 'function') {
      return -1;
    }
  }
  return -1;
}

/** `do { … } while (…)`, whose scope starts at its block, or a loop that `elementLoopAround` finds walks no elements. */
function repeatsUntilCondition(a: CodeAnalyzer, loop: number, token: number): boolean {
  const start = a.scopes.start(loop);
  return (a.is(start, '{') && a.idIs(start - 1, 'do')) || elementLoopAround(a, token) === -1;
}

/** The token after an argument that starts at `from`: the next top-level `,` or the closing parenthesis. */
function argumentEnd(a: CodeAnalyzer, from: number, close: number): number {
  let k = from;
  while (k < close && !a.is(k, ',')) {
    k = a.skipGroup(k);
  }
  return k;
}

/**
 * Whether tokens [from, to) are an expression that is an array: an array literal that spreads another
 * (`[...keys]`), or a member chain whose last call makes a new array (`ids.map(toKey)`, `Object.keys(map)`).
 */
function isBatch(a: CodeAnalyzer, from: number, to: number): boolean {
  const start = a.idIs(from, 'await') ? from + 1 : from;
  if (a.is(start, '[') && a.partner[start] === to - 1) {
    return a.tokens.isSpread(start + 1);
  }
  let lastCall = -1;
  for (let k = start; k < to; ) {
    if (a.isId(k) && a.is(k + 1, '(')) {
      lastCall = k;
      k = a.skipGroup(k + 1);
    } else if (a.isId(k) || a.isAccess(k)) {
      k++;
    } else if (a.is(k, '[') || a.is(k, '!')) {
      k = a.skipGroup(k);
    } else {
      return false;
    }
  }
  if (lastCall < 0 || a.partner[lastCall + 1] !== to - 1) {
    return false;
  }
  const method = a.tokens.text(lastCall);
  if (lastCall > start && a.isAccess(lastCall - 1) && ARRAY_RESULTS.has(method)) {
    return true;
  }
  return lastCall === start + 2 && a.isAccess(start + 1) && ARRAY_FACTORIES.get(a.tokens.text(start))?.has(method) === true;
}

/** Per loop, read once: the names its body binds to a batch, each with the token that binds it. */
const loopBatches = new FileMemo<number, ReadonlyMap<string, number>>();

function boundToBatchBefore(a: CodeAnalyzer, loop: number, name: string, token: number): boolean {
  const bound = loopBatches.get(a, loop, () => batchBindings(a, loop)).get(name);
  return bound !== undefined && bound < token;
}

/** The reply names a loop's body binds whole to a page (`const result = await client.scan(...)`), under a prefix of their own. */
const REPLY_PREFIX = '\u0000reply:';

/**
 * Tokens [from, to) read the page of keys of a SCAN reply held whole before them in the loop: node-redis's
 * `result.keys`, ioredis's `result[1]`.
 */
function readsPageOfReply(a: CodeAnalyzer, from: number, to: number, batches: ReadonlyMap<string, number>): boolean {
  const keysOf = to === from + 3 && a.isId(from) && a.isAccess(from + 1) && a.idIs(from + 2, 'keys');
  const second = to === from + 4 && a.isId(from) && a.is(from + 1, '[') && a.tokens.text(from + 2) === '1' && a.is(from + 3, ']');
  const bound = keysOf || second ? batches.get(REPLY_PREFIX + a.tokens.text(from)) : undefined;
  return bound !== undefined && bound < from;
}

/**
 * `const ids = page.items.map(...)`, `[cursor, keys] = await redis.scan(...)` and
 * `const { cursor, keys } = await client.scan(...)` in a loop's body.
 */
function batchBindings(a: CodeAnalyzer, loop: number): Map<string, number> {
  const names = new Map<string, number>();
  const [start, end] = a.scopes.range(loop);
  for (let k = start; k < end; k++) {
    if (!a.is(k, '=') || a.is(k + 1, '=')) {
      continue;
    }
    const valueEnd = statementEnd(a, k + 1, end);
    if (a.isId(k - 1) && isBatch(a, k + 1, valueEnd)) {
      names.set(a.tokens.text(k - 1), k);
    } else if (a.isId(k - 1) && scansAPage(a, k + 1, valueEnd)) {
      names.set(REPLY_PREFIX + a.tokens.text(k - 1), k);
    } else if (a.isId(k - 1) && readsPageOfReply(a, k + 1, valueEnd, names)) {
      // `const keys = result.keys;`: the page the reply held before holds.
      names.set(a.tokens.text(k - 1), k);
    } else if ((a.is(k - 1, ']') || a.is(k - 1, '}')) && scansAPage(a, k + 1, valueEnd)) {
      const keys = pageKeysName(a, a.partner[k - 1]);
      if (keys) {
        names.set(keys, k);
      }
    }
  }
  return names;
}

/** The token after an assigned value: a top-level `;` or the first token of the next line. */
function statementEnd(a: CodeAnalyzer, from: number, end: number): number {
  let k = from;
  while (k < end && !a.is(k, ';') && (k === from || !a.startsLine(k))) {
    k = a.skipGroup(k);
  }
  return k;
}

/** `await redis.scan(cursor, ...)`: a SCAN-family call, awaited, as the whole value. */
function scansAPage(a: CodeAnalyzer, from: number, to: number): boolean {
  if (!a.idIs(from, 'await')) {
    return false;
  }
  const close = to - 1;
  const open = a.is(close, ')') ? a.partner[close] : -1;
  return open > from + 2 && a.isAccess(open - 2) && SCANS.has(a.id(open - 1) ?? '');
}

/** The name a destructuring pattern gives the page's keys: the second element of `[cursor, keys]`, or `keys` of `{ cursor, keys }`. */
function pageKeysName(a: CodeAnalyzer, open: number): string | undefined {
  const close = a.partner[open];
  if (a.is(open, '[')) {
    const comma = argumentEnd(a, open + 1, close);
    return comma + 2 === close && a.isId(comma + 1) ? a.tokens.text(comma + 1) : undefined;
  }
  for (let k = open + 1; k < close; k = argumentEnd(a, k, close) + 1) {
    if (a.idIs(k, 'keys')) {
      if (a.is(k + 1, ':') && a.isId(k + 2)) {
        return a.tokens.text(k + 2);
      }
      return a.is(k + 1, ',') || k + 1 === close ? 'keys' : undefined;
    }
  }
  return undefined;
}
