/** Where code runs once per element (loop bodies, iterating callbacks), and which calls a pagination marker pages. */
import type { CodeAnalyzer } from './analyzer';
import { countingWhile } from './countingWhiles';
import { FileMemo } from './fileMemo';
import { LOOP_EXITS } from './loopExits';
import { calledExpressionScope } from './languages/jsImmediateCalls';

/** Methods that call their callback once per element. */
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'each']);
/**
 * More of them, by language: C#'s LINQ projections, run one element after the other as the result is enumerated, and
 * `List<T>.ForEach`; Kotlin's collection functions (`ids.associateWith { redis.get(key(it)) }`).
 */
const LANGUAGE_ITERATING_METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  csharp: new Set(['Select', 'SelectMany', 'ForEach']),
  kotlin: new Set(['associate', 'associateBy', 'associateWith', 'mapNotNull', 'mapIndexed', 'mapIndexedNotNull', 'forEachIndexed', 'onEach', 'sumOf', 'filter', 'filterNot']),
};
/** ioredis key streams: each step yields an array of keys. */
const BATCH_STREAMS = new Set(['scanStream', 'sscanStream', 'hscanStream', 'zscanStream']);
/** node-redis key iterators: each step yields one key in v4 and an array of keys in v5. */
const VERSIONED_ITERATORS = new Set(['scanIterator', 'sScanIterator', 'hScanIterator', 'zScanIterator']);

/**
 * The scope a pagination marker belongs to: the innermost loop (not counting one whose head holds it)
 * or function around it (not one called where it is written), else the module. A marker pages the calls of that
 * loop or function only.
 */
export function markerAnchor(a: CodeAnalyzer, marker: number): number {
  for (let scope = a.scopes.scopeAt(marker); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if ((kind === 'function' && !calledInPlace(a, scope)) || (kind === 'loop' && !inLoopHead(a, a.scopes.start(scope), marker))) {
      return scope;
    }
  }
  return 0;
}

/**
 * The loops around a token, innermost first, up to and including its function (or the module). A function
 * written as the argument of a call that is not an iterating method (`await(() -> dynamo.scan(request))`,
 * `retry(() => client.send(command))`) runs where it is passed, so the chain goes on around that call.
 */
export function loopChain(a: CodeAnalyzer, token: number): number[] {
  const chain: number[] = [];
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      chain.push(scope);
    } else if (kind === 'function' && !calledInPlace(a, scope)) {
      chain.push(scope);
      if (!isPassedInline(a, scope)) {
        return chain;
      }
    }
  }
  chain.push(0);
  return chain;
}

/**
 * Whether a JavaScript function expression is called where it is written (`(() => { ... })()`, `(async function () {
 * ... })()`): its body runs in place, as part of the function around it.
 */
function calledInPlace(a: CodeAnalyzer, scope: number): boolean {
  if (a.language.family !== 'js') {
    return false;
  }
  let open = a.scopes.start(scope) - 1;
  open -= a.idIs(open, 'function') ? 1 : 0;
  open -= a.idIs(open, 'async') ? 1 : 0;
  return open >= 0 && calledExpressionScope(a, a.scopes, open) === scope;
}

/** Whether a function scope is an inline argument of a call (`f(() -> ...)`) other than an iterating method's. */
export function isPassedInline(a: CodeAnalyzer, scope: number): boolean {
  const open = a.parent[a.scopes.range(scope)[0]];
  return open > 0 && a.is(open, '(') && a.isId(open - 1) && !ITERATING_METHODS.has(a.id(open - 1) ?? '') && !a.idIs(open - 1, 'function');
}

/**
 * Whether the method named at `name` calls its callback once per element, in turn: not `Parallel.ForEach`,
 * whose calls run side by side.
 */
function iterates(a: CodeAnalyzer, name: number): boolean {
  const method = a.id(name) ?? '';
  return ITERATING_METHODS.has(method) || (LANGUAGE_ITERATING_METHODS[a.language.id]?.has(method) === true && !a.idIs(name - 2, 'Parallel'));
}

/** Whether a token is in the head of the loop that starts at `from` (`while (x.UnprocessedKeys.Count > 0)`), outside its body. */
function inLoopHead(a: CodeAnalyzer, from: number, token: number): boolean {
  if (a.is(from, '(')) {
    return token < a.partner[from];
  }
  return !a.is(from, '{') && a.lines.lineOf(a.tokens.starts[token]) === a.lines.lineOf(a.tokens.starts[from]);
}

