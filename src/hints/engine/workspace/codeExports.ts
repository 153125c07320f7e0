/**
 * The clients a Python, JavaScript or TypeScript module makes at module level for other files to import
 * (`redis_connection = redis.from_url(...)` in `webapp/__init__.py`, `export const ddb = ...`,
 * `module.exports = new Redis(...)`), and the names it passes on from other modules. Indexing keeps only
 * the module-level statements of a file that may export one (`moduleSources.ts`); they are analysed when
 * another file first imports from the module (`readExports`), so that indexing stays light. A name counts
 * only when every module-level binding of it is the same client, made by an expression the analyzer reads
 * to the end of its statement: a name also bound to something else, or only declared, exports nothing.
 * A Python module's top-level functions and a JavaScript module's exported functions are exported too, read
 * when a file calls one (`exportedFunctions.ts`). A JavaScript module's dynamoose model, ElectroDB entity or
 * dynamodb-toolbox table (`export const Order = dynamoose.model(...)`) is passed on as the library's name.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { functionExpression, javascript, qualifiedPath, typescript } from '../code/languages/javascript';
import { OrmObject, uniqueIndexesOf } from '../code/languages/ormObjects';
import { importedBase, pynamodbClassKind } from '../code/languages/pynamodb';
import { python } from '../code/languages/python';
import { moduleTypeAliases } from '../code/languages/pythonTypeAliases';
import { starImports } from '../code/languages/pythonImports';
import { exportedClient, exportedOrmObject } from '../code/projectImports';
import { Value } from '../code/values';
import { Binding } from '../scope/scopes';
import { LineIndex } from '../text';
import { chainOrConditional } from '../code/conditionalClients';
import { assignedObject, calledImport, calledMembers, JS_CLIENT_LIBRARY, liveBindings } from './calledExports';
import { classClients, instanceClients, recordClients } from './exportedInstances';
import { isPackageInit } from './moduleSources';
import { PYTHON_CLIENT_LIBRARY } from './pythonClientLibraries';
import { CallArguments, ExportedClient, ModuleSource, PynamodbClassKind } from './types';

/** A name a module imports from another module and exports again (`from .cache import client`, `export { ddb } from './dynamo'`). */
export interface ReExport {
  /** The module as the re-exporting file writes it (`.cache`, `./dynamo`). */
  module: string;
  /** The name there: `''` for a CommonJS module itself, `default` for a default export. */
  name: string;
  /** A Python module-level name bound to a call of that function (`calledExports.ts`): the strings the call passes. */
  called?: CallArguments;
  /** An ElectroDB entity or service: its indexes that name one item at most (`electrodb.ts`). */
  uniqueIndexes?: readonly string[];
}

/**
 * What a code module exports that is or may lead to a client, by exported name: `default` for `export
 * default`, `''` for `module.exports = ...`.
 */
export interface CodeExports {
  clients: Record<string, ExportedClient>;
  reexports: Record<string, ReExport>;
  /**
   * Names the module imports from a client library and passes on (`export { PutCommand }`, a Python module's
   * imported type): the library's module and name; and the DynamoDB library objects it makes (`ormObjects.ts`).
   */
  packages: Record<string, ReExport>;
  /** `export * from './x'`: modules whose named exports this one passes on. */
  stars: string[];
  /**
   * Functions that may give a client when called, read when a file calls one: top-level Python functions
   * (`def`), whose result a caller's strings may decide, and exported JavaScript functions (getters of a
   * module-level client, lazy singletons, factories). Each as the analyzer's value of it in this module's text.
   */
  functions: Record<string, ModuleFunction>;
  /** Exported classes with client fields (`protected readonly client = new Redis()`), for subclasses in other files: by class, then field. */
  classes: Record<string, Record<string, ExportedClient>>;
  /**
   * Python classes' fields that their methods set only from parameters of unknown value (`self.client =
   * client` from an untyped or botocore `BaseClient` parameter), for subclasses in other files: by class.
   */
  unknownFields: Record<string, string[]>;
  /** Classes that subclass a PynamoDB model or index class, for the files that import them (`Order.scan()` there): by class. */
  pynamodbClasses: Record<string, PynamodbClassKind>;
  /**
   * Classes of a module that uses PynamoDB whose base another module declares (`class Order(BaseModel)` after
   * `from app.models.base import BaseModel`): by class, the import of the base, which may be a model there.
   */
  pynamodbBases: Record<string, ReExport>;
  /**
   * Classes whose constructor makes no client itself but constructs, for each instance, classes other modules
   * may declare (`self.repository = GoalsRepository()`): by class, the imports of those classes (`bare`: made
   * without arguments), whose client each instance then makes too.
   */
  constructedClasses: Record<string, ConstructedImport[]>;
}

