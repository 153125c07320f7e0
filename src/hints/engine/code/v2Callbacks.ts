/**
 * The SDK for JavaScript v2's callback form of an operation: `client.query(params, function (err, data) {...})`
 * or `client.query(params, (err, data) => ...)`. The request is the first argument either way, and the call
 * still returns the `AWS.Request`, so a helper written `(params) => client.query(params, log)` hands its caller
 * the same request as `(params) => client.query(params)` does.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

/** Whether the argument `from`..`to` is a function written in place: `function (err, data) {...}`, `(err, data) => ...`, `err => ...`. */
export function writtenFunction(a: CodeAnalyzer, from: number, to: number): boolean {
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

/**
 * The token of the one name a call passes as its request (`(params)`, or `(params, callback)` with the callback
 * written in place), its `(` at `open`; -1 for any other argument list.
 */
export function requestNameArgument(a: CodeAnalyzer, open: number): number {
  const close = a.partner[open];
  const argument = open + 1;
  if (close < 0 || !a.isId(argument)) {
    return -1;
  }
  if (close === argument + 1) {
    return argument;
  }
  if (!a.is(argument + 1, ',')) {
    return -1;
  }
  const args = segments(a, open);
  return args.length === 2 && writtenFunction(a, ...args[1]) ? argument : -1;
}
