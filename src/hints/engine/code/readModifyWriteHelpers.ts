/**
 * A read-modify-write split over same-file helpers (JavaScript, TypeScript, Python): one function returns the
 * item a GetItem read (`async get(id) { const { Item } = await doc.send(new GetCommand(…)); return Item; }`),
 * another puts its parameter with no condition (`async put(order) { await doc.send(new PutCommand({ TableName,
 * Item: order })); }`), and a third calls the first, changes what it got and hands it to the second
 * (`const order = await this.get(id); await this.put({ ...order, status })`): the same lost update as in one
 * function. Reported at the call of the writing helper. Both helpers must name the same table as written.
 * A caller that puts the changed item itself (`user = get_user(email)`, a change, `put_item(Item=user)`) is
 * reported at its Put, on the same table as the reading helper's; so is an UpdateItem of the key the helper was given
 * that sets an attribute to a value computed from what it returned (`const user = await this.getUser(id)`, then
 * `SET winRate = :r` with `:r` from `user.wins + 1`). In workspace mode the helpers may be functions
 * another module exports (`import { getUser, saveUser } from './users'`), as the workspace reads them (`itemHelpers`).
 */
import type { CodeAnalyzer } from './analyzer';
import { endsStatement } from './firstItemDialects';
import { calledFunction, functionName } from './helperFunctions';
import { importedHelperCalls, sharedTable } from './importedItemHelpers';
import { goHelperRewrites } from './languages/goItemHelperCalls';
import { classHelperRewrites } from './languages/classItemHelperCalls';
import { ownReadRewrites } from './languages/classItemOwnReads';
import { transactRewrites } from './languages/javaTransactRewrites';
import { rmwCsharp } from './languages/rmwCsharp';
import { rmwJava } from './languages/rmwJava';
import { callsMethodOf } from './projectInstances';
import { chainStart } from './receiverChains';
import type { FunctionScope } from './language';
import { Flow, flowUntil, itemMember, literalEntries, pastFallback, tableOf, writtenValue } from './readModifyWrite';
import { setsComputedValue } from './readModifyWriteUpdate';
import { tokensText } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import type { ItemHelper } from '../workspace/types';
import { normalizeName, Span } from '../types';

const ITEM = normalizeName('Item');
const TABLE_NAME = normalizeName('TableName');
const KEY = normalizeName('Key');
const UPDATE_ITEM = 'dynamodb:UpdateItem';

/** The reading and writing helpers among the functions of a file, by function scope, for other modules' calls. */
export function itemHelpers(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): Map<number, ItemHelper> {
  const helpers = new Map<number, ItemHelper>();
  // A table the helper takes as a parameter (`get(TableName, id)`) is the one each caller names (`param:<position>`).
  const tableOfHelper = (occurrence: OperationOccurrence, parameter: number | undefined): string | undefined => (parameter !== undefined ? `param:${parameter}` : sharedTable(a, occurrence));
  for (const get of gets) {
    const reader = returnsReadItem(a, get, true);
    const table = reader && tableOfHelper(get, reader.tableParameter);
    if (reader && table) {
      helpers.set(reader.scope, { ...helpers.get(reader.scope), reads: table, ...(reader.response ? { readsResponse: true } : {}) });
    }
  }
  for (const put of puts) {
    const writer = putsParameter(a, put, true);
    const table = writer && tableOfHelper(put, writer.tableParameter);
    if (writer && table) {
      helpers.set(writer.scope, { ...helpers.get(writer.scope), puts: { table, position: writer.position } });
    }
  }
  return helpers;
}