/** A class another module may declare that a constructor constructs, as the file imports it (`bare`: made without arguments). */
export type ConstructedImport = ReExport & { bare: boolean };

/** A function of a module's text, as its analyzer reads it: the same text read again gives the same scopes. */
export type ModuleFunction = Value & { t: 'function' };

/** Names read per module: far more than a module exports, few enough to keep the answer small. */
const MAX_NAMES = 256;
const MAX_STARS = 32;

/**
 * A module specifier that may name a project module: a relative path, or a bare one that a tsconfig path alias or
 * `baseUrl` may map into the workspace (`@libs/db`, `shared/cache`). Which one it is, is told when an import is
 * followed (importedClients.ts); a package that no alias maps reaches no file there. Node built-ins never do.
 */
function mayNameProjectModule(module: string): boolean {
  return !JS_CLIENT_LIBRARY.test(module) && !module.startsWith('node:');
}

/** What the module-level statements of `file` export; undefined for nothing. Bounded like the analysis (it may stop at a time budget). */
export function readExports(file: string, source: ModuleSource): CodeExports | undefined {
  const lines = new LineIndex(source.text);
  if (source.language === 'python') {
    return new ExportReader(new CodeAnalyzer(source.text, python, lines), isPackageInit(file)).python();
  }
  return new ExportReader(new CodeAnalyzer(source.text, source.language === 'typescript' ? typescript : javascript, lines), false).javascript();
}

class ExportReader {
  private readonly clients: Record<string, ExportedClient> = {};
  private readonly reexports: Record<string, ReExport> = {};
  private readonly packages: Record<string, ReExport> = {};
  private readonly stars: string[] = [];
  private readonly functions: Record<string, ModuleFunction> = {};
  private readonly classes: Record<string, Record<string, ExportedClient>> = {};
  private readonly unknownFields: Record<string, string[]> = {};
  private readonly pynamodbClasses: Record<string, PynamodbClassKind> = {};
  private readonly pynamodbBases: Record<string, ReExport> = {};
  private readonly constructedClasses: Record<string, ConstructedImport[]> = {};
  private readonly records = [this.clients, this.reexports, this.packages, this.functions, this.classes, this.unknownFields, this.pynamodbClasses, this.pynamodbBases, this.constructedClasses];
  /** Every name exported so far, once: one exported twice (`module.exports` set twice) exports nothing. */
  private readonly seen = new Set<string>();

  /** Whether the module imports PynamoDB, so that a class of it may be a model through a base another module declares. */
  private readonly usesPynamodb: boolean;

  /** `packageInit`: a Python package's `__init__.py`, whose absolute imports are what the package offers too. */
  constructor(
    private readonly a: CodeAnalyzer,
    private readonly packageInit: boolean,
  ) {
    a.bind();
    this.usesPynamodb = [...a.imports.values()].some((imported) => /^pynamodb(?:\.|$)/.test(imported.module));
  }

