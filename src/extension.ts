import * as vscode from 'vscode';
import { registerNotes } from './notes/registerNotes';
import { registerTopicTree } from './tree/registerTopicTree';

/** Wires each feature; the features do their own work lazily. */
export function activate(context: vscode.ExtensionContext): void {
  registerTopicTree(context);
  registerNotes(context);
}

export function deactivate(): void {}
