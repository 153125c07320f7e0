/**
 * Python: a class that subclasses `typing.Protocol` (or typing_extensions') is a structural type. A value fits
 * it by having its methods, whatever it is, so a parameter annotated with one (`def __init__(self, table:
 * UpdateTable)` with `class UpdateTable(Protocol): update_item: Callable`) tells no more than an untyped
 * parameter: what its calls send is read by their request's shape (`requestShapes.ts`), as on an untyped one.
 * The class is the file's own or, in workspace mode, one it imports from another module, whose export records
 * it under `PROTOCOL_MEMBER` among its fields of unknown origin.
 */
import type { CodeAnalyzer } from './analyzer';
import { importedFieldOfUnknownOrigin } from './projectImports';
import type { Value } from './values';

/** The entry a Protocol class's export lists with its fields of unknown origin; no identifier. */
export const PROTOCOL_MEMBER = '(protocol)';

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
const PROTOCOL = 'Protocol';

/** Whether the class `classScope` of the file lists `Protocol` among its bases (`class T(Protocol):`, `typing.Protocol`, `Protocol[K]`). */
export function isProtocolClass(a: CodeAnalyzer, classScope: number): boolean {
  const open = a.scopes.start(classScope) + 2;
  if (a.language.family !== 'python' || !a.idIs(open - 2, 'class') || !a.is(open, '(') || a.partner[open] < open) {
    return false;
  }
  const close = a.partner[open];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const starts = a.is(k - 1, '(') || a.is(k - 1, ',');
    if (starts && a.isId(k) && namesProtocol(a, k)) {
      return true;
    }
  }
  return false;
}

/** Whether a value is an instance of a Protocol class of the file (a parameter annotated with it): nothing known. */
export function protocolInstance(a: CodeAnalyzer, value: Value | null | undefined): boolean {
  return value?.t === 'instance' && !value.classObject && isProtocolClass(a, value.classScope);
}

/** Whether the name alone at `type` (an annotation) is a Protocol class: the file's own, or one a project module exports. */
export function annotatedWithProtocol(a: CodeAnalyzer, type: number): boolean {
  if (a.language.family !== 'python' || !a.isId(type) || a.isAccess(type + 1)) {
    return false;
  }
  const value = a.evalChain(type, type + 1).value;
  if (value?.t === 'instance' && value.classObject) {
    return isProtocolClass(a, value.classScope);
  }
  const imported = a.imports.get(a.tokens.text(type));
  return imported !== undefined && imported.path !== '' && importedFieldOfUnknownOrigin(a, imported.module, imported.path, PROTOCOL_MEMBER);
}

/** `Protocol` imported from typing, or `typing.Protocol`, at `k`. */
function namesProtocol(a: CodeAnalyzer, k: number): boolean {
  const qualified = a.isAccess(k + 1) && a.idIs(k + 2, PROTOCOL);
  const imported = a.imports.get(a.tokens.text(k));
  if (!imported || !TYPING_MODULES.has(imported.module)) {
    return false;
  }
  return qualified ? imported.path === '' : a.idIs(k, PROTOCOL) && imported.path === PROTOCOL;
}
