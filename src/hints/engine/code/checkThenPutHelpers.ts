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
 * `checkThenPut.ts`. In workspace mode the helper may be a function another module exports (`import { userExists }
 * from './users'`), as the workspace reads it (`existenceChecks`, `workspace/itemHelpers.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { CheckedRead, guardsPut, itemTokens, literalItemOfRun, typedCheckThenPutDialect } from './checkThenPut';
import { typedHelperCheckThenPuts } from './checkThenPutTypedHelpers';
import { callerParameterNames, functionName } from './helperFunctions';
import { literalMap } from './literalMaps';
import { importedHelperCalls, sharedTable } from './importedItemHelpers';
import { callsOwn, namesParameter, parameterPosition, readerOfParameters, returnsOwnItem, writerCalls } from './readModifyWriteHelpers';
import { chainStart } from './receiverChains';
import { flowUntil, MAX_TOKENS, tableOf } from './readModifyWrite';
import { statementEnd, tokensText } from './readModifyWriteTypedValues';
import { conditionOf } from './ifConditions';
import { resultNames, searchedValue } from './uniquenessChecks';
import { OperationOccurrence } from '../model';
import type { ExistenceCheck, KeyPart } from '../workspace/types';
import { normalizeName, Span } from '../types';

const KEY = normalizeName('Key');
/** Tokens read past a helper's Get for the `return` that hands back what it read. */
const RETURN_REACH = 400;
/** Tokens between an `if` and the helper call its condition starts with: `if (!(await this.exists(`. */
const GUARD_REACH = 8;
/** A `return` that answers yes. */
const TRUE_WORDS = ['true', 'True'];
/** Helper calls before one Put whose guards are read: real callers make one or two. */
const MAX_CALLS_PER_PUT = 8;

/**
 * A write of a new item after an existence check: a Put, or the call of a writing helper that puts the argument
 * (`createUser({ email, name })`), with the tokens of the item and the table as a check of this file (`own`) or of
 * another module names it.
 */
interface CheckedWrite {
  tokenIndex: number;
  name: Span;
  item: [number, number];
  table(own: boolean): string | undefined;
}

/**
 * The Puts, and calls of writing helpers, with no condition, of new items whose key a helper the same caller called
 * found absent; `bySearch` when the helper searched an index or scanned for a value (`uniquenessChecks.ts`).
 */
export function helperCheckThenPuts(a: CodeAnalyzer, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span; bySearch?: true }[] {
  const family = a.language.family;
  const typed = typedCheckThenPutDialect(family);
  if (typed && gets.length > 0 && puts.length > 0) {
    return typedHelperCheckThenPuts(a, typed, gets, puts);
  }
  const calls = family === 'js' || family === 'python' ? importedHelperCalls(a) : undefined;
  // Nothing writes: no Put of this file, no call of another module's writer.
  if (!calls || (puts.length === 0 && ![...calls.values()].some((helper) => helper.puts !== undefined))) {
    return [];
  }
  const helpers = new Map<string, ExistenceCheck & { scope: number }>();
  for (const get of gets) {
    const helper = existenceHelper(a, get);
    if (helper) {
      helpers.set(helper.name, helper);
    }
  }
  for (const { helper } of puts.length > 0 ? searchHelpers(a) : []) {
    helpers.set(helper.name, helper);
  }
  const imported = new Map<number, ExistenceCheck>();
  for (const [call, helper] of calls) {
    if (helper.checks) {
      imported.set(call, helper.checks);
    }
  }
  if (helpers.size === 0 && imported.size === 0) {
    return [];
  }
  const writes: CheckedWrite[] = [
    ...puts.map((put) => ({ tokenIndex: put.tokenIndex, name: put.name, item: itemTokens(a, put), table: (own: boolean) => (own ? tableOf(a, put) : sharedTable(a, put)) })),
    // A writing helper's table is written as its own file writes it: a check must name it the same way.
    ...writerCalls(a, puts).map((call) => ({ ...call, table: (own: boolean) => (own === call.own ? call.table : undefined) })),
  ];
  const found: { tokenIndex: number; name: Span; bySearch?: true }[] = [];
  for (const write of writes) {
    const check = checkedByHelper(a, write, helpers, imported);
    if (check) {
      found.push({ tokenIndex: write.tokenIndex, name: write.name, ...(check.bySearch ? { bySearch: true as const } : {}) });
    }
  }
  return found;
}

/**
 * The existence checks among the functions of a file, by function scope, for other modules' calls (`itemHelpers`):
 * reads of an item by its key, and searches of an index or a table for a value (`findByEmail(email)`).
 */
export function existenceChecks(a: CodeAnalyzer, gets: readonly OperationOccurrence[]): Map<number, ExistenceCheck> {
  const checks = new Map<number, ExistenceCheck>();
  for (const { search, helper } of searchHelpers(a)) {
    const table = sharedTable(a, search);
    if (table) {
      checks.set(helper.scope, { table, key: helper.key, bySearch: true });
    }
  }
  for (const get of gets) {
    const helper = existenceHelper(a, get);
    // Other modules compare the table by the name every module writes (`sharedTable`), or by the one they pass (`param:`).
    const table = helper && sharedTable(a, get);
    if (helper && table) {
      checks.set(helper.scope, { table, key: helper.key });
    }
    const whole = helper ? undefined : parametrisedCheck(a, get);
    const passed = whole && (whole.tableParameter !== undefined ? `param:${whole.tableParameter}` : sharedTable(a, get));
    if (whole && passed) {
      checks.set(whole.scope, { table: passed, key: {}, keyParameter: whole.keyParameter });
    }
  }
  return checks;
}

/**
 * A function that takes the table and the whole key from its caller and returns the item it read
 * (`readItem(TableName, Key)`): a check whose key the caller's argument writes (`readItem(process.env.LINKS, { url })`).
 */
function parametrisedCheck(a: CodeAnalyzer, get: OperationOccurrence): { scope: number; tableParameter?: number; keyParameter: number } | undefined {
  const keyOption = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  const [from, to] = keyOption ? a.tokensOf(keyOption.value) : [-1, -1];
  const reader = from >= 0 && to === from + 1 && a.isId(from) ? readerOfParameters(a, get) : undefined;
  const keyParameter = reader ? parameterPosition(a, reader.scope, from) : undefined;
  return reader && keyParameter !== undefined && keyParameter !== reader.tableParameter ? { ...reader, keyParameter } : undefined;
}

/** The function around the GetItem `get` when its key comes from its parameters and it returns what it read: its name, table and key. */
function existenceHelper(a: CodeAnalyzer, get: OperationOccurrence): (ExistenceCheck & { name: string; scope: number }) | undefined {
  const fn = a.functions.get(a.scopes.enclosing(get.tokenIndex, ['function']));
  const name = fn ? functionName(a, fn) : -1;
  const table = tableOf(a, get);
  const keyOption = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  const entries = keyOption && literalMap(a, ...a.tokensOf(keyOption.value));
  // A table the helper takes as a parameter may be another one for each caller.
  if (!fn || name < 0 || table === undefined || !entries || entries.length === 0 || !a.is(fn.params, '(') || namesParameter(a, fn, table)) {
    return undefined;
  }
  const parameters = callerParameterNames(a, fn);
  // Each value must come from the parameters alone (`{ email }`, `{"email": {"S": email}}`), so that the caller decides it.
  const key: Record<string, KeyPart[]> = {};
  for (const { key: attribute, valueStart, valueEnd } of entries) {
    if (!ofParametersOnly(a, [valueStart, valueEnd], parameters)) {
      return undefined;
    }
    key[attribute] = keyParts(a, [valueStart, valueEnd], parameters);
  }
  if (returnsOwnItem(a, get)) {
    return { name: a.tokens.text(name), scope: fn.scope, table, key };
  }
  for (let r = get.tokenIndex + 1; r < a.tokens.length && r < get.tokenIndex + RETURN_REACH; r++) {
    if (a.idIs(r, 'return') && a.scopes.enclosing(r, ['function']) === fn.scope && returnsRead(a, get.tokenIndex, r)) {
      return { name: a.tokens.text(name), scope: fn.scope, table, key };
    }
  }
  return undefined;
}

/** The file's functions that search for a value their parameters give and answer with what they found, with each search. */
function searchHelpers(a: CodeAnalyzer): { search: OperationOccurrence; helper: ExistenceCheck & { name: string; scope: number } }[] {
  return a.operations.flatMap((search) => {
    const helper = search.call && (search.operation === 'dynamodb:Query' || search.operation === 'dynamodb:Scan') ? searchHelper(a, search) : undefined;
    return helper ? [{ search, helper }] : [];
  });
}

/**
 * The function around a Query on an index or a filtered Scan (`uniquenessChecks.ts`) when the value it looks for comes
 * from its parameters and it answers with what it found: a `return` of the result (`return Items.length > 0`,
 * `return result.Items[0]`), or a `return true` under an `if` that tests it. Its check names the searched attribute.
 */
function searchHelper(a: CodeAnalyzer, search: OperationOccurrence): (ExistenceCheck & { name: string; scope: number }) | undefined {
  const fn = a.functions.get(a.scopes.enclosing(search.tokenIndex, ['function']));
  const name = fn ? functionName(a, fn) : -1;
  const table = tableOf(a, search);
  const searched = searchedValue(a, search);
  if (!fn || name < 0 || table === undefined || !searched || !a.is(fn.params, '(') || namesParameter(a, fn, table)) {
    return undefined;
  }
  const parameters = callerParameterNames(a, fn);
  if (!ofParametersOnly(a, searched.tokens, parameters)) {
    return undefined;
  }
  const end = a.scopes.range(fn.scope)[1];
  const names = resultNames(a, search.tokenIndex, Math.min(end, search.tokenIndex + RETURN_REACH), fn.scope);
  return answersWith(a, search.tokenIndex, end, fn.scope, names) ? { name: a.tokens.text(name), scope: fn.scope, table, key: { [searched.attribute]: keyParts(a, searched.tokens, parameters) }, bySearch: true } : undefined;
}

/** Whether the function `scope` returns, after `from`, an expression that names one of `names`, or `true` under an `if` that tests one. */
function answersWith(a: CodeAnalyzer, from: number, end: number, scope: number, names: ReadonlySet<string>): boolean {
  const mentions = (start: number, stop: number): boolean => {
    for (let k = start; k < stop; k++) {
      if (a.isId(k) && !a.isAccess(k - 1) && names.has(a.tokens.text(k))) {
        return true;
      }
    }
    return false;
  };
  let tested = false;
  for (let k = from; k < end && k < from + RETURN_REACH && names.size > 0; k++) {
    if (a.scopes.enclosing(k, ['function']) !== scope) {
      continue;
    }
    const condition = a.idIs(k, 'if') && !a.isAccess(k - 1) ? conditionOf(a, k) : undefined;
    tested ||= condition !== undefined && mentions(condition.start, condition.end);
    if (a.idIs(k, 'return') && (a.tokens.isOneOf(k + 1, TRUE_WORDS) ? tested : mentions(k + 1, statementEnd(a, k + 1, true)))) {
      return true;
    }
  }
  return false;
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

/** A key value's tokens, each parameter as its position among the helper's parameters, so that a caller can put its arguments in. */
function keyParts(a: CodeAnalyzer, [from, to]: [number, number], parameters: readonly string[]): KeyPart[] {
  const parts: KeyPart[] = [];
  for (let k = from; k < to; k++) {
    const position = namesValue(a, k) ? parameters.indexOf(a.tokens.text(k)) : -1;
    parts.push(position >= 0 ? position : a.tokens.text(k));
  }
  return parts;
}

/** A key value as the caller's Put must write it: the helper's tokens with each parameter replaced by the caller's argument. */
function substituted(parts: readonly KeyPart[], args: readonly string[]): string | undefined {
  if (parts.some((part) => typeof part === 'number' && args[part] === undefined)) {
    return undefined;
  }
  // Joined as `tokensText` joins the Put's values.
  return parts.map((part) => (typeof part === 'number' ? args[part] : part)).join(' ');
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
function checkedByHelper(a: CodeAnalyzer, put: CheckedWrite, helpers: ReadonlyMap<string, ExistenceCheck & { scope: number }>, imported: ReadonlyMap<number, ExistenceCheck>): ExistenceCheck | undefined {
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  // As far back as a read-modify-write's read: each Put reads a bounded stretch, so a file costs linear time.
  const start = Math.max(fn > 0 ? a.scopes.range(fn)[0] : 0, put.tokenIndex - MAX_TOKENS);
  const answers: (CheckedRead & { call: number; check: ExistenceCheck })[] = [];
  for (let k = start; k < put.tokenIndex && answers.length < MAX_CALLS_PER_PUT; k++) {
    const own = a.isId(k) && a.is(k + 1, '(') ? helpers.get(a.tokens.text(k)) : undefined;
    const ownCall = own !== undefined && callsOwn(a, k, fn, own.scope);
    const called = ownCall ? own : imported.get(k);
    if (!called) {
      continue;
    }
    const callStart = chainStart(a, k);
    const args = segments(a, k + 1).map(([from, to]) => tokensText(a, from, to));
    const key = called.keyParameter !== undefined ? writtenKey(a, k, called.keyParameter) : new Map(Object.entries(called.key).map(([attribute, parts]) => [attribute, substituted(parts, args)] as const));
    if (key.size === 0 || [...key.values()].some((value) => value === undefined) || put.table(ownCall) !== called.table || !literalItemOfRun(a, put.item, key as Map<string, string>)) {
      continue;
    }
    const read = { names: new Set<string>(), call: k, check: called };
    // `const taken = await this.exists(email)`: the name that holds the answer.
    const holder = heldBy(a, callStart);
    if (holder !== undefined) {
      read.names.add(holder);
    }
    answers.push(read);
  }
  for (const read of answers) {
    // From a little before the call: the `if (!(await this.` of a guard written around it.
    for (let k = Math.max(start, read.call - GUARD_REACH); k < put.tokenIndex; k++) {
      if (a.idIs(k, 'if') && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn && guardsPut(a, k, put.tokenIndex, read.names, read.call)) {
        return read.check;
      }
    }
  }
  return undefined;
}

/** The key the call at `k` hands a check as its argument at `position`, when written as a map (`{ url }`): attribute to value as written. */
function writtenKey(a: CodeAnalyzer, k: number, position: number): Map<string, string> {
  const argument = segments(a, k + 1)[position];
  const entries = argument ? literalMap(a, ...argument) : undefined;
  return new Map((entries ?? []).map(({ key, valueStart, valueEnd }) => [key, tokensText(a, valueStart, valueEnd)] as const));
}

/** The name a statement binds to the call starting at `start` (`const x = await f()`, `x = self.f()`), or undefined. */
function heldBy(a: CodeAnalyzer, start: number): string | undefined {
  const p = a.idIs(start - 1, 'await') ? start - 2 : start - 1;
  return a.is(p, '=') && a.isId(p - 1) && !a.isAccess(p - 2) ? a.tokens.text(p - 1) : undefined;
}
