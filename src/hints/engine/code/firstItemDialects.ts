/**
 * How each language reads the result of a DynamoDB read, for `firstItemOnly.ts`: where the items of a
 * response are, which uses of them read only the first item or test whether there is one, and which uses of
 * the response say nothing of its items. One dialect per language family; each reads tokens around one use.
 */
import type { CodeAnalyzer } from './analyzer';
import { trailingLambdaCall } from './braces';
import { callOpenAfter } from './typeArguments';

/** The call whose result is the read's, and the token after that result. */
export interface ReadResult {
  name: number;
  end: number;
}

export interface Dialect {
  /** The call that returns the read's result, from the name of the read (`send` around `new QueryCommand(...)`), and the token after its result (past `.promise()`). */
  result(a: CodeAnalyzer, nameIndex: number): ReadResult | undefined;
  /** The token after a response expression that ends at `end` once its items are read (`["Items"]`, `.Items`, `.items()`), or -1. */
  itemsAfter(a: CodeAnalyzer, end: number): number;
  /** The variable a statement assigns (or declares with) the expression starting at `start`, or -1. */
  assignedAt(a: CodeAnalyzer, start: number): number;
  /** The items' variable of a declaration that destructures the response starting at `start` (`const { Items } = await …`), or -1. */
  destructuredItemsAt(a: CodeAnalyzer, start: number): number;
  /** A use of the items ending at `end` that reads their first item only: `[0]`, `.get(0)`, `.FirstOrDefault()`. */
  firstItemAt(a: CodeAnalyzer, end: number): boolean;
  /** A test of whether there are items, ending at `end`: `if items:`, `.isEmpty()`, `.length === 0`, `.Count > 0`. */
  testedAt(a: CodeAnalyzer, end: number): boolean;
  /** A use of the response ending at `end` that says nothing of its items: its metadata, or its count as an existence test. */
  pageFreeAt(a: CodeAnalyzer, end: number): boolean;
  /** The token after the response's count read at `end` (Python `["Count"]`, Java `.getCount()`), for a count kept in a variable and only tested, or -1. */
  countAfter?(a: CodeAnalyzer, end: number): number;
  /** The list the items ending at `end` are decoded into (Go's `attributevalue.UnmarshalListOfMaps(out.Items, &users)`: `users`), or -1. */
  decodedListAt?(a: CodeAnalyzer, end: number): number;
}

/** Members of a read's response whose value does not depend on how many pages are read. */
const PAGE_FREE_KEYS = new Set(['ResponseMetadata', 'ResultMetadata', 'ConsumedCapacity']);
const JS_PAGE_FREE = new Set(['$metadata', 'ConsumedCapacity']);
const JAVA_PAGE_FREE = new Set(['responseMetadata', 'sdkHttpResponse', 'consumedCapacity', 'hasItems', 'getSdkHttpMetadata', 'getSdkResponseMetadata', 'getConsumedCapacity']);
const CSHARP_PAGE_FREE = new Set(['HttpStatusCode', 'ResponseMetadata', 'ConsumedCapacity', 'ContentLength']);
/** Calls after a read that hand its result on unchanged: DocumentClient v2 `.promise()`, a future's `.join()`, `.ConfigureAwait(false)`. */
const JS_UNWRAP: ReadonlySet<string> = new Set(['promise']);
const JAVA_UNWRAP: ReadonlySet<string> = new Set(['join']);
const CSHARP_UNWRAP: ReadonlySet<string> = new Set(['ConfigureAwait']);
const NO_UNWRAP: ReadonlySet<string> = new Set();
/** The items of a Java response: SDK v2 `items()`, v1 `getItems()`. */
const JAVA_ITEMS = new Set(['items', 'getItems']);
/** Kotlin collection calls that, with no arguments, read the first element only, and that test for emptiness. */
const KOTLIN_FIRST = new Set(['first', 'firstOrNull']);
const KOTLIN_EMPTINESS = new Set(['isNullOrEmpty', 'isNotEmpty', 'isEmpty']);
/** A response's count, or its scanned count (equal to it without a filter, the only case `firstItemOnly.ts` reads). */
const JAVA_COUNT = new Set(['count', 'getCount', 'scannedCount', 'getScannedCount']);
/** LINQ calls that, without a predicate, read the first element only. */
const CSHARP_FIRST = new Set(['FirstOrDefault', 'First']);
/** Words before `name =` that make no declaration of `name`. */
const NOT_A_TYPE = new Set(['return', 'else', 'throw', 'case', 'yield', 'await', 'new', 'in', 'is', 'as']);

