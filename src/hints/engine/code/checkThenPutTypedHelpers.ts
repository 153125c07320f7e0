/**
 * A check-then-put in Java, Go and C# whose check is a same-file helper (`checkThenPutHelpers.ts` reads it in
 * JavaScript and Python): a function that reads an item by a key its parameters give and answers whether it
 * exists (`return response.Item != null && response.Item.Count > 0;`, `return r.hasItem();`, Go's
 * `if len(result.Item) > 0 { return true, nil }`), or in Go returns the item it decoded (`return u, nil`), which the
 * caller tests (`u != nil && len(u.Email) > 0`); and a caller that leaves when it answers yes, or puts only when it
 * answers no, a new item with that key and no condition:
 *
 *     if (await UserExistsAsync(email)) return Conflict();
 *     await _db.PutItemAsync(new PutItemRequest { TableName = UsersTable, Item = item });
 *
 * The key the caller's Put repeats is the helper's `Key` with each parameter replaced by the caller's argument as
 * written, on the helper's table as written, a table parameter replaced the same way (`exists(table, email)`
 * reads the caller's `table`); the guard and the item are read as in `checkThenPutTyped.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { CheckThenPutDialect, guards, Read, readExpression, testsOf } from './checkThenPutTyped';
import { conditionOf } from './ifConditions';
import { requestMap, runData, statementEndAt, tableText, valueText } from './checkThenPutTypedItems';
import { calledFunction, functionName, goMethodName } from './helperFunctions';
import { callArgumentRanges, goAssignedNames, typedReadFlowUntil } from './readModifyWriteTyped';
import { tokensText } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName, Span } from '../types';

const KEY = normalizeName('Key');
const ITEM = normalizeName('Item');
/** Tokens read past a helper's Get for the `return` that answers. */
const RETURN_REACH = 400;
/** Tokens back from a Put for the helper calls before it, as far as a read-modify-write's read. */
const MAX_TOKENS = 3000;
/** Helper calls before one Put whose guards are read: real callers make one or two. */
const MAX_CALLS_PER_PUT = 8;
/** Tokens from an `if` to the helper call its condition or init statement starts with. */
const IF_REACH = 12;

interface ExistenceHelper {
  /** `answer`: it answers whether the item exists; `item`: it returns the item it read (Go's `return u, nil` after `UnmarshalMap(out.Item, u)`), which the caller tests. */
  returns: 'answer' | 'item';
  /** The table as written, its words joined by spaces; a parameter in it stands for the caller's argument. */
  table: string;
  /** Each key attribute with its value's tokens, [from, to), in the helper: its parameters stand for the caller's arguments. */
  key: Map<string, [number, number]>;
  parameters: string[];
}

/** The PutItems, with no condition, of new items whose key a same-file helper the same caller called found absent. */
export function typedHelperCheckThenPuts(a: CodeAnalyzer, d: CheckThenPutDialect, gets: readonly OperationOccurrence[], puts: readonly OperationOccurrence[]): { tokenIndex: number; name: Span }[] {
  // The functions that read, by name; each is read as a helper only once a caller's call names it.
  const reads = new Map<string, OperationOccurrence>();
  for (const get of gets) {
    const fn = a.functions.get(a.scopes.enclosing(get.tokenIndex, ['function']));
    const name = fn && !d.rmw.readsObject(a, get) ? functionName(a, fn) : -1;
    if (name >= 0) {
      reads.set(a.tokens.text(name), get);
    }
  }
  const helpers = new Map<string, ExistenceHelper | undefined>();
  const helperNamed = (name: string): ExistenceHelper | undefined => {
    const get = reads.get(name);
    if (get !== undefined && !helpers.has(name)) {
      helpers.set(name, existenceHelper(a, d, get));
    }
    return helpers.get(name);
  };
  return reads.size === 0 ? [] : puts.filter((put) => put.operation === 'dynamodb:PutItem' && checkedByHelper(a, d, put, helperNamed)).map((put) => ({ tokenIndex: put.tokenIndex, name: put.name }));
}

