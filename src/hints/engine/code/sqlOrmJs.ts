/**
 * SQL connections that JavaScript and TypeScript open through an ORM or query builder, read with the
 * libraries' own documented option shapes:
 *
 * - Sequelize (also sequelize-typescript): `new Sequelize(database, username, password, options)`,
 *   `new Sequelize(uri, options)` and `new Sequelize(options)`; Sequelize hands `dialectOptions` (its `ssl`)
 *   to the driver, not a top-level `ssl` (https://sequelize.org/docs/v6/getting-started/,
 *   https://sequelize.org/docs/v6/other-topics/dialect-specific-things/). NestJS `SequelizeModule.forRoot`, and
 *   `forRootAsync` with the object its `useFactory` returns (https://docs.nestjs.com/techniques/database).
 * - TypeORM: `new DataSource(options)`, `createConnection(options)` and NestJS `TypeOrmModule.forRoot(options)`,
 *   with `type`, `url`, `host`, `password`, `ssl` and the driver's own `extra`
 *   (https://typeorm.io/docs/data-source/data-source-options/, https://docs.nestjs.com/techniques/database).
 * - knex: `knex({ client, connection })`, the connection an object or a connection string
 *   (https://knexjs.org/guide/#configuration-options), also `require('knex')({ ... })`.
 *
 * An options object declared with one of the libraries' option types (`const config: TypeOrmModuleOptions = {...}`,
 * `DataSourceOptions`, Sequelize's `Options`, `Knex.Config`), or returned by a function typed to return one (a
 * `TypeOrmOptionsFactory`'s `createTypeOrmOptions`) or by a `TypeOrmModuleAsyncOptions` factory, that no call of the
 * file reads holds a connection's options too: often a module of its own that the app module or the migrations CLI
 * imports.
 *
 * A database the options name as SQLite (or another engine RDS does not run: TypeORM's MongoDB, Spanner, the Aurora
 * Data API drivers that open no connection) is no RDS connection and gets nothing.
 */
import { OptionContext } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { calledRequireModule } from './calledRequire';
import { segments } from './braces';
import { contextFrom, positionalOption } from './options';
import { returnedObject } from './sqlHelpers';
import { boundLiteral } from './sqlLiterals';

export type OrmFlavor = 'sequelize' | 'typeorm' | 'knex';

/** The option that names the database engine, by library. */
export const ENGINE_KEY: Readonly<Record<OrmFlavor, string>> = { sequelize: 'dialect', typeorm: 'type', knex: 'client' };

/** Engines RDS and Aurora run, as each library names them; the PostgreSQL ones go through node-postgres. */
const RDS_ENGINES: Readonly<Record<OrmFlavor, ReadonlySet<string>>> = {
  sequelize: new Set(['postgres', 'mysql', 'mariadb', 'mssql', 'oracle', 'db2']),
  typeorm: new Set(['postgres', 'mysql', 'mariadb', 'mssql', 'oracle']),
  knex: new Set(['pg', 'pg-native', 'postgres', 'postgresql', 'mysql', 'mysql2', 'mssql', 'oracledb']),
};
const POSTGRES_ENGINES: ReadonlySet<string> = new Set(['postgres', 'postgresql', 'pg', 'pg-native']);

/** The driver flavor the options of an ORM's connection to `engine` are read as: node-postgres' for PostgreSQL, else the ORM's own. */
export function ormClientType(flavor: OrmFlavor, engine: string | undefined): string {
  return engine !== undefined && POSTGRES_ENGINES.has(engine) ? 'pg' : flavor;
}

export function isOrm(flavor: string): flavor is OrmFlavor {
  return flavor === 'sequelize' || flavor === 'typeorm' || flavor === 'knex';
}

/** The `{` of the options object among the call's arguments (Sequelize's last, the others' first), or -1. */
function optionsObject(a: CodeAnalyzer, flavor: OrmFlavor, open: number): number {
  const parts = segments(a, open);
  const part = flavor === 'sequelize' && !a.idIs(open - 1, 'forRootAsync') ? parts[parts.length - 1] : parts[0];
  if (!part) {
    return -1;
  }
  const object = a.is(part[0], '{') ? part[0] : part[1] === part[0] + 1 && a.isId(part[0]) ? a.objectVariable(a.tokens.text(part[0]), part[0]) : -1;
  return a.idIs(open - 1, 'forRootAsync') && object >= 0 ? factoryObject(a, object) : object;
}

