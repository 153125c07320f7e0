/**
 * What reading a module's exports does in either language: the records of what it exports, each name once, and
 * the readers of a module-level binding, an instance, a class and a value that Python and JavaScript share.
 * Each language's module statements are read by its subclass (`pythonExports.ts`, `jsExports.ts`).
 */
import { CodeAnalyzer } from '../code/analyzer';
import { functionExpression } from '../code/languages/javascript';
import { OrmObject, uniqueIndexesOf } from '../code/languages/ormObjects';
import { exportedClient, exportedOrmObject } from '../code/projectImports';
import { Value } from '../code/values';
import { Binding } from '../scope/scopes';
import { chainOrConditional } from '../code/conditionalClients';
import { promisifiedMethodAt } from '../code/promisified';
import { assignedObject, calledImport, calledMembers, JS_CLIENT_LIBRARY } from './calledExports';
import type { CodeExports, ConstructedImport, ModuleFunction, ReExport } from './codeExports';
import { classClients, instanceClients, recordClients } from './exportedInstances';
import { ExportedClient, PynamodbClassKind } from './types';
import { JS_MODULES } from '../services';

/** Names read per module: far more than a module exports, few enough to keep the answer small. */
const MAX_NAMES = 256;
export const MAX_STARS = 32;

/**
 * A module specifier that may name a project module: a relative path, or a bare one that a tsconfig path alias or
 * `baseUrl` may map into the workspace (`@libs/db`, `shared/cache`). Which one it is, is told when an import is
 * followed (importedClients.ts); a package that no alias maps reaches no file there. Node built-ins never do.
 */
export function mayNameProjectModule(module: string): boolean {
  return !JS_CLIENT_LIBRARY.test(module) && !module.startsWith('node:');
}

export abstract class ExportReader {
  protected readonly clients: Record<string, ExportedClient> = {};
  protected readonly reexports: Record<string, ReExport> = {};
  protected readonly packages: Record<string, ReExport> = {};
  protected readonly stars: string[] = [];
  protected readonly functions: Record<string, ModuleFunction> = {};
  protected readonly classes: Record<string, Record<string, ExportedClient>> = {};
  protected readonly unknownFields: Record<string, string[]> = {};
  protected readonly pynamodbClasses: Record<string, PynamodbClassKind> = {};
  protected readonly pynamodbBases: Record<string, ReExport> = {};
  protected readonly constructedClasses: Record<string, ConstructedImport[]> = {};
  protected readonly records = [this.clients, this.reexports, this.packages, this.functions, this.classes, this.unknownFields, this.pynamodbClasses, this.pynamodbBases, this.constructedClasses];
  /** Every name exported so far, once: one exported twice (`module.exports` set twice) exports nothing. */
  protected readonly seen = new Set<string>();

  constructor(protected readonly a: CodeAnalyzer) {
    a.bind();
  }

  /** What the module exports; undefined for nothing. */
  abstract read(): CodeExports | undefined;

