/**
 * Redis clients a function opens and closes around its own work, so once per call: C#'s `using` of
 * `ConnectionMultiplexer.Connect(...)`, Python's `with redis.Redis(...) as r:`, Java's try-with-resources of
 * `new Jedis(...)`, and in every language a client the function makes in a local and closes itself (Go's
 * `defer rdb.Close()`, `await client.quit()`, `r.close()`, `redis.Dispose()`). Each call then pays a TCP
 * (and TLS) connection that a shared client would reuse: ElastiCache's client best practices call creating a
 * connection expensive next to a command, and StackExchange.Redis documents its multiplexer as one to share
 * and reuse, not to make per operation. A program's entry point (`main`, a Go command's run hook) and tests open one on purpose.
 * A Python generator that yields between opening and closing hands the client to its consumer for as long as
 * the consumer holds it (`heldByConsumer`): per call only where FastAPI enters it for each request.
 */
import { Family } from '../lexer';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { codeOf } from '../tokenCodes';
import { Construction, goConstruction, isRedisClient, javaConstruction, jsConstruction, pythonConstruction } from './handlerClients';
import { perRequestDependencies } from './fastapiDependencies';
import { FileMemo } from './fileMemo';
import { calledFunction } from './helperFunctions';
import { importedClient } from './projectImports';
import { runsAsCommand } from './commandEntries';
import { runsOncePerProcess } from './languages/goCommandEntries';
import { inTestCode } from './testFixtures';
import { tokensNamed } from './tokenIndex';

const USING = codeOf('using');
const WITH = codeOf('with');
const TRY = codeOf('try');
const YIELD = codeOf('yield');
const DOT = codeOf('.');
const ASSIGN = codeOf('=');
const NONE: readonly number[] = [];

/** Tokens read from a disposal keyword to the expression it holds: a declaration's type and name. */
const MAX_HEAD_TOKENS = 12;
/**
 * go-redis methods whose result takes a connection of its own and closes it (`client.Subscribe(ctx, ch)` then
 * `defer sub.Close()`, `client.Conn()`): the client left behind holds none.
 */
const OWN_CONNECTION = ['Subscribe', 'PSubscribe', 'SSubscribe', 'Conn'];
/** Findings per file: a file that opens more is reported at its first ones. */
const MAX_FINDINGS = 32;

/** How one language scopes a resource to a block: from the keyword's token, the first token of each client expression it disposes. */
type ResourceStarts = (a: CodeAnalyzer, keyword: number) => number[];

type ConstructionReader = (a: CodeAnalyzer, k: number) => Construction | undefined;

interface ScopeReader {
  /** How the language makes a client (`handlerClients.ts`, shared with the handler rules). */
  construction: ConstructionReader;
  /** A cheap test of the text: whether the file may name a Redis client at all. */
  mayOpen: RegExp;
  /** A cheap test of the text: whether it may dispose of anything (a block keyword, a close method's call). */
  mayClose: RegExp;
  /** A statement that disposes what it opens when its block ends (`using`, `with`, try-with-resources). */
  block?: { keyword: number; resources: ResourceStarts };
  /** Methods that close a client: a function that makes a client in a local and calls one of these on it opens one per call. */
  closes: readonly string[];
  /** The method that opens a client made elsewhere (node-redis `connect()`): a function that calls it and then a close on a shared client cycles its connection per call. */
  opens?: string;
  /**
   * The client connects without being told to (StackExchange.Redis's `Connect` as it makes the multiplexer, Jedis on its
   * first command, a pool on its first borrow): made in a local and never closed, it leaves a connection open per call.
   */
  connectsWhenUsed?: true;
  /** A client made and used in one expression is dropped unclosed (`c.newClient().Get(ctx, key)`): see `droppedClients`. */
  chainsDrop?: true;
}