/**
 * NestJS `forRootAsync({ useFactory: (config) => ({ ... }) })`: the object literal the factory returns, written as
 * the arrow's body or as the one `return { ... }` of its block, or -1.
 */
export function factoryObject(a: CodeAnalyzer, object: number): number {
  let k = keyValue(a, object, 'useFactory');
  k = a.idIs(k, 'async') ? k + 1 : k;
  // The parameters, then a return type if any (`: Promise<TypeOrmModuleOptions>`), up to the arrow.
  const end = a.partner[object];
  while (k > 0 && k < end && !a.is(k, '=>') && !a.is(k, ',')) {
    k = a.skipGroup(k);
  }
  return a.is(k, '=>') ? returnedLiteral(a, k + 1) : -1;
}

/** The object literal a function body at `body` returns: an arrow's `({ ... })`, or the one `return { ... }` of a block; or -1. */
export function returnedLiteral(a: CodeAnalyzer, body: number): number {
  if (a.is(body, '(') && a.is(body + 1, '{') && a.partner[body + 1] + 1 === a.partner[body]) {
    return body + 1;
  }
  const close = a.is(body, '{') ? a.partner[body] : -1;
  const returns: number[] = [];
  for (let j = body + 1; j < close; j = a.skipGroup(j)) {
    if (a.idIs(j, 'return')) {
      returns.push(j + 1);
    }
  }
  return returns.length === 1 && a.is(returns[0], '{') ? returns[0] : -1;
}

/** The value's first token of `key` written directly in the object at `object` (not in a nested one), or -1. */
export function keyValue(a: CodeAnalyzer, object: number, key: string): number {
  const close = a.partner[object];
  for (let k = object + 1; k < close; k = a.skipGroup(k)) {
    if ((a.isId(k) || a.isString(k)) && a.is(k + 1, ':') && a.tokens.text(k) === key && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      return k + 2;
    }
  }
  return -1;
}

/** The engine the call's options name as a literal (`dialect: 'postgres'`, a Sequelize URI's scheme), or undefined. */
function engineOf(a: CodeAnalyzer, flavor: OrmFlavor, open: number): string | undefined {
  const named = engineIn(a, flavor, optionsObject(a, flavor, open));
  const first = named === undefined && flavor === 'sequelize' && a.isString(open + 1) ? /^([a-z][a-z0-9+.-]*):/i.exec(a.tokens.text(open + 1)) : null;
  return first ? first[1].toLowerCase() : named;
}

/** The engine an options object at `object` names as a literal, or undefined. */
function engineIn(a: CodeAnalyzer, flavor: OrmFlavor, object: number): string | undefined {
  const value = object >= 0 ? keyValue(a, object, ENGINE_KEY[flavor]) : -1;
  return value >= 0 && a.isString(value) ? a.tokens.text(value).toLowerCase() : undefined;
}

export const servesRds = (flavor: OrmFlavor, engine: string | undefined): boolean => engine === undefined || RDS_ENGINES[flavor].has(engine) || (flavor === 'sequelize' && engine === 'postgresql');

/**
 * Whether the ORM call at `open` opens a connection RDS could serve: its engine, when the options name one as a
 * literal, is one RDS runs (`dialect: 'sqlite'`, `client: 'better-sqlite3'`, `type: 'mongodb'` are not).
 */
export function ormToRds(a: CodeAnalyzer, flavor: OrmFlavor, open: number): boolean {
  return servesRds(flavor, engineOf(a, flavor, open));
}

/**
 * `require('knex')({ ... })` at `k` (the `require`): the query builder made in place, under no import name.
 * The `(` of the call, or -1.
 */
export function knexRequiredAt(a: CodeAnalyzer, k: number): number {
  return a.idIs(k, 'require') && calledRequireModule(a, k) === 'knex' && a.scopes.lookup('require', k) === undefined ? k + 4 : -1;
}

