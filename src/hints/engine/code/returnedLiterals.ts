/**
 * A request an argument builds through a same-file function that returns it written out: `query(params(userid))`
 * with `const params = (userid) => ({ TableName: ..., KeyConditionExpression: ... })`, or `queryDynamoDB(initial)`
 * after `const initial = createParams(date, category)` with `function createParams(...) { return {...}; }`.
 */
import type { CodeAnalyzer } from './analyzer';

/**
 * The `{` of the object literal that the argument from `from` up to `end` (its `,` or the call's `)`) builds: a
 * call of a same-file function whose first return (or concise body) is that literal, or a `const` that holds such
 * a call; -1 otherwise.
 */
export function literalBuiltBy(a: CodeAnalyzer, from: number, end: number): number {
  if (!a.isId(from) || (from > 0 && a.isAccess(from - 1))) {
    return -1;
  }
  if (end === from + 1) {
    const binding = a.scopes.lookup(a.tokens.text(from), from);
    const call = binding && binding.expression > binding.token && a.idIs(binding.token - 1, 'const') ? binding.expression : -1;
    return call >= 0 && a.is(call + 1, '(') && endsStatement(a, a.partner[call + 1] + 1) ? returnedLiteral(a, call) : -1;
  }
  return a.is(from + 1, '(') && a.partner[from + 1] + 1 === end ? returnedLiteral(a, from) : -1;
}

/** The literal the function called at `name` returns first: `=> ({...})` or `return {...};`; -1 for anything else. */
function returnedLiteral(a: CodeAnalyzer, name: number): number {
  const fn = a.lookup(a.tokens.text(name), name);
  const start = fn?.t === 'function' ? a.returnStarts(fn)[0] : undefined;
  if (start === undefined) {
    return -1;
  }
  if (a.is(start, '(') && a.is(start + 1, '{') && a.partner[start + 1] + 1 === a.partner[start]) {
    return start + 1;
  }
  return a.is(start, '{') && a.partner[start] > start && endsStatement(a, a.partner[start] + 1) ? start : -1;
}

/** Whether an expression ends before `k`: at a `;`, a `}`, the end of the line or of the file. */
function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.is(k, ';') || a.is(k, '}') || a.startsLine(k);
}
