/**
 * Clients a Lambda handler makes on every invocation: `new DynamoDBClient({})`, `new Redis(url)` or
 * `boto3.client("dynamodb")` inside the handler's body. AWS advises making SDK clients and database connections
 * outside the handler, so that the later invocations an execution environment serves reuse them and their
 * connections (https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html).
 *
 * Which functions are handlers is `lambdaHandlers.ts`'s to tell, per language. A construction counts when a client
 * library's name makes it (not a project function, which may cache what it returns, unless the workspace sees
 * it make a new client on each call), its arguments name nothing
 * the invocation holds (`event`, a local: per-request credentials or a Region the event picks are a reason to
 * make it there; for a Redis connection, as for a SQL one, only a local the event's data reaches, not a secret the
 * handler fetches), and it is not stored outside the handler (a module-level name, a field: `if (!client) client = ...`).
 */
import { Family } from '../lexer';
import { DocumentModel } from '../model';
import { HintService } from '../types';
import { DATA_API_CLIENT_MODULE } from '../rdsDataApi';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { FileMemo } from './fileMemo';
import type { FunctionScope } from './language';
import { CSHARP_LAMBDA_CONTEXT, GO_LAMBDA_RUNTIME, isCsharpHandler, isCustomResourceHandler, isGoHandler, isJavaHandler, isJsHandler, isPythonHandler, isTemplateMethod, JAVA_LAMBDA_RUNTIME, pulumiCallback, templateHandlers } from './lambdaHandlers';
import { calledFunction, runningFunction } from './helperFunctions';
import { classConstruction } from './constructorClients';
import { overHeldClient } from './clientWrappers';
import { importedBodyClient, importedCall, mayBeProjectModule } from './projectImports';
import { instanceMethodClient } from './instanceMethodClients';
import { chainsFromImportedClient } from './importedClientChains';
import { connectionFromInvocation } from './invocationData';
import { dependsOnInvocation } from './invocationDependence';
import { inTestCode } from './testFixtures';
import { storedOutside } from './storedOutside';
import { overSharedPool, sharedAccessor } from './sharedPools';
import { goMakerCall } from './languages/goSqlHelpers';
import { projectMethodClient } from './languages/jvmMethodClients';
import { Value } from './values';

/** A client a handler makes: the class or factory name of the construction, and the service of the client. */
export type HandlerClient = NonNullable<DocumentModel['handlerClients']>[number];

/** Handlers read per file: more than a file declares. */
const MAX_HANDLERS = 16;

/** How one language shows its handlers and the clients they make. */
export interface HandlerReader {
  /** A cheap test of the text: whether the file may declare a handler at all. */
  mayDeclare(text: string): boolean;
  isHandler(a: CodeAnalyzer, fn: FunctionScope): boolean;
  construction(a: CodeAnalyzer, k: number): Construction | undefined;
  /** A constructor made per call: a client kept on the instance (`self.client = ...`) is made per call too. */
  perCallInstance?: boolean;
  /** Calls of a workspace module's functions that make a client in their own body count as that client (see `BodyClient`). */
  helperCalls?: boolean;
  /**
   * Whether the construction takes what this invocation holds, in place of `dependsOnInvocation` (a SQL
   * connection: only the event's data, not a secret the handler fetches, makes it the invocation's own).
   */
  fromInvocation?(a: CodeAnalyzer, made: Construction, params: number, end: number): boolean;
  /** The helpers whose calls count (`helperCalls`): those that open a SQL connection, else those that make an SDK or Redis client. */
  sqlHelpers?: boolean;
  /** Calls of a same-file function that makes a client in its own body count as that client (`helperFunctions.ts`). */
  sameFileHelpers?: boolean;
  /** Constructions of a class whose constructor makes a client for each instance (`new Repo()`) count as that client (`constructorClients.ts`). */
  constructedClasses?: boolean;
}

