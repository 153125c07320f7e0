/**
 * Architect's data layer (`@architect/functions`, https://arc.codes/docs/en/reference/runtime-helpers/node.js#arc.tables):
 * `await arc.tables()` gives an object with one member per table of the app's manifest (`data.notes`), each a
 * DocumentClient bound to that table: `get(key)`, `put(item)` and `delete(key)` take the key or item itself,
 * `query(params)`, `scan(params)` and `update(params)` a DocumentClient request without `TableName`. Its `_doc` is
 * the DocumentClient and `_db` the low-level client it uses; `name(table)` and `reflect()` give table names.
 */
import type { ClientKind } from '../services';
import type { Value } from './values';

export const ARCHITECT_FUNCTIONS_MODULE = '@architect/functions';

/** `arc.tables()` (also through a default import, `arc.default.tables()`): the object of the app's tables. */
export function architectTablesCall(module: string, path: string): Value | undefined {
  return module === ARCHITECT_FUNCTIONS_MODULE && (path === 'tables' || path === 'default.tables') ? { t: 'client', kind: 'dynamodb-arc-tables' } : undefined;
}

/** What reading `name` of the tables object gives: a table, or the SDK client it holds; undefined for its name helpers. */
export function architectTablesMember(name: string): Value | undefined {
  if (name === '_doc') {
    return { t: 'client', kind: 'dynamodb-document' };
  }
  if (name === '_db') {
    return { t: 'client', kind: 'dynamodb' };
  }
  return name === 'name' || name === 'reflect' || name.startsWith('_') ? undefined : { t: 'client', kind: 'dynamodb-arc-table' };
}

const TABLE_METHODS = new Map<string, string>([
  ['get', 'dynamodb:GetItem'],
  ['put', 'dynamodb:PutItem'],
  ['delete', 'dynamodb:DeleteItem'],
  ['update', 'dynamodb:UpdateItem'],
  ['query', 'dynamodb:Query'],
  ['scan', 'dynamodb:Scan'],
]);

/** The operation a method of one Architect table sends. */
export function architectTableOperation(method: string): string | undefined {
  return TABLE_METHODS.get(method);
}

/** Whether the argument of the method is the key or item itself, not a request: no condition or other option can go with it. */
export function takesKeyOrItem(kind: ClientKind, method: string): boolean {
  return kind === 'dynamodb-arc-table' && (method === 'get' || method === 'put' || method === 'delete');
}
