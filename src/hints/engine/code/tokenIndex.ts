/**
 * Identifier tokens by name, for the passes that look a name's uses up. Most files ask for a name or
 * two (`connect`, `lambda`): those are found by searching the text, which is native and slices nothing.
 * A file that asks for more gets an index, built once without slicing a string either: each identifier
 * is hashed from its length and a few of its characters into chains held in typed arrays, and a lookup
 * compares the chain's tokens with the name. A Map of every identifier's text cost a string and an
 * array per name, and the collector's time for them, on each analysis of a large file.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { TOKEN_KIND, type Tokens } from '../lexer';

/** Names looked up by searching the text before the index pays for itself (each search reads the whole text). */
const TEXT_SEARCHES = 3;

class NameIndex {
  private chains: { heads: Int32Array; next: Int32Array; mask: number } | undefined;
  private searches = 0;
  private readonly found = new Map<string, readonly number[]>();

  constructor(private readonly tokens: Tokens) {}

  named(name: string): readonly number[] {
    let list = this.found.get(name);
    if (!list) {
      list = this.chains || this.searches === TEXT_SEARCHES ? this.fromChains(name) : this.fromText(name);
      this.found.set(name, list);
    }
    return list;
  }

  /**
   * The identifiers spelled `name`, from each place the text holds it as a whole word: the token that starts there,
   * found by bisection. A place inside a longer word (`AWS` in `AWS_REGION`, `connect` in `disconnect`) is passed
   * over by its neighbouring characters, without a search of the tokens.
   */
  private fromText(name: string): number[] {
    this.searches++;
    const { source, starts, ends, kinds } = this.tokens;
    const matches: number[] = [];
    for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (continuesWord(source.charCodeAt(at - 1)) || continuesWord(source.charCodeAt(end))) {
        continue;
      }
      const k = tokenStartingAt(starts, this.tokens.length, at);
      if (k >= 0 && ends[k] === end && kinds[k] === TOKEN_KIND.ID) {
        matches.push(k);
      }
    }
    return matches;
  }

  private fromChains(name: string): number[] {
    const { heads, next, mask } = (this.chains ??= chainsOf(this.tokens));
    const matches: number[] = [];
    for (let k = heads[nameHash(name, 0, name.length) & mask]; k >= 0; k = next[k]) {
      if (this.tokens.is(k, name)) {
        matches.push(k);
      }
    }
    return matches;
  }
}

/**
 * Per bucket, its first identifier token (-1: none), and per token, the next identifier token in its bucket:
 * chains that run in token order.
 */
function chainsOf(tokens: Tokens): { heads: Int32Array; next: Int32Array; mask: number } {
  let buckets = 16;
  while (buckets < tokens.length >> 1) {
    buckets <<= 1;
  }
  const mask = buckets - 1;
  const heads = new Int32Array(buckets).fill(-1);
  const next = new Int32Array(tokens.length);
  const { source, starts, ends, kinds } = tokens;
  // Backwards, so that each chain comes out in token order.
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (kinds[k] === TOKEN_KIND.ID) {
      const bucket = nameHash(source, starts[k], ends[k]) & mask;
      next[k] = heads[bucket];
      heads[bucket] = k;
    }
  }
  return { heads, next, mask };
}

/** Whether a character can continue an identifier around a match (ASCII letters, digits, `_`, `$`, and any non-ASCII): then the match is part of a longer word. */
function continuesWord(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/** The token that starts at `offset`, or -1. */
function tokenStartingAt(starts: Int32Array, length: number, offset: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < offset) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < length && starts[low] === offset ? low : -1;
}

/** A hash of `text[start, end)` from its length and its first, second, middle and last characters. */
function nameHash(text: string, start: number, end: number): number {
  const length = end - start;
  let hash = Math.imul(length, 0x9e3779b1) ^ text.charCodeAt(start);
  hash = Math.imul(hash, 31) ^ text.charCodeAt(end - 1);
  if (length > 2) {
    hash = Math.imul(hash, 31) ^ text.charCodeAt(start + 1);
    hash = Math.imul(hash, 31) ^ text.charCodeAt(start + (length >> 1));
  }
  return (hash ^ (hash >>> 15)) >>> 0;
}

const indexes = new FileMemo<'index', NameIndex>();

/** The identifier tokens spelled `name`, in order. */
export function tokensNamed(a: CodeAnalyzer, name: string): readonly number[] {
  return name.length === 0 ? [] : indexes.get(a, 'index', () => new NameIndex(a.tokens)).named(name);
}

/** The token that holds `offset`, or -1 where none does (a comment, spaces). */
export function tokenAt(a: CodeAnalyzer, offset: number): number {
  const starts = a.tokens.starts;
  let low = 0;
  let high = a.tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (a.tokens.ends[middle] <= offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low < a.tokens.length && starts[low] <= offset ? low : -1;
}
