/**
 * Elements read from a collection of clients that the file writes out: `sessions[region]` or, in Python,
 * `sessions.get(region)`, where `sessions` is bound to a comprehension
 * (`{r: boto3.session.Session(region_name=r) for r in REGIONS}`) or to a list or dict literal whose every
 * element is the same kind of client. A cache of clients filled as they are asked for counts too: an object
 * or dict whose elements the file assigns (`clients[region] = new DynamoDBClient({ region })`, `??=`, `||=`),
 * or a JavaScript `Map` it fills with `set(key, client)` and reads with `get(key)`, when every element it
 * writes is the same kind of client (or a CDK construct of one type: `this.tables[name] = new dynamodb.Table(...)`).
 * Any other element leaves the lookup unknown.
 */
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { FileMemo } from './fileMemo';
import { tokensNamed } from './tokenIndex';
import { closeAngle } from './typeArguments';
import { Value } from './values';

/** Element writes read per collection: a cache of clients is filled in a place or two. */
const MAX_WRITES = 16;

/** Per binding of a collection, its element, read once (null: none, or being read). */
const elementOfBinding = new FileMemo<Binding<Value>, Value | null>();
/** Per class scope and field, the element of the collection the field holds, read once (null: none, or being read). */
const elementOfField = new FileMemo<string, Value | null>();

/** The element that the lookup right after the name at `token` reads, and the token after the lookup. */
export function collectionElement(a: CodeAnalyzer, name: string, token: number, limit: number): { value: Value; end: number } | undefined {
  const next = token + 1;
  const binding = a.scopes.lookup(name, token);
  let end: number;
  if (a.is(next, '[') && a.partner[next] > next) {
    end = a.partner[next] + 1;
  } else if (a.isAccess(next) && a.idIs(next + 1, 'get') && a.is(next + 2, '(') && a.partner[next + 2] > next && (a.language.family === 'python' || (binding !== undefined && isMap(a, binding)))) {
    end = a.partner[next + 2] + 1;
  } else {
    return undefined;
  }
  if (end > limit || !binding || binding.expression < 0 || binding.element) {
    return undefined;
  }
  const value = elementOfBinding.get(a, binding, () => {
    elementOfBinding.set(a, binding, null);
    return elementOf(a, binding.expression, writtenElements(a, name, binding)) ?? null;
  });
  return value ? { value, end } : undefined;
}

/** Whether `(` at `open` closes right away: `new Map()`, `new Map<string, Redis>()`. */
function emptyArguments(a: CodeAnalyzer, open: number): boolean {
  return open > 0 && a.is(open, '(') && a.partner[open] === open + 1;
}

/**
 * The element read from a collection a class keeps in a field (`self._clients[region]`, `this.connections.get(tenant)`),
 * from the token after the field's name: the field is set once, to a literal or an empty `Map`, and the class's
 * methods write its elements (`self._clients[region] = boto3.client(...)`, `this.connections.set(tenant, client)`).
 */
export function fieldCollectionElement(a: CodeAnalyzer, classScope: number, name: string, next: number, limit: number): { value: Value; end: number } | undefined {
  const called = a.isAccess(next) && a.idIs(next + 1, 'get') && a.is(next + 2, '(');
  if (!called && !a.is(next, '[')) {
    return undefined;
  }
  // Set once (a declaration without a value aside): a field set again may hold anything by then.
  const assigned = a.scopes.memberBindings(classScope, name).filter((each) => each.expression >= 0);
  const binding = assigned.length === 1 ? assigned[0] : undefined;
  if (!binding) {
    return undefined;
  }
  const map = isMap(a, binding);
  const end = !called ? a.partner[next] + 1 : map || a.language.family === 'python' ? a.partner[next + 2] + 1 : 0;
  if (end <= next || end > limit) {
    return undefined;
  }
  // `self._instances["resource"]`: the element the class writes under that key, not the others it keeps beside it.
  const key = called ? literalKey(a, next + 2) : literalKey(a, next);
  const memoKey = `${classScope}\0${name}\0${key ?? ''}`;
  const value = elementOfField.get(a, memoKey, () => {
    elementOfField.set(a, memoKey, null);
    return elementOf(a, binding.expression, fieldWrites(a, classScope, name, map, key)) ?? null;
  });
  return value ? { value, end } : undefined;
}

/** The string the brackets or parentheses that open at `open` hold alone (`["resource"]`, `.get("resource")`), else undefined. */
function literalKey(a: CodeAnalyzer, open: number): string | undefined {
  return a.partner[open] === open + 2 && a.isString(open + 1) && !a.tokens.interpolated(open + 1) ? a.tokens.text(open + 1) : undefined;
}

/**
 * The values the methods of a class write into the collection its field `name` holds, as `writtenElements` reads
 * them; with `key`, not those written under another string (`self._instances["table"] = ...` beside `["resource"]`).
 */
function fieldWrites(a: CodeAnalyzer, classScope: number, name: string, map: boolean, key?: string): [number, number][] | undefined {
  const [start, stop] = a.scopes.range(classScope);
  const writes: [number, number][] = [];
  for (const k of tokensNamed(a, name)) {
    const onInstance = a.isAccess(k - 1) && (a.idIs(k - 2, 'this') || a.idIs(k - 2, 'self')) && !a.isAccess(k - 3);
    const written = key === undefined ? undefined : writtenKey(a, k, map);
    const other = written !== undefined && written !== key;
    if (k > start && k < stop && onInstance && !other && a.scopes.enclosing(k, ['class']) === classScope && !collectWrite(a, k, map, writes)) {
      return undefined;
    }
  }
  return writes;
}

