/**
 * Spring Data DynamoDB (`org.socialsignin.spring.data.dynamodb`, published as `io.github.boostchicken` and
 * `com.github.derjust`): a repository interface (`@EnableScan interface OrderRepository extends
 * CrudRepository<Order, String>`) that a service holds in a field or parameter, declared in the file or, in
 * workspace mode, in another (`workspace/springRepositories.ts`); in Kotlin too, as `kotlinSpringData.ts` reads its
 * declarations. What each call sends, as the
 * library's source says (https://github.com/boostchicken/spring-data-dynamodb):
 * - `findAll()`, `count()` and `deleteAll()` scan the whole table (SimpleDynamoDBCrudRepository) through the
 *   mapper, whose scan list and count read every page; they refuse to run, before any request, unless scanning is
 *   enabled: `@EnableScan` on the interface, or on the no-argument method the interface redeclares
 *   (EnableScanAnnotationPermissions; `deleteAll()` reads through `findAll()`, so it needs both).
 * - `findById` and `existsById` (4.x, for Spring Data 1.x: `findOne`, `exists`) load one item (GetItem); `delete`
 *   deletes one (DeleteItem), `deleteById` loads it and then deletes it; `saveAll`, `deleteAll` and `findAllById` of
 *   many (4.x: `save`, `delete` and `findAll` of an `Iterable`) go through the mapper's `batchSave`, `batchDelete` and
 *   `batchLoad`, which send unprocessed items and keys again themselves. `save` of one item gets no hover: the mapper's
 *   save behaviour, which the application configures, decides between UpdateItem (the default) and PutItem; it is
 *   read for `dynamodb-item-loop`, one request per element of a loop where `saveAll` would batch, and for
 *   `dynamodb-read-modify-write`: either request writes back every attribute of the entity a `findById` (or a finder
 *   returning it in an `Optional`) loaded and the code changed, with no condition unless the entity has a version attribute.
 * - A query derived from a method's name is a load (GetItem) for the hash key alone of a table without a range key,
 *   a Query for the hash key alone of a table with one or for a global secondary index's hash key alone, and a Scan
 *   with a filter when it names no key attribute at all, which runs only where scanning is enabled for the interface
 *   or the method (DynamoDBEntityWithHashKeyOnlyCriteria, DynamoDBEntityWithHashAndRangeKeyCriteria,
 *   MultipleEntityScanExpressionQuery). Derived queries are read only when the entity class's key annotations can be
 *   seen, in the file or in the workspace; any other shape stays silent.
 * A `CrudRepository` counts only when it carries one of the library's annotations, or (workspace mode) its package is
 * one an `@EnableDynamoDBRepositories` names: the same interface serves JPA, MongoDB and every other Spring Data store.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { Value } from '../values';
import { FileMemo } from '../fileMemo';
import { positionalOption } from '../options';
import { mayBeVersioned, plainArguments } from '../plainWrites';
import { inTestCode } from '../testFixtures';
import { firstFound, ownContainer, qualifiedCandidates } from './baseClassFields';
import { ImportedClasses } from './javaImportedClasses';
import { isStubbedCall } from './javaV1Requests';
import type { SpringEntityShape, SpringRepositoryShape } from '../../workspace/types';
import { collectionArgument } from './javaCollectionArguments';
import { derivedCriteria, propertyOf } from './springDerivedQueries';
import { annotationNameAt, kotlinFunctionHasBody, kotlinHead, kotlinHeadBefore, kotlinProperty } from './kotlinSpringData';

type Role = 'base' | 'dynamodb-base' | 'scan' | 'scan-count';

const LIBRARY_REPOSITORY = 'org.socialsignin.spring.data.dynamodb.repository';
const SPRING_REPOSITORY = 'org.springframework.data.repository';

const CLASSES = new ImportedClasses<{ package: string; role: Role }>([
  ['CrudRepository', { package: SPRING_REPOSITORY, role: 'base' }],
  ['PagingAndSortingRepository', { package: SPRING_REPOSITORY, role: 'base' }],
  ['DynamoDBCrudRepository', { package: LIBRARY_REPOSITORY, role: 'dynamodb-base' }],
  ['DynamoDBPagingAndSortingRepository', { package: LIBRARY_REPOSITORY, role: 'dynamodb-base' }],
  ['EnableScan', { package: LIBRARY_REPOSITORY, role: 'scan' }],
  ['EnableScanCount', { package: LIBRARY_REPOSITORY, role: 'scan-count' }],
]);

/** Notes an import of the library's repository types and annotations, or of Spring Data's repository interfaces. */
export function noteSpringRepositoryImport(a: CodeAnalyzer, path: string): void {
  if (path.startsWith(LIBRARY_REPOSITORY) || path.startsWith(SPRING_REPOSITORY)) {
    CLASSES.note(a, path);
  }
}

