/**
 * Page keys spelt almost as the API spells them, on a DynamoDB Query or Scan the AWS SDK sends: a reply read for
 * `LastEvaluateKey`, `LastEvaluatedKeys` or `lastEvaluatedKey` (the SDK sets only `LastEvaluatedKey`, so the read
 * is always undefined or absent and a loop on it stops after the first page), and a request that sets
 * `ExclusiveStartkey` (the SDK for JavaScript v3 and v2's DocumentClient leave an unknown member out, so the next
 * call reads the first page again; boto3 and v2's `AWS.DynamoDB` reject it). JavaScript and Python, where a member is a name or a string the compiler does not
 * check; the typed SDKs would not compile such a name. Only the replies and requests of calls whose SDK client is
 * seen (`sdkOperationClients.ts`): a library's own result (PynamoDB's `last_evaluated_key`) is its own API.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 */
import type { MisspeltPageKey, OperationOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { dialectOf } from './firstItemDialects';
import { assignedName, thenCallback } from './readReplies';
import { chainStart } from './receiverChains';
import { sdkClientShape } from './sdkOperationClients';

const LAST_EVALUATED_KEY = 'LastEvaluatedKey';
const EXCLUSIVE_START_KEY = 'ExclusiveStartKey';
const PAGED = new Set(['dynamodb:Query', 'dynamodb:Scan']);
/** Edits (case-insensitive) within which a name reads as a slip of the key's: `LastEvaluateKey`, `lastEvaluatedKeys`. */
const MAX_EDITS = 2;

/**
 * Whether `written` is a near miss of `key`: another spelling within `MAX_EDITS` letters, ignoring case, or the same
 * letters in another case (`lastEvaluatedKey`), which JavaScript and boto3's dicts do not match either.
 */
export function nearMiss(written: string, key: string): boolean {
  if (written === key || Math.abs(written.length - key.length) > MAX_EDITS) {
    return false;
  }
  return editsWithin(written.toLowerCase(), key.toLowerCase(), MAX_EDITS);
}

/** Optimal string alignment distance of `x` and `y` (a swap of two neighbours is one edit), at most `limit`. */
function editsWithin(x: string, y: string, limit: number): boolean {
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) {
      return false;
    }
    before = previous;
    previous = row;
  }
  return previous[y.length] <= limit;
}

/** Lengths a near miss of either key may have. */
const SHORTEST = LAST_EVALUATED_KEY.length - MAX_EDITS;
const LONGEST = EXCLUSIVE_START_KEY.length + MAX_EDITS;

/** A letter's lower-case code (ASCII letters only; anything else as it is). */
const lower = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * The cheap test before the edit distance, read off the source without slicing the token: a near miss is about as long as a
 * key and keeps its first two letters (`la`, `ex`) or its last three (`key`), as typos do. Run on every name and string.
 */
function mayMiss(a: CodeAnalyzer, k: number): boolean {
  const start = a.tokens.textStart(k);
  const end = a.tokens.textEnd(k);
  if (end - start < SHORTEST || end - start > LONGEST) {
    return false;
  }
  const text = a.text;
  const first = lower(text.charCodeAt(start));
  const second = lower(text.charCodeAt(start + 1));
  const startsAsKey = (first === 108 && second === 97) || (first === 101 && second === 120);
  return startsAsKey || (lower(text.charCodeAt(end - 3)) === 107 && lower(text.charCodeAt(end - 2)) === 101 && lower(text.charCodeAt(end - 1)) === 121);
}

export function misspeltPageKeys(a: CodeAnalyzer): MisspeltPageKey[] {
  const dialect = dialectOf(a);
  const family = a.language.family;
  if (!dialect || (family !== 'js' && family !== 'python')) {
    return [];
  }
  // Names and strings spelt almost as the keys: most files have none, and then nothing else is read.
  const lastKeys = new Set<number>();
  const startKeys = new Set<number>();
  for (let k = 0; k < a.tokens.length; k++) {
    if ((a.isId(k) || a.isString(k)) && mayMiss(a, k)) {
      const text = a.tokens.text(k);
      if (nearMiss(text, LAST_EVALUATED_KEY)) {
        lastKeys.add(k);
      } else if (nearMiss(text, EXCLUSIVE_START_KEY)) {
        startKeys.add(k);
      }
    }
  }
  if (lastKeys.size === 0 && startKeys.size === 0) {
    return [];
  }
  const found = new Set<number>();
  const sdkReads = a.operations.filter((occurrence) => PAGED.has(occurrence.operation) && occurrence.call && sdkClientShape(a, occurrence) !== undefined);
  const setOn = membersSetOnNames(a, startKeys);
  const replies = new ReplyNames(a);
  for (const occurrence of sdkReads) {
    for (const option of occurrence.request?.options ?? []) {
      const [key] = a.tokensOf(option.key);
      if (startKeys.has(key) && a.tokens.text(key) === option.name) {
        found.add(key);
      }
    }
    const passed = passedRequest(a, occurrence.tokenIndex);
    for (const token of passed ? (setOn.get(passed) ?? []) : []) {
      found.add(token);
    }
    if (lastKeys.size > 0) {
      for (const token of replies.add(occurrence)) {
        if (lastKeys.has(token)) {
          found.add(token);
        }
      }
    }
  }
  for (const token of lastKeys) {
    const base = readBase(a, token);
    if (base >= 0 && replies.holds(base)) {
      found.add(token);
    }
  }
  return [...found].sort((x, y) => x - y).map((token) => ({ span: a.tokenSpan(token), written: a.tokens.text(token), meant: lastKeys.has(token) ? LAST_EVALUATED_KEY : EXCLUSIVE_START_KEY }));
}