  private result(): CodeExports | undefined {
    const empty = this.records.every((names) => Object.keys(names).length === 0) && this.stars.length === 0;
    return empty
      ? undefined
      : {
          clients: this.clients,
          reexports: this.reexports,
          packages: this.packages,
          stars: this.stars,
          functions: this.functions,
          classes: this.classes,
          unknownFields: this.unknownFields,
          pynamodbClasses: this.pynamodbClasses,
          pynamodbBases: this.pynamodbBases,
          constructedClasses: this.constructedClasses,
        };
  }

  /** Every module-level name of a Python module is importable: its clients, and what it imports from the project. */
  python(): CodeExports | undefined {
    const { a } = this;
    const bound = a.scopes.bindingsIn(0);
    // A type alias of a client library's class (`RedisDep = Annotated[Redis, Depends(get_redis)]`) passes that class on.
    const aliases = moduleTypeAliases(a);
    for (const [name, target] of aliases) {
      if (target) {
        this.passOn(name, { module: target.module, name: target.path });
      }
    }
    for (const [name, bindings] of bound) {
      if (aliases.get(name)) {
        continue;
      }
      const declared = bindings.length === 1 ? bindings[0].fixed : undefined;
      if (declared?.t === 'function') {
        this.exportFunction(name, declared);
      } else if (declared?.t === 'instance' && declared.classObject) {
        const pynamodb = pynamodbClassKind(a, declared.classScope);
        const base = pynamodb || !this.usesPynamodb ? undefined : importedBase(a, declared.classScope);
        if (pynamodb) {
          if (this.admits(name)) {
            this.pynamodbClasses[name] = pynamodb;
          }
        } else if (base) {
          // What the base is to PynamoDB, the workspace tells where it follows the import.
          if (this.admits(name)) {
            this.pynamodbBases[name] = { module: base.module, name: base.path };
          }
        } else {
          this.exportClass(name, declared.classScope);
        }
      } else {
        this.exportBinding(name, name, liveBindings(a, bindings));
      }
    }
    for (const [local, imported] of a.imports) {
      // A package passes on what it imports absolutely too; another module only what it takes from its own package.
      if (bound.has(local) || imported.path === '' || !this.moduleLevel(imported.at)) {
        continue;
      }
      if (PYTHON_CLIENT_LIBRARY.test(imported.module)) {
        this.passOn(local, { module: imported.module, name: imported.path });
      } else if (imported.module.startsWith('.') || this.packageInit) {
        this.reexport(local, { module: imported.module, name: imported.path });
      }
    }
    // `from .dynamo import *` in a package's `__init__.py`: the package passes on that module's names, as `export *` does.
    for (const module of starImports(a)) {
      if ((module.startsWith('.') || this.packageInit) && !PYTHON_CLIENT_LIBRARY.test(module) && this.stars.length < MAX_STARS) {
        this.stars.push(module);
      }
    }
    return this.result();
  }

  /** `export const`, `export default`, export lists, `export * from`, `module.exports` and `exports.x`, at the top level. */
  javascript(): CodeExports | undefined {
    const { a } = this;
    for (let k = 0; k < a.tokens.length; k++) {
      if (a.parent[k] !== -1 || a.isAccess(k - 1)) {
        continue;
      }
      if (a.idIs(k, 'export')) {
        this.esExport(k);
      } else if (a.idIs(k, 'module') && a.is(k + 1, '.') && a.idIs(k + 2, 'exports')) {
        this.commonJsExport(k + 2);
      } else if (a.idIs(k, 'exports')) {
        this.commonJsExport(k);
      }
    }
    return this.result();
  }

