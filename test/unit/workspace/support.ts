import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { FileContribution, WorkspaceView } from '../../../src/hints/engine/workspace/types';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { buildModels, IndexedPart, sharedPart } from '../../../src/cli/parallel';
import { realHintRules } from '../hints/support';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/workspace');

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)]))
    .sort();
}

/** The model of one fixture folder, every file indexed as the adapters do, with paths relative to the folder. */
export function fixtureModel(name: string): WorkspaceModel {
  const root = path.join(FIXTURES, name);
  const model = new WorkspaceModel();
  model.batch(() => {
    for (const full of filesUnder(root)) {
      const file = path.relative(root, full).split(path.sep).join('/');
      const kind = documentKind(undefined, file);
      if (kind) {
        model.update(file, indexFile(file, kind, fs.readFileSync(full, 'utf8'), { onError: rethrow }));
      }
    }
  });
  return model;
}

function rethrow(error: unknown): never {
  throw error;
}

/** What a text contributes, read as a file of the given name; fails on an internal error. */
export function contributionOf(file: string, text: string): FileContribution | undefined {
  const kind = documentKind(undefined, file);
  if (!kind) {
    throw new Error(`${file} is not a file kind the hints read`);
  }
  return indexFile(file, kind, text, { onError: rethrow });
}

/** A contribution as plain data with its places as `line:character`, for deepEqual. */
export function placed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: { line: number; character: number }) => (key === 'definedAt' ? `${inner.line}:${inner.character}` : inner))) as T;
}

/** The model of a workspace of these texts, each indexed as a file of its name. */
/** The model a CLI worker thread builds from `model`'s contributions, indexed on another thread and shared as the threads share them. */
export function copiedToThread(model: WorkspaceModel): WorkspaceModel {
  const part: IndexedPart = model.files().map((file) => [0, file, model.contributionOf(file)!]);
  return buildModels(1, [sharedPart(part)], -1, [])[0];
}

export function workspaceOf(files: Record<string, string>): WorkspaceModel {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([file, text]) => model.update(file, contributionOf(file, text))));
  return model;
}

/** The hints of one file of `files` (see `hintsInWorkspace`), judged in their workspace, or alone when `view` is null. */
export function hintsOfFile(files: Record<string, string>, file: string, view: WorkspaceView | null = workspaceOf(files)): string[] {
  return hintsInWorkspace(view ?? undefined, file, files[file]);
}

/** `line:text rule` for each hover and `line:text rule!` for each finding of `code`, read as `file` of `view` (none: alone). */
export function hintsInWorkspace(view: WorkspaceView | undefined, file: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), {
    kind: documentKind(undefined, file)!,
    fileName: file,
    ...(view ? { workspace: view } : {}),
    onError: (error) => assert.fail(String(error)),
  });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${code.slice(site.start, site.end)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)}:${code.slice(finding.start, finding.end)} ${finding.ruleId}!`),
  ].sort();
}

/**
 * `line:token rule | where the value comes from` for each finding of `file` among `files` (judged in their
 * workspace) whose rule is one of `rules`: the props another file's construction or call passes, or leaves out.
 */
export function passedFindings(files: Record<string, string>, file: string, rules: ReadonlySet<string>): string[] {
  const code = files[file];
  const result = analyzeText(code, realHintRules(), {
    kind: documentKind(undefined, file)!,
    fileName: file,
    workspace: workspaceOf(files),
    onError: (error) => assert.fail(String(error)),
  });
  return result.findings
    .filter((finding) => rules.has(finding.ruleId))
    .map((finding) => {
      const passed = / (Value from .*|\S+ leaves .*)\.$/.exec(finding.message)?.[1];
      return `${result.lines.lineOf(finding.start) + 1}:${code.slice(finding.start, finding.end)} ${finding.ruleId}${passed ? ` | ${passed}` : ''}`;
    });
}

/** `line:text` of each finding of `rule` in `file` among `files` (judged in their workspace), with ` <- file:line` of the places it relates. */
export function relatedFindings(files: Record<string, string>, file: string, rule: string): string[] {
  const code = files[file];
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: workspaceOf(files) });
  return result.findings
    .filter((finding) => finding.ruleId === rule)
    .map((finding) => `${result.lines.lineOf(finding.start) + 1}:${code.slice(finding.start, finding.end)}${finding.related ? ` <- ${finding.related.map((place) => `${place.at.file}:${place.at.line + 1}`).join(', ')}` : ''}`);
}

/**
 * The module inputs a text contributes, each target without the arguments its folder's resource writes (`writes`,
 * which the tests of module callers check through the findings it gives).
 */
export function moduleInputsOf(file: string, text: string): FileContribution['moduleInputs'] {
  const inputs = contributionOf(file, text)?.moduleInputs;
  return inputs && Object.fromEntries(Object.entries(inputs).map(([input, target]) => [input, target && withoutWrites(target)]));
}

function withoutWrites<T extends { writes?: unknown; more?: readonly T[] }>(target: T): T {
  const rest = { ...target };
  delete rest.writes;
  return rest.more ? { ...rest, more: rest.more.map(withoutWrites) } : rest;
}
