/**
 * Go functions that make a client on each call through a maker of another package of the module: a data layer's
 * `func FetchOtp(args FetchOtpParams) (...) { svc := utils.DynamodbClient(); ... svc.Query(input) }`, where
 * `utils.DynamodbClient()` loads a session and makes a client each time (`goSqlOpeners.ts` tells those makers). A web
 * or Lambda handler that calls such a function makes a client on every request or invocation, as if it called the
 * maker itself (`code/languages/goSqlHelpers.ts` reads the call). Per file, only the calls are recorded (which package,
 * which function, with or without arguments); the module's model resolves them against the makers the called package
 * declares (`goModules.ts`), one level deep. Lexed only for a file that imports a client library and calls a function
 * of a package outside the standard library.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { serviceOf } from '../code/handlerClients';
import { goClientType, goImport } from '../code/languages/goClients';
import { heldFunction } from '../code/languages/goSqlHelpers';
import { boundGoFile } from './goBoundFiles';
import type { HintService } from '../types';
import { setsPackageVariable } from './goSqlOpeners';
import type { GoCallRef, GoFieldType } from './goTypes';

/**
 * A call of another package's function, or (`path` `''`) of a function another file of the caller's own package
 * declares (a wire injector's `client, err := provideDynamo()`), and whether it passes no arguments (a maker that
 * takes its options from its parameters then has none).
 */
export interface GoMakerCallRef extends GoCallRef {
  bare: boolean;
}

/** Functions read per file, and calls recorded per function: more than a data layer's file declares or makes. */
const MAX_FUNCTIONS = 64;
const MAX_CALLS = 8;

/** Go's predeclared functions, which no package declares. */
const BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

/** The AWS SDKs' own packages (`aws`, `session`, `expression`, `attributevalue`), which make no client of the module's. */
const AWS_PACKAGES = 'github.com/aws/';

/** The aliases of the file's imports outside the standard library (a path whose first element holds a dot) and the AWS SDKs. */
function projectAliases(imports: ReadonlyMap<string, string>): string[] {
  return [...imports].filter(([, path]) => path.split('/')[0].includes('.') && !path.startsWith(AWS_PACKAGES)).map(([alias]) => alias);
}

/** Whether the file may call a maker of another package: it imports a client library and calls `alias.Name(` of a non-standard import. */
export function mayCallMakers(text: string, clientImports: number, imports: ReadonlyMap<string, string>): boolean {
  const aliases = projectAliases(imports);
  return (clientImports > 0 || aliases.some((alias) => mayHoldFunction(text, alias))) && aliases.some((alias) => text.includes(`${alias}.`));
}

/** Whether the text may hold a function of the package `alias` in a variable (`= alias.Name` ending its line): the cheap test before `functionAliases`. */
function mayHoldFunction(text: string, alias: string): boolean {
  const written = `= ${alias}.`;
  for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
    let end = at + written.length;
    while (end < text.length && isWordCode(text.charCodeAt(end))) {
      end++;
    }
    const code = text.charCodeAt(end);
    if (end === text.length || code === 10 || code === 13) {
      return true;
    }
  }
  return false;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * By top-level function, the calls of functions of non-standard packages it makes in its own body (not in a function
 * literal it hands on, which may run once), unless it keeps something in a package variable (a lazy singleton).
 */
export function makerCallsOf(text: string, imports: ReadonlyMap<string, string>): Record<string, GoMakerCallRef[]> {
  const aliases = new Set(projectAliases(imports));
  const a = boundGoFile(text);
  const found: Record<string, GoMakerCallRef[]> = {};
  let functions = 0;
  for (const fn of a.functions.values()) {
    // `func Name(`: a top-level function, not a method or a function literal.
    if (functions >= MAX_FUNCTIONS || !a.idIs(fn.params - 2, 'func') || !a.isId(fn.params - 1) || fn.body < 0 || setsPackageVariable(a, fn.scope)) {
      continue;
    }
    const calls: GoMakerCallRef[] = [];
    const close = a.partner[fn.body];
    for (let k = fn.body + 1; k < close && calls.length < MAX_CALLS; k++) {
      const call = qualifiedCall(a, k, aliases, imports) ?? ownPackageCall(a, k);
      const seen = call !== undefined && calls.some((other) => other.path === call.path && other.name === call.name && other.bare === call.bare);
      if (call && !seen && a.scopes.lookup(a.tokens.text(k), k) === undefined && a.scopes.enclosing(k, ['function']) === fn.scope) {
        calls.push(call);
      }
    }
    if (calls.length > 0) {
      found[a.tokens.text(fn.params - 1)] = calls;
      functions++;
    }
  }
  for (const [name, call] of functionAliases(a, aliases, imports)) {
    if (functions < MAX_FUNCTIONS && !Object.hasOwn(found, name)) {
      found[name] = [call];
      functions++;
    }
  }
  return found;
}

