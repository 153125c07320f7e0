/**
 * Same-file functions a handler calls (`sqlHelpers.ts` for SQL connections, `handlerClients.ts` for SDK and Redis
 * clients): their names, whether a decorator or annotation may keep what they return, and the one function of
 * the file that a call names. A Lambda or web handler that calls `TransactionAsync(...)`, `this.connect()` or
 * `make_client()` of its own file, whose body makes a client and keeps it nowhere outside, makes one on every
 * call as surely as a handler that makes it in its own body.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import type { FunctionScope } from './language';
import { mayKeepResult } from './languages/pythonDecorators';

/** The name token of a function: `def name(`, `function name(`, `func name(`, a method's, `const name = (...) =>`, `exports.name = (...) =>`, or an object literal's `name: (...) =>`; -1 for none. */
export function functionName(a: CodeAnalyzer, fn: FunctionScope): number {
  const method = goMethodName(a, fn);
  if (method >= 0) {
    return method;
  }
  const before = fn.params - 1;
  if (a.isId(before) && !a.idIs(before, 'function') && !a.idIs(before, 'async') && !a.idIs(before, 'lambda')) {
    return before;
  }
  // `const getClient = async () => { ... }`, `const getClient = function () { ... }`.
  let eq = a.idIs(before, 'async') || a.idIs(before, 'function') ? before - 1 : before;
  if (a.idIs(eq, 'async')) {
    eq--;
  }
  if (a.is(eq, '=') && a.isId(eq - 1) && (!a.isAccess(eq - 2) || commonJsExport(a, eq - 1))) {
    return eq - 1;
  }
  // An object literal's member: `{ get: async (table, id) => { ... } }`.
  const member = a.is(eq, ':') && a.isId(eq - 1) && (a.is(eq - 2, '{') || a.is(eq - 2, ',')) && a.is(a.parent[eq], '{');
  return member && a.language.family === 'js' ? eq - 1 : -1;
}

/** Whether the name at `name` is a CommonJS export's: `exports.name`, `module.exports.name`. */
function commonJsExport(a: CodeAnalyzer, name: number): boolean {
  const exportsAt = name - 2;
  return a.language.family === 'js' && a.idIs(exportsAt, 'exports') && (!a.isAccess(exportsAt - 1) || (a.idIs(exportsAt - 2, 'module') && !a.isAccess(exportsAt - 3)));
}

/** Tokens read back from a Java method's name to the annotations of its declaration. */
const MAX_DECLARATION_TOKENS = 16;

/**
 * Whether a decorator or annotation may hand back an earlier call's connection: a Python cache decorator
 * (`@lru_cache`, `@cache`, or one of unknown effect), or a Java annotation other than `@Override` (Spring's
 * `@Bean` and `@Cacheable`: the container calls it once, or caches what it returns).
 */
export function mayKeep(a: CodeAnalyzer, name: number): boolean {
  if (a.language.family === 'python') {
    return a.idIs(name - 1, 'def') && mayKeepResult(a, name - 1);
  }
  if (a.language.family !== 'java') {
    return false;
  }
  for (let k = name - 1; k >= 0 && k >= name - MAX_DECLARATION_TOKENS && !a.is(k, ';') && !a.is(k, '{') && !a.is(k, '}'); k--) {
    if (a.is(k, '@') && !a.idIs(k + 1, 'Override')) {
      return true;
    }
  }
  return false;
}

/** Per file, each function name with its one function, or null when two functions share it. */
const byName = new FileMemo<'functions', ReadonlyMap<string, FunctionScope | null>>();

function functionsByName(a: CodeAnalyzer): ReadonlyMap<string, FunctionScope | null> {
  return byName.get(a, 'functions', () => {
    const found = new Map<string, FunctionScope | null>();
    for (const fn of a.functions.values()) {
      const name = functionName(a, fn);
      if (name >= 0) {
        const text = a.tokens.text(name);
        found.set(text, found.has(text) ? null : fn);
      }
    }
    return found;
  });
}

/**
 * The function of this file that the call at `k` names, bare or on `this` / `self` (`TransactionAsync(...)`,
 * `this.connect()`), when one function of the file has the name, it is not the caller, and nothing of the caller
 * binds the name; with the call's first token. Undefined otherwise, and for a function a decorator or annotation
 * may keep the result of (`mayKeep`), unless `keptResults`: a reader of items whose callers only follow what it returns.
 */