  private esExport(k: number): void {
    const { a } = this;
    const next = a.id(k + 1);
    // `export class Base`, `export abstract class Base`, `export default class Base`.
    const afterDefault = next === 'default' ? k + 2 : k + 1;
    const classAt = a.idIs(afterDefault, 'abstract') ? afterDefault + 1 : afterDefault;
    if (a.idIs(classAt, 'class') && a.isId(classAt + 1)) {
      const name = a.tokens.text(classAt + 1);
      this.exportClass(next === 'default' ? 'default' : name, a.scopes.classNamed(name));
    } else if (next === 'interface' && a.isId(k + 2)) {
      // `export interface Cradle { redis: Redis }`: its members' types, as a class's fields (`jsInterfaces.ts`).
      this.exportClass(a.tokens.text(k + 2), a.scopes.classNamed(a.tokens.text(k + 2)));
    } else if (next === 'default') {
      this.exportValue('default', k + 2);
    } else if (next === 'function' || (next === 'async' && a.idIs(k + 2, 'function'))) {
      // `export function getClient()`: bound under its name.
      const name = a.id(next === 'function' ? k + 2 : k + 3);
      if (name) {
        this.exportName(name, name);
      }
    } else if (next === 'type' && a.isId(k + 2) && a.is(k + 3, '=') && a.isId(k + 4)) {
      // `export type RedisClient = Redis`: an alias of a client library's type passes that type on.
      this.exportTypeAlias(a.tokens.text(k + 2), k + 4);
    } else if (next === 'const' || next === 'let' || next === 'var') {
      // The first declarator: what its binding holds.
      const name = a.id(k + 2);
      if (name) {
        this.exportName(name, name);
      }
    } else if (a.is(k + 1, '*') && a.idIs(k + 2, 'from') && a.isString(k + 3)) {
      const module = a.tokens.text(k + 3);
      if (mayNameProjectModule(module) && this.stars.length < MAX_STARS) {
        this.stars.push(module);
      }
    } else if (a.is(k + 1, '{') && a.partner[k + 1] > k) {
      this.exportList(k + 1);
    }
  }

  /** `export { a, b as c }` (names of this module), `export { a, default as b } from './m'` (names of another). */
  private exportList(open: number): void {
    const { a } = this;
    const close = a.partner[open];
    const from = a.idIs(close + 1, 'from') && a.isString(close + 2) ? a.tokens.text(close + 2) : undefined;
    for (let k = open + 1; k < close; k++) {
      const local = a.id(k);
      if (!local || local === 'type' || !(a.is(k + 1, ',') || k + 1 === close || a.idIs(k + 1, 'as'))) {
        continue;
      }
      const exported = a.idIs(k + 1, 'as') ? a.id(k + 2) : local;
      if (exported === undefined) {
        continue;
      }
      if (from === undefined) {
        this.exportName(exported, local);
      } else if (JS_CLIENT_LIBRARY.test(from)) {
        this.passOn(exported, { module: from, name: local });
      } else if (mayNameProjectModule(from)) {
        this.reexport(exported, { module: from, name: local });
      }
      k += exported === local ? 0 : 2;
    }
  }

  /** `module.exports = …`, `module.exports.x = …`, `exports.x = …`, from the `exports` token. */
  private commonJsExport(k: number): void {
    const { a } = this;
    if (a.is(k + 1, '=')) {
      if (a.is(k + 2, '{') && a.partner[k + 2] > k) {
        this.exportObject(k + 2);
      } else {
        this.exportValue('', k + 2);
      }
    } else if (a.is(k + 1, '.') && a.isId(k + 2) && a.is(k + 3, '=')) {
      this.exportValue(a.tokens.text(k + 2), k + 4);
    }
  }

  /** `module.exports = { ddb, cache: redis, other: new Redis() }`: each property is a named export. */
  private exportObject(open: number): void {
    const { a } = this;
    const close = a.partner[open];
    for (let k = open + 1; k < close; k = a.skipGroup(k)) {
      if (!(a.is(k - 1, '{') || a.is(k - 1, ',')) || !(a.isId(k) || a.isString(k))) {
        continue;
      }
      const key = a.tokens.text(k);
      if (a.isId(k) && (a.is(k + 1, ',') || k + 1 === close)) {
        this.exportName(key, key);
      } else if (a.is(k + 1, ':')) {
        this.exportValue(key, k + 2);
      } else if (a.isId(k) && a.isId(k + 1) && a.is(k + 2, '(')) {
        this.exportMethod(k, k + 1);
      } else if (a.is(k + 1, '(')) {
        this.exportFunctionAt(key, k + 1);
      }
    }
  }

