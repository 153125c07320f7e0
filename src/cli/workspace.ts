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

  /** The root of the workspace a walked file is judged in, and the file's path there; undefined when it is judged alone. */
  locate(file: string): { root: string; fileName: string } | undefined {
    const root = this.rootOf(file);
    return root === undefined ? undefined : { root, fileName: posixRelative(root, file) };
  }

  /** The workspace a walked file is judged in; the first file of a workspace indexes it on this thread. */
  viewFor(file: string): CliWorkspace | undefined {
    const located = this.locate(file);
    return located && { ...located, model: this.model(located.root) };
  }

  /** The summary line of each workspace built so far that defines something, with its root. */
  summaries(): { root: string; summary: string }[] {
    return [...this.models].filter(([, model]) => !model.isEmpty()).map(([root, model]) => ({ root, summary: workspaceSummary(model) }));
  }

  /** The files a workspace's model is made of: those whose kind may define something, with their paths in it. */
  sourcesOf(root: string): ModelSource[] {
    // A folder named on the command line was walked already; a repository around a named file is walked now.
    const files = this.folders.includes(root) ? this.walked.filter((file) => isInside(root, file.path)) : collectFiles([root], this.sources.fs).files;
    return files.filter((file) => kindMayContribute(file.kind)).map((file) => ({ path: file.path, kind: file.kind, size: file.size, name: posixRelative(root, file.path) }));
  }

  private model(root: string): WorkspaceModel {
    let model = this.models.get(root);
    if (!model) {
      model = new WorkspaceModel();
      const indexed = this.sourcesOf(root).map((source) => indexSource(source, this.sources));
      model.batch(() => indexed.forEach(({ name, contribution }) => contribution && model!.update(name, contribution)));
      this.models.set(root, model);
    }
    return model;
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

/** What a workspace defines, in one line: `2 DynamoDB tables, 1 RDS or ElastiCache resource, 3 Lambda functions in 2 files`. */
export function workspaceSummary(model: WorkspaceModel): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  // The files that define something; a file of Terraform variables only lends their defaults.
  const defining = model.files().filter((file) => {
    const contribution = model.contributionOf(file)!;
    return contribution.tables.length + contribution.databases.length + contribution.functions.length > 0;
  });
  // ECS containers built from a workspace folder (`containerEnvironments.ts`) are named only where there are some.
  const containers = model.functions().filter((fn) => fn.container).length;
  return [
    count(model.tables().length, 'DynamoDB table', 'DynamoDB tables'),
    count(model.databases().length, 'RDS or ElastiCache resource', 'RDS or ElastiCache resources'),
    ...(containers > 0 ? [count(containers, 'ECS container', 'ECS containers')] : []),
    `${count(model.functions().length - containers, 'Lambda function', 'Lambda functions')} in ${count(defining.length, 'file', 'files')}`,
  ].join(', ');
}