/**
 * How a token runs once per element: in the body of a loop statement, or in an iterating callback
 * (whose calls start together, so they are not waited for one by one), within its own function;
 * undefined otherwise.
 */
export function loopKind(a: CodeAnalyzer, tokenIndex: number): 'statement' | 'callback' | undefined {
  return innermostLoop(a, tokenIndex)?.kind;
}

/** The loop `loopKind` finds around a token, with the scope of its body (the callback's function for a callback). */
export function innermostLoop(a: CodeAnalyzer, tokenIndex: number): { kind: 'statement' | 'callback'; scope: number } | undefined {
  for (let scope = a.scopes.scopeAt(tokenIndex); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop' || (kind === 'block' && a.language.family === 'python' && runsPerElement(a, scope, tokenIndex))) {
      return { kind: 'statement', scope };
    }
    if (kind === 'function') {
      const start = a.scopes.range(scope)[0];
      // A Kotlin lambda passed alone (`ids.forEach { id -> ... }`) is its own scope's first token.
      const alone = a.language.trailingLambdas === true && a.is(start, '{') && a.bodies[start] === 1;
      const open = alone ? start : a.parent[start];
      return open > 1 && (alone || a.is(open, '(')) && a.isAccess(open - 2) && iterates(a, open - 1) && !runsOnce(a, open) ? { kind: 'callback', scope } : undefined;
    }
  }
  return undefined;
}

/**
 * A Java method reference that is the whole argument of an iterating method (`items.forEach(table::putItem)`,
 * `ids.stream().map(this.table::getItem)`): the method it names is called once per element, in turn.
 */
export function perElementReference(a: CodeAnalyzer, name: number): boolean {
  const open = a.parent[name];
  if (a.language.family !== 'java' || !a.is(name - 1, '::') || open <= 1 || !a.is(open, '(') || a.partner[open] !== name + 1) {
    return false;
  }
  const iterating = a.id(open - 1) ?? '';
  if (!a.isAccess(open - 2) || !ITERATING_METHODS.has(iterating)) {
    return false;
  }
  if (runsOnce(a, open)) {
    return false;
  }
  // The receiver: `table`, `this.table` or `repo.table`, nothing else between `(` and `::`.
  for (let k = name - 2; k > open; k -= 2) {
    if (!a.isId(k) || (k - 1 > open && !a.isAccess(k - 1))) {
      return false;
    }
  }
  return true;
}

/**
 * Whether the Java `map` or `flatMap` whose arguments open at `open` runs its function once: that of an `Optional`,
 * a `Mono` or a Mutiny `Uni`; only a stream's runs per element. Kotlin's collections map per element.
 */
function runsOnce(a: CodeAnalyzer, open: number): boolean {
  return a.language.id === 'java' && (a.idIs(open - 1, 'map') || a.idIs(open - 1, 'flatMap')) && !streamPipeline(a, open - 3);
}

/** Calls that start a stream of elements: `ids.stream()`, `Arrays.stream(ids)`, Reactor's `Flux.fromIterable(ids)`. */
const STREAM_SOURCES = new Set(['stream', 'parallelStream', 'fromIterable', 'fromArray', 'fromStream']);
/** Types whose `of` and `just` start a stream of their arguments (`Stream.of(a, b)`), unlike `Optional.of`. */
const STREAM_TYPES = new Set(['Stream', 'IntStream', 'LongStream', 'Flux']);

/** Whether the call chain that ends at `end` (a `)`) is a stream pipeline: a stream source, then calls on it. */
function streamPipeline(a: CodeAnalyzer, end: number): boolean {
  for (let k = end; k > 0 && a.is(k, ')'); ) {
    const callee = a.partner[k] - 1;
    const name = callee > 0 ? a.id(callee) : undefined;
    if (name === undefined || !a.isAccess(callee - 1)) {
      return false;
    }
    if (STREAM_SOURCES.has(name) || ((name === 'of' || name === 'just') && STREAM_TYPES.has(a.id(callee - 2) ?? ''))) {
      return true;
    }
    k = callee - 2;
  }
  return false;
}

