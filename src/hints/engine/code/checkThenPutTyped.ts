/**
 * A check-then-put in Java, Go and C# (`checkThenPut.ts` reads JavaScript and Python): a PutItem, with no
 * condition, of a new item whose key a GetItem of the same function just found absent.
 *
 *     out, err := s.client.GetItem(ctx, &dynamodb.GetItemInput{TableName: t, Key: key})
 *     if out.Item != nil { return ErrExists }
 *     _, err = s.client.PutItem(ctx, &dynamodb.PutItemInput{TableName: t, Item: item})
 *
 * The read is followed as `readModifyWriteTyped.ts` follows it (names holding the response or the item), or
 * written inside the guard itself (`if (table.getItem(key) != null) throw …`). The guard is an `if` whose
 * every test is a test of the read, all finding the item present (`out.Item != nil`, `len(out.Item) > 0`,
 * `r.hasItem()`, `resp.IsItemSet`, `o != null`) with a body that leaves (`return`, `throw`) and the Put after
 * it, or all finding it absent (`== nil`, `isEmpty()`, `Count == 0`) with the Put inside.
 * The item written must repeat the read's key and carry something of the run's own:
 * - a request's item: a map literal, or a name bound once to one (with entries added by `put` or an index),
 *   or Go's `attributevalue.MarshalMap(user)` of a struct literal whose fields the file's struct tags name;
 *   each key attribute with the same value once unwrapped from its AttributeValue, and another attribute
 *   whose value is not constant;
 * - an object mapper's object (`table.putItem(account)`, `SaveAsync(new Account { … })`): built in the
 *   function from each value of the read's key and another value not constant, of a class this file or the
 *   workspace declares with no version attribute (a version makes the mapper's save of a new object conditional).
 * What differs per language is a dialect in `languages/ctp{Java,Go,Csharp}.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { chainStart } from './receiverChains';
import { callArgumentRanges, RmwDialect, typedReadFlow } from './readModifyWriteTyped';
import { literalEntries, tokensText, wholeConstruction } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';

/** What a language adds to the shared reading (see the module's comment). */
export interface CheckThenPutDialect {
  rmw: RmwDialect;
  /** The token after a presence member of a response at `p` (`.hasItem()`, `.IsItemSet`), or -1. */
  presenceMember(a: CodeAnalyzer, p: number): number;
  /** The token after a response's item at `p`, also where the read-modify-write flow has none (Java v1 `.getItem()`), or -1. */
  responseItem(a: CodeAnalyzer, p: number): number;
  /** The token after a count of the item at `p` (`.size()`, `.Count`), or -1. */
  countMember(a: CodeAnalyzer, p: number): number;
  /** The token after an emptiness test of the item at `p` (`.isEmpty()`), or -1; `.Any()` is a presence test. */
  emptyMember(a: CodeAnalyzer, p: number): { end: number; present: boolean } | undefined;
  /** A value without its AttributeValue wrapper (`AttributeValue.fromS(email)` → `email`), as joined tokens. */
  unwrap(text: string): string;
  /** Names that build an AttributeValue or a map, not data of the run (`AttributeValue`, Go's `types`). */
  wrapperWords: ReadonlySet<string>;
  /** The key values of an object mapper's read, unwrapped, or undefined. */
  mapperKey(a: CodeAnalyzer, get: OperationOccurrence, fn: number): string[] | undefined;
  /** Whether the object mapper's class `name` can be a new object saved with no condition: seen, no version attribute, the class the read loads. */
  plainClass(a: CodeAnalyzer, name: string, get: OperationOccurrence): boolean;
  /** Go: the struct fields' attribute names (`dynamodbav` tags) of a struct type the file declares. */
  structAttributes?(a: CodeAnalyzer, type: string): Map<string, string> | undefined;
}

