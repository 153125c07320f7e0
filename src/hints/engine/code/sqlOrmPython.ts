/**
 * Python ORMs that open SQL connections to RDS and Aurora (`code/sqlConnections.ts` reads the drivers themselves):
 *
 * - SQLAlchemy's `create_engine(url, connect_args={...})` and `create_async_engine` (SQLModel re-exports
 *   `create_engine`). The URL names the dialect and its DBAPI (`postgresql+asyncpg://user:pass@host/db`; plain
 *   `postgresql` is psycopg2, plain `mysql` mysqlclient), and `connect_args` go to that DBAPI's `connect()` as keyword
 *   arguments (https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls,
 *   https://docs.sqlalchemy.org/en/20/core/engines.html#custom-dbapi-connect-arguments-on-connect-routines), so
 *   they are read as that driver reads them. `URL.create(drivername, username=, password=, host=, ...)`, written in
 *   place or held by a name bound once to it, gives its keyword arguments as the options
 *   (https://docs.sqlalchemy.org/en/20/core/engines.html#creating-urls-programmatically).
 * - Peewee's `PostgresqlDatabase` and `MySQLDatabase` (and playhouse's pooled and extension classes), whose first
 *   argument is the database's name and whose other keyword arguments go to the driver's `connect()` (psycopg2's for
 *   PostgreSQL: https://docs.peewee-orm.com/en/latest/peewee/database.html#vendor-specific-parameters), and
 *   `playhouse.db_url`'s `connect(url)` (https://docs.peewee-orm.com/en/latest/peewee/playhouse.html#db-url).
 *
 * SQLite (a `sqlite` URL, also an environment read's fallback) and URLs of other databases (`mssql`, `redshift`,
 * `snowflake`) open nothing here.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { fallbackToken } from './envFallbacks';
import { bindsWholeExpression } from '../scope/scopes';
import { boundLiteral, onlyBinding } from './sqlLiterals';
import { tokensNamed } from './tokenIndex';

/** What an ORM call opens: the option context's type (the DBAPI), where its URL sits, and a `URL.create(` call's `(`. */
export interface OrmTarget {
  type: string;
  /** The token of the URL argument; -1 when the call takes none (Peewee's database name comes first). */
  dsnAt?: number;
  /** The `(` of the `URL.create(...)` call that gives the URL's parts as keyword arguments. */
  url?: number;
}

const ENGINES = new Set(['create_engine']);

/** Import paths of the ORMs' calls that open a connection pool, by module, as `sqlConnections.ts`'s driver table holds them. */
export const PYTHON_ORM_PATHS: Readonly<Record<string, { flavor: 'sqlalchemy' | 'peewee'; paths: ReadonlySet<string> }>> = {
  sqlalchemy: { flavor: 'sqlalchemy', paths: new Set(['create_engine', 'engine.create_engine']) },
  'sqlalchemy.engine': { flavor: 'sqlalchemy', paths: ENGINES },
  'sqlalchemy.ext.asyncio': { flavor: 'sqlalchemy', paths: new Set(['create_async_engine']) },
  sqlmodel: { flavor: 'sqlalchemy', paths: ENGINES },
  peewee: { flavor: 'peewee', paths: new Set(['PostgresqlDatabase', 'MySQLDatabase']) },
  'playhouse.pool': { flavor: 'peewee', paths: new Set(['PooledPostgresqlDatabase', 'PooledMySQLDatabase']) },
  'playhouse.postgres_ext': { flavor: 'peewee', paths: new Set(['PostgresqlExtDatabase']) },
  'playhouse.db_url': { flavor: 'peewee', paths: new Set(['connect']) },
};

/** A URL's scheme: the dialect and its DBAPI (`postgresql+psycopg2`), Peewee's `postgres+pool` and `postgresext` alike. */
const SCHEME = /^([a-z][a-z0-9]*)(?:\+([a-z0-9_]+))?:/i;
const POSTGRES = /^postgres(?:ql)?(?:ext)?$/i;
const MYSQL = /^(?:mysql|mariadb)(?:db)?$/i;
/** The DBAPIs by the name a URL gives them, as `sqlConnections.ts` names the drivers. */
const DBAPIS: Readonly<Record<string, string>> = {
  psycopg2: 'psycopg2',
  psycopg: 'psycopg',
  asyncpg: 'asyncpg',
  pg8000: 'pg8000',
  pymysql: 'pymysql',
  aiomysql: 'aiomysql',
  mysqlconnector: 'mysql-connector',
  mysqldb: 'mysqlclient',
  asyncmy: 'asyncmy',
};

