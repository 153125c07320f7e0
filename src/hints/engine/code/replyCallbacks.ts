/** The functions a DynamoDB read hands its reply to, which page it when they read the reply's marker. */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { isPassedInline } from './loops';
import { tokensNamed } from './tokenIndex';

/** Methods of a promise or a Java `CompletableFuture` that hand its result to a function. */
const CONTINUATIONS = new Set(['then', 'thenApply', 'thenAccept', 'thenCompose', 'whenComplete', 'handle']);

/**
 * The scopes of the functions a read hands its reply to: those passed to the call (`docClient.scan(params, onScan)`,
 * `scan(params, function (err, data) {...})`) and those given to the `then` of its promise
 * (`client.send(new ScanCommand(params)).then(onScan)`, `docClient.scan(params).promise().then(onScan)`) or to the
 * continuation of a Java async client's future (`client.scan(request).whenComplete((result, error) -> ...)`, in
 * Kotlin also a lambda alone: `.whenComplete { result, _ -> ... }`).
 * A callback that reads the marker pages the call, as `onScan` sends the read again with the next key; so does one
 * a call of the file builds (`scan(params, self._onScan(observer, params))` whose method returns the callback).
 */
export function replyCallbacks(a: CodeAnalyzer, nameIndex: number): number[] {
  const open = nameIndex + 1;
  if (!a.is(open, '(') || a.partner[open] < 0) {
    return [];
  }
  const scopes = functionArguments(a, open);
  // `send(new ScanCommand(params))`: the promise is the send's, when the command is its only argument.
  let sendOpen = a.idIs(nameIndex - 1, 'new') && a.is(nameIndex - 2, '(') && a.is(a.partner[open] + 1, ')') ? nameIndex - 2 : -1;
  // `const command = new ScanCommand(params); client.send(command, function (err, data) {...})`: the send's callback and promise.
  const heldSend = sendOpen < 0 ? sendOfHeldCommand(a, nameIndex) : -1;
  if (heldSend >= 0) {
    scopes.push(...functionArguments(a, heldSend));
    sendOpen = heldSend;
  }
  let close = sendOpen >= 0 ? a.partner[sendOpen] : a.partner[open];
  while (close > 0 && a.is(close + 1, '.') && (a.is(close + 3, '(') || a.is(close + 3, '{')) && a.partner[close + 3] > 0) {
    const method = a.id(close + 2);
    const lambda = a.is(close + 3, '{') ? a.scopes.scopeAt(close + 3) : -1;
    if (lambda >= 0 && a.functions.has(lambda) && a.scopes.start(lambda) === close + 3) {
      if (!CONTINUATIONS.has(method ?? '')) {
        break;
      }
      scopes.push(lambda);
    } else if (lambda >= 0) {
      break;
    } else if (method !== undefined && CONTINUATIONS.has(method)) {
      scopes.push(...functionArguments(a, close + 3));
    } else if (method !== 'promise') {
      break;
    }
    close = a.partner[close + 3];
  }
  return scopes;
}

/** The scopes of the functions among a call's arguments: named ones, and ones written inline. */
function functionArguments(a: CodeAnalyzer, open: number): number[] {
  const scopes: number[] = [];
  for (const [start, end] of segments(a, open)) {
    if (end - start === 1 && a.isId(start)) {
      const scope = namedFunction(a, start);
      if (scope >= 0) {
        scopes.push(scope);
      }
      continue;
    }
    const scope = inlineFunction(a, start);
    if (scope >= 0) {
      scopes.push(scope);
      continue;
    }
    // A call that builds the callback (`self._onScan(observer, params)`, a method of the class): the functions it returns.
    const close = end - 1;
    if (a.language.family === 'js' && a.is(close, ')') && a.partner[close] > start) {
      const builder = a.evalChain(start, a.partner[close]).value;
      if (builder?.t === 'function') {
        scopes.push(...returnedFunctions(a, builder.scope));
      }
    }
  }
  return scopes;
}

