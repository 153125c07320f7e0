/**
 * A table's name read from a name another module of the workspace binds (`TableName: TABLE_NAME` after `import {
 * TABLE_NAME } from '../db'`, `TableName: config.ordersTable`, `from settings import ORDERS_TABLE`): what that module
 * binds it to, a literal or an environment variable (`workspace/nameConstants.ts`), as if written here. The variable
 * is then read in this file's functions' environment: the module runs in the process that imports it.
 */
import type { TableNameRef } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { namedValue, tableNameRef } from './names';
import { importedProjectName } from './projectImports';

/**
 * The table name the tokens [from, to) read: a name written in place, or one another module binds (`code/names.ts`
 * first, then this module's import); undefined when neither names one.
 */
export function tableNameAt(a: CodeAnalyzer, from: number, to: number): TableNameRef | undefined {
  const named = namedValue(a, from, to);
  return named ? tableNameRef(named) : importedTableName(a, from, to);
}

/** The table name the tokens [from, to) read from another module, or undefined. */
function importedTableName(a: CodeAnalyzer, from: number, to: number): TableNameRef | undefined {
  const ask = a.project?.importedTableName;
  const family = a.language.family;
  if (!ask || (family !== 'js' && family !== 'python')) {
    return undefined;
  }
  // TypeScript's non-null assertion (`TABLE_NAME!`) reads the same name.
  const imported = importedProjectName(a, from, family === 'js' && a.is(to - 1, '!') ? to - 1 : to);
  return imported && ask(imported.module, imported.path);
}