/**
 * The first token of the expression that ends before `end`: a name, then members, calls and subscripts; or
 * a parenthesised expression (`(await client.send(...)).Items`).
 */
export function expressionStart(a: CodeAnalyzer, end: number): number {
  let p = end - 1;
  for (let steps = 0; steps < 16; steps++) {
    const opened = a.is(p, ']') || a.is(p, ')') ? a.partner[p] : -1;
    if (opened >= 0 && opened < p && a.is(p, ')') && !a.isId(opened - 1) && !a.is(opened - 1, ')') && !a.is(opened - 1, ']') && !a.is(opened - 1, '>')) {
      return opened;
    }
    if (opened >= 0 && opened < p) {
      p = opened - 1;
    } else if (a.isId(p) && a.isAccess(p - 1)) {
      p -= 2;
    } else {
      break;
    }
  }
  return p;
}

/** The token after `.name()` (empty arguments) at `end`, or -1. */
function emptyCall(a: CodeAnalyzer, end: number, names: ReadonlySet<string> | string): number {
  const name = a.isAccess(end) ? a.id(end + 1) : undefined;
  const known = name !== undefined && (typeof names === 'string' ? name === names : names.has(name));
  return known && a.is(end + 2, '(') && a.is(end + 3, ')') ? end + 4 : -1;
}

/** `.name` at `end`: the token after it, or -1. */
function member(a: CodeAnalyzer, end: number, names: ReadonlySet<string> | string): number {
  const name = a.isAccess(end) ? a.id(end + 1) : undefined;
  return name !== undefined && (typeof names === 'string' ? name === names : names.has(name)) ? end + 2 : -1;
}

/** `[0]` at `end`. */
function indexedAtZero(a: CodeAnalyzer, end: number): boolean {
  return a.is(end, '[') && a.tokens.text(end + 1) === '0' && a.is(end + 2, ']');
}

/** The operand that ends at `end` is whole: no member, call, subscript or non-null assertion follows. */
function operandEnds(a: CodeAnalyzer, end: number): boolean {
  return !a.isAccess(end) && !a.is(end, '[') && !a.is(end, '(') && !a.is(end, '!');
}

/** The token after a comparison operator at `end` (`==`, `!=`, `===`, `!==`, `>`, `>=`), with the operator, or undefined. */
function comparison(a: CodeAnalyzer, end: number): { operator: string; operand: number } | undefined {
  for (const operator of ['==', '!=', '>', '>=']) {
    if (a.is(end, operator)) {
      const strict = (operator === '==' || operator === '!=') && a.is(end + 1, '=');
      return { operator, operand: strict ? end + 2 : end + 1 };
    }
  }
  return undefined;
}

/**
 * A count that ends at `end` compared so that it only tells none, one, or more than one: `== 0`, `!= 1`, `> 0`,
 * `> 1`, `>= 1`, `>= 2`. Without a filter or a `Limit`, a first page holds at least two items whenever two
 * exist: an item is at most 400 KB and a page stops only once it has read 1 MB. So an existence or uniqueness
 * test reads the same on the first page as on all of them; any other count does not.
 */
export function comparedWithFew(a: CodeAnalyzer, end: number): boolean {
  const compared = comparison(a, end);
  const literal = compared && a.tokens.text(compared.operand);
  return compared !== undefined && (compared.operator === '>=' ? literal === '1' || literal === '2' : literal === '0' || literal === '1');
}

/** A value that ends at `end` compared with `null` (or `undefined`) by equality. */
function comparedWithNull(a: CodeAnalyzer, end: number): boolean {
  const compared = comparison(a, end);
  const equality = compared !== undefined && (compared.operator === '==' || compared.operator === '!=');
  return equality && (a.idIs(compared.operand, 'null') || a.idIs(compared.operand, 'undefined'));
}

