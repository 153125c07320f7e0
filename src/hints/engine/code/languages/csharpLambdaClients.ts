/**
 * C# lambdas whose untyped parameter is a client by the same-file helper they are passed to: a method whose
 * parameter at that position is a delegate with the client type as its first input (`T Do<T>(Func<IDatabase, T> func)`,
 * `void ForDatabase(Action<IDatabase> action)`, then `Do(db => db.HashGetAll(key))`), when every helper of that
 * name and arity agrees. `Func<T1, ..., TResult>` takes its inputs first and its result last, so a `Func` with one
 * type argument (`Func<IDatabase>`) takes no input; `Action<T1, ...>` takes only inputs
 * (https://learn.microsoft.com/en-us/dotnet/api/system.func-2, https://learn.microsoft.com/en-us/dotnet/api/system.action-1).
 */
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { FunctionScope } from '../language';
import { angleDepthBackward } from '../typeArguments';
import { Value } from '../values';
import { argumentCount, argumentPosition, parameterGroups } from './javaLambdaClients';

/** How far back a generic method's type parameters (`Do<T>(...)`, `Run<TKey, TValue>(...)`) are read. */
const MAX_TYPE_PARAMETER_TOKENS = 32;
/** Modifiers before a parameter's type. */
const PARAMETER_MODIFIERS = ['this', 'params', 'in', 'ref', 'out', 'scoped'];

/** Binds the first untyped parameter of each lambda that a same-file helper's delegate parameter makes a client. */
export function bindCsharpLambdaClients(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  const lambdas: [FunctionScope, number][] = [];
  for (const fn of a.functions.values()) {
    const parameter = lambdaParameter(a, fn);
    if (parameter >= 0) {
      lambdas.push([fn, parameter]);
    }
  }
  if (lambdas.length === 0) {
    return;
  }
  const methods = methodsByName(a);
  if (methods.size === 0) {
    return;
  }
  for (const [fn, parameter] of lambdas) {
    const client = passedClient(a, fn.params, methods);
    if (client) {
      tree.bind(fn.scope, a.tokens.text(parameter), { token: parameter, expression: -1, declared: client });
    }
  }
}

/** The first parameter of a lambda written as a call's argument (`db =>`, `async db =>`, `(db, key) =>`), untyped; or -1. */
function lambdaParameter(a: CodeAnalyzer, fn: FunctionScope): number {
  const start = a.idIs(fn.params - 1, 'async') ? fn.params - 1 : fn.params;
  if (!a.is(a.parent[start], '(') || !(a.is(start - 1, '(') || a.is(start - 1, ','))) {
    return -1;
  }
  if (a.isId(fn.params) && a.is(fn.params + 1, '=>')) {
    return fn.params;
  }
  const close = a.is(fn.params, '(') ? a.partner[fn.params] : -1;
  if (close <= fn.params + 1 || !a.is(close + 1, '=>')) {
    return -1;
  }
  // `(db) =>` or `(db, key) =>`: a typed parameter (`(IDatabase db) =>`) is bound by its declaration.
  return a.isId(fn.params + 1) && (a.is(fn.params + 2, ',') || fn.params + 2 === close) ? fn.params + 1 : -1;
}

/** The token of the name a method's parameters follow (`Do` in `Do(...)` and `Do<T>(...)`), or -1. */
function nameBefore(a: CodeAnalyzer, open: number): number {
  let k = open - 1;
  if (a.is(k, '>')) {
    let depth = 0;
    for (let steps = 0; k > 0 && steps < MAX_TYPE_PARAMETER_TOKENS; k--, steps++) {
      depth += angleDepthBackward(a, k);
      if (depth <= 0) {
        break;
      }
    }
    k--;
  }
  return a.isId(k) && !a.idIs(k, 'async') ? k : -1;
}

/** Same-file method declarations by name: a function scope whose parameters follow the name and whose body (or `=>` expression) follows them. */
function methodsByName(a: CodeAnalyzer): Map<string, FunctionScope[]> {
  const methods = new Map<string, FunctionScope[]>();
  for (const fn of a.functions.values()) {
    const name = a.is(fn.params, '(') ? nameBefore(a, fn.params) : -1;
    if (name < 0 || a.isAccess(name - 1) || (fn.body < 0 && fn.concise < 0)) {
      continue;
    }
    const key = a.tokens.text(name);
    methods.set(key, [...(methods.get(key) ?? []), fn]);
  }
  return methods;
}

/** The client a lambda that starts at `start` gets as an argument of a same-file helper (`Do(...)`, `this.Do(...)`, `Do<long>(...)`). */
function passedClient(a: CodeAnalyzer, start: number, methods: Map<string, FunctionScope[]>): Value | undefined {
  const call = a.parent[a.idIs(start - 1, 'async') ? start - 1 : start];
  const name = call > 0 ? nameBefore(a, call) : -1;
  if (name < 0 || (a.isAccess(name - 1) && !a.idIs(name - 2, 'this'))) {
    return undefined;
  }
  const helpers = methods.get(a.tokens.text(name));
  const position = helpers ? argumentPosition(a, call, start) : -1;
  if (!helpers || position < 0) {
    return undefined;
  }
  const count = argumentCount(a, call);
  let client: Value | undefined;
  for (const fn of helpers.filter((helper) => parameterGroups(a, helper.params).length === count)) {
    const typed = delegateInputClient(a, parameterGroups(a, fn.params)[position]);
    if (!typed || (client && !sameClient(client, typed))) {
      return undefined;
    }
    client = typed;
  }
  return client;
}

function sameClient(x: Value, y: Value): boolean {
  return x.t === 'client' && y.t === 'client' && x.kind === y.kind && x.flavor === y.flavor && x.batched === y.batched;
}

/** The client a parameter declared `Func<IDatabase, T> func` or `Action<IDatabase> action` gives a lambda's first parameter. */
function delegateInputClient(a: CodeAnalyzer, group: [number, number] | undefined): Value | undefined {
  if (!group) {
    return undefined;
  }
  let k = group[0];
  while (k < group[1] && a.tokens.isOneOf(k, PARAMETER_MODIFIERS)) {
    k++;
  }
  const qualified = a.dottedPath(k);
  const simple = qualified.text.slice(qualified.text.lastIndexOf('.') + 1);
  if ((simple !== 'Func' && simple !== 'Action') || (qualified.text !== simple && qualified.text !== `System.${simple}`) || !a.is(qualified.end, '<')) {
    return undefined;
  }
  const input = qualified.end + 1;
  // The first type argument is one type name; a `Func` needs a result type after it.
  const type = a.dottedPath(input);
  if (!(a.is(type.end, ',') || (simple === 'Action' && (a.is(type.end, '>') || a.is(type.end, '>>'))))) {
    return undefined;
  }
  const value = a.language.typeValue(a, input);
  return value?.t === 'client' ? value : undefined;
}
