/**
 * The real-code-shaped corpus on disk: `test/fixtures/hints/realworld/<group>/` holds source files and
 * one `labels.json` that maps each file (path relative to the group) to its labels. Loading validates
 * everything a typo could break (unknown rule ids, a token that is not on its line, a file without
 * labels), so a stale label fails loudly instead of silently counting as a miss or a pass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../src/hints/engine/analyze';
import { documentKind } from '../../src/hints/engine/documentKinds';
import { HintRule } from '../../src/hints/engine/types';
import { indexFile, kindMayContribute } from '../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../src/hints/engine/workspace/workspaceModel';
import { EngineOutput, Label, LabelKind, tokenColumns } from './score';

export const LABELS_FILE = 'labels.json';
export const PLANNED_RULES_FILE = 'planned-rules.json';

const KINDS: readonly LabelKind[] = ['hover', 'diagnostic', 'trap'];
const FIELDS = new Set(['line', 'kind', 'token', 'rules', 'to', 'optional', 'why']);

export interface CorpusFile {
  /** Group folder (a language or format), e.g. `python` or `terraform`. */
  group: string;
  /** Path relative to the corpus root, with `/`. */
  file: string;
  absolutePath: string;
  text: string;
  labels: Label[];
}

export interface Corpus {
  files: CorpusFile[];
  plannedRules: string[];
  errors: string[];
}

function lineTexts(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => relative !== LABELS_FILE)
    .sort();
}

/** Checks one raw label from labels.json; returns the label or the reasons it is invalid. */
export function validateLabel(raw: unknown, file: string, lines: readonly string[], knownRules: ReadonlySet<string>): Label | string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return ['a label must be an object'];
  }
  const record = raw as Record<string, unknown>;
  const errors = Object.keys(record)
    .filter((key) => !FIELDS.has(key))
    .map((key) => `unknown field "${key}"`);
  const { line, kind, token, rules, to, optional, why } = record;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > lines.length) {
    errors.push(`line ${String(line)} is not a line of the file (1-${lines.length})`);
  }
  if (typeof kind !== 'string' || !KINDS.includes(kind as LabelKind)) {
    errors.push(`kind must be one of ${KINDS.join(', ')}`);
  }
  if (token !== undefined && (typeof token !== 'string' || token.length === 0)) {
    errors.push('token must be a non-empty string');
  }
  if ((kind === 'hover' || kind === 'trap') && token === undefined) {
    errors.push(`a ${String(kind)} label needs the token at the site`);
  }
  const ruleList = rules === undefined ? [] : rules;
  if (!Array.isArray(ruleList) || ruleList.some((rule) => typeof rule !== 'string')) {
    errors.push('rules must be a list of rule ids');
  } else if (kind !== 'trap' && ruleList.length === 0) {
    errors.push('a hover or diagnostic needs at least one rule id');
  } else {
    ruleList.filter((rule) => !knownRules.has(rule)).forEach((rule) => errors.push(`unknown rule id "${rule}" (neither existing nor planned)`));
  }
  if (to !== undefined && (kind !== 'diagnostic' || typeof to !== 'number' || !Number.isInteger(to) || typeof line !== 'number' || to < line || to > lines.length)) {
    errors.push('to is only for diagnostics and must be a line at or after line');
  }
  if (optional !== undefined && (typeof optional !== 'boolean' || kind === 'trap')) {
    errors.push('optional must be true or false, and not on a trap');
  }
  if (why !== undefined && typeof why !== 'string') {
    errors.push('why must be a string');
  }
  if (errors.length === 0 && typeof token === 'string' && tokenColumns(lines[(line as number) - 1], token).length === 0) {
    errors.push(`token "${token}" is not on line ${String(line)}: ${lines[(line as number) - 1].trim()}`);
  }
  if (errors.length > 0) {
    return errors;
  }
  return {
    file,
    line: line as number,
    kind: kind as LabelKind,
    ...(token === undefined ? {} : { token: token as string }),
    rules: ruleList as string[],
    ...(to === undefined ? {} : { to: to as number }),
    ...(optional === undefined ? {} : { optional: optional as boolean }),
    ...(why === undefined ? {} : { why: why as string }),
  };
}

function readJson(file: string, errors: string[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    errors.push(`${file}: ${(error as Error).message}`);
    return undefined;
  }
}

