/**
 * The HTML of our webview pages, from plain strings: no `vscode` here, so that the Content Security
 * Policy is unit-tested. Nothing loads unless the policy allows it: styles and fonts only from our
 * own folders, and the only script is ours, by nonce.
 */
import { escapeHtml } from '../notes/renderNote';

export interface PageParts {
  /** `webview.cspSource`: the origin our own resources are served from. */
  cspSource: string;
  /** The display language (`vscode.env.language`). */
  language: string;
  title: string;
  /** Stylesheet URIs, already turned into webview URIs. */
  styleUris: readonly string[];
  /** The page's one script and its nonce; a page without one runs no script at all. */
  script?: { uri: string; nonce: string };
  body: string;
}

export function contentSecurityPolicy(cspSource: string, scriptNonce?: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    ...(scriptNonce ? [`script-src 'nonce-${scriptNonce}'`] : []),
  ].join('; ');
}

export function pageHtml(parts: PageParts): string {
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n');
  const script = parts.script ? `<script nonce="${parts.script.nonce}" src="${escapeHtml(parts.script.uri)}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(parts.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, parts.script?.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${parts.body}
${script}
</body>
</html>`;
}
