/**
 * Java lambdas whose untyped parameter is a client by what they are passed to:
 * - a same-file helper whose parameter at that position is a `java.util.function` interface with the
 *   client class as the type of its first input (`<R> R withJedis(Function<Jedis, R> action)`, then
 *   `withJedis(jedis -> jedis.keys("x"))`), when every helper of that name and arity agrees;
 * - Spring Data Redis's `RedisCallback`, cast (`(RedisCallback<Long>) connection -> connection.dbSize()`) or
 *   passed to a template's `execute`, `executePipelined` or `executeWithStickyConnection`, whose one
 *   parameter is the connection (`T doInRedis(RedisConnection connection)`, RedisCallback javadoc); under
 *   `executePipelined` the connection queues its commands in a pipeline (RedisTemplate javadoc).
 */
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { FunctionScope } from '../language';
import { chainStart } from '../receiverChains';
import { Value } from '../values';
import { callbackParameterClient } from './javaLibraries';

const FUNCTION_PACKAGE = 'java.util.function';
/**
 * `java.util.function` interfaces whose first type argument is the type of the lambda's first parameter
 * (`IntFunction<R>` and `Supplier<T>` are not: their type argument is the result).
 */
const FIRST_INPUT_FUNCTIONS = new Set([
  'Function', 'Consumer', 'Predicate', 'UnaryOperator', 'BinaryOperator', 'BiFunction', 'BiConsumer', 'BiPredicate',
  'ToIntFunction', 'ToLongFunction', 'ToDoubleFunction', 'ToIntBiFunction', 'ToLongBiFunction', 'ToDoubleBiFunction',
  'ObjIntConsumer', 'ObjLongConsumer', 'ObjDoubleConsumer',
]);
/** Spring Data Redis template methods whose first argument is a `RedisCallback`. */
const CALLBACK_METHODS = new Set(['execute', 'executePipelined', 'executeWithStickyConnection']);
/** How many arguments of a call are counted (see `argumentPosition`). */
const MAX_ARGUMENTS = 16;
/** Modifiers before a parameter's type. */
const PARAMETER_MODIFIERS = ['final'];

/** Per file, the `java.util.function` interfaces it imports by simple name. */
const importedFunctions = new FileMemo<string, boolean>();

/** Notes `import java.util.function.Function;` and `import java.util.function.*;`. */
export function noteFunctionImport(a: CodeAnalyzer, path: string): void {
  const dot = path.lastIndexOf('.');
  if (path.slice(0, dot) !== FUNCTION_PACKAGE) {
    return;
  }
  const name = path.slice(dot + 1);
  for (const type of FIRST_INPUT_FUNCTIONS) {
    if (name === '*' || name === type) {
      importedFunctions.set(a, type, true);
    }
  }
}

/**
 * Binds the first untyped parameter of each lambda that one of the shapes above makes a client, outer lambdas
 * first; and a typed one (`(RedisConnection connection) ->`) where the callback runs pipelined, which its type cannot say.
 */
export function bindLambdaClients(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  const lambdas = [...a.functions.values()].filter((fn) => lambdaParameter(a, fn)).sort((x, y) => x.params - y.params);
  if (lambdas.length === 0) {
    return;
  }
  const methods = methodsByName(a);
  for (const fn of lambdas) {
    const parameter = lambdaParameter(a, fn)!;
    const client = castCallbackClient(a, fn.params) ?? passedClient(a, fn.params, methods);
    if (client?.t === 'client' && (!parameter.typed || client.batched)) {
      tree.bind(fn.scope, a.tokens.text(parameter.name), { token: parameter.name, expression: -1, declared: client });
    }
  }
}

/** The first parameter of a lambda (`jedis ->`, `(jedis, key) ->`, `(RedisConnection connection) ->`), and whether it declares a type. */
function lambdaParameter(a: CodeAnalyzer, fn: FunctionScope): { name: number; typed: boolean } | undefined {
  if (a.isId(fn.params) && a.is(fn.params + 1, '->')) {
    return { name: fn.params, typed: false };
  }
  const close = a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  if (close <= fn.params + 1 || !a.is(close + 1, '->')) {
    return undefined;
  }
  let end = fn.params + 1;
  while (end < close && !a.is(end, ',')) {
    end = a.skipGroup(end);
  }
  const name = end - 1;
  return a.isId(name) && name > fn.params ? { name, typed: name > fn.params + 1 } : undefined;
}

/** `(RedisCallback<T>) connection -> ...`: the client a cast to a callback interface gives its parameter. */
function castCallbackClient(a: CodeAnalyzer, start: number): Value | undefined {
  const open = a.is(start - 1, ')') ? a.partner[start - 1] : -1;
  if (open < 0 || !a.isId(open + 1) || !(a.is(open + 2, '<') || a.is(open + 2, ')'))) {
    return undefined;
  }
  const client = callbackParameterClient(a, a.tokens.text(open + 1));
  return client?.t === 'client' && pipelinedBy(a, open) ? { ...client, batched: true } : client;
}

/** Whether the argument that starts at `start` is the first one of a Spring template's `executePipelined`. */
function pipelinedBy(a: CodeAnalyzer, start: number): boolean {
  const call = a.parent[start];
  return call > 0 && call === start - 1 && a.idIs(call - 1, 'executePipelined') && a.isAccess(call - 2);
}

