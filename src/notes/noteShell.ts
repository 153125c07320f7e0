import * as vscode from 'vscode';
import { HostMessage } from './protocol';
import { jsonForScriptElement } from './renderNote';

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The panel's page. It carries the first note already rendered, so the note paints without waiting
 * for the script or a message round trip; later notes arrive by message. The page runs only our
 * nonce'd script and loads styles from our own folders.
 */
export function noteShellHtml(webview: vscode.Webview, extensionUri: vscode.Uri, first: HostMessage): string {
  const scriptNonce = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'note.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'note.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const back = vscode.l10n.t('Back');
  const forward = vscode.l10n.t('Forward');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>AWS DB Note</title>
</head>
<body>
<nav class="toolbar" aria-label="${vscode.l10n.t('Note navigation')}">
<button type="button" id="back" title="${back} (Alt+Left)" aria-label="${back}" disabled>&#8592;</button>
<button type="button" id="forward" title="${forward} (Alt+Right)" aria-label="${forward}" disabled>&#8594;</button>
<button type="button" id="quiz" class="primary" hidden>${vscode.l10n.t('Quiz this topic')}</button>
</nav>
<main id="note" aria-live="polite" aria-labelledby="note-title">${first.html}</main>
<script type="application/json" id="first-note">${jsonForScriptElement(first)}</script>
<script nonce="${scriptNonce}" src="${script}"></script>
</body>
</html>`;
}
