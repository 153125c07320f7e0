/**
 * Classes whose constructor makes a client for each instance (`this.doc = DynamoDBDocumentClient.from(new
 * DynamoDBClient({}))`, `self.table = boto3.resource("dynamodb").Table(...)`): each `new Repo()` or `Repo()`
 * makes a client, so a Lambda handler that constructs one makes a client per invocation, reported at the
 * construction (`handlerClients.ts`). The class may be the file's own or (workspace mode) another module's,
 * whose exports record it under the key `new()` (`workspace/exportedInstances.ts`). A constructor that constructs
 * such a class for each instance (`self.repository = GoalsRepository()`, a service over a repository) makes one
 * too: of the file's own classes here, of another module's through the workspace (`importedClassConstructions`,
 * which the export reader records and `workspace/importedClients.ts` follows). Java and C# classes are read
 * by `languages/jvmConstructorClients.ts` (field initialisers, and constructors by arity, indexed as `new(<arity>)`).
 *
 * Not per instance: a client the constructor keeps on the class or at module level (`Repo.client ??= ...`, a
 * `global`), one built from its parameters (`DynamoDBDocumentClient.from(client)`), or one made only as a
 * fallback for one passed in (`client ?? new DynamoDBClient({})`, `table or boto3.resource(...)`), nor a
 * singleton's (a Python class with `__new__`, a constructor that may return early with the kept instance).
 * A JavaScript construction without arguments (`new Repo()`) passes nothing, so it takes the fallback of a
 * parameter and a parameter's default (`constructor(db = new DynamoDBClient({}))`) each time.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { TOKEN_KIND } from '../lexer';
import { keptInModuleCache } from './constructorCaches';
import { FileMemo } from './fileMemo';
import type { Construction, HandlerReader } from './handlerClients';
import { isRedisClient, serviceOf } from './handlerClients';
import { environmentRead } from './names';
import { storedOutside } from './storedOutside';
import { dependsOnInvocation } from './invocationDependence';
import { clientValue, importsTestDouble, mayBeProjectModule } from './projectImports';
import { inTestCode } from './testFixtures';
import { argumentCount, constructedKey, jvmConstructorClient } from './languages/jvmConstructorClients';

/** The key under which a module's exports record the client each new instance of a class makes. */
export const CONSTRUCTED = 'new()';

/** Tokens of a constructor's body read for the client it makes: a constructor is short. */
const MAX_CONSTRUCTOR_TOKENS = 1000;
/** What precedes a fallback value: `client ?? new X()`, `client || new X()`, `cond ? client : new X()`, Python `or`, `else`. */
const FALLBACKS = new Set(['??', '||', 'or', '?', ':', 'else']);

/** Per file, by class scope (negated for instances made without arguments), the client its constructor makes for each instance, or null. */
const constructed = new FileMemo<number, Construction | null>();
/** The same for a SQL connection the constructor opens (read with a SQL construction, apart from the clients). */
const constructedSql = new FileMemo<number, Construction | null>();

/** The key under which a module's exports record that each new instance of a class opens a SQL connection. */
export const CONSTRUCTED_SQL = 'new(sql)';

/** The key under which a module's exports record the client each instance made without arguments makes (`new Repo()`, Python `Repo()`). */
export const CONSTRUCTED_BARE = constructedKey(0);

/**
 * The client that the constructor of the class `classScope` (`constructor`, Python's `__init__`, its own or a
 * same-file base's) makes on each run and keeps on the instance or in its locals, read with `construction`, or
 * through a class it constructs whose constructor makes one (`classConstruction`).
 * `bare`: for an instance made without arguments, whose constructor's parameters then hold nothing
 * (`constructor(props?: Props) { this.doc = new DocumentClient({ region: props?.region ?? 'eu-west-1' }) }`), so
 * a client built from them, or made as the fallback for one (`table or boto3.resource(...)`), is still made for each instance.
 */
