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
 *   function from each value of the read's key and another value not constant, or a parameter of the function
 *   whose key the read took off it (`load(Account.class, account.getId())`, then `save(account)`), of a class this
 *   file or the workspace declares with no version attribute (a version makes the mapper's save of a new object
 *   conditional).
 * What differs per language is a dialect in `languages/ctp{Java,Go,Csharp}.ts`.
 */
import type { CodeAnalyzer } from './analyzer';
import { builtObject, requestMap, runData, sameTable, valueText } from './checkThenPutTypedItems';
import { conditionOf } from './ifConditions';
import { chainStart } from './receiverChains';
import { RmwDialect, typedReadFlow } from './readModifyWriteTyped';
import { parameterPosition } from './readModifyWriteHelpers';
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
  /** The class an object mapper's read names (Java's `load(Order.class, id)`), when it names one. */
  loadedClass?(a: CodeAnalyzer, get: OperationOccurrence): string | undefined;
  /** Whether the object mapper's class `name` can be a new object saved with no condition: seen, no version attribute, the class the read loads. */
  plainClass(a: CodeAnalyzer, name: string, get: OperationOccurrence): boolean;
  /** Go: the struct fields' attribute names (`dynamodbav` tags, also JSON tags when `jsonTags`) of a struct type the file declares. */
  structAttributes?(a: CodeAnalyzer, type: string, jsonTags: boolean): Map<string, string> | undefined;
}

const ITEM = normalizeName('Item');
const KEY = normalizeName('Key');
const NULLS = ['null', 'nil'];
/** Tokens back from the Put to the read: as far as the read-modify-write flow reads. */
const MAX_TOKENS = 3000;
/** Tokens from an `if` to the read its condition or init statement starts with. */
const IF_REACH = 8;

/**
 * What the guard may test: names holding the response or the item, or the read's call written in the guard,
 * [start, end); for a same-file helper that answers whether the item exists (`checkThenPutTypedHelpers.ts`),
 * names holding its answer or its call.
 */
export interface Read {
  items: ReadonlySet<string>;
  responses: ReadonlySet<string>;
  inline?: { start: number; end: number; item: boolean };
  answers?: { names: ReadonlySet<string>; call?: { start: number; end: number } };
}

/** Whether the Put `put` creates, with no condition, the item whose absence the Get `get` of the same function checked (see the module's comment). */
export function typedCreatesCheckedItem(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const fn = a.scopes.enclosing(put.tokenIndex, ['function']);
  // An object mapper's read goes with its save of an object; a request's read with a PutItem (C#'s `PutItemAsync(table, item)` included).
  const mapper = d.rmw.readsObject(a, get);
  const mapperWrite = mapper && !(put.request?.options.length) ? d.rmw.writtenArgument(a, put) : undefined;
  if (fn <= 0 || (mapper ? !mapperWrite : put.operation !== 'dynamodb:PutItem') || put.tokenIndex - get.tokenIndex > MAX_TOKENS || a.scopes.enclosing(get.tokenIndex, ['function']) !== fn) {
    return false;
  }
  if (!(mapperWrite ? savesObjectOfRun(a, d, get, put, fn, mapperWrite) : repeatsKeyWithRunData(a, d, get, put, fn))) {
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
export function readExpression(a: CodeAnalyzer, get: OperationOccurrence): { start: number; end: number } {
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
  while (a.is(holder, '(') && !a.idIs(holder - 1, 'if') && a.parent[holder] === holder - 1) {
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
export function guards(a: CodeAnalyzer, d: CheckThenPutDialect, at: number, put: number, read: Read): boolean {
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
export function testsOf(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number, read: Read): boolean | undefined {
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
  if (answerEnd(a, s, read) === e) {
    return true;
  }
  // Go `len(out.Item) > 0`; `len(u.Email) > 0` of a struct decoded from the item, which is empty when none was found
  // (only that way: a field can be empty in an item that exists).
  if (a.idIs(s, 'len') && a.is(s + 1, '(') && a.language.family === 'go') {
    const close = a.partner[s + 1];
    const subject = subjectAt(a, d, s + 2, read);
    if (subject?.item === s + 3 && a.isAccess(s + 3) && a.isId(s + 4) && close === s + 5) {
      return countTest(a, close + 1, e) === true ? true : undefined;
    }
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

/** The token after a helper's answer at `s`: a name holding it, or its call (`await this.exists(email)`, parenthesized or not); -1 if none. */
function answerEnd(a: CodeAnalyzer, s: number, read: Read): number {
  const call = read.answers?.call;
  if (call && s === call.start) {
    return call.end;
  }
  if (call && a.is(s, '(') && s + 1 === call.start && a.partner[s] === call.end) {
    return call.end + 1;
  }
  return a.isId(s) && !a.isAccess(s - 1) && read.answers?.names.has(a.tokens.text(s)) ? s + 1 : -1;
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

/** Whether an object mapper saves an object built from each value of the read's key and a value of the run's own, of a class it saves with no condition. */
function savesObjectOfRun(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence, fn: number, written: [number, number]): boolean {
  const key = d.mapperKey(a, get, fn);
  if (!key || key.length === 0 || d.rmw.receiverTable(a, get) !== d.rmw.receiverTable(a, put)) {
    return false;
  }
  const keys = key.map((value) => d.unwrap(value));
  const given = givenObject(a, written, fn);
  if (given) {
    // Its key read off itself (`load(Customer.class, customer.getId())`): the caller's new object, all of it the run's own.
    const loaded = d.loadedClass?.(a, get);
    return (loaded === undefined || loaded === given.type) && keys.every((value) => value.startsWith(`${given.name} . `)) && d.plainClass(a, given.type, get);
  }
  const built = builtObject(a, d, written, put.tokenIndex, fn);
  if (!built || !d.plainClass(a, built.type, get)) {
    return false;
  }
  const values = built.values.map(([from, to]) => valueText(a, d, from, to));
  return keys.every((value) => values.includes(value)) && built.values.some(([from, to], i) => !keys.includes(values[i]) && runData(a, d, from, to));
}

/**
 * The object a mapper saves as the function was given it (`register(Customer customer)`, then `mapper.save(customer)`):
 * a parameter declared with a class name before it (Java, C#), not assigned before the save.
 */
function givenObject(a: CodeAnalyzer, [from, to]: [number, number], fn: number): { name: string; type: string } | undefined {
  const name = to === from + 1 ? a.id(from) : undefined;
  if (name === undefined || a.language.family === 'go' || parameterPosition(a, fn, from) === undefined) {
    return undefined;
  }
  const type = a.id((a.scopes.lookup(name, from)?.token ?? 0) - 1);
  return type !== undefined && /^[A-Z]/.test(type) ? { name, type } : undefined;
}

/** Whether the Put's item repeats the read's key and carries a value of the run's own. */
function repeatsKeyWithRunData(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence, fn: number): boolean {
  const key = requestMap(a, d, get, KEY, fn);
  const item = requestMap(a, d, put, ITEM, fn);
  if (!key || !item || key.size === 0 || !sameTable(a, d, get, put)) {
    return false;
  }
  for (const [attribute, value] of key) {
    const written = item.get(attribute);
    if (!written || valueText(a, d, ...written) !== valueText(a, d, ...value)) {
      return false;
    }
  }
  return [...item].some(([attribute, [from, to]]) => !key.has(attribute) && runData(a, d, from, to));
}

