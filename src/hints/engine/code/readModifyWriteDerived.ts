/**
 * A read-modify-write split over two same-file helpers through a value, not the item (Python): one function reads
 * an item by a literal key and returns a value computed from it (`resp = table.get_item(Key={"pk": "visits"})`,
 * `count = resp["Item"]["n"] + 1`, `return count`), another puts, with no condition, a fresh item that repeats that
 * key and holds its parameter (`table.put_item(Item={"pk": "visits", "n": count})`), and a third hands what the
 * first returned to the second (`count = read_count()`, then `save_count(count)`). Two runs read the same count
 * and write the same next one: the same lost update as in one function, reported at the call of the writing
 * helper. Both helpers must name the same table as written; the reader's key must be a literal the writer's item
 * repeats, so the write is of the item read.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { endsStatement } from './firstItemDialects';
import { callerParameterNames, functionName } from './helperFunctions';
import type { FunctionScope } from './language';
import { flowUntil, literalEntries, tableOf } from './readModifyWrite';
import { callsOwn } from './readModifyWriteHelpers';
import { OperationOccurrence } from '../model';
import { normalizeName, Span } from '../types';

const ITEM = normalizeName('Item');
const KEY = normalizeName('Key');
const PUT_ITEM = 'dynamodb:PutItem';
/** Tokens after a reading helper's call that are searched for the writing helper's call. */
const MAX_CALL_DISTANCE = 3000;
/** Return statements of one reading helper that are read. */
const MAX_RETURNS = 4;

interface DerivedReader {
  scope: number;
  table: string;
  key: ReadonlyMap<string, string>;
}

interface KeyedWriter {
  scope: number;
  table: string;
  key: ReadonlyMap<string, string>;
  position: number;
}

/** The calls of writing helpers that put, under the key it read, what a reading helper returned to the same caller. */
export function derivedValueRewrites(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  if (a.language.family !== 'python' || gets.length === 0 || puts.length === 0) {
    return [];
  }
  const readers = gets.map((get) => derivedReader(a, get)).filter((reader): reader is DerivedReader => reader !== undefined);
  const writers = readers.length > 0 ? puts.map((put) => keyedWriter(a, put)).filter((writer): writer is KeyedWriter => writer !== undefined) : [];
  if (writers.length === 0) {
    return [];
  }
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let k = 0; k < a.tokens.length; k++) {
    if (!a.isId(k) || !a.is(k + 1, '(')) {
      continue;
    }
    const caller = a.scopes.enclosing(k, ['function']);
    const reader = caller > 0 ? readers.find((each) => callsOwn(a, k, caller, each.scope)) : undefined;
    const held = reader && a.is(k - 1, '=') && a.isId(k - 2) && a.startsLine(k - 2) ? a.tokens.text(k - 2) : undefined;
    if (reader && held !== undefined) {
      found.push(...writesHeld(a, k, caller, held, reader, writers));
    }
  }
  return found;
}

/** The writing-helper calls after `held = reader(...)` at `k`, in its function, that pass `held` unchanged since at the writer's parameter. */
function writesHeld(a: CodeAnalyzer, k: number, caller: number, held: string, reader: DerivedReader, writers: readonly KeyedWriter[]): { tokenIndex: number; name: Span }[] {
  const found: { tokenIndex: number; name: Span }[] = [];
  for (let w = a.partner[k + 1] + 1; w < a.tokens.length && w < k + MAX_CALL_DISTANCE; w++) {
    if (a.idIs(w, held) && a.is(w + 1, '=') && a.startsLine(w)) {
      // Rebound: what follows no longer holds the read value.
      break;
    }
    const writer = a.isId(w) && a.is(w + 1, '(') ? writers.find((each) => each.table === reader.table && sameKey(each.key, reader.key) && callsOwn(a, w, caller, each.scope)) : undefined;
    const argument = writer ? segments(a, w + 1)[writer.position] : undefined;
    if (argument && mentions(a, argument[0], argument[1], held)) {
      found.push({ tokenIndex: w, name: a.tokenSpan(w) });
    }
  }
  return found;
}

/** A named function around the GetItem whose `Key` is a literal map and whose every `return` gives a value read from the item. */
function derivedReader(a: CodeAnalyzer, get: OperationOccurrence): DerivedReader | undefined {
  const fn = a.functions.get(a.scopes.enclosing(get.tokenIndex, ['function']));
  const table = tableOf(a, get);
  if (!fn || functionName(a, fn) < 0 || table === undefined) {
    return undefined;
  }
  const keyOption = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  let key: ReadonlyMap<string, string> | undefined;
  let returns = 0;
  for (const start of a.returnStarts(fn)) {
    const flow = start > get.tokenIndex && keyOption ? flowUntil(a, get.tokenIndex, start, keyOption.value) : undefined;
    const name = a.id(start);
    if (!flow?.key || name === undefined || !flow.values.has(name) || !endsStatement(a, start + 1) || ++returns > MAX_RETURNS) {
      return undefined;
    }
    key = flow.key;
  }
  return key && key.size > 0 ? { scope: fn.scope, table, key } : undefined;
}

/** A named function around the unconditional PutItem whose `Item` is a map literal holding one of its parameters as a value. */
function keyedWriter(a: CodeAnalyzer, put: OperationOccurrence): KeyedWriter | undefined {
  const fn = a.functions.get(a.scopes.enclosing(put.tokenIndex, ['function']));
  const item = put.operation === PUT_ITEM ? put.request?.options.find((option) => option.norm === ITEM && !option.absent) : undefined;
  const [from, to] = item ? a.tokensOf(item.value) : [-1, -1];
  const entries = from >= 0 ? literalEntries(a, from, to) : undefined;
  const table = tableOf(a, put);
  if (!fn || !entries || table === undefined || functionName(a, fn) < 0 || !a.is(fn.params, '(')) {
    return undefined;
  }
  const parameters = callerParameterNames(a, fn);
  const position = parameters.findIndex((name) => [...entries.values()].includes(name));
  return position >= 0 && !assignedBefore(a, fn, parameters[position], put.tokenIndex) ? { scope: fn.scope, table, key: entries, position } : undefined;
}

/** Whether every attribute of the read's literal key is written, with the same value, in the item. */
function sameKey(item: ReadonlyMap<string, string>, key: ReadonlyMap<string, string>): boolean {
  return [...key].every(([attribute, value]) => item.get(attribute) === value);
}

/** Whether the function assigns the parameter `name` before `at`: then the item holds another value. */
function assignedBefore(a: CodeAnalyzer, fn: FunctionScope, name: string, at: number): boolean {
  for (let k = a.partner[fn.params] + 1; k < at; k++) {
    if (a.idIs(k, name) && a.is(k + 1, '=') && a.startsLine(k)) {
      return true;
    }
  }
  return false;
}

function mentions(a: CodeAnalyzer, from: number, to: number, name: string): boolean {
  for (let k = from; k < to; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1)) {
      return true;
    }
  }
  return false;
}