export function constructorClient(a: CodeAnalyzer, classScope: number, construction: HandlerReader['construction'], bare = false, sql = false): Construction | undefined {
  const python = a.language.family === 'python';
  if (!python && a.language.family !== 'js') {
    return undefined;
  }
  const key = bare ? -classScope : classScope;
  const memo = sql ? constructedSql : constructed;
  const made = memo.get(a, key, () => {
    // A class whose constructor constructs, through others, the class itself ends here with none.
    memo.set(a, key, null);
    // Another class of this file or (workspace mode) of a project module that makes one for each instance makes
    // one for each instance of this class too (`self.repository = GoalsRepository()`); a SQL connection may come
    // from a method of the class itself (`self.conn = self.get_connection()`).
    const find = (j: number): Construction | undefined => construction(a, j) ?? classConstruction(a, j, construction, sql) ?? (sql ? ownMethodConnection(a, j, classScope, construction) : undefined);
    const made = madeInConstructor(a, classScope, bare, 1, find, (inner, reading) => inner.helper === true || (!dependsOnInvocation(a, inner, reading.bound, reading.end) && !(reading.emptyParameters && passesParameter(a, inner, reading.params))));
    return made?.[0] ?? null;
  });
  return made ?? undefined;
}

/** Tokens of a method's body read for the connection it opens: a connection helper is short. */
const MAX_METHOD_TOKENS = 600;

/**
 * `self.get_connection()` (`this.getConnection()`) at `j`: a method of the class `classScope` that opens a SQL
 * connection in its own body on each call (read with `construction`), as a construction of that connection.
 */
function ownMethodConnection(a: CodeAnalyzer, j: number, classScope: number, construction: HandlerReader['construction']): Construction | undefined {
  const receiver = a.language.family === 'python' ? 'self' : 'this';
  if (!a.idIs(j, receiver) || a.isAccess(j - 1) || !a.isAccess(j + 1) || !a.isId(j + 2) || !a.is(j + 3, '(') || a.partner[j + 3] < 0) {
    return undefined;
  }
  const member = a.scopes.member(classScope, a.tokens.text(j + 2));
  const value = member ? a.valueOf(member) : undefined;
  const fn = value?.t === 'function' ? a.functions.get(value.scope) : undefined;
  if (!fn || fn.params < 0) {
    return undefined;
  }
  const [, end] = a.scopes.range(fn.scope);
  const body = fn.body >= 0 ? fn.body : a.partner[fn.params];
  for (let k = body + 1; k < end && k < body + MAX_METHOD_TOKENS; k++) {
    const opened = a.scopes.enclosing(k, ['function']) === fn.scope ? construction(a, k) : undefined;
    if (opened && !inTestCode(a, k)) {
      return { start: j, name: j + 2, end: a.partner[j + 3] + 1, service: opened.service, redis: opened.redis, helper: true };
    }
  }
  return undefined;
}

/** What a constructor's body makes, as `madeInConstructor` reads it. */
interface Made {
  start: number;
  name: number;
  end: number;
}

/** The constructor being read: its parameter list, the token its own names start after, and the end of its scope. */
interface ConstructorReading {
  params: number;
  bound: number;
  end: number;
  /** Made without arguments (JavaScript), by a constructor whose parameters have no default: they hold nothing. */
  emptyParameters: boolean;
}

/**
 * The first `limit` values `find` reads in the body of the constructor of the class `classScope` (its own or a
 * same-file base's) that the constructor makes on each run and keeps on the instance or in its locals: not a
 * fallback for a value passed in, not assigned to a parameter, not kept outside the instance, not in test code,
 * and as `accept` judges it. Null for a singleton's class or a constructor that may return early.
 */
