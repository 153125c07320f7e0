/**
 * A small tokenizer per language family. It knows where comments and strings start and end, so that
 * a `scan` in a comment or an IAM action string like "dynamodb:Scan" is never read as code. Every
 * loop advances, so any input terminates in linear time.
 */

import { budgetTick } from './budget';
import { codeOf, TWO_CHAR_CODES, wordCode } from './tokenCodes';
import { copyInto } from './typedArrays';

export type Family = 'js' | 'java' | 'go' | 'csharp' | 'python' | 'hcl' | 'json';

/** Token kinds, stored one byte per token; 0 marks no token (an index past the end). */
export const TOKEN_KIND = { ID: 1, STR: 2, NUM: 3, PUNCT: 4 } as const;

export type TokenKind = (typeof TOKEN_KIND)[keyof typeof TOKEN_KIND];

const { ID, STR, NUM, PUNCT } = TOKEN_KIND;
const DOT = codeOf('.');
/** Bytes of the per-token arrays: four Int32, two Uint16 and two Uint8. */
const BYTES_PER_TOKEN = 4 * 4 + 2 * 2 + 2;

/**
 * The tokens of a text as parallel typed arrays rather than one object per token: a 1 MB file has
 * about 200,000 tokens, and as objects they kept the garbage collector busy copying them between
 * generations. A token's text is sliced from the source only when asked for.
 */
export class Tokens {
  length = 0;
  kinds!: Uint8Array;
  /** Each token's first character, so that most `is` comparisons end after one array read. */
  private heads!: Uint16Array;
  /** Each punctuation's or keyword's code (`tokenCodes.ts`), 0 for other tokens: one read tests a token. */
  codes!: Uint16Array;
  starts!: Int32Array;
  ends!: Int32Array;
  /** Where a string's content starts and ends, without quotes (set for strings only: see `textStart`). */
  private textStarts!: Int32Array;
  private textEnds!: Int32Array;
  /** A string with interpolation (`${}`, f-strings): its value is not a literal. */
  private interpolatedFlags!: Uint8Array;

  constructor(
    readonly source: string,
    capacity: number,
  ) {
    this.allocate(capacity);
  }

