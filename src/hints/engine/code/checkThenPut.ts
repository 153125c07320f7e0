/**
 * A check-then-put (JavaScript, TypeScript, Python; Java, Go and C# in `checkThenPutTyped.ts`): a `PutItem` of a fresh item whose key is the key a
 * `GetItem` of the same function just read, written because that read found no item, with no condition:
 *
 *     const { Item } = await doc.send(new GetCommand({ TableName: T, Key: { email } }));
 *     if (Item) throw new ConflictError();
 *     await doc.send(new PutCommand({ TableName: T, Item: { email, name } }));
 *
 * Two runs can both find the item absent, and the later Put silently replaces the item the earlier one
 * created. What counts as that guard, by data flow from the read (`readModifyWrite.ts`'s `flowUntil`):
 * an `if` that tests for the item or the response (not for its absence) and leaves the function (`return`,
 * `throw`, `raise`) with the Put after it, or an `if` that tests for the item's absence (`!Item`, `not item`, `"Item" not in
 * resp`, `is None`, `=== undefined`) with the Put inside it. The Put's `Item` must be a literal that repeats
 * each attribute of the Get's literal `Key` with the same value, on the same table expression, and carries
 * something of the run's own (a non-key attribute that is no constant, or a spread): two runs that would
 * both write the same constants (`{ name: 'hits', value: 0 }`, a counter created at zero) only repeat each other.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { CheckThenPutDialect, typedCreatesCheckedItem } from './checkThenPutTyped';
import { conditionOf } from './ifConditions';
import { ctpCsharp } from './languages/ctpCsharp';
import { ctpGo } from './languages/ctpGo';
import { ctpJava } from './languages/ctpJava';
import { flowUntil, literalEntries, MAX_TOKENS, tableOf } from './readModifyWrite';
import { TOKEN_KIND } from '../lexer';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';

const ITEM = normalizeName('Item');
const KEY = normalizeName('Key');
const EXITS = ['return', 'throw', 'raise'];
/** Tokens of an absence test besides a leading `!` or `not`: `=== undefined`, `== null`, `is None`. */
const ABSENT = ['undefined', 'null', 'None'];
const CONSTANT_WORDS = ['true', 'false', 'null', 'undefined', 'True', 'False', 'None'];

/** Java, Go and C#: `checkThenPutTyped.ts`, one dialect per language. */
const TYPED_DIALECTS: Partial<Record<string, CheckThenPutDialect>> = { java: ctpJava, go: ctpGo, csharp: ctpCsharp };

/** The check-then-put dialect of a typed language, or undefined for JavaScript and Python. */
export function typedCheckThenPutDialect(family: string): CheckThenPutDialect | undefined {
  return TYPED_DIALECTS[family];
}

/** Whether the PutItem `put` creates the item whose absence the GetItem `get` of the same function checked (see the module's comment). */
export function createsCheckedItem(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const family = a.language.family;
  const typed = TYPED_DIALECTS[family];
  if (typed) {
    return typedCreatesCheckedItem(a, typed, get, put);
  }
  // Far apart or in two functions, they are no check and put (and the pairs a file holds stay few per Put).
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  if ((family !== 'js' && family !== 'python') || put.operation !== 'dynamodb:PutItem' || put.tokenIndex - get.tokenIndex > MAX_TOKENS || a.scopes.enclosing(get.tokenIndex, ['function']) !== fn) {
    return false;
  }
  const table = tableOf(a, get);
  const keyOption = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  const key = keyOption && literalEntries(a, ...a.tokensOf(keyOption.value));
  if (table === undefined || !key || key.size === 0 || !itemOfRun(a, put, table, key)) {
    return false;
  }
  const flow = flowUntil(a, get.tokenIndex, put.tokenIndex, keyOption!.value);
  if (!flow) {
    return false;
  }
  return guardedAfter(a, get.tokenIndex, put.tokenIndex, fn, new Set([...flow.items.keys(), ...flow.responses]));
}