function role(a: CodeAnalyzer, name: string | undefined): Role | undefined {
  return name === undefined ? undefined : CLASSES.get(a, name)?.role;
}

interface RepositoryMethod {
  /** The method carries `@EnableScan`. */
  scan: boolean;
  parameters: number;
  /** The entity a Java method returns in an Optional, by simple name: `X` of `Optional<X> findByCode(...)`. */
  optionalOf?: string;
}

interface Repository {
  /** `@EnableScan` on the interface: every method may scan. */
  scan: boolean;
  /** The simple name of the entity class: the first type argument of the base interface. */
  entityName: string | undefined;
  /** For a repository of another file, the qualified names the entity's simple name may stand for there. */
  entityCandidates?: readonly string[];
  /** The methods the interface declares without a body, by name. */
  methods: Map<string, RepositoryMethod>;
}

const repositories = new FileMemo<number, Repository | null>();
/** Per file, whether it names the library at all: a repository of it needs the library's types or annotations. */
const namesLibrary = new FileMemo<'library', boolean>();

/** The Spring Data DynamoDB repository the interface at `classScope` is, if it is one. */
function repositoryOf(a: CodeAnalyzer, classScope: number): Repository | undefined {
  if (!namesLibrary.get(a, 'library', () => a.text.includes(LIBRARY_REPOSITORY))) {
    return undefined;
  }
  return repositories.get(a, classScope, () => readRepository(a, a.scopes.start(classScope)) ?? null) ?? undefined;
}

/** The repository an interface declares; with `plain`, also a bare Spring Data one, for the workspace to confirm. */
function readRepository(a: CodeAnalyzer, open: number, plain = false): (Repository & { plain?: boolean }) | undefined {
  const head = interfaceKeyword(a, open);
  return head < 0 ? undefined : readRepositoryAt(a, head, open, open, plain);
}

/** The repository the interface whose keyword is at `head` declares; its head ends at `headEnd`, its body opens at `open` (-1: none, as Kotlin allows). */
function readRepositoryAt(a: CodeAnalyzer, head: number, open: number, headEnd: number, plain: boolean): (Repository & { plain?: boolean }) | undefined {
  const base = baseRepository(a, head, headEnd);
  if (!base) {
    return undefined;
  }
  const annotations = annotationsBefore(a, head);
  const methods = open > 0 ? declaredMethods(a, open) : new Map<string, RepositoryMethod>();
  const scanAnnotated = annotations.some((name) => role(a, name) === 'scan' || role(a, name) === 'scan-count') || [...methods.values()].some((method) => method.scan);
  if (base.role !== 'dynamodb-base' && !scanAnnotated && !plain) {
    return undefined;
  }
  const entityName = base.entity >= 0 && !a.is(base.entity + 1, '.') ? a.id(base.entity) : undefined;
  const bare = base.role !== 'dynamodb-base' && !scanAnnotated;
  return { scan: annotations.some((name) => role(a, name) === 'scan'), entityName, methods, ...(bare ? { plain } : {}) };
}

