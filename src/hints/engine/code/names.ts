/**
 * What an expression in application code names as a string: a literal, a same-file constant or field that
 * holds one, or an environment variable read (`process.env.X`, `os.environ["X"]`, `System.getenv("X")`,
 * `os.Getenv("X")`, `Environment.GetEnvironmentVariable("X")`). A fallback (`?? 'orders'`, `or "orders"`)
 * does not change what the code reads first. Anything else names nothing: precision first.
 */
import { TOKEN_KIND } from '../lexer';
import type { TableNameRef } from '../workspace/types';
import { Binding, UNBOUND_VALUE } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { FileMemo } from './fileMemo';
import { Value } from './values';

export type NamedValue = { kind: 'literal'; value: string; token: number } | { kind: 'env'; variable: string } | { kind: 'sst'; name: string };

/** What a named value says about a table's name: the literal as a name, an environment variable or SST resource as it is. */
export function tableNameRef(named: NamedValue): TableNameRef {
  return named.kind === 'literal' ? { kind: 'literal', name: named.value } : named;
}

/**
 * Constants that hold constants are followed this many times at most: a guard for the stack, far past
 * any real chain (each binding is read once per file, so the work stays linear).
 */
const MAX_DEPTH = 32;
/** Operators whose right side is used when the left side is empty: `a ?? b`, `a or b`. */
export const FALLBACKS: Record<string, readonly string[]> = { js: ['??', '||'], csharp: ['??'], python: ['or'], java: [], go: [] };

/** What each binding's expression names, and where an expression ends: once per file. */
const bindingNames = new FileMemo<Binding<Value>, NamedValue | null>();
const bindingEnds = new FileMemo<number, number>();

/** What the tokens [from, to) name, or undefined. */
export function namedValue(a: CodeAnalyzer, from: number, to: number, depth = 0): NamedValue | undefined {
  [from, to] = trim(a, from, to);
  if (to - from === 1 && a.isString(from)) {
    return a.tokens.interpolated(from) ? undefined : { kind: 'literal', value: a.tokens.text(from), token: from };
  }
  if (to <= from) {
    return undefined;
  }
  const variable = environmentRead(a, from, to);
  if (variable !== undefined) {
    return { kind: 'env', variable };
  }
  const resource = sstResource(a, from, to);
  if (resource !== undefined) {
    return { kind: 'sst', name: resource };
  }
  const binding = depth < MAX_DEPTH ? bindingAt(a, from, to) : undefined;
  if (!binding) {
    return undefined;
  }
  if (binding.expression < 0 || binding.element || binding.fixed !== undefined) {
    const destructured = destructuredEnvironment(a, binding);
    return destructured === undefined ? undefined : { kind: 'env', variable: destructured };
  }
  return (
    bindingNames.get(a, binding, () => {
      // Named nothing until read, so that a binding that refers to itself names nothing.
      bindingNames.set(a, binding, null);
      return namedValue(a, binding.expression, bindingEnd(a, binding.expression), depth + 1) ?? null;
    }) ?? undefined
  );
}

/** The binding a name or a `this.x` / `self.x` member refers to, when the tokens are exactly that. */
export function bindingAt(a: CodeAnalyzer, from: number, to: number): Binding<Value> | undefined {
  if (to - from === 1 && a.isId(from)) {
    const binding = a.scopes.lookup(a.tokens.text(from), from, a.language.classFieldsVisible);
    return binding === UNBOUND_VALUE ? undefined : (assignedField(a, from, binding) ?? binding);
  }
  const self = a.language.family === 'python' ? 'self' : 'this';
  if (to - from === 3 && a.idIs(from, self) && a.is(from + 1, '.') && a.isId(from + 2)) {
    const classScope = a.scopes.enclosing(from, ['class']);
    return classScope > 0 ? a.scopes.member(classScope, a.tokens.text(from + 2), true) : undefined;
  }
  return undefined;
}

/**
 * A Java or C# field declared without a value and set in a constructor (`this.tableName = System.getenv(...)`),
 * read by its bare name: the binding of that assignment.
 */
function assignedField(a: CodeAnalyzer, token: number, binding: Binding<Value> | undefined): Binding<Value> | undefined {
  if (!binding || binding.expression >= 0 || !a.language.classFieldsVisible) {
    return undefined;
  }
  const classScope = a.scopes.enclosing(token, ['class']);
  if (classScope <= 0 || a.scopes.holderAt(binding.token) !== classScope) {
    return undefined;
  }
  const assigned = a.scopes.member(classScope, a.tokens.text(token), true);
  return assigned && assigned !== binding && assigned.expression >= 0 ? assigned : undefined;
}