const ITEM = normalizeName('Item');
const KEY = normalizeName('Key');
const NULLS = ['null', 'nil'];
const CONSTANT_WORDS = new Set(['true', 'false', 'null', 'nil', 'new', 'builder', 'build']);
/** Tokens back from the Put to the read: as far as the read-modify-write flow reads. */
const MAX_TOKENS = 3000;
/** Tokens from an `if` to the read its condition or init statement starts with. */
const IF_REACH = 8;

/** What the guard may test: names holding the response or the item, or the read's call written in the guard, [start, end). */
interface Read {
  items: ReadonlySet<string>;
  responses: ReadonlySet<string>;
  inline?: { start: number; end: number; item: boolean };
}

/** Whether the Put `put` creates, with no condition, the item whose absence the Get `get` of the same function checked (see the module's comment). */
export function typedCreatesCheckedItem(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  const mapperWrite = !(put.request?.options.length) ? d.rmw.writtenArgument(a, put) : undefined;
  if (fn <= 0 || (put.operation !== 'dynamodb:PutItem' && !mapperWrite) || put.tokenIndex - get.tokenIndex > MAX_TOKENS || a.scopes.enclosing(get.tokenIndex, ['function']) !== fn) {
    return false;
  }
  if (!repeatsKeyWithRunData(a, d, get, put, fn, mapperWrite)) {
    return false;
  }
  const read = readOf(a, d, get, put);
  if (!read) {
    return false;
  }
  // From a little before the read: an `if` may hold it (`if (table.getItem(key) != null)`, Go's `if out, err := …; out.Item != nil`).
  for (let k = Math.max(0, readExpression(a, get).start - IF_REACH); k < put.tokenIndex; k++) {
    if (a.idIs(k, 'if') && !a.isAccess(k - 1) && a.scopes.enclosing(k, ['function']) === fn && guards(a, d, k, put.tokenIndex, read)) {
      return true;
    }
  }
  return false;
}

/** The read's expression [start, end): its receiver chain with `await`, to the end of its call. */
function readExpression(a: CodeAnalyzer, get: OperationOccurrence): { start: number; end: number } {
  const name = get.tokenIndex;
  let open = name + 1;
  // `LoadAsync<Tenant>(id)`
  while (a.is(name + 1, '<') && open < name + 40 && !a.is(open, '(')) {
    open++;
  }
  const end = a.is(open, '(') && a.partner[open] > open ? a.partner[open] + 1 : name + 1;
  let start = a.isAccess(name - 1) ? chainStart(a, name - 2) : name;
  if (a.idIs(start - 1, 'await')) {
    start--;
  }
  return { start, end };
}

/** The names the read binds, followed to the Put; or the read itself when written inside an `if`'s condition. */
function readOf(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence): Read | undefined {
  const expression = readExpression(a, get);
  let holder = a.parent[expression.start];
  // `if ((await context.LoadAsync<T>(id)) is not null)`
  while (a.is(holder, '(') && !a.idIs(holder - 1, 'if') && a.is(holder - 1, '(')) {
    holder = holder - 1;
  }
  const inIf = holder >= 0 && a.is(holder, '(') && a.idIs(holder - 1, 'if');
  if (inIf || (a.language.family === 'go' && a.idIs(expression.start - 1, 'if'))) {
    const item = d.rmw.readsObject(a, get);
    if (item && !d.rmw.receiverTable(a, get)) {
      return undefined;
    }
    return { items: new Set(), responses: new Set(), inline: { ...expression, item } };
  }
  const flow = typedReadFlow(a, d.rmw, get, put);
  return flow && (flow.items.size > 0 || flow.responses.size > 0) ? { items: new Set(flow.items.keys()), responses: flow.responses } : undefined;
}

/** Whether the `if` at `at` lets the Put at `put` run only where the read found no item. */
function guards(a: CodeAnalyzer, d: CheckThenPutDialect, at: number, put: number, read: Read): boolean {
  const condition = conditionOf(a, at);
  if (!condition || put < condition.end) {
    return false;
  }
  const present = testsOf(a, d, condition.start, condition.end, read);
  if (present === undefined) {
    return false;
  }
  const body = bodyOf(a, condition.end);
  // A Put in the `else` of a presence test whose body does not leave is an upsert's create (the body updates the item found).
  return put < body.end ? !present : present && leaves(a, condition.end, body.end);
}

