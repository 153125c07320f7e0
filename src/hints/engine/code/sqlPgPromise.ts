/**
 * pg-promise opens its pool in two steps: the module's default export initializes the library
 * (`const pgp = require('pg-promise')(initOptions)`, `const pgp = pgPromise()`), and what that returns makes the
 * Database object and its node-postgres pool from a connection string or configuration object: `const db =
 * pgp(connection)` (https://vitaly-t.github.io/pg-promise: "Create your Database object from the connection as
 * pgp(connection, [dc])", "you should create only one global/shared db object per connection details"). The
 * configuration object goes to node-postgres, so its options (`ssl`, `password`) read as `pg`'s.
 */
import type { CodeAnalyzer } from './analyzer';
import { calledRequireModule } from './calledRequire';
import { perFile } from './fileMemo';
import type { Construction } from './handlerClients';
import { bindsWholeExpression } from '../scope/scopes';

const MODULE = 'pg-promise';

/** `require('pg-promise')(` at `k` with `require` not shadowed: the initializer's call. */
function requiredInitializer(a: CodeAnalyzer, k: number): boolean {
  return a.idIs(k, 'require') && calledRequireModule(a, k) === MODULE && a.scopes.lookup('require', k) === undefined;
}

/** `pgPromise(` at `k`: the library's initializer, imported as pg-promise's default export and not shadowed. */
function importedInitializer(a: CodeAnalyzer, k: number): boolean {
  if (!a.isId(k) || a.isAccess(k - 1) || !a.is(k + 1, '(')) {
    return false;
  }
  const name = a.tokens.text(k);
  const imported = a.imports.get(name);
  // Not a name that already holds the initialized library (`const pgp = require('pg-promise')()`).
  const initialized = imported?.at !== undefined && requiredInitializer(a, imported.at);
  return imported?.module === MODULE && (imported.path === '' || imported.path === 'default') && !initialized && a.scopes.lookup(name, k) === undefined;
}

/** Whether the name at `k` holds what the initializer returned: `const pgp = require('pg-promise')()` or `const pgp = pgPromise({...})`. */
function holdsInitialized(a: CodeAnalyzer, k: number): boolean {
  const name = a.tokens.text(k);
  const imported = a.imports.get(name);
  if (imported?.module === MODULE) {
    return imported.at !== undefined && requiredInitializer(a, imported.at) && a.scopes.lookup(name, k) === undefined;
  }
  const binding = a.scopes.lookup(name, k);
  if (!binding || !bindsWholeExpression(binding)) {
    return false;
  }
  const value = binding.expression;
  const close = a.is(value + 1, '(') ? a.partner[value + 1] : -1;
  // The whole expression is the one call: `pgPromise(options)`, not `pgPromise(options).as`.
  return close > 0 && importedInitializer(a, value) && !a.isAccess(close + 1) && !a.is(close + 1, '(');
}

/**
 * `pgp(connection)` at `k` where `pgp` holds pg-promise's initialized library: the Database it makes (its
 * construction, for the handler reader too) and the call's `(`; undefined elsewhere. A file that imports no
 * pg-promise costs one map read per call.
 */
export function pgPromiseDatabaseAt(a: CodeAnalyzer, k: number): { construction: Construction; open: number } | undefined {
  if (a.language.family !== 'js' || !a.isId(k) || !a.is(k + 1, '(') || a.isAccess(k - 1) || a.idIs(k - 1, 'new') || a.idIs(k - 1, 'function') || a.partner[k + 1] < 0 || !importsPgPromise(a)) {
    return undefined;
  }
  if (!holdsInitialized(a, k)) {
    return undefined;
  }
  return { construction: { start: k, name: k, end: a.partner[k + 1] + 1, service: 'rds', redis: false }, open: k + 1 };
}

/** Whether the file imports pg-promise, read once per file. */
const importsPgPromise = perFile((a) => [...a.imports.values()].some((imported) => imported.module === MODULE));
