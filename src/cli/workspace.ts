/**
 * Workspace mode for the command line: each file is judged with the infrastructure as code around it.
 * A folder named on the command line is its own workspace, indexed from the same walk that finds its
 * files; a file named alone is judged with the IaC under its git root (or its folder outside git).
 * Paths in a model are relative to its workspace root, as in the editor.
 */
import * as path from 'node:path';
import { Budget } from '../hints/engine/budget';
import { DocumentKind } from '../hints/engine/documentKinds';
import { indexFile, kindMayContribute } from '../hints/engine/workspace/indexFile';
import { FileContribution } from '../hints/engine/workspace/types';
import { WorkspaceModel } from '../hints/engine/workspace/workspaceModel';
import { collectFiles, FileEntry, repositoryRoot, WalkFs } from './files';

export interface CliWorkspace {
  model: WorkspaceModel;
  /** The workspace folder, absolute. */
  root: string;
  /** The file's path in the model: relative to the root, `/`-separated. */
  fileName: string;
}

export interface WorkspaceSources {
  fs: WalkFs;
  /** The text of a file of that kind, or undefined when it cannot be read (the analysis pass reports why). */
  read(file: string, kind: DocumentKind): string | undefined;
  /** A fresh per-file time budget. */
  budget(): Budget;
}

/** Whether `file` (an absolute path as the walk gives it) lies in the folder `root`. */
function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/** `file` relative to `root`, `/`-separated; `file` lies in `root`. */
function posixRelative(root: string, file: string): string {
  const relative = file.slice(root.endsWith(path.sep) ? root.length : root.length + 1);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

export class CliWorkspaces {
  /** Folders named on the command line (real paths, as the walk reports their files), deepest first. */
  private readonly folders: string[] = [];
  /** Files named on the command line, to the root they are judged under. */
  private readonly namedFiles = new Map<string, string>();
  private readonly models = new Map<string, WorkspaceModel>();

  /** `inputs` are the resolved paths named on the command line; `walked` the files their walk found. */
  constructor(
    inputs: readonly string[],
    private readonly walked: readonly FileEntry[],
    private readonly sources: WorkspaceSources,
  ) {
    const { fs } = sources;
    for (const input of inputs) {
      let real: string;
      let folder: boolean;
      try {
        real = fs.realpathSync(input);
        folder = fs.statSync(real).isDirectory();
      } catch {
        // Missing or unreadable: the walk says so.
        continue;
      }
      if (folder) {
        this.folders.push(real);
      } else {
        const folder = path.dirname(input);
        this.namedFiles.set(input, repositoryRoot(folder, fs) ?? folder);
      }
    }
    this.folders.sort((a, b) => b.length - a.length);
  }

  /** The root of the workspace a walked file is judged in, or undefined when it is judged alone. */
  rootOf(file: string): string | undefined {
    return this.namedFiles.get(file) ?? this.folders.find((folder) => isInside(folder, file));
  }

  /** The workspace a walked file is judged in. */
  viewFor(file: string): CliWorkspace | undefined {
    const root = this.rootOf(file);
    if (root === undefined) {
      return undefined;
    }
    return { model: this.model(root), root, fileName: posixRelative(root, file) };
  }

  /** Every workspace built so far, with its root. */
  built(): { root: string; model: WorkspaceModel }[] {
    return [...this.models].map(([root, model]) => ({ root, model }));
  }

  /** The files a workspace's model is made of: those whose kind may define something, with their paths in it. */
  sourcesOf(root: string): ModelSource[] {
    // A folder named on the command line was walked already; a repository around a named file is walked now.
    const files = this.folders.includes(root) ? this.walked.filter((file) => isInside(root, file.path)) : collectFiles([root], this.sources.fs).files;
    return files.filter((file) => kindMayContribute(file.kind)).map((file) => ({ path: file.path, kind: file.kind, size: file.size, name: posixRelative(root, file.path) }));
  }

  /** Sets a workspace's model from what its sources contribute (in the order of sourcesOf), indexed here or on other threads. */
  adopt(root: string, indexed: readonly Indexed[]): WorkspaceModel {
    const model = new WorkspaceModel();
    model.batch(() => indexed.forEach(({ name, contribution }) => contribution && model.update(name, contribution)));
    this.models.set(root, model);
    return model;
  }

  private model(root: string): WorkspaceModel {
    return this.models.get(root) ?? this.adopt(root, this.sourcesOf(root).map((source) => indexSource(source, this.sources)));
  }
}

/** A file a workspace model is built from. */
export interface ModelSource {
  path: string;
  kind: DocumentKind;
  /** Its size in bytes, as the walk found it. */
  size: number;
  /** Its path in the workspace: relative to the root, `/`-separated. */
  name: string;
}

/** What a source contributes; undefined when it cannot be read (the analysis pass reports why) or defines nothing. */
export interface Indexed {
  name: string;
  contribution: FileContribution | undefined;
}

export function indexSource(source: ModelSource, { read, budget }: Pick<WorkspaceSources, 'read' | 'budget'>): Indexed {
  const text = read(source.path, source.kind);
  return { name: source.name, contribution: text === undefined ? undefined : indexFile(source.name, source.kind, text, { budget: budget() }) };
}

/** A workspace model as plain data, for a worker thread: each contributing file's contribution, in path order. */
export interface WorkspaceSnapshot {
  contributions: [string, FileContribution][];
}

export function snapshotOf(model: WorkspaceModel): WorkspaceSnapshot {
  return { contributions: model.files().map((file): [string, FileContribution] => [file, model.contributionOf(file)!]) };
}

/** A model that answers as the snapshot's did: the same contributions (the model reads them in path order whatever order they are set in). */
export function modelOf(snapshot: WorkspaceSnapshot): WorkspaceModel {
  const model = new WorkspaceModel();
  model.batch(() => snapshot.contributions.forEach(([file, contribution]) => model.update(file, contribution)));
  return model;
}
