/** Offsets to line/column, and the limits that keep the engine bounded on hostile or generated input. */
import { copyInto } from './typedArrays';
import { SkipReason } from './types';

export class LineIndex {
  /** Offsets where lines start, in a typed array: pushing to a plain array was most of the cost on large files. */
  private readonly starts: Int32Array;
  readonly lineCount: number;

  constructor(readonly text: string) {
    let starts = new Int32Array(Math.max(16, text.length >> 5));
    let count = 1;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
      if (count === starts.length) {
        starts = copyInto(starts, new Int32Array(starts.length * 2));
      }
      starts[count++] = newline + 1;
    }
    this.starts = starts;
    this.lineCount = count;
  }

  /** Zero-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.lineCount - 1))];
  }

  lineEnd(line: number): number {
    const next = line + 1 < this.lineCount ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** Zero-based line and column (UTF-16 code units). */
  position(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The whitespace that starts a line. */
  indentation(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
  }
}

export interface Limits {
  /** Characters; larger texts are skipped. */
  maxSize: number;
  /** Characters per line; a longer line skips the file (generated or minified code). */
  maxLineLength: number;
}

export const DEFAULT_LIMITS: Limits = { maxSize: 2 * 1024 * 1024, maxLineLength: 4000 };

/** NUL and the other control characters but tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0e-\x1f]/;

/** Why a text should not be analysed, or undefined when it can be. Linear in the text size. */
export function assessText(text: string, limits: Limits = DEFAULT_LIMITS, fileName = ''): SkipReason | undefined {
  if (text.length > limits.maxSize) {
    return { kind: 'too-large', detail: `${text.length} characters, over the ${limits.maxSize} limit` };
  }
  if (/\.min\.(?:js|mjs|cjs)$/.test(fileName)) {
    return { kind: 'minified', detail: 'a .min.js file' };
  }
  let controls = 0;
  const sample = Math.min(text.length, 8192);
  // Nearly every text has no control character at all: one native search says so.
  const clean = !CONTROL_CHARACTER.test(sample === text.length ? text : text.slice(0, sample));
  for (let i = clean ? sample : 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) {
      return { kind: 'binary', detail: 'contains NUL bytes' };
    }
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) {
      controls++;
    }
  }
  if (sample > 0 && controls / sample > 0.1) {
    return { kind: 'binary', detail: 'mostly control characters' };
  }
  let lineStart = 0;
  let lines = 1;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (lineEnd - lineStart > limits.maxLineLength) {
      return { kind: 'long-line', detail: `line ${lines} has ${lineEnd - lineStart} characters, over the ${limits.maxLineLength} limit` };
    }
    if (newline < 0) {
      break;
    }
    lineStart = newline + 1;
    lines++;
  }
  if (text.length > 2048 && text.length / lines > 300) {
    return { kind: 'minified', detail: `average line length ${Math.round(text.length / lines)} characters` };
  }
  return undefined;
}
