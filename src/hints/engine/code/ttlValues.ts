/**
 * Expiry times a DynamoDB write puts into an item in a form Time to Live ignores. TTL reads a Number of epoch
 * seconds: a clock read in milliseconds or finer (`Date.now()`, `System.currentTimeMillis()`,
 * `time.Now().UnixMilli()`, `time.time() * 1000`) lies tens of thousands of years ahead, and a date written as a
 * string is no Number, so the item never expires. Read where the code writes an attribute: an entry of the `Item` of
 * a PutItem, or of a batch's or transaction's put (a JavaScript object, also inside `marshall`, a Python dict, Java
 * `Map.of`, a Go map literal or a marshalled struct literal, a C# initializer), or the placeholder an UpdateItem's
 * `SET` assigns it, following names the value is bound to (`const expiresAt = Date.now() + DAY_MS`) and the
 * functions of the file that compute it. A value that divides by a thousand or by a named constant
 * (`Math.floor(Date.now() / 1000)`, `ms / MS_PER_SECOND`) or reads a seconds clock (`getEpochSecond()`, `.Unix()`,
 * `ToUnixTimeSeconds()`, dayjs `unix()`) counts as seconds. Which attribute is the TTL one is the check's to tell.
 */
import { OperationOccurrence, OptionContext, TtlWrite } from '../model';
import { TOKEN_KIND } from '../lexer';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { calledFunction } from './helperFunctions';
import { literalMap, MapEntry } from './literalMaps';
import { boundExpression, keyedValues, setActions, writtenText, writtenUnderKey } from './writtenExpressions';

const { ID, STR, NUM } = TOKEN_KIND;
type Unit = TtlWrite['unit'];
/** A clock's unit: what a time read finer than seconds is in. */
type Clock = Exclude<Unit, 'string'>;

const ITEM = normalizeName('Item');
/** Where batch and transaction writes hold their items: `RequestItems` (each `PutRequest`'s `Item`) and `TransactItems` (each `Put`'s). */
const NESTED_ITEMS = new Set([normalizeName('RequestItems'), normalizeName('TransactItems')]);
const UPDATE_EXPRESSION = normalizeName('UpdateExpression');
const NAMES = normalizeName('ExpressionAttributeNames');
const VALUES = normalizeName('ExpressionAttributeValues');

