/**
 * Design hints in the editor, wired: one analysis cache shared by hovers, diagnostics (on open and
 * change, debounced), quick fixes and the workspace check, plus the rule toggle commands. Thin: all
 * analysis is the pure engine's.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands';
import { HINT_LANGUAGE_IDS, PATTERN_ONLY_GLOBS } from './engine/documentKinds';
import { AnalysisCache } from './analysisCache';
import { HintCodeActions } from './codeActions';
import { DiagnosticsScheduler } from './diagnostics';
import { HintHoverProvider } from './hoverProvider';
import { disableRule, enableRule, SECTION } from './ruleCommands';
import { HintSettings, parseHintSettings } from './settings';
import { SkippedDocuments } from './skippedDocuments';
import { WorkspaceCheck } from './workspaceCheck';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

export type { WorkspaceCheckSummary } from './workspaceCheck';

/** Languages with hints; `.tf` files match by pattern, since VS Code has no built-in Terraform language. */
export const HINT_SELECTOR: vscode.DocumentSelector = [...HINT_LANGUAGE_IDS.map((language) => ({ language })), ...PATTERN_ONLY_GLOBS.map((pattern) => ({ pattern }))];

function readSettings(): HintSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return parseHintSettings(config.get('enabled'), config.get('diagnostics'), config.get('rules'), config.get('timeBudgetMs'));
}

export function registerHints(context: vscode.ExtensionContext, workspace: WorkspaceIndex): void {
  let settings = readSettings();
  const currentSettings = (): HintSettings => settings;
  const collection = vscode.languages.createDiagnosticCollection('aws-db-hints');
  const skipped = new SkippedDocuments();
  const cache = new AnalysisCache(currentSettings, skipped, workspace);
  const diagnostics = new DiagnosticsScheduler(collection, cache, currentSettings);
  const workspaceCheck = new WorkspaceCheck(cache, collection, skipped, currentSettings, workspace);
  context.subscriptions.push(
    collection,
    skipped,
    diagnostics,
    vscode.window.onDidChangeActiveTextEditor(() => skipped.refreshStatus()),
    vscode.languages.registerHoverProvider(HINT_SELECTOR, new HintHoverProvider(cache)),
    vscode.languages.registerCodeActionsProvider(HINT_SELECTOR, new HintCodeActions(cache), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => workspaceCheck.run()),
    vscode.commands.registerCommand(Commands.disableHintRule, (ruleId?: unknown, where?: unknown) => disableRule(ruleId, where)),
    vscode.commands.registerCommand(Commands.enableHintRule, (ruleId?: unknown) => enableRule(ruleId)),
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
  );
  // The IaC changed: open documents are judged again with the new model.
  context.subscriptions.push(workspace.onDidChange(() => diagnostics.refreshOpenDocuments()));
  // Documents already open when the extension activates, and the workspace model's first build; deferred
  // so activation stays cheap.
  setTimeout(() => {
    diagnostics.refreshOpenDocuments();
    void workspace.ensureStarted();
  }, 0);
}
