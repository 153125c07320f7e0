/**
 * Python module-level names whose client another module makes, for the files that import them: a name bound to a
 * call of a function the module imports from the project (`redis_template = get_redis_template()` in a package's
 * `__init__.py`, `orders = get_table("orders")` in `db.py`) is exported as that call, with the strings it passes,
 * and the workspace reads the call where a file imports the name (`importedClients.ts`): a module's own exports
 * are read without the rest of the workspace. A name first bound to `None` at module level and then to a client
 * (`client = None`, then `client = Redis(...)` under an `if`) exports the client: no use of the name can be of the `None`.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { callArguments } from '../code/parametrisedCalls';
import type { Value } from '../code/values';
import type { Binding } from '../scope/scopes';
import type { ReExport } from './codeExports';
import { PYTHON_CLIENT_LIBRARY } from './pythonClientLibraries';

/**
 * The call from `start` to `end` (the end of its statement) of a name a Python module imports at module level
 * from a module that may be the project's (`get_table("orders")` after `from app.clients import get_table`), as
 * the function it calls there and the strings it passes; undefined for anything else, a client library's call
 * included (the module reads those itself).
 */
export function calledImport(a: CodeAnalyzer, start: number, end: number): ReExport | undefined {
  const open = start + 1;
  if (a.language.family !== 'python' || !a.isId(start) || !a.is(open, '(') || a.partner[open] + 1 !== end) {
    return undefined;
  }
  const imported = a.imports.get(a.tokens.text(start));
  if (!imported || imported.path === '' || imported.at === undefined || a.scopes.holderAt(imported.at) !== 0 || PYTHON_CLIENT_LIBRARY.test(imported.module)) {
    return undefined;
  }
  return { module: imported.module, name: imported.path, called: callArguments(a, open) };
}

/**
 * A Python module's bindings of one name without those to `None` at module level, when another remains. A function
 * that sets the name to `None` through `global` (a `reset()` or `close()`) leaves it `None` for the rest of the
 * process, so its bindings stay as they are (and export nothing).
 */
export function liveBindings(a: CodeAnalyzer, bindings: readonly Binding<Value>[]): readonly Binding<Value>[] {
  const none = (binding: Binding<Value>): boolean =>
    binding.expression >= 0 && a.idIs(binding.expression, 'None') && (binding.expression + 1 >= a.tokens.length || a.startsLine(binding.expression + 1));
  const live = bindings.filter((binding) => !none(binding));
  const atModuleLevel = bindings.every((binding) => !none(binding) || a.scopes.holderAt(binding.token) === 0);
  return atModuleLevel && live.length > 0 && live.length < bindings.length && a.language.family === 'python' ? live : bindings;
}
