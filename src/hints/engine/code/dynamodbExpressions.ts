/**
 * The DynamoDB expression language, as far as the workspace checks read it: the terms of a key condition
 * (`pk = :p AND begins_with(sk, :s)`), a filter that is only equalities, and the attributes a projection
 * names. Pure string work in one pass; anything outside what is read (OR, NOT, functions, nested paths in
 * a condition, an unknown `#name`) makes the whole expression unreadable, never a guess.
 */
import { KeyOperator } from '../model';

/** An attribute in an expression, by its real name, at offsets into the expression text. */
export interface ExpressionName {
  name: string;
  start: number;
  end: number;
}

export interface ExpressionTerm extends ExpressionName {
  operator: KeyOperator;
}

/** `ExpressionAttributeNames`: read literally, not written, or written in a way that cannot be read. */
export type AttributeNames = ReadonlyMap<string, string> | 'unknown' | undefined;

type TokenKind = 'name' | 'placeholder' | 'value' | 'operator' | '(' | ')' | ',' | '.' | '[' | ']' | 'number';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/** Past this many tokens, or characters, an expression is not read: real ones are short, and the parser stays cheap. */
const MAX_TOKENS = 400;
const MAX_LENGTH = 4000;
/** Parentheses nest at most this deep before the expression counts as unreadable. */
const MAX_DEPTH = 16;

