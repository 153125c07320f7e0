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
import { TOKEN_KIND } from '../lexer';
import { segments } from './braces';
import { destructuredFirst, firstElementAfter, firstItemAfter, itemsAfter, replyMember } from './queryFirstItem';
import { assignedName, thenCallback } from './readReplies';
import { endsStatement, sendOfHeldCommand } from './firstItemDialects';
import { chainStart } from './receiverChains';
import { ormRewritesReadItem } from './readModifyWriteOrm';
import { modelOfItem, serializedWhole } from './readModifyWriteModels';
import { RmwDialect, typedReadFlow, typedRewritesReadItem } from './readModifyWriteTyped';
import { sameKey, setsAnyValue, setsComputedValue } from './readModifyWriteUpdate';
import { readValue, statementEnd, tokensText } from './readModifyWriteTypedValues';
import { elementBound, ElementOwners } from './readModifyWriteContainers';
import { rmwCsharp } from './languages/rmwCsharp';
import { rmwGo } from './languages/rmwGo';
import { rmwJava } from './languages/rmwJava';
import { javaRewritesFirstItem } from './languages/rmwJavaFirstItem';
import { queriedKey } from './queryKeyEqualities';
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
 * A sent write that may replace, unseen, an item another run changed: not made only for a loop's sake (but for an
 * object mapper's save of a whole object), and either
 * with no request object (an object mapper's `SaveAsync(order)`, judged by the language's flow alone) or with
 * all its options in sight and no condition.
 */
