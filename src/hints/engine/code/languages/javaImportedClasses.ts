/**
 * Library classes a Java file may import by simple name, told apart by package: a name can stand for
 * classes of two libraries (`RedisClient` is Lettuce's and, since Jedis 7.2, Jedis's), and counts only
 * where the file imports it from its library, by name or with the package's `*`.
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';

export class ImportedClasses<T extends { package: string }> {
  /** Per file, the class each imported simple name stands for. */
  private readonly imported = new FileMemo<string, T | undefined>();

  constructor(private readonly classes: readonly [string, T][]) {}

  /** Notes an `import a.b.C;` or `import a.b.*;` of one of the classes. */
  note(a: CodeAnalyzer, path: string): void {
    const dot = path.lastIndexOf('.');
    const pkg = path.slice(0, dot);
    const name = path.slice(dot + 1);
    for (const [type, info] of this.classes) {
      if (info.package === pkg && (name === '*' || name === type)) {
        this.imported.set(a, type, info);
      }
    }
  }

  /** The class a simple name stands for in this file, if the file imports it. */
  get(a: CodeAnalyzer, name: string): T | undefined {
    return this.imported.get(a, name, () => undefined);
  }
}
