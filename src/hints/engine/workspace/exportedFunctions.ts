/**
 * The functions of a workspace module that other files call, read for the client they give: a Python
 * module's top-level functions, with the strings a call passes (`get_client("dynamodb")`,
 * `get_dynamodb_table("orders")`), and a JavaScript or TypeScript module's exported functions, whatever
 * they are passed (`getRedisClient()`, `await getClient()`). The module's statements are analysed once,
 * with its own imports of the workspace answered too, and each function once per set of strings, however
 * many files call it so.
 */
import { BudgetExceeded } from '../budget';
import { bindsWholeExpression } from '../scope/scopes';
import { CodeAnalyzer } from '../code/analyzer';
import { assignmentAt } from '../code/assignments';
import { javascript, typescript } from '../code/languages/javascript';
import { python } from '../code/languages/python';
import { expressionEnd, segments } from '../code/braces';
import { clientsMadeInHandlers, HandlerReader, jsConstruction, pythonConstruction } from '../code/handlerClients';
import { connectionFromInvocation } from '../code/invocationData';
import { yieldedValue } from '../code/fastapiDependencies';
import { remoteSqlConstruction } from '../code/sqlConnections';
import { fillsFlaskGlobals } from '../code/flaskRequestGlobals';
import { namesPoolMaker } from '../code/sqlPoolMakers';
import type { HintService } from '../types';
import { mayKeepResult } from '../code/languages/pythonDecorators';
import { calledWith } from '../code/parametrisedCalls';
import { functionName } from '../code/helperFunctions';
import { returnedClass } from '../code/sqlHelpers';
import type { ProjectContext } from '../code/projectImports';
import { exportedClient, exportedOrmObject } from '../code/projectImports';
import { uniqueIndexesOf } from '../code/languages/ormObjects';
import { LineIndex } from '../text';
import type { ModuleFunction } from './codeExports';
import { BodyClient, CallArguments, ExportedCall, ModuleSource } from './types';

const LANGUAGES = { python, javascript, typescript };

export class ModuleFunctions {
  private readonly a: CodeAnalyzer;
  /** What each call gave, by function and strings: `null` for nothing, and while it is read (a cycle gives nothing). */
  private readonly results = new Map<string, ExportedCall | null>();
  /** The client a method of a class or factory of the module makes on each call, by owner scope and method (`null`: none). */
  private readonly methodClients = new Map<string, BodyClient['bodyClient'] | null>();

  constructor(source: ModuleSource, project: ProjectContext) {
    this.a = new CodeAnalyzer(source.text, LANGUAGES[source.language], new LineIndex(source.text), project);
    this.a.bind();
  }

  /** The client the function `fn` (as the module's exports read it) gives for these strings; undefined for nothing. */
  call(fn: ModuleFunction, args: CallArguments): ExportedCall | undefined {
    const key = `${fn.scope}\0${JSON.stringify(args)}`;
    const known = this.results.get(key);
    if (known !== undefined) {
      return known ?? undefined;
    }
    this.results.set(key, null);
    let client: ExportedCall | undefined;
    try {
      client = this.read(fn, args);
    } catch (error) {
      // A time budget ends the whole reading (the caller drops this module's analysis); any other failure gives nothing.
      if (error instanceof BudgetExceeded) {
        throw error;
      }
    }
    this.results.set(key, client ?? null);
    return client;
  }

  /**
   * The client the method `method` of what `owner` makes, the class of that name the module declares or the object the
   * factory function returns (a function of that name inside it), makes in its body on each call and does not return:
   * a SQL connection it opens, or an SDK or Redis client (also through a class it constructs whose constructor makes one).
   */
  methodClient(owner: { fn: ModuleFunction } | { className: string }, method: string): BodyClient['bodyClient'] | undefined {
    const a = this.a;
    // A factory that returns an instance of the module's class (`export const makeStore = () => new OrderStore()`) gives that class's methods.
    const returned = 'fn' in owner ? returnedClass(a, owner.fn) : -1;
    const factory = 'fn' in owner && returned < 0;
    const ownerScope = factory ? owner.fn.scope : returned > 0 ? returned : 'className' in owner ? a.scopes.classNamed(owner.className) : -1;
    if (ownerScope <= 0) {
      return undefined;
    }
    const [start, end] = a.scopes.range(ownerScope);
    const methods = [...a.functions.values()].filter((fn) => {
      const name = functionName(a, fn);
      const [at] = a.scopes.range(fn.scope);
      const inOwner = factory ? fn.scope !== ownerScope && start < at && at < end : a.scopes.enclosing(at, ['class']) === ownerScope;
      return inOwner && name >= 0 && a.tokens.text(name) === method;
    });
    if (methods.length !== 1) {
      return undefined;
    }
    const key = `${ownerScope}\0${method}`;
    let made = this.methodClients.get(key);
    if (made === undefined) {
      // Unknown until read: a method that reaches itself again through the workspace makes none.
      this.methodClients.set(key, null);
      made = this.madeInMethod(methods[0]) ?? null;
      this.methodClients.set(key, made);
    }
    return made ?? undefined;
  }

