/**
 * YAML scalars and flow collections (`{ A: b }`, `[a, b]`), read straight from the text so that a
 * flow collection may span lines. Every step advances or fails, so the reader is linear.
 */
import { Literal } from '../model';
import { EMPTY_EXPR, IacEntry, IacList, IacMap, IacNode, IacScalar } from './tree';

export const MAX_DEPTH = 64;

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

export function plainLiteral(value: string): Literal {
  if (value === 'true' || value === 'True' || value === 'TRUE') {
    return { kind: 'bool', value: true };
  }
  if (value === 'false' || value === 'False' || value === 'FALSE') {
    return { kind: 'bool', value: false };
  }
  if (value === 'null' || value === 'Null' || value === 'NULL' || value === '~') {
    return { kind: 'none' };
  }
  if (/^-?\d+(?:\.\d+)?$/.test(value)) {
    return { kind: 'num', value: Number(value) };
  }
  return { kind: 'str', value };
}

/** Index just past a quoted scalar that starts at `from`, or -1 when it does not close before `limit`. */
export function quoteEnd(text: string, from: number, limit: number): number {
  const quote = text[from];
  for (let i = from + 1; i < limit; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') {
      i++;
    } else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
      } else {
        return i + 1;
      }
    }
  }
  return -1;
}

export function unquote(raw: string): string {
  const inner = raw.slice(1, -1);
  return raw[0] === "'" ? inner.split("''").join("'") : inner.replace(/\\(["\\/])/g, '$1');
}

/** Flow collections read straight from the text, so that they may span lines. */
export class FlowReader {
  position: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.position = start;
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.position < text.length) {
      const ch = text[this.position];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        this.position++;
      } else if (ch === '#' && (this.position === 0 || /\s/.test(text[this.position - 1]))) {
        const newline = text.indexOf('\n', this.position);
        this.position = newline < 0 ? text.length : newline;
      } else {
        break;
      }
    }
  }

  /** A plain scalar ends at a flow indicator, a `: `, a comment or the end of its line. */
  private plainEnd(): number {
    const text = this.text;
    let i = this.position;
    while (i < text.length) {
      const ch = text[i];
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{' || ch === '\n' || ch === '\r') {
        break;
      }
      if (ch === ':' && (i + 1 >= text.length || ' \t\n\r,]}'.includes(text[i + 1]))) {
        break;
      }
      if (ch === '#' && isSpace(text[i - 1])) {
        break;
      }
      i++;
    }
    return i;
  }

  private scalar(): IacScalar | undefined {
    const text = this.text;
    const start = this.position;
    const ch = text[start];
    if (ch === '"' || ch === "'") {
      const end = quoteEnd(text, start, text.length);
      if (end < 0) {
        return undefined;
      }
      this.position = end;
      return { kind: 'scalar', span: { start, end }, literal: { kind: 'str', value: unquote(text.slice(start, end)) }, replaceable: true };
    }
    let end = this.plainEnd();
    while (end > start && isSpace(text[end - 1])) {
      end--;
    }
    if (end === start) {
      return undefined;
    }
    this.position = end;
    return { kind: 'scalar', span: { start, end }, literal: plainLiteral(text.slice(start, end)), replaceable: true };
  }

  node(depth: number): IacNode | undefined {
    if (depth > MAX_DEPTH) {
      return undefined;
    }
    this.skipSpace();
    const text = this.text;
    const start = this.position;
    const ch = text[start];
    if (ch === '{' || ch === '[') {
      return ch === '{' ? this.map(depth) : this.list(depth);
    }
    if (ch === '!') {
      let end = start;
      while (end < text.length && !' \t\n\r,]}'.includes(text[end])) {
        end++;
      }
      const tag = text.slice(start + 1, end);
      this.position = end;
      const argument = this.node(depth + 1);
      if (!argument) {
        return undefined;
      }
      const span = { start, end: argument.span.end };
      if (argument.kind !== 'scalar') {
        return { kind: 'scalar', span, literal: { kind: 'expr', text: text.slice(start, argument.span.end) }, tag, replaceable: false, argument };
      }
      return { kind: 'scalar', span, literal: argument.literal, tag, replaceable: false };
    }
    return this.scalar();
  }

  private map(depth: number): IacMap | undefined {
    const text = this.text;
    const start = this.position++;
    const entries: IacEntry[] = [];
    for (;;) {
      this.skipSpace();
      if (text[this.position] === '}') {
        this.position++;
        return { kind: 'map', span: { start, end: this.position }, entries };
      }
      const key = this.scalar();
      if (!key) {
        return undefined;
      }
      this.skipSpace();
      let value: IacNode = { kind: 'scalar', span: key.span, literal: EMPTY_EXPR, replaceable: false };
      if (text[this.position] === ':') {
        this.position++;
        this.skipSpace();
        if (text[this.position] !== ',' && text[this.position] !== '}') {
          const read = this.node(depth + 1);
          if (!read) {
            return undefined;
          }
          value = read;
        }
      }
      const keyText = key.literal.kind === 'str' ? key.literal.value : text.slice(key.span.start, key.span.end);
      entries.push({ key: keyText, keySpan: key.span, value, removal: { start: key.span.start, end: value.span.end } });
      this.skipSpace();
      if (text[this.position] === ',') {
        this.position++;
      } else if (text[this.position] !== '}') {
        return undefined;
      }
    }
  }

  private list(depth: number): IacList | undefined {
    const text = this.text;
    const start = this.position++;
    const items: IacNode[] = [];
    for (;;) {
      this.skipSpace();
      if (text[this.position] === ']') {
        this.position++;
        return { kind: 'list', span: { start, end: this.position }, items };
      }
      const item = this.node(depth + 1);
      if (!item) {
        return undefined;
      }
      items.push(item);
      this.skipSpace();
      if (text[this.position] === ',') {
        this.position++;
      } else if (text[this.position] !== ']') {
        return undefined;
      }
    }
  }
}

