/**
 * The object literal a JavaScript module exports whole (`module.exports = { ... }`, `export default { ... }`, also
 * frozen as it is exported: `module.exports = Object.freeze({ ... })`, which hands out the same keys and values),
 * which `require('./config')` or a default import gives, and the object literals under its keys (`{ db: { ... } }`,
 * `{ config: { redis: { ... } } }`), which another file hands on as `config.db` or `cacheConfig.config.redis`.
 */
import type { CodeAnalyzer } from './analyzer';
import { tokensOfSpan } from './tokenTables';

const EXPORTED_LITERAL = /\b(?:module\.exports\s*=|export\s+default)\s*(?:Object\.freeze\(\s*)?\{/;

/** How many keys deep an exported object's entries are read (`config.redis` is two). */
const MAX_DEPTH = 2;

/** The `{` of the object literal the module exports whole, at module level, or -1. */
export function exportedLiteral(a: CodeAnalyzer): number {
  const literal = EXPORTED_LITERAL.exec(a.text);
  const [brace] = literal ? tokensOfSpan(a.tokens, { start: literal.index + literal[0].length - 1, end: literal.index + literal[0].length }) : [-1];
  // At module level: the scope of the `=` or `default` before the brace (the brace opens one of its own).
  return brace > 0 && a.is(brace, '{') && a.scopes.scopeAt(brace - 1) === 0 ? brace : -1;
}

/** Each key of the object at `brace` whose value is an object literal, written in place or held by a name (`db: dbConfig`), with that object's `{`. */
export function exportedObjects(a: CodeAnalyzer, brace: number): [number, number][] {
  const found: [number, number][] = [];
  for (let k = brace + 1; k < a.partner[brace]; k = a.skipGroup(k)) {
    if (!(k === brace + 1 || a.is(k - 1, ',')) || !a.isId(k) || !a.is(k + 1, ':')) {
      continue;
    }
    const held = a.isId(k + 2) && (a.is(k + 3, ',') || k + 3 === a.partner[brace]) ? a.objectVariable(a.tokens.text(k + 2), k + 2) : -1;
    const object = a.is(k + 2, '{') ? k + 2 : held;
    if (object >= 0 && a.is(object, '{')) {
      found.push([k, object]);
    }
  }
  return found;
}

/** The objects under the keys of the object at `brace`, nested up to two keys deep, by dotted path (`config.redis`), with the last key's token and the object's `{`. */
export function exportedObjectPaths(a: CodeAnalyzer, brace: number, prefix = '', depth = 1): { path: string; key: number; object: number }[] {
  return exportedObjects(a, brace).flatMap(([key, object]) => {
    const path = prefix + a.tokens.text(key);
    const nested = depth < MAX_DEPTH ? exportedObjectPaths(a, object, `${path}.`, depth + 1) : [];
    return [{ path, key, object }, ...nested];
  });
}
