/**
 * HCL as far as the workspace model reads Terraform: blocks with their labels, attributes, and values
 * that are literals, references (`aws_dynamodb_table.orders.name`), templates whose parts are
 * references (`"${path.module}/src"`), objects and tuples. Anything else (function calls, operators,
 * `for` expressions, heredocs) is `other`. Built on the shared lexer's tokens and bracket pairs, so it
 * is linear in the text.
 */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { LineIndex } from '../text';
import { Span } from '../types';

const { ID, STR, NUM } = TOKEN_KIND;

/** How deep blocks and values are read; deeper nesting reads as `other` (bounds the work and the stack). */
const MAX_DEPTH = 64;

/** A literal piece of a template, or a reference interpolated into it. */
export type TemplatePart = { text: string } | { reference: string[] };

export type HclValue =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'template'; parts: TemplatePart[]; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'reference'; path: string[]; span: Span }
  | { kind: 'object'; entries: HclAttribute[]; span: Span }
  | { kind: 'tuple'; items: HclValue[]; span: Span }
  | { kind: 'other'; span: Span };

export interface HclAttribute {
  name: string;
  nameSpan: Span;
  value: HclValue;
}

export interface HclBlock {
  type: string;
  labels: string[];
  /** The last label, or the type when there is none: where a definition is shown. */
  nameSpan: Span;
  body: HclBody;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** The first attribute of a body or object by name. */
export function attributeOf(owner: HclBody | HclValue | undefined, name: string): HclValue | undefined {
  const entries = owner === undefined ? undefined : 'attributes' in owner ? owner.attributes : owner.kind === 'object' ? owner.entries : undefined;
  return entries?.find((entry) => entry.name === name)?.value;
}

export function blocksOf(body: HclBody | undefined, type: string): HclBlock[] {
  return body ? body.blocks.filter((block) => block.type === type) : [];
}

/** `${a.b.c}` with nothing but a reference inside. */
const SIMPLE_INTERPOLATION = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/** The parts of a template string's content, or undefined when an interpolation is more than a reference. */
function templateParts(content: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < content.length) {
    const at = content.indexOf('${', i);
    const directive = content.indexOf('%{', i);
    if (directive >= 0 && (at < 0 || directive < at) && content[directive - 1] !== '%') {
      return undefined;
    }
    if (at < 0) {
      text += content.slice(i);
      break;
    }
    if (content[at - 1] === '$') {
      // `$${` is a literal `${`.
      text += content.slice(i, at - 1) + '${';
      i = at + 2;
      continue;
    }
    const close = content.indexOf('}', at + 2);
    const inner = close < 0 ? '' : content.slice(at + 2, close).trim();
    if (!SIMPLE_INTERPOLATION.test(inner)) {
      return undefined;
    }
    text += content.slice(i, at);
    if (text) {
      parts.push({ text });
      text = '';
    }
    parts.push({ reference: inner.split('.') });
    i = close + 1;
  }
  if (text) {
    parts.push({ text });
  }
  return parts;
}

class HclReader {
  private readonly partner: Int32Array;

  constructor(
    private readonly text: string,
    private readonly tokens: Tokens,
    private readonly lines: LineIndex,
  ) {
    this.partner = matchBrackets(tokens);
  }

  private startLine(index: number): number {
    return this.lines.lineOf(this.tokens.starts[index]);
  }

  private endLine(index: number): number {
    return this.lines.lineOf(Math.max(this.tokens.starts[index], this.tokens.ends[index] - 1));
  }

  private span(first: number, last: number): Span {
    return { start: this.tokens.starts[first], end: this.tokens.ends[last] };
  }

  private isChar(index: number, char: string): boolean {
    return this.tokens.isChar(index, char.charCodeAt(0));
  }

  /** Where a value that starts at `start` ends: at a top-level `,` or the first token on a later line. */
  private valueEnd(start: number, limit: number): number {
    let k = start;
    let line = this.startLine(start);
    while (k < limit) {
      if (k > start && (this.startLine(k) !== line || this.isChar(k, ','))) {
        break;
      }
      const p = this.partner[k];
      const last = p > k && p < limit ? p : k;
      line = this.endLine(last);
      k = last + 1;
    }
    return k;
  }

  /** The items of a body between tokens `from` and `to` (exclusive): `name = value` and `type "label" {…}`. */
  body(from: number, to: number, depth = 0): HclBody {
    const { tokens, partner } = this;
    const body: HclBody = { attributes: [], blocks: [] };
    if (depth > MAX_DEPTH) {
      return body;
    }
    let k = from;
    while (k < to) {
      if (tokens.kinds[k] !== ID) {
        k = partner[k] > k && partner[k] < to ? partner[k] + 1 : k + 1;
        continue;
      }
      if (this.isChar(k + 1, '=')) {
        const end = this.valueEnd(k + 2, to);
        body.attributes.push({ name: tokens.text(k), nameSpan: this.span(k, k), value: this.value(k + 2, end, depth + 1) });
        k = end;
        continue;
      }
      let open = k + 1;
      while (open < to && (tokens.kinds[open] === STR || tokens.kinds[open] === ID) && this.startLine(open) === this.startLine(k)) {
        open++;
      }
      const close = partner[open];
      if (open < to && this.isChar(open, '{') && close > open && close < to) {
        const labels: string[] = [];
        for (let label = k + 1; label < open; label++) {
          labels.push(tokens.text(label));
        }
        body.blocks.push({ type: tokens.text(k), labels, nameSpan: this.span(open - 1, open - 1), body: this.body(open + 1, close, depth + 1) });
        k = close + 1;
        continue;
      }
      // Not an item: skip to the next line.
      const line = this.startLine(k);
      while (k < to && this.startLine(k) === line) {
        k = partner[k] > k && partner[k] < to ? partner[k] + 1 : k + 1;
      }
    }
    return body;
  }

