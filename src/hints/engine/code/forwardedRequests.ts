/**
 * Requests a same-file helper completes from its parameter: `firstPage(input) { return this.doc.send(new
 * QueryCommand({ ...input, TableName: this.table })) }` called as `this.firstPage({ IndexName: 'gsi1',
 * ConsistentRead: true })`, or Python's `def _query(self, **kwargs): return self.table.query(**kwargs)` called
 * as `self._query(IndexName="gsi1", ConsistentRead=True)`, also through a boto3 paginator (`paginator.paginate(
 * TableName=t, **kwargs)`) and a filtered copy of the keyword arguments (`query = {k: v for k, v in
 * kwargs.items() if v}`, then `**query`). The options written at each call site are a
 * request of the helper's operation, one context per call site (two callers never mix their options), and
 * never complete: the helper adds keys of its own. Only a parameter that goes straight into the request
 * counts, and only a call that resolves to that very function.
 */
import { TOKEN_KIND } from '../lexer';
import { OperationOccurrence } from '../model';
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { contextFrom } from './options';
import { chainStart } from './receiverChains';
import { requestNameArgument } from './v2Callbacks';
import { literalBuiltBy } from './returnedLiterals';

const { ID } = TOKEN_KIND;
const OPEN_PAREN = codeOf('(');
const COMMA = codeOf(',');
const LESS_THAN = codeOf('<');
const GREATER_THAN = codeOf('>');
const SHIFT_RIGHT = codeOf('>>');
const DOUBLE_STAR = codeOf('**');
const OPEN_BRACE = codeOf('{');
const CLOSE_PAREN = codeOf(')');

/** Call sites read per helper: a helper called from more places than this is a library, not a request builder. */
const MAX_CALL_SITES = 32;

/** A helper parameter that becomes (part of) a request: its position, or `kwargs` for Python's `**name`. */
interface Forwarding {
  scope: number;
  name: string;
  position: number | 'kwargs';
  /** Python: the helper's named parameters, which keyword arguments fill instead of `**kwargs`. */
  named: Set<string>;
  /** The operation the helper's request is of (`dynamodb:Query`). */
  operation: string;
}

export function forwardedRequests(a: CodeAnalyzer): void {
  const family = a.language.family;
  if (family !== 'js' && family !== 'python') {
    return;
  }
  const forwardings: Forwarding[] = [];
  for (const operation of a.operations) {
    const forwarding = family === 'js' ? jsForwarding(a, operation) : operation.call ? pythonForwarding(a, operation.tokenIndex + 1, operation.operation) : undefined;
    if (forwarding) {
      forwardings.push(forwarding);
    }
  }
  if (family === 'python') {
    forwardings.push(...paginatorForwardings(a));
  }
  if (forwardings.length === 0) {
    return;
  }
  const byName = new Map<string, Forwarding[]>();
  for (const forwarding of forwardings) {
    byName.set(forwarding.name, [...(byName.get(forwarding.name) ?? []), forwarding]);
  }
  const seen = new Map<Forwarding, number>();
  // Literals already read as a request: one a function returns is reached from each of its call sites.
  const read = new Set<number>();
  const { kinds, codes } = a.tokens;
  for (let i = 0; i < a.tokens.length; i++) {
    if (kinds[i] !== ID || codes[i + 1] !== OPEN_PAREN) {
      continue;
    }
    const candidates = byName.get(a.tokens.text(i))?.filter((forwarding) => (seen.get(forwarding) ?? 0) < MAX_CALL_SITES);
    if (!candidates || candidates.length === 0) {
      continue;
    }
    const callee = calleeScope(a, i);
    for (const forwarding of candidates) {
      if (forwarding.scope === callee && a.scopes.enclosing(i, ['function']) !== callee) {
        seen.set(forwarding, (seen.get(forwarding) ?? 0) + 1);
        callSiteRequest(a, forwarding, i + 1, read);
      }
    }
  }
}

/** The function scope a call at `name` runs: a plain name in scope or a member chain (`this.firstPage`), else -1. */
export function calleeScope(a: CodeAnalyzer, name: number): number {
  const start = name > 0 && a.isAccess(name - 1) ? chainStart(a, name) : name;
  const value = start <= name ? a.evalChain(start, name + 1).value : undefined;
  return value?.t === 'function' ? value.scope : -1;
}