/** The string key the use of a collection's name at `k` writes or reads under (`name["resource"]`, `name.set("resource", …)`), else undefined. */
function writtenKey(a: CodeAnalyzer, k: number, map: boolean): string | undefined {
  if (a.is(k + 1, '[')) {
    return literalKey(a, k + 1);
  }
  const open = map && a.isAccess(k + 1) && a.idIs(k + 2, 'set') && a.is(k + 3, '(') ? k + 3 : -1;
  const first = open > 0 ? segments(a, open)[0] : undefined;
  return first && first[1] === first[0] + 1 && a.isString(first[0]) && !a.tokens.interpolated(first[0]) ? a.tokens.text(first[0]) : undefined;
}

/**
 * Adds the value written at the use of a collection's name at `k` (`name[key] = value`, `??=`, `||=`, a `Map`'s
 * `name.set(key, value)`) to `writes`; false once more writes than are read.
 */
function collectWrite(a: CodeAnalyzer, k: number, map: boolean, writes: [number, number][]): boolean {
  const close = a.is(k + 1, '[') ? a.partner[k + 1] : -1;
  const eq = close < 0 ? -1 : a.is(close + 1, '=') ? close + 1 : (a.is(close + 1, '??') || a.is(close + 1, '||')) && a.is(close + 2, '=') ? close + 2 : -1;
  if (eq > 0 && !a.is(eq + 1, '=')) {
    writes.push([eq + 1, expressionEnd(a, eq + 1)]);
  } else if (map && a.isAccess(k + 1) && a.idIs(k + 2, 'set') && a.is(k + 3, '(') && a.partner[k + 3] > k) {
    const [, value] = segments(a, k + 3);
    if (value) {
      writes.push(value);
    }
  }
  return writes.length <= MAX_WRITES;
}

/** A JavaScript `new Map(...)` (a `Map<K, V>` too). */
function isMap(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  return a.language.family === 'js' && a.idIs(binding.expression, 'new') && a.idIs(binding.expression + 1, 'Map');
}

/**
 * The values the file writes into the collection `binding` binds, as `[start, end)` token ranges: `name[key] =
 * value` (also `??=` and `||=`) and, for a JavaScript `Map`, `name.set(key, value)`; undefined when it writes
 * more than are read.
 */
function writtenElements(a: CodeAnalyzer, name: string, binding: Binding<Value>): [number, number][] | undefined {
  const map = isMap(a, binding);
  const writes: [number, number][] = [];
  for (const k of tokensNamed(a, name)) {
    if (k > binding.token && !a.isAccess(k - 1) && a.scopes.lookup(name, k) === binding && !collectWrite(a, k, map, writes)) {
      return undefined;
    }
  }
  return writes;
}

/**
 * The element of the collection written at `open`: a comprehension's element, or the one client every element of
 * a literal and every value `written` into it is (a `Map` constructed empty: the values written alone).
 */
function elementOf(a: CodeAnalyzer, open: number, written: readonly [number, number][] | undefined): Value | undefined {
  const map = a.language.family === 'js' && a.idIs(open, 'new') && a.idIs(open + 1, 'Map') && emptyArguments(a, a.is(open + 2, '<') ? closeAngle(a, open + 2) + 1 : open + 2);
  const dict = a.is(open, '{');
  if (!map && ((!dict && !a.is(open, '[')) || a.partner[open] < 0)) {
    return undefined;
  }
  const parts = map ? [] : segments(a, open);
  const comprehension = a.language.family === 'python' && parts.length === 1 ? forOf(a, parts[0]) : -1;
  if (comprehension >= 0) {
    return elementValue(a, [parts[0][0], comprehension], dict);
  }
  if (!written) {
    return undefined;
  }
  let found: Value | undefined;
  const values = [...parts.map((part) => elementValue(a, part, dict)), ...written.map((range) => elementValue(a, range, false))];
  for (const value of values) {
    if (!value || !sameKind(found ?? value, value)) {
      return undefined;
    }
    found ??= value;
  }
  return found;
}

/**
 * Whether two elements are one kind of client, CDK constructs of one type (`this.tables[name] = new dynamodb.Table(...)`),
 * or one object literal written in one place (`connections[db] = { url, client: createClient(url) }`), whose members are then read.
 */
function sameKind(first: Value, other: Value): boolean {
  if (first.t === 'client' && other.t === 'client') {
    return first.kind === other.kind;
  }
  if (first.t === 'record' && other.t === 'record') {
    return first.open === other.open;
  }
  return first.t === 'construct' && other.t === 'construct' && first.type === other.type;
}

/** The `for` of a comprehension at the top level of an element, or -1. */
function forOf(a: CodeAnalyzer, [start, end]: [number, number]): number {
  for (let k = start; k < end; k = a.skipGroup(k)) {
    if (a.idIs(k, 'for')) {
      return k;
    }
  }
  return -1;
}

/** The value of one element: the whole of it in a list, what follows its top-level `:` in a dict. */
function elementValue(a: CodeAnalyzer, [start, end]: [number, number], dict: boolean): Value | undefined {
  let from = start;
  if (dict) {
    while (from < end && !a.is(from, ':')) {
      from = a.skipGroup(from);
    }
    from++;
  }
  if (from >= end) {
    return undefined;
  }
  const chain = a.evalChain(from, end);
  return chain.end === end ? chain.value : undefined;
}