function madeInConstructor<T extends Made>(a: CodeAnalyzer, classScope: number, bare: boolean, limit: number, find: (j: number) => T | undefined, accept: (inner: T, reading: ConstructorReading) => boolean): T[] | null {
  const python = a.language.family === 'python';
  const member = a.scopes.member(classScope, python ? '__init__' : 'constructor');
  const value = member ? a.valueOf(member) : undefined;
  const fn = value?.t === 'function' ? a.functions.get(value.scope) : undefined;
  // A singleton's class hands back one instance (`__new__`, a constructor that returns the kept one early).
  if (!fn || fn.params < 0 || (python && a.scopes.member(classScope, '__new__'))) {
    return null;
  }
  const instance = python ? a.id(fn.params + 1) : 'this';
  const [start, end] = a.scopes.range(fn.scope);
  const body = fn.body >= 0 ? fn.body : a.partner[fn.params];
  // Without arguments only the body's own names can hold what one invocation brings, unless a parameter has a
  // default value (`constructor(client = shared)`), which then holds it.
  const emptyParameters = bare && !python && fn.body >= 0 && !hasDefaults(a, fn.params);
  // Python `Repo()` passes nothing either: its parameters hold their defaults, and one defaulting to None holds nothing.
  const nothingPassed = python ? bare : emptyParameters;
  const reading: ConstructorReading = { params: fn.params, bound: emptyParameters ? fn.body : fn.params, end, emptyParameters };
  const found: T[] = bare && !python ? madeAsDefaults(a, fn.params, limit, find, (inner) => accept(inner, reading) && !inTestCode(a, inner.start)) : [];
  for (let j = body + 1; j < end && j < body + MAX_CONSTRUCTOR_TOKENS; j++) {
    const own = a.scopes.enclosing(j, ['function']) === fn.scope;
    if (own && a.idIs(j, 'return')) {
      return null;
    }
    const inner: T | undefined = own && found.length < limit ? find(j) : undefined;
    if (!inner) {
      continue;
    }
    const value = valueStart(a, inner.start);
    const fallback = FALLBACKS.has(a.tokens.text(value - 1)) || setsParameter(a, value, fn.params);
    if ((!fallback || (nothingPassed && fallbackForParameter(a, value, fn.params))) && !storedOutside(a, inner.start, start, end, instance) && !(instance !== undefined && keptInModuleCache(a, inner.start, instance, end)) && accept(inner, reading) && !inTestCode(a, j)) {
      found.push(inner);
    }
    j = inner.end - 1;
  }
  return found;
}

/**
 * What the parameter list at `params` makes as its default values (`constructor(private db = new DynamoDBClient({}))`),
 * which a construction without arguments takes each time.
 */
function madeAsDefaults<T extends Made>(a: CodeAnalyzer, params: number, limit: number, find: (j: number) => T | undefined, accept: (inner: T) => boolean): T[] {
  const found: T[] = [];
  for (let k = params + 1; k < a.partner[params] && found.length < limit; k = a.skipGroup(k)) {
    const inner = a.is(k, '=') ? find(k + 1) : undefined;
    if (inner && accept(inner)) {
      found.push(inner);
    }
  }
  return found;
}

/** A construction of a class another module declares, as `importedClassConstruction` finds it. */
export interface ImportedClassConstruction extends Made {
  /** The import of the class, as the file writes it: the module, and the name there. */
  module: string;
  path: string;
  /** Made without arguments (`new OrderRepository()`). */
  bare: boolean;
}

/** Constructions of imported classes read in one constructor: a service holds a few repositories and clients of other kinds. */
const MAX_IMPORTED_CONSTRUCTIONS = 4;

/**
 * The constructions of classes imported from modules that may be the project's (`self.repository =
 * GoalsRepository()`, `this.repo = new OrderRepository()`) that the constructor of the class `classScope` runs
 * for each instance, read where the module's exports are read, without the workspace: the workspace then tells
 * whether one of those classes makes a client for each instance, which each instance of this one then makes too
 * (`workspace/importedClients.ts`). Empty for none.
 */
export function importedClassConstructions(a: CodeAnalyzer, classScope: number): ImportedClassConstruction[] {
  const python = a.language.family === 'python';
  if (!python && a.language.family !== 'js') {
    return [];
  }
  return (
    madeInConstructor(
      a,
      classScope,
      false,
      MAX_IMPORTED_CONSTRUCTIONS,
      (j) => importedClassCall(a, j),
      () => true,
    ) ?? []
  );
}

/** `Repo(...)` (Python) or `new Repo(...)` (JavaScript, TypeScript) at `j`, of a capitalised name imported from a module that may be the project's. */
function importedClassCall(a: CodeAnalyzer, j: number): ImportedClassConstruction | undefined {
  const python = a.language.family === 'python';
  const name = python ? j : j + 1;
  if ((python ? a.isAccess(j - 1) || a.idIs(j - 1, 'def') || a.idIs(j - 1, 'class') : !a.idIs(j, 'new')) || !a.isId(name) || !a.is(name + 1, '(') || a.partner[name + 1] < 0) {
    return undefined;
  }
  const text = a.tokens.text(name);
  const code = text.charCodeAt(0);
  const imported = code >= 65 && code <= 90 && a.scopes.lookup(text, name) === undefined ? a.imports.get(text) : undefined;
  if (!imported || (python && imported.path === '') || !mayBeProjectModule(a, imported.module) || importsTestDouble(a, imported.module, imported.path)) {
    return undefined;
  }
  const end = a.partner[name + 1] + 1;
  return { start: j, name, end, module: imported.module, path: imported.path, bare: end === name + 3 };
}