/** The calls of writing helpers, and the Puts, that put back, changed, the item a reading helper (of this file or imported) returned to the same caller. */
export function helperRewrites(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  const family = a.language.family;
  if (family === 'go') {
    return goHelperRewrites(a, gets, puts);
  }
  if (family === 'java' || family === 'csharp') {
    const rmw = family === 'java' ? rmwJava : rmwCsharp;
    return [...classHelperRewrites(a, rmw, family), ...ownReadRewrites(a, rmw, family), ...(family === 'java' ? transactRewrites(a, rmw) : [])];
  }
  if (family !== 'js' && family !== 'python') {
    return [];
  }
  const imported = importedHelperCalls(a);
  // Nothing writes: no Put of this file, no call of another module's writer.
  if (puts.length === 0 && ![...imported.values()].some((helper) => helper.puts !== undefined)) {
    return [];
  }
  const readers = new Map<string, { scope: number; table: string }>();
  for (const get of gets) {
    const reader = returnsReadItem(a, get);
    if (reader) {
      readers.set(reader.name, reader);
    }
  }
  const writers = ownWriters(a, puts);
  if (readers.size === 0 && ![...imported.values()].some((helper) => helper.reads !== undefined)) {
    return [];
  }
  const writerAt = (w: number, caller: number): { table: string; position: number } | undefined => {
    const own = a.isId(w) && a.is(w + 1, '(') ? writers.get(a.tokens.text(w)) : undefined;
    return own && callsOwn(a, w, caller, own.scope) ? own : imported.size > 0 ? imported.get(w)?.puts : undefined;
  };
  const found: { tokenIndex: number; name: Span }[] = [];
  // Only files that have a reading helper get here: look for calls of the readers.
  for (let k = 0; k < a.tokens.length; k++) {
    const own = a.isId(k) && a.is(k + 1, '(') ? readers.get(a.tokens.text(k)) : undefined;
    const ownCaller = own === undefined ? -1 : a.scopes.enclosing(k, ['function']);
    const ownTable = ownCaller > 0 && callsOwn(a, k, ownCaller, own!.scope) ? own!.table : undefined;
    const other = ownTable === undefined && imported.size > 0 ? imported.get(k) : undefined;
    const table = ownTable ?? other?.reads;
    const caller = table === undefined ? -1 : a.scopes.enclosing(k, ['function']);
    if (caller > 0) {
      // An imported reader's table is the name every module writes; this file's own, its text.
      const tableOfPut = ownTable !== undefined ? (put: OperationOccurrence) => tableOf(a, put) : (put: OperationOccurrence) => sharedTable(a, put);
      // A reader that returns the item, or (`readsResponse`) the read's response, whose `Item` the caller takes.
      const returnsItem = other?.readsResponse !== true;
      found.push(...writesBack(a, k, caller, table!, writerAt, returnsItem), ...putsBack(a, k, caller, table!, puts, tableOfPut, returnsItem));
    }
  }
  return found;
}

/** This file's writing helpers by name: the functions that put a parameter (`putsParameter`). */
function ownWriters(a: CodeAnalyzer, puts: readonly OperationOccurrence[]): Map<string, { scope: number; table: string; position: number }> {
  const writers = new Map<string, { scope: number; table: string; position: number }>();
  for (const put of puts) {
    const writer = putsParameter(a, put);
    if (writer) {
      writers.set(writer.name, writer);
    }
  }
  return writers;
}

/**
 * The calls of writing helpers in this file, of this file (`own`) or imported: the call's name, the tokens of the
 * argument the helper puts, and its table (this file's text for its own, the name every module writes for another's).
 */
export function writerCalls(a: CodeAnalyzer, puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span; item: [number, number]; table: string; own: boolean }[] {
  const writers = ownWriters(a, puts);
  const imported = importedHelperCalls(a);
  if (writers.size === 0 && ![...imported.values()].some((helper) => helper.puts !== undefined)) {
    return [];
  }
  const found: { tokenIndex: number; name: Span; item: [number, number]; table: string; own: boolean }[] = [];
  for (let w = 0; w < a.tokens.length; w++) {
    const own = a.isId(w) && a.is(w + 1, '(') ? writers.get(a.tokens.text(w)) : undefined;
    const caller = own === undefined ? -1 : a.scopes.enclosing(w, ['function']);
    const writer = own && caller > 0 && callsOwn(a, w, caller, own.scope) ? own : imported.size > 0 ? imported.get(w)?.puts : undefined;
    const item = writer && argumentRanges(a, w + 1)[writer.position];
    if (item) {
      found.push({ tokenIndex: w, name: a.tokenSpan(w), item, table: writer.table, own: writer === own });
    }
  }
  return found;
}

/**
 * Whether the call at `k` calls the same-file helper `scope`: by its name (`calledFunction`), or as a method of an
 * instance of its class. A decorated helper counts (`@handle_errors`, `@lru_cache`): what it hands back is still the item read.
 */
