/** What the workspace keeps of Spring Data DynamoDB repositories and their entities (`springRepositories.ts`). */
import type { FileContribution } from './types';

/** A Spring Data DynamoDB repository interface as another file reads it (`code/languages/javaSpringDataDynamodb.ts`). */
export interface SpringRepositoryShape {
  /** `@EnableScan` on the interface. */
  scan: boolean;
  /** The simple name of its entity class (its base interface's first type argument), if it names one. */
  entity?: string;
  /** The qualified names that simple name may stand for in the repository's file, in the order Java looks. */
  entityCandidates?: string[];
  /** The package of the file that declares it. */
  package?: string;
  /** The methods it declares, by name: whether each carries `@EnableScan`, how many parameters it takes, and the entity it returns in an Optional. */
  methods: Record<string, { scan: boolean; parameters: number; optionalOf?: string }>;
  /**
   * A plain `CrudRepository` with none of the library's annotations: a DynamoDB repository only where an
   * `@EnableDynamoDBRepositories` of the workspace names its package or one above it, as for JPA or MongoDB,
   * and whose entity is a mapped class of the workspace.
   */
  needsEnabling?: boolean;
}

/** A DynamoDBMapper entity class: its properties and which of them are keys (hash, range, index, `@Id`). */
export interface SpringEntityShape {
  properties: string[];
  keys: Record<string, 'hash' | 'range' | 'index-hash' | 'index-range' | 'id'>;
  hasRange: boolean;
  /** The package of the file that declares it. */
  package?: string;
}

/**
 * The workspace's repositories and entities by simple name and by qualified name (`shop.orders.OrderRepository`);
 * null where two files declare the name differently.
 */
export interface SpringIndex {
  repositories: Map<string, SpringRepositoryShape | null>;
  entities: Map<string, SpringEntityShape | null>;
}

/**
 * The repositories and entities the workspace's files declare. A simple name two files declare (a `UserRepository`
 * in each of two packages) is left unknown; the qualified names still tell them apart. Two modules' identical
 * copies of one class count as one.
 */
export function springIndexOf(contributions: readonly FileContribution[]): SpringIndex {
  const index: SpringIndex = { repositories: new Map(), entities: new Map() };
  const enabled = contributions.flatMap((contribution) => contribution.springRepositoryPackages ?? []);
  const enabledFor = (pkg: string | undefined): boolean => pkg !== undefined && enabled.some((base) => pkg === base || pkg.startsWith(`${base}.`));
  for (const contribution of contributions) {
    for (const [name, shape] of Object.entries(contribution.springEntities ?? {})) {
      addNamed(index.entities, name, shape);
    }
  }
  // A plain repository also needs its entity to be a mapped class (`@DynamoDBTable`): a JPA `@Entity` beside it is not.
  const mapped = (shape: SpringRepositoryShape): boolean => (shape.entityCandidates ?? []).some((candidate) => index.entities.get(candidate));
  for (const contribution of contributions) {
    for (const [name, shape] of Object.entries(contribution.springRepositories ?? {})) {
      if (!shape.needsEnabling || (enabledFor(shape.package) && mapped(shape))) {
        addNamed(index.repositories, name, shape);
      }
    }
  }
  return index;
}

/**
 * A name declared again is unknown, unless the second declaration reads the same: the modules of a multi-module
 * build often each carry a copy of a shared class (`users/src/.../MailDao.java` and `mail/src/.../MailDao.java`
 * in one package), and either copy answers alike.
 */
function addNamed<T extends { package?: string }>(map: Map<string, T | null>, name: string, shape: T): void {
  for (const key of shape.package ? [name, `${shape.package}.${name}`] : [name]) {
    const known = map.get(key);
    map.set(key, known === undefined ? shape : known !== null && sameShape(known, shape) ? known : null);
  }
}

/** Whether two shapes read from declarations are alike: plain data the same reader built, so in the same key order. */
function sameShape<T>(one: T, other: T): boolean {
  return JSON.stringify(one) === JSON.stringify(other);
}