/** Whether a parameter of the list at `params` has a default value (`(client = shared)`, `({ region } = {})`). */
function hasDefaults(a: CodeAnalyzer, params: number): boolean {
  for (let k = params + 1; k < a.partner[params]; k = a.skipGroup(k)) {
    if (a.is(k, '=')) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the construction hands a parameter of the list at `params` on whole (`DynamoDBDocumentClient.from(client)`):
 * a wrapper of what the caller gives, not a client of its own, even where the caller gives nothing.
 */
function passesParameter(a: CodeAnalyzer, made: Construction, params: number): boolean {
  for (let k = made.name + 2; k < made.end - 1; k++) {
    const whole = a.isId(k) && (a.is(k - 1, '(') || a.is(k - 1, ',')) && (a.is(k + 1, ')') || a.is(k + 1, ','));
    const binding = whole ? a.scopes.lookup(a.tokens.text(k), k) : undefined;
    if (binding && binding.token > params && binding.token < a.partner[params]) {
      return true;
    }
  }
  return false;
}

/** Where the value holding the construction at `start` starts: a library's call that wraps it (`DynamoDBDocumentClient.from(new DynamoDBClient({}))`), or itself. */
function valueStart(a: CodeAnalyzer, start: number): number {
  const wrapper = start - 4;
  return a.is(start - 1, '(') && a.isId(start - 2) && a.isAccess(start - 3) && a.isId(wrapper) && !a.isAccess(wrapper - 1) && a.imports.has(a.tokens.text(wrapper)) ? wrapper : start;
}

/**
 * Whether the value at `start` is made when a parameter of the list at `params` holds nothing: the right of
 * `client ?? …`, `options.client || …` or Python's `table or …`, the else of `client ? client : …` or
 * `table if table else …`, or `if (!client) client = …`. A construction without arguments (`new Repo()`,
 * Python `Repo()`) then makes it each time.
 */
function fallbackForParameter(a: CodeAnalyzer, start: number, params: number): boolean {
  const before = start - 1;
  if (a.is(before, '??') || a.is(before, '||') || a.idIs(before, 'or')) {
    return rootIsParameter(a, before - 1, params);
  }
  if (a.is(before, ':') || a.idIs(before, 'else')) {
    const condition = chainRoot(a, before - 1) - 1;
    return (a.is(condition, '?') || a.idIs(condition, 'if')) && rootIsParameter(a, condition - 1, params);
  }
  // Python: a parameter set when it is None (`if client is None: client = ...`) holds None by default only where written so.
  const parameter = a.is(start - 1, '=') && a.isId(start - 2) && !a.isAccess(start - 3) ? parameterNamed(a, start - 2, params) : -1;
  return parameter >= 0 && (a.language.family !== 'python' || defaultsToNone(a, parameter));
}

/** The first token of the access chain that ends at `end` (`props?.client`: `props`). */
function chainRoot(a: CodeAnalyzer, end: number): number {
  let k = end;
  while (a.isId(k) && a.isAccess(k - 1) && a.isId(k - 2)) {
    k -= 2;
  }
  return k;
}

/** Whether the access chain that ends at `end` starts at a parameter of the list at `params` (in Python, one whose default is None). */
function rootIsParameter(a: CodeAnalyzer, end: number, params: number): boolean {
  const root = chainRoot(a, end);
  if (!a.isId(root) || a.isAccess(root - 1)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(root), root);
  const parameter = binding !== undefined && binding.token > params && binding.token < a.partner[params];
  return parameter && (a.language.family !== 'python' || defaultsToNone(a, binding.token));
}

/** Whether the Python parameter at `name` defaults to None (`table=None`, `table: Table | None = None`). */
function defaultsToNone(a: CodeAnalyzer, name: number): boolean {
  let k = name + 1;
  while (!a.is(k, '=') && !a.is(k, ',') && !a.is(k, ')') && k < a.tokens.length) {
    k = a.skipGroup(k);
  }
  return a.is(k, '=') && a.idIs(k + 1, 'None') && (a.is(k + 2, ',') || a.is(k + 2, ')'));
}

/** Whether the value at `start` is assigned to a parameter of the constructor (`if (!client) client = new X()`): a fallback. */
function setsParameter(a: CodeAnalyzer, start: number, params: number): boolean {
  return a.is(start - 1, '=') && a.isId(start - 2) && !a.isAccess(start - 3) && parameterNamed(a, start - 2, params) >= 0;
}

/** The parameter of the list at `params` the name at `k` is, found by its text (an assignment to it is a binding of its own, which a lookup would find); -1 for none. */
function parameterNamed(a: CodeAnalyzer, k: number, params: number): number {
  const name = a.tokens.text(k);
  for (let p = params + 1; p < a.partner[params]; p = a.skipGroup(p)) {
    if (a.idIs(p, name) && (a.is(p - 1, '(') || a.is(p - 1, ',') || a.idIs(p - 1, 'readonly') || a.idIs(p - 1, 'private') || a.idIs(p - 1, 'public') || a.idIs(p - 1, 'protected'))) {
      return p;
    }
  }
  return -1;
}

/**
 * `new Repo(...)` (JavaScript, TypeScript) or `Repo(...)` (Python) at `k`: a construction of a class of this
 * file, or of one imported by name from a workspace module, whose constructor makes a client for each instance;
 * that client, made at the construction.
 */
export function classConstruction(a: CodeAnalyzer, k: number, construction: HandlerReader['construction'], sql = false): Construction | undefined {
  if (a.language.family === 'java' || a.language.family === 'csharp') {
    return sql ? undefined : jvmClassConstruction(a, k, construction);
  }
  const python = a.language.family === 'python';
  if (!python && a.language.family === 'js' && a.idIs(k, 'new')) {
    const member = memberClassConstruction(a, k, sql);
    if (member !== undefined) {
      return member || undefined;
    }
  }
  const name = python ? k : k + 1;
  if ((!python && a.language.family !== 'js') || (python ? a.isAccess(k - 1) || a.idIs(k - 1, 'def') || a.idIs(k - 1, 'class') : !a.idIs(k, 'new')) || !a.isId(name) || !a.is(name + 1, '(') || a.partner[name + 1] < 0) {
    return undefined;
  }
  const text = a.tokens.text(name);
  if (!isClassName(text)) {
    return undefined;
  }
  const end = a.partner[name + 1] + 1;
  // Arguments every invocation passes alike (`new Adapter(process.env.REGION, 'orders')`) bring nothing one invocation holds, as none would.
  // Python's keyword arguments and defaults leave what a fixed argument fills unclear: only `Repo()` passes nothing.
  const bare = end === name + 3 || (!python && fixedArguments(a, name + 1));
  const value = a.lookup(text, name);
  if (value?.t === 'instance' && value.classObject) {
    const made = a.scopes.parent(value.classScope) === 0 ? constructorClient(a, value.classScope, construction, bare, sql) : undefined;
    return made && { start: k, name, end, service: made.service, redis: made.redis, helper: true, ...(sql ? { sql: true as const } : {}) };
  }
  const imported = a.scopes.lookup(text, name) === undefined ? a.imports.get(text) : undefined;
  // A whole JavaScript module (`const Repo = require('./repo')`, a default import through a path alias) is a class
  // where it exports one as itself (`module.exports = Repo`): the workspace tells which it is.
  if (!imported || (python && imported.path === '') || !a.project?.importedClassFields || !mayBeProjectModule(a, imported.module) || importsTestDouble(a, imported.module, imported.path)) {
    return undefined;
  }
  return importedConstruction(a, { start: k, name, end }, imported.module, imported.path, bare, sql);
}

/** The client (or SQL connection) each instance of the class `path` of a workspace module makes, as a construction at `at`. */
function importedConstruction(a: CodeAnalyzer, at: Pick<Construction, 'start' | 'name' | 'end'>, module: string, path: string, bare: boolean, sql: boolean): Construction | undefined {
  const fields = a.project?.importedClassFields?.(module, path);
  if (sql) {
    return fields && Object.hasOwn(fields, CONSTRUCTED_SQL) ? { ...at, service: 'rds', redis: false, helper: true, sql: true } : undefined;
  }
  const key = !fields ? undefined : Object.hasOwn(fields, CONSTRUCTED) ? CONSTRUCTED : bare && Object.hasOwn(fields, CONSTRUCTED_BARE) ? CONSTRUCTED_BARE : undefined;
  const client = fields && key ? clientValue(fields[key]) : undefined;
  const service = serviceOf(client);
  return service && { ...at, service, redis: isRedisClient(client), helper: true };
}

/** A class's name by the JavaScript, TypeScript and Python convention: a capital first letter. */
function isClassName(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 65 && code <= 90;
}

/**
 * `new store.Repo(...)` (a class a required or namespace-imported module exports as a member) or `new Repo` without an
 * argument list, which JavaScript allows: the client each instance makes, as `classConstruction`; `null` where the
 * construction is of that form and makes none, undefined where it is `new Repo(...)`, read by the caller.
 */
function memberClassConstruction(a: CodeAnalyzer, k: number, sql: boolean): Construction | null | undefined {
  const root = k + 1;
  let name = root;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  const called = a.is(name + 1, '(') && a.partner[name + 1] > name;
  if (!a.isId(root) || (name === root && called)) {
    return undefined;
  }
  const imported = a.scopes.lookup(a.tokens.text(root), root) === undefined ? a.imports.get(a.tokens.text(root)) : undefined;
  if (!imported || !isClassName(a.tokens.text(name)) || !a.project?.importedClassFields || !mayBeProjectModule(a, imported.module) || importsTestDouble(a, imported.module, imported.path)) {
    return null;
  }
  const members: string[] = [];
  for (let j = root + 2; j <= name; j += 2) {
    members.push(a.tokens.text(j));
  }
  const path = [imported.path, ...members].filter((part) => part !== '').join('.');
  const end = called ? a.partner[name + 1] + 1 : name + 1;
  const bare = !called || end === name + 3 || fixedArguments(a, name + 1);
  return importedConstruction(a, { start: k, name, end }, imported.module, path, bare, sql) ?? null;
}

/**
 * Whether every argument of the call opened at `open` is the same on every run: a plain string or number, or an
 * environment variable (`process.env.TABLE_NAME`, `process.env['TABLE_NAME']`, with `!` or a literal fallback).
 */
function fixedArguments(a: CodeAnalyzer, open: number): boolean {
  const args = segments(a, open);
  return args.length > 0 && args.every(([start, end]) => fixedValue(a, start, end));
}

function fixedValue(a: CodeAnalyzer, start: number, end: number): boolean {
  if (a.language.family === 'js' && a.is(start, '{') && a.partner[start] === end - 1) {
    return fixedOptions(a, start);
  }
  if (end === start + 1) {
    return (a.isString(start) && !a.tokens.interpolated(start)) || a.tokens.kinds[start] === TOKEN_KIND.NUM;
  }
  let read = end;
  if (read - 2 > start && (a.is(read - 2, '??') || a.is(read - 2, '||')) && fixedValue(a, read - 1, read)) {
    read -= 2;
  }
  if (read - 1 > start && a.is(read - 1, '!')) {
    read--;
  }
  return environmentRead(a, start, read) !== undefined;
}

/** An options object of fixed values (`{ tableName: process.env.TABLE, region: 'eu-west-1' }`): it holds no client, so a constructor falls back for one. */
function fixedOptions(a: CodeAnalyzer, open: number): boolean {
  return segments(a, open).every(([start, end]) => start === end || ((a.isId(start) || a.isString(start)) && a.is(start + 1, ':') && end > start + 2 && fixedValue(a, start + 2, end)));
}

/**
 * Java and C#: `new OrderRepository(...)` at `k` of a class of this file, or (workspace mode) of a project class of
 * another file, each of whose instances made with that many arguments makes a client (`languages/jvmConstructorClients.ts`).
 */
function jvmClassConstruction(a: CodeAnalyzer, k: number, construction: HandlerReader['construction']): Construction | undefined {
  const name = k + 1;
  const open = name + 1;
  if (!a.idIs(k, 'new') || !a.isId(name) || a.isAccess(k - 1) || !a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  const text = a.tokens.text(name);
  const code = text.charCodeAt(0);
  if (code < 65 || code > 90) {
    return undefined;
  }
  const end = a.partner[open] + 1;
  const arity = argumentCount(a, open);
  const classScope = a.scopes.classNamed(text);
  if (classScope > 0) {
    const made = jvmConstructorClient(a, classScope, arity, construction);
    return made && { start: k, name, end, service: made.service, redis: made.redis, helper: true };
  }
  const value = a.lookup(text, name);
  const fields = value?.t === 'projectClass' ? value.fields : undefined;
  const key = constructedKey(arity);
  const client = fields && Object.hasOwn(fields, key) ? clientValue(fields[key]) : undefined;
  const service = serviceOf(client);
  return service && { start: k, name, end, service, redis: isRedisClient(client), helper: true };
}