/** The `interface` keyword of the declaration whose body opens at `open`, or -1 for a class, enum or record. */
function interfaceKeyword(a: CodeAnalyzer, open: number): number {
  for (let k = open - 1; k >= 0 && k >= open - MAX_HEAD; k--) {
    if (a.idIs(k, 'interface') && !a.is(k - 1, '@')) {
      return k;
    }
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.idIs(k, 'class')) {
      return -1;
    }
  }
  return -1;
}

/** How many tokens a repository interface's head may span (`interface X extends A<B, C>, D<E>`), at most. */
const MAX_HEAD = 64;

/** The first interface named after `extends` (Kotlin: `:`) that is a Spring Data or library repository, and its first type argument. */
function baseRepository(a: CodeAnalyzer, keyword: number, open: number): { role: Role; entity: number } | undefined {
  let extendsAt = -1;
  for (let k = keyword + 2; k < open; k++) {
    if (a.idIs(k, 'extends') || (a.language.id === 'kotlin' && a.is(k, ':'))) {
      extendsAt = k;
      break;
    }
  }
  for (let k = extendsAt + 1; extendsAt > 0 && k < open; k++) {
    const found = role(a, a.id(k));
    if ((found === 'base' || found === 'dynamodb-base') && !a.isAccess(k - 1) && !a.isAccess(k + 1)) {
      return { role: found, entity: a.is(k + 1, '<') ? k + 2 : -1 };
    }
  }
  return undefined;
}

/** Modifiers that may stand between a declaration's annotations and its keyword or type. */
const MODIFIERS = new Set(['public', 'protected', 'private', 'abstract', 'static', 'default', 'final', 'sealed', 'data', 'open', 'internal']);

/** The simple names of the annotations written before the token at `at` (`@EnableScan public interface`). */
function annotationsBefore(a: CodeAnalyzer, at: number): string[] {
  const names: string[] = [];
  let k = at - 1;
  while (k >= 0) {
    const id = a.id(k);
    if (id && MODIFIERS.has(id)) {
      k--;
    } else if (id && a.is(k - 1, '@')) {
      names.push(id);
      k -= 2;
    } else if (a.is(k, ')') && a.partner[k] > 1 && a.isId(a.partner[k] - 1) && a.is(a.partner[k] - 2, '@')) {
      names.push(a.tokens.text(a.partner[k] - 1));
      k = a.partner[k] - 3;
    } else {
      break;
    }
  }
  return names;
}

/** The methods declared without a body in the interface body that opens at `open`, with their annotations. */
function declaredMethods(a: CodeAnalyzer, open: number): Map<string, RepositoryMethod> {
  const methods = new Map<string, RepositoryMethod>();
  const close = a.partner[open];
  let scan = false;
  for (let k = open + 1; k < close && k > 0; k = a.skipGroup(k)) {
    if (a.is(k, '@') && a.isId(k + 1)) {
      k = annotationNameAt(a, k);
      scan ||= role(a, a.tokens.text(k)) === 'scan';
      continue;
    }
    if (a.is(k, ';') || a.is(k, '}')) {
      scan = false;
      continue;
    }
    if (a.isId(k) && a.is(k + 1, '(')) {
      const paren = a.partner[k + 1];
      if (paren > 0 && (a.is(paren + 1, ';') || (a.idIs(k - 1, 'fun') && !kotlinFunctionHasBody(a, paren)))) {
        const optionalOf = optionalReturned(a, k);
        methods.set(a.tokens.text(k), { scan, parameters: argumentCount(a, k + 1), ...(optionalOf !== undefined ? { optionalOf } : {}) });
      }
      scan = false;
    }
  }
  return methods;
}

/** The entity a Java method named at `name` returns in an Optional: `X` of `Optional<X> findByCode(...)`. */
function optionalReturned(a: CodeAnalyzer, name: number): string | undefined {
  return a.is(name - 1, '>') && a.isId(name - 2) && a.is(name - 3, '<') && a.idIs(name - 4, 'Optional') ? a.tokens.text(name - 2) : undefined;
}