  /** The value of tokens [start, end). */
  value(start: number, end: number, depth = 0): HclValue {
    const { tokens } = this;
    if (end <= start || depth > MAX_DEPTH) {
      const at = start > 0 ? tokens.ends[start - 1] : 0;
      return { kind: 'other', span: { start: at, end: at } };
    }
    const span = this.span(start, end - 1);
    const kind = tokens.kinds[start];
    if (end - start === 1) {
      if (kind === STR) {
        if (this.text.charCodeAt(tokens.starts[start]) !== 34) {
          return { kind: 'other', span };
        }
        const content = tokens.text(start);
        if (!tokens.interpolated(start)) {
          return { kind: 'string', value: content, span };
        }
        const parts = templateParts(content);
        return parts ? { kind: 'template', parts, span } : { kind: 'other', span };
      }
      if (kind === NUM) {
        const value = Number(tokens.text(start));
        return Number.isFinite(value) ? { kind: 'number', value, span } : { kind: 'other', span };
      }
      if (kind === ID) {
        const word = tokens.text(start);
        if (word === 'true' || word === 'false') {
          return { kind: 'bool', value: word === 'true', span };
        }
        if (word === 'null') {
          return { kind: 'null', span };
        }
      }
    }
    if (this.partner[start] === end - 1 && (this.isChar(start, '{') || this.isChar(start, '['))) {
      return this.isChar(start, '{') ? this.object(start, end - 1, span, depth) : this.tuple(start, end - 1, span, depth);
    }
    if (kind === ID && (end - start) % 2 === 1) {
      const path: string[] = [];
      for (let k = start; k < end; k += 2) {
        if (tokens.kinds[k] !== ID || (k + 1 < end && !this.isChar(k + 1, '.'))) {
          return { kind: 'other', span };
        }
        path.push(tokens.text(k));
      }
      return { kind: 'reference', path, span };
    }
    return { kind: 'other', span };
  }

  private object(open: number, close: number, span: Span, depth: number): HclValue {
    const { tokens } = this;
    const entries: HclAttribute[] = [];
    let k = open + 1;
    while (k < close) {
      if (this.isChar(k, ',')) {
        k++;
        continue;
      }
      const keyed = (tokens.kinds[k] === ID || (tokens.kinds[k] === STR && !tokens.interpolated(k))) && (this.isChar(k + 1, '=') || this.isChar(k + 1, ':'));
      if (!keyed) {
        // A computed key (`(local.name) = …`) or a `for` expression: the object is not literal.
        return { kind: 'other', span };
      }
      const end = this.valueEnd(k + 2, close);
      entries.push({ name: tokens.text(k), nameSpan: this.span(k, k), value: this.value(k + 2, end, depth + 1) });
      k = end;
    }
    return { kind: 'object', entries, span };
  }

  private tuple(open: number, close: number, span: Span, depth: number): HclValue {
    const items: HclValue[] = [];
    let k = open + 1;
    if (this.tokens.kinds[k] === ID && this.tokens.is(k, 'for')) {
      return { kind: 'other', span };
    }
    while (k < close) {
      if (this.isChar(k, ',')) {
        k++;
        continue;
      }
      // Items may run over lines inside a tuple: only a comma ends one.
      let end = k;
      while (end < close && !this.isChar(end, ',')) {
        const p = this.partner[end];
        end = p > end && p < close ? p + 1 : end + 1;
      }
      items.push(this.value(k, end, depth + 1));
      k = end;
    }
    return { kind: 'tuple', items, span };
  }
}

/** The top-level body of a Terraform file. */
export function readHcl(text: string, lines: LineIndex): HclBody {
  const { tokens } = lex(text, 'hcl');
  return new HclReader(text, tokens, lines).body(0, tokens.length);
}

/**
 * The one argument of a call of `callee` that `value` is (`jsonencode([...])`), read as a value with its spans in
 * `text`; undefined for any other value. The reader keeps calls as `other`, so the argument is read on its own.
 */
export function calledValue(text: string, lines: LineIndex, value: HclValue, callee: string): HclValue | undefined {
  const written = value.kind === 'other' ? text.slice(value.span.start, value.span.end) : '';
  const call = new RegExp(`^${callee}\\s*\\(`).exec(written);
  if (!call || !written.endsWith(')')) {
    return undefined;
  }
  // Blanks in place of the text before the argument keep every offset, so spans and lines stay the file's.
  const padded = ' '.repeat(value.span.start + call[0].length) + written.slice(call[0].length, -1);
  const { tokens } = lex(padded, 'hcl');
  return new HclReader(padded, tokens, lines).value(0, tokens.length);
}
