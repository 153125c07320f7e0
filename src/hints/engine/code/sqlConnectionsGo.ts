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
  /** The `(` or `{` of a GORM dialector a name holds (`dialector := postgres.New(postgres.Config{...})`): its keys are the connection's too. */
  heldOptions?: number;
  /** The argument that holds the DSN where it is not the last (ent's `Open(driver, dsn, options...)`). */
  dsnArgument?: number;
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
  // entgo's own `sql.Open(driver, source)` opens a `database/sql` pool for an ent client (`ent.NewClient(ent.Driver(drv))`).
  'entgo.io/ent/dialect/sql': { name: 'sql', flavor: 'go-sql', calls: new Set(['Open']), driverNamed: true },
  'github.com/jmoiron/sqlx': { name: 'sqlx', flavor: 'go-sql', calls: new Set(['Open', 'Connect', 'MustOpen', 'MustConnect', 'ConnectContext']), driverNamed: true },
  'github.com/jackc/pgx/v5': { name: 'pgx', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v4': { name: 'pgx', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v5/pgxpool': { name: 'pgxpool', flavor: 'pgx', calls: new Set(['New', 'Connect']), configCalls: PGX_CONFIG },
  'github.com/jackc/pgx/v4/pgxpool': { name: 'pgxpool', flavor: 'pgx', calls: new Set(['Connect']), configCalls: PGX_CONFIG },
  ...GO_ORM_PACKAGES,
};
/**
 * The client package entgo generates in the project (`example.com/app/ent`, not entgo.io's own packages): its
 * `Open(driverName, dataSourceName, options...)` hands both to `database/sql`'s `Open` (https://entgo.io/docs/sql-integration/).
 */
const ENT_CLIENT: GoSqlPackage = { name: 'ent', flavor: 'go-sql', calls: new Set(['Open']), driverNamed: true, driverFirst: true };
const ENT_CLIENT_PATH = /^(?!entgo\.io\/)[^"]+\/ent$/;
/** entgo's dialect names (`dialect.Postgres` of `entgo.io/ent/dialect`), which are the `database/sql` driver names. */
const ENT_DIALECT = 'entgo.io/ent/dialect';
const ENT_DIALECT_NAMES: Readonly<Record<string, string>> = { Postgres: 'postgres', MySQL: 'mysql' };
/** The driver names `sql.Open` takes for PostgreSQL (lib/pq, pgx's stdlib) and MySQL (go-sql-driver). */
const GO_DRIVER_NAMES = new Set(['postgres', 'pgx', 'mysql']);
const goPackagesOf = new WeakMap<CodeAnalyzer, Map<string, GoSqlPackage>>();

/** The file's Go SQL packages by the name it reads them under. */
function goPackages(a: CodeAnalyzer): Map<string, GoSqlPackage> {
  let found = goPackagesOf.get(a);
  if (!found) {
    found = new Map();
    for (const { alias, path } of goImportSpecs(a)) {
      const spec = Object.hasOwn(GO_PACKAGES, path) ? GO_PACKAGES[path] : ENT_CLIENT_PATH.test(path) ? ENT_CLIENT : undefined;
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
  // ent's `Open(driver, dsn, options...)` names the driver first; `sql.Open` and sqlx last but one.
  const driverArgument = spec.driverFirst ? 0 : parts.length - 2;
  const driver = parts.length > 1 ? driverName(a, parts[driverArgument]) : undefined;
  if (spec.driverNamed && !(driver !== undefined && GO_DRIVER_NAMES.has(driver))) {
    return undefined;
  }
  // GORM v2: a PostgreSQL or MySQL dialector in place, which holds the DSN.
  // `ParseConfig(dsn)`: the DSN is its one argument.
  const dialector = spec.dialector ? gormDsn(a, open, (name) => goPackages(a).get(name)) : undefined;
  if (spec.dialector && dialector === undefined) {
    return undefined;
  }
  const dsnAt = configOnly ? open + 1 : dialector?.dsnAt;
  const heldOptions = dialector?.options;
  const dsnArgument = spec.driverFirst ? 1 : undefined;
  return { construction: { start: k, name: k + 2, end: a.partner[open] + 1, service: 'rds', redis: false }, flavor: spec.flavor, calls: spec.calls, open, dsnAt, ...(heldOptions !== undefined ? { heldOptions } : {}), ...(dsnArgument !== undefined ? { dsnArgument } : {}), ...(configOnly ? { configOnly } : {}) };
}

/**
 * The driver the argument `[start, end)` names: a string literal written in place, a constant or variable of the file
 * bound once to one (`const driver = "postgres"` then `sql.Open(driver, dsn)`), or entgo's `dialect.Postgres`.
 */
function driverName(a: CodeAnalyzer, [start, end]: readonly [number, number]): string | undefined {
  if (end === start + 3 && a.isId(start) && a.isAccess(start + 1) && !a.isAccess(start - 1)) {
    const dialect = goImportSpecs(a).some(({ alias, path }) => path === ENT_DIALECT && (alias ?? 'dialect') === a.tokens.text(start));
    return dialect && Object.hasOwn(ENT_DIALECT_NAMES, a.tokens.text(start + 2)) ? ENT_DIALECT_NAMES[a.tokens.text(start + 2)] : undefined;
  }
  const literal = end !== start + 1 ? -1 : a.isString(start) ? start : boundLiteral(a, start);
  return literal >= 0 ? a.tokens.text(literal) : undefined;
}

/** The names the file reads pgx and pgxpool under. */
export function pgxPackageNames(a: CodeAnalyzer): Set<string> {
  return new Set([...goPackages(a)].filter(([, spec]) => spec.flavor === 'pgx').map(([name]) => name));
}

/** Whether the file imports a Go package that opens a connection: GORM's models import `gorm.io/gorm` alone, which opens one only with a dialector the file imports. */
export function importsGoDriver(a: CodeAnalyzer): boolean {
  const specs = [...goPackages(a).values()];
  return specs.some((spec) => spec.calls.size > 0 && (!spec.dialector || specs.some((other) => other.dialect)));
}