export function writesWithoutCondition(write: OperationOccurrence): boolean {
  const request = write.request;
  return (
    write.call &&
    (!write.loopOnly || write.rewritesObject === true) &&
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
  /** The read is a Query whose first item is the item (`queryFirstItem.ts`): a response's item is `.Items[0]`. */
  firstItem?: boolean;
  /** A Query's: names holding its items (`const { Items } = …`), whose first element is the item. */
  lists?: Set<string>;
  /** Names bound to an element of a value (`for e in stock:`): element → value (`readModifyWriteContainers.ts`). */
  owners: ElementOwners;
}

/** Whether the write named at `putName`, whose `Item` value is `itemValue`, writes back the item the read named at `getName` read (see the module's comment). */
export function writesReadItem(a: CodeAnalyzer, getName: number, putName: number, itemValue: Span, keyValue?: Span): boolean {
  const flow = flowUntil(a, getName, putName, keyValue);
  const [from, to] = a.tokensOf(itemValue);
  return flow !== undefined && from >= 0 && writtenValue(a, from, to, flow);
}

/**
 * What the read named at `getName` (a GetItem; with `returnsItem` a helper that returns the item; with `firstItem` a
 * Query whose first item is taken) bound, followed to the write named at `writeName` in the same function; undefined
 * when the read binds nothing.
 */
export function flowUntil(a: CodeAnalyzer, getName: number, writeName: number, keyValue?: Span, returnsItem = false, firstItem = false): Flow | undefined {
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
  const flow: Flow = { items: new Map(), responses: new Set(), changed: new Set(), values: new Map(), owners: new Map(), ...(firstItem ? { firstItem, lists: new Set<string>() } : {}) };
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
  const item = responseItem(a, end, flow);
  const target = assignedName(a, start);
  const list = flow.lists && item < 0 ? itemsAfter(a, end) : -1;
  if (list >= 0 && target !== undefined && endsStatement(a, pastFallback(a, list))) {
    flow.lists!.add(target);
    return list;
  }
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
  const destructured = destructuredItem(a, a.idIs(start - 1, 'await') ? start - 1 : start, flow.lists ? 'Items' : 'Item');
  if (destructured !== undefined) {
    if (flow.lists) {
      flow.lists.add(destructured);
    } else {
      flow.items.set(destructured, false);
    }
    return end;
  }
  return -1;
}

/** The token after the item of a response expression that ends at `end`: its `.Item`, or for a Query its first item. */
function responseItem(a: CodeAnalyzer, end: number, flow: Flow): number {
  return flow.firstItem ? firstItemAfter(a, end) : itemMember(a, end);
}

/** The token after the item the name at `k` holds, read from it: the name itself, a response's item, a list's first element; -1 when none. */
function heldItemAfter(a: CodeAnalyzer, k: number, flow: Flow): number {
  const name = a.tokens.text(k);
  return flow.items.has(name) ? k + 1 : flow.responses.has(name) ? responseItem(a, k + 1, flow) : flow.lists?.has(name) ? firstElementAfter(a, k + 1) : -1;
}

/** The token after a GetItem reply's `Item` read at `end` (`.Item`, `["Item"]`, `.get("Item")`; see `replyMember`), or -1. */
export function itemMember(a: CodeAnalyzer, end: number): number {
  return replyMember(a, end, 'Item');
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

/** `const { Item } = ` or `const { Item: order, … } = ` ending before `at` (`key`: `Items` for a Query's): the item's variable. */
function destructuredItem(a: CodeAnalyzer, at: number, key: string): string | undefined {
  const open = a.is(at - 1, '=') && a.is(at - 2, '}') ? a.partner[at - 2] : -1;
  if (open < 0 || !(a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'))) {
    return undefined;
  }
  for (let k = open + 1; k < at - 2; k++) {
    if (a.parent[k] === open && a.idIs(k, key) && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      return a.is(k + 1, ':') && a.isId(k + 2) ? a.tokens.text(k + 2) : a.tokens.text(k);
    }
  }
  return undefined;
}

/** One use of a name at `k` between the read and the write: a change, a copy, a reassignment. */
function follow(a: CodeAnalyzer, k: number, flow: Flow): void {
  const name = a.tokens.text(k);
  const held = flow.items.has(name);
  const response = flow.responses.has(name) || (flow.lists?.has(name) ?? false);
  // A statement that assigns the name: `x = …` (declared or not), not a keyword argument.
  const statement = a.startsLine(k) || a.idIs(k - 1, 'const') || a.idIs(k - 1, 'let') || a.idIs(k - 1, 'var') || a.is(k - 1, ';') || a.is(k - 1, '{') || a.is(k - 1, ')');
  // A Query's items destructured: `const [item] = Items`, `const [item] = resp.Items ?? []`.
  const first = flow.lists && a.is(k - 1, '[') ? destructuredFirst(a, k + 3) : undefined;
  const list = first === undefined ? -1 : listAfter(a, k + 3, flow);
  if (first !== undefined && list >= 0 && endsStatement(a, pastFallback(a, list))) {
    flow.items.set(first, false);
    return;
  }
  // An element of a value read from the item (`for e in stock:`, `e = next(…)`), whose change changes the value.
  const owner = held || response ? undefined : elementBound(a, k, flow.values);
  if (owner !== undefined) {
    flow.owners.set(name, owner);
    return;
  }
  if (a.is(k + 1, '=') && statement && !a.is(a.parent[k], '(') && !a.is(a.parent[k], '[')) {
    flow.owners.delete(name);
    // A Query response's items: `items = resp["Items"]`.
    if (flow.lists && itemsOfResponse(a, k + 2, flow)) {
      flow.lists.add(name);
      return;
    }
    const derived = derivedValue(a, k + 2, flow);
    const end = derived === undefined ? statementEnd(a, k + 2, true) : -1;
    const value = end > k + 2 ? readValue(a, (_, p) => responseItem(a, p, flow), k + 2, end, flow) : undefined;
    if (derived !== undefined) {
      flow.items.set(name, derived);
    } else if (value !== undefined) {
      flow.values.set(name, value);
      flow.items.delete(name);
    } else if ((held || response || flow.values.has(name)) && !fillsAbsent(a, k, name)) {
      flow.items.delete(name);
      flow.responses.delete(name);
      flow.lists?.delete(name);
      flow.values.delete(name);
    }
    return;
  }
  // `count += 1`
  if (flow.values.has(name) && ASSIGNMENTS.has(a.tokens.text(k + 1)) && !a.is(k + 2, '=') && (statement || a.is(k + 1, '++') || a.is(k + 1, '--'))) {
    flow.values.set(name, true);
  }
  // A list or map read from the item, changed in place or through one of its elements (`stock.append(x)`, `e["n"] -= 1`).
  const changedValue = flow.values.has(name) ? name : flow.owners.get(name);
  if (changedValue !== undefined && flow.values.has(changedValue) && changedAt(a, k + 1)) {
    flow.values.set(changedValue, true);
  }
  if ((held || response) && changedAt(a, heldItemAfter(a, k, flow))) {
    flow.changed.add(name);
  }
  // `Object.assign(item, …)`
  if (held && a.is(k - 1, '(') && a.idIs(k - 2, 'assign') && a.isAccess(k - 3) && a.idIs(k - 4, 'Object')) {
    flow.changed.add(name);
  }
}

/** Whether the value starting at `start` is a held Query response's items, alone in its statement (`resp.Items`, `resp.get("Items", [])`). */
function itemsOfResponse(a: CodeAnalyzer, start: number, flow: Flow): boolean {
  const p = a.idIs(start, 'await') ? start + 1 : start;
  const after = a.isId(p) && flow.responses.has(a.tokens.text(p)) ? itemsAfter(a, p + 1) : -1;
  return after >= 0 && endsStatement(a, pastFallback(a, after));
}

/** The token after a Query's items read at `p`: a name holding them, or a held response's `.Items`; -1 when none. */
function listAfter(a: CodeAnalyzer, p: number, flow: Flow): number {
  const name = a.id(p);
  return name === undefined ? -1 : flow.lists?.has(name) ? p + 1 : flow.responses.has(name) ? itemsAfter(a, p + 1) : -1;
}

/** A member or subscript of the item read up to `item` (-1: none) assigned or changed by a method (`item["n"] += 1`, `Item.tags.push(t)`). */
function changedAt(a: CodeAnalyzer, item: number): boolean {
  if (item < 0) {
    return false;
  }
  let p = item;
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
  if (a.isId(p) && heldItemAfter(a, p, flow) >= 0) {
    const name = a.tokens.text(p);
    const after = heldItemAfter(a, p, flow);
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
  const callee = p;
  while (a.isId(p) && a.isAccess(p + 1) && a.isId(p + 2)) {
    p += 2;
  }
  const open = p + 1;
  const end = a.is(open, '(') ? a.partner[open] : -1;
  if (end <= open || !endsStatement(a, end + 1)) {
    return undefined;
  }
  const copy = COPIES.has(a.tokens.text(p)) || (a.idIs(p, 'assign') && a.idIs(p - 2, 'Object'));
  return copy ? argumentsFrom(a, open, end, flow) : modelOfItem(a, callee, p, open, end, (k) => heldAt(a, k, flow));
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
  const after = heldItemAfter(a, k, flow);
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
    // `else: count = 1`, a literal for the item's absence after `if "Item" in resp: count = resp["Item"]["n"] + 1`.
    const literalDefault = a.idIs(line, 'else') && a.is(line + 1, ':') && (a.isString(k + 2) || a.tokens.kinds[k + 2] === TOKEN_KIND.NUM) && endsStatement(a, k + 3);
    return (a.idIs(line, 'if') && namedBetween(a, line, k, name)) || literalDefault;
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
  const after = heldItemAfter(a, p, flow);
  const whole = after === end || (a.idIs(after, 'as') && after + 2 === end) || (a.is(after, '!') && after + 1 === end) || (flow.items.has(name) && serializedWhole(a, after, end));
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

/** Whether the Put `put` writes back, changed, the item the Get `get` read (or the first item the Query `get` read), on the same table expression (see the module's comment). */
export function rewritesReadItem(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence): boolean {
  if (get.operation === QUERY) {
    return a.language.family === 'java' ? javaRewritesFirstItem(a, get, put) : rewritesFirstItem(a, get, put);
  }
  const dialect = TYPED_DIALECTS[a.language.family];
  if (put.operation === UPDATE_ITEM && setsAnyValue(put)) {
    if (!sameKey(a, get, put)) {
      return false;
    }
    const flow = dialect ? typedReadFlow(a, dialect, get, put) : sameTable(a, get, put) ? flowUntil(a, get.tokenIndex, put.tokenIndex) : undefined;
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
  return item !== undefined && sameTable(a, get, put) && writesReadItem(a, get.tokenIndex, put.tokenIndex, item.value, key?.value);
}

/** A Put of the first item a Query read, changed, on the same table expression: JavaScript, TypeScript and Python (`queryFirstItem.ts`). */
function rewritesFirstItem(a: CodeAnalyzer, query: OperationOccurrence, put: OperationOccurrence): boolean {
  const item = put.operation === PUT_ITEM ? put.request?.options.find((option) => option.norm === ITEM && !option.absent) : undefined;
  if (!item || !sameTable(a, query, put)) {
    return false;
  }
  const flow = flowUntil(a, query.tokenIndex, put.tokenIndex, undefined, false, true);
  // A Query that names one item by its whole key: a fresh item repeating that key is the item read.
  const key = flow && queriedKey(a, query);
  if (flow && key) {
    flow.key = key;
  }
  const [from, to] = a.tokensOf(item.value);
  return flow !== undefined && from >= 0 && writtenValue(a, from, to, flow);
}

/** Java, Go and C#: the shared flow of `readModifyWriteTyped.ts`, one dialect per language. */
const TYPED_DIALECTS: Partial<Record<string, RmwDialect>> = { java: rmwJava, go: rmwGo, csharp: rmwCsharp };

const ITEM = normalizeName('Item');
const UPDATE_ITEM = 'dynamodb:UpdateItem';
const PUT_ITEM = 'dynamodb:PutItem';
const QUERY = 'dynamodb:Query';
const KEY = normalizeName('Key');
const TABLE_NAME = normalizeName('TableName');

/**
 * Whether two requests name the same table expression (`tableOf`). A boto3 `Table` takes a redundant `TableName`
 * too (`table.query(TableName=name, ...)` then `table.put_item(Item=item)`): a Python call without one has a `Table`
 * for receiver (a client's call needs the name), so a call of the same receiver is on that table whatever it names.
 */
export function sameTable(a: CodeAnalyzer, x: OperationOccurrence, y: OperationOccurrence): boolean {
  const table = tableOf(a, x);
  if (table !== undefined && table === tableOf(a, y)) {
    return true;
  }
  if (a.language.family !== 'python' || (namedTable(x) && namedTable(y))) {
    return false;
  }
  const receiver = receiverOf(a, x);
  return receiver !== undefined && receiver === receiverOf(a, y);
}

function namedTable(occurrence: OperationOccurrence): boolean {
  return occurrence.request?.options.some((option) => option.norm === TABLE_NAME && !option.absent) ?? false;
}

function receiverOf(a: CodeAnalyzer, occurrence: OperationOccurrence): string | undefined {
  const at = occurrence.tokenIndex;
  return a.isAccess(at - 1) ? tokensText(a, chainStart(a, at - 2), at - 1) : undefined;
}

/** The table expression a request names, as written: its `TableName` value, or the receiver of a boto3 `Table` (`self.table.put_item`). */
export function tableOf(a: CodeAnalyzer, occurrence: OperationOccurrence): string | undefined {
  const name = occurrence.request?.options.find((option) => option.norm === TABLE_NAME && !option.absent);
  if (name) {
    const [from, to] = a.tokensOf(name.value);
    return from >= 0 ? `name ${tokensText(a, from, to)}` : undefined;
  }
  const receiver = a.language.family === 'python' ? receiverOf(a, occurrence) : undefined;
  return receiver !== undefined ? `receiver ${receiver}` : undefined;
}