/**
 * Package variables that hold another package's function, so that tests may replace it (`var NewDynamoDBClient =
 * dynamodb.NewDynamoDBClient`): calling one calls that function, read as a function whose body calls it, with
 * arguments the call site decides (so not `bare`).
 */
export function functionAliases(a: CodeAnalyzer, aliases: ReadonlySet<string>, imports: ReadonlyMap<string, string>): [string, GoMakerCallRef][] {
  const found: [string, GoMakerCallRef][] = [];
  for (let k = 0; k < a.tokens.length && found.length < MAX_FUNCTIONS; k++) {
    const target = heldFunction(a, k);
    if (target !== undefined && aliases.has(a.tokens.text(target)) && a.scopes.enclosing(k, ['function']) < 0) {
      found.push([a.tokens.text(k), { path: imports.get(a.tokens.text(target))!, name: a.tokens.text(target + 2), bare: false }]);
    }
  }
  return found;
}


/** `alias.Name(` at `k`, of a package outside the standard library and the AWS SDKs. */
function qualifiedCall(a: CodeAnalyzer, k: number, aliases: ReadonlySet<string>, imports: ReadonlyMap<string, string>): GoMakerCallRef | undefined {
  const alias = a.id(k);
  if (alias === undefined || !aliases.has(alias) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(k + 3, '(') || a.partner[k + 3] < 0) {
    return undefined;
  }
  return { path: imports.get(alias)!, name: a.tokens.text(k + 2), bare: a.partner[k + 3] === k + 4 };
}

/** `name(` at `k`: a function the file does not bind, so one another file of its package declares (not a predeclared one). */
function ownPackageCall(a: CodeAnalyzer, k: number): GoMakerCallRef | undefined {
  const name = a.id(k);
  if (name === undefined || BUILTINS.has(name) || a.isAccess(k - 1) || a.idIs(k - 1, 'func') || !a.is(k + 1, '(') || a.partner[k + 1] < 0) {
    return undefined;
  }
  return { path: '', name, bare: a.partner[k + 1] === k + 2 };
}

/** What a package declares of makers, as `bodyMakers` reads them: by name, the service of the client each makes. */
export interface GoPackageMakers {
  makers: Readonly<Record<string, HintService>>;
  configured: readonly string[];
}

/**
 * Of the functions `calls` lists, those that call a maker of the package their call names (`makersOf` that package's
 * import path), without arguments when that maker takes its options from its parameters: by name, the service of the
 * client that maker makes.
 */
export function bodyMakers(calls: Readonly<Record<string, readonly GoMakerCallRef[]>>, makersOf: (path: string) => GoPackageMakers | undefined): Record<string, HintService> {
  const found: Record<string, HintService> = {};
  for (const [name, made] of Object.entries(calls)) {
    for (const call of made) {
      const declared = makersOf(call.path);
      if (declared && Object.hasOwn(declared.makers, call.name) && (call.bare || !declared.configured.includes(call.name))) {
        found[name] = declared.makers[call.name];
        break;
      }
    }
  }
  return found;
}

/** The service of the client a function declared to return `type` makes (`*dynamodb.DynamoDB`, `*redis.Client`). */
export function serviceOfResult(type: GoFieldType): HintService | undefined {
  const imported = goImport(type.path);
  return imported && serviceOf(goClientType(imported.service, type.type));
}
