/**
 * Identifier tokens by name, built once per file for the passes that look a name's uses up. The index
 * slices no string: each identifier is hashed from its length and a few of its characters into chains
 * held in typed arrays, and a lookup compares the chain's tokens with the name. A Map of every
 * identifier's text cost a string and an array per name, and the collector's time for them, on each
 * analysis of a large file.
 */
import type { CodeAnalyzer } from './analyzer';
import { FileMemo } from './fileMemo';
import { TOKEN_KIND, type Tokens } from '../lexer';

class NameIndex {
  /** For each bucket, its first identifier token (-1: none); a chain runs in token order. */
  private readonly heads: Int32Array;
  /** For each token, the next identifier token in its bucket (-1: none). */
  private readonly next: Int32Array;
  private readonly mask: number;
  private readonly found = new Map<string, readonly number[]>();

  constructor(private readonly tokens: Tokens) {
    let buckets = 16;
    while (buckets < tokens.length >> 1) {
      buckets <<= 1;
    }
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(tokens.length);
    const { source, starts, ends, kinds } = tokens;
    // Backwards, so that each chain comes out in token order.
    for (let k = tokens.length - 1; k >= 0; k--) {
      if (kinds[k] === TOKEN_KIND.ID) {
        const bucket = nameHash(source, starts[k], ends[k]) & this.mask;
        this.next[k] = this.heads[bucket];
        this.heads[bucket] = k;
      }
    }
  }

  named(name: string): readonly number[] {
    let list = this.found.get(name);
    if (!list) {
      const matches: number[] = [];
      for (let k = this.heads[nameHash(name, 0, name.length) & this.mask]; k >= 0; k = this.next[k]) {
        if (this.tokens.is(k, name)) {
          matches.push(k);
        }
      }
      list = matches;
      this.found.set(name, list);
    }
    return list;
  }
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
