/**
 * A read-modify-write of one DynamoDB item (JavaScript, TypeScript, Python; Java, Go and C# in `readModifyWriteTyped.ts`): a `PutItem` that writes back the
 * item a `GetItem` of the same function read, changed, or an item built from it. Read token by token inside one
 * function, from the read to the write, by data flow only:
 * - the read's item: `const { Item } = await doc.send(new GetCommand(…))` (or `{ Item: order }`),
 *   `item = table.get_item(…)["Item"]` / `.get("Item")`, or a response variable whose `.Item` / `["Item"]` is read;
 * - what is built from it: an alias, a spread or copy (`{ ...item, status }`, `{**item, "s": s}`, `dict(item)`,
 *   `item.copy()`, `copy.deepcopy(item)`, `structuredClone(item)`, `unmarshall(Item)`), with a fallback
 *   (`resp.get("Item") or {}`, `Item ?? {}`);
 * - a change: a member or subscript of it assigned (`item["count"] += 1`, `Item.status = 'PAID'`), a
 *   mutating method (`item.update(…)`, `Object.assign(item, …)`), or a spread or copy that adds keys;
 * - a value read from it and computed (`count = resp["Item"]["count"]`, `count += 1`), written in a fresh literal
 *   that repeats the Get's literal `Key` (`{"id": "1", "count": count}`): the same item rebuilt;
 * - the write: the Put's `Item` is one of those values (or `marshall(…)` of it).
 * A value written back unchanged, or reassigned to something else (other than where it was absent:
 * `if (!Item) Item = { pk, count: 0 }`), is no read-modify-write. The same flow feeds an UpdateItem's values
 * (`readModifyWriteUpdate.ts`, every language) and same-file helpers that read and put (`readModifyWriteHelpers.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { endsStatement, sendOfHeldCommand } from './firstItemDialects';
import { chainStart } from './receiverChains';
import { ormRewritesReadItem } from './readModifyWriteOrm';
import { RmwDialect, typedReadFlow, typedRewritesReadItem } from './readModifyWriteTyped';
import { sameKey, setsAnyValue, setsComputedValue } from './readModifyWriteUpdate';
import { readValue, statementEnd, tokensText } from './readModifyWriteTypedValues';
import { rmwCsharp } from './languages/rmwCsharp';
import { rmwGo } from './languages/rmwGo';
import { rmwJava } from './languages/rmwJava';
import { OperationOccurrence } from '../model';
import { normalizeName, Span } from '../types';

/** Calls that copy or convert an item and hand back the same attributes. */
const COPIES = new Set(['dict', 'structuredClone', 'deepcopy', 'copy', 'unmarshall', 'marshall', 'cloneDeep', 'clone']);
/** Methods of the item (or of a member of it) that change it in place. */
const MUTATORS = new Set(['update', 'setdefault', 'pop', 'popitem', 'append', 'extend', 'insert', 'remove', 'push', 'splice', 'add', 'discard', 'clear']);
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '|=', '&=', '??=', '||=', '&&=', '++', '--']);
/** Tokens read between the read and the write: a handler's body is far shorter. */
export const MAX_TOKENS = 3000;
/** A write's options that make it check the item it replaces (`Expected` is the legacy form). */
const CONDITIONS = new Set(['ConditionExpression', 'Expected', 'ConditionalOperator'].map(normalizeName));

/**
 * A sent write that may replace, unseen, an item another run changed: not made only for a loop's sake, and either
 * with no request object (an object mapper's `SaveAsync(order)`, judged by the language's flow alone) or with
 * all its options in sight and no condition.
 */
export function writesWithoutCondition(write: OperationOccurrence): boolean {
  const request = write.request;
  return (
    write.call &&
    !write.loopOnly &&
    (request === undefined ||
      (request.complete && !request.options.some((option) => !option.absent && CONDITIONS.has(option.norm)) && !(request.lent?.some((norm) => CONDITIONS.has(norm)) ?? false)))
  );
}

