import * as vscode from 'vscode';
import { webviewPage } from '../webview/webviewPage';
import { HostMessage } from './protocol';
import { jsonForScriptElement } from './renderNote';

/**
 * The panel's page. It carries the first note already rendered, so the note paints without waiting
 * for the script or a message round trip; later notes arrive by message.
 */
export function noteShellHtml(webview: vscode.Webview, extensionUri: vscode.Uri, first: HostMessage): string {
  const back = vscode.l10n.t('Back');
  const forward = vscode.l10n.t('Forward');
  return webviewPage(webview, extensionUri, {
    title: first.title,
    styles: ['note.css'],
    script: 'note.js',
    body: `<nav class="toolbar" aria-label="${vscode.l10n.t('Note navigation')}">
<button type="button" id="back" title="${back} (Alt+Left)" aria-label="${back}" disabled>&#8592;</button>
<button type="button" id="forward" title="${forward} (Alt+Right)" aria-label="${forward}" disabled>&#8594;</button>
<button type="button" id="quiz" class="primary" hidden>${vscode.l10n.t('Quiz this topic')}</button>
</nav>
<main id="note" aria-live="polite" aria-labelledby="note-title">${first.html}</main>
<script type="application/json" id="first-note">${jsonForScriptElement(first)}</script>`,
  });
}