/** The read's own call, with the token after its result past a call named `unwrap` (`.promise()`, `.join()`). */
function ownResult(a: CodeAnalyzer, name: number, unwrap: ReadonlySet<string>): ReadResult | undefined {
  // Past type arguments (C#'s `QueryAsync<Order>(...)`).
  const open = callOpenAfter(a, name);
  const close = open > name ? a.partner[open] : trailingLambdaCall(a, name) ? a.partner[name + 1] : -1;
  if (close <= name) {
    return undefined;
  }
  const unwrapped = a.isAccess(close + 1) && unwrap.has(a.tokens.text(close + 2)) && a.is(close + 3, '(') ? a.partner[close + 3] : -1;
  return { name, end: unwrapped > close ? unwrapped + 1 : close + 1 };
}

/** `name =` before `at`, after a type name (`QueryResponse r =`, `var r =`, `List<Map<…>> items =`): `name`, or -1. */
function typedDeclaration(a: CodeAnalyzer, at: number): number {
  const name = at - 2;
  const typed = (a.isId(name - 1) && !NOT_A_TYPE.has(a.tokens.text(name - 1))) || a.is(name - 1, '>') || a.is(name - 1, '>>');
  return a.is(at - 1, '=') && a.isId(name) && typed ? name : -1;
}

const python: Dialect = {
  result: (a, nameIndex) => ownResult(a, nameIndex, NO_UNWRAP),
  itemsAfter(a, end) {
    if (a.is(end, '[') && a.isString(end + 1) && a.tokens.text(end + 1) === 'Items' && a.is(end + 2, ']')) {
      return end + 3;
    }
    if (a.is(end, '.') && a.idIs(end + 1, 'get') && a.is(end + 2, '(') && a.isString(end + 3) && a.tokens.text(end + 3) === 'Items') {
      return a.partner[end + 2] > end ? a.partner[end + 2] + 1 : -1;
    }
    return -1;
  },
  assignedAt(a, start) {
    const at = a.idIs(start - 1, 'await') ? start - 1 : start;
    return a.is(at - 1, '=') && a.isId(at - 2) && a.startsLine(at - 2) ? at - 2 : -1;
  },
  destructuredItemsAt: () => -1,
  firstItemAt: indexedAtZero,
  testedAt: testedOrCounted,
  pageFreeAt(a, end) {
    const count = pythonCount(a, end);
    return (a.is(end, '[') && a.isString(end + 1) && PAGE_FREE_KEYS.has(a.tokens.text(end + 1))) || (count >= 0 && comparedWithFew(a, count)) || pythonPresenceTest(a, end);
  },
  countAfter: pythonCount,
};

/** `if not response or ...`, `response is None`: whether a reply came back at all, which tells nothing of its pages. */
function pythonPresenceTest(a: CodeAnalyzer, end: number): boolean {
  const start = expressionStart(a, end);
  const isNone = a.idIs(end, 'is') && (a.idIs(end + 1, 'None') || (a.idIs(end + 1, 'not') && a.idIs(end + 2, 'None')));
  return start === end - 1 && a.isId(start) && (truthTested(a, start, end) || isNone);
}

/** The token after `["Count"]` or `.get("Count")` read at `end`, or -1. */
function pythonCount(a: CodeAnalyzer, end: number): number {
  if (a.is(end, '[') && a.isString(end + 1) && a.tokens.text(end + 1) === 'Count' && a.is(end + 2, ']')) {
    return end + 3;
  }
  const get = a.is(end, '.') && a.idIs(end + 1, 'get') && a.is(end + 2, '(') && a.isString(end + 3) && a.tokens.text(end + 3) === 'Count';
  return get && a.partner[end + 2] > end ? a.partner[end + 2] + 1 : -1;
}

