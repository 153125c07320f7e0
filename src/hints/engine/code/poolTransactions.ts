/**
 * A transaction begun through a connection pool (`rds-sql-pool-transaction`): `await pool.query('BEGIN')`. Each
 * query a pool runs takes whichever connection is free, so the statements after BEGIN, and the COMMIT, may run
 * on other connections, outside the transaction, while the connection that began it goes back to the pool with
 * the transaction open. node-postgres says so (https://node-postgres.com/features/transactions: "Do not use
 * transactions with the pool.query method"); mysql2's pool `query` and `execute` take a connection per call the
 * same way, and so do asyncpg's pool `execute` and `fetch`
 * (https://magicstack.github.io/asyncpg/current/api/index.html#connection-pools); Go's `database/sql` asks not to
 * send BEGIN and COMMIT as statements (https://go.dev/doc/database/execute-transactions).
 *
 * Read for JavaScript and TypeScript receivers that are pools by construction in the file (`new Pool(...)`,
 * `createPool(...)`) or by name (`pool`, `dbPool`, `this.pool`), for Python's asyncpg pools the same way
 * (`await asyncpg.create_pool(...)`, `self.pool`), and for Go's `database/sql` pool made by `sql.Open` in the file,
 * or a name declared `*sql.DB`, `*sqlx.DB` or `*pgxpool.Pool`. A pool's checked-out connection
 * (`const client = await pool.connect()`) is one connection, and its transaction is right.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { namesPoolMaker } from './sqlPoolMakers';
import type { SqlConnection } from './sqlConnections';
import { inTestCode } from './testFixtures';
import { Span } from '../types';
import { TOKEN_KIND } from '../lexer';

/** A statement that begins a transaction and nothing else: PostgreSQL's BEGIN (with its modes), MySQL's START TRANSACTION. */
const BEGINS = /^\s*(?:begin(?:\s+(?:transaction|work)\b)?(?:\s+(?:isolation|read|deferrable|not)\b[^;]*)?|start\s+transaction\b[^;]*)\s*;?\s*$/i;

/** The methods that run one statement on a pool: node-postgres's and mysql2's, and `database/sql`'s (and pgxpool's). */
const JS_METHODS = new Set(['query', 'execute']);
const PYTHON_METHODS = new Set(['execute', 'fetch', 'fetchrow', 'fetchval']);
const GO_METHODS = new Set(['Exec', 'ExecContext', 'Query', 'QueryContext', 'QueryRow', 'QueryRowContext']);

/** A name that says pool: `pool`, `dbPool`, `pgPool`, `POOL`, `db_pool`. */
const POOL_NAME = /^(?:[a-z_$][\w$]*Pool|pool|POOL|[\w$]*_pool)$/;
/** What a name is bound to that makes it one connection, however it is named: a pool's checked-out connection. */
const ONE_CONNECTION = /\.\s*(?:connect|getConnection|acquire|Conn|Begin(?:Tx)?)\s*\(/;
/** Go's pool types, as a declaration writes them after the name. */
const GO_POOL_TYPE = /^\*\s*(?:sql|sqlx)\s*\.\s*DB\b|^\*\s*pgxpool\s*\.\s*Pool\b/;

/** The BEGIN statements the file sends through a pool, at the statement's string. */
export function poolTransactions(a: CodeAnalyzer, connections: readonly SqlConnection[]): Span[] {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python' && family !== 'go') || !/begin|start\s+transaction/i.test(a.text)) {
    return [];
  }
  const found: Span[] = [];
  for (let k = 1; k < a.tokens.length; k++) {
    if (a.tokens.kinds[k] !== TOKEN_KIND.STR || a.tokens.interpolated(k) || !BEGINS.test(a.tokens.text(k))) {
      continue;
    }
    const open = family === 'go' && a.is(k - 1, ',') ? a.parent[k] : k - 1;
    const method = open - 1;
    const methods = family === 'js' ? JS_METHODS : family === 'python' ? PYTHON_METHODS : GO_METHODS;
    if (!a.is(open, '(') || !a.isAccess(method - 1) || !methods.has(a.id(method) ?? '') || inTestCode(a, k)) {
      continue;
    }
    if (family === 'go' ? goPool(a, method - 2, connections) : namedOrMadePool(a, method - 2, connections)) {
      found.push(a.tokenSpan(k));
    }
  }
  return found;
}

/** Whether the receiver that ends at `end` (`pool`, `this.pool`, `db.pool`) is a JavaScript or Python pool. */
function namedOrMadePool(a: CodeAnalyzer, end: number, connections: readonly SqlConnection[]): boolean {
  if (!a.isId(end)) {
    return false;
  }
  const name = a.tokens.text(end);
  const binding = a.isAccess(end - 1) ? undefined : a.scopes.lookup(name, end);
  const expression = binding && binding.expression >= 0 && !binding.element ? binding.expression : -1;
  if (expression >= 0 && madeByPoolMaker(a, expression, connections)) {
    return true;
  }
  if (!POOL_NAME.test(name)) {
    return false;
  }
  // Named a pool but bound to one connection (`const pool = await db.connect()`): the name misleads.
  const bound = expression >= 0 ? a.text.slice(a.tokens.starts[expression], a.tokens.ends[expressionEnd(a, expression) - 1]) : '';
  return !ONE_CONNECTION.test(bound);
}

/** Whether the receiver that ends at `end` is a Go pool: made by `sql.Open` in the file, or declared `*sql.DB`, `*sqlx.DB` or `*pgxpool.Pool`. */
function goPool(a: CodeAnalyzer, end: number, connections: readonly SqlConnection[]): boolean {
  if (!a.isId(end) || a.isAccess(end - 1)) {
    return false;
  }
  const binding = a.scopes.lookup(a.tokens.text(end), end);
  if (!binding) {
    return false;
  }
  const from = binding.unpacked?.position === 0 ? binding.unpacked.from : binding.expression;
  if (from >= 0 && madeByPoolMaker(a, from, connections)) {
    return true;
  }
  // `db *sql.DB` as a parameter or `var db *sql.DB`: the type follows the name.
  const after = binding.token + 1;
  return after < a.tokens.length && GO_POOL_TYPE.test(a.text.slice(a.tokens.starts[after], a.tokens.ends[Math.min(a.tokens.length - 1, after + 4)]));
}

/** Whether the expression at `from` is a pool maker's call that the SQL reader took for a connection (`new Pool(...)`, `sql.Open(...)`). */
function madeByPoolMaker(a: CodeAnalyzer, from: number, connections: readonly SqlConnection[]): boolean {
  const end = Math.min(a.tokens.length, from + 8);
  for (const connection of connections) {
    const [name] = a.tokensOf(connection.name);
    if (name >= from && name < end && namesPoolMaker(a.language.family, a.tokens.text(name))) {
      return true;
    }
  }
  return false;
}
