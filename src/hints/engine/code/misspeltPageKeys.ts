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
/** Tokens of a function read for uses of a reply's variable: far more than a paging loop has. */
const MAX_TOKENS_READ = 4000;

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

export function misspeltPageKeys(a: CodeAnalyzer): MisspeltPageKey[] {
  const dialect = dialectOf(a);
  const family = a.language.family;
  if (!dialect || (family !== 'js' && family !== 'python')) {
    return [];
  }
  const found = new Map<number, MisspeltPageKey>();
  const add = (token: number, meant: string): void => {
    found.set(token, { span: a.tokenSpan(token), written: a.tokens.text(token), meant });
  };
  const sdkReads = a.operations.filter((occurrence) => PAGED.has(occurrence.operation) && occurrence.call && sdkClientShape(a, occurrence) !== undefined);
  for (const occurrence of sdkReads) {
    for (const option of occurrence.request?.options ?? []) {
      const [key] = a.tokensOf(option.key);
      const written = key >= 0 && key < a.tokens.length ? a.tokens.text(key) : '';
      if (written === option.name && nearMiss(option.name, EXCLUSIVE_START_KEY)) {
        add(key, EXCLUSIVE_START_KEY);
      }
    }
    for (const token of requestMembersSet(a, occurrence.tokenIndex)) {
      if (nearMiss(a.tokens.text(token), EXCLUSIVE_START_KEY)) {
        add(token, EXCLUSIVE_START_KEY);
      }
    }
    for (const token of replyReads(a, occurrence)) {
      if (nearMiss(a.tokens.text(token), LAST_EVALUATED_KEY)) {
        add(token, LAST_EVALUATED_KEY);
      }
    }
  }
  return [...found.values()].sort((x, y) => x.span.start - y.span.start);
}

/**
 * The members the function sets on a request it passes by name (`scanParams.ExclusiveStartkey = …` before
 * `dynamo.scan(scanParams)`, Python's `kwargs["ExclusiveStartkey"] = …` before `table.scan(**kwargs)`), as tokens:
 * a request held by a parameter has no options the analyzer can read, but these are written on it.
 */
function requestMembersSet(a: CodeAnalyzer, name: number): number[] {
  const open = a.is(name + 1, '(') ? name + 1 : -1;
  const spread = a.language.family === 'python' && a.is(open + 1, '**') ? open + 2 : open + 1;
  if (open < 0 || !a.isId(spread) || a.partner[open] !== spread + 1) {
    return [];
  }
  const held = a.tokens.text(spread);
  const fn = a.scopes.enclosing(name, ['function']);
  const [from, to] = fn > 0 ? a.scopes.range(fn) : [0, a.tokens.length];
  const set: number[] = [];
  for (let k = from; k < Math.min(to, from + MAX_TOKENS_READ); k++) {
    if (!a.idIs(k, held) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    const member = memberAt(a, k + 1);
    const end = member >= 0 && a.is(member + 1, ']') ? member + 2 : member + 1;
    if (member >= 0 && a.is(end, '=') && !a.is(end + 1, '=')) {
      set.push(member);
    }
  }
  return set;
}

/** The member names the code reads of the read's reply (tokens), where it sees the reply. */
function replyReads(a: CodeAnalyzer, occurrence: OperationOccurrence): number[] {
  const call = dialectOf(a)?.result(a, occurrence.tokenIndex);
  if (!call) {
    return [];
  }
  // The SDK v2's error-first callback or a promise's `then`: its response parameter, read in its body.
  const callback = a.language.family === 'js' ? thenCallback(a, occurrence.tokenIndex) : undefined;
  if (callback) {
    return namedReads(a, callback.response, callback.body);
  }
  const start = a.isAccess(call.name - 1) ? chainStart(a, call.name - 2) : call.name;
  // `(await ddb.send(...)).LastEvaluateKey`: the awaited reply in parentheses.
  const wrapped = a.idIs(start - 1, 'await') && a.is(start - 2, '(') && a.partner[start - 2] === call.end;
  const direct = memberAt(a, wrapped ? call.end + 1 : call.end);
  if (direct >= 0) {
    return [direct];
  }
  const pattern = a.language.family === 'js' ? destructuredFrom(a, wrapped ? start - 2 : start) : [];
  if (pattern.length > 0) {
    return pattern;
  }
  const variable = assignedName(a, start);
  return variable ? namedReads(a, variable, start) : [];
}

/**
 * The members read of the variable `name` in the function around `from`, after it: `reply.X`, `reply?.X`,
 * `reply['X']`, Python's `reply.get('X')` and `'X' in reply`, and a later `const { X } = reply`. A function that
 * also assigns the name something other than what `from` starts is left alone: its reply is not known.
 */
function namedReads(a: CodeAnalyzer, name: string, from: number): number[] {
  const fn = a.scopes.enclosing(from, ['function']);
  const end = Math.min(fn > 0 ? a.scopes.range(fn)[1] : a.tokens.length, from + MAX_TOKENS_READ);
  const reads: number[] = [];
  for (let k = from; k < end; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || a.scopes.enclosing(k, ['function']) !== fn) {
      continue;
    }
    if (a.is(k + 1, '=') && !a.is(k + 2, '=') && !replyAssigned(a, k + 2)) {
      return [];
    }
    const member = memberAt(a, k + 1);
    if (member >= 0) {
      reads.push(member);
    } else if (a.language.family === 'python' && a.idIs(k - 1, 'in') && a.isString(k - 2)) {
      reads.push(k - 2);
    } else if (a.language.family === 'python' && a.idIs(k - 1, 'in') && a.idIs(k - 2, 'not') && a.isString(k - 3)) {
      reads.push(k - 3);
    } else if (a.language.family === 'js') {
      reads.push(...destructuredFrom(a, k));
    }
  }
  return reads;
}

/** Whether the expression at `start` is a Query's or Scan's reply the analyzer found (`data = await ddb.scan(p).promise()` again in a loop). */
function replyAssigned(a: CodeAnalyzer, start: number): boolean {
  const at = a.idIs(start, 'await') ? start + 1 : start;
  return a.operations.some((occurrence) => {
    if (!PAGED.has(occurrence.operation) || occurrence.tokenIndex < at) {
      return false;
    }
    const call = dialectOf(a)?.result(a, occurrence.tokenIndex);
    return call !== undefined && (a.isAccess(call.name - 1) ? chainStart(a, call.name - 2) : call.name) === at;
  });
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
