/**
 * JavaScript, TypeScript and Python: a parameter with no type and no default of a named function or method
 * (`async function purge(client, prefix)`, `def fetch_all(table)`, `def _load(self, table)`) holds the client
 * (or a DynamoDB library's model: `ormObjects.ts`, or a CDK construct: a stack's `self._wire(self.table)`) that the calls of it in the file pass at its
 * position (in Python, or by its name), when there is one at least and every one passes the same kind of client or construct. The function's name must be used only to call it,
 * to define it or to export it: one handed on as a value (a callback, a route handler, `map(fetch_all, xs)`,
 * `this.handle` given to an emitter) may be called with anything, and its parameters stay unknown, as do
 * those of a function a call passes something else to, spreads its arguments into, or that the file never
 * calls. A call inside the function itself (a recursion) passes on what the function was passed, and is
 * not counted. In workspace mode, the calls other files make of a module-level function count as well.
 * A Python `__init__`'s parameter holds what the constructions of its class pass (see `constructorArguments.ts`),
 * so that a field built from it is known: `def __init__(self, dynamodb): self.table = dynamodb.Table(name)`
 * with `Users(boto3.resource("dynamodb"))`.
 */
import type { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { constructedArgument, isSession, passedArgument } from './constructorArguments';
import { FileMemo } from './fileMemo';
import { calleeScope, helperNameOf } from './forwardedRequests';
import type { FunctionScope } from './language';
import { exported, otherFilesPass } from './otherFileCallers';
import { agree } from './outerBindings';
import { tokensNamed } from './tokenIndex';
import { Value } from './values';
import { isOrmObject } from './languages/ormObjects';

/** Uses of one function's name read: past this many, the function is a library's, called with anything. */
const MAX_USES = 32;
/** Words that may stand before a TypeScript parameter's name (parameter properties are fields, read elsewhere). */
const MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);

/** What each parameter binding holds from its function's callers, by the parameter's token; null for nothing (and while it is read). */
const passedValues = new FileMemo<number, Value | null>();

/** The function a parameter belongs to, its name and where callers put the parameter's argument. */
interface CalledParameter {
  fn: FunctionScope;
  /** The name token where the function is defined (`function purge(`, `def fetch_all(`, `const purge = (`). */
  definition: number;
  /** A method, called through `this.` or `self.`. */
  method: boolean;
  /** The parameter's position among the arguments a call passes, and its name (Python keyword arguments). */
  position: number;
  name: string;
}

/** The client the callers of a parameter's function pass for it (see the module comment). */
export function passedByCallers(a: CodeAnalyzer, binding: Binding<Value>): Value | undefined {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python') || binding.declared !== undefined || binding.fixed !== undefined || binding.expression >= 0 || binding.destructured || binding.unpacked) {
    return undefined;
  }
  const known = passedValues.peek(a, binding.token);
  if (known !== undefined) {
    return known ?? undefined;
  }
  passedValues.set(a, binding.token, null);
  const parameter = calledParameter(a, binding.token);
  const value = parameter ? (isConstructorParameter(a, parameter) ? constructedArgument(a, { classScope: a.scopes.parent(parameter.fn.scope), position: parameter.position, name: parameter.name }) : agreedArgument(a, parameter)) : undefined;
  passedValues.set(a, binding.token, value ?? null);
  return value;
}

/**
 * The arguments the calls of this file pass for the parameter declared at `token` (JavaScript and Python named
 * functions and methods, as for clients above, but every call counts, whatever the others pass): what a
 * wrapper's parameter is given (`def run(sql): ...` called as `run(f"... {x}")`). Undefined for another parameter.
 */
export function argumentsOfCallers(a: CodeAnalyzer, token: number): [number, number][] | undefined {
  const family = a.language.family;
  const parameter = family === 'js' || family === 'python' ? calledParameter(a, token) : undefined;
  if (!parameter || isConstructorParameter(a, parameter)) {
    return undefined;
  }
  const { fn, definition, method } = parameter;
  const uses = tokensNamed(a, a.tokens.text(definition));
  if (uses.length > MAX_USES) {
    return undefined;
  }
  const [bodyStart, bodyEnd] = a.scopes.range(fn.scope);
  const found: [number, number][] = [];
  for (const use of uses) {
    if (use === definition || !a.is(use + 1, '(') || a.isAccess(use - 1) !== method || (use >= bodyStart && use < bodyEnd) || calleeScope(a, use) !== fn.scope) {
      continue;
    }
    const argument = passedArgument(a, use + 1, parameter);
    if (argument) {
      found.push(argument);
    }
  }
  return found;
}

/** The function and position of the parameter declared at `token`, when it is a bare name in a named function's list. */
function calledParameter(a: CodeAnalyzer, token: number): CalledParameter | undefined {
  const fnScope = a.scopes.scopeAt(token);
  const fn = a.functions.get(fnScope);
  if (!fn || fn.params !== a.parent[token] || !a.is(fn.params, '(')) {
    return undefined;
  }
  const python = a.language.family === 'python';
  const definition = python ? (a.idIs(fn.params - 2, 'def') ? fn.params - 1 : -1) : jsDefinition(a, fn.params) >= 0 ? jsDefinition(a, fn.params) : exportedArrowKey(a, fn.params);
  if (definition < 0) {
    return undefined;
  }
  const method = a.scopes.kind(a.scopes.parent(fnScope)) === 'class';
  // A Python method's first parameter is the instance (or the class): callers pass the next ones.
  const first = python && method && !staticMethod(a, fn.params - 2) ? 1 : 0;
  const parameters = segments(a, fn.params);
  for (let position = first; position < parameters.length; position++) {
    const [start, end] = parameters[position];
    if (token < start || token >= end) {
      continue;
    }
    let k = start;
    while (k < token && MODIFIERS.has(a.id(k) ?? '')) {
      k++;
    }
    // TypeScript parameter properties (`private client`) are fields: the constructor's callers bind them elsewhere.
    return start === token && end === token + 1 ? { fn, definition, method, position: position - first, name: a.tokens.text(token) } : undefined;
  }
  return undefined;
}

