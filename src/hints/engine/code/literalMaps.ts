/**
 * Maps written out in the code with a string for every key: JavaScript objects (also inside `marshall(...)`),
 * Python dicts and `dict(k=v)`, Java `Map.of` / `Map.ofEntries`, Go `map[K]V{...}`, C# collection
 * initializers. A spread, a computed or variable key, or any other shape is not literal: undefined.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';

export interface MapEntry {
  key: string;
  /** The token that writes the key. */
  keyToken: number;
  /** The value's tokens, [start, end). */
  valueStart: number;
  valueEnd: number;
}

function stringKey(a: CodeAnalyzer, token: number): boolean {
  return a.isString(token) && !a.tokens.interpolated(token);
}

/** The entries of the map the tokens [from, to) write, or undefined when it is not written literally. */
export function literalMap(a: CodeAnalyzer, from: number, to: number): MapEntry[] | undefined {
  const family = a.language.family;
  if (a.is(from, '{') && a.partner[from] === to - 1) {
    return family === 'js' || family === 'python' ? braceEntries(a, from, family === 'js') : undefined;
  }
  const call = a.is(from + 1, '(') && a.partner[from + 1] === to - 1;
  if (family === 'js' && call && a.idIs(from, 'marshall')) {
    const first = segments(a, from + 1)[0];
    return first ? literalMap(a, first[0], first[1]) : undefined;
  }
  if (family === 'python' && call && a.idIs(from, 'dict')) {
    return keywordEntries(a, from + 1);
  }
  if (family === 'java' && a.idIs(from, 'Map') && a.is(from + 1, '.') && a.is(from + 3, '(') && a.partner[from + 3] === to - 1) {
    return a.idIs(from + 2, 'of') ? pairArguments(a, from + 3) : a.idIs(from + 2, 'ofEntries') ? entryArguments(a, from + 3) : undefined;
  }
  if ((family === 'go' && a.idIs(from, 'map') && a.is(from + 1, '[')) || (family === 'csharp' && a.idIs(from, 'new'))) {
    // The initializer braces close the range: `map[string]string{...}`, `new Dictionary<string, string>() {...}`.
    const open = a.partner[to - 1];
    if (!a.is(to - 1, '}') || open <= from || a.parent[open] !== a.parent[from]) {
      return undefined;
    }
    return family === 'go' ? braceEntries(a, open, false) : initializerEntries(a, open);
  }
  return undefined;
}

/** `{ 'k': v, k: v, k }`: identifier keys and shorthand only in JavaScript (elsewhere they are variables). */
function braceEntries(a: CodeAnalyzer, open: number, identifierKeys: boolean): MapEntry[] | undefined {
  const entries: MapEntry[] = [];
  for (const [start, end] of segments(a, open)) {
    const named = stringKey(a, start) || (identifierKeys && a.isId(start));
    if (named && a.is(start + 1, ':') && end > start + 2) {
      entries.push({ key: a.tokens.text(start), keyToken: start, valueStart: start + 2, valueEnd: end });
    } else if (identifierKeys && a.isId(start) && end === start + 1) {
      entries.push({ key: a.tokens.text(start), keyToken: start, valueStart: start, valueEnd: end });
    } else {
      return undefined;
    }
  }
  return entries;
}

/** Python `dict(k=v, ...)`. */
function keywordEntries(a: CodeAnalyzer, open: number): MapEntry[] | undefined {
  const entries: MapEntry[] = [];
  for (const [start, end] of segments(a, open)) {
    if (!a.isId(start) || !a.is(start + 1, '=') || end <= start + 2) {
      return undefined;
    }
    entries.push({ key: a.tokens.text(start), keyToken: start, valueStart: start + 2, valueEnd: end });
  }
  return entries;
}

/** Java `Map.of("k", v, "k2", v2)`. */
function pairArguments(a: CodeAnalyzer, open: number): MapEntry[] | undefined {
  const parts = segments(a, open);
  if (parts.length % 2 !== 0) {
    return undefined;
  }
  const entries: MapEntry[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const [keyStart, keyEnd] = parts[k];
    if (keyEnd !== keyStart + 1 || !stringKey(a, keyStart)) {
      return undefined;
    }
    entries.push({ key: a.tokens.text(keyStart), keyToken: keyStart, valueStart: parts[k + 1][0], valueEnd: parts[k + 1][1] });
  }
  return entries;
}

/** Java `Map.ofEntries(Map.entry("k", v), entry("k2", v2))`. */
function entryArguments(a: CodeAnalyzer, open: number): MapEntry[] | undefined {
  const entries: MapEntry[] = [];
  for (const [start, end] of segments(a, open)) {
    const call = a.idIs(start, 'Map') && a.is(start + 1, '.') ? start + 2 : start;
    if (!a.idIs(call, 'entry') || !a.is(call + 1, '(') || a.partner[call + 1] !== end - 1) {
      return undefined;
    }
    const pair = pairArguments(a, call + 1);
    if (!pair || pair.length !== 1) {
      return undefined;
    }
    entries.push(pair[0]);
  }
  return entries;
}

/** C# `{ { "k", v }, ["k2"] = v2 }`. */
function initializerEntries(a: CodeAnalyzer, open: number): MapEntry[] | undefined {
  const entries: MapEntry[] = [];
  for (const [start, end] of segments(a, open)) {
    if (a.is(start, '{') && a.partner[start] === end - 1) {
      const pair = segments(a, start);
      if (pair.length !== 2 || pair[0][1] !== pair[0][0] + 1 || !stringKey(a, pair[0][0])) {
        return undefined;
      }
      entries.push({ key: a.tokens.text(pair[0][0]), keyToken: pair[0][0], valueStart: pair[1][0], valueEnd: pair[1][1] });
    } else if (a.is(start, '[') && stringKey(a, start + 1) && a.is(start + 2, ']') && a.is(start + 3, '=') && end > start + 4) {
      entries.push({ key: a.tokens.text(start + 1), keyToken: start + 1, valueStart: start + 4, valueEnd: end });
    } else {
      return undefined;
    }
  }
  return entries;
}