/** Whether an `if` of the function `fn` between the read at `read` and the Put at `put` tests one of `names` so that the Put runs only when the read found nothing (`guardsPut`). */
export function guardedAfter(a: CodeAnalyzer, read: number, put: number, fn: number, names: ReadonlySet<string>): boolean {
  for (let k = read; k < put && names.size > 0; k++) {
    if (a.idIs(k, 'if') && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn && guardsPut(a, k, put, names)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether the Put writes, on `table`, a literal item that repeats each attribute of `key` with the same value as
 * written and carries something of the run's own besides.
 */
export function itemOfRun(a: CodeAnalyzer, put: OperationOccurrence, table: string, key: ReadonlyMap<string, string>): boolean {
  return tableOf(a, put) === table && literalItemOfRun(a, itemTokens(a, put), key);
}

/** The tokens [from, to) of a Put's `Item`, or [-1, -1]. */
export function itemTokens(a: CodeAnalyzer, put: OperationOccurrence): [number, number] {
  const itemOption = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
  return itemOption ? a.tokensOf(itemOption.value) : [-1, -1];
}

/**
 * Whether the tokens [from, to) are a literal item, or a name of the same function that holds one (`const member =
 * { ... }`, then `Item: member`), that repeats each attribute of `key` as written and carries something of the run's own besides.
 */
export function literalItemOfRun(a: CodeAnalyzer, tokens: [number, number], key: ReadonlyMap<string, string>): boolean {
  const [from, to] = heldLiteral(a, tokens);
  const item = literalEntries(a, from, to);
  return item !== undefined && [...key].every(([attribute, value]) => item.get(attribute) === value) && carriesRunData(a, from, key);
}

/** The object literal a lone name holds, declared with it in the same function (`const member: Member = { ... }`), else the tokens themselves. */
function heldLiteral(a: CodeAnalyzer, [from, to]: [number, number]): [number, number] {
  const binding = to === from + 1 && a.isId(from) ? a.scopes.lookup(a.tokens.text(from), from) : undefined;
  const open = binding?.expression ?? -1;
  const close = open >= 0 && a.is(open, '{') ? a.partner[open] : -1;
  const sameFunction = close > open && a.scopes.enclosing(binding!.token, ['function']) === a.scopes.enclosing(from, ['function']);
  return sameFunction && expressionEnd(a, open) === close + 1 ? [open, close + 1] : [from, to];
}

/** Whether an item literal (its `{` at `open`) holds a spread or an attribute besides the key whose value is no constant. */
function carriesRunData(a: CodeAnalyzer, open: number, key: ReadonlyMap<string, string>): boolean {
  return segments(a, open).some(([start, end]) => {
    if (a.tokens.isSpread(start) || a.is(start, '**')) {
      return true;
    }
    const name = a.isId(start) || a.isString(start) ? a.tokens.text(start) : undefined;
    if (name !== undefined && key.has(name)) {
      return false;
    }
    // Shorthand `{ name }` holds a variable; otherwise the value after the `:`.
    const from = a.is(start + 1, ':') ? start + 2 : start;
    return !constant(a, from, end);
  });
}

/** A literal written out: a string without interpolation, a number, a boolean or null word, an empty list or map. */
function constant(a: CodeAnalyzer, from: number, to: number): boolean {
  if (to === from + 2 && (a.is(from, '[') || a.is(from, '{')) && a.partner[from] === from + 1) {
    return true;
  }
  const kind = a.tokens.kinds[from];
  return to === from + 1 && ((kind === TOKEN_KIND.STR && !a.tokens.interpolated(from)) || kind === TOKEN_KIND.NUM || a.tokens.isOneOf(from, CONSTANT_WORDS));
}

/** What a guard may test: names holding the read or its answer, and a helper's call written in the condition (its name token). */
export interface CheckedRead {
  names: Set<string>;
  call?: number;
}

/**
 * Whether the `if` at `at` tests the read (one of `names`, or the helper call at `call`) so that the Put at `put`
 * runs only when the read found nothing.
 */
export function guardsPut(a: CodeAnalyzer, at: number, put: number, names: ReadonlySet<string>, call = -1): boolean {
  const condition = conditionOf(a, at);
  if (!condition || put <= condition.end) {
    return false;
  }
  let tested = false;
  let absent = false;
  for (let k = condition.start; k < condition.end; k++) {
    if (k === call) {
      // `!(await this.exists(email))`, `not self.exists(email)`: the call's chain with what precedes it.
      let first = a.isAccess(k - 1) ? k - 2 : k;
      first = a.idIs(first - 1, 'await') ? first - 1 : first;
      first = a.is(first - 1, '(') && a.partner[first - 1] === a.partner[k + 1] + 1 ? first - 1 : first;
      tested = true;
      absent ||= a.is(first - 1, '!') || a.idIs(first - 1, 'not');
    } else if (a.isId(k) && !a.isAccess(k - 1) && names.has(a.tokens.text(k))) {
      tested = true;
      absent ||= a.is(k - 1, '!') || a.idIs(k - 1, 'not');
    }
    // `not item`, `"Item" not in resp`, `item is None`, `Item === undefined` (lexed `==` `=`); not `is not None`, `!==`.
    absent ||= (a.idIs(k, 'not') && !a.idIs(k - 1, 'is')) || (a.tokens.isOneOf(k, ABSENT) && (a.is(k - 1, '==') || (a.is(k - 1, '=') && a.is(k - 2, '==')) || a.idIs(k - 1, 'is')));
  }
  if (!tested) {
    return false;
  }
  const body = bodyOf(a, at, condition.end);
  const inside = put < body.end;
  // After a body that leaves, the Put runs when the test failed: a guard tests for the item (`if (Item) throw`);
  // `if (!Item) throw new NotFound()` lets only a present item through, and the Put replaces it.
  return inside ? absent : !absent && exits(a, condition.end, body.end);
}


/** The end of an `if`'s body (the token after it) whose condition ends at `conditionEnd`: a JavaScript block or statement, a Python indented block. */
function bodyOf(a: CodeAnalyzer, at: number, conditionEnd: number): { end: number } {
  const first = conditionEnd + 1;
  if (a.language.family === 'js') {
    if (a.is(first, '{')) {
      return { end: a.partner[first] > first ? a.partner[first] + 1 : first + 1 };
    }
    let k = first;
    while (k < a.tokens.length && !a.is(k, ';') && !(k > first && a.startsLine(k) && a.parent[k] === a.parent[at])) {
      k = a.is(k, '(') || a.is(k, '{') || a.is(k, '[') ? Math.max(k + 1, a.partner[k] + 1) : k + 1;
    }
    return { end: k + (a.is(k, ';') ? 1 : 0) };
  }
  // Python: up to the first line indented no deeper than the `if`.
  const indent = column(a, at);
  let k = first;
  while (k < a.tokens.length && !(a.startsLine(k) && k > first && column(a, k) <= indent && a.parent[k] === a.parent[at])) {
    k++;
  }
  return { end: k };
}

function column(a: CodeAnalyzer, k: number): number {
  return a.lines.position(a.tokens.starts[k]).character;
}

/** Whether the body from `conditionEnd` to `end` leaves the function at its own level: a `return`, `throw` or `raise` not nested in a deeper block or function. */
function exits(a: CodeAnalyzer, conditionEnd: number, end: number): boolean {
  const level = a.parent[conditionEnd + 1];
  const open = a.is(conditionEnd + 1, '{') ? conditionEnd + 1 : level;
  const indent = a.language.family === 'python' ? bodyIndent(a, conditionEnd + 1, end) : -1;
  for (let k = conditionEnd + 1; k < end; k++) {
    if (!a.tokens.isOneOf(k, EXITS) || a.isAccess(k - 1)) {
      continue;
    }
    if (a.language.family === 'js' ? a.parent[k] === open : a.parent[k] === level && (column(a, k) === indent || !a.startsLine(k))) {
      return true;
    }
  }
  return false;
}

/** The indentation of a Python body's first line (or -1 when the body sits on the `if`'s line). */
function bodyIndent(a: CodeAnalyzer, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    if (a.startsLine(k)) {
      return column(a, k);
    }
  }
  return -1;
}