const READERS: Partial<Record<Family, HandlerReader>> = {
  js: { mayDeclare: (text) => /\bevent\b|\bevt\b|\bhandler\b|:\s*[\w$.]*Handler\b|CallbackFunction|eventHandler|onEvent|onObject|aws-lambda/.test(text), isHandler: (a, fn) => isJsHandler(a, fn.params), construction: jsConstruction },
  python: { mayDeclare: (text) => text.includes('event') || text.includes('Mangum') || text.includes('chalice'), isHandler: (a, fn) => isPythonHandler(a, fn.params, fn.scope), construction: pythonConstruction },
  java: { mayDeclare: (text) => text.includes(JAVA_LAMBDA_RUNTIME), isHandler: (a, fn) => isJavaHandler(a, fn.params) || isTemplateMethod(a, fn.params), construction: javaConstruction },
  go: { mayDeclare: (text) => text.includes(GO_LAMBDA_RUNTIME), isHandler: isGoHandler, construction: goConstruction },
  csharp: { mayDeclare: (text) => text.includes(CSHARP_LAMBDA_CONTEXT), isHandler: (a, fn) => isCsharpHandler(a, fn.params) || isTemplateMethod(a, fn.params), construction: javaConstruction },
};

/** The clients the file's Lambda handlers make on each invocation. */
export function clientsMadePerInvocation(a: CodeAnalyzer): HandlerClient[] {
  const reader = READERS[a.language.family];
  const read = reader && handlerReader(a, reader.construction, true);
  return clientsMadeInHandlers(a, read && { ...read, sameFileHelpers: true, constructedClasses: true }, MAX_HANDLERS);
}

/** Tokens of a helper's body read for the client it makes: a helper is short. */
const MAX_HELPER_TOKENS = 2000;
/** Same-file functions followed from a handler to the one that makes the client (`handler` → `get_connection` → `auth_token`). */
const MAX_HELPER_DEPTH = 3;
/**
 * Per way of reading a helper (what counts as a construction differs: an SDK client's, a SQL connection's, a pool's;
 * and whether classes constructed there and calls of other modules count) and per file, by the helper's function
 * scope and the depth left below it, the client it makes on each call, or null.
 */
const helperClients = new WeakMap<HandlerReader['construction'], Map<string, FileMemo<number, Construction | null>>>();

function helperClientsOf(reader: HandlerReader): FileMemo<number, Construction | null> {
  let byFlags = helperClients.get(reader.construction);
  if (!byFlags) {
    byFlags = new Map();
    helperClients.set(reader.construction, byFlags);
  }
  const flags = `${reader.constructedClasses === true}|${reader.sqlHelpers === true}|${reader.helperCalls === true}`;
  let memo = byFlags.get(flags);
  if (!memo) {
    memo = new FileMemo();
    byFlags.set(flags, memo);
  }
  return memo;
}

/**
 * A call of a same-file function (`TransactionAsync(...)`, `this.connect()`) that makes a client on each call, in its
 * own body or through a same-file helper of its own (`get_connection()` calling `auth_token()`, which makes an RDS
 * client), up to MAX_HELPER_DEPTH functions down, not from its parameters and not kept outside it: the client, made at
 * the call.
 */