/** How many arguments or parameters the group that opens at `open` holds. */
function argumentCount(a: CodeAnalyzer, open: number): number {
  const close = a.partner[open];
  if (close === open + 1) {
    return 0;
  }
  let count = 1;
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    // Type arguments are not groups: `Map<String, Object> filter` is one parameter.
    if (a.is(k, ',') && !insideTypeArguments(a, open, k)) {
      count++;
    }
  }
  return count;
}

/** Whether the comma at `comma` sits between an unclosed `<` and the group's start. */
function insideTypeArguments(a: CodeAnalyzer, open: number, comma: number): boolean {
  let depth = 0;
  for (let k = comma - 1; k > open; k = a.is(k, ')') ? a.partner[k] - 1 : k - 1) {
    if (a.is(k, '>')) {
      depth--;
    } else if (a.is(k, '>>')) {
      depth -= 2;
    } else if (a.is(k, '<')) {
      depth++;
    } else if (a.is(k, ',') && depth === 0) {
      return false;
    }
    if (depth > 0) {
      return true;
    }
  }
  return false;
}

/** What a call on a repository does, by the methods the library implements itself. */
const SCANNING_METHODS = new Set(['findAll', 'count', 'deleteAll']);
/** The one-argument methods on one item, and what each sends. */
const ITEM_METHODS: Readonly<Record<string, readonly string[]>> = {
  findById: ['dynamodb:GetItem'],
  existsById: ['dynamodb:GetItem'],
  findOne: ['dynamodb:GetItem'],
  exists: ['dynamodb:GetItem'],
  delete: ['dynamodb:DeleteItem'],
  deleteById: ['dynamodb:GetItem', 'dynamodb:DeleteItem'],
};
/** The one-argument methods on many items: always (`saveAll`), or when given a collection (4.x `save(list)`). */
const BATCH_METHODS: Readonly<Record<string, string>> = { saveAll: 'dynamodb:BatchWriteItem', deleteAll: 'dynamodb:BatchWriteItem', findAllById: 'dynamodb:BatchGetItem' };
const COLLECTION_BATCHES: Readonly<Record<string, string>> = { save: 'dynamodb:BatchWriteItem', delete: 'dynamodb:BatchWriteItem', findAll: 'dynamodb:BatchGetItem' };

/**
 * `orderRepository.findAll()` on a Spring Data DynamoDB repository of the file: the operation it sends, with its
 * hover, and for a derived query that scans, its filter. Returns whether the receiver is such a repository.
 */
export function springRepositoryCall(a: CodeAnalyzer, nameIndex: number, classScope: number, receiverStart: number): boolean {
  const repository = repositoryOf(a, classScope);
  if (!repository) {
    return false;
  }
  repositoryCall(a, nameIndex, repository, receiverStart);
  return true;
}

/** The same call on a repository interface another file of the workspace declares (`workspace/springRepositories.ts`). */
export function projectRepositoryCall(a: CodeAnalyzer, nameIndex: number, shape: SpringRepositoryShape, receiverStart: number): void {
  repositoryCall(a, nameIndex, repositoryOfShape(shape), receiverStart);
}

/** A repository interface another file declares, as the workspace tells it. */
function repositoryOfShape(shape: SpringRepositoryShape): Repository {
  return { scan: shape.scan, entityName: shape.entity, entityCandidates: shape.entityCandidates, methods: new Map(Object.entries(shape.methods)) };
}

/**
 * `ids.forEach(repository::save)`, `ids.stream().map(repository::findById)`: a one-item method handed on by reference,
 * which the stream or loop calls with each element alone; a call per element where it iterates, for the per-element loop.
 */