  private madeInMethod(method: { scope: number; concise: number }): BodyClient['bodyClient'] | undefined {
    const fn: ModuleFunction = { t: 'function', scope: method.scope, concise: method.concise };
    try {
      // A method that hands back a client is a factory: its caller keeps what it returns.
      const value = this.a.returnValue(fn);
      return value && exportedClient(this.a, value) ? undefined : clientMadeInBody(this.a, fn);
    } catch (error) {
      // A time budget ends the whole reading; any other failure reads as no client.
      if (error instanceof BudgetExceeded) {
        throw error;
      }
      return undefined;
    }
  }

  private read(fn: ModuleFunction, args: CallArguments): ExportedCall | undefined {
    const substituted = calledWith(this.a, fn, args);
    const value = substituted ? substituted.value : this.a.returnValue(fn);
    if (value?.t === 'sequence') {
      // `return ddb, cache`: the clients a caller unpacks (`ddb, cache = make_clients()`), each marked where every call makes it anew.
      const anew = elementsMadeAnew(this.a, fn, value.elements.length);
      return {
        elements: value.elements.map((element, position) => {
          const client = element && exportedClient(this.a, element);
          return client ? (anew[position] ? { ...client, perCall: true } : client) : null;
        }),
      };
    }
    const client = value && exportedClient(this.a, value);
    if (client) {
      return madeAnew(this.a, fn) ? { ...client, perCall: true } : client;
    }
    // `return new Entity(schema, { client, table })`: the entity, whose calls the caller's file reads.
    const orm = exportedOrmObject(this.a, value);
    if (orm) {
      return { orm: { module: orm.module, path: orm.path, ...uniqueIndexesOf(orm) } };
    }
    // `return aioboto3.Session(...)`: the caller's `session.client("dynamodb")` makes the client.
    if (value?.t === 'boto3' && !value.imported && this.a.language.family === 'python') {
      return { session: true };
    }
    // A generator dependency (`async with session.resource("dynamodb") as db: yield db`): what FastAPI's `Depends` hands over.
    const yielded = !value && this.a.language.family === 'python' ? yieldedValue(this.a, fn.scope) : undefined;
    const yieldedClient = yielded && exportedClient(this.a, yielded);
    if (yieldedClient) {
      return { yielded: yieldedClient };
    }
    const made = this.a.language.family === 'js' || this.a.language.family === 'python' ? clientMadeInBody(this.a, fn) : undefined;
    return made && { bodyClient: made };
  }
}

/**
 * The client a function makes in its own body on every call, as a Lambda handler's body would (a client
 * library's construction whose arguments name nothing the call holds, not kept outside the function, not in
 * test code); the first, when it makes several. Read only when the function returns no client.
 */
function clientMadeInBody(a: CodeAnalyzer, fn: ModuleFunction): { service: HintService; sql?: true; pool?: true } | undefined {
  // Under `@lru_cache` or a project's `@memoize`, a later call may not run the body at all.
  if (a.language.family === 'python' && keepsResult(a, fn)) {
    return undefined;
  }
  const construction = a.language.family === 'python' ? pythonConstruction : jsConstruction;
  // A class it constructs whose constructor makes a client for each instance (`new TodoRepository(new ClientProvider())`)
  // makes that client on each call too, as at a handler, and so does a factory of its own module it calls
  // (`const doc = documentClient();` where `documentClient` returns a new client).
  const reader: HandlerReader = { mayDeclare: () => true, isHandler: (_, declared) => declared.scope === fn.scope, construction, helperCalls: true, constructedClasses: true, sameFileHelpers: true };
  const [made] = clientsMadeInHandlers(a, reader, 1);
  if (made) {
    return { service: made.service };
  }
  // A SQL connection or pool it opens on each call (`conn = psycopg2.connect(...)`, `return pymysql.connect(...)`),
  // also through a function of its module that opens one (`run_query` calling `get_connection()`), or of another
  // module (`const db = await getDbConnection()` after `require('../db')`, `conn = open_connection()` after
  // `from .connections import open_connection`): a data layer's query function a handler calls. Not a developer's local
  // server, nor one kept on Flask's `g` for the rest of the request (`code/flaskRequestGlobals.ts`).
  if (fillsFlaskGlobals(a, fn.scope)) {
    return undefined;
  }
  const sqlReader: HandlerReader = { ...reader, construction: remoteSqlConstruction, sqlHelpers: true, sameFileHelpers: true, fromInvocation: connectionFromInvocation };
  const [connection] = clientsMadeInHandlers(a, sqlReader, 1);
  // A pool or engine (`create_engine(url)`), which a web handler that calls the function makes per request too.
  const pool = connection && !connection.helper && namesPoolMaker(a.language.family, a.text.slice(connection.name.start, connection.name.end));
  return connection && { service: connection.service, sql: true, ...(pool ? { pool: true as const } : {}) };
}