/** The scope of the function written inline at `start`, or -1: its scope starts at its parameters, after `async` and `function name`. */
function inlineFunction(a: CodeAnalyzer, start: number): number {
  let k = a.idIs(start, 'async') ? start + 1 : start;
  k = a.idIs(k, 'function') ? (a.isId(k + 1) ? k + 2 : k + 1) : k;
  const scope = a.scopes.scopeAt(k);
  return a.functions.has(scope) && a.scopes.start(scope) === k ? scope : -1;
}

/** The scopes of the functions written inline that the function of `scope` returns (`return function (err, data) {...}`, `=> (err, data) => ...`). */
function returnedFunctions(a: CodeAnalyzer, scope: number): number[] {
  const fn = a.functions.get(scope);
  if (!fn) {
    return [];
  }
  if (fn.concise >= 0) {
    const returned = inlineFunction(a, fn.concise);
    return returned >= 0 ? [returned] : [];
  }
  const found: number[] = [];
  const [start, end] = a.scopes.range(scope);
  for (let k = Math.max(start, fn.body); k < end; k++) {
    if (a.idIs(k, 'return') && a.scopes.enclosing(k, ['function']) === scope) {
      const returned = inlineFunction(a, k + 1);
      if (returned >= 0) {
        found.push(returned);
      }
    }
  }
  return found;
}

/**
 * The scope of the function a name passed at `at` stands for, or -1. A JavaScript function declaration is
 * hoisted, so one written after the call (`docClient.scan(params, onScan); function onScan(err, data) {...}`) counts.
 */
function namedFunction(a: CodeAnalyzer, at: number): number {
  const name = a.tokens.text(at);
  const value = a.lookup(name, at);
  if (value?.t === 'function') {
    return value.scope;
  }
  if (a.language.family !== 'js') {
    return -1;
  }
  const later = a.scopes.bindingsIn(a.scopes.declaringScope(name, at)).get(name)?.find((binding) => binding.token > at && a.idIs(binding.token, 'function'));
  return later?.fixed?.t === 'function' ? later.fixed.scope : -1;
}

/**
 * Whether the scope `inner` (a function or a loop) runs as part of the reply callback `callback`: inside it, through
 * blocks, loops and functions passed inline to a call (`setTimeout(function () { if (data.LastEvaluatedKey) ... })`),
 * not through a function only defined there, which may never run.
 */
export function runsInCallback(a: CodeAnalyzer, inner: number, callback: number): boolean {
  let scope = inner;
  for (; scope > 0 && scope !== callback; scope = a.scopes.parent(scope)) {
    if (a.scopes.kind(scope) === 'function' && !isPassedInline(a, scope)) {
      return false;
    }
  }
  return scope === callback && inner !== callback;
}

/**
 * JavaScript: the `(` of the one `send(name, ...)` that sends the command a declaration binds at `nameIndex`
 * (`const command = new ScanCommand(params)`), the command its first argument; -1 when there is none or several.
 */
function sendOfHeldCommand(a: CodeAnalyzer, nameIndex: number): number {
  const declared = nameIndex - 3;
  if (a.language.family !== 'js' || !a.idIs(nameIndex - 1, 'new') || !a.is(nameIndex - 2, '=') || !a.isId(declared)) {
    return -1;
  }
  const name = a.tokens.text(declared);
  let found = -1;
  for (const use of tokensNamed(a, name)) {
    if (use === declared || a.scopes.lookup(name, use)?.token !== declared) {
      continue;
    }
    if (!a.is(use - 1, '(') || !a.idIs(use - 2, 'send') || !a.isAccess(use - 3) || !(a.is(use + 1, ',') || a.is(use + 1, ')'))) {
      return -1;
    }
    if (found >= 0) {
      return -1;
    }
    found = use - 1;
  }
  return found;
}