function sameFileHelper(a: CodeAnalyzer, k: number, handler: FunctionScope, reader: HandlerReader, depth = MAX_HELPER_DEPTH): Construction | undefined {
  const called = depth > 0 ? calledFunction(a, k, handler.scope) : undefined;
  if (!called || reader.isHandler(a, called.fn)) {
    return undefined;
  }
  const fn = called.fn;
  const made = helperClientsOf(reader).get(a, fn.scope * (MAX_HELPER_DEPTH + 1) + depth, () => {
    const [start, end] = a.scopes.range(fn.scope);
    const body = fn.body >= 0 ? fn.body : fn.concise >= 0 ? fn.concise - 1 : a.partner[fn.params];
    for (let j = body + 1; j < end && j < body + MAX_HELPER_TOKENS; j++) {
      if (runningFunction(a, j) !== fn.scope || inTestCode(a, j)) {
        continue;
      }
      const own = reader.construction(a, j) ?? makerInHelper(a, j, reader);
      // Another module's maker takes the caller's data, not the client's, as at the handler.
      const fromCaller = own && (own.helper ? own.fromArguments === true && connectionFromInvocation(a, own, fn.params, end) : dependsOnInvocation(a, own, fn.params, end));
      if (own && !storedOutside(a, own.start, start, end) && !fromCaller) {
        return own;
      }
      // A class whose constructor makes a client for each instance, constructed in the helper (`service = RegistrationService()`),
      // whatever its arguments, as at the handler.
      const constructed = own || !reader.constructedClasses ? undefined : classConstruction(a, j, reader.construction, reader.sqlHelpers === true);
      if (constructed && !storedOutside(a, constructed.start, start, end)) {
        return constructed;
      }
      // A helper's arguments are its caller's data, not the client's (as at the handler).
      const nested = own ? undefined : sameFileHelper(a, j, fn, reader, depth - 1);
      if (nested && !storedOutside(a, nested.start, start, end)) {
        return nested;
      }
    }
    return null;
  });
  // Read with a SQL reader's construction, the helper opens a SQL connection.
  return made ? { start: called.start, name: k, end: a.partner[k + 1] + 1, service: made.service, redis: made.redis, helper: true, ...(reader.sqlHelpers ? { sql: true as const } : {}) } : undefined;
}

/** The languages whose same-file helpers' calls of other modules' client makers count (`makerInHelper`). */
const MAKERS_IN_HELPERS: ReadonlySet<Family> = new Set(['go', 'python']);

/**
 * Go and Python: in a same-file helper's body (`h.Do(ctx, user)` of an echo handler, `_delete_item(...)` of a Lambda
 * handler), a call of another file's, package's or module's function that makes a client on each call, as the
 * handler's own call of it would count (`helperCall`); one that opens a SQL pool is the SQL rule's.
 */
function makerInHelper(a: CodeAnalyzer, j: number, reader: HandlerReader): Construction | undefined {
  const made = reader.helperCalls && MAKERS_IN_HELPERS.has(a.language.family) ? helperCall(a, j) : undefined;
  return made && made.sql !== true ? made : undefined;
}

/**
 * The language's Lambda handler reader, with `construction` telling what makes a client (the language's own, or a
 * SQL driver's connection, `sqlConnections.ts`) and, where asked, calls of workspace helpers that make one.
 */
export function handlerReader(a: CodeAnalyzer, construction: HandlerReader['construction'], helperCalls = false): HandlerReader | undefined {
  const reader = READERS[a.language.family];
  if (!reader) {
    return undefined;
  }
  const read: HandlerReader = { ...reader, construction, ...(helperCalls ? { helperCalls: true } : {}) };
  // A handler a template names may call its parameters anything, so the text's cheap test does not apply.
  return templateHandlers(a).size > 0 ? { ...read, mayDeclare: () => true } : read;
}

/**
 * The clients that the handlers a reader recognises make on each call, `maxHandlers` of them at most: made in
 * the body from a client library, not from what the call holds, and not kept outside the handler.
 */
