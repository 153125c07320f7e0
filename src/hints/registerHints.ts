/**
 * What activation registers for the design hints: the hover and quick-fix providers, the commands and
 * the document listeners. The hint engine (hintService.ts) loads when a hint file is open, changes or
 * is hovered, or a command runs: a window without such a file never loads it.
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

export function registerHints(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  let loaded: HintService | undefined;
  const service = (): HintService => (loaded ??= new (loadHintsPart().HintService)(diagnostics));
  /** Diagnostics for the hint files already open (at activation, or when the settings change). */
  const checkOpenDocuments = (): void => {
    if (loaded || vscode.workspace.textDocuments.some(isHintDocument)) {
      service().refreshOpenDocuments();
    }
  };
  context.subscriptions.push(
    diagnostics,
    { dispose: () => loaded?.dispose() },
    vscode.window.onDidChangeActiveTextEditor(() => loaded?.skipped.refreshStatus()),
    vscode.languages.registerHoverProvider(HINT_SELECTOR, { provideHover: (document, position) => service().provideHover(document, position) }),
    vscode.languages.registerCodeActionsProvider(
      HINT_SELECTOR,
      {
        // Asked on every cursor move: only our own diagnostics have actions, and they exist only once the engine runs.
        provideCodeActions: (document, range, actionContext) =>
          actionContext.diagnostics.some((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE) ? service().provideCodeActions(document, range, actionContext) : [],
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => service().checkWorkspace()),
    vscode.commands.registerCommand(Commands.disableHintRule, (ruleId?: unknown, where?: unknown) => service().disableRule(ruleId, where)),
    vscode.commands.registerCommand(Commands.enableHintRule, (ruleId?: unknown) => service().enableRule(ruleId)),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isHintDocument(document)) {
        service().scheduleUpdate(document);
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (isHintDocument(event.document)) {
        service().scheduleUpdate(event.document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      loaded?.forget(document);
      diagnostics.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(HINTS_SECTION)) {
        if (loaded) {
          loaded.reloadSettings();
        } else {
          checkOpenDocuments();
        }
      }
    }),
  );
  // Documents already open when the extension activates; deferred so activation stays cheap.
  setTimeout(checkOpenDocuments, 0);
}
