/**
 * An SDK for JavaScript v2 operation given a callback and then `.promise()` (`await doc.put(params, (err, data)
 * => {...}).promise()`). The callback sends the request, and `promise()` "immediately starts the service call"
 * again (developer guide, Using JavaScript Promises), although a request "should only be sent once" (API
 * reference, AWS.Request): every such call is made twice, a write written twice, a read billed twice. Also where
 * a same-file helper returns the request with its callback and the caller promises it (`put(params).promise()`).
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { passThroughCallSites } from './passThroughReads';
import { writtenFunction } from './v2Callbacks';

/** The `promise` tokens of the file's operations called with a callback written in place and then promised, there or by a helper's caller. */
export function callbackAndPromise(a: CodeAnalyzer): number[] {
  if (a.language.family !== 'js') {
    return [];
  }
  const found: number[] = [];
  for (const operation of a.operations) {
    const open = operation.tokenIndex + 1;
    const close = a.is(open, '(') ? a.partner[open] : -1;
    const args = close > open ? segments(a, open) : [];
    if (args.length < 2 || !writtenFunction(a, ...args[args.length - 1])) {
      continue;
    }
    if (promisedAfter(a, close)) {
      found.push(close + 2);
      continue;
    }
    // A helper that returns the request it gave a callback (`const put = (p) => doc.put(p, (err, data) => log(err, data))`):
    // each call of it the caller then promises (`await put(item).promise()`) sends it twice.
    for (const site of passThroughCallSites(a, operation.tokenIndex)) {
      const siteClose = a.partner[site + 1];
      if (siteClose > site && promisedAfter(a, siteClose)) {
        found.push(siteClose + 2);
      }
    }
  }
  return found;
}

/** Whether `.promise()` follows the call that closes at `close`. */
function promisedAfter(a: CodeAnalyzer, close: number): boolean {
  return a.is(close + 1, '.') && a.idIs(close + 2, 'promise') && a.is(close + 3, '(') && a.is(close + 4, ')');
}