export function clientsMadeInHandlers(a: CodeAnalyzer, reader: HandlerReader | undefined, maxHandlers: number): HandlerClient[] {
  if (!reader?.mayDeclare(a.text)) {
    return [];
  }
  const found: HandlerClient[] = [];
  let handlers = 0;
  for (const fn of a.functions.values()) {
    if (handlers >= maxHandlers) {
      break;
    }
    if (fn.params < 0 || !reader.isHandler(a, fn) || isCustomResourceHandler(a, fn)) {
      continue;
    }
    handlers++;
    const callback = a.language.family === 'js' && pulumiCallback(a, fn.params) ? { pulumiCallback: true as const } : {};
    // The body: after the parameters (a Python `def` has no body token), to the end of the function's scope.
    const body = fn.body >= 0 ? fn.body : fn.concise >= 0 ? fn.concise - 1 : a.partner[fn.params];
    const [start, end] = a.scopes.range(fn.scope);
    const instance = reader.perCallInstance ? a.id(fn.params + 1) : undefined;
    for (let k = body + 1; k < end; k++) {
      const made =
        reader.construction(a, k) ??
        (reader.helperCalls ? helperCall(a, k) : undefined) ??
        (reader.sameFileHelpers ? sameFileHelper(a, k, fn, reader) : undefined) ??
        (reader.constructedClasses ? classConstruction(a, k, reader.construction, reader.sqlHelpers === true) : undefined);
      if (!made || (made.helper && (made.sql === true) !== (reader.sqlHelpers === true))) {
        continue;
      }
      // A helper's arguments are the invocation's data, not the client's: the helper made it from none of its own,
      // unless it configures the client from them (a Region), when the event's data among them makes it the invocation's.
      const fromInvocation = made.helper ? made.fromArguments === true && connectionFromInvocation(a, made, fn.params, end) : (reader.fromInvocation ?? (made.redis ? redisFromInvocation : dependsOnInvocation))(a, made, fn.params, end);
      // What a function that returns no client gives back is data: wherever the handler puts it, the client stays made per call.
      const kept = !made.returnsNoClient && storedOutside(a, made.start, start, end, instance);
      if (!fromInvocation && !kept && !inTestCode(a, k)) {
        found.push({ name: a.tokenSpan(made.name), service: made.service, ...(made.helper ? { helper: true } : {}), ...callback });
      }
      // A client made inside another's construction (`Enhanced.builder().dynamoDbClient(DynamoDbClient.create())`) is one.
      k = made.end - 1;
    }
  }
  return found;
}

export interface Construction {
  /** The first token of the expression, the name token to report, and the token after the expression. */
  start: number;
  name: number;
  end: number;
  service: HintService;
  /** A Redis client (not an AWS SDK client of ElastiCache), for the rules about Redis connections. */
  redis: boolean;
  /** The tokens of the session the client comes from (`boto3.Session(...)` before `.client(...)`), whose names it is built from too. */
  session?: [number, number];
  /** A call of another module's function that makes the client in its own body (`deleteAd(pk, sk)`), not a construction. */
  helper?: true;
  /** That function opens a SQL connection (`code/sqlConnections.ts`). */
  sql?: true;
  /** That function configures the client from its arguments (`goSqlHelpers.ts`'s `configured`). */
  fromArguments?: true;
  /** That function returns no client (an SDK or Redis `BodyClient`; a SQL one may return its connection), so where its caller keeps the result keeps no client. */
  returnsNoClient?: true;
}

/**
 * `deleteAd(pk, sk)` at `k`: a call of a function imported by name from a workspace module that returns no
 * client but makes one in its body on every call (see `BodyClient`), under a name nothing of this file shadows;
 * in Python also `db.get_connection()` of a module imported whole (`import db`, `from app import db`); in Go
 * a function of another file of the module that makes a client or opens a SQL connection pool (`goSqlHelpers.ts`).
 */
