/**
 * Go ORMs that open SQL connections to RDS and Aurora (`code/sqlConnections.ts` reads `database/sql`, sqlx
 * and pgx):
 *
 * - GORM v2's `gorm.Open(dialector, config)` with the PostgreSQL or MySQL dialector of `gorm.io/driver/*`:
 *   `postgres.Open(dsn)`, `mysql.Open(dsn)`, or `postgres.New(postgres.Config{DSN: dsn})`
 *   (https://gorm.io/docs/connecting_to_the_database.html); SQLite's and the others' dialectors open nothing here.
 * - GORM v1's `gorm.Open("postgres", dsn)` (`github.com/jinzhu/gorm`), which names the driver as `sql.Open` does.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { bindsWholeExpression } from '../scope/scopes';
import { onlyBinding } from './sqlLiterals';

/** A Go package whose calls open a connection pool, by import path (`sqlConnections.ts`'s table). */
export interface GoSqlPackage {
  /** The name the package is read under without an alias. */
  name: string;
  flavor: 'go-sql' | 'pgx' | 'gorm';
  calls: ReadonlySet<string>;
  /**
   * Calls that read a DSN into a config and open nothing (pgx's `ParseConfig(dsn)`, handed to `ConnectConfig` or
   * `NewWithConfig`): the DSN's hints belong there, but no connection is made there.
   */
  configCalls?: ReadonlySet<string>;
  /** The driver's name is an argument (`sql.Open("postgres", dsn)`): the last but one, the DSN the last. */
  driverNamed?: true;
  /** The driver's name is the first argument and the DSN the second, options following (ent's `Open`). */
  driverFirst?: true;
  /** GORM v2: the first argument is a dialector (`postgres.Open(dsn)`), which names the database and holds the DSN. */
  dialector?: true;
  /** A GORM dialector package of PostgreSQL or MySQL (it opens nothing itself). */
  dialect?: true;
}

const NO_CALLS: ReadonlySet<string> = new Set();

export const GO_ORM_PACKAGES: Readonly<Record<string, GoSqlPackage>> = {
  'github.com/jinzhu/gorm': { name: 'gorm', flavor: 'gorm', calls: new Set(['Open']), driverNamed: true },
  'gorm.io/gorm': { name: 'gorm', flavor: 'gorm', calls: new Set(['Open']), dialector: true },
  'gorm.io/driver/postgres': { name: 'postgres', flavor: 'gorm', calls: NO_CALLS, dialect: true },
  'gorm.io/driver/mysql': { name: 'mysql', flavor: 'gorm', calls: NO_CALLS, dialect: true },
};

/** Where a GORM dialector's DSN is: `dsnAt` as `gormDsn` gives it; `options`, the `(` or `{` of a dialector a name holds, whose keys and DSN are the connection's. */
export interface GormDialector {
  dsnAt: number;
  options?: number;
}

/**
 * The DSN of the PostgreSQL or MySQL dialector that `gorm.Open(` at `open` is given: the token after `postgres.Open(`,
 * -1 for `postgres.New(postgres.Config{DSN: ...})` or a `postgres.Dialector{Config: &postgres.Config{DSN: ...}}` literal
 * (whose `DSN` the options hold), in place or held by a name bound once to one (`dialector := postgres.Open(dsn)`), or
 * undefined for any other first argument (SQLite's `sqlite.Open`, a name bound in a `switch` over drivers, a parameter).
 */
export function gormDsn(a: CodeAnalyzer, open: number, packageOf: (name: string) => GoSqlPackage | undefined): GormDialector | undefined {
  const [first] = segments(a, open);
  if (!first) {
    return undefined;
  }
  // In place, the call's own options hold the dialector's keys.
  const inPlace = dialectorAt(a, first[0], first[1], packageOf);
  if (inPlace || first[1] !== first[0] + 1 || !a.isId(first[0])) {
    return inPlace && { dsnAt: inPlace.dsnAt };
  }
  const expression = heldOnce(a, first[0]);
  return expression >= 0 ? dialectorAt(a, expression, expressionEnd(a, expression), packageOf) : undefined;
}

/** `postgres.Open(dsn)`, `postgres.New(...)` or `&postgres.Dialector{...}` written over `[k, end)`, with its options' bracket. */
function dialectorAt(a: CodeAnalyzer, k: number, end: number, packageOf: (name: string) => GoSqlPackage | undefined): GormDialector | undefined {
  const start = a.is(k, '&') ? k + 1 : k;
  if (!a.isId(start) || a.isAccess(start - 1) || !a.isAccess(start + 1) || a.partner[start + 3] + 1 !== end) {
    return undefined;
  }
  if (!packageOf(a.tokens.text(start))?.dialect || a.scopes.lookup(a.tokens.text(start), start) !== undefined) {
    return undefined;
  }
  if (a.is(start + 3, '{')) {
    return a.idIs(start + 2, 'Dialector') ? { dsnAt: -1, options: start + 3 } : undefined;
  }
  if (start !== k || !a.is(start + 3, '(')) {
    return undefined;
  }
  return a.idIs(start + 2, 'Open') ? { dsnAt: start + 4, options: start + 3 } : a.idIs(start + 2, 'New') ? { dsnAt: -1, options: start + 3 } : undefined;
}

/** The expression a name at `token` is bound to, where its scope binds it once (not a parameter, nor a `switch` of assignments); else -1. */
function heldOnce(a: CodeAnalyzer, token: number): number {
  const name = a.tokens.text(token);
  const binding = onlyBinding(a, token);
  const scope = binding ? a.scopes.declaringScope(name, binding.token) : -1;
  const bindings = scope >= 0 ? a.scopes.bindingsIn(scope).get(name) : undefined;
  return binding && bindings?.length === 1 && bindsWholeExpression(binding) ? binding.expression : -1;
}
