/**
 * SQL driver connections to RDS and Aurora in application code: `new Pool(...)` and `new Client(...)` of
 * `pg`, `createConnection` / `createPool` of `mysql2` (also `mysql2/promise`) and `mysql`, `postgres(...)`
 * (porsager), the ORMs and query builders Sequelize, TypeORM and knex (`sqlOrmJs.ts`), pg-promise's `pgp(cn)` (`sqlPgPromise.ts`); Python's `psycopg2.connect`,
 * `psycopg.connect`, `pymysql.connect`, `asyncpg.connect` / `create_pool`, `mysql.connector.connect`, MariaDB Connector/Python's `mariadb.connect` and `ConnectionPool`, pg8000's `connect`
 * (also `pg8000.dbapi.connect`) and `pg8000.native.Connection`, DBUtils' pools over one of them (`sqlDbutils.ts`), the drivers'
 * pool classes, and SQLAlchemy and Peewee (`sqlOrmPython.ts`); Go's in `sqlConnectionsGo.ts`, Java's JDBC and
 * HikariCP, .NET's in `sqlConnectionsDotnet.ts`. A call counts only when its name comes from the driver's import and
 * nothing of the file shadows it, so a project's own `connect()`, a wrapper's definition, SQL text, comments and
 * strings get nothing; SQLite is not read.
 *
 * Each connection is a hover place (`rds-sql-connection`), its options a `sql-client` context (`password`,
 * `ssl`, `rejectUnauthorized`, ...), and a connection a Lambda handler opens on each invocation is found with
 * the handler reader of `handlerClients.ts`. A connection to a host that is clearly local (`localhost`,
 * `127.0.0.1`) in test code or a test file is a disposable test database: nothing is said about it.
 */