/** Where the expression that starts at a token ends (exclusive): the end of its statement or list element. */
export function bindingEnd(a: CodeAnalyzer, start: number): number {
  return bindingEnds.get(a, start, () => expressionEndAt(a, start));
}

function expressionEndAt(a: CodeAnalyzer, start: number): number {
  const family = a.language.family;
  if (family === 'js') {
    return expressionEnd(a, start);
  }
  let k = start;
  while (k < a.tokens.length) {
    if ((a.partner[k] >= 0 && a.partner[k] < k) || a.is(k, ',') || a.is(k, ';')) {
      break;
    }
    if (k > start && a.startsLine(k) && a.parent[k] === a.parent[start] && endsLine(a, k - 1)) {
      break;
    }
    k = a.skipGroup(k);
  }
  return k;
}

/**
 * Whether a line that ends with this token ends the statement: always in Python (continuations sit
 * inside brackets), and in Go unless it ends with an operator or a `.` (Go's semicolon rule).
 */
function endsLine(a: CodeAnalyzer, last: number): boolean {
  switch (a.language.family) {
    case 'python':
      return true;
    case 'go':
      return a.isId(last) || a.isString(last) || a.tokens.kinds[last] === TOKEN_KIND.NUM || a.is(last, ')') || a.is(last, ']') || a.is(last, '}') || a.is(last, '++') || a.is(last, '--');
    default:
      return false;
  }
}

/** Drops what does not change the name: parentheses, a TypeScript `!` or `as T`, `aws.String(...)`, a fallback. */
export function trim(a: CodeAnalyzer, from: number, to: number): [number, number] {
  const family = a.language.family;
  for (let guard = 0; guard < 8 && to > from; guard++) {
    if (family === 'js' && a.is(to - 1, '!')) {
      to--;
    } else if (a.is(from, '(') && a.partner[from] === to - 1) {
      from++;
      to--;
    } else if (family === 'go' && a.idIs(from, 'aws') && a.is(from + 1, '.') && a.idIs(from + 2, 'String') && a.is(from + 3, '(') && a.partner[from + 3] === to - 1) {
      from += 4;
      to--;
    } else {
      const cut = topLevelCut(a, from, to);
      if (cut === to) {
        break;
      }
      to = cut;
    }
  }
  return [from, to];
}

/**
 * The tokens [from, to) without a TypeScript assertion that leaves the value as it is: a trailing non-null `!`
 * (`process.env.REDIS_URL!`) and a top-level `as T` or `satisfies T` (`process.env.REDIS_URL as string`, `{ host } as RedisOptions`).
 */
export function withoutTypeAssertion(a: CodeAnalyzer, from: number, to: number): [number, number] {
  if (a.language.family !== 'js') {
    return [from, to];
  }
  for (let k = a.skipGroup(from); k < to; k = a.skipGroup(k)) {
    if ((a.idIs(k, 'as') || a.idIs(k, 'satisfies')) && !a.isAccess(k - 1)) {
      to = k;
      break;
    }
  }
  while (to > from + 1 && a.is(to - 1, '!')) {
    to--;
  }
  return [from, to];
}

/** The first top-level fallback operator or TypeScript `as`, or `to` when there is none. */
function topLevelCut(a: CodeAnalyzer, from: number, to: number): number {
  const family = a.language.family;
  const fallbacks = FALLBACKS[family] ?? [];
  for (let k = from + 1; k < to; k = a.skipGroup(k)) {
    if (a.tokens.isOneOf(k, fallbacks) || (family === 'js' && a.idIs(k, 'as'))) {
      return k;
    }
  }
  return to;
}

/** Whether a name means the module the code imports by it (not a local of the same name). */
function isModule(a: CodeAnalyzer, token: number, module: string, path = ''): boolean {
  const name = a.tokens.text(token);
  const imported = a.imports.get(name);
  return imported?.module === module && imported.path === path && a.scopes.lookup(name, token) === undefined;
}

function isUnbound(a: CodeAnalyzer, token: number): boolean {
  return a.scopes.lookup(a.tokens.text(token), token) === undefined;
}

/** `name(STR ...)` whose call ends the range: the string. */
function stringCall(a: CodeAnalyzer, open: number, to: number, onlyArgument: boolean): string | undefined {
  if (!a.is(open, '(') || a.partner[open] !== to - 1 || !a.isString(open + 1) || a.tokens.interpolated(open + 1)) {
    return undefined;
  }
  return a.is(open + 2, ')') || (!onlyArgument && a.is(open + 2, ',')) ? a.tokens.text(open + 1) : undefined;
}