/**
 * Whether a parameter is one of a Python class's `__init__`, called by constructing the class, never by its name.
 * (A JavaScript constructor's fields read its parameters through `constructorArguments.ts` alone.)
 */
function isConstructorParameter(a: CodeAnalyzer, { method, definition }: CalledParameter): boolean {
  return method && a.language.family === 'python' && a.idIs(definition, '__init__');
}

/** The name token of a JavaScript function defined with its name (`function purge(`, `purge(` in a class, `const purge = (`), or -1. */
function jsDefinition(a: CodeAnalyzer, params: number): number {
  const name = helperNameOf(a, params);
  if (name === undefined) {
    return -1;
  }
  if (a.idIs(params - 1, name)) {
    return params - 1;
  }
  const eq = a.idIs(params - 1, 'async') ? params - 2 : params - 1;
  // `const purge = (client) => ...`: a declaration, not an assignment to a member or to an outer name.
  return a.idIs(eq - 1, name) && (a.idIs(eq - 2, 'const') || a.idIs(eq - 2, 'let')) ? eq - 1 : -1;
}

/** The key of `run: (client) => ...` or `run: async (client) => ...` in the module's exported object, or -1. */
function exportedArrowKey(a: CodeAnalyzer, params: number): number {
  const colon = a.idIs(params - 1, 'async') ? params - 2 : params - 1;
  return a.is(colon, ':') && a.isId(colon - 1) && keyOfExportedObject(a, colon - 1) ? colon - 1 : -1;
}

/**
 * Whether the name token `key` is a key of the object the module exports, written in place at its top level
 * (`module.exports = { run(client) {...} }`, `exports = {...}`, `export default {...}`): other files call it as
 * that export (`require('./seed').run(docClient)`).
 */
function keyOfExportedObject(a: CodeAnalyzer, key: number): boolean {
  const brace = a.parent[key];
  // `async load(client) {...}`: the method's key after its `async`.
  const before = a.idIs(key - 1, 'async') ? key - 2 : key - 1;
  if (brace < 0 || !a.is(brace, '{') || !(a.is(before, '{') || a.is(before, ',')) || a.scopes.scopeAt(brace - 1) !== 0) {
    return false;
  }
  if (a.idIs(brace - 1, 'default') && a.idIs(brace - 2, 'export')) {
    return true;
  }
  const target = brace - 2;
  return a.is(brace - 1, '=') && a.idIs(target, 'exports') && (a.isAccess(target - 1) ? a.idIs(target - 2, 'module') && !a.isAccess(target - 3) : true);
}

/** Whether the `def` at `def` is decorated `@staticmethod`. */
function staticMethod(a: CodeAnalyzer, def: number): boolean {
  const at = a.idIs(def - 1, 'async') ? def - 1 : def;
  return a.idIs(at - 1, 'staticmethod') && a.is(at - 2, '@');
}

/** The client every call of the parameter's function passes for it, when there is one call at least and they agree. */
function agreedArgument(a: CodeAnalyzer, parameter: CalledParameter): Value | undefined {
  const { fn, definition, method } = parameter;
  const uses = tokensNamed(a, a.tokens.text(definition));
  if (uses.length > MAX_USES) {
    return undefined;
  }
  const [bodyStart, bodyEnd] = a.scopes.range(fn.scope);
  let agreed: Value | undefined;
  for (const use of uses) {
    if (use === definition) {
      continue;
    }
    const member = a.isAccess(use - 1);
    const ownMember = member && (a.idIs(use - 2, 'this') || a.idIs(use - 2, 'self')) && !a.isAccess(use - 3);
    if (!a.is(use + 1, '(')) {
      // A member of some other object, an object key or a keyword argument names something else; the
      // function itself read as a value escapes, unless it is exported.
      if ((member && !(method && ownMember)) || a.is(use + 1, ':') || (a.language.family === 'python' && a.is(use + 1, '='))) {
        continue;
      }
      if (!member && exported(a, use)) {
        continue;
      }
      return undefined;
    }
    // A call of another function of the same name (another object's method, a shadowing local) is no caller;
    // a method's callers reach it through an instance (`this.purge(`, `repo.list_items(`).
    if (calleeScope(a, use) !== fn.scope) {
      continue;
    }
    if (member !== method) {
      return undefined;
    }
    if (use >= bodyStart && use < bodyEnd) {
      continue;
    }
    const argument = passedArgument(a, use + 1, parameter);
    if (!argument) {
      return undefined;
    }
    const [start, end] = argument;
    const passed = a.evalChain(start, end);
    const value = passed.end === end && (passed.value?.t === 'client' || passed.value?.t === 'construct' || isOrmObject(passed.value) || isSession(a, passed.value)) ? passed.value : undefined;
    agreed = value && agreed ? agree(agreed, value) : value;
    if (!agreed) {
      return undefined;
    }
  }
  // A module-level function may be imported: other files' calls count too (workspace mode), as do those of a
  // function the module exports as a key of its exported object (`module.exports = { run: (client) => ... }`).
  const elsewhere = !method && (a.scopes.parent(fn.scope) === 0 || keyOfExportedObject(a, definition)) ? otherFilesPass(a, a.tokens.text(definition), parameter) : undefined;
  if (elsewhere === null) {
    return undefined;
  }
  return elsewhere && agreed ? agree(agreed, elsewhere) : (elsewhere ?? agreed);
}
