/**
 * A read-modify-write of one DynamoDB item in Java, Go and C#: the flow from a GetItem's result to a PutItem's
 * item inside one function, token by token, as `readModifyWrite.ts` follows it in JavaScript and Python. What
 * differs per language (how a result holds its item, copies, marshalling, object mappers and their version
 * attributes) is a dialect in `languages/rmw{Java,Go,Csharp}.ts`; this module holds what they share:
 * - the read binds a name to the whole response (`GetItemResponse resp`, `out, err :=`, `var response`) or to
 *   the item (`Map<…> item = client.getItem(r).item()`, an object mapper's `Order o = table.getItem(key)`,
 *   `var o = await context.LoadAsync<Order>(id)`, a copy `new HashMap<>(resp.item())`);
 * - aliases and copies carry the item on (`item = resp.Item`, `new Dictionary<string, AttributeValue>(item)`,
 *   `maps.Clone(out.Item)`, Go's `attributevalue.UnmarshalMap(out.Item, &c)` and `MarshalMap(c)`);
 * - a change: a member, index or property assigned (`item["n"] = …`, `c.Count++`, `o.Status = s`), a setter
 *   (`o.setStatus(s)`), or a mutating method (`item.put(…)`, `o.getTags().add(t)`, `item.Add(…)`);
 * - the write: the Put's item (its `Item` / `item` option, or an object mapper's argument) is a name that holds
 *   the item and was changed, or a fresh map literal that repeats the Get's literal key and holds a value read
 *   from the item and computed (`readModifyWriteTypedValues.ts`). Any other assignment to the name ends its binding.
 */
import type { CodeAnalyzer } from './analyzer';
import { endsStatement } from './firstItemDialects';
import { classKey, ClassLanguage } from './languages/baseClassFields';
import { chainStart } from './receiverChains';
import { copyStartOf, incrementsAt, readValue, rebuiltWithComputedValue, statementEnd, tokensText } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';

/** What a language adds to the shared flow (see the module's comment). */
export interface RmwDialect {
  /** The token after the response's item accessor at `p` (`.item()`, `.Item`), or -1. */
  itemMember(a: CodeAnalyzer, p: number): number;
  /** Whether the read's result is the item itself (an object mapper) rather than a response. */
  readsObject(a: CodeAnalyzer, get: OperationOccurrence): boolean;
  /** A copy or conversion whose one argument holds the item, opening at `open` (`(` of `new HashMap<>(…)`, `maps.Clone(…)`, `MarshalMap(…)`), given the token that starts the expression; -1 if none. */
  copyOpen(a: CodeAnalyzer, start: number): number;
  /** Past an encoding of the held name that ends at `end` by one of its own methods (Go's `note.ToAttributeValueMap()`): the token after it, or -1. */
  encodedEnd?(a: CodeAnalyzer, end: number): number;
  /** Methods that change a map, list or object they are called on. */
  mutators: ReadonlySet<string>;
  /** A statement at `k` that binds a name to the item in its own way (Go `UnmarshalMap(src, &dst)`); true when handled. */
  special?(a: CodeAnalyzer, k: number, flow: RmwFlow): boolean;
  /** The names a statement ending at the `=` or `:=` token `at` assigns, first the value's; undefined if none. */
  assignedNames(a: CodeAnalyzer, at: number): string[] | undefined;
  /** The tokens [from, to) of the item the Put writes, when not its `Item` option (an object mapper's argument). */
  writtenArgument(a: CodeAnalyzer, put: OperationOccurrence): [number, number] | undefined;
  /** The table the call reads or writes when the request names none (an object mapper's receiver), as text. */
  receiverTable(a: CodeAnalyzer, occurrence: OperationOccurrence): string | undefined;
  /** An object mapper's item class that carries a version attribute (the write is conditional), or cannot be seen. */
  versionedOrUnknown(a: CodeAnalyzer, get: OperationOccurrence, readStart: number): boolean;
  /** A fresh item, written from `from` to `to` as the Put's argument, that repeats the Get's key with a value computed from the read (a counter). */
  rebuiltItem?(a: CodeAnalyzer, get: OperationOccurrence, put: OperationOccurrence, from: number, to: number, flow: RmwFlow): boolean;
}

