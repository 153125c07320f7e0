/**
 * SQL connection options a module of the workspace declares and another file hands to a driver or an ORM
 * (workspace mode, recorded with the calls of `passedClients.ts`): `new Pool(dbConfig)` or
 * `TypeOrmModule.forRoot(ormConfig())` after an import of `dbConfig` or `ormConfig` from the project. The
 * declaring module reads the object the name holds, or those its function returns, as that connection's options
 * (`code/otherFileSqlOptions.ts`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { mayBeProjectModule } from '../code/projectImports';
import { JS_DRIVERS } from '../code/sqlDrivers';
import type { Value } from '../code/values';
import type { ClientPassingCall, SqlOptionsFlavor } from './types';

/** The libraries whose options are read this way, as `sqlConnections.ts` names them. */
const READ_FLAVORS: ReadonlySet<string> = new Set(['pg', 'mysql2', 'mysql', 'typeorm', 'sequelize', 'knex']);

/** A file that may open a connection through an ORM with options built elsewhere (pg and mysql are in `JS_LIBRARIES`). */
export const ORM_OPENER = /\b(?:TypeOrmModule|SequelizeModule)\.forRoot\s*\(|\bnew\s+(?:DataSource|Sequelize)\s*\(|\bcreateConnection\s*\(|\bknex\s*\(/;

/**
 * The project name the call at `open` of the opener `callee` takes as its options: a bare name (`new Pool(dbConfig)`)
 * or a call of one without arguments (`forRoot(ormConfig())`), imported from a module that may be the project's, or a
 * member of such a module imported whole (`config.db`, read as its export `db`); or
 * a name bound to one of its entries (`const config = configDB[env]` or `require('../config/config')[env]`), the options by
 * environment that Sequelize's CLI configuration holds (`keyed`).
 */
export function importedSqlOptions(a: CodeAnalyzer, nameIndex: number, open: number, callee: Extract<Value, { t: 'ref' }>): ClientPassingCall[] {
  const driver = Object.hasOwn(JS_DRIVERS, callee.module) ? JS_DRIVERS[callee.module] : undefined;
  // `const Sequelize = require('sequelize'); new Sequelize(...)`: the module itself is the class.
  const wholeModule = driver?.constructed === true && (callee.path === '' || callee.path === 'default') && a.idIs(nameIndex - 1, 'new');
  const opens = driver !== undefined && (driver.paths.has(callee.path) || driver.called?.has(callee.path) === true || wholeModule);
  if (!driver || !opens || !READ_FLAVORS.has(driver.flavor)) {
    return [];
  }
  const parts = segments(a, open);
  const part = driver.flavor === 'sequelize' ? parts[parts.length - 1] : parts[0];
  if (!part || !a.isId(part[0])) {
    return [];
  }
  const [start, end] = part;
  const named = end === start + 1 || (end === start + 3 && a.is(start + 1, '(') && a.partner[start + 1] === start + 2);
  // `new Sequelize(url, config.db)` after `const config = require('../config')`: the module's export `db`.
  const member = end === start + 3 && a.isAccess(start + 1) && a.isId(start + 2);
  const entry = end === start + 1 ? entryOfImport(a, start) : -1;
  // `const poolConfig = getPoolConfig(); new Pool(poolConfig)`: the options the imported function returns, held by a local.
  const made = end === start + 1 && entry < 0 ? callOfImport(a, start) : -1;
  const at = entry >= 0 ? entry : made >= 0 ? made : named || member ? start : -1;
  const imported = at >= 0 && a.scopes.lookup(a.tokens.text(at), at) === undefined ? a.imports.get(a.tokens.text(at)) : undefined;
  if (!imported || !mayBeProjectModule(a, imported.module) || (member && imported.path !== '' && imported.path !== 'default')) {
    return [];
  }
  // `const config = require('../config/config')[env]` binds the module's name to one of its entries.
  const required = imported.at !== undefined && a.idIs(imported.at, 'require') && a.is(imported.at + 1, '(') ? a.partner[imported.at + 1] + 1 : -1;
  const keyed = entry >= 0 || (required > 0 && a.is(required, '['));
  if (member && keyed) {
    return [];
  }
  const path = member ? a.tokens.text(start + 2) : imported.path;
  return [{ module: imported.module, path, args: [], sqlOptions: driver.flavor as SqlOptionsFlavor, ...(keyed ? { keyed: true as const } : {}) }];
}

/** The imported name at the start of the value a local at `k` is bound to when that value is one entry of it (`configDB[env]`), or -1. */
function entryOfImport(a: CodeAnalyzer, k: number): number {
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  const value = binding ? binding.expression : -1;
  const index = value + 1;
  const end = a.is(index, '[') ? a.partner[index] + 1 : -1;
  return value >= 0 && a.isId(value) && end > 0 && (a.is(end, ';') || a.startsLine(end) || end >= a.tokens.length) ? value : -1;
}

/** The called name of the value a local at `k` is bound to when that value is a call without arguments (`getPoolConfig()`), or -1. */
function callOfImport(a: CodeAnalyzer, k: number): number {
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  const value = binding ? binding.expression : -1;
  const end = value >= 0 && a.isId(value) && a.is(value + 1, '(') && a.partner[value + 1] === value + 2 ? value + 3 : -1;
  return end > 0 && (a.is(end, ';') || a.startsLine(end) || end >= a.tokens.length) ? value : -1;
}