/** The function around the GetItem `get` when its key comes from its parameters and it answers whether the item exists: its name, table and key. */
function existenceHelper(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence): ExistenceHelper | undefined {
  const scope = a.scopes.enclosing(get.tokenIndex, ['function']);
  const fn = a.functions.get(scope);
  const name = fn ? functionName(a, fn) : -1;
  const table = tableText(a, d, get);
  if (!fn || name < 0 || table === undefined) {
    return undefined;
  }
  // A Go method's parameters follow its name; others' follow the function's `(`.
  const open = goMethodName(a, fn) >= 0 ? name + 1 : fn.params;
  const parameters = a.is(open, '(') ? segments(a, open).map(([start, end]) => parameterName(a, start, end)) : [];
  const key = requestMap(a, d, get, KEY, scope);
  if (!key || key.size === 0 || parameters.some((parameter) => parameter === undefined)) {
    return undefined;
  }
  for (const value of key.values()) {
    if (!ofParametersOnly(a, d, value, parameters as string[])) {
      return undefined;
    }
  }
  // From the `return` that may start the read's own statement (`return ddb.getItem(request).hasItem();`).
  for (let r = readExpression(a, get).start - 1; r < a.tokens.length && r < get.tokenIndex + RETURN_REACH; r++) {
    if (a.idIs(r, 'return') && a.scopes.enclosing(r, ['function']) === scope) {
      const returns = answersPresence(a, d, get, r) ? 'answer' : returnsItem(a, d, get, r) ? 'item' : undefined;
      if (returns) {
        return { returns, table, key, parameters: parameters as string[] };
      }
    }
  }
  return undefined;
}

/** A parameter's name: Go's first (`email string`, `ctx context.Context`), Java's and C#'s last before a default (`final String email`, `CancellationToken ct = default`). */
function parameterName(a: CodeAnalyzer, start: number, end: number): string | undefined {
  if (a.language.family === 'go') {
    return a.id(start);
  }
  let last: string | undefined;
  for (let k = start; k < end && !a.is(k, '='); k++) {
    last = a.isId(k) ? a.tokens.text(k) : last;
  }
  return last;
}

/** Whether a key value's names are all parameters, and one at least (`new AttributeValue { S = email.ToLowerInvariant() }`). */
function ofParametersOnly(a: CodeAnalyzer, d: CheckThenPutDialect, [from, to]: [number, number], parameters: readonly string[]): boolean {
  let named = false;
  for (let k = from; k < to; k++) {
    if (namesValue(a, d, k)) {
      if (!parameters.includes(a.tokens.text(k))) {
        return false;
      }
      named = true;
    }
  }
  return named;
}

/** A name that stands for a value: not a member, a field label, a constant word or an AttributeValue builder. */
function namesValue(a: CodeAnalyzer, d: CheckThenPutDialect, k: number): boolean {
  return a.isId(k) && runData(a, d, k, k + 1);
}

/**
 * Whether the `return` at `r` answers that the item exists: its first value tests the read for presence
 * (`return out.Item != nil, nil`), or is `true` inside an `if` that does (`if len(out.Item) > 0 { return true, nil }`).
 */
function answersPresence(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, r: number): boolean {
  const end = firstValueEnd(a, r + 1);
  // `return ddb.getItem(request).hasItem();`
  const expression = readExpression(a, get);
  if (expression.start === r + 1) {
    return testsOf(a, d, r + 1, end, { items: new Set(), responses: new Set(), inline: { ...expression, item: false } }) === true;
  }
  const flow = typedReadFlowUntil(a, d.rmw, get, r);
  if (!flow) {
    return false;
  }
  const read: Read = { items: new Set(flow.items.keys()), responses: flow.responses };
  if (a.idIs(r + 1, 'true') && end === r + 2) {
    const block = a.parent[r];
    return block >= 0 && a.is(block, '{') && presenceIfBefore(a, d, block, read);
  }
  return end > r + 1 && testsOf(a, d, r + 1, end, read) === true;
}

/** Go: whether the `return` at `r` gives first a name holding the item read (`return u, nil`). */
function returnsItem(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, r: number): boolean {
  const name = a.language.family === 'go' && firstValueEnd(a, r + 1) === r + 2 ? a.id(r + 1) : undefined;
  return name !== undefined && typedReadFlowUntil(a, d.rmw, get, r)?.items.has(name) === true;
}

/** The end of a `return`'s first value from `start`: its `,`, `;` or line end at its own level. */
function firstValueEnd(a: CodeAnalyzer, start: number): number {
  const end = statementEndAt(a, start);
  for (let k = start; k < end; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (a.is(k, ',')) {
      return k;
    }
  }
  return end;
}

/** Whether the block opening at `block` is the body of an `if` whose condition finds the read's item present. */
function presenceIfBefore(a: CodeAnalyzer, d: CheckThenPutDialect, block: number, read: Read): boolean {
  for (let k = block - 1; k >= 0 && k > block - 200; k--) {
    if (a.idIs(k, 'if') && a.parent[k] === a.parent[block]) {
      const condition = conditionOf(a, k);
      const body = condition && (a.language.family === 'go' ? condition.end : condition.end + 1);
      return body === block && testsOf(a, d, condition!.start, condition!.end, read) === true;
    }
  }
  return false;
}

