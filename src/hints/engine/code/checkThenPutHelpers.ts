/**
 * A check-then-put whose check is a same-file helper (JavaScript, TypeScript, Python; Java, Go and C# in
 * `checkThenPutTypedHelpers.ts`): a function that reads an
 * item by the key its parameters give and returns it, or whether it exists (`async exists(email) { const { Item }
 * = await doc.send(new GetCommand({ TableName, Key: { email } })); return Item !== undefined; }`), and a caller
 * that leaves when it answers, or puts only when it does not, a new item with that key and no condition:
 *
 *     if (await this.exists(email)) throw new Conflict();
 *     await doc.send(new PutCommand({ TableName, Item: { email, name } }));
 *
 * The key the caller's Put repeats is the helper's `Key` with each parameter replaced by the caller's argument
 * as written; the Put names the helper's table as written. The guard and the item's own data are read as in
 * `checkThenPut.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { CheckedRead, guardsPut, itemOfRun, typedCheckThenPutDialect } from './checkThenPut';
import { typedHelperCheckThenPuts } from './checkThenPutTypedHelpers';
import { calledFunction, functionName } from './helperFunctions';
import { literalMap } from './literalMaps';
import { namesParameter } from './readModifyWriteHelpers';
import { flowUntil, MAX_TOKENS, tableOf } from './readModifyWrite';
import { tokensText } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName, Span } from '../types';

const KEY = normalizeName('Key');
/** Tokens read past a helper's Get for the `return` that hands back what it read. */
const RETURN_REACH = 400;
/** Tokens between an `if` and the helper call its condition starts with: `if (!(await this.exists(`. */
const GUARD_REACH = 8;
/** Helper calls before one Put whose guards are read: real callers make one or two. */
const MAX_CALLS_PER_PUT = 8;

interface ExistenceHelper {
  table: string;
  /** Each key attribute with its value's tokens, [from, to), in the helper: its parameters stand for the caller's arguments. */
  key: Map<string, [number, number]>;
  /** The helper's parameters, in order. */
  parameters: string[];
}

/** The Puts, with no condition, of new items whose key a same-file helper the same caller called found absent. */
export function helperCheckThenPuts(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  const family = a.language.family;
  const typed = typedCheckThenPutDialect(family);
  if (typed && gets.length > 0 && puts.length > 0) {
    return typedHelperCheckThenPuts(a, typed, gets, puts);
  }
  if ((family !== 'js' && family !== 'python') || gets.length === 0 || puts.length === 0) {
    return [];
  }
  const helpers = new Map<string, ExistenceHelper>();
  for (const get of gets) {
    const helper = existenceHelper(a, get);
    if (helper) {
      helpers.set(helper.name, helper);
    }
  }
  return helpers.size === 0 ? [] : puts.filter((put) => checkedByHelper(a, put, helpers)).map((put) => ({ tokenIndex: put.tokenIndex, name: put.name }));
}

/** The function around the GetItem `get` when its key comes from its parameters and it returns what it read: its name, table and key. */
function existenceHelper(a: CodeAnalyzer, get: OperationOccurrence): (ExistenceHelper & { name: string }) | undefined {
  const fn = a.functions.get(a.scopes.enclosing(get.tokenIndex, ['function']));
  const name = fn ? functionName(a, fn) : -1;
  const table = tableOf(a, get);
  const keyOption = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  const entries = keyOption && literalMap(a, ...a.tokensOf(keyOption.value));
  // A table the helper takes as a parameter may be another one for each caller.
  if (!fn || name < 0 || table === undefined || !entries || entries.length === 0 || !a.is(fn.params, '(') || namesParameter(a, fn, table)) {
    return undefined;
  }
  const parameters = segments(a, fn.params)
    .map(([start]) => start)
    .filter((start) => !a.idIs(start, 'self') && !a.idIs(start, 'cls'))
    .map((start) => a.tokens.text(start));
  // Each value must come from the parameters alone (`{ email }`, `{"email": {"S": email}}`), so that the caller decides it.
  const key = new Map<string, [number, number]>();
  for (const { key: attribute, valueStart, valueEnd } of entries) {
    if (!ofParametersOnly(a, [valueStart, valueEnd], parameters)) {
      return undefined;
    }
    key.set(attribute, [valueStart, valueEnd]);
  }
  for (let r = get.tokenIndex + 1; r < a.tokens.length && r < get.tokenIndex + RETURN_REACH; r++) {
    if (a.idIs(r, 'return') && a.scopes.enclosing(r, ['function']) === fn.scope && returnsRead(a, get.tokenIndex, r)) {
      return { name: a.tokens.text(name), table, key, parameters };
    }
  }
  return undefined;
}

