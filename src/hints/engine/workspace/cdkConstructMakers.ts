/**
 * Module-level functions that make a CDK construct and return it: `export function createTable(stack, id, pk) {
 * const table = new dynamodb.Table(stack, id, { … }); return table }`, `return new rds.DatabaseCluster(…)`, Python
 * `def create_table(scope): table = dynamodb.Table(scope, "T", …); return table`. A call of one in another file
 * (`const orders = createTable(this, 'Orders', 'pk')`) gives that construct, so what the stack then does with it
 * (`orders.grantFullAccess(fn)`) is read as done to the construct. Every `return` must give the same construct class;
 * a body with a nested function, a name bound twice or a return of anything else leaves the function out.
 */
import { TOKEN_KIND } from '../lexer';
import type { CdkSource } from './cdkSource';
import { functionHeader } from './cdkWrapperFunctions';
import type { CdkMemberType } from './types';

const { ID } = TOKEN_KIND;

/** Functions read per file, as for the wrapper functions. */
const MAX_FUNCTIONS = 128;

type TypeOf = (names: readonly string[]) => CdkMemberType | undefined;

/** The construct class each module-level function of the file returns, by the function's name. */
export function constructMakers(source: CdkSource, typeOf: TypeOf): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  let count = 0;
  const { tokens } = source;
  for (let k = 0; k < tokens.length && count < MAX_FUNCTIONS; k++) {
    const arrow = source.python ? undefined : expressionArrow(source, k, typeOf);
    const body = arrow ?? (source.python ? pythonFunction(source, k) : jsFunction(source, k));
    if (!body) {
      continue;
    }
    const construct = arrow ? arrow.construct : returnedConstruct(source, body.start, body.end, typeOf);
    if (construct !== undefined && !Object.hasOwn(found, body.name) && body.name !== '__proto__') {
      found[body.name] = construct;
      count++;
      // `export default function createTable(…)`: a default import names it `default`.
      if (source.is(k - 1, 'default') && source.is(k - 2, 'export')) {
        found.default = construct;
      }
    }
    k = body.end - 1;
  }
  if (count > 0 && !source.python) {
    defaultExport(source, found);
  }
  return count > 0 ? found : undefined;
}

/** `export default createTable;` of a maker the file declares: a default import names it `default`. */
function defaultExport(source: CdkSource, found: Record<string, string>): void {
  const { tokens } = source;
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (source.is(k, 'export') && source.is(k + 1, 'default') && tokens.kinds[k + 2] === ID && source.scopeChain(k).length === 1) {
      const name = tokens.text(k + 2);
      const ends = source.is(k + 3, ';') || k + 3 >= tokens.length || source.startsStatement(k + 3);
      if (ends && Object.hasOwn(found, name)) {
        found.default = found[name];
      }
      return;
    }
  }
}

/** A module-level `function name(…) {` or `const name = (…) => {` at `k`: its name and the tokens of its body. */
function jsFunction(source: CdkSource, k: number): { name: string; start: number; end: number } | undefined {
  const header = source.tokens.kinds[k] === ID && source.scopeChain(k).length === 1 ? functionHeader(source, k) : undefined;
  if (!header) {
    return undefined;
  }
  // An async function's call gives a promise of the construct, not the construct.
  let async = source.is(k - 1, 'async');
  for (let j = k; j < header.parameters && !async; j++) {
    async = source.is(j, 'async');
  }
  return async ? undefined : { name: header.name, start: header.body + 1, end: source.partner[header.body] };
}

/** Tokens between an arrow's parameter list and its `=>`: a return type (`): dynamodb.Table =>`). */
const MAX_RETURN_TYPE_TOKENS = 16;

/**
 * A module-level `const name = (…) => new a.B(…)` at `k`, whose body is the construction: its name, the construct
 * class and the tokens the construction spans.
 */
function expressionArrow(source: CdkSource, k: number, typeOf: TypeOf): { name: string; construct: string; start: number; end: number } | undefined {
  if (!(source.is(k, 'const') || source.is(k, 'let')) || source.tokens.kinds[k + 1] !== ID || !source.is(k + 2, '=') || source.scopeChain(k).length !== 1) {
    return undefined;
  }
  const open = k + 3;
  const close = source.is(open, '(') ? source.partner[open] : -1;
  let arrow = close + 1;
  while (close > open && arrow < close + MAX_RETURN_TYPE_TOKENS && arrow < source.tokens.length && !source.is(arrow, '=>') && !source.is(arrow, '{') && !source.is(arrow, ';')) {
    arrow++;
  }
  const construct = close > open && source.is(arrow, '=>') ? constructAt(source, arrow + 1, typeOf) : undefined;
  const end = construct === undefined ? -1 : source.partner[source.dottedNames(arrow + 2).next];
  // The construction is the whole body, not the start of `new a.B(…).member`.
  return construct !== undefined && end > arrow && returnEnds(source, end + 1) ? { name: source.tokens.text(k + 1), construct, start: arrow + 1, end: end + 1 } : undefined;
}

