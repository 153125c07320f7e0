/** The exports of a JavaScript or TypeScript module: ES exports and CommonJS `module.exports` (see `codeExports.ts`). */
import { functionExpression } from '../code/languages/javascript';
import { qualifiedPath } from '../code/languages/jsTypeValues';
import { isOrmObject, ormType, uniqueIndexesOf } from '../code/languages/ormObjects';
import { objectTypeAliasBrace } from '../code/typeAliasBodies';
import { exportedClient } from '../code/projectImports';
import { isLambdaHandlerType } from '../code/lambdaHandlerTypes';
import type { CodeAnalyzer } from '../code/analyzer';
import type { CodeExports } from './codeExports';
import { JS_CLIENT_LIBRARY, JS_PASSED_ON_LIBRARY } from './calledExports';
import { ExportReader, MAX_STARS, mayNameProjectModule } from './exportReader';

export class JsExports extends ExportReader {
  /** `export const`, `export default`, export lists, `export * from`, `module.exports` and `exports.x`, at the top level. */
  read(): CodeExports | undefined {
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
    } else if ((next === 'interface' && a.isId(k + 2)) || objectTypeAliasBrace(a, k + 1) > 0) {
      // `export interface Cradle { redis: Redis }`, `export type Deps = { redis: Redis }`: its members' types, as a class's fields (`jsInterfaces.ts`).
      this.exportClass(a.tokens.text(k + 2), a.scopes.classNamed(a.tokens.text(k + 2)));
    } else if (next === 'default') {
      this.exportClassOrValue('default', k + 2);
    } else if (next === 'function' || (next === 'async' && a.idIs(k + 2, 'function'))) {
      // `export function getClient()`: bound under its name.
      const name = a.id(next === 'function' ? k + 2 : k + 3);
      if (name) {
        this.exportName(name, name);
      }
    } else if (next === 'type' && a.isId(k + 2) && a.isId(aliasEquals(a, k + 3) + 1)) {
      // `export type RedisClient = Redis`, `export type Validated<S> = Handler<...>`: an alias of a library's type passes that type on.
      this.exportTypeAlias(a.tokens.text(k + 2), aliasEquals(a, k + 3) + 1);
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
      } else if (JS_PASSED_ON_LIBRARY.test(from)) {
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
        this.exportClassOrValue('', k + 2);
      }
    } else if (a.is(k + 1, '.') && a.isId(k + 2) && a.is(k + 3, '=')) {
      this.exportValue(a.tokens.text(k + 2), k + 4);
    }
  }

  /**
   * `module.exports = UserModel` or `export default UserModel` after `class UserModel { constructor() { this.docClient =
   * ... } }`: the class itself, whose client fields subclasses in other files inherit; any other value as it is.
   */
  private exportClassOrValue(exported: string, at: number): void {
    const { a } = this;
    const name = a.id(at);
    const classScope = name !== undefined && (a.is(at + 1, ';') || at + 1 >= a.tokens.length || a.startsLine(at + 1)) ? a.scopes.classNamed(name) : -1;
    if (classScope > 0) {
      this.exportClass(exported, classScope);
    } else {
      this.exportValue(exported, at);
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
   * A type alias whose type, from `start`, is a name a client library's import binds (`Redis`, `IORedis.Redis`), or a
   * DynamoDB library's type that declares one of its objects (`export type OrderModel = ModelType<Order>` of dynamoose,
   * `Model<User, UserKey>` of nestjs-dynamoose, `ormObjects.ts` `ormType`), or a Lambda handler type of `aws-lambda`
   * (`lambdaHandlerTypes.ts`): the type passed on, type arguments aside.
   */
  private exportTypeAlias(exported: string, start: number): void {
    const { a } = this;
    const imported = a.imports.get(a.tokens.text(start));
    if (!imported || !this.moduleLevel(imported.at)) {
      return;
    }
    const path = qualifiedPath(a, start, imported.path);
    if (JS_CLIENT_LIBRARY.test(imported.module) || ormType(imported.module, path) !== undefined || isLambdaHandlerType(imported.module, path)) {
      this.passOn(exported, { module: imported.module, name: path });
    }
  }

  /** A module-level name exported as `exported`: the client its bindings agree on, or the import it passes on. */
  private exportName(exported: string, local: string): void {
    // A class of the module by its name (`exports.Db = Db`, `module.exports = { Db }`, `export { Db }`): its client members.
    const classScope = this.a.scopes.classNamed(local);
    if (classScope > 0 && this.a.scopes.holderOf(this.a.scopes.parent(classScope)) === 0) {
      this.exportClass(exported, classScope);
      return;
    }
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
    // An import the workspace already read as a library's object (`require('./User')` of a module that exports a
    // dynamoose model, when this module is read with its imports followed): passed on as that object.
    if (imported && this.moduleLevel(imported.at) && (JS_PASSED_ON_LIBRARY.test(imported.module) || isOrmObject({ t: 'ref', module: imported.module, path: imported.path }))) {
      this.passOn(exported, { module: imported.module, name: imported.path, ...uniqueIndexesOf(imported) });
    } else if (imported && this.moduleLevel(imported.at) && mayNameProjectModule(imported.module)) {
      this.reexport(exported, { module: imported.module, name: imported.path });
    }
  }
}

/** Type parameters read of an alias before its `=` (`type Validated<S extends object> = ...`). */
const MAX_TYPE_PARAMETER_TOKENS = 32;

/** The `=` of a type alias whose name ends before `from`, past its type parameters; -1 when there is none within reach. */
function aliasEquals(a: CodeAnalyzer, from: number): number {
  if (a.is(from, '=')) {
    return from;
  }
  if (!a.is(from, '<')) {
    return -1;
  }
  for (let k = from + 1; k < a.tokens.length && k - from < MAX_TYPE_PARAMETER_TOKENS && !a.is(k, ';'); k++) {
    if (a.is(k, '=') && (a.is(k - 1, '>') || a.is(k - 1, '>>'))) {
      return k;
    }
  }
  return -1;
}
