/**
 * A small tokenizer per language family. It knows where comments and strings start and end, so that
 * a `scan` in a comment or an IAM action string like "dynamodb:Scan" is never read as code. Every
 * loop advances, so any input terminates in linear time.
 */

export type Family = 'js' | 'java' | 'go' | 'csharp' | 'python' | 'hcl' | 'json';

export type TokenKind = 'id' | 'str' | 'num' | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier name, punctuation, number text, or a string's content without quotes. */
  text: string;
  /** A string with interpolation (`${}`, f-strings): its value is not a literal. */
  interpolated?: boolean;
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}

export interface Lexed {
  tokens: Token[];
  comments: Comment[];
}

const TWO_CHAR_PUNCT = new Set(['=>', '->', ':=', '::', '?.', '==', '!=', '<=', '>=', '&&', '||', '**', '<<', '>>', '+=', '-=', '??']);
/** Characters that can start a two-character operator, so that most punctuation skips the lookup. */
const TWO_CHAR_FIRST = new Set([...TWO_CHAR_PUNCT].map((pair) => pair.charCodeAt(0)));
/** One string per ASCII character, so that punctuation tokens share their text instead of allocating it. */
const CHARS = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Tokens after which `/` divides rather than starting a JavaScript regular expression. */
function slashDivides(previous: Token | undefined): boolean {
  if (!previous) {
    return false;
  }
  if (previous.kind === 'num' || previous.kind === 'str') {
    return true;
  }
  if (previous.kind === 'id') {
    return !['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'await', 'yield'].includes(previous.text);
  }
  return previous.text === ')' || previous.text === ']' || previous.text === '}';
}

export function lex(text: string, family: Family): Lexed {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const length = text.length;
  let i = 0;

  const pushString = (start: number, end: number, value: string, interpolated = false): void => {
    tokens.push(interpolated ? { kind: 'str', start, end, text: value, interpolated } : { kind: 'str', start, end, text: value });
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
        pushString(start, j + 1, text.slice(contentStart, j));
        return j + 1;
      }
      if (code === 10 && !multiline) {
        break;
      }
      j++;
    }
    const end = Math.min(j, length);
    pushString(start, end, text.slice(contentStart, end));
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
          pushString(start, j + 1, text.slice(contentStart, j), interpolated);
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
    pushString(start, end, text.slice(contentStart, end), interpolated);
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

  while (i < length) {
    const code = text.charCodeAt(i);
    const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
    // Whitespace
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xfeff) {
      i++;
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
    // Identifiers (and string prefixes)
    if (isIdentStart(code)) {
      let j = i + 1;
      while (j < length && isIdentPart(text.charCodeAt(j))) {
        j++;
      }
      const word = text.slice(i, j);
      const after = j < length ? text.charCodeAt(j) : 0;
      if (family === 'python' && (after === 39 || after === 34) && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(word)) {
        i = pythonString(i, j, after, /[fF]/.test(word));
        continue;
      }
      tokens.push({ kind: 'id', start: i, end: j, text: word });
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
      tokens.push({ kind: 'num', start: i, end: j, text: text.slice(i, j) });
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
        pushString(i, end, text.slice(i + 1, close < 0 ? length : close));
        i = end;
      } else if (code === 34 && family === 'hcl') {
        i = interpolatedString(i, 34, i + 1, true);
      } else if (code === 34 && family === 'java' && text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        const end = close < 0 ? length : close + 3;
        pushString(i, end, text.slice(i + 3, close < 0 ? length : close));
        i = end;
      } else if (code === 96) {
        tokens.push({ kind: 'punct', start: i, end: i + 1, text: '`' });
        i++;
      } else {
        i = quoted(i, code, false, i + 1);
      }
      continue;
    }
    // C# verbatim and interpolated strings: @"..", $"..", $@"..", @$".."
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
        pushString(i, end, text.slice(contentStart, Math.min(j, length)), prefix[0].includes('$'));
        i = end;
        continue;
      }
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
        pushString(i, end, rest.slice(0, found ? found.index : rest.length), true);
        i = end;
        continue;
      }
    }
    // JavaScript regular expression literals
    if (code === 47 && family === 'js' && !slashDivides(tokens[tokens.length - 1])) {
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
        tokens.push({ kind: 'str', start: i, end: j, text: '', interpolated: true });
        i = j;
        continue;
      }
    }
    // Punctuation
    if (TWO_CHAR_FIRST.has(code) && next < 128) {
      const two = CHARS[code < 128 ? code : 0] + CHARS[next];
      if (TWO_CHAR_PUNCT.has(two)) {
        tokens.push({ kind: 'punct', start: i, end: i + 2, text: two });
        i += 2;
        continue;
      }
    }
    tokens.push({ kind: 'punct', start: i, end: i + 1, text: code < 128 ? CHARS[code] : text[i] });
    i++;
  }
  return { tokens, comments };

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
      pushString(start, end, text.slice(quoteAt + 3, Math.min(j, length)), formatted);
      return end;
    }
    const before = tokens.length;
    const end = quoted(start, quote, false, quoteAt + 1);
    if (formatted && tokens.length > before) {
      tokens[tokens.length - 1].interpolated = true;
    }
    return end;
  }
}

/** For each bracket token, the index of its partner (or -1); other tokens get -1. */
export function matchBrackets(tokens: readonly Token[]): Int32Array {
  const partner = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'punct') {
      continue;
    }
    const t = token.text;
    if (t === '(' || t === '[' || t === '{') {
      stack.push(i);
    } else if (t === ')' || t === ']' || t === '}') {
      const open = t === ')' ? '(' : t === ']' ? '[' : '{';
      // Tolerate unbalanced input: unwind a few levels to the nearest matching opener, if any
      // (bounded, so that a long run of stray closers stays linear).
      let k = stack.length - 1;
      while (k >= 0 && k >= stack.length - 8 && tokens[stack[k]].text !== open) {
        k--;
      }
      if (k >= 0 && tokens[stack[k]].text !== open) {
        k = -1;
      }
      if (k >= 0) {
        const opener = stack[k];
        stack.length = k;
        partner[opener] = i;
        partner[i] = opener;
      }
    }
  }
  return partner;
}