/** The DBAPI a URL's scheme or a `drivername` names, or undefined for SQLite and other databases. */
function dbapiOf(scheme: string): string | undefined {
  const match = SCHEME.exec(`${scheme}:`);
  if (!match) {
    return undefined;
  }
  const [, dialect, dbapi] = match;
  const postgres = POSTGRES.test(dialect);
  // `mysql+auroradataapi`, `postgresql+pydataapi`: the RDS Data API's HTTPS calls, no connection of the code's.
  if ((!postgres && !MYSQL.test(dialect)) || /data_?api/i.test(dbapi ?? '')) {
    return undefined;
  }
  const named = dbapi && Object.hasOwn(DBAPIS, dbapi.toLowerCase()) ? DBAPIS[dbapi.toLowerCase()] : undefined;
  return named ?? (postgres ? 'psycopg2' : 'mysqlclient');
}

/** The type of a URL's text (a string's, an f-string's or a fallback's), undefined when it opens no PostgreSQL or MySQL server, `''` when unknown. */
function typeOfText(text: string): string | undefined {
  const scheme = SCHEME.exec(text.trim());
  return scheme ? dbapiOf(scheme[0].slice(0, -1)) : '';
}

/** `URL.create(` at `k` with `URL` imported from SQLAlchemy and not shadowed: its `(`, or -1. */
function urlCreateAt(a: CodeAnalyzer, k: number): number {
  if (!a.idIs(k, 'URL') || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'create') || !a.is(k + 3, '(') || a.partner[k + 3] < 0) {
    return -1;
  }
  const module = a.imports.get('URL')?.module;
  return module !== undefined && /^sqlalchemy(?:\.|$)/.test(module) && a.scopes.lookup('URL', k) === undefined ? k + 3 : -1;
}

/** The drivername a `URL.create(` call gives, as a string, or undefined when not written. */
function drivername(a: CodeAnalyzer, open: number): string | undefined {
  for (const [from, to] of segments(a, open)) {
    const value = a.idIs(from, 'drivername') && a.is(from + 1, '=') ? from + 2 : a.is(from + 1, '=') ? -1 : from;
    if (value >= 0 && to === value + 1 && a.isString(value)) {
      return a.tokens.text(value);
    }
    if (value === from) {
      return undefined;
    }
  }
  return undefined;
}

/** The string literal a `self.name` at `from` holds, where its class sets that attribute once (`self._url = f"sqlite:///{path}"`), or -1. */
function fieldLiteral(a: CodeAnalyzer, from: number): number {
  if (!a.idIs(from, 'self') || !a.isAccess(from + 1) || !a.isId(from + 2)) {
    return -1;
  }
  const owner = a.scopes.enclosing(from, ['class']);
  const members = owner > 0 ? a.scopes.memberBindings(owner, a.tokens.text(from + 2)).filter((member) => member.expression >= 0) : [];
  const value = members.length === 1 ? members[0].expression : -1;
  return value >= 0 && a.isString(value) && expressionEnd(a, value) === value + 1 ? value : -1;
}

/** The URL argument of an engine at [from, to): a string, a name bound once to one, a `URL.create(...)`, or an environment read's fallback. */
function engineTarget(a: CodeAnalyzer, from: number, to: number, unknown: string): OrmTarget | undefined {
  const held = to === from + 1 ? boundLiteral(a, from) : to === from + 3 ? fieldLiteral(a, from) : -1;
  // A string first names the scheme, also of a URL built on it (`"sqlite:///" + path.join(...)`).
  const text = a.isString(from) ? a.tokens.text(from) : held >= 0 ? a.tokens.text(held) : undefined;
  if (text !== undefined) {
    const type = typeOfText(text);
    return type === undefined ? undefined : { type: type || unknown };
  }
  const binding = to === from + 1 && a.isId(from) && !a.isAccess(from - 1) ? onlyBinding(a, from) : undefined;
  const start = binding && bindsWholeExpression(binding) ? binding.expression : from;
  const url = urlCreateAt(a, start);
  if (url >= 0 && (start === from ? a.partner[url] + 1 === to : expressionEnd(a, start) === a.partner[url] + 1)) {
    const name = drivername(a, url);
    const type = name === undefined ? unknown : dbapiOf(name);
    return type === undefined ? undefined : { type, url };
  }
  // `create_engine(os.environ.get("DATABASE_URL", "sqlite:///app.db"))`: a SQLite fallback says a local setup.
  const fallback = fallbackToken(a, from, to);
  return fallback >= 0 && typeOfText(a.tokens.text(fallback)) === undefined ? undefined : { type: unknown };
}