/**
 * The loop statement a token runs in once per element, within its own function: a loop that walks elements
 * or counts (`for…of`, `for x in`, `foreach`, `range`, `for (i = 0; …; i++)`) or a Python comprehension;
 * -1 for a loop that repeats until a condition (`while`, `do`, `for (;;)`, Go's `for {`: a worker, a
 * retry, a page loop), for code outside any loop, and for an iterating callback.
 */
export function elementLoopAround(a: CodeAnalyzer, tokenIndex: number): number {
  for (let scope = a.scopes.scopeAt(tokenIndex); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      return repeatsUntilCondition(a, scope) ? -1 : scope;
    }
    if (kind === 'block' && a.language.family === 'python' && runsPerElement(a, scope, tokenIndex)) {
      return scope;
    }
    if (kind === 'function') {
      return -1;
    }
  }
  return -1;
}

/**
 * The loop over elements around the loops that repeat until a condition in which a token runs, within its own
 * function (`for (const room of rooms) { while (room.free > 0 && wanted > 0) { … } }`): each element runs the
 * inner loop's body, so a call there at least once; -1 when the innermost loop walks elements itself, or no
 * element loop holds the condition loops.
 */
export function elementLoopOutsideConditionLoops(a: CodeAnalyzer, tokenIndex: number): number {
  let inConditionLoop = false;
  for (let scope = a.scopes.scopeAt(tokenIndex); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'function') {
      return -1;
    }
    if (kind === 'loop') {
      if (!repeatsUntilCondition(a, scope)) {
        return inConditionLoop ? scope : -1;
      }
      inConditionLoop = true;
    }
  }
  return -1;
}

/**
 * The keyword of the loop whose scope starts at `start`: a loop's scope starts at its keyword (Python, Go), at
 * the parenthesis of its head (`for (`, `while (`), or at the block of a `do { … } while (…)`, which has no head
 * before its body.
 */
function loopKeyword(a: CodeAnalyzer, start: number): number {
  if (a.is(start, '(') || (a.is(start, '{') && a.idIs(start - 1, 'do'))) {
    return start - 1;
  }
  return start;
}

/** A loop that repeats until a condition rather than over elements or a count: `while` (but one that counts), `do`, `for (;;)`, Go's `for {` and `for cond {`. */
function repeatsUntilCondition(a: CodeAnalyzer, loop: number): boolean {
  const start = a.scopes.start(loop);
  const keyword = loopKeyword(a, start);
  if (a.idIs(keyword, 'while') || a.idIs(keyword, 'do')) {
    return !(a.idIs(keyword, 'while') && countingWhile(a, loop, keyword));
  }
  if (!a.idIs(keyword, 'for')) {
    return false;
  }
  // `for (;;)` and `for (; cond;)`: nothing to count from.
  if (a.is(keyword + 1, '(')) {
    return a.is(keyword + 2, ';');
  }
  return a.language.family === 'go' && !walksElements(a, loop) && !countsInHead(a, keyword + 1);
}

/** A Go `for` head with an init statement (`for i := 0; i < n; i++ {`). */
function countsInHead(a: CodeAnalyzer, head: number): boolean {
  for (let k = head; k < a.tokens.length && !a.is(k, '{') && k - head < MAX_GO_HEAD_TOKENS; k++) {
    if (a.is(k, ';')) {
      return k > head;
    }
  }
  return false;
}

/**
 * Whether a token of a Python comprehension (its scope is its bracket) is evaluated once per element,
 * like a loop body: everything but the iterable of the first `for` clause, which is evaluated once.
 */
function runsPerElement(a: CodeAnalyzer, scope: number, tokenIndex: number): boolean {
  const [from, to] = comprehensionIterables.get(a, scope, () => firstIterable(a, a.scopes.start(scope)));
  return tokenIndex < from || tokenIndex >= to;
}

/** Per comprehension, read once: the token range of its first iterable (`for x in <here> if ...`). */
const comprehensionIterables = new FileMemo<number, readonly [number, number]>();