/** A name of a function, as one key: the function (by scope) and the name. */
function nameIn(a: CodeAnalyzer, token: number, name = a.tokens.text(token)): string {
  return `${a.scopes.enclosing(token, ['function'])}\u0000${name}`;
}

/**
 * The near misses set as members of a name (`scanParams.ExclusiveStartkey = …`, Python's `kwargs["ExclusiveStartkey"] = …`),
 * by the name in its function: a request held by a parameter has no options the analyzer can read, but these are written on it.
 */
function membersSetOnNames(a: CodeAnalyzer, startKeys: ReadonlySet<number>): Map<string, number[]> {
  const set = new Map<string, number[]>();
  for (const member of startKeys) {
    const subscript = a.is(member - 1, '[') && a.is(member + 1, ']');
    const base = subscript ? member - 2 : a.isAccess(member - 1) ? member - 2 : -1;
    const end = subscript ? member + 2 : member + 1;
    if (base >= 0 && a.isId(base) && !a.isAccess(base - 1) && a.is(end, '=') && !a.is(end + 1, '=')) {
      const key = nameIn(a, base);
      const list = set.get(key);
      if (list) {
        list.push(member);
      } else {
        set.set(key, [member]);
      }
    }
  }
  return set;
}

/** The name a call passes as its whole request (`dynamo.scan(scanParams)`, `new ScanCommand(input)`, `table.scan(**kwargs)`), in its function. */
function passedRequest(a: CodeAnalyzer, name: number): string | undefined {
  const open = a.is(name + 1, '(') ? name + 1 : -1;
  const spread = a.language.family === 'python' && a.is(open + 1, '**') ? open + 2 : open + 1;
  return open >= 0 && a.isId(spread) && a.partner[open] === spread + 1 ? nameIn(a, spread) : undefined;
}

/**
 * The names that hold a Query's or Scan's reply, by function: assigned it (`data = await ddb.scan(p).promise()`), or a
 * callback's response parameter; a name the function also assigns anything else holds no reply the code can be sure of.
 */
class ReplyNames {
  /** By name in its function: the first token the reply is held from. */
  private readonly held = new Map<string, number>();
  /** The first token of each reply assigned to a name. */
  private readonly starts = new Set<number>();
  private checked?: Set<string>;

  constructor(private readonly a: CodeAnalyzer) {}

  /** Reads the reply of the call: registers the name that holds it, and returns the members read of it where it is written (`(await send(...)).X`, `const { X } = await ...`). */
  add(occurrence: OperationOccurrence): number[] {
    const a = this.a;
    const call = dialectOf(a)?.result(a, occurrence.tokenIndex);
    if (!call) {
      return [];
    }
    // The SDK v2's error-first callback or a promise's `then`: its response parameter, read in its body.
    const callback = a.language.family === 'js' ? thenCallback(a, occurrence.tokenIndex) : undefined;
    if (callback) {
      this.hold(nameIn(a, callback.body, callback.response), callback.body);
      return [];
    }
    const start = a.isAccess(call.name - 1) ? chainStart(a, call.name - 2) : call.name;
    // `(await ddb.send(...)).LastEvaluateKey`: the awaited reply in parentheses.
    const wrapped = a.idIs(start - 1, 'await') && a.is(start - 2, '(') && a.partner[start - 2] === call.end;
    const direct = memberAt(a, wrapped ? call.end + 1 : call.end);
    if (direct >= 0) {
      return [direct];
    }
    const pattern = a.language.family === 'js' ? destructuredFrom(a, wrapped ? start - 2 : start) : [];
    const variable = pattern.length > 0 ? undefined : assignedName(a, start);
    if (variable) {
      this.starts.add(a.idIs(start - 1, 'await') ? start - 1 : start);
      this.hold(nameIn(a, start, variable), start);
    }
    return pattern;
  }

