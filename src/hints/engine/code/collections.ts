/**
 * Elements read from a collection of clients that the file writes out: `sessions[region]` or, in Python,
 * `sessions.get(region)`, where `sessions` is bound to a comprehension
 * (`{r: boto3.session.Session(region_name=r) for r in REGIONS}`) or to a list or dict literal whose every
 * element is the same kind of client. Any other element leaves the lookup unknown.
 */
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { Value } from './values';

/** Per binding of a collection, its element, read once (null: none, or being read). */
const elementOfBinding = new FileMemo<Binding<Value>, Value | null>();

/** The element that the lookup right after the name at `token` reads, and the token after the lookup. */
export function collectionElement(a: CodeAnalyzer, name: string, token: number, limit: number): { value: Value; end: number } | undefined {
  const next = token + 1;
  let end: number;
  if (a.is(next, '[') && a.partner[next] > next) {
    end = a.partner[next] + 1;
  } else if (a.language.family === 'python' && a.isAccess(next) && a.idIs(next + 1, 'get') && a.is(next + 2, '(') && a.partner[next + 2] > next) {
    end = a.partner[next + 2] + 1;
  } else {
    return undefined;
  }
  const binding = a.scopes.lookup(name, token);
  if (end > limit || !binding || binding.expression < 0 || binding.element) {
    return undefined;
  }
  const value = elementOfBinding.get(a, binding, () => {
    elementOfBinding.set(a, binding, null);
    return elementOf(a, binding.expression) ?? null;
  });
  return value ? { value, end } : undefined;
}

/** The element of the collection written at `open`: a comprehension's element, or the one client every element of a literal is. */
function elementOf(a: CodeAnalyzer, open: number): Value | undefined {
  const dict = a.is(open, '{');
  if ((!dict && !a.is(open, '[')) || a.partner[open] < 0) {
    return undefined;
  }
  const parts = segments(a, open);
  const comprehension = a.language.family === 'python' && parts.length === 1 ? forOf(a, parts[0]) : -1;
  if (comprehension >= 0) {
    return elementValue(a, [parts[0][0], comprehension], dict);
  }
  let found: (Value & { t: 'client' }) | undefined;
  for (const part of parts) {
    const value = elementValue(a, part, dict);
    if (value?.t !== 'client' || (found && found.kind !== value.kind)) {
      return undefined;
    }
    found ??= value;
  }
  return found;
}

/** The `for` of a comprehension at the top level of an element, or -1. */
function forOf(a: CodeAnalyzer, [start, end]: [number, number]): number {
  for (let k = start; k < end; k = a.skipGroup(k)) {
    if (a.idIs(k, 'for')) {
      return k;
    }
  }
  return -1;
}

/** The value of one element: the whole of it in a list, what follows its top-level `:` in a dict. */
function elementValue(a: CodeAnalyzer, [start, end]: [number, number], dict: boolean): Value | undefined {
  let from = start;
  if (dict) {
    while (from < end && !a.is(from, ':')) {
      from = a.skipGroup(from);
    }
    from++;
  }
  if (from >= end) {
    return undefined;
  }
  const chain = a.evalChain(from, end);
  return chain.end === end ? chain.value : undefined;
}