/** A name bound to `require('knex')({ ... })` holds the query builder it made, not the library's factory. */
export function boundToMadeKnex(a: CodeAnalyzer, at: number | undefined): boolean {
  return at !== undefined && knexRequiredAt(a, at) > 0;
}

/**
 * Whether TypeORM's `createConnection` at `name` sits in a function that first asks TypeORM's connection manager
 * for the connection it keeps (`getConnectionManager().has('default')`, `getConnection()`): TypeORM registers each
 * connection by name for the process, so later invocations reuse it.
 */
export function reusedByTypeorm(a: CodeAnalyzer, flavor: string, name: number): boolean {
  if (flavor !== 'typeorm' || !a.tokens.text(name).startsWith('create')) {
    return false;
  }
  const fn = a.functions.get(a.scopes.enclosing(name, ['function']));
  const close = fn && fn.body >= 0 ? a.partner[fn.body] : -1;
  for (let k = fn ? fn.body + 1 : 0; k < close; k++) {
    if (a.idIs(k, 'getConnectionManager') || a.idIs(k, 'getConnection') || (a.idIs(k, 'has') && a.isAccess(k - 1) && a.is(k + 1, '('))) {
      return true;
    }
  }
  return false;
}

/**
 * The options of an ORM call: its object's keys (also of an object variable it is passed or a same-file function
 * returns), Sequelize's positional password and URI, and knex's connection string, as the drivers' `password` and
 * `url`. The context's type is `pg` for PostgreSQL, whose `ssl: false` the TLS reader knows (`sqlTls.ts`).
 */
export function ormOptions(a: CodeAnalyzer, flavor: OrmFlavor, open: number, anchor: Span): OptionContext {
  const type = ormClientType(flavor, engineOf(a, flavor, open));
  const close = a.partner[open];
  const context = contextFrom(a, open, close, 'sql-client', type, anchor);
  const parts = segments(a, open);
  const last = flavor === 'sequelize' ? parts[parts.length - 1] : parts[0];
  const object = optionsObject(a, flavor, open);
  if (last && last[1] === last[0] + 1 && a.isId(last[0])) {
    const returned = object < 0 ? returnedObject(a, last[0]) : -1;
    const from = object >= 0 ? object : returned;
    if (from >= 0 && a.partner[from] > from) {
      context.options.push(...contextFrom(a, from, a.partner[from], 'sql-client', type, anchor).options);
    } else {
      context.complete = false;
    }
  } else if (!last || !a.is(last[0], '{')) {
    // Options built elsewhere (`TypeOrmModule.forRoot(ormConfig())`) or none (`createConnection()` reads ormconfig).
    context.complete = false;
  }
  if (object >= 0) {
    readObjects(a).add(object);
  }
  if (flavor === 'sequelize') {
    sequelizePositional(a, context, parts);
  }
  return libraryOptions(a, flavor, context, open, object);
}

/** What each library does with its options: Sequelize's top-level `ssl`, TypeORM's cache, knex's connection string. */
function libraryOptions(a: CodeAnalyzer, flavor: OrmFlavor, context: OptionContext, open: number, object: number): OptionContext {
  if (flavor === 'sequelize') {
    // Sequelize passes `dialectOptions.ssl` to the driver; a top-level `ssl` switches nothing for it.
    context.options = context.options.filter((option) => option.norm !== 'ssl' || !topLevel(a, option.key, open, object));
  } else if (flavor === 'typeorm') {
    // TypeORM's `cache.options` are those of the Redis client it caches in (`typeormRedisCache.ts`), not the database's.
    withoutValueOf(context, 'cache');
  } else if (flavor === 'knex') {
    // The connection: an object in place, one a name holds (`connection: pgConnection`), or a connection string.
    const connection = context.options.find((option) => option.norm === 'connection');
    const [first, end] = connection ? a.tokensOf(connection.value) : [0, 0];
    const held = end === first + 1 && a.isId(first) ? a.objectVariable(a.tokens.text(first), first) : -1;
    if (held >= 0 && a.partner[held] > held) {
      context.options.push(...contextFrom(a, held, a.partner[held], 'sql-client', context.type, context.anchor).options);
    } else if (end > first && !a.is(first, '{')) {
      context.options.push(positionalOption(a, first, end, 'url'));
    }
  }
  return context;
}