const go: Dialect = {
  result: (a, nameIndex) => ownResult(a, nameIndex, NO_UNWRAP),
  itemsAfter(a, end) {
    return a.is(end, '.') && a.idIs(end + 1, 'Items') ? end + 2 : -1;
  },
  assignedAt(a, start) {
    // `out, err := client.Query(...)`, `out, err = ...`, `out := ...`.
    if (!a.is(start - 1, ':=') && !a.is(start - 1, '=')) {
      return -1;
    }
    const first = a.is(start - 3, ',') && a.isId(start - 2) && a.isId(start - 4) ? start - 4 : a.isId(start - 2) ? start - 2 : -1;
    return first >= 0 && a.startsLine(first) && !a.idIs(first, '_') ? first : -1;
  },
  destructuredItemsAt: () => -1,
  firstItemAt: indexedAtZero,
  testedAt: testedOrCounted,
  // `out.Count == 0`: the count as an existence test (a pointer in SDK v1, `*out.Count > 0`, reads the same).
  pageFreeAt: (a, end) => member(a, end, PAGE_FREE_KEYS) >= 0 || (a.is(end, '.') && a.idIs(end + 1, 'Count') && comparedWithFew(a, end + 2)),
  decodedListAt(a, end) {
    // `attributevalue.UnmarshalListOfMaps(out.Items, &users)`, SDK v1's `dynamodbattribute` alike.
    const start = expressionStart(a, end);
    const decoder = a.is(start - 1, '(') && a.idIs(start - 2, 'UnmarshalListOfMaps') && a.isAccess(start - 3) && (a.idIs(start - 4, 'attributevalue') || a.idIs(start - 4, 'dynamodbattribute'));
    return decoder && a.is(end, ',') && a.is(end + 1, '&') && a.isId(end + 2) && a.is(end + 3, ')') ? end + 2 : -1;
  },
};

/**
 * A test of whether there are items (Python, Go): `if items:`, `not items`, `items and …`, `… if items else …`,
 * their count tested so (`len(items) > 0`, `if len(items):`), Go's `out.Items == nil`. A count used as a number
 * (`total = len(items) * 5`) counts them all: not a test.
 */
function testedOrCounted(a: CodeAnalyzer, end: number): boolean {
  const start = expressionStart(a, end);
  if (a.is(start - 1, '(') && a.idIs(start - 2, 'len') && a.is(end, ')')) {
    return comparedWithFew(a, end + 1) || truthTested(a, start - 2, end + 1);
  }
  return truthTested(a, start, end) || ((a.is(end, '==') || a.is(end, '!=')) && a.idIs(end + 1, 'nil'));
}

/** The Python operand from `start` to before `end` used as a condition: after `if`, `not`, `elif`, `and`, `or` or `while`, and ending it. */
function truthTested(a: CodeAnalyzer, start: number, end: number): boolean {
  const before = start - 1;
  const test = a.idIs(before, 'if') || a.idIs(before, 'not') || a.idIs(before, 'elif') || a.idIs(before, 'and') || a.idIs(before, 'or') || a.idIs(before, 'while');
  const ends = a.is(end, ':') || a.idIs(end, 'else') || a.idIs(end, 'and') || a.idIs(end, 'or') || a.is(end, ')') || a.startsLine(end);
  return test && ends;
}

/** Past a TypeScript non-null assertion at `end` that a member or subscript follows (`result!.Items`, `Items![0]`). */
function pastNonNull(a: CodeAnalyzer, end: number): number {
  return a.is(end, '!') && (a.isAccess(end + 1) || a.is(end + 1, '[')) ? end + 1 : end;
}

/** Tokens a pattern's TypeScript type annotation is read back over (`: any`, `: DocumentClient.QueryOutput`). */
const MAX_ANNOTATION_TOKENS = 16;

/** The token before a TypeScript type annotation that ends at `end` (`}` of `{ Items }: any`), or `end` itself where none ends there. */
function beforeTypeAnnotation(a: CodeAnalyzer, end: number): number {
  for (let k = end; k > end - MAX_ANNOTATION_TOKENS && k > 0 && a.language.family === 'js'; k--) {
    if (a.is(k, ':')) {
      return k - 1;
    }
    if (!a.isId(k) && !a.isAccess(k) && !a.is(k, '<') && !a.is(k, '>') && !a.is(k, '[') && !a.is(k, ']')) {
      break;
    }
  }
  return end;
}

/** A `const`, `let` or `var` at `index`. */
function declares(a: CodeAnalyzer, index: number): boolean {
  return a.idIs(index, 'const') || a.idIs(index, 'let') || a.idIs(index, 'var');
}

