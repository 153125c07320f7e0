/**
 * Which client a code file gets when it imports a name from another module of the workspace (or, for a
 * class it imports, the class's client fields). The module is
 * mapped to workspace files as Python or Node would look for it (`importTargets.ts`), then the name is followed through
 * re-exports to the module that binds it. Only a certain answer counts: a module that maps to several
 * files that do not agree, a name that holds no client, a cycle of re-exports, all resolve to nothing.
 * Only files that contribute to the model are seen: a module that exports no client is no candidate.
 * A module's exports are read from its module-level statements the first time a file imports from it;
 * its functions (Python's, and JavaScript's exported ones) are read when a file first calls one
 * (`exportedFunctions.ts`).
 */
import { BudgetExceeded } from '../budget';
import { redisCachesOnly } from '../code/djangoCache';
import { CONSTRUCTED, CONSTRUCTED_BARE } from '../code/constructorClients';
import { CodeExports, ConstructedImport, ModuleFunction, readExports, ReExport } from './codeExports';
import { ModuleFunctions } from './exportedFunctions';
import { ModuleItemHelpers } from './itemHelpers';
import type { ProjectContext } from '../code/projectImports';
import { extensionOf, withoutExtension } from './paths';
import { TsconfigPaths } from './tsconfig';
import { importTarget, pythonTarget, Target } from './importTargets';
import { BodyClient, CallArguments, CdkClassMembers, CdkClassShape, CdkWrappedProps, ClientPassingCall, ExportedCall, ExportedClient, ItemHelper, ModuleSource, PynamodbClassKind } from './types';

/** What a name imported from a workspace module is: a client made there, a name of a client library passed on, a function of a module file, or a class with client fields. */
type ImportedName =
  | { client: ExportedClient }
  | { package: ReExport }
  | { function: { file: string; fn: ModuleFunction } }
  | { fields: Record<string, ExportedClient>; unknownFields?: readonly string[] }
  | { pynamodb: PynamodbClassKind };

/** Steps one question may take through re-exports and candidate files: far past any real chain. */
const MAX_STEPS = 256;
/** Imported PynamoDB bases, or imported classes one constructor constructs in turn, followed from one class: far past any real chain. */
const MAX_BASE_DEPTH = 8;
/** Calls of functions of other modules read one inside another (a module's function calling another module's). */
const MAX_CALL_DEPTH = 3;
/** How many class-typed members deep a CDK class is resolved (`props.stacks.data.table` is three). */
const MAX_CLASS_DEPTH = 4;
/** Classes one resolved CDK class may hold in all, nested ones included: bounds the answer's size. */
const MAX_CLASS_NODES = 256;

interface Walk {
  /** `file\0name` pairs on the current path of re-exports: meeting one again is a cycle. */
  visiting: Set<string>;
  steps: number;
}

/** The one answer all candidates give; undefined when there is none, or two differ (a missing answer differs too). */
function agreed<T>(answers: readonly (T | undefined)[]): T | undefined {
  const first = answers[0];
  if (first === undefined) {
    return undefined;
  }
  const key = JSON.stringify(first);
  return answers.every((answer) => answer !== undefined && JSON.stringify(answer) === key) ? first : undefined;
}

/** What a question looks for in the file that binds a name: a client or a library's name, or a CDK class with its members resolved. */
interface Question<T> {
  /** Whether a file can answer without exports of its own (it declares CDK classes). */
  declares(file: string): boolean;
  /** The answer a file binds under `name` itself; `exports`: the file's module exports, if any. */
  own(file: string, name: string, exports: CodeExports | undefined): T | undefined;
}

/** Whether a module's text declares a class `name` (`class UserRepository {`, `export class …`, `class Users(Base):`). */
function declaresClass(text: string, name: string): boolean {
  return new RegExp(`(?:^|[\\s;])class\\s+${name.replace(/\$/g, '\\$')}\\b`, 'm').test(text);
}

/** Exports read from each module source, once: a file that changes gets a new source object. */
const readSources = new WeakMap<ModuleSource, CodeExports | null>();

