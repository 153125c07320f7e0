/**
 * A YAML reader for templates: block maps and lists by indentation, flow collections (`{ A: b }`,
 * `[a, b]`) across lines, quoted and plain scalars, short-form tags (`!Ref X`), block scalars and
 * comments. Linear in the text: every physical line is looked at a bounded number of times, and no
 * regular expression runs across a line break.
 */
import { budgetTick } from '../budget';
import { Literal, parseSuppression } from '../model';
import { LineIndex } from '../text';
import { Span } from '../types';
import { EMPTY_EXPR, IacEntry, IacList, IacMap, IacNode, IacScalar } from './tree';

const MAX_DEPTH = 64;

/** A line with content, after comments are stripped; `column` and `content` move right for `- ` items. */
interface ContentLine {
  line: number;
  /** Column where the content starts (the indentation, or past `- ` for a list item's content). */
  column: number;
  /** Offset of the content in the text. */
  start: number;
  content: string;
  /** Last physical line this line covers (block scalar lines belong to the line that opens them). */
  endLine: number;
}

export interface YamlDocument {
  root: IacNode | undefined;
  suppressions: { line: number; ruleIds: string[] }[];
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** The end of the content before a `#` comment that is not inside quotes. */
function commentStart(raw: string, from: number): number {
  let quote = '';
  for (let i = from; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === '\\' && quote === '"') {
        i++;
      } else if (ch === quote) {
        quote = '';
      }
    } else if ((ch === '"' || ch === "'") && (i === from || ' \t:[{,'.includes(raw[i - 1]))) {
      quote = ch;
    } else if (ch === '#' && (i === from || isSpace(raw[i - 1]))) {
      return i;
    }
  }
  return raw.length;
}

/** `|`, `>-`, `|2+` and the like at the end of a line's content: a block scalar starts on the next line. */
function opensBlockScalar(content: string): boolean {
  const space = content.lastIndexOf(' ');
  const token = content.slice(space + 1);
  if (!/^[|>][-+0-9]{0,3}$/.test(token)) {
    return false;
  }
  if (space < 0) {
    return true;
  }
  const before = content.slice(0, space).trimEnd();
  const lastToken = before.slice(before.lastIndexOf(' ') + 1);
  return before.endsWith(':') || before.endsWith('-') || lastToken.startsWith('!');
}

function readLines(lines: LineIndex, suppressions: YamlDocument['suppressions']): ContentLine[] {
  const result: ContentLine[] = [];
  let blockParent = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    budgetTick();
    const raw = lines.lineText(line);
    let indent = 0;
    while (indent < raw.length && raw[indent] === ' ') {
      indent++;
    }
    const blank = indent === raw.length || raw.slice(indent).trim() === '';
    if (blockParent >= 0) {
      if (blank || indent > blockParent) {
        result[result.length - 1].endLine = line;
        continue;
      }
      blockParent = -1;
    }
    if (blank) {
      continue;
    }
    const cut = commentStart(raw, indent);
    if (cut < raw.length) {
      const ids = parseSuppression(raw.slice(cut));
      if (ids) {
        suppressions.push({ line: line + 1, ruleIds: ids });
      }
    }
    const content = raw.slice(indent, cut).trimEnd();
    if (content === '' || (indent === 0 && (content === '---' || content === '...' || content.startsWith('%')))) {
      continue;
    }
    result.push({ line, column: indent, start: lines.lineStart(line) + indent, content, endLine: line });
    if (opensBlockScalar(content)) {
      blockParent = indent;
    }
  }
  return result;
}