export interface Flow {
  /** Names holding the item or a value built from it, and whether that value already differs from the item read. */
  items: Map<string, boolean>;
  /** Names holding the read's whole response (`resp`, `result`): their `Item` is the item. */
  responses: Set<string>;
  /** Names whose value was changed after they got the item. */
  changed: Set<string>;
  /** Names holding a value read from the item (`count = resp["Item"]["count"]`), and whether it was computed since (`count + 1`). */
  values: Map<string, boolean>;
  /** The Get's `Key` when it is a literal map: attribute → value as written. A fresh item must repeat it to be the item read. */
  key?: Map<string, string>;
}

/** Whether the write named at `putName`, whose `Item` value is `itemValue`, writes back the item the read named at `getName` read (see the module's comment). */
export function writesReadItem(a: CodeAnalyzer, getName: number, putName: number, itemValue: Span, keyValue?: Span): boolean {
  const flow = flowUntil(a, getName, putName, keyValue);
  const [from, to] = a.tokensOf(itemValue);
  return flow !== undefined && from >= 0 && writtenValue(a, from, to, flow);
}

/** What the read named at `getName` (a GetItem, or with `returnsItem` a helper that returns the item) bound, followed to the write named at `writeName` in the same function; undefined when the read binds nothing. */
export function flowUntil(a: CodeAnalyzer, getName: number, writeName: number, keyValue?: Span, returnsItem = false): Flow | undefined {
  const family = a.language.family;
  const outer = a.scopes.enclosing(getName, ['function']);
  if ((family !== 'js' && family !== 'python') || outer <= 0 || getName >= writeName || writeName - getName > MAX_TOKENS) {
    return undefined;
  }
  // The response may reach the write through a promise callback (`….promise().then((res) => { … })`).
  const fn = a.scopes.enclosing(writeName, ['function']);
  const callback = family === 'js' && !returnsItem && fn !== outer ? thenCallback(a, getName) : undefined;
  if (fn !== outer && (!callback || a.scopes.enclosing(callback.body, ['function']) !== fn)) {
    return undefined;
  }
  const flow: Flow = { items: new Map(), responses: new Set(), changed: new Set(), values: new Map() };
  const key = keyValue && literalEntries(a, ...a.tokensOf(keyValue));
  if (key) {
    flow.key = key;
  }
  const end = callback ? callback.body : readResult(a, getName, flow);
  if (callback) {
    flow.responses.add(callback.response);
  }
  if (end < 0) {
    return undefined;
  }
  // A same-file helper's call (`const order = await this.get(id)`) returns the item itself, not a response.
  if (returnsItem) {
    const [target] = flow.responses;
    if (flow.items.size > 0 || target === undefined) {
      return undefined;
    }
    flow.responses.clear();
    flow.items.set(target, false);
  }
  for (let k = end; k < writeName; k++) {
    if (a.isId(k) && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn) {
      follow(a, k, flow);
    }
  }
  return flow;
}

/** The read's call; records what it binds, and returns the token after its statement, or -1. */
function readResult(a: CodeAnalyzer, getName: number, flow: Flow): number {
  // SDK v3 `send(new GetCommand(…))`: the result is `send`'s; a command a variable holds, that of `send(command)`.
  const command = a.idIs(getName - 1, 'new') && a.is(getName - 2, '(') && a.isId(getName - 3);
  const call = command ? getName - 3 : (sendOfHeldCommand(a, getName) ?? getName);
  const close = a.is(call + 1, '(') ? a.partner[call + 1] : -1;
  if (close <= call) {
    return -1;
  }
  // DocumentClient v2 `.promise()`.
  let end = a.isAccess(close + 1) && a.idIs(close + 2, 'promise') && a.is(close + 3, '(') ? a.partner[close + 3] + 1 : close + 1;
  let start = a.isAccess(call - 1) ? chainStart(a, call - 2) : call;
  // `(await doc.send(…)).Item`
  if (a.idIs(start - 1, 'await') && a.is(start - 2, '(') && a.partner[start - 2] === end) {
    start -= 2;
    end += 1;
  }
  const item = itemMember(a, end);
  const target = assignedName(a, start);
  if (item >= 0) {
    if (target === undefined || !endsStatement(a, pastFallback(a, item))) {
      return -1;
    }
    flow.items.set(target, false);
    return item;
  }
  if (!endsStatement(a, end)) {
    return -1;
  }
  if (target !== undefined) {
    flow.responses.add(target);
    return end;
  }
  const destructured = destructuredItem(a, a.idIs(start - 1, 'await') ? start - 1 : start);
  if (destructured !== undefined) {
    flow.items.set(destructured, false);
    return end;
  }
  return -1;
}