/** What a module source exports. A module whose statements fail to read exports nothing, rather than fail every file that imports it. */
export function exportsOf(file: string, source: ModuleSource): CodeExports | undefined {
  let exports = readSources.get(source);
  if (exports === undefined) {
    try {
      exports = readExports(file, source) ?? null;
    } catch (error) {
      if (error instanceof BudgetExceeded) {
        throw error;
      }
      exports = null;
    }
    readSources.set(source, exports);
  }
  return exports ?? undefined;
}

export class ImportedClients {
  private readonly answers = new Map<string, ImportedName | null>();
  /** CDK classes by `file\0name\0depth` where declared, and by `file\0module\0name\0depth` where imported. */
  private readonly shapes = new Map<string, { shape: CdkClassShape; size: number } | null>();
  /** The folder and module names (without `.py`) on the paths of the sources, made on first use. */
  private pathNames: Set<string> | undefined;
  private readonly nameQuestion: Question<ImportedName> = {
    declares: () => false,
    own: (file, name, exports) => {
      if (exports && Object.hasOwn(exports.clients, name)) {
        return { client: exports.clients[name] };
      }
      if (exports && Object.hasOwn(exports.reexports, name) && exports.reexports[name].called) {
        return this.calledClient(file, exports.reexports[name]);
      }
      if (exports && Object.hasOwn(exports.packages, name)) {
        return { package: exports.packages[name] };
      }
      if (exports && Object.hasOwn(exports.functions, name)) {
        return { function: { file, fn: exports.functions[name] } };
      }
      if (exports && Object.hasOwn(exports.pynamodbClasses, name)) {
        return { pynamodb: exports.pynamodbClasses[name] };
      }
      const base = exports && Object.hasOwn(exports.pynamodbBases, name) ? exports.pynamodbBases[name] : undefined;
      const inherited = base && this.baseDepth < MAX_BASE_DEPTH ? this.inheritedPynamodb(file, base) : undefined;
      if (inherited) {
        return { pynamodb: inherited };
      }
      const classMember = exports ? this.classAttribute(exports, name) : undefined;
      if (classMember) {
        return { client: classMember };
      }
      const unknownFields = exports && Object.hasOwn(exports.unknownFields, name) ? exports.unknownFields[name] : undefined;
      const constructs = exports && Object.hasOwn(exports.constructedClasses, name) ? exports.constructedClasses[name] : undefined;
      const made = constructs && this.baseDepth < MAX_BASE_DEPTH ? this.constructedClient(file, constructs) : undefined;
      const fields = exports && Object.hasOwn(exports.classes, name) ? exports.classes[name] : undefined;
      if (fields || made) {
        return { fields: made ? { ...fields, [CONSTRUCTED]: made } : fields!, ...(unknownFields ? { unknownFields } : {}) };
      }
      return unknownFields ? { fields: {}, unknownFields } : undefined;
    },
  };
  /** The file that declares a class a name is bound to, through the modules that pass it on. */
  private readonly classQuestion: Question<string> = {
    // A module that declares a repository class may export nothing the export reader records.
    declares: (file) => this.sources.has(file),
    own: (file, name) => (name !== '' && declaresClass(this.sources.get(file)?.text ?? '', name) ? file : undefined),
  };
  /** JavaScript modules' exports as read with what their imports of other modules pass on (`exportsOf`), by file (`null`: none). */
  private readonly contextExports = new Map<string, CodeExports | null>();
  /** The modules whose exports are being read so, one inside another. */
  private readonly readingExports = new Set<string>();
  /** The functions of each module file that a file calls, analysed once (`null`: the module fails to read). */
  private readonly functionModules = new Map<string, ModuleFunctions | null>();
  /** The file that declares the class a file imports, by `codeFile\0module\0path` (`null`: none). */
  private readonly classFiles = new Map<string, string | null>();
  /** The item helpers among the functions of module files, read on a caller's first question. */
  private itemHelpers: ModuleItemHelpers | undefined;
  private redisCaches: boolean | undefined;
  /** Calls being read, one inside another. */
  private callDepth = 0;
  /** PynamoDB bases being followed, one inside another (a cycle of imports ends here). */
  private baseDepth = 0;