function firstIterable(a: CodeAnalyzer, bracket: number): readonly [number, number] {
  const close = a.partner[bracket];
  if (!(a.is(bracket, '[') || a.is(bracket, '{') || a.is(bracket, '(')) || close < 0) {
    return [-1, -1];
  }
  // Tokens of the bracket itself only: nested brackets are skipped whole.
  let clause = false;
  let from = -1;
  for (let k = bracket + 1; k < close; k = a.skipGroup(k)) {
    if (!clause) {
      clause = a.idIs(k, 'for');
    } else if (from < 0) {
      from = a.idIs(k, 'in') ? k + 1 : -1;
    } else if (a.idIs(k, 'for') || a.idIs(k, 'if') || a.idIs(k, 'async')) {
      return [from, k];
    }
  }
  return from < 0 ? [-1, -1] : [from, close];
}

/**
 * Whether `name` is the variable of the innermost loop around a token and that loop walks a key iterator
 * that yields batches: `for await (const keys of redis.scanStream(...))`, where `redis.unlink(keys)`
 * sends one command per batch, not per key. A node-redis iterator yields batches only from v5 on, so
 * there the loop must also use the variable as an array (`keys.length`, `for (const k of keys)`).
 */
export function isBatchLoopVariable(a: CodeAnalyzer, tokenIndex: number, name: string): boolean {
  for (let scope = a.scopes.scopeAt(tokenIndex); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'function') {
      return false;
    }
    if (kind === 'loop') {
      return batchLoopVariables.get(a, scope, () => batchVariableOf(a, scope)) === name;
    }
  }
  return false;
}

/** Per loop, read once: the variable that holds a batch of keys, or null. */
const batchLoopVariables = new FileMemo<number, string | null>();

function batchVariableOf(a: CodeAnalyzer, scope: number): string | null {
  const open = a.scopes.start(scope);
  const close = a.is(open, '(') ? a.partner[open] : -1;
  let variable: string | undefined;
  for (let k = open + 1; k < close; k++) {
    if (!variable && a.idIs(k, 'of') && a.isId(k - 1)) {
      variable = a.tokens.text(k - 1);
    } else if (variable && a.isAccess(k - 1) && a.is(k + 1, '(')) {
      const method = a.id(k) ?? '';
      if (BATCH_STREAMS.has(method) || (VERSIONED_ITERATORS.has(method) && usedAsArray(a, scope, close, variable))) {
        return variable;
      }
    }
  }
  return null;
}

/** Whether the body of a loop reads `name.length` or iterates `name`. */
function usedAsArray(a: CodeAnalyzer, scope: number, headClose: number, name: string): boolean {
  const end = a.scopes.range(scope)[1];
  for (let k = headClose + 1; k < end; k++) {
    if (a.idIs(k, name) && ((a.isAccess(k + 1) && a.idIs(k + 2, 'length')) || a.idIs(k - 1, 'of'))) {
      return true;
    }
  }
  return false;
}

/**
 * Calls that make a loop the retry of an optimistic transaction: WATCH (ioredis, redis-py, Jedis, Lettuce) and
 * StackExchange.Redis's transaction conditions. Such a loop reads the key again only when another writer got
 * in first; it is not one command per key.
 */
const OPTIMISTIC_LOCKS = ['watch', 'AddCondition'];

/**
 * Calls that wait on purpose: a loop that repeats until a condition (`while`, `for {`, `for (;;)`) and pauses
 * each time round (`await sleep(retryDelay)`, `time.sleep(1)`, `Thread.sleep`, Go's `time.Sleep`, .NET's
 * `Task.Delay`, `setTimeout` in a promise) polls or retries, as a spin lock taking `SET key token NX EX` or a
 * worker's `while True:` does; its rounds follow the clock, not a list of keys. A loop over elements that
 * waits is still one command per element.
 */
const WAITS = ['sleep', 'Sleep', 'setTimeout', 'delay', 'Delay'];

/**
 * Redis's blocking pops (BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP, BZPOPMIN, BZPOPMAX), as the clients spell them
 * (Jedis, Lettuce, redis-py and ioredis in lower case, node-redis in camel case, go-redis's `BLPop`): they wait on
 * the server until a producer pushes, so a loop that repeats until a condition around one is a consumer whose
 * rounds follow the queue, not a list of keys (https://redis.io/docs/latest/commands/blpop/).
 */
const BLOCKING_POPS = [
  'blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax',
  'blPop', 'brPop', 'brPopLPush', 'blMove', 'blmPop', 'bzPopMin', 'bzPopMax',
  'BLPop', 'BRPop', 'BRPopLPush', 'BLMove', 'BLMPop', 'BZPopMin', 'BZPopMax',
];