export function repositoryReference(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, perElement: boolean): boolean {
  const repository =
    receiver?.t === 'springRepository' ? repositoryOfShape(receiver.shape) : receiver?.t === 'instance' && !receiver.classObject ? repositoryOf(a, receiver.classScope) : undefined;
  if (!repository) {
    return false;
  }
  const method = a.tokens.text(nameIndex);
  const name = a.tokenSpan(nameIndex);
  const entity = repository.entityName;
  if (method === 'save') {
    const plain = entity !== undefined && !mayBeVersioned(a, entity) ? { plainWrite: true } : {};
    a.addOperation({ operation: 'dynamodb:PutItem', name, call: perElement, paginated: false, tokenIndex: nameIndex, loopOnly: true, ...plain });
    return true;
  }
  for (const operation of Object.hasOwn(ITEM_METHODS, method) ? ITEM_METHODS[method] : []) {
    a.addOperation({ operation, name, call: perElement, paginated: false, tokenIndex: nameIndex });
  }
  // A derived query of one parameter (`gameRepository::findGameByAppid`) takes the element as it.
  const declared = repository.methods.get(method);
  if (declared && declared.parameters === 1 && entity !== undefined && !Object.hasOwn(ITEM_METHODS, method)) {
    derivedQuery(a, nameIndex, method, repository, declared);
  }
  return true;
}

function repositoryCall(a: CodeAnalyzer, nameIndex: number, repository: Repository, receiverStart: number): void {
  const open = nameIndex + 1;
  const close = a.partner[open];
  if (close < 0 || isStubbedCall(a, receiverStart, close)) {
    return;
  }
  const method = a.tokens.text(nameIndex);
  const name = a.tokenSpan(nameIndex);
  const argumentsGiven = argumentCount(a, open);
  if (SCANNING_METHODS.has(method) && argumentsGiven === 0) {
    if (scanEnabled(repository, method) && (method !== 'deleteAll' || scanEnabled(repository, 'findAll'))) {
      // The mapper's scan list fetches the following pages as it is read, and its count reads them all.
      a.addOperation({ operation: 'dynamodb:Scan', name, call: true, paginated: true, tokenIndex: nameIndex });
    }
    return;
  }
  if (argumentsGiven === 1) {
    const batch = Object.hasOwn(BATCH_METHODS, method) ? BATCH_METHODS[method] : Object.hasOwn(COLLECTION_BATCHES, method) && collectionArgument(a, open) ? COLLECTION_BATCHES[method] : undefined;
    if (batch) {
      // The mapper's batches resend what DynamoDB leaves unprocessed: a hover, never a finding.
      a.addOperation({ operation: batch, name, call: false, paginated: false, tokenIndex: nameIndex });
      return;
    }
    // The mapper makes a write conditional through its entity's version attribute: only an entity seen without one is plain.
    const entity = repository.entityName;
    const writes = method === 'save' || (Object.hasOwn(ITEM_METHODS, method) && ITEM_METHODS[method].includes('dynamodb:DeleteItem'));
    const plain = writes && entity !== undefined && plainArguments(a, open, close, 1) && !mayBeVersioned(a, entity) ? { plainWrite: true } : {};
    // A load's entity, for read-modify-write: `var order = repository.findById(id).orElseThrow()` declares no class.
    const loaded = entity !== undefined && !writes ? { objectType: entity } : {};
    for (const operation of Object.hasOwn(ITEM_METHODS, method) ? ITEM_METHODS[method] : []) {
      a.addOperation({ operation, name, call: true, paginated: false, tokenIndex: nameIndex, ...(operation === 'dynamodb:DeleteItem' ? plain : loaded) });
    }
    if (method === 'save') {
      // One item's save, for the per-element loop and a read-modify-write only: `saveAll` takes many through the mapper's `batchSave`.
      a.addOperation({ operation: 'dynamodb:PutItem', name, call: true, paginated: false, tokenIndex: nameIndex, loopOnly: true, rewritesObject: true, ...plain });
      return;
    }
    if (Object.hasOwn(ITEM_METHODS, method)) {
      return;
    }
  }
  const declared = repository.methods.get(method);
  if (declared && declared.parameters === argumentsGiven && repository.entityName !== undefined) {
    derivedQuery(a, nameIndex, method, repository, declared);
  }
}