/**
 * A callback handed the read's response: a promise's `….promise().then((res) => {`, or on the next statement
 * `result.then(function (res) {` after `let result = ….promise();`, or the SDK v2's own last argument
 * `docClient.get(params, (err, data) => {`. Its response parameter and the first token of its body.
 */
function thenCallback(a: CodeAnalyzer, getName: number): { response: string; body: number } | undefined {
  const command = a.idIs(getName - 1, 'new') && a.is(getName - 2, '(') && a.isId(getName - 3);
  const call = command ? getName - 3 : getName;
  const close = a.is(call + 1, '(') ? a.partner[call + 1] : -1;
  if (close <= call) {
    return undefined;
  }
  const nodeStyle = command ? undefined : errorFirstCallback(a, call + 1);
  if (nodeStyle) {
    return nodeStyle;
  }
  const end = a.isAccess(close + 1) && a.idIs(close + 2, 'promise') && a.is(close + 3, '(') ? a.partner[close + 3] + 1 : close + 1;
  const target = assignedName(a, a.isAccess(call - 1) ? chainStart(a, call - 2) : call);
  const next = a.is(end, ';') ? end + 1 : end;
  let p = -1;
  if (a.isAccess(end) && a.idIs(end + 1, 'then') && a.is(end + 2, '(')) {
    p = end + 3;
  } else if (target !== undefined && endsStatement(a, end) && a.idIs(next, target) && a.isAccess(next + 1) && a.idIs(next + 2, 'then') && a.is(next + 3, '(')) {
    p = next + 4;
  }
  if (p < 0) {
    return undefined;
  }
  p = a.idIs(p, 'async') ? p + 1 : p;
  p = a.idIs(p, 'function') ? p + 1 : p;
  const param = a.is(p, '(') && a.isId(p + 1) && a.is(p + 2, ')') ? p + 1 : a.isId(p) && a.is(p + 1, '=>') ? p : -1;
  const open = param < 0 ? -1 : a.is(param + 1, ')') ? param + 2 : param + 1;
  const brace = a.is(open, '=>') ? open + 1 : open;
  return param >= 0 && a.is(brace, '{') ? { response: a.tokens.text(param), body: brace + 1 } : undefined;
}

/**
 * The SDK v2's callback, the last argument of the call whose `(` is `open`: `(err, data) => {`, `function (err, data) {`
 * (also `async`). The SDK calls it with the error and the response (https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/using-a-callback-function.html).
 */
function errorFirstCallback(a: CodeAnalyzer, open: number): { response: string; body: number } | undefined {
  const parts = segments(a, open);
  if (parts.length < 2) {
    return undefined;
  }
  let p = parts[parts.length - 1][0];
  p = a.idIs(p, 'async') ? p + 1 : p;
  p = a.idIs(p, 'function') ? p + 1 : p;
  if (!a.is(p, '(') || !a.isId(p + 1) || !a.is(p + 2, ',') || !a.isId(p + 3) || !a.is(p + 4, ')')) {
    return undefined;
  }
  const brace = a.is(p + 5, '=>') ? p + 6 : p + 5;
  return a.is(brace, '{') ? { response: a.tokens.text(p + 3), body: brace + 1 } : undefined;
}

