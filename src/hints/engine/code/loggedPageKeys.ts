/**
 * A page key read only to be logged through a local: the whole of an assignment's right side
 * (`last_key = response['LastEvaluatedKey']`, `const next = out.LastEvaluatedKey;`, `.get("LastEvaluatedKey")`)
 * whose name the rest of the function reads only inside log calls (`print(f'Last Key: {last_key}')`). Nothing
 * continues from the key, so the read stays one page. Read beside `onlyLogged` (`unprocessedLogged.ts`), which
 * finds the key written in the log call itself.
 */
import type { CodeAnalyzer } from './analyzer';
import { chainStart } from './receiverChains';
import { onlyLogged } from './unprocessedLogged';

/** Tokens of the function read after the assignment for the local's uses: a function that reads a page is short. */
const MAX_USE_TOKENS = 4000;

/** Whether the page-key marker at `marker` is assigned whole to a local that the function then reads only in log calls. */
export function loggedThroughLocal(a: CodeAnalyzer, marker: number): boolean {
  const end = accessEnd(a, marker);
  const start = end < 0 ? -1 : chainStart(a, end);
  const name = start >= 2 && a.is(start - 1, '=') && a.isId(start - 2) && !a.isAccess(start - 3) ? start - 2 : -1;
  if (name < 0 || !startsStatement(a, name) || !endsStatement(a, end)) {
    return false;
  }
  const fn = a.scopes.enclosing(marker, ['function']);
  if (fn <= 0) {
    return false;
  }
  const local = a.tokens.text(name);
  const [, fnEnd] = a.scopes.range(fn);
  let uses = 0;
  for (let k = end + 1; k < fnEnd && k < end + MAX_USE_TOKENS; k++) {
    const read = a.isId(k) ? a.tokens.text(k) === local && !a.isAccess(k - 1) : a.isString(k) && mentions(a.tokens.text(k), local);
    if (!read) {
      continue;
    }
    // Bound again, or read anywhere but a log call: the key may be used.
    if ((a.isId(k) && a.is(k + 1, '=')) || !onlyLogged(a, k)) {
      return false;
    }
    uses++;
  }
  return uses > 0;
}

/**
 * The last token of the access that holds the marker: `x.LastEvaluatedKey` (the name), `x['LastEvaluatedKey']` (its
 * `]`), `x.get('LastEvaluatedKey')` (its `)`); -1 for any other place.
 */
function accessEnd(a: CodeAnalyzer, marker: number): number {
  if (a.isId(marker)) {
    return a.isAccess(marker - 1) ? marker : -1;
  }
  const open = a.parent[marker];
  const close = open >= 0 ? a.partner[open] : -1;
  if (close !== marker + 1 || open !== marker - 1) {
    return -1;
  }
  if (a.is(open, '[')) {
    return close;
  }
  return a.is(open, '(') && a.idIs(open - 1, 'get') && a.isAccess(open - 2) ? close : -1;
}

/** Whether the assigned name starts its statement, after an optional `const`, `let` or `var`. */
function startsStatement(a: CodeAnalyzer, name: number): boolean {
  const first = a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var') ? name - 1 : name;
  return a.startsLine(first) || a.is(first - 1, ';') || a.is(first - 1, '{');
}

/** Whether the access ending at `end` ends its statement: a `;`, a new line or the block's end follows. */
function endsStatement(a: CodeAnalyzer, end: number): boolean {
  const next = end + 1;
  return next >= a.tokens.length || a.is(next, ';') || a.is(next, '}') || a.startsLine(next);
}

/** Whether a string's text (an f-string's or template's) names `local` as a whole word. */
function mentions(text: string, local: string): boolean {
  for (let at = text.indexOf(local); at >= 0; at = text.indexOf(local, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    const after = at + local.length < text.length ? text.charCodeAt(at + local.length) : 0;
    if (!isWordChar(before) && !isWordChar(after)) {
      return true;
    }
  }
  return false;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}
