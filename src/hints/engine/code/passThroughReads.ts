/**
 * Reads a JavaScript helper hands over whole: `async query(input) { return this.doc.send(new QueryCommand(input)); }`,
 * `query: (params) => client.query(params).promise()`, or the v2 callback form `(params) => client.query(params,
 * (err, data) => log(err, data))`, whose caller reads the request it gets back with `.promise()`. The request is the helper's parameter and the
 * response its return value, so each caller chooses the `ExclusiveStartKey` it sends and reads the
 * `LastEvaluatedKey` (or `UnprocessedItems`) it gets back: whether the pages are read is the callers' doing.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { calleeScope, helperNameOf, ownParameter } from './forwardedRequests';
import { chainStart } from './receiverChains';
import { requestNameArgument } from './v2Callbacks';

/** Call sites read per helper, as for forwarded requests: past this many, a helper is a library. */
const MAX_CALL_SITES = 32;

/** Per file, the name tokens of every `name(` call by name: found in one pass, so that each helper's callers cost a lookup. */
const callsByName = new FileMemo<'calls', Map<string, number[]>>();

/**
 * The name tokens of the same-file calls of the helper that hands over the call named at `tokenIndex`, or
 * an empty list when the call is not such a read or nothing in the file calls its helper.
 */
export function passThroughCallSites(a: CodeAnalyzer, tokenIndex: number): number[] {
  const helperAt = handedOver(a, tokenIndex);
  if (!helperAt) {
    return [];
  }
  const { scope, params } = helperAt;
  const helper = helperNameOf(a, params);
  if (helper) {
    return callSites(a, helper, (site) => calleeScope(a, site) === scope, scope, params);
  }
  const property = constObjectProperty(a, params);
  return property ? callSites(a, property.name, (site) => callsMemberOf(a, site, property.object), scope, params) : [];
}

/**
 * The name of the module-level function that hands over the read named at `tokenIndex` whole (`export async function
 * batchGet(client, params) { return client.batchGet(params).promise(); }`), which other modules may call; undefined otherwise.
 */
export function passThroughFunctionName(a: CodeAnalyzer, tokenIndex: number): string | undefined {
  const helperAt = handedOver(a, tokenIndex);
  return helperAt && a.scopes.parent(helperAt.scope) === 0 ? helperNameOf(a, helperAt.params) : undefined;
}