/** Drops the options written inside the value of the option `norm` (the option itself stays, for its hover). */
function withoutValueOf(context: OptionContext, norm: string): void {
  const holder = context.options.find((option) => option.norm === norm);
  if (holder) {
    const { start, end } = holder.value;
    context.options = context.options.filter((option) => option.key.start < start || option.key.start >= end);
  }
}

/** Whether an option's key sits in the call's own options object (written in place, or the variable's `object`). */
function topLevel(a: CodeAnalyzer, key: Span, open: number, object: number): boolean {
  const [token] = a.tokensOf(key);
  const container = a.parent[token];
  return container >= 0 && (container === object || (open >= 0 && a.parent[container] === open));
}

/** The drivers whose option types are read too: node-postgres's, mysql2's and mysql's. */
type DriverFlavor = 'pg' | 'mysql2' | 'mysql';

/** The option types by module, and where a path of them names one (`Knex.Config` of `import { Knex } from 'knex'`). */
const OPTION_TYPES: Readonly<Record<string, { flavor: OrmFlavor | DriverFlavor; names: ReadonlySet<string> }>> = {
  typeorm: { flavor: 'typeorm', names: new Set(['DataSourceOptions', 'ConnectionOptions']) },
  '@nestjs/typeorm': { flavor: 'typeorm', names: new Set(['TypeOrmModuleOptions', 'TypeOrmModuleAsyncOptions']) },
  'typeorm/driver/postgres/PostgresConnectionOptions': { flavor: 'typeorm', names: new Set(['PostgresConnectionOptions']) },
  'typeorm/driver/mysql/MysqlConnectionOptions': { flavor: 'typeorm', names: new Set(['MysqlConnectionOptions']) },
  sequelize: { flavor: 'sequelize', names: new Set(['Options']) },
  'sequelize-typescript': { flavor: 'sequelize', names: new Set(['SequelizeOptions']) },
  '@nestjs/sequelize': { flavor: 'sequelize', names: new Set(['SequelizeModuleOptions', 'SequelizeModuleAsyncOptions']) },
  knex: { flavor: 'knex', names: new Set(['Knex.Config']) },
  // A configuration module's `export const pgConfig: PoolConfig = {...}`, handed to `new Pool(pgConfig)` elsewhere.
  pg: { flavor: 'pg', names: new Set(['PoolConfig', 'ClientConfig']) },
  mysql2: { flavor: 'mysql2', names: new Set(['PoolOptions', 'ConnectionOptions']) },
  'mysql2/promise': { flavor: 'mysql2', names: new Set(['PoolOptions', 'ConnectionOptions']) },
  mysql: { flavor: 'mysql', names: new Set(['PoolConfig', 'ConnectionConfig']) },
};
/** NestJS's async module options, whose `useFactory` returns the options. */
const ASYNC_TYPES: ReadonlySet<string> = new Set(['TypeOrmModuleAsyncOptions', 'SequelizeModuleAsyncOptions']);

/** Whether an import names one of the option types (the file gate of `sqlConnections.ts`). */
export function importsOptionType(module: string, path: string): boolean {
  const spec = Object.hasOwn(OPTION_TYPES, module) ? OPTION_TYPES[module] : undefined;
  return spec !== undefined && [...spec.names].some((name) => name === path || name.startsWith(`${path}.`));
}

/** The `{` of each options object an ORM call of the file read, so that a typed object is not read twice. */
const readObjectsOf = new WeakMap<CodeAnalyzer, Set<number>>();

/** Records that a driver's call of the file read the options object at `object` (`new Pool(config)`). */
export function markOptionsRead(a: CodeAnalyzer, object: number): void {
  readObjects(a).add(object);
}

function readObjects(a: CodeAnalyzer): Set<number> {
  let read = readObjectsOf.get(a);
  if (!read) {
    read = new Set();
    readObjectsOf.set(a, read);
  }
  return read;
}