/** Calls and properties that read a clock finer than seconds, by the languages that have them. */
const FINER_CLOCKS: Record<string, Clock> = {
  getTime: 'milliseconds',
  toMillis: 'milliseconds',
  currentTimeMillis: 'milliseconds',
  toEpochMilli: 'milliseconds',
  UnixMilli: 'milliseconds',
  UnixMicro: 'microseconds',
  UnixNano: 'nanoseconds',
  ToUnixTimeMilliseconds: 'milliseconds',
  Ticks: 'ticks',
  time_ns: 'nanoseconds',
};
/** JavaScript's own: `Date.now()`, `Date.parse(...)`, and `valueOf()` of a date (Java's `valueOf` converts numbers). */
const JS_DATE_CLOCKS = new Set(['now', 'parse']);
/** Calls that give epoch seconds. */
const SECOND_CLOCKS = new Set(['unix', 'Unix', 'getEpochSecond', 'toEpochSecond', 'ToUnixTimeSeconds', 'toSeconds', 'toUnixInteger', 'SECONDS']);
/** Calls that write a date as text. */
const STRING_DATES = new Set(['toISOString', 'toUTCString', 'isoformat']);
/** Python's clocks in seconds, which a multiplication by a thousand turns into milliseconds. */
const PYTHON_SECOND_CLOCKS = new Set(['time', 'timestamp']);
/** In an interpolated string, whose inside is not lexed: a finer clock, and a division or a seconds clock. */
const FINER_IN_TEXT = /\bDate\.now\(|\.getTime\(|currentTimeMillis\(|toEpochMilli\(|UnixMilli\(|UnixNano\(|ToUnixTimeMilliseconds\(/;
const SECONDS_IN_TEXT = /\/\s*(?:1e3|1_?000|[A-Za-z_])|\.unix\(|\.Unix\(|getEpochSecond|ToUnixTimeSeconds/;
/** How many names a value is followed through (`ttl` → `expiresAt` → `now`). */
const FOLLOW_DEPTH = 2;
/** An UpdateItem `SET` action that assigns a placeholder as it is: `#ttl = :ttl`, `expiresAt = :e`. */
const DIRECT_SET = /^\s*([#\w]+)\s*=\s*(:\w+)\s*$/;

export function ttlWrites(a: CodeAnalyzer): TtlWrite[] {
  const writes: TtlWrite[] = [];
  for (const occurrence of a.operations) {
    const request = occurrence.request;
    if (!occurrence.call || !request) {
      continue;
    }
    if (occurrence.operation === 'dynamodb:PutItem') {
      const item = optionTokens(a, request, ITEM);
      for (const entry of (item && entriesOf(a, ...followed(a, item))) ?? []) {
        record(a, writes, occurrence, entry.key, entry.valueStart, entry.valueEnd);
      }
    } else if (occurrence.operation === 'dynamodb:UpdateItem') {
      for (const [attribute, value] of setPlaceholders(a, request)) {
        record(a, writes, occurrence, attribute, value.valueStart, value.valueEnd);
      }
    } else if (occurrence.operation === 'dynamodb:BatchWriteItem' || occurrence.operation === 'dynamodb:TransactWriteItems') {
      for (const option of request.options) {
        const [from, to] = NESTED_ITEMS.has(option.norm) && !option.absent && writtenUnderKey(a, option) ? a.tokensOf(option.value) : [-1, -1];
        for (const item of from >= 0 ? nestedItems(a, ...followed(a, [from, to])) : []) {
          for (const entry of entriesOf(a, ...followed(a, item)) ?? []) {
            record(a, writes, occurrence, entry.key, entry.valueStart, entry.valueEnd);
          }
        }
      }
    }
  }
  writes.push(...modelWrites(a));
  return writes;
}

/** The TTL properties of object models: setters, builder steps and properties named for TTL. */
const MODEL_TTL = /^(?:set)?(?:ttl|timeToLive|Ttl|TTL|TimeToLive)$/;
const MODEL_TTL_LENGTHS = new Set([3, 6, 10, 13]);
/** Whether a file names TTL at all: most files that use an object model do not, and are not read token by token. */
const MENTIONS_TTL = /ttl|timetolive/i;
/** Object-model libraries whose classes map properties to item attributes, by what a file that uses them names. */
const OBJECT_MODELS: Partial<Record<CodeAnalyzer['language']['family'], RegExp>> = {
  java: /software\.amazon\.awssdk\.enhanced\.dynamodb|dynamodbv2\.datamodeling/,
  csharp: /Amazon\.DynamoDBv2\.DataModel/,
  go: /dynamodb\/attributevalue|dynamodbattribute/,
};

/**
 * TTL values set on an object that an object model writes as an item: a Java bean's `setTtl(...)` or a builder's
 * `.ttl(...)` (enhanced client, DynamoDBMapper), a C# model's `Ttl = ...` (DynamoDBContext), a Go struct's `s.TTL = ...`
 * (attributevalue). Read only in a file that uses such a model, and judged by the property's name, since no request
 * names the table.
 */
function modelWrites(a: CodeAnalyzer): TtlWrite[] {
  const family = a.language.family;
  const library = OBJECT_MODELS[family];
  if (!library?.test(a.text) || !MENTIONS_TTL.test(a.text)) {
    return [];
  }
  const writes: TtlWrite[] = [];
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    // Only a name as long as one of MODEL_TTL's is sliced and tested.
    if (!a.isId(k) || !MODEL_TTL_LENGTHS.has(a.tokens.ends[k] - a.tokens.starts[k]) || !MODEL_TTL.test(a.tokens.text(k))) {
      continue;
    }
    const name = a.tokens.text(k);
    let value: [number, number] | undefined;
    if (family === 'java' && a.isAccess(k - 1) && a.is(k + 1, '(') && a.partner[k + 1] > k + 2) {
      value = [k + 2, a.partner[k + 1]];
    } else if (family !== 'java' && a.is(k + 1, '=') && (a.isAccess(k - 1) || (family === 'csharp' && (a.is(k - 1, '{') || a.is(k - 1, ','))))) {
      value = [k + 2, expressionEnd(a, k + 2)];
    }
    const unit = value && value[1] > value[0] ? unitOf(a, value[0], value[1], 0) : undefined;
    if (value && unit && unit !== 'seconds') {
      const attribute = name.startsWith('set') ? name.charAt(3).toLowerCase() + name.slice(4) : name;
      writes.push({ attribute, value: a.span(value[0], value[1] - 1), unit, tokenIndex: k });
    }
  }
  return writes;
}

function record(a: CodeAnalyzer, writes: TtlWrite[], write: OperationOccurrence, attribute: string, from: number, to: number): void {
  const unit = to > from ? unitOf(a, from, to, 0) : undefined;
  if (unit && unit !== 'seconds' && write.request) {
    writes.push({ attribute, value: a.span(from, to - 1), unit, request: write.request, tokenIndex: write.tokenIndex });
  }
}

/** An option's value, where the request writes it under its key (not one an object mapper's call stands for, whose items it converts). */
function optionTokens(a: CodeAnalyzer, request: OptionContext, norm: string): [number, number] | undefined {
  const option = request.options.find((candidate) => candidate.norm === norm && !candidate.absent && writtenUnderKey(a, candidate));
  const [from, to] = option ? a.tokensOf(option.value) : [-1, -1];
  return from >= 0 && to > from ? [from, to] : undefined;
}

/**
 * Where a value is written out: for a name bound to an expression (`Item: item`), that expression; for a call of a
 * function of the file (`Item: sessionItem(id)`), what it returns first; else the value itself.
 */
function followed(a: CodeAnalyzer, [from, to]: [number, number]): [number, number] {
  const bound = to === from + 1 && a.isId(from) ? boundExpression(a, from) : undefined;
  if (bound) {
    return bound;
  }
  const returned = a.is(from + 1, '(') && a.partner[from + 1] === to - 1 ? returnsOf(a, from)[0] : undefined;
  return returned ?? [from, to];
}

/** The expressions a call at `k` of a function of the file returns, as token ranges; none for any other call. */
function returnsOf(a: CodeAnalyzer, k: number): [number, number][] {
  const called = calledFunction(a, k, a.scopes.enclosing(k, ['function']));
  return called ? a.returnStarts(called.fn).map((start) => [start, expressionEnd(a, start)]) : [];
}

/**
 * The written entries of a map. Brace objects and dicts are read entry by entry, so a spread among them
 * (`{ ...order, ttl }`) hides only itself; other languages' maps only when wholly literal (`literalMaps.ts`).
 */
function entriesOf(a: CodeAnalyzer, from: number, to: number): MapEntry[] | undefined {
  const family = a.language.family;
  if (family === 'js' && a.idIs(from, 'marshall') && a.is(from + 1, '(') && a.partner[from + 1] > from) {
    const first = segments(a, from + 1)[0];
    return first ? entriesOf(a, first[0], first[1]) : undefined;
  }
  if (family === 'go') {
    const struct = marshalledStruct(a, from, to);
    if (struct) {
      return struct;
    }
  }
  if ((family === 'js' || family === 'python') && a.is(from, '{') && a.partner[from] === to - 1) {
    const entries: MapEntry[] = [];
    for (const [start, end] of segments(a, from)) {
      const keyed = (a.isString(start) && !a.tokens.interpolated(start)) || (family === 'js' && a.isId(start));
      if (keyed && a.is(start + 1, ':') && end > start + 2) {
        entries.push({ key: a.tokens.text(start), keyToken: start, valueStart: start + 2, valueEnd: end });
      } else if (family === 'js' && a.isId(start) && end === start + 1) {
        entries.push({ key: a.tokens.text(start), keyToken: start, valueStart: start, valueEnd: end });
      }
    }
    return entries;
  }
  return literalMap(a, from, to);
}

/**
 * The items a batch's or transaction's requests write, as token ranges: the value of each `Item` key among the tokens
 * [from, to) (`PutRequest: { Item: {...} }`, `"Put": {"Item": {...}}`, Go's `Item:`, C#'s `Item =`, Java's `.item(...)`),
 * also inside a callback that builds them (`orders.map((o) => ({ PutRequest: { Item: o } }))`).
 */
function nestedItems(a: CodeAnalyzer, from: number, to: number): [number, number][] {
  return keyedValues(a, from, to, (k, step) => a.tokens.textEnd(k) - a.tokens.textStart(k) === 4 && (step ? a.isAccess(k - 1) && /^[Ii]tem$/.test(a.tokens.text(k)) : a.tokens.text(k) === 'Item'));
}

/**
 * Go: `attributevalue.MarshalMap(Session{ID: id, TTL: expiry})` (or `&Session{...}`, or a name bound to one): the
 * struct literal's fields, each named as the item names it (its `dynamodbav` tag in the file, else the field's name).
 */
function marshalledStruct(a: CodeAnalyzer, from: number, to: number): MapEntry[] | undefined {
  const call = a.idIs(from + 2, 'MarshalMap') && a.isAccess(from + 1) ? from + 3 : -1;
  if (call < 0 || !a.is(call, '(') || a.partner[call] !== to - 1) {
    return undefined;
  }
  const argument = segments(a, call)[0];
  const [start, end] = argument ? followed(a, argument) : [-1, -1];
  const open = end - 1;
  if (start < 0 || !a.is(open, '}') || a.partner[open] < start || !a.isId(a.partner[open] - 1)) {
    return undefined;
  }
  const entries: MapEntry[] = [];
  for (const [k, segmentEnd] of segments(a, a.partner[open])) {
    if (a.isId(k) && a.is(k + 1, ':') && segmentEnd > k + 2) {
      entries.push({ key: taggedName(a, a.tokens.text(k)), keyToken: k, valueStart: k + 2, valueEnd: segmentEnd });
    }
  }
  return entries;
}

/** A Go struct field's attribute name: its `dynamodbav:"name"` tag where the file declares the field with one. */
function taggedName(a: CodeAnalyzer, field: string): string {
  const tag = new RegExp(`^[ \\t]*${field}[ \\t]+[\\w.*\\[\\]]+[ \\t]+\`[^\`\\n]*dynamodbav:"([^",]+)`, 'm').exec(a.text);
  return tag?.[1] ?? field;
}

/** The attributes an UpdateItem's literal `SET` assigns straight from a placeholder, each with that placeholder's value. */
function setPlaceholders(a: CodeAnalyzer, request: OptionContext): [string, MapEntry][] {
  const expression = optionTokens(a, request, UPDATE_EXPRESSION);
  const valuesAt = optionTokens(a, request, VALUES);
  const written = expression && writtenText(a, ...expression);
  const values = valuesAt && entriesOf(a, ...followed(a, valuesAt));
  if (!written || !values) {
    return [];
  }
  const namesAt = optionTokens(a, request, NAMES);
  const names = new Map((namesAt ? (entriesOf(a, ...followed(a, namesAt)) ?? []) : []).flatMap((entry) => (entry.valueEnd === entry.valueStart + 1 && a.isString(entry.valueStart) ? [[entry.key, a.tokens.text(entry.valueStart)] as const] : [])));
  const assigned: [string, MapEntry][] = [];
  for (const action of setActions(written)) {
    const set = DIRECT_SET.exec(action);
    const attribute = set && (set[1].startsWith('#') ? names.get(set[1]) : set[1]);
    const value = set && values.find((entry) => entry.key === set[2]);
    if (attribute && value) {
      assigned.push([attribute, value]);
    }
  }
  return assigned;
}

/** How many of each finer unit make a second. */
const PER_SECOND: Record<Clock, number> = { milliseconds: 1e3, microseconds: 1e6, nanoseconds: 1e9, ticks: 1e7 };

/** What a clock read in `unit` and divided by `divisor` is in: seconds once the division reaches them. */
function divided(unit: Clock, divisor: number): Unit | 'seconds' {
  if (divisor === 1) {
    return unit;
  }
  const left = PER_SECOND[unit] / divisor;
  return left <= 1.5 ? 'seconds' : left >= 1e8 ? 'nanoseconds' : left >= 1e5 ? 'microseconds' : left >= 10 ? 'milliseconds' : 'seconds';
}

/**
 * The unit of the time the tokens [from, to) compute: a date written as text (`string`), the unit of a finer clock
 * they read less what they divide it by, `seconds` where they read a seconds clock or divide by what may convert
 * to seconds; undefined when they read no clock. Names bound in scope are followed, down to `FOLLOW_DEPTH`.
 */
function unitOf(a: CodeAnalyzer, from: number, to: number, depth: number): Unit | 'seconds' | undefined {
  const tokens = a.tokens;
  const family = a.language.family;
  let finer: Clock | undefined;
  let divisor = 1;
  let asText = false;
  let pythonSeconds = false;
  let timesThousand = false;
  const followedTokens: number[] = [];
  for (let k = from; k < to; k++) {
    const kind = tokens.kinds[k];
    const dividing = a.is(k - 1, '/') || a.is(k - 1, '//');
    if (kind === ID) {
      const name = tokens.text(k);
      const access = a.isAccess(k - 1);
      const called = a.is(k + 1, '(');
      if (access && SECOND_CLOCKS.has(name)) {
        return 'seconds';
      }
      if (dividing && !called) {
        // Divided by a named constant (`MS_PER_SECOND`): taken for a conversion.
        return 'seconds';
      }
      if (access && (called || name === 'Ticks')) {
        finer ??= FINER_CLOCKS[name] ?? (family === 'js' && ((JS_DATE_CLOCKS.has(name) && a.idIs(k - 2, 'Date')) || name === 'valueOf') ? 'milliseconds' : undefined);
        asText ||= STRING_DATES.has(name);
        pythonSeconds ||= family === 'python' && PYTHON_SECOND_CLOCKS.has(name);
      }
      if (depth < FOLLOW_DEPTH && (!access || called)) {
        // A name bound in scope, or a call of a function of the file (also `this.expiry()`), is followed below.
        followedTokens.push(k);
      }
    } else if (kind === NUM) {
      const value = numberValue(tokens.text(k));
      if (dividing && value > 1) {
        divisor *= value;
      }
      timesThousand ||= a.is(k - 1, '*') && value >= 1000;
    } else if (kind === STR && tokens.interpolated(k)) {
      const text = a.text.slice(tokens.starts[k], tokens.ends[k]);
      if (SECONDS_IN_TEXT.test(text)) {
        return 'seconds';
      }
      finer ??= FINER_IN_TEXT.test(text) ? 'milliseconds' : undefined;
    }
  }
  if (asText) {
    return 'string';
  }
  if (pythonSeconds && timesThousand) {
    finer ??= 'milliseconds';
  }
  if (finer) {
    return divided(finer, divisor);
  }
  if (divisor >= 1000) {
    return 'seconds';
  }
  let found: Unit | undefined;
  for (const k of followedTokens) {
    for (const [start, end] of valuesBehind(a, k)) {
      const unit = unitOf(a, start, end, depth + 1);
      if (unit === 'seconds') {
        return 'seconds';
      }
      found ??= unit;
    }
  }
  return found;
}

/** What the name or call at `k` stands for: the expression a name is bound to, or what a function of the file returns. */
function valuesBehind(a: CodeAnalyzer, k: number): [number, number][] {
  if (a.is(k + 1, '(')) {
    return returnsOf(a, k);
  }
  if (a.isAccess(k - 1)) {
    return [];
  }
  const bound = boundExpression(a, k);
  return bound ? [bound] : [];
}

function numberValue(text: string): number {
  return Number(text.replace(/_/g, '').replace(/[lLfFdDmMuU]+$/, ''));
}
