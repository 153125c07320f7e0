/**
 * The "Check Workspace for Design Hints" command: every file the CLI would check (documentKinds and
 * .gitignore), with progress and cancellation, reporting what it skipped.
 */
import * as vscode from 'vscode';
import { AnalysisResult } from './engine/analyze';
import { DocumentKind, EXCLUDED_FOLDERS_GLOB, HINT_FILE_GLOB } from './engine/documentKinds';
import { GitignoreRules, selectFile } from './engine/fileSelection';
import { readBuildOutputs, readInstalledPackages } from './workspace/installRecords';
import { DEFAULT_LIMITS } from './engine/text';
import { AnalysisCache } from './analysisCache';
import { toDiagnostics } from './diagnostics';
import { HintSettings } from './settings';
import { SkippedDocuments } from './skippedDocuments';
import type { WorkspaceIndex } from './workspace/workspaceIndex';
import { readTrackedFiles } from './workspace/trackedFiles';

export class WorkspaceCheck {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly skipped: SkippedDocuments,
    private readonly settings: () => HintSettings,
    private readonly workspace: WorkspaceIndex,
  ) {}

  /** The .gitignore rules of every workspace folder, keyed like `workspaceKey`. */
  private async workspaceGitignore(token: vscode.CancellationToken): Promise<GitignoreRules> {
    let rules = new GitignoreRules();
    const files = await vscode.workspace.findFiles('**/.gitignore', EXCLUDED_FOLDERS_GLOB, undefined, token);
    for (const uri of files) {
      const key = workspaceKey(uri);
      if (key) {
        const folder = key.slice(0, key.lastIndexOf('/'));
        rules = rules.with(folder, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      }
    }
    return rules;
  }

  /** Checks every file of the workspace the CLI would check (documentKinds and .gitignore), reporting what it skipped. */
  async run(): Promise<WorkspaceCheckSummary | undefined> {
    if (!this.settings().enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Design hints are turned off (setting awsDbStudy.hints.enabled).'));
      return undefined;
    }
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the workspace for design hints'), cancellable: true },
      async (progress, token): Promise<WorkspaceCheckSummary> => {
        await this.workspace.ensureStarted();
        const found = await vscode.workspace.findFiles(HINT_FILE_GLOB, EXCLUDED_FOLDERS_GLOB, undefined, token);
        const gitignore = await this.workspaceGitignore(token);
        const tracked = await readTrackedFiles();
        // What pip installed beside the code, as the CLI walk leaves it out.
        const installed = await readInstalledPackages(workspaceKey, async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), token);
        // The output folders of Maven and Gradle builds, copies of the sources, as the CLI walk leaves them out.
        const buildOutputs = await readBuildOutputs(workspaceKey, token);
        const done: WorkspaceCheckSummary = { checked: 0, findings: 0, skipped: [], ignored: 0, cancelled: false };
        const files: { uri: vscode.Uri; kind: DocumentKind }[] = [];
        for (const uri of found) {
          const key = workspaceKey(uri);
          const verdict = key ? selectFile(key, gitignore, tracked) : { read: false as const, reason: 'not-a-hint-file' as const };
          if (verdict.read && (installed.covers(key!) || buildOutputs.covers(key!))) {
            done.ignored++;
          } else if (verdict.read) {
            files.push({ uri, kind: verdict.kind });
          } else if (verdict.reason === 'gitignore' || verdict.reason === 'excluded-folder') {
            done.ignored++;
          }
        }
        const skip = (uri: vscode.Uri, reason: string): void => {
          done.skipped.push({ file: vscode.workspace.asRelativePath(uri), reason });
          this.skipped.log(vscode.l10n.t('Skipped {0}: {1}', vscode.workspace.asRelativePath(uri), reason));
        };
        for (const { uri, kind } of files) {
          if (token.isCancellationRequested) {
            done.cancelled = true;
            break;
          }
          progress.report({ increment: 100 / Math.max(files.length, 1), message: vscode.workspace.asRelativePath(uri) });
          const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
          let result: AnalysisResult | undefined;
          let positions: { positionAt(offset: number): vscode.Position };
          if (open) {
            result = this.cache.analysis(open);
            positions = open;
          } else {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > DEFAULT_LIMITS.maxSize) {
              skip(uri, `too-large (${stat.size} bytes, over the ${DEFAULT_LIMITS.maxSize} limit)`);
              continue;
            }
            result = this.cache.analyze(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), kind, uri, uri.path);
            const lines = result.lines;
            positions = { positionAt: (offset) => { const p = lines.position(offset); return new vscode.Position(p.line, p.character); } };
          }
          if (!result) {
            continue;
          }
          if (result.skipped) {
            skip(uri, `${result.skipped.kind} (${result.skipped.detail})`);
            continue;
          }
          done.checked++;
          done.findings += result.findings.length;
          if (this.settings().diagnostics) {
            this.diagnostics.set(uri, toDiagnostics(positions, result.findings, uri));
          }
        }
        return done;
      },
    );
    const counts = vscode.l10n.t('{0} files checked, {1} findings, {2} skipped, {3} ignored (.gitignore and dependency folders).', summary.checked, summary.findings, summary.skipped.length, summary.ignored);
    this.skipped.log(summary.cancelled ? vscode.l10n.t('Workspace check cancelled: {0}', counts) : vscode.l10n.t('Workspace check: {0}', counts));
    const message = summary.cancelled ? vscode.l10n.t('Design hints: check cancelled after {0}', counts) : vscode.l10n.t('Design hints: {0}', counts);
    const showProblems = vscode.l10n.t('Show Problems');
    const showSkipped = vscode.l10n.t('Show Skipped Files');
    const choices = [...(summary.findings > 0 && this.settings().diagnostics ? [showProblems] : []), ...(summary.skipped.length > 0 ? [showSkipped] : [])];
    // Not awaited: the command finishes when the check does, not when the message is dismissed.
    void vscode.window.showInformationMessage(message, ...choices).then((choice) => {
      if (choice === showProblems) {
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      } else if (choice === showSkipped) {
        this.skipped.show();
      }
    });
    return summary;
  }
}

/** What the workspace check returns (the command's result, which tests read). */
export interface WorkspaceCheckSummary {
  checked: number;
  findings: number;
  /** Files the check would have read but did not, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Files left out by .gitignore or an excluded folder. */
  ignored: number;
  cancelled: boolean;
}

/** A file's path inside its workspace folder, prefixed by the folder's index: `0/src/app.ts`. */
function workspaceKey(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    return undefined;
  }
  const base = folder.uri.path.replace(/\/+$/, '');
  return uri.path.startsWith(`${base}/`) ? `${folder.index}/${uri.path.slice(base.length + 1)}` : undefined;
}
