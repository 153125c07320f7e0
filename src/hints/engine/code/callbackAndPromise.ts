/**
 * An SDK for JavaScript v2 operation given a callback and then `.promise()` (`await doc.put(params, (err, data)
 * => {...}).promise()`). The callback sends the request, and `promise()` "immediately starts the service call"
 * again (developer guide, Using JavaScript Promises), although a request "should only be sent once" (API
 * reference, AWS.Request): every such call is made twice, a write written twice, a read billed twice.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** The `promise` tokens of the file's operations called with a callback written in place and then promised. */
export function callbackAndPromise(a: CodeAnalyzer): number[] {
  if (a.language.family !== 'js') {
    return [];
  }
  const found: number[] = [];
  for (const operation of a.operations) {
    const open = operation.tokenIndex + 1;
    const close = a.is(open, '(') ? a.partner[open] : -1;
    if (close < 0 || !a.is(close + 1, '.') || !a.idIs(close + 2, 'promise') || !a.is(close + 3, '(') || !a.is(close + 4, ')')) {
      continue;
    }
    const args = segments(a, open);
    if (args.length >= 2 && writtenFunction(a, ...args[args.length - 1])) {
      found.push(close + 2);
    }
  }
  return found;
}

/** Whether the argument `from`..`to` is a function written in place: `function (err, data) {...}`, `(err, data) => ...`, `err => ...`. */
function writtenFunction(a: CodeAnalyzer, from: number, to: number): boolean {
  const start = a.idIs(from, 'async') ? from + 1 : from;
  if (start >= to) {
    return false;
  }
  if (a.idIs(start, 'function')) {
    return true;
  }
  const arrow = a.is(start, '(') ? a.partner[start] + 1 : a.isId(start) ? start + 1 : -1;
  return arrow > start && arrow < to && a.is(arrow, '=>');
}