/** An `if`'s condition [start, end): inside Java's and C#'s parentheses, or Go's up to its block (past an init statement). */
function conditionOf(a: CodeAnalyzer, at: number): { start: number; end: number } | undefined {
  if (a.language.family !== 'go') {
    return a.is(at + 1, '(') && a.partner[at + 1] > at ? { start: at + 2, end: a.partner[at + 1] } : undefined;
  }
  let start = at + 1;
  for (let k = at + 1; k < a.tokens.length && k < at + 400; k = a.partner[k] > k && !a.is(k, '{') ? a.partner[k] + 1 : k + 1) {
    if (a.is(k, ';') && a.parent[k] === a.parent[at]) {
      start = k + 1;
    } else if (a.is(k, '{') && a.parent[k] === a.parent[at]) {
      return { start, end: k };
    }
  }
  return undefined;
}

/** The body after a condition ending at `conditionEnd`: a block, or one statement up to its `;`. */
function bodyOf(a: CodeAnalyzer, conditionEnd: number): { start: number; end: number } {
  const first = a.language.family === 'go' ? conditionEnd : conditionEnd + 1;
  if (a.is(first, '{') && a.partner[first] > first) {
    return { start: first, end: a.partner[first] + 1 };
  }
  let k = first;
  while (k < a.tokens.length && !a.is(k, ';') && !a.is(k, '}')) {
    k = a.partner[k] > k ? a.partner[k] + 1 : k + 1;
  }
  return { start: first, end: k + (a.is(k, ';') ? 1 : 0) };
}

/** Whether a body [after `conditionEnd`, `end`) leaves the function with a `return` or `throw` of its own level. */
function leaves(a: CodeAnalyzer, conditionEnd: number, end: number): boolean {
  const first = a.language.family === 'go' ? conditionEnd : conditionEnd + 1;
  const level = a.is(first, '{') ? first : a.parent[first];
  for (let k = first; k < end; k++) {
    if ((a.idIs(k, 'return') || a.idIs(k, 'throw')) && !a.isAccess(k - 1) && a.parent[k] === level) {
      return true;
    }
  }
  return false;
}

/** Whether every test joined by `&&` / `||` in [from, to) finds the read's item present (true) or every one absent (false); undefined otherwise. */
function testsOf(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number, read: Read): boolean | undefined {
  let start = from;
  let found: boolean | undefined;
  for (let k = from; k <= to; k = k < to && a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (k === to || a.is(k, '&&') || a.is(k, '||')) {
      const present = testOf(a, d, start, k, read);
      if (present === undefined || (found !== undefined && found !== present)) {
        return undefined;
      }
      found = present;
      start = k + 1;
    }
  }
  return found;
}

/** One test [s, e): true when it finds the item present, false when absent, undefined when it tests something else. */
function testOf(a: CodeAnalyzer, d: CheckThenPutDialect, s: number, e: number, read: Read): boolean | undefined {
  if (e <= s) {
    return undefined;
  }
  if (a.is(s, '(') && a.partner[s] === e - 1) {
    return testsOf(a, d, s + 1, e - 1, read);
  }
  if (a.is(s, '!')) {
    const inner = testOf(a, d, s + 1, e, read);
    return inner === undefined ? undefined : !inner;
  }
  // Go `len(out.Item) > 0`
  if (a.idIs(s, 'len') && a.is(s + 1, '(') && a.language.family === 'go') {
    const close = a.partner[s + 1];
    const subject = subjectAt(a, d, s + 2, read);
    return subject?.item === close ? countTest(a, close + 1, e) : undefined;
  }
  const subject = subjectAt(a, d, s, read);
  if (!subject) {
    return undefined;
  }
  if (subject.present !== undefined) {
    return subject.present === e ? true : undefined;
  }
  const p = subject.item!;
  if ((a.is(p, '!=') || a.is(p, '==')) && a.tokens.isOneOf(p + 1, NULLS) && p + 2 === e) {
    return a.is(p, '!=');
  }
  // C# `o is null`, `o is not null`
  if (a.idIs(p, 'is')) {
    const not = a.idIs(p + 1, 'not');
    return a.idIs(p + (not ? 2 : 1), 'null') && p + (not ? 3 : 2) === e ? not : undefined;
  }
  const empty = d.emptyMember(a, p);
  if (empty) {
    return empty.end === e ? empty.present : undefined;
  }
  const count = d.countMember(a, p);
  return count >= 0 ? countTest(a, count, e) : undefined;
}