/** Whether a key value's names are all parameters, and one at least: literals, members and punctuation besides (`{"S": email.lower()}`). */
function ofParametersOnly(a: CodeAnalyzer, [from, to]: [number, number], parameters: readonly string[]): boolean {
  let named = false;
  for (let k = from; k < to; k++) {
    if (namesValue(a, k)) {
      if (!parameters.includes(a.tokens.text(k))) {
        return false;
      }
      named = true;
    }
  }
  return named;
}

/** A name that stands for a value: not a member read off another (`.lower`), nor a JavaScript object's own key (`{ S: email }`). */
function namesValue(a: CodeAnalyzer, k: number): boolean {
  return a.isId(k) && !a.isAccess(k - 1) && !(a.is(k + 1, ':') && a.language.family === 'js');
}

/** A key value as the caller's Put must write it: the helper's tokens with each parameter replaced by the caller's argument. */
function substituted(a: CodeAnalyzer, [from, to]: [number, number], parameters: readonly string[], args: readonly string[]): string | undefined {
  // Joined as `tokensText` joins the Put's values.
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const position = namesValue(a, k) ? parameters.indexOf(a.tokens.text(k)) : -1;
    if (position >= 0 && args[position] === undefined) {
      return undefined;
    }
    parts.push(position >= 0 ? args[position] : a.tokens.text(k));
  }
  return parts.join(' ');
}

/** Whether the `return` at `r` hands back the read or a test of it (`return Item`, `return 'Item' in resp`, `return !!Item`). */
function returnsRead(a: CodeAnalyzer, getName: number, r: number): boolean {
  const flow = flowUntil(a, getName, r);
  if (!flow) {
    return false;
  }
  const names = new Set([...flow.items.keys(), ...flow.responses]);
  for (let k = r + 1; k < a.tokens.length && !a.startsLine(k) && !a.is(k, ';') && !a.is(k, '}'); k++) {
    if (a.isId(k) && !a.isAccess(k - 1) && names.has(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}

/** Whether an `if` of the Put's function tests a helper's answer for the key the Put's item repeats, so that the Put runs only when it found none. */
function checkedByHelper(a: CodeAnalyzer, put: OperationOccurrence, helpers: ReadonlyMap<string, ExistenceHelper>): boolean {
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  // As far back as a read-modify-write's read: each Put reads a bounded stretch, so a file costs linear time.
  const start = Math.max(fn > 0 ? a.scopes.range(fn)[0] : 0, put.tokenIndex - MAX_TOKENS);
  const answers: (CheckedRead & { call: number })[] = [];
  for (let k = start; k < put.tokenIndex && answers.length < MAX_CALLS_PER_PUT; k++) {
    const called = a.isId(k) && a.is(k + 1, '(') ? helpers.get(a.tokens.text(k)) : undefined;
    const call = called && calledFunction(a, k, fn);
    if (!called || !call) {
      continue;
    }
    const args = segments(a, k + 1).map(([from, to]) => tokensText(a, from, to));
    const key = new Map([...called.key].map(([attribute, value]) => [attribute, substituted(a, value, called.parameters, args)] as const));
    if ([...key.values()].some((value) => value === undefined) || !itemOfRun(a, put, called.table, key as Map<string, string>)) {
      continue;
    }
    const read = { names: new Set<string>(), call: k };
    // `const taken = await this.exists(email)`: the name that holds the answer.
    const holder = heldBy(a, call.start);
    if (holder !== undefined) {
      read.names.add(holder);
    }
    answers.push(read);
  }
  for (const read of answers) {
    // From a little before the call: the `if (!(await this.` of a guard written around it.
    for (let k = Math.max(start, read.call - GUARD_REACH); k < put.tokenIndex; k++) {
      if (a.idIs(k, 'if') && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn && guardsPut(a, k, put.tokenIndex, read.names, read.call)) {
        return true;
      }
    }
  }
  return false;
}

/** The name a statement binds to the call starting at `start` (`const x = await f()`, `x = self.f()`), or undefined. */
function heldBy(a: CodeAnalyzer, start: number): string | undefined {
  const p = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  return a.is(p, '=') && a.isId(p - 1) && !a.isAccess(p - 2) ? a.tokens.text(p - 1) : undefined;
}