function helperCall(a: CodeAnalyzer, k: number): Construction | undefined {
  if (a.language.family === 'java' || a.language.family === 'csharp') {
    return staticMakerCall(a, k) ?? projectMethodClient(a, k);
  }
  if (a.language.family === 'go') {
    const called = goMakerCall(a, k);
    if (called?.sql) {
      return { start: called.start, name: called.name, end: called.end, service: 'rds', redis: false, helper: true, sql: true };
    }
    const configured = called?.configured ? { fromArguments: true as const } : {};
    if (called?.wrapped) {
      // A value of the package that holds the client it made (`&Repo{client: ...}`): the client's service, no Redis connection of its own to read.
      return { start: called.start, name: called.name, end: called.end, service: called.wrapped, redis: false, helper: true, ...configured };
    }
    // The client's service is the one its declared result type names (`*dynamodb.Client`).
    const value = called && a.evalChain(called.start, called.end).value;
    const service = serviceOf(value);
    return called && service && { start: called.start, name: called.name, end: called.end, service, redis: isRedisClient(value), helper: true, ...configured };
  }
  if (!a.isId(k) || a.isAccess(k - 1) || a.idIs(k - 1, 'new') || a.idIs(k - 1, 'def') || a.idIs(k - 1, 'function')) {
    return undefined;
  }
  const method = instanceMethodClient(a, k);
  if (method) {
    return method;
  }
  const name = a.tokens.text(k);
  const imported = a.is(k + 1, '(') || a.is(k + 3, '(') ? a.imports.get(name) : undefined;
  if (!imported || a.scopes.lookup(name, k) !== undefined) {
    return undefined;
  }
  // A module used whole: Python's `import db` or submodule `from app import db` (module `app.db`); JavaScript's
  // `require('../db')` or `import * as db` (its member `call`), or a default import (`default.call` of `export default { call }`).
  const member = a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(');
  const python = a.language.family === 'python';
  const whole = member && (python || imported.path === '' || imported.path === 'default');
  if (!whole && (imported.path === '' || !a.is(k + 1, '('))) {
    return undefined;
  }
  const open = whole ? k + 3 : k + 1;
  const module = !whole || !python || imported.path === '' ? imported.module : `${imported.module}${imported.module.endsWith('.') ? '' : '.'}${imported.path}`;
  const path = !whole ? imported.path : python || imported.path === '' ? a.tokens.text(k + 2) : `default.${a.tokens.text(k + 2)}`;
  const made = importedBodyClient(a, module, path, open);
  return made && { start: k, name: whole ? k + 2 : k, end: a.partner[open] + 1, service: made.service, redis: false, helper: true, ...(made.sql ? { sql: true as const } : { returnsNoClient: true as const }) };
}

/**
 * `ClientFactory.dynamo()` at `k`: a static method of a project class of another file that builds a new client on
 * each call (`workspace/staticMakers.ts`); a class that hands out a kept or pooled client is no construction.
 */
function staticMakerCall(a: CodeAnalyzer, k: number): Construction | undefined {
  const open = k + 3;
  if (!a.isId(k) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(open, '(') || a.partner[open] < 0 || !isTypeName(a, k)) {
    return undefined;
  }
  const called = a.lookup(a.tokens.text(k), k)?.t === 'projectClass' ? a.evalChain(k, a.partner[open] + 1).value : undefined;
  const service = called?.t === 'client' && called.perCall === true ? serviceOf(called) : undefined;
  return service && { start: k, name: k + 2, end: a.partner[open] + 1, service, redis: isRedisClient(called), helper: true };
}

/** `new X(...)` or `new x.Y(...)` at `k` making a client of a library the file imports. */
export function jsConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  if (a.idIs(k, 'new')) {
    return a.isId(k + 1) && (a.imports.has(a.tokens.text(k + 1)) || heldLibrary(a, k + 1)) ? construction(a, k, k + 1) : undefined;
  }
  if (!a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  const duplicated = redisDuplicate(a, k);
  if (duplicated) {
    return duplicated;
  }
  if (!a.imports.has(a.tokens.text(k))) {
    return projectMethodConstruction(a, k);
  }
  // node-redis makes its clients with factories: `createClient(...)`, `redis.createClient(...)`, `createCluster(...)`, also aliased.
  const made = construction(a, k, k);
  const factory = made && (a.isAccess(made.name - 1) ? undefined : a.imports.get(a.tokens.text(made.name))?.path);
  // data-api-client's default export makes its client: `dataApiClient({ resourceArn, ... })`.
  const dataApi = made !== undefined && a.imports.get(a.tokens.text(made.name))?.module === DATA_API_CLIENT_MODULE;
  return made && (JS_CLIENT_FACTORIES.has(a.tokens.text(made.name)) || JS_CLIENT_FACTORIES.has(factory ?? '') || dataApi || madeByProjectCall(a, made)) ? made : undefined;
}

/**
 * `redis.duplicate()`, `this.redis.duplicate()` at `k`: ioredis and node-redis open a new connection for the copy of a
 * client (a subscriber per request), so a copy made per call is a client made per call.
 */
function redisDuplicate(a: CodeAnalyzer, k: number): Construction | undefined {
  let name = k;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  const made = name > k && a.idIs(name, 'duplicate') ? construction(a, k, k) : undefined;
  return made?.redis ? made : undefined;
}

/**
 * A name that is no import but holds a library's module or class: X-Ray's `const aws = captureAWS(AWS)`, which
 * gives back the module it instruments, then `new aws.DynamoDB.DocumentClient()`.
 */
function heldLibrary(a: CodeAnalyzer, k: number): boolean {
  return a.isAccess(k + 1) && a.scopes.lookup(a.tokens.text(k), k) !== undefined && a.lookup(a.tokens.text(k), k)?.t === 'ref';
}

/** `factory.getClient()` at `k`, on an instance of a workspace class whose method makes a new client on each call. */
function projectMethodConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const made = a.project && a.isAccess(k + 1) ? construction(a, k, k) : undefined;
  return made && madeByProjectCall(a, made) ? made : undefined;
}