/** Locals followed back from a returned name to the construction they hold (`table = dynamodb.Table(name)`, `dynamodb = boto3.resource(...)`). */
const MAX_LOCAL_HOPS = 3;
/** Calls read after a construction for the object derived from it (`boto3.resource("dynamodb").Table(name)`). */
const MAX_DERIVED_CALLS = 2;

/**
 * Whether every expression the function returns is a client it makes there and then (`return new
 * DynamoDB.DocumentClient()`, `=> createClient(...)`, `return boto3.client("s3")`), or an object derived from
 * one by a call (`return boto3.resource("dynamodb").Table(name)`), directly or through locals the function
 * assigns once (`dynamodb = boto3.resource(...)`, `table = dynamodb.Table(name)`, `return table`), so that
 * each call makes another. A name it returns that outlives the call (a shared client, a lazy singleton kept in
 * a module-level or `global` name) does not count, and neither does a Python function under a decorator that
 * may hand back an earlier result (`@lru_cache`, a project's `@memoize`).
 */
export function madeAnew(a: CodeAnalyzer, fn: ModuleFunction, depth = 0): boolean {
  const starts = a.returnStarts(fn);
  if (a.language.family === 'python' && keepsResult(a, fn)) {
    return false;
  }
  return starts.length > 0 && starts.every((start) => madeHere(a, fn, a.idIs(start, 'await') ? start + 1 : start, expressionEnd(a, start), 0, depth));
}

/**
 * For a function that returns a tuple (`return resource, table`), whether each call makes each element anew, by
 * position: every `return` must write out `count` items (bare or in parentheses) and make that one here.
 */
export function elementsMadeAnew(a: CodeAnalyzer, fn: ModuleFunction, count: number): boolean[] {
  const made = new Array<boolean>(count).fill(false);
  const starts = a.returnStarts(fn);
  if (starts.length === 0 || (a.language.family === 'python' && keepsResult(a, fn))) {
    return made;
  }
  const itemsPerReturn = starts.map((start) => tupleItems(a, start));
  if (itemsPerReturn.some((items) => items.length !== count)) {
    return made;
  }
  return made.map((_, position) => itemsPerReturn.every((items) => madeHere(a, fn, items[position][0], items[position][1], 0, 0)));
}

/** The items of the tuple a `return` writes out from `start` (`a, b` or `(a, b)`), split at the commas of their level. */
function tupleItems(a: CodeAnalyzer, start: number): [number, number][] {
  const bracketed = a.is(start, '(') && a.partner[start] > start;
  const items: [number, number][] = [];
  let k = bracketed ? start + 1 : start;
  for (;;) {
    const end = expressionEnd(a, k);
    if (end <= k) {
      return items;
    }
    items.push([k, end]);
    if (!a.is(end, ',')) {
      return items;
    }
    k = end + 1;
  }
}

/** Same-file makers followed from a function that calls one (`resource = get_resource()`, then `return resource.Table(name)`). */
const MAX_MAKER_CALLS = 2;

/** The module-level function of the file that a bare call at `start` names (`get_resource()`), when the name is bound to one alone. */
function calledMaker(a: CodeAnalyzer, start: number): ModuleFunction | undefined {
  if (!a.isId(start) || a.isAccess(start - 1) || !a.is(start + 1, '(') || a.partner[start + 1] < 0) {
    return undefined;
  }
  const fixed = a.scopes.lookup(a.tokens.text(start), start)?.fixed;
  return fixed?.t === 'function' && a.scopes.parent(fixed.scope) === 0 ? fixed : undefined;
}

/** A Python `def` under a decorator that may return an earlier call's result. */
function keepsResult(a: CodeAnalyzer, fn: ModuleFunction): boolean {
  const params = a.functions.get(fn.scope)?.params ?? -1;
  const def = a.idIs(params - 2, 'def') ? params - 2 : -1;
  return def < 0 || mayKeepResult(a, a.idIs(def - 1, 'async') ? def - 1 : def);
}