/** Whether a no-argument method may scan: `@EnableScan` on the interface or on its redeclaration there. */
function scanEnabled(repository: Repository, method: string): boolean {
  const declared = repository.methods.get(method);
  return repository.scan || (declared !== undefined && declared.parameters === 0 && declared.scan);
}

/** `findByStatus(status)`: the operation the query derived from the name sends, when the entity's keys tell it. */
function derivedQuery(a: CodeAnalyzer, nameIndex: number, method: string, repository: Repository, declared: RepositoryMethod): void {
  const criteria = derivedCriteria(method);
  const entity = criteria && repository.entityName !== undefined ? entityNamed(a, repository.entityName, repository.entityCandidates) : undefined;
  if (!criteria || !entity) {
    return;
  }
  const properties: string[] = [];
  for (const part of criteria.parts) {
    const property = propertyOf(entity.properties, part);
    if (!property) {
      return;
    }
    properties.push(property.name);
    if (property.operator !== '' && entity.keys.has(property.name)) {
      // A key compared otherwise than by equality: which request the library builds depends on more than the name.
      return;
    }
  }
  const name = a.tokenSpan(nameIndex);
  const keys = properties.filter((property) => entity.keys.has(property));
  if (keys.length === 0) {
    if (!criteria.sorted && (repository.scan || declared.scan)) {
      // The conditions go to the Scan as its (legacy) ScanFilter; the scan list reads every page.
      const request = inTestCode(a, nameIndex) ? undefined : { kind: 'sdk' as const, type: 'dynamodb:Scan', options: [positionalOption(a, nameIndex, nameIndex, 'ScanFilter')], complete: false, anchor: name };
      if (request) {
        a.contexts.push(request);
      }
      // A finder that returns one entity in an Optional reads it for a read-modify-write, as `findById` does.
      const loaded = declared.optionalOf !== undefined && declared.optionalOf === repository.entityName ? { objectType: declared.optionalOf } : {};
      a.addOperation({ operation: 'dynamodb:Scan', name, call: true, paginated: true, tokenIndex: nameIndex, ...(request ? { request } : {}), ...loaded });
    }
    return;
  }
  if (properties.length !== 1) {
    return;
  }
  const key = entity.keys.get(properties[0]);
  if (key === 'hash' && !entity.hasRange) {
    a.addOperation({ operation: 'dynamodb:GetItem', name, call: true, paginated: false, tokenIndex: nameIndex });
  } else if ((key === 'hash' && entity.hasRange) || key === 'index-hash') {
    // The mapper's query list fetches the following pages as it is read.
    a.addOperation({ operation: 'dynamodb:Query', name, call: true, paginated: true, tokenIndex: nameIndex });
  }
}

type KeyRole = 'hash' | 'range' | 'index-hash' | 'index-range' | 'id';

/** The DynamoDBMapper annotations that make a property part of the table's or an index's key, and Spring Data's `@Id`. */
const KEY_ANNOTATIONS: Record<string, KeyRole> = {
  DynamoDBHashKey: 'hash',
  DynamoDBRangeKey: 'range',
  DynamoDBIndexHashKey: 'index-hash',
  DynamoDBIndexRangeKey: 'index-range',
  Id: 'id',
};

interface Entity {
  /** Property names: the fields of the class, and the properties its getters read. */
  properties: Set<string>;
  keys: Map<string, KeyRole>;
  hasRange: boolean;
}

const entities = new FileMemo<number, Entity | null>();

/**
 * The entity class of that simple name: the file's own, else the one another file of the workspace declares, looked
 * for by the qualified names the name stands for (in the repository's file when it is another's).
 */
