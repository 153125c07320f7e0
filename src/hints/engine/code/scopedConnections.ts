/**
 * Redis clients a function opens and closes around its own work, so once per call: C#'s `using` of
 * `ConnectionMultiplexer.Connect(...)`, Python's `with redis.Redis(...) as r:`, Java's try-with-resources of
 * `new Jedis(...)`, and in every language a client the function makes in a local and closes itself (Go's
 * `defer rdb.Close()`, `await client.quit()`, `r.close()`, `redis.Dispose()`). Each call then pays a TCP
 * (and TLS) connection that a shared client would reuse: ElastiCache's client best practices call creating a
 * connection expensive next to a command, and StackExchange.Redis documents its multiplexer as one to share
 * and reuse, not to make per operation. A program's entry point (`main`) and tests open one on purpose.
 */
import { Family } from '../lexer';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { codeOf } from '../tokenCodes';
import { inTestCode } from './testFixtures';

const USING = codeOf('using');
const WITH = codeOf('with');
const TRY = codeOf('try');
const DOT = codeOf('.');
const NONE: readonly number[] = [];

/** Tokens read from a disposal keyword to the expression it holds: a declaration's type and name. */
const MAX_HEAD_TOKENS = 12;
/** Findings per file: a file that opens more is reported at its first ones. */
const MAX_FINDINGS = 32;

/** How one language scopes a resource to a block: from the keyword's token, the first token of each client expression it disposes. */
type ResourceStarts = (a: CodeAnalyzer, keyword: number) => number[];

interface ScopeReader {
  /** A cheap test of the text: whether the file may name a Redis client at all. */
  mayOpen: RegExp;
  /** A cheap test of the text: whether it may dispose of anything (a block keyword, a close method's call). */
  mayClose: RegExp;
  /** A statement that disposes what it opens when its block ends (`using`, `with`, try-with-resources). */
  block?: { keyword: number; resources: ResourceStarts };
  /** Methods that close a client: a function that makes a client in a local and calls one of these on it opens one per call. */
  closes: readonly string[];
}

const READERS: Partial<Record<Family, ScopeReader>> = {
  csharp: { mayOpen: /ConnectionMultiplexer/, mayClose: /\busing\b|\.(?:Close|Dispose)(?:Async)?\s*\(/, block: { keyword: USING, resources: csharpUsing }, closes: ['Close', 'CloseAsync', 'Dispose', 'DisposeAsync'] },
  python: { mayOpen: /redis|valkey/i, mayClose: /\bwith\b|\.a?close\s*\(/, block: { keyword: WITH, resources: pythonWith }, closes: ['close', 'aclose'] },
  java: { mayOpen: /redis|valkey/i, mayClose: /\btry\s*\(|\.(?:close|shutdown)\s*\(/, block: { keyword: TRY, resources: javaTry }, closes: ['close', 'shutdown'] },
  // `defer rdb.Close()` or a plain `rdb.Close()`.
  go: { mayOpen: /redis|valkey|rueidis/i, mayClose: /\.Close\s*\(/, closes: ['Close'] },
  // ioredis `quit()` / `disconnect()`, node-redis `quit()` / `disconnect()` / `close()`.
  js: { mayOpen: /redis|valkey/i, mayClose: /\.(?:quit|disconnect|close)\s*\(/, closes: ['quit', 'disconnect', 'close'] },
};

/** The names of the Redis client constructions (`ConnectionMultiplexer`, `Redis`, `Jedis`, `NewClient`) whose client the function disposes before it returns. */
export function connectionsPerCall(a: CodeAnalyzer): Span[] {
  const reader = READERS[a.language.family];
  if (!reader?.mayOpen.test(a.text) || !reader.mayClose.test(a.text)) {
    return [];
  }
  const found = new Map<number, Span>();
  const codes = a.tokens.codes;
  for (let k = 0; k < codes.length && found.size < MAX_FINDINGS; k++) {
    const code = codes[k];
    const starts = reader.block && code === reader.block.keyword ? reader.block.resources(a, k) : code === DOT ? closedLocal(a, k, reader.closes) : NONE;
    for (const start of starts) {
      const name = redisConstruction(a, start);
      if (name >= 0 && inOrdinaryFunction(a, name) && !inTestCode(a, name)) {
        found.set(name, a.tokenSpan(name));
      }
    }
  }
  return [...found.values()];
}

/**
 * The name token of a call that makes a new Redis client, from the expression's first token (past `await`), or
 * -1: `new Jedis(...)`, or a call rooted at an import or a class name (`redis.Redis(...)`, `redis.NewClient(...)`,
 * `ConnectionMultiplexer.Connect(...)`). A client a pool lends (`pool.getResource()`) or one over a shared pool
 * (`redis.Redis(connection_pool=pool)`) opens no connection of its own.
 */
function redisConstruction(a: CodeAnalyzer, start: number): number {
  const awaited = a.idIs(start, 'await');
  const constructed = a.idIs(awaited ? start + 1 : start, 'new');
  const first = (awaited ? start + 1 : start) + (constructed ? 1 : 0);
  if (!a.isId(first) || (!constructed && !importedName(a, first) && !isTypeName(a, first))) {
    return -1;
  }
  let name = first;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  // Type arguments of a Java constructor are not read: `new Jedis(...)` has none.
  const open = name + 1;
  if (!a.isId(name) || !a.is(open, '(') || a.partner[open] < 0) {
    return -1;
  }
  if (sharesPool(a, open)) {
    return -1;
  }
  const value = a.evalChain(awaited ? start + 1 : start, a.partner[open] + 1).value;
  if (value?.t !== 'client' || value.kind !== 'redis') {
    return -1;
  }
  // Java and C# name a static factory's client by its class (`ConnectionMultiplexer.Connect`), as the handler rules do.
  const typed = a.language.family === 'java' || a.language.family === 'csharp';
  return typed && !constructed && name !== first ? first : name;
}

/** A module or package the file imports (Go's by their package name). */
function importedName(a: CodeAnalyzer, k: number): boolean {
  const name = a.tokens.text(k);
  return a.imports.has(name) || a.goPackages.has(name);
}

/** A class name the file does not bind (`ConnectionMultiplexer`, `RedisClient`): a static factory's receiver, not a variable. */
function isTypeName(a: CodeAnalyzer, k: number): boolean {
  const code = a.tokens.text(k).charCodeAt(0);
  return code >= 65 && code <= 90 && a.scopes.lookup(a.tokens.text(k), k) === undefined;
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

/** Inside a function that is not the program's entry point (`main`, `Main`): a service's method, a handler, a helper. */
function inOrdinaryFunction(a: CodeAnalyzer, token: number): boolean {
  const scope = a.scopes.enclosing(token, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  if (!fn) {
    return false;
  }
  const name = a.id(fn.params - 1);
  return name !== 'main' && name !== 'Main';
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
