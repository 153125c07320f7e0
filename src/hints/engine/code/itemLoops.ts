/**
 * Whether a DynamoDB call runs once per element of a loop and waits for its reply each time round: one
 * network round trip per item, where a batch call (or requests sent together) would take one. Each language
 * says for itself what waits: an `await`, a blocking client, a .NET method without `Async`.
 */
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { dialectOf } from './firstItemDialects';
import { segments, trailingLambdaCall } from './braces';
import { insideCallArguments } from './enclosingCalls';
import { calleeScope, helperNameOf } from './forwardedRequests';
import { helperWrappers, withWrapperCallers } from './helperWrappers';
import { closeAngle } from './typeArguments';
import { elementLoopAround, elementLoopOutsideConditionLoops, loopKind, perElementReference, retriesOrPolls } from './loops';
import { leavesLoopAfter } from './loopExits';
import { FileMemo, perFile } from './fileMemo';
import { chainStart } from './receiverChains';
import { isPynamodbOperation } from './languages/pynamodb';
import { inTestCode } from './testFixtures';

/** The call of the operation named at `nameIndex`, from its receiver to its closing parenthesis and past what unwraps its result. */
interface ItemCall {
  /** The call's first token (its receiver's). */
  start: number;
  /** The call's closing parenthesis. */
  close: number;
  /** The token after its result (past `.promise()`, `.join()`, `.ConfigureAwait(false)`). */
  end: number;
  name: number;
}

type Waits = (a: CodeAnalyzer, call: ItemCall) => boolean;

const awaited = (a: CodeAnalyzer, call: ItemCall): boolean => a.idIs(call.start - 1, 'await');

/** Java: a future's continuation (`thenApply`, `whenComplete`) goes on without waiting. */
const JAVA_CONTINUATIONS = ['thenApply', 'thenAccept', 'thenCompose', 'thenRun', 'thenCombine', 'whenComplete', 'handle', 'exceptionally'];
/**
 * Java async clients, whose calls return futures: the call waits only where `.join()` or `.get()` follows (or, in Kotlin,
 * the coroutine's `.await()`). The enhanced client's async tables (`DynamoDbEnhancedAsyncClient`) return futures too.
 */
const JAVA_ASYNC_CLIENT = /\b(?:DynamoDbAsync\w*|DynamoDbEnhancedAsync\w*|AmazonDynamoDBAsync\w*)\b/;

const WAITS: Partial<Record<CodeAnalyzer['language']['family'], Waits>> = {
  // Promises: only an awaited call waits; calls in a loop without `await` go out together.
  js: awaited,
  // boto3 and PynamoDB block, in an `async def` too; there a call without `await` may also be a coroutine
  // (aioboto3) that something gathers, unless the library is a blocking one: PynamoDB, or a file's own boto3
  // clients where the call is no argument of another (`asyncio.gather(*[...])` collects coroutines). A call that is
  // its whole statement in a file naming no asyncio library of the SDK (an injected boto3 table's
  // `self.table.delete_item(...)`) keeps no coroutine to gather: it blocks.
  python: (a, call) =>
    awaited(a, call) ||
    !inAsyncFunction(a, call.start) ||
    isPynamodbOperation(a, call.name) ||
    (makesOnlyBlockingClients(a) && !insideCallArguments(a, call.start, () => true)) ||
    (a.startsLine(call.start) && !(a.parent[call.start] >= 0 && a.tokens.isOneOf(a.parent[call.start], ['(', '[', '{'])) && !namesAsyncioSdk(a)),
  java: (a, call) => {
    if (a.is(call.end, '.') && a.tokens.isOneOf(call.end + 1, JAVA_CONTINUATIONS)) {
      return false;
    }
    return call.end > call.close + 1 || a.is(call.close + 2, 'get') || a.is(call.close + 2, 'await') || !usesJavaAsyncClient(a);
  },
  // Go's calls block; a goroutine is a function of its own, outside the loop.
  go: () => true,
  // .NET: `await`, a blocking `.Result` / `.Wait()`, or a synchronous method (.NET Framework's, without `Async`).
  csharp: (a, call) => awaited(a, call) || !(a.id(call.name) ?? '').endsWith('Async') || a.tokens.isOneOf(call.close + 2, ['Result', 'Wait', 'GetAwaiter']),
};

/** A Python file that names an asyncio library of the SDK, whose calls return coroutines. */
const namesAsyncioSdk = perFile((a) => /\baio(?:boto3|botocore)\b/.test(a.text));

