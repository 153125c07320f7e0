/**
 * Says which documents the hints did not analyse and why, so that no file is half-analysed in
 * silence: a line in the "AWS DB Hints" output channel (once per document and reason) and a
 * status-bar notice while such a document is the active editor.
 */
import * as vscode from 'vscode';
import { SkipReason } from './engine/types';

const CHANNEL_NAME = 'AWS DB Hints';

export class SkippedDocuments implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;
  private readonly statusItem: vscode.StatusBarItem;
  /** The reason last logged per document, so that edits of a skipped file do not repeat the line. */
  private readonly logged = new Map<string, string>();
  private readonly reasons = new Map<string, SkipReason>();

  constructor() {
    this.statusItem = vscode.window.createStatusBarItem('awsDbStudy.hints.skipped', vscode.StatusBarAlignment.Right, 90);
    this.statusItem.name = CHANNEL_NAME;
  }

  /** The output channel, created on first use (activation stays cheap). */
  log(line: string): void {
    this.channel ??= vscode.window.createOutputChannel(CHANNEL_NAME);
    this.channel.appendLine(line);
  }

  show(): void {
    this.channel?.show(true);
  }

  /** Records the outcome of one document's analysis: skipped with a reason, or analysed. */
  record(uri: vscode.Uri, skipped: SkipReason | undefined): void {
    const key = uri.toString();
    if (!skipped) {
      this.reasons.delete(key);
      this.logged.delete(key);
    } else {
      this.reasons.set(key, skipped);
      const text = `${skipped.kind} (${skipped.detail})`;
      if (this.logged.get(key) !== text) {
        this.logged.set(key, text);
        this.log(vscode.l10n.t('Skipped {0}: {1}', vscode.workspace.asRelativePath(uri), text));
      }
    }
    this.refreshStatus();
  }

  forget(uri: vscode.Uri): void {
    this.reasons.delete(uri.toString());
    this.logged.delete(uri.toString());
    this.refreshStatus();
  }

  /** Shows the notice while the active editor's document is a skipped one. */
  refreshStatus(): void {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const reason = active ? this.reasons.get(active) : undefined;
    if (!reason) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(warning) ${vscode.l10n.t('No design hints: {0}', reason.kind)}`;
    this.statusItem.tooltip = vscode.l10n.t('AWS DB design hints skipped this file: {0}', reason.detail);
    this.statusItem.show();
  }

  dispose(): void {
    this.statusItem.dispose();
    this.channel?.dispose();
  }
}
