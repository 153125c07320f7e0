/**
 * Design hints in the editor, loaded just after activation (registerHints.ts, chunks.ts): the workspace
 * model, one analysis cache shared by hovers, diagnostics (on open and change, debounced), quick fixes
 * and the workspace check, and the rule toggles. Thin: all analysis is the pure engine's.
 */
import * as vscode from 'vscode';
import { HINT_LANGUAGE_IDS, PATTERN_ONLY_GLOBS } from './engine/documentKinds';
import { AnalysisCache } from './analysisCache';
import { HintCodeActions } from './codeActions';
import { DiagnosticsScheduler } from './diagnostics';
import { HintHoverProvider } from './hoverProvider';
import { disableRule, enableRule, SECTION } from './ruleCommands';
import { HintSettings, parseHintSettings } from './settings';
import { SkippedDocuments } from './skippedDocuments';
import { WorkspaceCheck, WorkspaceCheckSummary } from './workspaceCheck';
import { WorkspaceIndex } from './workspace/workspaceIndex';

/** Languages with hints; `.tf` files match by pattern, since VS Code has no built-in Terraform language. */
const HINT_SELECTOR: vscode.DocumentSelector = [...HINT_LANGUAGE_IDS.map((language) => ({ language })), ...PATTERN_ONLY_GLOBS.map((pattern) => ({ pattern }))];

function readSettings(): HintSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return parseHintSettings(config.get('enabled'), config.get('diagnostics'), config.get('rules'), config.get('timeBudgetMs'));
}

/** What the commands registered at activation, and the Topics tree's Workspace node, call. */
export interface HintsPart {
  workspace: WorkspaceIndex;
  checkWorkspace(): Promise<WorkspaceCheckSummary | undefined>;
  disableRule(ruleId: unknown, where?: unknown): Promise<void>;
  enableRule(ruleId: unknown): Promise<void>;
}

/**
 * Registers the providers and listeners, judges the documents already open and starts the workspace
 * model's first build in the background. Never called during activation.
 */
export function startHints(context: vscode.ExtensionContext): HintsPart {
  const workspace = new WorkspaceIndex();
  let settings = readSettings();
  const currentSettings = (): HintSettings => settings;
  const collection = vscode.languages.createDiagnosticCollection('aws-db-hints');
  const skipped = new SkippedDocuments();
  const cache = new AnalysisCache(currentSettings, skipped, workspace);
  const diagnostics = new DiagnosticsScheduler(collection, cache, currentSettings);
  const workspaceCheck = new WorkspaceCheck(cache, collection, skipped, currentSettings, workspace);
  context.subscriptions.push(
    workspace,
    collection,
    skipped,
    diagnostics,
    vscode.window.onDidChangeActiveTextEditor(() => skipped.refreshStatus()),
    vscode.languages.registerHoverProvider(HINT_SELECTOR, new HintHoverProvider(cache)),
    vscode.languages.registerCodeActionsProvider(HINT_SELECTOR, new HintCodeActions(cache), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.schedule(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      cache.edited(event);
      diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      cache.forget(document.uri);
      skipped.forget(document.uri);
      diagnostics.forget(document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) {
        settings = readSettings();
        cache.clear();
        diagnostics.refreshOpenDocuments();
      }
    }),
    // The IaC changed: open documents are judged again with the new model.
    workspace.onDidChange(() => diagnostics.refreshOpenDocuments()),
  );
  diagnostics.refreshOpenDocuments();
  void workspace.ensureStarted();
  return { workspace, checkWorkspace: () => workspaceCheck.run(), disableRule, enableRule };
}