/** The helper's function scope and parameter list when it returns the read named at `tokenIndex` whole, its request its own parameter. */
function handedOver(a: CodeAnalyzer, tokenIndex: number): { scope: number; params: number } | undefined {
  if (a.language.family !== 'js') {
    return undefined;
  }
  const open = tokenIndex + 1;
  // `(params)`, or the v2 callback form `(params, (err, data) => ...)`, which returns the same request.
  const argument = a.is(open, '(') ? requestNameArgument(a, open) : -1;
  const close = a.partner[open];
  if (argument < 0) {
    return undefined;
  }
  const scope = a.scopes.enclosing(argument, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  const parameter = a.scopes.lookup(a.tokens.text(argument), argument);
  if (!fn || !parameter || !ownParameter(a, fn.params, parameter.token)) {
    return undefined;
  }
  // The body is read for reassignments last: a function returns few calls whole.
  const span = returnedCall(a, tokenIndex, close);
  if (!span || !(returnedWhole(a, scope, span.start, span.end) || heldThenReturned(a, scope, span.start, span.end)) || reassigned(a, scope, parameter.token)) {
    return undefined;
  }
  return { scope, params: fn.params };
}

/**
 * Whether the read named at `tokenIndex` is handed over whole by a property of the object the module exports,
 * named as the method it calls (`export default { query: (params) => client.query(params).promise() }`,
 * `module.exports = { ... }`): its callers are other modules, whose `table.query({ TableName, ... })` reads as
 * that operation by its request's shape, each paging or getting its own finding. A helper of another name
 * keeps the finding: its callers' calls name no operation.
 */
export function exportedPassThrough(a: CodeAnalyzer, tokenIndex: number): boolean {
  const helperAt = handedOver(a, tokenIndex);
  if (!helperAt) {
    return false;
  }
  const property = propertyName(a, helperAt.params);
  const brace = property >= 0 ? a.parent[property] : -1;
  if (property < 0 || !a.idIs(property, a.tokens.text(tokenIndex)) || !a.is(brace, '{')) {
    return false;
  }
  const exportDefault = a.idIs(brace - 1, 'default') && a.idIs(brace - 2, 'export');
  const moduleExports = a.is(brace - 1, '=') && a.idIs(brace - 2, 'exports') && a.is(brace - 3, '.') && a.idIs(brace - 4, 'module');
  const exportConst = a.is(brace - 1, '=') && a.isId(brace - 2) && a.idIs(brace - 3, 'const') && a.idIs(brace - 4, 'export');
  return exportDefault || moduleExports || exportConst;
}

/**
 * The name token of the object property whose function has its parameters at `params`: `query: (p) => ...`,
 * `query: async function (p) {...}`, or the method shorthand `async query(p) {...}`; -1 for none.
 */
function propertyName(a: CodeAnalyzer, params: number): number {
  let k = a.idIs(params - 1, 'function') ? params - 2 : params - 1;
  k = a.idIs(k, 'async') ? k - 1 : k;
  if (a.is(k, ':') && a.isId(k - 1)) {
    return k - 1;
  }
  const shorthand = params - 1;
  const before = a.idIs(shorthand - 1, 'async') ? shorthand - 2 : shorthand - 1;
  return a.isId(shorthand) && !a.idIs(shorthand, 'function') && (a.is(before, '{') || a.is(before, ',')) ? shorthand : -1;
}

/** Tokens read back from a call for the `const` that holds its reply, past a type annotation (`const res: AWS.DynamoDB.QueryOutput =`). */
const MAX_DECLARATION_TOKENS = 12;

/**
 * Whether the function `scope` holds the reply of the expression `start`..`end` in a `const` and hands it back
 * whole: `const res = await db.query(params).promise(); if (!res) return null; return res;`. The name is read
 * only by `return name` and `if (!name)`, so nothing of the reply is dropped on the way.
 */
function heldThenReturned(a: CodeAnalyzer, scope: number, start: number, end: number): boolean {
  const eq = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  if (!a.is(eq, '=')) {
    return false;
  }
  let declaration = -1;
  for (let k = eq - 1; k >= Math.max(0, eq - MAX_DECLARATION_TOKENS) && declaration < 0; k--) {
    if (a.idIs(k, 'const')) {
      declaration = k;
    } else if (!a.isId(k) && !a.is(k, '.') && !a.is(k, ':') && !a.is(k, '<') && !a.is(k, '>') && !a.is(k, '|')) {
      return false;
    }
  }
  const name = declaration + 1;
  if (declaration < 0 || !a.isId(name) || !(name + 1 === eq || a.is(name + 1, ':')) || a.scopes.enclosing(name, ['function']) !== scope) {
    return false;
  }
  const text = a.tokens.text(name);
  const [, scopeEnd] = a.scopes.range(scope);
  let returned = false;
  for (let k = end + 1; k < scopeEnd; k++) {
    if (!a.idIs(k, text) || a.isAccess(k - 1)) {
      continue;
    }
    const returnsIt = a.idIs(k - 1, 'return') && (a.is(k + 1, ';') || a.is(k + 1, '}') || a.startsLine(k + 1));
    const testsIt = a.is(k - 1, '!') && a.is(k - 2, '(') && a.idIs(k - 3, 'if') && a.is(k + 1, ')');
    if (!returnsIt && !testsIt) {
      return false;
    }
    returned ||= returnsIt;
  }
  return returned;
}

/**
 * Whether the SDK v2 call named at `tokenIndex` hands its caller's own arguments on and its request back: the
 * call ends with a spread of the function's rest parameter (`(params, ...args) => { ...; return
 * client._batchWrite(newParams, ...args); }`, a client whose methods are wrapped to add fields to each request)
 * and is returned whole without `.promise()`. The request is sent by the caller's callback or `.promise()`,
 * so the reply is the caller's to read.
 */
export function handsOnCallersArguments(a: CodeAnalyzer, tokenIndex: number): boolean {
  const open = tokenIndex + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  const rest = close - 1;
  if (a.language.family !== 'js' || close < 0 || !a.tokens.isSpread(rest - 3) || !a.isId(rest) || a.parent[rest] !== open) {
    return false;
  }
  const scope = a.scopes.enclosing(tokenIndex, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  const parameter = a.scopes.lookup(a.tokens.text(rest), rest);
  if (!fn || !parameter || !a.is(fn.params, '(') || a.parent[parameter.token] !== fn.params || !a.tokens.isSpread(parameter.token - 3)) {
    return false;
  }
  const span = returnedCall(a, tokenIndex, close);
  return span !== undefined && span.end === close && returnedWhole(a, scope, span.start, span.end);
}

/**
 * The property a function is the value of in an object a `const` holds, which the scope model does not
 * follow: `const db = { scan: (params) => client.scan(params).promise() }`, `scan: async function (params) {...}`.
 */
function constObjectProperty(a: CodeAnalyzer, params: number): { name: string; object: number } | undefined {
  let k = a.idIs(params - 1, 'function') ? params - 2 : params - 1;
  k = a.idIs(k, 'async') ? k - 1 : k;
  const brace = a.parent[k - 1];
  if (!a.is(k, ':') || !a.isId(k - 1) || !a.is(brace, '{') || !a.is(brace - 1, '=') || !a.isId(brace - 2) || !a.idIs(brace - 3, 'const')) {
    return undefined;
  }
  return { name: a.tokens.text(k - 1), object: brace - 2 };
}

/** Whether the call named at `site` is `holder.name(` on the very `const` declared at `object`. */
function callsMemberOf(a: CodeAnalyzer, site: number, object: number): boolean {
  const holder = site - 2;
  if (!a.is(site - 1, '.') || !a.idIs(holder, a.tokens.text(object)) || (holder > 0 && a.isAccess(holder - 1))) {
    return false;
  }
  return a.scopes.lookup(a.tokens.text(holder), holder)?.token === object;
}

/**
 * The expression that performs the call: `client.query(p)` with an optional `.promise()` (SDK v2), or the
 * `client.send(new QueryCommand(p))` whose only argument is the command (SDK v3).
 */
function returnedCall(a: CodeAnalyzer, name: number, close: number): { start: number; end: number } | undefined {
  if (a.idIs(name - 1, 'new')) {
    const sendOpen = name - 2;
    if (!a.is(sendOpen, '(') || a.id(sendOpen - 1) !== 'send' || !a.is(sendOpen - 2, '.') || !a.is(close + 1, ')')) {
      return undefined;
    }
    return { start: chainStart(a, sendOpen - 3), end: close + 1 };
  }
  if (!a.is(name - 1, '.')) {
    return undefined;
  }
  const promised = a.is(close + 1, '.') && a.id(close + 2) === 'promise' && a.is(close + 3, '(') && a.is(close + 4, ')');
  return { start: chainStart(a, name - 2), end: promised ? close + 4 : close };
}

/** Whether the expression from `start` to `end` is what the function `scope` returns: `return [await] expr` or a concise body. */
function returnedWhole(a: CodeAnalyzer, scope: number, start: number, end: number): boolean {
  const before = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  const returned = a.idIs(before, 'return') || (a.is(before, '=>') && a.functions.get(scope)?.concise === before + 1);
  if (!returned || a.scopes.enclosing(before, ['function']) !== scope) {
    return false;
  }
  const next = end + 1;
  return next >= a.tokens.length || a.is(next, ';') || a.is(next, '}') || a.is(next, ',') || a.is(next, ')') || a.startsLine(next);
}

/** Whether the function `scope` assigns its parameter again: the request sent is then no longer the caller's. */
function reassigned(a: CodeAnalyzer, scope: number, parameter: number): boolean {
  const name = a.tokens.text(parameter);
  const [, end] = a.scopes.range(scope);
  for (let k = parameter + 1; k < end; k++) {
    if (a.idIs(k, name) && a.is(k + 1, '=') && !a.isAccess(k - 1)) {
      return true;
    }
  }
  return false;
}

/**
 * The name tokens of calls outside the helper `scope` that resolve to it (`query(`, `this.query(`, `db.query(`); the
 * helper's own name before its parameters (`function query(p)`) is no call.
 */
function callSites(a: CodeAnalyzer, helper: string, resolves: (site: number) => boolean, scope: number, params: number): number[] {
  const sites: number[] = [];
  for (const i of callsOf(a).get(helper) ?? []) {
    if (i + 1 !== params && a.scopes.enclosing(i, ['function']) !== scope && resolves(i)) {
      sites.push(i);
      if (sites.length > MAX_CALL_SITES) {
        return [];
      }
    }
  }
  return sites;
}

function callsOf(a: CodeAnalyzer): Map<string, number[]> {
  return callsByName.get(a, 'calls', () => {
    const calls = new Map<string, number[]>();
    for (let i = 0; i + 1 < a.tokens.length; i++) {
      if (a.isId(i) && a.is(i + 1, '(')) {
        const name = a.tokens.text(i);
        const list = calls.get(name);
        if (list) {
          list.push(i);
        } else {
          calls.set(name, [i]);
        }
      }
    }
    return calls;
  });
}
