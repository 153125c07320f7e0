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

/** `file:line:col severity rule-id message`, one finding a line, every field escaped. */
export function textOutput(entries: readonly CliEntry[]): string {
  return entries
    .map((e) => `${escapeLineStart(e.file)}:${e.line}:${e.column} ${e.severity} ${escapeField(e.ruleId)} ${escapeField(e.message)}\n`)
    .join('');
}

export function jsonOutput(entries: readonly CliEntry[]): string {
  return `${jsonSafe(JSON.stringify(entries, null, 2))}\n`;
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: encodeRelativeUri(relative.split(path.sep).join('/')), uriBaseId: SARIF_URI_BASE };
  }
  return { uri: pathToFileURL(absolute).href };
}

export function sarifOutput(entries: readonly CliEntry[], rules: readonly HintRule[], cwd: string): string {
  const level = (severity: Severity): string => (severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note');
  const used = new Set(entries.map((entry) => entry.ruleId));
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
              .filter((rule) => used.has(rule.id))
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
        results: entries.map((entry) => ({
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
        })),
      },
    ],
  };
  return `${jsonSafe(JSON.stringify(sarif, null, 2))}\n`;
}
