/**
 * A table's name read from a name another module of the workspace binds (`TableName: TABLE_NAME` after `import {
 * TABLE_NAME } from '../db'`, `TableName: config.ordersTable`, `from settings import ORDERS_TABLE`): what that module
 * binds it to, a literal or an environment variable (`workspace/nameConstants.ts`), as if written here. The variable
 * is then read in this file's functions' environment: the module runs in the process that imports it.
 */
import type { TableNameRef } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { mayBeProjectModule } from './projectImports';

/** The table name the tokens [from, to) read from another module, or undefined. */
export function importedTableName(a: CodeAnalyzer, from: number, to: number): TableNameRef | undefined {
  const ask = a.project?.importedTableName;
  const family = a.language.family;
  if (!ask || (family !== 'js' && family !== 'python')) {
    return undefined;
  }
  // TypeScript's non-null assertion (`TABLE_NAME!`) reads the same name.
  const end = family === 'js' && a.is(to - 1, '!') ? to - 1 : to;
  if (!a.isId(from) || (end - from) % 2 === 0) {
    return undefined;
  }
  for (let k = from + 1; k < end; k += 2) {
    if (!a.is(k, '.') || !a.isId(k + 1)) {
      return undefined;
    }
  }
  const value = a.evalChain(from, end).value;
  return value?.t === 'ref' && value.path !== '' && mayBeProjectModule(a, value.module) ? ask(value.module, value.path) : undefined;
}
