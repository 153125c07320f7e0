/**
 * The declared results of the file's Go functions and methods, for the names after the first of a short
 * declaration (`cn, cnDax, skip := d.connections()` with `func (d *DB) connections() (*dynamodb.DynamoDB, *dax.Dax, bool)`):
 * the first name takes the call's value as Go factories return `(client, error)`; a later one takes the type its
 * position declares, so a second client handed out beside the first is read too.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { FileMemo } from '../fileMemo';
import { signatureOf } from './goCallers';
import type { FunctionScope } from '../language';

/** By function or method name: where each declared result's type starts; null where the name is declared twice. */
const resultTypes = new FileMemo<'results', ReadonlyMap<string, readonly number[] | null>>();

/**
 * `a, b := f(...)` or `a, b := x.y.f(...)` from `start` to the end of the statement: where the type of result `index`
 * of the file's one function or method named `f` starts, or -1.
 */
export function declaredResultType(a: CodeAnalyzer, start: number, index: number): number {
  let k = start;
  while (a.isId(k) && a.isAccess(k + 1)) {
    k += 2;
  }
  const open = k + 1;
  if (!a.isId(k) || !a.is(open, '(') || a.partner[open] < 0 || !endsStatement(a, a.partner[open] + 1)) {
    return -1;
  }
  const types = resultTypes.get(a, 'results', () => declaredResults(a)).get(a.tokens.text(k));
  return types?.[index] ?? -1;
}

/**
 * Where the first declared result type of a Go function or method starts (`*dynamodb.DynamoDB` of
 * `func client() *dynamodb.DynamoDB`, `*redis.Client` of `(*redis.Client, error)`), or -1: what a call gives where
 * its `return` hides the type (`holder.Get().(*dynamodb.DynamoDB)`).
 */
export function firstResultType(a: CodeAnalyzer, fn: FunctionScope): number {
  const signature = signatureOf(a, fn);
  const after = signature && a.partner[signature.params] > 0 ? a.partner[signature.params] + 1 : -1;
  if (after < 0 || a.is(after, '{')) {
    return -1;
  }
  return a.is(after, '(') ? (typeStarts(a, after)[0] ?? -1) : after;
}

function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.startsLine(k) || a.is(k, '}') || a.is(k, ';');
}

function declaredResults(a: CodeAnalyzer): ReadonlyMap<string, readonly number[] | null> {
  const found = new Map<string, readonly number[] | null>();
  for (const fn of a.functions.values()) {
    const signature = signatureOf(a, fn);
    const close = signature ? a.partner[signature.params] : -1;
    if (!signature || close < 0 || !a.is(close + 1, '(')) {
      continue;
    }
    const name = a.tokens.text(signature.name);
    found.set(name, found.has(name) ? null : typeStarts(a, close + 1));
  }
  return found;
}

/**
 * `(*dynamodb.Client, error)` or `(cn *dynamodb.Client, cnDax *dax.Dax, ok bool)`, also `(a, b *T)`: where each
 * result's type starts. Go's results are all named or none; a name is an identifier that no `.` follows.
 */
function typeStarts(a: CodeAnalyzer, open: number): number[] {
  const parts = segments(a, open);
  const named = parts.some(([start, end]) => end - start > 1 && a.isId(start) && !a.is(start + 1, '.'));
  const starts: number[] = [];
  let pending = 0;
  for (const [start, end] of parts) {
    if (!named) {
      starts.push(start);
    } else if (end - start === 1) {
      pending++;
    } else {
      for (let n = 0; n <= pending; n++) {
        starts.push(start + 1);
      }
      pending = 0;
    }
  }
  return starts;
}