/**
 * Waits for the next message of a subscription or a socket (aioredis 1's `channel.wait_message()`, redis-py's
 * `pubsub.get_message()`, a WebSocket's `receive_json()` or `recv()`): a loop that repeats around one is a
 * consumer whose rounds follow the messages as they arrive, which no batch can gather beforehand.
 */
const MESSAGE_WAITS = ['wait_message', 'get_message', 'receive', 'receive_json', 'receive_text', 'receive_bytes', 'receive_str', 'recv'];

/**
 * A Python loop over a subscription's messages (`async for message in pubsub.listen():`, redis-py's `PubSub.listen()`):
 * each round waits for the next message, as a loop around `get_message()` does, so its commands follow the messages.
 */
function iteratesSubscription(a: CodeAnalyzer, start: number): boolean {
  const keyword = a.idIs(start, 'async') ? start + 1 : start;
  if (a.language.family !== 'python' || !a.idIs(keyword, 'for')) {
    return false;
  }
  for (let k = keyword + 1; k < keyword + MAX_HEAD_TOKENS && !a.is(k, ':'); k = a.skipGroup(k)) {
    if (a.idIs(k, 'listen') && a.isAccess(k - 1) && a.is(k + 1, '(') && a.partner[k + 1] === k + 2) {
      return true;
    }
  }
  return false;
}

/** The tokens of a loop's head read for what it iterates. */
const MAX_HEAD_TOKENS = 48;

/** Loops longer than this are not read as retries: a retry is a few statements, and the scan stays linear. */
const MAX_RETRY_LOOP_TOKENS = 2000;

/**
 * Whether the innermost loop statement around a token, within its function, calls `watch` or `AddCondition`,
 * or repeats until a condition and waits. A Python comprehension inside it runs per element, as a loop does.
 */
export function retriesOrPolls(a: CodeAnalyzer, token: number): boolean {
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    const kind = a.scopes.kind(scope);
    if (kind === 'loop') {
      return testsInCondition(a, scope, token) || retryingLoops.get(a, scope, () => retriesOrWaits(a, scope));
    }
    if (kind === 'function' || (kind === 'block' && a.language.family === 'python' && runsPerElement(a, scope, token))) {
      return false;
    }
  }
  return false;
}

const retryingLoops = new FileMemo<number, boolean>();

/** Reads that answer about a key without changing it: in a loop's condition, asked again until the answer changes. */
const KEY_TESTS = new Set(['exists', 'hexists', 'sismember', 'get']);

/**
 * Whether the call at `token` is a key test in the parenthesised condition of the `while` loop `loop`
 * (`while (!key || await redis.exists(key)) { key = newCode() }`): the loop tries again until a key is free, or
 * polls until one is set, as a retry does, rather than sending one command per key of a list.
 */
function testsInCondition(a: CodeAnalyzer, loop: number, token: number): boolean {
  const start = a.scopes.start(loop);
  return a.is(start, '(') && a.idIs(start - 1, 'while') && token > start && token < a.partner[start] && KEY_TESTS.has(a.tokens.text(token).toLowerCase());
}

function retriesOrWaits(a: CodeAnalyzer, loop: number): boolean {
  const [start, end] = a.scopes.range(loop);
  if (iteratesSubscription(a, start)) {
    return true;
  }
  if (end - start > MAX_RETRY_LOOP_TOKENS) {
    return false;
  }
  const repeats = !walksElements(a, loop);
  for (let k = start + 2; k < end; k++) {
    if (a.isId(k) && a.is(k + 1, '(') && ((a.isAccess(k - 1) && a.tokens.isOneOf(k, OPTIMISTIC_LOCKS)) || (repeats && (a.tokens.isOneOf(k, WAITS) || a.tokens.isOneOf(k, BLOCKING_POPS) || a.tokens.isOneOf(k, MESSAGE_WAITS))))) {
      return true;
    }
    if (repeats && a.idIs(k, 'if') && endless(a, loop) && leavesWhenCallAnswers(a, k)) {
      return true;
    }
  }
  return false;
}

/**
 * A loop whose head sets no end (`while True:`, `while (true)`, `for (;;)`, Go's `for {`): only a `break` or
 * `return` leaves it. One that tests an index or a queue (`while i < len(keys)`) may walk keys.
 */