import { EMBEDDED_JDBC } from '../config/values';
import { OptionContext } from '../model';
import { HintService, Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { clientsMadeInHandlers, Construction, handlerReader } from './handlerClients';
import { connectionFromInvocation } from './invocationData';
import { contextFrom, positionalOption } from './options';
import { pymysqlPositionalOptions } from './sqlPymysqlPositional';
import { inTestCode } from './testFixtures';
import { DotnetFlavor, dotnetOpenedAt, dotnetOptions, importsDotnetDriver } from './sqlConnectionsDotnet';
import { importedHeldMethodCall, returnedObject, sqlHelperCall, sqlHelpers } from './sqlHelpers';
import { boundLiteral, javaHostFallback, urlFallbackOption, withLocalPasswords } from './sqlLiterals';
import { importsJavaPool, javaPoolOpenedAt, javaPoolOptions } from './sqlJavaPools';
import { importsKotlinDatabase, kotlinDatabaseArguments, kotlinDatabaseConnectAt } from './sqlKotlinDatabases';
import { importsRdsInstanceAnnotation, rdsInstanceAnnotations } from './springCloudRdsInstances';
import { pgPromiseDatabaseAt } from './sqlPgPromise';
import { withSslContexts } from './sqlSslContexts';
import { DBUTILS_POOLS } from './sqlDbutils';
import { creatorDriver, Driver, driverOf, JS_DRIVERS } from './sqlDrivers';
import { otherFilesSqlOptions } from './otherFileSqlOptions';
import { reachesOtherCloudDatabase } from './otherCloudDatabases';
import { namesEc2Instance, namesRedshift } from './sqlRedshiftEndpoints';
import { boundToMadeKnex, importsOptionType, isOrm, knexRequiredAt, markOptionsRead, OrmFlavor, ormOptions, ormToRds, reusedByTypeorm, typedOptions, typedOptionsAt } from './sqlOrmJs';
import { exportedOptionObjects } from './sqlConfigFiles';
import { withTlsDisabled } from './sqlTls';
import { withTlsMissing } from './sqlTlsMissing';
import { returnedString } from './sqlInterpolatedDsns';
import { OrmTarget, ormTarget } from './sqlOrmPython';
import { goOpenedAt, importsGoDriver, pgxPackageNames } from './sqlConnectionsGo';
import { goSqlTlsConfigContexts, parsedConfigTlsOptions } from './sqlGoTlsConfigs';
import { addConditionalDsns, addDsnOptions, addDsnPassword, addFormattedDsnOptions, namesLocalHost, withDsnPasswords } from './sqlDsnOptions';
import { passesOn } from './sqlPassedOn';
import { fastifySqlRegistrationAt, namesFastifySqlPlugin } from './fastifySqlPlugins';
import { givenOptions } from './prismaAdapters';
import { assignedSqlOptions } from './sqlAssignedOptions';
import { namesServerlessMysql, serverlessMysqlAt } from './sqlServerlessMysql';
import { sqlPoolsPerRequest } from './sqlPoolsPerRequest';

/** The drivers, as the hovers' examples and the checks name them. */
export type SqlFlavor =
  | 'helper'
  | 'jdbc'
  | 'go-sql'
  | 'pgx'
  | 'pg'
  | 'mysql2'
  | 'mysql'
  | 'postgres-js'
  | 'sequelize'
  | 'typeorm'
  | 'knex'
  | 'psycopg2'
  | 'psycopg'
  | 'pymysql'
  | 'asyncpg'
  | 'mysql-connector'
  | 'mariadb'
  | 'aiomysql'
  | 'pg8000'
  | DotnetFlavor
  | 'sqlalchemy'
  | 'flask-sqlalchemy'
  | 'peewee'
  | 'django'
  | 'gorm';

/** One connection or pool the file opens with a driver. */
export interface SqlConnection {
  /** The name that makes it (`Pool`, `createPool`, `connect`). */
  name: Span;
  flavor: SqlFlavor;
  /** Go: the `(` or `{` token of a GORM dialector a name holds, whose DSN the connection takes too. */
  heldOptions?: number;
  /** Made in a Lambda handler on each invocation (`handlerClients.ts`). */
  perInvocation?: true;
  /** A pool, engine or connection made in a web request handler on each request (`sqlPoolsPerRequest.ts`). */
  perRequest?: true;
  /** With `perRequest`: one connection, not a pool or an engine. */
  single?: true;
  /** A handler's call of another module's function that opens a connection in its body on each call (`name` is the call's). */
  helper?: true;
}

/** Java: JDBC's `DriverManager`, imported by name or with `java.sql.*` (or written in full). */
const JAVA_DRIVER_MANAGER = /\bimport\s+java\.sql\.(?:DriverManager|\*)(?:\s*;|(?![\w.]))|\bjava\.sql\.DriverManager\b/;

/** The driver of a JDBC pool (`sqlJavaPools.ts`), told apart from `DriverManager`'s by its paths. */
const POOL_PATHS: ReadonlySet<string> = new Set(['HikariDataSource', 'ComboPooledDataSource', 'BasicDataSource', 'DataSourceBuilder']);

/** Exposed's and Ktorm's `Database.connect(url, ...)` (`sqlKotlinDatabases.ts`), told apart from `DriverManager`'s by its paths. */
const KOTLIN_DATABASE_PATHS: ReadonlySet<string> = new Set(['connect']);

/** `DriverManager.getConnection(url, user, password)`, Kotlin's `Database.connect(url, ...)`, a pool's `new HikariDataSource(config)` or Spring Boot's `DataSourceBuilder.create()` at `k`, under a name nothing of the file shadows. */
function javaOpenedAt(a: CodeAnalyzer, k: number): Opened | undefined {
  const pool = a.idIs(k, 'new') || a.idIs(k, 'DataSourceBuilder') || (a.language.constructsWithoutNew && POOL_PATHS.has(a.tokens.text(k))) ? javaPoolOpenedAt(a, k) : undefined;
  if (pool) {
    return { construction: pool.construction, driver: { flavor: 'jdbc', paths: POOL_PATHS }, open: pool.open };
  }
  const kotlinOpen = kotlinDatabaseConnectAt(a, k);
  if (kotlinOpen > 0 && !embeddedUrl(a, kotlinDatabaseArguments(a, kotlinOpen).get('url'))) {
    return { construction: { start: k, name: k + 2, end: a.partner[kotlinOpen] + 1, service: 'rds', redis: false }, driver: { flavor: 'jdbc', paths: KOTLIN_DATABASE_PATHS }, open: kotlinOpen };
  }
  if (!a.idIs(k, 'DriverManager') || (a.isAccess(k - 1) && !a.idIs(k - 2, 'sql')) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'getConnection') || !a.is(k + 3, '(') || a.partner[k + 3] < 0) {
    return undefined;
  }
  if (a.scopes.lookup('DriverManager', k) !== undefined) {
    return undefined;
  }
  const open = k + 3;
  if (embeddedUrl(a, segments(a, open)[0])) {
    return undefined;
  }
  return { construction: { start: k, name: k + 2, end: a.partner[open] + 1, service: 'rds', redis: false }, driver: { flavor: 'jdbc', paths: new Set(['getConnection']) }, open };
}

