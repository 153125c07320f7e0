/**
 * Per-file caches for the readers of DynamoDB requests: many requests may read one constant, one
 * `QueryFilter` variable or one expression builder, and each is read once per file so that the work
 * stays linear in the file's size.
 */
import type { CodeAnalyzer } from './analyzer';

export class FileMemo<K, V> {
  private readonly files = new WeakMap<CodeAnalyzer, Map<K, V>>();

  /** The value for a key in this file, computed on first use. */
  get(a: CodeAnalyzer, key: K, compute: () => V): V {
    const map = this.mapOf(a);
    if (map.has(key)) {
      return map.get(key) as V;
    }
    const value = compute();
    map.set(key, value);
    return value;
  }

  /** The value recorded for a key in this file, if any (`undefined`: none yet). */
  peek(a: CodeAnalyzer, key: K): V | undefined {
    return this.files.get(a)?.get(key);
  }

  /** Records a value while the real one is computed: a binding that refers to itself then reads as it. */
  set(a: CodeAnalyzer, key: K, value: V): void {
    this.mapOf(a).set(key, value);
  }

  private mapOf(a: CodeAnalyzer): Map<K, V> {
    let map = this.files.get(a);
    if (!map) {
      map = new Map();
      this.files.set(a, map);
    }
    return map;
  }
}

/**
 * A fact about a file worked out once per analysis, such as the cheap test of its text that a reader makes
 * before any scan: the function that gives it, memoized per file.
 */
export function perFile<V>(compute: (a: CodeAnalyzer) => V): (a: CodeAnalyzer) => V {
  const values = new WeakMap<CodeAnalyzer, V>();
  return (a) => {
    if (!values.has(a)) {
      values.set(a, compute(a));
    }
    return values.get(a) as V;
  };
}
