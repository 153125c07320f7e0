/**
 * SQL connection pools and engines that a web request handler makes on every request: `create_engine(url)` in a
 * FastAPI route, a `MySQLConnectionPool` in a Flask view or a FastAPI dependency, `new Pool()` in an Express route,
 * `sql.Open` in a Go handler, `new HikariDataSource(config)` in a Spring endpoint; or a call of a function that makes
 * one and hands it back (the file's own, or in workspace mode another module's: `cnx = create_connection_pool()`).
 * A pool exists to be shared by the requests of the process: made per request, it opens connections that no later
 * request reuses, and one left unclosed keeps them open on the database until it is collected.
 *
 * Since the sixty-first session also a single connection a handler opens on every request, in place or through such
 * a function (`mysql.createConnection(cfg)` in a route, `conn = get_db_connection()`, JDBC's `DriverManager.getConnection`
 * in a `@GetMapping`): each request pays the connection's handshake (TLS and authentication included) and the
 * database a backend process or thread, the churn node-postgres's documentation warns web servers against and RDS
 * Proxy exists to absorb. Not .NET's drivers, which pool underneath (`sqlConstruction` reads none), nor a checkout from
 * a shared pool (`pool.getConnection()`), which no driver call is.
 */
import type { CodeAnalyzer } from './analyzer';
import { clientsMadeInHandlers, Construction, HandlerClient } from './handlerClients';
import { storedOutside } from './storedOutside';
import { calledFunction } from './helperFunctions';
import { connectionFromInvocation } from './invocationData';
import { importedBodyClient, mayBeProjectModule } from './projectImports';
import { inTestCode } from './testFixtures';
import { requestReaders } from './webHandlers';
import { hasPoolMakers, namesConnectionMaker, namesPoolMaker } from './sqlPoolMakers';
import { fillsFlaskGlobals } from './flaskRequestGlobals';

/** Handlers read per file, as for clients. */
const MAX_HANDLERS = 64;
/** Tokens of a same-file helper's body read for the pool it makes: a helper is short. */
const MAX_HELPER_TOKENS = 2000;

/** A pool, engine or connection a handler makes per request; `single` when it is one connection rather than a pool. */
export type PerRequestOpener = HandlerClient & { single?: true };

/**
 * The pools and connections the file's web request handlers make on each request, read with `construction` (a SQL
 * driver's, `sqlConnections.ts`); one made from the request's own data (a tenant's database) is the request's to make.
 */
export function sqlPoolsPerRequest(a: CodeAnalyzer, construction: (a: CodeAnalyzer, k: number) => Construction | undefined): PerRequestOpener[] {
  if (!hasPoolMakers(a.language.family)) {
    return [];
  }
  // Whether what a handler's call at a name token opens is one connection, by the name's offset.
  const single = new Map<number, boolean>();
  const opener = (at: CodeAnalyzer, k: number): Construction | undefined => {
    const made = construction(at, k);
    const name = made ? at.tokens.text(made.name) : '';
    return made && (namesPoolMaker(at.language.family, name) || namesConnectionMaker(at.language.family, name)) ? made : undefined;
  };
  const made = (at: CodeAnalyzer, k: number): Construction | undefined => {
    const found: Opened | undefined = opener(at, k) ?? sameFileOpener(at, k, opener);
    if (found) {
      single.set(at.tokens.starts[found.name], !namesPoolMaker(at.language.family, at.tokens.text(found.opener ?? found.name)));
      return found;
    }
    const imported = importedOpenerCall(at, k);
    if (imported) {
      single.set(at.tokens.starts[imported.name], !imported.pool);
    }
    return imported;
  };
  return requestReaders(a, made)
    .flatMap((reader) => clientsMadeInHandlers(a, { ...reader, sqlHelpers: true, fromInvocation: connectionFromInvocation }, MAX_HANDLERS))
    .map((each) => (single.get(each.name.start) ? { ...each, single: true as const } : each));
}

