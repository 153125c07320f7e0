/**
 * Calls of a Python function whose return value depends on what it is passed: a generic factory
 * (`def get_client(service): return boto3.client(service)`, `get_boto3_resource("dynamodb").Table(name)`)
 * read for one call with the call's literal strings put for its parameters (positional or keyword, a
 * default where the call passes nothing). Anything not a literal stays unknown; a parameter of a function
 * read so passes its own string on (`get_resource(service)` inside another factory).
 *
 * While a call is read, a frame on the analyzer holds its parameters' strings: bindings inside the
 * function are then evaluated afresh for the frame (`CodeAnalyzer.valueOf`), since what they give depends
 * on it. Each function is read once per set of strings; a recursion, a chain of more than a few calls, or
 * returns that give different values give nothing.
 */
import type { Binding } from '../scope/scopes';
import type { CallArguments } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { Value } from './values';

/** The strings of one call being read, for the parameters of the function that spans tokens [start, end). */
export interface Frame {
  start: number;
  end: number;
  strings: Map<Binding<Value>, string>;
  /** Bindings of the function evaluated for this frame. */
  values: Map<Binding<Value>, Value | undefined>;
}

/** Calls read one inside another: past this, a chain gives nothing. */
const MAX_FRAMES = 4;
/** Return statements of one function that are read. */
const MAX_RETURNS = 8;

interface Parameter {
  binding: Binding<Value>;
  name: string;
  /** Only passed by keyword: after `*` or `*args`. */
  keywordOnly: boolean;
  /** Its default, when a literal string. */
  fallback: string | undefined;
}

/** The parameters of each `def`, by function scope, read once per file. */
const parameterLists = new FileMemo<number, Parameter[] | null>();
/** What each function gives for one set of strings: `null` while it is being read, and for nothing. */
const results = new FileMemo<string, Value | null>();

/** The innermost frame that holds a binding's token: its value there depends on the frame's strings. */
export function frameOf(a: CodeAnalyzer, token: number): Frame | undefined {
  for (let k = a.frames.length - 1; k >= 0; k--) {
    const frame = a.frames[k];
    if (token >= frame.start && token < frame.end) {
      return frame;
    }
  }
  return undefined;
}

/** The string an argument [start, end) stands for: a literal, or a parameter of a function being read for a call. */
export function argumentString(a: CodeAnalyzer, start: number, end: number): string | undefined {
  if (end !== start + 1) {
    return undefined;
  }
  if (a.isString(start)) {
    return a.tokens.interpolated(start) ? undefined : a.tokens.text(start);
  }
  if (!a.isId(start) || a.frames.length === 0) {
    return undefined;
  }
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  return binding && frameOf(a, binding.token)?.strings.get(binding);
}

/**
 * The first argument of a call as a string, for the factories that take a service or operation name first:
 * a literal, a parameter's string while its function is read for a call, or boto3's `service_name=` keyword.
 */
export function firstStringArgument(a: CodeAnalyzer, value: Value, open: number): string | undefined {
  if (a.isString(open + 1)) {
    return a.tokens.text(open + 1);
  }
  const close = a.partner[open];
  const keyword = value.t === 'boto3' && a.idIs(open + 1, 'service_name') && a.is(open + 2, '=') ? open + 3 : open + 1;
  const after = keyword + 1;
  return after === close || (a.is(after, ',') && after < close) ? argumentString(a, keyword, after) : undefined;
}

/** The strings a call passes (`null` where an argument is no literal), as plain data: a workspace module may read them. */
export function callArguments(a: CodeAnalyzer, open: number): CallArguments {
  const args: CallArguments = { positional: [], named: [], spread: false };
  for (const [start, end] of segments(a, open)) {
    if (a.is(start, '*') || a.is(start, '**')) {
      args.spread = true;
    } else if (a.isId(start) && a.is(start + 1, '=')) {
      args.named.push([a.tokens.text(start), argumentString(a, start + 2, end) ?? null]);
    } else {
      args.positional.push(argumentString(a, start, end) ?? null);
    }
  }
  return args;
}

