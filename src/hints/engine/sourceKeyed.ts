/**
 * Lookup tables keyed by names read from source code (module, namespace and class names). A plain object literal
 * inherits Object's members, so an import of a module called `constructor` or `toString` would find a function
 * and the analysis of the file would fail; a table without a prototype finds nothing there.
 */
export function withoutPrototype<T>(entries: Readonly<Record<string, NoInfer<T>>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