export function callsOwn(a: CodeAnalyzer, k: number, caller: number, scope: number): boolean {
  return calledFunction(a, k, caller, true)?.fn.scope === scope || callsMethodOf(a, k, scope);
}

/**
 * The writes after the reading-helper call at `k`, in its function and on its table: Puts whose `Item` is what it
 * returned, changed, and UpdateItems of the key it was given that set an attribute to a value computed from it.
 */
function putsBack(a: CodeAnalyzer, k: number, caller: number, table: string, puts: readonly OperationOccurrence[], tableOfPut: (put: OperationOccurrence) => string | undefined, returnsItem: boolean): { tokenIndex: number; name: Span }[] {
  return puts
    .filter((put) => put.tokenIndex > k && a.scopes.enclosing(put.tokenIndex, ['function']) === caller && tableOfPut(put) === table)
    .filter((put) => {
      if (put.operation === UPDATE_ITEM) {
        const flow = keysReadItem(a, k, put) ? flowUntil(a, k, put.tokenIndex, undefined, returnsItem) : undefined;
        return flow !== undefined && setsComputedValue(a, put, flow, itemMember);
      }
      const item = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
      const [from, to] = item ? a.tokensOf(item.value) : [-1, -1];
      const flow = from >= 0 ? flowUntil(a, k, put.tokenIndex, undefined, returnsItem) : undefined;
      return flow !== undefined && writtenValue(a, from, to, flow);
    })
    .map((put) => ({ tokenIndex: put.tokenIndex, name: put.name }));
}

/**
 * Whether the UpdateItem's `Key` is what the reading-helper call at `k` was given (`getUser(id)`, then `Key: { id }`
 * or `Key: key` after `getUser(key)`): the update changes the item the helper read, not another one.
 */
function keysReadItem(a: CodeAnalyzer, k: number, update: OperationOccurrence): boolean {
  const key = update.request?.options.find((option) => option.norm === KEY && !option.absent);
  const [from, to] = key ? a.tokensOf(key.value) : [-1, -1];
  if (from < 0 || !a.is(k + 1, '(')) {
    return false;
  }
  const given = new Set(argumentRanges(a, k + 1).map(([start, end]) => tokensText(a, start, end)));
  const fields = literalEntries(a, from, to);
  return fields ? fields.size > 0 && [...fields.values()].every((value) => given.has(value)) : given.has(tokensText(a, from, to));
}

/** The writing-helper calls after the reading-helper call at `k`, in its function, whose argument is what it returned, changed. */
function writesBack(a: CodeAnalyzer, k: number, caller: number, table: string, writerAt: (w: number, caller: number) => { table: string; position: number } | undefined, returnsItem: boolean): { tokenIndex: number; name: Span }[] {
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let w = k + 2; w < a.tokens.length && w < k + 3000; w++) {
    const writer = writerAt(w, caller);
    if (!writer || writer.table !== table) {
      continue;
    }
    const args = argumentRanges(a, w + 1);
    const argument = args[writer.position];
    const flow = argument ? flowUntil(a, k, w, undefined, returnsItem) : undefined;
    if (flow && writtenValue(a, argument[0], argument[1], flow)) {
      found.push({ tokenIndex: w, name: a.tokenSpan(w) });
    }
  }
  return found;
}

/**
 * The function that holds the GetItem `get` and returns the item it read unchanged (`return Item`, `return resp["Item"]`): its name and table.
 * With `parameterTables`, also one whose `TableName` is one of its parameters, at `tableParameter` (a helper for callers of other modules).
 */
