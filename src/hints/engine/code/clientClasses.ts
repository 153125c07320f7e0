/**
 * Classes of the file that extend a client class (`class CacheConnection extends Redis`, `extends
 * DynamoDB.DocumentClient`) or a DynamoDB library's mapper (`extends DataMapper`): an instance, `this` and
 * `super` are that client or mapper wherever the class does not define the member itself (and a class that
 * extends a workspace class has that class's client fields), and the arguments of `super(...)` in its
 * constructor, or of `new` on a class with no constructor of its own, are the client's options.
 */
import { RedisFlavor } from '../model';
import { REDIS_COMMANDS } from '../services';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { cdkSubclassConstruction } from './cdkSubclasses';
import { inheritedClassField } from './languages/baseClassFields';
import { FileMemo } from './fileMemo';
import { delegatedClient } from './languages/pythonProxies';
import { importedClassField, importedClassMethod, importedFieldOfUnknownOrigin } from './projectImports';
import { protocolInstance } from './protocolTypes';
import { redisClientOptions } from './redisOptions';
import { isOrmObject, OrmObject } from './languages/ormObjects';
import { memberOfClient, Value } from './values';
import { closeAngle } from './typeArguments';

/** How far up a chain of same-file base classes the client class is looked for (as the scope tree does). */
const MAX_BASE_DEPTH = 8;

/** Where the base that the outermost same-file base of a class extends is named (`Redis` in `extends Redis`), or undefined. */
export function outsideBase(a: CodeAnalyzer, classScope: number): number | undefined {
  if (classScope <= 0) {
    return undefined;
  }
  let scope = classScope;
  for (let depth = 0; depth < MAX_BASE_DEPTH && a.scopes.baseOf(scope) > 0; depth++) {
    scope = a.scopes.baseOf(scope);
  }
  return a.outsideBases.get(scope);
}

/**
 * The classes whose base is being read, per analysis: a base written through the instance itself (a class
 * declared in a method, `class AutoFilterSet(self.filterset_base):`, whose `self` the base reads as the class's
 * own) would otherwise read its own members for ever.
 */
const basesInReading = new WeakMap<CodeAnalyzer, Set<number>>();
const libraryBases = new FileMemo<number, Value | null>();

/**
 * The library object a class of the file is by inheritance: the client type (`Redis`, `DynamoDB.DocumentClient`)
 * or the DynamoDB library's mapper or model (`DataMapper`: `ormObjects.ts`) that its outermost same-file base
 * extends, or undefined. Only a class with a base the file does not declare reads its type.
 */
export function libraryClass(a: CodeAnalyzer, classScope: number): Value | undefined {
  const token = outsideBase(a, classScope);
  let reading = basesInReading.get(a);
  if (token === undefined || reading?.has(classScope)) {
    return undefined;
  }
  if (!reading) {
    reading = new Set();
    basesInReading.set(a, reading);
  }
  reading.add(classScope);
  try {
    // Read once per class: every `this.x` of a class with an outside base (`extends cdk.Stack`) asks.
    return (
      libraryBases.get(a, classScope, () => {
        for (const base of baseListNames(a, token)) {
          const value = a.language.typeValue(a, base);
          if (value?.t === 'client' || isOrmObject(value)) {
            return value;
          }
        }
        return null;
      }) ?? undefined
    );
  } finally {
    reading.delete(classScope);
  }
}

/** How many names of a C# base list are read: more than real classes list. */
const MAX_BASE_LIST = 8;

/**
 * Where the names of a base list start, from the first (`token`): only it in most languages; in C#, whose one list
 * names the base class and the interfaces alike, each of them (`interface IRedisContext : IDisposable, IDatabase`).
 */
function baseListNames(a: CodeAnalyzer, token: number): number[] {
  const names = [token];
  if (a.language.family !== 'csharp') {
    return names;
  }
  let k = token;
  while (names.length < MAX_BASE_LIST) {
    // Past the dotted name and its type arguments (`Shop.Data.IRepository<Order>`).
    while (a.isId(k) && a.isAccess(k + 1) && a.isId(k + 2)) {
      k += 2;
    }
    k = a.is(k + 1, '<') ? closeAngle(a, k + 1) + 1 : k + 1;
    if (k <= 0 || !a.is(k, ',') || !a.isId(k + 1)) {
      break;
    }
    k++;
    names.push(k);
  }
  return names;
}

