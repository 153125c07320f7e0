/** The exports of a Python module: every module-level name is importable (see `codeExports.ts`). */
import { CodeAnalyzer } from '../code/analyzer';
import { importedBase, pynamodbClassKind } from '../code/languages/pynamodb';
import { moduleTypeAliases } from '../code/languages/pythonTypeAliases';
import { starImports } from '../code/languages/pythonImports';
import type { CodeExports } from './codeExports';
import { liveBindings } from './calledExports';
import { ExportReader, MAX_STARS } from './exportReader';
import { PYTHON_CLIENT_LIBRARY } from './pythonClientLibraries';

export class PythonExports extends ExportReader {
  /** Whether the module imports PynamoDB, so that a class of it may be a model through a base another module declares. */
  private readonly usesPynamodb: boolean;

  /** `packageInit`: a Python package's `__init__.py`, whose absolute imports are what the package offers too. */
  constructor(
    a: CodeAnalyzer,
    private readonly packageInit: boolean,
  ) {
    super(a);
    this.usesPynamodb = [...a.imports.values()].some((imported) => /^pynamodb(?:\.|$)/.test(imported.module));
  }

  /** Whether the expression at `start` is, to the end of its statement, an instance of a PynamoDB model class of this module. */
  private modelInstanceAt(start: number): boolean {
    if (start < 0) {
      return false;
    }
    const { value, end } = this.a.evalChain(start, this.a.tokens.length);
    return value?.t === 'instance' && value.classObject !== true && this.endsValue(end, start) && pynamodbClassKind(this.a, value.classScope) === 'model';
  }

  /** Every module-level name of a Python module is importable: its clients, and what it imports from the project. */
  read(): CodeExports | undefined {
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
      } else if (this.usesPynamodb && bindings.length === 1 && this.modelInstanceAt(bindings[0].expression)) {
        // `item = ItemModel()`: importers call the model's class methods through it (`crud.item.get(item_id)`).
        if (this.admits(name)) {
          this.pynamodbClasses[name] = 'model';
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
}
