/**
 * Spring Data DynamoDB (`org.socialsignin.spring.data.dynamodb`, published as `io.github.boostchicken` and
 * `com.github.derjust`): a repository interface (`@EnableScan interface OrderRepository extends
 * CrudRepository<Order, String>`) that a service holds in a field or parameter, declared in the file or, in
 * workspace mode, in another (`workspace/springRepositories.ts`). What each call sends, as the
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
 *   `dynamodb-read-modify-write`: either request writes back every attribute of the entity a `findById` loaded and the
 *   code changed, with no condition unless the entity has a version attribute.
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
  if (head < 0) {
    return undefined;
  }
  const base = baseRepository(a, head, open);
  if (!base) {
    return undefined;
  }
  const annotations = annotationsBefore(a, head);
  const methods = declaredMethods(a, open);
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

/** The first interface named after `extends` that is a Spring Data or library repository, and its first type argument. */
function baseRepository(a: CodeAnalyzer, keyword: number, open: number): { role: Role; entity: number } | undefined {
  let extendsAt = -1;
  for (let k = keyword + 2; k < open; k++) {
    if (a.idIs(k, 'extends')) {
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
const MODIFIERS = new Set(['public', 'protected', 'private', 'abstract', 'static', 'default', 'final', 'sealed']);

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
      scan ||= role(a, a.tokens.text(k + 1)) === 'scan';
      k++;
      continue;
    }
    if (a.is(k, ';') || a.is(k, '}')) {
      scan = false;
      continue;
    }
    if (a.isId(k) && a.is(k + 1, '(')) {
      const paren = a.partner[k + 1];
      if (paren > 0 && a.is(paren + 1, ';')) {
        methods.set(a.tokens.text(k), { scan, parameters: argumentCount(a, k + 1) });
      }
      scan = false;
    }
  }
  return methods;
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
    const property = propertyOf(entity, part);
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
      a.addOperation({ operation: 'dynamodb:Scan', name, call: true, paginated: true, tokenIndex: nameIndex, ...(request ? { request } : {}) });
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

interface Criteria {
  parts: string[];
  /** `OrderBy`: the library refuses to sort a Scan. */
  sorted: boolean;
}

/**
 * Spring Data's subjects of a query method that reads (PartTree): `find…By`, `findFirst10By`, `streamAllBy`. Counting,
 * `exists` and deleting queries are left alone: they run under other permissions (`@EnableScanCount`) and executions.
 */
const DERIVED = /^(?:find|read|get|query|search|stream)(?:[A-Z]\w*?)?By(?=[A-Z])(.*)$/;

/** The predicate parts of a derived query's name, or undefined for a name the library does not read as one it can run. */
function derivedCriteria(method: string): Criteria | undefined {
  const match = DERIVED.exec(method);
  if (!match) {
    return undefined;
  }
  const orderBy = match[1].search(/OrderBy(?=[A-Z])/);
  const predicate = orderBy >= 0 ? match[1].slice(0, orderBy) : match[1];
  // The library supports no `Or`.
  if (/Or(?=[A-Z])/.test(predicate) || predicate === '') {
    return undefined;
  }
  return { parts: predicate.replace(/AllIgnor(?:e|ing)Case$/, '').split(/And(?=[A-Z])/), sorted: orderBy >= 0 };
}

/** Spring Data's comparison keywords after a property (PartTree's Part.Type), with an optional `IgnoreCase`. */
const OPERATORS = new Set([
  '', 'Is', 'Equals', 'Not', 'IsNot', 'IsNull', 'Null', 'IsNotNull', 'NotNull', 'LessThan', 'IsLessThan', 'LessThanEqual',
  'IsLessThanEqual', 'GreaterThan', 'IsGreaterThan', 'GreaterThanEqual', 'IsGreaterThanEqual', 'Before', 'IsBefore', 'After',
  'IsAfter', 'Like', 'IsLike', 'NotLike', 'IsNotLike', 'StartingWith', 'IsStartingWith', 'StartsWith', 'EndingWith',
  'IsEndingWith', 'EndsWith', 'Containing', 'IsContaining', 'Contains', 'NotContaining', 'IsNotContaining', 'NotContains',
  'In', 'IsIn', 'NotIn', 'IsNotIn', 'Between', 'IsBetween', 'True', 'IsTrue', 'False', 'IsFalse', 'Empty', 'IsEmpty',
  'NotEmpty', 'IsNotEmpty', 'Exists',
]);
const EQUALITY = new Set(['', 'Is', 'Equals']);

/** The entity property a predicate part names (`StatusIn` is `status`), and its operator (`''` for equality). */
function propertyOf(entity: Entity, part: string): { name: string; operator: string } | undefined {
  const bare = part.replace(/Ignor(?:e|ing)Case$/, '');
  let best: { name: string; operator: string } | undefined;
  for (const property of entity.properties) {
    const capitalised = property.charAt(0).toUpperCase() + property.slice(1);
    const rest = bare.startsWith(capitalised) ? bare.slice(capitalised.length) : undefined;
    if (rest !== undefined && OPERATORS.has(rest) && (!best || property.length > best.name.length)) {
      best = { name: property, operator: EQUALITY.has(rest) ? '' : rest };
    }
  }
  return best;
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
  // A class that extends another may inherit key properties (or getters that make one a key) the name cannot be read against.
  const extended = a.outsideBases.has(classScope) || a.scopes.baseOf(classScope) > 0;
  return extended ? undefined : (entities.get(a, classScope, () => readEntity(a, a.scopes.start(classScope)) ?? null) ?? undefined);
}

function readEntity(a: CodeAnalyzer, open: number): Entity | undefined {
  const close = a.partner[open];
  if (close < 0) {
    return undefined;
  }
  const entity: Entity = { properties: new Set(), keys: new Map(), hasRange: false };
  let key: KeyRole | undefined;
  for (let k = open + 1; k < close && k > 0; k = a.skipGroup(k)) {
    if (a.is(k, '@') && a.isId(k + 1)) {
      key ??= KEY_ANNOTATIONS[a.tokens.text(k + 1)];
      k++;
      continue;
    }
    const property = a.isId(k) ? memberProperty(a, k) : undefined;
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
    if (property !== undefined || a.is(k, ';') || a.is(k, '{') || a.is(k, '}')) {
      key = undefined;
    }
  }
  // A composite `@Id` holds the hash and range key, which the name cannot show unless getters carry their annotations.
  return [...entity.keys.values()].includes('id') && ![...entity.keys.values()].includes('hash') ? undefined : entity;
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
  for (const [name, open] of declarations(a, 'interface')) {
    const repository = readRepository(a, open, declaredIn.package !== undefined);
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
  for (const [name, open, keyword] of declarations(a, 'class')) {
    const entity = annotationsBefore(a, keyword).includes('DynamoDBTable') && !extendsClass(a, keyword, open) ? readEntity(a, open) : undefined;
    if (entity) {
      shapes ??= {};
      shapes[name] = { properties: [...entity.properties], keys: Object.fromEntries(entity.keys), hasRange: entity.hasRange, ...packageOf(a) };
    }
  }
  return shapes;
}

/** How many declarations of a file the index reads, at most. */
const MAX_DECLARATIONS = 32;

/** `[name, body open, keyword]` of each `interface` or `class` a file declares. */
function declarations(a: CodeAnalyzer, keyword: 'interface' | 'class'): [string, number, number][] {
  const found: [string, number, number][] = [];
  for (let k = 0; k + 2 < a.tokens.length && found.length < MAX_DECLARATIONS; k++) {
    if (!a.idIs(k, keyword) || a.is(k - 1, '@') || a.isAccess(k - 1) || !a.isId(k + 1)) {
      continue;
    }
    let open = k + 2;
    while (open < a.tokens.length && open < k + MAX_HEAD && !a.is(open, '{') && !a.is(open, ';')) {
      open++;
    }
    if (a.is(open, '{') && a.partner[open] > open) {
      found.push([a.tokens.text(k + 1), open, k]);
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
