/**
 * Names a file imports from another module of the workspace that makes a client there at module level
 * (`from webapp import redis_connection`, `import { ddb } from '../lib/dynamo'`, `c.client` after
 * `import webapp.cache as c`): the workspace model says which client, and the name reads as that client
 * here. Imports are no scope bindings, so a local of the same name still hides the import. Outside
 * workspace mode nothing resolves. Where a relative import leads also tells a test double's, which gives
 * no client (`testDoubles.ts`).
 */
import type { BodyClient, YieldedClient, CallArguments, CdkClassShape, CdkInstantiation, CdkWrappedProps, ClientPassingCall, ExportedCall, ExportedClient, GoItemMethod, GoPackageDeclarations, GoPackageMembers, ItemHelper, ClassItemMethods, PynamodbClassKind, SpringEntityShape, SourceRef, SpringRepositoryShape, TableNameRef } from '../workspace/types';
import type { SettingDict } from '../workspace/pythonSettingDicts';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { inheritedOrmObject, inheritedRedisClient, proxiedClient } from './clientClasses';
import { FileMemo } from './fileMemo';
import { namedValue, tableNameRef } from './names';
import { goProjectMember } from './languages/goProject';
import { callArguments } from './parametrisedCalls';
import { isTestDoubleImport, mocksModule } from './testDoubles';
import { defaultExportPath, Value } from './values';
import { isOrmObject, OrmObject, uniqueIndexesOf } from './languages/ormObjects';
import { membersUnder, methodTuple } from './languages/baseClassFields';
import { isLayerModule } from '../workspace/lambdaLayers';

