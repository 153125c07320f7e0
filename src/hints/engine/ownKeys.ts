/**
 * Lookup tables keyed by names read from source (module paths, namespaces, registry module sources). A plain
 * object literal also answers `constructor`, `toString` or `__proto__` with what `Object.prototype` holds, so a
 * file that imports a module named `constructor` (Python 2's `from constructor import *`, as PyYAML's sources
 * have) would read a function as the table's entry. The copy has no prototype: only the table's own keys answer.
 */
export function ownKeysOnly<T>(table: Readonly<Record<string, NoInfer<T>>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, table);
}