  /**
   * `{ async getClient() {…} }`, and a getter `{ get client() { return redis; } }`, which a file that reads
   * the member runs: the client it returns, when the module makes one.
   */
  private exportMethod(prefix: number, name: number): void {
    const { a } = this;
    const key = a.tokens.text(name);
    if (a.idIs(prefix, 'async')) {
      this.exportFunctionAt(key, name + 1);
      return;
    }
    const fn = a.idIs(prefix, 'get') ? functionExpression(a, name + 1) : undefined;
    const returned = fn && this.a.returnValue(fn);
    const client = returned && exportedClient(a, returned);
    if (client) {
      this.addClient(key, client);
    }
  }

  /** A function expression exported as `exported` (`exports.getClient = () => client`, an object's method). */
  private exportFunctionAt(exported: string, start: number): boolean {
    const fn = functionExpression(this.a, start);
    if (fn) {
      this.exportFunction(exported, fn);
    }
    return fn !== undefined;
  }

  /** An exported expression: a name of the module, a `require` of another module, a function, or a client made right there. */
  private exportValue(exported: string, start: number): void {
    const { a } = this;
    if (a.isId(start) && this.endsValue(start + 1, start)) {
      this.exportName(exported, a.tokens.text(start));
      return;
    }
    if (a.language.family === 'js' && this.exportFunctionAt(exported, start)) {
      return;
    }
    if (a.idIs(start, 'require') && a.is(start + 1, '(') && a.isString(start + 2) && a.is(start + 3, ')') && this.endsValue(start + 4, start)) {
      const module = a.tokens.text(start + 2);
      if (mayNameProjectModule(module)) {
        this.reexport(exported, { module, name: '' });
      }
      return;
    }
    const client = this.clientAt(start);
    const model = client ? undefined : this.ormObjectAt(start);
    if (client) {
      this.addClient(exported, client);
    } else if (model) {
      this.passOn(exported, { module: model.module, name: model.path, ...uniqueIndexesOf(model) });
    } else {
      this.exportInstance(exported, start);
    }
  }

  /**
   * `export default new Cache()`, Python's `store = Store()`: the client members of a module's own singleton, as
   * `default.client` (`module.exports`: `client`; Python: `store.table`).
   */
  private exportInstance(exported: string, start: number): void {
    if (this.a.language.family === 'js' && this.a.is(start, '{') && this.a.partner[start] > start) {
      this.exportObjectMethods(exported, start);
    }
    const { value, end } = assignedObject(this.a, start) ?? this.a.evalChain(start, this.a.tokens.length);
    const ends = this.endsValue(end, start);
    const members = ends ? (instanceClients(this.a, value) ?? recordClients(this.a, value)) : undefined;
    const dotted = (name: string) => (exported === '' ? name : `${exported}.${name}`);
    for (const [name, client] of Object.entries(members ?? {})) {
      this.addClient(dotted(name), client);
    }
    for (const [name, call] of Object.entries(calledMembers(this.a, ends ? value : undefined, members ?? {}))) {
      this.reexport(dotted(name), call);
    }
    const called = members === undefined && ends ? calledImport(this.a, start, end) : undefined;
    if (called) {
      this.reexport(exported, called);
    }
  }

