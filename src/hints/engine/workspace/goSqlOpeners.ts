/**
 * Go functions that make a client on each call, told to the other files of the module, whose Lambda handlers then
 * make one on every invocation by calling them (`code/languages/goSqlHelpers.ts`). A function that opens a SQL
 * connection pool on each call (`func NewDB() (*gorm.DB, error) { return
 * gorm.Open(mysql.Open(dsn()), nil) }`), told to the other files of the module, whose Lambda handlers then open
 * one on every invocation by calling them (`code/languages/goSqlHelpers.ts`). Read only in a file that imports a
 * SQL package of `code/sqlConnectionsGo.ts` and writes one of its opening calls: that file is lexed, and each
 * top-level function read as a handler's body is, for a connection it opens that it keeps nowhere outside (a
 * package variable, a `sync.Once` closure's assignment) and does not make from its parameters (a caller's DSN).
 */
import { CodeAnalyzer } from '../code/analyzer';
import { clientsMadeInHandlers, goConstruction, HandlerClient, HandlerReader } from '../code/handlerClients';
import type { HintService } from '../types';
import type { FunctionScope } from '../code/language';
import { connectionFromInvocation } from '../code/invocationData';
import { dependsOnInvocation } from '../code/invocationDependence';
import { sqlConstruction } from '../code/sqlConnections';
import { goMethodName } from '../code/helperFunctions';
import { boundGoFile } from './goBoundFiles';