/** Workspace mode: the file as the workspace knows it. */
export interface ProjectContext {
  /** The file's workspace-relative path: where its relative imports lead. */
  file: string;
  /** What the workspace answers for this file's import: `module` as written, `path` the name read from it (`''`: the module itself). */
  importedClient(module: string, path: string): ExportedClient | undefined;
  /** The client method a function the module defines as `path` sends when called (a promisified method: `ExportedClient.sends`). */
  importedSender?(module: string, path: string): ExportedClient | undefined;
  /** The client library name the module passes on as `path` (`@aws-sdk/lib-dynamodb`'s `PutCommand`), if any. */
  importedName?(module: string, path: string): { module: string; name: string; uniqueIndexes?: readonly string[] } | undefined;
  /** The CDK class or interface the workspace answers for this file's import, as for `importedClient`. */
  importedCdkClass?(module: string, path: string): CdkClassShape | undefined;
  /** What a function the module defines (`path`; `''`: a JavaScript module that is one) gives when called with these strings, when a client. */
  importedCall?(module: string, path: string, args: CallArguments): ExportedCall | undefined;
  /**
   * What the function the module defines as `path` does with one table's items (returns a read item, puts its
   * parameter, checks that an item exists), or with `method`, that method of the class it defines as `path`.
   */
  importedItemHelper?(module: string, path: string, method?: string): ItemHelper | undefined;
  /** What `method` of the class NestJS providers bind to an injection token (`@IUserRepository`, `#USERS`; `nestProviders.ts`) does with one table's items. */
  providedItemHelper?(key: string, method: string): ItemHelper | undefined;
  /** Whether any module of the workspace may hold item helpers: none, and no call needs asking about. */
  itemHelpersExist?(): boolean;
  /** Whether the workspace's Django settings name a Redis cache backend and no other (`djangoCache.ts`): `cache.clear()` is FLUSHDB. */
  djangoRedisCaches?(): boolean;
  /** The Django cache facade's methods that a project's own backend or django-redis client class defines (`djangoCache.ts`). */
  djangoCacheOverrides?(): ReadonlySet<string>;
  /** The password members CDK modules that make RDS databases write in plain text (`workspace/cdkPasswordMembers.ts`). */
  cdkPasswordMembers?(): ReadonlySet<string> | undefined;
  /** Whether the workspace's C# code registers `IDistributedCache` on Redis and on no other store (`distributedCache.ts`). */
  redisDistributedCache?(): boolean;
  /** Whether the workspace's JavaScript and TypeScript code registers cache-manager on a Redis store and on no other (`cacheManagerCaches.ts`). */
  redisCacheManager?(): boolean;
  /** The password literal a Python module of the workspace binds to `path` at its top level, with where it is written. */
  importedSecret?(module: string, path: string): { value: string; at: SourceRef } | undefined;
  /** The literal password a Spring Boot configuration file of the workspace writes under a property key. */
  springSecret?(key: string): { value: string; at: SourceRef } | undefined;
  /** Every server the workspace's Spring configuration files write under a property key; undefined when one cannot be told. */
  springHostValues?(key: string): string[] | undefined;
  /** The prefix a `@ConfigurationProperties` class of the workspace binds. */
  springPropertyPrefix?(className: string): string | undefined;
  /** Whether the Lambda functions that run this file set an environment variable to an RDS endpoint's address (`DB_HOST: !GetAtt Db.Endpoint.Address`). */
  environmentIsRdsEndpoint?(variable: string): boolean;
  /** Whether those functions set it to the ARN or name of an RDS database's generated secret (`SECRET_ARN: db.secret.secretArn`). */
  environmentIsRdsSecret?(variable: string): boolean;
  /** The literal setting a JavaScript or TypeScript module exports under the dotted import path `path` (`config.database.public`), with where it is written. */
  importedSetting?(module: string, path: string): { value: boolean | number | string | null; at: SourceRef } | undefined;
  /** What a name another module binds says about a table's name (see WorkspaceView.importedTableName). */
  importedTableName?(module: string, path: string): TableNameRef | undefined;
  /** A dict of settings another module binds (see WorkspaceView.importedDict). */
  importedDict?(module: string, path: string): { value: SettingDict; at: SourceRef } | undefined;
  /** The client fields of a class the module exports as `path`, for a subclass of it in this file. */
  importedClassFields?(module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined;
  /** The client `method` of what the module's `path` makes (its class's instance, or its factory's result) makes in its body on each call (see WorkspaceView.importedMethodClient). */
  importedMethodClient?(module: string, path: string, method: string): BodyClient['bodyClient'] | undefined;
  /** The fields of that class its methods set only from parameters of unknown value (see `requestShapes.ts`). */
  importedClassUnknownFields?(module: string, path: string): readonly string[] | undefined;
  /** The client fields a Java or C# class of the workspace lends its subclasses, by language and qualified name (`classKey`). */
  classFields?(key: string): Readonly<Record<string, ExportedClient>> | undefined;
  /** Kotlin: the client a top-level property of the package holds (`val ddbClient by lazy { ... }` of another file). */
  kotlinTopLevel?(packageName: string, name: string): ExportedClient | undefined;
  /** The namespaces the project's `global using` directives bring into this C# file. */
  csharpGlobalUsings?(): readonly string[];
  /** Whether the mapped Java or C# class `key` (`classKey` of its simple name) has a version attribute; undefined when unknown. */
  mappedClass?(key: string): boolean | undefined;
  /** The item helpers of a Java or C# class, or of the one class implementing an interface, by `classKey` of its simple name. */
  classItemHelper?(key: string): ClassItemMethods | undefined;
  /** Whether any Java or C# file of the workspace declares item helpers. */
  classItemHelpersExist?(): boolean;
  /** The Spring Data DynamoDB repository interface, or the DynamoDBMapper entity class, another file declares under that simple name. */
  springRepository?(name: string): SpringRepositoryShape | undefined;
  springEntity?(name: string): SpringEntityShape | undefined;
  /** What a class the module declares as `path` is to PynamoDB, if anything. */
  importedPynamodbClass?(module: string, path: string): PynamodbClassKind | undefined;
  /** What the other files of this Go file's package declare (`packageName` as its `package` clause says). */
  goPackage?(packageName: string): GoPackageDeclarations | undefined;
  /** The exported functions and variables of a Go package of the workspace's modules, by the path this file imports it by. */
  goImport?(importPath: string): GoPackageMembers | undefined;
  /** The item helpers of the other files of this Go file's package (`importPath` `''`), or the exported ones of an imported package. */
  goItemMethods?(packageName: string, importPath: string): Record<string, GoItemMethod> | undefined;
  /** Whether any Go file of the workspace names a GetItem or PutItem call. */
  goItemHelpersExist?(): boolean;
  /** Whether another Go file calls this package's function `name` (or, when `method`, a method `name` on a non-client value) inside a loop or function that pages. */
  goCalledWhilePaging?(packageName: string, name: string, method: boolean): boolean;
  /** Whether another Go file calls this package's function `name` (or a method `name` on a non-client value) where a batch's unprocessed items are read. */
  goCalledWhileRetrying?(packageName: string, name: string, method: boolean): boolean;
  /** Whether another Go file makes a go-redis client of what this package's function or method `name` returns. */
  goOptionsUsed?(packageName: string, name: string, method: boolean): boolean;
  /** The client the other files' middleware hangs on the request as `name` (null: something else, or clients that differ). */
  requestClient?(name: string): ExportedClient | null | undefined;
  /** The calls other files make of `name`, a function or class this file declares at module level, with the clients they pass. */
  clientPassingCalls?(name: string): readonly ClientPassingCall[];
  /** The functions of this file that the workspace's templates name as Lambda handlers. */
  lambdaHandlers?(): readonly string[];
  /** The methods of this file's class `className` that NestJS routes of other files call. */
  routeCalledMethods?(className: string): readonly string[];
  /** The names of this file's classes that other Python modules make on every request. */
  perRequestClasses?(): readonly string[];
  /** The names of this file's functions that other Python modules give FastAPI as dependencies. */
  perRequestDependencies?(): readonly string[];
  /** The constructions other files make of `className`, a class this file declares at module level, with the props they pass. */
  cdkInstantiations?(className: string): readonly CdkInstantiation[];
}

/** JavaScript modules that are never a workspace file: the client libraries and Node's built-ins (`node:fs`), and the analyzer's own references. */
const NOT_PROJECT_JS = /^(?:@aws-sdk\/|aws-sdk(?:\/|$)|ioredis$|redis$|@redis\/|node:)|^\w+:/;

/** Answers per file: a name is read many times, the model is asked once. */
const answers = new FileMemo<string, Value | null>();
const senders = new FileMemo<string, { client: Value & { t: 'client' }; method: string } | null>();

/**
 * Modules that can be a file of the workspace: in JavaScript relative ones, and others a tsconfig's path
 * aliases may map (`@libs/db`), and a Lambda layer's `/opt/nodejs/…` (`lambdaLayers.ts`), but never a client
 * library or a Node built-in; dotted names in Python;
 * never the analyzer's own references (`member:…`, `go:…`).
 */
export function mayBeProjectModule(a: CodeAnalyzer, module: string): boolean {
  if (a.language.family === 'python') {
    return /^[.\w]+$/.test(module);
  }
  return /^\.\.?(?:\/|$)/.test(module) || (/^[@\w~#$]/.test(module) && !NOT_PROJECT_JS.test(module)) || isLayerModule(module);
}

/**
 * The project module and import path a dotted name reads (`config.ordersTable` after `import { config } from
 * './config'`, `ORDERS_TABLE` after `from app.config import ORDERS_TABLE`), when the tokens [start, end) are exactly
 * that name and it is imported from a module that may be the project's.
 */
export function importedProjectName(a: CodeAnalyzer, start: number, end: number): { module: string; path: string } | undefined {
  if (end <= start || (end - start) % 2 === 0 || !a.isId(start)) {
    return undefined;
  }
  for (let k = start + 1; k < end; k += 2) {
    if (!a.is(k, '.') || !a.isId(k + 1)) {
      return undefined;
    }
  }
  const value = a.evalChain(start, end).value;
  return value?.t === 'ref' && value.path !== '' && mayBeProjectModule(a, value.module) ? { module: value.module, path: value.path } : undefined;
}

/** The client that `path` of an imported `module` is, when the workspace knows it. */
export function importedClient(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const project = a.project;
  if (a.language.family === 'go') {
    return goProjectMember(a, module, path, false);
  }
  if (module.startsWith(INSTANCE)) {
    return classMember(a, module.slice(INSTANCE.length), path, '');
  }
  if (!project || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    answers.get(a, `${module}\0${path}`, () => {
      const found = importsTestDouble(a, module, path) ? undefined : project.importedClient(module, path);
      // A wrapper instance keeps where it is imported from: its own attributes are that module's to tell.
      return found ? { ...clientValue(found), ...(found.wrapper ? { heldAs: { module, path } } : {}) } : null;
    }) ?? undefined
  );
}

/** The client method that `path` of an imported JavaScript `module` sends when called: a promisified method exported there (`ExportedClient.sends`). */
export function importedSender(a: CodeAnalyzer, module: string, path: string): { client: Value & { t: 'client' }; method: string } | undefined {
  const project = a.project;
  if (!project?.importedSender || a.language.family !== 'js' || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    senders.get(a, `${module}\0${path}`, () => {
      const found = importsTestDouble(a, module, path) ? undefined : project.importedSender!(module, path);
      if (!found?.sends) {
        return null;
      }
      const { sends, ...client } = found;
      return { client: clientValue(client) as Value & { t: 'client' }, method: sends };
    }) ?? undefined
  );
}

/** What a JavaScript call passes, as far as an exported function is read: nothing (it is read as it is). */
export const NO_ARGUMENTS: CallArguments = { positional: [], named: [], spread: false };

/**
 * The client a call of a function that a workspace module defines gives: Python's `get_client("dynamodb")`
 * after `from app.core.boto import get_client`, read in that module with this call's strings; JavaScript's
 * `getRedisClient()` after `const { getRedisClient } = require('../config/redis')`, read as it is.
 */
export function importedCall(a: CodeAnalyzer, module: string, path: string, open: number): Value | undefined {
  return importedCallWith(a, module, path, a.language.family === 'python' ? callArguments(a, open) : NO_ARGUMENTS);
}

/** What calling `path` of an imported `module` with these strings gives, when the workspace knows it (see `importedCall`). */
export function importedCallWith(a: CodeAnalyzer, module: string, path: string, args: CallArguments): Value | undefined {
  const project = a.project;
  if (!project?.importedCall || (path === '' && a.language.family === 'python') || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    answers.get(a, `${module}\0${path}\0${JSON.stringify(args)}`, () => {
      const found = importsTestDouble(a, module, path) ? undefined : project.importedCall!(module, path, args);
      // A generator function's call gives a generator, not what it yields.
      return found && !('bodyClient' in found) && !('yielded' in found) ? calledValue(found) : null;
    }) ?? undefined
  );
}

/** What FastAPI hands a route for `Depends(path)` of an imported `module`: what the function returns, or what it yields. */
export function importedDependency(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const project = a.project;
  if (!project?.importedCall || path === '' || !mayBeProjectModule(a, module) || importsTestDouble(a, module, path)) {
    return undefined;
  }
  const found = project.importedCall(module, path, NO_ARGUMENTS);
  return found && 'yielded' in found ? clientValue(found.yielded) : importedCallWith(a, module, path, NO_ARGUMENTS);
}

/** Per file, what a call of an imported function makes in its own body (see `BodyClient`), by module, name and strings. */
const bodyAnswers = new FileMemo<string, BodyClient['bodyClient'] | null>();

/**
 * The client a function of a workspace module makes in its body on every call and uses there, returning
 * none (`deleteAd(pk, sk)` of `./common`, whose body makes `new DocumentClient()`), when the workspace sees it.
 */
export function importedBodyClient(a: CodeAnalyzer, module: string, path: string, open: number): BodyClient['bodyClient'] | undefined {
  const project = a.project;
  if (!project?.importedCall || path === '' || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  const args = a.language.family === 'python' ? callArguments(a, open) : NO_ARGUMENTS;
  return (
    bodyAnswers.get(a, `${module}\0${path}\0${JSON.stringify(args)}`, () => {
      const found = importsTestDouble(a, module, path) ? undefined : project.importedCall!(module, path, args);
      return found && 'bodyClient' in found ? found.bodyClient : null;
    }) ?? undefined
  );
}

/**
 * Where an import from a workspace module really comes from when that module only passes on a client
 * library's name (`import { PutCommand } from '../lib/db'`, `from app.types import DynamoDBServiceResource`):
 * the library's module and the name there, so the name reads as if imported from the library. A JavaScript
 * module itself (`require('../models/cat')`) passes on only a DynamoDB library's model (`module.exports = Cat`)
 * or a library as a whole import binds it (`module.exports = dynamoose` after configuring it, `module.exports = AWS`).
 */
export function libraryImport(a: CodeAnalyzer, module: string, path: string): { module: string; path: string; uniqueIndexes?: readonly string[] } | undefined {
  const project = a.project;
  const whole = path === '';
  if (!project?.importedName || (whole && a.language.family !== 'js') || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  const found = project.importedName(module, path);
  const passed = found && (!whole || found.name === defaultExportPath(found.module) || isOrmObject({ t: 'ref', module: found.module, path: found.name }));
  return passed ? { module: found.module, path: found.name, ...uniqueIndexesOf(found) } : undefined;
}

const classAnswers = new FileMemo<string, Value | null>();

/**
 * A CDK class or interface that `path` of an imported `module` names, when a workspace file declares it
 * (`props: NotesApiProps`, `data: TenantDataStack`, `new DataStack(app, 'Data')`): a value whose members
 * are the constructs the class holds.
 */
export function importedCdkClass(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const project = a.project;
  if (!project?.importedCdkClass || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    classAnswers.get(a, `${module}\0${path}`, () => {
      const shape = project.importedCdkClass!(module, path);
      // A class that extends a construct (`class OrdersTable extends dynamodb.TableV2`): an instance is that construct.
      return shape?.construct !== undefined ? { t: 'construct', type: shape.construct } : shape ? { t: 'cdkClass', shape } : null;
    }) ?? undefined
  );
}

/** A JavaScript function of another workspace module that returns the construct it makes (`createTable(this, 'Orders', 'pk')`): that construct. */
function importedConstructMaker(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const made = importedCdkClass(a, module, path);
  return made?.t === 'construct' ? made : undefined;
}

/**
 * The construct a CDK class of another workspace module extends, where that class hands the props it is made
 * with on to it (`class AppTable extends TableV2` whose constructor calls `super(scope, id, { ...props, … })`),
 * with the props its constructor writes after them.
 */
export function importedPropsSubclass(a: CodeAnalyzer, module: string, path: string): { construct: string; overridden: ReadonlySet<string> } | undefined {
  const project = a.project;
  if (!project?.importedCdkClass || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  const shape = project.importedCdkClass(module, path);
  return shape?.construct !== undefined && shape.propsOverridden ? { construct: shape.construct, overridden: new Set(shape.propsOverridden) } : undefined;
}

/**
 * The construct a CDK class of another workspace module makes from a member of the props it is given
 * (`new DatabaseInstance(this, 'Instance', { ...props.databaseInstance })`), as `workspace/cdkWrappedProps.ts` read it.
 */
export function importedPropsWrapper(a: CodeAnalyzer, module: string, path: string): CdkWrappedProps | undefined {
  const project = a.project;
  return project?.importedCdkClass && mayBeProjectModule(a, module) ? project.importedCdkClass(module, path)?.wrapped : undefined;
}

/**
 * A field of a workspace class that a class of this file extends (`class CacheSetService extends RedisClient`
 * with `import { RedisClient } from './redis.client'`): the client the base class sets it to, if any.
 */
export function importedClassField(a: CodeAnalyzer, module: string, path: string, field: string): Value | undefined {
  const project = a.project;
  if (!project?.importedClassFields || !mayBeProjectModule(a, module) || importsTestDouble(a, module, path)) {
    return undefined;
  }
  const fields = project.importedClassFields(module, path);
  return fields && Object.hasOwn(fields, field) ? clientValue(fields[field]) : undefined;
}

/**
 * A method of the class `path` of a workspace `module` that returns a client (`def _get_table(self): return
 * self.dynamodb.Table(self.table_name)`), as a subclass of another file reaches it (`self._get_table()`): a value
 * whose call gives that client.
 */
export function importedClassMethod(a: CodeAnalyzer, module: string, path: string, method: string): Value | undefined {
  const fields = classMembers(a, module, path);
  return fields && Object.hasOwn(fields, `${method}()`) ? { t: 'projectClass', fields: { '()': fields[`${method}()`] } } : undefined;
}

/** Answers per file for the classes it imports, by module and path: each asked of the model once. */
const pynamodbAnswers = new FileMemo<string, PynamodbClassKind | null>();

/** What the class `path` of an imported `module` is to PynamoDB, when a workspace file declares it (`from app.models import Order`). */
export function importedPynamodbClass(a: CodeAnalyzer, module: string, path: string): PynamodbClassKind | undefined {
  const project = a.project;
  if (!project?.importedPynamodbClass || !mayBeProjectModule(a, module)) {
    return undefined;
  }
  return (
    pynamodbAnswers.get(a, `${module}\0${path}`, () => (importsTestDouble(a, module, path) ? undefined : project.importedPynamodbClass!(module, path)) ?? null) ??
    undefined
  );
}

/** Whether the class the module exports as `path` sets `field` only from parameters of unknown value, for a subclass of it in this file. */
export function importedFieldOfUnknownOrigin(a: CodeAnalyzer, module: string, path: string, field: string): boolean {
  const project = a.project;
  if (!project?.importedClassUnknownFields || !mayBeProjectModule(a, module) || importsTestDouble(a, module, path)) {
    return false;
  }
  return project.importedClassUnknownFields(module, path)?.includes(field) ?? false;
}

/**
 * An instance of a class another workspace module declares, as a reference into that class (`RedisClient()`
 * after `from app.utils.redis_client import RedisClient`, `new RedisService()` or a parameter typed
 * `RedisService` after `import { RedisService } from './redis.service'`): its members are the client fields
 * and the clients of the methods that the workspace exports for the class (see `codeExports.ts`).
 */
const INSTANCE = 'instance:';

/**
 * The member key under which a workspace class that is a client by inheritance (`class Cache(Redis)`, a
 * `__getattr__` forwarding to one: `clientClasses.ts`) lends the client each instance is; no identifier.
 */
export const INSTANCE_CLIENT = '<instance>';

/**
 * An instance of the class `path` of a workspace `module`, when the workspace knows client members of it; the
 * client itself where the class is one by inheritance.
 */
export function projectInstance(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  const members = classMembers(a, module, path);
  if (members && Object.hasOwn(members, INSTANCE_CLIENT)) {
    return clientValue(members[INSTANCE_CLIENT]);
  }
  return members && Object.keys(members).length > 0 ? { t: 'ref', module: `${INSTANCE}${module}`, path } : undefined;
}

/** What a type named after a class of a workspace module stands for: a CDK construct of it, or an instance with client members. */
export function projectType(a: CodeAnalyzer, module: string, path: string): Value | undefined {
  return importedCdkClass(a, module, path) ?? projectInstance(a, module, path);
}

/**
 * What a Python call of a name imported from a workspace module gives when the name is such a class: an
 * instance of it (`RedisClient()`); a method called on the class itself (a class or static method:
 * `Database.connect()`, in JavaScript too) gives the client the method returns.
 */
function projectClassCall(a: CodeAnalyzer, value: Value & { t: 'ref' }): Value | undefined {
  return projectInstance(a, value.module, value.path) ?? classMember(a, value.module, value.path, '()');
}

/** The client member `Class.name` of a class `module` exports: a field (`suffix` `''`) or what a method returns (`'()'`). */
function classMember(a: CodeAnalyzer, module: string, path: string, suffix: '' | '()'): Value | undefined {
  const dot = path.lastIndexOf('.');
  const members = dot > 0 ? classMembers(a, module, path.slice(0, dot)) : undefined;
  const key = `${path.slice(dot + 1)}${suffix}`;
  if (!members || Object.hasOwn(members, key)) {
    return members && clientValue(members[key]);
  }
  // A method that returns a tuple of clients (`return resource, table`): the tuple.
  const tuple = suffix === '()' ? methodTuple(members, key) : undefined;
  if (tuple) {
    return tuple;
  }
  // A member that holds or returns another class of that module: the members of that class.
  const held = membersUnder(members, key, '');
  return held && { t: 'projectClass', fields: held };
}

function classMembers(a: CodeAnalyzer, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined {
  const project = a.project;
  if (!project?.importedClassFields || !mayBeProjectModule(a, module) || importsTestDouble(a, module, path)) {
    return undefined;
  }
  return project.importedClassFields(module, path);
}

/**
 * Whether an import of this file names a test double (`from tests.fakes import table`, `'./setup'` in
 * `test/`), or a module the file replaces with one (`jest.mock('../config/redis', …)`): see `testDoubles.ts`.
 */
export function importsTestDouble(a: CodeAnalyzer, module: string, path: string): boolean {
  return isTestDoubleImport(module, path, a.language.family === 'python' ? 'python' : 'js', a.project?.file) || mocksModule(a, module);
}

/** A DynamoDB library's object as another module reads it: itself, or the one an instance of a class extending it is. */
export function exportedOrmObject(a: CodeAnalyzer, value: Value | undefined): OrmObject | undefined {
  return isOrmObject(value) ? value : inheritedOrmObject(a, value);
}

/** A client value as another module reads it: its kind, and the table it names when simple. */
export function exportedClient(a: CodeAnalyzer, value: Value): ExportedClient | undefined {
  if (value.t === 'instance') {
    const inherited = inheritedRedisClient(a, value) ?? proxiedClient(a, value);
    return inherited && exportedClient(a, inherited);
  }
  if (value.t !== 'client') {
    return undefined;
  }
  const client: ExportedClient = { kind: value.kind };
  if (value.flavor) {
    client.flavor = value.flavor;
  }
  if (value.batched) {
    client.batched = true;
  }
  if (value.nonBlocking) {
    client.nonBlocking = true;
  }
  if (value.wrapper) {
    client.wrapper = value.wrapper;
  }
  if (value.convertsValues) {
    client.convertsValues = true;
  }
  // Flask-Caching's cache, kept apart so that another module's `cache.clear()` and `cache.cache._write_client` are read as the cache's.
  if (value.structure === 'flask-cache' || value.structure === 'flask-cache-prefixed' || value.structure === 'flask-cache-any') {
    client.structure = value.structure;
  }
  const table = (value.table && tableName(a, value.table.open, value.table.position)) ?? value.tableName;
  if (table) {
    client.table = table;
  }
  return client;
}

/** What the argument at `position` of the call that opens at `open` names as a table, when simple. */
function tableName(a: CodeAnalyzer, open: number, position: number): TableNameRef | undefined {
  const argument = segments(a, open)[position];
  const named = argument && namedValue(a, argument[0], argument[1]);
  return named && tableNameRef(named);
}

/** What a call of another module's function gives, as a value of this file: a client, a tuple of clients, or a DynamoDB library's object. */
function calledValue(called: Exclude<ExportedCall, BodyClient | YieldedClient>): Value {
  if ('orm' in called) {
    return { t: 'ref', module: called.orm.module, path: called.orm.path, ...uniqueIndexesOf(called.orm) };
  }
  if ('session' in called) {
    return { t: 'boto3' };
  }
  return 'elements' in called ? { t: 'sequence', elements: called.elements.map((element) => element && clientValue(element)) } : clientValue(called);
}

/** A client another module (or the workspace) describes, as a value of this file. */
export function clientValue({ table, ...client }: ExportedClient): Value {
  return table ? { t: 'client', ...client, tableName: table } : { t: 'client', ...client };
}

/**
 * What calling a name imported from a workspace module makes: a CDK class another file declares (`new
 * DataStack(app, 'Data')`, Python `DataStack(app, "Data")`, an SST v2 stack function through `use(DataStack)`),
 * an instance of a class with client members (`new RedisService()`) and what its methods return, what a
 * function of another module gives (a Python one with the strings written here), or the client a Go function
 * of another file declares it returns.
 */
export function projectCall(a: CodeAnalyzer, value: Value & { t: 'ref' }, open: number, constructed: boolean): Value | undefined {
  if (a.language.family === 'go') {
    return goProjectMember(a, value.module, value.path, true);
  }
  const python = a.language.family === 'python';
  if (value.module === 'sst/constructs' && value.path === 'use' && !constructed && !python) {
    // SST v2: `use(StorageStack)` gives what that stack function returns, read as a class's members.
    const close = a.partner[open];
    const stack = close > open ? a.evalChain(open + 1, close) : undefined;
    return stack?.end === close && stack.value?.t === 'ref' ? importedCdkClass(a, stack.value.module, stack.value.path) : undefined;
  }
  if (value.module.startsWith(INSTANCE)) {
    // A method called on an instance of a workspace class: the client it returns.
    return classMember(a, value.module.slice(INSTANCE.length), value.path, '()');
  }
  const declared = constructed || python ? importedCdkClass(a, value.module, value.path) : importedConstructMaker(a, value.module, value.path);
  if (declared) {
    return declared;
  }
  if (constructed) {
    return projectInstance(a, value.module, value.path);
  }
  // A JavaScript class is never called without `new`: a dotted call is a static method of the class (`Db.getInstance()`).
  return importedCall(a, value.module, value.path, open) ?? (python ? projectClassCall(a, value) : classMember(a, value.module, value.path, '()'));
}
