/**
 * DBUtils' pools in Python (`PooledDB(creator=pymysql, host=..., password=...)`, `PersistentDB(pg8000, ...)`): the
 * pool opens its connections with the `creator` it is given, a DB-API 2 module or its `connect` function, and passes
 * every argument it does not take itself to that function (https://webwareforpython.github.io/DBUtils/main.html).
 * The call is read as that driver's connection, its keyword arguments as the driver's options; a creator that is not
 * a driver the file imports (a project's factory, a variable) leaves the call unread.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** DBUtils 2 (`dbutils.pooled_db`) and 1 (`DBUtils.PooledDB`): the modules and the pool classes read from each. */
export const DBUTILS_POOLS: Readonly<Record<string, ReadonlySet<string>>> = {
  dbutils: new Set(['pooled_db.PooledDB', 'persistent_db.PersistentDB']),
  'dbutils.pooled_db': new Set(['PooledDB']),
  'dbutils.persistent_db': new Set(['PersistentDB']),
  DBUtils: new Set(['PooledDB.PooledDB', 'PersistentDB.PersistentDB']),
  'DBUtils.PooledDB': new Set(['PooledDB']),
  'DBUtils.PersistentDB': new Set(['PersistentDB']),
};

/** The import a creator names: the driver's module and the path read from it (`pymysql`, `pg8000.dbapi.connect`). */
export interface CreatorImport {
  module: string;
  path: string;
}

/**
 * The creator of the pool call whose `(` is `open`: the `creator=` keyword or the first positional argument, when it
 * is a dotted name of an import nothing of the file shadows.
 */
export function poolCreator(a: CodeAnalyzer, open: number): CreatorImport | undefined {
  const parts = segments(a, open);
  const keyword = parts.find(([start]) => a.idIs(start, 'creator') && a.is(start + 1, '='));
  const [start, end] = keyword ? [keyword[0] + 2, keyword[1]] : parts.length > 0 && !a.is(parts[0][0] + 1, '=') ? parts[0] : [-1, -1];
  if (start < 0 || !a.isId(start) || a.scopes.lookup(a.tokens.text(start), start) !== undefined) {
    return undefined;
  }
  const imported = a.imports.get(a.tokens.text(start));
  if (!imported) {
    return undefined;
  }
  const path = [imported.path];
  for (let k = start + 1; k < end; k += 2) {
    if (!a.isAccess(k) || !a.isId(k + 1)) {
      return undefined;
    }
    path.push(a.tokens.text(k + 1));
  }
  return { module: imported.module, path: path.filter((part) => part !== '').join('.') };
}
