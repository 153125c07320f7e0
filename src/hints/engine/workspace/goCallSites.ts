/**
 * The calls a Go file makes of functions of its own package or of other packages inside a loop or function
 * that pages a DynamoDB read (`for { out, err := awswrapper.DynamoDBScan(ctx, input); …; input.ExclusiveStartKey = out.LastEvaluatedKey }`),
 * for the workspace model: a wrapper that sends a Scan or Query with its caller's input and returns the
 * output leaves the paging to such a caller. Only a file that names `LastEvaluatedKey` or
 * `ExclusiveStartKey` is lexed, with the analyzer's own scopes and pagination markers, so that a call counts
 * here exactly where it would count as paging in the caller's file.
 */
import { onNonClient } from '../code/languages/goCallers';
import { markerScopes } from '../code/pagination';
import type { ScopeInfo } from '../model';
import { boundGoFile } from './goBoundFiles';
import { GoCallRef } from './types';

/** The field names of a paging loop in the Go SDKs (v1 and v2): a file without either pages nothing. */
const PAGING_FIELDS = /LastEvaluatedKey|ExclusiveStartKey/;
/** The fields of a batch's output that hold what it left undone: a file without either retries no batch. */
const UNPROCESSED_FIELDS = /Unprocessed(?:Keys|Items)/;
/** Calls recorded per file: far more than a file makes inside its paging loops. */
const MAX_CALLS = 64;
/** Go's predeclared functions and types, which a call of an unbound name may be and no package declares. */
const PREDECLARED = new Set([
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
  'any', 'bool', 'byte', 'error', 'rune', 'string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64',
]);

/** Whether a Go file may page a DynamoDB read, from its text alone. */
export function mayPage(text: string): boolean {
  return PAGING_FIELDS.test(text);
}

/** Whether a Go file may retry what a batch left unprocessed, from its text alone. */
export function mayRetryBatches(text: string): boolean {
  return UNPROCESSED_FIELDS.test(text);
}

/**
 * Calls inside a paging loop or function: `pkg.Name(...)` of a package the file imports (`imports`: the name
 * the file uses to its import path), `Name(...)` of a name the file does not bind (a function of another
 * file of its package), and `x.Name(...)` on a value that is no SDK client (path `.`: a method of any type,
 * such as an interface's). A local that hides the import's name makes no call of the package.
 */
export function pagingCalls(text: string, imports: ReadonlyMap<string, string>): GoCallRef[] {
  return callsWhere(text, imports, (markers, i) => markers.hasPaginationMarker(i));
}

/**
 * The same calls inside a loop or function that reads a batch's `UnprocessedKeys` or `UnprocessedItems` (as the
 * caller's file reads them for its own batches): a wrapper that returns a batch's output leaves its retry to such a caller.
 */
export function retryingCalls(text: string, imports: ReadonlyMap<string, string>): GoCallRef[] {
  return callsWhere(text, imports, (markers, i) => markers.hasUnprocessedMarker(i));
}

function callsWhere(text: string, imports: ReadonlyMap<string, string>, marked: (markers: ScopeInfo, i: number) => boolean): GoCallRef[] {
  const a = boundGoFile(text);
  const markers = markerScopes(a);
  const calls: GoCallRef[] = [];
  const seen = new Set<string>();
  for (let i = 1; i + 1 < a.tokens.length && calls.length < MAX_CALLS; i++) {
    if (!a.isId(i) || !a.is(i + 1, '(') || a.idIs(i - 1, 'func')) {
      continue;
    }
    const name = a.tokens.text(i);
    let path: string | undefined;
    if (a.is(i - 1, '.')) {
      const alias = a.id(i - 2);
      const qualified = alias !== undefined && !a.isAccess(i - 3) && a.scopes.lookup(alias, i - 2) === undefined;
      path = qualified ? imports.get(alias) : onNonClient(a, i) ? '.' : undefined;
    } else if (!PREDECLARED.has(name) && a.scopes.lookup(name, i) === undefined) {
      path = '';
    }
    const key = `${path}\0${name}`;
    if (path !== undefined && !seen.has(key) && marked(markers, i)) {
      seen.add(key);
      calls.push({ path, name });
    }
  }
  return calls;
}