/** A truthiness test of the JavaScript operand from `start` to `end`: `!x`, `if (x)`, `x && …`, `x ? … : …`. */
function jsTruthiness(a: CodeAnalyzer, start: number, end: number): boolean {
  const condition = a.is(start - 1, '(') && (a.idIs(start - 2, 'if') || a.idIs(start - 2, 'while')) && a.is(end, ')');
  return operandEnds(a, end) && (a.is(start - 1, '!') || condition || a.is(end, '&&') || a.is(end, '?'));
}

/** Past `?? 0)` or `|| 0)` closing a parenthesis opened before `start` (`(existing.Count ?? 0) > 0`), else `end`. */
function pastZeroFallback(a: CodeAnalyzer, start: number, end: number): number {
  const fallback = (a.is(end, '??') || a.is(end, '||')) && a.tokens.text(end + 1) === '0' && a.is(end + 2, ')');
  return fallback && a.partner[end + 2] === start - 1 ? end + 3 : end;
}

/** `const [first] = <items>;`: the items' first element destructured alone (a fallback `?? []` allowed). */
function jsFirstDestructured(a: CodeAnalyzer, end: number): boolean {
  const start = expressionStart(a, end);
  const pattern = a.is(start - 1, '=') && a.is(start - 2, ']') && a.isId(start - 3) && a.is(start - 4, '[') && declares(a, start - 5);
  return pattern && endsStatement(a, end);
}

const javascript: Dialect = {
  result(a, nameIndex) {
    // SDK v3: the result is the `send` call's, around `new QueryCommand(...)`.
    const command = a.idIs(nameIndex - 1, 'new') && a.is(nameIndex - 2, '(') && a.isId(nameIndex - 3);
    // `send(new QueryCommand(...))`, or with a trailing comma as Prettier writes a call over several lines.
    const after = command && a.is(nameIndex + 1, '(') ? a.partner[nameIndex + 1] + 1 : -1;
    const wrapped = after > 0 && (after === a.partner[nameIndex - 2] || (a.is(after, ',') && after + 1 === a.partner[nameIndex - 2]));
    // `const query = new QueryCommand(...)` then `(await client.send(query)).Items[0]`: that `send`'s result.
    const sent = wrapped ? undefined : sendOfHeldCommand(a, nameIndex, true);
    return ownResult(a, wrapped ? nameIndex - 3 : (sent ?? nameIndex), JS_UNWRAP);
  },
  itemsAfter(a, end) {
    return member(a, pastNonNull(a, end), 'Items');
  },
  assignedAt(a, start) {
    const at = a.idIs(start - 1, 'await') ? start - 1 : start;
    if (!a.is(at - 1, '=')) {
      return -1;
    }
    // `const result: QueryCommandOutput = …`, `let data: DocumentClient.QueryOutput = …`: over the type name.
    let name = at - 2;
    let type = name;
    while (a.isId(type) && a.isAccess(type - 1) && a.isId(type - 2)) {
      type -= 2;
    }
    if (a.is(type - 1, ':') && a.isId(type - 2)) {
      name = type - 2;
    }
    return a.isId(name) && declares(a, name - 1) ? name : -1;
  },
  destructuredItemsAt(a, start) {
    // `const { Items } = …`, `const { Items: orders = [] } = …`, `const { Items }: any = …`: the pattern names the items and nothing else.
    const at = a.idIs(start - 1, 'await') ? start - 1 : start;
    const close = a.is(at - 1, '=') ? beforeTypeAnnotation(a, at - 2) : -1;
    const open = a.is(close, '}') ? a.partner[close] : -1;
    if (open < 0 || !declares(a, open - 1) || !a.idIs(open + 1, 'Items')) {
      return -1;
    }
    const variable = a.is(open + 2, ':') && a.isId(open + 3) ? open + 3 : open + 1;
    const rest = a.is(variable + 1, '=') && a.is(variable + 2, '[') && a.is(variable + 3, ']') ? variable + 4 : variable + 1;
    return rest === close ? variable : -1;
  },
  firstItemAt(a, end) {
    const p = pastNonNull(a, end);
    const optional = a.is(p, '?.') ? p + 1 : p;
    const atZero = member(a, p, 'at') >= 0 && a.is(p + 2, '(') && a.tokens.text(p + 3) === '0' && a.is(p + 4, ')');
    return indexedAtZero(a, optional) || atZero || jsFirstDestructured(a, end);
  },
  testedAt(a, end) {
    const start = expressionStart(a, end);
    const length = member(a, end, 'length');
    if (length >= 0) {
      return comparedWithFew(a, length) || jsTruthiness(a, start, length);
    }
    return jsTruthiness(a, start, end) || comparedWithNull(a, end);
  },
  pageFreeAt(a, end) {
    const start = expressionStart(a, end);
    const count = member(a, end, 'Count');
    // `if (existing.Count) return`, `!result.Count`: a count tested for truth tells only whether any item matched.
    const tested = count >= 0 && (comparedWithFew(a, pastZeroFallback(a, start, count)) || jsTruthiness(a, start, count));
    // `if (!response || !response.Items?.length)`: whether a response came back at all tells nothing of its pages.
    const present = start === end - 1 && a.isId(start) && (jsTruthiness(a, start, end) || comparedWithNull(a, end));
    return member(a, end, JS_PAGE_FREE) >= 0 || tested || present;
  },
};

