/**
 * What the workspace model answers about Java and C# classes: the client members a class lends its subclasses and
 * users (`classHolders.ts`), C# `global using`s, the cache stores and Django cache classes a workspace declares, object-mapped classes, item helpers and Spring Data repositories,
 * each index built on first use after a change. `WorkspaceModel` holds the contributions these read.
 */
import { ClassIndex } from './classHolders';
import { projectContext } from './fileView';
import { KotlinHolderIndex } from './kotlinHolders';
import { classItemIndexOf } from './classItemMethods';
import { folderOf, isWithin } from './paths';
import { SpringIndex, springIndexOf } from './springTypes';
import { TerraformFolderAnswers } from './terraformFolderAnswers';
import type { ClassItemMethods, ExportedClient, FileContribution, KotlinHolderSource, SpringEntityShape, SpringRepositoryShape } from './types';
import type { WorkspaceView } from './workspaceView';

export abstract class ClassAnswers extends TerraformFolderAnswers {
  /** The client members of the workspace's Java and C# classes, by `classKey`. */
  private classIndex: ClassIndex | undefined;
  /** The Kotlin objects, companion objects and top-level properties that hold clients, read on first demand. */
  private kotlinHolders: KotlinHolderIndex | undefined;
  private mappedIndex: Map<string, boolean | null> | undefined;
  private mappedBases: Map<string, string | null> | undefined;
  private classItemIndex: Map<string, ClassItemMethods | null> | undefined;
  private springIndex: SpringIndex | undefined;
  private redisCacheOnly: boolean | undefined;
  private redisCacheManagerOnly: boolean | undefined;
  private djangoMethods: ReadonlySet<string> | undefined;

  /** Each file's contribution, by file. */
  protected abstract contributionsByFile(): ReadonlyMap<string, { contribution: FileContribution }>;

  private allContributions(): FileContribution[] {
    return [...this.contributionsByFile().values()].map(({ contribution }) => contribution);
  }

  /** Drops the indexes, after a file's contribution changed. */
  protected forgetClasses(): void {
    this.classIndex = undefined;
    this.kotlinHolders = undefined;
    this.mappedIndex = undefined;
    this.mappedBases = undefined;
    this.classItemIndex = undefined;
    this.springIndex = undefined;
    this.redisCacheOnly = undefined;
    this.redisCacheManagerOnly = undefined;
    this.djangoMethods = undefined;
  }

  /** The client fields a Java or C# class lends its subclasses; see `WorkspaceView.classFields`. */
  classFields(_codeFile: string, key: string): Readonly<Record<string, ExportedClient>> | undefined {
    this.classIndex ??= new ClassIndex(this.allContributions());
    return this.classIndex.members(key) ?? this.kotlinHolderIndex().members(key);
  }

  /** The client a Kotlin top-level property of the package holds; see `WorkspaceView.kotlinTopLevel`. */
  kotlinTopLevel(_codeFile: string, packageName: string, name: string): ExportedClient | undefined {
    return this.kotlinHolderIndex().topLevel(packageName, name);
  }

  private kotlinHolderIndex(): KotlinHolderIndex {
    if (!this.kotlinHolders) {
      const holders: [string, KotlinHolderSource][] = [];
      this.contributionsByFile().forEach(({ contribution }, file) => contribution.kotlinHolder && holders.push([file, contribution.kotlinHolder]));
      // A holder file is read as any code file is, with the workspace's answers for its own names (this model's).
      this.kotlinHolders = new KotlinHolderIndex(holders, (file) => projectContext(this as unknown as WorkspaceView, file));
    }
    return this.kotlinHolders;
  }

  /** The namespaces C# `global using` directives bring into a file; see `WorkspaceView.csharpGlobalUsings`. */
  csharpGlobalUsings(codeFile: string): readonly string[] {
    const namespaces = new Set<string>();
    this.contributionsByFile().forEach(({ contribution }, file) => isWithin(folderOf(file), codeFile) && contribution.csharpGlobalUsings?.forEach((namespace) => namespaces.add(namespace)));
    return [...namespaces];
  }

  /** Whether the workspace registers `IDistributedCache` on Redis and on no other store; see `WorkspaceView.redisDistributedCache`. */
  redisDistributedCache(): boolean {
    if (this.redisCacheOnly === undefined) {
      const stores = new Set(this.allContributions().flatMap((contribution) => contribution.csharpDistributedCaches ?? []));
      this.redisCacheOnly = stores.has('redis') && !stores.has('other');
    }
    return this.redisCacheOnly;
  }