/**
 * What the ORM call named by `path` of `flavor`, whose `(` is at `open`, opens: undefined for SQLite and other
 * databases.
 */
export function ormTarget(a: CodeAnalyzer, flavor: string, path: string, open: number): OrmTarget | undefined {
  const [first] = segments(a, open);
  // The URL first, or as `url=` (`create_engine(url=...)`).
  const positional: [number, number] | undefined = !first ? undefined : !a.is(first[0] + 1, '=') ? first : a.idIs(first[0], 'url') ? [first[0] + 2, first[1]] : undefined;
  if (flavor === 'sqlalchemy') {
    return positional ? engineTarget(a, positional[0], positional[1], flavor) : { type: flavor };
  }
  if (path === 'connect') {
    // playhouse.db_url: the URL's scheme names the database (`postgres+pool://`, `mysql://`).
    return positional ? engineTarget(a, positional[0], positional[1], flavor) : undefined;
  }
  // Peewee hands the other keyword arguments to psycopg2's `connect()`; its MySQL driver is whichever is installed.
  return { type: /MySQL/.test(path) ? 'peewee' : 'psycopg2', dsnAt: -1 };
}

/**
 * A setting `name` whose value [value, end) is a database URL, read as `create_engine`'s (`unknown`: the type when the
 * scheme is not written): undefined for SQLite and other databases; `url` is the URL's string token, -1 when not written here.
 */
export function urlSetting(a: CodeAnalyzer, name: number, value: number, end: number, unknown: string): FlaskUri | undefined {
  const target = end > value ? engineTarget(a, value, end, unknown) : undefined;
  if (!target) {
    return undefined;
  }
  const held = end === value + 1 ? (a.isString(value) ? value : boundLiteral(a, value)) : -1;
  return { name, url: held, type: target.type };
}

/** Flask-SQLAlchemy's setting that names the database its engine connects to (https://flask-sqlalchemy.readthedocs.io/en/stable/config/). */
const FLASK_URI = 'SQLALCHEMY_DATABASE_URI';

/** A Flask-SQLAlchemy database URI set in the file: the name or key set, and the URL's string token (-1 when not written here). */
export interface FlaskUri {
  name: number;
  url: number;
  type: string;
}

/**
 * The places the file sets `SQLALCHEMY_DATABASE_URI`: a config class's or module's attribute, a keyword
 * (`app.config.update(SQLALCHEMY_DATABASE_URI=...)`) or a key (`app.config["SQLALCHEMY_DATABASE_URI"] = ...`),
 * read as `create_engine`'s URL: SQLite and other databases give nothing.
 */
export function flaskDatabaseUris(a: CodeAnalyzer): FlaskUri[] {
  if (a.language.family !== 'python' || !a.text.includes(FLASK_URI)) {
    return [];
  }
  const found: FlaskUri[] = [];
  const read = (name: number, value: number): void => {
    const uri = urlSetting(a, name, value, expressionEnd(a, value), 'sqlalchemy');
    if (uri) {
      found.push(uri);
    }
  };
  for (const k of tokensNamed(a, FLASK_URI)) {
    if (a.is(k + 1, '=') && !a.isAccess(k - 1)) {
      read(k, k + 2);
    }
  }
  // `app.config["SQLALCHEMY_DATABASE_URI"] = ...`, found through the name `config` (no pass over the tokens).
  for (const k of tokensNamed(a, 'config')) {
    const key = k + 2;
    if (a.isAccess(k - 1) && a.is(k + 1, '[') && a.isString(key) && a.is(key + 1, ']') && a.is(key + 2, '=') && a.tokens.text(key) === FLASK_URI) {
      read(key, key + 3);
    }
  }
  return found;
}