/** A module-level `def name(…):` at `k`: its name and the tokens of its body, past the header's `:`. */
function pythonFunction(source: CdkSource, k: number): { name: string; start: number; end: number } | undefined {
  // `async def` makes a coroutine: its call gives no construct.
  if (!source.is(k, 'def') || source.is(k - 1, 'async') || source.tokens.kinds[k + 1] !== ID || !source.is(k + 2, '(') || source.scopeChain(k).length !== 2) {
    return undefined;
  }
  const close = source.partner[k + 2];
  let colon = close + 1;
  // A return annotation (`-> dynamodb.Table`) before the `:`.
  while (colon < source.tokens.length && colon < close + 16 && !source.is(colon, ':')) {
    colon++;
  }
  return close > k && source.is(colon, ':') ? { name: source.tokens.text(k + 1), start: colon + 1, end: source.scopeEnd(k) } : undefined;
}

/** The one construct class every `return` of the body [start, end) gives, through a name bound once to it or directly. */
function returnedConstruct(source: CdkSource, start: number, end: number, typeOf: TypeOf): string | undefined {
  const made = new Map<string, string | null>();
  let returned: string | undefined;
  for (let k = start; k < end; k++) {
    if (source.is(k, '=>') || source.is(k, 'function') || source.is(k, 'lambda') || source.is(k, 'def') || source.is(k, 'yield')) {
      // A nested function's `return` is not this function's.
      return undefined;
    }
    const bound = boundName(source, k);
    if (bound) {
      // A name bound again may hold anything by the time it is returned.
      made.set(bound.name, made.has(bound.name) ? null : constructAt(source, bound.value, typeOf) ?? null);
      // Past the declared name, which is no assignment of its own.
      k += source.is(k, 'const') || source.is(k, 'let') || source.is(k, 'var') ? 1 : 0;
      continue;
    }
    if (!source.is(k, 'return')) {
      continue;
    }
    const direct = constructAt(source, k + 1, typeOf);
    const named = source.tokens.kinds[k + 1] === ID && returnEnds(source, k + 2) ? made.get(source.tokens.text(k + 1)) : undefined;
    const construct = direct ?? named ?? undefined;
    if (construct === undefined || (returned !== undefined && returned !== construct)) {
      return undefined;
    }
    returned = construct;
  }
  return returned;
}

/** `const name = …` (JavaScript) or a statement `name = …` (Python) at `k`: the name and the value's first token. */
function boundName(source: CdkSource, k: number): { name: string; value: number } | undefined {
  const { tokens } = source;
  if (!source.python) {
    const declared = source.is(k, 'const') || source.is(k, 'let') || source.is(k, 'var');
    if (!declared) {
      // `table = other`: a name of the body set again.
      return tokens.kinds[k] === ID && source.is(k + 1, '=') && !source.is(k - 1, '.') ? { name: tokens.text(k), value: -1 } : undefined;
    }
    if (tokens.kinds[k + 1] !== ID) {
      return undefined;
    }
    // `const table: dynamodb.Table = new …`: past the annotation.
    let j = k + 2;
    while (j < k + 16 && j < tokens.length && !source.is(j, '=') && !source.is(j, ';')) {
      j++;
    }
    return source.is(j, '=') ? { name: tokens.text(k + 1), value: j + 1 } : { name: tokens.text(k + 1), value: -1 };
  }
  if (tokens.kinds[k] !== ID || !source.startsStatement(k) || source.is(k, 'return')) {
    return undefined;
  }
  let j = k + 1;
  if (source.is(j, ':')) {
    // `table: dynamodb.Table = dynamodb.Table(…)`: past the annotation.
    while (j < k + 16 && j < tokens.length && !source.is(j, '=')) {
      j++;
    }
  }
  return source.is(j, '=') && !source.is(j + 1, '=') ? { name: tokens.text(k), value: j + 1 } : undefined;
}

/** The construct class a construction at `k` makes: `new a.B(` in JavaScript, `a.B(` in Python. */
function constructAt(source: CdkSource, k: number, typeOf: TypeOf): string | undefined {
  if (k < 0) {
    return undefined;
  }
  const first = source.python ? k : source.is(k, 'new') ? k + 1 : -1;
  if (first < 0) {
    return undefined;
  }
  const { names, next } = source.dottedNames(first);
  const type = names.length > 0 && source.is(next, '(') ? typeOf(names) : undefined;
  return type && 'construct' in type ? type.construct : undefined;
}

/** Whether the returned name's statement ends at `k`: `;`, `}`, or (code without semicolons and Python) a new line. */
function returnEnds(source: CdkSource, k: number): boolean {
  return k >= source.tokens.length || source.is(k, ';') || source.is(k, '}') || source.startsStatement(k);
}
