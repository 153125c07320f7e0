/** The CLI's three output formats. Every one is safe to print in a CI log (see escape.ts). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HintRule, Severity } from '../hints/engine/types';
import { encodeRelativeUri, escapeField, escapeLineStart, jsonSafe } from './escape';

export interface CliEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  service: string;
  /**
   * Definitions in other files that a workspace finding was checked against (JSON output only):
   * the workspace-relative file, 1-based line and column, and what is there.
   */
  related?: { file: string; line: number; column: number; message: string }[];
}

/** The SARIF base every relative artifact URI resolves against: the folder the CLI ran in. */
export const SARIF_URI_BASE = 'SRCROOT';

export type Format = 'text' | 'json' | 'sarif';

/** `file:line:col severity rule-id message`, every field escaped. */
function textLine(e: CliEntry): string {
  return `${escapeLineStart(e.file)}:${e.line}:${e.column} ${e.severity} ${escapeField(e.ruleId)} ${escapeField(e.message)}\n`;
}

/** Every line of `json` moved right by `spaces`: where JSON.stringify(…, null, 2) puts a value that deep. */
function indented(json: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return pad + json.split('\n').join(`\n${pad}`);
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: encodeRelativeUri(relative.split(path.sep).join('/')), uriBaseId: SARIF_URI_BASE };
  }
  return { uri: pathToFileURL(absolute).href };
}

const level = (severity: Severity): string => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');

function sarifResult(entry: CliEntry, cwd: string): object {
  return {
    ruleId: entry.ruleId,
    level: level(entry.severity),
    message: { text: entry.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(entry.file, cwd),
          region: { startLine: entry.line, startColumn: entry.column, endLine: entry.endLine, endColumn: entry.endColumn },
        },
      },
    ],
  };
}

/**
 * One file's entries as they appear in the output: text lines, or the array items of the JSON or
 * SARIF document (already indented). `assembleOutput` puts the files' pieces together, so that each
 * thread formats its own files. Every format is safe to print in a CI log (see escape.ts).
 */
export function formatEntries(entries: readonly CliEntry[], format: Format, cwd: string): string {
  switch (format) {
    case 'text':
      return entries.map(textLine).join('');
    case 'json':
      // The items of a top-level array, 2 spaces deep: the array's own text without its brackets.
      return entries.length === 0 ? '' : jsonSafe(JSON.stringify(entries, null, 2).slice(2, -2));
    case 'sarif':
      // Items of runs[0].results sit 8 spaces deep.
      return jsonSafe(entries.map((entry) => indented(JSON.stringify(sarifResult(entry, cwd), null, 2), 8)).join(',\n'));
  }
}

/** Characters of text and JSON output gathered before a write: few writes, and no whole document held. */
const WRITE_CHARS = 64 * 1024;

/**
 * The output, from the files' pieces in file order. Text and JSON are written as the pieces arrive, so that a
 * large tree's output is not joined and encoded after the last file while the other threads sit idle; SARIF lists
 * the rules its results use before the results, so it is written whole at the end.
 */
export class OutputWriter {
  /** SARIF results, held to the end. */
  private readonly held: string[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private items = 0;

  constructor(
    private readonly format: Format,
    private readonly write: (text: string) => void,
  ) {}

  /** A file's piece (see formatEntries); empty for a file without entries. */
  add(piece: string): void {
    if (piece.length === 0) {
      return;
    }
    if (this.format === 'sarif') {
      this.held.push(piece);
    } else {
      this.gather(this.format === 'json' ? `${this.items === 0 ? '[\n' : ',\n'}${piece}` : piece);
    }
    this.items++;
  }

  /** Ends the output. SARIF lists the rules the results use, in the order of `rules`. */
  finish(usedRuleIds: ReadonlySet<string>, rules: readonly HintRule[], cwd: string): void {
    if (this.format === 'sarif') {
      this.write(sarifDocument(this.held, usedRuleIds, rules, cwd));
      return;
    }
    if (this.format === 'json') {
      this.gather(this.items === 0 ? '[]\n' : '\n]\n');
    }
    this.flush();
  }

  private gather(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= WRITE_CHARS) {
      this.flush();
    }
  }

  private flush(): void {
    if (this.pending.length > 0) {
      this.write(this.pending.join(''));
      this.pending = [];
      this.pendingChars = 0;
    }
  }
}

/** The whole output from the files' pieces, in file order: the same text as formatting all entries at once. */
export function assembleOutput(format: Format, pieces: readonly string[], usedRuleIds: ReadonlySet<string>, rules: readonly HintRule[], cwd: string): string {
  let output = '';
  const writer = new OutputWriter(format, (text) => (output += text));
  pieces.forEach((piece) => writer.add(piece));
  writer.finish(usedRuleIds, rules, cwd);
  return output;
}

/** The SARIF document around the results' pieces (each already indented, see formatEntries). */
function sarifDocument(items: readonly string[], usedRuleIds: ReadonlySet<string>, rules: readonly HintRule[], cwd: string): string {
  const base = pathToFileURL(cwd).href;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-db-hints',
            rules: rules
              .filter((rule) => usedRuleIds.has(rule.id))
              .map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.diagnostic?.message ?? rule.hover },
                helpUri: rule.doc,
                defaultConfiguration: { level: level(rule.diagnostic?.severity ?? 'information') },
                properties: { service: rule.service, ...(rule.diagnostic?.controls.length ? { controls: rule.diagnostic.controls } : {}) },
              })),
          },
        },
        originalUriBaseIds: { [SARIF_URI_BASE]: { uri: base.endsWith('/') ? base : `${base}/` } },
        results: [],
      },
    ],
  };
  // The results go where the empty array is: the only `"results": []` with raw quotes, since quotes
  // inside strings are escaped. It is the run's last key, 6 spaces deep.
  const document = jsonSafe(JSON.stringify(sarif, null, 2));
  const at = document.lastIndexOf('"results": []');
  const results = items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n      ]`;
  return `${document.slice(0, at)}"results": ${results}${document.slice(at + '"results": []'.length)}\n`;
}