  /**
   * All the per-token arrays as views of one buffer: one allocation per analysis instead of eight, which
   * for the many small files of a tree was a measurable share of the lexer's cost.
   */
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * BYTES_PER_TOKEN);
    this.starts = new Int32Array(buffer, 0, capacity);
    this.ends = new Int32Array(buffer, 4 * capacity, capacity);
    this.textStarts = new Int32Array(buffer, 8 * capacity, capacity);
    this.textEnds = new Int32Array(buffer, 12 * capacity, capacity);
    this.heads = new Uint16Array(buffer, 16 * capacity, capacity);
    this.codes = new Uint16Array(buffer, 18 * capacity, capacity);
    this.kinds = new Uint8Array(buffer, 20 * capacity, capacity);
    this.interpolatedFlags = new Uint8Array(buffer, 21 * capacity, capacity);
  }

  push(kind: TokenKind, start: number, end: number, code = 0): void {
    if (this.length === this.kinds.length) {
      this.grow();
    }
    const index = this.length++;
    this.kinds[index] = kind;
    this.heads[index] = this.source.charCodeAt(start);
    this.codes[index] = code;
    this.starts[index] = start;
    this.ends[index] = end;
  }

  /** A string token: its content bounds differ from the token's (quotes), and it may be interpolated. */
  pushString(start: number, end: number, textStart: number, textEnd: number, interpolated: boolean): void {
    const index = this.length;
    this.push(STR, start, end);
    this.textStarts[index] = textStart;
    this.textEnds[index] = textEnd;
    this.interpolatedFlags[index] = interpolated ? 1 : 0;
  }

  /** Views the arrays up to the last token, so that an index past the end reads as undefined (no token). */
  finish(): this {
    this.kinds = this.kinds.subarray(0, this.length);
    this.heads = this.heads.subarray(0, this.length);
    this.codes = this.codes.subarray(0, this.length);
    this.starts = this.starts.subarray(0, this.length);
    this.ends = this.ends.subarray(0, this.length);
    this.textStarts = this.textStarts.subarray(0, this.length);
    this.textEnds = this.textEnds.subarray(0, this.length);
    this.interpolatedFlags = this.interpolatedFlags.subarray(0, this.length);
    return this;
  }

  private grow(): void {
    const { kinds, heads, codes, starts, ends, textStarts, textEnds, interpolatedFlags } = this;
    this.allocate(this.length * 2 + 16);
    this.kinds.set(kinds);
    this.heads.set(heads);
    this.codes.set(codes);
    this.starts.set(starts);
    this.ends.set(ends);
    this.textStarts.set(textStarts);
    this.textEnds.set(textEnds);
    this.interpolatedFlags.set(interpolatedFlags);
  }

  /** Where a token's text starts: a string's content after its quote, else the token's start. */
  textStart(index: number): number {
    return this.kinds[index] === STR ? this.textStarts[index] : this.starts[index];
  }

  textEnd(index: number): number {
    return this.kinds[index] === STR ? this.textEnds[index] : this.ends[index];
  }

  /** Identifier name, punctuation, number text, or a string's content without quotes. */
  text(index: number): string {
    if (!(index >= 0 && index < this.length)) {
      throw new RangeError(`no token ${index}`);
    }
    return this.source.slice(this.textStart(index), this.textEnd(index));
  }

  /** Whether a token (not a string) reads `text`, without slicing it; false past either end. */
  is(index: number, text: string): boolean {
    // Past either end `heads` reads undefined, which equals no character.
    if (this.heads[index] !== text.charCodeAt(0) || this.kinds[index] === STR) {
      return false;
    }
    const start = this.starts[index];
    const length = text.length;
    if (this.ends[index] - start !== length) {
      return false;
    }
    for (let k = 1; k < length; k++) {
      if (this.source.charCodeAt(start + k) !== text.charCodeAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a token (not a string) reads one of `texts`. */
  isOneOf(index: number, texts: readonly string[]): boolean {
    for (let k = 0; k < texts.length; k++) {
      if (this.is(index, texts[k])) {
        return true;
      }
    }
    return false;
  }

  /** Whether the tokens from `index` are a spread or rest `...`, which the lexer reads as three dots. */
  isSpread(index: number): boolean {
    const codes = this.codes;
    return codes[index] === DOT && codes[index + 1] === DOT && codes[index + 2] === DOT;
  }

  /** Whether a token is the one-character punctuation `code`. */
  isChar(index: number, code: number): boolean {
    return this.heads[index] === code && this.kinds[index] === PUNCT && this.ends[index] - this.starts[index] === 1;
  }

  interpolated(index: number): boolean {
    return this.interpolatedFlags[index] === 1;
  }

  markInterpolated(index: number): void {
    this.interpolatedFlags[index] = 1;
  }
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}

export interface Lexed {
  tokens: Tokens;
  comments: Comment[];
}

const SLASH_KEYWORDS = ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'await', 'yield'];
/** ASCII characters that can continue an identifier (letters, digits, `_`, `$`); every non-ASCII character can. */
const ASCII_IDENT_PART = Uint8Array.from({ length: 128 }, (_, code) => (/[A-Za-z0-9_$]/.test(String.fromCharCode(code)) ? 1 : 0));

/** A run of identifier characters (`isIdentPart`), matched from `lastIndex`; it may be empty. */
const IDENT_PART_RUN = /[A-Za-z0-9_$\u0080-\uffff]*/y;

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

function isIdentPart(code: number): boolean {
  return code > 127 || ASCII_IDENT_PART[code] === 1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether `/` after the last token divides rather than starting a JavaScript regular expression. */
function slashDivides(tokens: Tokens): boolean {
  const previous = tokens.length - 1;
  if (previous < 0) {
    return false;
  }
  const kind = tokens.kinds[previous];
  if (kind === NUM || kind === STR) {
    return true;
  }
  if (kind === ID) {
    return !SLASH_KEYWORDS.includes(tokens.text(previous));
  }
  return tokens.isChar(previous, 41) || tokens.isChar(previous, 93) || tokens.isChar(previous, 125);
}

export function lex(text: string, family: Family): Lexed {
  const length = text.length;
  // About one token per four characters of code; the arrays grow if needed.
  const tokens = new Tokens(text, (length >> 2) + 16);
  const comments: Comment[] = [];
  let i = 0;

  const pushString = (start: number, end: number, contentStart: number, contentEnd: number, interpolated = false): void => {
    tokens.pushString(start, end, contentStart, contentEnd, interpolated);
  };

  /** A quoted string with backslash escapes, ending at `quote` or (unless multiline) a newline. */
  const quoted = (start: number, quote: number, multiline: boolean, contentStart: number): number => {
    let j = contentStart;
    while (j < length) {
      const code = text.charCodeAt(j);
      if (code === 92) {
        j += 2;
        continue;
      }
      if (code === quote) {
        pushString(start, j + 1, contentStart, j);
        return j + 1;
      }
      if (code === 10 && !multiline) {
        break;
      }
      j++;
    }
    const end = Math.min(j, length);
    pushString(start, end, contentStart, end);
    return end;
  };

  /** A JavaScript template literal or HCL string with `${...}` that may nest further strings. */
  const interpolatedString = (start: number, quote: number, contentStart: number, stopAtNewline: boolean): number => {
    let j = contentStart;
    let depth = 0;
    let interpolated = false;
    while (j < length) {
      const code = text.charCodeAt(j);
      if (depth === 0) {
        if (code === 92) {
          j += 2;
          continue;
        }
        if (code === quote) {
          pushString(start, j + 1, contentStart, j, interpolated);
          return j + 1;
        }
        if (code === 10 && stopAtNewline) {
          break;
        }
        if (code === 36 && text.charCodeAt(j + 1) === 123) {
          depth = 1;
          interpolated = true;
          j += 2;
          continue;
        }
      } else if (code === 123) {
        depth++;
      } else if (code === 125) {
        depth--;
      } else if (code === 39 || code === 34 || code === 96) {
        // Skip a nested string inside the interpolation.
        let k = j + 1;
        while (k < length && text.charCodeAt(k) !== code && text.charCodeAt(k) !== 10) {
          k += text.charCodeAt(k) === 92 ? 2 : 1;
        }
        j = k + 1;
        continue;
      }
      j++;
    }
    const end = Math.min(j, length);
    pushString(start, end, contentStart, end, interpolated);
    return end;
  };

  const lineComment = (start: number): number => {
    let j = start;
    while (j < length && text.charCodeAt(j) !== 10) {
      j++;
    }
    comments.push({ start, end: j, text: text.slice(start, j) });
    return j;
  };

  const blockComment = (start: number): number => {
    const close = text.indexOf('*/', start + 2);
    const end = close < 0 ? length : close + 2;
    comments.push({ start, end, text: text.slice(start, end) });
    return end;
  };

  // HCL identifiers may hold dashes (`local.db-creds`, `var.rds-instance-type`): a dash followed by an
  // identifier character continues the name, as in HCL's own grammar; spaced `a - b` stays a subtraction.
  const hcl = family === 'hcl';
  while (i < length) {
    budgetTick();
    let code = text.charCodeAt(i);
    // Whitespace, skipped in one run (the budget ticks once a line: a run of blank lines can be long).
    while (code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xfeff) {
      if (code === 10) {
        budgetTick();
      }
      code = ++i < length ? text.charCodeAt(i) : -1;
    }
    if (code < 0) {
      break;
    }
    const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
    // A Python line continuation (`table = \` and the value on the next line): no token, the statement goes on.
    if (code === 92 && family === 'python' && (next === 10 || (next === 13 && text.charCodeAt(i + 2) === 10))) {
      i += next === 13 ? 3 : 2;
      continue;
    }
    // Comments
    if (code === 35 && (family === 'python' || family === 'hcl')) {
      i = lineComment(i);
      continue;
    }
    if (code === 47 && family !== 'python') {
      if (next === 47) {
        i = lineComment(i);
        continue;
      }
      if (next === 42) {
        i = blockComment(i);
        continue;
      }
    }
    // C# verbatim and interpolated strings: @"..", $"..", $@"..", @$".." (before identifiers: `$` may start one).
    if (family === 'csharp' && (code === 64 || code === 36)) {
      const prefix = /^(?:\$@|@\$|@|\$)"/.exec(text.slice(i, i + 3));
      if (prefix) {
        const contentStart = i + prefix[0].length;
        const verbatim = prefix[0].includes('@');
        let j = contentStart;
        while (j < length) {
          const c = text.charCodeAt(j);
          if (c === 34) {
            if (verbatim && text.charCodeAt(j + 1) === 34) {
              j += 2;
              continue;
            }
            break;
          }
          if (!verbatim && c === 92) {
            j += 2;
            continue;
          }
          if (!verbatim && c === 10) {
            break;
          }
          j++;
        }
        const end = Math.min(j + 1, length);
        pushString(i, end, contentStart, Math.min(j, length), prefix[0].includes('$'));
        i = end;
        continue;
      }
    }
    // Identifiers (and string prefixes)
    if (isIdentStart(code)) {
      let j = i + 1;
      if (hcl) {
        let c = text.charCodeAt(j);
        while (j < length && (c > 127 || ASCII_IDENT_PART[c] === 1 || (c === 45 && j + 1 < length && isIdentPart(text.charCodeAt(j + 1))))) {
          c = text.charCodeAt(++j);
        }
      } else {
        // The hottest loop of the lexer: a sticky RegExp runs it as native code, faster than charCodeAt in JavaScript.
        IDENT_PART_RUN.lastIndex = j;
        IDENT_PART_RUN.test(text);
        j = IDENT_PART_RUN.lastIndex;
      }
      const after = j < length ? text.charCodeAt(j) : 0;
      if (family === 'python' && (after === 39 || after === 34) && j - i <= 2) {
        const word = text.slice(i, j);
        if (/^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(word)) {
          i = pythonString(i, j, after, /[fF]/.test(word));
          continue;
        }
      }
      tokens.push(ID, i, j, wordCode(text, i, j));
      i = j;
      continue;
    }
    // Numbers
    if (isDigit(code) || (code === 46 && isDigit(next))) {
      let j = i + 1;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (isIdentPart(c) || c === 46) {
          j++;
        } else {
          break;
        }
      }
      tokens.push(NUM, i, j);
      i = j;
      continue;
    }
    // Strings
    if (code === 34 || code === 39 || code === 96) {
      if (family === 'python') {
        i = pythonString(i, i, code, false);
      } else if (code === 96 && family === 'js') {
        i = interpolatedString(i, 96, i + 1, false);
      } else if (code === 96 && family === 'go') {
        const close = text.indexOf('`', i + 1);
        const end = close < 0 ? length : close + 1;
        pushString(i, end, i + 1, close < 0 ? length : close);
        i = end;
      } else if (code === 34 && family === 'hcl') {
        i = interpolatedString(i, 34, i + 1, true);
      } else if (code === 34 && family === 'java' && text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        const end = close < 0 ? length : close + 3;
        pushString(i, end, i + 3, close < 0 ? length : close);
        i = end;
      } else if (code === 96) {
        tokens.push(PUNCT, i, i + 1, code);
        i++;
      } else {
        i = quoted(i, code, false, i + 1);
      }
      continue;
    }
    // HCL heredoc: <<EOF or <<-EOF
    if (family === 'hcl' && code === 60 && next === 60) {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(text.slice(i, i + 80));
      if (heredoc) {
        const bodyStart = i + heredoc[0].length;
        const closing = new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*\\r?$`, 'm');
        const rest = text.slice(bodyStart);
        const found = closing.exec(rest);
        const end = found ? bodyStart + found.index + found[0].length : length;
        pushString(i, end, bodyStart, bodyStart + (found ? found.index : rest.length), true);
        i = end;
        continue;
      }
    }
    // JavaScript regular expression literals
    if (code === 47 && family === 'js' && !slashDivides(tokens)) {
      let j = i + 1;
      let inClass = false;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === 10) {
          break;
        }
        if (c === 92) {
          j += 2;
          continue;
        }
        if (c === 91) {
          inClass = true;
        } else if (c === 93) {
          inClass = false;
        } else if (c === 47 && !inClass) {
          break;
        }
        j++;
      }
      if (j < length && text.charCodeAt(j) === 47) {
        j++;
        while (j < length && isIdentPart(text.charCodeAt(j))) {
          j++;
        }
        // Its value is not a literal: empty text, flagged as interpolated.
        pushString(i, j, i, i, true);
        i = j;
        continue;
      }
    }
    // Punctuation
    const pair = code < 128 && next < 128 ? TWO_CHAR_CODES[(code << 7) | next] : 0;
    if (pair !== 0) {
      tokens.push(PUNCT, i, i + 2, pair);
      i += 2;
      continue;
    }
    tokens.push(PUNCT, i, i + 1, code < 128 ? code : 0);
    i++;
  }
  return { tokens: tokens.finish(), comments };

  /** Python strings: optional prefix (already read up to `quoteAt`), single or triple quotes. */
  function pythonString(start: number, quoteAt: number, quote: number, formatted: boolean): number {
    const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
    if (triple) {
      const delimiter = text.slice(quoteAt, quoteAt + 3);
      let j = quoteAt + 3;
      while (j < length && !text.startsWith(delimiter, j)) {
        j += text.charCodeAt(j) === 92 ? 2 : 1;
      }
      const end = Math.min(j + 3, length);
      pushString(start, end, quoteAt + 3, Math.min(j, length), formatted);
      return end;
    }
    const before = tokens.length;
    const end = quoted(start, quote, false, quoteAt + 1);
    if (formatted && tokens.length > before) {
      tokens.markInterpolated(tokens.length - 1);
    }
    return end;
  }
}

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** For each bracket token, the index of its partner (or -1); other tokens get -1. */
export function matchBrackets(tokens: Tokens): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1);
  // The open brackets (token index and character), as a stack of `depth` entries; sized by nesting, not by
  // tokens, since typed arrays as long as the file are memory the collector counts against every analysis.
  let stack = new Int32Array(64);
  let stackCodes = new Uint8Array(64);
  let depth = 0;
  // A one-character punctuation's code is its character.
  const codes = tokens.codes;
  for (let i = 0; i < tokens.length; i++) {
    const code = codes[i];
    if (code !== OPEN_PAREN && code !== CLOSE_PAREN && code !== OPEN_BRACKET && code !== CLOSE_BRACKET && code !== OPEN_BRACE && code !== CLOSE_BRACE) {
      continue;
    }
    if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (depth === stack.length) {
        stack = copyInto(stack, new Int32Array(depth * 2));
        stackCodes = copyInto(stackCodes, new Uint8Array(depth * 2));
      }
      stack[depth] = i;
      stackCodes[depth] = code;
      depth++;
    } else {
      const open = code === CLOSE_PAREN ? OPEN_PAREN : code === CLOSE_BRACKET ? OPEN_BRACKET : OPEN_BRACE;
      // Tolerate unbalanced input: unwind a few levels to the nearest matching opener, if any
      // (bounded, so that a long run of stray closers stays linear).
      let k = depth - 1;
      while (k >= 0 && k >= depth - 8 && stackCodes[k] !== open) {
        k--;
      }
      if (k >= 0 && stackCodes[k] !== open) {
        k = -1;
      }
      if (k >= 0) {
        const opener = stack[k];
        depth = k;
        partner[opener] = i;
        partner[i] = opener;
      }
    }
  }
  return partner;
}