/** The client a class of the file is by inheritance: the client type its outermost same-file base extends, or undefined. */
export function clientClass(a: CodeAnalyzer, classScope: number): (Value & { t: 'client' }) | undefined {
  const value = libraryClass(a, classScope);
  return value?.t === 'client' ? value : undefined;
}

/**
 * A member that an instance's class does not define: the client's member when the class extends a client
 * class (`cache.pipeline`), else, in workspace mode, the client field of a class it extends that another
 * module of the workspace exports (`this.client` in `class CacheSetService extends RedisClient`), or that
 * another Java or C# file declares (`this.dbClient` in `class OrderService extends DdbServiceBase`).
 */
export function inheritedMember(a: CodeAnalyzer, instance: Value & { t: 'instance' }, name: string): Value | undefined {
  if (instance.classObject) {
    return undefined;
  }
  const library = libraryClass(a, instance.classScope);
  if (isOrmObject(library)) {
    // `this.scan` of a `DataMapper` subclass: the mapper's member, which its calls are read as (`dynamoOrms.ts`).
    return { t: 'ref', module: library.module, path: `${library.path}.${name}` };
  }
  const client = (library?.t === 'client' ? library : undefined) ?? delegatedClient(a, instance.classScope);
  return client ? memberOfClient(client, name) : (importedBaseField(a, instance.classScope, name) ?? inheritedClassField(a, instance.classScope, name));
}

/**
 * `extends RedisClient` or `(base.BaseRepository)`, where the file imports the name from a workspace module: that
 * class's client field, or its method that returns a client (`self._get_table()`).
 */
function importedBaseField(a: CodeAnalyzer, classScope: number, field: string): Value | undefined {
  const base = importedBase(a, classScope);
  return base ? (importedClassField(a, base.module, base.path, field) ?? importedClassMethod(a, base.module, base.path, field)) : undefined;
}

/** `self.client` in a class whose workspace base class (of another module) sets it only from parameters of unknown value. */
export function inheritedFieldOfUnknownOrigin(a: CodeAnalyzer, classScope: number, field: string): boolean {
  const base = importedBase(a, classScope);
  return base !== undefined && importedFieldOfUnknownOrigin(a, base.module, base.path, field);
}

/** The module and name the outermost same-file base of a class extends, when the file imports it (`RedisClient`, `base.BaseRepository`). */
function importedBase(a: CodeAnalyzer, classScope: number): { module: string; path: string } | undefined {
  const token = a.project ? outsideBase(a, classScope) : undefined;
  const imported = token === undefined ? undefined : a.imports.get(a.tokens.text(token));
  if (!imported || token === undefined) {
    return undefined;
  }
  if (!a.is(token + 1, '.')) {
    return { module: imported.module, path: imported.path };
  }
  const member = a.id(token + 2);
  return member === undefined || a.is(token + 3, '.') ? undefined : { module: imported.module, path: imported.path === '' ? member : `${imported.path}.${member}` };
}

/**
 * An instance of a class of the file that extends a Redis client class (`class RedisClient(redis.StrictRedis)`,
 * returned by `configure_redis()`), as the client another file gets when it imports or is passed the instance:
 * only when the class defines none of the commands the rules read, since that file reads the client's own
 * methods and not the class's.
 */
/**
 * An instance of a Python class of the file whose `__getattr__` forwards to a client (`cache = Cache()`), as
 * another module that imports it reads it: that client, with the methods the class defines as its own.
 */
export function proxiedClient(a: CodeAnalyzer, value: Value): (Value & { t: 'client' }) | undefined {
  const client = value.t === 'instance' && !value.classObject ? delegatedClient(a, value.classScope) : undefined;
  return client && value.t === 'instance' ? { ...client, wrapper: a.scopes.memberNames(value.classScope).filter((name) => !name.startsWith('__')) } : undefined;
}

export function inheritedRedisClient(a: CodeAnalyzer, value: Value): (Value & { t: 'client' }) | undefined {
  if (value.t !== 'instance' || value.classObject) {
    return undefined;
  }
  const client = clientClass(a, value.classScope);
  const overrides = client?.kind === 'redis' && a.scopes.memberNames(value.classScope).some((name) => REDIS_COMMANDS.has(normalizeName(name)));
  return client?.kind === 'redis' && !overrides ? client : undefined;
}