function entityNamed(a: CodeAnalyzer, name: string, candidates?: readonly string[]): Entity | undefined {
  const classScope = a.scopes.classNamed(name);
  if (classScope > 0) {
    return entityOf(a, classScope);
  }
  const shape = firstFound(candidates ?? qualifiedCandidates(a, 'java', name), (candidate) => a.project?.springEntity?.(candidate));
  return shape ? { properties: new Set(shape.properties), keys: new Map(Object.entries(shape.keys)), hasRange: shape.hasRange } : undefined;
}

/** The properties and key properties of the entity class at `classScope`, read from its fields and getters. */
function entityOf(a: CodeAnalyzer, classScope: number): Entity | undefined {
  const open = a.scopes.start(classScope);
  // A class that extends another may inherit key properties (or getters that make one a key) the name cannot be read against;
  // Kotlin writes its interfaces in the same list, told apart by the superclass's constructor call.
  const kotlin = a.language.id === 'kotlin' ? kotlinHeadBefore(a, open) : undefined;
  const extended = kotlin ? kotlin.extendsClass : a.outsideBases.has(classScope) || a.scopes.baseOf(classScope) > 0;
  return extended ? undefined : (entities.get(a, classScope, () => readEntity(a, open, kotlin?.constructor ?? -1) ?? null) ?? undefined);
}

/** The entity a class declares in its body at `open` and, in Kotlin, in its primary constructor at `constructor` (either may be -1). */
function readEntity(a: CodeAnalyzer, open: number, constructor: number): Entity | undefined {
  const entity: Entity = { properties: new Set(), keys: new Map(), hasRange: false };
  for (const start of [constructor, open]) {
    if (start > 0 && a.partner[start] > start) {
      readMembers(a, start, entity);
    }
  }
  // A composite `@Id` holds the hash and range key, which the name cannot show unless getters carry their annotations.
  return [...entity.keys.values()].includes('id') && ![...entity.keys.values()].includes('hash') ? undefined : entity;
}

/** The properties, and the keys among them, that the members of the group opening at `open` declare. */
function readMembers(a: CodeAnalyzer, open: number, entity: Entity): void {
  const close = a.partner[open];
  const kotlin = a.language.id === 'kotlin';
  let key: KeyRole | undefined;
  for (let k = open + 1; k < close && k > 0; k = a.skipGroup(k)) {
    if (a.is(k, '@') && a.isId(k + 1)) {
      k = annotationNameAt(a, k);
      // The mapper's key annotation says which key a Spring Data `@Id` written before it on the same property is.
      const role = KEY_ANNOTATIONS[a.tokens.text(k)];
      key = key === undefined || (key === 'id' && role !== undefined) ? role : key;
      continue;
    }
    const property = a.isId(k) ? ((kotlin ? kotlinProperty(a, k) : undefined) ?? memberProperty(a, k)) : undefined;
    if (property !== undefined) {
      entity.properties.add(property);
      if (key) {
        // A property annotated on its field and on its getter keeps the first role written.
        if (!entity.keys.has(property)) {
          entity.keys.set(property, key);
        }
        entity.hasRange ||= key === 'range';
      }
    }
    // A constructor's parameters end at their commas.
    if (property !== undefined || a.is(k, ';') || a.is(k, '{') || a.is(k, '}') || a.is(k, ',')) {
      key = undefined;
    }
  }
}

/** The property a class member at `k` declares: a field (`String status;`, `String status = "NEW";`) or a getter (`getStatus()`, `isActive()`). */
function memberProperty(a: CodeAnalyzer, k: number): string | undefined {
  const name = a.tokens.text(k);
  if ((a.is(k + 1, ';') || a.is(k + 1, '=')) && (a.isId(k - 1) || a.is(k - 1, '>') || a.is(k - 1, ']'))) {
    return name;
  }
  const getter = a.is(k + 1, '(') && a.partner[k + 1] === k + 2 ? /^(?:get|is)([A-Z]\w*)$/.exec(name) : null;
  // As java.beans.Introspector.decapitalize: `getPK()` reads the property `PK`, `getStatus()` reads `status`.
  return getter ? (/^[A-Z]{2}/.test(getter[1]) ? getter[1] : getter[1].charAt(0).toLowerCase() + getter[1].slice(1)) : undefined;
}