/** A count compared with zero or one from `p` to `e`: `> 0`, `!= 0`, `>= 1` find the item present; `== 0`, `< 1`, `<= 0` absent. */
function countTest(a: CodeAnalyzer, p: number, e: number): boolean | undefined {
  if (p + 2 !== e) {
    return undefined;
  }
  const n = a.tokens.text(p + 1);
  const op = a.tokens.text(p);
  if (n === '0') {
    return op === '>' || op === '!=' ? true : op === '==' || op === '<=' ? false : undefined;
  }
  return n === '1' ? (op === '>=' ? true : op === '<' ? false : undefined) : undefined;
}

/** The read at `s` as a test's subject: the token after the item (`item`), or after a presence member of the response (`present`). */
function subjectAt(a: CodeAnalyzer, d: CheckThenPutDialect, s: number, read: Read): { item?: number; present?: number } | undefined {
  let after = -1;
  let response = false;
  const inline = read.inline;
  if (inline && (s === inline.start || (a.is(s, '(') && s + 1 === inline.start && a.partner[s] === inline.end))) {
    after = s === inline.start ? inline.end : inline.end + 1;
    response = !inline.item;
  } else if (a.isId(s) && !a.isAccess(s - 1)) {
    const name = a.tokens.text(s);
    after = read.items.has(name) || read.responses.has(name) ? s + 1 : -1;
    response = read.responses.has(name);
  }
  if (after < 0) {
    return undefined;
  }
  if (!response) {
    return { item: after };
  }
  const present = d.presenceMember(a, after);
  if (present >= 0) {
    return { present };
  }
  const item = d.responseItem(a, after);
  return item >= 0 ? { item } : undefined;
}

/** Whether the Put's item (or saved object) repeats the read's key and carries a value of the run's own. */
function repeatsKeyWithRunData(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence, fn: number, mapperWrite: [number, number] | undefined): boolean {
  if (mapperWrite || (d.rmw.readsObject(a, get) && put.operation !== 'dynamodb:PutItem')) {
    const key = d.rmw.readsObject(a, get) ? d.mapperKey(a, get, fn) : undefined;
    const built = key && key.length > 0 && mapperWrite ? builtObject(a, d, mapperWrite, put.tokenIndex, fn) : undefined;
    if (!built || !d.plainClass(a, built.type, get) || d.rmw.receiverTable(a, get) !== d.rmw.receiverTable(a, put)) {
      return false;
    }
    const values = built.values.map(([from, to]) => d.unwrap(tokensText(a, from, to)));
    return key!.every((value) => values.includes(value)) && built.values.some(([from, to], i) => !key!.includes(values[i]) && runData(a, d, from, to));
  }
  if (d.rmw.readsObject(a, get)) {
    return false;
  }
  const key = requestMap(a, d, get, KEY, fn);
  const item = requestMap(a, d, put, ITEM, fn);
  if (!key || !item || key.size === 0 || !sameTable(a, d, get, put)) {
    return false;
  }
  for (const [attribute, value] of key) {
    const written = item.get(attribute);
    if (!written || d.unwrap(tokensText(a, ...written)) !== d.unwrap(tokensText(a, ...value))) {
      return false;
    }
  }
  return [...item].some(([attribute, [from, to]]) => !key.has(attribute) && runData(a, d, from, to));
}