  /** Whether the name at `token` holds a reply there: assigned one before, and nothing else in its function. */
  holds(token: number): boolean {
    const from = this.held.get(nameIn(this.a, token));
    return from !== undefined && from < token && !this.reassigned().has(nameIn(this.a, token));
  }

  private hold(key: string, from: number): void {
    this.held.set(key, Math.min(this.held.get(key) ?? from, from));
  }

  /** The held names some statement of their function assigns another value (one pass over the file). */
  private reassigned(): Set<string> {
    if (!this.checked) {
      const a = this.a;
      this.checked = new Set();
      for (let k = 0; k < a.tokens.length; k++) {
        if (a.isId(k) && a.is(k + 1, '=') && !a.is(k + 2, '=') && !a.isAccess(k - 1) && this.held.has(nameIn(a, k)) && !this.starts.has(k + 2)) {
          this.checked.add(nameIn(a, k));
        }
      }
    }
    return this.checked;
  }
}

/**
 * The name a member at `token` is read of: `reply.X`, `reply?.X`, `reply!.X`, `reply['X']`, Python's `reply.get('X')`
 * and `'X' in reply`, or a declaration's pattern `const { X } = reply`; -1 for anything else.
 */
function readBase(a: CodeAnalyzer, token: number): number {
  const python = a.language.family === 'python';
  if (a.isId(token) && a.isAccess(token - 1)) {
    const base = a.is(token - 2, '!') ? token - 3 : token - 2;
    return a.isId(base) && !a.isAccess(base - 1) && !a.is(token + 1, '(') && !(python && a.idIs(token, 'get')) ? base : -1;
  }
  if (a.isString(token) && a.is(token - 1, '[') && a.is(token + 1, ']')) {
    const base = a.is(token - 2, '?.') ? token - 3 : token - 2;
    return a.isId(base) && !a.isAccess(base - 1) ? base : -1;
  }
  if (python && a.isString(token) && a.is(token - 1, '(') && a.idIs(token - 2, 'get') && a.isAccess(token - 3) && a.isId(token - 4) && !a.isAccess(token - 5)) {
    return token - 4;
  }
  if (python && a.isString(token) && (a.idIs(token + 1, 'in') || (a.idIs(token + 1, 'not') && a.idIs(token + 2, 'in')))) {
    const base = a.idIs(token + 1, 'in') ? token + 2 : token + 3;
    return a.isId(base) && !a.isAccess(base + 1) && !a.is(base + 1, '(') ? base : -1;
  }
  // `const { Items, LastEvaluateKey } = reply`
  const open = a.parent[token];
  const close = open >= 0 && a.is(open, '{') ? a.partner[open] : -1;
  const declared = close > 0 && (a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'));
  const key = (a.is(token - 1, '{') || a.is(token - 1, ',')) && a.is(close + 1, '=') && !a.is(close + 2, '=');
  return declared && key && a.isId(close + 2) && endsAt(a, close + 3) ? close + 2 : -1;
}

/** Whether a statement ends at `k` (`;`, a new line, the end of the file). */
function endsAt(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.is(k, ';') || a.startsLine(k);
}

/** The member token read at `at` (`.X`, `?.X`, `!.X`, `['X']`, Python's `.get('X'`), or -1. */
function memberAt(a: CodeAnalyzer, at: number): number {
  const p = a.is(at, '!') && a.isAccess(at + 1) ? at + 1 : at;
  if (a.isAccess(p) && a.isId(p + 1) && !(a.language.family === 'python' && a.idIs(p + 1, 'get'))) {
    return a.is(p + 2, '(') ? -1 : p + 1;
  }
  const subscript = a.is(p, '?.') && a.is(p + 1, '[') ? p + 1 : p;
  if (a.is(subscript, '[') && a.isString(subscript + 1) && a.is(subscript + 2, ']')) {
    return subscript + 1;
  }
  if (a.language.family === 'python' && a.isAccess(p) && a.idIs(p + 1, 'get') && a.is(p + 2, '(') && a.isString(p + 3)) {
    return p + 3;
  }
  return -1;
}

/** `const { Items, LastEvaluateKey } = <start…>`: the keys the declaration's pattern names at its top level. */
function destructuredFrom(a: CodeAnalyzer, start: number): number[] {
  const at = a.idIs(start - 1, 'await') ? start - 1 : start;
  const open = a.is(at - 1, '=') && a.is(at - 2, '}') ? a.partner[at - 2] : -1;
  if (open < 0 || !(a.idIs(open - 1, 'const') || a.idIs(open - 1, 'let') || a.idIs(open - 1, 'var'))) {
    return [];
  }
  const keys: number[] = [];
  for (let k = open + 1; k < at - 2; k++) {
    if (a.parent[k] === open && (a.isId(k) || a.isString(k)) && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      keys.push(k);
    }
  }
  return keys;
}