/**
 * The Spring Data DynamoDB repository interfaces a file declares, as other files read them (its imports must be
 * collected): by simple name.
 */
export function repositoryShapes(a: CodeAnalyzer): Record<string, SpringRepositoryShape> | undefined {
  let shapes: Record<string, SpringRepositoryShape> | undefined;
  const declaredIn = packageOf(a);
  for (const { name, keyword, open, headEnd } of declarations(a, 'interface')) {
    const repository = readRepositoryAt(a, keyword, open, headEnd, declaredIn.package !== undefined);
    if (repository) {
      shapes ??= {};
      const entity = repository.entityName;
      const named = entity !== undefined ? { entity, entityCandidates: qualifiedCandidates(a, 'java', entity) } : {};
      const plain = repository.plain ? { needsEnabling: true } : {};
      shapes[name] = { scan: repository.scan, ...named, methods: Object.fromEntries(repository.methods), ...declaredIn, ...plain };
    }
  }
  return shapes;
}

const packageOf = (a: CodeAnalyzer): { package?: string } => (ownContainer(a, 'java') ? { package: ownContainer(a, 'java') } : {});

/** The DynamoDBMapper entity classes (`@DynamoDBTable`) a file declares, by simple name; one that extends another is left out. */
export function entityShapes(a: CodeAnalyzer): Record<string, SpringEntityShape> | undefined {
  let shapes: Record<string, SpringEntityShape> | undefined;
  for (const { name, keyword, open, constructor, extendsClass } of declarations(a, 'class')) {
    const entity = annotationsBefore(a, keyword).includes('DynamoDBTable') && !extendsClass ? readEntity(a, open, constructor) : undefined;
    if (entity) {
      shapes ??= {};
      shapes[name] = { properties: [...entity.properties], keys: Object.fromEntries(entity.keys), hasRange: entity.hasRange, ...packageOf(a) };
    }
  }
  return shapes;
}

/** How many declarations of a file the index reads, at most. */
const MAX_DECLARATIONS = 32;

interface Declaration {
  name: string;
  keyword: number;
  /** The body's `{`; -1 for a Kotlin declaration that has none. */
  open: number;
  /** The token that ends the head: the body's `{`, or what follows a Kotlin declaration without one. */
  headEnd: number;
  /** A Kotlin class's primary constructor `(`, or -1. */
  constructor: number;
  extendsClass: boolean;
}

/** Each `interface` or `class` a file declares. */
function declarations(a: CodeAnalyzer, keyword: 'interface' | 'class'): Declaration[] {
  const found: Declaration[] = [];
  for (let k = 0; k + 2 < a.tokens.length && found.length < MAX_DECLARATIONS; k++) {
    if (!a.idIs(k, keyword) || a.is(k - 1, '@') || a.isAccess(k - 1) || !a.isId(k + 1)) {
      continue;
    }
    const name = a.tokens.text(k + 1);
    if (a.language.id === 'kotlin') {
      const head = kotlinHead(a, k);
      if (head) {
        found.push({ name, keyword: k, open: head.body, headEnd: head.end, constructor: head.constructor, extendsClass: head.extendsClass });
      }
      continue;
    }
    let open = k + 2;
    while (open < a.tokens.length && open < k + MAX_HEAD && !a.is(open, '{') && !a.is(open, ';')) {
      open++;
    }
    if (a.is(open, '{') && a.partner[open] > open) {
      found.push({ name, keyword: k, open, headEnd: open, constructor: -1, extendsClass: extendsClass(a, k, open) });
    }
  }
  return found;
}

function extendsClass(a: CodeAnalyzer, keyword: number, open: number): boolean {
  for (let k = keyword + 2; k < open; k++) {
    if (a.idIs(k, 'extends')) {
      return true;
    }
  }
  return false;
}
