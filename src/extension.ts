import type * as vscode from 'vscode';
import { registerGettingStarted } from './gettingStarted/registerGettingStarted';
import { registerHints } from './hints/registerHints';
import { registerStudy, StudyApi } from './registerStudy';

/** What activate() returns: read-only views into the running extension for the in-host tests. */
export interface ExtensionTestApi {
  /** The Topics view's own provider: the rows and descriptions the view shows. */
  topics: Pick<StudyApi['topics'], 'getChildren' | 'getTreeItem'>;
  /** The quiz step on screen, if any (its title). */
  quizInput: StudyApi['quizInput'];
  /** The extension's global state, where the quiz keeps its per-machine logs (sync tests write to it). */
  globalState: vscode.Memento;
}

/**
 * Registers each feature's commands, views and providers. Their work, and the code and content it
 * needs, loads on first use (chunks.ts): activation costs about what an empty extension's does.
 */
export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const gettingStarted = registerGettingStarted(context);
  const study = registerStudy(context, gettingStarted.markStudied);
  registerHints(context);
  return { topics: study.topics, quizInput: study.quizInput, globalState: context.globalState };
}