/** Reads and validates the corpus under `root`; `existingRules` are the ids of the compiled catalog. */
export function loadCorpus(root: string, existingRules: readonly string[]): Corpus {
  const errors: string[] = [];
  const planned = readJson(path.join(root, PLANNED_RULES_FILE), errors);
  const plannedRules = Array.isArray(planned) && planned.every((id) => typeof id === 'string') ? (planned as string[]) : [];
  if (planned !== undefined && plannedRules.length === 0) {
    errors.push(`${PLANNED_RULES_FILE}: expected a list of rule ids`);
  }
  const knownRules = new Set([...existingRules, ...plannedRules]);
  const files: CorpusFile[] = [];
  const groups = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const group of groups) {
    const dir = path.join(root, group);
    const labelsPath = path.join(dir, LABELS_FILE);
    if (!fs.existsSync(labelsPath)) {
      errors.push(`${group}/: no ${LABELS_FILE}`);
      continue;
    }
    const labelMap = readJson(labelsPath, errors);
    if (typeof labelMap !== 'object' || labelMap === null || Array.isArray(labelMap)) {
      errors.push(`${group}/${LABELS_FILE}: expected an object that maps file names to label lists`);
      continue;
    }
    const entries = labelMap as Record<string, unknown>;
    const sources = listFiles(dir);
    for (const name of Object.keys(entries).filter((name) => !sources.includes(name))) {
      errors.push(`${group}/${LABELS_FILE}: labels for "${name}", which does not exist`);
    }
    for (const name of sources) {
      const file = `${group}/${name}`;
      const absolutePath = path.join(dir, name);
      const text = fs.readFileSync(absolutePath, 'utf8');
      const rawLabels = entries[name];
      if (!Array.isArray(rawLabels)) {
        errors.push(`${file}: no labels in ${group}/${LABELS_FILE} (an empty list says "nothing here")`);
        continue;
      }
      const lines = lineTexts(text);
      const labels: Label[] = [];
      rawLabels.forEach((raw, index) => {
        const result = validateLabel(raw, file, lines, knownRules);
        if (Array.isArray(result)) {
          result.forEach((reason) => errors.push(`${file}: label ${index + 1}: ${reason}`));
        } else {
          labels.push(result);
        }
      });
      if (!documentKind(undefined, absolutePath)) {
        errors.push(`${file}: the engine does not read this kind of file`);
      }
      files.push({ group, file, absolutePath, text, labels });
    }
  }
  return { files, plannedRules, errors };
}

/** Runs the real engine on one corpus file and flattens its hovers and findings. */
/**
 * The corpus's projects as workspaces, as the CLI judges a folder named on its command line. A folder
 * inside a group (`terraform/holdout_sessions/`) is one project, whose files see each other's tables,
 * functions and Terraform variable defaults; a file directly in a group folder comes from a project of
 * its own and is judged alone, because unrelated projects must not answer for one another.
 */
export function corpusWorkspaces(corpus: Corpus): Map<string, { model: WorkspaceModel; fileName: string }> {
  const projectOf = (file: CorpusFile): string | undefined => {
    const parts = file.file.split('/');
    return parts.length > 2 ? parts.slice(0, 2).join('/') : undefined;
  };
  const models = new Map<string, WorkspaceModel>();
  const views = new Map<string, { model: WorkspaceModel; fileName: string }>();
  for (const file of corpus.files) {
    const project = projectOf(file);
    if (project === undefined) {
      continue;
    }
    const model = models.get(project) ?? new WorkspaceModel();
    models.set(project, model);
    const fileName = file.file.slice(project.length + 1);
    const kind = documentKind(undefined, file.absolutePath);
    if (kind && kindMayContribute(kind)) {
      model.update(fileName, indexFile(fileName, kind, file.text));
    }
    views.set(file.file, { model, fileName });
  }
  return views;
}

/** The engine's hovers and findings on one corpus file, judged in its project's workspace when it has one. */
export function engineOutputs(file: CorpusFile, rules: readonly HintRule[], workspace?: { model: WorkspaceModel; fileName: string }): { outputs: EngineOutput[]; error?: string } {
  const kind = documentKind(undefined, file.absolutePath);
  if (!kind) {
    return { outputs: [], error: 'no document kind' };
  }
  let failure: string | undefined;
  const result = analyzeText(file.text, rules, {
    kind,
    // A file of no project is named as in the corpus: its path in this repository puts it under `test/`, which the
    // engine reads as a test's (no calls of its own functions, local databases as a test's).
    fileName: workspace?.fileName ?? file.file,
    workspace: workspace?.model,
    onError: (error) => (failure = String(error)),
  });
  if (result.skipped) {
    return { outputs: [], error: `skipped: ${result.skipped.kind}` };
  }
  // A span that runs past its line reaches to the end of it; an empty span still covers one column.
  const place = (start: number, end: number) => {
    const from = result.lines.position(start);
    const to = result.lines.position(end);
    const endColumn = to.line === from.line ? Math.max(to.character, from.character + 1) : Infinity;
    return { line: from.line + 1, startColumn: from.character, endColumn };
  };
  const outputs: EngineOutput[] = [
    ...result.sites.flatMap((site) => site.ruleIds.map((rule) => ({ kind: 'hover' as const, rule, ...place(site.start, site.end) }))),
    ...result.findings.map((finding) => ({ kind: 'diagnostic' as const, rule: finding.ruleId, ...place(finding.start, finding.end) })),
  ];
  return failure ? { outputs, error: failure } : { outputs };
}
