/**
 * A read-modify-write split over same-file helpers (JavaScript, TypeScript, Python): one function returns the
 * item a GetItem read (`async get(id) { const { Item } = await doc.send(new GetCommand(…)); return Item; }`),
 * another puts its parameter with no condition (`async put(order) { await doc.send(new PutCommand({ TableName,
 * Item: order })); }`), and a third calls the first, changes what it got and hands it to the second
 * (`const order = await this.get(id); await this.put({ ...order, status })`): the same lost update as in one
 * function. Reported at the call of the writing helper. Both helpers must name the same table as written.
 * A caller that puts the changed item itself (`user = get_user(email)`, a change, `put_item(Item=user)`) is
 * reported at its Put, on the same table as the reading helper's.
 */
import type { CodeAnalyzer } from './analyzer';
import { endsStatement } from './firstItemDialects';
import { calledFunction, functionName } from './helperFunctions';
import type { FunctionScope } from './language';
import { Flow, flowUntil, itemMember, pastFallback, tableOf, writtenValue } from './readModifyWrite';
import { OperationOccurrence } from '../model';
import { normalizeName, Span } from '../types';

const ITEM = normalizeName('Item');

/** The calls of writing helpers, and the Puts, that put back, changed, the item a reading helper returned to the same caller. */
export function helperRewrites(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python') || gets.length === 0 || puts.length === 0) {
    return [];
  }
  const readers = new Map<string, string>();
  for (const get of gets) {
    const reader = returnsReadItem(a, get);
    if (reader) {
      readers.set(reader.name, reader.table);
    }
  }
  const writers = new Map<string, { table: string; position: number }>();
  for (const put of puts) {
    const writer = putsParameter(a, put);
    if (writer) {
      writers.set(writer.name, writer);
    }
  }
  if (readers.size === 0) {
    return [];
  }
  const found: { tokenIndex: number; name: Span }[] = [];
  // Only files that have a reading helper get here: look for calls of the readers.
  for (let k = 0; k < a.tokens.length; k++) {
    const table = a.isId(k) && a.is(k + 1, '(') ? readers.get(a.tokens.text(k)) : undefined;
    const caller = table === undefined ? -1 : a.scopes.enclosing(k, ['function']);
    if (caller > 0 && calledFunction(a, k, caller)) {
      found.push(...writesBack(a, k, caller, table!, writers), ...putsBack(a, k, caller, table!, puts));
    }
  }
  return found;
}

/** The Puts after the reading-helper call at `k`, in its function and on its table, whose `Item` is what it returned, changed. */
function putsBack(a: CodeAnalyzer, k: number, caller: number, table: string, puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  return puts
    .filter((put) => put.tokenIndex > k && a.scopes.enclosing(put.tokenIndex, ['function']) === caller && tableOf(a, put) === table)
    .filter((put) => {
      const item = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
      const [from, to] = item ? a.tokensOf(item.value) : [-1, -1];
      const flow = from >= 0 ? flowUntil(a, k, put.tokenIndex, undefined, true) : undefined;
      return flow !== undefined && writtenValue(a, from, to, flow);
    })
    .map((put) => ({ tokenIndex: put.tokenIndex, name: put.name }));
}

/** The writing-helper calls after the reading-helper call at `k`, in its function, whose argument is what it returned, changed. */
function writesBack(a: CodeAnalyzer, k: number, caller: number, table: string, writers: Map<string, { table: string; position: number }>): { tokenIndex: number; name: Span }[] {
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let w = k + 2; w < a.tokens.length && w < k + 3000; w++) {
    const writer = a.isId(w) && a.is(w + 1, '(') ? writers.get(a.tokens.text(w)) : undefined;
    if (!writer || writer.table !== table || !calledFunction(a, w, caller)) {
      continue;
    }
    const args = argumentRanges(a, w + 1);
    const argument = args[writer.position];
    const flow = argument ? flowUntil(a, k, w, undefined, true) : undefined;
    if (flow && writtenValue(a, argument[0], argument[1], flow)) {
      found.push({ tokenIndex: w, name: a.tokenSpan(w) });
    }
  }
  return found;
}

/** The function that holds the GetItem `get` and returns the item it read unchanged (`return Item`, `return resp["Item"]`): its name and table. */
function returnsReadItem(a: CodeAnalyzer, get: OperationOccurrence): { name: string; table: string } | undefined {
  const fn = enclosingFunction(a, get.tokenIndex);
  const table = tableOf(a, get);
  const name = fn ? functionName(a, fn) : -1;
  if (!fn || name < 0 || table === undefined || namesParameter(a, fn, table)) {
    return undefined;
  }
  for (let r = get.tokenIndex + 1; r < a.tokens.length && r < get.tokenIndex + 400; r++) {
    if (!a.idIs(r, 'return') || a.scopes.enclosing(r, ['function']) !== fn.scope) {
      continue;
    }
    const flow = flowUntil(a, get.tokenIndex, r);
    if (flow && returnsItem(a, r + 1, flow)) {
      return { name: a.tokens.text(name), table };
    }
  }
  return undefined;
}

/** `return item`, `return result.Item`, `return res.Item as Order`, `return resp.get("Item")`: the item read, as read. */
function returnsItem(a: CodeAnalyzer, start: number, flow: Flow): boolean {
  const p = a.idIs(start, 'await') ? start + 1 : start;
  const name = a.id(p);
  if (name === undefined || flow.changed.has(name)) {
    return false;
  }
  const after = flow.items.has(name) && flow.items.get(name) === false ? p + 1 : flow.responses.has(name) ? itemMember(a, p + 1) : -1;
  return after >= 0 && endsStatement(a, pastFallback(a, after));
}

/** The function that holds the unconditional PutItem `put` whose `Item` is one of its parameters: its name, table, and the parameter's position. */
function putsParameter(a: CodeAnalyzer, put: OperationOccurrence): { name: string; table: string; position: number } | undefined {
  const fn = enclosingFunction(a, put.tokenIndex);
  const table = tableOf(a, put);
  const name = fn ? functionName(a, fn) : -1;
  const item = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
  const [from, to] = item ? a.tokensOf(item.value) : [-1, -1];
  if (!fn || name < 0 || table === undefined || from < 0 || to !== from + 1 || !a.isId(from) || !a.is(fn.params, '(') || namesParameter(a, fn, table)) {
    return undefined;
  }
  const parameters = argumentRanges(a, fn.params).filter(([s]) => !(a.language.family === 'python' && (a.idIs(s, 'self') || a.idIs(s, 'cls'))));
  const position = parameters.findIndex(([s]) => a.idIs(s, a.tokens.text(from)));
  // The parameter is put as it came: nothing in the helper assigns it.
  for (let k = fn.params; k < from; k++) {
    if (a.idIs(k, a.tokens.text(from)) && a.is(k + 1, '=') && a.parent[k] !== fn.params) {
      return undefined;
    }
  }
  return position >= 0 ? { name: a.tokens.text(name), table, position } : undefined;
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
