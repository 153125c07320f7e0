/**
 * What activation registers for the design hints: their commands, and a watch for the first hint file
 * (open at activation, or opened later). That first file, or a hint command, starts the rest: the hint
 * engine (hintService.ts, loaded then), the hover and quick-fix providers and the document listeners.
 * A window without such a file never loads the engine nor registers a provider.
 */
// A plain require, run at activation: `import * as` makes esbuild copy every API name onto a new object.
import vscode = require('vscode');
import { loadHintsPart } from '../chunks';
import { Commands } from '../commands';
import { documentKind, HINT_LANGUAGE_IDS, PATTERN_ONLY_GLOBS } from './engine/documentKinds';
import { DIAGNOSTIC_SOURCE, HINTS_SECTION } from './hintIds';
import type { HintService } from './hintService';

/** Languages with hints; `.tf` files match by pattern, since VS Code has no built-in Terraform language. */
const HINT_SELECTOR: vscode.DocumentSelector = [...HINT_LANGUAGE_IDS.map((language) => ({ language })), ...PATTERN_ONLY_GLOBS.map((pattern) => ({ pattern }))];

function isHintDocument(document: vscode.TextDocument): boolean {
  return documentKind(document.languageId, document.fileName) !== undefined;
}

/** Loads the engine and registers what the editor asks it through; returns the service. */
function startHints(context: vscode.ExtensionContext): HintService {
  const diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const service = new (loadHintsPart().HintService)(diagnostics);
  context.subscriptions.push(
    diagnostics,
    service,
    vscode.window.onDidChangeActiveTextEditor(() => service.skipped.refreshStatus()),
    vscode.languages.registerHoverProvider(HINT_SELECTOR, service),
    vscode.languages.registerCodeActionsProvider(HINT_SELECTOR, service, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidChangeTextDocument((event) => service.scheduleUpdate(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      service.forget(document);
      diagnostics.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(HINTS_SECTION)) {
        service.reloadSettings();
      }
    }),
  );
  return service;
}

export function registerHints(context: vscode.ExtensionContext): void {
  let started: HintService | undefined;
  const service = (): HintService => (started ??= startHints(context));
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.checkWorkspace, () => service().checkWorkspace()),
    vscode.commands.registerCommand(Commands.disableHintRule, (ruleId?: unknown, where?: unknown) => service().disableRule(ruleId, where)),
    vscode.commands.registerCommand(Commands.enableHintRule, (ruleId?: unknown) => service().enableRule(ruleId)),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isHintDocument(document)) {
        service().scheduleUpdate(document);
      }
    }),
  );
  // Hint files already open when the extension activates; looked for once activation is over.
  setTimeout(() => {
    if (started || vscode.workspace.textDocuments.some(isHintDocument)) {
      service().refreshOpenDocuments();
    }
  }, 0);
}
