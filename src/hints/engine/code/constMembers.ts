/**
 * JavaScript and TypeScript option values read from a settings object written in the same file:
 * `password: config.password` where `const config = { host: '127.0.0.1', password: undefined }`, also a member of
 * an object it nests (`publiclyAccessible: config.database.public`, a CDK app's settings by concern). The value is
 * the member's value as written there, so a password that is `undefined` sends none and a host that is
 * `localhost` is local. Only a `const` bound to an object literal whose every other use in the file reads a
 * member (`config.x`, never `config.x = ...`, `config.x.y = ...`, `config[k]`, `{ ...config }`, `f(config)`) is
 * read: anything that could change a member keeps the value unknown (precision first).
 */
import { bindsWholeExpression } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { assignmentAt } from './assignments';
import { FileMemo } from './fileMemo';
import { literalMap, MapEntry } from './literalMaps';
import { bindingAt } from './names';

/** How many members deep a chain is read (`config.database.public` is two). */
const MAX_MEMBERS = 3;

/** Per file and binding token, the members of the object when it is never changed, or null. */
const objects = new FileMemo<number, MapEntry[] | null>();

/**
 * The tokens [from, to) of the value `name.member` (tokens [start, end)) reads from a `const` object literal
 * of the file, or undefined when the expression is not of that shape or the object may change.
 */
export function constMemberValue(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  if (a.language.family !== 'js' || !memberChain(a, start, end) || a.is(start - 1, '.')) {
    return undefined;
  }
  const binding = bindingAt(a, start, start + 1);
  if (!binding || !bindsWholeExpression(binding) || !a.idIs(binding.token - 1, 'const')) {
    return undefined;
  }
  let entries: readonly MapEntry[] | undefined = objects.get(a, binding.token, () => unchangedObject(a, binding.token, binding.expression)) ?? undefined;
  for (let k = start + 2; entries; k += 2) {
    const member = a.tokens.text(k);
    const entry: MapEntry | undefined = entries.find((e) => e.key === member && e.valueStart !== e.keyToken);
    if (!entry || k + 2 >= end) {
      return entry && [entry.valueStart, entry.valueEnd];
    }
    // A nested object literal holds the next member.
    entries = a.is(entry.valueStart, '{') ? literalMap(a, entry.valueStart, entry.valueEnd) : undefined;
  }
  return undefined;
}

/** `name.member`, or a chain of up to MAX_MEMBERS members (`config.database.public`), in tokens [start, end). */
function memberChain(a: CodeAnalyzer, start: number, end: number): boolean {
  const members = (end - start - 1) / 2;
  if (!Number.isInteger(members) || members < 1 || members > MAX_MEMBERS || !a.isId(start)) {
    return false;
  }
  for (let k = start + 1; k < end; k += 2) {
    if (!a.is(k, '.') || !a.isId(k + 1)) {
      return false;
    }
  }
  return true;
}

function unchangedObject(a: CodeAnalyzer, nameToken: number, open: number): MapEntry[] | null {
  if (!a.is(open, '{') || a.partner[open] <= open) {
    return null;
  }
  const entries = literalMap(a, open, a.partner[open] + 1);
  if (!entries) {
    return null;
  }
  const name = a.tokens.text(nameToken);
  for (let k = 0; k < a.tokens.length; k++) {
    if (k === nameToken || !a.idIs(k, name) || a.is(k - 1, '.')) {
      continue;
    }
    // Another `config` of the file (a key `config:` or a shorthand member also reads as one: precision first).
    if (!a.is(k + 1, '.') || !a.isId(k + 2) || assignmentAt(a, k + 3) > 0 || a.is(k + 3, '(')) {
      return null;
    }
    // A nested member written (`config.database.public = true`).
    let last = k + 2;
    while (a.is(last + 1, '.') && a.isId(last + 2)) {
      last += 2;
    }
    if (last > k + 2 && assignmentAt(a, last + 1) > 0) {
      return null;
    }
  }
  return entries;
}