/** A call of a workspace module's function that makes a new client on every call (`getDb()` of `return new DocumentClient()`). */
function madeByProjectCall(a: CodeAnalyzer, made: Construction): boolean {
  return perCallClient(a.evalChain(made.start, made.end).value) !== undefined;
}

/**
 * The client a workspace call makes anew each time (`perCall`): the value itself, or, for a tuple the call
 * returns (`resource, table = connect(name)`), its first element made so.
 */
function perCallClient(value: Value | null | undefined): (Value & { t: 'client' }) | undefined {
  if (value?.t === 'sequence') {
    return value.elements.map(perCallClient).find((element) => element !== undefined);
  }
  return value?.t === 'client' && value.perCall === true ? value : undefined;
}

const JS_CLIENT_FACTORIES = new Set(['createClient', 'createCluster']);

/**
 * `boto3.client("dynamodb")`, `redis.Redis(...)`, `Redis.from_url(...)` at `k`, rooted at a library import;
 * a call of a project module's function (`from .db import get_table`), which may hand out a shared client, only
 * when the workspace sees that it makes a new one on each call.
 */
export function pythonConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const imported = a.isId(k) && !a.isAccess(k - 1) ? a.imports.get(a.tokens.text(k)) : undefined;
  if (!imported) {
    return a.isId(k) && !a.isAccess(k - 1) ? (sessionConstruction(a, k) ?? projectMethodConstruction(a, k)) : undefined;
  }
  // `get_table()` imported by name, or `resources.get_table()` of a module imported whole (`import resources`).
  const member = imported.path === '' && a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(') ? k + 2 : -1;
  const open = member >= 0 ? member + 1 : k + 1;
  const path = member >= 0 ? a.tokens.text(member) : imported.path;
  const called = path !== '' && a.is(open, '(') ? importedCall(a, imported.module, path, open) : undefined;
  const classMethod = projectClassMethodConstruction(a, k, imported);
  if (classMethod) {
    return classMethod;
  }
  const instanceMethod = workspaceInstanceMethod(a, k, imported);
  if (instanceMethod !== undefined) {
    return instanceMethod ?? undefined;
  }
  if (called || imported.module.startsWith('.') || workspaceClassMethod(a, k, imported) || chainsFromImportedClient(a, k, imported)) {
    const made = perCallClient(called) ? construction(a, k, k) : undefined;
    return made && made.end === a.partner[open] + 1 ? made : undefined;
  }
  const made = construction(a, k, k);
  return made?.redis && (overSharedPool(a, made.end - 1) || sharedAccessor(a, imported, made.name)) ? undefined : made;
}