/** Whether the expression from `start` to `end` is a construction, or a local holding one, followed only by calls on what it gives. */
function madeHere(a: CodeAnalyzer, fn: ModuleFunction, start: number, end: number, hops: number, depth: number): boolean {
  const construction = a.language.family === 'python' ? pythonConstruction : jsConstruction;
  const made = construction(a, start);
  if (made) {
    return made.end === end || derivedByCalls(a, made.end, end);
  }
  // A call of another function of the file that makes one anew on each call (`get_resource()`), and calls on what it gives.
  const maker = depth < MAX_MAKER_CALLS ? calledMaker(a, start) : undefined;
  if (maker && maker.scope !== fn.scope) {
    const after = a.partner[start + 1] + 1;
    return (after === end || derivedByCalls(a, after, end)) && madeAnew(a, maker, depth + 1);
  }
  if (hops >= MAX_LOCAL_HOPS) {
    return false;
  }
  const wrapped = wrappedArgument(a, start, end);
  if (wrapped) {
    return madeHere(a, fn, wrapped[0], wrapped[1], hops + 1, depth);
  }
  // `tracing ? AWSXRay.captureAWSv3Client(client) : client`: made here whichever branch is taken (a part of the expression, no hop).
  const branches = a.language.family === 'js' ? conditionalBranches(a, start, end) : undefined;
  if (branches) {
    return branches.every(([from, to]) => madeHere(a, fn, from, to, hops, depth));
  }
  const local = assignedOnceIn(a, fn, start);
  return local >= 0 && (start + 1 === end || derivedByCalls(a, start + 1, end)) && madeHere(a, fn, local, expressionEnd(a, local), hops + 1, depth);
}

/** The two branches of a JavaScript conditional `cond ? yes : no` that spans `start` to `end` at its top level. */
function conditionalBranches(a: CodeAnalyzer, start: number, end: number): [[number, number], [number, number]] | undefined {
  let question = -1;
  let nested = 0;
  for (let k = start; k < end; k = a.skipGroup(k)) {
    if (a.is(k, '?')) {
      question = question < 0 ? k : question;
      nested += question === k ? 0 : 1;
    } else if (a.is(k, ':') && question >= 0 && nested-- === 0) {
      return k > question + 1 && k + 1 < end ? [[question + 1, k], [k + 1, end]] : undefined;
    }
  }
  return undefined;
}

/**
 * The first argument of a library's wrapping call that spans `start` to `end` (`DynamoDBDocumentClient.from(client)`:
 * an imported name, one member, its arguments), which makes a new object around that argument on each call.
 */
function wrappedArgument(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  const open = start + 3;
  if (!a.isId(start) || a.isAccess(start - 1) || !a.imports.has(a.tokens.text(start)) || !a.isAccess(start + 1) || !a.isId(start + 2) || !a.is(open, '(')) {
    return undefined;
  }
  const first = a.partner[open] + 1 === end ? segments(a, open)[0] : undefined;
  return first && first[1] > first[0] ? [first[0], first[1]] : undefined;
}

/** `.Table(name)` and the like from `from` to exactly `end`: calls of members, each with its arguments, a few at most. */
function derivedByCalls(a: CodeAnalyzer, from: number, end: number): boolean {
  let k = from;
  for (let calls = 0; k < end && calls < MAX_DERIVED_CALLS; calls++) {
    if (!a.isAccess(k) || !a.isId(k + 1) || !a.is(k + 2, '(') || a.partner[k + 2] <= k + 2) {
      return false;
    }
    k = a.partner[k + 2] + 1;
  }
  return k === end;
}

/**
 * The start of the expression that the plain name at `k` holds, when it is a local of the function `fn` that
 * the function assigns once, with a plain `=` (not a loop variable, an unpacked or destructured name, or a
 * name declared `global` or `nonlocal`, which outlive the call); -1 otherwise.
 */
function assignedOnceIn(a: CodeAnalyzer, fn: ModuleFunction, k: number): number {
  if (!a.isId(k) || a.isAccess(k - 1)) {
    return -1;
  }
  const name = a.tokens.text(k);
  const binding = a.scopes.lookup(name, k);
  if (!binding || !bindsWholeExpression(binding)) {
    return -1;
  }
  // Declared in the function (a `global` name is the module's), and set in it.
  const [fnStart, fnEnd] = a.scopes.range(fn.scope);
  const [declaredStart, declaredEnd] = a.scopes.range(a.scopes.declaringScope(name, binding.token));
  if (declaredStart < fnStart || declaredEnd > fnEnd || a.scopes.enclosing(binding.token, ['function']) !== fn.scope) {
    return -1;
  }
  let assignments = 0;
  for (let t = fnStart; t < fnEnd; t++) {
    if (a.idIs(t, name) && !a.isAccess(t - 1)) {
      if (a.idIs(t - 1, 'global') || a.idIs(t - 1, 'nonlocal')) {
        return -1;
      }
      // The function's last token may be the file's last (`return table` ending the module): nothing follows it.
      assignments += assignmentAt(a, t + 1) > 0 ? 1 : 0;
    }
  }
  return assignments === 1 ? binding.expression : -1;
}

