/**
 * Same-file helpers that open a SQL connection on each call (`code/sqlConnections.ts`): a Lambda handler that
 * calls `getConnection()`, `self._connect()` or `this.openDb()` of its own file, whose body opens a connection
 * (`return DriverManager.getConnection(url, user, password)`, `conn = psycopg2.connect(...)`) and keeps it
 * nowhere outside, opens one on every invocation as surely as a handler that connects in its own body.
 *
 * A helper counts when it is a named function or method of the file, not a handler itself, whose connection
 * takes nothing from its parameters (a tenant's host passed in makes it the call's own), and is not kept in a
 * module-level name or a field (a lazy `if (!pool) pool = new Pool()` opens it once). The call counts when it is
 * bare or on `this` / `self`, under a name nothing else of the file binds.
 */
import type { CodeAnalyzer } from './analyzer';
import { Construction } from './handlerClients';
import { storedOutside } from './storedOutside';
import type { FunctionScope } from './language';
import { functionName, mayKeep } from './helperFunctions';
import { mayBeProjectModule } from './projectImports';

/** Helpers by name: the function scope of each that opens a connection on each call. */
export type SqlHelpers = ReadonlyMap<string, number>;

/**
 * The file's functions that open one of `made` (the file's connections, local servers left out) on each call.
 * `isHandler`: the language's handler test (a handler's own connections are found without a helper).
 * `fromParameters`: whether a connection takes what the function's parameters hold.
 */
export function sqlHelpers(
  a: CodeAnalyzer,
  made: readonly Construction[],
  isHandler: (fn: FunctionScope) => boolean,
  fromParameters: (made: Construction, params: number, end: number) => boolean,
): SqlHelpers {
  const helpers = new Map<string, number>();
  const excluded = new Set<string>();
  for (const construction of made) {
    const scope = a.scopes.enclosing(construction.name, ['function']);
    const fn = scope > 0 ? a.functions.get(scope) : undefined;
    const name = fn ? functionName(a, fn) : -1;
    if (!fn || name < 0) {
      continue;
    }
    const text = a.tokens.text(name);
    const [start, end] = a.scopes.range(scope);
    if (isHandler(fn) || mayKeep(a, name) || storedOutside(a, construction.start, start, end) || fromParameters(construction, fn.params, end)) {
      excluded.add(text);
      continue;
    }
    helpers.set(text, scope);
  }
  // Two functions of one name (overloads, methods of two classes) or one that keeps a connection: none counts.
  excluded.forEach((text) => helpers.delete(text));
  const named = new Map<number, string>();
  for (const fn of a.functions.values()) {
    const name = functionName(a, fn);
    if (name >= 0 && helpers.has(a.tokens.text(name)) && helpers.get(a.tokens.text(name)) !== fn.scope) {
      helpers.delete(a.tokens.text(name));
    }
    if (name >= 0 && !isHandler(fn)) {
      named.set(fn.scope, a.tokens.text(name));
    }
  }
  callersOfHelpers(a, helpers, named, excluded);
  return helpers;
}

/** How many calls deep a handler's helper may reach the function that connects (`handleRequest` → `process` → `getConnection`). */
const MAX_HELPER_DEPTH = 3;

/** Functions of the file that call a helper and keep nothing of it: helpers too, a few calls deep. */
function callersOfHelpers(a: CodeAnalyzer, helpers: Map<string, number>, named: ReadonlyMap<number, string>, excluded: ReadonlySet<string>): void {
  for (let depth = 1; depth < MAX_HELPER_DEPTH && helpers.size > 0; depth++) {
    const found = new Map<string, number>();
    for (const [scope, text] of named) {
      if (helpers.has(text) || excluded.has(text) || found.has(text)) {
        continue;
      }
      const fn = a.functions.get(scope);
      const [start, end] = a.scopes.range(scope);
      for (let k = fn && fn.body >= 0 ? fn.body + 1 : end; k < end; k++) {
        const call = sqlHelperCall(a, k, helpers);
        if (call && a.scopes.enclosing(k, ['function']) === scope && !storedOutside(a, call.start, start, end)) {
          found.set(text, scope);
          break;
        }
      }
    }
    if (found.size === 0) {
      return;
    }
    found.forEach((scope, text) => helpers.set(text, scope));
  }
}