const READERS: Partial<Record<Family, ScopeReader>> = {
  csharp: {
    construction: javaConstruction,
    mayOpen: /ConnectionMultiplexer/,
    mayClose: /\busing\b|\.(?:Close|Dispose)(?:Async)?\s*\(/,
    block: { keyword: USING, resources: csharpUsing },
    closes: ['Close', 'CloseAsync', 'Dispose', 'DisposeAsync'],
    connectsWhenUsed: true,
  },
  python: { construction: pythonConstruction, mayOpen: /redis|valkey/i, mayClose: /\bwith\b|\.a?close\s*\(/, block: { keyword: WITH, resources: pythonWith }, closes: ['close', 'aclose'] },
  java: { construction: javaConstruction, mayOpen: /redis|valkey/i, mayClose: /\btry\s*\(|\.(?:close|shutdown)\s*\(/, block: { keyword: TRY, resources: javaTry }, closes: ['close', 'shutdown'], connectsWhenUsed: true },
  // `defer rdb.Close()` or a plain `rdb.Close()`.
  go: { construction: goConstruction, mayOpen: /redis|valkey|rueidis/i, mayClose: /\.Close\s*\(/, closes: ['Close'], chainsDrop: true },
  // ioredis `quit()` / `disconnect()`, node-redis `quit()` / `disconnect()` / `close()`.
  js: { construction: jsConstruction, mayOpen: /redis|valkey/i, mayClose: /\.(?:quit|disconnect|close)\s*\(/, closes: ['quit', 'disconnect', 'close'], opens: 'connect' },
};

/** A client construction's name, and whether the function never closes that client (it leaves a connection open per call). */
export type ConnectionPerCall = Span & { unclosed?: true };

/**
 * The names of the Redis client constructions (`ConnectionMultiplexer`, `Redis`, `Jedis`, `NewClient`) whose client
 * the function disposes before it returns, and of node-redis clients it connects and never closes.
 */
export function connectionsPerCall(a: CodeAnalyzer): ConnectionPerCall[] {
  const reader = READERS[a.language.family];
  if (!reader || !(reader.mayOpen.test(a.text) || importsRedisClient(a, reader))) {
    return [];
  }
  const unclosed = reader.opens ? unclosedLocals(a, reader, reader.opens) : reader.connectsWhenUsed ? unclosedConstructions(a, reader) : reader.chainsDrop ? droppedClients(a, reader) : [];
  if (!reader.mayClose.test(a.text)) {
    return unclosed;
  }
  const found = new Map<number, ConnectionPerCall>(unclosed.map((name) => [name.start, name]));
  const codes = a.tokens.codes;
  for (let k = 0; k < codes.length && found.size < MAX_FINDINGS; k++) {
    const code = codes[k];
    const starts = reader.block && code === reader.block.keyword ? reader.block.resources(a, k) : code === DOT ? closedLocal(a, k, reader.closes) : NONE;
    for (const start of starts) {
      const name = madeClient(a, reader, start, a.scopes.enclosing(start, ['function']));
      if (name >= 0 && inOrdinaryFunction(a, name) && !inTestCode(a, name) && !heldByConsumer(a, name) && !subscribes(a, name)) {
        found.set(a.tokens.starts[name], a.tokenSpan(name));
      }
    }
    const opened = code === DOT && reader.opens ? cycledSharedClient(a, k, reader.opens, reader.closes) : -1;
    if (opened >= 0 && inOrdinaryFunction(a, opened) && !inTestCode(a, opened)) {
      found.set(a.tokens.starts[opened], a.tokenSpan(opened));
    }
  }
  return [...found.values()];
}

/**
 * node-redis clients a function makes in a local, connects (`await client.connect()`) and never closes: each call
 * opens a connection and leaves it open. Only a local that is used for its members alone counts: one the function
 * returns, stores or passes on may be closed elsewhere.
 */
function unclosedLocals(a: CodeAnalyzer, reader: ScopeReader, opens: string): ConnectionPerCall[] {
  const found: ConnectionPerCall[] = [];
  for (const k of tokensNamed(a, opens)) {
    const local = a.isAccess(k - 1) && a.is(k + 1, '(') && a.isId(k - 2) && !a.isAccess(k - 3) ? k - 2 : -1;
    const binding = local >= 0 ? a.scopes.lookup(a.tokens.text(local), local) : undefined;
    const fn = a.scopes.enclosing(k, ['function']);
    if (!binding || binding.expression < 0 || fn <= 0 || a.scopes.enclosing(binding.token, ['function']) !== fn || found.length >= MAX_FINDINGS) {
      continue;
    }
    const name = madeClient(a, reader, a.idIs(binding.expression, 'await') ? binding.expression + 1 : binding.expression, fn);
    if (name >= 0 && onlyMembersUsed(a, a.tokens.text(local), binding.token, fn, reader.closes) && inOrdinaryFunction(a, name) && !inTestCode(a, name)) {
      found.push({ ...a.tokenSpan(name), unclosed: true });
    }
  }
  return found;
}

/**
 * Java: a client made in a local the function declares (`Jedis jedis = new Jedis(host, port);`, `new JedisPool(...)`,
 * Lettuce's `RedisClient.create(uri)`) and used only for its commands: it opens its connection on its first command
 * and keeps it until closed, so every call leaves one open. C#: `var redis = ConnectionMultiplexer.Connect(...)`, used
 * only for what it hands out for one call (`redis.GetDatabase()` in a local used for its commands). Not in a
 * constructor, which runs once per object; a local the function returns, stores or passes on may be closed elsewhere,
 * and so may a multiplexer whose database or server the function keeps so.
 */
function unclosedConstructions(a: CodeAnalyzer, reader: ScopeReader): ConnectionPerCall[] {
  const found: ConnectionPerCall[] = [];
  const codes = a.tokens.codes;
  for (let k = 2; k < codes.length && found.length < MAX_FINDINGS; k++) {
    // A declaration (`Jedis jedis =`, `var jedis =`, `RedisClient<K, V> c =`), not an assignment to a field (`client = ...`).
    if (codes[k] !== ASSIGN || !a.isId(k - 1) || !(a.isId(k - 2) || a.is(k - 2, '>') || a.is(k - 2, ']')) || a.idIs(k - 2, 'return')) {
      continue;
    }
    const fn = a.scopes.enclosing(k, ['function']);
    const local = a.tokens.text(k - 1);
    if (fn <= 0 || a.scopes.lookup(local, k - 1)?.token !== k - 1 || isConstructor(a, fn)) {
      continue;
    }
    const name = madeClient(a, reader, k + 1, fn);
    if (name >= 0 && onlyMembersUsed(a, local, k - 1, fn, reader.closes) && inOrdinaryFunction(a, name) && !inTestCode(a, name) && !subscribes(a, name) && !resultsKept(a, local, k - 1, fn)) {
      found.push({ ...a.tokenSpan(name), unclosed: true });
    }
  }
  return found;
}

/**
 * C#: whether a member call on the multiplexer local `name` gives something the function keeps beyond its commands
 * (`return redis.GetDatabase();`, `_db = redis.GetDatabase();`, `Use(redis.GetServer(endpoint))`), which holds the
 * multiplexer and its connection. A call chained on (`redis.GetDatabase().StringGet(key)`), a statement of its own, or a
 * local declared with it that is used only for its members (`var db = redis.GetDatabase(); db.StringSet(...)`) keeps nothing.
 */
function resultsKept(a: CodeAnalyzer, name: string, declared: number, fn: number): boolean {
  if (a.language.family !== 'csharp') {
    return false;
  }
  const [start, end] = a.scopes.range(fn);
  return tokensNamed(a, name).some((use) => {
    if (use <= declared || use < start || use >= end) {
      return false;
    }
    const close = a.is(use + 3, '(') ? a.partner[use + 3] : -1;
    if (close < 0 || a.isAccess(close + 1)) {
      return close < 0;
    }
    const statement = a.is(close + 1, ';') && (a.is(use - 1, ';') || a.is(use - 1, '{') || a.is(use - 1, '}'));
    // `var db = ...` or `IDatabase db = ...`: a local declared there, not a field assigned (`_db = ...`).
    const declaredHere = a.isId(use - 2) && (a.isId(use - 3) || a.is(use - 3, '>')) && !a.idIs(use - 3, 'return');
    const held = a.is(close + 1, ';') && a.is(use - 1, '=') && declaredHere;
    return !statement && !(held && onlyMembersUsed(a, a.tokens.text(use - 2), use - 2, fn, []));
  });
}

/**
 * Go: a Redis client made and used for a command in one expression, then dropped (`c.RClient().Get(key)` where a
 * function or method of the file makes a new client in its body and returns it, or `redis.NewClient(opts).Ping(ctx)`).
 * go-redis and rueidis connect on the first command and keep the connection in the client's pool until `Close`,
 * which nothing can call on a client no name holds, so every call leaves a connection open. The call's name token.
 */
function droppedClients(a: CodeAnalyzer, reader: ScopeReader): ConnectionPerCall[] {
  const found: ConnectionPerCall[] = [];
  const codes = a.tokens.codes;
  for (let k = 1; k + 1 < codes.length && found.length < MAX_FINDINGS; k++) {
    const close = a.isId(k) && a.is(k + 1, '(') ? a.partner[k + 1] : -1;
    const commandAfter = close > 0 && a.isAccess(close + 1) && a.isId(close + 2) && a.is(close + 3, '(') && !a.tokens.isOneOf(close + 2, reader.closes) && !a.tokens.isOneOf(close + 2, OWN_CONNECTION);
    const fn = commandAfter ? a.scopes.enclosing(k, ['function']) : -1;
    if (fn <= 0 || a.id((a.functions.get(fn)?.params ?? 0) - 1) === 'init' || !inOrdinaryFunction(a, k) || inTestCode(a, k)) {
      continue;
    }
    const start = chainStart(a, k);
    const made = redisConstruction(a, reader.construction, start) === k || makesClientEachCall(a, reader, k, fn);
    if (made) {
      found.push({ ...a.tokenSpan(k), unclosed: true });
    }
  }
  return [...found, ...unclosedGoLocals(a, reader)].slice(0, MAX_FINDINGS);
}

/**
 * Go: a local declared with a new Redis client (`rdb := redis.NewClient(...)`, or `rdb := newClient()` where a
 * function of the file makes one per call) and used only for its commands, never closed, returned, stored or passed
 * on: each call of the function leaves the client's connection open. The construction's or call's name token.
 */
function unclosedGoLocals(a: CodeAnalyzer, reader: ScopeReader): ConnectionPerCall[] {
  const found: ConnectionPerCall[] = [];
  const keeps = [...reader.closes, ...OWN_CONNECTION];
  for (let k = 2; k + 1 < a.tokens.length && found.length < MAX_FINDINGS; k++) {
    // `rdb := ...` or `rdb, err := ...`: the client's name.
    const local = !a.is(k, ':=') ? -1 : a.is(k - 2, ',') && a.isId(k - 3) && !a.is(k - 4, ',') ? k - 3 : a.isId(k - 1) && !a.is(k - 2, ',') ? k - 1 : -1;
    const fn = local >= 0 ? a.scopes.enclosing(k, ['function']) : -1;
    if (fn <= 0 || a.id((a.functions.get(fn)?.params ?? 0) - 1) === 'init' || !inOrdinaryFunction(a, k) || inTestCode(a, k)) {
      continue;
    }
    let name = k + 1;
    while (a.isAccess(name + 1) && a.isId(name + 2)) {
      name += 2;
    }
    const called = a.isId(name) && a.is(name + 1, '(') && a.partner[name + 1] > 0 && !a.isAccess(a.partner[name + 1] + 1) && !a.is(a.partner[name + 1] + 1, ',');
    const made = called && (redisConstruction(a, reader.construction, k + 1) === name || makesClientEachCall(a, reader, name, fn));
    if (made && onlyMembersUsed(a, a.tokens.text(local), local, fn, keeps)) {
      found.push({ ...a.tokenSpan(name), unclosed: true });
    }
  }
  return found;
}

/** The first token of the dotted name that ends at `k` (`redis` of `redis.NewClient`, `c` of `c.RClient`). */
function chainStart(a: CodeAnalyzer, k: number): number {
  let start = k;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  return start;
}

/**
 * Whether the call at `k` (in the function `fn`) runs a function or method of the file that returns a client it
 * makes in its body: a construction returned as written or through a local declared with it (`client :=
 * redis.NewClient(...)` then `return client`), not a client kept outside the call (a package variable, a field).
 */
function makesClientEachCall(a: CodeAnalyzer, reader: ScopeReader, k: number, fn: number): boolean {
  const called = calledFunction(a, k, fn);
  if (!called) {
    return false;
  }
  for (const returned of a.returnStarts(called.fn)) {
    if (redisConstruction(a, reader.construction, returned) >= 0) {
      return true;
    }
    // `return client` or `return client, nil`: the name alone.
    const local = a.isId(returned) && !a.isAccess(returned + 1) && !a.is(returned + 1, '(') && !a.is(returned + 1, '[') ? a.scopes.lookup(a.tokens.text(returned), returned) : undefined;
    if (local && local.expression >= 0 && a.scopes.enclosing(local.token, ['function']) === called.fn.scope && redisConstruction(a, reader.construction, local.expression) >= 0) {
      return true;
    }
  }
  return false;
}

/** Modifiers that may stand before a C# constructor's name, where a method has its return type. */
const CSHARP_MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'static', 'unsafe', 'extern']);

/**
 * A constructor: in Java a method named as its class is, which by the language's naming alone starts with a capital;
 * in C#, whose methods start with one too, a method with no return type before its name (`public OrderCache(...)`).
 */
function isConstructor(a: CodeAnalyzer, fn: number): boolean {
  const params = a.functions.get(fn)?.params ?? -1;
  if (params <= 1 || a.language.family !== 'csharp') {
    return params > 0 && /^[A-Z]/.test(a.id(params - 1) ?? '');
  }
  const before = params - 2;
  return a.isId(params - 1) && !(a.isId(before) && !CSHARP_MODIFIERS.has(a.tokens.text(before))) && !a.is(before, '>') && !a.is(before, ']') && !a.is(before, '?');
}

/**
 * The name token of the Redis client the expression at `start` (in the function `fn`) makes: a construction, or in
 * JavaScript a call of a same-file factory that returns one (`const client = newClient();`); -1 otherwise.
 */
function madeClient(a: CodeAnalyzer, reader: ScopeReader, start: number, fn: number): number {
  const made = redisConstruction(a, reader.construction, start);
  return made < 0 && reader.opens ? factoryCall(a, start, fn) : made;
}

/**
 * A call of a same-file factory that returns a new Redis client (`const createRedisClient = () => { return createClient({...}); }`,
 * or a concise arrow), starting at `start` in the function `fn`: the call's name token, or -1.
 */
function factoryCall(a: CodeAnalyzer, start: number, fn: number): number {
  const called = calledFunction(a, start, fn);
  if (!called) {
    return -1;
  }
  const [bodyStart, bodyEnd] = a.scopes.range(called.fn.scope);
  for (let j = bodyStart; j < bodyEnd; j++) {
    const returned = a.idIs(j, 'return') || (a.is(j, '=>') && j === called.fn.concise - 1) ? j + 1 : -1;
    if (returned > 0 && a.scopes.enclosing(returned, ['function']) === called.fn.scope && redisConstruction(a, jsConstruction, returned) >= 0) {
      return start;
    }
  }
  return -1;
}

/** Whether every use of the local `name` declared at `declared` in the function `fn` reads a member that closes nothing (`client.get(...)`). */
function onlyMembersUsed(a: CodeAnalyzer, name: string, declared: number, fn: number, closes: readonly string[]): boolean {
  const [start, end] = a.scopes.range(fn);
  return tokensNamed(a, name).every((use) => use <= declared || use < start || use >= end || (a.isAccess(use + 1) && a.isId(use + 2) && !a.tokens.isOneOf(use + 2, closes)));
}

/**
 * `client.connect()` at the dot `k` on a Redis client the function did not make (a module's shared client,
 * `const client = createClient({ url })` at the top of the file or imported from another module, or a field, `this.client`), followed in the same
 * function by a close of that client (`await client.quit()`, `disconnect()`): every call opens the client's
 * connection and closes it again, as a client made per call would (a Lambda handler that connects and quits on
 * each invocation). The `connect` token, or -1. A close before the connect (a reconnect helper) leaves the
 * client open and does not count.
 */
function cycledSharedClient(a: CodeAnalyzer, k: number, opens: string, closes: readonly string[]): number {
  if (!a.idIs(k + 1, opens) || !a.is(k + 2, '(') || !a.isId(k - 1)) {
    return -1;
  }
  // `client` alone, or `this.client`: nothing longer, whose parts the function could change.
  const field = a.isAccess(k - 2) && a.idIs(k - 3, 'this') && !a.isAccess(k - 4);
  if (a.isAccess(k - 2) && !field) {
    return -1;
  }
  const start = field ? k - 3 : k - 1;
  const fn = a.scopes.enclosing(k, ['function']);
  const name = a.tokens.text(k - 1);
  const binding = field ? undefined : a.scopes.lookup(name, k - 1);
  // A client another module exports (`const client = require('../config/redis')`): made there, once.
  const imported = !field && !binding && a.imports.has(name);
  const value = a.evalChain(start, k).value;
  if (fn <= 0 || value?.t !== 'client' || value.kind !== 'redis' || (!field && !imported && (!binding || a.scopes.enclosing(binding.token, ['function']) === fn))) {
    return -1;
  }
  const end = a.scopes.range(fn)[1];
  for (let t = a.partner[k + 2] + 1; t < end; t++) {
    if (a.is(t, '.') && a.tokens.isOneOf(t + 1, closes) && a.is(t + 2, '(') && sameReceiver(a, start, k, t) && a.scopes.enclosing(t, ['function']) === fn) {
      return k + 1;
    }
  }
  return -1;
}

/**
 * Whether the file may connect and close a Redis client another module of the workspace makes, whatever name it
 * imports it by (`const cache = require('../config/cache')`): a file whose text never says "redis".
 */
function importsRedisClient(a: CodeAnalyzer, reader: ScopeReader): boolean {
  if (!reader.opens || !a.project || !CONNECT_CALL.test(a.text) || !reader.mayClose.test(a.text)) {
    return false;
  }
  for (const imported of a.imports.values()) {
    const value = importedClient(a, imported.module, imported.path);
    if (value?.t === 'client' && value.kind === 'redis') {
      return true;
    }
  }
  return false;
}

const CONNECT_CALL = /\.connect\s*\(/;

/** Whether the tokens before the dot `t` repeat the receiver `start`..`dot` (`client`, `this.client`) and nothing longer. */
function sameReceiver(a: CodeAnalyzer, start: number, dot: number, t: number): boolean {
  const length = dot - start;
  if (t - length < 1 || a.isAccess(t - length - 1)) {
    return false;
  }
  for (let j = 0; j < length; j++) {
    if (a.tokens.text(start + j) !== a.tokens.text(t - length + j)) {
      return false;
    }
  }
  return true;
}

/**
 * The name token of a call that makes a new Redis client, from the expression's first token (past `await`), or
 * -1, as the handler rules read constructions (`new Jedis(...)`, `redis.Redis(...)`, `redis.NewClient(...)`,
 * `ConnectionMultiplexer.Connect(...)`, named by its class). A client a pool lends (`pool.getResource()`) or one
 * over a shared pool (`redis.Redis(connection_pool=pool)`) opens no connection of its own.
 */
function redisConstruction(a: CodeAnalyzer, read: ConstructionReader, start: number): number {
  const made = read(a, a.idIs(start, 'await') ? start + 1 : start);
  if (!made?.redis) {
    return -1;
  }
  const close = made.end - 1;
  const wraps = a.language.family === 'go' && a.is(close, ')') && wrapsClient(a, a.partner[close]);
  return wraps || (a.is(close, ')') && sharesPool(a, a.partner[close])) ? -1 : made.name;
}

/**
 * Go: whether a call's arguments hand it a Redis client (`valkeycompat.NewAdapter(client)`, `rueidisotel.WithClient(client)`):
 * what it makes wraps that client's connections and opens none of its own.
 */
function wrapsClient(a: CodeAnalyzer, open: number): boolean {
  for (let k = open + 1; k < a.partner[open]; k = a.skipGroup(k)) {
    if (a.isId(k) && !a.isAccess(k - 1) && isRedisClient(a.evalChain(k, k + 1).value)) {
      return true;
    }
  }
  return false;
}

/** Whether a call's arguments hand it a pool (`connection_pool=pool`): the client then borrows its connections. */
function sharesPool(a: CodeAnalyzer, open: number): boolean {
  for (let k = open + 1; k < a.partner[open]; k = a.skipGroup(k)) {
    if (a.idIs(k, 'connection_pool')) {
      return true;
    }
  }
  return false;
}

/**
 * Inside a function that is not the program's entry point (`main`, `Main`, a JavaScript module's function
 * expression called once where it is written, a script's body, a command-line framework's command): a service's
 * method, a handler, a helper.
 */
function inOrdinaryFunction(a: CodeAnalyzer, token: number): boolean {
  const scope = a.scopes.enclosing(token, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  if (!fn) {
    return false;
  }
  const name = a.id(fn.params - 1);
  return name !== 'main' && name !== 'Main' && !calledOnceByModule(a, scope) && !runsOncePerProcess(a, scope) && !runsAsCommand(a, scope);
}

/** `(async () => { ... })()` or `(async function seed() { ... })()` at the top of a JavaScript module: it runs once. */
function calledOnceByModule(a: CodeAnalyzer, scope: number): boolean {
  if (a.language.family !== 'js') {
    return false;
  }
  // Back from the parameters over the expression's name, `function` and `async` to the parenthesis that holds it.
  let open = a.scopes.start(scope) - 1;
  open -= a.isId(open) && a.idIs(open - 1, 'function') ? 1 : 0;
  open -= a.idIs(open, 'function') ? 1 : 0;
  open -= a.idIs(open, 'async') ? 1 : 0;
  const close = open > 0 && a.is(open, '(') ? a.partner[open] : -1;
  return close > open && a.is(close + 1, '(') && a.scopes.range(scope)[1] <= close && a.scopes.enclosing(open, ['function']) <= 0;
}

/** Methods that put a connection in subscribed mode, where it serves the subscription alone. */
const SUBSCRIBES = ['subscribe', 'psubscribe', 'ssubscribe', 'Subscribe', 'PSubscribe', 'SSubscribe'];

/** Per file, whether each function scope subscribes. */
const subscribers = new FileMemo<number, boolean>();

/**
 * Whether the function around `token` subscribes to channels (`pubsub.subscribe("events")`, then a loop on its
 * messages): a connection in subscribed mode can send no other command, so a subscriber opens one of its own
 * and holds it while it listens. Opening and closing it around the subscription is its lifetime, not a
 * connection per command (a listener a service starts once, a subscription per WebSocket).
 */
function subscribes(a: CodeAnalyzer, token: number): boolean {
  const scope = a.scopes.enclosing(token, ['function']);
  return scope > 0 && subscribers.get(a, scope, () => {
    const [start, end] = a.scopes.range(scope);
    for (let k = start + 1; k < end; k++) {
      if (a.isAccess(k - 1) && a.tokens.isOneOf(k, SUBSCRIBES) && a.is(k + 1, '(')) {
        return true;
      }
    }
    return false;
  });
}

/** Per file, whether each function scope yields (a generator). */
const generators = new FileMemo<number, boolean>();

/**
 * Python: a client made in a generator function, which yields between opening and closing it (`yield client`, or a
 * bare `yield` of a lifespan): the client lives as long as the generator's consumer holds it open. FastAPI's
 * `lifespan`, a `@contextmanager` resource or a dependency-injection container's resource (`providers.Resource`)
 * enter it once for the application; only FastAPI's dependency injection enters it for every request that declares
 * it, so it counts only when the file (or, in workspace mode, another module) gives it to `Depends` by name.
 */
function heldByConsumer(a: CodeAnalyzer, token: number): boolean {
  const scope = a.scopes.enclosing(token, ['function']);
  const fn = a.language.family === 'python' && scope > 0 ? a.functions.get(scope) : undefined;
  if (!fn || !generators.get(a, scope, () => yields(a, scope))) {
    return false;
  }
  const name = a.id(fn.params - 1) ?? '';
  return !perRequestDependencies(a).has(name) && !(a.project?.perRequestDependencies?.() ?? []).includes(name);
}

/** Whether the function `scope` itself (not a function nested in it) has a `yield`. */
function yields(a: CodeAnalyzer, scope: number): boolean {
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    if (a.tokens.codes[k] === YIELD && a.scopes.enclosing(k, ['function']) === scope) {
      return true;
    }
  }
  return false;
}

/** C#: `using (var redis = Connect(...))`, `using (Connect(...))`, `using var redis = Connect(...);`, `await using ...`. */
function csharpUsing(a: CodeAnalyzer, keyword: number): number[] {
  const head = a.is(keyword + 1, '(') ? keyword + 2 : keyword + 1;
  const end = a.is(keyword + 1, '(') ? a.partner[keyword + 1] : a.tokens.length;
  for (let k = head; k < end && k < head + MAX_HEAD_TOKENS; k++) {
    if (a.is(k, '=')) {
      return [k + 1];
    }
    if (a.is(k, ';') || a.is(k, '{')) {
      break;
    }
  }
  // `using (ConnectionMultiplexer.Connect(...))`: the expression itself.
  return a.is(keyword + 1, '(') ? [head] : [];
}

/** Python: `with redis.Redis(...) as r:`, `async with redis.from_url(url) as r, other() as o:`. */
function pythonWith(a: CodeAnalyzer, keyword: number): number[] {
  const starts = [keyword + 1];
  const line = a.lines.lineOf(a.tokens.starts[keyword]);
  for (let k = keyword + 1; k < a.tokens.length && a.lines.lineOf(a.tokens.starts[k]) === line && !a.is(k, ':'); k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      starts.push(k + 1);
    }
  }
  return starts;
}

/** Java: the resources of `try (Jedis jedis = new Jedis(host); var other = ...)`. */
function javaTry(a: CodeAnalyzer, keyword: number): number[] {
  const open = keyword + 1;
  if (!a.is(open, '(') || a.partner[open] < 0) {
    return [];
  }
  const starts: number[] = [];
  for (let k = open + 1; k < a.partner[open]; k = a.skipGroup(k)) {
    if (a.is(k, '=')) {
      starts.push(k + 1);
    }
  }
  return starts;
}

/**
 * `name.close()` at the dot `k`, on a name the same function declares with a value (`rdb := redis.NewClient(...)`,
 * `const client = createClient()`, `Jedis jedis = new Jedis(host)`): the start of that value; none otherwise.
 */
function closedLocal(a: CodeAnalyzer, k: number, closes: readonly string[]): readonly number[] {
  if (!a.tokens.isOneOf(k + 1, closes) || !a.is(k + 2, '(') || !a.isId(k - 1) || (k > 1 && a.isAccess(k - 2))) {
    return NONE;
  }
  const declared = a.scopes.lookup(a.tokens.text(k - 1), k - 1)?.token ?? -1;
  const fn = a.scopes.enclosing(k, ['function']);
  if (declared < 0 || fn <= 0 || a.scopes.enclosing(declared, ['function']) !== fn) {
    return NONE;
  }
  const assign = declared + 1;
  return a.is(assign, '=') || a.is(assign, ':=') ? [a.idIs(assign + 1, 'await') ? assign + 2 : assign + 1] : NONE;
}