function sameTable(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const table = (o: OperationOccurrence): string | undefined => {
    const name = o.request?.options.find((option) => option.norm === normalizeName('TableName') && !option.absent);
    return name ? tokensText(a, ...a.tokensOf(name.value)) : d.rmw.receiverTable(a, o);
  };
  const wanted = table(get);
  return wanted !== undefined && wanted === table(put);
}

/** A value with a name of the run: a name that is no member, field label, constant word or AttributeValue builder. */
function runData(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (a.tokens.interpolated(k)) {
      return true;
    }
    const name = a.id(k);
    const label = a.is(k + 1, ':') || (a.is(k + 1, '=') && a.language.family === 'csharp');
    if (name !== undefined && !a.isAccess(k - 1) && !label && !CONSTANT_WORDS.has(name) && !d.wrapperWords.has(name)) {
      return true;
    }
  }
  return false;
}

/** A request's map option (`Key`, `Item`) or C#'s positional argument after the table, as attribute → value tokens. */
function requestMap(a: CodeAnalyzer, d: CheckThenPutDialect, occurrence: OperationOccurrence, norm: string, fn: number): Map<string, [number, number]> | undefined {
  const option = occurrence.request?.options.find((o) => o.norm === norm && !o.absent);
  let range: [number, number] | undefined = option ? a.tokensOf(option.value) : undefined;
  if (!range && a.language.family === 'csharp' && !(occurrence.request?.options.length) && a.is(occurrence.tokenIndex + 1, '(')) {
    range = callArgumentRanges(a, occurrence.tokenIndex + 1)[1];
  }
  return range && range[0] >= 0 ? mapAt(a, d, range[0], range[1], occurrence.tokenIndex, fn) : undefined;
}

/** The entries of a map written at [from, to): a literal, or a name bound once in the function to one, with entries added up to `before`. */
function mapAt(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number, before: number, fn: number): Map<string, [number, number]> | undefined {
  const literal = literalMap(a, d, from, to, before, fn);
  if (literal) {
    return literal;
  }
  const name = to === from + 1 ? a.id(from) : undefined;
  const binding = name === undefined ? undefined : bindingOf(a, d, name, from, fn);
  if (!binding) {
    return undefined;
  }
  const entries = literalMap(a, d, binding.value, binding.end, before, fn) ?? (emptyMap(a, binding.value, binding.end) ? new Map<string, [number, number]>() : undefined);
  if (!entries) {
    return undefined;
  }
  // `item.put("k", v)`, `item["k"] = v`, `item.Add("k", v)`
  for (let k = binding.end; k < before; k++) {
    if (!a.idIs(k, name!) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    if (a.isAccess(k + 1) && (a.idIs(k + 2, 'put') || a.idIs(k + 2, 'Add')) && a.is(k + 3, '(')) {
      const args = callArgumentRanges(a, k + 3);
      if (args.length === 2 && args[0][1] === args[0][0] + 1 && a.isString(args[0][0])) {
        entries.set(unquoted(a, args[0][0]), args[1]);
      }
    } else if (a.is(k + 1, '[') && a.isString(k + 2) && a.is(k + 3, ']') && a.is(k + 4, '=')) {
      const end = statementEndAt(a, k + 5);
      entries.set(unquoted(a, k + 2), [k + 5, end]);
    }
  }
  return entries;
}

/** A map literal at [from, to) (`Map.of`, Go's `map[…]…{…}`, C#'s `new Dictionary<…> {…}`), or Go's `MarshalMap` of a struct literal. */
function literalMap(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number, before: number, fn: number): Map<string, [number, number]> | undefined {
  const end = wholeConstruction(a, from, to);
  const texts = literalEntries(a, from, end);
  if (texts) {
    const open = a.language.family === 'java' ? from + 3 : a.partner[end - 1];
    return entryRanges(a, open);
  }
  return d.structAttributes ? marshalledStruct(a, d, from, to, before, fn) : undefined;
}

/** The entries of a map literal whose group opens at `open`, by attribute name: Java's `Map.of` pairs, Go's `"k": v`, C#'s `["k"] = v` or `{ "k", v }`. */
function entryRanges(a: CodeAnalyzer, open: number): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  const parts = segments(a, open);
  if (a.language.family === 'java') {
    for (let k = 0; k + 1 < parts.length; k += 2) {
      found.set(unquoted(a, parts[k][0]), parts[k + 1]);
    }
    return found;
  }
  for (const [start, end] of parts) {
    if (a.isString(start) && a.is(start + 1, ':')) {
      found.set(unquoted(a, start), [start + 2, end]);
    } else if (a.is(start, '[') && a.isString(start + 1)) {
      found.set(unquoted(a, start + 1), [start + 4, end]);
    } else if (a.is(start, '{')) {
      const pair = segments(a, start);
      found.set(unquoted(a, pair[0][0]), pair[1]);
    }
  }
  return found;
}

