/**
 * CDK helpers that make a Lambda function from their parameters, called once per function in the same file:
 * `createLambda(name: string, handler: string, environment: Env) { return new lambda.Function(this, name, { handler,
 * environment, ... }) }` with `this.createLambda('GetOrder', 'get.handler', env)`, or a module function
 * `makeFunction(scope, name, entry)`. Each call is one function, whose props are the construct's with the
 * parameters replaced by what the call passes (`props.environment` by the `environment` member of an object
 * passed there). JavaScript and TypeScript; a destructured or spread parameter is not replaced.
 */
import { CdkEntry, CdkSource, CdkValue } from './cdkSource';

/** Calls of one factory read per file: a stack makes a few dozen functions at most. */
const MAX_CALLS = 64;
/** Factories that call factories, followed this deep. */
const MAX_FACTORY_DEPTH = 3;
/** TypeScript modifiers a parameter may carry before its name. */
const MODIFIERS = new Set(['public', 'private', 'protected', 'readonly']);
/** Words a `(…) {` follows that open a block, not a function's body (`if (stage) {`). */
export const BLOCK_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'function']);

/** A factory's parameters by position, and the arguments of each call of it in the file. */
export interface FactoryCalls {
  params: (string | undefined)[];
  calls: CdkValue[][];
}

/**
 * The factory function whose body holds token `at` (a method, a function declaration, or an arrow bound to a
 * name) and its calls in the file, or undefined where `at` is in no such function or the function is a
 * constructor (a construct subclass, read where it is constructed).
 */
export function enclosingFactory(source: CdkSource, at: number, depth = 0): FactoryCalls | undefined {
  if (source.python) {
    return undefined;
  }
  for (const scope of source.scopeChain(at)) {
    const body = source.scopeOpen(scope);
    if (scope === 0 || !source.is(body, '{')) {
      return undefined;
    }
    const declared = factoryName(source, body);
    if (declared) {
      return declared.name === 'constructor' ? undefined : { params: parameterNames(source, declared.params), calls: expanded(source, callsOf(source, declared.name, declared.params), depth) };
    }
  }
  return undefined;
}

/**
 * Calls made inside another factory with its own parameters (`createLambdaInt(name, entry, env)` calling
 * `this.createLambda(name, entry, env)`): one call per call of that factory, its arguments passed through.
 */
function expanded(source: CdkSource, calls: readonly Call[], depth: number): CdkValue[][] {
  const result: CdkValue[][] = [];
  for (const call of calls) {
    const outer = depth < MAX_FACTORY_DEPTH ? enclosingFactory(source, call.at, depth + 1) : undefined;
    if (outer && outer.calls.length > 0 && call.args.some((arg) => readsParameter(arg, outer.params))) {
      result.push(...outer.calls.map((args) => call.args.map((arg) => substituted(arg, outer.params, args)!)));
    } else {
      result.push(call.args);
    }
  }
  return result.slice(0, MAX_CALLS);
}

/** The name and parameter list of the function whose body opens at `body`: `name(…) {`, `name(…): T {`, `name = (…) => {`. */
function factoryName(source: CdkSource, body: number): { name: string; params: number } | undefined {
  let close = body - 1;
  if (source.is(close, '=>')) {
    close--;
  } else if (isName(source, close)) {
    // A return type written as a dotted name (`): lambda.Function {`).
    let k = close;
    while (source.is(k - 1, '.') && isName(source, k - 2)) {
      k -= 2;
    }
    if (source.is(k - 1, ':') && source.is(k - 2, ')')) {
      close = k - 2;
    }
  }
  const params = source.is(close, ')') ? source.partner[close] : -1;
  if (params < 0 || params >= close) {
    return undefined;
  }
  const before = params - 1;
  if (BLOCK_KEYWORDS.has(source.tokens.text(before))) {
    return undefined;
  }
  if (isName(source, before)) {
    return { name: source.tokens.text(before), params };
  }
  // `const makeFunction = (…) => {`
  if (source.is(before, '=') && isName(source, before - 1) && source.is(body - 1, '=>')) {
    return { name: source.tokens.text(before - 1), params };
  }
  return undefined;
}