function endless(a: CodeAnalyzer, loop: number): boolean {
  const start = a.scopes.start(loop);
  if (a.is(start, '(')) {
    const close = a.partner[start];
    return (a.idIs(start - 1, 'while') && close === start + 2 && a.idIs(start + 1, 'true')) || (a.idIs(start - 1, 'for') && close === start + 3 && a.is(start + 1, ';') && a.is(start + 2, ';'));
  }
  return (a.idIs(start, 'while') && (a.idIs(start + 1, 'True') || a.idIs(start + 1, 'true')) && (a.is(start + 2, ':') || a.is(start + 2, '{'))) || (a.idIs(start, 'for') && a.is(start + 1, '{'));
}

/**
 * Whether the `if` at `ifToken` tests what a method call answers and its body starts by leaving the loop
 * (`while True: key = new_key(); if not r.exists(key): return key`): an endless loop that stops once a call
 * succeeds tries again, as a retry does, rather than sending one command per key.
 */
function leavesWhenCallAnswers(a: CodeAnalyzer, ifToken: number): boolean {
  let close: number;
  let body: number;
  if (a.is(ifToken + 1, '(') && a.partner[ifToken + 1] > ifToken + 1) {
    close = a.partner[ifToken + 1];
    body = a.is(close + 1, '{') ? close + 2 : close + 1;
  } else if (a.language.family === 'python') {
    close = ifToken + 1;
    // The condition runs to the colon of the `if`'s own level.
    while (close < a.tokens.length && close - ifToken < MAX_CONDITION_TOKENS && !(a.is(close, ':') && a.parent[close] === a.parent[ifToken])) {
      close = a.skipGroup(close);
    }
    body = close + 1;
  } else {
    return false;
  }
  if (!a.is(close, ':') && !a.is(close, ')')) {
    return false;
  }
  if (!a.tokens.isOneOf(body, LOOP_EXITS)) {
    return false;
  }
  for (let k = ifToken + 1; k < close; k++) {
    if (a.isId(k) && a.isAccess(k - 1) && a.is(k + 1, '(')) {
      return true;
    }
  }
  return false;
}

/** Tokens read of an `if` condition: a condition is a short expression. */
const MAX_CONDITION_TOKENS = 64;

/** Tokens read of a Go `for` head before its body's brace: a head is a short expression. */
const MAX_GO_HEAD_TOKENS = 64;

/**
 * Whether a loop walks the elements of something (`for…of`, `for…in`, `foreach`, Java's `for (T x : xs)`,
 * Python's `for x in`, Go's `range`) rather than repeating until a condition (`while`, `do`, `for (;;)`,
 * Go's `for {` and `for cond {`). A loop of another shape counts as walking elements.
 */
export function walksElements(a: CodeAnalyzer, loop: number): boolean {
  const start = a.scopes.start(loop);
  const keyword = loopKeyword(a, start);
  if (a.idIs(keyword, 'while') || a.idIs(keyword, 'do')) {
    return false;
  }
  if (!a.idIs(keyword, 'for')) {
    return true;
  }
  const head = keyword + 1;
  if (a.is(head, '(') && a.partner[head] > head) {
    for (let k = head + 1; k < a.partner[head]; k = a.skipGroup(k)) {
      if (a.is(k, ';')) {
        return false;
      }
    }
    return true;
  }
  if (a.language.family === 'python') {
    // `for attempt in range(60):` counts rounds, as a C-style `for (;;)` head does.
    return !rangeCount(a, head);
  }
  if (a.language.family !== 'go') {
    return true;
  }
  // Go: the head runs to the body's brace.
  for (let k = head; k < a.tokens.length && !a.is(k, '{') && k - head < MAX_GO_HEAD_TOKENS; k++) {
    if (a.idIs(k, 'range')) {
      return true;
    }
  }
  return false;
}

/** Python's `for name in range(...):` from the loop's head at `head`, a count of rounds (also a tuple target's). */
function rangeCount(a: CodeAnalyzer, head: number): boolean {
  let k = head;
  while (a.isId(k) && a.is(k + 1, ',')) {
    k += 2;
  }
  return a.isId(k) && a.idIs(k + 1, 'in') && a.idIs(k + 2, 'range') && a.is(k + 3, '(') && a.is(a.partner[k + 3] + 1, ':');
}
