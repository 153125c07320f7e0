import * as vscode from 'vscode';
import { escapeHtml } from '../notes/renderNote';

export interface WebviewPageOptions {
  title: string;
  /** Stylesheets under media/. */
  styles: string[];
  /** The page's one script, under dist/webview/; a page without one runs no script at all. */
  script?: string;
  body: string;
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The HTML document of one of our webviews: nothing loads unless the Content-Security-Policy allows
 * it, styles come only from our own folders and the only script is ours, by nonce.
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, options: WebviewPageOptions): string {
  const scriptNonce = nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    ...(options.script ? [`script-src 'nonce-${scriptNonce}'`] : []),
  ].join('; ');
  const styles = options.styles
    .map((name) => `<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name))}">`)
    .join('\n');
  const script = options.script
    ? `<script nonce="${scriptNonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', options.script))}"></script>`
    : '';
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(options.title)}</title>
</head>
<body>
${options.body}
${script}
</body>
</html>`;
}