  /**
   * `sources`: the module-level statements of the workspace's code modules that may export a client, by file;
   * `classes`: the CDK classes and interfaces each file declares; `tsconfigs`: the path aliases of TypeScript imports;
   * `subclasses`: the construct each file's classes that extend one extend; `subclassProps`: of those, the ones that
   * hand the props they are made with on to it, with the props they write after them; `wrappedProps`: the classes
   * that make a construct from a member of their props (`workspace/cdkWrappedProps.ts`).
   */
  constructor(
    private readonly sources: ReadonlyMap<string, ModuleSource>,
    private readonly classes: ReadonlyMap<string, Record<string, CdkClassMembers>> = new Map(),
    private readonly tsconfigs: TsconfigPaths = new TsconfigPaths(new Map()),
    private readonly subclasses: ReadonlyMap<string, Record<string, string>> = new Map(),
    private readonly subclassProps: ReadonlyMap<string, Record<string, string[]>> = new Map(),
    private readonly wrappedProps: ReadonlyMap<string, Record<string, CdkWrappedProps>> = new Map(),
    /** What other files' calls of a module's function pass (`WorkspaceModel.clientPassingCalls`): a setter's parameter, which its getter hands out. */
    private readonly passingCalls?: (file: string, name: string) => readonly ClientPassingCall[],
  ) {}

  /**
   * What a workspace file exports; undefined for a file that exports nothing (or is no file of the model). A
   * JavaScript module is read with the library names its own imports of other modules pass on, so that a model or
   * client it makes from one counts (`const dynamoose = require('../config/db')` of a module that configures
   * dynamoose and exports it, then `module.exports = dynamoose.model(...)`). A cycle of such modules reads a file alone.
   */
  private exportsOf(file: string): CodeExports | undefined {
    const source = this.sources.get(file);
    if (!source || source.language === 'python' || this.readingExports.has(file)) {
      return source && exportsOf(file, source);
    }
    let exports = this.contextExports.get(file);
    if (exports === undefined) {
      this.readingExports.add(file);
      try {
        exports = readExports(file, source, { file, importedClient: (module, path) => this.resolve(file, module, path), importedName: (module, path) => this.resolveName(file, module, path) }) ?? null;
      } catch (error) {
        if (error instanceof BudgetExceeded) {
          throw error;
        }
        exports = exportsOf(file, source) ?? null;
      } finally {
        this.readingExports.delete(file);
      }
      this.contextExports.set(file, exports);
    }
    return exports ?? undefined;
  }