/**
 * `getConnection()`, `this.getConnection()` or `self._connect()` at `k`: a call of one of `helpers`, as a construction
 * the handler reader reads; also `store.findOrders()` on a module-level instance the file makes of the class or
 * factory the helper is a method of (`heldMaker`).
 */
export function sqlHelperCall(a: CodeAnalyzer, k: number, helpers: SqlHelpers): Construction | undefined {
  if (helpers.size === 0 || !a.isId(k) || !a.is(k + 1, '(') || a.partner[k + 1] < 0 || !helpers.has(a.tokens.text(k))) {
    return undefined;
  }
  const scope = helpers.get(a.tokens.text(k)) ?? -1;
  const onInstance = a.isAccess(k - 1) && (a.idIs(k - 2, 'this') || a.idIs(k - 2, 'self')) && !a.isAccess(k - 3);
  const onHeld = a.isAccess(k - 1) && !onInstance && heldMaker(a, k - 2, scope);
  if ((a.isAccess(k - 1) && !onInstance && !onHeld) || a.idIs(k - 1, 'def') || a.idIs(k - 1, 'function') || a.idIs(k - 1, 'func') || a.idIs(k - 1, 'new')) {
    return undefined;
  }
  // Inside the helper itself (a retry that calls it again), the call is its own.
  if (a.scopes.enclosing(k, ['function']) === scope) {
    return undefined;
  }
  // A local or parameter of the caller's own that shadows the helper's name.
  const binding = onInstance || onHeld ? undefined : a.scopes.lookup(a.tokens.text(k), k);
  if (binding !== undefined && a.scopes.enclosing(binding.token, ['function']) === a.scopes.enclosing(k, ['function'])) {
    return undefined;
  }
  return { start: onInstance || onHeld ? k - 2 : k, name: k, end: a.partner[k + 1] + 1, service: 'rds', redis: false, helper: true, sql: true };
}

/**
 * The maker of what the name at `at` holds: a module-level name bound once, whole, to what a class or function makes
 * (`const store = new OrderStore();`, `const repo = createRepository(config);`, `await connectLedger()`), as the
 * token of `OrderStore` or `createRepository`; or -1.
 */
function heldMakerToken(a: CodeAnalyzer, at: number): number {
  if (!a.isId(at) || a.isAccess(at - 1)) {
    return -1;
  }
  const name = a.tokens.text(at);
  const binding = a.scopes.lookup(name, at);
  if (!binding || binding.expression < 0 || a.scopes.declaringScope(name, at) !== 0) {
    return -1;
  }
  let k = binding.expression;
  k += a.idIs(k, 'await') ? 1 : 0;
  k += a.idIs(k, 'new') ? 1 : 0;
  const end = a.is(k + 1, '(') && a.partner[k + 1] > k ? a.partner[k + 1] + 1 : -1;
  return a.isId(k) && !a.isAccess(k - 1) && end > 0 && (a.startsLine(end) || a.is(end, ';') || end >= a.tokens.length) ? k : -1;
}

/**
 * Whether the name at `at` holds what the file's own class or factory makes (`heldMakerToken`) and the helper
 * `scope` is a method of that class or a function inside that factory (a method of the object it returns): each
 * call of the method on the one instance opens a new connection, as the helper called by name does.
 */
function heldMaker(a: CodeAnalyzer, at: number, scope: number): boolean {
  const k = scope >= 0 ? heldMakerToken(a, at) : -1;
  if (k < 0) {
    return false;
  }
  const maker = a.tokens.text(k);
  const [helperStart] = a.scopes.range(scope);
  const classScope = a.scopes.classNamed(maker);
  if (classScope > 0) {
    return a.scopes.enclosing(helperStart, ['class']) === classScope;
  }
  const makers = [...a.functions.values()].filter((fn) => {
    const named = functionName(a, fn);
    return fn.scope !== scope && named >= 0 && a.tokens.text(named) === maker;
  });
  const [start, stop] = makers.length === 1 ? a.scopes.range(makers[0].scope) : [-1, -1];
  // A factory that returns an instance of the file's class (`const makeStore = () => new OrderStore()`): that class's method.
  const returned = makers.length === 1 ? returnedClass(a, makers[0]) : -1;
  return (start >= 0 && start < helperStart && helperStart < stop) || (returned > 0 && a.scopes.enclosing(helperStart, ['class']) === returned);
}

