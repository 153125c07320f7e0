import * as vscode from 'vscode';
import { pageHtml } from './pageHtml';

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

/** The HTML document of one of our webviews (see pageHtml.ts for its Content Security Policy). */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, options: WebviewPageOptions): string {
  const asUri = (...segments: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  return pageHtml({
    cspSource: webview.cspSource,
    language: vscode.env.language,
    title: options.title,
    styleUris: options.styles.map((name) => asUri('media', name)),
    ...(options.script ? { script: { uri: asUri('dist', 'webview', options.script), nonce: nonce() } } : {}),
    body: options.body,
  });
}