/** A Python file that makes its boto3 clients itself and names no asyncio library of the SDK: its calls block. */
const makesOnlyBlockingClients = perFile((a) => /\bboto3\.(?:client|resource|Session)\s*\(/.test(a.text) && !namesAsyncioSdk(a));

/** Whether a Java file names an async DynamoDB client type: read once per file. */
export const usesJavaAsyncClient = perFile((a) => JAVA_ASYNC_CLIENT.test(a.text));

/** A generic method's call (`context.LoadAsync<Order>(id)` in C#), which the dialects do not read: its name and the token after it. */
function genericCall(a: CodeAnalyzer, name: number): { name: number; end: number } | undefined {
  const close = callClose(a, name);
  return close > name && a.is(name + 1, '<') ? { name, end: close + 1 } : undefined;
}

/**
 * The closing parenthesis of the call of the method named at `name`, past type arguments (`LoadAsync<Order>(id)`), or
 * the `}` of a Kotlin lambda that is its only argument (`ddb.putItem { tableName = t }`); else -1.
 */
function callClose(a: CodeAnalyzer, name: number): number {
  if (a.is(name + 1, '(') || trailingLambdaCall(a, name)) {
    return a.partner[name + 1];
  }
  const angle = a.language.typeArguments && a.is(name + 1, '<') ? closeAngle(a, name + 1) : -1;
  return angle > 0 && a.is(angle + 1, '(') ? a.partner[angle + 1] : -1;
}

/** Tokens read after a command's declaration for the `send` of it: a loop body's few statements. */
const MAX_SEND_DISTANCE = 400;

/**
 * JavaScript's command declared first and sent after (`const command = new PutCommand({...}); await
 * client.send(command);`, the SDK documentation's style): the `send` call of it in the same block, or undefined.
 */
function sentCommand(a: CodeAnalyzer, name: number): { name: number; end: number } | undefined {
  const variable = name - 3;
  if (a.language.family !== 'js' || !a.idIs(name - 1, 'new') || !a.is(name - 2, '=') || !a.isId(variable) || !a.tokens.isOneOf(name - 4, DECLARATIONS)) {
    return undefined;
  }
  const open = name + 1;
  const end = Math.min(a.scopes.range(a.scopes.scopeAt(name))[1], name + MAX_SEND_DISTANCE);
  for (let k = a.is(open, '(') ? a.partner[open] + 1 : open; k > 0 && k < end; k++) {
    if (a.idIs(k, 'send') && a.isAccess(k - 1) && a.is(k + 1, '(') && a.is(k + 3, ')') && a.tokens.is(k + 2, a.tokens.text(variable))) {
      return { name: k, end: k + 4 };
    }
  }
  return undefined;
}

const DECLARATIONS = ['const', 'let', 'var'];

/** Whether a Python token is in an `async def` (its nearest function). */
function inAsyncFunction(a: CodeAnalyzer, token: number): boolean {
  const fn = a.scopes.enclosing(token, ['function']);
  const head = fn > 0 ? a.functions.get(fn) : undefined;
  return head !== undefined && a.idIs(head.params - 2, 'def') && a.idIs(head.params - 3, 'async');
}

/**
 * In a loop statement over elements, also through a `while` inside one, or (Java's blocking calls) in
 * `ids.forEach(id -> ...)` or a stream's `map`, which run one after the other too.
 */
function runsPerElement(a: CodeAnalyzer, token: number): boolean {
  return elementLoopAround(a, token) >= 0 || elementLoopOutsideConditionLoops(a, token) >= 0 || (a.language.family === 'java' && loopKind(a, token) === 'callback');
}

/**
 * Whether the call of the operation named at `nameIndex` runs once per element of a loop statement of its
 * own function and waits there for each reply. A loop the call leaves at once (`break` or `return` after it)
 * or that retries or polls runs it once, not per element.
 */
export function waitsPerElement(a: CodeAnalyzer, nameIndex: number): boolean {
  const waits = WAITS[a.language.family];
  if (perElementReference(a, nameIndex)) {
    // `items.forEach(table::putItem)`: a blocking client's call per element; an async client's futures go out together.
    return !usesJavaAsyncClient(a) && !retriesOrPolls(a, nameIndex);
  }
  if (!waits || !runsPerElement(a, nameIndex)) {
    return false;
  }
  const result = sentCommand(a, nameIndex) ?? dialectOf(a)?.result(a, nameIndex) ?? genericCall(a, nameIndex);
  const close = result ? callClose(a, result.name) : -1;
  if (!result || close < 0) {
    return false;
  }
  const call: ItemCall = { start: a.isAccess(result.name - 1) ? chainStart(a, result.name - 2) : result.name, close, end: result.end, name: result.name };
  return call.start >= 0 && !leavesLoopAfter(a, call.start, result.end - 1) && !retriesOrPolls(a, nameIndex) && waits(a, call);
}

/**
 * Methods that take a request to send it, by their name (a project's `Put`, `putItem`, `SaveAsync`, `deleteOne`):
 * not a list's `append`, `add` or `Insert`, which collect requests for a batch.
 */
const SENDING_METHOD = /put|get|delete|save|load|remove|fetch|write|read|store|upsert/i;

/**
 * The call a typed request is written straight into, as a whole argument, when that call is no SDK call of its own
 * (`s.client.Put(ctx, &dynamodb.PutItemInput{...})` on a project's client, `repo.putItem(PutItemRequest.builder()
 * ….build())`, `await store.PutAsync(new PutItemRequest {...})`) and runs once per element of a loop and waits:
 * the called method's name token, or -1. Its round trip per item is the request's.
 */
export function sendingCallPerElement(a: CodeAnalyzer, request: number): number {
  const open = a.parent[request];
  const name = open - 1;
  if (open <= 0 || !a.is(open, '(') || !a.isId(name) || !a.isAccess(name - 1) || !SENDING_METHOD.test(a.tokens.text(name))) {
    return -1;
  }
  const argument = segments(a, open).find(([from, to]) => from <= request && request < to);
  if (!argument || !wholeRequest(a, request, argument) || a.operations.some((operation) => operation.call && operation.tokenIndex === name)) {
    return -1;
  }
  return waitsPerElement(a, name) ? name : -1;
}

/** Whether an argument's tokens are only the request whose type is at `request`: `&pkg.Type{…}`, `new Type {…}`, `Type.builder()….build()`. */
function wholeRequest(a: CodeAnalyzer, request: number, [from, to]: [number, number]): boolean {
  const prefix = request - from;
  const written = prefix === 0 || (prefix === 1 && a.idIs(from, 'new')) || (prefix === 3 && a.is(from, '&') && a.isAccess(request - 1));
  if (!written) {
    return false;
  }
  if (a.is(request + 1, '{')) {
    return a.partner[request + 1] === to - 1;
  }
  return a.is(to - 1, ')') && a.is(to - 2, '(') && a.idIs(to - 3, 'build');
}

const OPEN_PAREN = codeOf('(');
const LESS = codeOf('<');
const METHOD_REFERENCE = codeOf('::');
const ITEM_OPERATIONS = new Set(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']);
/** Callers kept per helper: a helper called from more places is a library's. */
const MAX_CALLERS = 16;

/** What a helper sends, one request or command per call: a DynamoDB item request, or Redis commands on keys. */
export type HelperKind = 'item-request' | 'redis-command';

/** Per file and kind, by the function scope of each helper, its same-file calls that run once per element and wait. */
const callersByKind = new FileMemo<HelperKind, ReadonlyMap<number, readonly number[]>>();

/**
 * The same-file calls of the function around the call at `token` (a repository's `getOrder(id)` around its
 * `GetItem`, a cache layer's `getUser(id)` around its `GET`) that run once per element of a loop and wait for
 * each reply: the same round trip per item, one call away. Found for every helper of the file in one pass
 * over its calls.
 */
export function waitingCallers(a: CodeAnalyzer, token: number, kind: HelperKind): readonly number[] {
  const scope = a.scopes.enclosing(token, ['function']);
  if (scope <= 0) {
    return [];
  }
  return callersByKind.get(a, kind, () => {
    const helpers = kind === 'item-request' ? itemRequestHelpers(a) : redisCommandHelpers(a);
    // Also one call further up: a loop over a function that only hands its key on to the helper.
    const wrappers = helperWrappers(a, helpers);
    return withWrapperCallers(callersOf(a, new Set([...helpers, ...wrappers.keys()])), wrappers, MAX_CALLERS);
  }).get(scope) ?? [];
}

/** The same-file calls of the function `scope` that run once per element of a loop and wait for each reply. */
export function callersPerElement(a: CodeAnalyzer, scope: number): readonly number[] {
  return callersOf(a, new Set([scope])).get(scope) ?? [];
}

/**
 * Functions whose one DynamoDB call is an item request. A function that also updates or queries costs its
 * callers more than a batch would save.
 */
export function itemRequestHelpers(a: CodeAnalyzer): Set<number> {
  const weights = new Map<number, number>();
  for (const operation of a.operations) {
    const scope = operation.call ? a.scopes.enclosing(operation.tokenIndex, ['function']) : -1;
    if (scope > 0) {
      weights.set(scope, (weights.get(scope) ?? 0) + (ITEM_OPERATIONS.has(operation.operation) ? 1 : 2));
    }
  }
  return new Set([...weights].filter(([, weight]) => weight === 1).map(([scope]) => scope));
}

/**
 * Functions that send Redis commands one at a time and nothing to DynamoDB: a cache layer's `get`, a
 * cache-aside read. One that batches (a pipeline) or loops itself is not one command per call.
 */
function redisCommandHelpers(a: CodeAnalyzer): Set<number> {
  const helpers = new Set<number>();
  const excluded = new Set<number>();
  for (const call of a.redisCalls) {
    const scope = a.scopes.enclosing(call.tokenIndex, ['function']);
    (call.batched || call.inLoop ? excluded : helpers).add(scope);
  }
  for (const operation of a.operations) {
    if (operation.call) {
      excluded.add(a.scopes.enclosing(operation.tokenIndex, ['function']));
    }
  }
  excluded.forEach((scope) => helpers.delete(scope));
  helpers.delete(-1);
  helpers.delete(0);
  return helpers;
}

/** Calls whose argument runs its commands queued: `pipelined(block)`, `executePipelined(...)`, `multi(...)`, `batch(...)`, `transaction(...)`. */
const BATCHING_CALL = /pipelin|multi|batch|transaction/i;
/** Whether a call site sits in the argument of a call that queues what it runs (a project's `pipelined(new PipelineBlock() {...})`). */
function insideBatchingCall(a: CodeAnalyzer, k: number): boolean {
  return insideCallArguments(a, k, (name) => BATCHING_CALL.test(a.tokens.text(name)));
}

/** The helper name the token reads, compared in place (no text sliced), or undefined. */
function helperNamed(a: CodeAnalyzer, k: number, names: readonly string[]): string | undefined {
  for (const name of names) {
    if (a.tokens.is(k, name)) {
      return name;
    }
  }
  return undefined;
}

/**
 * `users.forEach(this::save)`, `ids.stream().map(this::load)`: a reference to a method of the class itself, the
 * whole argument of a sequential `forEach` or a stream's `map`, calls it once per element, in turn. Only `this::`,
 * so that the name resolves to the class's own method; not an `Optional`'s `map` (once at most) nor a parallel stream.
 */
function ownPerElementReference(a: CodeAnalyzer, name: number): boolean {
  if (!a.idIs(name - 2, 'this') || !a.is(name - 3, '(') || !perElementReference(a, name)) {
    return false;
  }
  const method = name - 4;
  let stream = false;
  for (let k = chainStart(a, method - 2); k >= 0 && k < method - 1; k++) {
    if (a.idIs(k, 'parallelStream') || a.idIs(k, 'parallel')) {
      return false;
    }
    stream ||= a.idIs(k, 'stream') && a.isAccess(k - 1) && a.is(k + 1, '(') && a.parent[k] === a.parent[method];
  }
  return stream || a.idIs(method, 'forEach');
}

function callersOf(a: CodeAnalyzer, helperScopes: ReadonlySet<number>): ReadonlyMap<number, readonly number[]> {
  // The helpers by the name they are called by.
  const helpers = new Map<string, Set<number>>();
  for (const scope of helperScopes) {
    const fn = a.functions.get(scope);
    const name = fn && fn.params >= 0 ? helperNameOf(a, fn.params) : undefined;
    if (name) {
      helpers.set(name, (helpers.get(name) ?? new Set()).add(scope));
    }
  }
  const callers = new Map<number, number[]>();
  if (helpers.size === 0) {
    return callers;
  }
  // One cheap pass over the file's calls: names compared in place, then whether the call runs per element,
  // and only then what it calls (a common helper name such as `get` has many calls that are not the helper's).
  const names = [...helpers.keys()];
  const lengths = new Set(names.map((name) => name.length));
  const { starts, ends, codes } = a.tokens;
  const java = a.language.family === 'java';
  for (let k = 0; k < a.tokens.length; k++) {
    const reference = java && codes[k - 1] === METHOD_REFERENCE;
    if ((codes[k + 1] !== OPEN_PAREN && codes[k + 1] !== LESS && !reference) || !lengths.has(ends[k] - starts[k]) || !a.isId(k)) {
      continue;
    }
    const name = helperNamed(a, k, names);
    // `cachedJson<Product>(key)`: a call with type arguments; not a comparison.
    const called = reference || codes[k + 1] === OPEN_PAREN || callClose(a, k) > 0;
    if (name === undefined || !called || !(reference ? ownPerElementReference(a, k) : runsPerElement(a, k))) {
      continue;
    }
    const callee = calleeScope(a, k);
    if (!helpers.get(name)!.has(callee) || a.scopes.enclosing(k, ['function']) === callee) {
      continue;
    }
    const sites = callers.get(callee) ?? [];
    if (sites.length < MAX_CALLERS && waitsPerElement(a, k) && !inTestCode(a, k) && !insideBatchingCall(a, k)) {
      sites.push(k);
      callers.set(callee, sites);
    }
  }
  return callers;
}