export function calledFunction(a: CodeAnalyzer, k: number, caller: number, keptResults = false): { fn: FunctionScope; start: number } | undefined {
  if (!a.isId(k) || !a.is(k + 1, '(') || a.partner[k + 1] < 0) {
    return undefined;
  }
  const fn = functionsByName(a).get(a.tokens.text(k));
  const onInstance = a.isAccess(k - 1) && !a.isAccess(k - 3) && (a.idIs(k - 2, 'this') || a.idIs(k - 2, 'self') || (fn !== undefined && fn !== null && (onGoReceiver(a, k - 2, caller, fn) || onGoLocal(a, k - 2, caller, fn))));
  if ((a.isAccess(k - 1) && !onInstance) || a.idIs(k - 1, 'new') || a.idIs(k - 1, 'def') || a.idIs(k - 1, 'function') || a.idIs(k - 1, 'func')) {
    return undefined;
  }
  if (!fn || fn.scope === caller || runningFunction(a, k) !== caller || (!keptResults && mayKeep(a, functionName(a, fn)))) {
    return undefined;
  }
  const binding = onInstance ? undefined : a.scopes.lookup(a.tokens.text(k), k);
  if (binding !== undefined && a.scopes.enclosing(binding.token, ['function']) === caller) {
    return undefined;
  }
  return { fn, start: onInstance ? k - 2 : k };
}

/**
 * The function whose every call runs the token at `k`: the one around it, or, for a JavaScript promise executor
 * (`return new Promise((resolve, reject) => { getDocClient().query(params, cb) })`), which the promise runs at
 * once, the function that makes the promise.
 */
export function runningFunction(a: CodeAnalyzer, k: number): number {
  const scope = a.scopes.enclosing(k, ['function']);
  const call = a.language.family === 'js' ? promiseCall(a, scope) : -1;
  return call >= 0 ? a.scopes.enclosing(call, ['function']) : scope;
}

/** The `new` of `new Promise(...)` when the function `scope` is written as its executor (`(resolve, reject) => ...`, `function (resolve, reject) ...`), else -1. */
export function promiseCall(a: CodeAnalyzer, scope: number): number {
  const params = a.functions.get(scope)?.params ?? -1;
  const open = a.idIs(params - 1, 'function') ? params - 2 : params - 1;
  return params > 3 && a.is(params, '(') && a.is(open, '(') && a.idIs(open - 1, 'Promise') && a.idIs(open - 2, 'new') ? open - 2 : -1;
}

/** A Go method's name token (`Hub` of `func (h *Handler) Hub(`, whose scope starts at the receiver's `(`), or -1. */
export function goMethodName(a: CodeAnalyzer, fn: FunctionScope): number {
  const close = a.language.family === 'go' && a.idIs(fn.params - 1, 'func') && a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  return close > 0 && a.isId(close + 1) && a.is(close + 2, '(') ? close + 1 : -1;
}

/** A Go method's receiver (`func (h *Handler) Hub(`): its name and type tokens, or undefined for a plain function or a receiver without a name. */
function goReceiver(a: CodeAnalyzer, fn: FunctionScope): { name: number; type: number } | undefined {
  const name = goMethodName(a, fn);
  const type = name > 0 ? name - 2 : -1;
  return type > fn.params + 1 && a.isId(fn.params + 1) && a.isId(type) ? { name: fn.params + 1, type } : undefined;
}

/**
 * Whether `receiver` is a local the caller makes of the type `callee` is a method of (`db := &storage{}` then
 * `db.open(ctx)`, `s := storage{}`, `s := new(storage)`): the call runs that method of this file.
 */
function onGoLocal(a: CodeAnalyzer, receiver: number, caller: number, callee: FunctionScope): boolean {
  const type = goReceiver(a, callee)?.type;
  const binding = type !== undefined && a.isId(receiver) ? a.scopes.lookup(a.tokens.text(receiver), receiver) : undefined;
  if (type === undefined || !binding || binding.expression < 0 || a.scopes.enclosing(binding.token, ['function']) !== caller) {
    return false;
  }
  const k = binding.expression;
  const typeName = a.tokens.text(type);
  const literal = (at: number) => a.idIs(at, typeName) && a.is(at + 1, '{');
  return literal(a.is(k, '&') ? k + 1 : k) || (a.idIs(k, 'new') && a.is(k + 1, '(') && a.idIs(k + 2, typeName) && a.is(k + 3, ')'));
}

/** Whether `receiver` is the caller method's receiver and `callee` a method of the same type (`h.Do(...)` in `func (h Handler) Hub`). */
function onGoReceiver(a: CodeAnalyzer, receiver: number, caller: number, callee: FunctionScope): boolean {
  const method = a.functions.get(caller);
  const own = method ? goReceiver(a, method) : undefined;
  const other = own ? goReceiver(a, callee) : undefined;
  return own !== undefined && other !== undefined && a.tokens.text(own.name) === a.tokens.text(receiver) && a.tokens.text(own.type) === a.tokens.text(other.type);
}

/** A helper's parameter names, in order, without Python's `self` and `cls`: the positions a caller's arguments fill. */
export function callerParameterNames(a: CodeAnalyzer, fn: FunctionScope): string[] {
  return segments(a, fn.params)
    .map(([start]) => start)
    .filter((start) => !a.idIs(start, 'self') && !a.idIs(start, 'cls'))
    .map((start) => a.tokens.text(start));
}
