/**
 * A service's own methods that hand back what a repository read, for read-modify-write through repositories
 * (`classItemHelperCalls.ts`): a Spring or ASP.NET Core service often reads through a small getter of its own
 * that throws when the object is missing,
 *
 *     Stock getStock(String id) { return stocks.findById(id).orElseThrow(() -> new NotFound(id)); }
 *
 * and its other methods call `Stock stock = getStock(id);`, change it and hand it to `stocks.save(stock)`. A
 * method is such a getter when its one `return` hands back a repository read as `readerAt` reads it (the call,
 * unwrapped where the repository wraps the object in an `Optional`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { functionName } from '../helperFunctions';

/** A repository read: its receiver as written, the receiver's class, the object's class, the mapper's table, and the token after the call. */
export interface ReaderCall {
  receiver: { text: string; type: string; start: number };
  reads: { table: string; type: string };
  end: number;
}

/** Tokens from a getter's `return` to its read's method name. */
const RETURN_REACH = 12;
/** The longest getter body read: a getter is short, and a bound keeps nested functions from being read many times. */
const MAX_GETTER_TOKENS = 200;

/** The file's getters (see the module's comment) by method name, with the read each returns; a name declared twice is left out. */
export function localReaders(a: CodeAnalyzer, readerAt: (k: number) => ReaderCall | undefined): Map<string, ReaderCall> {
  const found = new Map<string, ReaderCall | null>();
  a.functions.forEach((fn, scope) => {
    const at = fn.body >= 0 && a.partner[fn.body] - fn.body <= MAX_GETTER_TOKENS ? functionName(a, fn) : -1;
    const read = at >= 0 ? onlyReturnedRead(a, scope, fn.body, readerAt) : undefined;
    if (at >= 0) {
      const name = a.tokens.text(at);
      found.set(name, found.has(name) || !read ? null : read);
    }
  });
  const readers = new Map<string, ReaderCall>();
  found.forEach((read, name) => read && readers.set(name, read));
  return readers;
}

/** The read the function's one `return` hands back, whole (`return stocks.find(id);`); undefined for any other body. */
function onlyReturnedRead(a: CodeAnalyzer, scope: number, body: number, readerAt: (k: number) => ReaderCall | undefined): ReaderCall | undefined {
  const close = a.partner[body];
  let returned: ReaderCall | undefined;
  for (let r = body + 1; r < close; r++) {
    if (!a.idIs(r, 'return') || a.scopes.enclosing(r, ['function']) !== scope) {
      continue;
    }
    if (returned) {
      return undefined;
    }
    const k = readNameAfter(a, r);
    const read = k >= 0 ? readerAt(k) : undefined;
    if (!read || read.receiver.start !== r + 1 || !a.is(read.end, ';')) {
      return undefined;
    }
    returned = read;
  }
  return returned;
}

/** The name token of the first call after `return` (`return this.stocks.find(id)`: `find`), or -1. */
function readNameAfter(a: CodeAnalyzer, r: number): number {
  for (let k = r + 1; k < r + RETURN_REACH && k < a.tokens.length; k++) {
    if (a.is(k, '(')) {
      return a.isId(k - 1) && a.isAccess(k - 2) ? k - 1 : -1;
    }
    if (!a.isId(k) && !a.isAccess(k)) {
      return -1;
    }
  }
  return -1;
}