/** The import paths of the Go SQL packages (`database/sql`, sqlx, pgx and pgxpool v4 and v5, GORM v1 and v2). */
const SQL_IMPORT = /"(?:database\/sql|github\.com\/jmoiron\/sqlx|github\.com\/jackc\/pgx\/v[45](?:\/pgxpool)?|gorm\.io\/gorm|github\.com\/jinzhu\/gorm)"/;
/** A call of theirs that may open a pool, by the name each package is read under. */
const OPENING_CALL = /\b(?:sql|sqlx|pgx|pgxpool|gorm)\.(?:Open|Connect|MustOpen|MustConnect|ConnectContext|New)\(/;
/** Functions told per file at most: more than a file declares. */
const MAX_OPENERS = 64;

/** Whether a Go file may declare a function that opens a SQL connection pool: the cheap test before any lexing. */
export function mayOpenSql(text: string): boolean {
  return SQL_IMPORT.test(text) && OPENING_CALL.test(text);
}

/** The names of the file's top-level functions that open a SQL connection pool on each call. */
export function sqlOpeners(text: string): string[] {
  return madePerCall(text, (fn) => ({ mayDeclare: () => true, isHandler: (_, declared) => declared.scope === fn.scope, construction: sqlConstruction, fromInvocation: connectionFromInvocation, sameFileHelpers: true }));
}

/**
 * Of the top-level functions declared to return an SDK or Redis client (`declared`), those that make it on each
 * call (`return redis.NewClient(&redis.Options{...})`), as a handler's body would: not from their parameters (a
 * caller's `aws.Config`), nor from a local they build it of, and not kept in a package variable or under `sync.Once`;
 * but one built from an SDK configuration they load themselves with options from their parameters, told apart.
 */
export function clientMakers(text: string, declared: readonly string[]): GoMakers<string[]> {
  // Only in the function's own body: a function literal it hands on (`sync.OnceValue(func() ...)`) may run once.
  const found = madeClientsPerCall(text, clientReader, declared, true);
  return { makers: found.map(({ name }) => name), configured: configuredNames(found) };
}

/**
 * Makers of clients (`clientMakers`, `wrapperMakers`), and among them those whose client takes the options of the SDK
 * configuration they load from their parameters (`config.LoadDefaultConfig(ctx, config.WithRegion(region))`): each call
 * still loads a new configuration and client, unless the caller passes what its invocation brings.
 */
export interface GoMakers<T> {
  makers: T;
  configured: string[];
}

function configuredNames(found: readonly MadePerCall[]): string[] {
  return found.filter(({ configured }) => configured).map(({ name }) => name);
}

/**
 * Of the top-level functions declared to return a type of the package (`declared`: `func NewRepo() *Repo`), or no
 * client at all (`func LatestStatus(id string) []byte`), those that make an SDK or Redis client on each call as
 * `clientMakers` reads it, and so hand out a new one inside what they return (`return &Repo{client:
 * dynamodb.NewFromConfig(cfg)}`) or use one made for that call only: by name, the service of that client.
 */
export function wrapperMakers(text: string, declared: readonly string[]): GoMakers<Record<string, HintService>> {
  const found = madeClientsPerCall(text, clientReader, declared, true);
  return { makers: Object.fromEntries(found.map(({ name, made }) => [name, made.service])), configured: configuredNames(found) };
}

/**
 * A reader of the clients the function `fn` makes in its own body (not in a function literal it hands on, which may
 * run once), or through a function or method of its file that it calls (`db.open(ctx)` on the value it returns).
 */
function clientReader(fn: FunctionScope): HandlerReader {
  return { mayDeclare: () => true, isHandler: (_, found) => found.scope === fn.scope, construction: (a, k) => (inNamedBody(a, k, fn) ? goConstruction(a, k) : undefined), sameFileHelpers: true };
}

/** Whether `k` is in the body of `fn` or of another named function or method of the file, not in a function literal. */
function inNamedBody(a: CodeAnalyzer, k: number, fn: FunctionScope): boolean {
  const scope = a.scopes.enclosing(k, ['function']);
  const around = scope === fn.scope ? undefined : a.functions.get(scope);
  return scope === fn.scope || (around !== undefined && (goMethodName(a, around) >= 0 || (a.idIs(around.params - 2, 'func') && a.isId(around.params - 1))));
}

/** The same reader, where the SDK configuration the function loads may take its options from the parameters. */
function configuredClientReader(fn: FunctionScope): HandlerReader {
  return { ...clientReader(fn), fromInvocation: (a, made, params, end) => dependsOnInvocation(a, made, params, end, true) };
}

interface MadePerCall {
  name: string;
  made: HandlerClient;
  configured: boolean;
}

function madePerCall(text: string, readerOf: (fn: FunctionScope) => HandlerReader, only?: readonly string[]): string[] {
  return madeClientsPerCall(text, readerOf, only).map(({ name }) => name);
}

function madeClientsPerCall(text: string, readerOf: (fn: FunctionScope) => HandlerReader, only?: readonly string[], configured = false): MadePerCall[] {
  const a = boundGoFile(text);
  const found: MadePerCall[] = [];
  for (const fn of a.functions.values()) {
    // `func Name(`: a top-level function, not a method or a function literal.
    if (found.length >= MAX_OPENERS || !a.idIs(fn.params - 2, 'func') || !a.isId(fn.params - 1) || (only && !only.includes(a.tokens.text(fn.params - 1)))) {
      continue;
    }
    const kept = setsPackageVariable(a, fn.scope);
    const made = kept ? [] : clientsMadeInHandlers(a, readerOf(fn), 1);
    const fromOptions = kept || made.length > 0 || !configured ? [] : clientsMadeInHandlers(a, configuredClientReader(fn), 1);
    if (made.length + fromOptions.length > 0) {
      found.push({ name: a.tokens.text(fn.params - 1), made: made[0] ?? fromOptions[0], configured: made.length === 0 });
    }
  }
  return found;
}

/**
 * Whether the function assigns a name declared outside it (`shared = db` after `db, err := gorm.Open(...)`, or an
 * entry of a package map, `clients[region] = c`): a function that keeps what it makes in a package variable may hand
 * the same pool or client out on later calls.
 */
export function setsPackageVariable(a: CodeAnalyzer, scope: number): boolean {
  const [start, end] = a.scopes.range(scope);
  for (let k = start; k < end; k++) {
    if (!a.is(k, '=')) {
      continue;
    }
    // The targets before the `=`: `shared = db`, `cached, err = gorm.Open(...)`, a map's entry `clients[region] = c`.
    const indexed = a.is(k - 1, ']') && a.partner[k - 1] > 0 ? a.partner[k - 1] - 1 : -1;
    for (let target = indexed >= 0 ? indexed : k - 1; a.isId(target) && !a.isAccess(target - 1); target -= 2) {
      const [declaredStart, declaredEnd] = a.scopes.range(a.scopes.declaringScope(a.tokens.text(target), target));
      // `_, err = svc.PutItem(input)`: the blank identifier keeps nothing.
      if (!a.idIs(target, '_') && (declaredStart < start || declaredEnd > end)) {
        return true;
      }
      if (!a.is(target - 1, ',')) {
        break;
      }
    }
  }
  return false;
}
