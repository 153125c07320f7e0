/**
 * What activation registers for the design hints: their commands. The rest (hintsPart.ts: the engine,
 * the workspace model, the hover and quick-fix providers and the document listeners) loads once
 * activation is over, to start the workspace model's first build in the background, or at the first
 * use before that.
 */
// A plain require, run at activation: `import * as` makes esbuild copy every API name onto a new object.
import vscode = require('vscode');
import { loadHintsPart } from '../chunks';
import { Commands } from '../commands';
import type { HintsPart } from './hintsPart';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** The workspace model, for the Topics tree's Workspace node and the in-host tests; using it loads the hints part. */
export type WorkspaceAccess = Pick<WorkspaceIndex, 'ensureStarted' | 'documentWorkspace' | 'folderContents' | 'onDidChange' | 'recentEvents'>;

export function registerHints(context: vscode.ExtensionContext): { workspace: WorkspaceAccess } {
  let part: HintsPart | undefined;
  const hints = (): HintsPart => (part ??= loadHintsPart().startHints(context));
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.checkWorkspace, () => hints().checkWorkspace()),
    vscode.commands.registerCommand(Commands.disableHintRule, (ruleId?: unknown, where?: unknown) => hints().disableRule(ruleId, where)),
    vscode.commands.registerCommand(Commands.enableHintRule, (ruleId?: unknown) => hints().enableRule(ruleId)),
  );
  // Hints for the documents already open, and the workspace model's first build: never inside activation.
  setTimeout(() => void hints(), 0);
  return {
    workspace: {
      ensureStarted: () => hints().workspace.ensureStarted(),
      documentWorkspace: (uri) => hints().workspace.documentWorkspace(uri),
      folderContents: () => hints().workspace.folderContents(),
      onDidChange: (listener, thisArgs, disposables) => hints().workspace.onDidChange(listener, thisArgs, disposables),
      recentEvents: () => hints().workspace.recentEvents(),
    },
  };
}
