/**
 * One integer per token for the punctuation and keywords the analyzers test token by token, so that
 * a pass over every token compares a number instead of text. The lexer stores the code of each token;
 * analyzers take the codes of their words from `codeOf` once, when their module loads.
 *
 * Codes: 0 for any other token; a one-character ASCII punctuation's character code (1–127); 128 and up
 * for the two-character operators; 256 and up for the words below.
 */

export const TWO_CHAR_PUNCT = ['=>', '->', ':=', '::', '?.', '==', '!=', '<=', '>=', '&&', '||', '**', '<<', '>>', '+=', '-=', '??'] as const;

const FIRST_WORD_CODE = 256;

/** Keywords and contextual words of the languages that the passes look for on every token. */
const WORDS = [
  'abstract', 'accessor', 'as', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'declare', 'def', 'default',
  'delete', 'do', 'elif', 'else', 'enum', 'except', 'export', 'extends', 'final', 'finally', 'for', 'foreach', 'from', 'func', 'function',
  'get', 'global', 'go', 'if', 'implements', 'import', 'in', 'interface', 'internal', 'is', 'lambda', 'let', 'namespace', 'new', 'nonlocal',
  'of', 'override', 'package', 'private', 'protected', 'public', 'readonly', 'record', 'require', 'return', 'sealed', 'self', 'set',
  'static', 'struct', 'super', 'switch', 'this', 'throw', 'try', 'type', 'typeof', 'using', 'var', 'virtual', 'void', 'while', 'with',
  'yield', 'lock', 'synchronized', 'select', 'fixed', 'where', 'instanceof', 'satisfies', 'defer', 'range', 'fun', 'val', 'object', 'typealias',
] as const;

/** The two-character operators at `first << 7 | second` (all ASCII): their code, else 0. */
export const TWO_CHAR_CODES = new Uint8Array(128 * 128);
TWO_CHAR_PUNCT.forEach((pair, k) => (TWO_CHAR_CODES[(pair.charCodeAt(0) << 7) | pair.charCodeAt(1)] = 128 + k));

const LONGEST_WORD = Math.max(...WORDS.map((word) => word.length));
/** The words by first letter (a–z) and length: the candidates a token of that shape can be. */
const WORDS_BY_SHAPE: number[][] = Array.from({ length: 26 * (LONGEST_WORD + 1) }, () => []);
WORDS.forEach((word, k) => WORDS_BY_SHAPE[(word.charCodeAt(0) - 97) * (LONGEST_WORD + 1) + word.length].push(k));

/** The code of the identifier `source[start, end)`: a word's code, else 0. */
export function wordCode(source: string, start: number, end: number): number {
  const length = end - start;
  const first = source.charCodeAt(start) - 97;
  if (length < 2 || length > LONGEST_WORD || first < 0 || first >= 26) {
    return 0;
  }
  const candidates = WORDS_BY_SHAPE[first * (LONGEST_WORD + 1) + length];
  for (let k = 0; k < candidates.length; k++) {
    const word = WORDS[candidates[k]];
    let at = 1;
    while (at < length && source.charCodeAt(start + at) === word.charCodeAt(at)) {
      at++;
    }
    if (at === length) {
      return FIRST_WORD_CODE + candidates[k];
    }
  }
  return 0;
}

/** The code of a punctuation or word; throws for text without one, so a typo fails when its module loads. */
export function codeOf(text: string): number {
  if (text.length === 1 && text.charCodeAt(0) < 128 && !/[A-Za-z0-9_$]/.test(text)) {
    return text.charCodeAt(0);
  }
  const two = (TWO_CHAR_PUNCT as readonly string[]).indexOf(text);
  if (two >= 0) {
    return 128 + two;
  }
  const word = wordCode(text, 0, text.length);
  if (word === 0) {
    throw new Error(`no token code for ${JSON.stringify(text)}`);
  }
  return word;
}

/** Membership of several texts' codes, for one array read per token. */
export function codeSet(texts: readonly string[]): Uint8Array {
  const set = new Uint8Array(FIRST_WORD_CODE + WORDS.length);
  texts.forEach((text) => (set[codeOf(text)] = 1));
  return set;
}
