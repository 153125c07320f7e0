import * as vscode from 'vscode';
import { escapeHtml } from '../notes/renderNote';
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
    this.panel.webview.html = this.page(this.panel.webview, title, bodyHtml);
  }

  private page(webview: vscode.Webview, title: string, bodyHtml: string): string {
    const style = (name: string): vscode.Uri => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name));
    const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style('note.css')}">
<link rel="stylesheet" href="${style('quiz-card.css')}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="quiz-card" aria-live="polite" aria-labelledby="card-title">
${bodyHtml}
</main>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