const java: Dialect = {
  result: (a, nameIndex) => ownResult(a, nameIndex, JAVA_UNWRAP),
  itemsAfter(a, end) {
    const called = emptyCall(a, end, JAVA_ITEMS);
    // Kotlin: the AWS SDK for Kotlin's `items` property, past a non-null assertion (`response.items!![0]`).
    const property = called < 0 && a.language.id === 'kotlin' ? member(a, end, 'items') : -1;
    return called >= 0 ? called : property >= 0 && !a.is(property, '(') ? pastKotlinNonNull(a, property) : -1;
  },
  assignedAt: typedDeclaration,
  destructuredItemsAt: () => -1,
  firstItemAt(a, end) {
    const atZero = (name: string): boolean => member(a, end, name) >= 0 && a.is(end + 2, '(') && a.tokens.text(end + 3) === '0' && a.is(end + 4, ')');
    const stream = emptyCall(a, end, 'stream');
    const kotlin = a.language.id === 'kotlin' && (indexedAtZero(a, end) || emptyCall(a, end, KOTLIN_FIRST) >= 0 || atZero('getOrNull'));
    return atZero('get') || kotlin || emptyCall(a, end, 'getFirst') >= 0 || (stream >= 0 && emptyCall(a, stream, 'findFirst') >= 0);
  },
  testedAt(a, end) {
    const start = expressionStart(a, end);
    // `CollectionUtils.isEmpty(items)`, `isNotEmpty(items)`: the items the only argument.
    const helper = a.is(start - 1, '(') && a.is(end, ')') && (a.idIs(start - 2, 'isEmpty') || a.idIs(start - 2, 'isNotEmpty'));
    const size = emptyCall(a, end, 'size');
    // Kotlin: `items.isNullOrEmpty()`, `items.isNotEmpty()`, `items.size > 0`.
    const kotlinSize = a.language.id === 'kotlin' ? member(a, end, 'size') : -1;
    const kotlinTest = a.language.id === 'kotlin' && (emptyCall(a, end, KOTLIN_EMPTINESS) >= 0 || (kotlinSize >= 0 && comparedWithFew(a, kotlinSize)));
    return emptyCall(a, end, 'isEmpty') >= 0 || helper || kotlinTest || (size >= 0 && comparedWithFew(a, size)) || comparedWithNull(a, end);
  },
  pageFreeAt(a, end) {
    const count = emptyCall(a, end, JAVA_COUNT);
    return emptyCall(a, end, JAVA_PAGE_FREE) >= 0 || (count >= 0 && comparedWithFew(a, count));
  },
  countAfter: (a, end) => emptyCall(a, end, JAVA_COUNT),
};

/** Past Kotlin's non-null assertion `!!` at `end` (two tokens), else `end`. */
function pastKotlinNonNull(a: CodeAnalyzer, end: number): number {
  return a.is(end, '!') && a.is(end + 1, '!') ? end + 2 : end;
}

