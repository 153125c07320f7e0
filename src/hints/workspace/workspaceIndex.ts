/**
 * The workspace model in the editor: one model per workspace folder, built in the background the first
 * time something asks for it (never during activation), read through `vscode.workspace.fs` so that the
 * web worker host has it too, and kept current by a file watcher and by edits of open documents.
 */
import * as vscode from 'vscode';
import { documentKind, DocumentKind, EXCLUDED_FOLDERS_GLOB, isExcludedFolder, MODEL_FILE_GLOB } from '../engine/documentKinds';
import { Budget } from '../engine/budget';
import { EventTrail } from './eventTrail';
import { BuildOutputs, GitignoreRules, InstalledPackages, selectFile } from '../engine/fileSelection';
import { readBuildOutputs, readInstalledPackages } from './installRecords';
import { indexFile, kindMayContribute } from '../engine/workspace/indexFile';
import { FileContribution, WorkspaceView } from '../engine/workspace/types';
import { WorkspaceModel } from '../engine/workspace/workspaceModel';
import type { WorkspaceFolderContents } from '../../tree/workspaceTreeModel';
import { TrackedFiles } from '../engine/gitIndex';
import { readTrackedFiles } from './trackedFiles';

/** How long an edited IaC document rests before it is indexed again: an edit reaches open code files well within 300 ms. */
const EDIT_DEBOUNCE_MS = 100;
/** Files read at once during the first build: enough to hide the latency of a remote file system. */
const PARALLEL_READS = 16;
/** Milliseconds one file may take to index; past it the file contributes nothing. */
const INDEX_BUDGET_MS = 1000;

/** What the hint analysis of a document asks of the workspace. */
export interface DocumentWorkspace {
  workspace: WorkspaceView;
  /** The document's path in the model: relative to its workspace folder. */
  fileName: string;
}

/** The model stays as it was (empty at worst): the hints then judge each file alone, as without IaC. */
function reportFailure(error: unknown): void {
  console.error('aws-db-study: reading the workspace model failed', error);
}