function plainLiteral(value: string): Literal {
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
function quoteEnd(text: string, from: number, limit: number): number {
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

function unquote(raw: string): string {
  const inner = raw.slice(1, -1);
  return raw[0] === "'" ? inner.split("''").join("'") : inner.replace(/\\(["\\/])/g, '$1');
}

/** Flow collections read straight from the text, so that they may span lines. */
class FlowReader {
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
      const literal: Literal = argument.kind === 'scalar' ? argument.literal : { kind: 'expr', text: text.slice(start, argument.span.end) };
      return { kind: 'scalar', span: { start, end: argument.span.end }, literal, tag, replaceable: false };
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

/** `key:` at the start of a line's content: the key as written and where the rest starts. */
function splitKey(content: string): { raw: string; key: string; rest: number } | undefined {
  const first = content[0];
  let keyEnd: number;
  let colon: number;
  if (first === '"' || first === "'") {
    keyEnd = quoteEnd(content, 0, content.length);
    if (keyEnd < 0) {
      return undefined;
    }
    colon = keyEnd;
    while (isSpace(content[colon])) {
      colon++;
    }
    if (content[colon] !== ':') {
      return undefined;
    }
  } else {
    if ('[{!&*|>%@`?#'.includes(first)) {
      return undefined;
    }
    colon = -1;
    for (let i = 0; i < content.length; i++) {
      if (content[i] === ':' && (i + 1 === content.length || isSpace(content[i + 1]))) {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      return undefined;
    }
    keyEnd = colon;
    while (keyEnd > 0 && isSpace(content[keyEnd - 1])) {
      keyEnd--;
    }
  }
  if (colon + 1 < content.length && !isSpace(content[colon + 1])) {
    return undefined;
  }
  const raw = content.slice(0, keyEnd);
  let rest = colon + 1;
  while (isSpace(content[rest])) {
    rest++;
  }
  return { raw, key: first === '"' || first === "'" ? unquote(raw) : raw, rest };
}

function isListItem(content: string): boolean {
  return content[0] === '-' && (content.length === 1 || isSpace(content[1]));
}

class BlockReader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly content: ContentLine[],
  ) {}

  root(): IacNode | undefined {
    let root: IacNode | undefined;
    while (this.index < this.content.length) {
      const before = this.index;
      const node = this.node(this.content[this.index].column, 0);
      if (node?.kind === 'map' && root?.kind === 'map') {
        root.entries.push(...node.entries);
        root.span.end = node.span.end;
      } else {
        root ??= node;
      }
      if (this.index === before) {
        this.index++;
      }
    }
    return root;
  }

  /** Skips lines deeper than `column` (continuations of a scalar, or structure past the depth limit). */
  private skipDeeper(column: number): void {
    while (this.index < this.content.length && this.content[this.index].column > column) {
      this.index++;
    }
  }

  /** Skips lines that a flow collection ending at `offset` has already read. */
  private skipThrough(offset: number): void {
    const line = this.lines.lineOf(Math.max(0, offset - 1));
    while (this.index < this.content.length && this.content[this.index].line <= line) {
      this.index++;
    }
  }

  private lineAfter(line: number): number {
    return line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
  }

  private node(column: number, depth: number): IacNode | undefined {
    const current = this.content[this.index];
    if (depth > MAX_DEPTH) {
      this.index++;
      this.skipDeeper(column);
      return undefined;
    }
    if (isListItem(current.content)) {
      return this.list(column, depth);
    }
    if (splitKey(current.content)) {
      return this.map(column, depth);
    }
    const value = this.inlineValue(current.start, current.content, depth);
    this.index++;
    if (value.flowEnd !== undefined) {
      this.skipThrough(value.flowEnd);
    } else {
      this.skipDeeper(column);
    }
    return value.node;
  }

  /** A value written on the line at `start`; flow collections may run on over the next lines. */
  private inlineValue(start: number, rest: string, depth: number): { node: IacNode; flowEnd?: number } {
    const span: Span = { start, end: start + rest.length };
    const first = rest[0];
    if (first === '{' || first === '[' || (first === '!' && /^![A-Za-z:.]+[ \t]+[[{]/.test(rest.slice(0, 80)))) {
      const reader = new FlowReader(this.text, start);
      const node = reader.node(depth + 1);
      if (node) {
        return { node, flowEnd: reader.position };
      }
      return { node: { kind: 'scalar', span, literal: { kind: 'expr', text: rest }, replaceable: false } };
    }
    if (first === '!') {
      const space = rest.search(/[ \t]/);
      const tag = rest.slice(1, space < 0 ? rest.length : space);
      const argument = space < 0 ? '' : rest.slice(space).trim();
      const quoted = (argument[0] === '"' || argument[0] === "'") && quoteEnd(argument, 0, argument.length) === argument.length;
      const literal: Literal = argument === '' ? { kind: 'expr', text: rest } : { kind: 'str', value: quoted ? unquote(argument) : argument };
      return { node: { kind: 'scalar', span, literal, tag, replaceable: false } };
    }
    if (first === '&') {
      const space = rest.search(/[ \t]/);
      if (space > 0) {
        const after = rest.slice(space).trimStart();
        return this.inlineValue(start + rest.length - after.length, after, depth);
      }
    }
    if (first === '"' || first === "'") {
      if (quoteEnd(rest, 0, rest.length) === rest.length) {
        return { node: { kind: 'scalar', span, literal: { kind: 'str', value: unquote(rest) }, replaceable: true } };
      }
      return { node: { kind: 'scalar', span, literal: { kind: 'expr', text: rest }, replaceable: false } };
    }
    if (first === '*' || first === '|' || first === '>') {
      return { node: { kind: 'scalar', span, literal: { kind: 'expr', text: rest }, replaceable: false } };
    }
    return { node: { kind: 'scalar', span, literal: plainLiteral(rest), replaceable: true } };
  }

  private map(column: number, depth: number): IacMap {
    const entries: IacEntry[] = [];
    const start = this.content[this.index].start;
    let end = start;
    while (this.index < this.content.length) {
      const current = this.content[this.index];
      if (current.column > column) {
        // A stray deeper line: skip it rather than stall.
        this.index++;
        continue;
      }
      const key = current.column === column ? splitKey(current.content) : undefined;
      if (!key) {
        break;
      }
      const keySpan = { start: current.start, end: current.start + key.raw.length };
      const rest = current.content.slice(key.rest);
      let value: IacNode;
      let childIndent: number | undefined;
      if (rest === '' || (rest[0] === '&' && !/[ \t]/.test(rest))) {
        this.index++;
        const next = this.content[this.index];
        childIndent = column + 2;
        if (next && (next.column > column || (next.column === column && isListItem(next.content)))) {
          childIndent = next.column;
          value = this.node(next.column, depth + 1) ?? { kind: 'scalar', span: keySpan, literal: EMPTY_EXPR, replaceable: false };
        } else {
          value = { kind: 'scalar', span: keySpan, literal: EMPTY_EXPR, replaceable: false };
        }
      } else {
        const inline = this.inlineValue(current.start + key.rest, rest, depth);
        value = inline.node;
        this.index++;
        if (inline.flowEnd !== undefined) {
          this.skipThrough(inline.flowEnd);
        } else {
          this.skipDeeper(column);
        }
      }
      const lastLine = this.content[this.index - 1].endLine;
      end = Math.max(end, this.lines.lineEnd(lastLine));
      const entry: IacEntry = { key: key.key, keySpan, value, removal: { start: this.lines.lineStart(current.line), end: this.lineAfter(lastLine) } };
      if (childIndent !== undefined) {
        // Only a block value takes a new line of its own.
        entry.insertion = { offset: this.lineAfter(current.line), indent: ' '.repeat(childIndent), style: 'yaml' };
      }
      entries.push(entry);
    }
    return { kind: 'map', span: { start, end }, entries };
  }

  private list(column: number, depth: number): IacList {
    const items: IacNode[] = [];
    const start = this.content[this.index].start;
    let end = start;
    while (this.index < this.content.length) {
      const current = this.content[this.index];
      if (current.column !== column || !isListItem(current.content)) {
        break;
      }
      let offset = 1;
      while (isSpace(current.content[offset])) {
        offset++;
      }
      let item: IacNode | undefined;
      if (offset >= current.content.length) {
        this.index++;
        const next = this.content[this.index];
        if (next && next.column > column) {
          item = this.node(next.column, depth + 1);
        }
      } else {
        // The item's content reads as if it were a line of its own, further right.
        current.column += offset;
        current.start += offset;
        current.content = current.content.slice(offset);
        item = this.node(current.column, depth + 1);
      }
      if (item) {
        items.push(item);
        end = Math.max(end, item.span.end);
      }
    }
    return { kind: 'list', span: { start, end }, items };
  }
}

export function readYaml(text: string, lines: LineIndex): YamlDocument {
  const suppressions: YamlDocument['suppressions'] = [];
  const content = readLines(lines, suppressions);
  return { root: new BlockReader(text, lines, content).root(), suppressions };
}
