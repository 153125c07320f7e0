import * as vscode from 'vscode';
import { escapeHtml } from '../notes/renderNote';
import { CARD_COMMANDS } from './cardHtml';

export const QUIZ_CARD_VIEW_TYPE = 'awsDbStudy.quizCard';

// Quiz-only styles; the rest comes from the note panel's theme-aware stylesheet.
const CARD_STYLE = `
.hint { color: var(--vscode-descriptionForeground); font-style: italic; }
.options { list-style: none; padding: 0; }
.options li { margin: 6px 0; padding: 6px 10px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); border-radius: 4px; }
.options .key { display: inline-block; min-width: 1.5em; font-weight: 600; color: var(--vscode-descriptionForeground); }
.options .correct { border-color: var(--vscode-testing-iconPassed, green); }
.options .wrong { border-color: var(--vscode-testing-iconFailed, red); }
.verdict { font-weight: 600; font-size: 1.15em; }
.verdict.right { color: var(--vscode-testing-iconPassed, green); }
.verdict.wrong { color: var(--vscode-testing-iconFailed, red); }
.your-notes p { white-space: pre-wrap; }
`;

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

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
    const styleNonce = nonce();
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'note.css'));
    const csp = ["default-src 'none'", `style-src ${webview.cspSource} 'nonce-${styleNonce}'`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<style nonce="${styleNonce}">${CARD_STYLE}</style>
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