/** A file's path inside its workspace folder, prefixed by the folder's index (`0/src/app.ts`), as .gitignore rules are kept. */
function selectionKey(folder: vscode.WorkspaceFolder, relative: string): string {
  return `${folder.index}/${relative}`;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly models = new Map<string, WorkspaceModel>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires after any model changed (the first build of a folder, a file saved, created or deleted, an edit). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per file, the number of the refresh that last began reading it. */
  private readonly refreshTickets = new Map<string, number>();
  private refreshes = 0;
  private folderWatchers: vscode.Disposable[] = [];
  /**
   * When each file of a model last changed through a watcher event or an edit (a counter, not a clock):
   * a bulk read of the folders keeps what it read of a file only if nothing changed it since the read began.
   */
  private readonly lastTouched = new WeakMap<WorkspaceModel, Map<string, number>>();
  private touches = 0;
  private readonly trail = new EventTrail();
  private gitignore = new GitignoreRules();
  /** What git tracks, which .gitignore does not leave out (read with the .gitignore files). */
  private tracked = new TrackedFiles([]);
  /** What pip installed beside the code, read with the .gitignore files: not the project's own (as the CLI walk). */
  private installed = new InstalledPackages();
  private buildOutputs = new BuildOutputs();
  private started: Promise<void> | undefined;
  private changes = 0;
  private disposed = false;

  /** Grows with every change of any model: an analysis made at an older version is stale. */
  get version(): number {
    return this.changes;
  }

  /** Starts the first build in the background, once. Resolves when it is done (tests wait for it). */
  ensureStarted(): Promise<void> {
    this.started ??= this.build().catch(reportFailure);
    return this.started;
  }

  /** The model a document is judged in, and its path there; undefined outside the workspace folders. */
  documentWorkspace(uri: vscode.Uri): DocumentWorkspace | undefined {
    const located = this.locate(uri);
    return located ? { workspace: this.modelOf(located.folder), fileName: located.relative } : undefined;
  }

  /** What the model was last told and did, oldest first (tests print it when a wait for a file event fails). */
  recentEvents(): readonly string[] {
    return this.trail.entries();
  }

  /** Every folder's tables and databases, in workspace order (for the Topics tree). */
  folderContents(): WorkspaceFolderContents[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const model = this.modelOf(folder);
      return { uri: folder.uri.toString(), name: folder.name, tables: model.tables(), databases: model.databases() };
    });
  }

  private modelOf(folder: vscode.WorkspaceFolder): WorkspaceModel {
    const key = folder.uri.toString();
    let model = this.models.get(key);
    if (!model) {
      model = new WorkspaceModel();
      model.onDidChange(() => {
        this.changes++;
        this.changeEmitter.fire();
      });
      this.models.set(key, model);
    }
    return model;
  }

  private locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; relative: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const base = folder?.uri.path.replace(/\/+$/, '');
    if (!folder || base === undefined || !uri.path.startsWith(`${base}/`)) {
      return undefined;
    }
    return { folder, relative: uri.path.slice(base.length + 1) };
  }

  /** The kind of a file the model reads, when the selection (excluded folders, .gitignore) keeps it. */
  private selected(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; relative: string; kind: DocumentKind } | undefined {
    const located = this.locate(uri);
    if (!located) {
      return undefined;
    }
    const key = selectionKey(located.folder, located.relative);
    const verdict = selectFile(key, this.gitignore, this.tracked);
    return verdict.read && kindMayContribute(verdict.kind) && !this.installed.covers(key) && !this.buildOutputs.covers(key) ? { ...located, kind: verdict.kind } : undefined;
  }

  private contribution(relative: string, kind: DocumentKind, text: string): FileContribution | undefined {
    return indexFile(relative, kind, text, { budget: new Budget(INDEX_BUDGET_MS) });
  }

  private index(model: WorkspaceModel, relative: string, kind: DocumentKind, text: string): void {
    this.touch(model, relative);
    model.update(relative, this.contribution(relative, kind, text));
  }

  private remove(model: WorkspaceModel, relative: string): void {
    this.touch(model, relative);
    model.remove(relative);
  }

  private touch(model: WorkspaceModel, relative: string): void {
    let touched = this.lastTouched.get(model);
    if (!touched) {
      touched = new Map();
      this.lastTouched.set(model, touched);
    }
    touched.set(relative, ++this.touches);
  }

  private touchedSince(model: WorkspaceModel, relative: string, mark: number): boolean {
    return (this.lastTouched.get(model)?.get(relative) ?? 0) > mark;
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Deleted or unreadable since it was found: it contributes nothing.
      return undefined;
    }
  }

  /**
   * Reads a file from disk into its model, unless an open document with unsaved edits speaks for it.
   * A document without such edits is not asked: one whose editor was closed can linger in
   * `textDocuments` with the text it had, while the file is deleted and written anew.
   */
  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    const target = this.selected(uri);
    if (!target || open?.isDirty) {
      this.trail.record(target ? 'refresh skipped, edited' : 'refresh skipped, not selected', uri.path);
      return;
    }
    // Reads of one file can finish out of order (a new folder's scan and the file's own event): the last begun wins,
    // and a read that the file's deletion or an edit overtook is dropped.
    const key = uri.toString();
    const ticket = ++this.refreshes;
    const began = this.touches;
    this.refreshTickets.set(key, ticket);
    const text = await this.readText(uri);
    if (this.refreshTickets.get(key) !== ticket) {
      this.trail.record('read dropped, a later read began', target.relative);
      return;
    }
    this.refreshTickets.delete(key);
    const model = this.modelOf(target.folder);
    if (text === undefined) {
      this.trail.record('read: gone', target.relative);
      this.remove(model, target.relative);
    } else if (this.touchedSince(model, target.relative, began)) {
      this.trail.record('read dropped, overtaken', target.relative);
    } else {
      this.trail.record(`read ${text.length} characters`, target.relative);
      this.index(model, target.relative, target.kind, text);
    }
  }

  private async build(): Promise<void> {
    this.watch();
    await this.buildFolders();
  }

  /** Reads every folder's files into its model and announces each folder's model once. */
  private async buildFolders(): Promise<void> {
    const began = this.touches;
    this.gitignore = await this.readGitignore();
    this.tracked = await readTrackedFiles();
    this.installed = await readInstalledPackages((uri) => {
      const located = this.locate(uri);
      return located && selectionKey(located.folder, located.relative);
    }, (uri) => this.readText(uri));
    this.buildOutputs = await readBuildOutputs((uri) => {
      const located = this.locate(uri);
      return located && selectionKey(located.folder, located.relative);
    });
    const found = await vscode.workspace.findFiles(MODEL_FILE_GLOB, EXCLUDED_FOLDERS_GLOB);
    const byFolder = new Map<WorkspaceModel, { uri: vscode.Uri; relative: string; kind: DocumentKind }[]>();
    for (const uri of found) {
      const target = this.selected(uri);
      if (target) {
        const model = this.modelOf(target.folder);
        const files = byFolder.get(model) ?? [];
        files.push({ uri, relative: target.relative, kind: target.kind });
        byFolder.set(model, files);
      }
    }
    for (const [model, files] of byFolder) {
      // Read in parallel and index each file as it arrives; only the (small) contributions wait for the rest.
      const contributions: { relative: string; contribution: FileContribution | undefined }[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < files.length && !this.disposed) {
          const file = files[next++];
          const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.uri.toString());
          const text = open ? open.getText() : await this.readText(file.uri);
          if (text !== undefined) {
            contributions.push({ relative: file.relative, contribution: this.contribution(file.relative, file.kind, text) });
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
      // A file changed while the folder was read keeps the newer reading its own event made.
      const current = contributions.filter(({ relative }) => !this.touchedSince(model, relative, began));
      model.batch(() => current.forEach(({ relative, contribution }) => model.update(relative, contribution)));
    }
  }

  /** Folders added or removed: folder indexes (and .gitignore keys) shift, so every model is built again. */
  private async rebuild(): Promise<void> {
    this.watchFolders();
    this.models.clear();
    this.changes++;
    this.changeEmitter.fire();
    await this.buildFolders();
  }

  /**
   * A .gitignore was created, changed or deleted: every folder is read again under the new rules, and
   * what they now leave out leaves the model (in one batch per model, so nothing flickers).
   */
  private async reselect(): Promise<void> {
    await this.buildFolders();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const model = this.models.get(folder.uri.toString());
      const leftOut = model?.files().filter((file) => !selectFile(selectionKey(folder, file), this.gitignore, this.tracked).read) ?? [];
      if (model && leftOut.length > 0) {
        model.batch(() => leftOut.forEach((file) => model.remove(file)));
      }
    }
  }

  /** The .gitignore files of the workspace, keyed like `selectionKey`. */
  private async readGitignore(): Promise<GitignoreRules> {
    let rules = new GitignoreRules();
    for (const uri of await vscode.workspace.findFiles('**/.gitignore', EXCLUDED_FOLDERS_GLOB)) {
      const located = this.locate(uri);
      const text = located ? await this.readText(uri) : undefined;
      if (located && text !== undefined) {
        rules = rules.with(selectionKey(located.folder, located.relative).replace(/\/?[^/]*$/, ''), text);
      }
    }
    return rules;
  }

  /**
   * A folder created with files in it (a copy, a checkout, an unpacked archive), or deleted and made
   * again at once (a build), which the watcher reports as a change of the folder: it can miss the files
   * written before it watched the new folder, so they are looked for.
   */
  private async rereadIfFolder(uri: vscode.Uri): Promise<void> {
    const located = this.locate(uri);
    if (!located || documentKind(undefined, located.relative) || located.relative.split('/').some(isExcludedFolder)) {
      return;
    }
    if (await this.isFolder(uri)) {
      await this.rereadFolder(uri, located.folder, located.relative);
    }
  }

  /**
   * A deleted file, or a deleted folder (reported alone, without its files): what it held leaves the
   * model, unless it is there again by the time the event arrives (removed and written again, as a
   * build or a checkout does), when it is read again instead.
   */
  private async removeUnder(uri: vscode.Uri): Promise<void> {
    const located = this.locate(uri);
    if (!located) {
      return;
    }
    const stat = await this.statOf(uri);
    this.trail.record(stat ? 'deleted, there again' : 'deleted, gone', located.relative);
    if (stat && (stat.type & vscode.FileType.Directory) !== 0) {
      await this.rereadFolder(uri, located.folder, located.relative);
    } else if (stat) {
      await this.refreshFile(uri);
    } else {
      const model = this.modelOf(located.folder);
      model.batch(() => this.filesUnder(model, located.relative).forEach((file) => this.remove(model, file)));
    }
  }

  /** Reads a folder again: the files the model holds under it (those gone leave) and those on disk now. */
  private async rereadFolder(uri: vscode.Uri, folder: vscode.WorkspaceFolder, relative: string): Promise<void> {
    const held = this.filesUnder(this.modelOf(folder), relative).map((file) => vscode.Uri.joinPath(folder.uri, file));
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, MODEL_FILE_GLOB), EXCLUDED_FOLDERS_GLOB);
    const unique = new Map([...held, ...found].map((file) => [file.toString(), file]));
    await Promise.all([...unique.values()].map((file) => this.refreshFile(file)));
  }

  private filesUnder(model: WorkspaceModel, relative: string): string[] {
    const prefix = `${relative}/`;
    return model.files().filter((file) => file === relative || file.startsWith(prefix));
  }

  private statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
    return Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    const stat = await this.statOf(uri);
    return stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0;
  }

  private watch(): void {
    this.watchFolders();
    this.disposables.push(
      // Unsaved edits count: the model follows what the editor shows.
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleDocument(event.document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild().catch(reportFailure)),
      // Edits closed without saving: back to what the file holds.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme !== 'untitled' && documentKind(document.languageId, document.fileName)) {
          this.trail.record('closed', document.uri.path);
          void this.refreshFile(document.uri);
        }
      }),
    );
  }

  /**
   * Watches each workspace folder (its hint files, everything for deletions and new or remade folders, its
   * .gitignore files) with relative patterns, which ask the file service for watchers of their own:
   * the web worker host gets no events for files created outside the editor from a plain glob.
   */
  private watchFolders(): void {
    this.folderWatchers.forEach((disposable) => disposable.dispose());
    this.folderWatchers = [];
    const refresh = (uri: vscode.Uri): void => void this.refreshFile(uri);
    const told = (event: string, then: (uri: vscode.Uri) => void) => (uri: vscode.Uri): void => {
      this.trail.record(event, uri.path);
      then(uri);
    };
    const reread = (uri: vscode.Uri): void => void this.rereadIfFolder(uri).catch(reportFailure);
    const reselect = (): void => this.schedule('.gitignore', () => void this.reselect().catch(reportFailure));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, MODEL_FILE_GLOB), false, false, true);
      const anything = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      this.folderWatchers.push(
        watcher,
        anything,
        watcher.onDidCreate(told('file created', refresh)),
        watcher.onDidChange(told('file changed', refresh)),
        anything.onDidCreate(told('created', reread)),
        anything.onDidChange(told('changed', reread)),
        anything.onDidDelete(told('deleted', (uri) => void this.removeUnder(uri).catch(reportFailure))),
      );
      const gitignores = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/.gitignore'));
      this.folderWatchers.push(gitignores, gitignores.onDidCreate(reselect), gitignores.onDidChange(reselect), gitignores.onDidDelete(reselect));
    }
  }

  /** An edit, read once the editor rests; a document closed by then (reverted and closed, say) speaks no more for its file. */
  private scheduleDocument(document: vscode.TextDocument): void {
    const target = this.selected(document.uri);
    if (target) {
      this.schedule(document.uri.toString(), () => {
        this.trail.record(document.isClosed ? 'edit dropped, closed' : 'edit read', target.relative);
        if (!document.isClosed) {
          this.index(this.modelOf(target.folder), target.relative, target.kind, document.getText());
        }
      });
    }
  }

  /** Runs `work` once `key` has rested for EDIT_DEBOUNCE_MS: a burst of edits or file events costs one pass. */
  private schedule(key: string, work: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        work();
      }, EDIT_DEBOUNCE_MS),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.folderWatchers.forEach((disposable) => disposable.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