/** The helper and parameter position behind `new XCommand({ ...input })`, `send(new XCommand(input))` or `client.query({ ...input })`. */
function jsForwarding(a: CodeAnalyzer, operation: OperationOccurrence): Forwarding | undefined {
  const open = operation.tokenIndex + 1;
  if (!operation.call || a.tokens.codes[open] !== OPEN_PAREN) {
    return undefined;
  }
  let name = -1;
  const argument = open + 1;
  if (a.tokens.codes[argument] === OPEN_BRACE) {
    for (let k = argument + 1; k < a.partner[argument]; k++) {
      if (a.parent[k] === argument && a.tokens.isSpread(k) && a.isId(k + 3) && (a.tokens.codes[k + 4] === COMMA || k + 4 === a.partner[argument])) {
        name = k + 3;
        break;
      }
    }
  } else {
    // `(input)`, or the v2 callback form `(input, (err, data) => ...)`.
    name = requestNameArgument(a, open);
  }
  return name >= 0 ? parameterForwarding(a, operation.operation, name, false) : undefined;
}

/** `self.table.query(**kwargs)` inside `def helper(self, ..., **kwargs)`, the call's `(` at `open`. */
function pythonForwarding(a: CodeAnalyzer, open: number, operation: string): Forwarding | undefined {
  if (a.tokens.codes[open] !== OPEN_PAREN) {
    return undefined;
  }
  for (let k = open + 1; k < a.partner[open]; k++) {
    if (a.parent[k] === open && a.tokens.codes[k] === DOUBLE_STAR && a.isId(k + 1)) {
      return parameterForwarding(a, operation, kwargsCopySource(a, k + 1) ?? k + 1, true);
    }
  }
  return undefined;
}

/** Paginators a file's helpers page through, at most: far more than a repository has. */
const MAX_PAGINATE_CALLS = 64;

/** `paginator.paginate(TableName=t, **kwargs)` of a DynamoDB Scan or Query paginator, inside a helper taking `**kwargs`. */
function paginatorForwardings(a: CodeAnalyzer): Forwarding[] {
  const out: Forwarding[] = [];
  let read = 0;
  for (let k = 2; k + 1 < a.tokens.length && read < MAX_PAGINATE_CALLS; k++) {
    if (!a.idIs(k, 'paginate') || !a.isAccess(k - 1) || a.tokens.codes[k + 1] !== OPEN_PAREN) {
      continue;
    }
    read++;
    const start = chainStart(a, k - 2);
    const receiver = start <= k - 2 ? a.evalChain(start, k - 1).value : undefined;
    const forwarding = receiver?.t === 'paginator' ? pythonForwarding(a, k + 1, receiver.operation) : undefined;
    if (forwarding) {
      out.push(forwarding);
    }
  }
  return out;
}

/**
 * Where `name` (at `use`) is a copy of the function's keyword arguments that only drops some (`query = {key:
 * value for key, value in kwargs.items() if value}`, bound once): the `kwargs` it reads, else undefined.
 */
function kwargsCopySource(a: CodeAnalyzer, use: number): number | undefined {
  const binding = a.scopes.lookup(a.tokens.text(use), use);
  const open = binding?.expression ?? -1;
  const close = open >= 0 && a.is(open, '{') ? a.partner[open] : -1;
  if (!binding || close < 0 || binding.fixed !== undefined || a.scopes.enclosing(binding.token, ['function']) !== a.scopes.enclosing(use, ['function'])) {
    return undefined;
  }
  for (let k = open + 1; k + 4 < close; k++) {
    if (a.parent[k] === open && a.idIs(k, 'in') && a.isId(k + 1) && a.isAccess(k + 2) && a.idIs(k + 3, 'items') && a.tokens.codes[k + 4] === OPEN_PAREN) {
      return k + 1;
    }
  }
  return undefined;
}

/**
 * The forwarding when the name at `use` is a parameter of the function around it (not of an outer one, and
 * not a Python keyword-arguments parameter unless `kwargs` asks for one).
 */