const KEYWORDS = new Set(['and', 'or', 'not', 'between', 'in']);
const FLIPPED: Record<string, KeyOperator> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** The tokens of an expression, or undefined past the limits or at a character no expression holds. */
export function tokenize(text: string): Token[] | undefined {
  if (text.length > MAX_LENGTH) {
    return undefined;
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      i++;
      continue;
    }
    if (tokens.length >= MAX_TOKENS) {
      return undefined;
    }
    const start = i;
    if (code === 35 || code === 58) {
      // `#name` and `:value`: the prefix and a run of name characters.
      i++;
      while (i < text.length && isNamePart(text.charCodeAt(i))) {
        i++;
      }
      if (i === start + 1) {
        return undefined;
      }
      tokens.push({ kind: code === 35 ? 'placeholder' : 'value', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isNameStart(code)) {
      while (i < text.length && isNamePart(text.charCodeAt(i))) {
        i++;
      }
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (code >= 48 && code <= 57) {
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
        i++;
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      tokens.push({ kind: 'operator', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const one = text[i];
    // `+` and `-` only in an update expression's arithmetic (`SET n = n + :d`), which no condition reader takes.
    if (one === '=' || one === '<' || one === '>' || one === '+' || one === '-') {
      tokens.push({ kind: 'operator', text: one, start, end: i + 1 });
    } else if (one === '(' || one === ')' || one === ',' || one === '.' || one === '[' || one === ']') {
      tokens.push({ kind: one, text: one, start, end: i + 1 });
    } else {
      return undefined;
    }
    i++;
  }
  return tokens;
}

class Reader {
  private at = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly names: AttributeNames,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  next(): Token | undefined {
    return this.tokens[this.at++];
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  isKeyword(token: Token | undefined, word: string): boolean {
    return token?.kind === 'name' && token.text.toLowerCase() === word;
  }

  /** An attribute name (a name that is not a keyword, or a `#placeholder` the names map), resolved. */
  attribute(token: Token | undefined): ExpressionName | undefined {
    if (token?.kind === 'name' && !KEYWORDS.has(token.text.toLowerCase())) {
      return { name: token.text, start: token.start, end: token.end };
    }
    if (token?.kind === 'placeholder' && this.names instanceof Map) {
      const name = this.names.get(token.text);
      return name === undefined ? undefined : { name, start: token.start, end: token.end };
    }
    return undefined;
  }
}

/** `a AND b AND (c AND d)`: the comparison terms, or undefined when anything else is written. */
function conjunction(reader: Reader, depth: number): ExpressionTerm[] | undefined {
  if (depth > MAX_DEPTH) {
    return undefined;
  }
  const terms: ExpressionTerm[] = [];
  for (;;) {
    const term = primary(reader, depth);
    if (!term) {
      return undefined;
    }
    terms.push(...term);
    if (!reader.isKeyword(reader.peek(), 'and')) {
      return terms;
    }
    reader.next();
  }
}

function primary(reader: Reader, depth: number): ExpressionTerm[] | undefined {
  const first = reader.peek();
  if (first?.kind === '(') {
    reader.next();
    const inner = conjunction(reader, depth + 1);
    return inner && reader.next()?.kind === ')' ? inner : undefined;
  }
  if (first?.kind === 'name' && first.text === 'begins_with' && reader.peek(1)?.kind === '(') {
    reader.next();
    reader.next();
    const attribute = reader.attribute(reader.next());
    if (!attribute || reader.next()?.kind !== ',' || reader.next()?.kind !== 'value' || reader.next()?.kind !== ')') {
      return undefined;
    }
    return [{ ...attribute, operator: 'begins_with' }];
  }
  const left = reader.next();
  const leftAttribute = reader.attribute(left);
  if (leftAttribute && reader.isKeyword(reader.peek(), 'between')) {
    reader.next();
    if (reader.next()?.kind !== 'value' || !reader.isKeyword(reader.next(), 'and') || reader.next()?.kind !== 'value') {
      return undefined;
    }
    return [{ ...leftAttribute, operator: 'between' }];
  }
  const operator = reader.next();
  if (operator?.kind !== 'operator' || !(operator.text in FLIPPED)) {
    return undefined;
  }
  const right = reader.next();
  if (leftAttribute && right?.kind === 'value') {
    return [{ ...leftAttribute, operator: operator.text as KeyOperator }];
  }
  const rightAttribute = reader.attribute(right);
  if (left?.kind === 'value' && rightAttribute) {
    return [{ ...rightAttribute, operator: FLIPPED[operator.text] }];
  }
  return undefined;
}

/**
 * The comparison terms of a condition written as comparisons, `BETWEEN` and `begins_with` joined by
 * `AND` (every key condition, and the simplest filters); undefined for anything else.
 */
export function conditionTerms(text: string, names: AttributeNames): ExpressionTerm[] | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) {
    return undefined;
  }
  const reader = new Reader(tokens, names);
  const terms = conjunction(reader, 0);
  return terms && reader.done() ? terms : undefined;
}

/**
 * A filter written as conditions joined by `AND` at its top level: the `attribute = :value` ones (top-level
 * attributes, `#names` the names map), and whether any other condition (`<>`, `contains(...)`, `IN`, `NOT ...`,
 * a parenthesised `OR`, a nested path) joins them. Undefined when `OR` joins conditions at the top level, where
 * no equality holds for every item kept, or when the text is not read at all.
 */
export function filterConjunction(text: string, names: AttributeNames): { terms: ExpressionTerm[]; others: boolean } | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) {
    return undefined;
  }
  const reader = new Reader(tokens, names);
  const terms: ExpressionTerm[] = [];
  let others = false;
  let from = 0;
  let depth = 0;
  let between = false;
  for (let k = 0; k <= tokens.length; k++) {
    const token = tokens[k];
    if (token?.kind === '(') {
      depth++;
    } else if (token?.kind === ')') {
      depth--;
    }
    if (depth < 0) {
      return undefined;
    }
    if (depth > 0 && token !== undefined) {
      continue;
    }
    if (reader.isKeyword(token, 'or')) {
      return undefined;
    }
    if (reader.isKeyword(token, 'between')) {
      between = true;
      continue;
    }
    // The `AND` of `BETWEEN a AND b` is the range's own, not a join.
    const joins = token === undefined || (reader.isKeyword(token, 'and') && !between);
    between &&= !reader.isKeyword(token, 'and');
    if (!joins) {
      continue;
    }
    const left = reader.attribute(tokens[from]);
    const equality = k - from === 3 && tokens[from + 1].kind === 'operator' && tokens[from + 1].text === '=';
    if (equality && left && tokens[from + 2].kind === 'value') {
      terms.push({ ...left, operator: '=' });
    } else if (k === from) {
      return undefined;
    } else {
      others = true;
    }
    from = k + 1;
  }
  return depth === 0 ? { terms, others } : undefined;
}

/** The top-level attribute of each path in a projection (`a.b[0], #c` names `a` and what `#c` stands for). */
export function projectionNames(text: string, names: AttributeNames): ExpressionName[] | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) {
    return undefined;
  }
  const reader = new Reader(tokens, names);
  const found: ExpressionName[] = [];
  for (;;) {
    const attribute = reader.attribute(reader.next());
    if (!attribute) {
      return undefined;
    }
    found.push(attribute);
    // The rest of the path: `.member` and `[index]`.
    for (;;) {
      const token = reader.peek();
      if (token?.kind === '.' && reader.attribute(reader.peek(1))) {
        reader.next();
        reader.next();
      } else if (token?.kind === '[' && reader.peek(1)?.kind === 'number' && reader.peek(2)?.kind === ']') {
        reader.next();
        reader.next();
        reader.next();
      } else {
        break;
      }
    }
    if (reader.done()) {
      return found;
    }
    if (reader.next()?.kind !== ',') {
      return undefined;
    }
  }
}