/** Go: `attributevalue.MarshalMap(user)` where `user` is a struct literal (or a name bound once to one), its fields named by the file's struct tags. */
function marshalledStruct(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number, before: number, fn: number): Map<string, [number, number]> | undefined {
  const marshal = (a.idIs(from, 'attributevalue') || a.idIs(from, 'dynamodbattribute')) && a.isAccess(from + 1) && a.idIs(from + 2, 'MarshalMap') && a.is(from + 3, '(') && a.partner[from + 3] === to - 1;
  const args = marshal ? callArgumentRanges(a, from + 3) : [];
  if (args.length !== 1) {
    return undefined;
  }
  let [s, e] = args[0];
  const name = e === s + 1 ? a.id(s) : a.is(s, '&') && e === s + 2 ? a.id(s + 1) : undefined;
  if (name !== undefined) {
    const binding = bindingOf(a, d, name, s, fn);
    if (!binding) {
      return undefined;
    }
    [s, e] = [binding.value, binding.end];
  }
  const p = a.is(s, '&') ? s + 1 : s;
  const attributes = a.isId(p) && a.is(p + 1, '{') && a.partner[p + 1] === e - 1 ? d.structAttributes!(a, a.tokens.text(p)) : undefined;
  if (!attributes) {
    return undefined;
  }
  const found = new Map<string, [number, number]>();
  for (const [start, end] of segments(a, p + 1)) {
    const attribute = a.isId(start) && a.is(start + 1, ':') ? attributes.get(a.tokens.text(start)) : undefined;
    if (attribute === undefined) {
      return undefined;
    }
    found.set(attribute, [start + 2, end]);
  }
  return name === undefined ? found : withFieldAssignments(a, found, attributes, name, e, before, fn);
}

/** Go: `user.Field = v` statements after the struct literal, up to the write. */
function withFieldAssignments(a: CodeAnalyzer, found: Map<string, [number, number]>, attributes: ReadonlyMap<string, string>, name: string, from: number, before: number, fn: number): Map<string, [number, number]> {
  for (let k = from; k < before; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1) && a.isAccess(k + 1) && a.is(k + 3, '=') && a.scopes.enclosing(k, ['function']) === fn) {
      const attribute = attributes.get(a.tokens.text(k + 2));
      if (attribute !== undefined) {
        found.set(attribute, [k + 4, statementEndAt(a, k + 4)]);
      }
    }
  }
  return found;
}

function emptyMap(a: CodeAnalyzer, from: number, to: number): boolean {
  // `new HashMap<>()`, `new Dictionary<string, AttributeValue>()`, Go's `make(map[string]types.AttributeValue)`
  return (a.idIs(from, 'new') && a.is(to - 1, ')') && a.is(to - 2, '(')) || (a.idIs(from, 'make') && a.is(from + 1, '(') && a.partner[from + 1] === to - 1);
}

