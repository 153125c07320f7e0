/**
 * SQL connection options a module of the workspace declares and another file hands to a driver or an ORM
 * (workspace mode; recorded by `workspace/passedSqlOptions.ts`): `export const dbConfig = { host, password,
 * ssl: {...} }` in `config/db.js`, then `new Pool(dbConfig)` elsewhere; or `export const ormConfig = () => {...}`
 * whose returns (an object literal, a local bound to one, or either side of a conditional between two) another
 * file passes as `TypeOrmModule.forRoot(ormConfig())`; or each entry of options by environment (Sequelize's
 * `{ development: {...}, production: {...} }`) that another file reads one of (`configDB[env]`); or a key of the
 * exported object (`module.exports = { db: {...} }`) that another file hands on as `config.db`. Each object is
 * read as that library's options, here where its keys are written; one that names a local server is a
 * developer's, and gets nothing.
 */
import type { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { exportedLiteral, exportedObjects } from './exportedObjectLiterals';
import { callsFromOtherFiles, moduleLevelNames } from './otherFileCallers';
import { typedOptions } from './sqlOrmJs';
import type { ClientPassingCall } from '../workspace/types';

/** The keys the SQL option rules read (a password, a URL's, TLS): a file without any has nothing to show, and is not read. */
const OPTION_WORDS = /pass|ssl|url|connectionString/i;

/** The option contexts of the objects other files hand to a SQL driver or ORM, unfiltered for local servers. */
export function otherFilesSqlOptions(a: CodeAnalyzer): OptionContext[] {
  if (a.language.family !== 'js' || !a.project?.clientPassingCalls || !OPTION_WORDS.test(a.text)) {
    return [];
  }
  const contexts: OptionContext[] = [];
  for (const at of moduleLevelNames(a, true)) {
    const name = a.tokens.text(at);
    const calls = callsFromOtherFiles(a, name).filter((call) => call.sqlOptions);
    contexts.push(...passedContexts(a, calls, calls.length > 0 ? heldObjects(a, name, at) : [], at));
  }
  // `module.exports = { ... }` / `export default { ... }`: an object no name holds, which `require('./config')` gives.
  const brace = exportedLiteral(a);
  if (brace > 0) {
    const calls = ['', 'default'].flatMap((exported) => a.project?.clientPassingCalls?.(exported) ?? []).filter((call) => call.sqlOptions);
    contexts.push(...passedContexts(a, calls, [brace], brace));
    // `module.exports = { db: { ... } }`, which another file hands on as `config.db`.
    for (const [key, object] of exportedObjects(a, brace)) {
      const passed = (a.project?.clientPassingCalls?.(a.tokens.text(key)) ?? []).filter((call) => call.sqlOptions);
      contexts.push(...passedContexts(a, passed, [object], key));
    }
  }
  return contexts;
}

/** The contexts of the objects the calls take: the objects themselves, or each entry of them when every call reads one entry (`configs[env]`). */
function passedContexts(a: CodeAnalyzer, calls: readonly ClientPassingCall[], held: readonly number[], anchor: number): OptionContext[] {
  const flavor = calls[0]?.sqlOptions;
  if (!flavor) {
    return [];
  }
  // Each entry of options by key is one connection's (a local development one among them).
  const objects = calls.every((call) => call.keyed) ? held.flatMap((object) => entries(a, object)) : calls.some((call) => call.keyed) ? [] : held;
  return objects.flatMap((object) => typedOptions(a, flavor, object, a.tokenSpan(anchor)) ?? []);
}

/** The `{` of the object literal `name` holds, or of those the function it holds returns at its own level. */
function heldObjects(a: CodeAnalyzer, name: string, declared: number): number[] {
  const object = a.objectVariable(name, declared);
  if (object >= 0) {
    return a.is(object, '{') ? [object] : [];
  }
  const value = a.lookup(name, declared + 1);
  const fn = value?.t === 'function' ? a.functions.get(value.scope) : undefined;
  if (!fn) {
    return [];
  }
  if (fn.concise >= 0) {
    return a.is(fn.concise, '(') && a.is(fn.concise + 1, '{') ? [fn.concise + 1] : [];
  }
  const [start, end] = a.scopes.range(fn.scope);
  const found: number[] = [];
  for (let k = Math.max(start, fn.body); k < end; k++) {
    if (a.idIs(k, 'return') && a.scopes.enclosing(k, ['function']) === fn.scope) {
      found.push(...returnedObjects(a, k + 1));
    }
  }
  return found;
}

/** The `{` of each value of the object at `object` written as an object literal (`development: { ... }`). */
function entries(a: CodeAnalyzer, object: number): number[] {
  const found: number[] = [];
  for (let k = object + 1; k < a.partner[object]; k = a.skipGroup(k)) {
    if (a.is(k, ':') && a.is(k + 1, '{') && (a.isId(k - 1) || a.isString(k - 1))) {
      found.push(k + 1);
    }
  }
  return found;
}

/** `return { ... }`, `return config`, `return test ? testing : config`: the object literals, through names bound to them. */
function returnedObjects(a: CodeAnalyzer, at: number): number[] {
  if (a.is(at, '{')) {
    return [at];
  }
  const named = (k: number): number => (a.isId(k) && !a.isAccess(k + 1) && !a.is(k + 1, '(') ? a.objectVariable(a.tokens.text(k), k) : -1);
  const single = named(at);
  if (single >= 0 && a.is(single, '{')) {
    return [single];
  }
  // `cond ? testing : config`: the two names after the last `?` of the statement.
  for (let k = at; k < a.tokens.length && !a.is(k, ';') && !a.is(k, '}') && (k === at || !a.startsLine(k)); k = a.skipGroup(k)) {
    if (a.is(k, '?') && a.is(k + 2, ':')) {
      return [named(k + 1), named(k + 3)].filter((object) => object >= 0 && a.is(object, '{'));
    }
  }
  return [];
}