/** The scope of the class the file declares that every return of `fn` constructs (`return new OrderStore(pool)`), or -1. */
export function returnedClass(a: CodeAnalyzer, fn: { scope: number; concise: number }): number {
  const classes = new Set(a.returnStarts(fn).map((k) => (a.idIs(k, 'new') && a.isId(k + 1) && !a.isAccess(k + 2) ? a.scopes.classNamed(a.tokens.text(k + 1)) : -1)));
  const [only] = classes;
  return classes.size === 1 && only > 0 ? only : -1;
}

/**
 * `orders.findOpen(id)` at `k` (the method's name), in workspace mode: the receiver holds what a class or factory
 * imported from a workspace module makes (`const orders = createOrders(config)` after `require('./orders')`,
 * `new OrderStore()` of an imported class), and that method opens a SQL connection in its body on each call there.
 */
export function importedHeldMethodCall(a: CodeAnalyzer, k: number): Construction | undefined {
  if (!a.project?.importedMethodClient || !a.isId(k) || !a.isAccess(k - 1) || !a.is(k + 1, '(') || a.partner[k + 1] < 0) {
    return undefined;
  }
  const maker = heldMakerToken(a, k - 2);
  const name = maker >= 0 ? a.tokens.text(maker) : '';
  const imported = maker >= 0 ? a.imports.get(name) : undefined;
  if (!imported || imported.path === '' || a.scopes.lookup(name, maker) !== undefined || !mayBeProjectModule(a, imported.module)) {
    return undefined;
  }
  const opens = a.project.importedMethodClient(imported.module, imported.path, a.tokens.text(k))?.sql === true;
  return opens ? { start: k - 2, name: k, end: a.partner[k + 1] + 1, service: 'rds', redis: false, helper: true, sql: true } : undefined;
}

/**
 * The object literal a name at `at` holds as the result of a function of the same file (`const config = await
 * getConnectionConfig();` where `getConnectionConfig` ends with `return { host, password: token, ssl: {...} }`):
 * its `{`, or -1. Only a function with one `return` of its own, of an object literal, counts.
 */
export function returnedObject(a: CodeAnalyzer, at: number): number {
  const binding = a.scopes.lookup(a.tokens.text(at), at);
  let k = binding && binding.expression >= 0 ? binding.expression : -1;
  if (k >= 0 && a.idIs(k, 'await')) {
    k++;
  }
  if (k < 0 || !a.isId(k) || a.isAccess(k - 1) || !a.is(k + 1, '(') || a.partner[k + 1] < 0) {
    return -1;
  }
  const end = a.partner[k + 1] + 1;
  if (!a.startsLine(end) && !a.is(end, ';') && end < a.tokens.length) {
    return -1;
  }
  const callee = a.tokens.text(k);
  let found = -1;
  for (const fn of a.functions.values()) {
    const name = functionName(a, fn);
    if (name < 0 || a.tokens.text(name) !== callee) {
      continue;
    }
    if (found >= 0) {
      return -1;
    }
    found = returnOfObject(a, fn.scope);
    if (found < 0) {
      return -1;
    }
  }
  return found;
}

/** The `{` of the one `return { ... }` of the function `scope` (not of a function inside it), or -1. */
function returnOfObject(a: CodeAnalyzer, scope: number): number {
  const [start, end] = a.scopes.range(scope);
  let object = -1;
  for (let k = start; k < end; k++) {
    if (!a.idIs(k, 'return') || a.scopes.enclosing(k, ['function']) !== scope) {
      continue;
    }
    if (object >= 0 || !a.is(k + 1, '{') || a.partner[k + 1] < 0) {
      return -1;
    }
    object = k + 1;
    k = a.partner[k + 1];
  }
  return object;
}
