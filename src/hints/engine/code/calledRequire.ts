/**
 * `require('m')(...)`: a module whose export is called where it is required (`require('knex')({ client: 'pg' })`,
 * `require('pg-promise')()`, `require('data-api-client')({ ... })`). What the declaration holds is that call's result,
 * not the module, which the import reader and the readers of such libraries all need to tell.
 */
import type { CodeAnalyzer } from './analyzer';

/** The module `m` when the `require` (or dynamic `import`) at `k` is `require('m')(`, its export called in place; else undefined. */
export function calledRequireModule(a: CodeAnalyzer, k: number): string | undefined {
  return a.is(k + 1, '(') && a.isString(k + 2) && a.is(k + 3, ')') && a.is(k + 4, '(') ? a.tokens.text(k + 2) : undefined;
}
