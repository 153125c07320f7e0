import * as vscode from 'vscode';
import { registerGettingStarted } from './gettingStarted/registerGettingStarted';
import { registerHints } from './hints/registerHints';
import { registerWorkspaceModel, WorkspaceIndex } from './hints/workspace/workspaceIndex';
import { registerNotes } from './notes/registerNotes';
import { currentQuizInput } from './quiz/quickInput';
import { registerQuiz } from './quiz/registerQuiz';
import { registerTopicTree } from './tree/registerTopicTree';
import { TopicTreeProvider } from './tree/topicTreeProvider';

/** What activate() returns: read-only views into the running extension for the in-host tests. */
export interface ExtensionTestApi {
  /** The Topics view's own provider: the rows and descriptions the view shows. */
  topics: Pick<TopicTreeProvider, 'getChildren' | 'getTreeItem'>;
  /** The quiz step on screen, if any (its title). */
  quizInput: typeof currentQuizInput;
  /** The extension's global state, where the quiz keeps its per-machine logs (sync tests write to it). */
  globalState: vscode.Memento;
  /** The workspace model: tests wait for its first build and read what a document is judged in. */
  workspace: Pick<WorkspaceIndex, 'ensureStarted' | 'documentWorkspace' | 'onDidChange'>;
}

/** Wires each feature; the features do their own work lazily. */
export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const gettingStarted = registerGettingStarted(context);
  const notes = registerNotes(context);
  context.subscriptions.push(notes.onDidShowNote(() => gettingStarted.markStudied()));
  const tree = registerTopicTree(context, notes);
  tree.showProgress(registerQuiz(context));
  const workspace = registerWorkspaceModel(context);
  registerHints(context, workspace);
  tree.showWorkspace(workspace);
  return { topics: tree.provider, quizInput: currentQuizInput, globalState: context.globalState, workspace };
}