/** What a handler's call opens: the driver call, or a helper's call with the driver call's name in its body (`opener`). */
type Opened = Construction & { opener?: number };

/**
 * A call at `k` of a function of this file that opens a pool or a connection in its own body and does not keep it
 * outside the call (`def get_pool(): return MySQLConnectionPool(...)`, `function getConnection() { return
 * mysql.createConnection(cfg) }`): one per call. One a decorator may keep (`@lru_cache`) or that fills a module-level
 * name once is no such helper.
 */
function sameFileOpener(a: CodeAnalyzer, k: number, opener: (a: CodeAnalyzer, k: number) => Construction | undefined): Opened | undefined {
  const caller = a.isId(k) && a.is(k + 1, '(') ? a.scopes.enclosing(k, ['function']) : -1;
  const called = caller > 0 ? calledFunction(a, k, caller) : undefined;
  if (!called) {
    return undefined;
  }
  const fn = called.fn;
  // One that keeps what it opens on Flask's `g` hands out the request's one connection.
  if (fillsFlaskGlobals(a, fn.scope)) {
    return undefined;
  }
  const [start, end] = a.scopes.range(fn.scope);
  const body = fn.body >= 0 ? fn.body : fn.concise >= 0 ? fn.concise - 1 : a.partner[fn.params];
  for (let j = body + 1; j < end && j < body + MAX_HELPER_TOKENS; j++) {
    const made = a.scopes.enclosing(j, ['function']) === fn.scope && !inTestCode(a, j) ? opener(a, j) : undefined;
    if (made && !storedOutside(a, made.start, start, end)) {
      // Made from the helper's parameters (`def engine_for(url)`): the call's arguments decide whether it is the request's own.
      const fromArguments = connectionFromInvocation(a, made, fn.params, end) ? { fromArguments: true as const } : {};
      return { start: called.start, name: k, end: a.partner[k + 1] + 1, service: made.service, redis: false, helper: true, sql: true, opener: made.name, ...fromArguments };
    }
  }
  return undefined;
}

/**
 * `create_connection_pool()` or `getConnection()` at `k`, `db.create_pool()` of a Python module imported whole, or
 * `db.getConnection()` of a JavaScript module required whole or imported as a namespace or default: a call of a
 * project module's function that opens a pool or a connection in its body on each call (workspace mode,
 * `workspace/exportedFunctions.ts`), under a name nothing of this file shadows.
 */
function importedOpenerCall(a: CodeAnalyzer, k: number): (Construction & { pool: boolean }) | undefined {
  const family = a.language.family;
  if ((family !== 'python' && family !== 'js') || !a.isId(k) || a.isAccess(k - 1) || a.idIs(k - 1, 'def') || a.idIs(k - 1, 'function')) {
    return undefined;
  }
  const python = family === 'python';
  const member = a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(');
  const imported = member || a.is(k + 1, '(') ? a.imports.get(a.tokens.text(k)) : undefined;
  if (!imported || a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return undefined;
  }
  // Python: `import db` or `from app import db` (module `app.db`); JavaScript: `require('../db')` or `import * as db`
  // (its member), or a default import (`default.call` of `export default { call }`). Else a function imported by name.
  const whole = member && (python || imported.path === '' || imported.path === 'default');
  if (!whole && (imported.path === '' || !a.is(k + 1, '('))) {
    return undefined;
  }
  const open = whole ? k + 3 : k + 1;
  const module = whole && python && imported.path !== '' ? `${imported.module}${imported.module.endsWith('.') ? '' : '.'}${imported.path}` : imported.module;
  const path = !whole ? imported.path : python || imported.path === '' ? a.tokens.text(k + 2) : `default.${a.tokens.text(k + 2)}`;
  if (!mayBeProjectModule(a, module)) {
    return undefined;
  }
  const made = importedBodyClient(a, module, path, open);
  return made?.sql ? { start: k, name: whole ? k + 2 : k, end: a.partner[open] + 1, service: made.service, redis: false, helper: true, sql: true, pool: made.pool === true } : undefined;
}