/** A `def`'s parameters in order, without the `self` / `cls` of a method; null for a lambda or a function of another language. */
function parametersOf(a: CodeAnalyzer, scope: number): Parameter[] | null {
  return parameterLists.get(a, scope, () => {
    const params = a.functions.get(scope)?.params ?? -1;
    if (a.language.family !== 'python' || !a.is(params, '(')) {
      return null;
    }
    const method = a.scopes.kind(a.scopes.parent(scope)) === 'class';
    const list: Parameter[] = [];
    let keywordOnly = false;
    segments(a, params).forEach(([start, end], index) => {
      const starred = a.is(start, '*') || a.is(start, '**');
      const name = a.id(starred ? start + 1 : start);
      keywordOnly ||= starred;
      const binding = name && !starred ? a.scopes.bindingsIn(scope).get(name)?.find((found) => found.token === start) : undefined;
      if (!binding || !name || (method && index === 0 && (name === 'self' || name === 'cls'))) {
        return;
      }
      const fallback = binding.expression >= 0 ? argumentString(a, binding.expression, end) : undefined;
      list.push({ binding, name, keywordOnly, fallback });
    });
    return list;
  });
}

/** The strings a call gives the parameters: by position, by keyword, else each parameter's default. */
function stringsFor(parameters: readonly Parameter[], args: CallArguments): Map<Binding<Value>, string> {
  const strings = new Map<Binding<Value>, string>();
  const named = new Map(args.named);
  let position = 0;
  for (const parameter of parameters) {
    const passed = named.has(parameter.name) ? named.get(parameter.name) : !parameter.keywordOnly && position < args.positional.length ? args.positional[position] : undefined;
    position += parameter.keywordOnly ? 0 : 1;
    // A `*args` or `**kwargs` at the call may fill any parameter it does not name.
    const given = passed === undefined && !args.spread ? parameter.fallback : (passed ?? undefined);
    if (given !== undefined) {
      strings.set(parameter.binding, given);
    }
  }
  return strings;
}

/**
 * What a same-file `def` gives for a call that passes these strings: `{ value }` (which may be nothing),
 * or undefined when no string reaches a parameter, where reading the function as such says as much.
 * A decorator that may change what it returns (`Value.wrapped`), or an accessor, is never read so.
 */
export function calledWith(a: CodeAnalyzer, fn: Value & { t: 'function' }, args: CallArguments): { value: Value | undefined } | undefined {
  const parameters = fn.accessor || fn.wrapped ? null : parametersOf(a, fn.scope);
  const strings = parameters && stringsFor(parameters, args);
  if (!strings || strings.size === 0) {
    return undefined;
  }
  const key = `${fn.scope}\0${JSON.stringify([...strings].map(([binding, string]) => [binding.token, string]))}`;
  const known = results.peek(a, key);
  if (known !== undefined) {
    return { value: known ?? undefined };
  }
  if (a.frames.length >= MAX_FRAMES) {
    return { value: undefined };
  }
  results.set(a, key, null);
  const [start, end] = a.scopes.range(fn.scope);
  const frame: Frame = { start, end, strings, values: new Map() };
  a.frames.push(frame);
  try {
    const value = agreedReturn(a, fn);
    results.set(a, key, value ?? null);
    return { value };
  } finally {
    a.frames.pop();
  }
}

/** The one value the function's returns give under the current frame (those that give nothing aside), with the table it names when a string tells. */
function agreedReturn(a: CodeAnalyzer, fn: Value & { t: 'function' }): Value | undefined {
  let agreed: Value | undefined;
  let agreedKey = '';
  for (const start of a.returnStarts(fn).slice(0, MAX_RETURNS)) {
    const value = withNamedTables(a, a.valueOf(a.expressionBinding(start)));
    const key = value && JSON.stringify(value);
    if (key && agreed && key !== agreedKey) {
      return undefined;
    }
    if (key) {
      agreed = value;
      agreedKey = key;
    }
  }
  return agreed;
}

/** A value with the table that each table object in it names, by a string of the frame (a tuple's elements too). */
function withNamedTables(a: CodeAnalyzer, value: Value | undefined): Value | undefined {
  if (value?.t === 'sequence') {
    return { t: 'sequence', elements: value.elements.map((element) => (element?.t === 'client' ? namedTable(a, element) : element)) };
  }
  return value?.t === 'client' ? namedTable(a, value) : value;
}

/** A table object whose table argument is a string of the frame (`Table(table_name)`): the table it names. */
function namedTable(a: CodeAnalyzer, value: Value & { t: 'client' }): Value {
  const argument = value.table && segments(a, value.table.open)[value.table.position];
  const name = argument && !a.isString(argument[0]) ? argumentString(a, argument[0], argument[1]) : undefined;
  if (name === undefined) {
    return value;
  }
  const named: Value & { t: 'client' } = { ...value, tableName: { kind: 'literal', name } };
  delete named.table;
  return named;
}
