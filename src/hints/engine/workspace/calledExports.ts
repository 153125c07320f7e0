/**
 * Module-level names whose client another module makes, for the files that import them: a name bound to a call of
 * a function the module imports from the project (`redis_template = get_redis_template()` in a package's
 * `__init__.py`, `orders = get_table("orders")` in `db.py`, a JavaScript `export const redis = createRedisConnection()`
 * after `import { createRedisConnection } from '@app/db'`) is exported as that call, with the strings it passes,
 * and the workspace reads the call where a file imports the name (`importedClients.ts`): a module's own exports
 * are read without the rest of the workspace. A name first bound to `None` at module level and then to a client
 * (`client = None`, then `client = Redis(...)` under an `if`) exports the client: no use of the name can be of the `None`.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { callArguments } from '../code/parametrisedCalls';
import type { Value } from '../code/values';
import type { Binding } from '../scope/scopes';
import type { ReExport } from './codeExports';
import { PYTHON_CLIENT_LIBRARY } from './pythonClientLibraries';

/** JavaScript client libraries whose names a project module may pass on: the AWS SDKs and the Redis clients. */
export const JS_CLIENT_LIBRARY = /^(?:@aws-sdk\/|aws-sdk(?:\/|$)|ioredis$|redis$|@redis\/)/;
/**
 * Libraries a project module may hand on whole to other files, as it imported them (`module.exports = AWS` after
 * `AWS.config.update(...)`, `export default dynamoose` after `dynamoose.aws.ddb.set(...)`): the client libraries,
 * and the DynamoDB libraries whose objects the readers follow (`code/languages/ormObjects.ts`).
 */
export const JS_PASSED_ON_LIBRARY = new RegExp(`${JS_CLIENT_LIBRARY.source}|^(?:dynamoose|electrodb|dynamodb-onetable)$|^dynamodb-toolbox(?:\\/|$)`);

/**
 * The call from `start` to `end` (the end of its statement) of a name a Python or JavaScript module imports at
 * module level from a module that may be the project's (`get_table("orders")` after `from app.clients import
 * get_table`), as the function it calls there and the strings it passes; undefined for anything else, a client
 * library's call included (the module reads those itself).
 */
export function calledImport(a: CodeAnalyzer, start: number, end: number): ReExport | undefined {
  const open = start + 1;
  const family = a.language.family;
  if ((family !== 'python' && family !== 'js') || !a.isId(start) || !a.is(open, '(') || a.partner[open] + 1 !== end) {
    return undefined;
  }
  const imported = a.imports.get(a.tokens.text(start));
  const library = family === 'python' ? PYTHON_CLIENT_LIBRARY : JS_CLIENT_LIBRARY;
  if (!imported || imported.path === '' || imported.at === undefined || a.scopes.holderAt(imported.at) !== 0 || library.test(imported.module)) {
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

/**
 * The object `Object.assign(target, { ... })` from `start` adds to its target, which the call returns (`export
 * const queue = Object.assign(new Queue('jobs', options), { redis })`): its members are the exported object's
 * too. With the token after the call and a type assertion on it; undefined for any other value.
 */
export function assignedObject(a: CodeAnalyzer, start: number): { value: Value | undefined; end: number } | undefined {
  const open = start + 3;
  if (a.language.family !== 'js' || !a.idIs(start, 'Object') || !a.is(start + 1, '.') || !a.idIs(start + 2, 'assign') || !a.is(open, '(')) {
    return undefined;
  }
  const close = a.partner[open];
  const brace = close > 0 && a.is(close - 1, '}') ? a.partner[close - 1] : -1;
  return brace > 0 && a.parent[brace] === open && a.is(brace - 1, ',') ? { value: { t: 'record', open: brace }, end: pastAssertion(a, close + 1) } : undefined;
}

/** The token after a TypeScript assertion of a named type that starts at `k` (`as JobsQueue`, `as types.Queue`), else `k`. */
function pastAssertion(a: CodeAnalyzer, k: number): number {
  if (!a.idIs(k, 'as') || !a.isId(k + 1)) {
    return k;
  }
  let end = k + 2;
  while (a.is(end, '.') && a.isId(end + 1)) {
    end += 2;
  }
  return end;
}

/**
 * The members of an exported JavaScript object literal that hold a call of another module's function, made when
 * the module ran (`{ redis: createRedisConnection() }`, or `{ redis }` for a `const redis = createRedisConnection()`
 * of the module), by name as `calledImport` reads the call; the names in `skip` already hold a client.
 */
export function calledMembers(a: CodeAnalyzer, object: Value | undefined, skip: Readonly<Record<string, unknown>>): Record<string, ReExport> {
  const members: Record<string, ReExport> = {};
  if (a.language.family !== 'js' || object?.t !== 'record') {
    return members;
  }
  for (const [from, to] of segments(a, object.open)) {
    const name = a.isId(from) ? a.tokens.text(from) : '';
    const value = to === from + 1 ? from : a.is(from + 1, ':') ? from + 2 : -1;
    const called = name !== '' && name !== '__proto__' && !Object.hasOwn(skip, name) && value >= 0 ? heldCall(a, value, to) : undefined;
    if (called) {
      members[name] = called;
    }
  }
  return members;
}

/** The call of another module's function the value from `start` to `end` is, in place or through a module-level `const`. */
function heldCall(a: CodeAnalyzer, start: number, end: number): ReExport | undefined {
  if (a.is(start + 1, '(')) {
    return calledImport(a, start, end);
  }
  const bindings = end === start + 1 && a.isId(start) ? a.scopes.bindingsIn(0).get(a.tokens.text(start)) : undefined;
  const binding = bindings?.length === 1 ? bindings[0] : undefined;
  if (!binding || binding.expression < 0 || !a.idIs(binding.token - 1, 'const')) {
    return undefined;
  }
  return calledImport(a, binding.expression, a.evalChain(binding.expression, a.tokens.length).end);
}