/** The token after `.Item`, `!.Item`, `?.Item`, `["Item"]` or `.get("Item")` at `end`, or -1. */
export function itemMember(a: CodeAnalyzer, end: number): number {
  const p = a.is(end, '!') && a.isAccess(end + 1) ? end + 1 : end;
  if (a.isAccess(p) && a.idIs(p + 1, 'Item') && !a.is(p + 2, '(')) {
    return p + 2;
  }
  if (a.is(p, '[') && a.isString(p + 1) && a.tokens.text(p + 1) === 'Item' && a.is(p + 2, ']')) {
    return p + 3;
  }
  if (a.language.family === 'python' && a.isAccess(p) && a.idIs(p + 1, 'get') && a.is(p + 2, '(') && a.isString(p + 3) && a.tokens.text(p + 3) === 'Item') {
    return a.partner[p + 2] > p ? a.partner[p + 2] + 1 : -1;
  }
  return -1;
}

/** Past a fallback for an absent item (`or {}`, `?? {}`, `|| { pk }`, `as Order`) at `end`. */
export function pastFallback(a: CodeAnalyzer, end: number): number {
  let p = end;
  if (a.idIs(p, 'as') && a.isId(p + 1)) {
    p += 2;
    // `as Order | undefined`: the type's other members.
    while (a.is(p, '|') && a.isId(p + 1)) {
      p += 2;
    }
  }
  if ((a.idIs(p, 'or') || a.is(p, '??') || a.is(p, '||')) && (a.is(p + 1, '{') || a.is(p + 1, '('))) {
    const close = a.partner[p + 1];
    return close > p ? close + 1 : p;
  }
  return p;
}

/** The name a statement assigns or declares with the expression starting at `start` (`const x =`, `x =`, `let x: T =`), if any. */
function assignedName(a: CodeAnalyzer, start: number): string | undefined {
  const at = a.idIs(start - 1, 'await') ? start - 1 : start;
  if (!a.is(at - 1, '=')) {
    return undefined;
  }
  let name = at - 2;
  // `const result: GetCommandOutput = …`
  let type = name;
  while (a.isId(type) && a.isAccess(type - 1) && a.isId(type - 2)) {
    type -= 2;
  }
  if (a.language.family === 'js' && a.is(type - 1, ':') && a.isId(type - 2)) {
    name = type - 2;
  }
  const declared = a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var');
  return a.isId(name) && (declared || a.startsLine(name)) ? a.tokens.text(name) : undefined;
}