  /** Whether the workspace registers cache-manager on a Redis store and on no other; see `WorkspaceView.redisCacheManager`. */
  redisCacheManager(): boolean {
    if (this.redisCacheManagerOnly === undefined) {
      const stores = new Set(this.allContributions().flatMap((contribution) => contribution.cacheManagerStores ?? []));
      this.redisCacheManagerOnly = stores.has('redis') && !stores.has('other');
    }
    return this.redisCacheManagerOnly;
  }

  /** The Django cache facade's methods the workspace's own backend and client classes define; see `WorkspaceView.djangoCacheOverrides`. */
  djangoCacheOverrides(): ReadonlySet<string> {
    this.djangoMethods ??= new Set(this.allContributions().flatMap((contribution) => contribution.djangoCacheMethods ?? []));
    return this.djangoMethods;
  }

  /** Whether a mapped Java or C# class has a version attribute; see `WorkspaceView.mappedClass`. */
  mappedClass(_codeFile: string, key: string): boolean | undefined {
    if (!this.mappedIndex || !this.mappedBases) {
      this.mappedIndex = new Map();
      this.mappedBases = new Map();
      for (const contribution of this.allContributions()) {
        for (const [name, versioned] of Object.entries(contribution.mappedClasses ?? {})) {
          // Two files that declare one simple name leave it unknown, unless both answer alike (each module's copy of a class).
          this.mappedIndex.set(name, agreed(this.mappedIndex, name, versioned));
        }
        for (const [name, base] of Object.entries(contribution.mappedClassBases ?? {})) {
          this.mappedBases.set(name, agreed(this.mappedBases, name, base));
        }
      }
    }
    return versionedThroughBases(this.mappedIndex, this.mappedBases, key);
  }

  /** The item helpers of a Java or C# class, or of the one class implementing an interface; see `WorkspaceView.classItemHelper`. */
  classItemHelper(_codeFile: string, key: string): ClassItemMethods | undefined {
    this.classItemIndex ??= classItemIndexOf(this.allContributions());
    return this.classItemIndex.get(key) ?? undefined;
  }

  /** Whether any Java or C# file declares item helpers; see `WorkspaceView.classItemHelpersExist`. */
  classItemHelpersExist(): boolean {
    this.classItemIndex ??= classItemIndexOf(this.allContributions());
    return this.classItemIndex.size > 0;
  }

  /** A Spring Data DynamoDB repository interface of the workspace; see `WorkspaceView.springRepository`. */
  springRepository(_codeFile: string, name: string): SpringRepositoryShape | undefined {
    this.springIndex ??= springIndexOf(this.allContributions());
    return this.springIndex.repositories.get(name) ?? undefined;
  }

  /** A DynamoDBMapper entity class of the workspace; see `WorkspaceView.springEntity`. */
  springEntity(_codeFile: string, name: string): SpringEntityShape | undefined {
    this.springIndex ??= springIndexOf(this.allContributions());
    return this.springIndex.entities.get(name) ?? undefined;
  }
}

/** The value a name keeps when one more file declares it as `value`: that value where none or the same was known, else null. */
function agreed<T>(index: ReadonlyMap<string, T | null>, name: string, value: T): T | null {
  const known = index.get(name);
  return known === undefined || known === value ? value : null;
}

/** How many base classes up a version attribute is looked for. */
const MAX_BASE_DEPTH = 4;

/**
 * Whether the mapped class `key` has a version attribute, its own or one a base class it extends declares (the
 * mapper maps inherited members); a base the workspace does not index carries none, since every class with one is
 * indexed. Undefined for a class the workspace does not map, or declares twice with different answers.
 */
function versionedThroughBases(index: ReadonlyMap<string, boolean | null>, bases: ReadonlyMap<string, string | null>, key: string): boolean | undefined {
  const own = index.get(key) ?? undefined;
  const language = key.slice(0, key.indexOf(':') + 1);
  let current = key;
  for (let depth = 0; own === false && depth < MAX_BASE_DEPTH; depth++) {
    const base = bases.get(current);
    if (base === null) {
      return undefined;
    }
    if (base === undefined) {
      return false;
    }
    current = `${language}${base}`;
    const versioned = index.get(current);
    if (versioned === null) {
      return undefined;
    }
    if (versioned) {
      return true;
    }
  }
  return own;
}
