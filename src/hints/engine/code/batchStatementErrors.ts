/**
 * Whether the code around a `BatchExecuteStatement` call reads the per-statement `Error` of its `Responses`. The
 * call succeeds (HTTP 200) while statements of it fail, each failure told only in its response's `Error` field
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html), as
 * `UnprocessedItems` tells BatchWriteItem's. A call whose result leaves the function (returned, passed on,
 * stored) may be checked where it goes, so it counts as read.
 */
import type { CodeAnalyzer } from './analyzer';

/** Tokens that continue an expression on the next line: the call's statement goes on before them. */
const CONTINUES = new Set(['=', ':=', '(', '[', ',', '.', '?.', 'await', 'return', 'yield', 'new', '&', '*', '=>', ':']);
/** Tokens a call's result may be handed over after: returned, passed as an argument, stored, spread. */
const HANDED_AFTER = new Set(['return', 'yield', '(', ',', '=', ':', '[', '=>', ':=', '{']);

/** Whether the code reads the statements' errors, or hands the call's result to code that may (see the module comment). */
export function readsStatementErrors(a: CodeAnalyzer, tokenIndex: number): boolean {
  const scope = a.scopes.enclosing(tokenIndex, ['function']);
  const [start, end] = scope > 0 ? a.scopes.range(scope) : [0, a.tokens.length];
  if (readsError(a, start, end)) {
    return true;
  }
  const head = statementHead(a, tokenIndex);
  if (handsToCallback(a, head + 1)) {
    return true;
  }
  if (a.is(head, '=') || a.is(head, ':=')) {
    const variable = assignedName(a, head);
    // Go's `_, err := ...` discards the output; a name not read here (`this.out = ...`) goes elsewhere.
    return variable !== '_' && (variable === undefined || handedOver(a, variable, head, end));
  }
  // The result discarded: a statement of its own (after `;`, a brace, or on a line of its own).
  const own = head < 0 || a.is(head, ';') || a.is(head, '{') || a.is(head, '}') || a.lines.lineOf(a.tokens.starts[head]) < a.lines.lineOf(a.tokens.starts[head + 1]);
  return !own;
}

/** `r.Error`, `r?.Error`, `r["Error"]`, `"Error" in r`, Java's `r.error()`; never `new Error(...)` or Go's `err.Error()`. */
function readsError(a: CodeAnalyzer, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    if (a.isString(k) ? a.tokens.text(k) === 'Error' : (a.idIs(k, 'Error') && !a.is(k + 1, '(')) || (a.idIs(k, 'error') && a.isAccess(k - 1) && a.is(k + 1, '(') && a.is(k + 2, ')'))) {
      return true;
    }
  }
  return false;
}

/** Methods that hand a promise's or future's result to a callback: `send(...).then(handle)`, Java's `thenAccept`. */
const CALLBACKS = ['then', 'thenApply', 'thenAccept', 'thenCompose', 'whenComplete', 'subscribe'];

/** Whether the expression from `start` goes on, on its own level, to a callback method (`.then(...)`), which gets the result. */
function handsToCallback(a: CodeAnalyzer, start: number): boolean {
  for (let k = Math.max(start, 0); k < a.tokens.length && !a.is(k, ';'); k = a.skipGroup(k)) {
    const newLine = k > start && a.lines.lineOf(a.tokens.starts[k - 1]) < a.lines.lineOf(a.tokens.starts[k]);
    if ((newLine && !a.isAccess(k)) || (a.partner[k] >= 0 && a.partner[k] < k)) {
      return false;
    }
    if (a.isAccess(k - 1) && a.tokens.isOneOf(k, CALLBACKS) && a.is(k + 1, '(')) {
      return true;
    }
  }
  return false;
}

/** The token before the expression the call at `tokenIndex` is part of: `=`, `return`, `;`, or the last token of the line before. */
function statementHead(a: CodeAnalyzer, tokenIndex: number): number {
  let k = tokenIndex - 1;
  while (k >= 0) {
    if (a.partner[k] >= 0 && a.partner[k] < k) {
      k = a.partner[k] - 1;
      continue;
    }
    const opensAround = a.partner[k] > tokenIndex && (a.is(k, '(') || a.is(k, '['));
    const word = a.isId(k) && !a.tokens.isOneOf(k, ['return', 'yield']);
    if (!opensAround && !word && !a.isAccess(k) && !a.is(k, '&') && !a.is(k, '*')) {
      return k;
    }
    const before = k - 1;
    const newLine = before >= 0 && a.lines.lineOf(a.tokens.starts[before]) < a.lines.lineOf(a.tokens.starts[k]);
    if (newLine && !a.isAccess(k) && !CONTINUES.has(a.tokens.text(before))) {
      return before;
    }
    k = before;
  }
  return -1;
}

/** The name an assignment at `=` sets (`resp = ...`, `const resp = ...`, Go's `out, err := ...`: `out`), or undefined. */
function assignedName(a: CodeAnalyzer, equals: number): string | undefined {
  let k = equals - 1;
  while (a.is(k - 1, ',') && a.isId(k - 2)) {
    k -= 2;
  }
  return a.isId(k) && !a.isAccess(k - 1) ? a.tokens.text(k) : undefined;
}

/**
 * Whether the name is returned, passed or stored after the assignment, rather than only read from: a member
 * read passed as an argument (`console.log(out.Responses.length)`) hands on only the `Responses` list itself.
 */
function handedOver(a: CodeAnalyzer, name: string, from: number, end: number): boolean {
  for (let k = from + 1; k < end; k++) {
    const spread = k >= 3 && a.tokens.isSpread(k - 3);
    if (!a.idIs(k, name) || (!spread && (a.isAccess(k - 1) || !(HANDED_AFTER.has(a.tokens.text(k - 1)) || a.idIs(k - 1, 'return'))))) {
      continue;
    }
    const argument = a.is(k - 1, '(') || a.is(k - 1, ',');
    if (!argument || !a.isAccess(k + 1) || passesResponses(a, k + 2)) {
      return true;
    }
  }
  return false;
}

/** `Responses` or Java's `responses()` at `member`, ending the argument. */
function passesResponses(a: CodeAnalyzer, member: number): boolean {
  const after = a.idIs(member, 'responses') && a.is(member + 1, '(') && a.is(member + 2, ')') ? member + 3 : a.idIs(member, 'Responses') ? member + 1 : -1;
  return after > 0 && (a.is(after, ')') || a.is(after, ','));
}