/**
 * `HelpdeskDynamo.resource()` at `k`, a method called on a class a project module exports (imported relatively or
 * not) that the workspace says makes a new client on each call (`perCall`; a library class's method never carries
 * it): a construction. Not a Redis client, whose pool this file cannot see.
 */
function projectClassMethodConstruction(a: CodeAnalyzer, k: number, imported: { module: string; path: string }): Construction | undefined {
  const open = k + 3;
  if (imported.path === '' || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(open, '(') || a.partner[open] < 0 || !mayBeProjectModule(a, imported.module)) {
    return undefined;
  }
  const value = perCallClient(a.evalChain(k, a.partner[open] + 1).value);
  const made = value && value.kind !== 'redis' ? construction(a, k, k) : undefined;
  return made && made.end === a.partner[open] + 1 ? made : undefined;
}

/**
 * Whether `Database.client()` at `k` calls a method of a class a workspace module declares (imported absolutely, `from
 * app.db import Database`), whose answer the workspace gives: a client made on each call only where it says `perCall`
 * (`projectClassMethodConstruction`), not a class method that hands out the one its class keeps.
 */
function workspaceClassMethod(a: CodeAnalyzer, k: number, imported: { module: string; path: string }): boolean {
  if (imported.path === '' || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(k + 3, '(') || !mayBeProjectModule(a, imported.module)) {
    return false;
  }
  const fields = a.project?.importedClassFields?.(imported.module, imported.path);
  return fields !== undefined && Object.hasOwn(fields, `${a.tokens.text(k + 2)}()`);
}

/**
 * `store.get_resource()` at `k`, a method of the instance another workspace module makes of its own class (`store =
 * Store()`), whose client the workspace gives: a construction only where it says the method makes a new client on
 * each call (`perCall`); null for one that hands out the client the instance or its class keeps; undefined for no such call.
 */
function workspaceInstanceMethod(a: CodeAnalyzer, k: number, imported: { module: string; path: string }): Construction | null | undefined {
  const open = k + 3;
  if (imported.path === '' || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(open, '(') || a.partner[open] < 0 || !mayBeProjectModule(a, imported.module)) {
    return undefined;
  }
  const called = importedCall(a, imported.module, `${imported.path}.${a.tokens.text(k + 2)}`, open);
  if (!called) {
    return undefined;
  }
  const made = perCallClient(called) ? construction(a, k, k) : undefined;
  return made && made.end === a.partner[open] + 1 ? made : null;
}

/**
 * `session.client("dynamodb")` at `k`, where `session` is a boto3 session the same function made (`session =
 * boto3.Session(...)`) or the module made once (`session = boto3.session.Session()` at top level): each
 * `client(...)` call of a session makes a new client.
 */
function sessionConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const name = a.tokens.text(k);
  const binding = a.scopes.lookup(name, k);
  const from = binding?.expression ?? -1;
  // The function (or class) that made the session; -1: the module.
  const madeIn = binding !== undefined && from >= 0 ? a.scopes.enclosing(binding.token, ['function', 'class']) : undefined;
  const local = madeIn !== undefined && (madeIn < 0 || madeIn === a.scopes.enclosing(k, ['function']));
  const made = local && a.isAccess(k + 1) && a.lookup(name, k)?.t === 'boto3' ? construction(a, k, k) : undefined;
  return made && { ...made, session: [from, expressionEnd(a, from)] };
}

/** `redis.NewClient(...)`, `dynamodb.NewFromConfig(cfg)` at `k`, rooted at an imported package. */
export function goConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  return a.isId(k) && !a.isAccess(k - 1) && a.goPackages.has(a.tokens.text(k)) ? construction(a, k, k) : undefined;
}

