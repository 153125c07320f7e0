import * as vscode from 'vscode';
import { registerGettingStarted } from './gettingStarted/registerGettingStarted';
import { registerHints } from './hints/registerHints';
import { registerNotes } from './notes/registerNotes';
import { registerQuiz } from './quiz/registerQuiz';
import { registerTopicTree } from './tree/registerTopicTree';

/** Wires each feature; the features do their own work lazily. */
export function activate(context: vscode.ExtensionContext): void {
  const gettingStarted = registerGettingStarted(context);
  const notes = registerNotes(context);
  context.subscriptions.push(notes.onDidShowNote(() => gettingStarted.markStudied()));
  const tree = registerTopicTree(context, notes);
  tree.showProgress(registerQuiz(context));
  registerHints(context);
}