function returnsReadItem(a: CodeAnalyzer, get: OperationOccurrence, parameterTables = false): { scope: number; name: string; table: string; tableParameter?: number; response?: true } | undefined {
  const fn = enclosingFunction(a, get.tokenIndex);
  const table = tableOf(a, get);
  const name = fn ? functionName(a, fn) : -1;
  const tableParameter = fn && parameterTables ? tableParameterOf(a, fn, get) : undefined;
  if (!fn || name < 0 || table === undefined || (tableParameter === undefined && namesParameter(a, fn, table))) {
    return undefined;
  }
  const reader = { scope: fn.scope, name: a.tokens.text(name), table, ...(tableParameter !== undefined ? { tableParameter } : {}) };
  if (returnsOwnItem(a, get)) {
    return reader;
  }
  // For other modules' callers: the response itself, returned as the read gave it.
  if (parameterTables && returnsResponse(a, get)) {
    return { ...reader, response: true };
  }
  for (let r = get.tokenIndex + 1; r < a.tokens.length && r < get.tokenIndex + 400; r++) {
    if (!a.idIs(r, 'return') || a.scopes.enclosing(r, ['function']) !== fn.scope) {
      continue;
    }
    const flow = flowUntil(a, get.tokenIndex, r);
    if (flow && returnsItem(a, r + 1, flow)) {
      return reader;
    }
  }
  return undefined;
}

/** `return table.get_item(Key=key)["Item"]`, `return table.get_item(Key=key).get("Item")`: the item taken from the read's response as it is returned. */
export function returnsOwnItem(a: CodeAnalyzer, get: OperationOccurrence): boolean {
  const open = get.tokenIndex + 1;
  const start = chainStart(a, get.tokenIndex);
  const before = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  if (!a.is(open, '(') || a.partner[open] < open || !a.idIs(before, 'return')) {
    return false;
  }
  const after = itemMember(a, a.partner[open] + 1);
  return after >= 0 && endsStatement(a, pastFallback(a, after));
}

/** `(TableName, id) => doc.send(new GetCommand(…))`, `return documents.get(params).promise()`: the read's response, returned whole. */
function returnsResponse(a: CodeAnalyzer, get: OperationOccurrence): boolean {
  const name = get.tokenIndex;
  const call = a.idIs(name - 1, 'new') && a.is(name - 2, '(') && a.isId(name - 3) ? name - 3 : name;
  const close = a.is(call + 1, '(') ? a.partner[call + 1] : -1;
  if (close <= call) {
    return false;
  }
  // DocumentClient v2 `.promise()`.
  const end = a.isAccess(close + 1) && a.idIs(close + 2, 'promise') && a.is(close + 3, '(') ? a.partner[close + 3] + 1 : close + 1;
  const start = a.isAccess(call - 1) ? chainStart(a, call - 2) : call;
  const before = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  return (a.idIs(before, 'return') || a.is(before, '=>')) && endsStatement(a, end);
}

/**
 * `return item`, `return result.Item`, `return res.Item as Order`, `return resp.get("Item")`, also in parentheses and
 * with an absent item as null (`return (Item as Order) ?? null`): the item read, as read.
 */
function returnsItem(a: CodeAnalyzer, start: number, flow: Flow): boolean {
  const first = a.idIs(start, 'await') ? start + 1 : start;
  const open = a.is(first, '(') ? first : -1;
  const p = open >= 0 ? first + 1 : first;
  const name = a.id(p);
  if (name === undefined || flow.changed.has(name)) {
    return false;
  }
  const after = flow.items.has(name) && flow.items.get(name) === false ? p + 1 : flow.responses.has(name) ? itemMember(a, p + 1) : -1;
  const end = after >= 0 ? pastFallback(a, after) : -1;
  if (end < 0 || (open >= 0 && a.partner[open] !== end)) {
    return false;
  }
  const last = open >= 0 ? end + 1 : end;
  return endsStatement(a, (a.is(last, '??') || a.is(last, '||')) && (a.idIs(last + 1, 'null') || a.idIs(last + 1, 'undefined')) ? last + 2 : last);
}

/**
 * The function that holds the unconditional PutItem `put` whose `Item` is one of its parameters: its name, table, and the parameter's position;
 * with `parameterTables`, also one whose `TableName` is another of its parameters, at `tableParameter`.
 */