export interface RmwFlow {
  /** Names holding the item or a value built from it, and whether it already differs from the item read. */
  items: Map<string, boolean>;
  /** Names holding the read's whole response, whose item accessor is the item. */
  responses: Set<string>;
  /** Names whose value was changed after they got the item. */
  changed: Set<string>;
  /** Names holding a value read from the item, and whether it was computed since (`readModifyWriteTypedValues.ts`). */
  values: Map<string, boolean>;
}

const MAX_TOKENS = 3000;
const ITEM = normalizeName('Item');
const TABLE_NAME = normalizeName('TableName');
const KEY = normalizeName('Key');
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '|=', '&=', '??=']);

/** Whether the Put `put` writes back, changed, the item the Get `get` read, in one function, on the same table. */
export function typedRewritesReadItem(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const followed = followRead(a, dialect, get, put);
  if (!followed) {
    return false;
  }
  const { flow, read } = followed;
  const option = put.request?.options.find((o) => o.norm === ITEM && !o.absent);
  const [from, to] = option ? a.tokensOf(option.value) : (dialect.writtenArgument(a, put) ?? [-1, -1]);
  if (from < 0 || (option && requestLentAway(a, read.start, put, from))) {
    return false;
  }
  if (written(a, dialect, from, to, flow)) {
    return true;
  }
  // A fresh item that repeats the Get's literal key with a value computed from the read (a counter).
  const key = get.request?.options.find((o) => o.norm === KEY && !o.absent);
  const [keyFrom, keyTo] = key ? a.tokensOf(key.value) : [-1, -1];
  if (option === undefined) {
    return dialect.rebuiltItem?.(a, get, put, from, to, flow) === true;
  }
  return rebuiltWithComputedValue(a, dialect.itemMember, from, to, keyFrom, keyTo, flow);
}

/** What the read `get` bound, followed to the write `write` on the same table in the same function; undefined when it binds nothing, or reads a versioned object. */
export function typedReadFlow(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, write: OperationOccurrence): RmwFlow | undefined {
  return followRead(a, dialect, get, write)?.flow;
}

function followRead(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, write: OperationOccurrence): { flow: RmwFlow; read: { start: number; end: number } } | undefined {
  const getName = get.tokenIndex;
  const writeName = write.tokenIndex;
  const fn = a.scopes.enclosing(getName, ['function']);
  if (fn <= 0 || getName >= writeName || writeName - getName > MAX_TOKENS || a.scopes.enclosing(writeName, ['function']) !== fn) {
    return undefined;
  }
  const table = tableOf(a, dialect, get);
  return table !== undefined && table === tableOf(a, dialect, write) ? followUntil(a, dialect, get, writeName) : undefined;
}

/**
 * What the read `get` bound, followed in its function to the token `until` (a `return` of a helper that reads);
 * undefined when it binds nothing, or reads a versioned object, unless `anyVersion`: a repository's read that its
 * callers' checks judge by the object's class (`languages/classItemHelpers.ts`).
 */
export function typedReadFlowUntil(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, until: number, anyVersion = false): RmwFlow | undefined {
  const fn = a.scopes.enclosing(get.tokenIndex, ['function']);
  return fn > 0 && get.tokenIndex < until && a.scopes.enclosing(until, ['function']) === fn ? followUntil(a, dialect, get, until, anyVersion)?.flow : undefined;
}

function followUntil(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, until: number, anyVersion = false): { flow: RmwFlow; read: { start: number; end: number } } | undefined {
  const fn = a.scopes.enclosing(get.tokenIndex, ['function']);
  const flow: RmwFlow = { items: new Map(), responses: new Set(), changed: new Set(), values: new Map() };
  const read = readResult(a, dialect, get, flow);
  if (!read || (!anyVersion && dialect.readsObject(a, get) && dialect.versionedOrUnknown(a, get, read.start))) {
    return undefined;
  }
  for (let k = read.end; k < until; k++) {
    if (a.isId(k) && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn) {
      follow(a, dialect, k, flow, until);
    }
  }
  return { flow, read };
}

/**
 * Whether the name `name`, bound at `from` to an item a helper returned (`w, err := s.store.Load(ctx, id)`) in the
 * block `level`, is changed in its function before `until` and is what the tokens [argFrom, argTo) hand on
 * (`s.store.Save(ctx, w)`). A value assigned to it in a nested block the write is not in (`if errors.Is(err,
 * ErrNotFound) { w = &Wallet{…} }`) is one path only: on the other the item read is written back.
 */
