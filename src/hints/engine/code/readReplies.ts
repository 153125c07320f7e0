/**
 * Where a DynamoDB read's reply goes, for the read-modify-write flow (`readModifyWrite.ts`): a promise's `.then`
 * callback, or the SDK v2's error-first callback (a held command's `send` is `firstItemDialects.ts`'s).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { endsStatement } from './firstItemDialects';
import { chainStart } from './receiverChains';

/**
 * A callback handed the read's response: a promise's `….promise().then((res) => {`, or on the next statement
 * `result.then(function (res) {` after `let result = ….promise();`, or the SDK v2's own last argument
 * `docClient.get(params, (err, data) => {`. Its response parameter and the first token of its body.
 */
export function thenCallback(a: CodeAnalyzer, getName: number): { response: string; body: number } | undefined {
  const command = a.idIs(getName - 1, 'new') && a.is(getName - 2, '(') && a.isId(getName - 3);
  const call = command ? getName - 3 : getName;
  const close = a.is(call + 1, '(') ? a.partner[call + 1] : -1;
  if (close <= call) {
    return undefined;
  }
  const nodeStyle = command ? undefined : errorFirstCallback(a, call + 1);
  if (nodeStyle) {
    return nodeStyle;
  }
  const end = a.isAccess(close + 1) && a.idIs(close + 2, 'promise') && a.is(close + 3, '(') ? a.partner[close + 3] + 1 : close + 1;
  const target = assignedName(a, a.isAccess(call - 1) ? chainStart(a, call - 2) : call);
  const next = a.is(end, ';') ? end + 1 : end;
  let p = -1;
  if (a.isAccess(end) && a.idIs(end + 1, 'then') && a.is(end + 2, '(')) {
    p = end + 3;
  } else if (target !== undefined && endsStatement(a, end) && a.idIs(next, target) && a.isAccess(next + 1) && a.idIs(next + 2, 'then') && a.is(next + 3, '(')) {
    p = next + 4;
  }
  if (p < 0) {
    return undefined;
  }
  p = a.idIs(p, 'async') ? p + 1 : p;
  p = a.idIs(p, 'function') ? p + 1 : p;
  const param = a.is(p, '(') && a.isId(p + 1) && a.is(p + 2, ')') ? p + 1 : a.isId(p) && a.is(p + 1, '=>') ? p : -1;
  const open = param < 0 ? -1 : a.is(param + 1, ')') ? param + 2 : param + 1;
  const brace = a.is(open, '=>') ? open + 1 : open;
  return param >= 0 && a.is(brace, '{') ? { response: a.tokens.text(param), body: brace + 1 } : undefined;
}

/**
 * The SDK v2's callback, the last argument of the call whose `(` is `open`: `(err, data) => {`, `function (err, data) {`
 * (also `async`). The SDK calls it with the error and the response (https://docs.aws.amazon.com/sdk-for-javascript/v2/developer-guide/using-a-callback-function.html).
 */
function errorFirstCallback(a: CodeAnalyzer, open: number): { response: string; body: number } | undefined {
  const parts = segments(a, open);
  if (parts.length < 2) {
    return undefined;
  }
  let p = parts[parts.length - 1][0];
  p = a.idIs(p, 'async') ? p + 1 : p;
  p = a.idIs(p, 'function') ? p + 1 : p;
  if (!a.is(p, '(') || !a.isId(p + 1) || !a.is(p + 2, ',') || !a.isId(p + 3) || !a.is(p + 4, ')')) {
    return undefined;
  }
  const brace = a.is(p + 5, '=>') ? p + 6 : p + 5;
  return a.is(brace, '{') ? { response: a.tokens.text(p + 3), body: brace + 1 } : undefined;
}

/** The name a statement assigns or declares with the expression starting at `start` (`const x =`, `x =`, `let x: T =`), if any. */
export function assignedName(a: CodeAnalyzer, start: number): string | undefined {
  const at = a.idIs(start - 1, 'await') ? start - 1 : start;
  if (!a.is(at - 1, '=')) {
    return undefined;
  }
  let name = at - 2;
  // `const result: GetCommandOutput = …`
  let type = name;
  while (a.isId(type) && a.isAccess(type - 1) && a.isId(type - 2)) {
    type -= 2;
  }
  if (a.language.family === 'js' && a.is(type - 1, ':') && a.isId(type - 2)) {
    name = type - 2;
  }
  const declared = a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var');
  return a.isId(name) && (declared || a.startsLine(name)) ? a.tokens.text(name) : undefined;
}