/**
 * An object literal declared with an option type at `k` (the type's name): `const config: TypeOrmModuleOptions =
 * {...}`, `config: Knex.Config = {...}`, `{...} as DataSourceOptions` or `satisfies`, the one a function typed to
 * return the options returns (`createTypeOrmOptions(): TypeOrmModuleOptions { return {...}; }`, `async (config):
 * Promise<TypeOrmModuleOptions> => ({...})`), and a `TypeOrmModuleAsyncOptions` object's factory's. Its library and its `{`.
 */
export function typedOptionsAt(a: CodeAnalyzer, k: number): { flavor: OrmFlavor | DriverFlavor; object: number } | undefined {
  const declared = a.is(k - 1, ':') && a.isId(k - 2);
  const asserted = !declared && (a.idIs(k - 1, 'as') || a.idIs(k - 1, 'satisfies')) && a.is(k - 2, '}');
  const promised = a.is(k - 1, '<') && a.idIs(k - 2, 'Promise') && a.is(k - 3, ':') && a.is(k - 4, ')');
  const returned = promised || (a.is(k - 1, ':') && a.is(k - 2, ')'));
  const imported = declared || asserted || returned ? a.imports.get(a.tokens.text(k)) : undefined;
  const spec = imported && Object.hasOwn(OPTION_TYPES, imported.module) ? OPTION_TYPES[imported.module] : undefined;
  if (!imported || !spec) {
    return undefined;
  }
  let end = k;
  let path = imported.path;
  while (a.isAccess(end + 1) && a.isId(end + 2)) {
    end += 2;
    path = `${path}.${a.tokens.text(end)}`;
  }
  const after = promised && a.is(end + 1, '>') ? end + 2 : end + 1;
  const body = a.is(after, '=>') ? after + 1 : after;
  const written = !spec.names.has(path) ? -1 : declared ? (a.is(end + 1, '=') && a.is(end + 2, '{') ? end + 2 : -1) : asserted ? a.partner[k - 2] : returnedLiteral(a, body);
  const object = written >= 0 && ASYNC_TYPES.has(path) ? factoryObject(a, written) : ASYNC_TYPES.has(path) && returned ? -1 : written;
  return object >= 0 && a.partner[object] > object ? { flavor: spec.flavor, object } : undefined;
}

/** The options of a typed or passed object no call of the file reads, or undefined (read already, or an engine RDS does not run). */
export function typedOptions(a: CodeAnalyzer, flavor: OrmFlavor | DriverFlavor, object: number, anchor: Span): OptionContext | undefined {
  if (readObjects(a).has(object)) {
    return undefined;
  }
  // Read once, whether its type or another file's call (`otherFileSqlOptions.ts`) names it first.
  readObjects(a).add(object);
  if (!isOrm(flavor)) {
    return contextFrom(a, object, a.partner[object], 'sql-client', flavor, anchor);
  }
  const engine = engineIn(a, flavor, object);
  if (!servesRds(flavor, engine)) {
    return undefined;
  }
  const type = ormClientType(flavor, engine);
  return libraryOptions(a, flavor, contextFrom(a, object, a.partner[object], 'sql-client', type, anchor), -1, object);
}

/** `new Sequelize(database, username, password, options)`: the password; `new Sequelize(uri, options)`: the URI. */
function sequelizePositional(a: CodeAnalyzer, context: OptionContext, parts: [number, number][]): void {
  const objectLike = (part: [number, number] | undefined): boolean => part !== undefined && (a.is(part[0], '{') || (part[1] === part[0] + 1 && a.isId(part[0])));
  const [first, second, third] = parts;
  if (third && !a.is(third[0], '{')) {
    context.options.push(positionalOption(a, third[0], third[1], 'password'));
  }
  // A lone bare name may hold the options (`new Sequelize(config)`): a URI only when it is bound to a string.
  const bare = first !== undefined && first[1] === first[0] + 1 && a.isId(first[0]);
  const uri = first && !a.is(first[0], '{') && ((parts.length === 1 && (!bare || boundLiteral(a, first[0]) >= 0)) || (parts.length === 2 && objectLike(second)));
  if (uri) {
    context.options.push(positionalOption(a, first[0], first[1], 'url'));
  }
}