const csharp: Dialect = {
  result: (a, nameIndex) => ownResult(a, nameIndex, CSHARP_UNWRAP),
  // A response's `Items`, or the first page an object-model search fetches (`search.GetNextSetAsync(ct)`: its items).
  itemsAfter: (a, end) => {
    const items = member(a, end, 'Items');
    const page = items < 0 && a.isAccess(end) && a.idIs(end + 1, 'GetNextSetAsync') && a.is(end + 2, '(') ? a.partner[end + 2] : -1;
    return items >= 0 ? items : page > end ? page + 1 : -1;
  },
  assignedAt(a, start) {
    return typedDeclaration(a, a.idIs(start - 1, 'await') ? start - 1 : start);
  },
  destructuredItemsAt: () => -1,
  firstItemAt(a, end) {
    return indexedAtZero(a, end) || emptyCall(a, end, CSHARP_FIRST) >= 0;
  },
  testedAt(a, end) {
    const count = member(a, end, 'Count');
    return emptyCall(a, end, 'Any') >= 0 || (count >= 0 && comparedWithFew(a, count)) || comparedWithNull(a, end);
  },
  pageFreeAt(a, end) {
    const count = member(a, end, 'Count');
    return member(a, end, CSHARP_PAGE_FREE) >= 0 || (count >= 0 && comparedWithFew(a, count));
  },
};

const DIALECTS: Partial<Record<string, Dialect>> = { python, go, js: javascript, java, csharp };

export function dialectOf(a: CodeAnalyzer): Dialect | undefined {
  return DIALECTS[a.language.family];
}

/**
 * Whether the expression that ends before `end` ends its statement: a new line (Python), or `;` or a new
 * line that no member access continues, past an empty fallback (`?? []`, `|| []`) elsewhere.
 */
export function endsStatement(a: CodeAnalyzer, end: number): boolean {
  if (a.language.family === 'python') {
    return a.startsLine(end) || end >= a.tokens.length;
  }
  const fallback = (a.is(end, '??') || a.is(end, '||')) && a.is(end + 1, '[') && a.is(end + 2, ']') ? end + 3 : end;
  return (a.startsLine(fallback) && !a.isAccess(fallback)) || a.is(fallback, ';') || fallback >= a.tokens.length;
}

/** Tokens searched past a command held by a variable (`const get = new GetCommand(…)`) for the `send(get)` that sends it. */
const HELD_COMMAND_REACH = 200;

/**
 * The `send` of `const get = new GetCommand(…); … send(get)`, in the same function, or undefined. With `only`, a
 * command the function names anywhere else (sent twice, changed, passed on) has none: that send's result may not be
 * all the function does with it.
 */
export function sendOfHeldCommand(a: CodeAnalyzer, name: number, only = false): number | undefined {
  const open = a.is(name + 1, '(') ? a.partner[name + 1] : -1;
  if (!a.idIs(name - 1, 'new') || !a.is(name - 2, '=') || !a.isId(name - 3) || open < 0 || !endsStatement(a, open + 1)) {
    return undefined;
  }
  const held = a.tokens.text(name - 3);
  const fn = a.scopes.enclosing(name, ['function']);
  let send: number | undefined;
  for (let k = open + 1; k < Math.min(a.tokens.length, open + HELD_COMMAND_REACH) && send === undefined; k++) {
    if (a.idIs(k, 'send') && a.is(k + 1, '(') && a.idIs(k + 2, held) && a.is(k + 3, ')') && a.scopes.enclosing(k, ['function']) === fn) {
      send = k;
    }
  }
  return send !== undefined && only && namedElsewhere(a, fn, held, [name - 3, send + 2]) ? undefined : send;
}

/** Whether the function `fn` names `held` (not as a member) at any token other than those of `known`. */
function namedElsewhere(a: CodeAnalyzer, fn: number, held: string, known: number[]): boolean {
  const [start, end] = fn > 0 ? a.scopes.range(fn) : [0, a.tokens.length];
  for (let k = start; k < Math.min(end, a.tokens.length); k++) {
    if (a.idIs(k, held) && !a.isAccess(k - 1) && !known.includes(k)) {
      return true;
    }
  }
  return false;
}
