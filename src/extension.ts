import type * as vscode from 'vscode';
import { registerGettingStarted } from './gettingStarted/registerGettingStarted';
import { registerHints, WorkspaceAccess } from './hints/registerHints';
import { registerStudy, StudyApi } from './registerStudy';

/** What activate() returns: read-only views into the running extension for the in-host tests. */
export interface ExtensionTestApi {
  /** The Topics view's own provider: the rows and descriptions the view shows. */
  topics: Pick<StudyApi['topics'], 'getChildren' | 'getTreeItem'>;
  /** The quiz step on screen, if any (its title). */
  quizInput: StudyApi['quizInput'];
  /** The extension's global state, where the quiz keeps its per-machine logs (sync tests write to it). */
  globalState: vscode.Memento;
  /** The workspace model: tests wait for its first build, read what a document is judged in, and print what it was told when a wait fails. */
  workspace: Pick<WorkspaceAccess, 'ensureStarted' | 'documentWorkspace' | 'onDidChange' | 'recentEvents'>;
}

/**
 * Registers each feature's commands, views and providers. Their work, and the code and content it
 * needs, loads after activation or on first use (chunks.ts): activation costs about what an empty
 * extension's does.
 */
export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const gettingStarted = registerGettingStarted(context);
  const hints = registerHints(context);
  const study = registerStudy(context, { markStudied: gettingStarted.markStudied, workspace: hints.workspace });
  return { topics: study.topics, quizInput: study.quizInput, globalState: context.globalState, workspace: hints.workspace };
}