/** `const { Item } = ` or `const { Item: order, … } = ` ending before `at`: the item's variable. */
function destructuredItem(a: CodeAnalyzer, at: number): string | undefined {
  const open = a.is(at - 1, '=') && a.is(at - 2, '}') ? a.partner[at - 2] : -1;
  if (open < 0 || !(a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'))) {
    return undefined;
  }
  for (let k = open + 1; k < at - 2; k++) {
    if (a.parent[k] === open && a.idIs(k, 'Item') && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      return a.is(k + 1, ':') && a.isId(k + 2) ? a.tokens.text(k + 2) : a.tokens.text(k);
    }
  }
  return undefined;
}

/** One use of a name at `k` between the read and the write: a change, a copy, a reassignment. */
function follow(a: CodeAnalyzer, k: number, flow: Flow): void {
  const name = a.tokens.text(k);
  const held = flow.items.has(name);
  const response = flow.responses.has(name);
  // A statement that assigns the name: `x = …` (declared or not), not a keyword argument.
  const statement = a.startsLine(k) || a.idIs(k - 1, 'const') || a.idIs(k - 1, 'let') || a.idIs(k - 1, 'var') || a.is(k - 1, ';') || a.is(k - 1, '{') || a.is(k - 1, ')');
  if (a.is(k + 1, '=') && statement && !a.is(a.parent[k], '(') && !a.is(a.parent[k], '[')) {
    const derived = derivedValue(a, k + 2, flow);
    const end = derived === undefined ? statementEnd(a, k + 2, true) : -1;
    const value = end > k + 2 ? readValue(a, itemMember, k + 2, end, flow) : undefined;
    if (derived !== undefined) {
      flow.items.set(name, derived);
    } else if (value !== undefined) {
      flow.values.set(name, value);
      flow.items.delete(name);
    } else if ((held || response || flow.values.has(name)) && !fillsAbsent(a, k, name)) {
      flow.items.delete(name);
      flow.responses.delete(name);
      flow.values.delete(name);
    }
    return;
  }
  // `count += 1`
  if (flow.values.has(name) && ASSIGNMENTS.has(a.tokens.text(k + 1)) && !a.is(k + 2, '=') && (statement || a.is(k + 1, '++') || a.is(k + 1, '--'))) {
    flow.values.set(name, true);
  }
  if ((held || response) && changedAt(a, k, response)) {
    flow.changed.add(name);
  }
  // `Object.assign(item, …)`
  if (held && a.is(k - 1, '(') && a.idIs(k - 2, 'assign') && a.isAccess(k - 3) && a.idIs(k - 4, 'Object')) {
    flow.changed.add(name);
  }
}

/** A member or subscript of the name at `k` assigned or changed by a method (`item["n"] += 1`, `Item.tags.push(t)`); for a response, past its `Item`. */
function changedAt(a: CodeAnalyzer, k: number, response: boolean): boolean {
  let p = k + 1;
  if (response) {
    p = itemMember(a, p);
    if (p < 0) {
      return false;
    }
  }
  let members = 0;
  for (let guard = 0; guard < 16; guard++) {
    const q = a.is(p, '!') ? p + 1 : p;
    if (a.isAccess(q) && a.isId(q + 1)) {
      if (MUTATORS.has(a.tokens.text(q + 1)) && a.is(q + 2, '(')) {
        return true;
      }
      p = q + 2;
      members++;
    } else if (a.is(q, '[') && a.partner[q] > q) {
      p = a.partner[q] + 1;
      members++;
    } else {
      break;
    }
  }
  return members > 0 && ASSIGNMENTS.has(a.tokens.text(p)) && !a.is(p + 1, '=');
}

/**
 * Whether the value starting at `start` (to the end of its statement) is the item or built from it: undefined
 * when not; true when it differs from the item read (a spread or copy with more keys), false when the same.
 */
function derivedValue(a: CodeAnalyzer, start: number, flow: Flow): boolean | undefined {
  let p = a.idIs(start, 'await') ? start + 1 : start;
  // A held name, or a response's item.
  if (a.isId(p) && (flow.items.has(a.tokens.text(p)) || flow.responses.has(a.tokens.text(p)))) {
    const name = a.tokens.text(p);
    const after = flow.items.has(name) ? p + 1 : itemMember(a, p + 1);
    const changed = (flow.items.get(name) ?? false) || flow.changed.has(name);
    if (after >= 0 && endsStatement(a, pastFallback(a, after))) {
      return changed;
    }
    // `item.copy()`
    if (after >= 0 && a.isAccess(after) && a.idIs(after + 1, 'copy') && a.is(after + 2, '(') && a.is(after + 3, ')') && endsStatement(a, after + 4)) {
      return changed;
    }
    return undefined;
  }
  const close = a.is(p, '{') || a.is(p, '(') ? a.partner[p] : -1;
  if (close > p && endsStatement(a, pastFallback(a, close + 1))) {
    return a.is(p, '{') ? (builtFrom(a, p, close, flow) ?? computedFrom(a, p, flow)) : undefined;
  }
  // `dict(item, status="PAID")`, `copy.deepcopy(item)`, `structuredClone(Item)`, `Object.assign({}, Item, { s })`.
  while (a.isId(p) && a.isAccess(p + 1) && a.isId(p + 2)) {
    p += 2;
  }
  const open = p + 1;
  const end = a.is(open, '(') ? a.partner[open] : -1;
  if (end <= open || !endsStatement(a, end + 1)) {
    return undefined;
  }
  const copy = COPIES.has(a.tokens.text(p)) || (a.idIs(p, 'assign') && a.idIs(p - 2, 'Object'));
  return copy ? argumentsFrom(a, open, end, flow) : undefined;
}

/** An object or dict literal between `open` and `close` that spreads the item: whether it adds keys too; undefined when it spreads none. */
function builtFrom(a: CodeAnalyzer, open: number, close: number, flow: Flow): boolean | undefined {
  let spreads: boolean | undefined;
  let others = false;
  for (let k = open + 1; k < close; k++) {
    if (a.parent[k] !== open) {
      continue;
    }
    const spread = a.tokens.isSpread(k) ? k + 3 : a.is(k, '**') ? k + 1 : -1;
    if (spread > 0) {
      const held = heldAt(a, spread, flow);
      if (held !== undefined) {
        spreads = (spreads ?? false) || held;
      } else {
        // Another spread may overwrite every attribute read.
        return undefined;
      }
    } else if (a.is(k, ',') && !a.is(k + 1, '}')) {
      others = true;
    }
  }
  return spreads === undefined ? undefined : spreads || others;
}

/** The arguments of a copy call: one of them the item; whether the result differs from it (more than one argument). */
function argumentsFrom(a: CodeAnalyzer, open: number, close: number, flow: Flow): boolean | undefined {
  let found = false;
  let changed = false;
  let count = 0;
  for (let k = open + 1; k < close; k++) {
    if (a.parent[k] === open && (k === open + 1 || a.is(k - 1, ','))) {
      count++;
      const value = a.is(k, '{') ? (a.partner[k] > k ? builtFrom(a, k, a.partner[k], flow) : undefined) : heldAt(a, k, flow);
      if (value !== undefined) {
        found = true;
        changed ||= value;
      }
    }
  }
  return found ? changed || count > 1 : undefined;
}

/** The held name or response item at `k`, alone as an operand: whether it was changed; undefined when none. */
function heldAt(a: CodeAnalyzer, k: number, flow: Flow): boolean | undefined {
  const name = a.id(k);
  if (name === undefined) {
    return undefined;
  }
  const after = flow.items.has(name) ? k + 1 : flow.responses.has(name) ? itemMember(a, k + 1) : -1;
  const operandEnds = after >= 0 && (a.is(after, ',') || a.is(after, '}') || a.is(after, ')') || a.startsLine(after));
  return operandEnds ? (flow.items.get(name) ?? false) || flow.changed.has(name) : undefined;
}

/** A reassignment of `name` at `k` where the read found nothing: in a branch that tests the name (`if (!Item) Item = {…}`, `if not item:`). */
function fillsAbsent(a: CodeAnalyzer, k: number, name: string): boolean {
  if (a.language.family === 'python') {
    let line = k - 1;
    while (line > 0 && !a.startsLine(line)) {
      line--;
    }
    return a.idIs(line, 'if') && namedBetween(a, line, k, name);
  }
  // `if (!Item) Item = …`, or `if (!Item) { …; Item = … }`
  const brace = a.parent[k];
  const close = a.is(k - 1, ')') ? k - 1 : a.is(brace, '{') ? brace - 1 : -1;
  const open = close >= 0 && a.is(close, ')') ? a.partner[close] : -1;
  return open > 0 && a.idIs(open - 1, 'if') && namedBetween(a, open, close, name);
}

function namedBetween(a: CodeAnalyzer, from: number, to: number, name: string): boolean {
  for (let j = from; j < to; j++) {
    if (a.idIs(j, name)) {
      return true;
    }
  }
  return false;
}

/** The Put's `Item` value, tokens `from` to `to`: the item changed, or a value built from it that differs. */
export function writtenValue(a: CodeAnalyzer, from: number, to: number, flow: Flow): boolean {
  let p = from;
  let end = to;
  // `marshall(item)`, `marshall({ ...Item, n })`
  if (a.isId(p) && COPIES.has(a.tokens.text(p)) && a.is(p + 1, '(') && a.partner[p + 1] === end - 1) {
    p += 2;
    end -= 1;
  }
  if (a.is(p, '{') && a.partner[p] === end - 1) {
    return (builtFrom(a, p, end - 1, flow) ?? computedFrom(a, p, flow)) === true;
  }
  const name = a.id(p);
  if (name === undefined) {
    return false;
  }
  const after = flow.items.has(name) ? p + 1 : flow.responses.has(name) ? itemMember(a, p + 1) : -1;
  const whole = after === end || (a.idIs(after, 'as') && after + 2 === end) || (a.is(after, '!') && after + 1 === end);
  return whole && ((flow.items.get(name) ?? false) || flow.changed.has(name));
}

/** A fresh object or dict literal opening at `open` with a value computed from the item read (`{"id": "1", "count": count}` after `count = item["count"] + 1`): true, else undefined. */
function computedFrom(a: CodeAnalyzer, open: number, flow: Flow): boolean | undefined {
  // The same item: the literal repeats the key the Get read (a single-table design writes other items too).
  const written = flow.key && flow.key.size > 0 ? entries(a, open) : undefined;
  if (!written || [...flow.key!].some(([name, value]) => written.get(name) !== value)) {
    return undefined;
  }
  return segments(a, open).some(([start, end]) => readValue(a, itemMember, start, end, flow) === true) || undefined;
}

/** The entries of the object or dict literal opening at `open`: key → value tokens as written (`{ pk }` is `pk` → `pk`). */
/** The entries of a literal map from `from` to `to` (attribute to value as written), or undefined when it is none. */
export function literalEntries(a: CodeAnalyzer, from: number, to: number): Map<string, string> | undefined {
  return from >= 0 && a.is(from, '{') && a.partner[from] === to - 1 ? entries(a, from) : undefined;
}

function entries(a: CodeAnalyzer, open: number): Map<string, string> {
  const found = new Map<string, string>();
  for (const [start, end] of segments(a, open)) {
    const key = end > start && (a.isId(start) || a.isString(start)) ? a.tokens.text(start) : undefined;
    if (key !== undefined && a.is(start + 1, ':')) {
      found.set(key, tokensText(a, start + 2, end));
    } else if (key !== undefined && start + 1 === end) {
      found.set(key, key);
    }
  }
  return found;
}

/** Whether the Put `put` writes back, changed, the item the Get `get` read, on the same table expression (see the module's comment). */
export function rewritesReadItem(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const dialect = TYPED_DIALECTS[a.language.family];
  if (put.operation === UPDATE_ITEM && setsAnyValue(put)) {
    if (!sameKey(a, get, put)) {
      return false;
    }
    const flow = dialect ? typedReadFlow(a, dialect, get, put) : tableOf(a, get) !== undefined && tableOf(a, get) === tableOf(a, put) ? flowUntil(a, get.tokenIndex, put.tokenIndex) : undefined;
    return flow !== undefined && setsComputedValue(a, put, flow, dialect ? dialect.itemMember : itemMember);
  }
  if (dialect) {
    return typedRewritesReadItem(a, dialect, get, put);
  }
  if (put.request === undefined) {
    return ormRewritesReadItem(a, get, put);
  }
  const item = put.request?.options.find((option) => option.norm === ITEM && !option.absent);
  const key = get.request?.options.find((option) => option.norm === KEY && !option.absent);
  const table = tableOf(a, get);
  return item !== undefined && table !== undefined && table === tableOf(a, put) && writesReadItem(a, get.tokenIndex, put.tokenIndex, item.value, key?.value);
}

/** Java, Go and C#: the shared flow of `readModifyWriteTyped.ts`, one dialect per language. */
const TYPED_DIALECTS: Partial<Record<string, RmwDialect>> = { java: rmwJava, go: rmwGo, csharp: rmwCsharp };

const ITEM = normalizeName('Item');
const UPDATE_ITEM = 'dynamodb:UpdateItem';
const KEY = normalizeName('Key');
const TABLE_NAME = normalizeName('TableName');

/** The table expression a request names, as written: its `TableName` value, or the receiver of a boto3 `Table` (`self.table.put_item`). */
export function tableOf(a: CodeAnalyzer, occurrence: OperationOccurrence): string | undefined {
  const name = occurrence.request?.options.find((option) => option.norm === TABLE_NAME && !option.absent);
  if (name) {
    const [from, to] = a.tokensOf(name.value);
    return from >= 0 ? `name ${tokensText(a, from, to)}` : undefined;
  }
  const at = occurrence.tokenIndex;
  return a.language.family === 'python' && a.isAccess(at - 1) ? `receiver ${tokensText(a, chainStart(a, at - 2), at - 1)}` : undefined;
}