/** The environment variable the tokens [from, to) read, or undefined. */
export function environmentRead(a: CodeAnalyzer, from: number, to: number): string | undefined {
  switch (a.language.family) {
    case 'js':
      return jsEnvironment(a, from, to);
    case 'python':
      return pythonEnvironment(a, from, to);
    case 'java':
      return a.idIs(from, 'System') && a.is(from + 1, '.') && a.idIs(from + 2, 'getenv') && isUnbound(a, from) ? stringCall(a, from + 3, to, true) : undefined;
    case 'go':
      return a.idIs(from, 'os') && a.is(from + 1, '.') && a.idIs(from + 2, 'Getenv') && isUnbound(a, from) ? stringCall(a, from + 3, to, true) : undefined;
    case 'csharp': {
      const start = a.idIs(from, 'System') && a.is(from + 1, '.') ? from + 2 : from;
      return a.idIs(start, 'Environment') && a.is(start + 1, '.') && a.idIs(start + 2, 'GetEnvironmentVariable') ? stringCall(a, start + 3, to, true) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * An SST app's table name as its SDK gives it to linked code: `Resource.Notes.name` (SST v3, `Resource` from
 * `sst`, in JavaScript and Python) and `Table.Notes.tableName` (SST v2, `Table` from `sst/node/table`).
 */
function sstResource(a: CodeAnalyzer, from: number, to: number): string | undefined {
  if (to - from !== 5 || !a.isId(from) || !a.isAccess(from + 1) || !a.isId(from + 2) || !a.isAccess(from + 3) || !a.isId(from + 4)) {
    return undefined;
  }
  const member = a.tokens.text(from + 4);
  const v3 = member === 'name' && isModule(a, from, 'sst', 'Resource');
  const v2 = member === 'tableName' && a.language.family === 'js' && isModule(a, from, 'sst/node/table', 'Table');
  return v3 || v2 ? a.tokens.text(from + 2) : undefined;
}

/** `process.env.X`, `process.env['X']`, `process.env?.X`. */
function jsEnvironment(a: CodeAnalyzer, from: number, to: number): string | undefined {
  if (!a.idIs(from, 'process') || !a.isAccess(from + 1) || !a.idIs(from + 2, 'env') || !isUnbound(a, from)) {
    return undefined;
  }
  if (to - from === 5 && a.isAccess(from + 3) && a.isId(from + 4)) {
    return a.tokens.text(from + 4);
  }
  const open = a.is(from + 3, '?.') ? from + 4 : from + 3;
  if (a.is(open, '[') && a.partner[open] === to - 1 && open + 3 === to && a.isString(open + 1) && !a.tokens.interpolated(open + 1)) {
    return a.tokens.text(open + 1);
  }
  return undefined;
}

/** `os.environ["X"]`, `os.environ.get("X", d)`, `os.getenv("X", d)`, and `environ` / `getenv` imported from `os`. */
function pythonEnvironment(a: CodeAnalyzer, from: number, to: number): string | undefined {
  let k = from;
  if (!a.isId(k)) {
    return undefined;
  }
  if (isModule(a, k, 'os') && a.is(k + 1, '.')) {
    k += 2;
    if (a.idIs(k, 'getenv')) {
      return stringCall(a, k + 1, to, false);
    }
    if (!a.idIs(k, 'environ')) {
      return undefined;
    }
  } else if (isModule(a, k, 'os', 'getenv')) {
    return stringCall(a, k + 1, to, false);
  } else if (!isModule(a, k, 'os', 'environ')) {
    return undefined;
  }
  if (a.is(k + 1, '[') && a.partner[k + 1] === to - 1 && k + 4 === to && a.isString(k + 2) && !a.tokens.interpolated(k + 2)) {
    return a.tokens.text(k + 2);
  }
  return a.is(k + 1, '.') && a.idIs(k + 2, 'get') ? stringCall(a, k + 3, to, false) : undefined;
}

/** `const { TABLE_NAME } = process.env` (or `{ TABLE_NAME: table }`): the variable a destructured name reads. */
function destructuredEnvironment(a: CodeAnalyzer, binding: Binding<Value>): string | undefined {
  const token = binding.token;
  const open = token >= 0 && a.language.family === 'js' ? a.parent[token] : -1;
  const close = open >= 0 && a.is(open, '{') ? a.partner[open] : -1;
  if (close < 0 || !a.is(close + 1, '=') || !a.idIs(close + 2, 'process') || !a.isAccess(close + 3) || !a.idIs(close + 4, 'env') || !isUnbound(a, close + 2)) {
    return undefined;
  }
  if (a.isAccess(close + 5) || a.is(close + 5, '[')) {
    return undefined;
  }
  return a.is(token - 1, ':') && a.isId(token - 2) ? a.tokens.text(token - 2) : a.tokens.text(token);
}