/** The call that the dotted name from `first` makes, when the expression from `start` to its `)` gives a client. */
function construction(a: CodeAnalyzer, start: number, first: number): Construction | undefined {
  let name = first;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  const open = name + 1;
  if (!a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  let end = a.partner[open] + 1;
  let value = a.evalChain(start, end).value;
  // `boto3.Session(...).client("dynamodb")`: the session's call, then the client's.
  let session: [number, number] | undefined;
  if (value?.t === 'boto3' && a.isAccess(end) && a.isId(end + 1) && a.is(end + 2, '(') && a.partner[end + 2] > 0) {
    session = [first + 1, end];
    name = end + 1;
    end = a.partner[end + 2] + 1;
    value = a.evalChain(start, end).value;
  }
  // A workspace call that returns a tuple (`resource, table = connect(name)`): the element it makes anew.
  const client = value?.t === 'sequence' ? perCallClient(value) : value;
  const service = serviceOf(client);
  return service && { start, name, end, service, redis: isRedisClient(client), ...(session ? { session } : {}) };
}

/** A class name, not a variable: a chain from a client already made (`enhanced.table(...)`) makes no new one. */
function isTypeName(a: CodeAnalyzer, k: number): boolean {
  const code = a.tokens.text(k).charCodeAt(0);
  return code >= 65 && code <= 90 && a.scopes.lookup(a.tokens.text(k), k) === undefined;
}

/**
 * Java: `new Jedis(host)`, or a chain from a client type (`DynamoDbClient.create()`, `DynamoDbClient.builder()
 * ... .build()`, `AmazonDynamoDBClientBuilder.defaultClient()`) read to its end, when it gives a client; a wrapper
 * over a client a name holds is none (`clientWrappers.ts`).
 */
export function javaConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const isNew = a.idIs(k, 'new');
  const name = isNew ? k + 1 : k;
  if (!a.isId(name) || a.isAccess(k - 1) || (!isNew && (a.idIs(k - 1, 'new') || !a.isAccess(k + 1) || !isTypeName(a, k)))) {
    return undefined;
  }
  // A method of a project class (`RedisClient.getJedis()`) may hand out a shared client or a pooled one: no construction.
  const receiver = isNew ? undefined : a.lookup(a.tokens.text(k), k);
  if (receiver?.t === 'instance' || receiver?.t === 'projectClass') {
    return undefined;
  }
  const { value, end } = a.evalChain(k, a.tokens.length);
  const service = serviceOf(value);
  // A wrapper over a client a name holds (`new DynamoDBMapper(client)`) makes none.
  return service && end > name ? overHeldClient(a, { start: k, name, end, service, redis: isRedisClient(value) }, value?.t === 'client' ? value.kind : '', javaConstruction) : undefined;
}

export function isRedisClient(value: Value | undefined): boolean {
  return value?.t === 'client' && value.kind === 'redis';
}

export function serviceOf(value: Value | undefined): HintService | undefined {
  if (value?.t !== 'client') {
    return undefined;
  }
  if (value.kind === 'redis') {
    return 'elasticache';
  }
  return value.kind.startsWith('dynamodb') ? 'dynamodb' : value.kind.startsWith('rds-data') ? 'rds' : value.kind === 'rds' || value.kind === 'elasticache' ? value.kind : undefined;
}

/**
 * A Redis connection, as a SQL one, is the invocation's own only when made from what the call brings (its event,
 * the request), followed back through locals: not from a secret or settings the handler fetches or builds itself.
 */
function redisFromInvocation(a: CodeAnalyzer, made: Construction, params: number, end: number): boolean {
  // A client over a pool (`connection_pool=pool`) opens nothing itself: the pool, where the handler makes one, is reported.
  const overPool = a.text.includes('connection_pool') && namesArgument(a, made, 'connection_pool');
  return dependsOnInvocation(a, made, params, end) && (overPool || connectionFromInvocation(a, made, params, end));
}

/** Whether the construction's call takes the keyword argument `name` (`connection_pool=local`). */
function namesArgument(a: CodeAnalyzer, made: Construction, name: string): boolean {
  for (let k = made.name + 1; k < made.end; k++) {
    if (a.idIs(k, name) && a.is(k + 1, '=')) {
      return true;
    }
  }
  return false;
}