  /**
   * `export const Db = { async get(TableName, id) {…}, put: async (TableName, item) => {…} }`: each method as
   * `Db.get` (`get` for `module.exports = Db`), which callers' item helpers read (`itemHelpers.ts`).
   */
  private exportObjectMethods(exported: string, open: number): void {
    const { a } = this;
    const close = a.partner[open];
    for (let k = open + 1; k < close; k = a.skipGroup(k)) {
      if (!(a.is(k - 1, '{') || a.is(k - 1, ',')) || !a.isId(k)) {
        continue;
      }
      if (a.is(k + 1, ',') || k + 1 === close) {
        // `export default { call }`: a module-level function under its own name.
        this.exportShorthandFunction(exported === '' ? a.tokens.text(k) : `${exported}.${a.tokens.text(k)}`, a.tokens.text(k));
        continue;
      }
      const name = a.idIs(k, 'async') && a.isId(k + 1) && a.is(k + 2, '(') ? k + 1 : k;
      const start = a.is(name + 1, '(') ? name + 1 : a.is(name + 1, ':') ? name + 2 : -1;
      if (start > 0) {
        this.exportFunctionAt(exported === '' ? a.tokens.text(name) : `${exported}.${a.tokens.text(name)}`, start);
      }
    }
  }

  /** A shorthand property naming a module-level function (one binding, a function): that function, as `exported`. */
  private exportShorthandFunction(exported: string, local: string): void {
    const bindings = this.a.scopes.bindingsIn(0).get(local);
    const fn = bindings?.length === 1 ? bindings[0].fixed : undefined;
    if (fn?.t === 'function') {
      this.exportFunction(exported, fn);
    }
  }

  /** A type alias whose type, from `start`, is a name a client library's import binds (`Redis`, `IORedis.Redis`). */
  private exportTypeAlias(exported: string, start: number): void {
    const { a } = this;
    const imported = a.imports.get(a.tokens.text(start));
    if (!imported || !this.moduleLevel(imported.at) || !JS_CLIENT_LIBRARY.test(imported.module)) {
      return;
    }
    this.passOn(exported, { module: imported.module, name: qualifiedPath(a, start, imported.path) });
  }

  /** A module-level name exported as `exported`: the client its bindings agree on, or the import it passes on. */
  private exportName(exported: string, local: string): void {
    const bindings = this.a.scopes.bindingsIn(0).get(local);
    const fn = bindings?.length === 1 ? bindings[0].fixed : undefined;
    if (fn?.t === 'function') {
      this.exportFunction(exported, fn);
      return;
    }
    if (bindings) {
      this.exportBinding(exported, local, bindings);
      return;
    }
    const imported = this.a.imports.get(local);
    if (imported && this.moduleLevel(imported.at) && JS_CLIENT_LIBRARY.test(imported.module)) {
      this.passOn(exported, { module: imported.module, name: imported.path });
    } else if (imported && this.moduleLevel(imported.at) && mayNameProjectModule(imported.module)) {
      this.reexport(exported, { module: imported.module, name: imported.path });
    }
  }

  /**
   * The client every module-level binding of a name makes, when they agree; nothing for a name that is
   * also imported at module level (which comes first is not read), only declared, or bound to anything else.
   */
  private exportBinding(exported: string, local: string, bindings: readonly Binding<Value>[]): void {
    const imported = this.a.imports.get(local);
    if (imported && this.moduleLevel(imported.at)) {
      return;
    }
    const model = bindings.length === 1 ? this.ormObjectOf(bindings[0]) : undefined;
    if (model) {
      this.passOn(exported, { module: model.module, name: model.path, ...uniqueIndexesOf(model) });
      return;
    }
    let agreed: ExportedClient | undefined;
    let agreedKey = '';
    for (const binding of bindings) {
      const client = binding.expression >= 0 && binding.fixed === undefined && !binding.element ? this.clientAt(binding.expression) : undefined;
      const key = client && JSON.stringify(client);
      if (!key || (agreed && key !== agreedKey)) {
        // A JavaScript `const`, or a Python module-level name bound once (`store = Store()`), may be the module's singleton.
        if (bindings.length === 1 && binding.expression >= 0 && (this.a.idIs(binding.token - 1, 'const') || this.a.language.family === 'python')) {
          this.exportInstance(exported, binding.expression);
        }
        return;
      }
      agreed = client;
      agreedKey = key;
    }
    if (agreed) {
      this.addClient(exported, agreed);
      // A wrapper instance (`cache = Cache()`, its `__getattr__` forwarding to `self.conn`): its client fields too.
      if (agreed.wrapper && bindings.length === 1) {
        this.exportInstance(exported, bindings[0].expression);
      }
    }
  }