/** Whether an `if` of the Put's function tests a helper's answer for the key the Put's item repeats, so that the Put runs only when it found none. */
function checkedByHelper(a: CodeAnalyzer, d: CheckThenPutDialect, put: OperationOccurrence, helperNamed: (name: string) => ExistenceHelper | undefined): boolean {
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  if (fn <= 0) {
    return false;
  }
  const start = Math.max(a.scopes.range(fn)[0], put.tokenIndex - MAX_TOKENS);
  const item = requestMap(a, d, put, ITEM, fn);
  const table = tableText(a, d, put);
  const reads: { read: Read; callStart: number }[] = [];
  for (let k = start; item && k < put.tokenIndex && reads.length < MAX_CALLS_PER_PUT; k++) {
    const helper = a.isId(k) && a.is(k + 1, '(') ? helperNamed(a.tokens.text(k)) : undefined;
    const args = helper ? callArgumentRanges(a, k + 1) : [];
    const call = helper && table !== undefined && helperTable(a, helper, args) === table ? calledFunction(a, k, fn) : undefined;
    if (!helper || !call || !repeatsHelperKey(a, d, helper, item, args)) {
      continue;
    }
    const callStart = a.idIs(call.start - 1, 'await') ? call.start - 1 : call.start;
    const holder = heldBy(a, callStart);
    const names = new Set(holder === undefined ? [] : [holder]);
    // A returned item is tested as the read's item (`u != nil && len(u.Email) > 0`).
    const read: Read = helper.returns === 'item' ? { items: names, responses: new Set() } : { items: new Set(), responses: new Set(), answers: { names, call: { start: callStart, end: a.partner[k + 1] + 1 } } };
    reads.push({ read, callStart });
  }
  return reads.some(({ read, callStart }) => {
    for (let k = Math.max(start, callStart - IF_REACH); k < put.tokenIndex; k++) {
      if (a.idIs(k, 'if') && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn && guards(a, d, k, put.tokenIndex, read)) {
        return true;
      }
    }
    return false;
  });
}

/**
 * The helper's table as this call reads it: each word that names a parameter (not a member: `s.table`) replaced
 * by the call's argument as written, so `exists(TABLE, code)` reads TABLE. Undefined for a call of another arity.
 */
function helperTable(a: CodeAnalyzer, helper: ExistenceHelper, args: [number, number][]): string | undefined {
  if (args.length !== helper.parameters.length) {
    return undefined;
  }
  const words = helper.table.split(' ');
  return words.map((word, k) => {
    const position = words[k - 1] === '.' ? -1 : helper.parameters.indexOf(word);
    return position >= 0 ? tokensText(a, ...args[position]) : word;
  }).join(' ');
}

/** Whether the Put's item repeats the helper's key, its parameters replaced by the call's arguments, and holds another value of the run's own. */
function repeatsHelperKey(a: CodeAnalyzer, d: CheckThenPutDialect, helper: ExistenceHelper, item: ReadonlyMap<string, [number, number]>, args: [number, number][]): boolean {
  // An overload of another arity is another method.
  if (args.length !== helper.parameters.length) {
    return false;
  }
  const argumentTexts = args.map(([from, to]) => valueText(a, d, from, to));
  for (const [attribute, value] of helper.key) {
    const written = item.get(attribute);
    if (!written || valueText(a, d, ...written) !== substituted(a, d, value, helper.parameters, argumentTexts)) {
      return false;
    }
  }
  return [...item].some(([attribute, [from, to]]) => !helper.key.has(attribute) && runData(a, d, from, to));
}

/** A helper's key value as the caller's Put must write it: each parameter replaced by the caller's argument, unwrapped as `valueText` does. */
function substituted(a: CodeAnalyzer, d: CheckThenPutDialect, [from, to]: [number, number], parameters: readonly string[], args: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const position = namesValue(a, d, k) ? parameters.indexOf(a.tokens.text(k)) : -1;
    if (position >= 0 && args[position] === undefined) {
      return undefined;
    }
    parts.push(position >= 0 ? args[position] : a.tokens.text(k));
  }
  return d.unwrap(parts.join(' ').replace(/ ,(?= [}\])])/g, ''));
}

/** The name a statement binds to the call starting at `start` (`var taken = await Exists(email)`, Go's `exists, err := r.Exists(u)`), or undefined. */
function heldBy(a: CodeAnalyzer, start: number): string | undefined {
  const at = start - 1;
  if (!a.is(at, '=') && !a.is(at, ':=')) {
    return undefined;
  }
  const names = a.language.family === 'go' ? goAssignedNames(a, at) : a.isId(at - 1) && !a.isAccess(at - 2) ? [a.tokens.text(at - 1)] : undefined;
  return names?.[0];
}
