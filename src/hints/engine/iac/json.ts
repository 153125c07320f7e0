/** A JSON (and JSONC) reader for templates, from the shared lexer's tokens into the shared tree. */
import { lex, matchBrackets, TOKEN_KIND, Tokens } from '../lexer';
import { parseSuppression } from '../model';
import { LineIndex } from '../text';
import { codeOf } from '../tokenCodes';
import { EMPTY_EXPR, IacEntry, IacNode } from './tree';

// A module constant rather than an imported binding: unbundled (tsx), an import is read through the
// module object on every use.
const { STR, NUM, PUNCT } = TOKEN_KIND;
const MINUS = codeOf('-');

const MAX_DEPTH = 64;

export interface JsonDocument {
  root: IacNode | undefined;
  suppressions: { line: number; ruleIds: string[] }[];
}

function parse(tokens: Tokens, partner: Int32Array, lines: LineIndex, text: string): IacNode | undefined {
  let position = 0;
  const node = (depth: number): IacNode | undefined => {
    const kind = tokens.kinds[position];
    if (kind === undefined || depth > MAX_DEPTH) {
      return undefined;
    }
    const start = tokens.starts[position];
    if (kind === PUNCT && tokens.is(position, '{')) {
      const close = partner[position];
      if (close < 0) {
        return undefined;
      }
      const entries: IacEntry[] = [];
      position++;
      while (position < close) {
        const key = position;
        // Compared by text, so that a string `":"` reads as the separator too.
        if (tokens.kinds[key] !== STR || !(tokens.kinds[key + 1] !== undefined && tokens.text(key + 1) === ':')) {
          break;
        }
        position += 2;
        const value = node(depth + 1);
        if (!value) {
          break;
        }
        entries.push({ key: tokens.text(key), keySpan: { start: tokens.starts[key], end: tokens.ends[key] }, value, removal: { start: tokens.starts[key], end: value.span.end } });
        if (tokens.kinds[position] !== undefined && tokens.text(position) === ',') {
          position++;
        }
      }
      position = close + 1;
      // An entry's removal runs to the next entry, taking its comma along.
      entries.forEach((entry, index) => {
        const next = entries[index + 1];
        if (next) {
          entry.removal = { start: entry.removal.start, end: next.removal.start };
        }
        if (entry.value.kind === 'map') {
          const openLine = lines.lineOf(entry.value.span.start);
          const first = entry.value.entries[0];
          entry.insertion = {
            offset: openLine + 1 < lines.lineCount ? lines.lineStart(openLine + 1) : text.length,
            indent: first ? lines.indentation(lines.lineOf(first.keySpan.start)) : `${lines.indentation(openLine)}  `,
            style: 'json',
          };
        }
      });
      return { kind: 'map', span: { start, end: tokens.ends[close] }, entries };
    }
    if (kind === PUNCT && tokens.is(position, '[')) {
      const close = partner[position];
      if (close < 0) {
        return undefined;
      }
      position++;
      const items: IacNode[] = [];
      while (position < close) {
        const item = node(depth + 1);
        if (!item) {
          break;
        }
        items.push(item);
        if (tokens.kinds[position] !== undefined && tokens.text(position) === ',') {
          position++;
        }
      }
      position = close + 1;
      return { kind: 'list', span: { start, end: tokens.ends[close] }, items };
    }
    // The lexer reads `-1` as a minus and a number; a template's `"FromPort": -1` is one negative number.
    if (kind === PUNCT && tokens.codes[position] === MINUS && tokens.kinds[position + 1] === NUM && tokens.starts[position + 1] === tokens.ends[position]) {
      const span = { start, end: tokens.ends[position + 1] };
      const value = -Number(tokens.text(position + 1));
      position += 2;
      return { kind: 'scalar', span, literal: { kind: 'num', value }, replaceable: true };
    }
    const value = tokens.text(position);
    const span = { start, end: tokens.ends[position] };
    position++;
    if (kind === STR) {
      return { kind: 'scalar', span, literal: { kind: 'str', value }, replaceable: true };
    }
    if (kind === NUM) {
      return { kind: 'scalar', span, literal: { kind: 'num', value: Number(value) }, replaceable: true };
    }
    if (value === 'true' || value === 'false') {
      return { kind: 'scalar', span, literal: { kind: 'bool', value: value === 'true' }, replaceable: true };
    }
    if (value === 'null') {
      return { kind: 'scalar', span, literal: { kind: 'none' }, replaceable: true };
    }
    return { kind: 'scalar', span, literal: EMPTY_EXPR, replaceable: false };
  };
  return node(0);
}

export function readJson(text: string, lines: LineIndex): JsonDocument {
  const { tokens, comments } = lex(text, 'json');
  const root = parse(tokens, matchBrackets(tokens), lines, text);
  const suppressions = comments.flatMap((comment) => {
    const ids = parseSuppression(comment.text);
    return ids ? [{ line: lines.lineOf(comment.end) + 1, ruleIds: ids }] : [];
  });
  return { root, suppressions };
}