  /** The client `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedClient`. */
  resolve(codeFile: string, module: string, path: string): ExportedClient | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'client' in answer && !answer.client.sends ? answer.client : undefined;
  }

  /** The client method a function `codeFile` imports sends (`ExportedClient.sends`); see `WorkspaceView.importedSender`. */
  resolveSender(codeFile: string, module: string, path: string): ExportedClient | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'client' in answer && answer.client.sends ? answer.client : undefined;
  }

  /** The client library name `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedName`. */
  resolveName(codeFile: string, module: string, path: string): ReExport | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'package' in answer ? answer.package : undefined;
  }

  /** The client `codeFile` gets by calling the function it imports as `path` from `module`; see `WorkspaceView.importedCall`. */
  resolveCall(codeFile: string, module: string, path: string, args: CallArguments): ExportedCall | undefined {
    const answer = this.answer(codeFile, module, path);
    if (!answer || !('function' in answer) || this.callDepth >= MAX_CALL_DEPTH) {
      return answer ? undefined : (this.resourceTable(codeFile, module, path) ?? this.instanceMethodClient(codeFile, module, path));
    }
    const { file, fn } = answer.function;
    const functions = this.functionsOf(file);
    this.callDepth++;
    try {
      return functions?.call(fn, args);
    } catch (error) {
      // A read cut off half-way leaves its module's analysis half-done: the next call reads the module afresh.
      this.functionModules.delete(file);
      throw error;
    } finally {
      this.callDepth--;
    }
  }

  /**
   * `dynamodb.Table(name)` where `dynamodb` is a boto3 DynamoDB resource another module makes (`from .db import
   * dynamodb`), as a file hands it to a helper (`scan_all(dynamodb.Table(COURSES))`): a table of that resource.
   */
  private resourceTable(codeFile: string, module: string, path: string): ExportedCall | undefined {
    const dot = path.lastIndexOf('.');
    const resource = dot > 0 && path.slice(dot + 1) === 'Table' ? this.resolve(codeFile, module, path.slice(0, dot)) : undefined;
    return resource?.kind === 'dynamodb-resource' ? { kind: 'dynamodb-table' } : undefined;
  }

  /**
   * `store.get_resource()` where `store` is another module's instance of its own class (`store = Store()`): the
   * client that method returns, which the module lends as `store.get_resource()` (`exportedInstances.ts`).
   */
  private instanceMethodClient(codeFile: string, module: string, path: string): ExportedCall | undefined {
    return path.includes('.') && extensionOf(codeFile) === 'py' ? this.resolve(codeFile, module, `${path}()`) : undefined;
  }

  /** The client a module-level name of `file` holds that a call of a function it imports gave (`table = get_table("orders")`): made once, at import. */
  private calledClient(file: string, { module, name, called }: ReExport): ImportedName | undefined {
    const made = called && this.resolveCall(file, module, name, called);
    if (!made || !('kind' in made)) {
      return undefined;
    }
    // Made once, when the module ran: no client per call of anything that reads the name.
    const client: ExportedClient = { ...made };
    delete client.perCall;
    return { client };
  }

  /** What a module file's own imports of the workspace get when it is read for its functions: the answers any file's get. */
  private moduleContext(file: string): ProjectContext {
    return {
      file,
      importedClient: (module, path) => this.resolve(file, module, path),
      importedSender: (module, path) => this.resolveSender(file, module, path),
      importedName: (module, path) => this.resolveName(file, module, path),
      importedCall: (module, path, args) => this.resolveCall(file, module, path, args),
      // A class it constructs whose constructor makes a client (`exportedFunctions.ts`'s body clients).
      importedClassFields: (module, path) => this.resolveClassFields(file, module, path),
      ...(this.passingCalls ? { clientPassingCalls: (name: string) => this.passingCalls!(file, name) } : {}),
    };
  }

  /**
   * What the function `codeFile` imports as `path` from `module` does with one table's items, or with `method`, the
   * method of the class it imports so; see `WorkspaceView.importedItemHelper`.
   */
  resolveItemHelper(codeFile: string, module: string, path: string, method?: string): ItemHelper | undefined {
    if (method !== undefined) {
      const declared = this.declaringFile(codeFile, module, path);
      return declared && this.classItemHelper(declared.file, declared.name, method);
    }
    this.itemHelpers ??= new ModuleItemHelpers(this.sources, (file) => this.moduleContext(file));
    const answer = this.answer(codeFile, module, path);
    if (answer && 'function' in answer) {
      return this.itemHelpers.helper(answer.function.file, answer.function.fn.scope);
    }
    // A static method read off the imported class (`UserRepository.findById(id)`).
    const dot = path.indexOf('.');
    return dot > 0 && dot === path.lastIndexOf('.') ? this.resolveItemHelper(codeFile, module, path.slice(0, dot), path.slice(dot + 1)) : undefined;
  }

  /** The file that declares the class `codeFile` imports as `path` from `module`, through the modules that pass it on, and its name there. */
  declaringFile(codeFile: string, module: string, path: string): { file: string; name: string } | undefined {
    const key = `${codeFile}\0${module}\0${path}`;
    let file = this.classFiles.get(key);
    if (file === undefined) {
      file = this.imported(codeFile, module, path, { visiting: new Set(), steps: 0 }, this.classQuestion) ?? null;
      this.classFiles.set(key, file);
    }
    return file === null ? undefined : { file, name: path.slice(path.lastIndexOf('.') + 1) };
  }

  /** What the method `method` of the class `className` that `file` declares does with one table's items, if anything. */
  classItemHelper(file: string, className: string, method: string): ItemHelper | undefined {
    this.itemHelpers ??= new ModuleItemHelpers(this.sources, (each) => this.moduleContext(each));
    return this.itemHelpers.method(file, className, method);
  }

  /** Whether the Python module sources name a Redis cache backend of Django and no other (`redisCachesOnly`). */
  djangoRedisCaches(): boolean {
    this.redisCaches ??= redisCachesOnly(pythonTexts(this.sources));
    return this.redisCaches;
  }

  /** Whether any module source names an item read or a variable put as an item: else no call needs asking about. */
  itemHelpersExist(): boolean {
    this.itemHelpers ??= new ModuleItemHelpers(this.sources, (file) => this.moduleContext(file));
    return this.itemHelpers.exist();
  }

  /** The functions of a module file, whose own imports of the workspace are answered as any file's. */
  private functionsOf(file: string): ModuleFunctions | undefined {
    let functions = this.functionModules.get(file);
    if (functions === undefined) {
      try {
        functions = new ModuleFunctions(this.sources.get(file)!, this.moduleContext(file));
      } catch (error) {
        if (error instanceof BudgetExceeded) {
          throw error;
        }
        functions = null;
      }
      this.functionModules.set(file, functions);
    }
    return functions ?? undefined;
  }

  /** The client `method` of what `codeFile`'s import of `path` from `module` makes on each call; see `WorkspaceView.importedMethodClient`. */
  resolveMethodClient(codeFile: string, module: string, path: string, method: string): BodyClient['bodyClient'] | undefined {
    const answer = this.answer(codeFile, module, path);
    const factory = answer && 'function' in answer ? answer.function : undefined;
    const declared = factory ? undefined : this.declaringFile(codeFile, module, path);
    const file = factory?.file ?? declared?.file;
    const owner = factory ? { fn: factory.fn } : { className: declared?.name ?? '' };
    return file === undefined ? undefined : this.functionsOf(file)?.methodClient(owner, method);
  }

  /** The client fields of the class `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedClassFields`. */
  resolveClassFields(codeFile: string, module: string, path: string): Readonly<Record<string, ExportedClient>> | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'fields' in answer ? answer.fields : undefined;
  }

  /**
   * The client that each instance of one of the classes `file` imports as `constructs` makes (`new()`, or for one
   * made without arguments also `new(0)`): each instance of a class of `file` whose constructor constructs them
   * makes one too.
   */
  private constructedClient(file: string, constructs: readonly ConstructedImport[]): ExportedClient | undefined {
    this.baseDepth++;
    try {
      for (const each of constructs) {
        const fields = this.resolveClassFields(file, each.module, each.name);
        const key = !fields ? undefined : Object.hasOwn(fields, CONSTRUCTED) ? CONSTRUCTED : each.bare && Object.hasOwn(fields, CONSTRUCTED_BARE) ? CONSTRUCTED_BARE : undefined;
        if (fields && key) {
          return fields[key];
        }
      }
      return undefined;
    } finally {
      this.baseDepth--;
    }
  }

  /** What a class's base, imported by `file` as `base`, is to PynamoDB: a model there makes the class one too. */
  private inheritedPynamodb(file: string, base: ReExport): PynamodbClassKind | undefined {
    this.baseDepth++;
    try {
      return this.resolvePynamodbClass(file, base.module, base.name);
    } finally {
      this.baseDepth--;
    }
  }

  /** What the class `codeFile` gets by reading `path` from the `module` it imports is to PynamoDB; see `WorkspaceView.importedPynamodbClass`. */
  resolvePynamodbClass(codeFile: string, module: string, path: string): PynamodbClassKind | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'pynamodb' in answer ? answer.pynamodb : undefined;
  }

  /** The fields of unknown origin of that class; see `WorkspaceView.importedClassUnknownFields`. */
  resolveClassUnknownFields(codeFile: string, module: string, path: string): readonly string[] | undefined {
    const answer = this.answer(codeFile, module, path);
    return answer && 'fields' in answer ? answer.unknownFields : undefined;
  }

  private answer(codeFile: string, module: string, path: string): ImportedName | undefined {
    if (extensionOf(codeFile) === 'py' && !this.mayReach(module)) {
      return undefined;
    }
    const key = `${codeFile}\0${module}\0${path}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.imported(codeFile, module, path, { visiting: new Set(), steps: 0 }, this.nameQuestion) ?? null;
      this.answers.set(key, answer);
    }
    return answer ?? undefined;
  }

  /** The CDK class `codeFile` gets by reading `path` from the `module` it imports; see `WorkspaceView.importedCdkClass`. */
  resolveCdkClass(codeFile: string, module: string, path: string): CdkClassShape | undefined {
    return this.importedClass(codeFile, module, path, MAX_CLASS_DEPTH)?.shape;
  }

  private importedClass(file: string, module: string, path: string, depth: number): { shape: CdkClassShape; size: number } | undefined {
    if (extensionOf(file) === 'py' && !this.mayReach(module)) {
      return undefined;
    }
    const key = `${file}\0${module}\0${path}\0${depth}`;
    let answer = this.shapes.get(key);
    if (answer === undefined) {
      const question: Question<{ shape: CdkClassShape; size: number }> = {
        declares: (candidate) => this.classes.has(candidate) || this.subclasses.has(candidate) || this.wrappedProps.has(candidate),
        own: (candidate, name) => this.declaredClass(candidate, name, depth),
      };
      answer = this.imported(file, module, path, { visiting: new Set(), steps: 0 }, question) ?? null;
      this.shapes.set(key, answer);
    }
    return answer ?? undefined;
  }

  /**
   * A class `file` declares, its members resolved: construct classes as they are, class-typed members through
   * this file or the module it imports them from, `depth` levels down, within MAX_CLASS_NODES classes in all.
   */
  private declaredClass(file: string, name: string, depth: number): { shape: CdkClassShape; size: number } | undefined {
    const declared = this.classes.get(file);
    const subclasses = this.subclasses.get(file);
    const construct = subclasses && Object.hasOwn(subclasses, name) ? subclasses[name] : undefined;
    const wrappers = this.wrappedProps.get(file);
    const wrapped = wrappers && Object.hasOwn(wrappers, name) ? wrappers[name] : undefined;
    if (construct !== undefined) {
      // An instance is the construct it extends: what the rules read of it is the construct's. A function that
      // returns the construct it makes may also make it from its caller's props (`cdkConstructMakers.ts`).
      const handed = this.subclassProps.get(file);
      const propsOverridden = handed && Object.hasOwn(handed, name) ? handed[name] : undefined;
      return { shape: { members: {}, construct, ...(propsOverridden ? { propsOverridden } : {}), ...(wrapped ? { wrapped } : {}) }, size: 1 };
    }
    if (!declared || !Object.hasOwn(declared, name)) {
      return wrapped ? { shape: { members: {}, wrapped }, size: 1 } : undefined;
    }
    const key = `${file}\0${name}\0${depth}`;
    let answer = this.shapes.get(key);
    if (answer === undefined) {
      const shape: CdkClassShape = { members: {}, ...(wrapped ? { wrapped } : {}) };
      let size = 1;
      for (const [member, type] of Object.entries(declared[name])) {
        if ('construct' in type) {
          shape.members[member] = { construct: type.construct };
          continue;
        }
        const nested = depth <= 0 ? undefined : type.module === undefined ? this.declaredClass(file, type.declared, depth - 1) : this.importedClass(file, type.module, type.declared, depth - 1);
        if (nested && size + nested.size <= MAX_CLASS_NODES) {
          shape.members[member] = { shape: nested.shape };
          size += nested.size;
        }
      }
      answer = Object.keys(shape.members).length > 0 || wrapped ? { shape, size } : null;
      this.shapes.set(key, answer);
    }
    return answer ?? undefined;
  }

  /**
   * Whether an absolute Python import can reach a source at all: its first name is a folder or module on a
   * source's path. Most imports (`os`, `flask`, `boto3.dynamodb`) cannot, which one look-up tells.
   */
  private mayReach(module: string): boolean {
    if (module.startsWith('.')) {
      return true;
    }
    if (!this.pathNames) {
      this.pathNames = new Set([...this.sources.keys(), ...this.classes.keys(), ...this.subclasses.keys(), ...this.wrappedProps.keys()].flatMap((file) => withoutExtension(file).split('/')));
    }
    const dot = module.indexOf('.');
    return this.pathNames.has(dot < 0 ? module : module.slice(0, dot));
  }

  private imported<T>(codeFile: string, module: string, path: string, walk: Walk, question: Question<T>): T | undefined {
    const python = extensionOf(codeFile) === 'py';
    const target = importTarget(codeFile, module, path, this.tsconfigs);
    const found = this.importedFrom(codeFile, module, target, walk, question);
    const dot = path.lastIndexOf('.');
    if (found !== undefined || !python || dot < 0) {
      return found;
    }
    // Python's `store.table` after `from db import store`: a member of the module's singleton (`store = Store()`),
    // which the module exports by its dotted name, when no submodule `db/store.py` answers.
    const owner = pythonTarget(codeFile, module, path.slice(0, dot), this.tsconfigs.pythonLayers);
    return owner && this.importedFrom(codeFile, module, { files: owner.files, name: `${owner.name}${path.slice(dot)}` }, walk, question);
  }

  private importedFrom<T>(codeFile: string, module: string, target: Target | undefined, walk: Walk, question: Question<T>): T | undefined {
    const files = [...new Set(target?.files ?? [])].filter((file) => question.declares(file) || this.exportsOf(file) !== undefined);
    // The analyzer cannot tell a path alias from a package, so it reads `import redis from '@/lib/redis'` as the module itself.
    const aliasedDefault = target?.name === '' && !codeFile.endsWith('.py') && !/^\.\.?(?:\/|$)/.test(module);
    return target && agreed(files.map((file) => this.exported(file, target.name, walk, question, aliasedDefault)));
  }

  /**
   * What `name` of a module file is: what the file binds itself, or what it passes on from another module.
   * `aliasedDefault`: `name` is `''` from a default import through a path alias, so an ES module's default export.
   */
  private exported<T>(file: string, name: string, walk: Walk, question: Question<T>, aliasedDefault = false): T | undefined {
    const key = `${file}\0${name}`;
    if (walk.visiting.has(key) || ++walk.steps > MAX_STEPS) {
      return undefined;
    }
    walk.visiting.add(key);
    try {
      const exports = this.exportsOf(file);
      // A default import of a CommonJS module is its `module.exports`.
      const own =
        exports && name === 'default' && !this.names(exports, 'default') && this.names(exports, '')
          ? ''
          : exports && aliasedDefault && !this.names(exports, '') && this.names(exports, 'default')
            ? 'default'
            : name;
      const found = question.own(file, own, exports);
      if (found !== undefined || !exports) {
        return found;
      }
      // A name bound to a call of another module's function is what the call gives (`own`), never that function.
      if (Object.hasOwn(exports.reexports, own) && !exports.reexports[own].called) {
        const { module, name: from } = exports.reexports[own];
        return this.imported(file, module, from, walk, question);
      }
      if (own === '' || own === 'default') {
        return undefined;
      }
      // A CommonJS barrel (`module.exports = require('./aws.service')`): the members of that module are this one's.
      const whole = Object.hasOwn(exports.reexports, '') ? exports.reexports[''] : undefined;
      if (whole && !whole.called && whole.name === '') {
        return this.imported(file, whole.module, own, walk, question);
      }
      // `export *` passes on the named exports of each module; two that give different answers give none.
      const passed = exports.stars.map((module) => this.imported(file, module, own, walk, question)).filter((answer) => answer !== undefined);
      return agreed(passed);
    } finally {
      walk.visiting.delete(key);
    }
  }

  /**
   * `Repository.table` read on an exported class itself: its client field of that name (a Python class attribute,
   * a TypeScript `static` field, a JavaScript one a static method sets, `Store.client = createClient()`). A field set per instance cannot be read on the class, so working code reads
   * only class-level ones that way.
   */
  private classAttribute(exports: CodeExports, name: string): ExportedClient | undefined {
    const dot = name.indexOf('.');
    // Without a dot, a member of the class the module exports as itself (`module.exports = Store`, then `Store.client`).
    const owner = dot > 0 ? name.slice(0, dot) : '';
    const fields = (owner !== '' || dot < 0) && Object.hasOwn(exports.classes, owner) ? exports.classes[owner] : undefined;
    const member = name.slice(dot + 1);
    return fields && Object.hasOwn(fields, member) ? fields[member] : undefined;
  }

  /** Whether a module exports a name at all, a client or a name it passes on. */
  private names(exports: CodeExports, name: string): boolean {
    return Object.hasOwn(exports.clients, name) || Object.hasOwn(exports.reexports, name) || Object.hasOwn(exports.packages, name) || Object.hasOwn(exports.functions, name) || Object.hasOwn(exports.classes, name) || Object.hasOwn(exports.unknownFields, name) || Object.hasOwn(exports.constructedClasses, name);
  }
}

/** The texts of the Python module sources. */
function* pythonTexts(sources: ReadonlyMap<string, ModuleSource>): Iterable<string> {
  for (const source of sources.values()) {
    if (source.language === 'python') {
      yield source.text;
    }
  }
}
