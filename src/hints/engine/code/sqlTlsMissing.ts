/**
 * A connection to RDS that never asks for TLS (`rds-sql-tls-missing`), with the drivers whose default is a connection
 * in clear: node-postgres (also pg-promise's and Prisma's adapter over it) and porsager's `postgres`, which use TLS only
 * when given `ssl` (or, node-postgres, a connection string's `sslmode` or `PGSSLMODE`:
 * https://node-postgres.com/features/ssl), mysql2 and mysql, and Python's PyMySQL and aiomysql, which use it only when
 * given `ssl` or one of the `ssl_*` options, and pg8000, whose `ssl_context` defaults to None, "meaning no SSL" (its README),
 * and Go's go-sql-driver/mysql, whose DSN turns TLS on only with a `tls` parameter. libpq's drivers, asyncpg, Connector/J, PgJDBC, MySQL Connector/Python and
 * the .NET drivers try TLS by default and are not judged here, nor are ORMs and query builders over the first ones.
 *
 * Reported only where the absence is certain and the server is RDS: every option of the call is visible (no spread,
 * no options object of unknown keys), none of them is a TLS setting or a connection string (which may carry `sslmode`),
 * the file never names `PGSSLMODE` or sets node-postgres's `pg.defaults.ssl`, and the host is an RDS endpoint as
 * `rds-sql-tls-disabled` sees it. Test code is left alone. The option sits on the call's name, and only the finding
 * shows it (the rule reports where it hovers).
 */
import type { CodeAnalyzer } from './analyzer';
import { OptionContext } from '../model';
import type { SqlFlavor } from './sqlConnections';
import { DSN_OPTIONS, GO_MYSQL_DSN, TLS_DISABLED, toRds } from './sqlTls';

export const TLS_MISSING = 'tlsmissing';

/** The drivers that connect in clear unless told otherwise, called directly: an ORM's TLS options take other paths (Sequelize's `dialectOptions`, SQLAlchemy's `connect_args`). */
const CLEAR_BY_DEFAULT: ReadonlySet<SqlFlavor> = new Set<SqlFlavor>(['pg', 'postgres-js', 'mysql2', 'mysql', 'pymysql', 'aiomysql', 'pg8000']);

/** Options that may turn TLS on: any `ssl…` or `tls…` setting, and PyMySQL's option files, which may set `ssl-ca`. */
const MAY_SET_TLS = /^(?:ssl|tls)|^readdefault/;

/** TLS turned on for every connection of the process: `PGSSLMODE`, or node-postgres's `pg.defaults.ssl`. */
const SETS_TLS_ELSEWHERE = /PGSSLMODE|\bdefaults\.ssl\b/;

/** Adds the `TlsMissing` option to a driver call's context that goes to RDS with no TLS asked for. */
export function withTlsMissing(a: CodeAnalyzer, context: OptionContext, flavor: SqlFlavor, inTest: boolean): OptionContext {
  const goMysql = flavor === 'go-sql' && goMysqlWithoutTls(context);
  if (inTest || !context.complete || !(CLEAR_BY_DEFAULT.has(flavor) || goMysql) || SETS_TLS_ELSEWHERE.test(a.text)) {
    return context;
  }
  const asked = !goMysql && context.options.some(({ norm }) => norm === TLS_DISABLED || DSN_OPTIONS.has(norm) || MAY_SET_TLS.test(norm));
  if (!asked && toRds(a, context)) {
    // Nothing written to remove: the rule has no removal fix.
    const nothing = { start: context.anchor.start, end: context.anchor.start };
    context.options.push({ name: 'TlsMissing', norm: TLS_MISSING, key: context.anchor, value: context.anchor, literal: { kind: 'bool', value: true }, removal: nothing });
  }
  return context;
}

/**
 * A Go `database/sql` connection whose one DSN, written out, is go-sql-driver/mysql's (`user:pw@tcp(host:3306)/db`)
 * with no `tls` parameter: that driver's `tls` "Default: false", a connection in clear
 * (https://github.com/go-sql-driver/mysql#tls). Any other option (but the password read out of it), or a DSN built from
 * parts, says nothing.
 */
function goMysqlWithoutTls(context: OptionContext): boolean {
  // The password read out of the DSN (`addDsnPassword`) is the DSN's own.
  const [dsn, ...others] = context.options.filter(({ norm }) => norm !== 'password');
  return others.length === 0 && dsn !== undefined && DSN_OPTIONS.has(dsn.norm) && dsn.literal.kind === 'str' && GO_MYSQL_DSN.test(dsn.literal.value) && !/[?&]tls=/i.test(dsn.literal.value);
}