/** The client a lambda that starts at `start` gets as the argument of a call: a Spring template's callback, or a same-file helper's function. */
function passedClient(a: CodeAnalyzer, start: number, methods: Map<string, FunctionScope[]>): Value | undefined {
  const call = a.parent[start];
  if (call <= 0 || !a.is(call, '(') || !a.isId(call - 1)) {
    return undefined;
  }
  const name = a.tokens.text(call - 1);
  if (a.isAccess(call - 2) && !a.idIs(call - 3, 'this')) {
    return CALLBACK_METHODS.has(name) && argumentPosition(a, call, start) === 0 ? templateCallbackClient(a, call - 1) : undefined;
  }
  const helpers = methods.get(name);
  const position = helpers ? argumentPosition(a, call, start) : -1;
  if (!helpers || position < 0) {
    return undefined;
  }
  const count = argumentCount(a, call);
  const candidates = helpers.filter((fn) => parameterGroups(a, fn.params).length === count);
  let client: Value | undefined;
  for (const fn of candidates) {
    const typed = functionalInputClient(a, parameterGroups(a, fn.params)[position]);
    if (!typed || (client && !sameClient(client, typed))) {
      return undefined;
    }
    client = typed;
  }
  return client;
}

/** `template.execute(connection -> ...)` on a Spring Data Redis template: the connection. */
function templateCallbackClient(a: CodeAnalyzer, method: number): Value | undefined {
  const start = chainStart(a, method - 2);
  const receiver = start <= method - 2 ? a.evalChain(start, method - 1).value : undefined;
  if (receiver?.t !== 'client' || receiver.flavor !== 'spring-data-redis' || receiver.structure) {
    return undefined;
  }
  const connection: Value = { t: 'client', kind: 'redis', flavor: 'spring-data-redis' };
  return a.idIs(method, 'executePipelined') ? { ...connection, batched: true } : connection;
}

function sameClient(x: Value, y: Value): boolean {
  return x.t === 'client' && y.t === 'client' && x.kind === y.kind && x.flavor === y.flavor && x.batched === y.batched;
}

/** Same-file method declarations by name: a function scope whose parameters follow the name and whose body follows them. */
function methodsByName(a: CodeAnalyzer): Map<string, FunctionScope[]> {
  const methods = new Map<string, FunctionScope[]>();
  for (const fn of a.functions.values()) {
    if (fn.body < 0 || !a.is(fn.params, '(') || !a.isId(fn.params - 1) || a.isAccess(fn.params - 2)) {
      continue;
    }
    const name = a.tokens.text(fn.params - 1);
    methods.set(name, [...(methods.get(name) ?? []), fn]);
  }
  return methods;
}

/**
 * The index of the argument of the call that opens at `open` in which token `at` sits, or -1 past the first
 * few: a helper takes a few arguments, and a call with many lambdas must not be read once per lambda.
 */
export function argumentPosition(a: CodeAnalyzer, open: number, at: number): number {
  let position = 0;
  for (let k = open + 1; k < at && position <= MAX_ARGUMENTS; k = a.skipGroup(k)) {
    if (a.is(k, ',')) {
      position++;
    }
  }
  return position <= MAX_ARGUMENTS ? position : -1;
}

export function argumentCount(a: CodeAnalyzer, open: number): number {
  const close = a.partner[open];
  if (close === open + 1) {
    return 0;
  }
  const last = argumentPosition(a, open, close);
  return last < 0 ? -1 : last + 1;
}

/** A declaration's parameters as token ranges [from, to), split at commas outside type arguments (`Function<Jedis, R> action`). */
export function parameterGroups(a: CodeAnalyzer, open: number): [number, number][] {
  const close = a.partner[open];
  const groups: [number, number][] = [];
  let depth = 0;
  let from = open + 1;
  for (let k = open + 1; k <= close && close > open + 1; k = k < close ? a.skipGroup(k) : k + 1) {
    if (a.is(k, '<')) {
      depth++;
    } else if (a.is(k, '>')) {
      depth--;
    } else if (a.is(k, '>>')) {
      depth -= 2;
    } else if (k === close || (a.is(k, ',') && depth === 0)) {
      groups.push([from, k]);
      from = k + 1;
    }
  }
  return groups;
}

/**
 * The client a parameter declared `Function<Jedis, R> action` gives a lambda's first parameter: the type of
 * the interface's first input (`? super Jedis` counts as `Jedis`), when the interface is `java.util.function`'s.
 */
function functionalInputClient(a: CodeAnalyzer, group: [number, number] | undefined): Value | undefined {
  if (!group) {
    return undefined;
  }
  let k = group[0];
  while (k < group[1] && (a.tokens.isOneOf(k, PARAMETER_MODIFIERS) || a.is(k, '@'))) {
    k = a.is(k, '@') ? k + 2 : k + 1;
  }
  const qualified = a.dottedPath(k);
  const simple = qualified.text.slice(qualified.text.lastIndexOf('.') + 1);
  const known = qualified.text === `${FUNCTION_PACKAGE}.${simple}` ? FIRST_INPUT_FUNCTIONS.has(simple) : qualified.text === simple && importedFunctions.get(a, simple, () => false);
  if (!known || !a.is(qualified.end, '<')) {
    return undefined;
  }
  let input = qualified.end + 1;
  if (a.is(input, '?') && a.idIs(input + 1, 'super')) {
    input += 2;
  }
  // The first type argument is one class name, nothing after it but the next argument or the end.
  const type = a.dottedPath(input);
  if (!a.is(type.end, ',') && !a.is(type.end, '>') && !a.is(type.end, '>>')) {
    return undefined;
  }
  const value = a.language.typeValue(a, input);
  return value?.t === 'client' ? value : undefined;
}