/** A JDBC URL argument written (or bound once) as an embedded database's, `"jdbc:h2:mem:test"`: inside the process, no server RDS runs. */
function embeddedUrl(a: CodeAnalyzer, url: [number, number] | undefined): boolean {
  const written = url && url[1] === url[0] + 1 ? (a.isString(url[0]) ? url[0] : boundLiteral(a, url[0])) : -1;
  const literal = written >= 0 ? positionalOption(a, written, written + 1, 'url').literal : undefined;
  return literal?.kind === 'str' && EMBEDDED_JDBC.test(literal.value.trim());
}

/**
 * The import a name at `k` stands for: an import of the file under a name nothing shadows, or, in JavaScript,
 * a name destructured from such an import (`const { Pool } = pg;`).
 */
function importedAt(a: CodeAnalyzer, k: number): { module: string; path: string; at?: number } | undefined {
  const name = a.tokens.text(k);
  // Most names are neither imported nor a class destructured from an import (`Pool`): no scope lookup for them.
  if (!a.imports.has(name) && !(a.language.family === 'js' && isUpper(name.charCodeAt(0)))) {
    return undefined;
  }
  const binding = a.scopes.lookup(name, k);
  if (!binding) {
    return a.imports.get(name);
  }
  // `const { Pool } = pg` or `const { Pool: PgPool } = pg`: the key read from the module (a destructured name has no expression of its own).
  const open = a.parent[binding.token];
  if (a.language.family !== 'js' || open < 0 || !a.is(open, '{') || !a.is(a.partner[open] + 1, '=')) {
    return undefined;
  }
  const from = a.partner[open] + 2;
  const source = a.isId(from) && !a.isAccess(from + 1) && !a.is(from + 1, '(') && a.scopes.lookup(a.tokens.text(from), from) === undefined ? a.imports.get(a.tokens.text(from)) : undefined;
  if (!source) {
    return undefined;
  }
  const key = a.is(binding.token - 1, ':') ? a.tokens.text(binding.token - 2) : a.tokens.text(binding.token);
  return { module: source.module, path: source.path ? `${source.path}.${key}` : key };
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

interface Opened extends Partial<OrmTarget> {
  construction: Construction;
  driver: Driver;
  /** The `(` of the call. */
  open: number;
  /** The call only parses a DSN into a config (Go pgx's `ParseConfig`): its options are read, but it opens nothing. */
  configOnly?: true;
  /** A Fastify plugin's `register` (`fastifySqlPlugins.ts`): the `{` of the options it hands the pool, -1 when not read. */
  pluginOptions?: number;
  /** Go: the `(` or `{` of a GORM dialector a name holds, whose keys (`DSN`) are the connection's. */
  heldOptions?: number;
  /** Go: the argument that holds the DSN where it is not the last (ent's `Open(driver, dsn, options...)`). */
  dsnArgument?: number;
}

/** A driver call at `k` (`new` or the first name of the call): what it opens and where, or undefined. */
function openedAt(a: CodeAnalyzer, k: number): Opened | undefined {
  if (a.language.family === 'go') {
    const opened = goOpenedAt(a, k);
    return opened && { construction: opened.construction, driver: { flavor: opened.flavor, paths: opened.calls }, open: opened.open, dsnAt: opened.dsnAt, configOnly: opened.configOnly, heldOptions: opened.heldOptions, dsnArgument: opened.dsnArgument };
  }
  if (a.language.family === 'java') {
    return javaOpenedAt(a, k);
  }
  if (a.language.family === 'csharp') {
    const opened = dotnetOpenedAt(a, k);
    return opened && { construction: opened.construction, driver: { flavor: opened.flavor, paths: NO_PATHS }, open: opened.open };
  }
  const knexOpen = knexRequiredAt(a, k);
  if (knexOpen > 0) {
    return ormToRds(a, 'knex', knexOpen) && !passesOn(a, knexOpen) ? { construction: { start: k, name: k + 2, end: a.partner[knexOpen] + 1, service: 'rds', redis: false }, driver: JS_DRIVERS.knex, open: knexOpen } : undefined;
  }
  const registration = fastifySqlRegistrationAt(a, k);
  if (registration) {
    const construction = { start: k, name: k, end: a.partner[registration.open] + 1, service: 'rds' as const, redis: false };
    return { construction, driver: { flavor: registration.flavor, paths: NO_PATHS }, open: registration.open, pluginOptions: registration.options };
  }
  const serverless = serverlessMysqlAt(a, k);
  if (serverless) {
    const construction = { start: k, name: serverless.name, end: a.partner[serverless.open] + 1, service: 'rds' as const, redis: false };
    return { construction, driver: { flavor: 'mysql', paths: NO_PATHS }, open: serverless.open, pluginOptions: serverless.config };
  }
  const database = pgPromiseDatabaseAt(a, k);
  if (database) {
    return passesOn(a, database.open) ? undefined : { ...database, driver: JS_DRIVERS['pg-promise'] };
  }
  const isNew = a.idIs(k, 'new');
  const first = isNew ? k + 1 : k;
  if (!a.isId(first) || a.isAccess(first - 1) || (!isNew && a.idIs(k - 1, 'new')) || a.idIs(first - 1, 'def') || a.idIs(first - 1, 'function')) {
    return undefined;
  }
  const imported = importedAt(a, first);
  const pools = imported && a.language.family === 'python' && Object.hasOwn(DBUTILS_POOLS, imported.module) ? DBUTILS_POOLS[imported.module] : undefined;
  let driver = imported && !pools ? driverOf(a, imported.module) : undefined;
  if (!imported || (!driver && !pools)) {
    return undefined;
  }
  let name = first;
  let path = imported.path;
  while (a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
    path = path ? `${path}.${a.tokens.text(name)}` : a.tokens.text(name);
  }
  const open = name + 1;
  if (!a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  if (pools) {
    // A DBUtils pool opens its connections with its creator's driver, which takes the pool's other arguments.
    driver = pools.has(path) ? creatorDriver(a, open) : undefined;
    return driver && !passesOn(a, open) ? { construction: { start: k, name, end: a.partner[open] + 1, service: 'rds', redis: false }, driver, open } : undefined;
  }
  if (!driver) {
    return undefined;
  }
  // `new Pool()` for pg (whose `require('pg').Pool` binds the module's path), a call for the others.
  const known = isNew ? driver.constructed === true && (driver.paths.has(path) || path === '') : driver.constructed === true ? driver.called?.has(path) === true : driver.paths.has(path);
  if (!known || passesOn(a, open) || (driver.optionsOnly && !givenOptions(a, open))) {
    return undefined;
  }
  // An ORM's engine RDS does not run (SQLite), or a name that holds the query builder `require('knex')(...)` made.
  if (isOrm(driver.flavor) && (!ormToRds(a, driver.flavor, open) || boundToMadeKnex(a, imported.at))) {
    return undefined;
  }
  // An ORM's URL names SQLite or another database: nothing for RDS.
  const target = driver.orm ? ormTarget(a, driver.flavor, path, open) : undefined;
  if (driver.orm && !target) {
    return undefined;
  }
  const service: HintService = 'rds';
  return { construction: { start: k, name, end: a.partner[open] + 1, service, redis: false }, driver, open, ...target };
}

const NO_PATHS: ReadonlySet<string> = new Set();

/**
 * `Construction` for the handler reader: a driver call that opens a connection or pool. Not .NET's, whose
 * drivers pool connections by connection string across invocations (`sqlConnectionsDotnet.ts`).
 */
export function sqlConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const opened = a.language.family === 'csharp' ? undefined : openedAt(a, k);
  return opened && !opened.configOnly && !reusedByTypeorm(a, opened.driver.flavor, opened.construction.name) ? opened.construction : undefined;
}

/**
 * `sqlConstruction`, but not a connection to a server the code names as local (`localhost`, `127.0.0.1`): a developer's,
 * whose connections no request or invocation would share with others (the web and workspace readers of a function that
 * opens one per call, `sqlPoolsPerRequest.ts` and `workspace/exportedFunctions.ts`).
 */
export function remoteSqlConstruction(a: CodeAnalyzer, k: number): Construction | undefined {
  const opened = a.language.family === 'csharp' ? undefined : openedAt(a, k);
  return opened && !opened.configOnly && !reusedByTypeorm(a, opened.driver.flavor, opened.construction.name) && !namesLocalHost(optionsOf(a, opened)) ? opened.construction : undefined;
}

/** The options objects a library's configuration module exports, but a local server's (a developer's). */
function configModuleOptions(a: CodeAnalyzer, flavor: OrmFlavor, testFile: boolean): OptionContext[] {
  const contexts: OptionContext[] = [];
  for (const object of exportedOptionObjects(a, flavor)) {
    const context = typedOptions(a, flavor, object, a.tokenSpan(object));
    if (context && !namesLocalHost(withLocalPasswords(a, withDsnPasswords(a, context)))) {
      contexts.push(withTlsDisabled(a, context, testFile));
    }
  }
  return contexts;
}

/** Whether the file imports a driver at all: most files do not, and then nothing else is read. */
function importsDriver(a: CodeAnalyzer): boolean {
  if (a.language.family === 'go') {
    return importsGoDriver(a);
  }
  if (a.language.family === 'java') {
    return JAVA_DRIVER_MANAGER.test(a.text) || importsJavaPool(a) || importsRdsInstanceAnnotation(a) || importsKotlinDatabase(a);
  }
  if (a.language.family === 'csharp') {
    return importsDotnetDriver(a);
  }
  if (namesFastifySqlPlugin(a) || namesServerlessMysql(a)) {
    return true;
  }
  for (const imported of a.imports.values()) {
    const driver = driverOf(a, imported.module);
    const opens = (each: string): boolean => each === imported.path || each.startsWith(`${imported.path}.`);
    // A Python ORM's models import its column types (`from sqlalchemy import Column`, `import sqlalchemy as sa`): only a name that may open a connection counts.
    if (driver?.orm) {
      if ([...driver.paths].some((path) => (imported.path === '' ? a.text.includes(path.slice(path.lastIndexOf('.') + 1)) : opens(path)))) {
        return true;
      }
      continue;
    }
    // A JavaScript ORM's import counts when it can open a connection or type its options: an entity's `import { Entity }
    // from 'typeorm'` or a Nest service's `InjectRepository` cannot.
    const orm = driver && isOrm(driver.flavor);
    if ((driver && (!orm || ['', 'default'].includes(imported.path) || [...driver.paths, ...(driver.called ?? [])].some(opens))) || importsOptionType(imported.module, imported.path)) {
      return true;
    }
  }
  return false;
}

/** The options of the call: its keyword arguments or object keys, or those of an object variable it is passed. */
function optionsOf(a: CodeAnalyzer, opened: Opened): OptionContext {
  if (a.language.family === 'csharp') {
    return dotnetOptions(a, opened.construction.name, opened.driver.flavor, opened.open);
  }
  const { open } = opened;
  const close = a.partner[open];
  const anchor = a.tokenSpan(opened.construction.name);
  const flavor = opened.driver.flavor;
  if (opened.pluginOptions !== undefined) {
    return pluginOptionsOf(a, opened.pluginOptions, flavor, anchor);
  }
  const type = opened.type ?? flavor;
  const context = isOrm(flavor) ? ormOptions(a, flavor, open, anchor) : contextFrom(a, open, close, 'sql-client', type, anchor);
  if (opened.heldOptions !== undefined) {
    context.options.push(...contextFrom(a, opened.heldOptions, a.partner[opened.heldOptions], 'sql-client', type, anchor).options);
  }
  // SQLAlchemy's `URL.create(...)`, in place or held by a name: its keyword arguments are the URL's parts.
  if (opened.url !== undefined) {
    const read = new Set(context.options.map((option) => option.key.start));
    context.options.push(...contextFrom(a, opened.url, a.partner[opened.url], 'sql-client', type, anchor).options.filter((option) => !read.has(option.key.start)));
  }
  // `new Pool(config)`, `mysql.createPool(dbConfig)`: an object literal the name is bound to in scope, or one that
  // a function of the file returns (`const config = await getConnectionConfig()`).
  if (a.language.family === 'js' && !isOrm(flavor) && a.isId(open + 1) && (a.is(open + 2, ')') || a.is(open + 2, ','))) {
    const object = a.objectVariable(a.tokens.text(open + 1), open + 1);
    const returned = object < 0 ? returnedObject(a, open + 1) : -1;
    if (returned >= 0) {
      context.options.push(...contextFrom(a, returned, a.partner[returned], 'sql-client', opened.driver.flavor, anchor).options);
    }
    if (object >= 0 && a.partner[object] > object) {
      markOptionsRead(a, object);
      context.options.push(...contextFrom(a, object, a.partner[object], 'sql-client', opened.driver.flavor, anchor).options);
    } else if (returned < 0) {
      context.complete = false;
    }
    context.options.push(...assignedSqlOptions(a, open + 1, opened.driver.flavor, anchor));
  }
  withDsnPasswords(a, context);
  if (a.language.family === 'java') {
    if (opened.driver.paths === POOL_PATHS) {
      javaPoolOptions(a, a.tokens.text(opened.construction.name), opened.construction, open, context, (url) => {
        const dsn = positionalOption(a, url, url + 1, 'url');
        context.options.push(dsn);
        addDsnPassword(context, dsn.literal, dsn.value, dsn.key);
      });
    } else {
      javaArguments(a, context, open, opened.driver.paths === KOTLIN_DATABASE_PATHS ? kotlinDatabaseArguments(a, open) : undefined);
    }
    // A password and no URL known: a host's fallback may still tell a local setup.
    const unknownServer = context.options.some((option) => option.norm === 'password') && !context.options.some((option) => option.norm === 'url');
    const host = unknownServer ? javaHostFallback(a, opened.construction.start) : undefined;
    if (host) {
      context.options.push(host);
    }
    return withLocalPasswords(a, context);
  }
  // Go: the DSN last, after the driver's name or the context (`sql.Open("mysql", dsn)`, `pgxpool.New(ctx, dsn)`), unless
  // the ORM reader found it (GORM's dialector).
  const goParts = a.language.family === 'go' && opened.dsnAt === undefined ? segments(a, open) : [];
  const goDsn = goParts.length > 1 ? goParts[opened.dsnArgument ?? goParts.length - 1] : undefined;
  if (flavor === 'pymysql') {
    context.options.push(...pymysqlPositionalOptions(a, open));
  }
  const dsnAt = opened.dsnAt ?? (a.language.family === 'go' ? (goDsn ? goDsn[0] : -1) : isOrm(flavor) || flavor === 'pymysql' ? -1 : open + 1);
  const written = dsnAt > 0 && (a.is(dsnAt + 1, ')') || a.is(dsnAt + 1, ',')) ? (a.isString(dsnAt) ? dsnAt : boundLiteral(a, dsnAt)) : -1;
  if (opened.configOnly) {
    // pgx: the TLS settings written on the parsed config before it connects.
    context.options.push(...parsedConfigTlsOptions(a, opened.construction.start));
  }
  if (written >= 0) {
    const dsn = positionalOption(a, written, written + 1, 'dsn');
    context.options.push(dsn);
    addDsnOptions(a, context, dsn, dsn.value, dsn.key);
  } else if (dsnAt > 0 && a.language.family === 'python' && (a.is(dsnAt + 3, ')') || a.is(dsnAt + 3, ','))) {
    // `create_engine(engine_params())`: the string a same-file function returns, read for its password alone, where it is written.
    const returned = returnedString(a, dsnAt, dsnAt + 3);
    if (returned >= 0) {
      addDsnOptions(a, context, positionalOption(a, dsnAt, dsnAt + 3, 'dsn'), a.tokenSpan(returned), a.tokenSpan(returned));
    }
  } else if (dsnAt > 0 && goDsn) {
    addFormattedDsnOptions(a, context, goDsn);
  } else if (dsnAt > 0) {
    // `create_engine(URL)` where `URL = "mysql://app:pw@..." if "DB_HOST" in env else "sqlite://"`: each string a condition picks.
    const argument = segments(a, open).find(([from]) => from === dsnAt);
    if (argument) {
      addConditionalDsns(a, context, argument[0], argument[1], 'dsn');
    }
  }
  return withLocalPasswords(a, withSslContexts(a, context));
}

/** The options a Fastify plugin hands its pool: read as the driver's own, unknown when they are not an object of the file. */
function pluginOptionsOf(a: CodeAnalyzer, brace: number, flavor: SqlFlavor, anchor: Span): OptionContext {
  if (brace < 0 || a.partner[brace] <= brace) {
    return { kind: 'sql-client', type: flavor, options: [], complete: false, anchor };
  }
  return withLocalPasswords(a, withSslContexts(a, withDsnPasswords(a, contextFrom(a, brace, a.partner[brace], 'sql-client', flavor, anchor))));
}

/**
 * JDBC's `getConnection(url, user, password)`: the URL as the DSN, the third argument as the password; Kotlin's
 * `Database.connect` names its own (`byName`).
 */
function javaArguments(a: CodeAnalyzer, context: OptionContext, open: number, byName?: Map<string, [number, number]>): void {
  const parts = segments(a, open);
  // JDBC's three arguments are url, user, password only in that overload (`getConnection(url, properties)` is another).
  const known = byName !== undefined || parts.length === 3;
  const [url, password] = byName ? [byName.get('url'), byName.get('password')] : [parts[0], parts[2]];
  const written = url && url[1] === url[0] + 1 ? (a.isString(url[0]) ? url[0] : boundLiteral(a, url[0])) : -1;
  if (written >= 0) {
    const dsn = positionalOption(a, written, written + 1, 'url');
    context.options.push(dsn);
    addDsnPassword(context, dsn.literal, dsn.value, dsn.key);
  } else if (url && known) {
    const fallback = urlFallbackOption(a, url[0], url[1]);
    if (fallback) {
      context.options.push(fallback);
    }
  }
  if (password && known) {
    context.options.push(positionalOption(a, password[0], password[1], 'password'));
  }
}

/**
 * The file's SQL connections, their option contexts, and those a Lambda handler opens on each invocation.
 * `testFile`: the file is a test or a test double by its path.
 */
export function sqlConnections(a: CodeAnalyzer, testFile: boolean, configModule?: OrmFlavor): { connections: SqlConnection[]; contexts: OptionContext[] } {
  if (a.language.family !== 'js' && a.language.family !== 'python' && a.language.family !== 'go' && a.language.family !== 'java' && a.language.family !== 'csharp') {
    return { connections: [], contexts: [] };
  }
  if (reachesOtherCloudDatabase(a)) {
    return { connections: [], contexts: [] };
  }
  // A library's configuration module (`knexfile.js`) imports nothing of it: its exported options are read first.
  const configured = configModule ? configModuleOptions(a, configModule, testFile) : [];
  const driver = importsDriver(a);
  if (!driver && a.project === undefined) {
    return { connections: [], contexts: configured };
  }
  const connections: SqlConnection[] = [];
  const contexts: OptionContext[] = configured;
  const local = new Set<number>();
  const opened: Construction[] = [];
  const typed: (NonNullable<ReturnType<typeof typedOptionsAt>> & { type: number })[] = [];
  const tokens = driver ? a.tokens.length : 0;
  for (let k = 0; k < tokens; k++) {
    if (!a.isId(k)) {
      continue;
    }
    const call = openedAt(a, k);
    const options = !call && a.language.family === 'js' ? typedOptionsAt(a, k) : undefined;
    if (options) {
      typed.push({ ...options, type: k });
    }
    if (!call) {
      continue;
    }
    const context = optionsOf(a, call);
    const name = call.construction.name;
    if (namesRedshift(a, context)) {
      // A Redshift cluster or workgroup reached with a PostgreSQL driver: no RDS database.
      k = call.open;
      continue;
    }
    if (namesEc2Instance(a, context)) {
      // A server on an EC2 instance (also Heroku's): no RDS connection to reuse or proxy, but its literal password and unverified TLS are defects all the same.
      contexts.push(withTlsDisabled(a, context, inTestCode(a, k)));
      k = call.open;
      continue;
    }
    if (namesLocalHost(context)) {
      // A disposable database of a test says nothing about RDS; elsewhere a local server is a developer's.
      local.add(a.tokens.starts[name]);
      if (testFile || inTestCode(a, k)) {
        k = call.open;
        continue;
      }
    } else {
      const inTest = inTestCode(a, k);
      contexts.push(withTlsMissing(a, withTlsDisabled(a, context, inTest), call.driver.flavor, testFile || inTest));
      if (!call.configOnly && !reusedByTypeorm(a, call.driver.flavor, name)) {
        opened.push(call.construction);
      }
    }
    connections.push({ name: a.tokenSpan(name), flavor: call.driver.flavor, ...(call.heldOptions !== undefined ? { heldOptions: call.heldOptions } : {}) });
    k = call.open;
  }
  if (a.language.family === 'go' && driver) {
    contexts.push(...goSqlTlsConfigContexts(a, pgxPackageNames(a), (token) => testFile || inTestCode(a, token)));
  }
  // Spring Cloud AWS's `@EnableRdsInstance` names the RDS instance a data source connects to.
  if (!testFile) {
    const annotated = rdsInstanceAnnotations(a);
    connections.push(...annotated.connections);
    contexts.push(...annotated.contexts);
  }
  // Typed options objects no call of the file reads: their own module's, for a call elsewhere.
  for (const { flavor, object, type } of typed) {
    const context = typedOptions(a, flavor, object, a.tokenSpan(type));
    if (context && !namesLocalHost(withLocalPasswords(a, withDsnPasswords(a, context)))) {
      contexts.push(withTlsDisabled(a, context, testFile || inTestCode(a, object)));
    }
  }
  // Objects other files hand to a driver or an ORM (workspace mode).
  for (const context of otherFilesSqlOptions(a)) {
    if (!namesLocalHost(withLocalPasswords(a, withDsnPasswords(a, context)))) {
      contexts.push(withTlsDisabled(a, context, testFile));
    }
  }
  // In workspace mode a handler's call of another module's function that opens a connection in its body counts too.
  const helpers = a.project !== undefined && (a.language.family === 'js' || a.language.family === 'python' || a.language.family === 'go');
  // .NET's drivers pool by connection string, so a handler's `new NpgsqlConnection(cs)` is no connection per invocation.
  if ((connections.length === 0 && !helpers) || a.language.family === 'csharp') {
    return { connections, contexts };
  }
  const reader = handlerReader(a, sqlConstruction, helpers);
  // A same-file function that opens a connection on each call, called by a handler (`sqlHelpers.ts`).
  const sameFile = reader?.mayDeclare(a.text) && opened.length > 0 ? sqlHelpers(a, opened, (fn) => reader.isHandler(a, fn), (made, params, end) => connectionFromInvocation(a, made, params, end)) : undefined;
  // And (workspace mode) a method of a module-level instance of another module's class or factory that opens one on each call.
  const heldImports = helpers && a.language.family === 'js';
  const construction =
    sameFile?.size || heldImports
      ? (at: CodeAnalyzer, k: number) => sqlConstruction(at, k) ?? (sameFile?.size ? sqlHelperCall(at, k, sameFile) : undefined) ?? (heldImports ? importedHeldMethodCall(at, k) : undefined)
      : sqlConstruction;
  // A class whose constructor opens one (`rds = RDSInstance()`), of this file or (workspace mode) another module's, counts too.
  const made = clientsMadeInHandlers(a, reader && { ...reader, construction, fromInvocation: connectionFromInvocation, sqlHelpers: true, constructedClasses: true }, Number.MAX_SAFE_INTEGER);
  const perInvocation = new Set(made.map((each) => each.name.start));
  for (const connection of connections) {
    if (perInvocation.has(connection.name.start) && !local.has(connection.name.start)) {
      connection.perInvocation = true;
    }
  }
  for (const each of made) {
    if (each.helper) {
      connections.push({ name: each.name, flavor: 'helper', perInvocation: true, helper: true });
    }
  }
  markPoolsPerRequest(a, connections, local);
  return { connections, contexts };
}

/** The pools, engines and connections of `connections` that a web request handler makes on each request, and its calls of helpers that make one. */
function markPoolsPerRequest(a: CodeAnalyzer, connections: SqlConnection[], local: ReadonlySet<number>): void {
  for (const each of sqlPoolsPerRequest(a, remoteSqlConstruction)) {
    const connection = connections.find((known) => known.name.start === each.name.start);
    const single = each.single ? { single: true as const } : {};
    if (connection && !connection.perInvocation && !local.has(connection.name.start)) {
      Object.assign(connection, { perRequest: true, ...single });
    } else if (!connection && each.helper) {
      connections.push({ name: each.name, flavor: 'helper', perRequest: true, helper: true, ...single });
    }
  }
}
