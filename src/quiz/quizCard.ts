import * as vscode from 'vscode';
import { webviewPage } from '../webview/webviewPage';
import { CARD_COMMANDS } from './cardHtml';

export const QUIZ_CARD_VIEW_TYPE = 'awsDbStudy.quizCard';

/**
 * The quiz's reading pane: a script-less webview beside the editor that shows the current card. The
 * command palette drives the quiz, so the panel never takes focus.
 */
export class QuizCard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(title: string, bodyHtml: string): void {
    if (!this.panel) {
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.panel = vscode.window.createWebviewPanel(QUIZ_CARD_VIEW_TYPE, title, { viewColumn: column, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: CARD_COMMANDS,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else if (!this.panel.visible) {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.panel.webview.html = webviewPage(this.panel.webview, this.extensionUri, {
      title,
      styles: ['note.css', 'quiz-card.css'],
      body: `<main id="quiz-card" aria-live="polite" aria-labelledby="card-title">\n${bodyHtml}\n</main>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
