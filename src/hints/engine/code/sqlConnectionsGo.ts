/**
 * Go SQL connections (`sqlConnections.ts` reads what they send): `database/sql` and sqlx with a PostgreSQL or MySQL
 * driver's name, pgx and pgxpool, and GORM (`sqlOrmGo.ts`), each by the import path of its package.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { Construction } from './handlerClients';
import { goImportSpecs } from './languages/goPackageStructs';
import { boundLiteral } from './sqlLiterals';
import { GoSqlPackage, GO_ORM_PACKAGES, gormDsn } from './sqlOrmGo';

/** A Go call that opens a connection pool: the call, its package's flavor and calls, and where its DSN is when a reader found it. */
export interface GoOpened {
  construction: Construction;
  flavor: GoSqlPackage['flavor'];
  calls: ReadonlySet<string>;
  /** The `(` of the call. */
  open: number;
  dsnAt?: number;
  /** A call that parses the DSN into a config (`pgxpool.ParseConfig(dsn)`): it holds the DSN but opens nothing. */
  configOnly?: true;
}

/**
 * Go packages by import path: `database/sql`'s `Open` with a PostgreSQL or MySQL driver's name (not SQLite's),
 * sqlx's `Open` and `Connect` (their `Must` forms, and `ConnectContext` after a context), which take the same driver
 * name and DSN and hand them to `sql.Open` (https://pkg.go.dev/github.com/jmoiron/sqlx), and pgx's `Connect` and
 * pgxpool's `New`, whose DSN follows a context. The DSN is the last argument, the driver's name the one before it.
 * pgx's and pgxpool's `ParseConfig(dsn)` hold the DSN of a later `ConnectConfig` / `NewWithConfig(ctx, config)`
 * (https://pkg.go.dev/github.com/jackc/pgx/v5/pgxpool#ParseConfig), so the DSN is read there.
 */
const PGX_CONFIG: ReadonlySet<string> = new Set(['ParseConfig']);
const GO_PACKAGES: Readonly<Record<string, GoSqlPackage>> = {
  'database/sql': { name: 'sql', flavor: 'go-sql', calls: new Set(['Open']), driverNamed: true },
  'github.com/jmoiron/sqlx': { name: 'sqlx', flavor: 'go-sql', calls: new Set(['Open', 'Connect', 'MustOpen', 'MustConnect', 'ConnectContext']), driverNamed: true },
  'github.com/jackc/pgx/v5': { name: 'pgx', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v4': { name: 'pgx', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v5/pgxpool': { name: 'pgxpool', flavor: 'pgx', calls: new Set(['New', 'Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v4/pgxpool': { name: 'pgxpool', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  ...GO_ORM_PACKAGES,
};
/** The driver names `sql.Open` takes for PostgreSQL (lib/pq, pgx's stdlib) and MySQL (go-sql-driver). */
const GO_DRIVER_NAMES = new Set(['postgres', 'pgx', 'mysql']);
const goPackagesOf = new WeakMap<CodeAnalyzer, Map<string, GoSqlPackage>>();

/** The file's Go SQL packages by the name it reads them under. */
function goPackages(a: CodeAnalyzer): Map<string, GoSqlPackage> {
  let found = goPackagesOf.get(a);
  if (!found) {
    found = new Map();
    for (const { alias, path } of goImportSpecs(a)) {
      const spec = Object.hasOwn(GO_PACKAGES, path) ? GO_PACKAGES[path] : undefined;
      if (spec && alias !== '_' && alias !== '.') {
        found.set(alias ?? spec.name, spec);
      }
    }
    goPackagesOf.set(a, found);
  }
  return found;
}

/** `sql.Open("postgres", dsn)`, `pgxpool.New(ctx, dsn)` at `k`: what it opens, with its DSN argument. */
export function goOpenedAt(a: CodeAnalyzer, k: number): GoOpened | undefined {
  const spec = a.isAccess(k - 1) ? undefined : goPackages(a).get(a.tokens.text(k));
  const call = spec && a.isAccess(k + 1) && a.isId(k + 2) ? a.tokens.text(k + 2) : '';
  const configOnly = spec?.configCalls?.has(call) === true;
  if (!spec || !(spec.calls.has(call) || configOnly) || !a.is(k + 3, '(') || a.partner[k + 3] < 0) {
    return undefined;
  }
  if (a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return undefined;
  }
  const open = k + 3;
  const parts = segments(a, open);
  const driver = parts.length > 1 ? driverName(a, parts[parts.length - 2]) : -1;
  if (spec.driverNamed && !(driver > 0 && GO_DRIVER_NAMES.has(a.tokens.text(driver)))) {
    return undefined;
  }
  // GORM v2: a PostgreSQL or MySQL dialector in place, which holds the DSN.
  // `ParseConfig(dsn)`: the DSN is its one argument.
  const dsnAt = configOnly ? open + 1 : spec.dialector ? gormDsn(a, open, (name) => goPackages(a).get(name)) : undefined;
  if (spec.dialector && dsnAt === undefined) {
    return undefined;
  }
  return { construction: { start: k, name: k + 2, end: a.partner[open] + 1, service: 'rds', redis: false }, flavor: spec.flavor, calls: spec.calls, open, dsnAt, ...(configOnly ? { configOnly } : {}) };
}

/**
 * The string literal that names the driver of the argument `[start, end)`: written in place, or a constant or
 * variable of the file bound once to it (`const driver = "postgres"` then `sql.Open(driver, dsn)`); else -1.
 */
function driverName(a: CodeAnalyzer, [start, end]: readonly [number, number]): number {
  if (end !== start + 1) {
    return -1;
  }
  return a.isString(start) ? start : boundLiteral(a, start);
}

/** Whether the file imports a Go package that opens a connection: GORM's models import `gorm.io/gorm` alone, which opens one only with a dialector the file imports. */
export function importsGoDriver(a: CodeAnalyzer): boolean {
  const specs = [...goPackages(a).values()];
  return specs.some((spec) => spec.calls.size > 0 && (!spec.dialector || specs.some((other) => other.dialect)));
}
