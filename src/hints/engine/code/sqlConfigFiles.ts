/**
 * Configuration modules that a library loads by its own convention, so that no call of the project hands their
 * object to it in sight: knex's CLI reads `knexfile.js` (https://knexjs.org/guide/migrations.html#knexfile-js),
 * TypeORM 0.2 reads `ormconfig.js` (https://github.com/typeorm/typeorm/blob/0.2.45/docs/using-ormconfig.md), and
 * sequelize-cli reads `config/config.js` or the file `.sequelizerc` names, often `config/database.js`
 * (https://sequelize.org/docs/v6/other-topics/migrations/#dynamic-configuration). Each such module exports one
 * options object, one per environment (`{ development: {...}, production: {...} }`), or, for TypeORM, a list of
 * them; each is read as that library's connection options, as if written in its call, also each element of an
 * environment's list, where a project opens several databases per environment with its own loader. An environment that names a
 * local server (`host: 'localhost'`) is a developer's, and the caller judges it so; the `test` environment's is a test's,
 * and is not read.
 */
import { DocumentKind } from '../documentKinds';
import type { CodeAnalyzer } from './analyzer';
import { keyValue, OrmFlavor } from './sqlOrmJs';

const CONFIG_MODULES: readonly { flavor: OrmFlavor; path: RegExp }[] = [
  { flavor: 'knex', path: /(?:^|\/)knexfile\.(?:[cm]?js|ts)$/i },
  { flavor: 'typeorm', path: /(?:^|\/)ormconfig\.(?:[cm]?js|ts)$/i },
  { flavor: 'sequelize', path: /(?:^|\/)config\/(?:config|database)\.(?:c?js|ts)$/i },
];

/** The key every options object of a library's configuration module holds (knex's may name its `client` elsewhere, in a spread). */
const OPTIONS_KEY: Readonly<Record<OrmFlavor, readonly string[]>> = { knex: ['client', 'connection'], typeorm: ['type'], sequelize: ['dialect'] };

/** Spreads followed to find the library's key: a base configuration, and the one it extends. */
const MAX_SPREAD_DEPTH = 2;

/** Environments whose database only tests use (also in the JSON forms, `config/ormJson.ts`). */
export const TEST_ENVIRONMENT = /^(?:test|testing|ci|e2e)$/i;

/** The library whose configuration module a JavaScript or TypeScript file is by its path, or undefined. */
export function sqlConfigModule(fileName: string | undefined, kind: DocumentKind): OrmFlavor | undefined {
  if (fileName === undefined || (kind !== 'javascript' && kind !== 'typescript')) {
    return undefined;
  }
  const path = fileName.replace(/\\/g, '/');
  return CONFIG_MODULES.find((module) => module.path.test(path))?.flavor;
}

/**
 * The `{` of each options object the module exports: the exported object itself when it holds the library's
 * key, else each of its properties' objects (an environment's, but a test's) that holds it; each element of an exported list.
 * The export is `module.exports = ...`, `export default ...` or `export = ...`, an object or a name bound to one.
 */
export function exportedOptionObjects(a: CodeAnalyzer, flavor: OrmFlavor): number[] {
  const exported = exportedValue(a);
  if (exported < 0) {
    return [];
  }
  // The key written in the object, or in one it spreads (`production: { ...base }`).
  const holdsOptions = (object: number, depth = 0): boolean =>
    OPTIONS_KEY[flavor].some((key) => keyValue(a, object, key) >= 0) || (depth < MAX_SPREAD_DEPTH && spreadObjects(a, object).some((spread) => holdsOptions(spread, depth + 1)));
  if (a.is(exported, '[')) {
    return flavor === 'typeorm' ? elements(a, exported).filter(holdsOptions) : [];
  }
  if (holdsOptions(exported)) {
    return [exported];
  }
  const objects: number[] = [];
  const close = a.partner[exported];
  for (let k = exported + 1; k < close; k = a.skipGroup(k)) {
    if ((a.isId(k) || a.isString(k)) && a.is(k + 1, ':') && (a.is(k - 1, '{') || a.is(k - 1, ',')) && !TEST_ENVIRONMENT.test(a.tokens.text(k))) {
      // An environment that lists several databases (`staging: [{ tag: 'default', ... }, { tag: 'reports', ... }]`),
      // which the project's own loader opens one by one: each element that holds the library's key.
      if (a.is(k + 2, '[') && a.partner[k + 2] > k + 2) {
        objects.push(...elements(a, k + 2).filter((element) => holdsOptions(element)));
        continue;
      }
      const object = objectAt(a, k + 2);
      if (object >= 0 && holdsOptions(object)) {
        objects.push(object);
      }
    }
  }
  return objects;
}

/** The `{` or `[` the module exports at its top level, or -1. */
function exportedValue(a: CodeAnalyzer): number {
  for (let k = 0; k + 3 < a.tokens.length; k = a.skipGroup(k)) {
    let value = -1;
    if (a.idIs(k, 'module') && a.is(k + 1, '.') && a.idIs(k + 2, 'exports') && a.is(k + 3, '=')) {
      value = k + 4;
    } else if (a.idIs(k, 'export') && (a.idIs(k + 1, 'default') || a.is(k + 1, '='))) {
      value = k + 2;
    }
    if (value >= 0) {
      return a.is(value, '[') && a.partner[value] > value ? value : objectAt(a, value);
    }
  }
  return -1;
}

/** The object literal at `k`, or the one the name at `k` is bound to; -1 for anything else. */
function objectAt(a: CodeAnalyzer, k: number): number {
  const object = a.is(k, '{') ? k : a.isId(k) && !a.isAccess(k + 1) && !a.is(k + 1, '(') ? a.objectVariable(a.tokens.text(k), k) : -1;
  return object >= 0 && a.partner[object] > object ? object : -1;
}

/** The object literals an object literal spreads at its top level (`{ ...base, pool }`), where each name is bound to one. */
function spreadObjects(a: CodeAnalyzer, object: number): number[] {
  const found: number[] = [];
  const close = a.partner[object];
  for (let k = object + 1; k < close; k = a.skipGroup(k)) {
    if (a.tokens.isSpread(k) && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      const spread = objectAt(a, k + 3);
      if (spread >= 0) {
        found.push(spread);
      }
      k += 3;
    }
  }
  return found;
}

/** The object literals listed in the array literal at `open`. */
function elements(a: CodeAnalyzer, open: number): number[] {
  const found: number[] = [];
  const close = a.partner[open];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, '{') && (a.is(k - 1, '[') || a.is(k - 1, ','))) {
      found.push(k);
    }
  }
  return found;
}
