/**
 * Options a condition picks between, each branch a literal: `new Redis(isProd ? { host, tls: {} } : { host: 'localhost' })`,
 * `const opts = useTls ? { tls: {} } : {}`, `{ ...(isProd && { password }) }`, `new Redis(isProd ? process.env.URL : 'redis://localhost')`.
 * As the SQL readers read a connection string a condition picks (`sqlConditionalDsns.ts`), each branch is options the
 * code may run with, so the readers judge one branch at a time; a branch that is anything else (a call, a name) leaves
 * the whole unknown.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { environmentRead } from './names';
import { conditionalParts, heldExpression } from './sqlConditionalDsns';

/** Words a branch may be that give no options, so that the library's defaults apply. */
const NO_OPTIONS = new Set(['undefined', 'null', 'false']);

/** A branch as the token range of what it writes; an empty range for one that gives no options. */
export type Branch = readonly [start: number, end: number];

/** The range [first, end) without the parentheses around it. */
function unwrapped(a: CodeAnalyzer, first: number, end: number): [number, number] {
  while (end - first > 2 && a.is(first, '(') && a.partner[first] === end - 1) {
    [first, end] = [first + 1, end - 1];
  }
  return [first, end];
}

/** The expression a name bound once holds (`const opts = cond ? {...} : {...}` then `opts`), else the range itself. */
export function heldOrWritten(a: CodeAnalyzer, first: number, end: number): [number, number] {
  const held = heldExpression(a, first, end);
  return held && held[0] >= 0 ? held : [first, end];
}

/**
 * A branch that is one literal: an object or array literal, a string, or an environment read (a URL whose scheme the
 * code does not show); an empty range for `undefined` and its like; undefined for anything else.
 */
function literalBranch(a: CodeAnalyzer, first: number, end: number): Branch | undefined {
  const [from, whole] = unwrapped(a, first, end);
  if ((a.is(from, '{') || a.is(from, '[')) && a.partner[from] === whole - 1) {
    return [from, whole];
  }
  if (whole === from + 1 && (a.isString(from) || NO_OPTIONS.has(a.tokens.text(from)))) {
    return a.isString(from) ? [from, whole] : [from, from];
  }
  // `process.env.REDIS_URL!`: TypeScript's non-null assertion changes nothing.
  const to = a.is(whole - 1, '!') && whole - 1 > from ? whole - 1 : whole;
  return environmentRead(a, from, to) !== undefined ? [from, to] : undefined;
}

/**
 * The branches of a JavaScript conditional written at [first, end) or held by a name bound once to one, or of the
 * options a same-file helper called without arguments returns by a condition: each branch's range (see `Branch`);
 * undefined unless every branch is such a literal.
 */
export function literalBranches(a: CodeAnalyzer, first: number, end: number): Branch[] | undefined {
  if (a.language.family !== 'js') {
    return undefined;
  }
  const [from, to] = heldOrWritten(a, first, end);
  return conditionalBranches(a, from, to) ?? returnedBranches(a, from, to);
}

/** The branches of `c ? x : y` written at [first, end) when each is an object or array literal or gives nothing. */
export function writtenObjectBranches(a: CodeAnalyzer, first: number, end: number): Branch[] | undefined {
  const branches = a.language.family === 'js' ? conditionalBranches(a, first, end) : undefined;
  return branches?.every(([start, stop]) => stop === start || a.is(start, '{') || a.is(start, '[')) && branches.some(([start, stop]) => stop > start) ? branches : undefined;
}

/** The branches of `c ? x : y` at [first, end) when both are literals. */
function conditionalBranches(a: CodeAnalyzer, first: number, end: number): Branch[] | undefined {
  const parts = conditionalParts(a, first, end);
  const branches = parts.map(([start, stop]) => literalBranch(a, start, stop));
  return parts.length === 2 && branches.every((branch) => branch !== undefined) ? (branches as Branch[]) : undefined;
}

/** How many `return`s of a helper are read. */
const MAX_RETURNS = 8;

/**
 * `redisOptions()` at [first, end), a same-file function called without arguments whose `return`s pick the options
 * (`if (prod) return { host, tls: {} }; return { host: 'localhost' }`, or `return prod ? {...} : {...}`): the literal
 * each returns, or each branch of the condition it returns; undefined for one return alone or any other return.
 */
function returnedBranches(a: CodeAnalyzer, first: number, end: number): Branch[] | undefined {
  if (end !== first + 3 || !a.isId(first) || a.isAccess(first - 1) || !a.is(first + 1, '(') || a.partner[first + 1] !== first + 2) {
    return undefined;
  }
  const fn = a.lookup(a.tokens.text(first), first);
  const starts = fn?.t === 'function' ? a.returnStarts(fn) : [];
  if (starts.length === 0 || starts.length > MAX_RETURNS) {
    return undefined;
  }
  const branches: Branch[] = [];
  for (const start of starts) {
    const stop = expressionEnd(a, start);
    const one = literalBranch(a, start, stop);
    const each = one === undefined ? conditionalBranches(a, start, stop) : [one];
    if (!each) {
      return undefined;
    }
    branches.push(...each);
  }
  return branches.length > 1 ? branches : undefined;
}

/**
 * The object literals a spread of a parenthesized condition lends, `...(isProd && { tls: {} })` or
 * `...(useTls ? { tls: {} } : {})` with `open` its `(`: each branch's `{`, none for a branch that gives nothing;
 * undefined when a branch is anything else.
 */
export function spreadBranchObjects(a: CodeAnalyzer, open: number): number[] | undefined {
  const close = a.partner[open];
  if (a.language.family !== 'js' || !a.is(open, '(') || close <= open) {
    return undefined;
  }
  const [from, to] = unwrapped(a, open, close + 1);
  const branches = literalBranches(a, from, to) ?? andBranch(a, from, to);
  const objects = branches?.filter(([start, end]) => end > start);
  return objects?.every(([start]) => a.is(start, '{')) ? objects.map(([start]) => start) : undefined;
}

/** `cond && { ... }`: the object is the branch taken when the condition holds; otherwise nothing is spread. */
function andBranch(a: CodeAnalyzer, first: number, end: number): Branch[] | undefined {
  let and = -1;
  for (let k = first; k < end; k = a.skipGroup(k)) {
    if (a.is(k, '&&')) {
      and = k;
    } else if (a.is(k, '||') || a.is(k, '??') || a.is(k, '?')) {
      return undefined;
    }
  }
  const branch = and > first ? literalBranch(a, and + 1, end) : undefined;
  return branch && a.is(branch[0], '{') ? [branch] : undefined;
}