export function typedBoundItemWritten(a: CodeAnalyzer, dialect: RmwDialect, name: string, level: number, from: number, until: number, argFrom: number, argTo: number, nameHoldsResponse = false): boolean {
  const fn = a.scopes.enclosing(from, ['function']);
  const flow: RmwFlow = { items: new Map(nameHoldsResponse ? [] : [[name, false]]), responses: new Set(nameHoldsResponse ? [name] : []), changed: new Set(), values: new Map() };
  for (let k = from; k < until; k++) {
    if (!a.isId(k) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    const block = a.parent[k];
    const branch = a.is(k + 1, '=') && block !== level && a.is(block, '{') && a.partner[block] < until && a.tokens.text(k) === name;
    if (!branch) {
      follow(a, dialect, k, flow);
    }
  }
  return written(a, dialect, argFrom, argTo, flow);
}

/**
 * Whether the Put's request object, built before the call (`putItemRequestBuilder.build()`, `input`, `request`;
 * its item at `itemToken`), is handed to another call between the read and the write: a helper may add the
 * condition (`addEtagCondition(builder, response)`).
 */
function requestLentAway(a: CodeAnalyzer, from: number, put: OperationOccurrence, itemToken: number): boolean {
  const open = a.is(put.tokenIndex + 1, '(') ? put.tokenIndex + 1 : -1;
  // A request written inside the call is no object another call could complete.
  if (open < 0 || (itemToken > open && itemToken < a.partner[open])) {
    return false;
  }
  const names = new Set<string>();
  // The request argument: Go's comes after the context in SDK v2 (`PutItem(ctx, input)`), alone in v1 (`PutItem(input)`).
  const args = callArgumentRanges(a, open);
  const requestArgument = args[a.language.family === 'go' && args.length > 1 ? 1 : 0];
  for (const [start, end] of requestArgument ? [requestArgument] : []) {
    const p = a.is(start, '&') ? start + 1 : start;
    const built = a.isAccess(p + 1) && a.idIs(p + 2, 'build') && a.is(p + 3, '(') && a.is(p + 4, ')') && end === p + 5;
    if (a.isId(p) && (end === p + 1 || built)) {
      names.add(a.tokens.text(p));
    }
  }
  for (let k = from; k < put.tokenIndex && names.size > 0; k++) {
    const passed = (a.is(k - 1, '(') || a.is(k - 1, ',')) && (a.is(k + 1, ')') || a.is(k + 1, ',')) && a.is(a.parent[k], '(') && a.isId(a.parent[k] - 1);
    const byAddress = a.is(k - 1, '&') && (a.is(k - 2, '(') || a.is(k - 2, ','));
    if (a.isId(k) && !a.isAccess(k - 1) && names.has(a.tokens.text(k)) && (passed || byAddress)) {
      return true;
    }
  }
  return false;
}

/** The request's `TableName` value as written, or the object mapper's receiver. */
function tableOf(a: CodeAnalyzer, dialect: RmwDialect, occurrence: OperationOccurrence): string | undefined {
  const name = occurrence.request?.options.find((option) => option.norm === TABLE_NAME && !option.absent);
  if (name) {
    const [from, to] = a.tokensOf(name.value);
    return from >= 0 ? `name ${tokensText(a, from, to)}` : undefined;
  }
  const receiver = dialect.receiverTable(a, occurrence);
  return receiver === undefined ? undefined : `receiver ${receiver}`;
}

/**
 * The token after an unwrap at `end` that hands on the entity a read returned, or fails: an Optional's (Spring Data's
 * `findById`) `.orElseThrow(…)`, `.get()` or `.orElse(null)`, or a future's `.get()`; `end` when there is none. A
 * fallback object (`.orElse(new Order())`) may be a new item.
 */
function pastOptionalUnwrap(a: CodeAnalyzer, end: number): number {
  const open = end + 2;
  const close = a.isAccess(end) && a.is(open, '(') ? a.partner[open] : -1;
  if (close <= open) {
    return end;
  }
  const method = a.id(end + 1);
  const unwraps = method === 'orElseThrow' || (method === 'get' && close === open + 1) || (method === 'orElse' && a.idIs(open + 1, 'null') && close === open + 2);
  return unwraps ? close + 1 : end;
}

/** The read's statement: binds its result, and returns where it starts and the token after it, or undefined. */
function readResult(a: CodeAnalyzer, dialect: RmwDialect, get: OperationOccurrence, flow: RmwFlow): { start: number; end: number } | undefined {
  const name = get.tokenIndex;
  let open = name + 1;
  // `LoadAsync<Order>(id)`
  if (a.is(open, '<')) {
    while (open < name + 40 && !a.is(open, '(')) {
      open++;
    }
  }
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (close <= open) {
    return undefined;
  }
  let end = close + 1;
  // Java's async client: `.join()`; C#'s `.ConfigureAwait(false)`
  if (a.isAccess(end) && (a.idIs(end + 1, 'join') || a.idIs(end + 1, 'ConfigureAwait')) && a.is(end + 2, '(') && a.partner[end + 2] > end) {
    end = a.partner[end + 2] + 1;
  }
  if (a.language.family === 'csharp') {
    end = pastBlockingWait(a, end);
  }
  // Spring Data's `findById` kept as its Optional (`var found = repository.findById(id)`): a response whose
  // `.get()` or `.orElseThrow()` is the item, as the dialect's item accessor reads it.
  let optional = false;
  if (a.language.family === 'java') {
    const unwrapped = pastOptionalUnwrap(a, end);
    // A finder that scans for one entity (`Optional<Vendor> findByTaxNumber(...)`) returns it the same way.
    optional = unwrapped === end && (a.idIs(name, 'findById') || (get.operation === 'dynamodb:Scan' && get.objectType !== undefined));
    end = unwrapped;
  }
  let start = a.isAccess(name - 1) ? chainStart(a, name - 2) : name;
  if (a.idIs(start - 1, 'await')) {
    start--;
  }
  // `(await client.GetItemAsync(r)).Item`
  if (a.is(start - 1, '(') && a.partner[start - 1] === end) {
    start--;
    end++;
  }
  const object = dialect.readsObject(a, get) && !optional;
  let item = object ? end : dialect.itemMember(a, end);
  // `new HashMap<>(client.getItem(r).item())`
  if (item >= 0 && a.is(start - 1, '(') && a.partner[start - 1] === item) {
    const copyOpen = start - 1;
    const copyStart = copyStartOf((s) => dialect.copyOpen(a, s), copyOpen);
    if (copyStart >= 0) {
      start = copyStart;
      item = a.partner[copyOpen] + 1;
    }
  }
  const at = a.is(start - 1, '=') || a.is(start - 1, ':=') ? start - 1 : -1;
  const names = at >= 0 ? dialect.assignedNames(a, at) : undefined;
  const target = names?.[0];
  if (target === undefined || target === '_') {
    return undefined;
  }
  if (item >= 0) {
    if (!endsStatement(a, item)) {
      return undefined;
    }
    flow.items.set(target, false);
    return { start, end: item };
  }
  if (!endsStatement(a, end)) {
    return undefined;
  }
  flow.responses.add(target);
  return { start, end };
}

/** Past C#'s blocking wait on a task that ends before `end`: `.Result`, `.GetAwaiter().GetResult()` (the read's result all the same). */
function pastBlockingWait(a: CodeAnalyzer, end: number): number {
  if (a.isAccess(end) && a.idIs(end + 1, 'Result') && !a.is(end + 2, '(')) {
    return end + 2;
  }
  const awaiter = a.isAccess(end) && a.idIs(end + 1, 'GetAwaiter') && a.is(end + 2, '(') && a.is(end + 3, ')');
  return awaiter && a.isAccess(end + 4) && a.idIs(end + 5, 'GetResult') && a.is(end + 6, '(') && a.is(end + 7, ')') ? end + 8 : end;
}

/**
 * One use of a name at `k` between the read and the write: an assignment, a change, a binding of the dialect's own.
 * An assignment whose value holds the write at `until` (`order = repository.save(order)`) takes effect after the
 * write, which still sends the name's old value.
 */
function follow(a: CodeAnalyzer, dialect: RmwDialect, k: number, flow: RmwFlow, until = -1): void {
  if (dialect.special?.(a, k, flow)) {
    return;
  }
  const name = a.tokens.text(k);
  const held = flow.items.has(name);
  const response = flow.responses.has(name);
  const assign = assignmentAfter(a, k);
  if (assign >= 0 && until > assign && until < statementEnd(a, assign + 1)) {
    return;
  }
  if (assign >= 0) {
    const names = dialect.assignedNames(a, assign);
    if (names?.[0] === name) {
      const derived = derivedValue(a, dialect, assign + 1, flow);
      const end = derived === undefined ? statementEnd(a, assign + 1) : -1;
      const value = end > assign + 1 ? readValue(a, dialect.itemMember, assign + 1, end, flow) : undefined;
      if (derived !== undefined) {
        flow.items.set(name, derived);
        flow.responses.delete(name);
        flow.changed.delete(name);
      } else if (value !== undefined) {
        flow.values.set(name, value);
        flow.items.delete(name);
        flow.responses.delete(name);
      } else {
        flow.items.delete(name);
        flow.responses.delete(name);
        flow.changed.delete(name);
        flow.values.delete(name);
      }
      return;
    }
  }
  // `count++`, `count += 1`
  if (flow.values.has(name) && incrementsAt(a, k)) {
    flow.values.set(name, true);
  }
  if ((held || response) && changedAt(a, dialect, k, response)) {
    flow.changed.add(name);
  }
  // Go's `delete(item, "k")`
  if (held && a.is(k - 1, '(') && a.idIs(k - 2, 'delete') && !a.isAccess(k - 3) && a.language.family === 'go') {
    flow.changed.add(name);
  }
}

/** The `=` or `:=` of a statement whose first assigned name is at `k` (`x = …`, `T x = …`, `x, err := …`), or -1. */
function assignmentAfter(a: CodeAnalyzer, k: number): number {
  if ((a.is(k + 1, '=') || a.is(k + 1, ':=')) && !a.is(a.parent[k], '(')) {
    return k + 1;
  }
  // Go: `item, err := …`, `item, _ = …`
  if (a.language.family === 'go' && a.is(k + 1, ',')) {
    for (let j = k + 2; j < k + 8; j += 2) {
      if (!a.isId(j)) {
        return -1;
      }
      if (a.is(j + 1, '=') || a.is(j + 1, ':=')) {
        return j + 1;
      }
      if (!a.is(j + 1, ',')) {
        return -1;
      }
    }
  }
  return -1;
}

/** Exported for the helpers' callers: whether the name at `k` has a member, index or property assigned there, or a setter or mutating method called. */
export function typedChangedAt(a: CodeAnalyzer, dialect: RmwDialect, k: number): boolean {
  return changedAt(a, dialect, k, false);
}

/** A member, index or property of the name at `k` assigned, or a setter or mutating method called on it or on a member; for a response, past its item. */
function changedAt(a: CodeAnalyzer, dialect: RmwDialect, k: number, response: boolean): boolean {
  let p = k + 1;
  if (response) {
    p = dialect.itemMember(a, p);
    if (p < 0) {
      return false;
    }
  }
  let members = 0;
  for (let guard = 0; guard < 16; guard++) {
    if (a.is(p, '!') && a.language.family === 'csharp' && a.isAccess(p + 1)) {
      // C#'s null-forgiving operator (`till!.Cash += 5`) changes nothing itself: the member after it is the one changed.
      p++;
    } else if (a.isAccess(p) && a.isId(p + 1)) {
      const member = a.tokens.text(p + 1);
      if (a.is(p + 2, '(')) {
        if (dialect.mutators.has(member) || (a.language.family === 'java' && /^set[A-Z]/.test(member))) {
          return true;
        }
        p = a.partner[p + 2] > p ? a.partner[p + 2] + 1 : -1;
        if (p < 0) {
          return false;
        }
      } else {
        p += 2;
      }
      members++;
    } else if (a.is(p, '[') && a.partner[p] > p) {
      p = a.partner[p] + 1;
      members++;
    } else {
      break;
    }
  }
  if (members === 0) {
    return false;
  }
  // `c.Count++`, `o.Views--` (one token or two)
  if (a.is(p, '++') || a.is(p, '--') || ((a.is(p, '+') && a.is(p + 1, '+')) || (a.is(p, '-') && a.is(p + 1, '-')))) {
    return true;
  }
  return ASSIGNMENTS.has(a.tokens.text(p)) && !a.is(p + 1, '=');
}

/**
 * Whether the value starting at `start` (to the end of its statement) is the item or built from it: undefined
 * when not; otherwise whether it already differs from the item read.
 */
function derivedValue(a: CodeAnalyzer, dialect: RmwDialect, start: number, flow: RmwFlow): boolean | undefined {
  const p = a.idIs(start, 'await') ? start + 1 : start;
  const alone = heldAt(a, dialect, p, flow);
  if (alone && endsStatement(a, alone.end)) {
    return alone.changed;
  }
  const open = dialect.copyOpen(a, p);
  const close = open > p ? a.partner[open] : -1;
  if (close > open && endsStatement(a, close + 1)) {
    const inner = heldAt(a, dialect, a.is(open + 1, '&') || a.is(open + 1, '*') ? open + 2 : open + 1, flow);
    return inner && inner.end === close ? inner.changed : undefined;
  }
  return undefined;
}

/** The held name or response item at `k`: where it ends and whether it was changed; undefined when none. */
function heldAt(a: CodeAnalyzer, dialect: RmwDialect, k: number, flow: RmwFlow): { end: number; changed: boolean } | undefined {
  const name = a.id(k);
  if (name === undefined || a.isAccess(k - 1)) {
    return undefined;
  }
  const end = flow.items.has(name) ? k + 1 : flow.responses.has(name) ? dialect.itemMember(a, k + 1) : -1;
  return end >= 0 ? { end, changed: (flow.items.get(name) ?? false) || flow.changed.has(name) } : undefined;
}

/** The Put's item, tokens `from` to `to`: a held name or response item, changed. */
function written(a: CodeAnalyzer, dialect: RmwDialect, from: number, to: number, flow: RmwFlow): boolean {
  const p = a.is(from, '&') || a.is(from, '*') ? from + 1 : from;
  const held = heldAt(a, dialect, p, flow);
  return held !== undefined && held.changed && (held.end === to || dialect.encodedEnd?.(a, held.end) === to);
}

/** Exported for the dialects: the names before an `=` or `:=` at `at` in a Go statement (`out, err :=`). */
export function goAssignedNames(a: CodeAnalyzer, at: number): string[] | undefined {
  const names: string[] = [];
  let j = at - 1;
  while (a.isId(j)) {
    names.unshift(a.tokens.text(j));
    if (!a.is(j - 1, ',')) {
      break;
    }
    j -= 2;
  }
  const first = j;
  const statement = a.startsLine(first) || a.is(first - 1, ';') || a.is(first - 1, '{') || a.idIs(first - 1, 'if') || a.idIs(first - 1, 'var');
  return names.length > 0 && statement ? names : undefined;
}

/** Words a block's `{` follows that no object initializer's type is. */
const BLOCK_KEYWORDS = new Set(['else', 'try', 'finally', 'do']);
/** Tokens read back over a Java method's `throws` list (`throws IOException, InterruptedException {`). */
const THROWS_REACH = 24;

/** Whether the name at `last` ends a Java method's `throws` list, the body's `{` after it. */
function closesThrowsClause(a: CodeAnalyzer, last: number): boolean {
  for (let k = last; k > 0 && k > last - THROWS_REACH; k--) {
    if (a.idIs(k, 'throws')) {
      return true;
    }
    if (!a.isId(k) && !a.is(k, ',') && !a.isAccess(k)) {
      return false;
    }
  }
  return false;
}

/**
 * Exported for the dialects: the name before an `=` at `at` in a Java or C# statement (`x =`, `var x =`,
 * `Map<String, AttributeValue> x =`, `final GetItemResponse r =`), not a named argument or an initializer's member.
 */
export function declaredName(a: CodeAnalyzer, at: number): string[] | undefined {
  const name = at - 1;
  if (!a.isId(name) || a.isAccess(name - 1)) {
    return undefined;
  }
  const parent = a.parent[name];
  // An object initializer's member (`new PutItemRequest { Item = item }`) or an annotation's argument; not a statement of an `else { … }` block.
  const initializerType = a.isId(parent - 1) && !BLOCK_KEYWORDS.has(a.tokens.text(parent - 1)) && !closesThrowsClause(a, parent - 1);
  if (parent >= 0 && (a.is(parent, '(') || (a.is(parent, '{') && (a.idIs(parent - 1, 'new') || initializerType || a.is(parent - 1, '>') || (a.is(parent - 1, ')') && isConstruction(a, parent - 1)))))) {
    return undefined;
  }
  const before = name - 1;
  const statement = a.is(before, ';') || a.is(before, '{') || a.is(before, '}') || a.is(before, ')') || a.startsLine(name);
  const typed = a.isId(before) || a.is(before, '>') || a.is(before, ']') || a.is(before, '?');
  return statement || typed ? [a.tokens.text(name)] : undefined;
}

function isConstruction(a: CodeAnalyzer, close: number): boolean {
  const open = a.partner[close];
  let j = open - 1;
  while (a.isId(j) && a.isAccess(j - 1)) {
    j -= 2;
  }
  return a.idIs(j - 1, 'new');
}

/** Exported for the dialects: the top-level arguments of the call whose `(` is at `open`, as token ranges. */
export function callArgumentRanges(a: CodeAnalyzer, open: number): [number, number][] {
  const close = a.partner[open];
  const ranges: [number, number][] = [];
  if (close <= open + 1) {
    return ranges;
  }
  let start = open + 1;
  for (let k = open + 1; k <= close; k++) {
    if (k === close || (a.is(k, ',') && a.parent[k] === open)) {
      ranges.push([start, k]);
      start = k + 1;
    }
  }
  return ranges;
}

/** Exported for the dialects: the receiver chain before the call name at `at`, as written, without `this.` / `base.`. */
export function receiverText(a: CodeAnalyzer, at: number): string | undefined {
  if (!a.isAccess(at - 1)) {
    return undefined;
  }
  let from = chainStart(a, at - 2);
  if ((a.idIs(from, 'this') || a.idIs(from, 'base')) && a.isAccess(from + 1)) {
    from += 2;
  }
  return from < at - 1 ? tokensText(a, from, at - 1) : undefined;
}

/**
 * Exported for the dialects: whether an object mapper's class `name` has a version attribute (its writes are
 * conditional) or cannot be seen. Read in this file first, then, in workspace mode, in the mapped classes of
 * the workspace (`workspace/mappedClasses.ts`, by simple name).
 */
export function versionedOrUnseen(a: CodeAnalyzer, language: ClassLanguage, name: string, markers: readonly string[]): boolean {
  return classHasVersion(a, name, markers) ?? a.project?.mappedClass?.(classKey(language, name)) ?? true;
}

/**
 * Whether the class `name` is declared in this file and one of its members, or of a base class it extends, carries
 * a version marker (the mapper maps inherited members); undefined when the file declares no such class, or its
 * base is declared elsewhere (the workspace then tells).
 */
function classHasVersion(a: CodeAnalyzer, name: string, markers: readonly string[], depth = 0): boolean | undefined {
  for (let k = 0; k + 2 < a.tokens.length; k++) {
    if ((a.idIs(k, 'class') || a.idIs(k, 'record')) && a.idIs(k + 1, name) && !a.isAccess(k - 1)) {
      let open = k + 2;
      while (open < a.tokens.length && !a.is(open, '{') && open < k + 200) {
        open++;
      }
      const close = a.is(open, '{') ? a.partner[open] : -1;
      if (close < 0) {
        return undefined;
      }
      for (let j = open; j < close; j++) {
        if (a.isId(j) && markers.includes(a.tokens.text(j))) {
          return true;
        }
      }
      const base = extendedBase(a, k + 2, open);
      return base === undefined ? false : depth < 4 ? classHasVersion(a, base, markers, depth + 1) : undefined;
    }
  }
  return undefined;
}

/** The base class a declaration names between `from` and its body at `open` (Java `extends Base`, C# `: Base`, not an `IName` interface). */
function extendedBase(a: CodeAnalyzer, from: number, open: number): string | undefined {
  for (let k = from; k < open && !a.idIs(k, 'where'); k++) {
    const starts = a.language.family === 'java' ? a.idIs(k, 'extends') : a.is(k, ':');
    if (starts && a.isId(k + 1) && !(a.language.family === 'csharp' && /^I[A-Z]/.test(a.tokens.text(k + 1)))) {
      return a.tokens.text(k + 1);
    }
  }
  return undefined;
}