function putsParameter(a: CodeAnalyzer, put: OperationOccurrence, parameterTables = false): { scope: number; name: string; table: string; position: number; tableParameter?: number } | undefined {
  const fn = enclosingFunction(a, put.tokenIndex);
  const table = tableOf(a, put);
  const name = fn ? functionName(a, fn) : -1;
  const item = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
  const [from, to] = item ? a.tokensOf(item.value) : [-1, -1];
  const tableParameter = fn && parameterTables ? tableParameterOf(a, fn, put) : undefined;
  if (!fn || name < 0 || table === undefined || from < 0 || to !== from + 1 || !a.isId(from) || !a.is(fn.params, '(') || (tableParameter === undefined && namesParameter(a, fn, table))) {
    return undefined;
  }
  const parameters = ownParameters(a, fn);
  const position = parameters.findIndex(([s]) => a.idIs(s, a.tokens.text(from)));
  // The parameter is put as it came: nothing in the helper assigns it.
  for (let k = fn.params; k < from; k++) {
    if (a.idIs(k, a.tokens.text(from)) && a.is(k + 1, '=') && a.parent[k] !== fn.params) {
      return undefined;
    }
  }
  return position >= 0 && position !== tableParameter ? { scope: fn.scope, name: a.tokens.text(name), table, position, ...(tableParameter !== undefined ? { tableParameter } : {}) } : undefined;
}

/** The position of the parameter of `fn` that the request's `TableName` is, as it came (`{ TableName, Key }`, `TableName: table`), if any. */
function tableParameterOf(a: CodeAnalyzer, fn: FunctionScope, occurrence: OperationOccurrence): number | undefined {
  const option = occurrence.request?.options.find((each) => each.norm === TABLE_NAME && !each.absent);
  const [from, to] = option ? a.tokensOf(option.value) : [-1, -1];
  return from >= 0 && to === from + 1 && a.isId(from) ? parameterPosition(a, fn.scope, from) : undefined;
}

/** The position among the parameters of the function `scope` of the one the name at `k` reads, used as it came (nothing before `k` assigns it). */
export function parameterPosition(a: CodeAnalyzer, scope: number, k: number): number | undefined {
  const fn = a.functions.get(scope);
  const binding = fn && a.is(fn.params, '(') ? a.scopes.lookup(a.tokens.text(k), k) : undefined;
  const close = fn ? a.partner[fn.params] : -1;
  if (!fn || !binding || binding.token <= fn.params || binding.token >= close) {
    return undefined;
  }
  for (let t = close; t < k; t++) {
    if (a.idIs(t, a.tokens.text(k)) && a.is(t + 1, '=')) {
      return undefined;
    }
  }
  const position = ownParameters(a, fn).findIndex(([s, e]) => binding.token >= s && binding.token < e);
  return position >= 0 ? position : undefined;
}

/** The function around the GetItem `get` when it returns the item it read (not the response), with the position of a table it takes as a parameter. */
export function readerOfParameters(a: CodeAnalyzer, get: OperationOccurrence): { scope: number; tableParameter?: number } | undefined {
  const reader = returnsReadItem(a, get, true);
  return reader && !reader.response ? { scope: reader.scope, ...(reader.tableParameter !== undefined ? { tableParameter: reader.tableParameter } : {}) } : undefined;
}

/** The parameters a caller passes, as token ranges: Python's `self` and `cls` left out. */
function ownParameters(a: CodeAnalyzer, fn: FunctionScope): [number, number][] {
  return argumentRanges(a, fn.params).filter(([s]) => !(a.language.family === 'python' && (a.idIs(s, 'self') || a.idIs(s, 'cls'))));
}

/** A table the helper takes as a parameter (`putItem(tableName, item)`): each caller may name another table. */
export function namesParameter(a: CodeAnalyzer, fn: FunctionScope, table: string): boolean {
  const words = new Set(table.split(' '));
  return a.is(fn.params, '(') && argumentRanges(a, fn.params).some(([s]) => !a.idIs(s, 'self') && !a.idIs(s, 'cls') && words.has(a.tokens.text(s)));
}

function enclosingFunction(a: CodeAnalyzer, k: number): FunctionScope | undefined {
  return a.functions.get(a.scopes.enclosing(k, ['function']));
}

/** The top-level entries of the group opening at `open`, as token ranges. */
function argumentRanges(a: CodeAnalyzer, open: number): [number, number][] {
  const close = a.partner[open];
  const ranges: [number, number][] = [];
  let start = open + 1;
  for (let k = open + 1; k <= close && close > open + 1; k++) {
    if (k === close || (a.is(k, ',') && a.parent[k] === open)) {
      if (k > start) {
        ranges.push([start, k]);
      }
      start = k + 1;
    }
  }
  return ranges;
}