function parameterForwarding(a: CodeAnalyzer, operation: string, use: number, kwargs: boolean): Forwarding | undefined {
  const scope = a.scopes.enclosing(use, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  const name = a.tokens.text(use);
  const binding = a.scopes.lookup(name, use);
  if (!fn || !binding || !ownParameter(a, fn.params, binding.token)) {
    return undefined;
  }
  const helperName = helperNameOf(a, fn.params);
  if (!helperName) {
    return undefined;
  }
  const parameters = a.is(fn.params, '(') ? parameterNames(a, fn.params) : [{ name, token: fn.params }];
  if (kwargs) {
    if (!a.is(binding.token - 1, '**')) {
      return undefined;
    }
    return { scope, name: helperName, position: 'kwargs', named: new Set(parameters.map((p) => p.name)), operation };
  }
  const position = parameters.findIndex((parameter) => parameter.token === binding.token);
  return position >= 0 ? { scope, name: helperName, position, named: new Set(), operation } : undefined;
}

/**
 * JavaScript: the function and parameter position whose value a call sends whole as its request (`send(new
 * ScanCommand(params))`, `client.put(params).promise()`, `new QueryCommand({ ...input })`), for the callers in
 * other modules (`importedRequestForwards.ts`).
 */
export function jsRequestForwarding(a: CodeAnalyzer, operation: OperationOccurrence): { scope: number; position: number } | undefined {
  const forwarding = jsForwarding(a, operation);
  if (forwarding) {
    return typeof forwarding.position === 'number' ? { scope: forwarding.scope, position: forwarding.position } : undefined;
  }
  // A function with no name of its own (an object's `query: (params) => ...`), or the SDK v2's callback form
  // (`client.query(params, (err, data) => ...)`).
  const argument = operation.tokenIndex + 2;
  const passed = a.tokens.codes[argument + 1] === COMMA || a.tokens.codes[argument + 1] === CLOSE_PAREN;
  return operation.call && a.tokens.codes[argument - 1] === OPEN_PAREN && a.isId(argument) && passed ? parameterPosition(a, argument) : undefined;
}

/** The function scope around a scope, or -1. */
function outerFunction(a: CodeAnalyzer, scope: number): number {
  let outer = a.scopes.parent(scope);
  while (outer > 0 && a.scopes.kind(outer) !== 'function') {
    outer = a.scopes.parent(outer);
  }
  return outer > 0 ? outer : -1;
}

/** How many functions out from a use its parameter's function may be (`new Promise((resolve, reject) => { client.query(params, cb) })`). */
const MAX_ENCLOSING_FUNCTIONS = 2;

/**
 * The function whose parameter `use` names, and its position, if it names one (not a Python `**` one): the
 * function around `use`, or one that holds it (a promise executor's body sends its request as the call runs).
 */
export function parameterPosition(a: CodeAnalyzer, use: number): { scope: number; position: number } | undefined {
  const binding = a.scopes.lookup(a.tokens.text(use), use);
  if (!binding || a.is(binding.token - 1, '**')) {
    return undefined;
  }
  let scope = a.scopes.enclosing(use, ['function']);
  for (let depth = 0; scope > 0 && depth < MAX_ENCLOSING_FUNCTIONS; depth++) {
    const fn = a.functions.get(scope);
    if (fn && a.is(fn.params, '(') && a.parent[binding.token] === fn.params) {
      const position = parameterNames(a, fn.params).findIndex((parameter) => parameter.token === binding.token);
      return position >= 0 ? { scope, position } : undefined;
    }
    scope = outerFunction(a, scope);
  }
  return undefined;
}

/** Whether `token` declares a parameter of the function whose parameters are at `params`: in its `(...)`, or an arrow's one bare name (`params => ...`). */
export function ownParameter(a: CodeAnalyzer, params: number, token: number): boolean {
  return a.is(params, '(') ? a.parent[token] === params : token === params && a.isId(token) && a.is(token + 1, '=>');
}

/**
 * The name a function is called by: `name(` of a method or `function name(` / `def name(`, or `const name = (` /
 * `name = async (`, also past TypeScript type parameters (`function cachedJson<T>(`, `const f = <T,>(`).
 */
export function helperNameOf(a: CodeAnalyzer, parameters: number): string | undefined {
  const params = a.is(parameters - 1, '>') ? typeParametersOpen(a, parameters - 1) : parameters;
  if (a.isId(params - 1) && !a.idIs(params - 1, 'function') && !a.idIs(params - 1, 'async')) {
    return a.tokens.text(params - 1);
  }
  const eq = a.idIs(params - 1, 'async') ? params - 2 : params - 1;
  return a.is(eq, '=') && a.isId(eq - 1) ? a.tokens.text(eq - 1) : undefined;
}

/** Type parameters are short: `<T>`, `<T extends Item = Item>`. */
const MAX_TYPE_PARAMETER_TOKENS = 32;

/** The `<` that opens the type parameters closing with the `>` at `close`, or `close + 1` (no name found before it) when there is none near. */
function typeParametersOpen(a: CodeAnalyzer, close: number): number {
  let depth = 0;
  for (let k = close; k >= 0 && close - k < MAX_TYPE_PARAMETER_TOKENS; k--) {
    depth += a.is(k, '>') ? 1 : a.is(k, '<') ? -1 : 0;
    if (depth === 0) {
      return k;
    }
  }
  return close + 1;
}

/**
 * The parameters of a group, in order, by the name token each starts with: entries are separated by commas
 * outside type arguments (`input: Omit<QueryCommandInput, 'TableName'>` is one), and an entry that does
 * not start with a plain name (a destructuring pattern) keeps its position without a name.
 */
function parameterNames(a: CodeAnalyzer, params: number): { name: string; token: number }[] {
  const close = a.partner[params];
  const out: { name: string; token: number }[] = [];
  const codes = a.tokens.codes;
  let angle = 0;
  let entryStart = params + 1;
  for (let k = params + 1; k <= close; k++) {
    if (k < close && a.parent[k] !== params) {
      continue;
    }
    if (codes[k] === LESS_THAN) {
      angle++;
    } else if (codes[k] === GREATER_THAN) {
      angle = Math.max(0, angle - 1);
    } else if (codes[k] === SHIFT_RIGHT) {
      angle = Math.max(0, angle - 2);
    } else if (k === close || (codes[k] === COMMA && angle === 0)) {
      if (k > entryStart) {
        out.push(entryName(a, entryStart, k));
      }
      entryStart = k + 1;
    }
  }
  return out;
}

/** The name an entry declares, after `*`/`**` and TypeScript modifiers; an empty name for a pattern. */
function entryName(a: CodeAnalyzer, from: number, to: number): { name: string; token: number } {
  let k = from;
  while (k < to && (a.is(k, '*') || a.is(k, '**') || a.tokens.isOneOf(k, ['public', 'private', 'protected', 'readonly', 'override']))) {
    k++;
  }
  return a.isId(k) ? { name: a.tokens.text(k), token: k } : { name: '', token: -1 };
}

/** The options a call site (`open` is its `(`) passes at the forwarded parameter, as a request of the helper's operation. */
function callSiteRequest(a: CodeAnalyzer, forwarding: Forwarding, open: number, read: Set<number>): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const { operation } = forwarding;
  const anchor = a.tokenSpan(open - 1);
  if (forwarding.position === 'kwargs') {
    const context = contextFrom(a, open, close, 'sdk', operation, anchor);
    context.options = context.options.filter((option) => !forwarding.named.has(option.name));
    context.complete = false;
    if (context.options.length > 0) {
      a.contexts.push(context);
    }
    return;
  }
  let argument = open + 1;
  for (let index = 0; index < forwarding.position && argument < close; index++) {
    while (argument < close && a.tokens.codes[argument] !== COMMA) {
      argument = a.skipGroup(argument);
    }
    argument++;
  }
  let end = argument;
  while (end < close && a.tokens.codes[end] !== COMMA) {
    end = a.skipGroup(end);
  }
  // Written at the call, or returned by a same-file function the argument calls (`query(params(id))`), read once.
  const literal = a.tokens.codes[argument] === OPEN_BRACE && a.partner[argument] + 1 === end ? argument : literalBuiltBy(a, argument, end);
  if (literal < 0 || a.partner[literal] < 0 || read.has(literal)) {
    return;
  }
  read.add(literal);
  const context = contextFrom(a, literal, a.partner[literal], 'sdk', operation, anchor);
  context.complete = false;
  a.contexts.push(context);
}