  /** An exported class's client fields (`classClients`), for subclasses and instances in other files; a class with none exports nothing. */
  private exportClass(exported: string, classScope: number): void {
    if (classScope <= 0 || !this.admits(exported)) {
      return;
    }
    const { fields, unknown, constructs } = classClients(this.a, classScope);
    if (Object.keys(fields).length > 0) {
      this.classes[exported] = fields;
    }
    if (unknown.length > 0) {
      this.unknownFields[exported] = unknown;
    }
    if (constructs.length > 0) {
      this.constructedClasses[exported] = constructs.map((each) => ({ module: each.module, name: each.path, bare: each.bare }));
    }
  }

  /**
   * A dynamoose model, an ElectroDB entity, a dynamodb-toolbox table (`ormObjects.ts`) that a `const` binds
   * (`export const Order = dynamoose.model(...)`): passed on as the library's name, which a file that imports
   * it reads as that object.
   */
  private ormObjectOf(binding: Binding<Value>): OrmObject | undefined {
    const { a } = this;
    return binding.expression >= 0 && binding.fixed === undefined && !binding.element && a.idIs(binding.token - 1, 'const') ? this.ormObjectAt(binding.expression) : undefined;
  }

  /** The model, entity or table the expression at `start` makes (`module.exports = dynamoose.model(...)`), read to the end of its statement. */
  private ormObjectAt(start: number): OrmObject | undefined {
    const { value, end } = this.a.evalChain(start, this.a.tokens.length);
    return this.endsValue(end, start) ? exportedOrmObject(this.a, value) : undefined;
  }

  /** The client the expression at `start` makes, when the analyzer reads it to the end of its statement. */
  private clientAt(start: number): ExportedClient | undefined {
    const { value, end } = chainOrConditional(this.a, start);
    return value && this.endsValue(end, start) ? exportedClient(this.a, value) : undefined;
  }

  /**
   * Whether the value that starts at `start` ends at `end`: the end of the file or of its statement, a
   * JavaScript separator (`,` between declarators or properties), or the bracket that closes around it.
   */
  private endsValue(end: number, start: number): boolean {
    const { a } = this;
    if (end >= a.tokens.length || a.is(end, ';')) {
      return true;
    }
    const partner = a.partner[end];
    if (partner >= 0 && partner < start) {
      return true;
    }
    if (a.language.family !== 'python' && a.is(end, ',')) {
      return true;
    }
    return a.startsLine(end) && a.parent[end] === a.parent[start];
  }

  /** Whether an import (by the token that starts it) sits at module level, not in a function. */
  private moduleLevel(at: number | undefined): boolean {
    if (at === undefined) {
      return false;
    }
    return this.a.language.family === 'python' ? this.a.scopes.holderAt(at) === 0 : this.a.parent[at] === -1;
  }

  private addClient(name: string, client: ExportedClient): void {
    if (this.admits(name)) {
      this.clients[name] = client;
    }
  }

  /** A function other files may call; never an accessor, nor one a decorator may change. */
  private exportFunction(name: string, fn: ModuleFunction): void {
    if (!fn.accessor && !fn.wrapped && this.admits(name)) {
      this.functions[name] = fn;
    }
  }

  private reexport(name: string, from: ReExport): void {
    if (this.admits(name)) {
      this.reexports[name] = from;
    }
  }

  private passOn(name: string, from: ReExport): void {
    if (this.admits(name)) {
      this.packages[name] = from;
    }
  }

  /** Whether a name may be recorded: a safe record key (never `__proto__`), within the limit, and exported once. */
  private admits(name: string): boolean {
    if (this.seen.has(name)) {
      this.records.forEach((names) => delete names[name]);
      return false;
    }
    this.seen.add(name);
    return name !== '__proto__' && this.seen.size <= MAX_NAMES;
  }
}