/** The value [value, end) of the one assignment to `name` in the function before `before`; undefined when none or more. */
export function bindingOf(a: CodeAnalyzer, d: CheckThenPutDialect, name: string, before: number, fn: number): { value: number; end: number } | undefined {
  const [start] = a.scopes.range(fn);
  let found: { value: number; end: number } | undefined;
  for (let k = Math.max(start, before - MAX_TOKENS); k < before; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    let at = k + 1;
    while (a.is(at, ',') && a.isId(at + 1)) {
      at += 2;
    }
    if ((a.is(at, '=') || a.is(at, ':=')) && d.rmw.assignedNames(a, at)?.[0] === name) {
      if (found) {
        return undefined;
      }
      found = { value: at + 1, end: statementEndAt(a, at + 1) };
    }
  }
  return found;
}

/** The end of the statement whose value starts at `start`: its `;`, Go's new line, or its block's end. */
function statementEndAt(a: CodeAnalyzer, start: number): number {
  const parent = a.parent[start];
  for (let k = start; k < a.tokens.length; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (a.is(k, ';') || a.is(k, '}') || a.parent[k] !== parent || (k > start && a.language.family === 'go' && a.startsLine(k) && !a.isAccess(k))) {
      return k;
    }
  }
  return a.tokens.length;
}

/** An object mapper's saved object, built in the function: its class and the values it is built from (constructor and setter arguments, initializer values). */
function builtObject(a: CodeAnalyzer, d: CheckThenPutDialect, [from, to]: [number, number], before: number, fn: number): { type: string; values: [number, number][] } | undefined {
  const name = to === from + 1 ? a.id(from) : undefined;
  const binding = name === undefined ? { value: from, end: to } : bindingOf(a, d, name, from, fn);
  if (!binding) {
    return undefined;
  }
  const built = construction(a, binding.value, binding.end);
  if (!built || /Request$/.test(built.type)) {
    return undefined;
  }
  for (let k = binding.end; name !== undefined && k < before; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || !a.isAccess(k + 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    // `account.setOwner(owner)`, `account.Owner = owner`
    if (/^set[A-Z]/.test(a.tokens.text(k + 2)) && a.is(k + 3, '(')) {
      built.values.push(...callArgumentRanges(a, k + 3));
    } else if (a.is(k + 3, '=')) {
      built.values.push([k + 4, statementEndAt(a, k + 4)]);
    }
  }
  return built;
}

/** `new Account(…)`, `new Account { Id = id }`, `Account.builder().id(id).build()`: the class and the values passed. */
function construction(a: CodeAnalyzer, from: number, to: number): { type: string; values: [number, number][] } | undefined {
  let p = a.idIs(from, 'await') ? from + 1 : from;
  if (a.idIs(p, 'new') && a.isId(p + 1)) {
    const type = a.tokens.text(p + 1);
    const values: [number, number][] = [];
    p += 2;
    if (a.is(p, '(')) {
      values.push(...callArgumentRanges(a, p));
      p = a.partner[p] + 1;
    }
    if (a.is(p, '{')) {
      for (const [start, end] of segments(a, p)) {
        values.push(a.isId(start) && a.is(start + 1, '=') ? [start + 2, end] : [start, end]);
      }
      p = a.partner[p] + 1;
    }
    return p === to ? { type, values } : undefined;
  }
  if (a.isId(p) && a.isAccess(p + 1) && a.idIs(p + 2, 'builder') && a.is(p + 3, '(') && a.is(p + 4, ')')) {
    const values: [number, number][] = [];
    for (let k = p + 5; k < to; k = a.partner[k + 2] + 1) {
      if (!a.isAccess(k) || !a.isId(k + 1) || !a.is(k + 2, '(') || a.partner[k + 2] < k) {
        return undefined;
      }
      values.push(...callArgumentRanges(a, k + 2));
    }
    return { type: a.tokens.text(p), values };
  }
  return undefined;
}

function unquoted(a: CodeAnalyzer, k: number): string {
  return a.tokens.text(k).replace(/^["'`]|["'`]$/g, '');
}