  protected result(): CodeExports | undefined {
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

  /** A function expression exported as `exported` (`exports.getClient = () => client`, an object's method). */
  protected exportFunctionAt(exported: string, start: number): boolean {
    const fn = functionExpression(this.a, start);
    if (fn) {
      this.exportFunction(exported, fn);
    }
    return fn !== undefined;
  }

  /**
   * `export default new Cache()`, Python's `store = Store()`: the client members of a module's own singleton, as
   * `default.client` (`module.exports`: `client`; Python: `store.table`).
   */
  protected exportInstance(exported: string, start: number): void {
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
  protected exportObjectMethods(exported: string, open: number): void {
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
  protected exportShorthandFunction(exported: string, local: string): void {
    const bindings = this.a.scopes.bindingsIn(0).get(local);
    const fn = bindings?.length === 1 ? bindings[0].fixed : undefined;
    if (fn?.t === 'function') {
      this.exportFunction(exported, fn);
    }
  }

  /**
   * The client every module-level binding of a name makes, when they agree; nothing for a name that is
   * also imported at module level (which comes first is not read), only declared, or bound to anything else.
   */
  protected exportBinding(exported: string, local: string, bindings: readonly Binding<Value>[]): void {
    const imported = this.a.imports.get(local);
    if (imported && this.moduleLevel(imported.at)) {
      return;
    }
    const model = bindings.length === 1 ? this.ormObjectOf(bindings[0]) : undefined;
    if (model) {
      this.passOn(exported, { module: model.module, name: model.path, ...uniqueIndexesOf(model) });
      return;
    }
    // `export const DocumentClient: typeof AWS.DynamoDB.DocumentClient = xAWS.DynamoDB.DocumentClient`: the SDK's class.
    const typedClass = bindings.length === 1 ? bindings[0].fixed : undefined;
    if (typedClass?.t === 'ref' && Object.hasOwn(JS_MODULES, typedClass.module)) {
      this.passOn(exported, { module: typedClass.module, name: typedClass.path });
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
  protected exportClass(exported: string, classScope: number): void {
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
   * A dynamoose model, an ElectroDB entity, a dynamodb-toolbox table (`ormObjects.ts`) that a declaration binds
   * (`export const Order = dynamoose.model(...)`, `var Log = dynamoose.model(...)`; the caller takes a name bound once,
   * so a `var` or `let` never assigned again, in a function either): passed on as the library's name, which a file
   * that imports it reads as that object.
   */
  protected ormObjectOf(binding: Binding<Value>): OrmObject | undefined {
    const { a } = this;
    const declared = ['const', 'let', 'var'].some((keyword) => a.idIs(binding.token - 1, keyword));
    return binding.expression >= 0 && binding.fixed === undefined && !binding.element && declared ? this.ormObjectAt(binding.expression) : undefined;
  }

  /** The model, entity or table the expression at `start` makes (`module.exports = dynamoose.model(...)`), read to the end of its statement. */
  protected ormObjectAt(start: number): OrmObject | undefined {
    const { value, end } = this.a.evalChain(start, this.a.tokens.length);
    return this.endsValue(end, start) ? exportedOrmObject(this.a, value) : undefined;
  }

  /**
   * The client the expression at `start` makes, when the analyzer reads it to the end of its statement; or the
   * client method a promisified function made there sends (`getAsync: promisify(client.get).bind(client)`).
   */
  protected clientAt(start: number): ExportedClient | undefined {
    const { value, end } = chainOrConditional(this.a, start);
    const client = value && this.endsValue(end, start) ? exportedClient(this.a, value) : undefined;
    if (client) {
      return client;
    }
    const sender = promisifiedMethodAt(this.a, start);
    const sent = sender && this.endsValue(sender.after, start) ? exportedClient(this.a, sender.client) : undefined;
    return sent && { ...sent, sends: sender!.method };
  }

  /**
   * Whether the value that starts at `start` ends at `end`: the end of the file or of its statement, a
   * JavaScript separator (`,` between declarators or properties), or the bracket that closes around it.
   */
  protected endsValue(end: number, start: number): boolean {
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
  protected moduleLevel(at: number | undefined): boolean {
    if (at === undefined) {
      return false;
    }
    return this.a.language.family === 'python' ? this.a.scopes.holderAt(at) === 0 : this.a.parent[at] === -1;
  }

  protected addClient(name: string, client: ExportedClient): void {
    if (this.admits(name)) {
      this.clients[name] = client;
    }
  }

  /** A function other files may call; never an accessor, nor one a decorator may change. */
  protected exportFunction(name: string, fn: ModuleFunction): void {
    if (!fn.accessor && !fn.wrapped && this.admits(name)) {
      this.functions[name] = fn;
    }
  }

  protected reexport(name: string, from: ReExport): void {
    if (this.admits(name)) {
      this.reexports[name] = from;
    }
  }

  protected passOn(name: string, from: ReExport): void {
    if (this.admits(name)) {
      this.packages[name] = from;
    }
  }

  /** Whether a name may be recorded: a safe record key (never `__proto__`), within the limit, and exported once. */
  protected admits(name: string): boolean {
    if (this.seen.has(name)) {
      this.records.forEach((names) => delete names[name]);
      return false;
    }
    this.seen.add(name);
    return name !== '__proto__' && this.seen.size <= MAX_NAMES;
  }
}