/**
 * The receiver of `receiver.method(...)`: an instance of a class that extends a client class, or whose
 * `__getattr__` forwards to a client, is the client, unless the class defines the method.
 */
export function clientReceiver(a: CodeAnalyzer, value: Value | undefined, method: string): Value | undefined {
  if (value?.t === 'client' && value.wrapper?.includes(method)) {
    // Another module's wrapper instance (`from app.cache import cache`): its own method, not the client's command.
    return undefined;
  }
  if (protocolInstance(a, value)) {
    // A `typing.Protocol`'s instance is whatever fits it: its calls are read by their requests (`requestShapes.ts`).
    return undefined;
  }
  if (value?.t !== 'instance' || value.classObject || a.scopes.member(value.classScope, method)) {
    return value;
  }
  return libraryClass(a, value.classScope) ?? delegatedClient(a, value.classScope) ?? value;
}

/** Method names of the DynamoDB libraries' mappers and models that send a request: a subclass that defines one reads it as its own. */
const LIBRARY_REQUEST_METHODS = new Set([
  ...['get', 'put', 'update', 'upsert', 'patch', 'delete', 'remove', 'create', 'find', 'fetch', 'match', 'query', 'queryItems', 'scan', 'scanItems', 'parallelScan'],
  ...['executeUpdateExpression', 'batchGet', 'batchPut', 'batchDelete', 'batchWrite', 'transact'],
]);

/**
 * An instance of a class of the file that extends a DynamoDB library's mapper or model (`export const DbMapper =
 * new DataMapper({...})` where `class DataMapper extends DynamoDBDataMapper`), as another module that imports the
 * instance reads it: the library's object, only when the class defines none of the methods that send requests,
 * since that module reads them as the library's own.
 */
export function inheritedOrmObject(a: CodeAnalyzer, value: Value | undefined): OrmObject | undefined {
  if (value?.t !== 'instance' || value.classObject) {
    return undefined;
  }
  const library = libraryClass(a, value.classScope);
  return isOrmObject(library) && !a.scopes.memberNames(value.classScope).some((name) => LIBRARY_REQUEST_METHODS.has(name)) ? library : undefined;
}

/** A Redis client class (`class Cache extends Redis`, Python `class Cache(Redis)`): its flavor, or undefined. */
function redisClass(a: CodeAnalyzer, classScope: number): RedisFlavor | undefined {
  const client = clientClass(a, classScope);
  return client?.kind === 'redis' ? (client.flavor ?? (a.language.family === 'python' ? 'redis-py' : 'ioredis')) : undefined;
}

/**
 * `super(url, { tls: {...} })` in the constructor of a Redis client class, Python's `super().__init__(host=...,
 * ssl=True)`: the client's options. Returns whether it was one.
 */
export function superOptions(a: CodeAnalyzer, superIndex: number): boolean {
  const flavor = redisClass(a, a.scopes.enclosing(superIndex, ['class']));
  const open = a.language.family === 'python' ? pythonInitCall(a, superIndex) : superIndex + 1;
  if (flavor && open !== undefined) {
    redisClientOptions(a, open, flavor, a.language.family === 'python' ? 'Redis' : undefined);
  }
  return flavor !== undefined;
}

/** The `(` of `__init__(` in `super().__init__(...)`, whose arguments a Python subclass hands its base; undefined for another use of `super()`. */
function pythonInitCall(a: CodeAnalyzer, superIndex: number): number | undefined {
  const close = a.is(superIndex + 1, '(') ? a.partner[superIndex + 1] : -1;
  return close > 0 && a.isAccess(close + 1) && a.idIs(close + 2, '__init__') && a.is(close + 3, '(') ? close + 3 : undefined;
}

/** `new Cache(url, { ... })` of a Redis client class whose constructor is the client's own: the client's options. */
export function constructorOptions(a: CodeAnalyzer, classScope: number, open: number): void {
  if (cdkSubclassConstruction(a, classScope, open)) {
    return;
  }
  const flavor = redisClass(a, classScope);
  if (flavor && !a.scopes.member(classScope, 'constructor')) {
    redisClientOptions(a, open, flavor);
  }
}
