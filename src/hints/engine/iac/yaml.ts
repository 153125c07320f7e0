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
import { EMPTY_EXPR, IacEntry, IacList, IacMap, IacNode } from './tree';
import { FlowReader, isSpace, MAX_DEPTH, plainLiteral, quoteEnd, unquote } from './yamlFlow';

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

/**
 * A line that holds only a Jinja statement or comment tag (`{% if values.db_name %}`, `{%- endif %}`, `{# note #}`),
 * as Backstage skeletons, cookiecutter and copier templates write around optional parts of a template: YAML itself
 * cannot start a line with `{%` or `{#`, so the line is read as the template tool leaves it when the part is kept.
 */
function isTemplateTagLine(line: string): boolean {
  return (line.startsWith('{%') && line.endsWith('%}')) || (line.startsWith('{#') && line.endsWith('#}'));
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
    if (content === '' || isTemplateTagLine(raw.slice(indent).trimEnd()) || (indent === 0 && (content === '---' || content === '...' || content.startsWith('%')))) {
      continue;
    }
    result.push({ line, column: indent, start: lines.lineStart(line) + indent, content, endLine: line });
    if (opensBlockScalar(content)) {
      blockParent = indent;
    }
  }
  return result;
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

/** `!If` alone on a line's content: a short-form function whose argument is the block below. */
function isBareTag(content: string): boolean {
  if (content[0] !== '!' || content.length < 2) {
    return false;
  }
  for (let i = 1; i < content.length; i++) {
    if (isSpace(content[i])) {
      return false;
    }
  }
  return true;
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
    if (splitKey(current.content) || this.explicitKey(column)) {
      return this.map(column, depth);
    }
    const value = this.inlineValue(current.start, current.content, depth);
    this.index++;
    if (value.flowEnd !== undefined) {
      this.skipThrough(value.flowEnd);
      return value.node;
    }
    const node = isBareTag(current.content) ? this.blockArgument(value.node, column, depth) : value.node;
    this.skipDeeper(column);
    return node;
  }

  /** A bare tag (`!If`) takes the block below as its argument: a list or map further right, or a list at its column. */
  private blockArgument(tagged: IacNode, column: number, depth: number): IacNode {
    const next = this.content[this.index];
    if (tagged.kind !== 'scalar' || !next || !(next.column > column || (next.column === column && isListItem(next.content)))) {
      return tagged;
    }
    const argument = this.node(next.column, depth + 1);
    if (argument?.kind !== 'map' && argument?.kind !== 'list') {
      return tagged;
    }
    return { ...tagged, span: { start: tagged.span.start, end: argument.span.end }, argument };
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
        const explicit = current.column === column ? this.explicitKey(column) : undefined;
        if (!explicit) {
          break;
        }
        const entry = this.explicitEntry(explicit, column, depth);
        end = Math.max(end, this.lines.lineEnd(this.content[this.index - 1].endLine));
        entries.push(entry);
        continue;
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
          value = isBareTag(rest) ? this.blockArgument(value, column, depth) : value;
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

  /**
   * YAML's explicit key: `? key` on one line and `: value` at the same column on the next, as `cdk synth` writes
   * a long logical ID. The key as written (one plain or quoted scalar) and where it starts; undefined for any other line.
   */
  private explicitKey(column: number): { raw: string; key: string; start: number } | undefined {
    const current = this.content[this.index];
    const next = this.content[this.index + 1];
    if (current.content[0] !== '?' || !isSpace(current.content[1]) || next?.column !== column || next.content[0] !== ':' || (next.content.length > 1 && !isSpace(next.content[1]))) {
      return undefined;
    }
    let offset = 1;
    while (isSpace(current.content[offset])) {
      offset++;
    }
    const raw = current.content.slice(offset);
    const quoted = raw[0] === '"' || raw[0] === "'";
    if (raw === '' || '[{!&*|>?'.includes(raw[0]) || (quoted && quoteEnd(raw, 0, raw.length) !== raw.length)) {
      return undefined;
    }
    return { raw, key: quoted ? unquote(raw) : raw, start: current.start + offset };
  }

  /** The entry of an explicit key at the current line: its value is what follows the next line's `:`, read like a list item's content. */
  private explicitEntry(key: { raw: string; key: string; start: number }, column: number, depth: number): IacEntry {
    const keyLine = this.content[this.index];
    const valueLine = this.content[++this.index];
    const keySpan = { start: key.start, end: key.start + key.raw.length };
    let offset = 1;
    while (isSpace(valueLine.content[offset])) {
      offset++;
    }
    let value: IacNode | undefined;
    if (offset >= valueLine.content.length) {
      const next = this.content[++this.index];
      value = next && next.column > column ? this.node(next.column, depth + 1) : undefined;
    } else {
      valueLine.column += offset;
      valueLine.start += offset;
      valueLine.content = valueLine.content.slice(offset);
      value = this.node(valueLine.column, depth + 1);
    }
    const lastLine = this.content[this.index - 1].endLine;
    return {
      key: key.key,
      keySpan,
      value: value ?? { kind: 'scalar', span: keySpan, literal: EMPTY_EXPR, replaceable: false },
      removal: { start: this.lines.lineStart(keyLine.line), end: this.lineAfter(lastLine) },
    };
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
