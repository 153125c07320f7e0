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

/**
 * The module `m` when the `require` at `k` starts `require('m').a.b(`: a member of the module called in place
 * (`require('redis').createClient(url)`), so what a declaration of it holds is the call's result; else undefined.
 */
export function calledRequiredMember(a: CodeAnalyzer, k: number): string | undefined {
  if (!a.is(k + 1, '(') || !a.isString(k + 2) || !a.is(k + 3, ')')) {
    return undefined;
  }
  let j = k + 4;
  while (a.isAccess(j) && a.isId(j + 1)) {
    j += 2;
  }
  return j > k + 4 && a.is(j, '(') ? a.tokens.text(k + 2) : undefined;
}

/**
 * A module path that names a file of the project, relative or through a root alias (`../data-service/redis`,
 * `@/lib/redis`, `~/db`): one whose member called in place (`require('../data-service/redis').createClient()`)
 * is read in that file, as an import of it would be. Bare package names are left as they are.
 */
export function isProjectPath(module: string): boolean {
  return /^(?:\.{1,2}\/|[@~#]\/)/.test(module);
}
