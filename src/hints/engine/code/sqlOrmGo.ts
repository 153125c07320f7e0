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
import { segments } from './braces';

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
  /** The first argument is the driver's name (`sql.Open("postgres", dsn)`), the DSN the second. */
  driverNamed?: true;
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

/**
 * The DSN of the PostgreSQL or MySQL dialector that `gorm.Open(` at `open` is given in place: the token after
 * `postgres.Open(`, -1 for `postgres.New(postgres.Config{DSN: ...})` (whose `DSN` the call's options hold), or
 * undefined for any other first argument (SQLite's `sqlite.Open`, a dialector held elsewhere).
 */
export function gormDsn(a: CodeAnalyzer, open: number, packageOf: (name: string) => GoSqlPackage | undefined): number | undefined {
  const [first] = segments(a, open);
  const k = first ? first[0] : -1;
  if (k < 0 || !a.isId(k) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.is(k + 3, '(') || a.partner[k + 3] + 1 !== first[1]) {
    return undefined;
  }
  if (!packageOf(a.tokens.text(k))?.dialect || a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return undefined;
  }
  return a.idIs(k + 2, 'Open') ? k + 4 : a.idIs(k + 2, 'New') ? -1 : undefined;
}
