/**
 * What the CLI does with one file: read it, run the hint rules, and turn the result into its piece
 * of the output or a skip reason. The one place the CLI calls the analyser, on the main thread and
 * in the worker threads alike, so both produce the same report for the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../hints/engine/analyze';
import { Budget } from '../hints/engine/budget';
import { inReaderTerms } from '../hints/engine/readerTerms';
import { DEFAULT_LIMITS } from '../hints/engine/text';
import { HintRule, Severity } from '../hints/engine/types';
import { WorkspaceView } from '../hints/engine/workspace/types';
import { FileEntry } from './files';
import { CliEntry, formatEntries, Format } from './output';

/** What every file is analysed with; plain data, so that it can be handed to a worker thread. */
export interface AnalysisSettings {
  /** The folder the CLI runs in: output names files relative to it. */
  cwd: string;
  format: Format;
  /** The ids of the rules to run; all of them when absent. */
  ruleIds?: string[];
  listHovers: boolean;
  timeBudgetMs: number;
  /** Keep the stack of an internal error. */
  debug: boolean;
}

/** What the main thread needs of a file: small, since worker threads send one per file. */
export type FileReport =
  /** Its piece of the output (see formatEntries), the rules it names, and its worst severity's rank (-1 for none). */
  | { output: string; ruleIds: string[]; worstRank: number }
  | { skipped: string }
  /** The analyser threw: the file's findings are missing. */
  | { failed: string; stack?: string };

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** The rules a run uses, and every rule by id (a hover site may name rules the run does not check). */
export interface RuleSet {
  rules: readonly HintRule[];
  byId: ReadonlyMap<string, HintRule>;
}

export function ruleSet(allRules: readonly HintRule[], ruleIds: readonly string[] | undefined): RuleSet {
  const picked = ruleIds ? new Set(ruleIds) : undefined;
  return { rules: picked ? allRules.filter((rule) => picked.has(rule.id)) : allRules, byId: new Map(allRules.map((rule) => [rule.id, rule])) };
}

/** A path as the output names it: relative to the working folder, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

/**
 * The name a file is judged by without a workspace: its path from the working folder when it lies below it, as a
 * workspace names its files, so that the folders above (`/home/me/tests/app/...`) do not make it a test's.
 */
function nameUnder(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** The text of a regular file, or why it cannot be read. Opens without blocking, so a FIFO swapped in after the walk cannot hang us. */
function readRegularFile(file: string): string | { reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      return { reason: 'not a regular file' };
    }
    if (stat.size > DEFAULT_LIMITS.maxSize) {
      return { reason: `too-large (${stat.size} bytes, over the ${DEFAULT_LIMITS.maxSize} limit)` };
    }
    return fs.readFileSync(fd, 'utf8');
  } catch (error) {
    return { reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a file for the workspace index, or undefined when it cannot be read (the analysis says why). */
export function readableText(file: string): string | undefined {
  const text = readRegularFile(file);
  return typeof text === 'string' ? text : undefined;
}

/** The workspace a file is judged in: its model, and the file's path in it (relative to the workspace root). */
export interface FileWorkspace {
  model: WorkspaceView;
  fileName: string;
}

/** How a file is analysed besides the run's settings. */
export interface FileContext {
  /** The model of the file's workspace; none: the file is judged alone. */
  workspace?: FileWorkspace;
  /** The file's text when the workspace index has read it already (see KeptTexts); none: read here. */
  text?: string;
  /** The clock of the time budget (tests inject one). */
  now?: () => number;
}

export function analyzeFile(file: FileEntry, settings: AnalysisSettings, { rules, byId }: RuleSet, { workspace, text: kept, now }: FileContext = {}): FileReport {
  const text = kept ?? readRegularFile(file.path);
  if (typeof text !== 'string') {
    return { skipped: text.reason };
  }
  let failure: unknown;
  const result = analyzeText(text, rules, {
    kind: file.kind,
    fileName: workspace?.fileName ?? nameUnder(settings.cwd, file.path),
    workspace: workspace?.model,
    budget: new Budget(settings.timeBudgetMs, now),
    onError: (error) => (failure = error),
    findingsOnly: !settings.listHovers,
  });
  if (failure !== undefined) {
    const stack = settings.debug ? String((failure as Error).stack ?? failure) : undefined;
    return { failed: String((failure as Error).message ?? failure), ...(stack === undefined ? {} : { stack }) };
  }
  if (result.skipped) {
    return { skipped: `${result.skipped.kind} (${result.skipped.detail})` };
  }
  const name = displayPath(settings.cwd, file.path);
  const entry = (start: number, end: number, rule: HintRule, severity: Severity, message: string, service = rule.service): CliEntry => {
    const from = result.lines.position(start);
    const to = result.lines.position(end);
    return { file: name, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, ruleId: rule.id, severity, message, service };
  };
  const entries: CliEntry[] = [];
  if (settings.listHovers) {
    for (const site of result.sites) {
      for (const id of site.ruleIds) {
        const rule = byId.get(id)!;
        const service = rule.match.reportedOnly ? site.service : undefined;
        entries.push(entry(site.start, site.end, rule, 'hint', inReaderTerms(rule.title, rule, site.origin, site.name), service));
      }
    }
  } else {
    for (const finding of result.findings) {
      const found = entry(finding.start, finding.end, byId.get(finding.ruleId)!, finding.severity, finding.message, finding.service);
      if (finding.related) {
        found.related = finding.related.map(({ message, at }) => ({ file: at.file, line: at.line + 1, column: at.character + 1, message }));
      }
      entries.push(found);
    }
  }
  return {
    output: formatEntries(entries, settings.format, settings.cwd),
    ruleIds: [...new Set(entries.map((e) => e.ruleId))],
    worstRank: entries.reduce((worst, e) => Math.max(worst, SEVERITY_RANK[e.severity]), -1),
  };
}
