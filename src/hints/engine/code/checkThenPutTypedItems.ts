/**
 * What a check-then-put in Java, Go and C# writes (`checkThenPutTyped.ts`): a request's map option as attribute →
 * value tokens (a literal, a name bound once in the function to one, with entries added by `put`, an index or
 * `Add`, or Go's `MarshalMap` of a struct literal named by the file's struct tags), an object mapper's object built
 * in the function (its class and the values it is built from), and whether a value is of the run's own.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import type { CheckThenPutDialect } from './checkThenPutTyped';
import { callArgumentRanges } from './readModifyWriteTyped';
import { literalEntries, tokensText, wholeConstruction } from './readModifyWriteTypedValues';
import { OperationOccurrence } from '../model';
import { normalizeName } from '../types';

const TABLE_NAME = normalizeName('TableName');
const CONSTANT_WORDS = new Set(['true', 'false', 'null', 'nil', 'new', 'builder', 'build']);
/** Tokens back from a use to the assignment that binds its name: as far as the read-modify-write flow reads. */
const MAX_TOKENS = 3000;

export function sameTable(a: CodeAnalyzer, d: CheckThenPutDialect, get: OperationOccurrence, put: OperationOccurrence): boolean {
  const wanted = tableText(a, d, get);
  return wanted !== undefined && wanted === tableText(a, d, put);
}

/** The table a request names as written (its `TableName`), or a positional table or object mapper's receiver. */
export function tableText(a: CodeAnalyzer, d: CheckThenPutDialect, occurrence: OperationOccurrence): string | undefined {
  const name = occurrence.request?.options.find((option) => option.norm === TABLE_NAME && !option.absent);
  return name ? tokensText(a, ...a.tokensOf(name.value)) : d.rmw.receiverTable(a, occurrence);
}

/** A value as written, without its AttributeValue wrapper and the trailing commas of a literal written over lines (`{\n S: aws.String(id),\n}`). */
export function valueText(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number): string {
  return d.unwrap(tokensText(a, from, to).replace(/ ,(?= [}\])])/g, ''));
}

/** A value with a name of the run: a name that is no member, field label, constant word or AttributeValue builder. */
export function runData(a: CodeAnalyzer, d: CheckThenPutDialect, from: number, to: number): boolean {
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
export function requestMap(a: CodeAnalyzer, d: CheckThenPutDialect, occurrence: OperationOccurrence, norm: string, fn: number): Map<string, [number, number]> | undefined {
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
  // v1's `dynamodbattribute` names a field by its JSON tag when it has no `dynamodbav` tag.
  const jsonTags = a.idIs(from, 'dynamodbattribute');
  if (name !== undefined) {
    const binding = bindingOf(a, d, name, s, fn);
    if (!binding) {
      return decodedStruct(a, d, name, e - 1, before, fn, jsonTags);
    }
    [s, e] = [binding.value, binding.end];
  }
  const p = a.is(s, '&') ? s + 1 : s;
  const attributes = a.isId(p) && a.is(p + 1, '{') && a.partner[p + 1] === e - 1 ? d.structAttributes!(a, a.tokens.text(p), jsonTags) : undefined;
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

/**
 * Go: a struct declared `var u User` and filled by a decoder the function gives `&u` (`json.Unmarshal(body, &u)`),
 * never assigned whole: each field is the run's own data. A field the function names (`u.Email`) is that
 * value; one it never names is the decoded struct itself, `u` at `at`.
 */
function decodedStruct(a: CodeAnalyzer, d: CheckThenPutDialect, name: string, at: number, before: number, fn: number, jsonTags: boolean): Map<string, [number, number]> | undefined {
  const [start] = a.scopes.range(fn);
  let type: string | undefined;
  let decoded = -1;
  const fields = new Map<string, number>();
  for (let k = Math.max(start, at - MAX_TOKENS); k < at; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    if (a.idIs(k - 1, 'var') && a.isId(k + 1) && a.startsLine(k - 1) && (a.startsLine(k + 2) || k + 2 >= a.tokens.length)) {
      type = type === undefined ? a.tokens.text(k + 1) : '';
    } else if (a.is(k + 1, '=') || a.is(k + 1, ':=') || a.is(k + 1, ',')) {
      return undefined;
    } else if (a.is(k - 1, '&') && a.is(a.parent[k], '(') && (a.is(k + 1, ')') || a.is(k + 1, ','))) {
      decoded = decoded < 0 ? k : decoded;
    } else if (a.isAccess(k + 1) && a.isId(k + 2) && !fields.has(a.tokens.text(k + 2))) {
      fields.set(a.tokens.text(k + 2), k);
    }
  }
  const attributes = type ? d.structAttributes!(a, type, jsonTags) : undefined;
  if (!attributes || decoded < 0) {
    return undefined;
  }
  const found = new Map<string, [number, number]>();
  for (const [field, attribute] of attributes) {
    const named = fields.get(field);
    found.set(attribute, named === undefined ? [at, at + 1] : [named, named + 3]);
  }
  return withFieldAssignments(a, found, attributes, name, decoded, before, fn);
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
export function statementEndAt(a: CodeAnalyzer, start: number): number {
  const parent = a.parent[start];
  for (let k = start; k < a.tokens.length; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (a.is(k, ';') || a.is(k, '}') || a.parent[k] !== parent || (k > start && a.language.family === 'go' && a.startsLine(k) && !a.isAccess(k))) {
      return k;
    }
  }
  return a.tokens.length;
}

/** An object mapper's saved object, built in the function: its class and the values it is built from (constructor and setter arguments, initializer values). */
export function builtObject(a: CodeAnalyzer, d: CheckThenPutDialect, [from, to]: [number, number], before: number, fn: number): { type: string; values: [number, number][] } | undefined {
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
