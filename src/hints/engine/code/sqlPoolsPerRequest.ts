/**
 * SQL connection pools and engines that a web request handler makes on every request: `create_engine(url)` in a
 * FastAPI route, a `MySQLConnectionPool` in a Flask view or a FastAPI dependency, `new Pool()` in an Express route,
 * `sql.Open` in a Go handler, `new HikariDataSource(config)` in a Spring endpoint; or a call of a function that makes
 * one and hands it back (the file's own, or in workspace mode another module's: `cnx = create_connection_pool()`).
 * A pool exists to be shared by the requests of the process: made per request, it opens connections that no later
 * request reuses, and one left unclosed keeps them open on the database until it is collected. A single connection
 * opened and closed by a request is left alone: small web apps do that by design.
 */
import type { CodeAnalyzer } from './analyzer';
import { clientsMadeInHandlers, Construction, HandlerClient } from './handlerClients';
import { storedOutside } from './storedOutside';
import { calledFunction } from './helperFunctions';
import { connectionFromInvocation } from './invocationData';
import { importedBodyClient, mayBeProjectModule } from './projectImports';
import { inTestCode } from './testFixtures';
import { requestReaders } from './webHandlers';
import { hasPoolMakers, namesPoolMaker } from './sqlPoolMakers';

/** Handlers read per file, as for clients. */
const MAX_HANDLERS = 64;
/** Tokens of a same-file helper's body read for the pool it makes: a helper is short. */
const MAX_HELPER_TOKENS = 2000;

/**
 * The pools the file's web request handlers make on each request, read with `construction` (a SQL driver's,
 * `sqlConnections.ts`); a pool made from the request's own data (a tenant's database) is the request's to make.
 */
export function sqlPoolsPerRequest(a: CodeAnalyzer, construction: (a: CodeAnalyzer, k: number) => Construction | undefined): HandlerClient[] {
  if (!hasPoolMakers(a.language.family)) {
    return [];
  }
  const pool = (at: CodeAnalyzer, k: number): Construction | undefined => {
    const made = construction(at, k);
    return made && namesPoolMaker(at.language.family, at.tokens.text(made.name)) ? made : undefined;
  };
  const made = (at: CodeAnalyzer, k: number): Construction | undefined => pool(at, k) ?? sameFilePoolHelper(at, k, pool) ?? (at.language.family === 'python' ? poolHelperCall(at, k) : undefined);
  return requestReaders(a, made).flatMap((reader) => clientsMadeInHandlers(a, { ...reader, sqlHelpers: true, fromInvocation: connectionFromInvocation }, MAX_HANDLERS));
}

/**
 * A call at `k` of a function of this file that makes a pool in its own body and does not keep it outside the call
 * (`def get_pool(): return MySQLConnectionPool(...)`): a pool per call. One a decorator may keep (`@lru_cache`) or
 * that fills a module-level name once is no such helper.
 */
function sameFilePoolHelper(a: CodeAnalyzer, k: number, pool: (a: CodeAnalyzer, k: number) => Construction | undefined): Construction | undefined {
  const caller = a.isId(k) && a.is(k + 1, '(') ? a.scopes.enclosing(k, ['function']) : -1;
  const called = caller > 0 ? calledFunction(a, k, caller) : undefined;
  if (!called) {
    return undefined;
  }
  const fn = called.fn;
  const [start, end] = a.scopes.range(fn.scope);
  const body = fn.body >= 0 ? fn.body : fn.concise >= 0 ? fn.concise - 1 : a.partner[fn.params];
  for (let j = body + 1; j < end && j < body + MAX_HELPER_TOKENS; j++) {
    const made = a.scopes.enclosing(j, ['function']) === fn.scope && !inTestCode(a, j) ? pool(a, j) : undefined;
    if (made && !storedOutside(a, made.start, start, end)) {
      // Made from the helper's parameters (`def engine_for(url)`): the call's arguments decide whether it is the request's own.
      const fromArguments = connectionFromInvocation(a, made, fn.params, end) ? { fromArguments: true as const } : {};
      return { start: called.start, name: k, end: a.partner[k + 1] + 1, service: made.service, redis: false, helper: true, sql: true, ...fromArguments };
    }
  }
  return undefined;
}

/**
 * `create_connection_pool()` at `k`, or `db.create_pool()` of a module imported whole: a call of a project module's
 * function that makes a pool in its body on each call (workspace mode), under a name nothing of this file shadows.
 */
function poolHelperCall(a: CodeAnalyzer, k: number): Construction | undefined {
  if (!a.isId(k) || a.isAccess(k - 1) || a.idIs(k - 1, 'def')) {
    return undefined;
  }
  const whole = a.isAccess(k + 1) && a.isId(k + 2) && a.is(k + 3, '(');
  const open = whole ? k + 3 : k + 1;
  const imported = a.is(open, '(') ? a.imports.get(a.tokens.text(k)) : undefined;
  if (!imported || a.scopes.lookup(a.tokens.text(k), k) !== undefined || (!whole && imported.path === '')) {
    return undefined;
  }
  // `import db` or `from app import db` (module `app.db`), used whole; or a function imported by name.
  const module = whole && imported.path !== '' ? `${imported.module}${imported.module.endsWith('.') ? '' : '.'}${imported.path}` : imported.module;
  const path = whole ? a.tokens.text(k + 2) : imported.path;
  if (!mayBeProjectModule(a, module)) {
    return undefined;
  }
  const made = importedBodyClient(a, module, path, open);
  return made?.pool ? { start: k, name: whole ? k + 2 : k, end: a.partner[open] + 1, service: made.service, redis: false, helper: true, sql: true } : undefined;
}