function isName(source: CdkSource, k: number): boolean {
  return k >= 0 && /^[A-Za-z_$][\w$]*$/.test(source.tokens.text(k));
}

/** Each parameter's name by position; undefined for a destructured or spread one (whose first token is a bracket or a dot). */
export function parameterNames(source: CdkSource, open: number): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  const close = source.partner[open];
  let first = true;
  for (let k = open + 1; k < close; k = source.partner[k] > k ? source.partner[k] + 1 : k + 1) {
    if (source.is(k, ',')) {
      first = true;
    } else if (first && !MODIFIERS.has(source.tokens.text(k))) {
      first = false;
      names.push(isName(source, k) ? source.tokens.text(k) : undefined);
    }
  }
  return names;
}

/** A call of a factory: its arguments, and its name's token. */
interface Call {
  args: CdkValue[];
  at: number;
}

/** The arguments of each call of `name` in the file (`this.name(…)` or `name(…)`), not its own definition. */
function callsOf(source: CdkSource, name: string, definition: number): Call[] {
  const calls: Call[] = [];
  const { tokens } = source;
  for (let k = 1; k < tokens.length && calls.length < MAX_CALLS; k++) {
    if (k + 1 === definition || !source.is(k + 1, '(') || tokens.text(k) !== name || source.is(k - 1, 'function')) {
      continue;
    }
    const onThis = source.is(k - 1, '.') && (source.is(k - 2, 'this') || source.is(k - 2, 'self'));
    if (source.is(k - 1, '.') && !onThis) {
      continue;
    }
    const close = source.partner[k + 1];
    if (close > k) {
      calls.push({ args: source.arguments(k + 1, close).args, at: k });
    }
  }
  return calls;
}

/** Whether `value` reads a parameter of `params` anywhere. */
export function readsParameter(value: CdkValue | undefined, params: readonly (string | undefined)[], depth = 0): boolean {
  if (!value || depth > 8) {
    return false;
  }
  switch (value.kind) {
    case 'path':
      return params.includes(value.names[0]);
    case 'object':
      return value.entries.some((entry) => readsParameter(entry.value, params, depth + 1));
    case 'list':
      return value.items.some((item) => readsParameter(item, params, depth + 1));
    case 'call':
      return value.args.some((arg) => readsParameter(arg, params, depth + 1));
    case 'template':
      return value.parts.some((part) => readsParameter(part, params, depth + 1));
    default:
      return false;
  }
}

/** `value` with each parameter of `params` it reads replaced by what `args` passes there; a member of a passed object by its entry. */
export function substituted(value: CdkValue | undefined, params: readonly (string | undefined)[], args: readonly CdkValue[], depth = 0): CdkValue | undefined {
  if (!value || depth > 8) {
    return value;
  }
  switch (value.kind) {
    case 'path': {
      const index = params.indexOf(value.names[0]);
      const passed = index >= 0 ? args[index] : undefined;
      return passed ? member(passed, value.names.slice(1)) ?? value : value;
    }
    case 'object':
      return { ...value, entries: value.entries.map((entry): CdkEntry => ({ name: entry.name, value: substituted(entry.value, params, args, depth + 1)! })) };
    case 'list':
      return { ...value, items: value.items.map((item) => substituted(item, params, args, depth + 1)!) };
    case 'call':
      return { ...value, args: value.args.map((arg) => substituted(arg, params, args, depth + 1)!) };
    case 'template':
      return { ...value, parts: value.parts.map((part) => substituted(part, params, args, depth + 1)!) };
    default:
      return value;
  }
}

/** The value at `names` inside `value` (`props.environment` of a passed object literal), or undefined where it cannot be read. */
function member(value: CdkValue, names: readonly string[]): CdkValue | undefined {
  if (names.length === 0) {
    return value;
  }
  if (value.kind === 'path') {
    return { ...value, names: [...value.names, ...names] };
  }
  const entry = value.kind === 'object' ? value.entries.find((candidate) => candidate.name === names[0]) : undefined;
  return entry ? member(entry.value, names.slice(1)) : undefined;
}
